"""`render check` on a user's own scene file: goldens in a folder of theirs, a failing check names where
the change first shows and draws it, a JUnit report, the GitHub step summary, and the example workflow.

The scenes are small (300 samples, a snapshot every 20) so every check records in well under a second.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.app.step_summary import append_step_summary, summary_markdown
from render.record import goldens as goldens_module
from render.record.check import resolve_scenes
from render.record.check_result import SceneResult
from render.record.diff import ArrayDiff, Where, load_recording
from render.record.goldens import golden_scene
from scenes.chapter import FIG7, FIG8

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ci"
runner = CliRunner()

SCENES = '''
from scenes import Run, Scene, Schedule
from scenes.chapter import PANELS, build

pair = Scene("pair", "Fig 7 and Fig 8, short.", build,
             (Run("Fig 7", init={fig7}, samples=300, lr={lr7}),
              Run("Fig 8", init={fig8}, samples=300, lr=0.01)),
             PANELS, Schedule("linear", every=20))

single = Scene("single", "Fig 8 alone.", build, (Run("Fig 8 alone", init={fig8}, samples=200),), PANELS,
               Schedule("linear", every=20))
'''


def write_scenes(path: Path, fig8: dict | None = None, lr7: float = 0.01) -> Path:
    """The user's file; init values written with repr(), so a one-ulp change is a one-ulp change."""
    path.write_text(SCENES.format(fig7=repr(FIG7), fig8=repr(fig8 or FIG8), lr7=repr(lr7)))
    return path


def run(*args: str):
    return runner.invoke(app, ["check", *map(str, args)])


