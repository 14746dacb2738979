"""ourdl: the tiny computation-graph framework of "let's build a deep-learning framework together".

Node values are plain Python floats (the fast scalar path) or numpy arrays: an array input computes
every node's curve in one forward pass, and array-valued parameters train many runs in lockstep.
"""

from ourdl.core import Graph, Node, Variable, Varrible, default_graph

__version__ = "0.1.0"

__all__ = ["Graph", "Node", "Variable", "Varrible", "default_graph", "__version__"]
