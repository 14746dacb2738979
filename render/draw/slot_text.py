"""A Text whose words stay and whose number changes every frame: Text's own pixels, without Text's cost.

Matplotlib's Agg shapes a string twice per draw (libraqm: once to measure it, once to place its glyphs)
and rasterises every glyph with FreeType, every frame. A `SlotText` is `prefix + value + suffix`: the
prefix and suffix are shaped once, the value's characters are placed from cached advances, and every glyph
is rasterised once per sub-pixel phase (FreeType renders a glyph 1/64-pixel exact; a shift by whole pixels
only moves its bitmap). The glyphs are placed where Text places them (its own `_get_layout`, asked again
only when the line's width or height changes, shared by the SlotTexts of one font and alignment) and
blended with `draw_text_image`, as Text blends them, so the pixels are Text's. Each blend call has a fixed
cost, so glyphs whose inked columns do not overlap are pasted into one image and blended in one call (a
pixel then gets the same single blend either way: Agg leaves a pixel of zero coverage as it is); where one
glyph's ink reaches back over another's, the glyphs from there on make another image. docs/performance.md
has what this saves.

The value's layout is composed from single characters, which is Text's layout only if no two adjacent
characters there are kerned or joined: every such pair is checked as it first appears (with the other
pairs of the characters met so far, in one layout), and the composed layout is checked against Text's own
whenever a new width or height shows up. On any mismatch, and for another renderer, rotation, several
lines, math, path effects or words that are not prefix + value + suffix, it draws as a plain Text; so does
every SlotText on matplotlib before 3.11 (whose Agg shapes and renders glyphs otherwise) and once the fast
path has failed (render.draw.fast).
"""

from __future__ import annotations

import math

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.colors import to_rgba
from matplotlib.text import Text

from render.draw.fast import FastPath
from render.draw.transform_cache import TransformCache

_FONT_RC = ("text.hinting_factor", "text.kerning_factor", "text.language")  # what else shapes a string
_SHAPED: dict = {}  # (font, dpi, hinting, string) -> ShapedString
_PAIR_JOINS: dict = {}  # (font, dpi, hinting, a + b) -> True if a + b lays out as a, then b at a's advance
_CHARS_MET: dict = {}  # (font, dpi, hinting) -> {character: None} met in a value there, in order
_LAYOUTS: dict = {}  # placing (font, alignment) -> {(width, ascent, descent): line offset}, shared
SLOT_TEXT = FastPath("SlotText", "Text.draw", since=(3, 11))  # 3.11: FT2Font._layout, _render_glyph
_BITMAPS: dict = {}  # (ft font id, size, dpi, glyph, flags, 1/64 phases) -> (font, bitmap, left, top, ink)


def _returns_none() -> None:
    return None


