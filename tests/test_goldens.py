"""Regression check on snapshot arrays: every scene matches its golden, and the check can fail.

The goldens live in render/record/goldens/; `render check --update` rewrites them (docs/snapshot-format.md).
The perturbation tests change one thing in a scene and assert that the check names the right run,
node/parameter and the first snapshot step after the change can first show.
"""

import dataclasses

import numpy as np
import pytest
import reference_net as ref

from ourdl.ops import LeakyRelu
from render.record.check import check_scene, check_scenes
from render.record.diff import RTOL, Recording, compare, load_recording
from render.record.goldens import GOLDEN_DIR, GOLDEN_SWEEP_INITS, golden_path, golden_scene, record_golden
from scenes import get_scene, list_scenes

SCENES = [s.name for s in list_scenes()]


@pytest.fixture(scope="module")
def goldens():
    return {name: load_recording(golden_path(name)) for name in SCENES if golden_path(name).exists()}


@pytest.mark.parametrize("name", SCENES)
def test_scene_matches_its_golden(name):
    result = check_scene(get_scene(name))
    assert result.ok, f"\n{result}\n(if the change is intended: render check --update {name})"


def test_no_stale_goldens_and_all_together_under_2_mb():
    stale = sorted(p.stem for p in GOLDEN_DIR.glob("*.npz") if p.stem not in SCENES)
    assert not stale, f"goldens of no registered scene: {stale} (render check --update removes them)"
    assert sum(p.stat().st_size for p in GOLDEN_DIR.glob("*.npz")) < 2 * 1024**2


@pytest.mark.parametrize("name", SCENES)
def test_golden_configuration_covers_every_run_node_and_both_ends(name, goldens):
    scene = get_scene(name)
    g = goldens[name]
    net = scene.net()
    if g.meta.get("kind") == "sweep":  # every activation, GOLDEN_SWEEP_INITS inits, a few named runs
        assert g.meta["sweep"]["activations"] == list(scene.activations)
        assert g.meta["sweep"]["count"] == min(scene.count, GOLDEN_SWEEP_INITS)
    elif g.meta.get("kind") == "width_sweep":  # every activation, fewer inits and widths, no named runs
        assert g.meta["width_sweep"]["activations"] == list(scene.activations)
        assert g.meta["width_sweep"]["count"] == min(scene.count, GOLDEN_SWEEP_INITS)
        assert g.meta["runs"] == g.meta["nodes"] == []
    else:
        assert [r["label"] for r in g.meta["runs"]] == [r.label for r in scene.runs]
    if g.meta.get("kind") != "width_sweep":
        assert len(g.meta["nodes"]) == sum(1 for n in net.graph.nodes if n.parents)
    steps = g.arrays["steps"]
    assert steps[0] == 0 and steps[-1] == scene.total_samples  # every sample of every run is trained
    assert steps[1] <= scene.total_samples / 20  # an early step
    assert 8 <= len(steps) <= 64
    assert golden_scene(scene).runs == scene.runs


# --- perturbations: the check fails, and says where -------------------------------------------------


def _with_run(scene, i, **changes):
    runs = list(scene.runs)
    runs[i] = dataclasses.replace(runs[i], **changes)
    return dataclasses.replace(scene, runs=tuple(runs))


def _first_node_using(meta, leaf):
    return next(n["name"] for n in meta["nodes"] if leaf in n["parents"])


def _assert_reports(result, run, param, node, step):
    assert result.status == "differs", str(result)
    params, curves = result.diff("params"), result.diff("curves")
    assert (params.run, params.param, params.step) == (run, param, step), str(result)
    assert (curves.run, curves.node, curves.step) == (run, node, step), str(result)
    assert params.max_abs > 0 and params.max_rel > RTOL
    return result


@pytest.mark.parametrize("param", ref.PARAMS)
def test_an_init_value_moved_by_1e9_is_caught_at_step_0(param, goldens):
    scene = get_scene("fig8")
    run = scene.runs[0]
    result = check_scene(_with_run(scene, 0, init={**run.init, param: run.init[param] + 1e-9}))
    meta = goldens["fig8"].meta
    _assert_reports(result, run.label, param, _first_node_using(meta, param), 0)
    assert result.diff("params").max_abs >= 0.99e-9  # 1e-9 at step 0, and it may grow
    assert f"runs[0].init.{param}" in result.diff("meta").message


