"""`render scene`: record a scene and render it, the main job."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import out_dir, report, say, user_errors
from render.app.params import (
    EMBED,
    ENCODING,
    LOOK,
    NETWORK,
    PREVIEW,
    TRAINING,
    Given,
    Out,
    embed_kind,
    render_options,
    takes,
    training_scene,
)
from render.app.preview import preview
from render.app.steps import import_renderer, record_scene, render_files, write_embed


@takes(TRAINING, NETWORK, LOOK, ENCODING, EMBED, PREVIEW)
def scene(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    out: Out = None,
    *, given: Given,
) -> None:
    """Record a scene and render it: the snapshot file, the player page, a GIF and an MP4 land in output/.

    Example: render scene fig7_vs_fig8 --format gif,mp4,webm --out site/img
    """
    with user_errors():
        chosen = training_scene(name, given)
        kind = embed_kind(given)
        options = render_options(given)
        folder = out_dir(out if out is not None else Path("output"))
        snapshot = record_scene(chosen, meanwhile=import_renderer)
        # the recording is written while the encoders finish, and renamed into place with the rest only
        # when all succeeded: an interrupted render leaves an earlier recording untouched too
        stem = folder / chosen.name
        written = render_files(snapshot, stem, options, recording=stem.with_name(f"{chosen.name}.npz"))
        rendered = written[1:]
        report(written)
        write_embed(kind, folder / chosen.name, written, snapshot.meta)
        if given["preview"]:
            preview(rendered[0], say)
