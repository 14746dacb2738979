"""Animations inline in Jupyter: `from render import show; show("fig7_vs_fig8")`.

`show` records the scene (or loads a snapshot) and returns an `Animation` whose `_repr_html_` is one of:
- `mode="video"`: an HTML5 `<video>` with the MP4 embedded as base64 (the default when ffmpeg is
  available: small, and it plays anywhere the notebook is opened, including GitHub's viewer);
- `mode="html"`: the scrubbable player (render.web) in a sandboxed iframe: hover values,
  deep links, a few hundred kB, no ffmpeg (the default without it);
- `mode="lab"`: the lab, training the scene's graph live in the page;
- `mode="jshtml"`: matplotlib's JavaScript player, every frame an embedded PNG (bigger).
"""

from __future__ import annotations

import base64
import dataclasses
import html
import tempfile
from pathlib import Path

import numpy as np

from render.encode.options import RenderOptions
from render.record.snapshot import Snapshot, load_snapshot

MODES = ("auto", "video", "html", "lab", "jshtml")
#: frames of the JavaScript player at most: each one is a PNG inside the notebook
JSHTML_FRAMES = 90


@dataclasses.dataclass
class Animation:
    """What `show` returns: displays itself in a notebook; `.save(path)` writes the HTML out."""

    snapshot: Snapshot | None  # None for the lab, which records nothing
    html: str
    mode: str  # one of MODES but "auto"

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(f"<!doctype html><meta charset=utf-8>\n{self.html}\n", encoding="utf-8")
        return path

    def __repr__(self) -> str:
        scene = self.snapshot.meta.get("scene") if self.snapshot is not None else None
        return f"<Animation of {scene!r}, {self.mode}, {len(self.html):,} bytes of HTML>"


def _ffmpeg_available() -> bool:
    try:
        import imageio_ffmpeg

        return Path(imageio_ffmpeg.get_ffmpeg_exe()).exists()
    except (ImportError, RuntimeError, OSError):
        return False


def _snapshot(what: str | Path | Snapshot, steps: int | None, every: int | None) -> Snapshot:
    from render.record.recorder import Recorder, as_snapshot

    if isinstance(what, (Recorder, Snapshot)) or str(what).endswith(".npz"):
        return as_snapshot(what)
    from render.record import record
    from scenes import get_scene

    return record(get_scene(str(what)).with_overrides(samples=steps, every=every))


def video_html(snapshot: Snapshot, options: RenderOptions) -> str:
    """`<video controls autoplay loop muted playsinline>` with the MP4 inline as a data: URL."""
    from render.encode.video import render_snapshot

    options = dataclasses.replace(options, formats=("mp4",), poster=False)
    with tempfile.TemporaryDirectory(prefix="ourdl-show-") as folder:
        (mp4,) = render_snapshot(snapshot, Path(folder) / "anim", options)
        data = base64.b64encode(mp4.read_bytes()).decode("ascii")
    w, h = options.video_size
    label = html.escape(snapshot.meta.get("description", ""), quote=True)
    return (f'<video controls autoplay loop muted playsinline width="{w}" height="{h}" '
            f'style="max-width:100%;height:auto" aria-label="{label}">'
            f'<source type="video/mp4" src="data:video/mp4;base64,{data}"></video>')


def jshtml(snapshot: Snapshot, options: RenderOptions, max_frames: int = JSHTML_FRAMES) -> str:
    """matplotlib's JavaScript player (what `FuncAnimation.to_jshtml` makes) over at most `max_frames`
    frames. The frames come from our blitting loop on the planner's timeline; `to_jshtml` itself redraws
    the whole figure twice per frame (10x slower here). `HTMLWriter` gets each finished frame through
    its public `grab_frame`, from a figure that holds nothing but that frame as a pixel-exact image."""
    from matplotlib.animation import HTMLWriter
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from render.draw.view import make_view
    from render.encode.stream import stream
    from render.encode.video import plan
    from render.encode.writers import Writer

    options = dataclasses.replace(options, formats=("mp4",), poster=False)
    size, timeline, _ = plan(snapshot, options)
    if timeline.frames > max_frames:  # fewer frames per second, the same duration
        fps = max(1.0, timeline.fps * (max_frames - 1) / (timeline.frames - 1))
        size, timeline, _ = plan(snapshot, dataclasses.replace(options, fps=fps))
    view = make_view(snapshot, size, options.theme, options.lang, options.loss_panel)
    dpi = 1  # whole inches are whole pixels: the still figure is exactly the frame's size
    still = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(still)
    image = still.figimage(np.zeros((size[1], size[0], 3), np.uint8), resize=False)
    html_writer = HTMLWriter(fps=timeline.fps, embed_frames=True, default_mode="loop")

    class Frames(Writer):
        """Hands every frame the loop draws to matplotlib's HTMLWriter."""

        def grab_frame(self, frame) -> None:
            image.set_data(np.asarray(frame)[..., :3])
            html_writer.grab_frame()

    with tempfile.TemporaryDirectory(prefix="ourdl-show-") as folder:
        out = Path(folder) / "anim.html"
        frames = Frames(out, options, timeline.fps)
        with html_writer.saving(still, out, dpi=dpi), frames.saving(size):
            stream(view, timeline, [frames])
        return out.read_text(encoding="utf-8")


def show(what: str | Path | Snapshot, *, mode: str = "auto", steps: int | None = None,
         every: int | None = None, quality: str = "low", max_frames: int = JSHTML_FRAMES,
         **options) -> Animation:
    """Record a scene (a name, or 'file.py:NAME') or load a snapshot (.npz path or `Snapshot`, or a
    `Recorder` of your own loop) and return an object that plays inline in Jupyter.

    mode: "video" (HTML5 video, MP4 embedded), "html" (the scrubbable player), "lab" (train it live in
    the page; `what` names the scene), "jshtml" (matplotlib's JS player) or "auto" (video when ffmpeg is
    available, else the player). `steps`/`every` override the scene's training length and snapshot
    interval; `max_frames` caps the JS player's frames (each is a PNG). `quality` and the other keywords
    (`theme`, `lang`, `size`, `fps`, `loss_panel`, ...) are `RenderOptions` fields.

    Example: `show("fig8", steps=600, theme="dark")`
    """
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} (choose {', '.join(MODES)})")
    render_options = RenderOptions(quality=quality, **options)
    if mode == "lab":
        return _lab(what, render_options)
    snapshot = _snapshot(what, steps, every)
    if mode == "auto":
        mode = "video" if _ffmpeg_available() else "html"
    if mode == "video":
        body = video_html(snapshot, render_options)
    elif mode == "html":
        from render.web.player import player_iframe

        body = player_iframe(snapshot, theme=render_options.theme, lang=render_options.lang,
                             loss_panel=render_options.loss_panel)
    else:
        body = jshtml(snapshot, render_options, max_frames)
    return Animation(snapshot=snapshot, html=body, mode=mode)


def _lab(what: str | Path | Snapshot, options: RenderOptions) -> Animation:
    """The lab for a scene (its name or 'file.py:NAME', or the scene a snapshot recorded)."""
    from render.web.build import iframe
    from render.web.lab import lab_html
    from scenes import get_scene

    snapshot = what if isinstance(what, Snapshot) else None
    if snapshot is None and str(what).endswith(".npz"):
        snapshot = load_snapshot(what)
    scene = get_scene(snapshot.meta["scene"] if snapshot is not None else str(what))
    page = lab_html(scene, theme=options.theme, lang=options.lang)
    return Animation(snapshot=snapshot, html=iframe(page, f"ourdl lab: {scene.name}", "1/1"), mode="lab")
