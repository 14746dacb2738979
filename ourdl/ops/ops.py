"""The tutorial's operators. Each defines its value and, right beside it, its derivative per parent.

Values are Python numbers on the scalar path (kept free of numpy for speed) or numpy arrays. Where the
tutorial's ops give an int (Add's derivative 1, Relu's 0, Step's values), so do these: its scripts print
`w_grad: 3`, not `3.0`. A new op may subclass `Op` (or `Node`) and be written either way
`ourdl.core.protocol` describes.
"""

from __future__ import annotations

import math

import numpy as np

from ourdl.core import Node, Value

__all__ = ["Op", "Add", "Mul", "Relu", "LeakyRelu", "Step", "Sigmoid", "Tanh"]


def is_array(v: Value) -> bool:
    """A numpy array (curves over a grid, lockstep runs), not a Python number (the scalar path)."""
    return isinstance(v, np.ndarray)


class Op(Node):
    """An operator: a node computed from its parents. The base of the built-in ops."""


class Add(Op):
    """Sum of any number of parents; d/d(parent) = 1."""

    def compute(self, *values: Value) -> Value:
        total = values[0]
        for v in values[1:]:
            total = total + v
        return total

    def local_grad(self, index: int) -> Value:
        return 1


class Mul(Op):
    """Product of exactly two parents; d/d(one) = the other's value."""

    arity = 2

    def compute(self, a: Value, b: Value) -> Value:
        return a * b

    def local_grad(self, index: int) -> Value:
        return self.parents[1 - index].value


class _Unary(Op):
    arity = 1

    @property
    def t(self) -> Value:
        return self.parents[0].value


class Relu(_Unary):
    """t if t >= 0 else 0; derivative 1 if t > 0 else 0."""

    def compute(self, t: Value) -> Value:
        if is_array(t):
            return np.where(t >= 0, t, 0.0)
        return t if t >= 0 else 0

    def local_grad(self, index: int) -> Value:
        t = self.t
        if is_array(t):
            return np.where(t > 0, 1.0, 0.0)
        return 1.0 if t > 0 else 0

    @staticmethod
    def relu(x: Value) -> Value:
        """Relu outside a graph (a float, or an array element-wise), as the tutorial's plots use it."""
        if is_array(x):
            return np.where(x >= 0.0, x, 0.0)
        return x if x >= 0.0 else 0.0


class LeakyRelu(_Unary):
    """t if t >= 0 else 0.1·t; derivative 1 if t > 0 else 0.1."""

    slope = 0.1

    def compute(self, t: Value) -> Value:
        if is_array(t):
            return np.where(t >= 0, t, self.slope * t)
        return t if t >= 0 else self.slope * t

    def local_grad(self, index: int) -> Value:
        t = self.t
        if is_array(t):
            return np.where(t > 0, 1.0, self.slope)
        return 1.0 if t > 0 else self.slope

    @staticmethod
    def relu(x: Value) -> Value:
        """LeakyRelu outside a graph (the tutorial names it `relu` too, to swap one for the other)."""
        if is_array(x):
            return np.where(x >= 0.0, x, x * 0.1)
        return x if x >= 0.0 else x * 0.1


class Step(_Unary):
    """1 if t > 0 else 0; the tutorial's derivative convention is 0 if t > 0 else -1."""

    def compute(self, t: Value) -> Value:
        if is_array(t):
            return np.where(t > 0, 1.0, 0.0)
        return 1 if t > 0 else 0

    def local_grad(self, index: int) -> Value:
        t = self.t
        if is_array(t):
            return np.where(t > 0, 0.0, -1.0)
        return 0.0 if t > 0 else -1.0


class Sigmoid(_Unary):
    """1 / (1 + e^-t); derivative s·(1 − s)."""

    def compute(self, t: Value) -> Value:
        if is_array(t):
            # the two branches keep exp() from overflowing for large |t|
            e = np.exp(-np.abs(t))
            return np.where(t >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        if t >= 0:
            return 1.0 / (1.0 + math.exp(-t))
        e = math.exp(t)
        return e / (1.0 + e)

    def local_grad(self, index: int) -> Value:
        s = self.value if self.value is not None else self._values(self.t)
        return s * (1.0 - s)


class Tanh(_Unary):
    """tanh(t); derivative 1 − tanh²."""

    def compute(self, t: Value) -> Value:
        return np.tanh(t) if is_array(t) else math.tanh(t)

    def local_grad(self, index: int) -> Value:
        th = self.value if self.value is not None else self._values(self.t)
        return 1.0 - th * th
