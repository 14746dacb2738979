"""How every axes of the picture of a failed check looks: golden and fresh line styles, padded limits,
thin spines (the highlighted panel's in the highlight colour)."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from render.draw.theme import Theme

GOLDEN, FRESH = "-", (0, (3.0, 2.0))  # line styles
SAMPLES = "samples"  # the x label of the step axes (the picture is a CI artifact: English)


def limits(*series: np.ndarray | None, include: tuple[float, ...] = ()) -> tuple[float, float]:
    """y-limits around every finite value of `series` and `include`, padded by 8%."""
    values = np.concatenate([np.ravel(s) for s in series if s is not None] + [np.array(include, float)])
    values = values[np.isfinite(values)]
    if not values.size:
        return -1.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    pad = (hi - lo) * 0.08
    return lo - pad, hi + pad


def style(ax: Axes, theme: Theme, highlight: bool = False) -> None:
    """Small ticks, thin spines; a highlighted axes (the first node to differ) framed in its colour."""
    ax.tick_params(labelsize=8)
    for spine in ax.spines.values():
        spine.set_linewidth(0.7)
        if highlight:
            spine.set_color(theme.palette[3])
            spine.set_linewidth(1.6)
