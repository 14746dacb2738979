"""What the video's figure and the player page both decide about "data", "surface" and "sum" panels, said
once.

numpy only, as render.draw.limits (the page builder uses it without drawing anything): which panels are
which kind, each panel's axis limits, the surface's log-spaced contour levels and their colours per
theme, how many samples a run has seen at a snapshot, a sum panel's stack (UDL fig. 3.3: the output built
from its units' contributions over the bias) and the user's data points.
"""

from __future__ import annotations

import numpy as np

from render.draw.limits import panel_limits, robust_limits
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
    return xlim, [float(v) for v in curve_limits(snapshot, panel, keep)]


def curve_limits(snapshot: Snapshot, panel: dict, keep: list[np.ndarray]) -> tuple[float, float]:
    """y-limits of a curves, data or sum panel over every run's healthy snapshots (`keep`): a sum panel's
    by every level of its stack, and a panel that shows the data points (`output_panel`) holding them.
    A panel with neither is render.draw.limits.panel_limits' (the chapter's axes stay as they were)."""
    pts = points(snapshot) if output_panel(panel) else None
    if kind(panel) != "sum" and pts is None:
        return panel_limits(snapshot, panel, keep)
    names = snapshot.node_names
    if kind(panel) == "sum":
        parts, out = sum_nodes(panel)
        columns, o = [names.index(n) for n in parts], names.index(out)
        curves = [snapshot.curves[r][k] for r, k in enumerate(keep)]  # (S', N, G) each
        hist = np.concatenate([stack(c[:, columns], c[:, o]) for c in curves], axis=1)  # (levels, S', G)
    else:
        hist = np.stack([snapshot.curves[r][k, names.index(n)] for r, k in enumerate(keep)
                         for n in panel["nodes"]])
    include: tuple[float, ...] = (0.0,)
    t = snapshot.target[np.isfinite(snapshot.target)]
    if panel.get("target") and t.size:
        include += (float(t.min()), float(t.max()))
    if pts is not None and pts.size:
        include += (float(pts[:, 1].min()), float(pts[:, 1].max()))
    with np.errstate(invalid="ignore"):
        return robust_limits(np.nanmin(hist, axis=-1).ravel(), np.nanmax(hist, axis=-1).ravel(), include)


def sum_nodes(panel: dict) -> tuple[list[str], str]:
    """A sum panel's contributions (the last layer's w·act, in unit order) and its output (the last node)."""
    nodes = list(panel["nodes"])
    return nodes[:-1], nodes[-1]


def stack(contributions: np.ndarray, output: np.ndarray) -> np.ndarray:
    """The levels of a sum panel's stack from (..., H, G) contributions and the (..., G) output: level 0 is
    the base, output − Σ contributions (the bias: a constant curve), level k the base plus the first k
    contributions, so unit k's band lies between levels k − 1 and k and the top level is the output.
    Returns (H + 1, ..., G): levels first. A negative contribution's band goes down from the running sum."""
    run = np.cumsum(contributions, axis=-2)
    base = output - run[..., -1, :]
    levels = np.concatenate([base[..., None, :], base[..., None, :] + run], axis=-2)
    return np.moveaxis(levels, -2, 0)


def points(snapshot: Snapshot) -> np.ndarray | None:
    """The user's data points (meta "points": [[x, y], ...]) as an (n, 2) array; None without them."""
    given = snapshot.meta.get("points")
    if given is None:
        return None
    return np.asarray(given, dtype=float).reshape(-1, 2)


def output_panel(panel: dict) -> bool:
    """Whether a panel shows the output against the data (the target curve, the data points, the data
    range named in its legend): a panel with `target`, and the sum view."""
    return bool(panel.get("target")) or kind(panel) == "sum"


def off_nodes(snapshot: Snapshot, r: int) -> set[str]:
    """The nodes run r leaves out (meta runs[r]["off_nodes"]: reached only by its frozen parameters, as a
    narrower net's row of a side-by-side scene), which the figures do not draw in its row."""
    return set(snapshot.meta["runs"][r].get("off_nodes") or ())


def has_target(snapshot: Snapshot) -> bool:
    """Whether there is a target curve to draw: trained on points alone, the recording's target is NaN."""
    return bool(np.isfinite(snapshot.target).any())


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
