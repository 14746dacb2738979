"""The series' earlier chapter: the adaptive linear unit (adaline) learning y = 2x + 1.

Two scenes, each built the way its example in the tutorial builds it:

- `adaline`: the chapter's script. A `Mul` and an `Add` (w·x + b) and `ValueLoss`, w and b from 0,
  1000 samples x ~ uniform(−10, 10), a learning rate per parameter: 0.05 for w, 0.1 for b.
- `adaline_graph`: the rewrite with the graph API: `Add(Mul([x, w]), b)`, `ValueLoss(label, add)` and
  `default_graph.set_nodes(...)` (here on the scene's own graph, made the default while it is built), so
  `graph.forward / backward(lr) / clear` train it; init as `init_params` (uniform(−0.5, 0.5)), one lr.

Their panels: the samples with the line moving through them ("data"), the path of (w, b) over the mean
loss ("surface"), and the loss over time.
"""

from __future__ import annotations

from scenes.base import Net, Panel, Run, Scene, Schedule
from scenes.chapter import LOSSES

TARGET_NAME = "(2x + 1)"  # bracketed, so the caption's |y − (2x + 1)| reads right


def line(x):
    """The target the chapter's unit learns: y = 2x + 1."""
    return 2 * x + 1


def build(activation: str | None = None, loss: str = "absolute") -> Net:
    """The chapter's script: its nodes in its order, `Mul(parent1=x, parent2=w)` and the rest, with the
    tutorial's names; a graph of its own. There is no activation (the scene's is None). `loss` is one of
    `scenes.chapter.LOSSES`, as for the chapter's graph (the lab trains the adaline with either)."""
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r} (choose from {', '.join(LOSSES)})")
    import ourdl.ops as ops
    from ourdl.core import Graph, Varrible
    from ourdl.ops import Add, Mul

    graph = Graph()
    with graph.as_default():
        x = Varrible(name="x")
        w = Varrible(train=True, name="w")
        mul = Mul(parent1=x, parent2=w, name="mul")
        b = Varrible(train=True, name="b")
        add = Add(parent1=mul, parent2=b, name="add")
        label = Varrible(name="label")
        loss_node = getattr(ops, LOSSES[loss])(parent1=label, parent2=add, name="loss")
    return Net(graph=graph, x=x, label=label, output=add, loss=loss_node, params=(w, b))


def build_graph(activation: str | None = None) -> Net:
    """The graph-API rewrite: `Add(Mul([x, w]), b)` and `set_nodes` on the default graph, which is the
    scene's own Graph while the block runs, so `graph.forward([x], label)`, `graph.backward(lr)` and
    `graph.clear()` train exactly this net."""
    from ourdl.core import Graph, Varrible
    from ourdl.ops import Add, Mul
    from ourdl.ops.loss import ValueLoss

    with Graph().as_default() as default_graph:
        x = Varrible(name="x")
        w = Varrible(train=True, name="w")
        b = Varrible(train=True, name="b")
        add = Add(Mul([x, w], name="mul"), b, name="add")
        label = Varrible(name="label")
        loss = ValueLoss(label, add, name="loss")
        default_graph.set_nodes(nodes_in=[x], nodes_out=[add], node_loss=loss, node_label=label)
    return Net(graph=default_graph, x=x, label=label, output=add, loss=loss, params=(w, b))


PANELS = (
    Panel("samples and the line w·x + b", ("add",), (0,), target=True, kind="data", window=10,
          title_zh="样本与直线 w·x + b"),
    Panel("mean loss over (w, b); the path of (w, b)", kind="surface", params=("w", "b"),
          extent=(-0.5, 3.5, -1.0, 3.0), mesh=81, title_zh="(w, b) 上的平均损失与 (w, b) 的路径"),
)

SCHEDULE = Schedule("dense_early", frames=240, power=1.5)
COMMON = dict(panels=PANELS, schedule=SCHEDULE, activation=None, target=line, target_name=TARGET_NAME,
              data_range=(-10.0, 10.0), x_range=(-12.0, 12.0))

#: the graph-API rewrite's run: `init_params` draws uniform(−0.5, 0.5); seeded here for a repeatable scene
GRAPH_SEED = 1
GRAPH_LR = 0.01


def scenes() -> list[Scene]:
    # labels say where a run starts, not its rates: `--lr` replaces those and would leave a label stale
    adaline = Run("adaline: w = b = 0", init={"w": 0.0, "b": 0.0}, data_seed=0, samples=1000, lr=0.05,
                  lrs={"w": 0.05, "b": 0.1})
    graph_run = Run(f"graph API: init_params (seed {GRAPH_SEED})", init_seed=GRAPH_SEED,
                    init_range=(-0.5, 0.5), data_seed=0, samples=1000, lr=GRAPH_LR)
    return [
        Scene("adaline", "The series' adaptive linear unit: w·x + b learns y = 2x + 1 from uniform(−10, 10) "
                         "samples with ValueLoss, lr 0.05 for w and 0.1 for b. The loss well is narrow along "
                         "w (|x| reaches 10) and long along b: w lands in a few samples, b walks in steps of "
                         "0.1. Per-sample SGD on an absolute loss never settles: the line and the path keep "
                         "jittering around (2, 1).",
              build, (adaline,), **COMMON),
        Scene("adaline_graph", "The adaline rewritten with the graph API (set_nodes, forward, backward, "
                               "clear): init_params' uniform(−0.5, 0.5) start and one lr, "
                               f"{GRAPH_LR:g}, for both: a slower approach than the adaline's, a tighter "
                               "jitter at the end.",
              build_graph, (graph_run,), **COMMON),
    ]
