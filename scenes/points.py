"""Data points to train on (`--data FILE.csv`): reading them, and which of them each sample is.

A CSV of two columns, x and y, one point a line, with an optional header line (any first line that is
not two numbers). Everything else is refused with one line naming the file and the problem: a missing
file or a folder, no points, one column or more than two, a cell that is text, NaN or infinite, more
than MAX_ROWS points.

Sampling (the page reproduces it): sample i of a run is point floor(u_i · n), where u_i is the i-th draw
of `default_rng(data_seed).uniform(0, 1)`, the same stream the built-in scenes draw x from (clipped to
n − 1). Its label is the point's y. `Scene.draw_samples` (scenes/base.py) is the one place that says it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MAX_ROWS = 1_000_000
#: the points drawn in the output panel and the ones the evaluation loss is measured on: all of them up
#: to this many, else this many spread evenly over the file's rows
SHOWN = 2000
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def _cell(text: str) -> float | None:
    """A cell's number, None when it is not one; ValueError when it says NaN or infinity."""
    text = text.strip()
    if NON_FINITE.fullmatch(text):
        raise ValueError("is NaN or infinite")
    if not NUMBER.fullmatch(text):
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("is too large (infinite)")
    return value


def read_points(path: str | Path) -> np.ndarray:
    """The points of a CSV file, shape (n, 2); ValueError (one line, naming the file) when it is no such
    file or not two columns of finite numbers with at most an optional header line."""
    import csv

    import numpy as np

    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    if path.is_dir():
        raise ValueError(f"{path}: is a folder, not a CSV file")
    rows: list[tuple[float, float]] = []
    first, header = True, None
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for number, row in enumerate(csv.reader(f), start=1):
                if not row or all(not c.strip() for c in row):
                    continue  # blank lines
                if len(row) != 2:
                    raise ValueError(f"line {number} has {len(row)} column{'s' * (len(row) != 1)}; "
                                     f"give two: x, y")
                try:
                    cells = [_cell(c) for c in row]
                except ValueError as e:
                    raise ValueError(f"line {number}: {shorten(row)} {e}") from None
                if None in cells:
                    if first:
                        first, header = False, row
                        continue  # the header
                    bad = row[cells.index(None)]
                    raise ValueError(f"line {number}: {shorten([bad])} is not a number")
                first = False
                if len(rows) == MAX_ROWS:
                    raise ValueError(f"more than {MAX_ROWS:,} points")
                rows.append((cells[0], cells[1]))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: is not a text CSV file") from None
    except csv.Error as e:
        raise ValueError(f"{path}: not a CSV file of two columns ({e})") from None
    except OSError as e:
        raise ValueError(f"{path}: cannot read it ({e.strerror or e})") from None
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None
    if not rows:
        line = f": its one line, {shorten(header)}, is not two numbers" if header else ""
        raise ValueError(f"{path}: holds no points{line} (give two columns x, y; a header line allowed)")
    return np.array(rows, dtype=float)


def shorten(cells: list[str]) -> str:
    text = ",".join(cells)
    return repr(text if len(text) <= 40 else text[:37] + "...")


@dataclass(frozen=True, eq=False)
class Points:
    """A scene's data points (an (n, 2) array of x, y) and the name they came from."""

    xy: np.ndarray
    name: str = "data"

    @property
    def count(self) -> int:
        return int(self.xy.shape[0])

    def pick(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The samples for uniform(0, 1) draws `u`: point floor(u·n) (at most n − 1), its x and its y."""
        import numpy as np

        index = np.minimum(np.floor(u * self.count).astype(np.int64), self.count - 1)
        return self.xy[index, 0], self.xy[index, 1]

    def shown(self) -> np.ndarray:
        """The points drawn and evaluated on (see SHOWN), in file order."""
        import numpy as np

        if self.count <= SHOWN:
            return self.xy
        return self.xy[np.unique(np.round(np.linspace(0, self.count - 1, SHOWN)).astype(np.int64))]

    def x_span(self) -> tuple[float, float]:
        """The data range they give: their x from least to largest (a unit wide around a single x)."""
        lo, hi = float(self.xy[:, 0].min()), float(self.xy[:, 0].max())
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)


def padded(data_range: tuple[float, float]) -> tuple[float, float]:
    """The x range shown for a data range: a quarter of its width more on each side, rounded outward to
    half a power of ten below its width ((0, 2) -> (−0.5, 2.5), the chapter's)."""
    lo, hi = data_range
    width = hi - lo
    lo, hi = lo - width / 4, hi + width / 4
    step = 10.0 ** math.floor(math.log10(width)) / 2
    return round(math.floor(lo / step) * step, 12), round(math.ceil(hi / step) * step, 12)
