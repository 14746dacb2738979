"""Axis limits decided once from a whole recording, so they hold for every frame: the video's figure and
the player page call the same functions and so draw the same axes.

numpy only (the page builder uses them without drawing anything). The lab's page computes limits of runs it
trains itself with one JavaScript port of these rules (render/web/src/limits.js) and the numbers of `RULE`,
which its data carries, so no number is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from render.record.snapshot import Snapshot


@dataclass(frozen=True)
class LimitRule:
    """The numbers of the rules below."""

    pct: float = 2.0  # robust_limits: the percentile of each frame's extremes that sets a limit
    margin: float = 0.08  # robust_limits: padding either side, a share of the span
    flat: float = 1e-9  # robust_limits: a narrower span is widened by `half` either side
    half: float = 0.5
    log_pct: float = 1.0  # log_limits: the percentile of the values that sets a limit
    log_span: float = 10.0  # log_limits: the least ratio of the limits before padding (a decade)
    log_pad: float = 1.4  # log_limits: padding, a factor either side
    healthy: float = 100.0  # healthy: the most a curve may grow past its start's scale
    cursor_room: float = 1.06  # the loss panel's sample axis runs this far past the last sample
    linthresh: float = 10.0  # a sample axis is linear up to this many samples, or `total / linthresh_per`
    linthresh_per: float = 1000.0


RULE = LimitRule()


def sample_axis(total: int, room: float = 1.0) -> tuple[list[float], float]:
    """The limits and linear threshold of a symlog axis of samples 0 .. total; `room`: how far past the
    end it runs (the loss panel's RULE.cursor_room)."""
    return [0.0, total * room], max(RULE.linthresh, total / RULE.linthresh_per)


def robust_limits(lows: np.ndarray, highs: np.ndarray, include: tuple[float, ...] = (0.0,),
                  pct: float = RULE.pct, margin: float = RULE.margin) -> tuple[float, float]:
    """y-limits that hold for every frame: percentiles of each frame's extremes, so a few outlier
    snapshots (early transients, a diverging step) cannot squash the rest; non-finite values ignored."""
    lows, highs = lows[np.isfinite(lows)], highs[np.isfinite(highs)]
    lo = min([np.percentile(lows, pct)] if lows.size else [], default=0.0)
    hi = max([np.percentile(highs, 100 - pct)] if highs.size else [], default=1.0)
    lo, hi = min(lo, *include), max(hi, *include)
    if hi - lo < RULE.flat:
        lo, hi = lo - RULE.half, hi + RULE.half
    pad = (hi - lo) * margin
    return float(lo - pad), float(hi + pad)


def log_limits(values: np.ndarray, pct: float = RULE.log_pct) -> tuple[float, float]:
    """Limits for the loss panel's log axis from its positive finite values."""
    v = values[np.isfinite(values) & (values > 0)]
    if not v.size:
        return 1e-3, 1.0
    lo, hi = np.percentile(v, pct), np.percentile(v, 100 - pct)
    if hi / lo < RULE.log_span:
        mid = np.sqrt(lo * hi)
        lo, hi = mid / np.sqrt(RULE.log_span), mid * np.sqrt(RULE.log_span)
    return float(lo / RULE.log_pad), float(hi * RULE.log_pad)


def healthy(snapshot: Snapshot, r: int) -> np.ndarray:
    """Snapshots of run r that may set axis limits: for a diverged run, those before the blow-up that are
    still within 100x of its starting scale, so a learner's `--lr 1000` shows the start and then curves
    leaving the chart, not axes stretched to 1e100."""
    diverged = snapshot.meta["runs"][r].get("diverged_at")
    keep = np.ones(len(snapshot.steps), bool)
    if diverged is not None:
        with np.errstate(invalid="ignore"):
            size = np.nanmax(np.abs(snapshot.curves[r]), axis=(1, 2))  # (S,)
        keep = (snapshot.steps < diverged) & (size <= RULE.healthy * max(1.0, float(size[0])))
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
