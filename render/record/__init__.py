"""Stage 1, scene -> Snapshot: training with ourdl, snapshots of every node, the snapshot file, goldens.

numpy only: nothing here imports matplotlib, PIL, typer or rich (a test enforces it).
"""

from __future__ import annotations

from collections.abc import Callable

from render.record.runs import SampleProgress, estimated_bytes, record_runs
from render.record.snapshot import Snapshot, SnapshotError, load_snapshot, save_snapshot
from scenes import Scene
from scenes.sweeps import SweepScene
from scenes.width_sweep import WidthSweepScene

__all__ = ["Snapshot", "SnapshotError", "estimated_bytes", "load_snapshot", "record", "save_snapshot"]


def record(scene: Scene, progress: SampleProgress | None = None, workers: int = 1,
           meanwhile: Callable[[], None] | None = None) -> Snapshot:
    """Record a scene: its runs on the scalar path, or, for a sweep, every init in lockstep; independent
    parts in up to `workers` forked processes, `meanwhile()` running here while they train."""
    if isinstance(scene, WidthSweepScene):
        from render.record.width_sweep import record_width_sweep

        return record_width_sweep(scene, progress, workers, meanwhile)
    if isinstance(scene, SweepScene):
        from render.record.sweep import record_sweep

        return record_sweep(scene, progress, workers, meanwhile)
    return record_runs(scene, progress, workers, meanwhile)
