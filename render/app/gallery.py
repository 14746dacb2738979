"""`render all`: every scene, rendered in parallel worker processes, and output/index.html to browse them.

Each worker records one scene, writes its snapshot, renders it (one pass for every format), writes its
embed snippets (`NAME.embed.html`, `NAME.embed.md`) and its graph diagram, and returns what it wrote.
Workers are separate processes (as many as cores): training and drawing are CPU-bound Python. They
come from a fork server that has already imported the renderer, so a worker starts in milliseconds
and no thread of the parent (progress bars) is ever forked.

The page shows per scene: the video (`<video>` with the poster, for MP4/WebM), the GIF (`<img>`), the
poster, the graph, the embed snippets and the command that makes that scene alone.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import shlex
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from render.encode.options import RenderOptions
from render.record.atomic import atomic_write


@dataclass(frozen=True)
class Job:
    """One scene to render, with the CLI's overrides; picklable for the worker."""

    name: str
    out: Path
    options: RenderOptions
    steps: int | None = None
    every: int | None = None
    lr: float | None = None
    seed: int | None = None
    graph: bool = True


@dataclass
class Result:
    name: str
    description: str = ""
    files: dict[str, str] = field(default_factory=dict)  # suffix (".mp4") -> file name
    sizes: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    snippets: dict[str, str] = field(default_factory=dict)  # "md" / "html" -> text
    video_size: tuple[int, int] | None = None
    duration: float | None = None  # seconds the videos last (motion + hold)
    seconds: float = 0.0  # wall time of this scene in its worker
    error: str | None = None


def render_job(job: Job) -> Result:
    """Worker: record, render, write snippets and the graph; errors come back as `Result.error`."""
    from render.app.embed import write_embed
    from render.draw.graph import render_graph
    from render.encode.video import plan, render_snapshot
    from render.record import record
    from render.record.snapshot import save_snapshot
    from scenes import get_scene

    t0 = time.perf_counter()
    result = Result(job.name)
    try:
        scene = get_scene(job.name).with_overrides(samples=job.steps, lr=job.lr, seed=job.seed,
                                                   every=job.every)
        result.description = scene.description
        snapshot = record(scene)
        stem = job.out / scene.name
        written = [save_snapshot(snapshot, stem.with_suffix(".npz"))]
        written += render_snapshot(snapshot, stem, job.options)
        for kind in ("html", "md"):
            path, text = write_embed(kind, stem, written, snapshot.meta)
            result.snippets[kind] = text
            written.append(path)
        if job.graph:
            graph = render_graph(scene, job.out / f"{scene.name}.graph", theme=job.options.theme)
            written += graph
        _, timeline, _ = plan(snapshot, job.options)
        result.duration = timeline.frames / timeline.fps
        result.video_size = job.options.video_size
        for path in written:
            result.files[path.name[len(scene.name):]] = path.name  # ".mp4", ".embed.html", ".graph.png"
            result.sizes[path.name] = path.stat().st_size
    except Exception as e:  # reported on the page and by the CLI; the other scenes carry on
        result.error = f"{type(e).__name__}: {e}"
    result.seconds = time.perf_counter() - t0
    return result


def _context() -> multiprocessing.context.BaseContext:
    """A fork server with the renderer preloaded where there is one (Linux, macOS); else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["render.app.gallery", "render.encode.video", "render.record",
                                   "render.draw.graph"])
        return ctx
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def render_all(jobs: list[Job], workers: int | None = None,
               done: Callable[[Result], None] | None = None) -> list[Result]:
    """Render `jobs` in `workers` processes (default: as many as cores); results in `jobs`' order."""
    workers = max(1, min(workers or default_jobs(), len(jobs)))
    results: dict[str, Result] = {}
    if workers == 1:
        for job in jobs:
            results[job.name] = render_job(job)
            if done:
                done(results[job.name])
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            futures = {pool.submit(render_job, job): job for job in jobs}
            for future in as_completed(futures):
                result = future.result()
                results[result.name] = result
                if done:
                    done(result)
    return [results[job.name] for job in jobs]


def command(job: Job, formats: tuple[str, ...], extra: list[str]) -> str:
    """The `render scene` command that makes this scene alone, with the same options."""
    args = ["render", "scene", job.name, "--format", ",".join(formats)] + extra + ["--embed", "html"]
    return shlex.join(args)


# -- the page ---------------------------------------------------------------------------------------

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1b1b1b; background: #fafafa; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.meta { color: #666; font-size: .85rem; }
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 1rem 1.2rem;
          margin: 1.2rem 0; }
