"""The sum view (render.draw.panels_sum), the 33-colour palettes, legends of many units and data points.

The recordings are real: a one-hidden-layer net of H units built here with ourdl ops (the family's names),
trained briefly, its output panel replaced by the sum panel the family's scenes carry:
nodes = (the contributions mul_2j..., the output), colours = (the units' ..., the output's).
"""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from render_synthetic import synthetic_snapshot
from test_fast_draw import Keep, _same, plain_frames

from render.draw.panels_shared import curve_limits, stack
from render.draw.panels_sum import LEGEND_UNITS, CurveBundle, SumPanel, UnitStrip
from render.draw.scene_figure import SceneFigure
from render.draw.theme import THEMES
from render.draw.view import make_view
from render.encode.stream import render_frame, stream
from render.encode.timeline import Timeline
from render.record import record
from scenes.base import Net, Panel, Run, Scene, Schedule

SMALL = (800, 450)


def _sep(h: int) -> str:
    return "_" if h >= 10 else ""


def _build(h: int, activation: str = "LeakyRelu") -> Net:
    import ourdl.ops as ops
    from ourdl.core import Graph, Varrible

    s, act, graph = _sep(h), getattr(ops, activation), Graph()
    with graph.as_default():
        x, label = Varrible(name="x"), Varrible(name="label")
        w1 = [Varrible(train=True, name=f"w_1{s}{j}") for j in range(1, h + 1)]
        b1 = [Varrible(train=True, name=f"b_1{s}{j}") for j in range(1, h + 1)]
        w2 = [Varrible(train=True, name=f"w_2{s}{j}") for j in range(1, h + 1)]
        b2 = Varrible(train=True, name=f"b_2{s}1")
        parts = []
        for j in range(h):
            add = ops.Add([ops.Mul(x, w1[j], name=f"mul_1{s}{j + 1}"), b1[j]], name=f"add_1{s}{j + 1}")
            parts.append(ops.Mul(act(add, name=f"relu_1{s}{j + 1}"), w2[j], name=f"mul_2{s}{j + 1}"))
        out = ops.Add([*parts, b2], name=f"add_2{s}1")
        loss = ops.ValueLoss([label, out], name="loss")
    return Net(graph=graph, x=x, label=label, output=out, loss=loss, params=(*w1, *b1, *w2, b2))


def _color(j: int) -> int:
    return j if j < 2 else j + 1


def _snapshot(h: int, runs: int = 1, samples: int = 400, every: int = 40, points=None, no_target=False):
    s, cols = _sep(h), tuple(_color(j) for j in range(h))
    contributions = tuple(f"mul_2{s}{j}" for j in range(1, h + 1))
    panels = (Panel("pre-activations", tuple(f"add_1{s}{j}" for j in range(1, h + 1)), cols),
              Panel("contributions", contributions, cols))
    scene = Scene(f"h{h}", "test", lambda act="LeakyRelu": _build(h, act),
                  tuple(Run(f"run {k}", init_seed=10 + k, samples=samples) for k in range(runs)), panels,
                  Schedule("linear", every=every))
    snap = record(scene)
    snap.meta["panels"] = snap.meta["panels"] + [
        {"title": "output = bias + Σ contributions", "title_zh": "输出 = 偏置 + Σ 贡献", "target": True,
         "nodes": [*contributions, f"add_2{s}1"], "colors": [*cols, 2], "kind": "sum"}]
    if points is not None:
        snap.meta["points"] = np.asarray(points, float).tolist()
    if no_target:
        snap.target[:] = np.nan
    return snap


@pytest.fixture(scope="module")
def snaps():
    return {h: _snapshot(h, runs=2 if h == 3 else 1) for h in (1, 3, 8, 16)}


def _sum_parts(view: SceneFigure) -> list[SumPanel]:
    return [p for row in view.extras for p in row if isinstance(p, SumPanel)]


# -- the stack -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("h", [1, 3, 16])
def test_the_stacks_top_is_the_output_at_every_frame(snaps, h):
    snap = snaps[h]
    view = make_view(snap, SMALL)
    names = snap.node_names
    out = snap.curves[:, :, names.index(snap.meta["panels"][-1]["nodes"][-1])]  # (R, S, G)
    for pos in [*range(len(snap.steps)), 0.5, len(snap.steps) - 1.25]:
        view.update(pos)
        for part in _sum_parts(view):
            r, i = _sum_parts(view).index(part), min(int(pos), len(snap.steps) - 2)
            a = pos - i
            want = out[r, i] * (1 - a) + out[r, i + 1] * a
            top = part.tops.get_segments()[-1][:, 1]  # the last unit's running sum, as drawn
            assert np.abs(top - want).max() <= 1e-12
            assert np.array_equal(part.line.get_ydata(), want)
            bands = part.bands.get_paths()
            assert len(bands) == len(part.tops.get_segments()) == h
            g = len(snap.grid)
            assert np.abs(bands[-1].vertices[:g, 1] - want).max() <= 1e-12  # the last band's upper edge
            base = part.base.get_ydata()
            assert np.ptp(base) <= 1e-12 * max(1.0, np.abs(base).max())  # the bias: a constant curve


