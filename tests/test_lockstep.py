"""The lockstep recorder against the scalar tutorial loop, the sweep scenes, rates and the sweep figure."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from render.record import record
from render.record.lockstep import LockstepRuns, PerRunStream, SharedStream
from render.record.runs import train_samples
from render.record.snapshot import load_snapshot, save_snapshot
from render.record.stats import format_rates, wilson
from render.record.sweep import record_sweep
from scenes import Run, get_scene
from scenes.chapter import FIG7, FIG8, PARAMS, build
from scenes.sweeps import MODES, fitting_modes


def _scalar_final(activation: str, init: dict, xs: list[float], lr: float = 0.01) -> np.ndarray:
    net = build(activation)
    for p in net.params:
        p.set_value(init[p.name])
    train_samples(net, xs, [x * x for x in xs], lr)
    return np.array([p.value for p in net.params])


@pytest.mark.parametrize("activation", ["Relu", "LeakyRelu", "Tanh"])
def test_lockstep_rows_equal_the_scalar_loop_with_their_own_data(activation):
    runs = [Run("a", init_seed=1, data_seed=11, samples=400),
            Run("b", init_seed=2, data_seed=12, samples=400), Run("c", init=FIG7, data_seed=13, samples=400)]
    init = np.array([[r.initial_values(list(PARAMS))[n] for n in PARAMS] for r in runs])
    lock = LockstepRuns(build(activation), init, 0.01)
    lock.train(PerRunStream([r.data_seed for r in runs], 0.0, 2.0, lambda x: x * x), 400)
    for i, r in enumerate(runs):
        expected = _scalar_final(activation, dict(zip(PARAMS, init[i])), r.data())
        if activation == "Tanh":  # numpy's tanh and math.tanh may differ in the last bit
            np.testing.assert_allclose(lock.params()[i], expected, rtol=1e-12, atol=1e-12)
        else:  # +, *, comparisons: bit for bit
            np.testing.assert_array_equal(lock.params()[i], expected)


def test_lockstep_rows_equal_the_scalar_loop_on_a_shared_stream():
    init = np.array([[FIG8[n] for n in PARAMS], [FIG7[n] for n in PARAMS]])
    xs = Run("s", data_seed=0, samples=300).data()
    lock = LockstepRuns(build("LeakyRelu"), init, 0.01)
    lock.train(SharedStream(xs, lambda x: x * x), 300)
    for i, init_row in enumerate(init):
        expected = _scalar_final("LeakyRelu", dict(zip(PARAMS, init_row)), xs)
        np.testing.assert_array_equal(lock.params()[i], expected)


def test_per_run_stream_is_run_data_whatever_the_chunks():
    stream = PerRunStream([5, 6], 0.0, 2.0, lambda x: x * x)
    xs = np.concatenate([stream.take(n)[0] for n in (1, 7, 92)])  # (100, 2, 1)
    for col, seed in enumerate([5, 6]):
        assert xs[:, col, 0].tolist() == Run("", data_seed=seed, samples=100).data()


def test_wilson_interval():
    lo, hi = wilson(50, 100)
    assert lo == pytest.approx(0.4038, abs=1e-4) and hi == pytest.approx(0.5962, abs=1e-4)
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == pytest.approx(1.0)


def test_fitting_modes():
    names = list(PARAMS)
    rows = [  # w_11, w_12, b_11, b_12, w_21, w_22, b_21
        [1.0, 1.0, 0.1, 0.1, 1, 1, 0], [-1.0, -1.0, 3.0, 3.0, 1, 1, 0], [1.0, -1.0, 0.1, 3.0, 1, 1, 0],
        [-1.0, 1.0, -0.1, 0.1, 1, 1, 0], [-1.0, -1.0, -0.1, -0.1, 1, 1, 0],
    ]
    assert fitting_modes(np.array(rows), names, (0.0, 2.0)).tolist() == [0, 1, 2, 3, 4]
    assert len(MODES) == 5


@pytest.fixture(scope="module")
def small_sweep():
    scene = get_scene("relu_vs_leakyrelu").with_count(24).with_overrides(samples=600)
    return scene, record(scene)  # through render.record.record: the scene names its own recorder


def test_sweep_snapshot_summaries_and_named_runs(small_sweep, tmp_path):
    scene, snap = small_sweep
    meta, x = snap.meta, snap.extra
    assert meta["kind"] == "sweep" and snap.kind == "sweep"
    sweep = meta["sweep"]
    assert sweep["count"] == 24 and sweep["activations"] == ["Relu", "LeakyRelu"]
    assert x["sweep_loss"].shape == (2, 24) and x["sweep_init"].shape == (24, 7)
    assert x["sweep_hist"].shape[:2] == (2, len(snap.steps)) and (x["sweep_hist"].sum(axis=2) == 24).all()
    assert (x["sweep_mode_counts"].sum(axis=2) == 24).all()
    for a, act in enumerate(sweep["activations"]):
        rates = sweep["rates"][act]
        assert rates["fitted"] == int(np.sum(x["sweep_loss"][a] < sweep["threshold"]))
        assert rates["ci95"][0] <= rates["rate"] <= rates["ci95"][1]
    # the named runs were re-recorded on the scalar path and reproduce their lockstep rows exactly
    assert sweep["lockstep_check"]["runs_compared"] == len(meta["runs"]) > 0
    assert sweep["lockstep_check"]["max_abs_param_diff"] == 0.0
    for r, run in enumerate(meta["runs"]):
        a = sweep["activations"].index(run["activation"])
        assert snap.eval_loss[r, -1] == pytest.approx(x["sweep_loss"][a, run["sweep_index"]], abs=1e-12)
    # sample 1500 is past the end here, so no rates at marks; same inits for both activations
    assert sweep["rates_at"] == {}
    # save and load keep every optional array
    back = load_snapshot(save_snapshot(snap, tmp_path / "s.npz"))
    assert back.kind == "sweep" and set(back.extra) == set(x)
    for k in x:
        np.testing.assert_array_equal(back.extra[k], x[k])
    text = format_rates(back.meta)
    assert "Relu" in text and "95% CI" in text and "< 0.2" in text
    assert format_rates({"kind": "runs"}) == ""


def test_sweep_recording_is_deterministic(small_sweep):
    scene, snap = small_sweep
    again = record_sweep(scene)
    for k, v in snap.arrays().items():
        np.testing.assert_array_equal(again.arrays()[k], v, err_msg=k)


def test_init_basin_maps_and_marks():
    scene = get_scene("init_basin").with_count(16).with_overrides(samples=300)
    snap = record(scene)
    sweep = snap.meta["sweep"]
    assert sweep["type"] == "map" and sweep["count"] == 16
    assert snap.extra["sweep_map_loss"].shape == (1, len(snap.steps), 16)
    assert snap.extra["sweep_map_loss"].dtype == np.float32
    assert set(sweep["inits"]["marks"]) == {"Fig 7", "Fig 8"}
    assert [r["label"] for r in snap.meta["runs"]] == ["LeakyRelu: Fig 7", "LeakyRelu: Fig 8"]
    # the grid's cells: w_11 varies fastest, the other parameters are Fig 8's
    init = snap.extra["sweep_init"]
    assert init[1, 0] > init[0, 0] and init[1, 1] == init[0, 1]
    np.testing.assert_array_equal(init[:, 2:], np.tile([FIG8[n] for n in PARAMS[2:]], (16, 1)))


def test_seed_override_moves_inits_and_data():
    scene = get_scene("relu_vs_leakyrelu").with_count(3)
    moved = scene.with_overrides(seed=2)
    assert moved.init_seeds() != scene.init_seeds() and moved.data_seeds() != scene.data_seeds()
    assert not set(scene.init_seeds()) & set(scene.data_seeds())


@pytest.mark.parametrize("name", ["relu_vs_leakyrelu", "init_basin"])
def test_sweep_figure_draws_every_panel(name, small_sweep):
    from render.draw.view import make_view
    from render.encode.stream import render_frame

    snap = small_sweep[1] if name == "relu_vs_leakyrelu" else record(
        get_scene(name).with_count(9).with_overrides(samples=200))
    view = make_view(snap, size=(640, 360))
    first, last = render_frame(view, 0), render_frame(view, view.n_snapshots - 1)
    assert first.shape == (360, 640, 4)
    assert (first != last).any()
    assert all(a.get_animated() for a in view.animated)
    # a snapshot without named runs still draws
    empty = dataclasses.replace(snap, meta={**snap.meta, "runs": []}, curves=snap.curves[:0])
    render_frame(make_view(empty, size=(320, 180)), 0)


def test_a_sweep_with_a_rate_per_parameter_records_them_and_trains_its_named_runs_with_them(tmp_path):
    """Fig 7 and Fig 8 (the scene's named runs) train as the lockstep does, and the file says with what."""
    scene = get_scene("init_basin").with_count(4).with_overrides(samples=300, every=100)
    own = {"w_11": 0.02, "b_21": 0.005}
    snap = record(dataclasses.replace(scene, runs=(dataclasses.replace(scene.runs[0], lrs=own),)))
    names = snap.meta["params"]
    rates = {n: own.get(n, 0.01) for n in names}
    assert snap.meta["sweep"]["lrs"] == rates
    named = [r for r in snap.meta["runs"] if r["sweep_index"] is None]
    assert named and all(r["lrs"] == rates for r in named)
    for r, run in enumerate(snap.meta["runs"]):  # every run ends where the scalar loop with these rates ends
        net = build(run["activation"])
        for p in net.params:
            p.set_value(run["init"][p.name])
        xs = scene.runs[0].data(*scene.data_range)[:300]
        train_samples(net, xs, [x * x for x in xs], [rates[n] for n in names])
        np.testing.assert_array_equal(snap.params[r, -1], [p.value for p in net.params])
    assert load_snapshot(save_snapshot(snap, tmp_path / "s.npz")).meta["sweep"]["lrs"] == rates
    plain = record(scene)
    assert "lrs" not in plain.meta["sweep"]


@pytest.mark.parametrize("activations", [("Relu", "LeakyRelu"), ("Relu", "LeakyRelu", "Tanh")])
def test_a_map_of_several_activations_leaves_the_curves_their_column(activations):
    """Square maps as tall as the plot would push the curves off the figure: they narrow instead."""
    from render.draw.view import make_view
    from render.encode.stream import render_frame

    scene = get_scene("init_basin").with_count(4).with_overrides(samples=200)
    snap = record(dataclasses.replace(scene, activations=activations))
    view = make_view(snap, size=(800, 450))
    render_frame(view, view.n_snapshots - 1)
    maps = [ax for ax in view.fig.axes if ax.images]
    others = [ax for ax in view.fig.axes if not ax.images]
    assert len(maps) == len(activations)
    right_of_maps = max(ax.get_position().x1 for ax in maps)
    assert all(ax.get_position().x0 > right_of_maps for ax in others)
    assert min(ax.get_position().width for ax in others) * 8 > 1.5  # inches of the 8-inch design
    for ax in maps:
        box = ax.get_position()
        assert box.width * 8 == pytest.approx(box.height * 4.5)  # still square
