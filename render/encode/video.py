"""The renderer's public entry point: a snapshot in, GIF / MP4 / WebM / PNG / HTML files out.

All requested frame formats come from one pass over the frames; the HTML player needs no frames (its page
recomputes the curves) and is written while the encoders finish. Each file is written to a temporary name in
its target folder and renamed into place only when every encoder has finished, so a failed or
interrupted render never leaves a half-written file at the target path.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path

from render.draw.view import View, make_view
from render.encode.options import RenderOptions
from render.encode.stream import FrameProgress, stream
from render.encode.timeline import Timeline, default_duration
from render.encode.writers import WRITERS, Jobs, PosterWriter, Writer, finish_all
from render.record.atomic import publish_all, temp_beside
from render.record.snapshot import Snapshot, write_snapshot

VIDEO_FORMATS = ("mp4", "webm")
PAGE_FORMATS = ("html",)
#: writes one page of a render to the path it is given (see `render_snapshot`'s `pages`)
PageWriter = Callable[[Path], None]


def frame_formats(options: RenderOptions) -> tuple[tuple[int, int], list[str], list[float]]:
    """The master frame size, the frame formats to write (the poster added where a video or GIF asks for
    one) and the frame rates they need; pages need no frames."""
    formats = [f for f in dict.fromkeys(options.formats) if f not in PAGE_FORMATS]
    videos = [f for f in formats if f in VIDEO_FORMATS]
    if options.poster and (videos or "gif" in formats) and "png" not in formats:
        formats.append("png")
    w, h = options.video_size
    if "gif" in formats and not videos:  # GIF only: draw at the GIF's own size, nothing to scale
        size = (options.gif_width, max(2, round(options.gif_width * h / w / 2) * 2))
    else:
        size = (w, h)
    rates = ([options.video_fps] if videos or formats == ["png"] else []) + \
        ([options.gif_fps] if "gif" in formats else [])
    return size, formats, rates or [options.video_fps]


def plan(snapshot: Snapshot, options: RenderOptions) -> tuple[tuple[int, int], Timeline, list[str]]:
    """The master frame size, the master timeline and the frame formats to write (poster included)."""
    if not frame_formats(options)[1]:  # pages only: the timeline a video would have, for whoever asks
        size, timeline, _ = plan(snapshot, dataclasses.replace(options, formats=("mp4",)))
        return size, timeline, []
    size, formats, rates = frame_formats(options)
    n = len(snapshot.steps)
    timeline = Timeline(n, max(rates), options.duration or default_duration(n), options.hold,
                        options.interpolate)
    return size, timeline, formats


def _writer(fmt: str, path: Path, options: RenderOptions, timeline: Timeline, poster: int | None) -> Writer:
    if fmt == "png":
        frame = timeline.frame_of(options.poster_frame) if poster is None else poster
        return PosterWriter(path, options, timeline.fps, frame)
    fps = options.gif_fps if fmt == "gif" else options.video_fps
    return WRITERS[fmt](path, options, min(fps, timeline.fps))


def _report_choices(writers: list[Writer], targets: list[Path], options: RenderOptions,
                    report: Callable[[str], None] | None) -> None:
    if report is None or options.max_size is None:
        return
    for writer, target in zip(writers, targets):
        if getattr(writer, "chosen", None):
            fps, width, colours, size = writer.chosen
            report(f"{target.name} fits {options.max_size / 1e6:.2f} MB at {fps:g} fps, {width} px, "
                   f"{colours} colours ({size / 1e6:.2f} MB)")


def render_snapshot(snapshot: Snapshot, out_stem: Path, options: RenderOptions = RenderOptions(),
                    progress: FrameProgress | None = None,
                    report: Callable[[str], None] | None = None,
                    recording: Path | None = None,
                    pages: dict[str, PageWriter] | None = None) -> list[Path]:
    """Write `out_stem` + `.gif`/`.mp4`/`.webm`/`.png` as `options` asks; return the paths written.

    `pages` maps a suffix (".html") to a function that writes that page to the path it is given: the
    web stage's player, handed in by the caller so that encoding never depends on the pages. They are
    written while the encoders finish and published with the rest.

    `report` hears about choices made on the user's behalf (what `max_size` settled on). With
    `recording`, the snapshot file is written there too (first in the list), on a thread from the
    start, while ffmpeg starts and the figure is built. Nothing is renamed into place before everything
    has succeeded, so a failure or Ctrl-C leaves every earlier file at these paths as it was.

    The encoders start before the figure is built (ffmpeg's start-up overlaps it), and finish together.

    Raises `render.ffmpeg.EncoderError` (ffmpeg failed), `render.writers.GifTooLarge` (`max_size`
    cannot be met) or `render.fonts.FontMissing` (`lang="zh"` without the CJK font package).
    """
    size, timeline, formats = plan(snapshot, options)
    early = None
    if recording is not None:
        early = (Path(recording), functools.partial(write_snapshot, snapshot))
    targets, writers = encode(functools.partial(make_view, snapshot, size, options.theme, options.lang,
                                                options.loss_panel),
                              Path(out_stem), size, timeline, formats, options, progress, pages, early)
    _report_choices(writers, targets[-len(writers):] if writers else [], options, report)
    return targets


def encode(view: Callable[[], View], out_stem: Path, size: tuple[int, int], timeline: Timeline,
           formats: list[str], options: RenderOptions, progress: FrameProgress | None = None,
           pages: dict[str, PageWriter] | None = None,
           early: tuple[Path, Callable[[Path], None]] | None = None,
           poster: int | None = None) -> tuple[list[Path], list[Writer]]:
    """One pass over `view()`'s frames into every format's writer, then each page of `pages` and the
    `early` file (its path and the function writing it, started first on a thread) — all to temporary
    names, renamed into place together only when everything succeeded. `poster`: the PNG's frame
    (default: `options.poster_frame`). Returns the paths (early file, pages, then frame formats) and the
    writers. Every frame-writing command (`render_snapshot`, `render backprop`) goes through here."""
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    targets, temps = [], []
    jobs_early = Jobs()  # e.g. the recording file: compressed while ffmpeg starts and the figure is built
    try:
        writers = []
        for fmt in formats:
            target = out_stem.parent / (out_stem.name + WRITERS[fmt].suffix)
            targets.append(target)
            temps.append(temp_beside(target))
            writers.append(_writer(fmt, temps[-1], options, timeline, poster))
            writers[-1].label = target.name
        jobs = [w.finish for w in writers]
        for suffix, write_page in (pages or {}).items():
            target = out_stem.parent / f"{out_stem.name}{suffix}"
            targets.insert(0, target)
            temps.insert(0, temp_beside(target))
            jobs.append(functools.partial(write_page, temps[0]))
        if early is not None:
            targets.insert(0, early[0])
            temps.insert(0, temp_beside(early[0]))
            jobs_early.start(functools.partial(early[1], temps[0]))
        with contextlib.ExitStack() as stack:
            for writer in writers:
                stack.callback(writer.cleanup)  # registered first: a setup failing halfway is undone too
                writer.setup(size)
            if writers:
                stream(view(), timeline, writers, progress)
            finish_all(jobs)
            jobs_early.join()
        publish_all(list(zip(temps, targets)))
    finally:
        jobs_early.wait()  # never remove a file while it is being written
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return targets, writers

