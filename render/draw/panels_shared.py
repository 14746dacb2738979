"""What the video's figure and the player page both decide about "data" and "surface" panels, said once.

numpy only, as render.draw.limits (the page builder uses it without drawing anything): which panels are
which kind, each panel's axis limits, the surface's log-spaced contour levels and their colours per
theme, and how many samples a run has seen at a snapshot.
"""

from __future__ import annotations

import numpy as np

from render.draw.limits import panel_limits
from render.draw.theme import THEMES, Theme
from render.record.snapshot import Snapshot, SnapshotError

#: contour bands of a surface panel (log-spaced between the surface's least value and its largest)
SURFACE_BANDS = 12
#: the surface's colours, lowest loss first: deep to pale on light pages, bright to dark on dark ones
SURFACE_RAMPS = {
    "light": ("#0f3a68", "#2f6eae", "#7fb0da", "#cfe3f3", "#f6f9fc"),
    "dark": ("#a6d4ff", "#4b8fd0", "#275a8a", "#19324b", "#151b22"),
}
#: the colour index (theme palette) of a path over a surface and of the newest samples
PATH_COLOR = 1
#: snapshots of a surface panel's path drawn solid behind its head; the rest of it is faint
PATH_TAIL = 12


def kind(panel: dict) -> str:
    return panel.get("kind", "curves")


def need(snapshot: Snapshot, panel: dict, *keys: str) -> list[np.ndarray]:
    """The optional arrays a panel draws from, or a SnapshotError naming what is missing."""
    missing = [k for k in keys if k not in snapshot.extra]
    if missing:
        raise SnapshotError(f"panel {panel.get('title', '')!r} is a {kind(panel)} panel but the recording "
                            f"has no {', '.join(missing)} (re-record it with `render record`)")
    return [snapshot.extra[k] for k in keys]


def panel_box(snapshot: Snapshot, panel: dict, keep: list[np.ndarray]) -> tuple[list[float], list[float]]:
    """(xlim, ylim) of a panel: curves and data panels over the scene's x range with the curves' limits
    (data panels hold their samples too); a surface panel over its mesh."""
    if kind(panel) == "surface":
        sx, sy = need(snapshot, panel, "surface_x", "surface_y")
        return [float(sx[0]), float(sx[-1])], [float(sy[0]), float(sy[-1])]
    grid = snapshot.grid
    xlim = [float(v) for v in snapshot.meta.get("x_range", [grid[0], grid[-1]])]
    return xlim, [float(v) for v in panel_limits(snapshot, panel, keep)]


def surface_edges(z: np.ndarray, bands: int = SURFACE_BANDS) -> np.ndarray:
    """Band edges of a surface's filled contours: log-spaced from its least positive value (at most
    three decades below its largest) to its largest; the first edge is 0, so every value has a band."""
    finite = z[np.isfinite(z)]
    hi = float(finite.max()) if finite.size else 1.0
    positive = finite[finite > 0]
    lo = max(float(positive.min()) if positive.size else hi * 1e-3, hi * 1e-3)
    if not hi > lo:
        hi = lo * 10
    edges = np.geomspace(lo, hi, bands + 1)
    edges[0] = min(0.0, float(finite.min()) if finite.size else 0.0)
    return edges


def theme_name(theme: Theme) -> str:
    """The THEMES key of a theme (a figure keeps the Theme itself)."""
    return next((k for k, v in THEMES.items() if v == theme), "light")


def surface_colors(theme: str, bands: int = SURFACE_BANDS) -> list[str]:
    """One colour per band, lowest loss first, interpolated along the theme's ramp."""
    stops = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in SURFACE_RAMPS[theme]], float)
    at = np.linspace(0, len(stops) - 1, bands)
    rgb = [np.interp(at, np.arange(len(stops)), stops[:, ch]) for ch in range(3)]
    return ["#" + "".join(f"{int(round(v)):02x}" for v in px) for px in zip(*rgb)]


def path_indices(snapshot: Snapshot, panel: dict) -> tuple[int, int]:
    """The parameter columns (of `params`) on a surface panel's x and y axes."""
    names = list(snapshot.meta.get("params", []))
    try:
        return names.index(panel["params"][0]), names.index(panel["params"][1])
    except (KeyError, IndexError, ValueError):
        raise SnapshotError(f"surface panel {panel.get('title', '')!r} names parameters "
                            f"{panel.get('params')!r}, not two of {names}") from None


def seen(snapshot: Snapshot, r: int, step: float) -> int:
    """How many of run r's samples it has trained on at `step` (its own count stops at its end)."""
    samples = snapshot.meta["runs"][r].get("samples")
    n = int(round(step))
    return min(n, int(samples)) if samples is not None else n
