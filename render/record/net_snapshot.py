"""What a snapshot takes from one net: its nodes named, its graph described, every node's curve at a moment.

The scene recorder (runs), the sweeps, the surface panel and a user's `Recorder` all read their nets
through here, and all stop a run at the same bound (BLOWUP). numpy only, like all of render.record.
"""

from __future__ import annotations

import numpy as np

from scenes import Net

#: A parameter beyond this is taken as divergence: the grid's curves would overflow float64 soon.
BLOWUP = 1e100

#: the modules of ourdl's own ops: a node of a class defined anywhere else is a user's, whatever its name
BUILTIN_MODULES = ("ourdl.ops.ops", "ourdl.ops.loss")


def name_nodes(net: Net) -> None:
    """Give every unnamed node a name, `kind_index`, so snapshots and reports can refer to it."""
    for i, node in enumerate(net.graph.nodes):
        if node.name is None:
            node.name = f"{type(node).__name__.lower()}_{i}"


def builtin(node) -> bool:
    """Whether `node` is one of ourdl's own ops (a user's class named `Add` is not)."""
    return type(node).__module__ in BUILTIN_MODULES


def graph_meta(net: Net) -> dict:
    """What a snapshot says about the graph: the recorded nodes (those with parents, in the `curves`
    axis order), the parameters in update order, and which nodes are input, output, label and loss.
    A node of a user's own class says `"builtin": false`, so pages never take it for ourdl's op of the
    same name."""
    name_nodes(net)
    nodes = [{"name": n.name, "kind": type(n).__name__, "parents": [p.name for p in n.parents],
              **({} if builtin(n) else {"builtin": False})}
             for n in net.graph.nodes if n.parents]
    return {"nodes": nodes, "params": [p.name for p in net.params], "input": net.x.name,
            "output": net.output.name, "label": net.label.name, "loss": net.loss.name}


def frozen_nodes(graph: dict, frozen: set[str]) -> list[str]:
    """The recorded nodes (of `graph_meta`'s description) that only frozen parameters reach: they never
    change, and a run that froze a unit at 0 does not draw them (a narrower net in a wider graph)."""
    params, reach = set(graph["params"]), {}
    for node in graph["nodes"]:  # parents first
        reach[node["name"]] = set().union(*({p} if p in params else reach.get(p, set())
                                             for p in node["parents"]))
    return [n for n, ps in reach.items() if ps and ps <= frozen]


def _evaluate(net: Net, nodes: list, grid: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Every recorded node's curve over the grid, from one vectorised forward pass."""
    net.graph.clear()
    net.x.set_value(grid)
    net.label.set_value(target)
    curves = np.empty((len(nodes), grid.size))
    for i, node in enumerate(nodes):
        value = node.value if node.value is not None else node.forward()
        curves[i] = np.broadcast_to(value, grid.shape)
    net.graph.clear()
    return curves


def snapshot_row(net: Net, nodes: list, grid: np.ndarray, target: np.ndarray, in_range: np.ndarray,
                 points: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, list, float]:
    """One snapshot of a net as it stands: every recorded node's curve over the grid, the parameters, and
    the evaluation loss: mean |output − target| on the grid points in the data range, or, given `points`
    (xs, ys: a scene's data points, `Scene.eval_set`), mean |output(x_k) − y_k| over them. The scene
    recorder and `render.record.recorder.Recorder` (a user's own loop) both take their snapshots here."""
    curves = _evaluate(net, nodes, grid, target)
    if points is None:
        out = curves[nodes.index(net.output)]
        return curves, [p.value for p in net.params], np.mean(np.abs(out[in_range] - target[in_range]))
    return curves, [p.value for p in net.params], output_loss(net, *points)


def output_loss(net: Net, xs: np.ndarray, ys: np.ndarray) -> float:
    """Mean |output(x_k) − y_k| over the points (xs, ys), from one forward pass of the output."""
    net.graph.clear()
    net.x.set_value(xs)
    try:
        return float(np.mean(np.abs(np.broadcast_to(net.output.forward(), xs.shape) - ys)))
    finally:
        net.graph.clear()
