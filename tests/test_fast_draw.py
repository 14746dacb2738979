"""The fast drawing path makes the same bytes as plain matplotlib drawing.

`stream` draws with `Reveal` (render.draw.reveal), `SlotText` (render.draw.slot_text: cached glyphs, a
value's blended in one image) and `MapImage` (render.draw.map_image); the reference here is the loop as it
was: every animated artist drawn by plain `Line2D.draw`, `Text.draw` and `AxesImage.draw`, into the one
canvas, copied per frame. A `Reveal` pastes the pixels of an unclipped stroke, which Agg's path clipping
and simplification make differ from a clipped stroke's by a level or two in a few pixels: those, and only
those, are allowed.
"""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from unittest import mock

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from render.draw.fast import PATHS
from render.draw.map_image import MapImage
from render.draw.reveal import Reveal
from render.draw.slot_text import SLOT_TEXT, SlotText
from render.draw.view import make_view
from render.encode.options import RenderOptions
from render.encode.stream import render_frame, stream
from render.encode.timeline import Timeline
from render.encode.writers import Writer
from render.record import record
from scenes import get_scene

RUNS = {  # small recordings: a few snapshots each
    "fig7_vs_fig8": lambda s: s.with_overrides(samples=600, every=50),
    "fig8": lambda s: s.with_overrides(samples=300, every=30),
    "adaline": lambda s: s.with_overrides(samples=100, every=10),  # data and surface panels
    "relu_vs_leakyrelu": lambda s: s.with_count(12).with_overrides(samples=600, every=100),  # a sweep
    "init_basin": lambda s: s.with_count(9).with_overrides(samples=600, every=100),  # a sweep's map
}


#: tests of what SlotText's fast path does (on matplotlib before 3.11 it is off, and Text draws)
needs_slot_text = pytest.mark.skipif(not SLOT_TEXT.supported,
                                     reason="SlotText's fast path needs matplotlib 3.11")


@pytest.fixture(scope="module")
def snapshots():
    return {name: record(change(get_scene(name))) for name, change in RUNS.items()}


class Keep(Writer):
    """Keeps a copy of every frame, and (if asked) the frame arrays themselves, as handed out."""

    def __init__(self, fps: float, hold_arrays: bool = False) -> None:
        super().__init__(Path("unused"), RenderOptions(), fps)
        self.copies: list[bytes] = []
        self.arrays: list[np.ndarray] | None = [] if hold_arrays else None

    def grab_frame(self, frame) -> None:
        self.copies.append(bytes(frame))
        if self.arrays is not None:
            self.arrays.append(frame)
        super().grab_frame(frame)


def plain_frames(view, timeline: Timeline) -> list[bytes]:
    """The frames as the loop drew them before: plain Line2D.draw, Text.draw and AxesImage.draw (with its
    own make_image), one canvas, a copy each."""
    fig, canvas = view.fig, view.fig.canvas
    artists = sorted(view.animated, key=lambda a: a.get_zorder())
    frames = []
    with matplotlib.rc_context(view.rc), mock.patch.object(MapImage, "make_image", AxesImage.make_image):
        view.init()
        canvas.draw()
        background = canvas.copy_from_bbox(fig.bbox)
        renderer = canvas.get_renderer()
        for k in range(timeline.frames):
            view.update(timeline.position(k))
            canvas.restore_region(background)
            for artist in artists:
                plain = Line2D.draw if isinstance(artist, Line2D) else Text.draw if isinstance(artist, Text) \
                    else AxesImage.draw if isinstance(artist, AxesImage) else type(artist).draw
                plain(artist, renderer)
            frames.append(bytes(canvas.buffer_rgba()))
    return frames


HD, SMALL = (1280, 720), (800, 450)
CASES = [("fig7_vs_fig8", "light", "en", HD, False), ("fig7_vs_fig8", "dark", "zh", SMALL, True),
         ("fig8", "dark", "en", HD, False), ("adaline", "light", "en", HD, False),
         ("adaline", "dark", "zh", SMALL, False), ("relu_vs_leakyrelu", "light", "zh", HD, False),
         ("init_basin", "dark", "en", SMALL, False)]


