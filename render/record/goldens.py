"""The goldens: which configuration of a scene is recorded as its golden, and where golden files live.

The built-in scenes' goldens ship with the package (render/record/goldens/); a user's live in a folder of
their own (`render check my_scenes.py --goldens DIR`). The check runner (check.py) records a scene with
`record_golden` and compares the result with the file at `golden_path`.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from render.record import record
from render.record.diff import Recording
from render.record.snapshot import write_arrays
from scenes import Scene

#: The built-in scenes' goldens: package data, so an installed wheel checks itself. Tests and
#: `render check --update` in a source checkout rewrite them here; an installed package is never written
#: to (the CLI refuses; point --goldens at a folder of your own).
GOLDEN_DIR = Path(__file__).resolve().parent / "goldens"

#: Golden configuration: every run and every sample of the scene, but fewer grid points and snapshots.
GOLDEN_GRID_POINTS = 31
GOLDEN_SNAPSHOTS = 32
GOLDEN_SWEEP_INITS = 64  # sweeps (scenes with `with_count`) train this many inits in their golden
GOLDEN_WIDTHS = 3  # a width sweep's golden trains its 3 narrowest widths and its widest (a fifth of the time)

#: Scenes whose golden configuration is not the generic one: name -> scene -> golden scene.
GOLDEN_OVERRIDES: dict[str, Callable[[Scene], Scene]] = {}


def golden_scene(scene: Scene) -> Scene:
    """The fast configuration of `scene` whose recording is kept as its golden.

    Keeps every run, every training sample and the schedule's kind (so early and late steps are both
    covered, and the article's marks such as sample 1500 stay), with at most GOLDEN_SNAPSHOTS snapshots
    and GOLDEN_GRID_POINTS grid points; a sweep keeps GOLDEN_SWEEP_INITS of its inits, a width sweep its
    GOLDEN_WIDTHS narrowest widths and its widest. A scene that
    needs something else goes in GOLDEN_OVERRIDES.
    """
    if scene.name in GOLDEN_OVERRIDES:
        return GOLDEN_OVERRIDES[scene.name](scene)
    if callable(getattr(scene, "with_count", None)) and scene.count > GOLDEN_SWEEP_INITS:
        scene = scene.with_count(GOLDEN_SWEEP_INITS)  # a sweep: fewer inits, same everything else
    widths = getattr(scene, "widths", ())
    if len(widths) > GOLDEN_WIDTHS + 1:  # a width sweep: the narrowest and the widest widths
        scene = dataclasses.replace(scene, widths=(*widths[:GOLDEN_WIDTHS], widths[-1]))
    names = {f.name for f in dataclasses.fields(scene)}
    changes: dict[str, Any] = {}
    if "grid_points" in names:
        changes["grid_points"] = min(scene.grid_points, GOLDEN_GRID_POINTS)
    schedule = getattr(scene, "schedule", None)
    if schedule is not None and dataclasses.is_dataclass(schedule):
        if schedule.kind == "linear":
            total = getattr(scene, "total_samples", schedule.every)
            every = max(schedule.every, math.ceil(total / (GOLDEN_SNAPSHOTS - 1)))
            changes["schedule"] = dataclasses.replace(schedule, every=every)
        elif hasattr(schedule, "frames"):
            changes["schedule"] = dataclasses.replace(schedule, frames=min(schedule.frames, GOLDEN_SNAPSHOTS))
    return dataclasses.replace(scene, **changes)


def record_golden(scene: Scene) -> Recording:
    """Record `scene` in its golden configuration."""
    return Recording.of(record(golden_scene(scene)))


def installed_copy(folder: Path) -> bool:
    """Whether `folder` belongs to an installed package (site-packages, or not writable): never written to."""
    folder = Path(folder).resolve()
    if {"site-packages", "dist-packages"} & set(folder.parts):
        return True
    existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    return not os.access(existing, os.W_OK)


def golden_path(name: str, golden_dir: Path = GOLDEN_DIR) -> Path:
    return Path(golden_dir) / f"{name}.npz"


def write_golden(recording: Recording, path: Path | str) -> None:
    """Write `recording` as the golden file `path` (its folder created if missing)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_arrays(recording.meta, recording.arrays, path)
