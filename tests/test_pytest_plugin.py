"""The `scene_regression` fixture, as a user's test suite sees it: run by pytester in a folder of its own.

The plugin comes in through the package's `pytest11` entry point (no conftest, no -p), so these runs
also prove that the installed package registers it.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import numpy as np
import pytest

import render.app.step_summary  # noqa: F401 - loaded once here, not again in every pytester run
import render.draw.diff_figure  # noqa: F401
from render.record.diff import load_recording
from scenes.chapter import FIG8

pytest_plugins = ["pytester"]

SCENES = """
from scenes import Run, Scene, Schedule
from scenes.chapter import FIG7, PANELS, build

net = Scene("net", "Fig 7 and Fig 8, short.", build,
            (Run("Fig 7", init=FIG7, samples=200, lr={lr}), Run("Fig 8", init={fig8}, samples=200)),
            PANELS, Schedule("linear", every=20))
"""


def scenes(lr: float = 0.01, fig8: dict = FIG8) -> str:
    return SCENES.format(lr=repr(lr), fig8=repr(fig8))


TESTS = """
from scenes import get_scene


def test_net(scene_regression):
    scene_regression.check("my_scenes.py:net")


def test_exact(scene_regression):
    scene_regression.check(get_scene("my_scenes.py:net"), rtol=0, atol=0)
"""


@pytest.fixture
def project(pytester, monkeypatch):
    """A user's project: a scene file, a test file, no goldens yet."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    pytester.makepyfile(my_scenes=scenes(), test_scenes=TESTS)
    return pytester


#: Third-party plugins that may be installed beside us and that each in-process run would load again
#: (hypothesis imports itself at every session's end: seconds per run); the runs here do not need them.
QUIET = ("-p", "no:hypothesispytest", "-p", "no:benchmark")


def run(pytester, *args: str):
    """pytest in-process in the user's folder, as they would run it."""
    return pytester.runpytest(*QUIET, *args)


def _outcome(result, **counts):
    result.assert_outcomes(**counts)
    return result.stdout.str()


def test_the_entry_point_registers_the_plugin():
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("ourdl_render") == "render.app.pytest_plugin"


def test_missing_goldens_fail_then_regen_writes_them_and_fails_once_then_pass(project):
    goldens = project.path / "goldens"
    out = _outcome(run(project), failed=2)
    assert "test_net: no golden" in out and "pytest --regen-scenes" in out
    assert not goldens.exists()  # a check never writes a golden by itself
    out = _outcome(run(project, "--regen-scenes"), failed=2)
    assert f"created {goldens / 'test_net.npz'}" in out and "fails once so the change is noticed" in out
    assert sorted(p.name for p in goldens.iterdir()) == ["test_exact.npz", "test_net.npz"]
    _outcome(run(project), passed=2)
    _outcome(run(project, "--regen-scenes"), passed=2)  # nothing changed: nothing to notice


def test_a_change_fails_with_where_and_a_picture_and_regen_accepts_it(project, tmp_path, monkeypatch):
    _outcome(run(project, "--regen-scenes"), failed=2)
    project.makepyfile(my_scenes=scenes(lr=0.0105))
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    net = ("-k", "test_net")  # test_exact would fail the same way: one picture per run is enough here
    out = _outcome(run(project, *net), failed=1, deselected=1)
    picture = project.path / "goldens" / "test_net.diff.png"
    assert "scene_regression: test_net: differs: params: first at run 'Fig 7', step 20, param w_11;" in out
    assert "runs[0].lr: 0.0105, golden has 0.01" in out
    assert f"picture: {picture}" in out and picture.read_bytes()[:4] == b"\x89PNG"
    assert "if the change is intended: pytest --regen-scenes" in out
    text = summary.read_text()
    assert "### scene\\_regression: test\\_scenes.py::test\\_net" in text and f"`{picture}`" in text
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    out = _outcome(run(project, "--regen-scenes", *net), failed=1, deselected=1)
    assert f"updated {project.path / 'goldens' / 'test_net.npz'}; what changed: params: first at run " \
           "'Fig 7', step 20" in out
    _outcome(run(project, *net), passed=1, deselected=1)
    assert not picture.exists()  # the difference it showed has been accepted


def test_the_tolerance_is_per_check(project):
    _outcome(run(project, "--regen-scenes"), failed=2)
    moved = {**FIG8, "w_11": float(np.nextafter(FIG8["w_11"], 1.0))}  # one ulp
    project.makepyfile(my_scenes=scenes(fig8=moved))
    result = run(project)
    out = _outcome(result, passed=1, failed=1)  # the default tolerance takes one ulp; rtol=0, atol=0 not
    # float64 arrays are compared exactly at rtol=atol=0: the moved init itself is the first difference
    assert "test_exact: differs: params: first at run 'Fig 8', step 0, param w_11" in out
    assert "'Fig 7'" not in out
    assert (project.path / "goldens" / "test_exact.diff.png").is_file()


def test_a_snapshot_is_compared_as_recorded_and_two_checks_need_two_names(pytester, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    pytester.makepyfile(my_scenes=scenes(), test_snap="""
        import dataclasses

        from render.record import record
        from scenes import get_scene


        def test_snapshot(scene_regression):
            scene = get_scene("my_scenes.py:net")
            snap = record(dataclasses.replace(scene, runs=scene.runs[:1]))
            scene_regression.check(snap)
            scene_regression.check("my_scenes.py:net", basename="whole_scene")


        def test_twice(scene_regression):
            scene_regression.check("my_scenes.py:net")
            scene_regression.check("my_scenes.py:net")
    """)
    out = _outcome(run(pytester, "--regen-scenes"), failed=2)
    assert "give each check its own basename=" in out
    snap = pytester.path / "goldens" / "test_snapshot.npz"
    golden = load_recording(snap)
    assert [r["label"] for r in golden.meta["runs"]] == ["Fig 7"]
    assert golden.arrays["steps"].tolist() == list(range(0, 201, 20))  # as recorded, not re-configured
    assert (pytester.path / "goldens" / "whole_scene.npz").is_file()
    out = _outcome(run(pytester, "-k", "snapshot"), passed=1, deselected=1)


def test_bad_input_fails_in_one_line(pytester, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    pytester.makepyfile(test_bad="""
        def test_no_file(scene_regression):
            scene_regression.check("nowhere.py:net")


        def test_wrong_type(scene_regression):
            scene_regression.check(42)
    """)
    out = _outcome(run(pytester), failed=2)
    assert "scene_regression: scene file nowhere.py does not exist" in out
    assert "takes a scene reference, a Scene or a Snapshot, not int" in out
    assert "Traceback" not in out


def test_help_lists_the_option(pytester):
    assert "--regen-scenes" in run(pytester, "--help").stdout.str()


def test_the_plugin_imports_no_engine():
    """It loads in every pytest session of everyone who installs the package: only pytest and stdlib."""
    code = ("import sys, render.app.pytest_plugin; "
            "print(sorted(m for m in ('numpy', 'matplotlib', 'typer', 'scenes', 'ourdl', 'render.record') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
