"""`render export`: carry a scene to another framework; for now a standalone PyTorch script (--torch)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, check_writable, report, user_errors
from render.app.params import NETWORK, TRAINING, Given, takes, training_scene


@takes(TRAINING, NETWORK)
def export(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    to_torch: Annotated[bool, typer.Option("--torch", help="Write a PyTorch script (the only format, for "
                                           "now).")] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="The script to write (default: "
                                             "output/SCENE_torch.py).")] = None,
    *, given: Given,
) -> None:
    """Write the scene as a standalone PyTorch script that trains it and records it with TorchRecorder.

    The script builds the scene's network as an nn.Sequential in float64, starts each run from the scene's
    initial values (written into it), draws the same samples, trains with torch.optim.SGD one sample a
    step on the scene's loss, and saves SCENE_torch.npz: its parameters are the scene's own recording's
    at every snapshot to about 1e-14. The training and network options change the scene first, as they
    do for render scene. Sweeps, Step networks and graphs outside the chapter's family are refused.

    Example: render export fig7_vs_fig8 --torch; render export fig8 --hidden 4 --target 'x^3-x' --torch
    """
    from render.record.atomic import atomic_write
    from render.record.torch_export import torch_script

    with user_errors():
        if not to_torch:
            raise UserError("render export writes a PyTorch script: give --torch (the only format, for now)",
                            2)
        scene = training_scene(name, given)
        command = shlex.join(["render", "export", name, *given.argv(), "--torch"])
        try:
            text = torch_script(scene, command)
        except ValueError as e:
            raise UserError(str(e), 2) from None
        target = out if out is not None else Path("output") / f"{scene.name}_torch.py"
        _check_target(target, default=out is None)
        with atomic_write(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
        report([target])


def _check_target(target: Path, default: bool) -> None:
    """Fail (one line, exit 2, nothing written) when the script cannot be written at `target`."""
    if target.is_dir():
        raise UserError(f"{target} is a folder; name the script, e.g. {target / 'scene_torch.py'}", 2)
    folder = target.parent
    if default and not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as e:
            raise UserError(f"cannot create folder {folder}: {e.strerror}", 2) from None
    if not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder" if folder.exists()
                        else f"folder {folder} does not exist", 2)
    try:
        check_writable(folder)
    except UserError as e:
        raise UserError(str(e), 2) from None
