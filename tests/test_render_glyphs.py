"""Cached-glyph text looks like matplotlib's own Text, and falls back to it off Agg."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from render.draw.glyphs import CachedGlyphText


def draw(cached: bool, text: str) -> np.ndarray:
    fig = Figure(figsize=(3, 0.6), dpi=160)
    FigureCanvasAgg(fig)
    style = dict(fontsize=8, va="top", ha="right", color="#1f6fb4")
    if cached:
        fig.add_artist(CachedGlyphText(0.95, 0.8, text, **style))
    else:
        fig.text(0.95, 0.8, text, **style)
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(int)


def test_cached_glyphs_draw_what_text_draws():
    for text in ("12,345", "0.083", "—", "1.5e-05"):
        plain, cached = draw(False, text), draw(True, text)
        ink = np.any(plain != 255, axis=2)
        assert ink.sum() > 20
        # same glyphs at the same place, up to sub-pixel placement
        assert np.abs(plain - cached).mean() < 1.0
        ys, xs = np.nonzero(np.any(cached != 255, axis=2))
        ys0, xs0 = np.nonzero(ink)
        assert abs(xs.max() - xs0.max()) <= 1 and abs(ys.min() - ys0.min()) <= 1


def test_other_renderers_get_a_plain_text():
    fig = Figure()
    fig.add_artist(CachedGlyphText(0.5, 0.5, "0.125"))
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text in the SVG
        fig.savefig(out, format="svg")
    assert "0.125" in out.getvalue()


def test_the_cached_path_really_runs_on_agg(monkeypatch):
    """The speed-up relies on matplotlib internals: if an upgrade breaks them, the text would silently fall
    back to a plain Text. This fails instead, naming what broke."""
    fallbacks = []
    plain_draw = Text.draw

    def recording_draw(self, renderer):
        fallbacks.append(self)
        return plain_draw(self, renderer)

    monkeypatch.setattr(Text, "draw", recording_draw)
    fig = Figure(figsize=(3, 0.6), dpi=160)
    FigureCanvasAgg(fig)
    cached = fig.add_artist(CachedGlyphText(0.95, 0.8, "12,345", fontsize=8, va="top", ha="right"))
    fig.canvas.draw()
    assert cached._fast, "CachedGlyphText gave up its fast path (matplotlib's glyph internals changed?)"
    assert cached not in fallbacks
    assert np.any(np.asarray(fig.canvas.buffer_rgba())[..., :3] != 255), "the cached glyphs drew nothing"
