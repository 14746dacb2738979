"""`render all`: every scene, rendered in parallel worker processes, and output/index.html to browse them.

Each worker records one scene, writes its snapshot, renders it (one pass for every format), writes its
embed snippets (`NAME.embed.html`, `NAME.embed.md`) and its graph diagram, and returns what it wrote.
Workers are separate processes (as many as cores): training and drawing are CPU-bound Python. They
come from a fork server that has already imported the renderer, so a worker starts in milliseconds
and no thread of the parent (progress bars) is ever forked.

The page (render.web.gallery_page) shows what each scene's worker wrote.
"""

from __future__ import annotations

import multiprocessing
import os
import shlex
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from render.encode.options import RenderOptions
from render.web.gallery_page import Result


@dataclass(frozen=True)
class Job:
    """One scene to render, with the CLI's training options (`render.app.params.TRAINING`); picklable."""

    name: str
    out: Path
    options: RenderOptions
    training: dict = field(default_factory=dict)
    graph: bool = True


def render_job(job: Job) -> Result:
    """Worker: record, render, write snippets and the graph; errors come back as `Result.error`."""
    from render.app.params import training_scene
    from render.draw.graph import render_graph
    from render.encode.video import plan, render_snapshot
    from render.record import record
    from render.web.embed import write_embed
    from render.web.player import player_pages

    t0 = time.perf_counter()
    result = Result(job.name)
    try:
        scene = training_scene(job.name, job.training)
        result.description = scene.description
        snapshot = record(scene)
        result.kind, result.runs = snapshot.kind, len(snapshot.meta.get("runs", []))
        stem = job.out / scene.name
        written = render_snapshot(snapshot, stem, job.options, recording=stem.with_suffix(".npz"),
                                  pages=player_pages(snapshot, job.options, stem.name))
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


def command(name: str, argv: list[str]) -> str:
    """The `render scene` command that makes this scene alone, with the same options."""
    return shlex.join(["render", "scene", name, *argv, "--embed", "html"])
