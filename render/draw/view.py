"""The view protocol: what the encoder needs from a figure, and which figure draws a snapshot.

The streaming loop (render.encode.stream) draws `fig` once with the `animated` artists hidden, then per
frame calls `update(pos)` and blits the artists it returns. Both `SceneFigure` and `SweepFigure` are views.
"""

from __future__ import annotations

from typing import Protocol

from matplotlib.artist import Artist
from matplotlib.figure import Figure

from render.record.snapshot import Snapshot


class View(Protocol):
    fig: Figure  # with an Agg canvas attached
    rc: dict  # rcParams to draw under
    animated: list[Artist]  # every artist `update` may change: all animated, stacked above the static ones

    @property
    def n_snapshots(self) -> int: ...

    def init(self) -> list[Artist]:
        """Show the first snapshot; return the animated artists."""

    def update(self, pos: float) -> list[Artist]:
        """Show snapshot position `pos` (0 .. n_snapshots - 1, fractions between); return the animated
        artists."""


def make_view(snapshot: Snapshot, size: tuple[int, int], theme: str = "light", lang: str = "en",
              loss_panel: bool = True) -> View:
    """The figure that draws `snapshot`: a sweep has one of its own (it has no per-run loss panel)."""
    if snapshot.kind == "width_sweep":  # failure rate against width, and its causes
        from render.draw.width_sweep_figure import WidthSweepFigure

        return WidthSweepFigure(snapshot, size=size, theme=theme, lang=lang)
    if snapshot.kind == "sweep":  # the map of a grid of inits, or the distributions of seeded ones
        if snapshot.meta["sweep"]["type"] == "map":
            from render.draw.sweep_map import MapSweepFigure as Sweep
        else:
            from render.draw.sweep_seeded import SeededSweepFigure as Sweep
        return Sweep(snapshot, size=size, theme=theme, lang=lang)
    from render.draw.scene_figure import SceneFigure

    return SceneFigure(snapshot, size=size, theme=theme, lang=lang, loss_panel=loss_panel)
