"""The frames of `render backprop`: one training step on `render graph`'s diagram, beside the output panel.

A view (render.draw.view.View) whose snapshot positions are beats (render.draw.backprop_beats): each node
lights up as ourdl computes it, shows ∂loss/∂node as get_grad() caches it (the edge it came down carries
the local derivative), then each parameter shows value − lr·grad → new value. The graph, the boxes and the
curve before the step are drawn once; the numbers, highlights and caption are the animated artists. Every
number is the step's (render.record.backprop), printed by `backprop_text.fmt`.
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from render.draw.backprop_beats import PHASES, Beat, beats
from render.draw.backprop_text import fmt, words
from render.draw.base import FONT, SMALL, animate
from render.draw.graph import node_box, style
from render.draw.graph_layout import coordinates, fold_units, folded_layers, folded_model, graph_model, order
from render.draw.grid import design
from render.draw.text import run_label
from render.draw.theme import THEMES, rc_params
from render.record.backprop import Curves
from scenes import Scene

BOX_W, BOX_H = 1.75, 0.74  # a node's box, in the layout's units (columns DX apart, rows 1.0)
DX = 2.4  # wider than render graph's 1.9: an edge has room for its local derivative
LINES = (0.31, 0.09, -0.12, -0.32)  # heights of a box's name, value, grad and new value (of BOX_H)
OPS = {"Mul": "·", "Add": " + "}


def _float(v: float | str) -> float:
    return float(v)  # "NaN", "Infinity", "-Infinity" read back too


class BackpropFigure:
    """The backprop frames of one step (`step`: a backprop_step dict of `scene`)."""

    def __init__(self, step: dict, scene: Scene, curves: Curves, size: tuple[int, int] = (1280, 720),
                 theme: str = "light", lang: str = "en") -> None:
        self.step, self.scene, self.lang = step, scene, lang
        self.theme = THEMES[theme]
        self.rc = rc_params(self.theme, lang)
        model = graph_model(scene)
        self.fold = fold_units(model)
        self.model = folded_model(model, self.fold)
        self.beats: list[Beat] = beats(step, self.fold.into)
        self.colors = {"forward": self.theme.palette[0], "backward": self.theme.palette[13],
                       "update": self.theme.palette[2]}
        self.animated: list[Artist] = []
        with matplotlib.rc_context(self.rc):
            inches, dpi = design(*size)
            self.fig = Figure(figsize=inches, dpi=dpi)
            FigureCanvasAgg(self.fig)
            self._graph()
            self._panel(curves)
            self._captions()
        animate(self.fig, self.animated)

    @property
    def n_snapshots(self) -> int:
        return len(self.beats)

    @property
    def bold(self) -> str:
        return "normal" if self.lang == "zh" else "bold"  # the CJK font has no bold

    def _text(self, *args, **kw) -> Artist:
        t = self.ax.text(*args, **kw)
        self.animated.append(t)
        return t

    # -- building --------------------------------------------------------------------------------------

    def _graph(self) -> None:
        th, model = self.theme, self.model
        cols = order(model, folded_layers(model))
        self.xy = xy = coordinates(model, cols, dx=DX)
        xs, ys = [p[0] for p in xy.values()], [p[1] for p in xy.values()]
        self.ax = ax = self.fig.add_axes((0.005, 0.13, 0.70, 0.78))
        ax.set_xlim(min(xs) - BOX_W * 0.55, max(xs) + BOX_W * 0.55)
        ax.set_ylim(min(ys) - BOX_H * 0.6, max(ys) + BOX_H * 0.6)
        ax.set_axis_off()
        # the text's size from the boxes' size on the canvas: a line per LINES step, 10 characters a box
        bbox = ax.get_position()
        fig_w, fig_h = self.fig.get_size_inches()
        y_pt = bbox.height * fig_h * 72 / (max(ys) - min(ys) + BOX_H * 1.2)  # points per unit
        x_pt = bbox.width * fig_w * 72 / (max(xs) - min(xs) + BOX_W * 1.1)
        font = min(7.0, 0.9 * (LINES[1] - LINES[2]) * BOX_H * y_pt, BOX_W * x_pt / 6.2)
        self.boxes, self.lines, self.glow = {}, {}, {}
        for name, node in model.nodes.items():
            x, y = xy[name]
            if node.role == "fold":
                self._fold_box(name, x, y, font)
                continue
            self.boxes[name] = node_box(ax, node, (x, y), (BOX_W, BOX_H), th, name_y=y + LINES[0] * BOX_H,
                                        fontsize=font, bold=self.bold)
            value, grad, after = (self._text(x, y + dy * BOX_H, "", ha="center", va="center", color=color,
                                             fontsize=font * 0.92)
                                  for dy, color in zip(LINES[1:], (th.foreground, self.colors["backward"],
                                                                   self.colors["update"])))
            self.lines[name] = (value, grad, after)
        for name in model.nodes:
            x, y = xy[name]
            glow = FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, fill=False, lw=2.6,
                                  boxstyle="round,pad=0.04,rounding_size=0.1", ec=th.foreground, zorder=5)
            ax.add_patch(glow)
            self.glow[name] = glow
            self.animated.append(glow)
        self.edges: dict[tuple[str, str], tuple] = {}
        for name, node in model.nodes.items():
            for parent in node.parents:
                ax.add_patch(FancyArrowPatch(xy[parent], xy[name], arrowstyle="-|>", mutation_scale=7,
                                             lw=0.7, color=th.muted, zorder=2, shrinkA=0, shrinkB=0,
                                             patchA=self.boxes.get(parent), patchB=self.boxes.get(name)))
                lit = FancyArrowPatch(xy[parent], xy[name], arrowstyle="-|>", mutation_scale=10, lw=1.8,
                                      zorder=4, shrinkA=0, shrinkB=0, patchA=self.boxes.get(parent),
                                      patchB=self.boxes.get(name))
                ax.add_patch(lit)
                (x0, y0), (x1, y1) = xy[parent], xy[name]
                label = self._text((x0 + x1) / 2, (y0 + y1) / 2, "", ha="center", va="center", zorder=6,
                                   fontsize=font, color=self.colors["backward"], fontweight=self.bold,
                                   bbox={"boxstyle": "round,pad=0.2", "fc": th.background, "lw": 0.6,
                                         "ec": self.colors["backward"]})
                self.animated.append(lit)
                self.edges[(parent, name)] = (lit, label)

    def _fold_box(self, name: str, x: float, y: float, font: float) -> None:
        th, units = self.theme, self.fold.units[name]
        st = style(self.model.nodes[name], th)
        self.ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, zorder=3,
                                         boxstyle="round,pad=0,rounding_size=0.08", fc=st["fill"],
                                         ec=th.muted, lw=1.0, ls=(0, (3, 2))))
        self.ax.text(x, y + LINES[0] * BOX_H, words(self.lang, "fold", first=units[0], last=units[-1]),
                     ha="center", va="center", fontsize=font, zorder=4, fontweight=self.bold)
        value, grad, after = (self._text(x, y + dy * BOX_H, "", ha="center", va="center", color=color,
                                         fontsize=font * 0.92)
                              for dy, color in zip(LINES[1:], (th.foreground, self.colors["backward"],
                                                               self.colors["update"])))
        self.lines[name] = (value, grad, after)
        self.boxes[name] = None

    def _panel(self, curves: Curves) -> None:
        th, step, lang = self.theme, self.step, self.lang
        grid, target, before, after = curves.grid, curves.target, curves.before, curves.after
        self.at = curves.at_x
        ax = self.panel = self.fig.add_axes((0.735, 0.25, 0.25, 0.55))
        ax.tick_params(labelsize=SMALL, length=2.5, pad=1.5, width=0.6)
        for spine in ax.spines.values():
            spine.set_linewidth(0.6)
        out = th.palette[2]
        if self.scene.points is None:
            ax.plot(grid, target, color=th.target, lw=0.9, ls=(0, (4, 3)),
                    label=words(lang, "target", target=self.scene.target_name))
        else:
            pts = self.scene.points.shown()
            ax.scatter(pts[:, 0], pts[:, 1], s=6, color=th.muted, label=words(lang, "points"), zorder=2)
        ax.plot(grid, before, color=out, lw=1.5, label=words(lang, "before"))
        (self.after,) = ax.plot(grid, after, color=self.colors["update"], lw=1.2, ls=(0, (2, 1.5)),
                                label=words(lang, "after"))
        x, label = _float(step["x"]), _float(step["label"])
        ax.scatter([x], [label], s=28, marker="o", fc="none", ec=th.foreground, lw=1.2, zorder=6,
                   label=words(lang, "sample"))
        y = _float(step["nodes"][step["output"]]["value"])
        (self.guess,) = ax.plot([x, x], [label, y], color=self.colors["backward"], lw=1.2, marker="_",
                                ms=6, zorder=5)
        finite = np.concatenate([c[np.isfinite(c)] for c in (target, before, after, np.array([label, y]))])
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (-1.0, 1.0)
        pad = (hi - lo) * 0.08 or 1.0
        ax.set_ylim(lo - pad, hi + pad)
        ax.set_xlim(*self.scene.x_range)
        ax.axhline(0, color=th.muted, lw=0.5, zorder=0)
        ax.set_title(words(lang, "panel"), fontsize=FONT, pad=3)
        ax.legend(loc="upper left", fontsize=SMALL * 0.9, frameon=False, handlelength=1.6)
        self.at_x = self.fig.text(0.735, 0.2, "", fontsize=SMALL, va="top")
        self.animated += [self.after, self.guess, self.at_x]

    def _captions(self) -> None:
        step, lang = self.step, self.lang
        title = words(lang, "title", scene=step["scene"], run=run_label(step["run"].split(":")[0], lang),
                      sample=step["sample"], samples=step["samples"])
        self.fig.text(0.012, 0.965, title, fontsize=FONT, fontweight=self.bold, va="top")
        self.phase = []
        for i, phase in enumerate(PHASES):
            t = self.fig.text(0.012 + 0.13 * i, 0.085, words(lang, phase), fontsize=FONT, va="center")
            self.phase.append(t)
        self.caption = self.fig.text(0.012, 0.035, "", fontsize=FONT, va="center")
        key = self.fig.text(0.985, 0.085, words(lang, "key_grad"), fontsize=SMALL, va="center", ha="right",
                            color=self.colors["backward"])
        self.fig.text(0.985, 0.045, words(lang, "key_after"), fontsize=SMALL, va="center", ha="right",
                      color=self.colors["update"])
        del key
        self.animated += [*self.phase, self.caption]

    # -- per beat --------------------------------------------------------------------------------------

    def init(self) -> list[Artist]:
        return self.update(0.0)

    def update(self, pos: float) -> list[Artist]:
        beat = self.beats[min(max(int(math.floor(pos + 1e-9)), 0), len(self.beats) - 1)]
        step, th = self.step, self.theme
        fwd = set(step["forward"][:beat.fwd])
        bwd = set(step["backward"][:beat.bwd])
        upd = set(step["order"][:beat.upd])
        nodes = step["nodes"]
        for name, (value, grad, after) in self.lines.items():
            if name in self.fold.units:
                self._fold_lines(name, beat, value, grad, after)
                continue
            node = nodes[name]
            known = name in fwd or not node["parents"]
            if name in (step["input"], step["label_node"]) or not node["parents"]:
                known = True
            value.set_text(fmt(node["value"]) if known else "")
            after.set_text("→ " + fmt(step["params"][name]["after"]) if name in upd else "")
            grad.set_text("∂ " + fmt(node["grad"]) if name in bwd and node["grad"] is not None else "")
        current = beat.name
        for name, glow in self.glow.items():
            glow.set_visible(name == current)
            glow.set_edgecolor(self.colors[beat.phase])
        for (parent, child), (lit, label) in self.edges.items():
            on = False
            label.set_text("")
            if beat.kind in ("node", "fold") and beat.phase == "forward" and child == current:
                on, color, arrow = True, self.colors["forward"], "-|>"
            elif beat.kind in ("node", "fold") and beat.phase == "backward" and parent == current:
                on, color, arrow = True, self.colors["backward"], "<|-"
                local = self._local(child, parent)
                if local is not None:
                    label.set_text("×" + fmt(local))
            lit.set_visible(on)
            if on:
                lit.set_color(color)
                lit.set_arrowstyle(arrow)
        self.after.set_visible(beat.phase == "update" and beat.kind != "node" or beat.upd > 0)
        self.guess.set_visible(step["output"] in fwd)
        self.at_x.set_text(self._at_x() if beat.kind == "done" else "")
        for phase, t in zip(PHASES, self.phase):
            now = phase == beat.phase
            t.set_color(self.colors[phase] if now else th.muted)
            t.set_fontweight(self.bold if now else "normal")
        self.caption.set_text(self._caption(beat))
        return self.animated

    def _local(self, child: str, parent: str) -> float | str | None:
        """The local derivative d child / d parent on the step's edge (the first, for a parent used twice)."""
        for e in self.step["edges"]:
            if e["child"] == child and e["parent"] == parent:
                return e["local"]
        return None

    def _at_x(self) -> str:
        """The output at the sample's x before and after the step (the net's own numbers)."""
        return words(self.lang, "at_x", before=fmt(self.at[0]), after=fmt(self.at[1]))

    def _fold_lines(self, box: str, beat: Beat, value, grad, after) -> None:
        step, names = self.step, self.fold.nodes[box]
        fwd = set(step["forward"][:beat.fwd])
        units = self.fold.units[box]
        hidden = [n for n in names if n in fwd]
        for line in (value, grad, after):
            line.set_text("")
        if not hidden:
            return
        value.set_text(words(self.lang, "fold_on", on=self._fold_on(box), n=len(units)))
        if any(n in names for n in step["order"][:beat.upd]):
            after.set_text(words(self.lang, "fold_step", value=fmt(self._fold_change(box, beat.upd))))
        grads = self._fold_grad(box, beat.bwd)
        if grads is not None:
            grad.set_text(words(self.lang, "fold_grad", value=fmt(grads)))

    def _fold_on(self, box: str) -> int:
        """How many of the box's units are on: their activation's input t > 0 for this sample."""
        nodes = self.step["nodes"]
        acts = [n for n in self.fold.nodes[box]
                if len(nodes[n]["parents"]) == 1 and nodes[nodes[n]["parents"][0]]["kind"] == "Add"]
        return sum(1 for a in acts if _float(nodes[nodes[a]["parents"][0]]["value"]) > 0)

    def _fold_sum(self, box: str) -> tuple[str, float]:
        """What the box's hidden nodes add into the one kept node they feed (its name, their sum)."""
        nodes, hidden = self.step["nodes"], set(self.fold.nodes[box])
        kept = [n for n, node in nodes.items()
                if n not in hidden and any(p in hidden for p in node["parents"])]
        into = kept[0] if kept else ""
        parts = [_float(nodes[p]["value"]) for p in nodes[into]["parents"] if p in hidden] if into else []
        return into, float(sum(parts))

    def _fold_grad(self, box: str, bwd: int) -> float | None:
        mine = set(self.fold.nodes[box])
        params = [n for n in self.step["backward"][:bwd] if n in mine and n in self.step["params"]]
        return max(abs(_float(self.step["params"][n]["grad"])) for n in params) if params else None

    def _fold_change(self, box: str, upd: int) -> float:
        ps = self.step["params"]
        done = [n for n in self.step["order"][:upd] if n in self.fold.nodes[box]]
        return max(abs(_float(ps[n]["after"]) - _float(ps[n]["before"])) for n in done)

    def _caption(self, beat: Beat) -> str:
        step, lang, nodes = self.step, self.lang, self.step["nodes"]
        if beat.kind == "enter":
            return words(lang, "enter", x=fmt(step["x"]), label=fmt(step["label"]))
        if beat.kind == "done":
            return words(lang, "done", lr=fmt(step["lr"]))
        if beat.kind == "fold":
            units = self.fold.units[beat.name]
            common = {"first": units[0], "last": units[-1]}
            if beat.phase == "forward":
                into, total = self._fold_sum(beat.name)
                return words(lang, "fold_forward", on=self._fold_on(beat.name), n=len(units),
                             value=fmt(total), node=into, **common)
            if beat.phase == "backward":
                return words(lang, "fold_backward", value=fmt(self._fold_grad(beat.name, beat.bwd)), **common)
            count = beat.upd - beat.first
            return words(lang, "fold_update", count=count, value=fmt(self._fold_change(beat.name, beat.upd)),
                         **common)
        name, node = beat.name, nodes[beat.name]
        if beat.phase == "forward":
            return words(lang, "computes", node=name, formula=self._formula(node), value=fmt(node["value"]))
        if beat.phase == "backward":
            if name == step["loss_node"]:
                return words(lang, "grad_top", node=name)
            terms = [f"{fmt(nodes[e['child']]['grad'])}·{fmt(e['local'])}" for e in step["edges"]
                     if e["parent"] == name]
            shown = " + ".join(terms) if len(terms) <= 3 else f"Σ {len(terms)} terms"
            return words(lang, "grad", node=name, terms=shown, value=fmt(node["grad"]))
        p = step["params"][name]
        return words(lang, "step", node=name, before=fmt(p["before"]), lr=fmt(step["lrs"][name]),
                     grad=fmt(p["grad"]), after=fmt(p["after"]))

    def _formula(self, node: dict) -> str:
        """`x·w_11 = 0.7754·0.9034`: the op on its parents' names, then on their values (few parents)."""
        ps, kind, nodes = node["parents"], node["kind"], self.step["nodes"]
        vals = [fmt(nodes[p]["value"]) for p in ps]
        if kind in OPS:
            names, numbers = OPS[kind].join(ps), OPS[kind].join(vals)
        elif kind == "ValueLoss":
            names, numbers = f"|{ps[0]} − {ps[1]}|", f"|{vals[0]} − {vals[1]}|"
        elif kind == "SquareLoss":
            names, numbers = f"({ps[0]} − {ps[1]})²", f"({vals[0]} − {vals[1]})²"
        else:
            names, numbers = f"{kind}({', '.join(ps)})", f"{kind}({', '.join(vals)})"
        return names if len(ps) > 4 else f"{names} = {numbers}"
