"""A map sweep (`init_basin`): an image per activation over the two swept parameters, coloured by fitting
mode and shaded by loss (pale: not fitted), Fig 7 and Fig 8 marked; their output curves; the fitted share
of the grid over training."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D

from render.draw.base import SMALL
from render.draw.grid import panel_grid
from render.draw.map_image import show
from render.draw.slot_text import SlotText
from render.draw.sweep_figure import Narrow, SweepFigure, axis_line, blend, map_title, subscript
from render.draw.text import run_label, text


@dataclass(frozen=True)
class MapLayout:
    """Where a map sweep's panels go: the plot area in figure fractions (bottom-up, as matplotlib), the
    gaps in inches of the 8-inch design; the sweep page lays its panels out from the same numbers."""

    left: float = 0.06
    right: float = 0.985
    top: float = 0.885
    bottom: float = 0.14
    gap: float = 0.55  # inches between maps, and between the last map and the right column
    right_column: float = 2.4  # inches kept for the curves and the fitted share, at least
    lift: float = 0.035  # the right column's bottom above the maps': room for its x label
    hspace: float = 0.75  # the right column's GridSpec


class MapSweepFigure(SweepFigure):
    """A grid of inits over two parameters: a map per activation."""

    def build(self) -> None:
        self._build_map()

    def _build_map(self) -> None:
        fig, lang = self.fig, self.lang
        inits = self.sweep["inits"]
        (ax0, ax1), (x0, x1, nx), (y0, y1, ny) = inits["axes"], inits["x"], inits["y"]
        self.map_shape = (int(ny), int(nx))
        n_a = len(self.acts)
        top = self._header(map_title(inits, self.acts, lang))
        mh, ml = self._mode_handles()
        mh.append(Patch(color=blend(self.theme.muted, self.theme.background, 0.68)))
        ml.append(text(lang, "pale"))
        legend_top = self._legend(mh, ml)
        maps, panels = self._places(n_a, top, legend_top)
        for a, rect in enumerate(maps):
            self._map_panel(fig.add_axes(rect), a, (x0, x1, y0, y1), inits, (subscript(ax0), subscript(ax1)))
        groups = self._named_groups()
        for k in range(2):
            self._curve_panel(self._add(panels[k]), *(groups[k] if k < len(groups) else ("", [])))
        self._rate_panel(self._add(panels[2]), int(self.sweep["count"]), band=False)

    def _places(self, n_a: int, top: float, legend_top: float) -> tuple[list[tuple], list]:
        """Where the maps go, and the two curve panels and the fitted share (rectangles or GridSpec cells,
        added after the maps, as always). Wide: square maps in a row, the three panels in a column on their
        right (`MapLayout`). At most 2:3: `_column`. Between: the maps and the three panels fill the
        render.draw.grid cells in that order (the fitted share beside the maps, the curves under them), the
        maps' row taller, each map a square in its cell."""
        fig, (w, h) = self.fig, self.fig.get_size_inches()
        lay = MapLayout()
        if not self.wide:
            box = self._narrow_box(top, legend_top)
            grid = panel_grid(*self.size, n_a + 3)
            if grid.cols == 1:
                return self._column(n_a, box)
            rows = self._cells(box, grid.rows, grid.cols, [1.4] + [1.0] * (grid.rows - 1))
            cells = [cell for row in rows for cell in row]
            maps = []
            for x, y, cw, ch in cells[:n_a]:  # square, in the cell's top left
                side = min(cw * w, ch * h)
                maps.append((x, y + ch - side / h, side / w, side / h))
            self._narrow = True
            return maps, [*cells[n_a + 1:n_a + 3], cells[n_a]]
        top, bottom = lay.top, lay.bottom
        left, gap, right = lay.left, lay.gap, lay.right
        # square maps as tall as the plot area, narrower when several would leave the curves' column less
        # than lay.right_column inches (then centred in the height)
        room = (right - left) * w - lay.right_column - n_a * gap
        side = min((top - bottom) * h, room / n_a)
        self._narrow = side < (top - bottom) * h  # short titles, fewer ticks
        low = bottom + ((top - bottom) * h - side) / 2 / h
        maps = [(left + a * (side + gap) / w, low, side / w, side / h) for a in range(n_a)]
        right0 = left + (n_a * side + (n_a - 1) * gap + lay.gap) / w
        gs = fig.add_gridspec(3, 1, left=right0, right=right, top=top, bottom=bottom + lay.lift,
                              hspace=lay.hspace)
        return maps, [gs[k, 0] for k in range(3)]

    def _column(self, n_a: int, box: tuple[float, float, float, float]) -> tuple[list[tuple], list[tuple]]:
        """A frame at most 2:3: the maps in a row across the top (a map per row would leave them too small),
        the two curve panels and the fitted share in a column under them."""
        (w, h), (left, right, top, bottom) = self.fig.get_size_inches(), box
        side = ((right - left) * w - (n_a - 1) * Narrow.wgap) / n_a
        side = min(side, ((top - bottom) * h - Narrow.hgap) * 0.3)
        self._narrow = side < 2.0  # short titles, fewer ticks
        maps = [(left + a * (side + Narrow.wgap) / w, top - side / h, side / w, side / h) for a in range(n_a)]
        under = (left, right, top - (side + Narrow.hgap) / h, bottom)
        return maps, [row[0] for row in self._cells(under, 3, 1)]

    def _map_panel(self, ax, a: int, extent: tuple, inits: dict, names: tuple[str, str]) -> None:
        th, lang = self.theme, self.lang
        loss, mode = self.x["sweep_map_loss"][a], self.x["sweep_map_mode"][a]
        shape = self.map_shape
        palette = np.array([to_rgb(c) for c in self.mode_colors])
        bg = np.asarray(to_rgb(th.background))
        lo_log, thr_log = np.log(0.03), np.log(self.threshold)

        def rgb(i: int) -> np.ndarray:
            l_i = loss[i].astype(float)
            base = palette[mode[i]]
            fitted = l_i < self.threshold
            with np.errstate(divide="ignore", invalid="ignore"):
                depth = np.clip((np.log(l_i) - lo_log) / (thr_log - lo_log), 0, 1)  # 0 best .. 1 at thr
            amount = np.where(fitted, 0.35 * depth, 0.62 + 0.2 * np.clip(np.log(l_i / self.threshold) /
                                                                          np.log(10), 0, 1))
            amount = np.where(np.isfinite(l_i), amount, 0.9)
            out = base * (1 - amount[:, None]) + bg * amount[:, None]
            return out.reshape(*shape, 3)

        image = show(ax, rgb(0), origin="lower", extent=extent, aspect="auto", interpolation="nearest",
                     zorder=1)  # an AxesImage that gathers its resampled pixels while animated
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_xlabel(names[0], fontsize=SMALL, labelpad=1)
        ax.set_ylabel(names[1], fontsize=SMALL, labelpad=1)
        # everything drawn over the (animated) image must be animated too, or the image would cover it
        over = [axis_line(ax, y=0.0, color=th.foreground, lw=0.5, alpha=0.5, zorder=2),
                axis_line(ax, x=0.0, color=th.foreground, lw=0.5, alpha=0.5, zorder=2)]
        for label, (mx, my) in inits.get("marks", {}).items():
            over.append(ax.add_line(Line2D([mx], [my], ls="None", marker="o", ms=4.5, mfc="none",
                                           mec=th.foreground, mew=1.2, zorder=3)))
            over.extend(_mark_label(ax, run_label(label, lang), (mx, my), fontsize=SMALL,
                                    fontweight=self.bold, color=th.foreground, va="top", zorder=3))
        title = self.acts[a] if self._narrow else text(lang, "map", act=self.acts[a])
        self._title(ax, title)
        self.style(ax, y_ticks=4)
        ax.xaxis.set_major_locator(MaxNLocator(4 if self._narrow else 5))
        box = dict(boxstyle="round,pad=0.25", fc=th.background, ec="none", alpha=0.8)
        share, spec = self.slot_text(ax, 0.02, 0.98, "grid_fitted", "pct", transform=ax.transAxes,
                                     fontsize=SMALL, va="top", ha="left", fontweight=self.bold,
                                     color=th.foreground, zorder=4, bbox=box)
        frac = self.x["sweep_fitted"][a]
        self._animate(image, *over, share)

        def update(i: int, step: float) -> None:
            image.set_data(rgb(i))
            share.set_value(format(100 * frac[i], spec))
        self._updaters.append(update)


def _mark_label(ax, label: str, xy: tuple[float, float], **style) -> list[SlotText]:
    """What `ax.annotate(label, xy, xytext=(5, -3), textcoords="offset points", **style)` draws, as a
    SlotText (its glyphs cached: it is redrawn over the animated map every frame): the same transform,
    built as Annotation builds it, and nothing when `xy` is outside the axes (Annotation's clipping)."""
    point = ax.transData.transform((float(xy[0]), float(xy[1])))
    if not ax.contains_point(point):
        return []
    offset_points = Affine2D().scale(ax.get_figure(root=True).dpi / 72).translate(*point)
    t = SlotText(5, -3, label, transform=offset_points, **style)
    ax.add_artist(t)
    t.set_clip_on(False)  # an annotation does not clip
    return [t]