def test_each_band_is_its_contribution_between_running_sums():
    rng = np.random.default_rng(1)
    parts, out = rng.normal(size=(5, 3, 7)), rng.normal(size=(5, 7))  # (S, H, G), (S, G)
    levels = stack(parts, out)
    assert levels.shape == (4, 5, 7)
    assert np.allclose(np.diff(levels, axis=0), np.moveaxis(parts, 1, 0), atol=1e-12)
    assert np.abs(levels[-1] - out).max() <= 1e-12
    assert np.allclose(levels[0], out - parts.sum(axis=1))


def test_the_axes_hold_every_level_of_the_stack(snaps):
    snap = snaps[16]
    panel = snap.meta["panels"][-1]
    lo, hi = curve_limits(snap, panel, [np.ones(len(snap.steps), bool)])
    names = snap.node_names
    idx = [names.index(n) for n in panel["nodes"]]
    levels = stack(snap.curves[0][:, idx[:-1]], snap.curves[0][:, idx[-1]])
    last = levels[:, -1]  # the trained stack, every level
    assert lo <= last.min() and last.max() <= hi
    # a partial sum can leave the range of every single curve: the limits follow the stack, not the nodes
    plain = curve_limits(snap, {**panel, "kind": "curves"}, [np.ones(len(snap.steps), bool)])
    assert (lo, hi) != plain


# -- blitting ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("h, theme, lang", [(3, "light", "en"), (16, "dark", "zh")])
def test_blitted_sum_frames_are_full_redraws_and_plain_drawing(snaps, h, theme, lang):
    snap, size = snaps[h], (640, 360)
    timeline = Timeline(len(snap.steps), 30, 0.4, 0.0, True)  # fractional positions too
    kept = Keep(timeline.fps)
    stream(make_view(snap, size, theme, lang), timeline, [kept])
    plain = plain_frames(make_view(snap, size, theme, lang), timeline)
    view = make_view(snap, size, theme, lang)
    reveals = [a for a in view.animated if type(a).__name__ == "Reveal"]
    assert all(_same(a, b, size, reveals) for a, b in zip(kept.copies, plain))
    frames = sorted({0, timeline.frames // 2, timeline.frames - 1})
    for k in frames:
        assert _same(kept.copies[k], render_frame(view, timeline.position(k)).tobytes(), size, reveals), k
    assert len(set(kept.copies)) > 3  # the stack moves


def test_a_panel_of_many_curves_draws_each_of_them_in_one_collection(snaps):
    snap = snaps[16]
    view = make_view(snap, SMALL)
    bundles = [p for row in view.extras for p in row if isinstance(p, CurveBundle)]
    assert len(bundles) == 2 and view.lines == [[]]  # both curves panels, no Line2D of their own
    names = snap.node_names
    for pos in (0, 2.5, len(snap.steps) - 1):
        view.update(pos)
        i = min(int(pos), len(snap.steps) - 2)
        a = pos - i
        for bundle, panel in zip(bundles, snap.meta["panels"]):
            curves = snap.curves[0][:, [names.index(n) for n in panel["nodes"]]]
            want = curves[i] * (1 - a) + curves[i + 1] * a
            got = np.array([seg[:, 1] for seg in bundle.lines.get_segments()])
            lo, hi = bundle.clip
            assert np.array_equal(got, np.clip(want, lo, hi))  # cut only far outside the axes:
            assert hi - lo > 100 * np.ptp(bundle.ax.get_ylim())
            colors = [to_hex(c) for c in bundle.lines.get_colors()]
            assert colors == [THEMES["light"].palette[c] for c in panel["colors"]]


def test_a_diverged_stack_draws_without_error(snaps):
    snap = _snapshot(16)
    snap.curves[0, -1] = np.where(np.arange(len(snap.grid)) % 2, 1e200, np.nan)  # blown up, holes
    frame = render_frame(make_view(snap, SMALL), len(snap.steps) - 1)
    assert frame.shape == (SMALL[1], SMALL[0], 4)


# -- the data points -------------------------------------------------------------------------------------


def _point_lines(view):
    return [line for ax in view.fig.axes for line in ax.lines if line.get_marker() == "o"
            and line.get_linestyle() == "None" and not line.get_animated()]


def test_points_appear_in_the_output_panels_instead_of_a_missing_target():
    pts = np.column_stack([np.linspace(0, 2, 25), np.sin(3 * np.linspace(0, 2, 25))])
    snap = _snapshot(3, points=pts, no_target=True)
    snap.meta["panels"].append({"title": "output", "nodes": ["add_21"], "colors": [2], "target": True})
    view = make_view(snap, SMALL)
    dots = _point_lines(view)
    assert len(dots) == 2  # the sum panel and the output panel, nowhere else
    for line in dots:
        assert np.array_equal(line.get_xdata(), pts[:, 0]) and np.array_equal(line.get_ydata(), pts[:, 1])
    labels = [t.get_text() for leg in view.fig.legends for t in leg.get_texts()]
    assert labels.count("data points") == 2 and not any(t.startswith("target") for t in labels)
    ylim = view.axes[0][2].get_ylim()  # the sum panel's axes hold every point
    assert ylim[0] <= pts[:, 1].min() and pts[:, 1].max() <= ylim[1]
    # and they are drawn: the picture differs from the same recording without them
    without = _snapshot(3, no_target=True)
    without.meta["panels"].append(snap.meta["panels"][-1])
    a, b = (render_frame(make_view(s, SMALL), 0) for s in (snap, without))
    assert (a != b).any(axis=-1).sum() > 25


def test_points_and_a_target_both_show():
    snap = _snapshot(1, points=[[0.5, 0.3], [1.5, 2.0]])
    labels = [t.get_text() for leg in make_view(snap, SMALL).fig.legends for t in leg.get_texts()]
    assert "data points" in labels and "target x²" in labels


# -- the palettes ------------------------------------------------------------------------------------------


def _lab(hexes: list[str]) -> np.ndarray:
    """CIELAB (D65) of sRGB colours."""
    c = np.array([[int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)] for h in hexes])
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                  [0.0193339, 0.1191920, 0.9503041]])
    xyz = lin @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], -1)


