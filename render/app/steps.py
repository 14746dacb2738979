"""The steps commands share: record with a progress bar, render with one, write the embed snippets.

Each turns the engine's callbacks into rich progress bars on stderr (only on a terminal) and the engine's
notes into lines on stdout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from render.app.console import UserError, err_console, report, say, warn
from render.app.escalating import check_signals

if TYPE_CHECKING:
    from rich.progress import Progress

#: Recordings are held in memory before they are written; beyond this we refuse up front.
MAX_RECORDING_BYTES = 2 * 1024**3


def _bar(what: str, unit: str) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(f"{what} {{task.description}}"), BarColumn(), MofNCompleteColumn(),
               TextColumn(unit), TimeElapsedColumn())
    # a transient bar still prints a blank line off a terminal: no bar there at all
    return Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal)


def record_scene(scene, meanwhile: Callable[[], None] | None = None):
    """Record `scene` with a progress bar; warn about diverged runs; print a sweep's rates.

    Its runs train in forked workers, one per core, while `meanwhile()` runs here. The bar starts with
    the first progress, after the workers are forked: a fork copies the bar's refresh thread's locks."""
    from render.record import estimated_bytes, record
    from render.record.parallel import usable_workers

    need = estimated_bytes(scene)
    if need > MAX_RECORDING_BYTES:
        raise UserError(f"scene {scene.name} would record about {need / 1024**3:.1f} GiB of snapshots "
                        f"(limit {MAX_RECORDING_BYTES / 1024**3:.0f} GiB); snapshot less often (--every) "
                        f"or train fewer samples (--steps)", 2)
    bar = _bar("training", "samples")
    task = bar.add_task(scene.name, total=sum(r.samples for r in scene.runs))

    def advance(n: int) -> None:
        if not bar.live.is_started:
            bar.start()
        bar.advance(task, n)

    try:
        snapshot = record(scene, progress=advance, workers=usable_workers(), meanwhile=meanwhile)
    finally:
        bar.stop()
    for run in snapshot.meta["runs"]:
        if run.get("diverged_at") is not None:
            warn(f"run '{run['label']}' diverged (loss or parameters not finite) at sample "
                 f"{run['diverged_at']}; its training stopped there")
    print_rates(snapshot)
    return snapshot


def print_rates(snapshot) -> None:
    """A sweep's success rates, the result people run it for."""
    from render.record.stats import format_rates

    rates = format_rates(snapshot.meta)
    if rates:
        say(rates)


def render_files(snapshot, stem: Path, options, recording: Path | None = None) -> list[Path]:
    """Render every requested format with a progress bar; the renderer's notes become output lines.
    With `recording`, the snapshot file is written too (first in the list), on a thread from the start."""
    from render.encode.video import render_snapshot
    from render.web.player import player_pages

    with _bar("rendering", "frames") as bar:
        task = bar.add_task(stem.name, total=None)
        def progress(done: int, total: int) -> None:
            check_signals()  # a Ctrl-C Python dropped stops the render here, before anything is committed
            bar.update(task, completed=done, total=total)

        return render_snapshot(snapshot, stem, options, progress=progress, report=say, recording=recording,
                               pages=player_pages(snapshot, options, stem.name))


def write_embed(kind: str | None, stem: Path, written: list[Path], meta: dict) -> None:
    """Write NAME.embed.md|html beside the outputs, say so, and print the snippet."""
    if kind:
        from render.web.embed import write_embed as write

        path, snippet = write(kind, stem, written, meta)
        report([path])
        say(snippet.rstrip("\n"))


def import_renderer() -> None:
    """What `render scene` does while its runs train: import matplotlib and the encoders."""
    import render.encode.video  # noqa: F401
