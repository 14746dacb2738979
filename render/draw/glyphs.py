"""A Text for numbers that change every frame: glyph bitmaps cached, so a redraw only blends them.

Matplotlib 3.11's Agg lays a string out and rasterises every glyph with FreeType on every draw: about
0.7 ms for a 5-digit value, which made the captions' values half of a blitted frame's cost. A caption
value is a few glyphs from a small set (digits, ',', '.', '—'), so `CachedGlyphText` rasterises each
glyph once (at whole-pixel positions) and per frame only blends the cached bitmaps (~15 µs a glyph).

Each `draw_text_image` call costs ~5 µs before it blends a pixel (Agg reads the whole graphics context
back from Python), so the glyphs of a value are pasted into one bitmap and blended in one call when
their inked columns do not overlap (a pixel then gets the same single blend either way: Agg leaves a
pixel of zero coverage as it is); glyphs whose ink touches are blended one by one.

It uses matplotlib internals (`FT2Font._layout`, `_render_glyph`, `draw_text_image`); on any other
renderer, matplotlib version, rotation, multi-line or math text it draws as a plain `Text`.
"""

from __future__ import annotations

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.text import Text

from render.draw.curves import TransformCache

_GLYPHS: dict = {}  # (font properties, dpi, char, hinting) -> what `_render` returns


class CachedGlyphText(Text):
    """A single-line, unrotated Text whose glyphs are rasterised once (on Agg)."""

    one_image = True  # False: one draw_text_image per glyph, as before (the reference tests compare with)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._glyphs: dict = {}  # (dpi, char) -> (bitmap, left, top, advance, first and last inked column)
        self._ascent: dict = {}  # dpi -> (ascent, descent) of the line, as Text's layout uses them
        self._fast = True
        self._gc = self._gc_key = None
        self._anchor: TransformCache | None = None  # the position in pixels while the transform holds

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
            flags = get_hinting_flag()
            font_key = (hash(prop), renderer.dpi, char, flags, matplotlib.rcParams["text.hinting_factor"])
            if font_key not in _GLYPHS:  # shared: every caption value of a figure has the same font
                _GLYPHS[font_key] = _render(renderer, prop, char, flags)
            self._glyphs[key] = _GLYPHS[font_key]
        return self._glyphs[key]

    def _line_metrics(self, renderer) -> tuple[float, float]:
        if renderer.dpi not in self._ascent:
            _w, h, d = renderer.get_text_width_height_descent("lp", self.get_fontproperties(), ismath=False)
            self._ascent[renderer.dpi] = (h - d, d)
        return self._ascent[renderer.dpi]

    def _draw_cached(self, renderer, text: str) -> None:
        glyphs = [self._glyph(renderer, c) for c in text]
        width = sum(g[3] for g in glyphs)
        x, y = self._position(renderer)
        ascent, descent = self._line_metrics(renderer)
        x -= {"left": 0.0, "center": width / 2, "right": width}[self.get_horizontalalignment()]
        y -= {"top": ascent, "baseline": 0.0, "bottom": -descent,
              "center": (ascent - descent) / 2, "center_baseline": 0.0}[self.get_verticalalignment()]
        gc = self._graphics_context(renderer)
        pen, base, height = round(x), round(y), int(renderer.height)
        placed = []  # (bitmap, left pixel, bottom row: Agg's y runs downwards, ink columns)
        for bitmap, left, top, advance, ink in glyphs:
            if ink is not None:
                placed.append((bitmap, round(pen + left), height - (base + top) + bitmap.shape[0], ink))
            pen += advance
        if placed:
            image, left, bottom = _one_image(placed) if self.one_image else (None, 0, 0)
            if image is None:  # inked columns overlap: each glyph blends over the ones before, as Text does
                for bitmap, left, bottom, _ink in placed:
                    renderer._renderer.draw_text_image(bitmap, left, bottom, 0, gc)
            else:
                renderer._renderer.draw_text_image(image, left, bottom, 0, gc)

    def _position(self, renderer) -> tuple[float, float]:
        """The text's anchor in pixels, transformed again only when the transform or the position change."""
        transform = self.get_transform()
        if self._anchor is None or self._anchor.transform is not transform:
            self._anchor = TransformCache(transform)
        xy = self.get_unitless_position()
        return self._anchor.get(("anchor", xy), lambda: tuple(transform.transform(xy)))

    def _graphics_context(self, renderer):
        """The gc the glyphs are blended with, made again only when the colour changes (clip: every time)."""
        key = (self.get_color(), self.get_alpha(), self.get_antialiased())
        if key != self._gc_key:
            gc = self._gc = renderer.new_gc()
            self._gc_key = key
            gc.set_foreground(key[0])
            gc.set_alpha(key[1])
            gc.set_antialiased(key[2])
        self._set_gc_clip(self._gc)
        return self._gc


def _render(renderer, prop, char: str, flags) -> tuple:
    """One glyph as (bitmap, left, top, advance, first and last inked column), as Text's layout places it."""
    font = renderer._prepare_font(prop)
    first, second = font._layout(char * 2, flags=flags)[:2]
    glyph_font = first.ft_object
    glyph_font.set_size(prop.get_size_in_points(), renderer.dpi)
    glyph_font._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [0, 0])
    bitmap = glyph_font._render_glyph(first.glyph_index, flags, _normal())
    image = np.array(bitmap.buffer, copy=True)
    inked = np.flatnonzero(image.any(axis=0)) if image.size else np.zeros(0, int)
    ink = (int(inked[0]), int(inked[-1]) + 1) if inked.size else None
    return image, bitmap.left, bitmap.top, second.x - first.x, ink


def _one_image(placed: list) -> tuple[np.ndarray | None, int, int]:
    """The glyphs' inked columns pasted into one bitmap, with its left pixel and bottom row; None if a
    glyph's ink starts left of where the ink before it ends (the blends would then not be one per pixel)."""
    x0, x1, top, bottom = 1 << 30, -(1 << 30), 1 << 30, -(1 << 30)
    for bitmap, left, low, (ink0, ink1) in placed:
        if left + ink0 < x1:
            return None, 0, 0
        x0, x1 = min(x0, left + ink0), left + ink1
        top, bottom = min(top, low - bitmap.shape[0]), max(bottom, low)
    image = np.zeros((bottom - top, x1 - x0), np.uint8)
    for bitmap, left, low, (ink0, ink1) in placed:
        image[low - bitmap.shape[0] - top:low - top, left + ink0 - x0:left + ink1 - x0] = bitmap[:, ink0:ink1]
    return image, x0, bottom


def _normal():
    from matplotlib.ft2font import RenderMode

    return RenderMode.NORMAL
