"""Record a scene's training headlessly, then render the recording as a player page, GIF, MP4, WebM or PNG.

In a notebook: `from render import show; show("fig7_vs_fig8")` (see `render.web.notebook`). In your own
training loop: `from render import Recorder` (see `render.record.recorder`). To compose in matplotlib:
`from render import animation` gives a recording's `FuncAnimation`.

All load lazily: `import render` itself imports no numpy or matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os

    from matplotlib.animation import FuncAnimation

    from render.record.recorder import Recorder
    from render.record.snapshot import Snapshot

__all__ = ["Recorder", "animation", "show"]


def __getattr__(name: str):
    if name == "Recorder":  # the record stage: numpy and ourdl, no matplotlib
        from render.record.recorder import Recorder

        return Recorder
    raise AttributeError(f"module 'render' has no attribute {name!r}")


def show(*args, **kwargs):
    """Record and render a scene for Jupyter; see `render.web.notebook.show` (imported only when called)."""
    from render.web.notebook import show as _show

    return _show(*args, **kwargs)


def animation(recording: Snapshot | str | os.PathLike | Recorder, *, size: tuple[int, int] = (1280, 720),
              theme: str = "light", lang: str = "en", fps: float = 30.0, duration: float | None = None,
              hold: float = 1.5, interpolate: bool = False, loss_panel: bool = True) -> FuncAnimation:
    """The matplotlib `FuncAnimation` of a recording: a `Snapshot`, the path of a `.npz` snapshot file, or a
    `Recorder` of your own loop, for composing in matplotlib, `to_jshtml()` in a notebook, or `save()` with
    any matplotlib writer. Its frames are `render video`'s with the same options, each drawn whole.

    size: (width, height) in pixels (even; the layout is the same at any size). theme: "light" or "dark".
    lang: "en" or "zh". fps: frames per second. duration: seconds of motion (default: one snapshot per
    frame at 30 fps, 3 to 12 s), then the final state holds for `hold` seconds. interpolate: blend between
    snapshots rather than step from one to the next. loss_panel: False drops a runs figure's loss panel.

        from render import animation
        anim = animation("my_run.npz", size=(854, 480), fps=15)
        anim.save("my_run.gif", writer="pillow")   # matplotlib draws every frame in full: slow
        # in a notebook: from IPython.display import HTML; HTML(anim.to_jshtml())

    `render video my_run.npz` writes the same frames many times faster: it draws only what changes.
    """
    from render.draw.view import make_view
    from render.encode.options import RenderOptions
    from render.encode.stream import make_animation
    from render.encode.video import plan
    from render.record.recorder import as_snapshot

    snapshot = as_snapshot(recording)
    options = RenderOptions(formats=("mp4",), poster=False, size=size, fps=fps, duration=duration, hold=hold,
                            interpolate=interpolate, theme=theme, lang=lang, loss_panel=loss_panel)
    frame_size, timeline, _ = plan(snapshot, options)
    return make_animation(make_view(snapshot, frame_size, theme, lang, loss_panel), timeline)
