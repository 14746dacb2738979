"""When each video frame happens and which snapshot it shows.

The motion lasts `duration` seconds, then the final state is held; frame k of a stream at `fps` shows
snapshot position k / fps * (S - 1) / duration (fractional when interpolating, else the snapshot
reached by then). Streams of different rates are cut from one master stream by time, so a 15 fps GIF
fed from a 30 fps pass takes every other frame and keeps the timing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

REFERENCE_FPS = 30.0  # default pace: one snapshot per frame at 30 fps
MIN_MOTION, MAX_MOTION = 3.0, 12.0  # seconds, for the default pace


def default_duration(n_snapshots: int) -> float:
    return min(max((n_snapshots - 1) / REFERENCE_FPS, MIN_MOTION), MAX_MOTION)


@dataclass(frozen=True)
class Timeline:
    n_snapshots: int
    fps: float
    duration: float  # seconds of motion
    hold: float = 1.5  # seconds the final state stays
    interpolate: bool = False

    @property
    def frames(self) -> int:
        return math.ceil((self.duration + self.hold) * self.fps - 1e-9) + 1

    def position(self, k: int) -> float:
        """Snapshot position (0 .. n_snapshots - 1) shown by frame k."""
        last = self.n_snapshots - 1
        pos = min(k / self.fps / self.duration, 1.0) * last if self.duration > 0 else last
        return pos if self.interpolate else float(math.floor(pos + 1e-9))

    def frame_of(self, snapshot: int) -> int:
        """The first frame that shows `snapshot` (negative counts from the end; -1 is the last frame)."""
        if snapshot == -1:
            return self.frames - 1
        if snapshot < 0:
            snapshot += self.n_snapshots
        snapshot = min(max(snapshot, 0), self.n_snapshots - 1)
        return min(math.ceil(snapshot / max(self.n_snapshots - 1, 1) * self.duration * self.fps - 1e-9),
                   self.frames - 1)

    def takes(self, k: int, fps: float) -> bool:
        """Whether a stream at `fps` (<= self.fps) uses master frame k: the first of each of its slots."""
        return k == 0 or math.floor(k * fps / self.fps + 1e-9) > math.floor((k - 1) * fps / self.fps + 1e-9)