def test_the_second_run_of_a_comparison_is_named(goldens):
    scene = get_scene("fig7_vs_fig8")
    run = scene.runs[1]
    result = check_scene(_with_run(scene, 1, init={**run.init, "w_22": run.init["w_22"] - 1e-9}))
    _assert_reports(result, run.label, "w_22", "mul_22", 0)
    assert {str(g.where) for g in result.diff("params").groups} >= {f"run {run.label!r}, param w_22"}
    assert all(g.where.get("run") == run.label for d in result.diffs for g in d.groups)


def test_a_changed_learning_rate_is_caught_at_the_first_snapshot_after_training_starts(goldens):
    scene = get_scene("fig7_vs_fig8")
    result = check_scene(_with_run(scene, 0, lr=0.01 * (1 + 1e-6)))
    first = int(goldens["fig7_vs_fig8"].arrays["steps"][1])
    _assert_reports(result, scene.runs[0].label, "w_11", "mul_11", first)
    assert not any(g.where.get("run") == scene.runs[1].label for d in result.diffs for g in d.groups)


def test_a_changed_data_seed_is_caught(goldens):
    scene = get_scene("fig8")
    result = check_scene(_with_run(scene, 0, data_seed=1))
    _assert_reports(result, scene.runs[0].label, "w_11", "mul_11", int(goldens["fig8"].arrays["steps"][1]))
    assert result.diff("meta") is not None


def test_a_wrong_derivative_is_caught_where_it_first_matters(monkeypatch, goldens):
    """LeakyRelu's slope for t <= 0 taken as 0: the first sample with a non-positive pre-activation
    (found with the hand-written twin) is where the runs part; the check names that step."""

    def relu_grad(self, index):
        t = self.parents[0].value
        return np.where(t > 0, 1.0, 0.0) if isinstance(t, np.ndarray) else (1.0 if t > 0 else 0.0)

    monkeypatch.setattr(LeakyRelu, "local_grad", relu_grad)
    report = check_scenes(["fig7_vs_fig8"])
    assert not report.ok
    result = report.result("fig7_vs_fig8")
    steps = goldens["fig7_vs_fig8"].arrays["steps"]
    scene = get_scene("fig7_vs_fig8")
    expected = []  # (snapshot step, run index, param) where each run first parts from the golden
    for i, (run, init) in enumerate(zip(scene.runs, (ref.FIG7, ref.FIG8))):
        trace = ref.train(init, ref.data(run.data_seed, run.samples))
        k = next((k for k, s in enumerate(trace) if s.a11 <= 0 or s.a12 <= 0), None)
        if k is not None:
            expected.append((int(steps[np.searchsorted(steps, k + 1)]), i,
                             "w_11" if trace[k].a11 <= 0 else "w_12"))
    step, i, param = min(expected)
    _assert_reports(result, scene.runs[i].label, param, param.replace("w", "mul"), step)
    assert len(expected) == 2  # both runs meet t <= 0 (Fig 7 at once, Fig 8 after ~400 samples)
    groups = {(g.where.get("run"), g.where.get("param")): g.first_step for g in result.diff("params").groups}
    for step, i, param in expected:
        assert groups[scene.runs[i].label, param] == step
    assert "fig7_vs_fig8" in str(report) and "differ" in report.summary()


# --- the comparison itself ----------------------------------------------------------------------------


def _sweep_like():
    """A recording with arrays the chapter recorder does not write (as a lockstep sweep might)."""
    meta = {"runs": [{"label": f"seed {i}"} for i in range(3)], "params": ["a", "b"]}
    rng = np.random.default_rng(0)
    return Recording(meta, {"steps": np.array([0, 5, 10]), "final_loss": rng.random(3),
                            "weights": rng.random((3, 3, 2)), "n_diverged": np.array(0)})


def test_comparison_is_generic_over_the_arrays_a_file_holds():
    golden, fresh = _sweep_like(), _sweep_like()
    assert compare(golden, fresh) == []
    fresh.arrays["weights"][2, 1, 1] *= 1 + 1e-11  # within tolerance
    assert compare(golden, fresh) == []
    fresh.arrays["weights"][2, 1, 1] *= 1 + 1e-8
    fresh.arrays["final_loss"][1] = np.nan
    diffs = {d.key: d for d in compare(golden, fresh)}
    assert set(diffs) == {"weights", "final_loss"}
    assert diffs["weights"].first.labels == {"run": "seed 2", "step": 5, "param": "b"}
    assert diffs["final_loss"].run == "seed 1" and diffs["final_loss"].max_abs == np.inf


