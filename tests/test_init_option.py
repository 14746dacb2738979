"""`--init NAME=VALUE,...`: initial values from the command line; repeated, runs side by side.

The main paths go through the real entry point (`python -m render`); the many bad inputs through CliRunner.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.app.params import TRAINING, Given, training_scene
from render.record import load_snapshot, record
from scenes import Run, get_scene
from scenes.base import differing
from scenes.chapter import FIG7, FIG8, PARAMS

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def init_arg(values: dict[str, float], names=("w_11", "w_12")) -> str:
    return ",".join(f"{n}={values[n]!r}" for n in names)


def render_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "render", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_repeated_init_records_one_run_per_init_through_the_real_command(tmp_path):
    target = tmp_path / "pair.npz"
    done = render_cli("record", "fig8", "--init", "w_11=-0.457,w_12=-0.407",
                      "--init", "w_11=-0.157,w_12=-0.107", "--steps", "60", "--every", "20",
                      "-o", str(target), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    snap = load_snapshot(target)
    runs = snap.meta["runs"]
    assert [r["label"] for r in runs] == ["w_11=-0.457, w_12=-0.407", "w_11=-0.157, w_12=-0.107"]
    assert [r["init_override"] for r in runs] == [{"w_11": -0.457, "w_12": -0.407},
                                                   {"w_11": -0.157, "w_12": -0.107}]
    for r, run in enumerate(runs):  # the others keep the scene's (Fig 8's) values
        expected = {**FIG8, **run["init_override"]}
        assert run["init"] == expected
        assert snap.params[r, 0].tolist() == [expected[n] for n in PARAMS]
    assert snap.curves.shape[0] == 2 and snap.steps.tolist() == [0, 20, 40, 60]


def test_init_pairs_are_fig7_vs_fig8_for_any_inits():
    """`fig8 --init <Fig 7's> --init <Fig 8's>` trains exactly the built-in fig7_vs_fig8 pair."""
    given = {"init": [init_arg(FIG7), init_arg(FIG8)], "steps": 600, "every": 50}
    mine = record(training_scene("fig8", given))
    builtin = record(get_scene("fig7_vs_fig8").with_overrides(samples=600, every=50))
    np.testing.assert_array_equal(mine.steps, builtin.steps)
    np.testing.assert_array_equal(mine.params, builtin.params)
    np.testing.assert_array_equal(mine.curves, builtin.curves)
    assert [r["init"] for r in mine.meta["runs"]] == [r["init"] for r in builtin.meta["runs"]]


def test_init_overrides_a_seeded_run_and_leaves_its_other_draws():
    scene = get_scene("relu_quadratic")
    drawn = scene.runs[0].initial_values(list(PARAMS))
    changed = training_scene("relu_quadratic", {"init": ["w_21=0.5"]}).runs[0]
    assert changed.initial_values(list(PARAMS)) == {**drawn, "w_21": 0.5}
    assert changed.label == "w_21=0.5"


def test_one_init_applies_to_every_run_of_a_scene_with_several():
    scene = training_scene("fig7_vs_fig8", {"init": ["b_21=0.1"]})
    assert [r.label for r in scene.runs] == [f"{r.label}; b_21=0.1" for r in get_scene("fig7_vs_fig8").runs]
    assert [r.initial_values(list(PARAMS))["b_21"] for r in scene.runs] == [0.1, 0.1]
    assert scene.runs[0].initial_values(list(PARAMS))["w_11"] == FIG7["w_11"]


def test_row_titles_show_only_the_inits_that_differ():
    inits = [{"w_11": 0.1, "w_12": 0.5}, {"w_11": 0.2, "w_12": 0.5}]
    assert differing(inits) == ["w_11"]
    assert differing([{"w_11": 0.1, "w_12": 0.5}]) == ["w_11", "w_12"]
    assert differing([{"w_11": 0.1}, {"w_12": 0.1}]) == ["w_11", "w_12"]  # a missing name differs too
    scene = get_scene("fig8").with_inits(inits)
    assert [r.label for r in scene.runs] == ["w_11=0.1", "w_11=0.2"]
    assert get_scene("fig8").with_inits([]) is get_scene("fig8")


def test_a_lone_init_is_titled_by_what_it_changes():
    """The lab's equivalent command gives every parameter: the row shows the ones that moved."""
    every = ",".join(f"{n}={v!r}" for n, v in FIG7.items())
    assert training_scene("fig8", {"init": [every]}).runs[0].label == "w_11=-0.457195, w_12=-0.407037"
    same = training_scene("fig8", {"init": [init_arg(FIG8)]}).runs[0]  # nothing moved: what was given
    assert same.label == "w_11=-0.157195, w_12=-0.107037"


