"""Regression check: re-record scenes in their golden configuration and compare with their goldens.

`render check` and the pytest suite (tests/test_goldens.py) both call `check_scenes`, so CI and the
command line compare the same recordings with the same tolerance (`render.record.diff`). The built-in
scenes' goldens ship with the package (render/record/goldens/); `render check --goldens DIR` points at
others.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from render.record import record
from render.record.diff import ATOL, RTOL, ArrayDiff, Recording, compare, load_recording
from render.record.snapshot import SnapshotError, write_arrays
from scenes import Scene, get_scene, list_scenes

#: The built-in scenes' goldens: package data, so an installed wheel checks itself. Tests and
#: `render check --update` in a source checkout rewrite them here; an installed package is never written
#: to (the CLI refuses; point --goldens at a folder of your own).
GOLDEN_DIR = Path(__file__).resolve().parent / "goldens"

#: Golden configuration: every run and every sample of the scene, but fewer grid points and snapshots.
GOLDEN_GRID_POINTS = 31
GOLDEN_SNAPSHOTS = 32
GOLDEN_SWEEP_INITS = 64  # sweeps (scenes with `with_count`) train this many inits in their golden

#: Scenes whose golden configuration is not the generic one: name -> scene -> golden scene.
GOLDEN_OVERRIDES: dict[str, Callable[[Scene], Scene]] = {}



def golden_scene(scene: Scene) -> Scene:
    """The fast configuration of `scene` whose recording is kept as its golden.

    Keeps every run, every training sample and the schedule's kind (so early and late steps are both
    covered, and the article's marks such as sample 1500 stay), with at most GOLDEN_SNAPSHOTS snapshots
    and GOLDEN_GRID_POINTS grid points; a sweep keeps GOLDEN_SWEEP_INITS of its inits. A scene that
    needs something else goes in GOLDEN_OVERRIDES.
    """
    if scene.name in GOLDEN_OVERRIDES:
        return GOLDEN_OVERRIDES[scene.name](scene)
    if callable(getattr(scene, "with_count", None)) and scene.count > GOLDEN_SWEEP_INITS:
        scene = scene.with_count(GOLDEN_SWEEP_INITS)  # a sweep: fewer inits, same everything else
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


@dataclass
class SceneResult:
    scene: str
    status: str  # "match", "differs", "no golden", "bad golden", "stale golden"; with update: "created",
    #              "updated", "removed"
    golden: Path
    diffs: list[ArrayDiff] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in ("match", "created", "updated", "removed")

    def diff(self, key: str) -> ArrayDiff | None:
        return next((d for d in self.diffs if d.key == key), None)

    def lines(self) -> list[str]:
        head = f"{self.scene}: {self.status}"
        if self.status == "no golden":
            head += f" ({self.golden} is missing; create it with `render check --update {self.scene}`)"
        elif self.status == "bad golden":
            head += f" (`render check --update {self.scene}` rewrites it)"
        elif self.status == "stale golden":
            head += f" ({self.golden} belongs to no registered scene; `render check --update` removes it)"
        elif self.status in ("created", "updated", "removed"):
            head += f" ({self.golden})"
        if self.seconds:
            head += f"  [{self.seconds:.2f} s]"
        out = [head]
        for d in self.diffs:
            out += ["  " + line for line in d.lines()]
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class CheckReport:
    results: list[SceneResult]
    golden_dir: Path
    rtol: float = RTOL
    atol: float = ATOL
    update: bool = False

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> list[SceneResult]:
        return [r for r in self.results if not r.ok]

    @property
    def changed(self) -> list[SceneResult]:
        return [r for r in self.results if r.status in ("created", "updated", "removed")]

    def result(self, scene: str) -> SceneResult:
        return next(r for r in self.results if r.scene == scene)

    def summary(self) -> str:
        n = len(self.results)
        if self.update:
            return (f"{len(self.changed)} of {n} goldens changed"
                    + (f": {', '.join(r.scene for r in self.changed)}" if self.changed else ""))
        if self.ok:
            what = "the scene matches its golden" if n == 1 else f"all {n} scenes match their goldens"
            return f"{what} (rtol {self.rtol:g}, atol {self.atol:g})"
        return (f"{len(self.failed)} of {n} scenes differ from their goldens: "
                f"{', '.join(r.scene for r in self.failed)} (rtol {self.rtol:g}, atol {self.atol:g}; "
                f"`render check --update` rewrites them if the change is intended)")

    def __str__(self) -> str:
        lines = [line for r in self.results for line in r.lines()]
        return "\n".join([*lines, self.summary()])


def golden_path(name: str, golden_dir: Path = GOLDEN_DIR) -> Path:
    return Path(golden_dir) / f"{name}.npz"


def check_scene(scene: Scene, golden_dir: Path = GOLDEN_DIR, update: bool = False,
                rtol: float = RTOL, atol: float = ATOL) -> SceneResult:
    """Record `scene` in its golden configuration and compare it with (or, with update, write) its golden."""
    path = golden_path(scene.name, golden_dir)
    start = time.perf_counter()
    fresh = record_golden(scene)
    seconds = time.perf_counter() - start
    if not path.exists():
        if not update:
            return SceneResult(scene.name, "no golden", path, seconds=seconds)
        _write(fresh, path)
        return SceneResult(scene.name, "created", path, seconds=seconds)
    try:
        diffs = compare(load_recording(path), fresh, rtol, atol)
    except SnapshotError as e:
        if update:
            _write(fresh, path)
            return SceneResult(scene.name, "updated", path, seconds=seconds)
        return SceneResult(scene.name, "bad golden", path, [ArrayDiff("file", "unreadable", str(e))], seconds)
    if not diffs:
        return SceneResult(scene.name, "match", path, seconds=seconds)
    if update:
        _write(fresh, path)
        return SceneResult(scene.name, "updated", path, diffs, seconds)
    return SceneResult(scene.name, "differs", path, diffs, seconds)


def _write(recording: Recording, path: Path | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_arrays(recording.meta, recording.arrays, path)


def check_scenes(names: list[str] | None = None, update: bool = False, golden_dir: Path = GOLDEN_DIR,
                 rtol: float = RTOL, atol: float = ATOL) -> CheckReport:
    """Check the named scenes (all when `names` is empty or None) against the goldens in `golden_dir`.

    Unknown names raise `scenes.SceneNotFound`. With `update`, goldens that differ or are missing are
    (re)written, and, when checking all scenes, goldens of scenes that no longer exist are removed.
    """
    golden_dir = Path(golden_dir)
    chosen = [get_scene(n) for n in names] if names else list_scenes()
    results = [check_scene(s, golden_dir, update, rtol, atol) for s in chosen]
    if not names and golden_dir.is_dir():
        known = {s.name for s in chosen}
        for path in sorted(golden_dir.glob("*.npz")):
            if path.stem not in known:
                if update:
                    path.unlink()
                results.append(SceneResult(path.stem, "removed" if update else "stale golden", path))
    return CheckReport(results, golden_dir, rtol, atol, update)
