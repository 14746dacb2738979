"""The figure of a width sweep snapshot (meta `kind: width_sweep`): failure rate against width, and why.

Left, the share of runs not fitted at each width, one line per activation with its 95% band (Wilson,
render.record.stats), beside the closed form p^H (every hidden unit dead on the data at init; the
measured share of such inits marked on it): the Relu line cannot go below it. Right, the failures by
cause, a stacked bar per activation at each width. Both move as training goes on; the caption counts the
samples.

A view (render.draw.view) built on `SweepFigure`'s header, titles, wrapping and legend. At 3:2 and wider
the panels sit side by side (`WidthLayout`, figure fractions of the 8-inch design, which the page reads
too); narrower frames stack them in inches (render.draw.grid, `Narrow`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.ticker import FixedLocator, NullLocator, PercentFormatter

from render.draw.base import LINE, SMALL, FigureBase
from render.draw.grid import panel_grid
from render.draw.sweep_figure import MODE_COLORS, Narrow, SweepFigure, SweepHeader
from render.record.snapshot import Snapshot
from render.record.stats import wilson_interval

#: cause colours (scenes.width_sweep.CAUSES order): dead at init near black, died in training red,
#: collapsed purple, one unit doing all the work gold, other a pale grey
CAUSE_COLORS = {theme: (dead, MODE_COLORS[theme][3], MODE_COLORS[theme][1], MODE_COLORS[theme][2], other)
                for theme, dead, other in (("light", "#3b3b3b", "#b9c0c8"), ("dark", "#c9ced4", "#59616b"))}

#: the figure's own words; the caption is render.draw.text's "sweep_caption"
WORDS = {
    "en": {
        "title": "{acts}: how often {count:,} random inits uniform({lo:g},\u00a0{hi:g}) fail to fit "
                 "{target}, against the width",
        "rates": "not fitted: mean |y − {target}| ≥ {thr:g} (95% CI)",
        "causes": "why they failed (bars: {acts})",
        "width": "hidden units H",
        "closed": "every unit dead at init: p^H, p = {p}",
        "dead": "measured: every unit dead at init",
        "causes_names": ("dead at init", "died in training", "collapsed", "one unit doing all the work",
                         "other (still fitting badly)"),
    },
    "zh": {
        "title": "{acts}：{count:,} 个随机初始化 uniform({lo:g},\u00a0{hi:g}) 拟合 {target} 失败的比例与宽度",
        "rates": "未拟合：|y − {target}| 的均值 ≥ {thr:g}（95% 置信区间）",
        "causes": "失败的原因（柱：{acts}）",
        "width": "隐藏单元数 H",
        "closed": "初始化时所有单元都已死：p^H，p = {p}",
        "dead": "实测：初始化时所有单元都已死",
        "causes_names": ("初始化时已死", "训练中死亡", "输出塌缩为常数", "只有一个单元在工作",
                         "其他（仍未拟合好）"),
    },
}


def words(lang: str, key: str, **values) -> str:
    return WORDS[lang][key].format(**values)


def cause_names(lang: str) -> tuple[str, ...]:
    return WORDS[lang]["causes_names"]


def p_text(p: float) -> str:
    """One unit's probability as a reader writes it: 5/16 (a fraction when one of denominator <= 64 is
    exact), else its digits."""
    frac = Fraction(p).limit_denominator(64)
    return f"{frac.numerator}/{frac.denominator}" if float(frac) == p and frac.denominator > 1 else f"{p:g}"


@dataclass(frozen=True)
class WidthLayout:
    """The wide layout's two panels, in figure fractions (bottom-up, as matplotlib); the page lays its
    panels out from the same numbers."""

    left: float = 0.065
    right: float = 0.985
    top: float = 0.865
    bottom: float = 0.175
    wspace: float = 0.2  # GridSpec's, a share of the mean panel width
    ratio: float = 1.15  # the rate panel's width over the causes panel's


def failure_bands(snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(failed share, its 95% CI low, high), each (width, activation, step), from the outcome counts."""
    counts = snapshot.extra["width_counts"]
    n = int(snapshot.meta["width_sweep"]["count"])
    failed = 1.0 - counts[..., 0] / n
    lo, hi = wilson_interval(failed, n)
    return failed, np.clip(lo, 0.0, 1.0), np.clip(hi, 0.0, 1.0)