def test_comparison_reports_keys_dtypes_and_shapes():
    golden, fresh = _sweep_like(), _sweep_like()
    fresh.arrays["steps"] = fresh.arrays["steps"].astype(np.int32)
    fresh.arrays["weights"] = fresh.arrays["weights"][:, :2]
    del fresh.arrays["n_diverged"]
    fresh.arrays["extra"] = np.zeros(2)
    fresh.meta["params"] = ["a", "c"]
    problems = {d.key: d.problem for d in compare(golden, fresh)}
    assert problems == {"steps": "dtype", "weights": "shape", "n_diverged": "missing",
                        "extra": "unexpected", "meta": "metadata"}
    within = Recording({"rate": 0.3 * (1 + 1e-12), "n": 2}, {})
    assert compare(Recording({"rate": 0.3, "n": 2}, {}), within) == []  # metadata floats: same tolerance
    assert compare(Recording({"rate": 0.3, "n": 3}, {}), within)[0].problem == "metadata"
    nan_golden = Recording({}, {"x": np.array([np.nan, 1.0])})
    assert compare(nan_golden, Recording({}, {"x": np.array([np.nan, 1.0])})) == []


def test_update_creates_rewrites_and_removes_goldens(tmp_path, monkeypatch):
    report = check_scenes(["fig8"], golden_dir=tmp_path)
    assert not report.ok and report.result("fig8").status == "no golden"
    assert "render check --update fig8" in str(report)
    report = check_scenes(["fig8"], update=True, golden_dir=tmp_path)
    assert report.ok and [r.scene for r in report.changed] == ["fig8"]
    written = load_recording(tmp_path / "fig8.npz")
    assert written.arrays.keys() == record_golden(get_scene("fig8")).arrays.keys()
    assert check_scenes(["fig8"], golden_dir=tmp_path).ok
    before = (tmp_path / "fig8.npz").read_bytes()
    assert check_scenes(["fig8"], update=True, golden_dir=tmp_path).changed == []  # unchanged: not rewritten
    assert (tmp_path / "fig8.npz").read_bytes() == before
    # a golden from another scene's recording: differs, then --update rewrites it and says so
    (tmp_path / "fig8.npz").write_bytes(golden_path("relu_quadratic").read_bytes())
    assert check_scenes(["fig8"], golden_dir=tmp_path).result("fig8").status == "differs"
    report = check_scenes(["fig8"], update=True, golden_dir=tmp_path)
    assert report.result("fig8").status == "updated" and "1 of 1 goldens changed: fig8" in str(report)
    (tmp_path / "gone.npz").write_bytes(before)
    # the all-scenes check over a registry of fig8 alone (recording every scene here took 20 s; each is
    # checked against its golden above): fig8 matches, so the stale golden alone makes it fail
    import render.record.check

    monkeypatch.setattr(render.record.check, "list_scenes", lambda: [get_scene("fig8")])
    (tmp_path / "fig8.npz").write_bytes(before)
    report = check_scenes(golden_dir=tmp_path, update=False)
    assert report.result("fig8").status == "match"
    assert report.result("gone").status == "stale golden" and not report.ok


def test_the_cli_check_command(tmp_path):
    from typer.testing import CliRunner

    from render.app.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["check", "fig8"])
    assert result.exit_code == 0, result.output
    assert "fig8: match" in result.output
    result = runner.invoke(app, ["check", "fig8", "--golden-dir", str(tmp_path)])
    assert result.exit_code == 1 and "no golden" in result.output
    result = runner.invoke(app, ["check", "fig8", "--update", "--golden-dir", str(tmp_path)])
    assert result.exit_code == 0 and "fig8: created" in result.output
    assert "1 of 1 goldens changed" in result.output
    (tmp_path / "fig8.npz").write_bytes(golden_path("relu_quadratic").read_bytes())
    result = runner.invoke(app, ["check", "fig8", "--golden-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "fig8: differs" in result.output and "params:" in result.output and "first at run" in result.output
    result = runner.invoke(app, ["check", "nope"])
    assert result.exit_code == 2