class ShapedString:
    """A string's glyphs `(ft_font, glyph index, x, y)` and its metrics (width, ascent, descent) as Text
    measures them."""

    __slots__ = ("glyphs", "width", "ascent", "descent")

    def __init__(self, renderer, prop, flags, string: str) -> None:
        self.glyphs = _glyphs_of(renderer, prop, flags, string)
        if string:
            width, height, descent = renderer.get_text_width_height_descent(string, prop, ismath=False)
        else:
            width = height = descent = 0.0
        self.width, self.ascent, self.descent = width, height - descent, descent


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
        # per font and alignment (`_placing`), so that a frame's work is a few small-dict look-ups:
        self._shaped: dict = {}  # string -> ShapedString
        self._joins: dict = {}  # two characters -> whether they lay out side by side; None -> the edges'
        self._joining: set = set()  # characters any two of which (either way round) lay out side by side
        self._glyphs: dict = {}  # (ft font, glyph, 1/64 phases) -> what `_ink_strip` makes of `_bitmap`
        self._flags = None  # FreeType's load flags for rcParams["text.hinting"]
        self._checked = None  # (text, prefix, suffix, parse math) whose words `_simple` found fit
        self._gc = self._gc_key = None  # the graphics context of the last blend, and what it was made of

    def set_value(self, value: str) -> None:
        self.set_text(self.prefix + value + self.suffix)

    def draw(self, renderer) -> None:
        if not (self.fast and SLOT_TEXT.attempt(self._draw_fast, renderer)):
            super().draw(renderer)

    def _draw_fast(self, renderer) -> bool:
        """Text's glyphs blended from the caches; False (nothing drawn) where Text.draw must draw it."""
        if not self._simple(renderer):
            return False
        placed = self._place(renderer)
        if placed is None:
            self.fast = False  # its layout is not Text's: a plain Text for good
        if not placed:
            return False
        self._blend(renderer, placed)
        return True

    # -- when the fast path applies ------------------------------------------------------------------

    def _simple(self, renderer) -> bool:
        text = self.get_text()
        words = (text, self.prefix, self.suffix, self._parse_math)
        if words != self._checked:
            if not (text != "" and len(text) >= len(self.prefix) + len(self.suffix)
                    and text.startswith(self.prefix) and text.endswith(self.suffix)
                    and "\n" not in text and ("$" not in text or not self._preprocess_math(text)[1])):
                return False
            self._checked = words
        return (isinstance(renderer, RendererAgg) and self.get_visible()
                and not self.get_rotation() and not self.get_usetex() and not self.get_path_effects()
                and not self.get_wrap() and self.get_antialiased() and renderer.flipy()
                and getattr(self, "get_fontfeatures", _returns_none)() is None
                and getattr(self, "get_language", _returns_none)() is None)

    # -- layout ----------------------------------------------------------------------------------------

    def _place(self, renderer) -> list | None:
        """The images to blend, (bitmap, left, bottom) each, as Text would blend its glyphs (see
        `_merged_images`); empty to leave this draw to Text, None if the composed layout is not Text's."""
        prop, rcparams = self.get_fontproperties(), matplotlib.rcParams
        font_key = (hash(prop), renderer.dpi, rcparams["text.hinting"],
                    *(rcparams[name] for name in _FONT_RC))
        placing = (font_key, self.get_horizontalalignment(), self.get_verticalalignment(),
                   self.get_rotation_mode(), self.get_linespacing())
        if placing != self._placing:  # the layouts and glyphs below hold for one font and one alignment
            if placing not in _LAYOUTS and len(_LAYOUTS) > 256:
                _LAYOUTS.clear()
            # the line's offset is a function of these and the line's size alone: every SlotText with
            # the same font and alignment (a caption's values) shares what Text's _get_layout said
            self._layouts = _LAYOUTS.setdefault(placing, {})
            self._placing, self._bbox_key, self._last = placing, None, None
            self._shaped, self._joins, self._glyphs, self._joining = {}, {}, {}, set()
            self._flags = get_hinting_flag()  # what rcParams["text.hinting"] (in font_key) says
        flags = self._flags
        text = self.get_text()
        posx, posy = self._position()
        if not (math.isfinite(posx) and math.isfinite(posy)):
            return []  # Text skips (NaN) or warns (inf): let it
        words_and_place = (text, posx, posy, renderer.height)
        if self._last is not None and self._last[0] == words_and_place:
            return self._last[1]  # the same words in the same place as the frame before
        value = text[len(self.prefix):len(text) - len(self.suffix)]
        shaped = self._shaped
        runs = []  # the prefix, each of the value's characters, the suffix
        for piece in (self.prefix, *value, self.suffix):
            if piece:
                run = shaped.get(piece)
                if run is None:
                    run = shaped[piece] = _shaped_string(renderer, prop, flags, font_key, piece)
                runs.append(run)
        if not self._value_joins(renderer, prop, flags, font_key, value):
            return None
        width, ascent, descent = 0.0, runs[0].ascent, runs[0].descent
        for r in runs:  # the sum in the same order as before, so the same float
            width += r.width
            ascent, descent = max(ascent, r.ascent), max(descent, r.descent)
        key = (width, ascent, descent)
        if key not in self._layouts:
            if not self._is_texts_layout(renderer, prop, flags, text, key, _composed(runs)):
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
        rows, base = int(height), height - y + 0.0  # + dx * 0.0 below (dx finite)
        size, dpi, cache = prop.get_size_in_points(), renderer.dpi, self._glyphs
        placed, pen = [], 0.0
        for run in runs:
            for font, index, gx, gy in run.glyphs:
                dx = pen + gx  # x + dx * 1.0 - dy * 0.0 is x + dx, float for float
                px, py = round(0x40 * (x + dx)), round(0x40 * (base + gy))
                glyph = (font, index, px % 64, py % 64)
                found = cache.get(glyph)
                if found is None:
                    bitmap = _bitmap(font, size, dpi, index, flags, px % 64, py % 64)
                    found = cache[glyph] = _ink_strip(*bitmap)
                if found is not None:  # Text blends empty glyphs (spaces) too: nothing changes
                    strip, left, below, wide, high = found
                    left += px // 64
                    placed.append((strip, left, rows - py // 64 + below, left + wide, high))
            pen += run.width
        images = _merged_images(placed)
        self._last = (words_and_place, images)
        return images

    def _value_joins(self, renderer, prop, flags, font_key, value: str) -> bool:
        """Whether every pair the value forms (inside, and with the prefix's last and the suffix's first
        character) lays out as its two characters side by side."""
        chars = (self.prefix[-1:] + value + self.suffix[:1])
        if self._joining.issuperset(chars):  # every pair of these characters, either way round, joins
            return not value or self._edges_join(renderer, prop, flags, font_key)
        joins = self._joins
        for two in map(str.__add__, chars, chars[1:]):
            joined = joins.get(two)
            if joined is None:
                self._check_pairs(renderer, prop, flags, font_key, chars)
                joined = joins[two]
            if not joined:
                return False
        joining = self._joining
        for c in dict.fromkeys(chars):
            if c not in joining and all(_PAIR_JOINS.get((font_key, c + d))
                                        and _PAIR_JOINS.get((font_key, d + c)) for d in (*joining, c)):
                joining.add(c)
        return not value or self._edges_join(renderer, prop, flags, font_key)

    def _edges_join(self, renderer, prop, flags, font_key) -> bool:
        if None not in self._joins:
            self._joins[None] = self._edges_are_own_glyphs(renderer, prop, flags, font_key)
        return self._joins[None]

    def _check_pairs(self, renderer, prop, flags, font_key, chars: str) -> None:
        """Whether each pair of `chars` lays out as its two characters side by side, into `_joins` (and
        `_PAIR_JOINS`). Shaping is a matter of neighbours (kerning, ligatures), so many pairs are checked with
        one layout of them all, one after another (each join checked too); only where that layout is not
        the characters side by side are they halved, down to single pairs. The pairs checked are every
        pair of the characters met in this font so far: a caption's values meet all their digits within
        a few frames, and each new pair alone would cost a whole layout of its own."""
        pairs = list(map(str.__add__, chars, chars[1:]))
        if any((font_key, two) not in _PAIR_JOINS for two in pairs):
            if len(_PAIR_JOINS) > 50_000:  # many fonts, or many characters: keep the caches bounded
                _PAIR_JOINS.clear()
                _CHARS_MET.clear()
            seen = _CHARS_MET.setdefault(font_key, {})
            seen.update(dict.fromkeys(chars))
            pool = seen if len(seen) <= 48 else dict.fromkeys(chars)  # digits and a few signs, usually
            new = [a + b for a in pool for b in pool if (font_key, a + b) not in _PAIR_JOINS]
            singles = {c: _shaped_string(renderer, prop, flags, font_key, c) for c in pool}
            _learn_joins(renderer, prop, flags, font_key, singles, new)
        self._joins.update((two, _PAIR_JOINS[font_key, two]) for two in pairs)

    def _edges_are_own_glyphs(self, renderer, prop, flags, font_key) -> bool:
        """Whether the prefix's last character and the suffix's first are glyphs of their own there."""
        edges = ((self.prefix, self.prefix[-1:], -1), (self.suffix, self.suffix[:1], 0))
        for string, char, end in edges:
            if char:
                alone = _shaped_string(renderer, prop, flags, font_key, char).glyphs
                whole = _shaped_string(renderer, prop, flags, font_key, string).glyphs
                if len(alone) != 1 or whole[end][:2] != alone[0][:2]:
                    return False
        return True

    def _is_texts_layout(self, renderer, prop, flags, text: str, key: tuple, glyphs: list) -> bool:
        """The composed glyphs and metrics against Text's own for the whole string (on a new size only)."""
        whole = ShapedString(renderer, prop, flags, text)
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
        """Text.draw's blends: its bbox patch, then each image with the gc Text.draw makes (every private
        name looked up before the first pixel is drawn)."""
        draw = renderer._renderer.draw_text_image
        self._renderer = renderer
        # the gc as Text.draw makes it, made again only when what it is made of changes (what
        # _set_gc_clip leaves alone when there is no clip is part of that)
        color = self.get_color()
        if not isinstance(color, (str, tuple)):  # an array: compared as its RGBA
            color = to_rgba(color)
        key = (renderer, color, self.get_alpha(), self._url, self._antialiased,
               self.get_snap(), self._clipon, self.clipbox is None, self._clippath is None)
        if key != self._gc_key:
            gc = renderer.new_gc()
            gc.set_foreground(to_rgba(color), isRGBA=True)
            gc.set_alpha(key[2])
            gc.set_url(key[3])
            gc.set_antialiased(key[4])
            gc.set_snap(key[5])
            self._gc, self._gc_key = gc, key
        gc = self._gc
        if self._clipon and (self.clipbox is not None or self._clippath is not None):
            self._set_gc_clip(gc)  # with neither, it would set the None the gc holds
        if self._bbox_patch:
            self._bbox_patch.draw(renderer)
        for bitmap, left, bottom in placed:
            draw(bitmap, left, bottom, 0, gc)
        self.stale = False


def _shaped_string(renderer, prop, flags, font_key, string: str) -> ShapedString:
    key = (*font_key, string)
    if key not in _SHAPED:
        if len(_SHAPED) > 4096:  # numbers of a long render: keep the cache bounded
            _SHAPED.clear()
        _SHAPED[key] = ShapedString(renderer, prop, flags, string)
    return _SHAPED[key]


def _learn_joins(renderer, prop, flags, font_key, singles: dict, pairs: list) -> None:
    """Into `_PAIR_JOINS`: whether each pair lays out side by side, from one layout of them all if it is, else
    from each half's."""
    if not pairs:
        return
    chars = "".join(pairs)
    if _glyphs_of(renderer, prop, flags, chars) == _composed([singles[c] for c in chars]):
        _PAIR_JOINS.update(((font_key, two), True) for two in pairs)
    elif len(pairs) == 1:
        _PAIR_JOINS[font_key, pairs[0]] = False
    else:
        half = len(pairs) // 2
        _learn_joins(renderer, prop, flags, font_key, singles, pairs[:half])
        _learn_joins(renderer, prop, flags, font_key, singles, pairs[half:])


def _glyphs_of(renderer, prop, flags, string: str) -> list:
    """A string's glyphs `(ft_font, glyph index, x, y)` as Text's layout places them."""
    font = renderer._prepare_font(prop)
    return [(g.ft_object, g.glyph_index, g.x, g.y) for g in font._layout(string, flags=flags)]


def _composed(runs: list) -> list:
    """The runs' glyphs side by side: each run's at the pen the runs before it advanced."""
    glyphs, pen = [], 0.0
    for r in runs:
        glyphs.extend((f, i, pen + x, y) for f, i, x, y in r.glyphs)
        pen += r.width
    return glyphs


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


def _ink_strip(bitmap: np.ndarray, left: int, top: int, ink: tuple[int, int] | None):
    """A glyph's inked columns alone (blending the blank ones changes no pixel), with the column they
    start at and the row below them for the whole-pixel origin (0, 0), their width and height."""
    if ink is None:
        return None
    high = bitmap.shape[0]
    return np.ascontiguousarray(bitmap[:, ink[0]:ink[1]]), left + ink[0], high - top, ink[1] - ink[0], high


def _merged_images(placed: list) -> list:
    """Glyphs (bitmap, left, bottom, right, height) in as few images as blend to the same pixels:
    consecutive glyphs join one image while each one's ink starts right of all the ink before it (no pixel
    then gets two blends, and Agg leaves a pixel of zero coverage as it is); a glyph whose ink reaches
    back starts a new image, blended after."""
    images, start, count = [], 0, len(placed)
    while start < count:
        first, x0, low, end, high = placed[start]
        top, stop = low - high, start + 1
        while stop < count:
            _b, left, bottom, right, high = placed[stop]
            if left < end:
                break
            end, top, low = right, min(top, bottom - high), max(low, bottom)
            stop += 1
        if stop == start + 1:
            images.append((first, x0, low))
        else:
            image = np.zeros((low - top, end - x0), np.uint8)
            for strip, left, bottom, right, high in placed[start:stop]:
                image[bottom - high - top:bottom - top, left - x0:right - x0] = strip
            images.append((image, x0, low))
        start = stop
    return images
