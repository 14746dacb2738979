"""`render video`: render an existing recording, without retraining."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import out_dir, report, say, user_errors
from render.app.params import EMBED, ENCODING, LOOK, PREVIEW, Given, embed_kind, render_options, takes
from render.app.preview import preview
from render.app.steps import print_rates, render_files, write_embed


@takes(LOOK, ENCODING, EMBED, PREVIEW)
def video(
    file: Annotated[Path, typer.Argument(help="A snapshot file written by `render record`.")],
    out: Annotated[Path | None, typer.Option(
        "--out", help="Output folder (default: the snapshot's folder).",
        rich_help_panel="Files and encoding")] = None,
    *, given: Given,
) -> None:
    """Only render: turn an existing snapshot file into HTML/GIF/MP4/WebM/PNG, without retraining.

    Example: render video output/fig7_vs_fig8.npz --format mp4 --quality high
    """
    from render.record import load_snapshot

    with user_errors():
        kind = embed_kind(given)
        options = render_options(given)
        snapshot = load_snapshot(file)
        print_rates(snapshot)
        folder = out_dir(out if out is not None else file.parent)
        written = render_files(snapshot, folder / file.stem, options)
        report(written)
        write_embed(kind, folder / file.stem, written, snapshot.meta)
        if given["preview"]:
            preview(written[0], say)
