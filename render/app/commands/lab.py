"""`render lab`: the page that trains the chapter's network, or another of its family, in the browser
(render.web.lab)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, out_dir, report, say, user_errors
from render.app.params import LOOK, NETWORK, TRAINING, Given, Out, pick, takes, training_scene

TRAINING_TAKEN = pick(TRAINING, "steps", "lr", "seed", "activation", "init")


@takes(TRAINING_TAKEN, NETWORK, pick(LOOK, "theme", "lang"))
def lab(
    scene: Annotated[str | None, typer.Option("--scene", help="The scene whose graph, presets and defaults "
                                              "the lab starts from (see `render list`), or "
                                              "path/to/file.py:NAME (default: fig7_vs_fig8).")] = None,
    from_: Annotated[Path | None, typer.Option("--from", help="A recording (.npz: render record, Recorder, "
                                               "TorchRecorder) whose network, target or points and runs' "
                                               "initial values the lab opens on.")] = None,
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

    --from opens it on a recording's network and runs (a torch model's too, where the lab trains it).

    Example: render lab --lang zh --open; render lab --hidden 3 --target sin; render lab --from run.npz
    """
    from render.web.lab import lab_html, write_page

    with user_errors():
        chosen = training_scene(scene or "fig7_vs_fig8", given) if from_ is None else recording_scene(
            from_, scene, given)
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


def recording_scene(path: Path, scene: str | None, given: Given):
    """The lab's scene for the recording at `path` (render.web.lab_from); the options that would change
    it (--scene, the network and training options) are refused with --from, one line."""
    from render.record.snapshot import SnapshotError, load_snapshot
    from render.web.lab_from import lab_scene

    changed = (["--scene"] if scene is not None else []) + [
        w for w in given.argv(TRAINING_TAKEN, NETWORK) if w.startswith("--")]
    if changed:
        raise UserError(f"--from opens the recording's network, data and runs as recorded; give it without "
                        f"{', '.join(dict.fromkeys(changed))} (change them in the page)", 2)
    if not path.is_file():
        raise UserError(f"--from {path}: {'not a file' if path.exists() else 'no such file'}", 2)
    try:
        snapshot = load_snapshot(path)
    except (SnapshotError, OSError, ValueError) as e:
        raise UserError(f"--from {path}: {e}", 2) from None
    try:
        return lab_scene(snapshot)
    except ValueError as e:
        raise UserError(f"--from {path.name}: {e}", 2) from None
