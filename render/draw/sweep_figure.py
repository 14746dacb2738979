"""The figure of a sweep snapshot (meta `kind: sweep`): distributions over many runs, not one run's curves.

A view (render.draw.view), so the encoder's loop saves it like a `SceneFigure`: axes, titles, legends
and the full histories are drawn once; per frame only the animated artists change.

- A seeded sweep (`relu_vs_leakyrelu`): the evaluation-loss histogram of every activation, the
  fitting modes (fitted solid, not fitted pale), the share of fitted runs over training with its 95%
  band, and the output curves of a few named runs beside x².
- A map sweep (`init_basin`): an image per activation over the two swept parameters, coloured by
  fitting mode and shaded by loss (pale: not fitted), Fig 7 and Fig 8 marked; their output curves; the
  fitted share of the grid over training.
"""

from __future__ import annotations

import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from render.draw.base import FONT, LINE, SMALL, FigureBase, robust_limits, samples_label
from render.draw.text import text
from render.record.snapshot import Snapshot

#: fitting-mode colours (scenes.sweeps.MODES order): Fig 8's mode green, Fig 7's purple, units off red/grey
MODE_COLORS = {
    "light": ("#2a9d3a", "#7b52c7", "#d4a017", "#d1495b", "#4a4a4a"),
    "dark": ("#62d977", "#b39ddb", "#f2c94c", "#f07a87", "#9aa0a6"),
}

MODE_NAMES_ZH = {"slopes + +": "斜率 + +", "slopes − −": "斜率 − −", "slopes + −": "斜率 + −",
                 "one unit off": "一个单元关闭", "both units off": "两个单元关闭"}


def _blend(color, toward, amount: np.ndarray | float) -> np.ndarray:
    c, b = np.asarray(to_rgb(color)), np.asarray(to_rgb(toward))
    amount = np.asarray(amount, dtype=float)[..., None]
    return c * (1 - amount) + b * amount