@pytest.fixture
def user(tmp_path, monkeypatch):
    """A user's scene file and goldens folder, goldens made with --update; runs in tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    source = write_scenes(tmp_path / "my_scenes.py")
    result = run(source, "--goldens", "goldens", "--update")
    assert result.exit_code == 0, result.output
    return source, tmp_path / "goldens"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _diff_line(output: str, key: str) -> str:
    """The `key: N of M values differ; first at ...` line of the report."""
    return next(line for line in output.splitlines() if line.strip().startswith(f"{key}: "))


# --- goldens of one's own ---------------------------------------------------------------------------


def test_update_writes_the_goldens_of_every_scene_in_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = write_scenes(tmp_path / "my_scenes.py")
    result = run(source, "--goldens", "goldens")
    assert result.exit_code == 1
    assert "pair: no golden" in result.output and "single: no golden" in result.output
    assert f"`render check --update {source}:pair --goldens goldens`" in result.output
    assert not (tmp_path / "goldens").exists()  # a check never writes
    result = run(source, "--goldens", "goldens", "--update")
    assert result.exit_code == 0, result.output
    assert "pair: created" in result.output and "2 of 2 goldens changed: pair, single" in result.output
    for ref, scene in resolve_scenes([str(source)]):
        assert ref == f"{source}:{scene.name}"
        golden = load_recording(tmp_path / "goldens" / f"{scene.name}.npz")
        expected = golden_scene(scene)  # the built-in scenes' golden configuration
        assert golden.arrays["steps"].tolist() == expected.schedule.steps(expected.total_samples).tolist()
        assert golden.arrays["grid"].size == expected.grid_points
        assert [r["label"] for r in golden.meta["runs"]] == [r.label for r in scene.runs]
    result = run(source, "--goldens", "goldens")
    assert result.exit_code == 0, result.output
    assert "pair: match" in result.output and "all 2 scenes match their goldens" in result.output
    assert not list((tmp_path / "goldens").glob("*.png"))


def test_one_scene_by_name_and_the_old_option_name(user):
    source, goldens = user
    result = run(f"{source}:single", "--golden-dir", goldens)
    assert result.exit_code == 0, result.output
    assert "single: match" in result.output and "pair" not in result.output


def test_one_ulp_change_of_an_init_fails_an_exact_check_in_that_run(user):
    source, goldens = user
    moved = {**FIG8, "w_11": float(np.nextafter(FIG8["w_11"], 1.0))}
    assert moved["w_11"] != FIG8["w_11"] and abs(moved["w_11"] - FIG8["w_11"]) < 1e-16
    write_scenes(source, fig8=moved)
    # The default tolerance is set above the few-ulp noise of vectorised maths across machines (diff.py):
    # one ulp of one init passes it. Tolerance is per call: exact comparison catches it.
    assert run(f"{source}:pair", "--goldens", goldens).exit_code == 0
    result = run(f"{source}:pair", "--goldens", goldens, "--rtol", "0", "--atol", "0")
    assert result.exit_code == 1, result.output
    out = result.output
    curves, params = _diff_line(out, "curves"), _diff_line(out, "params")
    # the curves show it first, at step 0, in a node computed from w_11; the parameters name w_11; all
    # in run 'Fig 8', never in 'Fig 7'
    node = re.search(r"first at run 'Fig 8', step 0, node (\w+)", curves).group(1)
    assert node in {"mul_11", "add_11"}, curves
    assert re.search(r"first at run 'Fig 8', step \d+, param w_11;", params), params
    assert "'Fig 7'" not in out
    picture = goldens / "pair.diff.png"
    assert f"picture: {picture}" in out
    assert _png_size(picture) == (1280, 960)


def test_a_changed_learning_rate_is_named_at_the_first_snapshot_after_training(user):
    source, goldens = user
    write_scenes(source, lr7=0.0101)
    result = run(source, "--goldens", goldens)
    assert result.exit_code == 1
    out = result.output
    assert "single: match" in out and "pair: differs" in out
    step = int(load_recording(goldens / "pair.npz").arrays["steps"][1])
    assert step == 20
    assert f"first at run 'Fig 7', step {step}, param w_11;" in _diff_line(out, "params")
    assert f"first at run 'Fig 7', step {step}, node mul_11," in _diff_line(out, "curves")
    assert "runs[0].lr: 0.0101, golden has 0.01" in out
    assert not re.search(r"run 'Fig 8', (param|node)", out)  # the other run is untouched
    assert f"picture: {goldens / 'pair.diff.png'}" in out
    assert _png_size(goldens / "pair.diff.png") == (1280, 960)
    assert not (goldens / "single.diff.png").exists()
    # the intended change accepted: --update rewrites the golden (and draws what it accepted); the next
    # check matches and removes the picture of a difference that is gone
    assert run(source, "--goldens", goldens, "--update").exit_code == 0
    result = run(source, "--goldens", goldens)
    assert result.exit_code == 0 and "pair: match" in result.output
    assert not (goldens / "pair.diff.png").exists()


# --- reports for CI ---------------------------------------------------------------------------------


def test_junit_report_has_one_case_per_scene_and_the_failure_summary(user):
    source, goldens = user
    write_scenes(source, lr7=0.0101)
    result = run(source, "--goldens", goldens, "--report", "reports/scenes.xml")
    assert result.exit_code == 1 and "wrote reports/scenes.xml" in result.output
    root = ET.parse("reports/scenes.xml").getroot()
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    suite = root.find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"pair", "single"}
    assert cases["single"].find("failure") is None
    failure = cases["pair"].find("failure")
    assert failure.get("type") == "differs"
    assert failure.get("message").startswith(
        "pair: differs: params: first at run 'Fig 7', step 20, param w_11; max abs ")
    assert "curves:" in failure.text and "runs[0].lr" in failure.text
    assert f"picture: {goldens / 'pair.diff.png'}" in cases["pair"].find("system-out").text
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["rtol"] == "1e-10" and props["goldens"] == str(goldens)
    assert float(cases["pair"].get("time")) > 0


def test_step_summary_under_github_actions(user, monkeypatch, tmp_path):
    source, goldens = user
    write_scenes(source, lr7=0.0101)
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(source, "--goldens", goldens).exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n")  # appended, as GitHub expects
    lines = text.splitlines()
    assert "### render check: 1 of 2 scenes differ from their goldens" in lines
    assert "| scene | result | first difference | picture |" in lines
    row = next(line for line in lines if line.startswith("| pair |"))
    assert "❌ differs" in row and "param w\\_11" in row and "step 20" in row
    assert f"`{goldens / 'pair.diff.png'}`" in row
    assert any(line.startswith("| single | ✅ match |") for line in lines)


def test_step_summary_escapes_what_comes_from_users_files():
    where = Where({"run": "<img src=x onerror=alert(1)>|", "step": 3, "param": "w_*1*"})
    diff = ArrayDiff("params", "values", "", first=where, max_abs=0.5, max_rel=0.1)
    result = SceneResult("a|b <script>", "differs", Path("g/a.npz"), [diff], picture=Path("g/a`b.png"))
    text = summary_markdown([result], "render check: `x` <b>")
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    row = text.strip().splitlines()[-1]
    assert row.startswith("| a\\|b &lt;script&gt; | ❌ differs |")
    assert row.count(" | ") == 3  # the pipes in the data do not add columns
    assert "w\\_\\*1\\*" in row and "a&#96;b.png" in row
    assert append_step_summary([result], "x", env={}) is None


# --- where goldens may be written ---------------------------------------------------------------------


def test_an_installed_package_never_rewrites_its_goldens(tmp_path, monkeypatch):
    installed = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "render" / "record" / "goldens"
    installed.mkdir(parents=True)
    monkeypatch.setattr(goldens_module, "GOLDEN_DIR", installed)
    result = run("fig8", "--update")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "installed package" in lines[0] and "--goldens" in lines[0]
    assert not any(installed.iterdir())
    assert goldens_module.installed_copy(installed) and not goldens_module.installed_copy(tmp_path / "mine")


def test_a_users_file_needs_a_goldens_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = write_scenes(tmp_path / "my_scenes.py")
    result = run(f"{source}:pair", "--update")
    assert result.exit_code == 2 and "--goldens DIR" in result.stderr
    assert result.stderr.count("\n") == 1
    (tmp_path / "afile").write_text("")
    result = run(source, "--goldens", "afile")
    assert result.exit_code == 2 and "is a file" in result.stderr


# --- the example workflow, run here -----------------------------------------------------------------


def _commands(workflow: str) -> tuple[list[str], list[str]]:
    """(the `$ ` commands its header says to run once locally, the `run:` steps of its job)."""
    local = [m.group(1) for m in re.finditer(r"^#\s+\$ (.+)$", workflow, re.M)]
    steps = [m.group(1).strip() for m in re.finditer(r"^\s+- run: (.+)$", workflow, re.M)]
    try:
        import yaml
    except ImportError:
        return local, steps
    parsed = yaml.safe_load(workflow)  # where PyYAML is there: the regex read what YAML reads
    assert [s["run"] for s in parsed["jobs"]["scenes"]["steps"] if "run" in s] == steps
    return local, steps


def _sh(command: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    """Run a workflow command here: `render` and `pytest` from this Python, as installed."""
    words = shlex.split(command)
    words = [sys.executable, "-m", words[0], *words[1:]] if words[0] in ("render", "pytest") else words
    return subprocess.run(words, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_example_workflow_runs_here(tmp_path):
    import os

    repo = tmp_path / "repo"  # the user's repository: the example's files at its root
    shutil.copytree(EXAMPLE, repo, ignore=shutil.ignore_patterns("goldens", "__pycache__", "*.png", "*.xml"))
    workflow = (repo / "scene-checks.yml").read_text()
    local, steps = _commands(workflow)
    install, *ci = steps
    assert install.split()[:2] == ["pip", "install"] and {"ourdl-render", "pytest"} <= set(install.split())
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "MPLBACKEND": "Agg",
           # third-party plugins this machine may have beside us, which the example does not use (hypothesis
           # imports itself at every session's end: seconds per run)
           "PYTEST_ADDOPTS": "-p no:hypothesispytest -p no:benchmark"}
    # once, locally: the goldens (the fixture's --regen-scenes fails once, by design)
    made = [_sh(c, repo, env) for c in local]
    assert made[0].returncode == 0, made[0].stdout + made[0].stderr
    assert made[1].returncode == 1 and "created" in made[1].stdout, made[1].stdout
    assert sorted(p.name for p in (repo / "goldens").iterdir()) == [
        "fig8_short.npz", "test_fig8_short.npz", "test_two_inits_with_relu.npz", "two_inits.npz"]
    summary.unlink(missing_ok=True)
    # CI: every step passes on the committed goldens
    for command in ci:
        done = _sh(command, repo, env)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert ET.parse(repo / "scene-checks.xml").getroot().get("tests") == "2"
    assert ET.parse(repo / "pytest-scenes.xml").getroot().find("testsuite").get("tests") == "2"
    assert "all 2 scenes match their goldens" in summary.read_text()
    # a change to a scene: the check step fails, names it, and leaves the picture the upload step takes
    source = repo / "my_scenes.py"
    source.write_text(source.read_text().replace("samples=400, lr=0.01)", "samples=400, lr=0.011)"))
    done = _sh(ci[0], repo, env)
    assert done.returncode == 1
    assert "fig8_short: differs" in done.stdout and "param w_11" in done.stdout
    assert (repo / "goldens" / "fig8_short.diff.png").is_file()
    assert "goldens/*.diff.png" in workflow