@pytest.mark.parametrize("name, theme, lang, size, interpolate", CASES)
def test_streamed_frames_are_the_plain_drawing_byte_for_byte(snapshots, name, theme, lang, size, interpolate):
    snap = snapshots[name]
    # interpolating: fractional positions between snapshots (the loss cursor is transformed per frame)
    timeline = Timeline(len(snap.steps), 30, 0.4 if interpolate else len(snap.steps) / 30, 0.0, interpolate)
    fast = Keep(timeline.fps)
    view = make_view(snap, size, theme, lang)
    slots = [a for a in view.animated if isinstance(a, SlotText)]  # caption values, a sweep's texts
    stream(view, timeline, [fast])
    assert slots and all(t.fast for t in slots), [t.get_text() for t in slots if not t.fast]
    assert [p.name for p in PATHS.values() if p.on != p.supported] == []  # none failed (render.draw.fast)
    plain = plain_frames(make_view(snap, size, theme, lang), timeline)
    assert len(fast.copies) == len(plain) == timeline.frames
    reveals = [a for a in make_view(snap, size, theme, lang).animated if isinstance(a, Reveal)]
    differ = [k for k, (a, b) in enumerate(zip(fast.copies, plain)) if not _same(a, b, size, reveals)]
    assert not differ, f"frames {differ} differ from plain drawing"


def _same(fast: bytes, plain: bytes, size: tuple[int, int], reveals: list[Reveal]) -> bool:
    """Equal bytes, but inside a Reveal's axes, where a pixel may be two levels off."""
    if fast == plain:
        return True
    a, b = (np.frombuffer(f, np.uint8).reshape(size[1], size[0], 4).astype(int) for f in (fast, plain))
    off = np.abs(a - b).max(axis=-1)
    for reveal in reveals:
        box = reveal.axes.bbox
        rows = slice(int(size[1] - box.y1), int(size[1] - box.y0) + 1)
        cols = slice(int(box.x0), int(box.x1) + 1)
        if off[rows, cols].max() > 2:
            return False
        off[rows, cols] = 0
    return not off.any()


