"""The pages draw the video's axes: for every registered scene, each axes of the player page (limits, ticks in
view, minor ticks, tick labels) equals the axes of the matplotlib figure the video draws at 1280x720; the
lab's figure equals matplotlib's on the lab's own run; the lab's limit rule equals render.draw.limits' on
every scene's recording.

The page is opened where its canvas has the video's geometry and the page lays its figure out as the
video's: a figure 1024 CSS px wide at device pixel ratio 1.25 is a 1280x720 canvas, and at that width the
pages' grid rule (render.draw.grid.page_grid) keeps the 8-inch design at its own scale (128 px an inch, the
text well over its 11 px floor) in one row of panels, so every tick the page places depends on the same
lengths as matplotlib's. (A narrower figure re-flows into two rows or one column at a larger scale: no
video has that layout to compare with; tests/test_responsive_pages.py holds those to the rule.) Scenes are
drawn from their committed goldens (render/record/goldens), so nothing trains but the lab's one run; one
browser for the module.

Two kinds of scene cannot have the video's geometry on a page, and are compared on what does not depend on
it (every limit; a linear panel's y ticks, five bins whatever its height; the loss panel's sample ticks;
x ticks where the panels are as wide as the video's): a scene of more than four panels a run (a deep net's
five panels and the loss panel: at any width the pages' rule needs 1.5 inches a panel, which one row of
five in the 8-inch design has not, so the page shows two rows), and a scene of so many runs that the
video's axes are under 1.2 inches tall (width's four rows: the page keeps its axes that tall, to be read,
and is taller than 16:9); there the log axes' ticks, which the axes' height decides, may differ.
"""

from __future__ import annotations

import dataclasses
import json

import matplotlib
import numpy as np
import pytest
from headless_chromium import page_url

from render.draw.base import DESIGN_WIDTH
from render.draw.grid import Grid, page_grid
from render.draw.limits import healthy, log_limits, loss_limits, panel_limits, robust_limits
from render.draw.panels_shared import kind
from render.draw.scene_figure import Layout, SceneFigure
from render.draw.view import make_view
from render.record.goldens import golden_path
from render.record.runs import record_run, snapshot_meta
from render.record.snapshot import Snapshot, load_snapshot
from render.web import write_player
from render.web.lab import write_lab
from render.web.lab_map import default_run
from scenes import get_scene, list_scenes

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
LAB = "window.lab"
FIGURE = "window.lab.lab.figure"  # the lab's figure (lab_figure.js)
#: the figure's CSS width and the device pixel ratio that make the video's 1280-pixel-wide canvas
CSS_WIDTH, DPR = 1024, 1.25
SCENES = [s.name for s in list_scenes()]
RUNS_SCENES = [s.name for s in list_scenes() if not hasattr(s, "with_count")]


def golden(name: str) -> Snapshot:
    return load_snapshot(golden_path(name))


def open_at_video_width(browser, path, figure: str, ready: str):
    """The page in a tab whose `figure` element is CSS_WIDTH px wide at DPR (its canvas 1280 px wide), laid
    out in one row at the design's own scale, as the video is."""
    tab = browser.open(page_url(path), width=1100, height=1000, scale=DPR)
    tab.wait_for(ready)
    margin = tab.evaluate(f"innerWidth - document.querySelector({json.dumps(figure)}).clientWidth")
    tab.set_viewport(CSS_WIDTH + margin, 1000, DPR)
    canvas = json.dumps(figure + " canvas")
    tab.wait_for(f"document.querySelector({canvas}).width === {round(CSS_WIDTH * DPR)}")
    return tab


def test_the_video_width_is_one_row_at_the_designs_scale():
    """What makes the comparison hold: at CSS_WIDTH the pages' rule picks the video's row and design."""
    L = Layout()
    laid = page_grid(CSS_WIDTH, 4, L.small, L.left + L.right, L.gap)
    assert laid.grid == Grid(1, 4) and laid.scale == CSS_WIDTH / DESIGN_WIDTH
    assert round(CSS_WIDTH * DPR) == 1280


# ---- what matplotlib draws ----------------------------------------------------------------------------

