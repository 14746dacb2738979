"""Nodes, with the tutorial's API: parents/children, forward, get_grad, update, clear.

An op says what its value is and what its derivative with respect to one parent is; everything else
(the chain rule, caching, updates) lives here, once. It may say so in either of two ways (see
`ourdl.core.protocol`): ours, `compute(*values)` returning the value and `local_grad(index)`, which the
built-in ops use; or the tutorial's, `compute(self)` setting `self.value` from `self.parents` and
`get_parent_grad(self, parent)`, which is how the series teaches readers to add an op.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ourdl.core import graph as _graph
from ourdl.core import protocol

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


def _gather_parents(owner: str, args: tuple, kw: dict) -> tuple[list[Node], bool | None]:
    """The parents from every form the tutorial uses, in order: positional arguments (a node or a
    list each; `None` skipped), then `parents=` (a node or a list), then `parent1=`, `parent2=`, ...

    The tutorial's signature is `Node(parents=[], parent1=None, parent2=None, train=False)`, so a bool
    in the fourth positional place is `train` (a subclass passing its arguments on to `super()`).
    """
    found: list[Node] = []
    train = None

    def add(item: Any) -> None:
        if item is None:
            return
        items = item if isinstance(item, (list, tuple)) else (item,)
        for p in items:
            if not isinstance(p, Node):
                raise TypeError(f"{owner}(): parent {p!r} is not a node")
        found.extend(items)

    for i, a in enumerate(args):
        if i == 3 and isinstance(a, bool):
            train = a
        else:
            add(a)
    if "parents" in kw:
        add(kw.pop("parents"))
    for k in sorted((k for k in kw if k.startswith("parent") and k[6:].isdigit()), key=lambda k: int(k[6:])):
        add(kw.pop(k))
    if kw:
        raise TypeError(f"{owner}() got unexpected arguments {sorted(kw)}")
    return found, train


class Node:
    """A node of the graph: knows its parents and children, caches its value and its gradient.

    Parents may be given as a list (`Add([a, b, c])`, `Add(parents=[a, b])`), positionally
    (`Add(a, b)`), or with the tutorial's keywords (`Mul(parent1=x, parent2=w)`, `Add(parents=a,
    parent1=b)`). `train=True` marks a trainable node, as in the tutorial.
    """

    #: the number of parents an op takes, checked when it is built (None: any number)
    arity: int | None = None

    def __init__(self, *parents: Node | Sequence[Node] | None, graph: _graph.Graph | None = None,
                 name: str | None = None, train: bool = False, **kw: Any) -> None:
        found, positional_train = _gather_parents(type(self).__name__, parents, kw)
        if self.arity is not None and len(found) != self.arity:
            raise TypeError(f"{type(self).__name__} takes exactly {self.arity} "
                            f"parent{'s' if self.arity > 1 else ''}, got {len(found)}")
        self.parents: list[Node] = found
        self.children: list[Node] = []
        self._edges: list[tuple[Node, int]] = []  # (child, position of self among its parents)
        for i, p in enumerate(found):
            p.children.append(self)
            p._edges.append((self, i))
        self.train = train if positional_train is None else positional_train
        self.value: Value = None
        self.grad: Value = None
        self.name = name
        self.graph = graph if graph is not None else _graph.default_graph
        self.graph.add_node(self)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        protocol.adopt(cls, Node)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name or hex(id(self))})"

    def set_value(self, value: Value) -> None:
        self.value = value

    # --- what an op defines (one of the two protocols) ---------------------------------------------

    def compute(self, *values: Value) -> Value:
        """The op's value: `compute(*values)` returns it (ours), or `compute(self)` sets `self.value`
        from `self.parents` (the tutorial's). Abstract here."""
        raise NotImplementedError(f"{type(self).__name__} does not define compute()")

    _values = compute  # the engine's entry: an op's own compute(*values), unwrapped (see protocol.adopt)

    def local_grad(self, index: int) -> Value:
        """d(self)/d(parents[index]), from the values cached by the last forward."""
        raise NotImplementedError(f"{type(self).__name__} defines neither local_grad() nor get_parent_grad()")

    def get_parent_grad(self, parent: Node) -> Value:
        """The tutorial's name for the local derivative: d(self)/d(parent). Abstract here."""
        raise NotImplementedError(f"{type(self).__name__} defines neither local_grad() nor get_parent_grad()")

    # --- the engine ----------------------------------------------------------------------------------

    def forward(self) -> Value:
        """Compute this node's value, first computing any parent whose value is None."""
        for p in self.parents:
            if p.value is None:
                p.forward()
        self.value = self._values(*[p.value for p in self.parents])
        return self.value

    def get_grad(self) -> Value:
        """d(final node)/d(self) by the chain rule over the children; cached in `.grad`."""
        if self.grad is None:
            if not self.children:
                # d(out)/d(out) = 1: the tutorial's int 1 (its grads stay ints while every factor is
                # one), or ones shaped like an array output, which stands for the sum of its elements,
                # so every grad below keeps its node's full shape before being reduced
                value = self.value
                self.grad = np.ones_like(value, dtype=float) if isinstance(value, np.ndarray) else 1
            else:
                edges = self._edges  # (a child using us twice contributes twice)
                child, i = edges[0]
                # the tutorial's sum from 0, less the 0: int 0 + float takes Python's slow path, and
                # adding 0 would only turn a -0.0 grad into 0.0, which moves no parameter but one at -0.0
                grad = child.local_grad(i) * child.get_grad()
                if len(edges) > 1:
                    for child, i in edges[1:]:
                        # not `+=`: contributions of different (broadcast) shapes must not be added in place
                        grad = grad + child.local_grad(i) * child.get_grad()
                # a scalar needs no reducing: checked here, as a call per node costs the loop ~4%
                self.grad = reduce_to(grad, self.value) if isinstance(grad, np.ndarray) else grad
        return self.grad

    def update(self, lr: Value = 0.0001) -> None:
        """One gradient step: value -= lr * grad (a new object, so callers' arrays are not mutated).
        The default learning rate is the tutorial's."""
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

    def __init__(self, value: Value = None, train: bool = False, graph: _graph.Graph | None = None,
                 name: str | None = None) -> None:
        super().__init__(graph=graph, name=name, train=train)
        self.value = value

    def forward(self) -> Value:
        return self.value


Varrible = Variable  # the tutorial's spelling


def train_step(loss: Node, params: Sequence[Node], lrs: Sequence[Value]) -> Value:
    """One step of the tutorial's loop, once the input and label are set: forward the loss, then for each
    parameter in update order `get_grad()` and `update(lr)`, then clear.

    Grads are cached within the step, but a grad computed after an update reads the updated weight. So the
    step is a simultaneous update (what PyTorch's SGD does) only for update orders with the input side
    first, as the chapter's `[w_11, w_12, b_11, b_12, w_21, w_22, b_21]`: w_11's grad, computed first,
    caches every grad the later ones need, w_21 still unchanged. An order that updates w_21 before w_11's
    grad is computed gives w_11 a grad through the new w_21.

    `lrs` holds one learning rate per parameter (the tutorial's adaline uses two). Every recorder, scalar or
    lockstep, calls this one function, which is why their runs agree bit for bit.
    """
    value = loss.forward()
    for p, lr in zip(params, lrs):
        p.get_grad()
        p.update(lr)
    if len(params) > MANY_PARAMS:
        _clear_once(loss)
    else:
        loss.clear()
    return value


#: parameters beyond which `train_step` clears each node once (`_clear_once`) rather than once per path
MANY_PARAMS = 64


def _clear_once(top: Node) -> None:
    """`top.clear()` at the end of a step, visiting each node once. After the step's forward every node
    `top` depends on holds a value, so the recursion's second visit of a node (it visits one once per path
    up to it) changes nothing; but the paths of a layered net multiply (32**4 of them through four layers
    of 32 units) while its nodes do not. A node of a class with a clear() of its own: `top.clear()` itself,
    as the tutorial's recursion calls it (nodes cleared already are cleared again, which changes nothing)."""
    todo, seen = [top], {top}
    while todo:
        node = todo.pop()
        if type(node).clear is not Node.clear:
            top.clear()
            return
        node.grad = None
        if node.parents:
            node.value = None
        for p in node.parents:
            if p not in seen:
                seen.add(p)
                todo.append(p)
