"""The computation graph of a scene as a model to draw, and its layered layout, in plain Python.

The layout is layered by depth, left to right: an op sits one column right of its deepest parent, and a
leaf one column left of its first consumer, so every parameter sits next to the op that uses it. Orders
within a column come from barycentre sweeps (few crossings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scenes import Scene


@dataclass
class GNode:
    name: str
    kind: str  # the op's class name, or "input" / "label" / "parameter" / "leaf" for leaves
    parents: list[str]
    role: str = "op"  # op, input, label, parameter, leaf, output, loss
    panels: list[int] = field(default_factory=list)  # 1-based panel numbers that draw it
    color: int | None = None  # palette index from its (first) panel


@dataclass
class GraphModel:
    scene: str
    activation: str
    nodes: dict[str, GNode]
    panels: list[str]  # panel titles, in order
    params: list[str]  # trainable parameters, in update order

    def children(self, name: str) -> list[str]:
        return [n.name for n in self.nodes.values() if name in n.parents]


def graph_model(scene: Scene) -> GraphModel:
    """The scene's graph as built by its build hook, with roles and panel colours attached."""
    from render.record.runs import name_nodes

    net = scene.net()
    name_nodes(net)
    params = {id(p) for p in net.params}
    roles = {id(net.x): "input", id(net.label): "label", id(net.output): "output", id(net.loss): "loss"}
    nodes: dict[str, GNode] = {}
    for node in net.graph.nodes:
        if node.parents:
            kind, role = type(node).__name__, roles.get(id(node), "op")
        elif id(node) in params or getattr(node, "train", False):
            kind, role = "parameter", "parameter"
        else:
            role = roles.get(id(node), "leaf")
            kind = role
        nodes[node.name] = GNode(node.name, kind, [p.name for p in node.parents], role)
    for i, panel in enumerate(scene.panels, start=1):
        for name, color in zip(panel.nodes, panel.colors):
            if name in nodes:
                nodes[name].panels.append(i)
                if nodes[name].color is None:
                    nodes[name].color = color
    return GraphModel(scene.name, scene.activation, nodes, [p.title for p in scene.panels],
                      [p.name for p in net.params])


# -- layout --------------------------------------------------------------------------------------------

def layers(model: GraphModel) -> dict[str, int]:
    """Column of each node: ops one right of their deepest parent; leaves one left of their first child."""
    depth: dict[str, int] = {}

    def of(name: str) -> int:
        if name not in depth:
            parents = model.nodes[name].parents
            depth[name] = 1 + max(of(p) for p in parents) if parents else 0
        return depth[name]

    for name in model.nodes:
        of(name)
    for name, node in model.nodes.items():
        children = model.children(name)
        if not node.parents and children:
            depth[name] = max(0, min(depth[c] for c in children) - 1)
    lowest = min(depth.values(), default=0)
    return {n: d - lowest for n, d in depth.items()}


def order(model: GraphModel, layer: dict[str, int], sweeps: int = 8) -> list[list[str]]:
    """Nodes per column, ordered by barycentre sweeps to keep edges from crossing."""
    n_cols = max(layer.values(), default=0) + 1
    cols = [[n for n in model.nodes if layer[n] == c] for c in range(n_cols)]
    neighbours = {n: model.nodes[n].parents + model.children(n) for n in model.nodes}

    def place(col: list[str], pos: dict[str, float]) -> list[str]:
        def key(item: tuple[int, str]) -> float:
            i, n = item
            near = [pos[m] for m in neighbours[n] if m in pos and layer[m] != layer[n]]
            return sum(near) / len(near) if near else pos.get(n, i)

        return [n for _, n in sorted(enumerate(col), key=key)]

    def positions() -> dict[str, float]:
        return {n: i - (len(col) - 1) / 2 for col in cols for i, n in enumerate(col)}

    for sweep in range(sweeps):
        indices = range(1, n_cols) if sweep % 2 == 0 else range(n_cols - 2, -1, -1)
        for c in indices:
            cols[c] = place(cols[c], positions())
    return cols


def coordinates(model: GraphModel, cols: list[list[str]], dx: float = 1.9,
                dy: float = 1.0) -> dict[str, tuple[float, float]]:
    """x by column; y from each node's neighbours' barycentre, then pushed apart to `dy`."""
    y: dict[str, float] = {n: -(i - (len(col) - 1) / 2) * dy for col in cols for i, n in enumerate(col)}
    for _ in range(4):
        for col in cols:
            wanted = []
            for n in col:
                near = [y[m] for m in model.nodes[n].parents + model.children(n) if m not in col]
                wanted.append(sum(near) / len(near) if near else y[n])
            ys = _spread(wanted, dy)
            y.update(zip(col, ys))
    return {n: (c * dx, y[n]) for c, col in enumerate(cols) for n in col}


def _spread(wanted: list[float], gap: float) -> list[float]:
    """Positions as close to `wanted` as possible, in the given (top to bottom) order, >= gap apart."""
    ys = list(wanted)
    for i in range(1, len(ys)):  # top to bottom: y decreases
        ys[i] = min(ys[i], ys[i - 1] - gap)
    shift = (sum(wanted) - sum(ys)) / len(ys) if ys else 0.0  # keep the column centred on its wishes
    return [v + shift for v in ys]


# -- drawing -------------------------------------------------------------------------------------------
