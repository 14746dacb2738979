"""`render lab`: the page that trains the chapter's network in the browser (render.web.lab)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, out_dir, report, say, user_errors
from render.app.params import LOOK, TRAINING, Given, Out, pick, takes, training_scene


@takes(pick(TRAINING, "steps", "lr", "seed", "activation", "init"), pick(LOOK, "theme", "lang"))
def lab(
    scene: Annotated[str, typer.Option("--scene", help="The scene whose graph, presets and defaults the lab "
                                       "starts from (see `render list`), or path/to/file.py:NAME.")]
    = "fig7_vs_fig8",
    out: Out = None,
    open_: Annotated[bool, typer.Option("--open", help="Open the page in the browser when it is written.")]
    = False,
    *, given: Given,
) -> None:
    """Write the lab: one offline page where you change the initial parameters and watch the network train.

    It trains in the browser exactly as ourdl does (the same numbers, bit for bit), compares two runs on
    one timeline, and shows where each start (w_11, w_12) ends up. The training options set the page's
    starting run.

    Example: render lab --lang zh --open
    """
    from render.web.lab import write_lab

    with user_errors():
        chosen = training_scene(scene, given)
        folder = out_dir(out if out is not None else Path("output"))
        try:
            written = write_lab(folder / "lab.html", scene=chosen, theme=given["theme"], lang=given["lang"])
        except ValueError as e:
            raise UserError(str(e), 2) from None
        report([written])
        if open_:
            from render.app.preview import preview

            preview(written, say)
