"""Regression check: re-record scenes in their golden configuration and compare with their goldens.

`render check`, the pytest suite (tests/test_goldens.py) and users' own tests (the `scene_regression`
fixture, render/app/pytest_plugin.py) all call this runner, so CI and the command line compare the same
recordings with the same tolerance (`render.record.diff`, settable per call). The built-in scenes' goldens
ship with the package (render/record/goldens/); `render check my_scenes.py --goldens DIR` keeps a user's.

numpy only: a picture of a difference is drawn by whoever passes a `Picture` callback (the app layer).
"""

from __future__ import annotations

import dataclasses
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from render.record import record
from render.record.diff import ATOL, RTOL, ArrayDiff, Recording, compare, load_recording
from render.record.snapshot import SnapshotError, write_arrays
from scenes import Scene, get_scene, list_scenes
from scenes.loader import SceneLoadError, is_file_reference, load_module, scenes_in, split_reference

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


def installed_copy(folder: Path) -> bool:
    """Whether `folder` belongs to an installed package (site-packages, or not writable): never written to."""
    folder = Path(folder).resolve()
    if {"site-packages", "dist-packages"} & set(folder.parts):
        return True
    existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    return not os.access(existing, os.W_OK)


def picture_path(golden: Path, picture_dir: Path | None = None) -> Path:
    """Where the picture of a difference goes: `NAME.diff.png` next to the golden (or in picture_dir)."""
    golden = Path(golden)
    return Path(picture_dir or golden.parent) / f"{golden.stem}.diff.png"


#: Order in which a result's headline prefers its differences: parameters first (they name what moved).
HEADLINE_ORDER = ("params", "curves", "train_loss", "eval_loss")


@dataclass
class SceneResult:
    scene: str
    status: str  # "match", "differs", "no golden", "bad golden", "stale golden"; with update: "created",
    #              "updated", "removed"
    golden: Path
    diffs: list[ArrayDiff] = field(default_factory=list)
    seconds: float = 0.0
    picture: Path | None = None  # the picture of the difference, when one was drawn
    hint: str | None = None  # how to create or rewrite the golden; default: the `render check --update` line
    tolerance: tuple[float, float] = (RTOL, ATOL)  # (rtol, atol) the comparison used

    @property
    def ok(self) -> bool:
        return self.status in ("match", "created", "updated", "removed")

    def diff(self, key: str) -> ArrayDiff | None:
        return next((d for d in self.diffs if d.key == key), None)

    @property
    def update_hint(self) -> str:
        return self.hint or f"`render check --update {self.scene}`"

    def first_diff(self) -> ArrayDiff | None:
        """The difference a one-line summary names: the earliest step, parameters before curves."""
        if not self.diffs:
            return None

        def key(d: ArrayDiff) -> tuple:
            rank = HEADLINE_ORDER.index(d.key) if d.key in HEADLINE_ORDER else len(HEADLINE_ORDER)
            return (d.step is None, d.step if d.step is not None else 0, rank)

        return min(self.diffs, key=key)

    def difference(self) -> str:
        """Where the first difference shows and how large it is ('params: first at run ..., step ...,
        param w_11; max abs ..., max rel ...'); empty when nothing differs."""
        d = self.first_diff()
        if d is None:
            return ""
        what = d.message.splitlines()[0] if d.problem != "values" else (
            f"first at {d.first}; max abs {d.max_abs:.3g}, max rel {d.max_rel:.3g}")
        return f"{d.key}: {what}"

    def headline(self) -> str:
        """One line: the scene, its status and, for a difference, where it first shows and how large."""
        if not self.diffs:
            return self.lines()[0]
        return f"{self.scene}: {self.status}: {self.difference()}"

    def lines(self) -> list[str]:
        head = f"{self.scene}: {self.status}"
        if self.status == "no golden":
            head += f" ({self.golden} is missing; create it with {self.update_hint})"
        elif self.status == "bad golden":
            head += f" ({self.update_hint} rewrites it)"
        elif self.status == "stale golden":
            head += f" ({self.golden} belongs to no registered scene; `render check --update` removes it)"
        elif self.status in ("created", "updated", "removed"):
            head += f" ({self.golden})"
        if self.seconds:
            head += f"  [{self.seconds:.2f} s]"
        out = [head]
        for d in self.diffs:
            out += ["  " + line for line in d.lines()]
        if self.picture is not None:
            out.append(f"  picture: {self.picture}")
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
    def update_hint(self) -> str:
        if Path(self.golden_dir).resolve() == GOLDEN_DIR:
            return "`render check --update`"
        return f"`render check --update ... --goldens {self.golden_dir}`"

    @property
    def failed(self) -> list[SceneResult]:
        return [r for r in self.results if not r.ok]

    @property
    def changed(self) -> list[SceneResult]:
        return [r for r in self.results if r.status in ("created", "updated", "removed")]

    def result(self, scene: str) -> SceneResult:
        return next(r for r in self.results if r.scene == scene)

    def headline(self) -> str:
        """The verdict in a few words: '2 of 3 scenes differ from their goldens'."""
        n = len(self.results)
        if self.update:
            return f"{len(self.changed)} of {n} goldens changed"
        if self.ok:
            return "the scene matches its golden" if n == 1 else f"all {n} scenes match their goldens"
        return f"{len(self.failed)} of {n} scenes differ from their goldens"

    def summary(self) -> str:
        if self.update:
            return self.headline() + (f": {', '.join(r.scene for r in self.changed)}" if self.changed else "")
        if self.ok:
            return f"{self.headline()} (rtol {self.rtol:g}, atol {self.atol:g})"
        return (f"{self.headline()}: {', '.join(r.scene for r in self.failed)} (rtol {self.rtol:g}, "
                f"atol {self.atol:g}; {self.update_hint} rewrites them if the change is intended)")

    def __str__(self) -> str:
        lines = [line for r in self.results for line in r.lines()]
        return "\n".join([*lines, self.summary()])


