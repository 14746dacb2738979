"""The bottom row of the picture of a failed check: the run's parameters around the focus step, and
|fresh − golden| of every parameter over all steps on a log scale with the tolerance, which shows where
the runs part and how fast they grow apart."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from render.draw.diff_focus import Focus
from render.draw.diff_style import FRESH, GOLDEN, SAMPLES, limits, style
from render.draw.theme import Theme

WINDOW = 6  # snapshots either side of the first differing step in the trajectory panel


def _spread(labels: list[tuple[float, str, str, bool]], gap: float) -> list[tuple[float, str, str, bool]]:
    """Labels moved apart vertically (at least `gap`) so names at a line's end do not overlap."""
    out = sorted(labels)
    for i in range(1, len(out)):
        if out[i][0] - out[i - 1][0] < gap:
            out[i] = (out[i - 1][0] + gap, *out[i][1:])
    shift = max((out[-1][0] - max(v for v, *_ in labels)) / 2, 0.0) if out else 0.0
    return [(y - shift, *rest) for y, *rest in out]


def draw_trajectories(ax: Axes, at: Focus, theme: Theme) -> None:
    """Every parameter over the snapshots around the step: the differing one in colour, others grey."""
    th, pair = theme, at.pair
    own = pair.own_steps("golden")
    i = int(np.searchsorted(own, at.step))
    lo, hi = own[max(i - WINDOW, 0)], own[min(i + WINDOW, len(own) - 1)]
    g_in = (own >= lo) & (own <= hi)
    f_steps = pair.own_steps("fresh")
    f_in = (f_steps >= lo) & (f_steps <= hi)
    steps = own[g_in]
    series, labels = [], []
    for name in pair.param_names():
        g, f = pair.param("golden", name, own=True)[g_in], pair.param("fresh", name, own=True)[f_in]
        hot = name == at.param
        color = th.palette[3] if hot else th.muted
        ax.plot(steps, g, color=color, lw=2.0 if hot else 1.0, ls=GOLDEN, zorder=3 if hot else 2,
                marker="o", ms=3 if hot else 2)
        ax.plot(f_steps[f_in], f, color=th.foreground if hot else color, lw=1.6 if hot else 1.0, ls=FRESH,
                zorder=4 if hot else 2)
        labels.append((float(g[-1]), name, color, hot))
        series += [g, f]
    ax.axvline(at.step, color=th.palette[3], lw=1.0, ls=":", zorder=1)
    if hi > lo:
        ax.set_xlim(lo, hi + (hi - lo) * 0.02)
    ax.set_ylim(*limits(*series))
    lo_y, hi_y = ax.get_ylim()
    for y, name, color, hot in _spread(labels, (hi_y - lo_y) * 0.065):
        ax.annotate(name, (1.0, (y - lo_y) / (hi_y - lo_y)), xycoords="axes fraction", xytext=(4, 0),
                    textcoords="offset points", fontsize=8, va="center", color=color,
                    fontweight="bold" if hot else "normal", annotation_clip=False)
    ax.set_title(f"parameters around sample {at.step:,}" + (f" ({at.param} highlighted)"
                                                            if at.param else ""), fontsize=10, pad=4)
    ax.set_xlabel(SAMPLES, fontsize=8, labelpad=1)
    style(ax, th)


def draw_param_deltas(ax: Axes, at: Focus, theme: Theme, tolerance: tuple[float, float]) -> None:
    """|fresh − golden| of every parameter at every snapshot (log scale), with the tolerance (rtol, atol)."""
    th, pair = theme, at.pair
    rtol, atol = tolerance
    positive = []
    for name in pair.param_names():
        g, f = pair.param("golden", name), pair.param("fresh", name)
        with np.errstate(invalid="ignore", over="ignore"):
            d = np.abs(f - g)
        hot = name == at.param
        color = th.palette[3] if hot else th.muted
        shown = np.where(d > 0, d, np.nan)
        ax.plot(pair.steps, shown, color=color, lw=2.0 if hot else 1.0, zorder=3 if hot else 2,
                marker="o", ms=3 if hot else 0)
        finite = shown[np.isfinite(shown)]
        positive.append(finite)
        if hot and (atol > 0 or rtol > 0):
            tol = atol + rtol * np.abs(g)
            ax.plot(pair.steps, tol, color=th.foreground, lw=1.0, ls=":", zorder=2)
            ax.annotate("tolerance", (pair.steps[-1], tol[-1]), xytext=(-4, 4), fontsize=8, ha="right",
                        textcoords="offset points", color=th.foreground)
            if finite.size:
                last = int(np.flatnonzero(np.isfinite(shown))[-1])
                ax.annotate(name, (pair.steps[last], shown[last]), xytext=(4, 0), fontsize=8,
                            textcoords="offset points", va="center", color=color, fontweight="bold",
                            annotation_clip=False)
    if not any(v.size for v in positive):
        ax.text(0.5, 0.5, "no parameter differs at the steps both recordings hold", ha="center",
                va="center", transform=ax.transAxes, fontsize=9, color=th.muted)
    values = np.concatenate(positive + ([np.array([atol])] if atol > 0 else []))
    ax.set_yscale("log")
    lo, hi = (float(values.min()), float(values.max())) if values.size else (1e-17, 1e-15)
    ax.set_ylim(lo / 5, hi * 5)
    ax.axvline(at.step, color=th.palette[3], lw=1.0, ls=":", zorder=1)
    ax.set_title("|fresh − golden| of each parameter (zero not drawn)", fontsize=10, pad=4)
    ax.set_xlabel(SAMPLES, fontsize=8, labelpad=1)
    style(ax, th)
