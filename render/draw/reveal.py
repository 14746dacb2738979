"""A fixed curve shown up to a moving edge: stroked once while blitting, then pasted a column range a frame.

The loss panel shows its eval-loss curve solid up to the cursor, by clipping the whole curve at the cursor.
Stroking a few hundred noisy points on log axes is the dearest artist of the scene's frame (numbers in
docs/performance.md). While the curve is blitted (animated, over a fixed background), `Reveal` strokes it
once, clipped to its axes only, keeps those pixels, and per frame copies the part inside its clip box. Agg
rounds each edge of a clip box to a whole pixel, so those are the pixels a clipped stroke leaves, but for a
level or two in a few of them: the clip cuts the path where it crosses the box, and simplification then merges
slightly different segments (tests hold it to that).

Anything else (a full draw, a clip path, a clip box reaching outside the axes, a style Line2D strokes with
other calls, another renderer) is stroked by `Line2D.draw`, and so is everything once its fast path has
failed (render.draw.fast). The kept pixels include what lay under the curve, so the pixels under it must not
change while it is animated: true of a blitted background, which is all it ever pastes onto.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.lines import Line2D

from render.draw.fast import FastPath
from render.draw.transform_cache import TRANSFORM_CACHE, TransformCache

REVEAL = FastPath("Reveal", "Line2D.draw (a clipped stroke)")


def _plain(line: Line2D, renderer) -> bool:
    """Whether Line2D.draw strokes `line` on `renderer` with plain Agg calls whose pixels a clip box cuts
    at its edges: a solid line, plain markers or both, nothing around them."""
    return (isinstance(renderer, RendererAgg) and line.get_linestyle() in ("-", "None")
            and line.get_drawstyle() == "default" and line.get_markevery() is None
            and line.get_fillstyle() in ("full", "none") and not line.get_path_effects()
            and line.get_sketch_params() is None and line.get_agg_filter() is None
            and not line.get_rasterized())


def _span(lo: float, hi: float, n: int) -> tuple[int, int]:
    """The whole pixels Agg's clip box keeps between `lo` and `hi` (each edge rounded to the nearest)."""
    return max(math.floor(lo + 0.5), 0), min(math.floor(hi + 0.5), n)


class Reveal(Line2D):
    """A Line2D whose clip box moves over a fixed curve; drawn from kept pixels while it is animated."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: TransformCache | None = None

    def draw(self, renderer) -> None:
        if not REVEAL.attempt(self._paste, renderer):
            super().draw(renderer)  # Line2D's, with its rasterization and filter wrapper

    draw._supports_rasterization = True  # a rasterized Reveal is stroked by Line2D.draw, which does it

    def _paste(self, renderer) -> bool:
        """The kept stroke pasted up to the clip box's right edge; False (nothing drawn) where it must be
        stroked."""
        region = self._region(renderer)
        if region is None:
            return False
        (top, bottom), (left, right), (first, last) = region
        if self._kept is None or self._kept.transform is not self.get_transform():
            self._kept = TransformCache(self.get_transform())  # new axes limits: stroke it again
        style = (mcolors.to_rgba(self._color, self._alpha), self._linewidth, self._linestyle, self._marker,
                 self._markersize, self._antialiased, self._solidjoinstyle, self._solidcapstyle)
        key = (id(renderer), renderer.width, renderer.height, top, bottom, left, right, self._path, style)
        pixels = np.asarray(renderer.buffer_rgba())
        kept = self._kept.get(key, lambda: self._stroke(renderer, pixels[top:bottom, left:right]))
        if first < last:
            pixels[top:bottom, first:last] = kept[:, first - left:last - left]
        self.stale = False
        return True

    def _region(self, renderer):
        """(rows, columns) of the axes and the columns of the clip box to paste, in Agg's top-down pixels;
        None when the curve must be stroked."""
        if not (TRANSFORM_CACHE.on and self.get_visible() and self.get_animated() and _plain(self, renderer)
                and self.axes and self._clipon and self.clipbox is not None and self._clippath is None):
            return None
        if self._invalidx or self._invalidy:  # new data: let Line2D make its path before it is kept
            return None
        w, h = int(renderer.width), int(renderer.height)
        box, clip = self.axes.bbox, self.clipbox
        if not np.isfinite(clip.extents).all():
            return None
        rows, cols = _span(h - box.y1, h - box.y0, h), _span(box.x0, box.x1, w)
        clip_rows, clip_cols = _span(h - clip.y1, h - clip.y0, h), _span(clip.x0, clip.x1, w)
        if clip_rows != rows or clip_cols[0] < cols[0] or clip_cols[1] > cols[1]:
            return None  # only a clip box that narrows the axes' own is pasted
        return rows, cols, clip_cols

    def _stroke(self, renderer, under: np.ndarray) -> np.ndarray:
        """The curve stroked over `under` (a view of the canvas), clipped to its axes; `under` restored,
        whatever happens."""
        before = under.copy()
        clip = self.clipbox
        self.clipbox = self.axes.bbox  # a plain attribute: no stale callbacks for a moment's swap
        try:
            Line2D.draw(self, renderer)
            return under.copy()
        finally:
            self.clipbox = clip
            under[...] = before
