"""Scenes from the user's own file (`render scene path/to/file.py:NAME`) and the worked example."""

import textwrap

import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.record.snapshot import load_snapshot
from scenes import SceneNotFound, get_scene
from scenes.loader import SceneLoadError, is_file_reference

EXAMPLE = "examples/tanh_net.py"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _repo_root(monkeypatch, request):
    """Run from the repository root; leave the registry as it was (files may `register` scenes)."""
    from scenes import registry

    monkeypatch.chdir(request.config.rootpath)
    monkeypatch.setattr(registry, "_REGISTRY", registry.registered())


def test_references_are_told_from_registry_names():
    assert is_file_reference("examples/tanh_net.py:tanh_net")
    assert is_file_reference("my_scenes.py")
    assert not is_file_reference("fig7_vs_fig8")
    assert not is_file_reference("fig8:py")


def test_example_scenes_load_by_variable_and_by_name():
    scene = get_scene(f"{EXAMPLE}:tanh_net")
    assert scene.name == "tanh_net" and scene.activation == "Tanh"
    assert get_scene(f"{EXAMPLE}:tanh_random").runs[0].init_seed == 3
    net = scene.net()
    assert [p.name for p in net.params] == ["w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21"]


def test_example_renders_through_the_cli(tmp_path):
    """The documented example, rendered small: the same path as a built-in scene."""
    result = runner.invoke(app, ["scene", f"{EXAMPLE}:tanh_net", "--steps", "60", "--every", "20",
                                 "--quality", "low", "--format", "gif", "--gif-width", "200",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tanh_net.gif", "tanh_net.npz", "tanh_net.png"]
    snap = load_snapshot(tmp_path / "tanh_net.npz")
    assert snap.meta["activation"] == "Tanh"
    assert "tanh_11" in snap.node_names and snap.steps.tolist() == [0, 20, 40, 60]


def test_record_loads_a_registered_scene_from_a_file(tmp_path):
    source = tmp_path / "mine.py"
    source.write_text(textwrap.dedent("""
        from scenes import Run, Schedule, Scene, register
        from scenes.chapter import FIG8, PANELS, build

        register(Scene("fig8_fast", "Fig 8, lr 0.05.", build,
                       (Run("Fig 8, lr 0.05", init=FIG8, samples=40, lr=0.05),), PANELS,
                       Schedule("linear", every=20)))
    """))
    target = tmp_path / "fast.npz"
    result = runner.invoke(app, ["record", f"{source}:fig8_fast", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert load_snapshot(target).meta["runs"][0]["lr"] == 0.05
    assert get_scene(str(source)).name == "fig8_fast"  # the file's only scene, without a name


@pytest.mark.parametrize("content, ref, expected", [
    (None, "missing.py:x", "does not exist"),
    ("x = (\n", "bad.py:x", "bad.py:1: syntax error"),
    ("import no_such_module_here\n", "bad.py:x", "bad.py:1: ModuleNotFoundError"),
    ("x = 1\n", "bad.py:scene", "no scene 'scene' in"),
    ("x = 1\n", "bad.py", "defines no Scene"),
])
def test_bad_files_fail_in_one_line_with_exit_2(tmp_path, content, ref, expected):
    if content is not None:
        (tmp_path / "bad.py").write_text(content)
    with pytest.raises(SceneLoadError) as err:
        get_scene(str(tmp_path / ref))
    assert isinstance(err.value, SceneNotFound) and expected in str(err.value)
    result = runner.invoke(app, ["scene", str(tmp_path / ref), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in result.output


def test_a_misspelt_name_suggests_the_files_scenes():
    with pytest.raises(SceneLoadError, match="did you mean tanh_net"):
        get_scene(f"{EXAMPLE}:tanh_nett")
