"""One panel of a run's row (`Panel`): which nodes it draws, in which colours, and what else it shows.

Its own module so that scenes/network_panels.py needs nothing of scenes/base.py (see scenes/net.py).
"""

from __future__ import annotations

from dataclasses import dataclass

PANEL_KINDS = ("curves", "data", "surface", "sum")


@dataclass(frozen=True)
class Panel:
    """One panel of a run's row: which nodes it draws and in which colours.

    `kind` says what else it shows. "curves" (the default): the nodes' curves over x. "data": the same,
    plus the run's training samples seen so far (faded; the last `window` solid). "surface": no curves;
    the mean loss over a mesh of two parameters (`params`, x axis then y axis; `mesh` points a side, the
    box `extent` = (x0, x1, y0, y1) widened to hold every run's path) with the parameters' path on it.
    "sum": the output built from its parts (UDL fig. 3.3): `nodes` are the last layer's contributions,
    then the output, last; the contributions are stacked over the base (output − their sum: the bias)
    and the output drawn on top.
    """

    title: str
    nodes: tuple[str, ...] = ()
    colors: tuple[int, ...] = ()  # a hidden unit keeps its colour index in every panel
    target: bool = False  # draw the target curve (x²) too
    title_zh: str | None = None
    kind: str = "curves"
    window: int = 10  # "data": how many of the latest samples are drawn solid
    params: tuple[str, ...] = ()  # "surface": the two parameters on its x and y axes
    extent: tuple[float, float, float, float] | None = None  # "surface": the least box it shows
    mesh: int = 101  # "surface": mesh points along each axis

    def __post_init__(self) -> None:
        if self.kind not in PANEL_KINDS:
            raise ValueError(f"panel {self.title!r}: unknown kind {self.kind!r} "
                             f"(choose {', '.join(PANEL_KINDS)})")
        if len(self.colors) != len(self.nodes):
            raise ValueError(f"panel {self.title!r}: one colour per node ({len(self.nodes)} nodes, "
                             f"{len(self.colors)} colours)")
        if self.kind == "surface" and (len(self.params) != 2 or self.nodes or self.mesh < 2):
            raise ValueError(f"panel {self.title!r}: a surface names two parameters (params=(x, y)), no "
                             "nodes, and a mesh of at least 2")
        if self.kind == "sum" and len(self.nodes) < 2:
            raise ValueError(f"panel {self.title!r}: a sum panel names at least one contribution, then the "
                             "output, last")
        if self.kind == "data" and self.window < 0:
            raise ValueError(f"panel {self.title!r}: window must be 0 or more")

    def describe(self) -> dict:
        out = {"title": self.title, "title_zh": self.title_zh, "nodes": list(self.nodes),
               "colors": list(self.colors), "target": self.target}
        if self.kind == "data":
            out.update(kind="data", window=self.window)
        elif self.kind == "sum":
            out.update(kind="sum")
        elif self.kind == "surface":
            out.update(kind="surface", params=list(self.params), mesh=self.mesh,
                       extent=list(self.extent) if self.extent else None)
        return out
