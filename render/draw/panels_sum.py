"""A "sum" panel's own artists: the output built from its units (Understanding Deep Learning, fig. 3.3).

Over the bias (output − Σ contributions: a constant curve, drawn thin and dashed) each contribution
w·act(·) of the last hidden layer is stacked as a band from the running sum to the running sum plus it, in
its unit's colour (pale, with the new running sum as a thin line in that colour on top), and the output line
goes over all of them: the top of the stack is the output. A negative contribution's band goes down. The
levels come from render.draw.panels_shared.stack, which the page's axes use too.

The bands, their tops, the bias and the output are animated (one collection each, so a frame redraws four
artists whatever the width); the target and the data points are static, drawn by the figure as in any
panel of the output (render.draw.scene_figure). Also here, for wide networks: a panel of more than
LEGEND_UNITS curves draws them as one collection (`CurveBundle`: one artist a frame instead of one a curve,
which a 16-unit net's three panels of 16 curves made most of a frame's cost) under one legend entry, its key
a strip of their colours (`UnitStrip`, drawn by `StripHandler`).
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from render.draw.panels_shared import off_nodes, points, stack, sum_nodes
from render.draw.text import text, units_label

#: a panel names each of its curves in its legend up to this many; more share one entry (a UnitStrip)
LEGEND_UNITS = 8
BAND_ALPHA = 0.28  # a band's fill; its top line is drawn solid
#: points drawn at most (evenly strided beyond: a denser cloud looks the same and would only cost time)
POINTS_DRAWN = 20_000
#: how far outside the axes a band or a bundled curve may reach (spans of the axes): farther is cut there,
#: which keeps a diverged run's 1e100 out of Agg's rasteriser and moves a segment that leaves the axes by
#: at most 1/REACH of a grid step where it crosses their edge (no visible pixel)
REACH = 100.0


class SumPanel:
    """Run `r`'s stack of contributions in the axes `ax` of a figure (`FigureBase`); `ylim`: its limits."""

    def __init__(self, figure, ax, r: int, panel: dict, ylim: tuple[float, float]) -> None:
        snap, th, lay = figure.snapshot, figure.theme, figure.layout
        self.ax = ax
        names, off = snap.node_names, off_nodes(snap, r)
        parts, out = sum_nodes(panel)
        on = [k for k, n in enumerate(parts) if n not in off]  # a run's off units (all 0) are not stacked
        self.parts = snap.curves[r][:, [names.index(parts[k]) for k in on]]  # (S, H, G)
        self.out = snap.curves[r][:, names.index(out)]  # (S, G)
        self.grid = snap.grid
        span = ylim[1] - ylim[0]
        self.clip = (ylim[0] - REACH * span, ylim[1] + REACH * span)
        palette = th.palette
        colors = [palette[c % len(palette)] for c in panel["colors"]]
        self.unit_colors, out_color = colors[:-1], colors[-1]
        shown = [self.unit_colors[k] for k in on]
        self.bands = ax.add_collection(PolyCollection(
            [], facecolors=[to_rgba(c, BAND_ALPHA) for c in shown], edgecolors="none",
            linewidths=0, zorder=2.6), autolim=False)
        self.tops = ax.add_collection(LineCollection(
            [], colors=shown, linewidths=lay.line * 0.4, zorder=2.7, capstyle="butt"), autolim=False)
        # the bias: the stack's legend key shows it (under the units' colours), so no entry of its own
        self.base = ax.add_line(Line2D(self.grid, self.grid * np.nan, color=th.muted, lw=lay.line * 0.6,
                                       ls=(0, (1.5, 1.5)), zorder=2.8, label="_bias"))
        self.line = ax.add_line(Line2D(self.grid, self.grid * np.nan, color=out_color, lw=lay.line, zorder=3,
                                       label=out))
        self.animated: list[Artist] = [self.bands, self.tops, self.base, self.line]
        #: the legend's first entries (the figure puts the axes' other ones after them): the stack, its key
        #: the units' colours on the bias' dashed line ("units 1–3 + b_21"), then the output
        bias = bias_name(snap, parts, out) or text(figure.lang, "bias")
        self.legend = [(UnitStrip(self.unit_colors, BAND_ALPHA, base=th.muted),
                        text(figure.lang, "stacked", units=units_label(figure.lang, len(parts)), bias=bias)),
                       (self.line, out)]

    def levels(self, i: int, a: float) -> np.ndarray:
        """The stack's (H + 1, G) levels at snapshot i, blended a fraction a towards i + 1 (the curves are
        blended first, as every other panel's)."""
        parts, out = self.parts, self.out
        if a != 0.0:
            return stack(parts[i] * (1 - a) + parts[i + 1] * a, out[i] * (1 - a) + out[i + 1] * a)
        return stack(parts[i], out[i])

    def update(self, i: int, a: float, step: float) -> None:
        levels = self.levels(i, a)
        self.base.set_ydata(levels[0])
        self.line.set_ydata(self.out[i] if a == 0.0 else self.out[i] * (1 - a) + self.out[i + 1] * a)
        with np.errstate(invalid="ignore"):
            shown = np.clip(np.where(np.isfinite(levels), levels, np.nan), *self.clip)
        g = self.grid
        xs = np.broadcast_to(np.concatenate([g, g[::-1]]), (len(levels) - 1, 2 * len(g)))
        ys = np.concatenate([shown[1:], shown[:-1, ::-1]], axis=1)
        self.bands.set_verts(np.stack([xs, ys], axis=-1))
        self.tops.set_segments(np.stack([np.broadcast_to(g, shown[1:].shape), shown[1:]], axis=-1))


