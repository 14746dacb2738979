"""`render lab`: the page that trains the chapter's network, or another of its family, in the browser
(render.web.lab)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, out_dir, report, say, user_errors
from render.app.params import LOOK, NETWORK, TRAINING, Given, Out, pick, takes, training_scene


@takes(pick(TRAINING, "steps", "lr", "seed", "activation", "init"), NETWORK, pick(LOOK, "theme", "lang"))
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
    starting run; --hidden, --target and --data open it at another network, target or your own points
    (the map where the network has one hidden layer, Fig 7 and Fig 8 for the chapter's 2 units on x²).

    Example: render lab --lang zh --open; render lab --hidden 3 --target sin
    """
    from render.web.lab import lab_html, write_page

    with user_errors():
        chosen = training_scene(scene, given)
        try:  # the page first: a scene the lab refuses writes nothing, not even the folder
            text = lab_html(chosen, theme=given["theme"], lang=given["lang"])
        except ValueError as e:
            raise UserError(str(e), 2) from None
        folder = out_dir(out if out is not None else Path("output"))
        written = write_page(folder / "lab.html", text)
        report([written])
        if open_:
            from render.app.preview import preview

            preview(written, say)