def _in_view(axis, locs) -> list[bool]:
    """Which locations an axis draws: within its view (1e-10 of its span, on its scale), as Axis does."""
    t = axis.get_transform()
    a, b = sorted(t.transform(np.asarray(axis.get_view_interval(), float)))
    tol = 1e-10 * (b - a)
    return [bool(a - tol <= v <= b + tol) for v in t.transform(np.asarray(locs, float))]


def _axis(axis) -> dict:
    major = [float(v) for v in axis.get_majorticklocs()]
    labels = axis.major.formatter.format_ticks(major)  # a formatter sees every located tick
    keep = _in_view(axis, major)
    minor = [float(v) for v in axis.get_minorticklocs()]
    minor = [v for v, ok in zip(minor, _in_view(axis, minor)) if ok]
    # the page draws no offset text and no minor labels: the video must have none either
    assert getattr(axis.major.formatter, "get_offset", lambda: "")() == ""
    assert all(label == "" for label in axis.minor.formatter.format_ticks(minor))
    return {"ticks": [v for v, ok in zip(major, keep) if ok],
            "labels": [s for s, ok in zip(labels, keep) if ok], "minor": minor}


def matplotlib_axes(view) -> list[dict]:
    """Every axes of a view's figure in the order it was added: limits, ticks in view, labels, minor ticks."""
    out = []
    with matplotlib.rc_context(view.rc):
        view.fig.canvas.draw()
        for ax in view.fig.axes:
            x, y = _axis(ax.xaxis), _axis(ax.yaxis)
            out.append({"panel": ax.get_title(), "xlim": [float(v) for v in ax.get_xlim()],
                        "ylim": [float(v) for v in ax.get_ylim()],
                        "xticks": x["ticks"], "xlabels": x["labels"], "xminor": x["minor"],
                        "yticks": y["ticks"], "ylabels": y["labels"], "yminor": y["minor"]})
    return out


TICKS = ("xticks", "yticks", "xminor", "yminor", "xlabels", "ylabels")
X_TICKS, Y_TICKS = ("xticks", "xminor", "xlabels"), ("yticks", "yminor", "ylabels")


def assert_same_axes(page: list[dict], video: list[dict], keys=lambda k: TICKS) -> None:
    """Limits and ticks of every axes equal; `keys(k)`: which ticks axes k is compared on."""
    assert [p["panel"] for p in page] and len(page) == len(video), ([p["panel"] for p in page], len(video))
    for k, (got, want) in enumerate(zip(page, video)):
        where = f"page axes {got['panel']!r} (video: {want['panel']!r})"
        for lim in ("xlim", "ylim"):
            np.testing.assert_allclose(got[lim], want[lim], rtol=1e-12, atol=0, err_msg=f"{where} {lim}")
        for key in keys(k):
            assert got[key] == want[key], f"{where} {key}: {got[key]} != {want[key]}"


# ---- the player ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SCENES)
def test_player_axes_are_the_videos(browser, tmp_path, name):
    snapshot = golden(name)
    path = write_player(snapshot, tmp_path / f"{name}.html")
    ready = f"{PLAYER} !== undefined && {PLAYER}.firstFrame !== undefined"
    panels = [kind(p) for p in snapshot.meta["panels"]] if snapshot.kind == "runs" else []
    n = len(panels) + 1  # and the loss panel
    with open_at_video_width(browser, path, ".op-figure", ready) as tab:
        height = tab.evaluate("document.querySelector('.op-canvas').height")
        rows = tab.evaluate(f"{PLAYER}.grid().rows")
        page = tab.evaluate(f"{PLAYER}.axesReport()")
        assert tab.errors() == []
    video = matplotlib_axes(make_view(snapshot, (1280, 720)))
    L = Layout()
    if n > 4 and snapshot.kind == "runs":  # never one row on a page (the module's docstring)
        assert page_grid(CSS_WIDTH, n, L.small, L.left + L.right, L.gap).grid.rows > 1 and rows > 1
        assert_same_axes(page, video, lambda k: () if k % n == n - 1 else ("xminor", *Y_TICKS))
        return
    assert rows == 1
    if height != 720:  # axes the page keeps 1.2 inches tall: the same widths, other heights
        assert height > 720
        linear = lambda k: k % n < len(panels) and panels[k % n] != "surface"  # noqa: E731
        assert_same_axes(page, video, lambda k: (*X_TICKS, *Y_TICKS) if linear(k) else X_TICKS)
        return
    assert_same_axes(page, video)