def _de2000(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """CIEDE2000 between Lab colours (broadcasting)."""
    (l1, a1, b1), (l2, a2, b2) = np.moveaxis(a, -1, 0), np.moveaxis(b, -1, 0)
    cb = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(cb**7 / (cb**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1p)) % 360, np.degrees(np.arctan2(b2, a2p)) % 360
    dh = (h2 - h1 + 180) % 360 - 180
    dh = np.where(c1 * c2 == 0, 0, dh)
    big_h = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    lb, cbp = (l1 + l2) / 2, (c1 + c2) / 2
    hb = np.where(np.abs(h1 - h2) <= 180, (h1 + h2) / 2, (h1 + h2 + 360) / 2 % 360)
    hb = np.where(c1 * c2 == 0, h1 + h2, hb)
    t = (1 - 0.17 * np.cos(np.radians(hb - 30)) + 0.24 * np.cos(np.radians(2 * hb))
         + 0.32 * np.cos(np.radians(3 * hb + 6)) - 0.20 * np.cos(np.radians(4 * hb - 63)))
    rt = -np.sin(np.radians(60 * np.exp(-(((hb - 275) / 25) ** 2)))) * 2 * np.sqrt(cbp**7 / (cbp**7 + 25**7))
    sl = 1 + 0.015 * (lb - 50) ** 2 / np.sqrt(20 + (lb - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * t
    dl, dc = (l2 - l1) / sl, (c2 - c1) / sc
    return np.sqrt(dl**2 + dc**2 + (big_h / sh) ** 2 + rt * dc * (big_h / sh))


def test_de2000_matches_sharmas_reference_pairs():
    """Pairs from Sharma, Wu & Dalal's CIEDE2000 test data, so the palette test measures what it says."""
    pairs = [((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
             ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0000),
             ((50, 2.5, 0), (73, 25, -18), 27.1492),
             ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644)]
    for a, b, want in pairs:
        assert _de2000(np.array(a, float), np.array(b, float)) == pytest.approx(want, abs=1e-4)


def _contrast(hexes: list[str], bg: str) -> np.ndarray:
    def lum(h):
        c = np.array([int(h[i:i + 2], 16) / 255 for i in (1, 3, 5)])
        return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4) @ [0.2126, 0.7152, 0.0722]

    a, b = np.array([lum(h) for h in hexes]), lum(bg)
    return (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)


FIRST_FIVE = {"light": ("#1f6fb4", "#e8710a", "#2a9d3a", "#c2185b", "#6a4cb3"),
              "dark": ("#5aaaf2", "#ffa04d", "#62d977", "#f06292", "#b39ddb")}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_each_palette_has_33_distinguishable_colours_and_keeps_the_chapters_five(name):
    th = THEMES[name]
    assert len(th.palette) == 33 and len({c.lower() for c in th.palette}) == 33
    assert th.palette[:5] == FIRST_FIVE[name]  # the chapter's recordings and baselines depend on them
    lab = _lab(list(th.palette))
    d = _de2000(lab[:, None], lab[None])
    np.fill_diagonal(d, np.inf)
    assert d.min() >= 11  # theme.py's note: 11.9 light, 11.2 dark
    assert d[:9, :9].min() >= 14  # the first units (and the output) farther apart still
    others = _lab([th.foreground, th.muted, th.background, th.target])
    assert _de2000(lab[:, None], others[None]).min() >= 11  # no unit looks like the target or the axes
    assert _contrast(list(th.palette[5:]), th.background).min() >= (3.0 if name == "light" else 4.5)


def test_a_unit_keeps_its_hue_across_themes():
    light, dark = _lab(list(THEMES["light"].palette)), _lab(list(THEMES["dark"].palette))
    hue = lambda lab: np.degrees(np.arctan2(lab[:, 2], lab[:, 1]))  # noqa: E731
    turn = np.abs((hue(dark) - hue(light) + 180) % 360 - 180)
    assert turn[5:].max() < 12  # the added ones are twins; the chapter's five were picked by hand


# -- legends ---------------------------------------------------------------------------------------------


def _legend_texts(view) -> list[list[str]]:
    return [[t.get_text() for t in leg.get_texts()] for leg in view.fig.legends]


def test_legends_name_up_to_eight_units_and_sum_up_more(snaps):
    eight, sixteen = (_legend_texts(make_view(snaps[h], SMALL)) for h in (8, 16))
    assert eight[0] == [f"add_1{j}" for j in range(1, 9)] and len(eight[1]) == LEGEND_UNITS
    assert sixteen[0] == ["units 1–16"] and sixteen[1] == ["units 1–16"]
    assert sixteen[2] == ["units 1–16 + b_2_1", "add_2_1", "target x²", "data range"]
    zh = _legend_texts(make_view(snaps[16], SMALL, lang="zh"))
    assert zh[0] == ["单元 1–16"] and zh[2][:2] == ["单元 1–16 + b_2_1", "add_2_1"]
    legends = make_view(snaps[16], SMALL).fig.legends
    boxes = [[to_hex(r.get_facecolor()) for r in leg.findobj(Rectangle)] for leg in legends[:3]]
    units = [THEMES["light"].palette[_color(j)] for j in range(16)]
    assert boxes[0] == boxes[1] == units  # the strip: every unit's colour, in order
    assert boxes[2][:16] == units  # the stack's key (pale boxes of the same colours), then the data range


@pytest.mark.parametrize("h", [3, 8, 16])
@pytest.mark.parametrize("size", [(1280, 720), (1080, 1080), (1080, 1920)])
def test_legends_stay_inside_the_frame_and_clear_of_each_other(snaps, h, size):
    view = make_view(snaps[h], size, lang="zh" if h == 8 else "en")
    renderer = view.fig.canvas.get_renderer()
    frame = view.fig.bbox
    boxes = [leg.get_window_extent(renderer) for leg in view.fig.legends]
    for box in boxes:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    for k, a in enumerate(boxes):
        for b in boxes[k + 1:]:
            assert not a.overlaps(b)
    axes = [ax.get_window_extent(renderer) for row in view.axes for ax in row]
    assert not any(box.overlaps(ax) for box in boxes for ax in axes)


def test_the_chapters_layout_is_unchanged():
    view = SceneFigure(synthetic_snapshot(), SMALL)
    assert view.layout.legend == 0.36
    assert all(isinstance(leg, Legend) for leg in view.fig.legends)
    assert not any(isinstance(h, UnitStrip) for leg in view.fig.legends for h in leg.legend_handles)
    assert [line.get_label() for line in view.lines[0]] == ["add_11", "add_12", "mul_21", "mul_22", "add_21"]
    assert all(isinstance(line, Line2D) for line in view.lines[0])


# -- many panels a row: the family's own scenes ----------------------------------------------------------


@pytest.fixture(scope="module")
def family():
    from scenes import get_scene

    fig8 = get_scene("fig8")
    return {h: record(fig8.with_network(hidden=(h,)).with_overrides(samples=200, every=50)) for h in (3, 16)}


@pytest.mark.parametrize("h", [3, 16])
@pytest.mark.parametrize("size, lang", [((1280, 720), "en"), ((1280, 720), "zh"), ((800, 450), "en"),
                                        ((1080, 1080), "zh"), ((1080, 1080), "en"), ((1080, 1920), "en")])
def test_a_rows_titles_and_legends_stay_apart_and_inside(family, h, size, lang):
    view = make_view(family[h], size, lang=lang)
    renderer = view.fig.canvas.get_renderer()
    frame = view.fig.bbox
    titles = [ax.title.get_window_extent(renderer) for ax in view.fig.axes if ax.title.get_text()]
    assert len(titles) == len(family[h].meta["panels"]) + 1
    for k, a in enumerate(titles):
        assert frame.x0 <= a.x0 and a.x1 <= frame.x1
        assert not any(a.overlaps(b) for b in titles[k + 1:])
    legends = [leg.get_window_extent(renderer) for leg in view.fig.legends]
    for k, a in enumerate(legends):
        assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0
        assert not any(a.overlaps(b) for b in legends[k + 1:])


def test_the_chapters_titles_and_legends_are_where_they_were():
    """Nothing fitted or spread in the chapter's figures: every title in the titles' font, every legend
    centred under its panel (so its frames stay byte for byte as the visual baselines hold them)."""
    from render.record.goldens import golden_path
    from render.record.snapshot import load_snapshot

    for name in ("fig8", "fig7_vs_fig8"):
        snap = load_snapshot(golden_path(name))
        for size in [(640, 360), (1280, 720), (1080, 1080), (1080, 1350), (1080, 1920)]:
            view = make_view(snap, size, lang="zh" if size[0] == 1080 else "en")
            sizes = {ax.title.get_fontsize() for ax in view.fig.axes if ax.title.get_text()}
            assert sizes == {view.layout.font}
            width = view.fig.bbox.width
            for leg, ax in zip(view.fig.legends, view.axes[-1]):
                centre = (ax.get_position().x0 + ax.get_position().x1) / 2
                assert leg.get_bbox_to_anchor().x0 / width == pytest.approx(centre, abs=1e-12)


def test_the_legend_plan_measures_the_labels_drawn(snaps, family):
    """SceneFigure sizes its legends from legend_labels before drawing them: they must be the drawn ones."""
    from render.draw.scene_legends import legend_labels

    pts = _snapshot(3, points=[[0.2, 0.1], [1.0, 1.2]], no_target=True)
    for snap in [snaps[3], snaps[16], pts, family[3], family[16], synthetic_snapshot()]:
        for lang in ("en", "zh"):
            view = make_view(snap, SMALL, lang=lang)
            drawn = [[t.get_text() for t in leg.get_texts()] for leg in view.fig.legends]
            planned = [legend_labels(snap, p, lang, view.target_name) for p in snap.meta["panels"]]
            assert drawn[:-1] == planned and len(drawn[-1]) == 2


def test_a_rows_off_units_are_not_drawn():
    """A side-by-side scene's narrower row lists the nodes only its frozen parameters reach (off_nodes):
    its curves, bundled curves and stacked bands leave them out; the other rows draw all of theirs."""
    snap = _snapshot(3, runs=2)
    names = snap.node_names
    snap.curves[0, :, names.index("mul_23")] = 0.0  # a frozen unit's contribution (w_23 = 0)
    snap.meta["runs"][0]["off_nodes"] = ["add_13", "mul_23"]
    view = make_view(snap, SMALL)
    view.update(len(snap.steps) - 1)
    shown = [[line.get_label() for line in row if line.get_visible()] for row in view.lines]
    assert shown[0] == ["add_11", "add_12", "mul_21", "mul_22"]
    assert shown[1] == ["add_11", "add_12", "add_13", "mul_21", "mul_22", "mul_23"]
    first, second = _sum_parts(view)
    assert len(first.bands.get_paths()) == 2 and len(second.bands.get_paths()) == 3
    out = snap.curves[0, -1, names.index("add_21")]
    assert np.abs(first.tops.get_segments()[-1][:, 1] - out).max() <= 1e-12
    assert [t.get_text() for t in view.fig.legends[0].get_texts()] == ["add_11", "add_12", "add_13"]

    wide = _snapshot(16)
    wide.meta["runs"][0]["off_nodes"] = [f"add_1_{j}" for j in range(9, 17)]
    bundle = next(p for p in make_view(wide, SMALL).extras[0] if isinstance(p, CurveBundle))
    assert bundle.hist.shape[1] == 8 and len(bundle.lines.get_colors()) == 8
