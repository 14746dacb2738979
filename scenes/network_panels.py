"""The panels of a network of the chapter's family: what each layer does, and the output built from it.

Per hidden layer its pre-activations (`add_l*`) and its activations (`relu_l*`); the last layer's
contributions (`mul_{L+1}*`, each unit's weighted activation); and the output against the target (or the
data points) as a "sum" panel: the contributions stacked over the base (the output bias), the output on
top, so a reader sees the output being built from its units (Prince, *Understanding Deep Learning*, fig.
3.3). Unit j of a layer keeps its colour (`scenes.network.unit_color`) in every panel.
"""

from __future__ import annotations

from scenes.network import OUTPUT_COLOR, Names, unit_color
from scenes.panel import Panel


def _colors(count: int) -> tuple[int, ...]:
    return tuple(unit_color(j) for j in range(count))


#: panels a scene of the family draws at most: with the loss panel, six fit one row of a frame
MAX_PANELS = 5


def network_panels(hidden: tuple[int, ...], target_name: str, points: bool = False,
                   target_name_zh: str | None = None) -> tuple[Panel, ...]:
    """The panels of the network `hidden`, its output drawn against `target_name` (or, with `points`,
    against the data points instead of a target curve). Past MAX_PANELS, the deeper layers'
    pre-activations go first, then layer 1's, then the contributions' own panel (the sum panel stacks
    them anyway): a 2-layer net keeps layer 1's pre-activations, a 4-layer one draws its four layers'
    activations and the sum."""
    names = Names(hidden)
    deep = len(hidden) > 1
    pre, act = {}, {}
    for layer in range(1, len(hidden) + 1):
        adds, acts = names.adds(layer), names.acts(layer)
        if deep:
            a = "x" if layer == 1 else "a"  # the layer's input: x, or the previous layer's activations
            pre_t = (f"layer {layer}: w·{a} + b", f"第 {layer} 层线性变换 w·{a} + b")
            act_t = (f"layer {layer}: act(w·{a} + b)", f"第 {layer} 层激活 act(·)")
        else:
            pre_t = ("hidden linear: w·x + b", "隐藏层线性变换 w·x + b")
            act_t = ("activations: act(w·x + b)", "激活 act(w·x + b)")
        pre[layer] = Panel(pre_t[0], tuple(adds), _colors(len(adds)), title_zh=pre_t[1])
        act[layer] = Panel(act_t[0], tuple(acts), _colors(len(acts)), title_zh=act_t[1])
    out = names.out_layer
    parts = names.muls(out)
    w = "w₂" if out == 2 else "w"
    weighted = Panel(f"weighted activations: {w}·act(·)", tuple(parts), _colors(len(parts)),
                     title_zh=f"加权激活 {w}·act(·)")
    zh = target_name_zh or target_name
    total = Panel(f"output = Σ + b vs {target_name}", (*parts, names.output),
                  (*_colors(len(parts)), OUTPUT_COLOR), target=not points, kind="sum",
                  title_zh=f"输出 = Σ + b 与 {zh}")
    dropped: set = set()
    for key in [*(("pre", layer) for layer in range(len(hidden), 0, -1)), ("weighted",)]:
        if 2 * len(hidden) + 2 - len(dropped) <= MAX_PANELS:
            break
        dropped.add(key)
    panels = [p for layer in pre for key, p in ((("pre", layer), pre[layer]), (("act", layer), act[layer]))
              if key not in dropped]
    return (*panels, *([] if ("weighted",) in dropped else [weighted]), total)
