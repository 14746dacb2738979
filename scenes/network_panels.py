"""The panels of a network of the chapter's family: what each layer does, and the output built from it.

Per hidden layer its pre-activations (`add_l*`) and its activations (`relu_l*`); the last layer's
contributions (`mul_{L+1}*`, each unit's weighted activation); and the output against the target (or the
data points) as a "sum" panel: the contributions stacked over the base (the output bias), the output on
top, so a reader sees the output being built from its units (Prince, *Understanding Deep Learning*, fig.
3.3). Unit j of a layer keeps its colour (`scenes.network.unit_color`) in every panel.
"""

from __future__ import annotations

from scenes.base import Panel
from scenes.network import OUTPUT_COLOR, Names, unit_color


def _colors(count: int) -> tuple[int, ...]:
    return tuple(unit_color(j) for j in range(count))


def network_panels(hidden: tuple[int, ...], target_name: str, points: bool = False) -> tuple[Panel, ...]:
    """The panels of the network `hidden`, its output drawn against `target_name` (or, with `points`,
    against the data points instead of a target curve)."""
    names = Names(hidden)
    deep = len(hidden) > 1
    panels = []
    for layer in range(1, len(hidden) + 1):
        adds, acts = names.adds(layer), names.acts(layer)
        if deep:
            a = "x" if layer == 1 else "a"  # the layer's input: x, or the previous layer's activations
            pre = (f"layer {layer}: w·{a} + b", f"第 {layer} 层线性变换 w·{a} + b")
            act = (f"layer {layer}: act(w·a + b)", f"第 {layer} 层激活 act(·)")
        else:
            pre = ("hidden linear: w·x + b", "隐藏层线性变换 w·x + b")
            act = ("activations: act(w·x + b)", "激活 act(w·x + b)")
        panels.append(Panel(pre[0], tuple(adds), _colors(len(adds)), title_zh=pre[1]))
        panels.append(Panel(act[0], tuple(acts), _colors(len(acts)), title_zh=act[1]))
    out = names.out_layer
    parts = names.muls(out)
    sub = "₂" if out == 2 else ""
    panels.append(Panel(f"weighted activations: w{sub}·act(·)" if sub else "weighted activations: w·act(·)",
                        tuple(parts), _colors(len(parts)),
                        title_zh=f"加权激活 w{sub}·act(·)" if sub else "加权激活 w·act(·)"))
    panels.append(Panel(f"output = Σ + b vs {target_name}", (*parts, names.output),
                        (*_colors(len(parts)), OUTPUT_COLOR), target=not points, kind="sum",
                        title_zh=f"输出 = Σ + b 与 {target_name}"))
    return tuple(panels)
