"""The `render` command: pick a scene, record it, render it. The engine lives elsewhere; this file
only parses options, reports progress and turns user errors into one clear line on stderr."""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from render.check import GOLDEN_DIR, check_scenes
from render.record import estimated_bytes
from render.record import record as record_scene
from render.snapshot import Snapshot, SnapshotError, save_snapshot
from scenes import Scene, SceneNotFound, get_scene, list_scenes

app = typer.Typer(
    help="Record how a tiny ourdl network trains, and render it as GIF/MP4/WebM/PNG.\n\n"
         "Example: render scene fig7_vs_fig8",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
_state = {"debug": False}


class UserError(Exception):
    """A problem the user can fix; shown as one line, exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every `finally` cleans up its temporary files."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


def _fail(message: str, code: int) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every expected failure into one line on stderr and an exit code; no traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except Terminated:
        raise _fail("terminated; no partial output was left behind", 143) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; no partial output was left behind", 130) from None
    except SceneNotFound as e:
        raise _fail(str(e), 2) from None
    except UserError as e:
        raise _fail(str(e), e.code) from None
    except SnapshotError as e:
        raise _fail(str(e), 1) from None
    except OSError as e:
        where = f" ({e.filename})" if getattr(e, "filename", None) else ""
        raise _fail(f"{e.strerror or e}{where}", 1) from None
    except Exception as e:  # a bug, not a user error: still one line unless --debug
        if _state["debug"]:
            traceback.print_exc()
        raise _fail(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)",
                    1) from None


def _scene(name: str, steps: int | None, lr: float | None, seed: int | None,
           every: int | None) -> Scene:
    return get_scene(name).with_overrides(samples=steps, lr=lr, seed=seed, every=every)


#: Recordings are held in memory before they are written; beyond this we refuse up front.
MAX_RECORDING_BYTES = 2 * 1024**3


def _record(scene: Scene) -> Snapshot:
    total = sum(r.samples for r in scene.runs)
    need = estimated_bytes(scene)
    if need > MAX_RECORDING_BYTES:
        raise UserError(f"scene {scene.name} would record about {need / 1024**3:.1f} GiB of snapshots "
                        f"(limit {MAX_RECORDING_BYTES / 1024**3:.0f} GiB); snapshot less often (--every) "
                        f"or train fewer samples (--steps)", 2)
    columns = (TextColumn("training {task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("samples"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(scene.name, total=total)
        snapshot = record_scene(scene, progress=lambda n: progress.advance(task, n))
    for run in snapshot.meta["runs"]:
        if run.get("diverged_at") is not None:
            err_console.print(f"[yellow]warning:[/] run '{run['label']}' diverged (loss or parameters "
                              f"not finite) at sample {run['diverged_at']}; its training stopped there")
    return snapshot


def _out_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise UserError(f"output folder {out} is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create output folder {out}: {e.strerror}") from None
    return out


def _size(path: Path) -> str:
    n = path.stat().st_size
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def _report(paths: list[Path]) -> None:
    for p in paths:
        out_console.print(f"wrote {p}  ({_size(p)})")


Steps = Annotated[int | None, typer.Option("--steps", min=1, help="Training samples per run.")]
Lr = Annotated[float | None, typer.Option("--lr", help="Learning rate for every run.")]
Seed = Annotated[int | None, typer.Option("--seed", help="Seed for the data (and random inits).")]
Every = Annotated[int | None, typer.Option("--every", min=1,
                                           help="Snapshot every N samples (default: the scene's schedule).")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option(help="Show tracebacks for errors.")] = False) -> None:
    _state["debug"] = debug


@app.command("list")
def list_() -> None:
    """List the scenes, with a one-line description each.

    Example: render list
    """
    for scene in list_scenes():
        runs = len(scene.runs)
        out_console.print(f"[bold]{scene.name:<20}[/] {runs} run{'s' if runs > 1 else ''}, "
                          f"{scene.total_samples} samples  {scene.description}", soft_wrap=True)


@app.command()
def record(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Snapshot file to write "
                                                "(default: output/NAME.npz).")] = None,
    steps: Steps = None, lr: Lr = None, seed: Seed = None, every: Every = None,
) -> None:
    """Only record: train the scene headlessly and write its snapshot file (.npz).

    Example: render record fig8 -o fig8.npz
    """
    with user_errors():
        scene = _scene(name, steps, lr, seed, every)
        target = output if output is not None else _out_dir(Path("output")) / f"{scene.name}.npz"
        if target.parent and not target.parent.exists():
            raise UserError(f"folder {target.parent} does not exist")
        snapshot = _record(scene)
        _report([save_snapshot(snapshot, target)])


@app.command()
def check(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="SCENE", help="Scenes to check (default: every registered scene).")] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="Rewrite the goldens that differ (or are missing), and say which changed.")] = False,
    golden_dir: Annotated[Path, typer.Option(
        "--golden-dir", help="Folder of the golden snapshot files (default: tests/goldens).",
        show_default=False)] = GOLDEN_DIR,
) -> None:
    """Regression check: re-record scenes in a fast configuration and compare with their goldens.

    Exits 1 if any array differs, naming its run, node, first differing step and max difference.

    Example: render check fig7_vs_fig8   (after an intended change: render check --update)
    """
    with user_errors():
        report = check_scenes(names or None, update=update, golden_dir=golden_dir)
    out_console.print(str(report), markup=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


def main() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm)
    app(prog_name="render")


if __name__ == "__main__":
    sys.exit(main())
