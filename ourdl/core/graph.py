"""The graph: every node created while it is the default joins it; the tutorial's training helpers.

`set_nodes` names the inputs, outputs, loss and label; `forward(x, label)`, `backward(lr)`, `clear()`
and `predict(x)` then train and use the network without naming nodes again, as the series' later
chapters do.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from ourdl.core.node import Node

Value = Any


class Graph:
    """Holds the nodes created while it is the default graph, and the tutorial's training helpers."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.nodes_in: list[Node] = []
        self.nodes_out: list[Node] = []
        self.node_loss: Node | None = None
        self.node_label: Node | None = None

    def add_node(self, node: Node) -> None:
        self.nodes.append(node)

    def params(self) -> list[Node]:
        """The trainable nodes, in the order they were created (the tutorial's update order)."""
        return [n for n in self.nodes if n.train]

    def init_params(self, rng: np.random.Generator | None = None) -> None:
        """Give every trainable node a value uniform in [-0.5, 0.5]: from Python's `random`, as the
        tutorial does (so `random.seed` makes it repeatable), or from the numpy Generator `rng`."""
        for node in self.params():
            node.set_value(random.uniform(-0.5, 0.5) if rng is None else float(rng.uniform(-0.5, 0.5)))

    def set_nodes(self, nodes_in: Sequence[Node], nodes_out: Sequence[Node], node_loss: Node,
                  node_label: Node) -> None:
        self.nodes_in = nodes_in if isinstance(nodes_in, list) else list(nodes_in)
        self.nodes_out = nodes_out if isinstance(nodes_out, list) else list(nodes_out)
        self.node_loss, self.node_label = node_loss, node_label

    def _set_inputs(self, x: Value) -> None:
        """One value per input node from a list, tuple or 1-d array (the tutorial passes lists). With a
        single input, anything but a one-item list/tuple is the value itself: a float, or an array of
        points to evaluate at once."""
        n = len(self.nodes_in)
        if n == 0:
            raise ValueError("the graph has no input nodes: call set_nodes() first")
        if n == 1 and not isinstance(x, (list, tuple)):
            values = [x]
        else:
            values = list(x)
            if len(values) != n:
                raise ValueError(f"expected {n} input value{'s' if n > 1 else ''}, got {len(values)}")
        for node, v in zip(self.nodes_in, values):
            node.set_value(v)

    def forward(self, x: Value, label: Value) -> Value:
        """Set the inputs and the label, compute the loss and return it. Values left by an earlier
        forward or predict are cleared first, so a step never reuses them."""
        self.clear()
        self._set_inputs(x)
        self.node_label.set_value(label)
        return self.node_loss.forward()

    def backward(self, lr: Value = 0.0001) -> None:
        """For every trainable node in creation order, its gradient then one step; values and grads stay
        until `clear()`, as in the tutorial. A simultaneous update (as PyTorch's SGD) only when the
        parameters nearest the input were created first, as when a network is built from the input up:
        `ourdl.core.train_step` says why, and which order is not."""
        for node in self.params():
            node.get_grad()
            node.update(lr)

    def clear(self) -> None:
        """Forget every grad, and the value of every node that has parents."""
        for node in self.nodes:
            node.grad = None
            if node.parents:
                node.value = None

    def predict(self, x: Value) -> list[Value]:
        """The outputs' values for the inputs `x`, as a list (one per output node); they stay in the
        nodes until the next clear."""
        self.clear()
        self._set_inputs(x)
        return [node.forward() for node in self.nodes_out]

    @contextmanager
    def as_default(self) -> Iterator[Graph]:
        """Make nodes created inside the block join this graph instead of the global one."""
        global default_graph
        previous, default_graph = default_graph, self
        try:
            yield self
        finally:
            default_graph = previous


#: the graph nodes join when created; `Graph.as_default()` rebinds it for a block. The name
#: `ourdl.core.default_graph` (what the tutorial imports) always means the global one.
default_graph = Graph()
