"""An image of coloured cells redrawn every frame: matplotlib's resampled pixels, gathered instead.

The map sweep's map is an RGB grid of cells (`imshow(..., interpolation="nearest")`), new colours every
frame. `AxesImage.make_image` resamples it to the axes' pixels each time: float RGBA arrays of the output's
size, Agg's nearest-neighbour span generator, a demultiply, a NaN check and a cast (most of a map frame's
time: docs/performance.md); `draw_image` then blends the result. Nearest-neighbour sampling picks
each output pixel's cell by position only, Agg's image rectangle covers a pixel wholly or not at all, and
`draw_image` copies opaque pixels and skips blank ones: the frame's pixels are a fixed gather from the cells.

`MapImage`, while animated, learns that gather once per geometry (cached like `TransformCache`: until the
transform, extent, clip, grid shape, renderer or magnification change) from probe images whose cells and
pixels spell their own index, run through `AxesImage.make_image` and `draw_image` themselves (the canvas
restored after), and checks each against matplotlib's own result on the real cells. Per frame it casts the
cells to bytes as matplotlib does (`(rgba * 255).astype(uint8)`) and gathers them into the canvas.
Anything else (not animated, another interpolation, an alpha, RGBA, integer or masked cells, a clip path,
a filter, another renderer, a gather that is not rows by columns or does not reproduce matplotlib's
pixels) takes `AxesImage.draw` (whose `make_image` still gathers when it can); everything takes
`AxesImage.draw` and `AxesImage.make_image` once the fast path has failed (render.draw.fast).
"""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.image import AxesImage

from render.draw.fast import FastPath
from render.draw.transform_cache import TRANSFORM_CACHE, TransformCache

MAP_IMAGE = FastPath("MapImage", "AxesImage.draw and AxesImage.make_image")


