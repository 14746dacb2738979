"""`Reveal` pastes, while blitted, what a clipped stroke would leave; anywhere else it strokes."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from render.draw.reveal import Reveal

x = np.linspace(1, 300, 293)
noisy = np.exp(np.sin(x / 7) * 2 + np.cos(x * 1.7)) / 10  # a loss curve: jagged on log axes


class Blitted:
    """A figure with one animated curve over a fixed background, drawn as `render.encode.stream` draws."""

    def __init__(self, cls, yscale: str = "log") -> None:
        self.fig = Figure(figsize=(3.2, 1.8), dpi=100)
        FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_axes((0.12, 0.15, 0.8, 0.75))
        self.ax.set_yscale(yscale)
        self.ax.set_xscale("symlog", linthresh=10)
        self.ax.set_xlim(0, 320)
        self.ax.set_ylim(0.005, 50)
        self.ax.plot(x, noisy, alpha=0.3, lw=1.35, color="C2")
        self.curve = cls(x, noisy, lw=1.35, color="C2")
        self.ax.add_line(self.curve)
        self.curve.set_animated(True)
        self.new_background()

    def new_background(self) -> None:
        self.fig.canvas.draw()
        self.background = self.fig.canvas.copy_from_bbox(self.fig.bbox)

    def frame(self, right: float) -> np.ndarray:
        """The curve shown up to pixel column `right`, as the loss panel shows it up to its cursor."""
        box = self.ax.bbox
        self.curve.set_clip_box(Bbox([[box.x0, box.y0], [max(right, box.x0), box.y1]]))
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        renderer = canvas.get_renderer()
        (Line2D.draw if type(self.curve) is Line2D else type(self.curve).draw)(self.curve, renderer)
        return np.asarray(canvas.buffer_rgba()).astype(int)


def assert_close(fast: np.ndarray, plain: np.ndarray) -> None:
    off = np.abs(fast - plain)
    assert off.max() <= 2, f"{int(off.max())} levels off"
    assert (off.max(axis=-1) > 0).sum() < 40  # a few pixels, not a shifted curve


def sweep(a: Blitted, b: Blitted) -> None:
    box = a.ax.bbox
    for right in np.linspace(box.x0 - 5, box.x1, 23):
        assert_close(a.frame(right), b.frame(right))


@pytest.mark.parametrize("yscale", ["log", "linear"])
def test_revealed_frames_are_the_clipped_stroke(yscale):
    a, b = Blitted(Reveal, yscale), Blitted(Line2D, yscale)
    sweep(a, b)
    assert a.curve._kept is not None and len(a.curve._kept._values) == 1  # stroked once, pasted since


def test_every_change_strokes_it_again():
    a, b = Blitted(Reveal), Blitted(Line2D)
    changes = [
        lambda t: t.curve.set_ydata(noisy[::-1].copy()),
        lambda t: (t.curve.set_color("#d62728"), t.curve.set_linewidth(2.5)),
        lambda t: (t.ax.set_ylim(0.01, 10), t.new_background()),
        lambda t: (t.fig.set_size_inches(4, 2.25), t.new_background()),
    ]
    for change in changes:
        change(a)
        change(b)
        sweep(a, b)


def test_what_it_cannot_paste_is_stroked():
    a, b = Blitted(Reveal), Blitted(Line2D)
    box = a.ax.bbox
    for t in (a, b):
        t.curve.set_animated(False)  # a full draw: nothing kept to paste onto
        t.curve.set_clip_box(Bbox([[box.x0, box.y0], [box.x0 + 90, box.y1]]))
        t.fig.canvas.draw()
    assert bytes(a.fig.canvas.buffer_rgba()) == bytes(b.fig.canvas.buffer_rgba())
    assert a.curve._kept is None
    for t in (a, b):
        t.curve.set_animated(True)
        t.new_background()
    wide = Bbox([[box.x0 - 20, box.y0 - 20], [box.x1, box.y1 + 20]])  # reaches outside the axes
    unknown = Bbox([[box.x0, box.y0], [np.nan, box.y1]])  # a cursor at a loss of 0 on log axes
    for clip in (wide, unknown):
        for t in (a, b):
            t.curve.set_clip_box(clip)
            t.fig.canvas.restore_region(t.background)
            t.curve.draw(t.fig.canvas.get_renderer())
        assert bytes(a.fig.canvas.buffer_rgba()) == bytes(b.fig.canvas.buffer_rgba())
        assert a.curve._kept is None


def test_other_renderers_stroke_it_as_line2d_does():
    """SVG, PDF, a rasterized curve: Line2D.draw's own output (its group id, its rasterization)."""
    blitted = Blitted(Reveal)
    fig, curve = blitted.fig, blitted.curve
    curve.set_gid("the-curve")
    out = io.StringIO()
    fig.savefig(out, format="svg")
    assert 'id="the-curve"' in out.getvalue()  # Line2D.draw's open_group: the SVG backend drew it
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of artists whose draw cannot rasterize
        curve.set_rasterized(True)
    fig.savefig(io.BytesIO(), format="pdf")
