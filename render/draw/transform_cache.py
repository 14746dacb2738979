"""`TransformCache`: what the fast paths keep per transform until it changes.

SlotText keeps its anchors in one, Reveal its stroked pixels, MapImage its gathers, the scene figure its
loss cursor's pixels. It reads one private name, `TransformedPath._invalid`: worth it (up to 2.5 ms a frame
on its own, docs/performance.md); through its switch (render.draw.fast) a matplotlib that renamed it
computes everything again every time instead.
"""

from __future__ import annotations

import numpy as np
from matplotlib.path import Path
from matplotlib.transforms import TransformedPath

from render.draw.fast import FastPath

_NO_PATH = Path(np.zeros((0, 2)))
TRANSFORM_CACHE = FastPath("TransformCache", "computing it again every time")


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
