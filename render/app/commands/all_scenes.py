"""`render all`: every scene in parallel worker processes, and a gallery page."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from render.app.console import err_console, format_bytes, out_dir, say, user_errors
from render.app.params import ENCODING, LOOK, NETWORK, PREVIEW, TRAINING, Given, render_options, takes
from render.app.preview import preview


@takes(TRAINING, NETWORK, LOOK, ENCODING, PREVIEW)
def all_(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="[SCENE]...", help="Scenes to render (default: every registered scene).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.",
                                      rich_help_panel="Files and encoding")] = Path("output"),
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes "
                                             "(default: as many as cores).")] = None,
    *, given: Given,
) -> None:
    """Render every scene in parallel worker processes and write a gallery, OUT/index.html.

    The gallery shows each animation, its poster, its graph, its embed snippets and the command
    that makes it. Every training, picture and encoding option applies to every scene; --preview opens
    the gallery.

    Example: render all --quality low --steps 600
    """
    from rich.markup import escape

    from render.app.gallery import Job, command, default_jobs, render_all
    from render.app.params import training_scene
    from render.web.gallery_page import write_index

    with user_errors():
        options = render_options(given)
        training = {o.name: given[o.name] for g in (TRAINING, NETWORK) for o in g.options}
        chosen = names or _all_names()
        for name in chosen:
            training_scene(name, training)  # unknown names and bad values fail here, before any work
        folder = out_dir(out)
        workers = min(jobs or default_jobs(), len(chosen))
        job_list = [Job(n, folder, options, training) for n in chosen]
        argv = given.argv(ENCODING, TRAINING, NETWORK, LOOK) + (
            ["--out", str(out)] if out != Path("output") else [])
        t0 = time.perf_counter()
        failed = []

        def done(result) -> None:
            if result.error:
                failed.append(result.name)
                err_console.print(f"[bold red]failed:[/] {escape(result.name)}: {escape(result.error)}",
                                  soft_wrap=True)
            else:
                say(f"rendered {result.name:<20} {len(result.files)} files, "
                    f"{format_bytes(sum(result.sizes.values()))}, {result.seconds:.1f} s")

        say(f"rendering {len(job_list)} scenes in {workers} worker processes")
        results = render_all(job_list, workers, done)
        wall = time.perf_counter() - t0
        lab = _write_lab(folder, given)
        index = write_index(folder, results, {n: command(n, argv) for n in chosen}, wall, workers,
                            lab=lab.name if lab else None)
        say(f"wrote {index}  ({len(results) - len(failed)} of {len(results)} scenes, {wall:.1f} s)")
        if given["preview"]:
            preview(index, say)
    if failed:
        raise typer.Exit(1)


def _all_names() -> list[str]:
    from scenes import list_scenes

    return [s.name for s in list_scenes()]


def _write_lab(folder: Path, given: Given) -> Path | None:
    """The lab beside the gallery (for the chapter's scene), which the index links; None if it can't be."""
    from rich.markup import escape

    from render.web.lab import write_lab

    try:
        return write_lab(folder / "lab.html", theme=given["theme"], lang=given["lang"])
    except ValueError as e:  # the lab's scene cannot be trained in a page: the gallery goes on without
        err_console.print(f"[yellow]warning:[/] no lab: {escape(str(e))}", soft_wrap=True)
        return None
