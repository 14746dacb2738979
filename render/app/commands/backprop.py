"""`render backprop`: one training step on the computation graph, node by node, as frames and a page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, out_dir, report, user_errors
from render.app.params import (
    ENCODING,
    LOOK,
    NETWORK,
    TRAINING,
    Given,
    Out,
    pick,
    render_options,
    takes,
    training_scene,
)


@takes(pick(TRAINING, "steps", "lr", "seed", "activation", "loss", "init"), NETWORK, LOOK, ENCODING)
def backprop(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    sample: Annotated[int | None, typer.Option("--sample", help=(
        "The step shown, 0-based: the parameters after SAMPLE updates, trained on sample SAMPLE (default "
        "1500, the chapter's mark, or the run's last)."))] = None,
    run: Annotated[str | None, typer.Option("--run", help="The run's label, or its start (e.g. \"Fig 7\"); "
                                            "default the first.")] = None,
    out: Out = None,
    *, given: Given,
) -> None:
    """Watch one step of backpropagation: forward values, get_grad() node by node, update(lr).

    Writes SCENE.backprop.html (step through it, any sample), .gif, .mp4 and a .png poster.

    Example: render backprop fig7_vs_fig8 --run "Fig 7" --sample 1500
    """
    from render.record.backprop import BackpropError, backprop_step

    with user_errors():
        chosen = training_scene(name, given)
        options = render_options(given)
        try:
            step = backprop_step(chosen, run, sample)
        except BackpropError as e:
            raise UserError(str(e), 2) from None
        folder = out_dir(out if out is not None else Path("output"))
        pages = {}
        if "html" in options.formats:
            from render.web.backprop import write_backprop_page

            pages[".html"] = lambda path: write_backprop_page(chosen, run, step["sample"], path,
                                                              theme=options.theme, lang=options.lang,
                                                              step=step)
        from render.encode.backprop_video import render_backprop

        written = render_backprop(chosen, step, folder / f"{chosen.name}.backprop", options, pages=pages)
        report(written)
