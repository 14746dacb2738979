"""The chapter's network as a family: 1 to 4 hidden layers of 1 to 32 units, built from ourdl ops only.

Names (what `render graph` draws and `--init NAME=VALUE` sets):

- One hidden layer of H <= 9 units keeps the tutorial's names: parameters in update order
  `w_11 … w_1H, b_11 … b_1H, w_21 … w_2H, b_21`; nodes `mul_1j = x·w_1j`, `add_1j = mul_1j + b_1j`,
  `relu_1j = act(add_1j)` (named `relu_` whatever the activation, as the tutorial does),
  `mul_2j = relu_1j·w_2j`, the output `add_21 = mul_21 + … + mul_2H + b_21`, and `loss`. H = 2 is
  exactly the chapter's graph (scenes.chapter.build): the same nodes, names and order.
- A network whose widest layer has 10 or more units, or with 2 or more hidden layers, separates every
  index with `_`: layer 1 has `w_1_j, b_1_j, mul_1_j, add_1_j, relu_1_j`; hidden layer l >= 2 has
  `w_l_j_i` (into unit j from unit i of layer l−1), `mul_l_j_i = relu_{l−1}_i·w_l_j_i`,
  `add_l_j = mul_l_j_1 + … + b_l_j`, `relu_l_j`; the output layer L+1 (one unit) drops its unit index in
  w and mul, as the tutorial does: `w_{L+1}_i`, `mul_{L+1}_i`, `b_{L+1}_1`, `add_{L+1}_1`.
- Update order: layer by layer, each layer's weights (by j, then i), then its biases.

Colours: unit j of a layer (0-based) takes palette index `unit_color(j)` in every panel; index 2 is the
output's (the chapter's green), so the chapter keeps its colours and the output never shares a unit's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scenes.net import Net

ACTIVATIONS = ("LeakyRelu", "Relu", "Sigmoid", "Tanh", "Step")
#: the losses the graph can end in (`--loss-fn`): the tutorial's |label − y|, or (label − y)²; the ourdl op
LOSSES = {"absolute": "ValueLoss", "squared": "SquareLoss"}

MAX_UNITS = 32
MAX_LAYERS = 4
#: the output's palette index (the chapter's green); render.record.own_graph uses the same
OUTPUT_COLOR = 2


def unit_color(j: int) -> int:
    """The palette index of unit j (0-based) of any layer: 0, 1, then 3, 4, …, skipping the output's 2."""
    return j if j < OUTPUT_COLOR else j + 1


def family_width(build: object) -> tuple[int, ...] | None:
    """The hidden widths of the network a scene's build hook makes when it is one of this family (a
    `functools.partial` of `build_network`, or the chapter's `build`, marked with its `hidden`), else None."""
    import functools

    if isinstance(build, functools.partial) and build.func is build_network:
        return tuple(build.args[0])
    hidden = getattr(build, "hidden", None)
    return tuple(hidden) if isinstance(hidden, tuple) else None


def check_hidden(hidden: tuple[int, ...]) -> tuple[int, ...]:
    """`hidden` as a tuple of ints, or ValueError (one line) when a width or the depth is out of range."""
    hidden = tuple(hidden)
    if not 1 <= len(hidden) <= MAX_LAYERS:
        raise ValueError(f"{len(hidden)} hidden layers; give 1 to {MAX_LAYERS}")
    for h in hidden:
        if isinstance(h, bool) or not isinstance(h, int) or not 1 <= h <= MAX_UNITS:
            raise ValueError(f"a hidden layer of {h!r} units; give 1 to {MAX_UNITS} units a layer")
    return hidden


def parse_hidden(text: str) -> tuple[int, ...]:
    """'3' -> (3,), '8,8' -> (8, 8); ValueError (one line) for anything else."""
    parts = [p.strip() for p in str(text).split(",")]
    if not all(re.fullmatch(r"[0-9]{1,3}", p) for p in parts):
        raise ValueError("give N or N,M,... (units per hidden layer, e.g. 3 or 8,8)")
    return check_hidden(tuple(int(p) for p in parts))


def hidden_from_params(names: list[str]) -> tuple[int, ...] | None:
    """The hidden widths of the family network whose parameters, in update order, are `names` (the inverse
    of `Names.params`), or None for any other graph: how a recording's file says which network it holds."""
    layers: dict[int, int] = {}  # layer -> its biases: b_1j / b_l_j is a bias of layer 1 / l
    for name in names:
        index = name[2:].split("_")
        if name.startswith("b_") and index[0].isdigit():
            layer = int(index[0]) if len(index) > 1 else int(index[0][:1])
            layers[layer] = layers.get(layer, 0) + 1
    hidden = tuple(layers.get(layer, 0) for layer in range(1, len(layers)))
    try:
        check_hidden(hidden)
    except ValueError:
        return None
    return hidden if Names(hidden).params() == list(names) else None


def separated(hidden: tuple[int, ...]) -> bool:
    """Whether the names separate every index with `_` (10+ units in a layer, or 2+ hidden layers)."""
    return len(hidden) > 1 or max(hidden) >= 10