def golden_path(name: str, golden_dir: Path = GOLDEN_DIR) -> Path:
    return Path(golden_dir) / f"{name}.npz"


#: Draws the picture of a difference: (result, golden, fresh, target path) -> the path written, or None.
#: Passed in by the app layer (render.record never imports matplotlib).
Picture = Callable[[SceneResult, Recording, Recording, Path], "Path | None"]


def check_recording(name: str, fresh: Recording, golden: Path, update: bool = False, rtol: float = RTOL,
                    atol: float = ATOL, picture: Picture | None = None, picture_dir: Path | None = None,
                    seconds: float = 0.0, hint: str | None = None) -> SceneResult:
    """Compare a recording with the golden file `golden` (with update: write it when missing or different).

    With `picture`, a difference in the arrays (also one that `update` just accepted) is drawn to
    `NAME.diff.png` next to the golden (or in picture_dir), and a picture left from an earlier
    difference is removed when there is none any more.
    """
    path = Path(golden)
    result = SceneResult(name, "match", path, seconds=seconds, hint=hint, tolerance=(rtol, atol))
    old: Recording | None = None
    if not path.exists():
        result.status = "created" if update else "no golden"
    else:
        try:
            old = load_recording(path)
            result.diffs = compare(old, fresh, rtol, atol)
        except SnapshotError as e:
            result.status = "updated" if update else "bad golden"
            result.diffs = [] if update else [ArrayDiff("file", "unreadable", str(e))]
        else:
            if result.diffs:
                result.status = "updated" if update else "differs"
    if result.status in ("created", "updated"):
        _write(fresh, path)
    if picture is not None:
        target = picture_path(path, picture_dir)
        if old is not None and any(d.key != "meta" for d in result.diffs):  # arrays differ: something to see
            result.picture = picture(result, old, fresh, target)
        elif result.status != "no golden":
            target.unlink(missing_ok=True)  # the difference it showed is gone
    return result


def check_scene(scene: Scene, golden_dir: Path = GOLDEN_DIR, update: bool = False,
                rtol: float = RTOL, atol: float = ATOL, picture: Picture | None = None,
                picture_dir: Path | None = None, hint: str | None = None) -> SceneResult:
    """Record `scene` in its golden configuration and compare it with (or, with update, write) its golden."""
    start = time.perf_counter()
    fresh = record_golden(scene)
    return check_recording(scene.name, fresh, golden_path(scene.name, golden_dir), update, rtol, atol,
                           picture, picture_dir, time.perf_counter() - start, hint)


def _write(recording: Recording, path: Path | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_arrays(recording.meta, recording.arrays, path)


def resolve_scenes(names: list[str]) -> list[tuple[str, Scene]]:
    """(reference, scene) for each name: a registered name, `file.py:NAME`, or `file.py` for every scene
    in that file (in the file's order). A scene named twice is checked once."""
    found: dict[str, tuple[str, Scene]] = {}
    for ref in names:
        path, name = split_reference(ref) if is_file_reference(ref) else (None, ref)
        if path is not None and name is None:
            scenes = list({id(s): s for s in scenes_in(load_module(path)).values()}.values())
            if not scenes:
                raise SceneLoadError(f"{path} defines no Scene (assign one at module level or register it)")
            pairs = [(f"{path}:{s.name}", s) for s in scenes]
        else:
            pairs = [(ref, get_scene(ref))]
        for pair in pairs:
            found.setdefault(pair[1].name, pair)
    return list(found.values())


def _hint(ref: str, golden_dir: Path) -> str | None:
    """The command that (re)writes a user's golden; None for the built-in goldens (the default hint)."""
    if Path(golden_dir).resolve() == GOLDEN_DIR:
        return None
    return f"`render check --update {ref} --goldens {golden_dir}`"


def check_scenes(names: list[str] | None = None, update: bool = False, golden_dir: Path = GOLDEN_DIR,
                 rtol: float = RTOL, atol: float = ATOL, picture: Picture | None = None,
                 picture_dir: Path | None = None) -> CheckReport:
    """Check the named scenes (all registered ones when `names` is empty or None) against `golden_dir`.

    Names may point into the user's files (`my_scenes.py:NAME`, or `my_scenes.py` for all its scenes).
    Unknown names raise `scenes.SceneNotFound`. With `update`, goldens that differ or are missing are
    (re)written, and, when checking all scenes, goldens of scenes that no longer exist are removed.
    """
    golden_dir = Path(golden_dir)
    chosen = resolve_scenes(names) if names else [(s.name, s) for s in list_scenes()]
    results = [check_scene(s, golden_dir, update, rtol, atol, picture, picture_dir, _hint(ref, golden_dir))
               for ref, s in chosen]
    if not names and golden_dir.is_dir():
        known = {s.name for _, s in chosen}
        for path in sorted(golden_dir.glob("*.npz")):
            if path.stem not in known:
                if update:
                    path.unlink()
                results.append(SceneResult(path.stem, "removed" if update else "stale golden", path))
    return CheckReport(results, golden_dir, rtol, atol, update)