class SweepFigure(FigureBase):
    """The animated figure of a sweep snapshot."""

    def __init__(self, snapshot: Snapshot, size: tuple[int, int] = (1280, 720), theme: str = "light",
                 lang: str = "en") -> None:
        self.mode_colors = MODE_COLORS[theme]
        self.sweep = snapshot.meta["sweep"]
        self.acts = self.sweep["activations"]
        self.threshold = float(self.sweep["threshold"])
        self.x = snapshot.extra
        self._updaters = []
        super().__init__(snapshot, size, theme, lang)

    def build(self) -> None:
        if self.sweep["type"] == "map":
            self._build_map()
        else:
            self._build_seeded()

    def _act_color(self, a: int) -> str:
        return self.theme.palette[a % len(self.theme.palette)]

    def _mode_name(self, name: str) -> str:
        return MODE_NAMES_ZH.get(name, name) if self.lang == "zh" else name

    def _animate(self, *artists: Artist) -> None:
        self.animated.extend(artists)

    # -- shared pieces ----------------------------------------------------------------------------

    def _header(self, title: str) -> None:
        fig = self.fig
        fig.text(0.012, 0.985, title, fontsize=FONT, fontweight="bold", va="top", ha="left")
        caption = fig.text(0.988, 0.985, "", fontsize=FONT, va="top", ha="right")
        self._animate(caption)

        def update(i: int, step: float) -> None:
            caption.set_text(text(self.lang, "sweep_caption", step=int(round(step)), total=self.total))
        self._updaters.append(update)

    def _rate_panel(self, ax, count: int, band: bool = True) -> None:
        """The share of fitted runs over training, a 95% band (random inits only), a moving cursor."""
        steps = self.snapshot.steps.astype(float)
        frac = self.x["sweep_fitted"]
        ax.set_xscale("symlog", linthresh=max(10.0, self.total / 1000))
        ax.set_xlim(0, self.total)
        ax.xaxis.set_major_formatter(FuncFormatter(samples_label))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylim(0, min(1.0, max(0.1, float(np.max(frac)) * 1.15 + 0.02)))
        z = 1.959963984540054
        markers = []
        for a, act in enumerate(self.acts):
            p = frac[a]
            denom = 1 + z * z / count
            center = (p + z * z / (2 * count)) / denom
            half = z * np.sqrt(p * (1 - p) / count + z * z / (4 * count * count)) / denom
            color = self._act_color(a)
            if band:
                ax.fill_between(steps, center - half, center + half, color=color, alpha=0.2, lw=0)
            ax.plot(steps, p, color=color, lw=LINE * 0.8, label=act)
            markers.append(ax.plot([], [], "o", ms=LINE * 2.6, color=color)[0])
        for mark in self.snapshot.meta.get("schedule", {}).get("marks", []):
            ax.axvline(mark, color=self.theme.muted, lw=0.6, ls=":")
        cursor = ax.axvline(0.0, color=self.theme.foreground, lw=0.8, alpha=0.6)
        ax.set_title(text(self.lang, "rate" if band else "rate_map"), fontsize=FONT, pad=3)
        ax.set_xlabel(text(self.lang, "samples"), fontsize=SMALL, labelpad=1)
        self.style(ax, y_ticks=4)
        self._animate(cursor, *markers)

        def update(i: int, step: float) -> None:
            cursor.set_xdata([step, step])
            for a, m in enumerate(markers):
                m.set_data([step], [frac[a, i]])
        self._updaters.append(update)

    def _curve_panel(self, ax, title: str, runs: list[int]) -> None:
        """Output curves of some named runs (one init, each activation) beside the target, with their loss."""
        snap, th = self.snapshot, self.theme
        labels = [snap.meta["runs"][r].get("activation", "") for r in runs]
        colors = [self._act_color(self.acts.index(a)) if a in self.acts else th.palette[2] for a in labels]
        x0, x1 = snap.meta.get("x_range", [float(snap.grid[0]), float(snap.grid[-1])])
        d0, d1 = snap.meta.get("data_range", [x0, x1])
        ax.set_xlim(x0, x1)
        ax.axvspan(d0, d1, color=th.span, lw=0, zorder=0)
        ax.axhline(0.0, color=th.muted, lw=0.8, zorder=1)
        ax.plot(snap.grid, snap.target, color=th.target, lw=LINE * 0.8, ls=(0, (4, 3)), zorder=2)
        ax.set_title(title, fontsize=FONT, pad=3)
        self.style(ax, y_ticks=4)
        if not runs:
            ax.set_ylim(-0.5, 4.5)
            ax.text(0.5, 0.5, text(self.lang, "no_run"), transform=ax.transAxes, ha="center",
                    fontsize=SMALL, color=th.muted)
            return
        out = snap.node_names.index(snap.meta["output"])
        hist = [snap.curves[r, :, out] for r in runs]
        t = snap.target[np.isfinite(snap.target)]
        with np.errstate(invalid="ignore"):
            lows = np.concatenate([np.nanmin(h, axis=1) for h in hist])
            highs = np.concatenate([np.nanmax(h, axis=1) for h in hist])
        ax.set_ylim(*robust_limits(lows, highs, (0.0, float(t.min()), float(t.max()))))
        lines = [ax.plot(snap.grid, snap.grid * np.nan, color=c, lw=LINE, zorder=3)[0] for c in colors]
        losses = [ax.text(0.03, 0.95 - 0.1 * k, "", transform=ax.transAxes, fontsize=SMALL, va="top",
                          color=c, fontweight="bold") for k, c in enumerate(colors)]
        self._animate(*lines, *losses)

        def update(i: int, step: float) -> None:
            for k, (r, line) in enumerate(zip(runs, lines)):
                line.set_ydata(hist[k][i])
                losses[k].set_text(text(self.lang, "loss_at", act=labels[k], target=self.target_name,
                                      loss=f"{snap.eval_loss[r, i]:.3f}"))
        self._updaters.append(update)

    def _legend(self, handles: list, labels: list[str], y: float = 0.012, ncol: int = 8) -> None:
        self.fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, y), ncol=ncol,
                        fontsize=SMALL, frameon=False, handlelength=1.4, columnspacing=1.1,
                        handletextpad=0.4, borderaxespad=0, borderpad=0)

    def _mode_handles(self) -> tuple[list, list[str]]:
        handles = [Patch(color=c) for c in self.mode_colors]
        labels = [self._mode_name(m) for m in self.sweep["modes"]]
        return handles, labels

    # -- seeded sweeps ----------------------------------------------------------------------------

    def _build_seeded(self) -> None:
        fig, th, lang = self.fig, self.theme, self.lang
        inits = self.sweep["inits"]
        lo, hi = inits.get("range", [-1, 1])
        count = int(self.sweep["count"])
        self._header(text(lang, "seeded_title", acts=" vs ".join(self.acts), count=count, lo=lo, hi=hi))
        gs = fig.add_gridspec(2, 3, left=0.06, right=0.985, top=0.885, bottom=0.15, hspace=0.5,
                              wspace=0.28, width_ratios=[1.0, 1.0, 1.0])
        self._hist_panel(fig.add_subplot(gs[0, 0:2]), count)
        self._modes_panel(fig.add_subplot(gs[0, 2]), count)
        self._rate_panel(fig.add_subplot(gs[1, 0]), count)
        groups = self._named_groups()
        for k in range(2):
            self._curve_panel(fig.add_subplot(gs[1, 1 + k]), *(groups[k] if k < len(groups) else ("", [])))
        handles = [Line2D([], [], color=self._act_color(a), lw=LINE) for a in range(len(self.acts))]
        labels = list(self.acts)
        handles.append(Line2D([], [], color=th.target, lw=LINE * 0.8, ls=(0, (4, 3))))
        labels.append(text(lang, "target", target=self.target_name))
        mh, ml = self._mode_handles()
        self._legend(handles + mh, labels + ml, ncol=len(handles) + len(mh))

    def _named_groups(self) -> list[tuple[str, list[int]]]:
        """Named runs grouped by init (sweep index or label without its activation prefix)."""
        groups: dict[str, list[int]] = {}
        for r, run in enumerate(self.snapshot.meta["runs"]):
            label = run["label"]
            act = run.get("activation")
            if act and label.startswith(f"{act}: "):
                label = label[len(act) + 2:]
            groups.setdefault(label, []).append(r)
        return list(groups.items())

    def _hist_panel(self, ax, count: int) -> None:
        th, lang = self.theme, self.lang
        hist, edges = self.x["sweep_hist"] / count, self.x["sweep_edges"]
        ax.set_xscale("log")
        ax.set_xlim(edges[0], edges[-1])
        ax.set_ylim(0, float(hist.max()) * 1.12)
        ax.axvspan(edges[0], self.threshold, color=th.span, lw=0, zorder=0)
        ax.axvline(self.threshold, color=th.muted, lw=0.8, ls="--", zorder=1)
        ax.text(self.threshold / 1.08, ax.get_ylim()[1] * 0.97, text(lang, "fitted_zone", thr=self.threshold),
                fontsize=SMALL, ha="right", va="top", color=th.muted)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}"))
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_title(text(lang, "hist", target=self.target_name), fontsize=FONT, pad=3)
        self.style(ax, y_ticks=4)
        stairs, shares = [], []
        for a in range(len(self.acts)):
            color = self._act_color(a)
            stairs.append(ax.stairs(hist[a, 0], edges, fill=True, facecolor=(*to_rgb(color), 0.25),
                                    edgecolor=color, lw=LINE * 0.8, zorder=2 + a))
            shares.append(ax.text(0.985, 0.95 - 0.11 * a, "", transform=ax.transAxes, ha="right", va="top",
                                  fontsize=FONT, color=color, fontweight="bold"))
        frac = self.x["sweep_fitted"]
        self._animate(*stairs, *shares)

        def update(i: int, step: float) -> None:
            for a, (st, txt) in enumerate(zip(stairs, shares)):
                st.set_data(hist[a, i])
                txt.set_text(text(lang, "share", act=self.acts[a], pct=100 * frac[a, i]))
        self._updaters.append(update)

    def _modes_panel(self, ax, count: int) -> None:
        th = self.theme
        counts, fitted = self.x["sweep_mode_counts"] / count, self.x["sweep_mode_fitted"] / count
        n_a, _, n_m = counts.shape
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.6, n_a - 0.4)
        ax.set_yticks(range(n_a), self.acts)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.set_title(text(self.lang, "modes"), fontsize=FONT, pad=3)
        self.style(ax, y_ticks=None)
        bars = []  # per activation, per mode: (fitted rect, not fitted rect)
        for a in range(n_a):
            row = []
            for m in range(n_m):
                c = self.mode_colors[m]
                solid = ax.barh(a, 0.0, height=0.62, color=c, lw=0)[0]
                pale = ax.barh(a, 0.0, height=0.62, color=_blend(c, th.background, 0.68), lw=0)[0]
                row.append((solid, pale))
            bars.append(row)
        self._animate(*[r for row in bars for pair in row for r in pair])

        def update(i: int, step: float) -> None:
            for a in range(n_a):
                left = 0.0
                for m in range(n_m):
                    solid, pale = bars[a][m]
                    f, total = fitted[a, i, m], counts[a, i, m]
                    solid.set_x(left)
                    solid.set_width(f)
                    pale.set_x(left + f)
                    pale.set_width(total - f)
                    left += total
        self._updaters.append(update)

    # -- map sweeps -------------------------------------------------------------------------------

    def _build_map(self) -> None:
        fig, lang = self.fig, self.lang
        inits = self.sweep["inits"]
        (ax0, ax1), (x0, x1, nx), (y0, y1, ny) = inits["axes"], inits["x"], inits["y"]
        self.map_shape = (int(ny), int(nx))
        n_a = len(self.acts)
        self._header(text(lang, "map_title", acts=" / ".join(self.acts), nx=nx, ny=ny,
                        ax0=_sub(ax0), ax1=_sub(ax1)))
        w, h = fig.get_size_inches()
        top, bottom = 0.885, 0.14
        side = (top - bottom) * h  # square maps as tall as the plot area
        left = 0.06
        gap = 0.55
        for a in range(n_a):
            rect = (left + a * (side + gap) / w, bottom, side / w, (top - bottom))
            self._map_panel(fig.add_axes(rect), a, (x0, x1, y0, y1), inits, (_sub(ax0), _sub(ax1)))
        right0 = left + (n_a * side + (n_a - 1) * gap + 0.55) / w
        gs = fig.add_gridspec(3, 1, left=right0, right=0.985, top=top, bottom=bottom + 0.035,
                              hspace=0.75)
        groups = self._named_groups()
        for k in range(2):
            self._curve_panel(fig.add_subplot(gs[k, 0]), *(groups[k] if k < len(groups) else ("", [])))
        self._rate_panel(fig.add_subplot(gs[2, 0]), int(self.sweep["count"]), band=False)
        mh, ml = self._mode_handles()
        mh.append(Patch(color=_blend(self.theme.muted, self.theme.background, 0.68)))
        ml.append(text(lang, "pale"))
        self._legend(mh, ml, ncol=len(mh))

    def _map_panel(self, ax, a: int, extent: tuple, inits: dict, names: tuple[str, str]) -> None:
        th, lang = self.theme, self.lang
        loss, mode = self.x["sweep_map_loss"][a], self.x["sweep_map_mode"][a]
        shape = self.map_shape
        palette = np.array([to_rgb(c) for c in self.mode_colors])
        bg = np.asarray(to_rgb(th.background))
        lo_log, thr_log = np.log(0.03), np.log(self.threshold)

        def rgb(i: int) -> np.ndarray:
            l_i = loss[i].astype(float)
            base = palette[mode[i]]
            fitted = l_i < self.threshold
            with np.errstate(divide="ignore", invalid="ignore"):
                depth = np.clip((np.log(l_i) - lo_log) / (thr_log - lo_log), 0, 1)  # 0 best .. 1 at thr
            amount = np.where(fitted, 0.35 * depth, 0.62 + 0.2 * np.clip(np.log(l_i / self.threshold) /
                                                                          np.log(10), 0, 1))
            amount = np.where(np.isfinite(l_i), amount, 0.9)
            out = base * (1 - amount[:, None]) + bg * amount[:, None]
            return out.reshape(*shape, 3)

        image = ax.imshow(rgb(0), origin="lower", extent=extent, aspect="auto", interpolation="nearest",
                          zorder=1)
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[2], extent[3])
        ax.set_xlabel(names[0], fontsize=SMALL, labelpad=1)
        ax.set_ylabel(names[1], fontsize=SMALL, labelpad=1)
        # everything drawn over the (animated) image must be animated too, or the image would cover it
        over = [ax.axhline(0, color=th.foreground, lw=0.5, alpha=0.5, zorder=2),
                ax.axvline(0, color=th.foreground, lw=0.5, alpha=0.5, zorder=2)]
        for label, (mx, my) in inits.get("marks", {}).items():
            over += ax.plot([mx], [my], "o", ms=4.5, mfc="none", mec=th.foreground, mew=1.2, zorder=3)
            over.append(ax.annotate(label, (mx, my), xytext=(5, -3), textcoords="offset points",
                                    fontsize=SMALL, fontweight="bold", color=th.foreground, va="top",
                                    zorder=3))
        ax.set_title(text(lang, "map", act=self.acts[a]), fontsize=FONT, pad=3)
        self.style(ax, y_ticks=4)
        ax.xaxis.set_major_locator(MaxNLocator(5))
        share = ax.text(0.02, 0.98, "", transform=ax.transAxes, fontsize=SMALL, va="top", ha="left",
                        fontweight="bold", color=th.foreground, zorder=4,
                        bbox=dict(boxstyle="round,pad=0.25", fc=th.background, ec="none", alpha=0.8))
        frac = self.x["sweep_fitted"][a]
        self._animate(image, *over, share)

        def update(i: int, step: float) -> None:
            image.set_data(rgb(i))
            share.set_text(text(lang, "grid_fitted", pct=100 * frac[i]))
        self._updaters.append(update)

    # -- animation --------------------------------------------------------------------------------

    def update(self, pos: float) -> list[Artist]:
        """Show snapshot `pos` (fractional positions show the snapshot reached: sweeps do not blend)."""
        i = int(min(max(np.floor(float(pos) + 1e-9), 0), self.n_snapshots - 1))
        step = float(self.snapshot.steps[i])
        for update in self._updaters:
            update(i, step)
        return self.animated


def _sub(name: str) -> str:
    """w_11 -> w₁₁ for axis labels."""
    head, _, tail = name.partition("_")
    digits = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    return head + tail.translate(digits) if tail.isdigit() else name
