"""An image of coloured cells redrawn every frame: matplotlib's resampled pixels, gathered instead.

The map sweep's map is an RGB grid of cells (`imshow(..., interpolation="nearest")`), new colours every
frame. `AxesImage.make_image` resamples it to the axes' pixels each time: float RGBA arrays of the output's
size, Agg's nearest-neighbour span generator, a demultiply, a NaN check and a cast, ~5 ms a frame at
1280x720 for an 81x81 grid. Nearest-neighbour sampling picks each output pixel's cell by position only, and
Agg's image rectangle covers a pixel wholly or not at all, so the output is a fixed gather from the cells.

`MapImage`, while animated, learns that gather once per geometry (cached like `TransformCache`, until the
transform, extent, clip, grid shape or magnification change) by running `AxesImage.make_image` itself on a
probe image whose cells spell their own index, checks it against `AxesImage.make_image` on the real cells,
and per frame casts the cells to bytes as matplotlib does (`(rgba * 255).astype(uint8)`) and gathers
them. `AxesImage.draw` still makes the gc, the clip and the `draw_image` call. Anything else (not animated,
another interpolation, an alpha, RGBA or integer or masked cells, a gather that is not rows by columns or
does not reproduce matplotlib's pixels) takes `AxesImage.make_image`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.image import AxesImage

from render.draw.curves import TransformCache


def _probe(shape: tuple[int, int]) -> np.ndarray:
    """RGB cells whose bytes (`(v * 255).astype(uint8)`) are the base-256 digits of their flat index."""
    index = np.arange(shape[0] * shape[1]).reshape(shape)
    digits = np.stack([index % 256, index // 256 % 256, index // 65536], axis=-1)
    return (digits + 0.5) / 255


class MapImage(AxesImage):
    """An AxesImage (same constructor, same pixels) whose nearest-neighbour cells are cheap to redraw."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._gathers: TransformCache | None = None
        self.fast = False  # whether the last make_image gathered (for tests)

    def make_image(self, renderer, magnification=1.0, unsampled=False):
        cells = self._cells() if not unsampled and self.get_animated() else None
        gather = self._gather(cells, renderer, magnification) if cells is not None else None
        self.fast = gather is not None
        if gather is None:
            return super().make_image(renderer, magnification, unsampled)
        rows, cols, left, bottom, trans = gather
        return self._gathered(cells, rows, cols), left, bottom, trans

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
        and where make_image puts the output; None when the gather would not be make_image's pixels."""
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
    def _gathered(cells: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """make_image's bytes: the cells as RGBA floats cast as `to_rgba(bytes=True)` casts them, a blank
        cell past the last row and column, gathered by row and column as 32-bit pixels."""
        ny, nx = cells.shape[:2]
        table = np.zeros((ny + 1, nx + 1, 4), np.uint8)
        table[:ny, :nx] = (np.dstack([cells, np.ones(cells.shape[:2])]) * 255).astype(np.uint8)
        pixels = table.view(np.uint32)[..., 0]
        return pixels[:, cols][rows].view(np.uint8).reshape(len(rows), len(cols), 4)


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
