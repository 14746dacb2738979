"""A Line2D for curves redrawn every frame: the same `draw_path` call, without Line2D's per-draw setup.

`Line2D.draw` rebuilds its data array (`recache`), a new graphics context and the transform's affine part
on every draw: about 40 µs of Python per curve, more than Agg takes to stroke a 300-point curve. `Curve`
makes exactly the call Line2D would make (`renderer.draw_path(gc, path, affine)` with the same path,
the same gc values and the same affine matrix), keeping the gc while the line's style is unchanged and
the affine while its transform is not invalidated; a new y array only refills the vertices.

It is written for solid, marker-less lines on Agg: markers, dashes, draw styles, path effects, sketches,
filters, rasterization, long data (Line2D's subslicing) and other renderers all take `Line2D.draw`.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.artist import allow_rasterization
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.lines import Line2D
from matplotlib.path import Path
from matplotlib.transforms import TransformedPath

_line_draw = Line2D.draw.__wrapped__  # Line2D's own draw, without the rasterization wrapper around ours
_NO_PATH = Path(np.zeros((0, 2)))


class Curve(Line2D):
    """A Line2D (same constructor, same pixels) that draws a solid, marker-less line cheaply on Agg."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._gc_key = self._gc = None
        self._watch: TransformedPath | None = None  # invalidated with the transform's affine part
        self._affine = None

    def add_to(self, ax) -> Curve:
        """Add to `ax` as `ax.plot` adds its lines (limits are the caller's), and return self."""
        ax.add_line(self)
        return self

    @allow_rasterization
    def draw(self, renderer) -> None:
        if not self._plain_solid(renderer):
            _line_draw(self, renderer)
            return
        if not self.get_visible():
            return
        if self._invalidy and not self._invalidx:
            self._refill_y()
        if self._invalidx or self._invalidy:
            self.recache()
        self.ind_offset = 0
        if self._subslice:  # long, sorted data: Line2D draws only the visible part
            _line_draw(self, renderer)
            return
        transform = self.get_transform()
        if transform.is_affine:
            path = self._path  # what TransformedPath hands Line2D for an affine transform
        else:  # the non-affine part, cached by Line2D's TransformedPath as when Line2D draws
            cached = self._get_transformed_path()
            cached._revalidate()
            path = cached._transformed_path
        if len(path.vertices):
            renderer.draw_path(self._graphics_context(renderer), path, self._frozen_affine(transform))
        self.stale = False

    def _plain_solid(self, renderer) -> bool:
        """Whether Line2D.draw would make exactly one draw_path call, the one `draw` makes."""
        return (isinstance(renderer, RendererAgg) and self._linestyle == "-" and self._drawstyle == "default"
                and not (self._marker and self._markersize > 0) and not self._path_effects
                and self._sketch is None and self._agg_filter is None and not self._rasterized)

    def _refill_y(self) -> None:
        """What `recache` makes of a new float y array of the same length: new vertices, new Path."""
        y = self._yorig
        if not (type(y) is np.ndarray and y.dtype == np.float64 and y.ndim == 1  # noqa: E721 - exact type
                and len(y) == len(self._x) and len(y) <= self._subslice_optim_min_size):
            return  # anything else: `recache` converts it
        xy = np.empty((len(y), 2))
        xy[:, 0] = self._x
        xy[:, 1] = y
        self._xy, self._x, self._y = xy, xy[:, 0], xy[:, 1]
        self._path = Path(xy, _interpolation_steps=self._path._interpolation_steps)
        self._transformed_path = None
        self._invalidy = False

    def _frozen_affine(self, transform):
        """`transform.get_affine().frozen()`, recomputed only after the transform was invalidated."""
        watch = self._watch
        if watch is None or watch._transform is not transform:
            watch = self._watch = TransformedPath(_NO_PATH, transform)
        if watch._invalid or self._affine is None:
            self._affine = watch.get_transformed_path_and_affine()[1].frozen()  # resets watch._invalid
        return self._affine

    def _graphics_context(self, renderer):
        """The gc Line2D.draw sets up for a solid line, made again only when one of its inputs changes."""
        rgba = mcolors.to_rgba(self._color, self._alpha)
        key = (self._clipon, self.clipbox, self._clippath, self._antialiased, self._linewidth,
               self._solidjoinstyle, self._solidcapstyle, self.get_snap(), self._url, rgba,
               self._dash_pattern)
        if key != self._gc_key:
            gc = renderer.new_gc()
            self._set_gc_clip(gc)
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
            self._gc, self._gc_key = gc, key
        return self._gc
