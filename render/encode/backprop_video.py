"""`render backprop`'s files: the backprop frames (render.draw.backprop_figure) through the same streaming
loop and writers as every video, one beat per node, and the step-through page handed in by the caller.

Timing: BEAT seconds a node (a learner reads one number and its formula), the whole step held HOLD seconds
at the end; the PNG poster is that last frame (every value, grad and update). As `render_snapshot`, every
file goes to a temporary name and all are renamed into place only when all succeeded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from render.draw.backprop_figure import BackpropFigure
from render.encode.options import RenderOptions
from render.encode.stream import FrameProgress, stream
from render.encode.timeline import Timeline
from render.encode.video import VIDEO_FORMATS, _writer
from render.encode.writers import WRITERS, PosterWriter, finish_all
from render.record.atomic import publish_all, temp_beside
from render.record.backprop import output_curves
from scenes import Scene

BEAT = 0.6  # seconds a node is the current one
HOLD = 3.0  # seconds the whole step stays at the end (at least)


def plan(n_beats: int, options: RenderOptions) -> tuple[tuple[int, int], Timeline, list[str]]:
    """The frame size, the timeline (a beat a snapshot) and the frame formats, the poster included."""
    formats = [f for f in dict.fromkeys(options.formats) if f != "html"]
    videos = [f for f in formats if f in VIDEO_FORMATS]
    if options.poster and (videos or "gif" in formats) and "png" not in formats:
        formats.append("png")
    w, h = options.video_size
    if "gif" in formats and not videos:
        w, h = options.gif_width, max(2, round(options.gif_width * h / w / 2) * 2)
    rates = ([options.video_fps] if videos or formats == ["png"] else []) + \
        ([options.gif_fps] if "gif" in formats else [])
    motion = options.duration or BEAT * (n_beats - 1)
    timeline = Timeline(n_beats, max(rates or [options.video_fps]), motion, max(options.hold, HOLD))
    return (w, h), timeline, formats


def render_backprop(scene: Scene, step: dict, out_stem: Path, options: RenderOptions = RenderOptions(),
                    progress: FrameProgress | None = None,
                    pages: dict[str, Callable[[Path], None]] | None = None) -> list[Path]:
    """Write `out_stem` + `.gif`/`.mp4`/`.webm`/`.png` (and each page of `pages`: suffix -> a function
    writing it to the path given) for `step` (a render.record.backprop dict of `scene`); return the paths."""
    out_stem = Path(out_stem)
    figure = functools.partial(BackpropFigure, step, scene, output_curves(scene, step), theme=options.theme,
                               lang=options.lang)
    n_beats = _beats(scene, step)
    size, timeline, formats = plan(n_beats, options)
    targets, temps, writers, jobs = [], [], [], []
    try:
        for fmt in formats:
            target = out_stem.parent / (out_stem.name + WRITERS[fmt].suffix)
            targets.append(target)
            temps.append(temp_beside(target))
            if fmt == "png":  # the last frame: the whole step
                writer = PosterWriter(temps[-1], options, timeline.fps, timeline.frames - 1)
            else:
                writer = _writer(fmt, temps[-1], options, timeline)
            writer.label = target.name
            writers.append(writer)
            jobs.append(writer.finish)
        for suffix, write_page in (pages or {}).items():
            targets.insert(0, out_stem.parent / f"{out_stem.name}{suffix}")
            temps.insert(0, temp_beside(targets[0]))
            jobs.append(functools.partial(write_page, temps[0]))
        try:
            for writer in writers:
                writer.setup(size)
            if writers:
                stream(figure(size=size), timeline, writers, progress)
            finish_all(jobs)
        finally:
            for writer in writers:
                writer.cleanup()
        publish_all(list(zip(temps, targets)))
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return targets


def _beats(scene: Scene, step: dict) -> int:
    """How many beats the step's frames have (render.draw.backprop_beats, with the scene's folds)."""
    from render.draw.backprop_beats import beats
    from render.draw.graph_layout import fold_units, graph_model

    return len(beats(step, fold_units(graph_model(scene)).into))

