"""The animation: its FuncAnimation definition, and our streaming save loop over the same frames.

`FuncAnimation.save` redraws the whole figure (twice) for every frame. `stream` instead draws the
static background once, and per frame restores it, draws only the animated artists and hands the RGBA
pixels to every writer: one draw per frame whatever the number of formats, and no list of frames in
memory. The frames are drawn into a few Agg renderers in turn (`Renderers`), so a frame reaches the
writers (the encoders' feeder threads) without being copied.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Sequence
from queue import Empty, SimpleQueue

import matplotlib
import numpy as np
from matplotlib.animation import FuncAnimation
from matplotlib.backends.backend_agg import RendererAgg

from render.draw.view import View
from render.encode.timeline import Timeline
from render.encode.writers import Writer

FrameProgress = Callable[[int, int], None]  # (frames done, frames in all)


def make_animation(view: View, timeline: Timeline) -> FuncAnimation:
    """The animation's definition: blits in GUIs, plays in notebooks (`anim.to_jshtml()`)."""
    return FuncAnimation(view.fig, lambda k: view.update(timeline.position(k)), frames=timeline.frames,
                         init_func=view.init, blit=True, interval=1000 / timeline.fps, repeat=False)


class Renderers:
    """Agg renderers of one size that take turns, so that a frame is handed out without a copy.

    `frame(renderer)` gives the writers a read-only view of the renderer's pixels. A renderer is drawn
    in again only once nothing holds that view or an array made from it (every numpy view of it keeps
    the one array `frame` made from the buffer alive): the encoders' feeder threads drop a frame once it
    is in ffmpeg's pipe. Two renderers take turns: `free` waits for the frame before last to be let go,
    as putting a frame into a full encoder queue would wait; four in turn (one per frame an encoder
    queue lets wait) missed the caches so often that they saved nothing over the copy. A writer that
    keeps frames is noticed by its holding one longer than `patience`; from then on every frame it holds
    gets a renderer of its own.
    """

    keep, patience = 2, 1.0  # renderers taking turns; seconds a frame may be held before it counts as kept

    def __init__(self, first: RendererAgg) -> None:
        self.first = first
        self._views: dict[int, tuple[RendererAgg, weakref.ref | None]] = {id(first): (first, None)}
        # a token per frame let go, put by whichever thread drops it (SimpleQueue.put never blocks)
        self._released: SimpleQueue = SimpleQueue()

    def free(self) -> RendererAgg:
        """A renderer whose last frame nobody holds any more (a new one if frames are being kept)."""
        deadline = None
        while not self._released.empty():  # tokens of frames let go before this look at them
            self._released.get_nowait()
        while True:
            for renderer, view in self._views.values():
                if view is None or view() is None:
                    return renderer
            if len(self._views) < self.keep:
                break
            now = time.monotonic()
            deadline = deadline or now + self.patience
            try:
                self._released.get(timeout=max(deadline - now, 0.0))
            except Empty:
                self.keep = float("inf")  # a writer keeps frames: stop waiting for them
                break
        first = self.first
        renderer = RendererAgg(first.width, first.height, first.dpi)
        self._views[id(renderer)] = (renderer, None)
        return renderer

    def frame(self, renderer: RendererAgg) -> np.ndarray:
        """The renderer's RGBA pixels as a read-only (height, width, 4) array, not a copy."""
        pixels = np.frombuffer(renderer.buffer_rgba(), np.uint8)
        pixels.flags.writeable = False
        released = self._released  # not self: the callback must not keep the renderers alive in a cycle
        self._views[id(renderer)] = (renderer, weakref.ref(pixels, lambda _gone: released.put(None)))
        return pixels.reshape(int(renderer.height), int(renderer.width), 4)


def stream(view: View, timeline: Timeline, writers: Sequence[Writer],
           progress: FrameProgress | None = None) -> int:
    """Render `timeline`'s frames once each and feed them to `writers` (already set up).

    A writer gets master frame k when `timeline.takes(k, writer.fps)`; the loop stops after the last
    frame any writer needs. Returns the number of frames drawn. A frame is a read-only array that stays
    as it is for as long as anyone holds it (see `Renderers`).
    """
    fig, canvas = view.fig, view.fig.canvas
    needed = [w.last_frame if w.last_frame is not None else timeline.frames - 1 for w in writers]
    end = min(max(needed, default=-1) + 1, timeline.frames)
    artists = sorted(view.animated, key=lambda a: a.get_zorder())
    with matplotlib.rc_context(view.rc):
        view.init()
        canvas.draw()  # the animated artists are skipped: this is the static background
        background = canvas.copy_from_bbox(fig.bbox)  # the whole canvas
        renderers = Renderers(canvas.get_renderer())
        shown, drawn, frame = None, 0, None
        for k in range(end):
            pos = timeline.position(k)
            if pos != shown:  # held frames reuse the last frame as it is
                view.update(pos)
                renderer = renderers.free()  # never the one `frame` (still handed out) is in
                renderer.restore_region(background)
                for artist in artists:
                    artist.draw(renderer)
                shown, drawn = pos, drawn + 1
                # shared by every writer: the encoders' feeder threads send it while the next frame
                # is drawn into another renderer
                frame = renderers.frame(renderer)
            for writer in writers:
                if timeline.takes(k, writer.fps):
                    writer.grab_frame(frame)
            if progress:
                progress(k + 1, end)
    return drawn


def render_frame(view: View, pos: float) -> np.ndarray:
    """One frame as an RGBA array (a copy), drawn in full: for tests and quick looks."""
    with matplotlib.rc_context(view.rc):
        view.update(pos)
        for artist in view.animated:
            artist.set_animated(False)
        try:
            view.fig.canvas.draw()
        finally:
            for artist in view.animated:
                artist.set_animated(True)
        return np.array(view.fig.canvas.buffer_rgba(), copy=True)
