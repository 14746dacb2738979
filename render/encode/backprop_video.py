"""`render backprop`'s files: the backprop frames (render.draw.backprop_figure) through the same streaming
loop and writers as every video, one beat per node, and the step-through page handed in by the caller.

Timing: BEAT seconds a node (a learner reads one number and its formula), the whole step held HOLD seconds
at the end; the PNG poster is that last frame (every value, grad and update). As `render_snapshot`, every
file goes to a temporary name and all are renamed into place only when all succeeded (`video.encode`).
"""

from __future__ import annotations

import functools
from pathlib import Path

from render.draw.backprop_figure import BackpropFigure
from render.encode.options import RenderOptions
from render.encode.stream import FrameProgress
from render.encode.timeline import Timeline
from render.encode.video import PageWriter, encode, frame_formats
from render.record.backprop import output_curves
from scenes import Scene

BEAT = 0.6  # seconds a node is the current one
HOLD = 3.0  # seconds the whole step stays at the end (at least)


def plan(n_beats: int, options: RenderOptions) -> tuple[tuple[int, int], Timeline, list[str]]:
    """The frame size and formats as every video's (`frame_formats`), and a timeline of a beat a node."""
    size, formats, rates = frame_formats(options)
    motion = options.duration or BEAT * (n_beats - 1)
    return size, Timeline(n_beats, max(rates), motion, max(options.hold, HOLD)), formats


def render_backprop(scene: Scene, step: dict, out_stem: Path, options: RenderOptions = RenderOptions(),
                    progress: FrameProgress | None = None,
                    pages: dict[str, PageWriter] | None = None) -> list[Path]:
    """Write `out_stem` + `.gif`/`.mp4`/`.webm`/`.png` (and each page of `pages`: suffix -> a function
    writing it to the path given) for `step` (a render.record.backprop dict of `scene`); return the paths.
    The PNG poster is the last frame: the whole step."""
    size, timeline, formats = plan(_beats(scene, step), options)
    figure = functools.partial(BackpropFigure, step, scene, output_curves(scene, step), theme=options.theme,
                               lang=options.lang, size=size)
    targets, _ = encode(figure, Path(out_stem), size, timeline, formats, options, progress, pages,
                        poster=timeline.frames - 1)
    return targets


def _beats(scene: Scene, step: dict) -> int:
    """How many beats the step's frames have (render.draw.backprop_beats, with the scene's folds)."""
    from render.draw.backprop_beats import beats
    from render.draw.graph_layout import fold_units, graph_model

    return len(beats(step, fold_units(graph_model(scene)).into))

