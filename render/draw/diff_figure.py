"""The picture of a failed regression check: golden and fresh recording drawn over each other.

Top row: the scene's panels (as in the video) for the run that differs, at the first step where anything
differs: golden curves solid, fresh curves dashed in the same colours, the first differing node
highlighted (with a panel of its own if the video does not draw it), and each curve's largest
|fresh − golden| written in its panel, since a difference worth a failed check is often far below a
pixel. Bottom row: the parameter trajectories around that step, and |fresh − golden| of every parameter
over all steps on a log scale with the tolerance, which shows where the runs part and how fast they grow
apart.

Built on matplotlib directly (Agg; `Figure` + `FigureCanvasAgg`), the theme's colours and the text
module's panel titles and run labels; it draws `render.record.diff.Recording`s, so it reads any golden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from render.draw.text import panel_title, run_label
from render.draw.theme import THEMES, Theme, rc_params
from render.record.atomic import atomic_write
from render.record.check import Picture, SceneResult
from render.record.diff import Recording

SIZE = (1280, 960)  # pixels
DPI = 100
WINDOW = 6  # snapshots either side of the first differing step in the trajectory panel
GOLDEN, FRESH = "-", (0, (3.0, 2.0))  # line styles
SAMPLES = "samples"  # the x label of the step axes (the picture is a CI artifact: English)


@dataclass
class Pair:
    """Golden and fresh arrays lined up by label: the common steps, the run, its nodes and parameters."""

    golden: Recording
    fresh: Recording
    steps: np.ndarray  # sample counts both recordings hold
    gi: np.ndarray  # their indices in the golden
    fi: np.ndarray  # ... and in the fresh recording
    run: tuple[int, int]  # the run's index in golden and fresh
    run_label: str

    def curve(self, which: str, node: str) -> np.ndarray | None:
        """(S, G) history of `node` in the run over the common steps; None if that recording lacks it."""
        rec, idx, r = (self.golden, self.gi, self.run[0]) if which == "golden" else \
            (self.fresh, self.fi, self.run[1])
        names = [n["name"] for n in rec.meta.get("nodes", [])]
        if node not in names:
            return None
        return rec.arrays["curves"][r, idx, names.index(node)]

    def own_steps(self, which: str) -> np.ndarray:
        return (self.golden if which == "golden" else self.fresh).arrays["steps"]

    def param(self, which: str, name: str, own: bool = False) -> np.ndarray | None:
        """The parameter's history in the run over the common steps (own: over that recording's steps)."""
        rec, idx, r = (self.golden, self.gi, self.run[0]) if which == "golden" else \
            (self.fresh, self.fi, self.run[1])
        idx = slice(None) if own else idx
        names = list(rec.meta.get("params", []))
        if name not in names or "params" not in rec.arrays:
            return None
        return rec.arrays["params"][r, idx, names.index(name)]


def _pair(golden: Recording, fresh: Recording, label: str | None) -> Pair:
    for rec, which in ((golden, "golden"), (fresh, "fresh")):
        if not {"steps", "grid", "curves"} <= set(rec.arrays):
            raise ValueError(f"the {which} recording holds no curves to draw")
    steps, gi, fi = np.intersect1d(golden.arrays["steps"], fresh.arrays["steps"], return_indices=True)
    if not steps.size:
        raise ValueError("the golden and the fresh recording share no snapshot step")
    labels = [[r.get("label") for r in rec.meta.get("runs", [])] for rec in (golden, fresh)]
    if label is None or label not in labels[0]:
        label = labels[0][0] if labels[0] else "run 0"
    r_g = labels[0].index(label) if label in labels[0] else 0
    r_f = labels[1].index(label) if label in labels[1] else min(r_g, fresh.arrays["curves"].shape[0] - 1)
    return Pair(golden, fresh, steps, gi, fi, (r_g, r_f), str(label))


def _max_abs(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None or a.shape != b.shape:
        return np.inf
    with np.errstate(invalid="ignore"):
        d = np.abs(b - a)
    d = np.where(np.isnan(a) & np.isnan(b), 0.0, np.where(np.isnan(d), np.inf, d))
    return float(d.max()) if d.size else 0.0


def _limits(*series: np.ndarray | None, include: tuple[float, ...] = ()) -> tuple[float, float]:
    values = np.concatenate([np.ravel(s) for s in series if s is not None] + [np.array(include, float)])
    values = values[np.isfinite(values)]
    if not values.size:
        return -1.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    pad = (hi - lo) * 0.08
    return lo - pad, hi + pad


def _spread(labels: list[tuple[float, str, str, bool]], gap: float) -> list[tuple[float, str, str, bool]]:
    """Labels moved apart vertically (at least `gap`) so names at a line's end do not overlap."""
    out = sorted(labels)
    for i in range(1, len(out)):
        if out[i][0] - out[i - 1][0] < gap:
            out[i] = (out[i - 1][0] + gap, *out[i][1:])
    shift = max((out[-1][0] - max(v for v, *_ in labels)) / 2, 0.0) if out else 0.0
    return [(y - shift, *rest) for y, *rest in out]


