"""The activation-function chapter: two hidden units fitting y = x² on [0, 2].

Node names, parameter order and the Fig 7 / Fig 8 initialisations are the tutorial's own. ourdl (and
with it numpy) is imported when a graph is built, not when the scenes are listed.
"""

from __future__ import annotations

import dataclasses

from scenes.base import Net, Panel, Run, Scene, Schedule
from scenes.network import ACTIVATIONS, LOSSES

__all__ = ["ACTIVATIONS", "FIG7", "FIG8", "LOSSES", "PANELS", "PARAMS", "build", "scenes"]

PARAMS = ("w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21")

FIG8 = dict(zip(PARAMS, [-0.1571950013426796, -0.1070365984042347, 0.3791639008324807,
                         0.31960284774415215, 0.4263410176300597, 0.5097967360623379,
                         0.7597168751185974]))
FIG7 = {**FIG8, "w_11": -0.4571950013426796, "w_12": -0.4070365984042347}


def build(activation: str = "LeakyRelu", loss: str = "absolute") -> Net:
    """The chapter's graph, with the tutorial's node names, in a graph of its own."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r} (choose from {', '.join(ACTIVATIONS)})")
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r} (choose from {', '.join(LOSSES)})")
    import ourdl.ops as ops
    from ourdl.core import Graph, Varrible

    act = getattr(ops, activation)
    graph = Graph()
    with graph.as_default():
        x, label = Varrible(name="x"), Varrible(name="label")
        w_11, w_12, b_11, b_12, w_21, w_22, b_21 = (Varrible(train=True, name=n) for n in PARAMS)
        mul_11 = ops.Mul(x, w_11, name="mul_11")
        mul_12 = ops.Mul(x, w_12, name="mul_12")
        add_11 = ops.Add([mul_11, b_11], name="add_11")
        add_12 = ops.Add([mul_12, b_12], name="add_12")
        relu_11 = act(add_11, name="relu_11")
        relu_12 = act(add_12, name="relu_12")
        mul_21 = ops.Mul(relu_11, w_21, name="mul_21")
        mul_22 = ops.Mul(relu_12, w_22, name="mul_22")
        add_21 = ops.Add([mul_21, mul_22, b_21], name="add_21")
        loss_node = getattr(ops, LOSSES[loss])([label, add_21], name="loss")
    return Net(graph=graph, x=x, label=label, output=add_21, loss=loss_node,
               params=(w_11, w_12, b_11, b_12, w_21, w_22, b_21))


build.hidden = (2,)  # its place in the family of scenes/network.py (build_network((2,)) is this graph)


PANELS = (
    Panel("hidden linear: w·x + b", ("add_11", "add_12"), (0, 1),
          title_zh="隐藏层线性变换 w·x + b"),
    Panel("weighted activations: w₂·act(·)", ("mul_21", "mul_22"), (0, 1),
          title_zh="加权激活 w₂·act(·)"),
    Panel("output vs x²", ("add_21",), (2,), target=True, title_zh="输出与 x²"),
)


def _label(fig: str, init: dict) -> str:
    return f"{fig}: w_11={init['w_11']:.3f}, w_12={init['w_12']:.3f}"


def scenes() -> list[Scene]:
    fig8 = Run(_label("Fig 8", FIG8), init=FIG8, data_seed=0, samples=1500)
    fig7 = Run(_label("Fig 7", FIG7), init=FIG7, data_seed=0, samples=1500)
    long = 12_000
    scenes = [
        Scene("fig8", "Fig 8: the fit the author expected; both first-layer slopes turn positive "
                      "within 1500 samples.",
              build, (fig8,), PANELS, Schedule("linear", every=10)),
        Scene("fig7", "Fig 7: a slightly steeper start that fits the other way round, and slowly "
                      f"({long} samples).",
              build, (Run(fig7.label, init=FIG7, samples=long),), PANELS,
              Schedule("dense_early", frames=300, marks=(1500,))),
        Scene("fig7_vs_fig8", "Fig 7 and Fig 8 side by side on one step timeline: two fitting "
                              "modes, very different speeds.",
              build, (Run(fig7.label, init=FIG7, samples=long), Run(fig8.label, init=FIG8, samples=long)),
              PANELS, Schedule("dense_early", frames=300, marks=(1500,))),
        Scene("relu_quadratic", "The chapter's opening animation: seeded random init "
                                "(uniform(-1, 1)), LeakyRelu, fitting x².",
              build, (Run("random init (seed 3)", init_seed=3, data_seed=0, samples=3000),),
              PANELS, Schedule("dense_early", frames=240)),
    ]
    return [dataclasses.replace(scene, losses=tuple(LOSSES)) for scene in scenes]
