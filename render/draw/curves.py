"""A Line2D for lines redrawn every frame: Line2D's own Agg calls, without its per-draw setup.

`Line2D.draw` rebuilds its data array (`recache`), a new graphics context and the transform's affine part
on every draw, which in Python costs more than Agg takes to stroke a few hundred points. `Curve` makes
exactly the calls Line2D would make (`renderer.draw_path` for the line, `renderer.draw_markers` for its
markers, with the same paths, the same gc values and the same matrices), keeps each gc while the line's
style is unchanged and the affine while its transform is not invalidated, and turns new float arrays into
vertices without the general conversions (docs/performance.md has what that saves).

It is written for solid lines and plain markers on Agg: dashes, draw styles, `markevery`, half-filled
markers, path effects, sketches, filters, rasterization, long data (Line2D's subslicing) and other
renderers all take `Line2D.draw`, and so does everything once its fast path has failed (render.draw.fast).
`TransformCache` keeps what a transform computed until it changes.
"""

from __future__ import annotations

from numbers import Real

import numpy as np
from matplotlib import cbook
from matplotlib import colors as mcolors
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.lines import Line2D
from matplotlib.path import Path
from matplotlib.transforms import TransformedPath

from render.draw.fast import FastPath

_NO_PATH = Path(np.zeros((0, 2)))
CURVE = FastPath("Curve", "Line2D.draw")
TRANSFORM_CACHE = FastPath("TransformCache", "computing it again every time")


def _floats(values) -> bool:
    """A 1-D float array: what Line2D's unit and mask conversions hand back unchanged."""
    return type(values) is np.ndarray and values.dtype.kind == "f" and values.ndim == 1  # noqa: E721


