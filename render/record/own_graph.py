"""A graph the user built by hand, read for `Recorder`: its nodes in order, readable names, default panels.

Nothing here changes the user's nodes: names live in a dict until a snapshot is written (and are put back
afterwards), and panels are inferred from the graph's shape alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ourdl.core import Node
from ourdl.ops import LossFunction, Mul
from scenes import Panel
from scenes.network import OUTPUT_COLOR, unit_color


def ancestors(top: Node) -> set[Node]:
    """`top` and every node it depends on."""
    seen, todo = set(), [top]
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(n.parents)
    return seen


def in_order(nodes: set[Node], graph_nodes: Sequence[Node]) -> list[Node]:
    """`nodes` in creation order (their graph's), or parents-first when they span several graphs."""
    index = {n: i for i, n in enumerate(graph_nodes)}
    if all(n in index for n in nodes):
        return sorted(nodes, key=index.__getitem__)
    done: list[Node] = []

    def visit(n: Node) -> None:
        if n not in done:
            for p in n.parents:
                visit(p)
            done.append(n)

    for n in sorted(nodes, key=lambda n: index.get(n, len(index))):
        visit(n)
    return [n for n in done if n in nodes]


def readable_names(nodes: Sequence[Node], variables: Iterable[tuple[str, object]]) -> dict[Node, str]:
    """A unique name per node: its own `name=`, else the first name `variables` (the caller's locals, then
    globals, in the order they were bound) give it, `ws[0]` for an item of a list `ws`, else its kind and
    order (`add_1`). First bound wins, so a later loop variable (`for w in ws`) does not rename a node."""
    bound: dict[Node, str] = {}
    for var, value in variables:
        if var.startswith("_"):
            continue
        if isinstance(value, Node):
            bound.setdefault(value, var)
        elif isinstance(value, (list, tuple)) and len(value) <= 10_000:
            for i, item in enumerate(value):
                if isinstance(item, Node):
                    bound.setdefault(item, f"{var}[{i}]")
    names: dict[Node, str] = {}
    taken: set[str] = set()

    def claim(node: Node, base: str) -> None:
        name, k = base, 2
        while name in taken:
            name, k = f"{base}_{k}", k + 1
        names[node] = name
        taken.add(name)

    for n in nodes:
        if n.name or n in bound:
            claim(n, n.name or bound[n])
    counts: Counter[str] = Counter()
    for n in nodes:
        if n not in names:
            kind = type(n).__name__.lower()
            counts[kind] += 1
            claim(n, f"{kind}_{counts[kind]}")
    return names


def activations(recorded: Sequence[Node], feeds_output: set[Node], output: Node) -> list[Node]:
    """The hidden units: one-parent ops (Relu, Tanh, a user's own, ...) on the way to the output."""
    return [n for n in recorded if len(n.parents) == 1 and n is not output and n in feeds_output
            and not isinstance(n, LossFunction)]


def infer_panels(recorded: Sequence[Node], output: Node, names: Mapping[Node, str],
                 target_name: str) -> list[Panel]:
    """The chapter's three panels for any layered graph: each hidden layer's pre-activations (the
    activations' inputs), the last layer's weighted activations (its `Mul` children on the way to the
    output; the activations themselves when there are none), and the output against the target. A hidden
    unit keeps its colour in every panel: unit i of a layer takes `unit_color(i)`, as the chapter's family
    does, so no unit takes the output's."""
    feeds_output = ancestors(output)
    units = activations(recorded, feeds_output, output)
    depth: dict[Node, int] = {}
    for n in recorded:  # parents first: `recorded` is in creation order
        depth[n] = max((depth.get(p, 0) for p in n.parents), default=0) + (n in units)
    layers = sorted({depth[u] for u in units})
    panels = []
    for d in layers:
        layer = [u for u in units if depth[u] == d]
        title = (("pre-activations", "激活前的值") if len(layers) == 1
                 else (f"layer {d}: pre-activations", f"第 {d} 层激活前的值"))
        panels.append(_panel(title, [(u.parents[0], unit_color(i)) for i, u in enumerate(layer)], names))
    if layers:
        last = [u for u in units if depth[u] == layers[-1]]
        weighted = [(c, unit_color(i)) for i, u in enumerate(last) for c in u.children
                    if isinstance(c, Mul) and c in feeds_output and c is not output]
        if weighted:
            panels.append(_panel(("weighted activations", "加权激活"), weighted, names))
        else:
            panels.append(_panel(("activations", "激活值"), [(u, unit_color(i)) for i, u in enumerate(last)],
                                 names))
    panels.append(Panel(f"output vs {target_name}", (names[output],), (OUTPUT_COLOR,), target=True,
                        title_zh=f"输出与 {target_name}"))
    return panels


def _panel(title: tuple[str, str], members: list[tuple[Node, int]], names: Mapping[Node, str]) -> Panel:
    unique = list({n: c for n, c in reversed(members)}.items())[::-1]  # first colour of each node wins
    return Panel(title[0], tuple(names[n] for n, _ in unique), tuple(c for _, c in unique), title_zh=title[1])


def given_panels(panels: Sequence, recorded: Sequence[Node], output: Node,
                 names: Mapping[Node, str]) -> list[Panel]:
    """The user's panels: `scenes.Panel`s, or lists of nodes / node names (titled by their names,
    coloured in order, with the target when the output is among them). Unknown nodes raise ValueError."""
    by_name = {names[n]: n for n in recorded}
    result = []
    for panel in panels:
        if isinstance(panel, (str, Node)) or not isinstance(panel, (Panel, Iterable)):
            raise ValueError(f"panels: {panel!r} is not a list of nodes; give e.g. "
                             f"panels=[[add_11, add_12], [add_21]]")
        given = list(panel.nodes) if isinstance(panel, Panel) else list(panel)
        chosen = [names.get(n) if isinstance(n, Node) else n for n in given]
        unknown = [repr(g) for g, c in zip(given, chosen) if c not in by_name]
        if unknown or not chosen:
            raise ValueError(f"panels: {', '.join(unknown) or 'an empty panel'}: not a node the output "
                             f"depends on (recorded: {', '.join(by_name)})")
        result.append(panel if isinstance(panel, Panel) else Panel(
            ", ".join(chosen), tuple(chosen), tuple(range(len(chosen))), target=names[output] in chosen))
    return result
