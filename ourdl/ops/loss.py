"""Losses: the first parent is the label, the second the prediction, as in `ValueLoss([label, y])`."""

from __future__ import annotations

import numpy as np

from ourdl.core import Node, Value
from ourdl.ops.ops import is_array

__all__ = ["LossFunction", "ValueLoss", "SquareLoss"]


class LossFunction(Node):
    """A loss: the node training starts its gradients from. The base of the built-in losses."""


class ValueLoss(LossFunction):
    """|label − y|; d/d(label) = sign(label − y) with 0 counted as negative, d/dy its negative."""

    arity = 2

    def compute(self, label: Value, y: Value) -> Value:
        return abs(label - y)

    def local_grad(self, index: int) -> Value:
        diff = self.parents[0].value - self.parents[1].value
        if is_array(diff):
            sign = np.where(diff > 0, 1.0, -1.0)
        else:
            sign = 1 if diff > 0 else -1  # the tutorial's ints
        return sign if index == 0 else -sign


class SquareLoss(LossFunction):
    """(label − y)²; d/d(label) = 2(label − y), d/dy its negative."""

    arity = 2

    def compute(self, label: Value, y: Value) -> Value:
        d = label - y
        return d * d

    def local_grad(self, index: int) -> Value:
        d = self.parents[0].value - self.parents[1].value
        return 2.0 * d if index == 0 else -2.0 * d
