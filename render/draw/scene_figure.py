"""A snapshot laid out as a matplotlib figure: per run a row of the scene's panels plus a loss panel.

Everything that never changes (axes, ticks, titles, legends, y = 0, the data range, the target curve, the
data points, the full loss history) is static; only the node curves (a sum panel's stack), the caption and
the loss cursor are `animated`, so the figure can be drawn once and then blitted. `update(pos)` moves the
animated artists to snapshot position `pos` (fractional positions blend neighbouring snapshots) and returns
them.

The layout is designed in inches for an 8-inch-wide figure; other pixel sizes only change the dpi, so
text stays readable when the video is scaled to an 800-pixel GIF. Legends name up to
panels_sum.LEGEND_UNITS curves a panel; a panel of more (a wide network's units) draws them as one
collection and names them in one entry over a strip of their colours. How many columns each legend has,
how tall their band is and how they keep apart is render.draw.scene_legends' (the chapter's legends stay
as they were). A title wider than its panel and the gaps shrinks to fit.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter, NullLocator
from matplotlib.transforms import Bbox, IdentityTransform

from render.draw import scene_legends
from render.draw.base import FONT, LINE, SMALL, FigureBase, samples_label
from render.draw.grid import panel_grid
from render.draw.limits import RULE, healthy, loss_limits, sample_axis
from render.draw.panels_data import DataPanel
from render.draw.panels_shared import curve_limits, has_target, kind, off_nodes, output_panel
from render.draw.panels_sum import (
    CurveBundle,
    StripHandler,
    SumPanel,
    UnitStrip,
    bundled,
    draw_points,
)
from render.draw.panels_surface import SurfacePanel
from render.draw.reveal import Reveal
from render.draw.slot_text import SlotText
from render.draw.text import caption_pieces, number, panel_title, run_label, text
from render.draw.transform_cache import TransformCache
from render.record.snapshot import Snapshot


@dataclass(frozen=True)
class Layout:
    """Margins and bands, in inches of the 8-inch design."""

    left: float = 0.40
    right: float = 0.10
    gap: float = 0.40  # between panels: room for the next panel's y tick labels
    top: float = 0.04
    header: float = 0.24  # run label and caption above each row
    titles: float = 0.19  # panel titles, above the first row only
    ticks: float = 0.19  # x tick labels under each row
    legend: float = 0.36  # legends under the last row: two rows of entries (more grow it: scene_legends)
    font: float = FONT  # points: titles and captions
    small: float = SMALL  # points: ticks and legends
    line: float = LINE  # points: curve width


class SceneFigure(FigureBase):
    """The figure of one snapshot, with the artists an animation moves."""

    def __init__(self, snapshot: Snapshot, size: tuple[int, int] = (1280, 720), theme: str = "light",
                 lang: str = "en", loss_panel: bool = True, layout: Layout = Layout()) -> None:
        self.loss_panel, self.layout = loss_panel, layout
        self.panels = snapshot.meta["panels"]
        self._legend_cols: list[int] = []  # per panel (the loss panel's last): its legend's columns
        names = snapshot.node_names
        self._steps = snapshot.steps.astype(float)
        #: per run, per panel: list of (S, G) curve histories (a sum panel and a panel of many curves draw
        #: their own: panels_sum)
        self._curves = [[[snapshot.curves[r, :, names.index(n)] for n in p["nodes"]]
                         if kind(p) != "sum" and not bundled(p) else [] for p in self.panels]
                        for r in range(len(snapshot.run_labels))]
        self.lines: list[list[Line2D]] = []  # per run: every animated curve, in panel order
        self.captions: list[dict[str, Text]] = []  # per run: the caption's changing values
        self.warnings: list[Text] = []  # per run: "diverged at ..." once it has
        self.cursors, self.markers, self.progress = [], [], []  # the loss panel's moving parts
        #: per run: the data, surface and sum panels' own parts, and bundles of many curves (panels_*.py)
        self.extras: list[list] = []
        self._loss_pixels: list[TransformCache | None] = [None] * len(snapshot.run_labels)
        #: per run: which snapshots may set axis limits (a diverged run's blow-up may not; limits.healthy)
        self._healthy_snapshots = [healthy(snapshot, r) for r in range(len(snapshot.run_labels))]
        super().__init__(snapshot, size, theme, lang)

    def build(self) -> None:
        self._legend_cols, height = scene_legends.plan(self)
        self.layout = dataclasses.replace(self.layout, legend=height)
        self.axes = self._build()
        self.animated += [a for row in self.lines for a in row]
        self.animated += [t for row in self.captions for t in row.values()] + self.warnings
        self.animated += self.progress + self.cursors + self.markers  # as a full draw stacks them
        self.animated += [a for row in self.extras for part in row for a in part.animated]

    # -- layout -----------------------------------------------------------------------------------

    @property
    def _header_lines(self) -> int:
        """The caption shares the run label's line in a wide frame; in a narrower one (more than one row
        of panels) the two do not fit side by side, so the caption gets a line of its own below."""
        return 1 if panel_grid(*self.size, len(self.panels) + self.loss_panel).rows == 1 else 2

    def _grid(self) -> list[list[tuple[float, float, float, float]]]:
        """Axes rectangles (figure fractions) per run, in panel order. Each run's panels are a block of
        `render.draw.grid.panel_grid` cells under the run's header; titles go above the first block's
        rows, tick labels under every row, legends under the last block's rows."""
        lay, (w, h) = self.layout, self.fig.get_size_inches()
        runs, n = len(self._curves), len(self.panels) + self.loss_panel
        grid = panel_grid(*self.size, n)
        rows, cols = grid.rows, grid.cols
        header = lay.header * self._header_lines
        aw = (w - lay.left - lay.right - (cols - 1) * lay.gap) / cols
        bands = runs * (header + rows * lay.ticks)
        ah = (h - lay.top - rows * lay.titles - rows * lay.legend - bands) / (runs * rows)
        if ah < 0.4 or aw < 0.8:
            px = self.size
            raise ValueError(f"{runs} runs of {n} panels do not fit in a {px[0]}x{px[1]} frame; "
                             "choose a larger or taller size")
        rects, y = [], h - lay.top - lay.titles
        for r in range(runs):
            bottoms = []
            for i in range(rows):
                y -= header + ah if i == 0 else ah + (lay.titles if r == 0 else 0.0)
                bottoms.append(y)
                y -= lay.ticks + (lay.legend if r == runs - 1 and i < rows - 1 else 0.0)
            cells = (grid.cell(k) for k in range(n))
            rects.append([((lay.left + c * (aw + lay.gap)) / w, bottoms[i] / h, aw / w, ah / h)
                          for i, c in cells])
        return rects

    def _build(self) -> list[list]:
        snap, lay, th = self.snapshot, self.layout, self.theme
        x0, x1 = snap.meta.get("x_range", [float(snap.grid[0]), float(snap.grid[-1])])
        d0, d1 = snap.meta.get("data_range", [x0, x1])
        ylims = [self._panel_limits(j) if kind(p) != "surface" else None for j, p in enumerate(self.panels)]
        w, h = self.fig.get_size_inches()
        axes = []
        for r, rects in enumerate(self._grid()):
            row = [self.fig.add_axes(rect) for rect in rects]
            axes.append(row)
            lines, extras = [], []
            self.extras.append(extras)
            off = off_nodes(snap, r)  # a narrower net's row of a side-by-side scene: its units not there
            for j, (ax, panel) in enumerate(zip(row, self.panels)):
                if kind(panel) == "surface":
                    extras.append(SurfacePanel(self, ax, r, panel))
                    if r == 0:
                        self._title(ax, panel_title(panel, self.lang))
                    self.style(ax)
                    continue
                ax.set_xlim(x0, x1)
                ax.set_ylim(*ylims[j])
                span_label = text(self.lang, "data") if output_panel(panel) else None
                ax.axvspan(d0, d1, color=th.span, lw=0, zorder=0, label=span_label)
                ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
                if bundled(panel):
                    extras.append(CurveBundle(self, ax, r, panel, ylims[j]))
                own = kind(panel) != "sum" and not bundled(panel)
                for node, color in zip(panel["nodes"] if own else (), panel["colors"]):
                    color = th.palette[color % len(th.palette)]
                    lines.append(ax.add_line(Line2D(snap.grid, snap.grid * np.nan, color=color, lw=lay.line,
                                                    zorder=3, label=node, visible=node not in off)))
                if output_panel(panel) and has_target(snap):
                    ax.plot(snap.grid, snap.target, color=th.target, lw=lay.line * 0.8, ls=(0, (4, 3)),
                            zorder=2, label=text(self.lang, "target", target=self.target_name))
                if output_panel(panel):
                    draw_points(self, ax)
                if kind(panel) == "sum":
                    extras.append(SumPanel(self, ax, r, panel, ylims[j]))
                if kind(panel) == "data":
                    extras.append(DataPanel(self, ax, r, panel))
                if r == 0:
                    self._title(ax, panel_title(panel, self.lang))
                self.style(ax)
            self.lines.append(lines)
            if self.loss_panel:
                self._build_loss(row[-1], r, first=r == 0)
            top = rects[0][1] + rects[0][3] + (lay.header * self._header_lines - 0.06) / h
            if r == 0:
                top += lay.titles / h
            label = run_label(snap.run_labels[r], self.lang)
            self.fig.text(lay.left / w, top, label, fontsize=lay.font, va="top", fontweight=self.bold)
            self.captions.append(self._caption_row(top - (self._header_lines - 1) * lay.header / h))
            x, y, wd, ht = rects[len(self.panels) - 1]
            self.warnings.append(self.fig.text(x + wd / 2, y + ht * 0.92, "", fontsize=lay.font, va="top",
                                               ha="center", color=th.palette[3]))
        self._legends(axes[-1])
        scene_legends.spread(self.fig)
        for ax in (ax for row in axes for ax in row):
            _fixed_empty_labels(ax)
        return axes

    def _caption_row(self, y: float) -> dict[str, Text]:
        """Lay the caption out right to left: static words drawn once, each value in a fixed slot
        (right-aligned, tabular digits; a SlotText: Text's pixels from cached glyphs), so only a few
        glyphs are redrawn per frame."""
        lay, fig = self.layout, self.fig
        renderer = fig.canvas.get_renderer()
        fig_w = fig.bbox.width
        space = lay.font * 0.32 * fig.dpi / 72 / fig_w  # about one space of the caption's font
        x, values = 1 - lay.right / fig.get_size_inches()[0], {}
        pieces = caption_pieces(self.lang, total=self.total, target=self.target_name)
        for name, template, spaces in reversed(pieces):
            style = dict(fontsize=lay.font, va="top", ha="right")
            if template:
                t = fig.add_artist(SlotText(x, y, **style))
                t.set_value(template)  # the slot is as wide as the value's template
            else:
                t = fig.text(x, y, name, **style)
            width = t.get_window_extent(renderer).width / fig_w
            if template:
                values[name] = t
                t.set_text("")
            x -= width + space * spaces
        return values

    def _build_loss(self, ax, r: int, first: bool) -> None:
        snap, th, lay = self.snapshot, self.theme, self.layout
        steps = snap.steps.astype(float)
        ax.set_yscale("log")
        xlim, linthresh = sample_axis(self.total, RULE.cursor_room)  # room for the cursor at the very end
        ax.set_xscale("symlog", linthresh=linthresh)
        ax.set_xlim(*xlim)
        ax.set_ylim(*loss_limits(snap, self._healthy_snapshots))
        ax.xaxis.set_major_formatter(FuncFormatter(samples_label))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.plot(steps, snap.train_loss[r], color=th.muted, lw=0.6, alpha=0.6, zorder=1,
                label=text(self.lang, "loss_train"))
        eval_style = dict(color=th.palette[2], lw=lay.line * 0.9)
        ax.plot(steps, snap.eval_loss[r], alpha=0.3, **eval_style)  # what is still to come, faint
        # the part already trained, solid: the whole curve, clipped at the cursor (its path never changes:
        # while blitted it is stroked once and pasted up to the cursor)
        self.progress.append(ax.add_line(Reveal(steps, snap.eval_loss[r], **eval_style,
                                                label=text(self.lang, "loss_eval", target=self.target_name))))
        # cursor and marker live in display coordinates, placed by `update` (`_loss_pixel`): drawing them
        # then skips the symlog/log path machinery every frame
        pixels = IdentityTransform()
        self.cursors.append(ax.add_line(Line2D([], [], color=th.foreground, lw=0.8, alpha=0.6,
                                               transform=pixels)))
        edge = dict(mec=th.background, mew=0.8, clip_on=False)  # whole at the axes edge
        self.markers.append(ax.add_line(Line2D([], [], ls="", marker="o", ms=lay.line * 3,
                                               color=th.palette[2], transform=pixels, **edge)))
        if first:
            self._title(ax, text(self.lang, "loss_title"))
        self.style(ax, y_ticks=None)
        ax.tick_params(axis="y", which="minor", length=1.5, width=0.4)

    def _title(self, ax, title: str) -> None:
        """A panel's title, in the titles' font unless it is wider than its panel and, either side, 40% of
        the gap or what is left to the frame's edge (many panels a row: a deep or wide net's): then as much
        smaller as it must be, down to the legends' size, so titles neither run into each other nor out of
        the frame; one that does not fit even so breaks onto two lines at its middle space (after a colon
        if it has one)."""
        lay, frame = self.layout, self.fig.bbox
        t = ax.set_title(title, fontsize=lay.font, pad=3, y=1.0)
        box = ax.get_position().transformed(self.fig.transFigure)
        room = box.width + 2 * min(0.4 * lay.gap * self.fig.dpi, box.x0 - frame.x0, frame.x1 - box.x1)
        renderer = self.fig.canvas.get_renderer()
        wide = t.get_window_extent(renderer).width
        if wide <= room:
            return
        t.set_fontsize(max(lay.small, lay.font * room / wide))
        spaces = [k for k, c in enumerate(title) if c == " "]
        if t.get_window_extent(renderer).width > room and spaces:
            colon = [k for k in spaces if title[k - 1] == ":"]
            k = colon[0] if colon else min(spaces, key=lambda k: abs(2 * k - len(title)))
            t.set_text(title[:k] + "\n" + title[k + 1:])
            t.set_linespacing(1.0)

    def _legends(self, bottom_row: list) -> None:
        lay = self.layout
        h = self.fig.get_size_inches()[1]
        for j, ax in enumerate(bottom_row):
            handles, labels = ax.get_legend_handles_labels()
            # a sum panel's stack and a bundle of many curves: their own entries first (no artist of theirs
            # is a legend handle)
            for part in (p for p in self.extras[-1] if getattr(p, "legend", None) and p.ax is ax):
                rest = [k for k, hd in enumerate(handles) if all(hd is not mine for mine, _ in part.legend)]
                handles = [hd for hd, _ in part.legend] + [handles[k] for k in rest]
                labels = [t for _, t in part.legend] + [labels[k] for k in rest]
            order = [i for i, hd in enumerate(handles) if not isinstance(hd, Patch)]
            order += [i for i, hd in enumerate(handles) if isinstance(hd, Patch)]
            x, y, wd, _ = ax.get_position().bounds
            self.fig.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper center",
                            bbox_to_anchor=(x + wd / 2, y - (lay.ticks - 0.02) / h),
                            ncol=self._legend_cols[j],
                            fontsize=lay.small, frameon=False, handlelength=scene_legends.HANDLE,
                            columnspacing=scene_legends.COLUMN_SPACING,
                            handletextpad=scene_legends.HANDLE_PAD, borderaxespad=0, borderpad=0,
                            handler_map={UnitStrip: StripHandler()})

    def _panel_limits(self, j: int) -> tuple[float, float]:
        return curve_limits(self.snapshot, self.panels[j], self._healthy_snapshots)

    # -- animation --------------------------------------------------------------------------------

    def update(self, pos: float) -> list[Artist]:
        """Show snapshot position `pos` (0 .. n_snapshots - 1; fractions blend neighbours)."""
        snap = self.snapshot
        pos = min(max(float(pos), 0.0), self.n_snapshots - 1.0)
        i = min(int(pos), self.n_snapshots - 2) if self.n_snapshots > 1 else 0
        a = pos - i

        def at(series: np.ndarray) -> np.ndarray:
            return series[i] if a == 0.0 else series[i] * (1 - a) + series[i + 1] * a

        step = at(self._steps)
        for r, run in enumerate(self._curves):
            lines = iter(self.lines[r])
            for panel in run:
                for hist in panel:
                    next(lines).set_ydata(at(hist))
            for part in self.extras[r]:
                part.update(i, a, step)
            train, ev = at(snap.train_loss[r]), at(snap.eval_loss[r])
            caption = self.captions[r]
            caption["step"].set_text(f"{int(round(step)):,}")
            diverged = snap.meta["runs"][r].get("diverged_at")
            gone = diverged is not None and step >= diverged  # its numbers mean nothing any more
            caption["train"].set_text(number(np.nan if gone else train))
            caption["eval"].set_text(number(np.nan if gone else ev))
            if diverged is not None:
                warning = text(self.lang, "diverged", step=diverged) if step >= diverged else ""
                self.warnings[r].set_text(warning)
            if self.loss_panel:
                ax = self.axes[r][-1]
                box = ax.bbox
                x, y = self._loss_pixel(r, i, a, step, ev)
                self.cursors[r].set_data(np.array([x, x]), np.array([box.y0, box.y1]))
                self.markers[r].set_data(np.array([x]), np.array([y]))
                self.progress[r].set_clip_box(Bbox([[box.x0, box.y0], [max(x, box.x0), box.y1]]))
        return self.animated

    def _loss_pixel(self, r: int, i: int, a: float, step: float, ev: float) -> np.ndarray:
        """Where the loss cursor and marker go, in pixels: at a snapshot, from one transform of every
        snapshot's point (the same numbers as one at a time), kept while the axes' transform is unchanged."""
        transform = self.axes[r][-1].transData
        if a != 0.0:
            return transform.transform((step, ev if ev > 0 else np.nan))
        if self._loss_pixels[r] is None:
            self._loss_pixels[r] = TransformCache(transform)
        evs = self.snapshot.eval_loss[r]

        def every_snapshot() -> np.ndarray:
            return transform.transform(np.column_stack([self._steps, np.where(evs > 0, evs, np.nan)]))

        return self._loss_pixels[r].get("snapshots", every_snapshot)[i]


def _fixed_empty_labels(ax) -> None:
    """Pin the axes' (empty) axis labels: matplotlib would otherwise place each one, on every draw, clear of
    every tick label, by laying out its axis' ticks a second time (docs/performance.md says what it costs;
    no pixel changes: an empty label draws nothing wherever it is)."""
    for axis, xy in ((ax.xaxis, (0.5, 0.0)), (ax.yaxis, (0.0, 0.5))):
        if not axis.label.get_text():
            axis.set_label_coords(*xy)
