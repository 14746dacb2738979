"""A "surface" panel: the mean loss over a mesh of two parameters, and the run's path across it.

The filled log-spaced contours, the start and the axis names are static (drawn once, then blitted
over); the path up to the current step and its head are animated lines. The contours come from the
recording (`surface`, computed by the graph itself at record time), so they agree with the evaluation loss.
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.lines import Line2D

from render.draw.panels_shared import (
    PATH_COLOR,
    PATH_TAIL,
    need,
    path_indices,
    surface_colors,
    surface_edges,
    theme_name,
)
from render.draw.text import text


class SurfacePanel:
    """Run `r`'s (x, y) parameter path over the loss surface, in the axes `ax` of a figure (`FigureBase`)."""

    def __init__(self, figure, ax, r: int, panel: dict) -> None:
        snap, th, lay = figure.snapshot, figure.theme, figure.layout
        self.r = r
        z, sx, sy = need(snap, panel, "surface", "surface_x", "surface_y")
        ix, iy = path_indices(snap, panel)
        self.path = snap.params[r][:, [ix, iy]]  # (S, 2)
        ax.set_xlim(sx[0], sx[-1])
        ax.set_ylim(sy[0], sy[-1])
        edges = surface_edges(z)
        colors = surface_colors(theme_name(th))
        ax.contourf(sx, sy, z, levels=edges, colors=colors, zorder=0, antialiased=True)
        ax.plot([], [], color=colors[len(colors) // 2], lw=6, solid_capstyle="butt",
                label=text(figure.lang, "surface", target=figure.target_name))
        accent = th.palette[PATH_COLOR % len(th.palette)]
        x_name, y_name = panel["params"][0], panel["params"][1]
        ax.plot(*self.path[0], "o", ms=lay.line * 2.6, mfc="none", mec=accent, mew=0.9, zorder=3)
        for name, xy, align in ((x_name, (0.98, 0.03), ("right", "bottom")),
                                (y_name, (0.02, 0.97), ("left", "top"))):
            ax.text(*xy, name, transform=ax.transAxes, ha=align[0], va=align[1], fontsize=lay.small,
                    style="italic", color=th.foreground, zorder=5,
                    bbox=dict(facecolor=th.background, edgecolor="none", alpha=0.7, pad=0.8))
        style = dict(color=accent, zorder=3, solid_joinstyle="round", solid_capstyle="round")
        self.trail = ax.add_line(Line2D([], [], lw=lay.line * 0.5, alpha=0.45, **style))
        self.line = ax.add_line(Line2D([], [], lw=lay.line * 0.9, **style,
                                       label=text(figure.lang, "path", x=x_name, y=y_name)))
        self.head = ax.add_line(Line2D([], [], ls="None", marker="o", color=accent, ms=lay.line * 2.6,
                                       mec=th.background, mew=0.8, zorder=4))
        self.animated: list[Artist] = [self.trail, self.line, self.head]

    def update(self, i: int, a: float, step: float) -> None:
        """Snapshot `i`, blended a fraction `a` towards i + 1: the path so far (faint), its last PATH_TAIL
        snapshots (solid, so the motion reads even when the path has scribbled over the minimum) and its
        head."""
        path = self.path
        head = path[i] if a == 0.0 else path[i] * (1 - a) + path[i + 1] * a
        shown = np.vstack([path[:i + 1], head[None, :]])
        self.trail.set_data(shown[:, 0], shown[:, 1])
        self.line.set_data(shown[-PATH_TAIL - 1:, 0], shown[-PATH_TAIL - 1:, 1])
        self.head.set_data(head[:1], head[1:])
