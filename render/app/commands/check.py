"""`render check`: the regression check against goldens, for the built-in scenes and the user's own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import UserError, say, user_errors, warn

EXAMPLE = "render check my_scenes.py --goldens goldens --update"


def check(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="SCENE", help="Scenes to check: registered names, my_scenes.py:NAME, or my_scenes.py for "
        "every scene in that file (default: every registered scene); or recording files, run.npz (from "
        "Recorder or TorchRecorder .save), each compared as it is with DIR/run.npz.")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Write the goldens that differ (or are missing), and say which changed.")] = False,
    goldens: Annotated[Path | None, typer.Option(
        "--goldens", "--golden-dir", help="Folder of the golden files, NAME.npz (default: the built-in "
        "scenes' goldens, shipped with the package). Needed for scenes from your own files.",
        show_default=False)] = None,
    rtol: Annotated[float | None, typer.Option(
        "--rtol", min=0.0, help="Relative tolerance: |fresh − golden| ≤ atol + rtol·|golden| "
        "(default 1e-10).", show_default=False)] = None,
    atol: Annotated[float | None, typer.Option(
        "--atol", min=0.0, help="Absolute tolerance (default 1e-11).", show_default=False)] = None,
    report: Annotated[Path | None, typer.Option(
        "--report", help="Also write a JUnit XML report (one test case per scene) for CI.",
        show_default=False)] = None,
) -> None:
    """Regression check: re-record scenes in a fast configuration and compare with their goldens.

    Exits 1 if anything differs, naming the run, node or parameter, first differing step and largest change.

    A difference is drawn to NAME.diff.png next to the golden (output/ for the built-in scenes).

    Under GitHub Actions a summary table goes on the run's page.

    A recording file (render check run.npz --goldens DIR) is compared as it is with DIR/run.npz.

    Example: render check my_scenes.py --goldens goldens   (after an intended change: add --update)
    """
    from render.app.step_summary import append_step_summary
    from render.record.check import check_scenes, is_recording_file
    from render.record.diff import ATOL, RTOL
    from render.record.goldens import GOLDEN_DIR, installed_copy
    from scenes.loader import is_file_reference

    with user_errors():
        if goldens is None and any(is_file_reference(n) for n in names or []):
            raise UserError(f"scenes from your own files keep their goldens in a folder of yours: add "
                            f"--goldens DIR (e.g. {EXAMPLE})", 2)
        files = [n for n in names or [] if is_recording_file(n)]
        if goldens is None and files:
            raise UserError(f"a recording file is compared with a golden in a folder of yours: add "
                            f"--goldens DIR (e.g. render check {files[0]} --goldens goldens --update)", 2)
        missing = [f for f in files if not Path(f).is_file()]
        if missing:
            raise UserError(f"no such recording file: {missing[0]}", 2)
        golden_dir = goldens if goldens is not None else GOLDEN_DIR
        if update and installed_copy(golden_dir):  # the package's own goldens, or any installed folder
            raise UserError(f"{golden_dir} is part of an installed package and is never rewritten; for "
                            f"goldens of your own scenes point --goldens at a folder of yours "
                            f"(e.g. {EXAMPLE})", 2)
        if golden_dir.exists() and not golden_dir.is_dir():
            raise UserError(f"--goldens {golden_dir} is a file, not a folder", 2)
        # pictures go next to a user's goldens; never into the package's own folder (source or installed)
        picture_dir = Path("output") if goldens is None or installed_copy(golden_dir) else None
        result = check_scenes(names or None, update=update, golden_dir=golden_dir,
                              rtol=RTOL if rtol is None else rtol, atol=ATOL if atol is None else atol,
                              picture=_picture, picture_dir=picture_dir)
        say(str(result))
        if report is not None:
            from render.app.junit import write_junit

            say(f"wrote {write_junit(result, report)}")
        append_step_summary(result.results, f"render check: {result.headline()}")
    if not result.ok:
        raise typer.Exit(1)


def _picture(result, golden, fresh, path):
    """Draw a difference (matplotlib is imported only when there is one); a failure is a warning."""
    from render.draw.diff_figure import safe_picture

    return safe_picture(warn)(result, golden, fresh, path)
