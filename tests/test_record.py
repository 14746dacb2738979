"""The recorder reproduces the chapter's two fitting modes, and its file round-trips."""

import json

import numpy as np
import pytest

from render.record import record
from render.record.snapshot import load_snapshot, save_snapshot
from scenes import get_scene


@pytest.fixture(scope="module")
def fig7_vs_fig8(tmp_path_factory):
    path = tmp_path_factory.mktemp("snap") / "fig7_vs_fig8.npz"
    save_snapshot(record(get_scene("fig7_vs_fig8")), path)
    return load_snapshot(path)


def test_the_two_fitting_modes_of_the_chapter(fig7_vs_fig8):
    s = fig7_vs_fig8
    fig7, fig8 = s.run_labels.index(next(r for r in s.run_labels if r.startswith("Fig 7"))), 1
    assert s.run_labels[fig8].startswith("Fig 8")
    at_1500 = int(np.flatnonzero(s.steps == 1500)[0])
    assert s.steps[-1] >= 10_000
    assert s.eval_loss[fig8, at_1500] < 0.2
    assert s.eval_loss[fig7, at_1500] > 0.5
    assert s.eval_loss[fig7, -1] < 0.25
    w = s.meta["params"].index("w_11"), s.meta["params"].index("w_12")
    assert (s.params[fig7, -1, list(w)] < 0).all()
    assert (s.params[fig8, -1, list(w)] > 0).all()


def test_snapshot_holds_every_node_curve_and_metadata(fig7_vs_fig8):
    s = fig7_vs_fig8
    assert s.node_names == ["mul_11", "mul_12", "add_11", "add_12", "relu_11", "relu_12",
                            "mul_21", "mul_22", "add_21", "loss"]
    assert s.curves.shape == (2, len(s.steps), 10, s.grid.size)
    assert s.meta["params"] == ["w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21"]
    assert s.meta["runs"][0]["init"]["w_11"] == -0.4571950013426796
    assert json.loads(json.dumps(s.meta)) == s.meta
    # the curves are the network's functions: add_11 = w_11·x + b_11 at every snapshot
    w11, b11 = s.params[0, :, 0], s.params[0, :, 2]
    np.testing.assert_allclose(s.curve(0, "add_11"), w11[:, None] * s.grid + b11[:, None], atol=1e-12)
    np.testing.assert_allclose(s.curve(1, "add_21")[0], np.asarray(s.curves[1, 0, 8]))
    assert np.isnan(s.train_loss[:, 0]).all() and np.isfinite(s.train_loss[:, 1:]).all()


def test_eval_loss_is_mean_abs_error_on_the_data_range(fig7_vs_fig8):
    s = fig7_vs_fig8
    inside = (s.grid >= -1e-12) & (s.grid <= 2 + 1e-12)
    assert inside.sum() == 201
    out = s.curve(1, "add_21")[-1]
    assert s.eval_loss[1, -1] == pytest.approx(np.mean(np.abs(out[inside] - s.grid[inside] ** 2)))


def test_divergence_stops_the_run_and_keeps_its_last_finite_state():
    scene = get_scene("fig8").with_overrides(lr=1000.0, samples=400)
    s = record(scene)
    at = s.meta["runs"][0]["diverged_at"]
    assert at is not None and 1 <= at <= 400
    assert np.isfinite(s.params).all() and np.isfinite(s.curves).all()
    assert (s.params[0, -1] == s.params[0, np.searchsorted(s.steps, at)]).all()


def test_linear_schedule_and_marks():
    steps = get_scene("fig7_vs_fig8").with_overrides(every=1000).schedule.steps(12_000)
    assert steps.tolist() == [0, 1000, 1500] + list(range(2000, 12_001, 1000))


class _Param:
    def __init__(self, value: float) -> None:
        self.value = value

    def set_value(self, value: float) -> None:
        self.value = value


@pytest.mark.parametrize("stepped, loss, diverges", [
    ([1.0, -2.0, 3.0], 0.5, False),
    ([9.9e99, -9.9e99, 9.9e99], 0.5, False),  # each under BLOWUP though their squares are not
    ([1e100, 0.0, 0.0], 0.5, True),  # BLOWUP itself is out
    ([0.0, -1e100, 0.0], 0.5, True),
    ([0.0, float("nan"), 0.0], 0.5, True),
    ([float("inf"), float("-inf"), 0.0], 0.5, True),  # a sum of nan
    ([1e308, 1e308, 0.0], 0.5, True),  # a sum of inf
    ([1.0, 2.0, 3.0], float("nan"), True),
    ([1.0, 2.0, 3.0], 1e100, True),
])
def test_a_step_diverges_when_any_value_leaves_the_blowup_range(monkeypatch, stepped, loss, diverges):
    """The loop's one-pass check is the rule `-BLOWUP < v < BLOWUP` for the loss and every parameter."""
    from render.record import runs

    params = [_Param(0.25) for _ in stepped]
    net = type("Net", (), {"x": _Param(0.0), "label": _Param(0.0), "loss": None, "params": params})()
    calls = []

    def step(_loss, ps, _lrs):
        values = [0.5, 0.5, 0.5] if calls else stepped  # the first step is the one under test
        calls.append(1)
        for p, v in zip(ps, values):
            p.set_value(v)
        return loss if len(calls) == 1 else 0.5

    monkeypatch.setattr(runs, "train_step", step)
    total, bad = runs.train_samples(net, [0.1, 0.2], [0.0, 0.0], 0.1)
    assert (bad == 0) is diverges
    if diverges:
        assert [p.value for p in params] == [0.25] * 3 and total == 0.0  # the step is undone
    else:
        assert bad is None and total == loss + 0.5
