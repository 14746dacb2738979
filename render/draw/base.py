"""What every animated figure shares: a design in inches scaled by dpi, the theme, the canvas, small axes.

Both figures (`SceneFigure`, `SweepFigure`) derive from `FigureBase`; together with `render.draw.view.View`
this is the whole contract the encoder relies on.
"""

from __future__ import annotations

import matplotlib
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from render.draw.grid import DESIGN_WIDTH as DESIGN_WIDTH  # the pages' figures read it here
from render.draw.grid import design
from render.draw.theme import THEMES, Theme, rc_params
from render.record.snapshot import Snapshot

FONT, SMALL, LINE = 8.0, 6.5, 1.5  # points: titles and captions; ticks and legends; curves


def samples_label(x: float, _pos=None) -> str:
    """Tick labels of a sample-count axis: 1500 -> '1.5k'."""
    return f"{x / 1000:g}k" if abs(x) >= 1000 else f"{x:g}"


def animate(fig: Figure, artists: list[Artist]) -> None:
    """Mark `artists` animated and stack them above every static artist of `fig`, their order among
    themselves kept. Blitting draws them over the whole static background whatever their zorders, so a full
    draw (`render_frame`, a notebook's frames) must stack them there too, or it shows the spines (zorder
    2.5) over the loss cursor, a map's edge and the sweep's bars where the video does not."""
    moving = {id(a) for a in artists}
    static = [a for ax in fig.axes for a in ax.get_children()] + fig.get_children()
    top = max(a.get_zorder() for a in static if id(a) not in moving)
    for k, artist in enumerate(sorted(artists, key=lambda a: a.get_zorder())):  # stable, as the blit sorts
        artist.set_animated(True)
        artist.set_zorder(top + 1 + k)


class FigureBase:
    """A themed Agg figure of `size` pixels for one snapshot; subclasses build it inside `self.rc`. Its
    inches and dpi come from `render.draw.grid.design`: wide frames 8 inches wide (only the dpi follows the
    pixels, so text stays readable in an 800-pixel GIF), narrower ones by their shorter side."""

    def __init__(self, snapshot: Snapshot, size: tuple[int, int], theme: str, lang: str) -> None:
        self.snapshot, self.size, self.lang = snapshot, size, lang
        self.theme: Theme = THEMES[theme]
        self.rc = rc_params(self.theme, lang)
        self.total = int(snapshot.steps[-1])
        self.target_name = snapshot.meta.get("target_name", "target")
        self.animated: list[Artist] = []
        with matplotlib.rc_context(self.rc):
            inches, dpi = design(*size)
            self.fig = Figure(figsize=inches, dpi=dpi)
            FigureCanvasAgg(self.fig)
            self.build()
        animate(self.fig, self.animated)

    def build(self) -> None:
        """Lay the figure out; put every artist that changes per frame in `self.animated`."""
        raise NotImplementedError

    @property
    def bold(self) -> str:
        """The weight of emphasised words: normal in Chinese (the CJK font has no bold; matplotlib would
        log a findfont warning and fake nothing)."""
        return "normal" if self.lang == "zh" else "bold"

    @property
    def n_snapshots(self) -> int:
        return len(self.snapshot.steps)

    def style(self, ax, y_ticks: int | None = 5) -> None:
        """Small ticks and thin spines; `y_ticks` major ticks at most (None: leave the locator)."""
        ax.tick_params(labelsize=SMALL, length=2.5, pad=1.5, width=0.6)
        if y_ticks:
            ax.yaxis.set_major_locator(MaxNLocator(y_ticks))
        for spine in ax.spines.values():
            spine.set_linewidth(0.6)

    def init(self) -> list[Artist]:
        """FuncAnimation's init_func: the first snapshot."""
        return self.update(0.0)

    def update(self, pos: float) -> list[Artist]:
        raise NotImplementedError