def _fmt(v: float) -> str:
    return "0" if v == 0 else ("≠ (shape/NaN)" if not np.isfinite(v) else f"{v:.2g}")


class DiffFigure:
    """One figure: the run that differs at its first differing step, and its parameters over time."""

    def __init__(self, result: SceneResult, golden: Recording, fresh: Recording, theme: str = "light",
                 lang: str = "en") -> None:
        self.result, self.lang = result, lang
        self.theme: Theme = THEMES[theme]
        first = result.first_diff()
        self.pair = _pair(golden, fresh, first.run if first else None)
        steps = self.pair.steps
        step = first.step if first is not None and first.step is not None else None
        # the first differing step, or the first common step after it (a changed schedule); with no step
        # named (a changed shape), the first common step where the run's values differ
        self.k = int(np.searchsorted(steps, step)) if step is not None else self._first_differing()
        self.k = min(self.k, len(steps) - 1)
        self.step = int(steps[self.k])
        n_g, n_f = (len(self.pair.own_steps(w)) for w in ("golden", "fresh"))
        self.note = "" if n_g == n_f and n_g == len(steps) else (
            f"the recordings hold different snapshot steps (golden {n_g} up to sample "
            f"{int(self.pair.own_steps('golden')[-1]):,}, fresh {n_f} up to "
            f"{int(self.pair.own_steps('fresh')[-1]):,}); curves are compared at the {len(steps)} they share")
        curves = result.diff("curves")
        params = result.diff("params")
        here = (None, self.pair.run_label)
        self.node = curves.node if curves is not None and curves.run in here else None
        self.param = params.param if params is not None and params.run in here else None
        if self.param is None and first is not None and first.param is not None:
            self.param = first.param
        names = [n["name"] for n in golden.meta.get("nodes", [])]
        self.panels = [p for p in golden.meta.get("panels", [])
                       if p.get("nodes") and all(n in names for n in p["nodes"])]
        self.drawn = {n for p in self.panels for n in p["nodes"]}
        with matplotlib.rc_context(rc_params(self.theme, lang)):
            self.fig = Figure(figsize=(SIZE[0] / DPI, SIZE[1] / DPI), dpi=DPI)
            FigureCanvasAgg(self.fig)
            self._draw()

    def _first_differing(self) -> int:
        """Index of the first common step at which any of the run's curves or parameters differ."""
        pair = self.pair
        names = [n["name"] for n in pair.golden.meta.get("nodes", [])]
        series = [(pair.curve("golden", n), pair.curve("fresh", n)) for n in names]
        params = pair.golden.meta.get("params", [])
        series += [(pair.param("golden", p), pair.param("fresh", p)) for p in params]
        for k in range(len(pair.steps)):
            if any(g is not None and f is not None and g.shape == f.shape and _max_abs(g[k], f[k]) > 0
                   for g, f in series):
                return k
        return len(pair.steps) - 1

    # -- the parts ------------------------------------------------------------------------------------

    def _draw(self) -> None:
        th, res = self.theme, self.result
        extra = self.node is not None and self.node not in self.drawn
        panels = list(self.panels)
        if extra:
            panels.append({"title": f"{self.node} (not drawn in the video)", "nodes": [self.node],
                           "colors": [None], "target": False})
        n_top = max(len(panels), 1)
        grid = self.fig.add_gridspec(3, 2 * n_top, left=0.05, right=0.97, top=0.81, bottom=0.06,
                                     hspace=0.55, wspace=0.9, height_ratios=(1.0, 0.5, 1.0))
        run = run_label(self.pair.run_label, self.lang)
        where = ", ".join(x for x in (f"node {self.node}" if self.node else "",
                                      f"param {self.param}" if self.param else "") if x)
        first = res.first_diff()
        if first is not None and first.step is None:  # a changed shape: no step to name
            title = f"{first.key}: {first.problem} differs (drawn at sample {self.step:,})"
        else:
            title = f"first at run {run!r}, sample {self.step:,}" + (f" ({where})" if where else "")
        head = self.fig.text(0.05, 0.975, f"{res.scene}: {res.status} from its golden — {title}", fontsize=13,
                             fontweight="bold", va="top")
        self._fit(head, 0.93)
        rtol, atol = res.tolerance
        header = [res.headline(), f"golden: {res.golden}   tolerance: |fresh − golden| ≤ {atol:g} + "
                  f"{rtol:g}·|golden|", self.note]
        for i, line in enumerate(x for x in header if x):
            self._fit(self.fig.text(0.05, 0.94 - 0.024 * i, line, fontsize=9, va="top", color=th.muted), 0.93)
        for j, panel in enumerate(panels):
            cols = slice(2 * j, 2 * j + 2)
            self._panel(self.fig.add_subplot(grid[0, cols]), panel)
            self._deltas(self.fig.add_subplot(grid[1, cols]), panel)
        self._trajectories(self.fig.add_subplot(grid[2, :n_top]))
        self._param_deltas(self.fig.add_subplot(grid[2, n_top:]))
        handles = [Line2D([], [], color=th.foreground, ls=GOLDEN, lw=1.6, label="golden"),
                   Line2D([], [], color=th.foreground, ls=FRESH, lw=1.6, label="fresh"),
                   Line2D([], [], color=th.palette[3], lw=6, alpha=0.3, label="first to differ")]
        self.fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.05, 0.85), ncol=3,
                        frameon=False, fontsize=10, borderaxespad=0, borderpad=0)

    def _fit(self, t, width: float) -> None:
        """Shrink a header line's font until it fits `width` (a figure fraction): long run labels, paths."""
        renderer = self.fig.canvas.get_renderer()
        while t.get_window_extent(renderer).width > width * self.fig.bbox.width and t.get_fontsize() > 6:
            t.set_fontsize(t.get_fontsize() - 0.5)

    def _node_color(self, color: int | None) -> str:
        th = self.theme
        return th.foreground if color is None else th.palette[color % len(th.palette)]

    def _deltas(self, ax: Axes, panel: dict) -> None:
        """fresh − golden of the panel's curves at the step: a difference far below a pixel made visible."""
        th, pair, k = self.theme, self.pair, self.k
        x = pair.golden.arrays["grid"]
        ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
        series = []
        for node, color in zip(panel["nodes"], panel["colors"]):
            g, f = pair.curve("golden", node), pair.curve("fresh", node)
            if g is None or f is None or g.shape != f.shape:
                continue
            with np.errstate(invalid="ignore", over="ignore"):
                d = f[k] - g[k]
            hot = node == self.node
            ax.plot(x, d, color=self._node_color(color), lw=2.0 if hot else 1.2, zorder=3 if hot else 2)
            series.append(d)
        values = np.abs(np.concatenate(series)) if series else np.array([])
        values = values[np.isfinite(values)]
        bound = float(values.max()) * 1.15 if values.size and values.max() > 0 else 1.0
        ax.set_ylim(-bound, bound)
        ax.set_title(f"fresh − golden at sample {self.step:,}", fontsize=9, pad=3, color=th.muted)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.2g}"))  # no offset text
        self._style(ax)

    def _style(self, ax: Axes, highlight: bool = False) -> None:
        ax.tick_params(labelsize=8)
        for spine in ax.spines.values():
            spine.set_linewidth(0.7)
            if highlight:
                spine.set_color(self.theme.palette[3])
                spine.set_linewidth(1.6)

    def _panel(self, ax: Axes, panel: dict) -> None:
        th, pair, k = self.theme, self.pair, self.k
        g_meta = pair.golden.meta
        x = pair.golden.arrays["grid"]
        x0, x1 = g_meta.get("x_range", [float(x[0]), float(x[-1])])
        d0, d1 = g_meta.get("data_range", [x0, x1])
        ax.set_xlim(x0, x1)
        ax.axvspan(d0, d1, color=th.span, lw=0, zorder=0)
        ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
        series, notes, hit = [], [], False
        for node, color in zip(panel["nodes"], panel["colors"]):
            c = self._node_color(color)
            g, f = pair.curve("golden", node), pair.curve("fresh", node)
            g_k, f_k = (g[k] if g is not None else None), (f[k] if f is not None else None)
            if node == self.node:
                hit = True
                if g_k is not None:
                    ax.plot(x, g_k, color=th.palette[3], lw=7, alpha=0.25, zorder=2, solid_capstyle="round")
            if g_k is not None:
                ax.plot(x, g_k, color=c, lw=1.8, ls=GOLDEN, zorder=3)
            if f_k is not None and f_k.shape == x.shape:
                ax.plot(x, f_k, color=c, lw=1.8, ls=FRESH, zorder=4, dash_capstyle="butt")
            series += [g_k, f_k]
            mark = " ◀" if node == self.node else ""
            notes.append((f"{node}: max |Δ| {_fmt(_max_abs(g_k, f_k))}{mark}", c))
        include = (0.0,)
        if panel.get("target") and "target" in pair.golden.arrays:
            target = pair.golden.arrays["target"]
            ax.plot(x, target, color=th.target, lw=1.2, ls=(0, (4, 3)), zorder=2, alpha=0.7)
            include += (float(np.nanmin(target)), float(np.nanmax(target)))
            notes.append((f"target {g_meta.get('target_name', '')}".strip(), th.target))
        ax.set_ylim(*_limits(*series, include=include))
        for i, (note, color) in enumerate(notes):
            ax.text(0.02, 0.97 - i * 0.085, note, transform=ax.transAxes, fontsize=8, va="top", color=color,
                    fontweight="bold" if note.endswith("◀") else "normal", zorder=6,
                    bbox=dict(facecolor=th.background, edgecolor="none", alpha=0.75, pad=0.6))
        title = panel["title"] if panel["colors"][0] is None else panel_title(panel, self.lang)
        ax.set_title(title, fontsize=10, color=th.palette[3] if hit else th.foreground, pad=4)
        ax.set_xlabel("x", fontsize=8, labelpad=1)
        self._style(ax, highlight=hit)

    def _param_names(self) -> list[str]:
        return [p for p in self.pair.golden.meta.get("params", []) if self.pair.param("fresh", p) is not None]

    def _trajectories(self, ax: Axes) -> None:
        """Every parameter over the snapshots around the step: the differing one in colour, others grey."""
        th, pair = self.theme, self.pair
        own = pair.own_steps("golden")
        at = int(np.searchsorted(own, self.step))
        lo, hi = own[max(at - WINDOW, 0)], own[min(at + WINDOW, len(own) - 1)]
        g_in = (own >= lo) & (own <= hi)
        f_steps = pair.own_steps("fresh")
        f_in = (f_steps >= lo) & (f_steps <= hi)
        steps = own[g_in]
        series, labels = [], []
        names = self._param_names()
        for name in names:
            g, f = pair.param("golden", name, own=True)[g_in], pair.param("fresh", name, own=True)[f_in]
            hot = name == self.param
            color = th.palette[3] if hot else th.muted
            ax.plot(steps, g, color=color, lw=2.0 if hot else 1.0, ls=GOLDEN, zorder=3 if hot else 2,
                    marker="o", ms=3 if hot else 2)
            ax.plot(f_steps[f_in], f, color=th.foreground if hot else color, lw=1.6 if hot else 1.0, ls=FRESH,
                    zorder=4 if hot else 2)
            labels.append((float(g[-1]), name, color, hot))
            series += [g, f]
        ax.axvline(self.step, color=th.palette[3], lw=1.0, ls=":", zorder=1)
        if hi > lo:
            ax.set_xlim(lo, hi + (hi - lo) * 0.02)
        ax.set_ylim(*_limits(*series))
        lo_y, hi_y = ax.get_ylim()
        for y, name, color, hot in _spread(labels, (hi_y - lo_y) * 0.065):
            ax.annotate(name, (1.0, (y - lo_y) / (hi_y - lo_y)), xycoords="axes fraction", xytext=(4, 0),
                        textcoords="offset points", fontsize=8, va="center", color=color,
                        fontweight="bold" if hot else "normal", annotation_clip=False)
        ax.set_title(f"parameters around sample {self.step:,}" + (f" ({self.param} highlighted)"
                                                                  if self.param else ""), fontsize=10, pad=4)
        ax.set_xlabel(SAMPLES, fontsize=8, labelpad=1)
        self._style(ax)

    def _param_deltas(self, ax: Axes) -> None:
        """|fresh − golden| of every parameter at every snapshot (log scale), with the tolerance."""
        th, pair = self.theme, self.pair
        rtol, atol = self.result.tolerance
        positive = []
        for name in self._param_names():
            g, f = pair.param("golden", name), pair.param("fresh", name)
            with np.errstate(invalid="ignore", over="ignore"):
                d = np.abs(f - g)
            hot = name == self.param
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
        ax.axvline(self.step, color=th.palette[3], lw=1.0, ls=":", zorder=1)
        ax.set_title("|fresh − golden| of each parameter (zero not drawn)", fontsize=10, pad=4)
        ax.set_xlabel(SAMPLES, fontsize=8, labelpad=1)
        self._style(ax)

    def save(self, path: Path) -> Path:
        """Write the PNG atomically (a failed save leaves no partial file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(path) as tmp:
            self.fig.savefig(tmp, format="png", facecolor=self.theme.background)
        return path


def draw_difference(result: SceneResult, golden: Recording, fresh: Recording, path: Path,
                    theme: str = "light") -> Path:
    """The `render.record.check.Picture` callback: draw the difference to `path` and return it."""
    return DiffFigure(result, golden, fresh, theme).save(path)


def safe_picture(on_error: Callable[[str], None], theme: str = "light") -> Picture:
    """A Picture callback for the check runner that never turns a check's result into a crash: a picture
    that cannot be drawn or written is reported through `on_error` and the check's verdict stands."""

    def picture(result: SceneResult, golden: Recording, fresh: Recording, path: Path) -> Path | None:
        try:
            return draw_difference(result, golden, fresh, path, theme)
        except Exception as e:  # noqa: BLE001 - the picture is an extra; the comparison already decided
            on_error(f"no picture of the difference in {result.scene}: {type(e).__name__}: {e}")
            return None

    return picture
