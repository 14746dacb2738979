"""`render check`: the regression check against goldens."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from render.app.console import say, user_errors


def check(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="SCENE", help="Scenes to check (default: every registered scene).")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Rewrite the goldens that differ (or are missing), and say which changed.")] = False,
    golden_dir: Annotated[Path | None, typer.Option(
        "--golden-dir", help="Folder of the golden snapshot files (default: the built-in scenes' goldens, "
        "shipped with the package).", show_default=False)] = None,
) -> None:
    """Regression check: re-record scenes in a fast configuration and compare with their goldens.

    Exits 1 if any array differs, naming its run, node, first differing step and max difference.

    Example: render check fig7_vs_fig8   (after an intended change: render check --update)
    """
    from render.record.check import GOLDEN_DIR, check_scenes

    with user_errors():
        report = check_scenes(names or None, update=update, golden_dir=golden_dir or GOLDEN_DIR)
    say(str(report))
    if not report.ok:
        raise typer.Exit(1)
