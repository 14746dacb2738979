"""A writer that encodes nothing: counts frames and keeps copies of the ones asked for (tests' double)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from render.encode.options import RenderOptions
from render.encode.writers import Writer


class NullWriter(Writer):
    """Counts frames and keeps copies of the ones asked for: the loop's test double."""

    def __init__(self, path: Path, options: RenderOptions, fps: float, keep: tuple[int, ...] = ()) -> None:
        super().__init__(path, options, fps)
        self.keep = set(keep)
        self.kept: dict[int, np.ndarray] = {}

    def grab_frame(self, frame: np.ndarray) -> None:
        if self.frames in self.keep:
            self.kept[self.frames] = np.array(frame, copy=True)
        super().grab_frame(frame)