def _probe(shape: tuple[int, int]) -> np.ndarray:
    """RGB cells whose bytes (`(v * 255).astype(uint8)`) are the base-256 digits of their flat index."""
    index = np.arange(shape[0] * shape[1]).reshape(shape)
    digits = np.stack([index % 256, index // 256 % 256, index // 65536], axis=-1)
    return (digits + 0.5) / 255


def _index_pixels(shape: tuple[int, int]) -> np.ndarray:
    """Opaque RGBA bytes whose RGB are the base-256 digits of each pixel's flat index."""
    index = np.arange(shape[0] * shape[1]).reshape(shape)
    return np.stack([index % 256, index // 256 % 256, index // 65536, np.full(shape, 255)],
                    axis=-1).astype(np.uint8)


class MapImage(AxesImage):
    """An AxesImage (same constructor, same pixels) whose nearest-neighbour cells are cheap to redraw."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._gathers: TransformCache | None = None
        self.pasted = self.gathered = False  # whether the last draw pasted, the last make_image gathered

    def draw(self, renderer) -> None:
        self.pasted = bool(MAP_IMAGE.attempt(self._paste, renderer))
        if not self.pasted:
            super().draw(renderer)  # AxesImage's, with its rasterization and filter wrapper

    draw._supports_rasterization = True  # a rasterized MapImage takes AxesImage.draw, which does it

    def make_image(self, renderer, magnification=1.0, unsampled=False):
        made = None if unsampled else MAP_IMAGE.attempt(self._make_gathered, renderer, magnification)
        self.gathered = made is not None
        return made if made is not None else super().make_image(renderer, magnification, unsampled)

    def _make_gathered(self, renderer, magnification: float):
        """make_image's (image, left, bottom, transform), gathered from the cells; None where it is not."""
        cells = self._cells() if self.get_animated() else None
        gather = self._gather(cells, renderer, magnification) if cells is not None else None
        if gather is None:
            return None
        rows, cols, left, bottom, trans = gather
        return self._gathered(cells, rows, cols), left, bottom, trans

    def _paste(self, renderer) -> bool:
        """This frame's cells pasted into the canvas rectangle AxesImage.draw covers, each of its rows and
        columns from its cell; False (nothing drawn) when the image must be drawn by AxesImage.draw."""
        if not (isinstance(renderer, RendererAgg) and self.get_visible() and self.get_animated()
                and self._clippath is None and self._agg_filter is None and not self._rasterized):
            return False
        cells = self._cells()
        if cells is None:
            return False
        magnification = renderer.get_image_magnification()
        gather = self._gather(cells, renderer, magnification)
        if gather is None:
            return False
        clip = self.clipbox.extents if self._clipon and self.clipbox is not None else None
        key = ("paste", id(renderer), renderer.width, renderer.height, magnification, self._clipon,
               None if clip is None else tuple(clip), cells.shape, self.origin, tuple(self.get_extent()))
        plan = self._gathers.get(key, lambda: self._learn_paste(renderer, cells, gather))
        if plan is None:
            return False
        (top, bottom, left, right), rows, cols = plan
        if top < bottom and left < right:
            canvas = np.asarray(renderer.buffer_rgba()).view(np.uint32)[..., 0]
            np.take(self._cell_pixels(cells)[:, cols], rows, axis=0, out=canvas[top:bottom, left:right],
                    mode="wrap")
        self.stale = False
        return True

    def _learn_paste(self, renderer, cells: np.ndarray, gather):
        """Where AxesImage.draw's `draw_image` puts each gathered pixel (read off a probe image drawn into
        the canvas), checked on `cells` against AxesImage.draw itself; the canvas restored after."""
        rows, cols, left, bottom, _trans = gather
        if len(rows) * len(cols) >= 1 << 24:
            return None
        pixels = np.asarray(renderer.buffer_rgba())
        before = pixels.copy()
        try:
            pixels[...] = 0
            self._draw_image(renderer, left, bottom, _index_pixels((len(rows), len(cols))))
            drawn = pixels[..., 3] == 255
            index = pixels[..., :3].astype(np.int64) @ np.array([1, 256, 65536])
            pixels[...] = before
            plan = _paste_plan(drawn, index, rows, cols, cells.shape[:2])
            if plan is None:
                return None
            (top, bottom, left, right), paste_rows, paste_cols = plan
            AxesImage.draw(self, renderer)  # the check: this frame as AxesImage draws it
            plain = pixels.copy()
            pixels[...] = before
            np.take(self._cell_pixels(cells)[:, paste_cols], paste_rows, axis=0, mode="wrap",
                    out=pixels.view(np.uint32)[..., 0][top:bottom, left:right])
            return plan if np.array_equal(pixels, plain) else None
        finally:
            pixels[...] = before

    def _draw_image(self, renderer, left: float, bottom: float, image: np.ndarray) -> None:
        """`renderer.draw_image` with the gc AxesImage.draw sets up."""
        gc = renderer.new_gc()
        self._set_gc_clip(gc)
        gc.set_alpha(self._get_scalar_alpha())
        gc.set_url(self.get_url())
        gc.set_gid(self.get_gid())
        renderer.draw_image(gc, left, bottom, image)
        gc.restore()

    def _cells(self) -> np.ndarray | None:
        """The float RGB cells when make_image would take its plain nearest-neighbour path with them: no
        alpha, nothing masked (set_data masks what is not finite)."""
        data = self._A
        if (self._interpolation != "nearest" or self._alpha is not None or data is None or data.ndim != 3
                or data.shape[2] != 3 or data.dtype.kind != "f" or data.size == 0 or np.ma.is_masked(data)):
            return None
        return np.asarray(data)

    def _gather(self, cells: np.ndarray, renderer, magnification: float):
        """(rows, cols, left, bottom, trans): each output row's and column's cell (one past the last: none),
        and where make_image puts the output; None when the gather would not be make_image's pixels (or
        could not be kept)."""
        if not TRANSFORM_CACHE.on:
            return None
        transform = self.get_transform()
        if self._gathers is None or self._gathers.transform is not transform:
            self._gathers = TransformCache(transform)
        clip = ((self.get_clip_box() or self.axes.bbox) if self.get_clip_on()
                else self.get_figure(root=True).bbox)
        key = (cells.shape, self.origin, tuple(self.get_extent()), magnification, tuple(clip.extents))
        return self._gathers.get(key, lambda: self._learn(cells, renderer, magnification))

    def _learn(self, cells: np.ndarray, renderer, magnification: float):
        """Where AxesImage.make_image takes each output pixel from, read off a probe image; checked on
        `cells` against make_image itself."""
        ny, nx = cells.shape[:2]
        data = self._A
        self._A = _probe((ny, nx))  # a plain attribute: no stale callbacks for a moment's swap
        try:
            probe, left, bottom, trans = AxesImage.make_image(self, renderer, magnification)
        finally:
            self._A = data
        if probe is None:
            return None
        alpha = probe[..., 3]
        covered = alpha == 255
        if not (covered | (alpha == 0)).all() or probe[~covered].any():
            return None  # a partly covered pixel: its colour is blended, not a cell's
        index = probe[..., :3].astype(np.int64) @ np.array([1, 256, 65536])
        index = np.where(covered, index, ny * nx)
        if (index > ny * nx).any():
            return None
        row_cells, col_cells = np.divmod(index, nx)
        rows = np.where(covered, row_cells, ny).min(axis=1)  # each output row's cell row (ny: none)
        cols = np.where(covered, col_cells, nx).min(axis=0)
        full = np.where(covered, index, -1)
        separable = np.where((rows[:, None] < ny) & (cols[None, :] < nx), rows[:, None] * nx + cols, -1)
        if not np.array_equal(full, separable):
            return None  # not a grid of whole rows by whole columns (a rotated or warped transform)
        plain, plain_left, plain_bottom, _ = AxesImage.make_image(self, renderer, magnification)
        if (plain_left, plain_bottom) != (left, bottom) or \
                not np.array_equal(plain, self._gathered(cells, rows, cols)):
            return None
        return rows, cols, left, bottom, trans

    @staticmethod
    def _cell_pixels(cells: np.ndarray) -> np.ndarray:
        """The cells as make_image's bytes, one 32-bit RGBA pixel each: RGBA floats cast as
        `to_rgba(bytes=True)` casts them; a blank cell past the last row and column."""
        ny, nx = cells.shape[:2]
        table = np.zeros((ny + 1, nx + 1, 4), np.uint8)
        table[:ny, :nx] = (np.dstack([cells, np.ones(cells.shape[:2])]) * 255).astype(np.uint8)
        return table.view(np.uint32)[..., 0]

    @classmethod
    def _gathered(cls, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """make_image's bytes, gathered from the cells by row and column."""
        return cls._cell_pixels(cells)[:, cols][rows].view(np.uint8).reshape(len(rows), len(cols), 4)


def _paste_plan(drawn: np.ndarray, index: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                shape: tuple[int, int]):
    """((top, bottom, left, right), rows, cols): the canvas rectangle a probe image covered (`drawn`, its
    pixels' `index` in the gathered image) and each of its rows' and columns' cell; None when the probe's
    pixels are not one rectangle of whole cell rows by whole cell columns."""
    ny, nx = shape
    src_rows, src_cols = np.divmod(index, len(cols))
    # opaque gathered pixels are copied, blank ones (no cell) left as they were
    cell_rows = np.where(drawn, rows[src_rows.clip(0, len(rows) - 1)], ny)
    cell_cols = np.where(drawn, cols[src_cols.clip(0, len(cols) - 1)], nx)
    painted = drawn & (cell_rows < ny) & (cell_cols < nx)
    row_span, col_span = np.flatnonzero(painted.any(axis=1)), np.flatnonzero(painted.any(axis=0))
    if not len(row_span):
        top = bottom = left = right = 0
    else:
        top, bottom, left, right = row_span[0], row_span[-1] + 1, col_span[0], col_span[-1] + 1
    region = np.zeros_like(painted)
    region[top:bottom, left:right] = True
    if not np.array_equal(painted, region):
        return None  # not one rectangle
    row_cells, col_cells = cell_rows[top:bottom, left:right], cell_cols[top:bottom, left:right]
    if not (row_cells == row_cells[:, :1]).all() or not (col_cells == col_cells[:1]).all():
        return None  # not whole rows by whole columns
    return (int(top), int(bottom), int(left), int(right)), row_cells[:, 0].copy(), col_cells[0].copy()


def show(ax, cells: np.ndarray, *, extent: tuple, origin: str, interpolation: str, aspect: str = "auto",
         **kwargs) -> MapImage:
    """What `ax.imshow(cells, extent=extent, origin=origin, interpolation=interpolation, aspect=aspect,
    **kwargs)` adds to `ax`, as a MapImage (imshow's own steps, for RGB cells without norm or alpha)."""
    kwargs.setdefault("resample", None)  # imshow's default (rcParams), not AxesImage's (False)
    image = MapImage(ax, interpolation=interpolation, origin=origin, extent=extent, **kwargs)
    ax.set_aspect(aspect)
    image.set_data(cells)
    if image.get_clip_path() is None:
        image.set_clip_path(ax.patch)  # imshow clips to the axes patch
    image.set_extent(image.get_extent())
    ax.add_image(image)
    return image
