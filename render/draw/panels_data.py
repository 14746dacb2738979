"""A "data" panel's own artists: the run's training samples seen so far (faded) and the newest (solid).

The model's line and the dashed target are the panel's curves, drawn as in any curves panel
(render.draw.scene_figure); this adds the samples. Both sets are animated markers-only lines whose data
grow with the step, so a frame redraws one path of points, not a collection per point.
"""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.lines import Line2D

from render.draw.panels_shared import PATH_COLOR, need, seen
from render.draw.text import text


class DataPanel:
    """The samples of run `r` in the axes `ax` of a figure (a `FigureBase`)."""

    def __init__(self, figure, ax, r: int, panel: dict) -> None:
        self.figure, self.r, self.window = figure, r, int(panel.get("window", 10))
        data_x, data_y = need(figure.snapshot, panel, "data_x", "data_y")
        self.xs, self.ys = data_x[r], data_y[r]
        th, lang, line = figure.theme, figure.lang, figure.layout.line
        style = dict(ls="", marker="o", mew=0, zorder=2.5)
        self.old = ax.add_line(Line2D([], [], color=th.muted, alpha=0.35, ms=line * 1.3, **style))
        label = text(lang, "data_samples", window=self.window)
        self.new = ax.add_line(Line2D([], [], color=th.palette[PATH_COLOR % len(th.palette)], ms=line * 2.2,
                                      **{**style, "zorder": 4}, label=label))
        self.animated: list[Artist] = [self.old, self.new]

    def update(self, i: int, a: float, step: float) -> None:
        """The samples seen at `step` (snapshot i, blended a fraction a towards i + 1)."""
        n = seen(self.figure.snapshot, self.r, step)
        cut = max(0, n - self.window)
        self.old.set_data(self.xs[:cut], self.ys[:cut])
        self.new.set_data(self.xs[cut:n], self.ys[cut:n])
