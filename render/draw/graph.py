"""`render graph NAME`: the scene's computation graph as a diagram (PNG and SVG).

Nodes carry the names the tutorial gives them; trainable leaves (`Varrible(train=True)`) are marked;
the nodes the animation's panels draw are filled in their panel colours (the theme's palette, as in
the animation) and tagged with their panel's number. The layout (render.draw.graph_layout) is layered
by depth. Drawn with matplotlib alone; with `engine="graphviz"` (or "auto" when the
`dot` binary is on PATH) graphviz lays it out and draws it instead, with the same colours.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

from render.draw.graph_layout import GNode, GraphModel, coordinates, graph_model, layers, order
from render.draw.theme import THEMES, Theme
from render.record.atomic import atomic_write
from scenes import Scene

ENGINES = ("auto", "matplotlib", "graphviz")


def _mix(color: str, background: str, amount: float) -> str:
    """`amount` of `color` over `background` (a flat tint: no alpha in PNG, SVG and graphviz alike)."""
    from matplotlib.colors import to_hex, to_rgb

    c, b = to_rgb(color), to_rgb(background)
    return to_hex(tuple(amount * ci + (1 - amount) * bi for ci, bi in zip(c, b)))


def style(node: GNode, theme: Theme) -> dict:
    """Fill, edge and text colours and the edge width of a node, shared by both engines."""
    fg, bg = theme.foreground, theme.background
    if node.color is not None:
        accent = theme.palette[node.color % len(theme.palette)]
        return {"fill": _mix(accent, bg, 0.22), "edge": accent, "width": 2.0, "text": fg}
    if node.role == "parameter":
        return {"fill": _mix(fg, bg, 0.08), "edge": fg, "width": 1.6, "text": fg}
    if node.role in ("input", "label", "leaf"):
        return {"fill": bg, "edge": fg, "width": 1.0, "text": fg}
    return {"fill": bg, "edge": theme.muted, "width": 1.0, "text": fg}


def _subtitle(node: GNode) -> str:
    if node.role == "parameter":
        return "trainable"
    if node.role in ("input", "label"):
        return node.role
    return node.kind


def node_box(ax, node: GNode, xy: tuple[float, float], size: tuple[float, float], theme: Theme, *,
             name_y: float, fontsize: float, zorder: float = 3, bold: str = "bold"):
    """One node as `render graph` draws it, on `ax`: its box in its style (rounder for ops) and its name
    (`bold` when a panel draws it, or the output or loss) at height `name_y`. Returns the box patch."""
    from matplotlib.patches import FancyBboxPatch

    (x, y), (w, h) = xy, size
    st = style(node, theme)
    rounding = 0.08 if node.parents else 0.02
    box = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle=f"round,pad=0,rounding_size={rounding}",
                         fc=st["fill"], ec=st["edge"], lw=st["width"], zorder=zorder)
    if node.role == "parameter":
        box.set_linestyle((0, (1, 0)))
    ax.add_patch(box)
    marked = node.color is not None or node.role in ("output", "loss")
    ax.text(x, name_y, node.name, ha="center", va="center", fontsize=fontsize, zorder=zorder + 1,
            fontweight=bold if marked else "normal", color=st["text"])
    return box


def draw(model: GraphModel, theme: str = "light"):
    """The diagram as a matplotlib Figure (Agg canvas attached)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    from render.draw.theme import rc_params

    th = THEMES[theme]
    cols = order(model, layers(model))
    xy = coordinates(model, cols)
    w, h = 1.25, 0.56  # node box, in data units
    xs, ys = [p[0] for p in xy.values()], [p[1] for p in xy.values()]
    x0, x1, y0, y1 = min(xs) - w * 0.7, max(xs) + w * 0.7, min(ys) - h * 0.7, max(ys) + 0.8
    scale, band = 0.78, 0.62  # inches per data unit; inches of legend under the graph
    height = (y1 - y0) * scale + band
    with matplotlib.rc_context(rc_params(th, "en")):
        fig = Figure(figsize=((x1 - x0) * scale, height), dpi=150)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, band / height, 1, 1 - band / height))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_axis_off()
        boxes = {}
        for name, node in model.nodes.items():
            x, y = xy[name]
            st = style(node, th)
            boxes[name] = node_box(ax, node, (x, y), (w, h), th, name_y=y + 0.07, fontsize=9)
            ax.text(x, y - 0.15, _subtitle(node), ha="center", va="center", fontsize=6.5, zorder=4,
                    color=th.muted if node.role != "parameter" else th.foreground,
                    style="italic" if node.role == "parameter" else "normal")
            if node.panels:
                tag = ", ".join(f"P{p}" for p in node.panels)
                ax.text(x + w / 2 - 0.04, y + h / 2 - 0.03, tag, ha="right", va="top", fontsize=5.5,
                        zorder=4, color=st["edge"], fontweight="bold")
        for name, node in model.nodes.items():
            for parent in node.parents:
                ax.add_patch(FancyArrowPatch(
                    xy[parent], xy[name], patchA=boxes[parent], patchB=boxes[name], arrowstyle="-|>",
                    mutation_scale=8, lw=0.8, color=th.muted, zorder=2, shrinkA=1, shrinkB=1,
                    connectionstyle="arc3,rad=0"))
        title = graph_title(model)
        ax.text(x0 + 0.15, y1 - 0.12, title, ha="left", va="top", fontsize=10, fontweight="bold")
        handles = [
            FancyBboxPatch((0, 0), 1, 1, fc=style(GNode("", "", [], "parameter"), th)["fill"],
                           ec=th.foreground, lw=1.6),
            FancyBboxPatch((0, 0), 1, 1, fc=th.background, ec=th.foreground, lw=1.0),
            FancyBboxPatch((0, 0), 1, 1, fc=th.background, ec=th.muted, lw=1.0),
        ]
        labels = ["trainable parameter (Varrible(train=True))", "input / label", "op"]
        for c in sorted({n.color for n in model.nodes.values() if n.color is not None}):
            accent = th.palette[c % len(th.palette)]
            handles.append(FancyBboxPatch((0, 0), 1, 1, fc=_mix(accent, th.background, 0.22), ec=accent,
                                          lw=2))
            labels.append(" ")
        labels[-1] = "drawn in the animation, in its curve's colour"
        fig.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize=7, frameon=False,
                   handlelength=1.4, handleheight=1.0, handletextpad=0.4, columnspacing=1.2,
                   bbox_to_anchor=(0.5, 0.30 / height))
        panels = "     ".join(f"P{i}  {t}" for i, t in enumerate(model.panels, start=1))
        fig.text(0.5, 0.1 / height, f"panels: {panels}", ha="center", va="bottom", fontsize=7,
                 color=th.foreground)
    return fig


