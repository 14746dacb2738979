"""The animation: its FuncAnimation definition, and our streaming save loop over the same frames.

`FuncAnimation.save` redraws the whole figure (twice) for every frame. `stream` instead draws the
static background once, and per frame restores it, draws only the animated artists and hands the Agg
canvas's RGBA bytes to every writer: one draw per frame whatever the number of formats, and no list
of frames in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib
import numpy as np
from matplotlib.animation import FuncAnimation

from render.draw.view import View
from render.encode.timeline import Timeline
from render.encode.writers import Writer

FrameProgress = Callable[[int, int], None]  # (frames done, frames in all)


def make_animation(view: View, timeline: Timeline) -> FuncAnimation:
    """The animation for matplotlib: `save()` with its writers, `to_jshtml()` in notebooks, a GUI window.

    It takes the view over: its artists stop being animated and every frame draws the whole figure,
    because matplotlib never draws an animated artist of the figure itself (the captions) when it saves,
    and cannot blit one."""
    for artist in view.animated:
        artist.set_animated(False)
    return FuncAnimation(view.fig, lambda k: view.update(timeline.position(k)), frames=timeline.frames,
                         init_func=view.init, blit=False, interval=1000 / timeline.fps, repeat=False)


def stream(view: View, timeline: Timeline, writers: Sequence[Writer],
           progress: FrameProgress | None = None) -> int:
    """Render `timeline`'s frames once each and feed them to `writers` (already set up).

    A writer gets master frame k when `timeline.takes(k, writer.fps)`; the loop stops after the last
    frame any writer needs. Returns the number of frames drawn.
    """
    fig, canvas = view.fig, view.fig.canvas
    needed = [w.last_frame if w.last_frame is not None else timeline.frames - 1 for w in writers]
    end = min(max(needed, default=-1) + 1, timeline.frames)
    artists = sorted(view.animated, key=lambda a: a.get_zorder())
    with matplotlib.rc_context(view.rc):
        view.init()
        canvas.draw()  # the animated artists are skipped: this is the static background
        background = canvas.copy_from_bbox(fig.bbox)
        renderer = canvas.get_renderer()
        shown, drawn = None, 0
        shape = (int(canvas.get_renderer().height), int(canvas.get_renderer().width), 4)
        for k in range(end):
            pos = timeline.position(k)
            if pos != shown:  # held frames reuse the last frame as it is
                view.update(pos)
                canvas.restore_region(background)
                for artist in artists:
                    artist.draw(renderer)
                shown, drawn = pos, drawn + 1
                # one read-only copy per drawn frame, shared by every writer: encoders' feeder
                # threads send it while the next frame is drawn into the canvas
                frame = np.frombuffer(bytes(canvas.buffer_rgba()), np.uint8).reshape(shape)
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
