"""Compare two RGB images with a tolerance, and draw what differs (tests/test_visual_baselines.py).

The tolerance is two numbers, chosen and justified in test_visual_baselines.py's docstring: a pixel
*differs* when one of its channels moved by more than `PIXEL_TOLERANCE` (of 255), and two images *match*
when at most `MAX_DIFFERING` pixels differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

PIXEL_TOLERANCE = 32  # of 255: the largest channel change that is still anti-aliasing noise
MAX_DIFFERING = 4  # pixels past PIXEL_TOLERANCE an image may have and still match


@dataclass(frozen=True)
class Difference:
    """How far `got` is from `expected`: pixels past the tolerance, and the largest channel change."""

    differing: int
    worst: int  # 0..255
    shape: tuple[tuple[int, ...], tuple[int, ...]] | None = None  # (expected, got) when they differ

    @property
    def matches(self) -> bool:
        return self.shape is None and self.differing <= MAX_DIFFERING

    def __str__(self) -> str:
        if self.shape is not None:
            (eh, ew), (gh, gw) = self.shape
            return f"size {gw}x{gh}, expected {ew}x{eh}"
        return (f"{self.differing} pixels differ by more than {PIXEL_TOLERANCE}/255 (at most {MAX_DIFFERING} "
                f"may), the worst by {self.worst}/255")


def rgb(image: np.ndarray) -> np.ndarray:
    """An (H, W, 3) uint8 array of `image` (RGBA frames lose alpha, as the poster PNG does)."""
    return np.ascontiguousarray(image[..., :3], dtype=np.uint8)


def read_png(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def write_png(image: np.ndarray, path: Path) -> None:
    """Write `image` as an RGB PNG, as the poster writer does (optimize=True: the smallest file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(rgb(image)).save(path, format="PNG", optimize=True)


def channel_change(expected: np.ndarray, got: np.ndarray) -> np.ndarray:
    """(H, W): per pixel, the largest change of any channel."""
    return np.abs(rgb(expected).astype(np.int16) - rgb(got).astype(np.int16)).max(axis=2)


def compare(expected: np.ndarray, got: np.ndarray) -> Difference:
    if expected.shape[:2] != got.shape[:2]:
        return Difference(0, 255, (expected.shape[:2], got.shape[:2]))
    change = channel_change(expected, got)
    return Difference(int(np.count_nonzero(change > PIXEL_TOLERANCE)), int(change.max(initial=0)))


def diff_picture(expected: np.ndarray, got: np.ndarray) -> np.ndarray:
    """Expected, got and their difference side by side: the difference is `expected` faded to a light
    grey with every changed pixel in red (past the tolerance) or orange (within it), each mark grown by
    a pixel so that a changed digit of a few pixels still catches the eye."""
    expected, got = rgb(expected), rgb(got)
    if expected.shape != got.shape:  # sizes differ: show both, padded to the larger
        h, w = max(expected.shape[0], got.shape[0]), max(expected.shape[1], got.shape[1])
        expected, got = (np.pad(a, ((0, h - a.shape[0]), (0, w - a.shape[1]), (0, 0)), constant_values=255)
                         for a in (expected, got))
    change = channel_change(expected, got)
    faded = (255 - (255 - expected.mean(axis=2, keepdims=True)) * 0.25).astype(np.uint8).repeat(3, axis=2)
    faded[_grown((change > 0) & (change <= PIXEL_TOLERANCE))] = (255, 160, 0)
    faded[_grown(change > PIXEL_TOLERANCE)] = (230, 0, 0)
    gap = np.full((expected.shape[0], 4, 3), 128, np.uint8)
    return np.concatenate([expected, gap, got, gap, faded], axis=1)


def _grown(mask: np.ndarray) -> np.ndarray:
    """`mask` with each pixel's 8 neighbours set too."""
    padded = np.pad(mask, 1)
    h, w = mask.shape
    return np.logical_or.reduce([padded[y:y + h, x:x + w] for y in range(3) for x in range(3)])