# ---- the lab --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lab_page(tmp_path_factory):
    """The lab of its default scene (fig7_vs_fig8), without the map (it plays no part in the figure)."""
    return write_lab(tmp_path_factory.mktemp("lab") / "lab.html", map_size=0)


def _js(values) -> str:
    """A JavaScript expression of numbers (NaN and infinities as the literals JSON has not)."""
    return json.dumps([float(v) for v in np.ravel(values)])


@pytest.mark.parametrize("name", RUNS_SCENES)
def test_lab_limit_rule_is_pythons(browser, lab_page, name):
    """The lab's one port of the rules (limits.js, with the numbers its data carries) gives Python's limits on
    every panel of each scene's recording, to 1e-12."""
    snapshot = golden(name)
    keep = [healthy(snapshot, r) for r in range(len(snapshot.run_labels))]
    names = snapshot.node_names
    with browser.open(page_url(lab_page), width=900, height=700) as tab:
        tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
        for panel in snapshot.meta["panels"]:
            if kind(panel) == "surface":
                continue
            hist = np.stack([snapshot.curves[r][keep[r], names.index(n)] for r in range(len(keep))
                             for n in panel["nodes"]])
            with np.errstate(invalid="ignore"):
                lows, highs = np.nanmin(hist, axis=2), np.nanmax(hist, axis=2)
            t = snapshot.target[np.isfinite(snapshot.target)]
            include = [0.0, float(t.min()), float(t.max())] if panel.get("target") else [0.0]
            got = tab.evaluate(f"{FIGURE}.robustLimits({_js(lows)}, {_js(highs)}, {json.dumps(include)})")
            want = panel_limits(snapshot, panel, keep)
            assert want == robust_limits(lows.ravel(), highs.ravel(), tuple(include))
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=0, err_msg=f"{name} {panel['nodes']}")
        losses = np.concatenate([np.concatenate([snapshot.train_loss[r][k], snapshot.eval_loss[r][k]])
                                 for r, k in enumerate(keep)])
        got = tab.evaluate(f"{FIGURE}.logLimits({_js(losses)})")
        assert loss_limits(snapshot, keep) == log_limits(losses)
        np.testing.assert_allclose(got, loss_limits(snapshot, keep), rtol=1e-12, atol=0, err_msg=name)
        assert tab.errors() == []


def lab_run_snapshot(steps: list[int], stat_index: list[int]) -> Snapshot:
    """The lab's default run of its default scene recorded by Python at the lab's snapshots, kept at the
    snapshots the lab summarises for its limits (a run's train loss is the mean since its last snapshot,
    so it is recorded at all of them)."""
    scene = get_scene("fig7_vs_fig8")
    run = default_run(scene)
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    rec = record_run(scene, run, np.array(steps), grid, target)
    meta = snapshot_meta(dataclasses.replace(scene, runs=(run,)), scene.activation, rec["graph"],
                         [rec["meta"]])
    k = np.array(stat_index)
    return Snapshot(meta=meta, steps=np.array(steps)[k], grid=grid, target=target,
                    curves=rec["curves"][None, k], params=rec["params"][None, k],
                    train_loss=rec["train_loss"][None, k], eval_loss=rec["eval_loss"][None, k], extra={})


def test_lab_figure_axes_are_the_videos(browser, lab_page):
    """The lab's figure (its default run, one row) against the video's figure of the same run recorded by
    Python, at the lab's figure's pixel size."""
    ready = f"{LAB} && {LAB}.firstFrame !== undefined"
    with open_at_video_width(browser, lab_page, ".ol-figure", ready) as tab:
        run = tab.evaluate(f"(() => {{ const r = {FIGURE}.rows[0].run; "
                           "return {steps: Array.from(r.steps), stat: r.statIndex}; })()")
        height = tab.evaluate("document.querySelector('.ol-figure canvas').height")
        assert tab.evaluate(f"{LAB}.grid().rows") == 1
        page = tab.evaluate(f"{FIGURE}.axesReport()")
        assert tab.errors() == []
    figure = SceneFigure(lab_run_snapshot(run["steps"], run["stat"]), size=(round(CSS_WIDTH * DPR), height))
    assert_same_axes(page, matplotlib_axes(figure))
