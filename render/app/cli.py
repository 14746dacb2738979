"""The `render` command: pick a scene, record it, render it. The engine lives elsewhere; this file
only parses options, reports progress and turns user errors into one clear line on stderr."""

from __future__ import annotations

import difflib
import signal
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from render.draw.fonts import FontMissing
from render.encode.ffmpeg import EncoderError
from render.encode.options import RenderOptions, parse_bytes, parse_size
from render.encode.video import render_snapshot
from render.encode.writers import GifTooLarge
from render.record import record as record_scene
from render.record.check import GOLDEN_DIR, check_scenes
from render.record.runs import estimated_bytes
from render.record.snapshot import Snapshot, SnapshotError, load_snapshot, save_snapshot
from scenes import Scene, SceneNotFound, get_scene, list_scenes
from scenes.chapter import ACTIVATIONS

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
    except (SnapshotError, EncoderError, GifTooLarge, FontMissing) as e:
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
           every: int | None, activation: str | None = None, runs: int | None = None) -> Scene:
    if activation is not None and activation not in ACTIVATIONS:
        close = ", ".join(difflib.get_close_matches(activation, ACTIVATIONS, n=1)) or ", ".join(ACTIVATIONS)
        raise UserError(f"unknown activation {activation!r}; did you mean {close}?", 2)
    if lr is not None and not 0 < lr < float("inf"):  # nan fails too
        raise UserError(f"--lr {lr} is not a positive learning rate", 2)
    scene = get_scene(name)
    if runs is not None:
        if not hasattr(scene, "with_count"):
            raise UserError(f"--runs is for sweep scenes; {scene.name} has fixed runs", 2)
        scene = scene.with_count(runs)
    return scene.with_overrides(samples=steps, lr=lr, seed=seed, every=every, activation=activation)


#: Recordings are held in memory before they are written; beyond this we refuse up front.
MAX_RECORDING_BYTES = 2 * 1024**3


def _print_rates(snapshot: Snapshot) -> None:
    """A sweep's success rates, the result people run it for."""
    from render.record.stats import format_rates

    rates = format_rates(snapshot.meta)
    if rates:
        out_console.print(rates, markup=False, highlight=False, soft_wrap=True)