def test_a_run_refuses_an_override_for_a_parameter_it_does_not_have():
    with pytest.raises(ValueError, match="no parameter named w_99"):
        Run("r", init=FIG8, init_override={"w_99": 1.0}).initial_values(list(PARAMS))


def test_init_works_on_a_scene_from_the_users_file(tmp_path):
    target = tmp_path / "tanh.npz"
    result = runner.invoke(app, ["record", f"{ROOT}/examples/tanh_net.py:tanh_net", "--init", "w_22=0.75",
                                 "--steps", "20", "--every", "10", "-o", str(target)])
    assert result.exit_code == 0, result.output
    run = load_snapshot(target).meta["runs"][0]
    assert run["init"]["w_22"] == 0.75 and run["label"] == "w_22=0.75"
    bad = runner.invoke(app, ["record", f"{ROOT}/examples/tanh_net.py:tanh_net", "--init", "w_23=1"])
    assert bad.exit_code == 2 and "w_21, w_22" in bad.stderr


def test_init_is_said_again_as_the_same_words():
    """The gallery (and anything else that rebuilds a command) gets `--init` back verbatim, once per run."""
    given = Given({o.name: None for o in TRAINING.options} | {"init": ["w_11=0.2", "w_12=-0.3"]}, (TRAINING,))
    assert given.argv() == ["--init", "w_11=0.2", "--init", "w_12=-0.3"]


@pytest.mark.parametrize("value, words", [
    ("w_13=0.2", ["no parameter 'w_13'", "did you mean w_11, w_12",
                  "(its parameters: w_11, w_12, b_11, b_12, w_21, w_22, b_21)"]),
    ("W11=0.2", ["no parameter 'W11'", "its parameters: w_11"]),
    ("w_11=nan", ["not a finite number"]),
    ("w_11=inf", ["not a finite number"]),
    ("w_11=-1e999", ["not a finite number"]),
    ("w_11=abc", ["w_11=abc is not a number"]),
    ("w_11", ["'w_11' is not NAME=VALUE"]),
    ("w_11=", ["'w_11=' is not NAME=VALUE"]),
    ("=0.3", ["'=0.3' is not NAME=VALUE"]),
    ("w_11=0.1,,w_12=0.2", ["'' is not NAME=VALUE"]),
    ("", ["'' is not NAME=VALUE"]),
    ("w_11=0.1,w_11=0.2", ["w_11 is given twice"]),
])
@pytest.mark.parametrize("command", ["record", "scene"])
def test_bad_init_is_one_line_exit_2_and_writes_nothing(tmp_path, command, value, words):
    out = ["-o", str(tmp_path / "x.npz")] if command == "record" else ["--out", str(tmp_path / "out")]
    result = runner.invoke(app, [command, "fig8", "--init", value, *out])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --init"), result.stderr
    for w in words:
        assert w in lines[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_init_on_a_sweep_scene_is_refused(tmp_path):
    result = runner.invoke(app, ["record", "relu_vs_leakyrelu", "--init", "w_11=0.1",
                                 "-o", str(tmp_path / "s.npz")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "sweep" in lines[0] and "--init" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_a_second_bad_init_is_found_before_any_work(tmp_path):
    result = runner.invoke(app, ["record", "fig8", "--init", "w_11=0.1", "--init", "b_3=1",
                                 "-o", str(tmp_path / "x.npz")])
    assert result.exit_code == 2 and "b_3" in result.stderr
    assert list(tmp_path.iterdir()) == []
