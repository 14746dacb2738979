"""Nodes and graphs. The module paths are the tutorial's: `ourdl.core.node`, `ourdl.core.graph`."""

from ourdl.core.graph import Graph, default_graph
from ourdl.core.node import Node, Value, Variable, Varrible, reduce_to, train_step

__all__ = ["Graph", "Node", "Value", "Variable", "Varrible", "default_graph", "reduce_to", "train_step"]
