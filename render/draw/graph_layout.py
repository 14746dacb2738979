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


# -- folding wide layers -------------------------------------------------------------------------------

#: a hidden layer of this many units or more is drawn folded (`fold_units`)
FOLD_AT = 8


@dataclass
class Fold:
    """What `fold_units` folds: per fold box (named `fold_L`, L the hidden layer from 1), the units it
    stands for (1-based) and the nodes it hides; `into` maps each hidden node to its box."""

    units: dict[str, list[int]]
    nodes: dict[str, list[str]]
    into: dict[str, str]


def fold_units(model: GraphModel, at: int = FOLD_AT, keep_first: int = 2) -> Fold:
    """The rule that keeps a wide graph legible: a hidden layer of `at` (8) or more units is drawn as its
    units 1 .. `keep_first` and its last unit H, with one box `fold_L` for units keep_first+1 .. H−1
    ("1, 2, ⋯, H"); narrower layers are drawn whole (an empty Fold when nothing is wide).

    A hidden unit is a one-parent op (its activation, `relu_1j`); its layer is the number of activations
    on the longest path up to it, counting itself. A folded unit hides its activation, the nodes only it
    reads from (its Add, that Add's Muls, their weights and its bias: those that are no kept activation's
    ancestor), and what reads it (the Muls of the next layer, `mul_2j`, and their weights). Units are
    ordered by the order of the graph's nodes (the family builds them by j). `folded_model` draws the result.
    """
    acts = [n for n, node in model.nodes.items() if len(node.parents) == 1 and node.role == "op"]
    level: dict[str, int] = {}

    def depth(name: str) -> int:
        if name not in level:
            node = model.nodes[name]
            up = max((depth(p) for p in node.parents), default=0)
            level[name] = up + (1 if name in acts else 0)
        return level[name]

    by_layer: dict[int, list[str]] = {}
    for a in acts:
        by_layer.setdefault(depth(a), []).append(a)

    folded = {a for units in by_layer.values() if len(units) >= at for a in units[keep_first:-1]}

    def ancestors(name: str, stop: set[str] = folded) -> set[str]:
        """What `name` reads from, not looking past a folded activation (what only it reads is its own)."""
        seen, todo = set(), list(model.nodes[name].parents)
        while todo:
            n = todo.pop()
            if n not in seen and n not in stop:
                seen.add(n)
                todo.extend(model.nodes[n].parents)
        return seen

    kept_up = set().union(*(ancestors(a) | {a} for a in acts if a not in folded))
    fold = Fold({}, {}, {})
    for layer, units in sorted(by_layer.items()):
        hidden = [a for a in units if a in folded]
        if not hidden:
            continue
        box = f"fold_{layer}"
        fold.units[box] = [units.index(a) + 1 for a in hidden]
        mine: set[str] = set()
        for a in hidden:
            mine |= {a} | {n for n in ancestors(a) if n not in kept_up and model.nodes[n].role
                           not in ("input", "label")}
            for child in model.children(a):
                weights = {p for p in model.nodes[child].parents if model.nodes[p].role == "parameter"}
                mine |= {child} | weights
        fold.nodes[box] = [n for n in model.nodes if n in mine]
        fold.into.update(dict.fromkeys(fold.nodes[box], box))
    return fold


def folded_model(model: GraphModel, fold: Fold) -> GraphModel:
    """`model` with each fold box in place of the nodes it hides: a box reads what its nodes read from
    outside it, and a kept node that read a hidden node reads the box."""
    nodes: dict[str, GNode] = {}
    boxes: dict[str, GNode] = {box: GNode(box, "fold", [], "fold") for box in fold.nodes}
    for name, node in model.nodes.items():
        box = fold.into.get(name)
        outside = [fold.into.get(p, p) for p in node.parents]
        if box is None:
            nodes[name] = GNode(name, node.kind, list(dict.fromkeys(outside)), node.role, list(node.panels),
                                node.color)
            first_of = [b for b in boxes if fold.nodes[b][0] == name]
        else:
            boxes[box].parents.extend(p for p in outside if p != box and p not in boxes[box].parents)
            first_of = [box] if fold.nodes[box][0] == name else []
        for b in first_of:  # each box where its first hidden node was, so orders stay the graph's
            nodes[b] = boxes[b]
    for b in boxes:  # a box's parameters are hidden with it: it reads only what is drawn
        boxes[b].parents = [p for p in boxes[b].parents if p in nodes or p in boxes]
    return GraphModel(model.scene, model.activation, nodes, model.panels,
                      [p for p in model.params if p not in fold.into])


def folded_layers(model: GraphModel) -> dict[str, int]:
    """`layers` of a folded model, with each fold box one column left of the first node that reads it
    (where its units' last nodes, `mul_2j`, would be), rather than one right of its inputs: the box sits
    beside what it feeds, and its long edge is the one from its inputs."""
    layer = layers(model)
    for name, node in model.nodes.items():
        if node.role == "fold":
            readers = model.children(name)
            if readers:
                layer[name] = max(layer[name], min(layer[c] for c in readers) - 1)
    return layer