def bundled(panel: dict) -> bool:
    """Whether a curves or data panel draws its curves as one `CurveBundle` (and names them in one entry)."""
    return panel.get("kind", "curves") in ("curves", "data") and len(panel["nodes"]) > LEGEND_UNITS


class CurveBundle:
    """Run `r`'s curves of a panel of many (`bundled`) as one LineCollection, in the units' colours and
    the figure's curve width, in node order (the last drawn on top, as separate lines would be)."""

    def __init__(self, figure, ax, r: int, panel: dict, ylim: tuple[float, float]) -> None:
        snap, th = figure.snapshot, figure.theme
        self.ax, self.grid = ax, snap.grid
        names, off = snap.node_names, off_nodes(snap, r)
        on = [k for k, n in enumerate(panel["nodes"]) if n not in off]  # the run's off curves: not drawn
        self.hist = snap.curves[r][:, [names.index(panel["nodes"][k]) for k in on]]  # (S, H, G)
        span = ylim[1] - ylim[0]
        self.clip = (ylim[0] - REACH * span, ylim[1] + REACH * span)
        colors = [th.palette[c % len(th.palette)] for c in panel["colors"]]
        self.lines = ax.add_collection(LineCollection(
            [], colors=[colors[k] for k in on], linewidths=figure.layout.line, zorder=3,
            capstyle="projecting", joinstyle="round"), autolim=False)
        self.animated: list[Artist] = [self.lines]
        self.legend = [strip_entry(figure.lang, colors)]

    def update(self, i: int, a: float, step: float) -> None:
        hist = self.hist
        y = hist[i] if a == 0.0 else hist[i] * (1 - a) + hist[i + 1] * a
        with np.errstate(invalid="ignore"):
            y = np.clip(y, *self.clip)
        self.lines.set_segments(np.stack([np.broadcast_to(self.grid, y.shape), y], axis=-1))


def bias_name(snapshot, parts: list[str], out: str) -> str:
    """The output's own parent that is no contribution (its bias, b_21), from the recording's graph; ''
    when the graph does not say or there is not exactly one."""
    node = next((n for n in snapshot.meta.get("nodes", []) if n.get("name") == out), None)
    others = [p for p in (node or {}).get("parents", []) if p not in parts]
    return others[0] if len(others) == 1 else ""


def draw_points(figure, ax) -> None:
    """The user's data points as small static dots (the target's colour), when the recording has them."""
    pts = points(figure.snapshot)
    if pts is None or not len(pts):
        return
    stride = -(-len(pts) // POINTS_DRAWN)  # ceil
    shown = pts[::stride]
    size = figure.layout.line * float(np.clip(1.6 * np.sqrt(200 / len(shown)), 0.5, 1.6))
    ax.plot(shown[:, 0], shown[:, 1], ls="", marker="o", ms=size, mew=0, color=figure.theme.target,
            alpha=0.7, zorder=2.2, label=text(figure.lang, "points"))


class UnitStrip:
    """A legend key for many units at once: their colours side by side (`StripHandler` draws it); `base`:
    the colour of a dashed line under them (the sum panel's bias, which the stack stands on)."""

    def __init__(self, colors: list[str], alpha: float = 1.0, base: str | None = None) -> None:
        self.colors, self.alpha, self.base = list(colors), alpha, base


class StripHandler(HandlerBase):
    """Draws a `UnitStrip` in the legend: one small box per unit across the key's width; the boxes of a
    band key (alpha < 1) carry a solid top line, as the bands do, and stand on the dashed base line."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        n = max(len(orig_handle.colors), 1)
        w, y0, h = width / n, -ydescent + height * 0.1, height * 0.8
        artists: list[Artist] = []
        for k, c in enumerate(orig_handle.colors):
            x = -xdescent + k * w
            artists.append(Rectangle((x, y0), w, h, facecolor=to_rgba(c, orig_handle.alpha), edgecolor="none",
                                     lw=0, transform=trans))
            if orig_handle.alpha < 1:
                artists.append(Line2D([x, x + w], [y0 + h, y0 + h], color=c, lw=0.8, solid_capstyle="butt",
                                      transform=trans))
        if orig_handle.base is not None:
            artists.append(Line2D([-xdescent, -xdescent + width], [y0, y0], color=orig_handle.base, lw=0.9,
                                  ls=(0, (1.5, 1.5)), transform=trans))
        return artists


def strip_entry(lang: str, colors: list[str]) -> tuple[UnitStrip, str]:
    """The one legend entry of a panel's many curves: "units 1–n" over a strip of their colours."""
    return UnitStrip(colors), units_label(lang, len(colors))
