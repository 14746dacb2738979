"""A Text for numbers that change every frame: glyph bitmaps cached, so a redraw only blends them.

Matplotlib 3.11's Agg lays a string out and rasterises every glyph with FreeType on every draw: about
0.7 ms for a 5-digit value, which made the captions' values half of a blitted frame's cost. A caption
value is a few glyphs from a small set (digits, ',', '.', '—'), so `CachedGlyphText` rasterises each
glyph once (at whole-pixel positions) and per frame only blends the cached bitmaps (~15 µs a glyph).

It uses matplotlib internals (`FT2Font._layout`, `_render_glyph`, `draw_text_image`); on any other
renderer, matplotlib version, rotation, multi-line or math text it draws as a plain `Text`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.text import Text


class CachedGlyphText(Text):
    """A single-line, unrotated Text whose glyphs are rasterised once (on Agg)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._glyphs: dict = {}  # (dpi, char) -> (bitmap, left, top, advance) ; None if unusable
        self._ascent: dict = {}  # dpi -> (ascent, descent) of the line, as Text's layout uses them
        self._fast = True

    def draw(self, renderer) -> None:
        text = self.get_text()
        simple = (self._fast and isinstance(renderer, RendererAgg) and not self.get_rotation()
                  and "\n" not in text and "$" not in text and self.get_visible() and text)
        if simple:
            try:
                self._draw_cached(renderer, text)
                self.stale = False
                return
            except (AttributeError, TypeError, KeyError, ValueError, ImportError):
                # matplotlib's internals are not what this was written for: be a plain Text from now on
                self._fast = False
        super().draw(renderer)

    def _glyph(self, renderer, char: str):
        key = (renderer.dpi, char)
        if key not in self._glyphs:
            prop = self.get_fontproperties()
            font = renderer._prepare_font(prop)
            flags = get_hinting_flag()
            first, second = font._layout(char * 2, flags=flags)[:2]
            glyph_font = first.ft_object
            glyph_font.set_size(prop.get_size_in_points(), renderer.dpi)
            glyph_font._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [0, 0])
            bitmap = glyph_font._render_glyph(first.glyph_index, flags, _normal())
            self._glyphs[key] = (np.array(bitmap.buffer, copy=True), bitmap.left, bitmap.top,
                                 second.x - first.x)
        return self._glyphs[key]

    def _line_metrics(self, renderer) -> tuple[float, float]:
        if renderer.dpi not in self._ascent:
            _w, h, d = renderer.get_text_width_height_descent("lp", self.get_fontproperties(), ismath=False)
            self._ascent[renderer.dpi] = (h - d, d)
        return self._ascent[renderer.dpi]

    def _draw_cached(self, renderer, text: str) -> None:
        glyphs = [self._glyph(renderer, c) for c in text]
        width = sum(g[3] for g in glyphs)
        x, y = self.get_transform().transform(self.get_unitless_position())
        ascent, descent = self._line_metrics(renderer)
        x -= {"left": 0.0, "center": width / 2, "right": width}[self.get_horizontalalignment()]
        y -= {"top": ascent, "baseline": 0.0, "bottom": -descent,
              "center": (ascent - descent) / 2, "center_baseline": 0.0}[self.get_verticalalignment()]
        gc = renderer.new_gc()
        gc.set_foreground(self.get_color())
        gc.set_alpha(self.get_alpha())
        gc.set_antialiased(self.get_antialiased())
        self._set_gc_clip(gc)
        pen, base = round(x), round(y)
        for bitmap, left, top, advance in glyphs:
            if bitmap.size:
                bottom = int(renderer.height) - (base + top) + bitmap.shape[0]  # Agg's y runs downwards
                renderer._renderer.draw_text_image(bitmap, round(pen + left), bottom, 0, gc)
            pen += advance
        gc.restore()


def _normal():
    from matplotlib.ft2font import RenderMode

    return RenderMode.NORMAL