def graph_title(model: GraphModel) -> str:
    """The diagram's title; a graph without a hidden activation (the adaline's) names none."""
    act = f" (hidden activation {model.activation})" if model.activation else ""
    return f"Computation graph of {model.scene}{act}"


def to_dot(model: GraphModel, theme: str = "light") -> str:
    """The same diagram as graphviz DOT source (left to right, the same colours and marks)."""
    th = THEMES[theme]

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"digraph {q(model.scene)} {{", "  rankdir=LR; nodesep=0.25; ranksep=0.45;",
             f'  graph [bgcolor={q(th.background)}, fontname="DejaVu Sans", fontcolor={q(th.foreground)}, '
             f"label={q(graph_title(model))}, "
             'labelloc=t, labeljust=l, fontsize=12];',
             f'  edge [color={q(th.muted)}, arrowsize=0.6];',
             '  node [fontname="DejaVu Sans", fontsize=11, style="filled,rounded", shape=box];']
    for name, node in model.nodes.items():
        st = style(node, th)
        tag = f' <font point-size="8"><b>{", ".join(f"P{p}" for p in node.panels)}</b></font>' \
            if node.panels else ""
        label = (f"<<b>{html.escape(name)}</b>{tag}<br/><font point-size=\"8\" color=\"{th.muted}\">"
                 f"{html.escape(_subtitle(node))}</font>>")
        lines.append(f"  {q(name)} [label={label}, fillcolor={q(st['fill'])}, color={q(st['edge'])}, "
                     f"penwidth={st['width']:.1f}, fontcolor={q(st['text'])}];")
    for name, node in model.nodes.items():
        for parent in node.parents:
            lines.append(f"  {q(parent)} -> {q(name)};")
    legend = " | ".join(f"P{i}: {t}" for i, t in enumerate(model.panels, start=1))
    lines.append(f'  legend [shape=plaintext, style="", fontsize=9, fontcolor={q(th.foreground)}, '
                 f"label={q('dark box: trainable parameter;  ' + legend)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graphviz_available() -> bool:
    return shutil.which("dot") is not None


def render_graph(scene: Scene, out_stem: Path, theme: str = "light", engine: str = "auto") -> list[Path]:
    """Write `out_stem.png` and `out_stem.svg`; returns the paths. `engine`: auto, matplotlib, graphviz."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r} (choose {', '.join(ENGINES)})")
    if theme not in THEMES:
        raise ValueError(f"theme {theme!r} (choose {', '.join(THEMES)})")
    if engine == "graphviz" and not graphviz_available():
        raise ValueError("engine graphviz: the `dot` binary is not on PATH (install graphviz, or use "
                         "--engine matplotlib)")
    model = graph_model(scene)
    out_stem = Path(out_stem)
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    use_dot = engine == "graphviz" or (engine == "auto" and graphviz_available())
    fig = None if use_dot else draw(model, theme)
    for fmt in ("png", "svg"):
        target = out_stem.parent / f"{out_stem.name}.{fmt}"
        with atomic_write(target) as tmp:
            if use_dot:
                args = ["dot", f"-T{fmt}", "-o", str(tmp)] + (["-Gdpi=150"] if fmt == "png" else [])
                subprocess.run(args, input=to_dot(model, theme), text=True, check=True, capture_output=True)
            else:
                import matplotlib

                # SVG text stays text (selectable); the same graph gives the same bytes: no date, and the
                # clip paths' ids hashed from a fixed salt rather than a random one
                rc = {"svg.fonttype": "none", "svg.hashsalt": "ourdl-render"}
                with matplotlib.rc_context(rc):
                    fig.savefig(tmp, format=fmt, facecolor=fig.get_facecolor(),
                                metadata={"Date": None} if fmt == "svg" else None)
        written.append(target)
    return written
