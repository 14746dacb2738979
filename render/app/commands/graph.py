"""`render graph`: the computation-graph diagram."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, out_dir, report, user_errors
from render.app.params import LOOK, NETWORK, TRAINING, Given, Out, pick, takes, training_scene


@takes(pick(TRAINING, "activation"), NETWORK, pick(LOOK, "theme"))
def graph(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    out: Out = None,
    engine: Annotated[str, typer.Option("--engine", help="auto (graphviz when `dot` is installed, else "
                                        "matplotlib), matplotlib or graphviz.")] = "auto",
    *, given: Given,
) -> None:
    """Draw the scene's computation graph as PNG and SVG.

    Nodes carry the tutorial's names, trainable leaves are marked, and the nodes the panels draw are
    filled in their curves' colours.

    Example: render graph fig7_vs_fig8 --out docs
    """
    from render.draw.graph import render_graph

    with user_errors():
        chosen = training_scene(name, given)
        folder = out_dir(out if out is not None else Path("output"))
        try:
            written = render_graph(chosen, folder / f"{chosen.name}.graph", theme=given["theme"],
                                   engine=engine)
        except ValueError as e:
            raise UserError(str(e), 2) from None
        report(written)
