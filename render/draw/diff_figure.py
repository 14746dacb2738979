"""The picture of a failed regression check: golden and fresh recording drawn over each other.

Top row: the scene's panels (as in the video) for the run that differs, at the first step where anything
differs: golden curves solid, fresh curves dashed in the same colours, the first differing node
highlighted (with a panel of its own if the video does not draw it), and each curve's largest
|fresh − golden| written in its panel, since a difference worth a failed check is often far below a
pixel. Bottom row: the parameter trajectories around that step, and |fresh − golden| of every parameter
over all steps on a log scale with the tolerance, which shows where the runs part and how fast they grow
apart.

This module lays the figure out, writes its header and legend and saves it; where to look is decided by
diff_focus.py, the top rows are drawn by diff_curves.py, the bottom row by diff_params.py. Built on
matplotlib directly (Agg; `Figure` + `FigureCanvasAgg`), the theme's colours and the text module's panel
titles and run labels; it draws `render.record.diff.Recording`s, so it reads any golden.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from render.draw.diff_curves import draw_deltas, draw_panel
from render.draw.diff_focus import focus
from render.draw.diff_params import draw_param_deltas, draw_trajectories
from render.draw.diff_style import FRESH, GOLDEN
from render.draw.text import run_label
from render.draw.theme import THEMES, Theme, rc_params
from render.record.atomic import atomic_write
from render.record.check import Picture
from render.record.check_result import SceneResult
from render.record.diff import Recording

SIZE = (1280, 960)  # pixels
DPI = 100


class DiffFigure:
    """One figure: the run that differs at its first differing step, and its parameters over time."""

    def __init__(self, result: SceneResult, golden: Recording, fresh: Recording, theme: str = "light",
                 lang: str = "en") -> None:
        self.result, self.lang = result, lang
        self.theme: Theme = THEMES[theme]
        self.at = focus(result, golden, fresh)
        with matplotlib.rc_context(rc_params(self.theme, lang)):
            self.fig = Figure(figsize=(SIZE[0] / DPI, SIZE[1] / DPI), dpi=DPI)
            FigureCanvasAgg(self.fig)
            self._draw()

    def _draw(self) -> None:
        th, res, at = self.theme, self.result, self.at
        panels = list(at.panels)
        if at.node is not None and at.node not in at.drawn:
            panels.append({"title": f"{at.node} (not drawn in the video)", "nodes": [at.node],
                           "colors": [None], "target": False})
        n_top = max(len(panels), 1)
        grid = self.fig.add_gridspec(3, 2 * n_top, left=0.05, right=0.97, top=0.81, bottom=0.06,
                                     hspace=0.55, wspace=0.9, height_ratios=(1.0, 0.5, 1.0))
        run = run_label(at.pair.run_label, self.lang)
        where = ", ".join(x for x in (f"node {at.node}" if at.node else "",
                                      f"param {at.param}" if at.param else "") if x)
        first = res.first_diff()
        if first is not None and first.step is None:  # a changed shape: no step to name
            title = f"{first.key}: {first.problem} differs (drawn at sample {at.step:,})"
        else:
            title = f"first at run {run!r}, sample {at.step:,}" + (f" ({where})" if where else "")
        head = self.fig.text(0.05, 0.975, f"{res.scene}: {res.status} from its golden — {title}", fontsize=13,
                             fontweight="bold", va="top")
        self._fit(head, 0.93)
        rtol, atol = res.tolerance
        header = [res.headline(), f"golden: {res.golden}   tolerance: |fresh − golden| ≤ {atol:g} + "
                  f"{rtol:g}·|golden|", at.note]
        for i, line in enumerate(x for x in header if x):
            self._fit(self.fig.text(0.05, 0.94 - 0.024 * i, line, fontsize=9, va="top", color=th.muted), 0.93)
        for j, panel in enumerate(panels):
            cols = slice(2 * j, 2 * j + 2)
            draw_panel(self.fig.add_subplot(grid[0, cols]), at, th, self.lang, panel)
            draw_deltas(self.fig.add_subplot(grid[1, cols]), at, th, panel)
        draw_trajectories(self.fig.add_subplot(grid[2, :n_top]), at, th)
        draw_param_deltas(self.fig.add_subplot(grid[2, n_top:]), at, th, res.tolerance)
        handles = [Line2D([], [], color=th.foreground, ls=GOLDEN, lw=1.6, label="golden"),
                   Line2D([], [], color=th.foreground, ls=FRESH, lw=1.6, label="fresh"),
                   Line2D([], [], color=th.palette[3], lw=6, alpha=0.3, label="first to differ")]
        self.fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.05, 0.85), ncol=3,
                        frameon=False, fontsize=10, borderaxespad=0, borderpad=0)

    def _fit(self, t, width: float) -> None:
        """Shrink a header line's font until it fits `width` (a figure fraction): long run labels, paths."""
        renderer = self.fig.canvas.get_renderer()
        while t.get_window_extent(renderer).width > width * self.fig.bbox.width and t.get_fontsize() > 6:
            t.set_fontsize(t.get_fontsize() - 0.5)

    def save(self, path: Path) -> Path:
        """Write the PNG atomically (a failed save leaves no partial file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as tmp:
            self.fig.savefig(tmp, format="png", facecolor=self.theme.background)
        return path


def draw_difference(result: SceneResult, golden: Recording, fresh: Recording, path: Path,
                    theme: str = "light") -> Path:
    """The `render.record.check.Picture` callback: draw the difference to `path` and return it."""
    return DiffFigure(result, golden, fresh, theme).save(path)


def safe_picture(on_error: Callable[[str], None], theme: str = "light") -> Picture:
    """A Picture callback for the check runner that never turns a check's result into a crash: a picture
    that cannot be drawn or written is reported through `on_error` and the check's verdict stands."""

    def picture(result: SceneResult, golden: Recording, fresh: Recording, path: Path) -> Path | None:
        try:
            return draw_difference(result, golden, fresh, path, theme)
        except Exception as e:  # noqa: BLE001 - the picture is an extra; the comparison already decided
            on_error(f"no picture of the difference in {result.scene}: {type(e).__name__}: {e}")
            return None

    return picture
