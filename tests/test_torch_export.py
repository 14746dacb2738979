"""`render export SCENE --torch`: the script it writes, run as a learner runs it, records the scene itself.

Each case exports a scene (through the CLI), runs the script in a fresh process in tmp_path, and compares
its recording with the scene's own (`render.record.record` of the same scene, ourdl's graph): the same
snapshot steps, parameter names and runs, and every parameter within MAX_DIFF at every snapshot. The
largest difference of each case is printed (pytest -s). Refusals are one line, exit 2, nothing written.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.app.params import training_scene
from render.record import load_snapshot, record
from render.record.torch_export import numpy_code
from scenes.targets import NAMED, evaluate, parse_target

runner = CliRunner()
#: the issue's bound: the script's parameters against the scene's at every snapshot
MAX_DIFF = 1e-12
ROOT = Path(__file__).resolve().parent.parent


def export(tmp_path: Path, name: str, *args: str, out: str = "script.py") -> Path:
    script = tmp_path / out
    result = runner.invoke(app, ["export", name, *args, "--torch", "-o", str(script)])
    assert result.exit_code == 0, result.output
    assert str(script) in result.stdout
    return script


def run_script(script: Path, *args: str) -> tuple[Path, str]:
    """Run the script as a learner does, in its own folder; (the recording it wrote, what it printed)."""
    done = subprocess.run([sys.executable, script.name, *args], cwd=script.parent, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip()
    return script.parent / printed, printed


def given(**options) -> dict:
    """The CLI's options as `training_scene` takes them."""
    return options


def compare(script_npz: Path, scene) -> float:
    """Assert the script's recording is the scene's own; returns the largest parameter difference."""
    ours = record(scene)
    theirs = load_snapshot(script_npz)
    assert theirs.steps.tolist() == ours.steps.tolist()
    assert theirs.meta["params"] == ours.meta["params"]
    assert [r["label"] for r in theirs.meta["runs"]] == [r["label"] for r in ours.meta["runs"]]
    assert [r["init"] for r in theirs.meta["runs"]] == [r["init"] for r in ours.meta["runs"]]
    assert [(r["lr"], r["data_seed"], r["samples"]) for r in theirs.meta["runs"]] == \
        [(r["lr"], r["data_seed"], r["samples"]) for r in ours.meta["runs"]]
    diff = float(np.abs(theirs.params - ours.params).max())
    assert diff <= MAX_DIFF, f"largest parameter difference {diff:.3g}"
    return diff


@pytest.fixture
def torch():
    return pytest.importorskip("torch")


def test_fig7_vs_fig8_at_full_length_from_no_arguments(torch, tmp_path):
    script = export(tmp_path, "fig7_vs_fig8")
    start = time.perf_counter()
    npz, printed = run_script(script)
    took = time.perf_counter() - start
    assert printed == "fig7_vs_fig8_torch.npz" and npz.is_file()  # into the working folder, its path said
    diff = compare(npz, training_scene("fig7_vs_fig8", given()))
    print(f"\nfig7_vs_fig8 (2 runs x 12,000 samples): max |torch - ourdl| = {diff:.3g}, script {took:.1f} s")


PDATA = "x,y\n0,0.1\n0.5,0.8\n1,0.2\n1.5,1.1\n2,0.4\n"