def _record(scene: Scene) -> Snapshot:
    total = sum(r.samples for r in scene.runs)
    need = estimated_bytes(scene)
    if need > MAX_RECORDING_BYTES:
        raise UserError(f"scene {scene.name} would record about {need / 1024**3:.1f} GiB of snapshots "
                        f"(limit {MAX_RECORDING_BYTES / 1024**3:.0f} GiB); snapshot less often (--every) "
                        f"or train fewer samples (--steps)", 2)
    columns = (TextColumn("training {task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("samples"), TimeElapsedColumn())
    quiet = not err_console.is_terminal  # a transient bar still prints a blank line off a terminal
    with Progress(*columns, console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task(scene.name, total=total)
        snapshot = record_scene(scene, progress=lambda n: progress.advance(task, n))
    for run in snapshot.meta["runs"]:
        if run.get("diverged_at") is not None:
            err_console.print(f"[yellow]warning:[/] run '{run['label']}' diverged (loss or parameters "
                              f"not finite) at sample {run['diverged_at']}; its training stopped there",
                              soft_wrap=True)
    _print_rates(snapshot)
    return snapshot


def _out_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise UserError(f"output folder {out} is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create output folder {out}: {e.strerror}") from None
    _check_writable(out)
    return out


def _check_writable(folder: Path) -> None:
    """Fail before the work, not after it, when nothing can be written into `folder`."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        raise UserError(f"cannot write into folder {folder}: {e.strerror}") from None


def _size(path: Path) -> str:
    """Decimal units, as `--max-size 2MB` reads them and as blog hosts quote their limits."""
    n = path.stat().st_size
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"


def _report(paths: list[Path]) -> None:
    for p in paths:
        out_console.print(f"wrote {p}  ({_size(p)})", soft_wrap=True)


Steps = Annotated[int | None, typer.Option("--steps", min=1, help="Training samples per run.")]
Lr = Annotated[float | None, typer.Option("--lr", help="Learning rate for every run.")]
Seed = Annotated[int | None, typer.Option("--seed", help="Seed for the data (and random inits).")]
Runs = Annotated[int | None, typer.Option("--runs", min=1, help="Sweep scenes: how many inits.")]
Every = Annotated[int | None, typer.Option("--every", min=1,
                                           help="Snapshot every N samples (default: the scene's schedule).")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
          ) -> None:
    _state["debug"] = debug


@app.command("list")
def list_() -> None:
    """List the scenes, with a one-line description each.

    Example: render list
    """
    for scene in list_scenes():
        count = getattr(scene, "count", None)
        runs = f"{count} inits" if count else f"{len(scene.runs)} run{'s' if len(scene.runs) > 1 else ''}"
        out_console.print(f"[bold]{scene.name:<20}[/] {runs}, {scene.total_samples} samples  "
                          f"{scene.description}", soft_wrap=True)


@app.command()
def record(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Snapshot file to write "
                                                "(default: output/NAME.npz).")] = None,
    steps: Steps = None, lr: Lr = None, seed: Seed = None, every: Every = None,
    activation: Activation = None, runs: Runs = None,
) -> None:
    """Only record: train the scene headlessly and write its snapshot file (.npz).

    Example: render record fig8 -o fig8.npz
    """
    with user_errors():
        scene = _scene(name, steps, lr, seed, every, activation, runs)
        target = output if output is not None else _out_dir(Path("output")) / f"{scene.name}.npz"
        if target.is_dir():
            raise UserError(f"{target} is a folder; name the snapshot file, e.g. {target / scene.name}.npz")
        if not target.parent.is_dir():
            raise UserError(f"{target.parent} is a file, not a folder" if target.parent.exists()
                            else f"folder {target.parent} does not exist")
        _check_writable(target.parent)
        snapshot = _record(scene)
        _report([save_snapshot(snapshot, target)])


Formats = Annotated[str, typer.Option("--format", "-f", help="Comma-separated: gif, mp4, webm, png.")]
Out = Annotated[Path | None, typer.Option("--out", help="Output folder.")]
Fps = Annotated[float | None, typer.Option("--fps", min=1, max=120, help="Video frames per second "
                                           "(default: the quality preset's).")]
Quality = Annotated[str, typer.Option("--quality", help="low (854x480@15), medium (1280x720@30) "
                                      "or high (1920x1080@60).")]
Size = Annotated[str | None, typer.Option("--size", help="Video size WIDTHxHEIGHT, e.g. 1280x720.")]
Theme = Annotated[str, typer.Option("--theme", help="light or dark.")]
Lang = Annotated[str, typer.Option("--lang", help="en, or zh for Chinese titles, legends and captions.")]
Loss = Annotated[bool, typer.Option("--loss/--no-loss", help="Draw the loss panel.")]
GifFps = Annotated[float, typer.Option("--gif-fps", min=1, max=50, help="GIF frames per second.")]
GifWidth = Annotated[int, typer.Option("--gif-width", min=64, help="GIF width in pixels.")]
MaxSize = Annotated[str | None, typer.Option("--max-size", help="Shrink the GIF until it fits, e.g. 2MB.")]
Interp = Annotated[bool, typer.Option("--interpolate", help="Blend between snapshots (slow motion).")]
Frame = Annotated[int, typer.Option("--frame", help="Snapshot index of the PNG poster (-1: the last).")]
Activation = Annotated[str | None, typer.Option("--activation", help="Swap the hidden activation: "
                                                "LeakyRelu, Relu, Sigmoid, Tanh or Step.")]
Embed = Annotated[str | None, typer.Option("--embed", help="Also write a snippet for a blog post beside the "
                                           "outputs: md (the GIF with alt text) or html (<video> with the "
                                           "GIF as fallback).")]


def _embed_kind(embed: str | None) -> str | None:
    if embed is not None and embed.lower() not in ("md", "html"):
        raise UserError(f"embed {embed!r} (choose md or html)", 2)
    return embed.lower() if embed else None


def _write_embed(kind: str | None, stem: Path, written: list[Path], meta: dict) -> None:
    """Write NAME.embed.md|html beside the outputs, say so, and print the snippet."""
    if kind:
        from render.app.embed import write_embed

        path, snippet = write_embed(kind, stem, written, meta)
        _report([path])
        out_console.print(snippet, markup=False, highlight=False, soft_wrap=True, end="")


Duration = Annotated[float | None, typer.Option("--duration", min=0.1, help="Seconds of motion "
                                                "(default: one snapshot a frame, 3-12 s).")]
Hold = Annotated[float, typer.Option("--hold", min=0, help="Seconds the final state stays on screen.")]
Crf = Annotated[int, typer.Option("--crf", min=0, max=63, help="MP4/WebM quality: lower is better and "
                                  "bigger.")]
Preset = Annotated[str, typer.Option("--preset", help="x264 preset for the MP4: veryfast (default) to "
                                     "veryslow trade speed for bytes.")]
GifColors = Annotated[int, typer.Option("--gif-colors", min=2, max=256, help="GIF palette size.")]
Dither = Annotated[str, typer.Option("--dither", help="GIF dither: none, bayer, sierra2_4a or "
                                     "floyd_steinberg.")]
Poster = Annotated[bool, typer.Option("--poster/--no-poster", help="Write a PNG poster beside videos.")]


def _options(fmt: str, size: str | None, max_size: str | None, **fields) -> RenderOptions:
    """RenderOptions from the command line; `fields` are RenderOptions fields as typed."""
    try:
        return RenderOptions(formats=tuple(f.strip().lower() for f in fmt.split(",") if f.strip()),
                             size=parse_size(size) if size else None,
                             max_size=parse_bytes(max_size) if max_size else None, **fields)
    except ValueError as e:
        raise UserError(str(e), 2) from None


def _render(snapshot: Snapshot, stem: Path, options: RenderOptions) -> list[Path]:
    with Progress(TextColumn("rendering {task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("frames"), TimeElapsedColumn(), console=err_console, transient=True,
                  disable=not err_console.is_terminal) as bar:
        task = bar.add_task(stem.name, total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return render_snapshot(snapshot, stem, options, progress=progress,
                               report=lambda note: out_console.print(note, soft_wrap=True))


@app.command()
def scene(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`).")],
    fmt: Formats = "gif,mp4", out: Out = None, fps: Fps = None, every: Every = None, steps: Steps = None,
    lr: Lr = None, seed: Seed = None, activation: Activation = None, runs: Runs = None,
    quality: Quality = "medium",
    size: Size = None, theme: Theme = "light", lang: Lang = "en", loss: Loss = True,
    gif_fps: GifFps = 15.0, gif_width: GifWidth = 800, max_size: MaxSize = None,
    interpolate: Interp = False, frame: Frame = -1, embed: Embed = None, duration: Duration = None,
    hold: Hold = 1.5, crf: Crf = 23, gif_colors: GifColors = 128, dither: Dither = "none",
    poster: Poster = True, preset: Preset = "veryfast",
) -> None:
    """Record a scene and render it: the snapshot file, a GIF and an MP4 land in output/.

    Example: render scene fig7_vs_fig8 --format gif,mp4,webm --out site/img
    """
    with user_errors():
        chosen = _scene(name, steps, lr, seed, every, activation, runs)
        kind = _embed_kind(embed)
        options = _options(fmt, size, max_size, fps=fps, quality=quality, theme=theme, lang=lang,
                           loss_panel=loss, gif_fps=gif_fps, gif_width=gif_width, interpolate=interpolate,
                           poster_frame=frame, duration=duration, hold=hold, crf=crf,
                           gif_colors=gif_colors, gif_dither=dither, poster=poster, preset=preset)
        folder = _out_dir(out if out is not None else Path("output"))
        snapshot = _record(chosen)
        rendered = _render(snapshot, folder / chosen.name, options)
        # saved last, so an interrupted render leaves an earlier recording untouched too
        written = [save_snapshot(snapshot, folder / f"{chosen.name}.npz"), *rendered]
        _report(written)
        _write_embed(kind, folder / chosen.name, written, snapshot.meta)


@app.command()
def video(
    file: Annotated[Path, typer.Argument(help="A snapshot file written by `render record`.")],
    fmt: Formats = "gif,mp4", out: Annotated[Path | None, typer.Option(
        "--out", help="Output folder (default: the snapshot's folder).")] = None,
    fps: Fps = None, quality: Quality = "medium", size: Size = None, theme: Theme = "light",
    lang: Lang = "en", loss: Loss = True, gif_fps: GifFps = 15.0, gif_width: GifWidth = 800,
    max_size: MaxSize = None, interpolate: Interp = False, frame: Frame = -1, embed: Embed = None,
    duration: Duration = None, hold: Hold = 1.5, crf: Crf = 23, gif_colors: GifColors = 128,
    dither: Dither = "none", poster: Poster = True, preset: Preset = "veryfast",
) -> None:
    """Only render: turn an existing snapshot file into GIF/MP4/WebM/PNG, without retraining.

    Example: render video output/fig7_vs_fig8.npz --format mp4 --quality high
    """
    with user_errors():
        kind = _embed_kind(embed)
        options = _options(fmt, size, max_size, fps=fps, quality=quality, theme=theme, lang=lang,
                           loss_panel=loss, gif_fps=gif_fps, gif_width=gif_width, interpolate=interpolate,
                           poster_frame=frame, duration=duration, hold=hold, crf=crf,
                           gif_colors=gif_colors, gif_dither=dither, poster=poster, preset=preset)
        snapshot = load_snapshot(file)
        _print_rates(snapshot)
        folder = _out_dir(out if out is not None else file.parent)
        written = _render(snapshot, folder / file.stem, options)
        _report(written)
        _write_embed(kind, folder / file.stem, written, snapshot.meta)


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


@app.command()
def graph(
    name: Annotated[str, typer.Argument(help="Scene name (see `render list`), or path/to/file.py:NAME.")],
    out: Out = None, theme: Theme = "light", activation: Activation = None,
    engine: Annotated[str, typer.Option("--engine", help="auto (graphviz when `dot` is installed, else "
                                        "matplotlib), matplotlib or graphviz.")] = "auto",
) -> None:
    """Draw the scene's computation graph as PNG and SVG.

    Nodes carry the tutorial's names, trainable leaves are marked, and the nodes the panels draw are
    filled in their curves' colours.

    Example: render graph fig7_vs_fig8 --out docs
    """
    from render.draw.graph import render_graph

    with user_errors():
        chosen = _scene(name, None, None, None, None, activation)
        folder = _out_dir(out if out is not None else Path("output"))
        try:
            written = render_graph(chosen, folder / f"{chosen.name}.graph", theme=theme, engine=engine)
        except ValueError as e:
            raise UserError(str(e), 2) from None
        _report(written)


@app.command("all")
def all_(
    names: Annotated[list[str] | None, typer.Argument(
        metavar="[SCENE]...", help="Scenes to render (default: every registered scene).")] = None,
    fmt: Formats = "gif,mp4",
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    quality: Quality = "medium", size: Size = None, fps: Fps = None, theme: Theme = "light",
    steps: Steps = None, every: Every = None, lr: Lr = None, seed: Seed = None,
    gif_fps: GifFps = 15.0, gif_width: GifWidth = 800,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes "
                                             "(default: as many as cores).")] = None,
) -> None:
    """Render every scene in parallel worker processes and write a gallery, OUT/index.html.

    The gallery shows each animation, its poster, its graph, its embed snippets and the command
    that made it.

    Example: render all --quality low --steps 600
    """
    import time

    from render.app.gallery import Job, command, default_jobs, render_all, write_index

    with user_errors():
        options = _options(fmt, size, None, fps=fps, quality=quality, theme=theme, gif_fps=gif_fps,
                           gif_width=gif_width)
        chosen = names or [s.name for s in list_scenes()]
        for name in chosen:
            get_scene(name)  # unknown names fail here, before any work
        folder = _out_dir(out)
        workers = min(jobs or default_jobs(), len(chosen))
        extra = [*(["--out", str(out)] if out != Path("output") else []),
                 *(["--quality", quality] if quality != "medium" else []),
                 *(["--size", size] if size else []), *(["--fps", f"{fps:g}"] if fps else []),
                 *(["--theme", theme] if theme != "light" else []),
                 *(["--steps", str(steps)] if steps else []), *(["--every", str(every)] if every else []),
                 *(["--lr", f"{lr:g}"] if lr is not None else []),
                 *(["--seed", str(seed)] if seed is not None else []),
                 *(["--gif-fps", f"{gif_fps:g}"] if gif_fps != 15.0 else []),
                 *(["--gif-width", str(gif_width)] if gif_width != 800 else [])]
        job_list = [Job(n, folder, options, steps=steps, every=every, lr=lr, seed=seed) for n in chosen]
        t0 = time.perf_counter()
        failed = []

        def done(result) -> None:
            if result.error:
                failed.append(result.name)
                err_console.print(f"[bold red]failed:[/] {result.name}: {result.error}", soft_wrap=True)
            else:
                total = sum(result.sizes.values())
                out_console.print(f"rendered {result.name:<20} {len(result.files)} files, "
                                  f"{total / 1024**2:.1f} MB, {result.seconds:.1f} s")

        out_console.print(f"rendering {len(job_list)} scenes in {workers} worker processes")
        results = render_all(job_list, workers, done)
        wall = time.perf_counter() - t0
        commands = {job.name: command(job, options.formats, extra) for job in job_list}
        index = write_index(folder, results, commands, wall, workers)
        out_console.print(f"wrote {index}  ({len(results) - len(failed)} of {len(results)} scenes, "
                          f"{wall:.1f} s)")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    signal.signal(signal.SIGTERM, _on_sigterm)
    app(prog_name="render")


if __name__ == "__main__":
    sys.exit(main())
