"""Nodes and graphs, with the tutorial's API: parents/children, forward, get_grad, update, clear.

Each op defines its value from its parents' values (`compute`) and its derivative with respect to one
parent (`local_grad`); everything else (the chain rule, caching, updates) lives here, once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

Value = Any  # a Python float (scalar path) or a numpy array (curves, lockstep runs)


def reduce_to(grad: Value, like: Value) -> Value:
    """Sum `grad` over the axes along which `like` was broadcast, so it matches `like`'s shape."""
    if not isinstance(grad, np.ndarray):
        return grad
    shape = np.shape(like)
    if grad.shape == shape:
        return grad
    if shape == ():
        return float(grad.sum()) if isinstance(like, float) else grad.sum()
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad


class Node:
    """A node of the graph: knows its parents and children, caches its value and its gradient.

    Parents may be given as a list (`Add([a, b, c])`), positionally (`Add(a, b)`) or with the
    tutorial's older keywords (`Mul(parent1=x, parent2=w)`).
    """

    def __init__(self, *parents: Node | Sequence[Node], graph: Graph | None = None,
                 name: str | None = None, **kw: Node) -> None:
        if len(parents) == 1 and isinstance(parents[0], (list, tuple)):
            parents = tuple(parents[0])
        keyed = [kw.pop(k) for k in sorted((k for k in kw if k.startswith("parent")),
                                           key=lambda k: int(k[6:] or 0))]
        if kw:
            raise TypeError(f"{type(self).__name__}() got unexpected arguments {sorted(kw)}")
        self.parents: list[Node] = list(parents) + keyed
        for p in self.parents:
            if not isinstance(p, Node):
                raise TypeError(f"{type(self).__name__}(): parent {p!r} is not a node")
        self.children: list[Node] = []
        self._edges: list[tuple[Node, int]] = []  # (child, position of self among its parents)
        for i, p in enumerate(self.parents):
            p.children.append(self)
            p._edges.append((self, i))
        self.value: Value = None
        self.grad: Value = None
        self.name = name
        self.graph = graph if graph is not None else default_graph
        self.graph.add_node(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name or hex(id(self))})"

    def set_value(self, value: Value) -> None:
        self.value = value

    def compute(self, *values: Value) -> Value:
        raise NotImplementedError

    def local_grad(self, index: int) -> Value:
        """d(self)/d(parents[index]), from the values cached by the last forward."""
        raise NotImplementedError

    def forward(self) -> Value:
        """Compute this node's value, first computing any parent whose value is None."""
        for p in self.parents:
            if p.value is None:
                p.forward()
        self.value = self.compute(*[p.value for p in self.parents])
        return self.value

    def get_grad(self) -> Value:
        """d(final node)/d(self) by the chain rule over the children; cached in `.grad`."""
        if self.grad is None:
            if not self.children:
                # d(out)/d(out) = 1, shaped like the value: an array output stands for the sum of its
                # elements, so every grad below keeps its node's full shape before being reduced
                value = self.value
                self.grad = np.ones_like(value, dtype=float) if isinstance(value, np.ndarray) else 1.0
            else:
                grad: Value = 0.0
                for child, i in self._edges:  # a child using us twice contributes twice
                    # not `+=`: contributions of different (broadcast) shapes must not be added in place
                    grad = grad + child.get_grad() * child.local_grad(i)
                self.grad = reduce_to(grad, self.value)
        return self.grad

    def update(self, lr: Value) -> None:
        """One gradient step: value -= lr * grad (a new object, so callers' arrays are not mutated)."""
        self.value = self.value - lr * self.grad

    def clear(self) -> None:
        """Forget grads, and the values of every node that has parents, recursively up the graph."""
        self.grad = None
        if self.parents:
            self.value = None
        for p in self.parents:
            p.clear()


class Variable(Node):
    """A leaf: the input, a label, or (with `train=True`) a trainable parameter."""

    def __init__(self, value: Value = None, train: bool = False, graph: Graph | None = None,
                 name: str | None = None) -> None:
        super().__init__(graph=graph, name=name)
        self.train = train
        self.value = value

    def forward(self) -> Value:
        return self.value


Varrible = Variable  # the tutorial's spelling


def train_step(loss: Node, params: Sequence[Node], lrs: Sequence[Value]) -> Value:
    """One step of the tutorial's loop, once the input and label are set: forward the loss, then for each
    parameter in update order `get_grad()` and `update(lr)`, then clear. Grads are cached within the step,
    so every parameter moves by the gradient at the same point (a simultaneous update).

    `lrs` holds one learning rate per parameter (the tutorial's adaline uses two). Every recorder, scalar or
    lockstep, calls this one function, which is why their runs agree bit for bit.
    """
    value = loss.forward()
    for p, lr in zip(params, lrs):
        p.get_grad()
        p.update(lr)
    loss.clear()
    return value


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
        return [n for n in self.nodes if getattr(n, "train", False)]

    def init_params(self, rng: np.random.Generator | None = None) -> None:
        """Give every trainable leaf a value uniform in [-0.5, 0.5], as the tutorial does."""
        rng = rng if rng is not None else np.random.default_rng()
        for node in self.params():
            node.set_value(float(rng.uniform(-0.5, 0.5)))

    def set_nodes(self, nodes_in: Sequence[Node], nodes_out: Sequence[Node], node_loss: Node,
                  node_label: Node) -> None:
        self.nodes_in, self.nodes_out = list(nodes_in), list(nodes_out)
        self.node_loss, self.node_label = node_loss, node_label

    def _set_inputs(self, xs: Value) -> None:
        """A list/tuple gives one value per input node; with a single input, anything else is its value
        (a float, or an array of points to evaluate at once)."""
        if not (isinstance(xs, (list, tuple)) and len(xs) == len(self.nodes_in)):
            if len(self.nodes_in) != 1:
                raise ValueError(f"expected {len(self.nodes_in)} input values, got {xs!r}")
            xs = [xs]
        for node, x in zip(self.nodes_in, xs, strict=True):
            node.set_value(x)

    def forward(self, xs: Value, label: Value) -> Value:
        self._set_inputs(xs)
        self.node_label.set_value(label)
        return self.node_loss.forward()

    def backward(self, lr: Value) -> None:
        """Gradient of the loss for every parameter, then one step each; grads cached within a step."""
        for node in self.params():
            node.get_grad()
            node.update(lr)
        self.clear()

    def clear(self) -> None:
        for node in self.nodes:
            node.grad = None
            if node.parents:
                node.value = None

    def predict(self, xs: Value) -> list[Value]:
        self.clear()
        self._set_inputs(xs)
        out = [node.forward() for node in self.nodes_out]
        self.clear()
        return out

    @contextmanager
    def as_default(self) -> Iterator[Graph]:
        """Make nodes created inside the block join this graph instead of the global one."""
        global default_graph
        previous, default_graph = default_graph, self
        try:
            yield self
        finally:
            default_graph = previous


default_graph = Graph()  # rebound by `Graph.as_default()`; the tutorial's own graph is this one
