"""`render list`."""

from __future__ import annotations

from render.app.console import out_console


def list_() -> None:
    """List the scenes, with a one-line description each.

    Example: render list
    """
    from rich.markup import escape

    from scenes import list_scenes

    for scene in list_scenes():
        count = getattr(scene, "count", None)
        runs = f"{count} inits" if count else f"{len(scene.runs)} run{'s' if len(scene.runs) > 1 else ''}"
        out_console.print(f"[bold]{escape(scene.name):<20}[/] {runs}, {scene.total_samples} samples  "
                          f"{escape(scene.description)}", soft_wrap=True, emoji=False)  # text as written
