"""The top rows of the picture of a failed check: the scene's panels, and fresh − golden under each.

A panel draws the golden curves solid and the fresh ones dashed in the same colours at the focus step,
the first node to differ highlighted, and each curve's largest |fresh − golden| written in the panel,
since a difference worth a failed check is often far below a pixel; the axes under it draws
fresh − golden itself, on a scale that makes it visible.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from render.draw.diff_focus import Focus, max_abs
from render.draw.diff_style import FRESH, GOLDEN, limits, style
from render.draw.text import panel_title
from render.draw.theme import Theme


def node_color(theme: Theme, color: int | None) -> str:
    """A panel's colour index as a colour; None (a node the video does not draw) in the foreground."""
    return theme.foreground if color is None else theme.palette[color % len(theme.palette)]


def _fmt(v: float) -> str:
    return "0" if v == 0 else ("≠ (shape/NaN)" if not np.isfinite(v) else f"{v:.2g}")


def draw_panel(ax: Axes, at: Focus, theme: Theme, lang: str, panel: dict) -> None:
    """One of the scene's panels at the focus step: golden solid, fresh dashed, the target, max |Δ| notes."""
    th, pair, k = theme, at.pair, at.k
    g_meta = pair.golden.meta
    x = pair.golden.arrays["grid"]
    x0, x1 = g_meta.get("x_range", [float(x[0]), float(x[-1])])
    d0, d1 = g_meta.get("data_range", [x0, x1])
    ax.set_xlim(x0, x1)
    ax.axvspan(d0, d1, color=th.span, lw=0, zorder=0)
    ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
    series, notes, hit = [], [], False
    for node, color in zip(panel["nodes"], panel["colors"]):
        c = node_color(th, color)
        g, f = pair.curve("golden", node), pair.curve("fresh", node)
        g_k, f_k = (g[k] if g is not None else None), (f[k] if f is not None else None)
        if node == at.node:
            hit = True
            if g_k is not None:
                ax.plot(x, g_k, color=th.palette[3], lw=7, alpha=0.25, zorder=2, solid_capstyle="round")
        if g_k is not None:
            ax.plot(x, g_k, color=c, lw=1.8, ls=GOLDEN, zorder=3)
        if f_k is not None and f_k.shape == x.shape:
            ax.plot(x, f_k, color=c, lw=1.8, ls=FRESH, zorder=4, dash_capstyle="butt")
        series += [g_k, f_k]
        mark = " ◀" if node == at.node else ""
        notes.append((f"{node}: max |Δ| {_fmt(max_abs(g_k, f_k))}{mark}", c))
    include = (0.0,)
    if panel.get("target") and "target" in pair.golden.arrays:
        target = pair.golden.arrays["target"]
        ax.plot(x, target, color=th.target, lw=1.2, ls=(0, (4, 3)), zorder=2, alpha=0.7)
        include += (float(np.nanmin(target)), float(np.nanmax(target)))
        notes.append((f"target {g_meta.get('target_name', '')}".strip(), th.target))
    ax.set_ylim(*limits(*series, include=include))
    for i, (note, color) in enumerate(notes):
        ax.text(0.02, 0.97 - i * 0.085, note, transform=ax.transAxes, fontsize=8, va="top", color=color,
                fontweight="bold" if note.endswith("◀") else "normal", zorder=6,
                bbox=dict(facecolor=th.background, edgecolor="none", alpha=0.75, pad=0.6))
    title = panel["title"] if panel["colors"][0] is None else panel_title(panel, lang)
    ax.set_title(title, fontsize=10, color=th.palette[3] if hit else th.foreground, pad=4)
    ax.set_xlabel("x", fontsize=8, labelpad=1)
    style(ax, th, highlight=hit)


def draw_deltas(ax: Axes, at: Focus, theme: Theme, panel: dict) -> None:
    """fresh − golden of the panel's curves at the step: a difference far below a pixel made visible."""
    th, pair, k = theme, at.pair, at.k
    x = pair.golden.arrays["grid"]
    ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
    series = []
    for node, color in zip(panel["nodes"], panel["colors"]):
        g, f = pair.curve("golden", node), pair.curve("fresh", node)
        if g is None or f is None or g.shape != f.shape:
            continue
        with np.errstate(invalid="ignore", over="ignore"):
            d = f[k] - g[k]
        hot = node == at.node
        ax.plot(x, d, color=node_color(th, color), lw=2.0 if hot else 1.2, zorder=3 if hot else 2)
        series.append(d)
    values = np.abs(np.concatenate(series)) if series else np.array([])
    values = values[np.isfinite(values)]
    bound = float(values.max()) * 1.15 if values.size and values.max() > 0 else 1.0
    ax.set_ylim(-bound, bound)
    ax.set_title(f"fresh − golden at sample {at.step:,}", fontsize=9, pad=3, color=th.muted)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.2g}"))  # no offset text
    style(ax, th)
