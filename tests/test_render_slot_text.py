"""SlotText draws exactly what matplotlib's own Text draws, falls back to it off Agg, and its fast path
(cached glyphs, a value blended in one image) really runs on Agg."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from render.draw.slot_text import SLOT_TEXT, SlotText


def draw(make, text: str, x: float) -> bytes:
    fig = Figure(figsize=(3, 0.6), dpi=160)
    FigureCanvasAgg(fig)
    t = fig.add_artist(make(x, 0.8, fontsize=8, va="top", ha="right", color="#1f6fb4"))
    t.set_text(text)
    fig.canvas.draw()
    return bytes(fig.canvas.buffer_rgba())


def test_slot_text_draws_exactly_what_text_draws():
    """Caption values at anchors between pixels (the glyphs land on 1/64-pixel phases): byte for byte."""
    for x in (0.95, 0.9531, 0.90713):
        for text in ("12,345", "0.083", "—", "1.5e-05", "300 of 600"):
            slot = draw(lambda *a, **k: SlotText(*a, **k), text, x)
            assert slot == draw(Text, text, x), (text, x)
            ink = np.frombuffer(slot, np.uint8).reshape(96, 480, 4)[..., :3] != 255
            assert ink.any(axis=2).sum() > 20, text


def test_other_renderers_get_a_plain_text():
    fig = Figure()
    t = fig.add_artist(SlotText(0.5, 0.5, prefix="loss ", suffix=" now"))
    t.set_value("0.125")
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text in the SVG
        fig.savefig(out, format="svg")
    assert "loss 0.125 now" in out.getvalue()
    assert t.fast  # only this draw was plain: on Agg it would take its fast path again


@pytest.mark.skipif(not SLOT_TEXT.supported, reason="SlotText's fast path needs matplotlib 3.11")
def test_the_fast_path_really_runs_on_agg(monkeypatch):
    """The speed-up relies on matplotlib internals: if an upgrade breaks them, the text would silently fall
    back to a plain Text. This fails instead, naming what broke."""
    fallbacks, blends = [], []
    plain_draw = Text.draw

    def recording_draw(self, renderer):
        fallbacks.append(self)
        return plain_draw(self, renderer)

    monkeypatch.setattr(Text, "draw", recording_draw)
    fig = Figure(figsize=(3, 0.6), dpi=160)
    FigureCanvasAgg(fig)
    slot = fig.add_artist(SlotText(0.95, 0.8, fontsize=8, va="top", ha="right"))
    blend = slot._blend

    def recording_blend(renderer, images):
        blends.append(images)
        return blend(renderer, images)

    monkeypatch.setattr(slot, "_blend", recording_blend)
    for value in ("12,345", "12,346"):
        slot.set_value(value)
        fig.canvas.draw()
    assert slot.fast, "SlotText gave up its fast path (matplotlib's glyph internals changed?)"
    assert slot not in fallbacks
    assert [len(images) for images in blends] == [1, 1], "a value's glyphs were not blended as one image"
    assert np.any(np.asarray(fig.canvas.buffer_rgba())[..., :3] != 255), "the cached glyphs drew nothing"
