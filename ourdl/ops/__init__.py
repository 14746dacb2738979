"""Operators and losses. The module paths are the tutorial's: `ourdl.ops.ops`, `ourdl.ops.loss`; this
package re-exports both, as the tutorial's does (`from ourdl.ops import Add, Mul, ValueLoss`)."""

from ourdl.ops.loss import LossFunction, SquareLoss, ValueLoss
from ourdl.ops.ops import Add, LeakyRelu, Mul, Op, Relu, Sigmoid, Step, Tanh

__all__ = ["Op", "Add", "Mul", "Relu", "LeakyRelu", "Step", "Sigmoid", "Tanh",
           "LossFunction", "ValueLoss", "SquareLoss"]
