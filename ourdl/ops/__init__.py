"""The tutorial's operators. Each defines its value and, right beside it, its derivative per parent.

Values are floats on the scalar path (kept free of numpy for speed) or numpy arrays.
"""

from __future__ import annotations

import math

import numpy as np

from ourdl.core import Node, Value

__all__ = ["Add", "Mul", "Relu", "LeakyRelu", "Step", "Sigmoid", "Tanh"]


def _is_array(v: Value) -> bool:
    return isinstance(v, np.ndarray)


class Add(Node):
    """Sum of any number of parents; d/d(parent) = 1."""

    def compute(self, *values: Value) -> Value:
        total = values[0]
        for v in values[1:]:
            total = total + v
        return total

    def local_grad(self, index: int) -> Value:
        return 1.0


class _Binary(Node):
    def __init__(self, *parents, **kw) -> None:
        super().__init__(*parents, **kw)
        if len(self.parents) != 2:
            raise TypeError(f"{type(self).__name__} takes exactly two parents, got {len(self.parents)}")


class Mul(_Binary):
    """Product of exactly two parents; d/d(one) = the other's value."""

    def compute(self, a: Value, b: Value) -> Value:
        return a * b

    def local_grad(self, index: int) -> Value:
        return self.parents[1 - index].value


class _Unary(Node):
    def __init__(self, *parents, **kw) -> None:
        super().__init__(*parents, **kw)
        if len(self.parents) != 1:
            raise TypeError(f"{type(self).__name__} takes exactly one parent, got {len(self.parents)}")

    @property
    def t(self) -> Value:
        return self.parents[0].value


class Relu(_Unary):
    """t if t >= 0 else 0; derivative 1 if t > 0 else 0."""

    def compute(self, t: Value) -> Value:
        if _is_array(t):
            return np.where(t >= 0, t, 0.0)
        return t if t >= 0 else 0.0

    def local_grad(self, index: int) -> Value:
        t = self.t
        if _is_array(t):
            return np.where(t > 0, 1.0, 0.0)
        return 1.0 if t > 0 else 0.0


class LeakyRelu(_Unary):
    """t if t >= 0 else 0.1·t; derivative 1 if t > 0 else 0.1."""

    slope = 0.1

    def compute(self, t: Value) -> Value:
        if _is_array(t):
            return np.where(t >= 0, t, self.slope * t)
        return t if t >= 0 else self.slope * t

    def local_grad(self, index: int) -> Value:
        t = self.t
        if _is_array(t):
            return np.where(t > 0, 1.0, self.slope)
        return 1.0 if t > 0 else self.slope


class Step(_Unary):
    """1 if t > 0 else 0; the tutorial's derivative convention is 0 if t > 0 else -1."""

    def compute(self, t: Value) -> Value:
        if _is_array(t):
            return np.where(t > 0, 1.0, 0.0)
        return 1.0 if t > 0 else 0.0

    def local_grad(self, index: int) -> Value:
        t = self.t
        if _is_array(t):
            return np.where(t > 0, 0.0, -1.0)
        return 0.0 if t > 0 else -1.0


class Sigmoid(_Unary):
    """1 / (1 + e^-t); derivative s·(1 − s)."""

    def compute(self, t: Value) -> Value:
        if _is_array(t):
            # the two branches keep exp() from overflowing for large |t|
            e = np.exp(-np.abs(t))
            return np.where(t >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        if t >= 0:
            return 1.0 / (1.0 + math.exp(-t))
        e = math.exp(t)
        return e / (1.0 + e)

    def local_grad(self, index: int) -> Value:
        s = self.value if self.value is not None else self.compute(self.t)
        return s * (1.0 - s)


class Tanh(_Unary):
    """tanh(t); derivative 1 − tanh²."""

    def compute(self, t: Value) -> Value:
        return np.tanh(t) if _is_array(t) else math.tanh(t)

    def local_grad(self, index: int) -> Value:
        th = self.value if self.value is not None else self.compute(self.t)
        return 1.0 - th * th
