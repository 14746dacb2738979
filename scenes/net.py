"""What a build hook returns: a built graph and the nodes a recorder needs from it (`Net`).

Its own module so that scenes/network.py, which builds the chapter's family of networks, needs nothing of
scenes/base.py, whose `Scene.with_network` builds on that family.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ourdl.core import Graph, Node


@dataclass(frozen=True)
class Net:
    """The nodes a recorder needs from a built graph."""

    graph: Graph
    x: Node
    label: Node
    output: Node
    loss: Node
    params: tuple[Node, ...]  # in the tutorial's update order

    def node(self, name: str) -> Node:
        for n in self.graph.nodes:
            if n.name == name:
                return n
        raise KeyError(name)