def bar_span(w: int, a: int, n_a: int) -> tuple[float, float]:
    """The x span of activation a's bar at width index w: the pair fills 0.8 of the slot, a small gap
    between them."""
    bar = 0.8 / n_a
    x0 = w - 0.4 + bar * a
    return x0 + 0.04 * bar, x0 + 0.96 * bar


def width_limits(widths: list[int]) -> list[float]:
    """The width axis' limits (log scale): a little room beyond the first and last width."""
    return [min(widths) / 1.18, max(widths) * 1.18]


def closed_form_curve(p: float, widths: list[int], points: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """p^H over H from the first to the last width, log-spaced (a smooth curve on the log axis)."""
    hs = np.geomspace(min(widths), max(widths), points)
    return hs, p ** hs


class WidthSweepFigure(SweepFigure):
    """Failure rate against width with its closed form, and the failures by cause."""

    def __init__(self, snapshot: Snapshot, size: tuple[int, int] = (1280, 720), theme: str = "light",
                 lang: str = "en") -> None:
        # SweepFigure's pieces (header, titles, legend) read these; its own __init__ reads a sweep's meta
        self.info = snapshot.meta["width_sweep"]
        self.sweep = self.info
        self.acts = list(self.info["activations"])
        self.threshold = float(self.info["threshold"])
        self.x = snapshot.extra
        self.mode_colors = CAUSE_COLORS[theme]
        self._updaters = []
        FigureBase.__init__(self, snapshot, size, theme, lang)

    def build(self) -> None:
        info, lang = self.info, self.lang
        lo, hi = info["inits"].get("range", [-1, 1])
        top = self._header(words(lang, "title", acts=" vs ".join(self.acts), count=int(info["count"]), lo=lo,
                                 hi=hi, target=self.target_name))
        legend_top = self._legend_rows(*self._legend_entries())
        rates, causes = self._places(top, legend_top)
        self._rates_panel(rates)
        self._causes_panel(causes)

    def _legend_entries(self) -> tuple[list, list[str]]:
        th, lang = self.theme, self.lang
        handles = [Line2D([], [], color=self._act_color(a), lw=LINE, marker="o", ms=3)
                   for a in range(len(self.acts))]
        labels = list(self.acts)
        handles.append(Line2D([], [], color=th.target, lw=LINE * 0.8, ls=(0, (2.5, 1.5))))
        labels.append(words(lang, "closed", p=p_text(float(self.info["dead_unit_p"]))))
        handles.append(Line2D([], [], color=th.target, ls="None", marker="x", ms=4, mew=1.0))
        labels.append(words(lang, "dead"))
        return (handles, labels), ([Patch(color=c) for c in self.mode_colors], list(cause_names(lang)))

    def _legend_rows(self, lines: tuple[list, list[str]], causes: tuple[list, list[str]]) -> float:
        """The causes' legend row at the bottom, the lines' above it (each wrapping into more rows where the
        frame is too narrow); returns their top, a figure fraction."""
        h = self.fig.get_size_inches()[1]
        bottom = SweepHeader.legend if self.wide else Narrow.edge / h
        top = self._legend_at(*causes, bottom)
        return self._legend_at(*lines, top + 0.35 * SMALL / 72 / h)

    def _legend_at(self, handles: list, labels: list[str], bottom: float) -> float:
        """A legend centred at `bottom` (a figure fraction), in as few rows as fit the frame's width within
        its margins; returns its top."""
        fig = self.fig
        renderer, ncol = fig.canvas.get_renderer(), len(handles)
        while True:
            legend = fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, bottom), ncol=ncol,
                                fontsize=SMALL, frameon=False, handlelength=1.4, columnspacing=1.1,
                                handletextpad=0.4, borderaxespad=0, borderpad=0)
            box = legend.get_window_extent(renderer)
            if ncol == 1 or box.width <= fig.bbox.width - 2 * Narrow.edge * fig.dpi:
                return box.y1 / fig.bbox.height
            legend.remove()
            ncol -= 1

    def _places(self, top: float, legend_top: float) -> list:
        """The axes of the rates and of the causes: side by side at 3:2 and wider (`WidthLayout`), else in
        the render.draw.grid cells (two rows at any narrower shape)."""
        fig = self.fig
        if self.wide:
            lay = WidthLayout()
            gs = fig.add_gridspec(1, 2, left=lay.left, right=lay.right, top=lay.top, bottom=lay.bottom,
                                  wspace=lay.wspace, width_ratios=[lay.ratio, 1.0])
            return [fig.add_subplot(gs[0, 0]), fig.add_subplot(gs[0, 1])]
        grid = panel_grid(*self.size, 2)
        cells = self._cells(self._narrow_box(top, legend_top), grid.rows, grid.cols)
        return [fig.add_axes(cell) for row in cells for cell in row]

    def _width_axis(self, ax) -> None:
        widths = [int(w) for w in self.info["widths"]]
        ax.set_xscale("log", base=2)
        ax.set_xlim(*width_limits(widths))
        ax.xaxis.set_major_locator(FixedLocator(widths))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_major_formatter(lambda v, _p: f"{v:g}")
        ax.set_xlabel(words(self.lang, "width"), fontsize=SMALL, labelpad=1)

    def _rates_panel(self, ax) -> None:
        th, info = self.theme, self.info
        widths = np.asarray(info["widths"], dtype=float)
        failed, lo, hi = failure_bands(self.snapshot)
        self._width_axis(ax)
        ax.set_ylim(0.0, 1.0)
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self._title(ax, words(self.lang, "rates", target=self.target_name, thr=self.threshold))
        self.style(ax, y_ticks=5)
        hs, ps = closed_form_curve(float(info["dead_unit_p"]), info["widths"])
        ax.plot(hs, ps, color=th.target, lw=LINE * 0.8, ls=(0, (4, 3)), zorder=3)
        dead = np.asarray(info["dead_at_init"], dtype=float) / int(info["count"])
        ax.plot(widths, dead, ls="None", marker="x", ms=4, mew=1.0, color=th.target, zorder=4)
        bands, lines = [], []
        for a in range(len(self.acts)):
            color = self._act_color(a)
            band = ax.add_patch(Polygon(np.zeros((2 * widths.size, 2)), closed=True, facecolor=color,
                                        alpha=0.2, lw=0, zorder=2))
            line = ax.add_line(Line2D(widths, failed[:, a, 0], color=color, lw=LINE * 0.8, marker="o", ms=3,
                                      zorder=5))
            bands.append(band)
            lines.append(line)
        self._animate(*bands, *lines)

        def update(i: int, step: float) -> None:
            for a, (band, line) in enumerate(zip(bands, lines)):
                band.set_xy(np.column_stack([np.concatenate([widths, widths[::-1]]),
                                             np.concatenate([lo[:, a, i], hi[::-1, a, i]])]))
                line.set_ydata(failed[:, a, i])
        self._updaters.append(update)

    def _causes_panel(self, ax) -> None:
        info = self.info
        counts = self.x["width_counts"] / int(info["count"])  # (W, A, S, outcome): shares
        n_w, n_a = counts.shape[:2]
        ax.set_xlim(-0.6, n_w - 0.4)
        ax.set_ylim(0.0, 1.0)
        ax.set_xticks(range(n_w), [f"{w:g}" for w in info["widths"]])
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_xlabel(words(self.lang, "width"), fontsize=SMALL, labelpad=1)
        self._title(ax, words(self.lang, "causes", acts=" | ".join(self.acts)))
        self.style(ax, y_ticks=5)
        rects, caps = [], []  # per width and activation: its cause segments, and a cap in its colour
        for w in range(n_w):
            for a in range(n_a):
                x0, x1 = bar_span(w, a, n_a)
                rects.append([ax.bar((x0 + x1) / 2, 0.0, width=x1 - x0, color=c, lw=0)[0]
                              for c in self.mode_colors])
                caps.append(ax.add_line(Line2D([x0, x1], [0.0, 0.0], color=self._act_color(a), lw=LINE * 1.2,
                                               solid_capstyle="butt")))
        self._animate(*[r for group in rects for r in group], *caps)

        def update(i: int, step: float) -> None:
            for k, (group, cap) in enumerate(zip(rects, caps)):
                w, a = divmod(k, n_a)
                bottom = 0.0
                for c, rect in enumerate(group):
                    share = counts[w, a, i, c + 1]
                    rect.set_y(bottom)
                    rect.set_height(share)
                    bottom += share
                cap.set_ydata([bottom, bottom])
        self._updaters.append(update)
