"""A Text whose words stay and whose number changes every frame: Text's own pixels, without Text's cost.

Matplotlib 3.11's Agg shapes a string twice per draw (libraqm: once to measure it, once to place its
glyphs; ~20 µs a character) and rasterises every glyph with FreeType (~45 µs): 2-3 ms for a 25-character
caption. A `SlotText` is `prefix + value + suffix`: the prefix and suffix are shaped once, the value's
characters are placed from cached advances, and every glyph is rasterised once per sub-pixel phase
(FreeType renders a glyph 1/64-pixel exact; a shift by whole pixels only moves its bitmap). The glyphs are
then blended with the very `draw_text_image` calls Text makes, at the positions Text computes (its own
`_get_layout`, asked again only when the text's width or height changes), so the pixels are Text's.

Why not `render.draw.glyphs.CachedGlyphText`: it places glyphs at whole pixels, adds single-character
advances across kerned pairs and ligatures ("Re", "fi") and aligns "top" on the ascent of "lp" (3.11
uses the font's own ascent), so it matches Text only for unkerned text whose glyphs land on whole pixels.

The value's layout is composed from single characters, which is Text's layout only if no two adjacent
characters there are kerned or joined: every such pair is checked as it first appears, and the composed
layout is checked against Text's own whenever a new width or height shows up. On any mismatch, and for
another renderer, rotation, several lines, math, path effects or words that are not prefix + value +
suffix, it draws as a plain Text.
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.colors import to_rgba
from matplotlib.text import Text

from render.draw.curves import TransformCache

_FONT_RC = ("text.hinting_factor", "text.kerning_factor", "text.language")  # what else shapes a string
_RUNS: dict = {}  # (font, dpi, flags, string) -> Run: a string's glyphs as Text's layout places them
_PAIRS: dict = {}  # (font, dpi, flags, a, b) -> True if a + b lays out as a, then b at a's advance
_BITMAPS: dict = {}  # (ft font id, size, dpi, glyph, flags, 1/64 phases) -> (font, bitmap, left, top, ink)


class _Plain(Exception):
    """Draw this once as a plain Text."""


class Run:
    """A string's glyphs `(ft_font, glyph index, x, y)` and its metrics (width, ascent, descent) as Text
    measures them."""

    __slots__ = ("glyphs", "width", "ascent", "descent")

    def __init__(self, renderer, prop, flags, string: str) -> None:
        font = renderer._prepare_font(prop)
        self.glyphs = [(g.ft_object, g.glyph_index, g.x, g.y) for g in font._layout(string, flags=flags)]
        if string:
            w, h, d = renderer.get_text_width_height_descent(string, prop, ismath=False)
        else:
            w = h = d = 0.0
        self.width, self.ascent, self.descent = w, h - d, d


class SlotText(Text):
    """`prefix + value + suffix`, single-line and unrotated: set the value with `set_value`."""

    def __init__(self, x: float = 0, y: float = 0, prefix: str = "", suffix: str = "", **kwargs) -> None:
        super().__init__(x, y, prefix + suffix, **kwargs)
        self.prefix, self.suffix = prefix, suffix
        self.fast = True  # False once it has drawn as a plain Text for good
        self._placing = None
        self._layouts: dict = {}  # (width, ascent, descent) -> (line offset x, y), from Text's _get_layout
        self._bbox_key = None  # the layout the bbox patch was last placed for
        self._anchor: TransformCache | None = None
        self._last = None  # (text and place, images) of the last draw

    def set_value(self, value: str) -> None:
        self.set_text(self.prefix + value + self.suffix)

    def draw(self, renderer) -> None:
        if self.fast and self._simple(renderer):
            try:
                placed = self._place(renderer)
            except _Plain:
                placed = ()
            except (AttributeError, TypeError, KeyError, ValueError, IndexError, ImportError):
                placed = None  # matplotlib's internals are not what this was written for
            if placed:
                self._blend(renderer, placed)
                return
            if placed is None:
                self.fast = False
        super().draw(renderer)

    # -- when the fast path applies ------------------------------------------------------------------

    def _simple(self, renderer) -> bool:
        text = self.get_text()
        return (isinstance(renderer, RendererAgg) and self.get_visible() and text != ""
                and len(text) >= len(self.prefix) + len(self.suffix)
                and text.startswith(self.prefix) and text.endswith(self.suffix)
                and not self.get_rotation() and "\n" not in text and not self._preprocess_math(text)[1]
                and not self.get_usetex() and not self.get_path_effects() and not self.get_wrap()
                and self.get_antialiased() and renderer.flipy()
                and getattr(self, "get_fontfeatures", lambda: None)() is None
                and getattr(self, "get_language", lambda: None)() is None)

    # -- layout ----------------------------------------------------------------------------------------

    def _place(self, renderer) -> list | None:
        """The images to blend, (bitmap, left, bottom) each, as Text would blend its glyphs (see `_merge`);
        None if the composed layout is not Text's."""
        prop, flags = self.get_fontproperties(), get_hinting_flag()
        font_key = (hash(prop), renderer.dpi, flags, *(matplotlib.rcParams[k] for k in _FONT_RC))
        placing = (font_key, self.get_horizontalalignment(), self.get_verticalalignment(),
                   self.get_rotation_mode(), self.get_linespacing())
        if placing != self._placing:  # the layouts below hold for one font and one alignment
            self._placing, self._layouts, self._bbox_key, self._last = placing, {}, None, None
        text = self.get_text()
        posx, posy = self._position()
        if not (math.isfinite(posx) and math.isfinite(posy)):
            raise _Plain  # Text skips (NaN) or warns (inf): let it
        memo = (text, posx, posy, renderer.height)
        if self._last is not None and self._last[0] == memo:
            return self._last[1]  # the same words in the same place as the frame before
        value = text[len(self.prefix):len(text) - len(self.suffix)]
        runs = [_run(renderer, prop, flags, font_key, s) for s in (self.prefix, *value, self.suffix) if s]
        if not self._joins(renderer, prop, flags, font_key, value):
            return None
        width = sum(r.width for r in runs)
        ascent, descent = max(r.ascent for r in runs), max(r.descent for r in runs)
        key = (width, ascent, descent)
        glyphs, pen = [], 0.0
        for r in runs:
            glyphs.extend((f, i, pen + x, y) for f, i, x, y in r.glyphs)
            pen += r.width
        if key not in self._layouts:
            if not self._is_texts_layout(renderer, prop, flags, text, key, glyphs):
                return None
            _bbox, info, _box = self._get_layout(renderer)
            self._layouts[key] = info[0][2]
        if self._bbox_patch and self._bbox_key != (key, posx, posy):
            self.update_bbox_position_size(renderer)  # Text's own, asked again only when it would change
            self._bbox_key = (key, posx, posy)
        offset_x, offset_y = self._layouts[key]
        # as Text.draw and RendererAgg._draw_text_glyphs_and_boxes compute them, operation for operation
        x, y = offset_x + posx, offset_y + posy
        y = renderer.get_canvas_width_height()[1] - y
        height = renderer.height
        size = prop.get_size_in_points()
        placed = []
        for font, index, dx, dy in glyphs:
            px, py = round(0x40 * (x + dx * 1.0 - dy * 0.0)), round(0x40 * (height - y + dx * 0.0 + dy * 1.0))
            bitmap, left, top, ink = _bitmap(font, size, renderer.dpi, index, flags, px % 64, py % 64)
            if ink is not None:  # Text blends empty glyphs (spaces) too: nothing changes
                left += px // 64
                placed.append((bitmap, left, int(height) - top - py // 64 + bitmap.shape[0], ink))
        images = _merge(placed)
        self._last = (memo, images)
        return images

    def _joins(self, renderer, prop, flags, font_key, value: str) -> bool:
        """Whether every pair the value forms (inside, and with the prefix's last and the suffix's first
        character) lays out as its two characters side by side."""
        chars = (self.prefix[-1:] + value + self.suffix[:1])
        for a, b in zip(chars, chars[1:]):
            pair = (font_key, a, b)
            if pair not in _PAIRS:
                first, second, both = (_run(renderer, prop, flags, font_key, s) for s in (a, b, a + b))
                _PAIRS[pair] = both.glyphs == first.glyphs + [(f, i, first.width + x, y)
                                                              for f, i, x, y in second.glyphs]
            if not _PAIRS[pair]:
                return False
        # the prefix's last character and the suffix's first must be glyphs of their own in their runs
        edges = ((self.prefix, self.prefix[-1:], -1), (self.suffix, self.suffix[:1], 0))
        for string, char, end in edges if value else ():
            if char:
                alone = _run(renderer, prop, flags, font_key, char).glyphs
                whole = _run(renderer, prop, flags, font_key, string).glyphs
                if len(alone) != 1 or whole[end][:2] != alone[0][:2]:
                    return False
        return True

    def _is_texts_layout(self, renderer, prop, flags, text: str, key: tuple, glyphs: list) -> bool:
        """The composed glyphs and metrics against Text's own for the whole string (on a new size only)."""
        whole = Run(renderer, prop, flags, text)
        return (whole.width, whole.ascent, whole.descent) == key and whole.glyphs == glyphs

    def _position(self) -> tuple[float, float]:
        """The anchor in pixels as Text.draw transforms it, again only when the transform changes."""
        transform = self.get_transform()
        if self._anchor is None or self._anchor.transform is not transform:
            self._anchor = TransformCache(transform)
        xy = (float(self.convert_xunits(self._x)), float(self.convert_yunits(self._y)))
        return self._anchor.get(xy, lambda: tuple(float(v) for v in transform.transform(xy)))

    # -- blending --------------------------------------------------------------------------------------

    def _blend(self, renderer, placed: list) -> None:
        self._renderer = renderer
        if self._bbox_patch:
            self._bbox_patch.draw(renderer)
        gc = renderer.new_gc()  # as Text.draw makes it
        gc.set_foreground(to_rgba(self.get_color()), isRGBA=True)
        gc.set_alpha(self.get_alpha())
        gc.set_url(self._url)
        gc.set_antialiased(self._antialiased)
        gc.set_snap(self.get_snap())
        self._set_gc_clip(gc)
        draw = renderer._renderer.draw_text_image
        for bitmap, left, bottom in placed:
            draw(bitmap, left, bottom, 0, gc)
        gc.restore()
        self.stale = False


def _run(renderer, prop, flags, font_key, string: str) -> Run:
    key = (*font_key, string)
    if key not in _RUNS:
        if len(_RUNS) > 4096:  # numbers of a long render: keep the cache bounded
            _RUNS.clear()
        _RUNS[key] = Run(renderer, prop, flags, string)
    return _RUNS[key]


def _bitmap(font, size: float, dpi: float, index: int, flags, phase_x: int, phase_y: int):
    """A glyph rasterised at a 1/64-pixel phase: (bitmap, left, top) for the whole-pixel origin (0, 0), and
    its first and last inked column (None: no ink)."""
    key = (id(font), size, dpi, index, flags, phase_x, phase_y)
    if key not in _BITMAPS:
        from matplotlib.ft2font import RenderMode

        if len(_BITMAPS) > 50_000:
            _BITMAPS.clear()
        font.set_size(size, dpi)
        font._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [phase_x, phase_y])
        glyph = font._render_glyph(index, flags, RenderMode.NORMAL)
        bitmap = np.array(glyph.buffer, copy=True)
        inked = np.flatnonzero(bitmap.any(axis=0)) if bitmap.size else ()
        ink = (int(inked[0]), int(inked[-1]) + 1) if len(inked) else None
        _BITMAPS[key] = (font, bitmap, glyph.left, glyph.top, ink)  # font: keeps its id unique
    return _BITMAPS[key][1:]


def _merge(placed: list) -> list:
    """Glyphs in as few images as blend to the same pixels: consecutive glyphs join one image while each
    one's ink starts right of all the ink before it (no pixel then gets two blends, and Agg leaves a pixel
    of zero coverage as it is); a glyph whose ink reaches back starts a new image, blended after."""
    groups: list[list] = []
    end = None
    for glyph in placed:
        bitmap, left, bottom, (ink0, ink1) = glyph
        if end is None or left + ink0 < end:
            groups.append([])
            end = left + ink1
        groups[-1].append(glyph)
        end = max(end, left + ink1)
    images = []
    for group in groups:
        if len(group) == 1:
            images.append(group[0][:3])
            continue
        x0 = min(left + ink0 for _b, left, _bottom, (ink0, _i1) in group)
        x1 = max(left + ink1 for _b, left, _bottom, (_i0, ink1) in group)
        top = min(bottom - b.shape[0] for b, _left, bottom, _ink in group)
        low = max(bottom for _b, _left, bottom, _ink in group)
        image = np.zeros((low - top, x1 - x0), np.uint8)
        for b, left, bottom, (ink0, ink1) in group:
            image[bottom - b.shape[0] - top:bottom - top, left + ink0 - x0:left + ink1 - x0] = b[:, ink0:ink1]
        images.append((image, x0, low))
    return images
