"""A scene of your own: the chapter's network with Tanh hidden units, written out in full.

Render it like a built-in scene, from the repository root:

    render scene examples/tanh_net.py:tanh_net
    render scene examples/tanh_net.py:tanh_net --steps 3000 --format mp4 --embed md
    render record examples/tanh_net.py:tanh_random -o tanh.npz
    render graph examples/tanh_net.py:tanh_net

The scene API, in four parts (all in `scenes`, the same classes the built-in scenes use):

1. A build function `build(activation) -> Net`: makes the graph with ourdl, exactly as the tutorial
   writes it, in a `Graph` of its own, and says which nodes are the input `x`, the `label`, the
   `output`, the `loss`, and the trainable parameters in update order. Give every node the name the
   panels and the graph diagram should use. It gets the scene's `activation` (a name; `--activation`
   overrides it) and may ignore it.
2. `Run`s: where each run starts (`init=` explicit values by parameter name, or `init_seed=` for
   uniform(-1, 1)), its data seed, its number of samples and its learning rate. Several runs share one
   step timeline and are drawn as rows.
3. `Panel`s: which nodes each panel draws; `colors` index the theme's palette, so a hidden unit keeps
   its colour in every panel; `target=True` adds the target curve (x²).
4. A `Schedule`: `linear` (a snapshot every N samples) or `dense_early` (more frames early on).

Put the `Scene` at module level (the name after the colon is the variable's name or the scene's
`name`), or call `scenes.register(scene)`. The file runs like any Python module: import what you need.
"""

from __future__ import annotations

from ourdl.core import Graph, Varrible
from ourdl.ops import Add, LeakyRelu, Mul, Tanh
from ourdl.ops.loss import ValueLoss
from scenes import Net, Panel, Run, Scene, Schedule
from scenes.chapter import FIG8

ACTIVATIONS = {"Tanh": Tanh, "LeakyRelu": LeakyRelu}


def build(activation: str = "Tanh") -> Net:
    """The chapter's 1-2-1 network; the hidden activation is Tanh unless the scene says otherwise."""
    act = ACTIVATIONS[activation]
    graph = Graph()
    with graph.as_default():  # every node created here joins `graph`
        x, label = Varrible(name="x"), Varrible(name="label")
        w_11, w_12 = Varrible(train=True, name="w_11"), Varrible(train=True, name="w_12")
        b_11, b_12 = Varrible(train=True, name="b_11"), Varrible(train=True, name="b_12")
        w_21, w_22 = Varrible(train=True, name="w_21"), Varrible(train=True, name="w_22")
        b_21 = Varrible(train=True, name="b_21")
        add_11 = Add([Mul(x, w_11, name="mul_11"), b_11], name="add_11")
        add_12 = Add([Mul(parent1=x, parent2=w_12, name="mul_12"), b_12], name="add_12")
        tanh_11, tanh_12 = act(add_11, name="tanh_11"), act(add_12, name="tanh_12")
        mul_21, mul_22 = Mul(tanh_11, w_21, name="mul_21"), Mul(tanh_12, w_22, name="mul_22")
        add_21 = Add([mul_21, mul_22, b_21], name="add_21")
        loss = ValueLoss([label, add_21], name="loss")
    return Net(graph=graph, x=x, label=label, output=add_21, loss=loss,
               params=(w_11, w_12, b_11, b_12, w_21, w_22, b_21))


PANELS = (
    Panel("hidden linear: w·x + b", ("add_11", "add_12"), (0, 1)),
    Panel("tanh units, weighted: w₂·tanh(·)", ("mul_21", "mul_22"), (0, 1)),
    Panel("output vs x²", ("add_21",), (2,), target=True),
)

tanh_net = Scene(
    name="tanh_net",
    description="The chapter's network with Tanh hidden units, from Fig 8's initialisation.",
    build=build,
    runs=(Run("Tanh, Fig 8's init", init=FIG8, data_seed=0, samples=3000, lr=0.01),),
    panels=PANELS,
    schedule=Schedule("dense_early", frames=200),
    activation="Tanh",
)

tanh_random = Scene(
    name="tanh_random",
    description="Tanh hidden units from a seeded random initialisation, uniform(-1, 1).",
    build=build,
    runs=(Run("Tanh, random init (seed 3)", init_seed=3, data_seed=0, samples=3000),),
    panels=PANELS,
    schedule=Schedule("dense_early", frames=200),
    activation="Tanh",
)
