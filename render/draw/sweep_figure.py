"""The figure of a sweep snapshot (meta `kind: sweep`): distributions over many runs, not one run's curves.

A view (render.draw.view), so the encoder's loop saves it like a `SceneFigure`: axes, titles, legends
and the full histories are drawn once; per frame only the animated artists change.

- A seeded sweep (`relu_vs_leakyrelu`): the evaluation-loss histogram of every activation, the
  fitting modes (fitted solid, not fitted pale), the share of fitted runs over training with its 95%
  band, and the output curves of a few named runs beside x².
- A map sweep (`init_basin`): an image per activation over the two swept parameters, coloured by
  fitting mode and shaded by loss (pale: not fitted), Fig 7 and Fig 8 marked; their output curves; the
  fitted share of the grid over training.

The animated lines (output curves, cursors, markers) are Line2Ds that join their axes after its limits
are set, so that `add_line` (which does not autoscale) leaves the limits as `ax.plot` did. The animated
texts are `SlotText`s (render.draw.slot_text): a template's words around one changing number, Text's
pixels at a fraction of its cost (docs/performance.md). Chinese is never bold: the CJK font has
one weight.

Frames at least 3:2 keep the layout the sweep page shares (`SweepHeader`, `SeededLayout`, `MapLayout`:
figure fractions of the 8-inch design), so a 16:9 video is what it always was. Narrower frames are designed
by their shorter side (render.draw.grid) and laid out in inches (`Narrow`): the title wraps and the caption
takes its own line, the legend wraps into rows, and the panels re-flow into rows or a column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import Formatter

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axis import GRIDLINE_INTERPOLATION_STEPS
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from render.draw.base import FONT, LINE, SMALL, FigureBase, samples_label
from render.draw.grid import WIDE
from render.draw.limits import robust_limits, sample_axis
from render.draw.slot_text import SlotText
from render.draw.text import STRINGS, run_label, text
from render.record.snapshot import Snapshot

#: fitting-mode colours (scenes.sweeps.MODES order): Fig 8's mode green, Fig 7's purple, units off red/grey
MODE_COLORS = {
    "light": ("#2a9d3a", "#7b52c7", "#d4a017", "#d1495b", "#4a4a4a"),
    "dark": ("#62d977", "#b39ddb", "#f2c94c", "#f07a87", "#9aa0a6"),
}

MODE_NAMES_ZH = {"slopes + +": "斜率 + +", "slopes − −": "斜率 − −", "slopes + −": "斜率 + −",
                 "one unit off": "一个单元关闭", "both units off": "两个单元关闭",
                 # scenes.sweeps.WIDE_MODES: the same five codes for another width
                 "all slopes +": "斜率全为 +", "all slopes −": "斜率全为 −", "mixed slopes": "斜率有正有负",
                 "some units off": "部分单元关闭", "all units off": "全部单元关闭"}
#: after a map's title when the grid drew some of its other parameters (a wider net's new units)
SEEDED_NOTE = {"en": ", new units seeded", "zh": "，新增单元随机初始化"}


def blend(color, toward, amount: np.ndarray | float) -> np.ndarray:
    c, b = np.asarray(to_rgb(color)), np.asarray(to_rgb(toward))
    amount = np.asarray(amount, dtype=float)[..., None]
    return c * (1 - amount) + b * amount


def axis_line(ax, x: float | None = None, y: float | None = None, **style) -> Line2D:
    """The line of `ax.axvline(x, **style)` (or `ax.axhline(y, ...)`): the same line, transform and path
    (interpolated as a grid line's, for non-linear scales); the axes' limits are left as they are."""
    vertical = x is not None
    transform = ax.get_xaxis_transform(which="grid") if vertical else ax.get_yaxis_transform(which="grid")
    xs, ys = ([x, x], [0, 1]) if vertical else ([0, 1], [y, y])
    line = ax.add_line(Line2D(xs, ys, transform=transform, **style))
    line.get_path()._interpolation_steps = GRIDLINE_INTERPOLATION_STEPS  # as axvline/axhline do
    return line


@dataclass(frozen=True)
class SweepHeader:
    """Where a sweep figure's title, caption and legend row go, in figure fractions; the sweep page places
    its own from the same numbers."""

    x: float = 0.012  # the title's left from the left edge, the caption's right from the right one
    y: float = 0.985  # the top of both (bottom-up, as matplotlib)
    legend: float = 0.012  # the legend row's bottom


@dataclass(frozen=True)
class Narrow:
    """A narrower frame's margins and gaps, in inches: the wide layout's, measured on its 8 x 4.5 design."""

    edge: float = 0.096  # the header's and the legend's distance from the frame's sides (SweepHeader)
    top: float = 0.0675  # the header's top under the frame's top (SweepHeader.y)
    left: float = 0.48  # room for the y tick labels
    right: float = 0.2  # the last x tick label's right half
    titles: float = 0.3  # a panel title above its axes
    ticks: float = 0.42  # x tick labels and an x label under the bottom row, above the legend
    hgap: float = 0.62  # between rows: a row's tick labels and x label, the next row's titles
    wgap: float = 0.6  # between columns: the next column's y tick labels


class SweepFigure(FigureBase):
    """What both sweep figures share (header, share-fitted panel, named runs' curves, legends); the layout
    is a subclass's `build`: `SeededSweepFigure` (render.draw.sweep_seeded) or `MapSweepFigure`
    (render.draw.sweep_map). `render.draw.view.make_view` picks the one for a snapshot."""

    def __init__(self, snapshot: Snapshot, size: tuple[int, int] = (1280, 720), theme: str = "light",
                 lang: str = "en") -> None:
        self.mode_colors = MODE_COLORS[theme]
        self.sweep = snapshot.meta["sweep"]
        self.acts = self.sweep["activations"]
        self.threshold = float(self.sweep["threshold"])
        self.x = snapshot.extra
        self._updaters = []
        super().__init__(snapshot, size, theme, lang)

    def _act_color(self, a: int) -> str:
        return self.theme.palette[a % len(self.theme.palette)]

    def slot_text(self, parent, x: float, y: float, key: str, field: str, values: dict | None = None,
                  **style) -> tuple[SlotText, str]:
        """A SlotText of template `key` around its `field` (the other fields filled in from `values`) and
        the field's format spec; added to an Axes as `ax.text` adds a text (clipping off), or to the figure
        as `fig.text` does (figure coordinates)."""
        prefix, spec, suffix = template_slot(self.lang, key, field, **(values or {}))
        t = SlotText(x, y, prefix, suffix, **style)
        if hasattr(parent, "transAxes"):
            t.set_clip_on(False)
        parent.add_artist(t)
        return t, spec

    def _mode_name(self, name: str) -> str:
        return MODE_NAMES_ZH.get(name, name) if self.lang == "zh" else name

    def _animate(self, *artists: Artist) -> None:
        self.animated.extend(artists)

    # -- shared pieces ----------------------------------------------------------------------------

    @property
    def wide(self) -> bool:
        """At least 3:2: the layout shared with the sweep page; narrower: `Narrow` inches."""
        return self.size[0] / self.size[1] >= WIDE

    def _header(self, title: str) -> float:
        """The title and the moving caption; returns the header's bottom (a figure fraction). A wide frame
        has both on one line; a narrower one wraps the title to its width and puts the caption under it."""
        fig, (w, h) = self.fig, self.fig.get_size_inches()
        head = SweepHeader()
        x, y = (head.x, head.y) if self.wide else (Narrow.edge / w, 1 - Narrow.top / h)
        style = dict(fontsize=FONT, fontweight=self.bold, va="top", ha="left")
        if not self.wide:
            title = self._wrap(title, (1 - 2 * x) * fig.bbox.width, **style)
        line = fig.text(x, y, title, **style)
        if not self.wide:
            y = line.get_window_extent(fig.canvas.get_renderer()).y0 / fig.bbox.height - 0.04 / h
        caption, spec = self.slot_text(fig, 1 - x, y, "sweep_caption", "step",
                                       {"total": self.total}, fontsize=FONT, va="top", ha="right")
        self._animate(caption)

        def update(i: int, step: float) -> None:
            caption.set_value(format(int(round(step)), spec))
        self._updaters.append(update)
        return y - FONT * 1.2 / 72 / h

    def _title(self, ax, title: str) -> None:
        """A panel's title; in a narrower frame wrapped to the panel's width."""
        if not self.wide:
            title = self._wrap(title, ax.get_position().width * self.fig.bbox.width, fontsize=FONT)
        ax.set_title(title, fontsize=FONT, pad=3)

    def _wrap(self, words: str, width: float, **style) -> str:
        """`words` broken after commas and colons and before brackets into lines at most `width` pixels wide
        (where it can)."""
        renderer = self.fig.canvas.get_renderer()
        probe = self.fig.text(0, 0, "", **style)
        pieces = [p for p in re.split(r"(?<=[,，:：] )|(?<=[，：])|(?= \()|(?=（)", words) if p]
        lines = [""]
        for piece in pieces:
            probe.set_text((lines[-1] + piece).rstrip())
            if lines[-1] and probe.get_window_extent(renderer).width > width:
                lines.append(piece.lstrip())
            else:
                lines[-1] += piece
        probe.remove()
        return "\n".join(line.rstrip() for line in lines)

    def _narrow_box(self, top: float, legend_top: float) -> tuple[float, float, float, float]:
        """(left, right, top, bottom) of a narrower frame's plot area, figure fractions: under the header
        (`top`) with room for the panel titles, above the legend (`legend_top`) with room for tick labels."""
        w, h = self.fig.get_size_inches()
        return Narrow.left / w, 1 - Narrow.right / w, top - Narrow.titles / h, legend_top + Narrow.ticks / h

    def _leading(self, ax, points: float, least: float) -> float:
        """The distance between stacked lines of `points` text in `ax`, in axes fractions: `least`, or a line
        and a quarter where the axes are too short for that (the shorter panels of narrower frames)."""
        return max(least, 1.25 * points / 72 / (ax.get_position().height * self.fig.get_size_inches()[1]))

    def _add(self, place):
        """The axes at `place`: a rectangle (figure fractions) or a GridSpec cell."""
        return self.fig.add_axes(place) if isinstance(place, tuple) else self.fig.add_subplot(place)

    def _cells(self, box: tuple[float, float, float, float], rows: int, cols: int,
               heights: list[float] | None = None) -> list[list[tuple[float, float, float, float]]]:
        """Rectangles (figure fractions) of `rows` x `cols` cells filling `box`, `Narrow` gaps between them;
        row heights in proportion to `heights` (equal by default)."""
        w, h = self.fig.get_size_inches()
        left, right, top, bottom = box
        cw = ((right - left) * w - (cols - 1) * Narrow.wgap) / cols
        room = (top - bottom) * h - (rows - 1) * Narrow.hgap
        shares = np.asarray(heights or [1.0] * rows, dtype=float)
        rh = room * shares / shares.sum()
        out, y = [], top * h
        for r in range(rows):
            y -= rh[r]
            out.append([((left * w + c * (cw + Narrow.wgap)) / w, y / h, cw / w, rh[r] / h)
                        for c in range(cols)])
            y -= Narrow.hgap
        return out

    def _rate_panel(self, ax, count: int, band: bool = True) -> None:
        """The share of fitted runs over training, a 95% band (random inits only), a moving cursor."""
        steps = self.snapshot.steps.astype(float)
        frac = self.x["sweep_fitted"]
        xlim, ylim, linthresh = rate_limits(frac, self.total)
        ax.set_xscale("symlog", linthresh=linthresh)
        ax.set_xlim(*xlim)
        ax.xaxis.set_major_formatter(FuncFormatter(samples_label))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylim(*ylim)
        z = 1.959963984540054
        markers = []
        for a, act in enumerate(self.acts):
            p = frac[a]
            denom = 1 + z * z / count
            center = (p + z * z / (2 * count)) / denom
            half = z * np.sqrt(p * (1 - p) / count + z * z / (4 * count * count)) / denom
            color = self._act_color(a)
            if band:
                ax.fill_between(steps, center - half, center + half, color=color, alpha=0.2, lw=0)
            ax.plot(steps, p, color=color, lw=LINE * 0.8, label=act)
            markers.append(ax.add_line(Line2D([], [], ls="None", marker="o", ms=LINE * 2.6, color=color)))
        for mark in self.snapshot.meta.get("schedule", {}).get("marks", []):
            ax.axvline(mark, color=self.theme.muted, lw=0.6, ls=":")
        cursor = axis_line(ax, x=0.0, color=self.theme.foreground, lw=0.8, alpha=0.6)
        self._title(ax, text(self.lang, "rate" if band else "rate_map"))
        ax.set_xlabel(text(self.lang, "samples"), fontsize=SMALL, labelpad=1)
        self.style(ax, y_ticks=4)
        self._animate(cursor, *markers)

        def update(i: int, step: float) -> None:
            cursor.set_xdata(np.full(2, step))
            for a, m in enumerate(markers):
                m.set_data(np.full(1, step), frac[a, i:i + 1])
        self._updaters.append(update)

    def _curve_panel(self, ax, title: str, runs: list[int]) -> None:
        """Output curves of some named runs (one init, each activation) beside the target, with their loss."""
        snap, th = self.snapshot, self.theme
        labels = [snap.meta["runs"][r].get("activation", "") for r in runs]
        colors = [self._act_color(self.acts.index(a)) if a in self.acts else th.palette[2] for a in labels]
        x0, x1 = snap.meta.get("x_range", [float(snap.grid[0]), float(snap.grid[-1])])
        d0, d1 = snap.meta.get("data_range", [x0, x1])
        ax.set_xlim(x0, x1)
        ax.axvspan(d0, d1, color=th.span, lw=0, zorder=0)
        ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
        ax.plot(snap.grid, snap.target, color=th.target, lw=LINE * 0.8, ls=(0, (4, 3)), zorder=2)
        if snap.meta.get("points"):  # trained on data points (the target above is NaN): draw them
            xy = np.asarray(snap.meta["points"], dtype=float).reshape(-1, 2)
            ax.plot(xy[:, 0], xy[:, 1], ls="None", marker="o", ms=2.5, color=th.target, alpha=0.7, zorder=2)
        self._title(ax, run_label(title, self.lang))
        self.style(ax, y_ticks=4)
        ax.set_ylim(*group_limits(snap, runs))
        if not runs:
            ax.text(0.5, 0.5, text(self.lang, "no_run"), transform=ax.transAxes, ha="center",
                    fontsize=SMALL, color=th.muted)
            return
        out = snap.node_names.index(snap.meta["output"])
        hist = [snap.curves[r, :, out] for r in runs]
        lines = [ax.add_line(Line2D(snap.grid, snap.grid * np.nan, color=c, lw=LINE, zorder=3))
                 for c in colors]
        step = self._leading(ax, SMALL, 0.1)
        losses = [self.slot_text(ax, 0.03, 0.95 - step * k, "loss_at", "loss", transform=ax.transAxes,
                                 values={"act": labels[k], "target": self.target_name}, fontsize=SMALL,
                                 va="top", color=c, fontweight=self.bold)[0] for k, c in enumerate(colors)]
        self._animate(*lines, *losses)

        def update(i: int, step: float) -> None:
            for k, (r, line) in enumerate(zip(runs, lines)):
                line.set_ydata(hist[k][i])
                losses[k].set_value(f"{snap.eval_loss[r, i]:.3f}")
        self._updaters.append(update)

    def _named_groups(self) -> list[tuple[str, list[int]]]:
        """Named runs grouped by init (sweep index or label without its activation prefix)."""
        groups: dict[str, list[int]] = {}
        for r, run in enumerate(self.snapshot.meta["runs"]):
            label = run["label"]
            act = run.get("activation")
            if act and label.startswith(f"{act}: "):
                label = label[len(act) + 2:]
            groups.setdefault(label, []).append(r)
        return list(groups.items())

    def _legend(self, handles: list, labels: list[str]) -> float:
        """The legend row under the panels (in a narrower frame as many rows as its width needs); returns its
        top, a figure fraction."""
        fig, h = self.fig, self.fig.get_size_inches()[1]
        y = SweepHeader.legend if self.wide else Narrow.edge / h
        renderer, ncol = fig.canvas.get_renderer(), len(handles)
        while True:
            legend = fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, y), ncol=ncol,
                                fontsize=SMALL, frameon=False, handlelength=1.4, columnspacing=1.1,
                                handletextpad=0.4, borderaxespad=0, borderpad=0)
            box = legend.get_window_extent(renderer)
            if self.wide or ncol == 1 or box.width <= fig.bbox.width - 2 * Narrow.edge * fig.dpi:
                return box.y1 / fig.bbox.height
            legend.remove()
            ncol -= 1

    def _mode_handles(self) -> tuple[list, list[str]]:
        handles = [Patch(color=c) for c in self.mode_colors]
        labels = [self._mode_name(m) for m in self.sweep["modes"]]
        return handles, labels

    # -- animation --------------------------------------------------------------------------------

    def update(self, pos: float) -> list[Artist]:
        """Show snapshot `pos` (fractional positions show the snapshot reached: sweeps do not blend)."""
        i = int(min(max(np.floor(float(pos) + 1e-9), 0), self.n_snapshots - 1))
        step = float(self.snapshot.steps[i])
        for update in self._updaters:
            update(i, step)
        return self.animated


def rate_limits(fitted: np.ndarray, total: int) -> tuple[list[float], list[float], float]:
    """The fitted-share panel's x limits (every sample), y limits (the share, with headroom above its
    highest) and linear threshold: the video's and the sweep page's."""
    xlim, linthresh = sample_axis(total)
    return xlim, [0.0, min(1.0, max(0.1, float(np.max(fitted)) * 1.15 + 0.02))], linthresh


def group_limits(snapshot: Snapshot, runs: list[int]) -> list[float]:
    """y-limits of a curve panel of named runs (their output and the target; a fixed box when the panel
    has none): the video's and the sweep page's."""
    if not runs:
        return [-0.5, 4.5]
    out = snapshot.node_names.index(snapshot.meta["output"])
    t = snapshot.target[np.isfinite(snapshot.target)]
    if t.size == 0:  # trained on data points: their y instead of the (NaN) target
        t = np.asarray(snapshot.meta.get("points") or [[0.0, 0.0]], dtype=float).reshape(-1, 2)[:, 1]
    with np.errstate(invalid="ignore"):
        lows = np.concatenate([np.nanmin(snapshot.curves[r, :, out], axis=1) for r in runs])
        highs = np.concatenate([np.nanmax(snapshot.curves[r, :, out], axis=1) for r in runs])
    return list(robust_limits(lows, highs, (0.0, float(t.min()), float(t.max()))))


def template_slot(lang: str, key: str, field: str, **values) -> tuple[str, str, str]:
    """The words of STRINGS[lang][key] before and after `{field}` (every other field filled in from
    `values`), and the field's format spec: `prefix + format(v, spec) + suffix == text(lang, key, ...)`."""
    before: list[str] = []
    after: list[str] = []
    spec, side = None, before
    for literal, name, fmt, conv in Formatter().parse(STRINGS[lang][key]):
        side.append(literal)
        if name == field:
            spec, side = fmt or "", after
        elif name is not None:
            side.append(("{" + name + (f"!{conv}" if conv else "") + (f":{fmt}" if fmt else "") + "}")
                        .format(**values))
    if spec is None:
        raise KeyError(f"{key!r} has no field {field!r}")
    return "".join(before), spec, "".join(after)


def map_title(inits: dict, acts: list[str], lang: str) -> str:
    """A map sweep's title (the video's and the page's): its grid, and that new units were seeded if so."""
    (ax0, ax1), nx, ny = inits["axes"], int(inits["x"][2]), int(inits["y"][2])
    title = text(lang, "map_title", acts=" / ".join(acts), nx=nx, ny=ny, ax0=subscript(ax0),
                 ax1=subscript(ax1))
    return title + (SEEDED_NOTE[lang] if inits.get("seeded") else "")


def subscript(name: str) -> str:
    """w_11 -> w₁₁ for axis labels."""
    head, _, tail = name.partition("_")
    digits = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    return head + tail.translate(digits) if tail.isdigit() else name
