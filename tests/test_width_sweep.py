"""The width sweep (issue 25): the closed form, the causes of a failure, the Relu-rate bound, the recording,
its figure and its page.

One small recording for the module (40 inits, 3 widths, 300 samples); the bound on the measured Relu rate
is checked on the scene's own 2000 inits per width where it needs no training (every unit dead at init)
and on a recording where it does.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from headless_chromium import page_url
from typer.testing import CliRunner

from ourdl.core import train_step
from render.app.cli import app
from render.draw.view import make_view
from render.draw.width_sweep_figure import WidthSweepFigure, failure_bands, p_text
from render.record import record, save_snapshot
from render.record.goldens import golden_path, golden_scene
from render.record.snapshot import SnapshotError, load_snapshot
from render.record.stats import format_rates, wilson
from render.record.width_sweep import InterleavedStream, evaluate
from render.web import write_player
from scenes import get_scene
from scenes.width_sweep import (
    CAUSES,
    OUTCOMES,
    WIDTHS,
    WidthSweepScene,
    dead_unit_probability,
    outcomes,
    units_off,
)

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"


@pytest.fixture(scope="module")
def scene() -> WidthSweepScene:
    return dataclasses.replace(get_scene("width_sweep").with_count(40).with_overrides(samples=300),
                               widths=(1, 2, 12))


@pytest.fixture(scope="module")
def snap(scene):
    return record(scene)


# -- the closed form ----------------------------------------------------------------------------------


def test_one_unit_is_dead_on_0_2_with_p_5_16_and_the_formula_is_the_integral():
    assert dead_unit_probability((0.0, 2.0)) == 0.3125 == 5 / 16
    assert p_text(0.3125) == "5/16"
    for h in (1.0, 2.0, 3.5):  # P(b <= 0 and h·w + b <= 0) for w, b ~ uniform(-1, 1), by quadrature over b
        b = (np.arange(200_000) + 0.5) / 200_000 - 1.0  # midpoints of [-1, 0]
        share_w = (np.minimum(-b / h, 1.0) + 1.0) / 2.0  # P(w <= -b/h)
        assert dead_unit_probability((0.0, h)) == pytest.approx(0.5 * share_w.mean(), abs=1e-9)
    with pytest.raises(ValueError, match=r"\[0, h\]"):
        dead_unit_probability((0.5, 2.0))


def test_the_measured_dead_at_init_share_matches_p_to_the_h_within_its_ci_at_every_width():
    full = get_scene("width_sweep")
    p = dead_unit_probability(full.data_range)
    for h in WIDTHS:
        dead = int(units_off(full.width_inits(h), h, full.data_range).all(axis=1).sum())
        lo, hi = wilson(dead, full.count)
        assert lo <= p ** h <= hi, f"H={h}: {dead} of {full.count} inits dead, p^H = {p ** h:.4g}"


def test_fewer_inits_are_the_first_rows_of_more():
    full = get_scene("width_sweep")
    assert np.array_equal(full.with_count(64).width_inits(3), full.width_inits(3)[:64])
    assert not np.array_equal(full.width_inits(2)[:, :4], full.width_inits(1))  # each width its own draws


# -- the causes, on hand-made rows ----------------------------------------------------------------------


def test_units_off_and_every_cause_on_hand_made_rows():
    # H = 2, update order w_11 w_12 b_11 b_12 w_21 w_22 b_21; a unit is off when w·x + b <= 0 on [0, 2]
    rows = np.array([
        [-0.5, -0.2, -0.1, -0.3, 0.4, 0.5, 0.7],  # both off, and off at init: dead at init
        [-0.5, -0.2, -0.1, -0.3, 0.4, 0.5, 0.7],  # both off now, not at init: died in training
        [0.5, 0.6, 0.1, 0.2, 1e-4, 0.0, 1.3],  # both on, output flat: collapsed
        [0.9, -0.5, 0.1, -0.2, 1.5, 0.3, -0.2],  # one on: one unit doing all the work
        [0.9, 0.5, -0.4, 0.1, 1.1, 0.8, -0.3],  # both on, not flat, not fitted: other
        [0.9, 0.5, -0.4, 0.1, 1.1, 0.8, -0.3],  # fitted
        [1.0, -1.0, -2.0, 0.0, 1.0, 1.0, 0.0],  # w·x + b = 0 at x = 2 only (and 0 everywhere): off, both
    ])
    off = units_off(rows, 2, (0.0, 2.0))
    assert off.tolist() == [[True, True], [True, True], [False, False], [False, True], [False, False],
                            [False, False], [True, True]]
    fitted = np.array([False, False, False, False, False, True, False])
    dead_at_init = np.array([True, False, False, False, False, False, True])
    std = np.array([0.0, 0.0, 0.01, 0.8, 0.9, 1.1, 0.0])
    codes = outcomes(fitted, off, dead_at_init, std)
    assert [OUTCOMES[c] for c in codes] == ["dead at init", "died in training", "collapsed",
                                            "one unit doing all the work", "other", "fitted", "dead at init"]
    assert OUTCOMES == ("fitted", *CAUSES)


# -- the recording --------------------------------------------------------------------------------------


def test_a_small_recording_has_its_arrays_counts_and_rates(scene, snap, tmp_path):
    info, x = snap.meta["width_sweep"], snap.extra
    w, a, s, r = len(scene.widths), 2, len(snap.steps), scene.count
    assert snap.kind == "width_sweep" and info["widths"] == [1, 2, 12] and info["count"] == r
    assert x["width_counts"].shape == (w, a, s, len(OUTCOMES))
    assert (x["width_counts"].sum(axis=-1) == r).all()
    assert x["width_loss"].shape == x["width_outcome"].shape == (w, a, r)
    assert x["width_dead_at_init"].shape == (w, r)
    assert snap.curves.shape[0] == 0 and snap.steps[0] == 0 and snap.steps[-1] == 300
    for k in range(w):  # the final counts are the final outcomes, and the rates say the same
        for j, act in enumerate(info["activations"]):
            assert np.bincount(x["width_outcome"][k, j], minlength=len(OUTCOMES)).tolist() == \
                x["width_counts"][k, j, -1].tolist()
            rate = info["rates"][act][k]
            assert rate["fitted"] == int(np.sum(x["width_loss"][k, j] < info["threshold"]))
            assert rate["causes"] == {c: int(n) for c, n in zip(CAUSES, x["width_counts"][k, j, -1, 1:])}
    assert info["dead_at_init"] == x["width_dead_at_init"].sum(axis=1).tolist()
    back = load_snapshot(save_snapshot(snap, tmp_path / "ws.npz"))
    assert back.kind == "width_sweep" and set(back.extra) == set(x)
    assert all(np.array_equal(back.extra[k], x[k]) for k in x)
    text = format_rates(back.meta)
    assert "H=12" in text and "p = 0.3125" in text and "Relu" in text and "LeakyRelu" in text


def test_with_relu_every_dead_init_stays_dead_and_fails_at_every_snapshot(snap):
    x, info = snap.extra, snap.meta["width_sweep"]
    relu = info["activations"].index("Relu")
    dead = x["width_dead_at_init"].astype(bool)
    assert dead.any()
    assert (x["width_outcome"][:, relu][dead] == OUTCOMES.index("dead at init")).all()
    assert (x["width_counts"][:, relu, :, 1] == dead.sum(axis=1)[:, None]).all()


def relu_below_closed_form(snapshot) -> list[tuple[int, int]]:
    """(width, step) where the measured Relu failure rate is below p^H beyond its 95% CI: a bug."""
    info = snapshot.meta["width_sweep"]
    failed, _, high = failure_bands(snapshot)
    a = info["activations"].index("Relu")
    return [(w, int(snapshot.steps[i])) for k, (w, p) in enumerate(zip(info["widths"], info["all_dead_p"]))
            for i in range(len(snapshot.steps)) if high[k, a, i] < p]


def test_the_measured_relu_rate_is_never_below_p_to_the_h_and_the_check_can_fail(snap):
    assert relu_below_closed_form(snap) == []
    golden = load_snapshot(golden_path("width_sweep"))  # the scene's own configuration, fewer inits
    assert relu_below_closed_form(golden) == []
    tampered = dataclasses.replace(snap, extra=dict(snap.extra))
    counts = tampered.extra["width_counts"].copy()
    counts[..., 0], counts[..., 1:] = snap.meta["width_sweep"]["count"], 0  # every run fitted: a bug
    tampered.extra["width_counts"] = counts
    assert (1, 0) in relu_below_closed_form(tampered)


def test_a_lockstep_row_is_the_tutorials_scalar_loop(scene, snap):
    """Run r of width 2 with Relu, trained on floats sample by sample: its final evaluation loss is the
    recording's (its init is row r of the width's draws, its samples column r of the interleaved stream)."""
    r, width, act = 7, 2, "Relu"
    net = scene.net_of(width, act)
    for p, v in zip(net.params, scene.width_inits(width)[r]):
        p.set_value(float(v))
    xs, ys = InterleavedStream(scene, scene.count).take(300)
    for xv, yv in zip(xs[:, r, 0].tolist(), ys[:, r, 0].tolist()):
        net.x.set_value(xv)
        net.label.set_value(yv)
        train_step(net.loss, net.params, [scene.runs[0].lr] * len(net.params))
    grid = scene.grid()
    x_in, t_in = scene.eval_set(grid, scene.target(grid))
    net.graph.clear()
    net.x.set_value(x_in)
    loss = float(np.mean(np.abs(net.output.forward() - t_in)))
    k, a = scene.widths.index(width), scene.activations.index(act)
    assert loss == snap.extra["width_loss"][k, a, r]


def test_evaluate_gives_loss_and_spread_of_each_run():
    from render.record.lockstep import LockstepRuns

    s = get_scene("width_sweep")
    net = s.net_of(1, "Relu")
    init = np.array([[1.0, 0.0, 2.0, -1.0], [0.0, 0.0, 0.0, 1.5]])  # 2·relu(x) − 1, and the constant 1.5
    xs = np.linspace(0, 2, 5)
    loss, std = evaluate(LockstepRuns(net, init, 0.01), xs, xs * xs)
    assert loss == pytest.approx([np.mean(np.abs(2 * xs - 1 - xs * xs)), np.mean(np.abs(1.5 - xs * xs))])
    assert std == pytest.approx([np.std(2 * xs), 0.0])


def test_its_golden_trains_the_narrowest_widths_and_the_widest():
    g = golden_scene(get_scene("width_sweep"))
    assert g.widths == (1, 2, 3, 16) and g.count == 64 and g.runs == get_scene("width_sweep").runs


# -- the file's checks ----------------------------------------------------------------------------------


def test_a_width_sweep_file_with_broken_metadata_or_arrays_is_refused(snap, tmp_path):
    def refused(meta=None, extra=None) -> str:
        bad = dataclasses.replace(snap, meta=meta or snap.meta, extra=extra or snap.extra)
        path = save_snapshot(bad, tmp_path / "bad.npz")
        with pytest.raises(SnapshotError) as e:
            load_snapshot(path)
        return str(e.value)

    meta = json.loads(json.dumps(snap.meta))
    del meta["width_sweep"]["rates"]["LeakyRelu"]
    assert "rates do not cover" in refused(meta)
    meta = json.loads(json.dumps(snap.meta))
    meta["width_sweep"]["widths"] = "1,2,12"
    assert "wrong type" in refused(meta)
    extra = {k: v for k, v in snap.extra.items() if k != "width_loss"}
    assert "missing array 'width_loss'" in refused(extra=extra)
    extra = {**snap.extra, "width_counts": snap.extra["width_counts"][:, :, :-1]}
    assert "array 'width_counts' has shape" in refused(extra=extra)


# -- the figure -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 720), (1080, 1920)], ids=["16:9", "story"])
@pytest.mark.parametrize("theme,lang", [("light", "en"), ("dark", "zh")])
def test_the_figure_draws_the_rates_and_causes_of_every_snapshot(snap, size, theme, lang):
    view = make_view(snap, size, theme, lang)
    assert isinstance(view, WidthSweepFigure)
    failed, _, _ = failure_bands(snap)
    rates_ax, causes_ax = view.fig.axes
    for i in (0, len(snap.steps) // 2, len(snap.steps) - 1):
        view.update(i)
        moving = [a for a in view.animated if getattr(a, "axes", None) is not None]
        lines = [a for a in moving if a.axes is rates_ax and hasattr(a, "get_ydata")]
        assert [list(line.get_ydata()) for line in lines] == [list(failed[:, a, i]) for a in range(2)]
        bars = [a for a in moving if a.axes is causes_ax and hasattr(a, "get_height")]
        share = snap.extra["width_counts"][..., i, 1:].sum() / snap.meta["width_sweep"]["count"]
        assert sum(b.get_height() for b in bars) == pytest.approx(share)
    view.fig.canvas.draw()
    texts = [t.get_text() for t in view.fig.findobj(lambda o: hasattr(o, "get_text"))]
    assert any("5/16" in t for t in texts)


# -- the command line -----------------------------------------------------------------------------------


def test_the_command_line_records_it_and_refuses_another_width(tmp_path):
    runner = CliRunner()
    out = tmp_path / "ws.npz"
    result = runner.invoke(app, ["record", "width_sweep", "--runs", "8", "--steps", "20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "LeakyRelu H=16" in result.output and load_snapshot(out).meta["width_sweep"]["count"] == 8
    result = runner.invoke(app, ["record", "width_sweep", "--hidden", "3", "-o", str(tmp_path / "no.npz")])
    assert result.exit_code == 2 and "sweeps the widths" in result.output
    assert not (tmp_path / "no.npz").exists()
    assert "width_sweep" in runner.invoke(app, ["list"]).output


# -- the page -------------------------------------------------------------------------------------------


def test_the_page_opens_draws_and_reads_out_without_errors_or_requests(browser, snap, tmp_path):
    for lang, width in (("en", 1280), ("zh", 390)):
        path = write_player(snap, tmp_path / f"ws_{lang}.html", theme="dark" if lang == "zh" else "light",
                            lang=lang)
        with browser.open(page_url(path), width=width, height=900) as tab:
            tab.wait_for(f"{PLAYER} !== undefined")
            tab.evaluate(f"{PLAYER}.ready")
            tab.wait_for(f"{PLAYER}.firstFrame !== undefined")
            assert tab.evaluate(f"{PLAYER}.grid()") == ({"rows": 1, "cols": 2} if width > 1000
                                                        else {"rows": 2, "cols": 1})
            assert tab.evaluate(f"{PLAYER}.minTextPx()") >= 11
            last = len(snap.steps) - 1
            assert tab.evaluate(f"{PLAYER}.index") == last
            info, x = snap.meta["width_sweep"], snap.extra
            for k in range(len(info["widths"])):  # the page's numbers are the recording's
                for a in range(2):
                    assert tab.evaluate(f"{PLAYER}.share({k}, {a}, {last})") == pytest.approx(
                        1 - x["width_counts"][k, a, last, 0] / info["count"], abs=1e-15)
            # hover the causes panel's first width: its readout says Relu's share at this snapshot
            cx, cy = tab.evaluate(f"(() => {{ const p = {PLAYER}, r = p.panels[1].ax; "
                                  f"const b = p.figure.getBoundingClientRect(); "
                                  f"return [b.left + r.px(0), b.top + r.rect.y + r.rect.h / 2]; }})()")
            tab.move(cx, cy)
            tab.wait_for(f"{PLAYER}.hovered === 0")
            tip = tab.evaluate("document.querySelector('.op-tip').textContent")
            pct = 100 * (1 - x["width_counts"][0, 0, last, 0] / info["count"])
            assert f"{pct:.1f}%" in tip and "Relu" in tip
            tab.key("Home")
            assert tab.evaluate(f"{PLAYER}.index") == 0
            assert tab.errors() == []
            assert tab.requests() == [page_url(path)]
