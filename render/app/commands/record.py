"""`render record`: only train and write the snapshot file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, check_writable, out_dir, report, user_errors
from render.app.params import NETWORK, TRAINING, Given, takes, training_scene
from render.app.steps import record_scene


@takes(TRAINING, NETWORK)
def record(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Snapshot file to write "
                                                "(default: output/NAME.npz).")] = None,
    *, given: Given,
) -> None:
    """Only record: train the scene headlessly and write its snapshot file (.npz).

    Example: render record fig8 -o fig8.npz
    """
    from render.record import save_snapshot

    with user_errors():
        scene = training_scene(name, given)
        target = output if output is not None else out_dir(Path("output")) / f"{scene.name}.npz"
        if target.is_dir():
            raise UserError(f"{target} is a folder; name the snapshot file, e.g. {target / scene.name}.npz")
        if not target.parent.is_dir():
            raise UserError(f"{target.parent} is a file, not a folder" if target.parent.exists()
                            else f"folder {target.parent} does not exist")
        check_writable(target.parent)
        report([save_snapshot(record_scene(scene), target)])