.media { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .8rem;
         margin: .6rem 0; }
figure { margin: 0; } figure.wide { grid-column: 1 / -1; } figcaption { color: #666; font-size: .8rem; }
video, img { max-width: 100%; height: auto; border: 1px solid #eee; display: block; }
pre { background: #f4f4f4; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto; font-size: .78rem;
      white-space: pre-wrap; word-break: break-all; }
.error { color: #b00020; font-weight: 600; }
details summary { cursor: pointer; color: #444; font-size: .9rem; margin: .3rem 0; }
"""


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024**2 else f"{n / 1024**2:.1f} MB"


def _scene_section(result: Result, cmd: str) -> str:
    e = html.escape
    files = result.files
    parts = [f'<section id="{e(result.name)}">', f"<h2>{e(result.name)}</h2>",
             f'<p>{e(result.description)}</p>']
    if result.error:
        parts.append(f'<p class="error">failed: {e(result.error)}</p>')
    media = []
    poster = files.get(".png")
    w, h = result.video_size or (None, None)
    dims = f' width="{w}" height="{h}"' if w else ""
    videos = [(files[s], t) for s, t in ((".webm", "video/webm"), (".mp4", "video/mp4")) if s in files]
    for name, mime in videos:
        attrs = f' poster="{e(poster)}"' if poster else ""
        media.append(
            f'<figure><video controls muted loop playsinline preload="auto"{dims}{attrs} '
            f'data-expected-duration="{result.duration:.3f}" data-scene="{e(result.name)}">'
            f'<source src="{e(name)}" type="{mime}"></video>'
            f"<figcaption>{e(name)} · {_size(result.sizes[name])} · {result.duration:.1f} s</figcaption>"
            "</figure>")
    if ".gif" in files:
        gif = files[".gif"]
        alt = e(f"Animation of {result.name}: {result.description}", quote=True)
        media.append(f'<figure><img src="{e(gif)}" alt="{alt}" data-scene="{e(result.name)}" data-kind="gif">'
                     f"<figcaption>{e(gif)} · {_size(result.sizes[gif])}</figcaption></figure>")
    if poster:
        media.append(f'<figure><img src="{e(poster)}" alt="poster of {e(result.name)}" data-kind="poster">'
                     f"<figcaption>poster {e(poster)} · {_size(result.sizes[poster])}</figcaption></figure>")
    if ".graph.png" in files:
        graph = files[".graph.png"]
        svg = files.get(".graph.svg")
        link = f' (<a href="{e(svg)}">SVG</a>)' if svg else ""
        media.append(f'<figure class="wide"><img src="{e(graph)}" '
                     f'alt="computation graph of {e(result.name)}" '
                     f'data-kind="graph"><figcaption>computation graph{link}: <code>render graph '
                     f'{e(result.name)}</code></figcaption></figure>')
    if media:
        parts.append('<div class="media">' + "".join(media) + "</div>")
    parts.append(f"<p class=meta>made by</p><pre><code>{e(cmd)}</code></pre>")
    for kind, title in (("html", "embed in HTML"), ("md", "embed in Markdown")):
        if kind in result.snippets:
            parts.append(f"<details{' open' if kind == 'html' else ''}><summary>{title} "
                         f"({e(result.files.get('.embed.' + kind, ''))})</summary>"
                         f"<pre><code>{e(result.snippets[kind])}</code></pre></details>")
    parts.append(f'<p class="meta">rendered in {result.seconds:.1f} s</p></section>')
    return "\n".join(parts)


def write_index(out: Path, results: list[Result], commands: dict[str, str], wall: float,
                workers: int) -> Path:
    """output/index.html: every scene's animations, poster, graph, snippets and command."""
    import ourdl

    e = html.escape
    nav = " · ".join(f'<a href="#{e(r.name)}">{e(r.name)}</a>' for r in results)
    body = "\n".join(_scene_section(r, commands[r.name]) for r in results)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ourdl-render gallery</title><style>{CSS}</style></head>
<body>
<h1>ourdl-render gallery</h1>
<p class="meta">{len(results)} scenes rendered in {wall:.1f} s by {workers} worker processes ·
ourdl-render {e(ourdl.__version__)} · Python {sys.version.split()[0]} · <code>render all</code></p>
<p>{nav}</p>
{body}
</body></html>
"""
    target = Path(out) / "index.html"
    with atomic_write(target) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    return target
