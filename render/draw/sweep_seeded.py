"""A seeded sweep (`relu_vs_leakyrelu`): the evaluation-loss histogram of every activation, the fitting
modes (fitted solid, not fitted pale), the share of fitted runs over training with its 95% band, and the
output curves of a few named runs beside the target."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from render.draw.base import FONT, LINE, SMALL
from render.draw.grid import panel_grid
from render.draw.sweep_figure import Narrow, SweepFigure, blend
from render.draw.text import text


@dataclass(frozen=True)
class SeededLayout:
    """The seeded figure's GridSpec of 2 x 3 cells, in figure fractions (bottom-up, as matplotlib); the sweep
    page lays its panels out from the same numbers."""

    left: float = 0.06
    right: float = 0.985
    top: float = 0.885
    bottom: float = 0.15
    hspace: float = 0.5
    wspace: float = 0.28


def hist_limits(hist: np.ndarray, edges: np.ndarray) -> tuple[list[float], list[float]]:
    """The loss histogram's x limits (its bins) and y limits (its shares, `hist`, with headroom)."""
    return [float(edges[0]), float(edges[-1])], [0.0, float(hist.max()) * 1.12]


def modes_limits(activations: int) -> tuple[list[float], list[float]]:
    """The fitting-mode bars' x limits (a share) and y limits, top down: the first activation on top."""
    return [0.0, 1.0], [activations - 0.4, -0.6]


class SeededSweepFigure(SweepFigure):
    """Many random inits: distributions over runs."""

    def build(self) -> None:
        self._build_seeded()

    def _build_seeded(self) -> None:
        th, lang = self.theme, self.lang
        inits = self.sweep["inits"]
        lo, hi = inits.get("range", [-1, 1])
        count = int(self.sweep["count"])
        top = self._header(text(lang, "seeded_title", acts=" vs ".join(self.acts), count=count, lo=lo, hi=hi))
        handles = [Line2D([], [], color=self._act_color(a), lw=LINE) for a in range(len(self.acts))]
        labels = list(self.acts)
        if self.snapshot.meta.get("points"):  # trained on data points: they are drawn, not a target
            handles.append(Line2D([], [], color=th.target, ls="None", marker="o", ms=2.5, alpha=0.7))
            labels.append(text(lang, "points"))
        else:
            handles.append(Line2D([], [], color=th.target, lw=LINE * 0.8, ls=(0, (4, 3))))
            labels.append(text(lang, "target", target=self.target_name))
        mh, ml = self._mode_handles()
        legend_top = self._legend(handles + mh, labels + ml)
        hist, modes, rate, *curves = self._places(top, legend_top)
        self._hist_panel(hist, count)
        self._modes_panel(modes, count)
        self._rate_panel(rate, count)
        groups = self._named_groups()
        for k, ax in enumerate(curves):
            self._curve_panel(ax, *(groups[k] if k < len(groups) else ("", [])))

    def _places(self, top: float, legend_top: float) -> list:
        """The axes of the histogram, the modes, the fitted share and the two curve panels. Wide: the
        `SeededLayout` grid, the histogram over two of three columns. At most 2:3: one column. Between: two
        columns (three cells of a 4.5-inch row are too narrow for the panels' titles), the histogram across
        both, the modes on the right (their y labels need the gap between the columns)."""
        fig = self.fig
        if self.wide:
            gs = fig.add_gridspec(2, 3, **asdict(SeededLayout()), width_ratios=[1.0, 1.0, 1.0])
            return [fig.add_subplot(gs[0, 0:2]), fig.add_subplot(gs[0, 2]), fig.add_subplot(gs[1, 0]),
                    fig.add_subplot(gs[1, 1]), fig.add_subplot(gs[1, 2])]
        box = self._narrow_box(top, legend_top)
        grid = panel_grid(*self.size, 5)
        if grid.cols == 1:  # the modes' y labels get the room they have beside a column
            cells = [row[0] for row in self._cells(box, 5, 1)]
            inset = (Narrow.wgap - Narrow.left) / fig.get_size_inches()[0]
            x, y, cw, ch = cells[1]
            cells[1] = (x + inset, y, cw - inset, ch)
            return [fig.add_axes(cell) for cell in cells]
        rows = self._cells(box, 3, 2)
        x0, y0, cw, ch = rows[0][0]
        hist = fig.add_axes((x0, y0, rows[0][1][0] + cw - x0, ch))
        rate, modes = (fig.add_axes(cell) for cell in rows[1])
        return [hist, modes, rate, *(fig.add_axes(cell) for cell in rows[2])]

    def _hist_panel(self, ax, count: int) -> None:
        th, lang = self.theme, self.lang
        hist, edges = self.x["sweep_hist"] / count, self.x["sweep_edges"]
        ax.set_xscale("log")
        xlim, ylim = hist_limits(hist, edges)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.axvspan(edges[0], self.threshold, color=th.span, lw=0, zorder=0)
        ax.axvline(self.threshold, color=th.muted, lw=0.8, ls="--", zorder=1)
        ax.text(self.threshold / 1.08, ax.get_ylim()[1] * 0.97, text(lang, "fitted_zone", thr=self.threshold),
                fontsize=SMALL, ha="right", va="top", color=th.muted)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}"))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        self._title(ax, text(lang, "hist", target=self.target_name))
        self.style(ax, y_ticks=4)
        stairs, shares = [], []
        for a in range(len(self.acts)):
            color = self._act_color(a)
            stairs.append(ax.stairs(hist[a, 0], edges, fill=True, facecolor=(*to_rgb(color), 0.25),
                                    edgecolor=color, lw=LINE * 0.8, zorder=2 + a))
            y = 0.95 - self._leading(ax, FONT, 0.11) * a
            share, spec = self.slot_text(ax, 0.985, y, "share", "pct", {"act": self.acts[a]},
                                         transform=ax.transAxes, ha="right", va="top", fontsize=FONT,
                                         color=color, fontweight=self.bold)
            shares.append(share)
        frac = self.x["sweep_fitted"]
        self._animate(*stairs, *shares)

        def update(i: int, step: float) -> None:
            for a, (st, txt) in enumerate(zip(stairs, shares)):
                st.set_data(hist[a, i])
                txt.set_value(format(100 * frac[a, i], spec))
        self._updaters.append(update)

    def _modes_panel(self, ax, count: int) -> None:
        th = self.theme
        counts, fitted = self.x["sweep_mode_counts"] / count, self.x["sweep_mode_fitted"] / count
        n_a, _, n_m = counts.shape
        xlim, ylim = modes_limits(n_a)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_yticks(range(n_a), self.acts)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.xaxis.set_major_locator(MaxNLocator(4))
        self._title(ax, text(self.lang, "modes"))
        self.style(ax, y_ticks=None)
        bars = []  # per activation, per mode: (fitted rect, not fitted rect)
        for a in range(n_a):
            row = []
            for m in range(n_m):
                c = self.mode_colors[m]
                solid = ax.barh(a, 0.0, height=0.62, color=c, lw=0)[0]
                pale = ax.barh(a, 0.0, height=0.62, color=blend(c, th.background, 0.68), lw=0)[0]
                row.append((solid, pale))
            bars.append(row)
        self._animate(*[r for row in bars for pair in row for r in pair])

        def update(i: int, step: float) -> None:
            for a in range(n_a):
                left = 0.0
                for m in range(n_m):
                    solid, pale = bars[a][m]
                    f, total = fitted[a, i, m], counts[a, i, m]
                    solid.set_x(left)
                    solid.set_width(f)
                    pale.set_x(left + f)
                    pale.set_width(total - f)
                    left += total
        self._updaters.append(update)

