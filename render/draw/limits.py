"""Axis limits decided once from a whole recording, so they hold for every frame: the video's figure and
the player page call the same functions and so draw the same axes.

numpy only (the page builder uses them without drawing anything).
"""

from __future__ import annotations

import numpy as np

from render.record.snapshot import Snapshot


def robust_limits(lows: np.ndarray, highs: np.ndarray, include: tuple[float, ...] = (0.0,),
                  pct: float = 2.0, margin: float = 0.08) -> tuple[float, float]:
    """y-limits that hold for every frame: percentiles of each frame's extremes, so a few outlier
    snapshots (early transients, a diverging step) cannot squash the rest; non-finite values ignored."""
    lows, highs = lows[np.isfinite(lows)], highs[np.isfinite(highs)]
    lo = min([np.percentile(lows, pct)] if lows.size else [], default=0.0)
    hi = max([np.percentile(highs, 100 - pct)] if highs.size else [], default=1.0)
    lo, hi = min(lo, *include), max(hi, *include)
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    pad = (hi - lo) * margin
    return float(lo - pad), float(hi + pad)


def log_limits(values: np.ndarray, pct: float = 1.0) -> tuple[float, float]:
    """Limits for the loss panel's log axis from its positive finite values."""
    v = values[np.isfinite(values) & (values > 0)]
    if not v.size:
        return 1e-3, 1.0
    lo, hi = np.percentile(v, pct), np.percentile(v, 100 - pct)
    if hi / lo < 10:
        mid = np.sqrt(lo * hi)
        lo, hi = mid / np.sqrt(10), mid * np.sqrt(10)
    return float(lo / 1.4), float(hi * 1.4)


def healthy(snapshot: Snapshot, r: int) -> np.ndarray:
    """Snapshots of run r that may set axis limits: for a diverged run, those before the blow-up that are
    still within 100x of its starting scale, so a learner's `--lr 1000` shows the start and then curves
    leaving the chart, not axes stretched to 1e100."""
    diverged = snapshot.meta["runs"][r].get("diverged_at")
    keep = np.ones(len(snapshot.steps), bool)
    if diverged is not None:
        with np.errstate(invalid="ignore"):
            size = np.nanmax(np.abs(snapshot.curves[r]), axis=(1, 2))  # (S,)
        keep = (snapshot.steps < diverged) & (size <= 100 * max(1.0, float(size[0])))
        keep[0] = True
    return keep


def panel_limits(snapshot: Snapshot, panel: dict, keep: list[np.ndarray]) -> tuple[float, float]:
    """y-limits of a curve panel over every run's healthy snapshots (`keep`), its target included."""
    names = snapshot.node_names
    hist = np.stack([snapshot.curves[r][keep[r], names.index(n)] for r in range(len(keep))
                     for n in panel["nodes"]])
    include: tuple[float, ...] = (0.0,)
    if panel.get("target"):
        t = snapshot.target[np.isfinite(snapshot.target)]
        include += (float(t.min()), float(t.max())) if t.size else ()
    with np.errstate(invalid="ignore"):
        return robust_limits(np.nanmin(hist, axis=2).ravel(), np.nanmax(hist, axis=2).ravel(), include)


def loss_limits(snapshot: Snapshot, keep: list[np.ndarray]) -> tuple[float, float]:
    """Log-axis limits of the loss panel from every run's healthy train and evaluation losses."""
    return log_limits(np.concatenate([np.concatenate([snapshot.train_loss[r][k], snapshot.eval_loss[r][k]])
                                      for r, k in enumerate(keep)]))
