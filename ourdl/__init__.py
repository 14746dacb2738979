"""ourdl: the tiny computation-graph framework of "let's build a deep-learning framework together".

Node values are plain Python floats (the fast scalar path) or numpy arrays: an array input computes
every node's curve in one forward pass, and array-valued parameters train many runs in lockstep.

Everything of `ourdl.core` and `ourdl.ops` is here at the top level, as in the tutorial's package
(`import ourdl as od; od.ops.Mul(x, w); od.Varrible(); od.default_graph`).
"""

from ourdl import core, ops
from ourdl.core import Graph, Node, Variable, Varrible, default_graph, graph, node, train_step
from ourdl.ops import (
           Add,
           LeakyRelu,
           LossFunction,
           Mul,
           Op,
           Relu,
           Sigmoid,
           SquareLoss,
           Step,
           Tanh,
           ValueLoss,
           loss,
)

__version__ = "0.1.0"

__all__ = ["core", "ops", "graph", "node", "loss", "Graph", "Node", "Variable", "Varrible", "default_graph",
           "train_step", "Op", "Add", "Mul", "Relu", "LeakyRelu", "Step", "Sigmoid", "Tanh", "LossFunction",
           "ValueLoss", "SquareLoss", "__version__"]