@dataclass(frozen=True)
class Names:
    """Every name of one network, by layer: what the build makes and the panels draw."""

    hidden: tuple[int, ...]

    def _name(self, kind: str, layer: int, *index: int) -> str:
        if separated(self.hidden):
            return "_".join([kind, str(layer), *map(str, index)])
        return f"{kind}_{layer}{''.join(map(str, index))}"

    @property
    def out_layer(self) -> int:
        return len(self.hidden) + 1

    def weights(self, layer: int) -> list[str]:
        """Layer `layer`'s weights, in update order (by unit j, then its input i)."""
        if layer == self.out_layer:
            return [self._name("w", layer, i) for i in range(1, self.hidden[-1] + 1)]
        if layer == 1:
            return [self._name("w", 1, j) for j in range(1, self.hidden[0] + 1)]
        return [self._name("w", layer, j, i) for j in range(1, self.hidden[layer - 1] + 1)
                for i in range(1, self.hidden[layer - 2] + 1)]

    def muls(self, layer: int) -> list[str]:
        return ["mul" + w[1:] for w in self.weights(layer)]

    def biases(self, layer: int) -> list[str]:
        units = 1 if layer == self.out_layer else self.hidden[layer - 1]
        return [self._name("b", layer, j) for j in range(1, units + 1)]

    def adds(self, layer: int) -> list[str]:
        return ["add" + b[1:] for b in self.biases(layer)]

    def acts(self, layer: int) -> list[str]:
        return ["relu" + b[1:] for b in self.biases(layer)]

    @property
    def output(self) -> str:
        return self.adds(self.out_layer)[0]

    def params(self) -> list[str]:
        """Every parameter, in update order."""
        return [n for layer in range(1, self.out_layer + 1) for n in self.weights(layer) + self.biases(layer)]

    def roles(self) -> dict[str, tuple]:
        """name -> its role, the same in every network of the family that has it: ("w"|"b", layer, unit,
        input), the output layer's layer given as "out" (so the chapter's w_21 is the output weight from
        unit 1 of the last hidden layer in any depth)."""
        roles: dict[str, tuple] = {}
        for layer in range(1, self.out_layer + 1):
            key = "out" if layer == self.out_layer else layer
            fan_in = self.hidden[layer - 2] if layer > 1 else 1
            for k, w in enumerate(self.weights(layer)):
                j, i = (1, k + 1) if layer == self.out_layer else divmod(k, fan_in)
                roles[w] = ("w", key, j, i) if layer == self.out_layer else ("w", key, j + 1, i + 1)
            for j, b in enumerate(self.biases(layer)):
                roles[b] = ("b", key, j + 1)
        return roles


def translate(values: dict[str, float], source: tuple[int, ...], target: tuple[int, ...]) -> dict[str, float]:
    """Parameter values of network `source` renamed for network `target`, by role (the chapter's w_11 is
    layer 1's w_1_1 in a separated net; its w_21, b_21 the output layer's); values of parameters `target`
    has no place for are left out."""
    roles = Names(source).roles()
    by_role = {role: name for name, role in Names(target).roles().items()}
    out = {}
    for name, value in values.items():
        role = roles.get(name)
        if role in by_role:
            out[by_role[role]] = value
    return out


def build_network(hidden: tuple[int, ...], activation: str = "LeakyRelu", loss: str = "absolute") -> Net:
    """A fresh graph of the family (see the module's docstring for names and order); `hidden` = (2,) is
    the chapter's graph node for node."""
    hidden = check_hidden(hidden)
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r} (choose from {', '.join(ACTIVATIONS)})")
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r} (choose from {', '.join(LOSSES)})")
    import ourdl.ops as ops
    from ourdl.core import Graph, Varrible

    act = getattr(ops, activation)
    names = Names(hidden)
    graph = Graph()
    with graph.as_default():
        x, label = Varrible(name="x"), Varrible(name="label")
        params = {n: Varrible(train=True, name=n) for n in names.params()}
        inputs = [x]  # the previous layer's activations
        for layer in range(1, names.out_layer + 1):
            ws, bs = names.weights(layer), names.biases(layer)
            fan_in = len(inputs)
            muls = [ops.Mul(inputs[k % fan_in] if layer > 1 else x, params[w], name=m)
                    for k, (w, m) in enumerate(zip(ws, names.muls(layer)))]
            per_unit = len(muls) // len(bs)
            adds = [ops.Add([*muls[j * per_unit:(j + 1) * per_unit], params[b]], name=a)
                    for j, (b, a) in enumerate(zip(bs, names.adds(layer)))]
            if layer == names.out_layer:
                output = adds[0]
            else:
                inputs = [act(a, name=n) for a, n in zip(adds, names.acts(layer))]
        loss_node = getattr(ops, LOSSES[loss])([label, output], name="loss")
    return Net(graph=graph, x=x, label=label, output=output, loss=loss_node,
               params=tuple(params[n] for n in names.params()))