CASES = {
    "hidden 4": ("fig8", ["--hidden", "4", "--steps", "1500"]),
    "target x^3-x": ("fig8", ["--target", "x^3-x", "--steps", "1500"]),
    "target exp(-x)*sin(3*x) on -1,3": ("fig8", ["--target", "exp(-x)*sin(3*x)", "--data-range", "-1,3",
                                                 "--steps", "1500"]),
    "hidden 3,3 Tanh squared": ("fig8", ["--hidden", "3,3", "--activation", "Tanh", "--loss-fn", "squared",
                                         "--steps", "1500", "--lr", "0.05"]),
    "hidden 3 Sigmoid": ("fig8", ["--hidden", "3", "--activation", "Sigmoid", "--steps", "1500"]),
    "hidden 3 Relu points": ("fig8", ["--hidden", "3", "--activation", "Relu", "--data", "POINTS",
                                      "--steps", "1500"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_exported_script_records_the_scene(torch, tmp_path, case):
    name, args = CASES[case]
    if "POINTS" in args:
        csv = tmp_path / "pts.csv"
        csv.write_text(PDATA, encoding="utf-8")
        args = [str(csv) if a == "POINTS" else a for a in args]
    script = export(tmp_path, name, *args)
    npz, _ = run_script(script, "run.npz")
    assert npz == tmp_path / "run.npz"
    options = {}
    for flag, value in zip(args[::2], args[1::2]):
        key = {"--steps": "steps", "--lr": "lr", "--loss-fn": "loss"}.get(flag, flag[2:].replace("-", "_"))
        options[key] = float(value) if key == "lr" else int(value) if key == "steps" else value
    diff = compare(npz, training_scene(name, given(**options)))
    print(f"\n{case}: max |torch - ourdl| = {diff:.3g}")


def test_the_script_reads_cleanly(tmp_path):
    """The script is Python a learner can read: ruff finds nothing in it (the project's rules)."""
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    for args in (["fig7_vs_fig8"], ["fig8", "--hidden", "12,3", "--target", "sin"]):
        script = export(tmp_path, *args, out=f"{args[0]}.py")
        config = str(ROOT / "pyproject.toml")
        done = subprocess.run([ruff, "check", "--no-cache", "--config", config, str(script)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout
        compile(script.read_text(encoding="utf-8"), str(script), "exec")


def test_the_loss_steps_at_a_tie_as_the_tutorial_does(torch, tmp_path):
    """At label == y ourdl's ValueLoss gives d/dy = +1 (the tutorial counts 0 as negative); nn.L1Loss would
    give 0. The script's loss_fn gives ourdl's gradient there and on either side."""
    from ourdl.core import Graph, Varrible
    from ourdl.ops.loss import ValueLoss

    script = export(tmp_path, "fig8", "--steps", "10")
    spec = importlib.util.spec_from_file_location("exported", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines the functions; main() runs only as a script
    for label, y in ((1.5, 1.5), (2.0, 1.0), (1.0, 2.0), (0.0, -0.0)):
        with Graph().as_default():
            a, b = Varrible(label), Varrible(y)
            loss = ValueLoss([a, b])
            loss.forward()
            want = loss.local_grad(1)
        out = torch.tensor([[y]], dtype=torch.float64, requires_grad=True)
        module.loss_fn(out, torch.tensor([[label]], dtype=torch.float64)).backward()
        assert out.grad.item() == want, (label, y)


def test_targets_are_emitted_as_the_scene_computes_them():
    """Every accepted expression of the shared table, and every named target: the emitted numpy code gives
    evaluate()'s values bit for bit (integer powers as products, a constant exponent as an array)."""
    table = json.loads((ROOT / "tests" / "target_cases.json").read_text(encoding="utf-8"))
    xs = np.concatenate([np.array(table["xs"], dtype=float), np.random.default_rng(0).uniform(-3, 3, 2000)])
    texts = [case["text"] for case in table["accepted"]] + list(NAMED)
    assert len(texts) > 50
    for text in texts:
        tree = parse_target(text).ast
        code = numpy_code(tree)
        with np.errstate(all="ignore"):
            got = eval(code, {"np": np, "x": xs.copy()})  # our own generated code, from a parsed tree
            want = evaluate(tree, xs)
        assert np.array_equal(got, want, equal_nan=True), (text, code)
    assert numpy_code(parse_target("x^3-x").ast) == "x * x * x - x"
    assert numpy_code(parse_target("2").ast) == "np.full_like(x, 2.0)"


REFUSED = {
    "no --torch": (["export", "fig8"], "give --torch"),
    "a sweep": (["export", "relu_vs_leakyrelu", "--torch"], "sweep"),
    "not the family": (["export", "adaline", "--torch"], "not the chapter's network family"),
    "Step": (["export", "fig8", "--activation", "Step", "--torch"], "Step"),
    "frozen widths": (["export", "width", "--torch"], "export one width"),
    "no such folder": (["export", "fig8", "--torch", "-o", "NOWHERE/x.py"], "does not exist"),
    "a folder": (["export", "fig8", "--torch", "-o", "FOLDER"], "is a folder"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refusals_are_one_line_and_write_nothing(tmp_path, monkeypatch, case):
    args, words = REFUSED[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "FOLDER").mkdir()
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["FOLDER"]  # no output/, no script
    assert not any((tmp_path / "FOLDER").iterdir())