class Curve(Line2D):
    """A Line2D (same constructor, same pixels) that draws solid lines and plain markers cheaply on Agg."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._line_gc = self._line_key = self._marker_gc = self._marker_key = None
        self._affine: TransformCache | None = None

    def add_to(self, ax) -> Curve:
        """Add to `ax` as `ax.plot` adds its lines (the limits are the caller's), and return self."""
        ax.add_line(self)
        return self

    def draw(self, renderer) -> None:
        if not CURVE.attempt(self._draw_fast, renderer):
            super().draw(renderer)  # Line2D's, with its rasterization and filter wrapper

    def _draw_fast(self, renderer) -> bool:
        """Line2D.draw's Agg calls for a solid line, plain markers or both; False (nothing drawn) where
        Line2D.draw would make other calls."""
        if not self._simple(renderer):
            return False
        if not self.get_visible():
            return True
        if self._invalidx or self._invalidy:
            self._refill()
        if self._invalidx or self._invalidy:
            self.recache()
        if self._subslice:  # long, sorted data: Line2D draws only the visible part
            return False
        self.ind_offset = 0
        transform = self.get_transform()
        if transform.is_affine:  # what TransformedPath hands Line2D for an affine transform
            path = points = self._path
        else:  # the non-affine part, cached by Line2D's TransformedPath as when Line2D draws
            cached = self._get_transformed_path()
            cached._revalidate()
            path, points = cached._transformed_path, cached._transformed_points
        affine = self._frozen_affine(transform)
        # every gc made (every private name read) before the first pixel is drawn
        line = self._line_context(renderer) if self._linestyle == "-" and len(path.vertices) else None
        markers = self._marker_context(renderer) if (self._marker and self._markersize > 0
                                                     and len(points.vertices)) else None
        if line is not None:
            renderer.draw_path(line, path, affine)
        if markers is not None:
            gc, marker_path, marker_transform, face = markers
            renderer.draw_markers(gc, marker_path, marker_transform, points, affine, face)
        self.stale = False
        return True

    draw._supports_rasterization = True  # a rasterized Curve takes Line2D.draw, which does it

    def _simple(self, renderer) -> bool:
        """Whether Line2D.draw would make just the calls `draw` makes: a solid line, plain markers or both."""
        return (isinstance(renderer, RendererAgg) and self._linestyle in ("-", "None")
                and self._drawstyle == "default" and self._markevery is None
                and self._marker.get_alt_path() is None and not self._path_effects
                and self._sketch is None and self._agg_filter is None and not self._rasterized)

    def _refill(self) -> None:
        """What `recache` makes of new 1-D float data of one length (up to Line2D's subslicing size): new
        vertices, a new Path. Anything else is left to `recache`."""
        x = self._xorig if self._invalidx else self._x
        y = self._yorig if self._invalidy else self._y
        if not (_floats(x) and _floats(y) and len(x) == len(y) <= self._subslice_optim_min_size):
            return
        steps = self._path._interpolation_steps if self._path is not None else 1
        xy = np.empty((len(x), 2))
        xy[:, 0] = x
        xy[:, 1] = y
        self._xy, self._x, self._y = xy, xy[:, 0], xy[:, 1]
        self._path = Path(xy, _interpolation_steps=steps)
        self._transformed_path = None
        self._subslice = self._invalidx = self._invalidy = False

    def _frozen_affine(self, transform):
        """`transform.get_affine().frozen()`, what Line2D passes, computed again only after the transform
        changed."""
        if self._affine is None or self._affine.transform is not transform:
            self._affine = TransformCache(transform)
        return self._affine.get("affine", lambda: transform.get_affine().frozen())

    def _line_context(self, renderer):
        """The gc Line2D.draw sets up for a solid line, made again only when the line's style changes (the
        clip is set every time: a clip box is often replaced, e.g. to reveal a curve up to a cursor)."""
        rgba = mcolors.to_rgba(self._color, self._alpha)
        key = (rgba, self._antialiased, self._linewidth, self._solidjoinstyle, self._solidcapstyle,
               self.get_snap(), self._url, self._dash_pattern)
        if key != self._line_key:
            gc = self._line_gc = renderer.new_gc()
            self._line_key = key
            gc.set_url(self._url)
            gc.set_antialiased(self._antialiased)
            gc.set_linewidth(self._linewidth)
            gc.set_joinstyle(self._solidjoinstyle)
            gc.set_capstyle(self._solidcapstyle)
            gc.set_snap(self.get_snap())
            gc.set_foreground(rgba, isRGBA=True)
            if self._linewidth > 0:
                gc.set_dashes(*self._dash_pattern)
            else:
                gc.set_dashes(0, None)
        self._clip(self._line_gc)
        return self._line_gc

    def _marker_context(self, renderer):
        """The gc, marker path, marker transform and face colour Line2D.draw passes to `draw_markers`,
        made again only when the markers' style (or the dpi) changes; the clip is set every time."""
        edge = mcolors.to_rgba(self.get_markeredgecolor(), self._alpha)
        face = mcolors.to_rgba(self._get_markerfacecolor(), self._alpha)
        if cbook._str_equal(self._markeredgecolor, "auto") and \
                not cbook._str_lower_equal(self.get_markerfacecolor(), "none"):
            edge = edge[:3] + (face[3],)
        key = (edge, face, self._marker, self._markersize, self._markeredgewidth, self._antialiased,
               self._url, renderer.dpi)
        if key != self._marker_key:
            marker = self._marker
            gc = renderer.new_gc()
            gc.set_url(self._url)
            gc.set_linewidth(self._markeredgewidth)
            gc.set_antialiased(self._antialiased)
            gc.set_foreground(edge, isRGBA=True)
            snap = marker.get_snap_threshold()
            if isinstance(snap, Real):
                snap = renderer.points_to_pixels(self._markersize) >= snap
            gc.set_snap(snap)
            gc.set_joinstyle(marker.get_joinstyle())
            gc.set_capstyle(marker.get_capstyle())
            transform = marker.get_transform()
            if cbook._str_equal(marker.get_marker(), ","):
                gc.set_linewidth(0)
            else:
                transform = transform.scale(renderer.points_to_pixels(self._markersize))
            self._marker_gc = (gc, marker.get_path(), transform, face)
            self._marker_key = key
        self._clip(self._marker_gc[0])
        return self._marker_gc

    def _clip(self, gc) -> None:
        """`_set_gc_clip(gc)` when the clip differs from what `gc` was last given."""
        clip = (self._clipon, self.clipbox, self._clippath)
        if getattr(gc, "_curve_clip", None) != clip:
            self._set_gc_clip(gc)
            gc._curve_clip = clip


class TransformCache:
    """Values computed from a transform, kept until the transform is invalidated (new axes limits, a new
    figure size...). It listens as Line2D's own TransformedPath does: through an (empty) TransformedPath
    child of the transform. Every `compute` must evaluate the whole transform (as `transform`,
    `get_affine` do), which makes its parts valid again so that their next change reaches us."""

    size = 64  # values kept at most (a text that moves every frame must not grow this without end)

    def __init__(self, transform) -> None:
        self.transform = transform
        self._listener = TransformedPath(_NO_PATH, transform)
        self._values: dict = {}

    def get(self, key, compute):
        if not TRANSFORM_CACHE.attempt(self._still_valid, key):
            self._values.clear()
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]

    def _still_valid(self, key) -> bool:
        """Whether the kept values still hold (the transform unchanged, room for `key`); the listener
        re-armed when they do not."""
        if self._listener._invalid or len(self._values) >= self.size and key not in self._values:
            self._listener._invalid = 0
            return False
        return True