@pytest.mark.parametrize("name", list(RUNS))
@pytest.mark.parametrize("theme, lang", [("light", "en"), ("dark", "zh")])
def test_streamed_frames_are_full_redraws(snapshots, name, theme, lang):
    """A blitted frame is what a full draw of the same state shows (`render_frame`; a notebook's frames are
    full draws): the animated artists are stacked over the static ones in both (render.draw.base.animate),
    from the first frame (the cursor on the loss panel's spine, the map over its axes' edge) to the last."""
    snap = snapshots[name]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    kept = Keep(timeline.fps)
    stream(make_view(snap, SMALL, theme, lang), timeline, [kept])
    view = make_view(snap, SMALL, theme, lang)
    reveals = [a for a in view.animated if isinstance(a, Reveal)]
    frames = sorted({0, timeline.frames // 3, timeline.frames - 1})
    full = {k: render_frame(view, timeline.position(k)).tobytes() for k in frames}
    differ = [k for k in frames if not _same(kept.copies[k], full[k], SMALL, reveals)]
    assert not differ, f"frames {differ} of {timeline.frames} differ from a full redraw"


def test_a_held_frame_stays_as_it_was_handed_out(snapshots):
    """A writer may keep the frames it is handed (the poster, a feeder thread): none is drawn over."""
    snap = snapshots["fig7_vs_fig8"]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    holder = Keep(timeline.fps, hold_arrays=True)
    stream(make_view(snap, (480, 270)), timeline, [holder])
    assert [bytes(a) for a in holder.arrays] == holder.copies
    assert len(set(holder.copies)) > len(snap.steps) // 2  # they are the frames, not one frame many times
    assert not holder.arrays[0].flags.writeable
    with pytest.raises(ValueError):
        holder.arrays[0][0, 0, 0] = 1

    feeder = Feeder(timeline.fps)  # as an encoder's feeder thread: holds each frame a while, then lets go
    stream(make_view(snap, (480, 270)), timeline, [feeder])
    feeder.close()
    assert feeder.sent == feeder.copies == holder.copies


class Feeder(Keep):
    """Hands frames to a thread that holds each for a few milliseconds before reading it, like
    FFmpegWriter's feeder writing into ffmpeg's pipe."""

    def __init__(self, fps: float) -> None:
        super().__init__(fps)
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.sent: list[bytes] = []
        self.thread = threading.Thread(target=self._feed, daemon=True)
        self.thread.start()

    def _feed(self) -> None:
        while (frame := self.queue.get()) is not None:
            time.sleep(0.004)
            self.sent.append(bytes(frame))

    def grab_frame(self, frame) -> None:
        super().grab_frame(frame)
        self.queue.put(frame)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()


def _pixels(fig) -> bytes:
    fig.canvas.draw()
    return bytes(fig.canvas.buffer_rgba())


# -- a value's glyphs blended in one image -------------------------------------------------------------------

@needs_slot_text
@pytest.mark.parametrize("value, style, images", [
    ("12,345", "normal", 1), ("0.083", "normal", 1), ("1.5e-05", "normal", 1), ("|y − x²|", "normal", 1),
    ("12,345", "italic", 1), ("fj", "normal", 2), ("//", "normal", 2), ("1/7", "italic", 2),
    ("xy", "italic", 2)])
def test_a_value_blends_in_one_image_and_draws_what_text_draws(value, style, images):
    """A caption value's glyphs, ink apart, blend as one image (one draw_text_image call, the most of what
    a value costs); where one's ink reaches back over another's (a j's tail, slashes, italics), the
    glyphs from there on blend as another image. Either way, Text's pixels."""
    def figure(make):
        fig = Figure(figsize=(3, 0.6), dpi=160)
        FigureCanvasAgg(fig)
        fig.patch.set_facecolor("#f4e9d8")
        return fig, fig.add_artist(make(0.9513, 0.8, value, fontsize=9, style=style, va="top", ha="right",
                                        color="#1f6fb4", alpha=0.8))

    fig_t, _plain = figure(Text)
    fig_s, slot = figure(lambda x, y, s, **k: SlotText(x, y, **k))
    slot.set_value(value)
    assert _pixels(fig_s) == _pixels(fig_t)
    assert slot.fast
    blended = slot._last[1]  # what the last draw blended
    assert len(blended) == images, [image.shape for image, _x, _y in blended]


# -- sweep figures: SlotText against Text -------------------------------------------------------------------

SLOTS = [  # (prefix, suffix, values): kerned words ("Re", "To", "AV"), a ligature ("fi"), Chinese, digits
    ("sample ", " of 12,000", ["0", "7", "1,234", "12,000"]),
    ("LeakyRelu: ", "% fitted", ["0.0", "9.9", "47.1", "100.0"]),
    ("Relu: |y − x²| ", "", ["0.007", "10.456", "1.000"]),
    ("To AV ", " fi", ["1.25", "77.77"]),
    ("图 7", "", [""]),
    ("LeakyRelu：", "% 拟合成功", ["3.3", "100.0"]),
]


@pytest.mark.parametrize("prefix, suffix, values", SLOTS)
@pytest.mark.parametrize("style", [dict(ha="right", va="top", fontweight="bold", x=0.731),
                                   dict(ha="left", va="top", x=0.2317, bbox=dict(boxstyle="round,pad=0.25",
                                                                                  fc="#fff4dd", alpha=0.8)),
                                   dict(ha="center", va="baseline", x=0.5003, alpha=0.7)])
def test_slot_text_draws_what_text_draws(prefix, suffix, values, style):
    """Anchored between pixels (glyphs land on 1/64-pixel phases), kerned, joined, Chinese, in a box:
    the same pixels as a Text of the whole string, value after value, and without falling back."""
    from matplotlib.text import Text

    from render.draw.fonts import font_families
    from render.draw.slot_text import SlotText

    style = dict(style)
    x = style.pop("x")

    def figure(make):
        fig = Figure(figsize=(6, 0.8), dpi=137)
        FigureCanvasAgg(fig)
        fig.patch.set_facecolor("#f4e9d8")
        return fig, fig.add_artist(make(x, 0.577, fontsize=7.5, color="#1f6fb4", **style))

    with matplotlib.rc_context({"font.family": font_families("zh")}):
        fig_t, plain = figure(Text)
        fig_s, slot = figure(lambda *a, **k: SlotText(*a, prefix=prefix, suffix=suffix, **k))
        for value in values:
            plain.set_text(prefix + value + suffix)
            slot.set_value(value)
            assert _pixels(fig_s) == _pixels(fig_t), value
            assert _pixels(fig_s) == _pixels(fig_t), f"{value}, drawn again"
    assert slot.fast


@needs_slot_text
@pytest.mark.parametrize("value, for_good", [("To", True), ("ffi", True), ("1\n2", False)])
def test_slot_text_falls_back_where_its_layout_would_not_be_texts(value, for_good):
    """A kerned pair or a ligature in the value: drawn by Text itself from then on; two lines: by Text."""
    from matplotlib.text import Text

    from render.draw.slot_text import SlotText

    figs = []
    for make in (Text, lambda *a, **k: SlotText(*a, prefix="a ", **k)):
        fig = Figure(figsize=(3, 0.8), dpi=120)
        FigureCanvasAgg(fig)
        figs.append((fig, fig.add_artist(make(0.1, 0.5, fontsize=9))))
    figs[0][1].set_text("a " + value)
    figs[1][1].set_value(value)
    assert _pixels(figs[1][0]) == _pixels(figs[0][0])
    assert figs[1][1].fast is not for_good


@pytest.mark.parametrize("name, theme, lang, size", [("relu_vs_leakyrelu", "light", "en", HD),
                                                     ("relu_vs_leakyrelu", "dark", "zh", SMALL),
                                                     ("init_basin", "dark", "en", SMALL),
                                                     ("init_basin", "light", "zh", HD)])
def test_sweep_frames_are_plain_texts_byte_for_byte(snapshots, monkeypatch, name, theme, lang, size):
    """Every per-frame text of a sweep figure is a SlotText that stays on its fast path, and the streamed
    frames equal those drawn with each of them as a plain Text."""
    from matplotlib.text import Text

    from render.draw.slot_text import SlotText

    snap = snapshots[name]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    view = make_view(snap, size, theme, lang)
    texts = [a for a in view.animated if isinstance(a, Text)]
    assert texts and all(isinstance(t, SlotText) for t in texts), [type(t).__name__ for t in texts]
    fast = Keep(timeline.fps)
    stream(view, timeline, [fast])
    assert all(t.fast for t in texts), [t.get_text() for t in texts if not t.fast]
    monkeypatch.setattr(SlotText, "draw", Text.draw)
    plain = Keep(timeline.fps)
    stream(make_view(snap, size, theme, lang), timeline, [plain])
    assert len(fast.copies) == len(plain.copies) == timeline.frames
    differ = [k for k, (a, b) in enumerate(zip(fast.copies, plain.copies)) if a != b]
    assert not differ, f"frames {differ} differ from plain Text drawing"


def test_sweep_slots_spell_the_strings(snapshots):
    """prefix + formatted value + suffix is the template's string, in both languages."""
    from render.draw.sweep_figure import template_slot
    from render.draw.text import text

    for lang in ("en", "zh"):
        for key, field, value, others in [("sweep_caption", "step", 1234, {"total": 12000}),
                                          ("share", "pct", 47.06, {"act": "Relu"}),
                                          ("grid_fitted", "pct", 100.0, {}),
                                          ("loss_at", "loss", "0.123", {"act": "Relu", "target": "x²"})]:
            prefix, spec, suffix = template_slot(lang, key, field, **others)
            assert prefix + format(value, spec) + suffix == text(lang, key, **{field: value}, **others)


def test_chinese_sweep_figures_log_no_missing_bold(snapshots, caplog):
    """The CJK font has one weight: a Chinese sweep figure asks for no bold (matplotlib would log
    "findfont: Failed to find font weight bold" and draw the regular weight anyway)."""
    from matplotlib.font_manager import FontManager

    FontManager._findfont_cached.cache_clear()  # a warning is logged once per lookup, then cached
    with caplog.at_level("WARNING", logger="matplotlib.font_manager"):
        for name in ("relu_vs_leakyrelu", "init_basin"):
            view = make_view(snapshots[name], (640, 360), "light", "zh")
            with matplotlib.rc_context(view.rc):
                view.update(1.0)
                view.fig.canvas.draw()
                for artist in view.animated:
                    artist.draw(view.fig.canvas.get_renderer())
    assert not [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()]


# -- the map sweep's image: gathered cells against AxesImage's resampling ----------------------------------

def _map_figures(shape, origin, extent, limits, position, dpi=100):
    """Two figures with the same animated image of random RGB cells: a plain AxesImage and a MapImage."""
    from matplotlib.image import AxesImage

    from render.draw.map_image import MapImage, show

    cells = np.random.default_rng(len(shape) + shape[0] * 7 + shape[1]).random((*shape, 3))
    figures = []
    for make in (lambda ax: ax.imshow(cells, origin=origin, extent=extent, aspect="auto",
                                      interpolation="nearest", zorder=1),
                 lambda ax: show(ax, cells, origin=origin, extent=extent, aspect="auto",
                                 interpolation="nearest", zorder=1)):
        fig = Figure(figsize=(3.3, 2.1), dpi=dpi)
        FigureCanvasAgg(fig)
        ax = fig.add_axes(position)
        image = make(ax)
        ax.set_xlim(*limits[:2])
        ax.set_ylim(*limits[2:])
        image.set_animated(True)
        figures.append((fig, ax, image))
    assert type(figures[0][2]) is AxesImage and isinstance(figures[1][2], MapImage)
    return figures


def _frame(fig, image) -> bytes:
    """The figure drawn (the animated image skipped), then the image drawn over it, as the stream does."""
    fig.canvas.draw()
    image.draw(fig.canvas.get_renderer())
    return bytes(fig.canvas.buffer_rgba())


MAP_CASES = [  # (grid shape, origin, extent, axes limits, axes position): pixel edges fall between pixels
    ((81, 81), "lower", (-1, 1, -1, 1), (-1, 1, -1, 1), (0.06, 0.14, 0.4190625, 0.745)),
    ((9, 13), "upper", (-1, 1, -1, 1), (-1, 1, -1, 1), (0.1137, 0.0923, 0.5071, 0.7707)),
    ((5, 7), "lower", (-1, 1, -1, 1), (-1.3, 0.7, -0.4, 1.6), (0.13, 0.17, 0.6, 0.61)),  # part outside
    ((40, 3), "lower", (0, 3, 2, 5), (-0.5, 3.5, 1.5, 5.5), (0.2, 0.1, 0.5, 0.8)),  # blank pixels around
    ((7, 7), "lower", (1, -1, -1, 1), (-1, 1, -1, 1), (0.1, 0.1, 0.8, 0.8)),  # extent reversed
    ((12, 10), "upper", (-1, 1, -1, 1), (-1, 1, -1, 1), (-0.3, 0.6, 0.9, 0.9)),  # past the canvas' edges
]


@pytest.mark.parametrize("shape, origin, extent, limits, position", MAP_CASES)
def test_map_image_gathers_the_pixels_axes_image_resamples(shape, origin, extent, limits, position):
    """New cells every frame, new limits, a moved axes, a new dpi, a clip box: AxesImage.draw's exact
    bytes, and the gather (and paste) taken throughout (it would otherwise fall back silently)."""
    figures = _map_figures(shape, origin, extent, limits, position)
    rng = np.random.default_rng(7)
    steps = [lambda ax, image, cells: None,
             *[lambda ax, image, cells: image.set_data(cells)] * 3,
             lambda ax, image, cells: ax.set_xlim(limits[0] + 0.137, limits[1] - 0.2),
             lambda ax, image, cells: image.set_data(cells),
             lambda ax, image, cells: ax.set_position((0.21, 0.19, 0.33, 0.47)),
             lambda ax, image, cells: image.get_figure().set_dpi(137),
             lambda ax, image, cells: image.set_data(cells),
             lambda ax, image, cells: image.set_clip_box(Bbox([[70.3, 60.6], [180.5, 150.4]])),
             lambda ax, image, cells: image.set_data(np.round(cells * 4) / 4)]  # cells at byte boundaries
    for k, step in enumerate(steps):
        cells = rng.random((*shape, 3))
        for _fig, ax, image in figures:
            step(ax, image, cells)
        (fig_a, _, plain), (fig_b, _, gathered) = figures
        assert _frame(fig_b, gathered) == _frame(fig_a, plain), f"step {k}"
        assert gathered.pasted, f"step {k}"
        made = [image.make_image(fig.canvas.get_renderer()) for fig, _, image in figures]
        assert np.array_equal(made[1][0], made[0][0]) and made[1][1:3] == made[0][1:3], f"step {k}"
        assert gathered.gathered, f"step {k}"


@pytest.mark.parametrize("what, change", [
    ("alpha", lambda image: image.set_alpha(0.6)),
    ("bilinear", lambda image: image.set_interpolation("bilinear")),
    ("NaN cells", lambda image: image.set_data(np.where(np.eye(9, 13)[..., None] > 0, np.nan, 0.4)
                                               * np.ones(3))),
    ("RGBA cells", lambda image: image.set_data(np.full((9, 13, 4), 0.5))),
    ("not animated", lambda image: image.set_animated(False)),
    ("clip path", lambda image: _clip_to_circle(image)),
])
def test_map_image_leaves_what_it_cannot_gather_to_axes_image(what, change):
    """What make_image or draw_image would not make as a gather: AxesImage's own calls, the same bytes."""
    figures = _map_figures((9, 13), "lower", (-1, 1, -1, 1), (-1, 1, -1, 1), (0.1137, 0.0923, 0.5071, 0.7707))
    for _fig, _ax, image in figures:
        change(image)
    (fig_a, _, plain), (fig_b, _, gathered) = figures
    if gathered.get_animated():
        assert _frame(fig_b, gathered) == _frame(fig_a, plain), what
    else:
        assert _pixels(fig_b) == _pixels(fig_a), what
    assert not gathered.pasted, what
    assert gathered.gathered is (what == "clip path"), what  # a clip path is draw_image's: still gathered


def _clip_to_circle(image) -> None:
    from matplotlib.patches import Circle

    image.set_clip_path(Circle((0.2, 0.1), 0.7, transform=image.axes.transData))


@pytest.mark.parametrize("theme, lang, size", [("light", "en", HD), ("dark", "zh", SMALL)])
def test_map_sweep_frames_are_axes_image_draws_byte_for_byte(snapshots, monkeypatch, theme, lang, size):
    """The streamed frames of a map sweep equal the plain drawing (`plain_frames`: the map drawn by
    AxesImage.draw and AxesImage.make_image), and the map took its gather every frame."""
    snap = snapshots["init_basin"]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    view = make_view(snap, size, theme, lang)
    maps = [a for a in view.animated if isinstance(a, AxesImage)]
    assert maps and all(isinstance(m, MapImage) for m in maps)
    gathered = []
    draw = MapImage.draw

    def recording(self, renderer):
        draw(self, renderer)
        gathered.append(self.pasted)

    monkeypatch.setattr(MapImage, "draw", recording)
    fast = Keep(timeline.fps)
    stream(view, timeline, [fast])
    assert len(gathered) >= len(maps) * len(snap.steps) and all(gathered)
    plain = plain_frames(make_view(snap, size, theme, lang), timeline)
    assert len(fast.copies) == len(plain) == timeline.frames
    differ = [k for k, (a, b) in enumerate(zip(fast.copies, plain)) if a != b]
    assert not differ, f"frames {differ} differ from AxesImage's drawing"
