"""Regression check: re-record every scene in its golden configuration and compare with tests/goldens/.

`render check` and the pytest suite (tests/test_goldens.py) both call `check_scenes`, so CI and the
command line compare the same recordings with the same tolerance.

The comparison is generic over whatever a snapshot file holds: every array (keys, dtypes, shapes and
values) and the JSON metadata (minus `IGNORED_META`). A difference is located along named axes (run,
step, node/param, grid) so the report says which run, which node or parameter and which step first
went wrong. Axis names come from `AXES` for the known arrays, from a `meta["axes"]` mapping if a
recorder writes one, and otherwise from matching axis sizes to the number of runs, steps, nodes, params
and grid points.

Tolerance (see docs/snapshot-format.md, "Regression checks"): a float value matches when
|fresh − golden| <= ATOL + RTOL·|golden| (RTOL raised to 4 ulp of the dtype for float32 arrays), or both
are the same non-finite value; integers and strings must be equal.
"""

from __future__ import annotations

import dataclasses
import json
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from render.record import record
from render.snapshot import SnapshotError, load_snapshot, save_snapshot
from scenes import Scene, get_scene, list_scenes

#: Where the goldens live: tests/goldens/ in the source tree (independent of the working directory).
GOLDEN_DIR = Path(__file__).resolve().parent.parent / "tests" / "goldens"

#: Relative and absolute tolerance for float arrays. Training runs on plain Python floats (IEEE-exact on
#: every machine); only the vectorised grid evaluation and reductions (numpy's SIMD loops, linspace,
#: libm/SVML exp/tanh) may differ by a few ulp (~1e-16 relative) between machines. Measured: moving any
#: initial value of fig7_vs_fig8 or relu_quadratic by 1 ulp moves the recorded parameters by at most
#: 3.6e-14 absolute, 3.2e-13 relative (450 ulp). RTOL/ATOL sit ~300x above that, and 10x below the
#: smallest change the tests must catch (an initial value moved by 1e-9).
RTOL = 1e-10
ATOL = 1e-11

#: Metadata that may change without any change in training dynamics.
IGNORED_META = ("package_version", "description", "panels")

#: Golden configuration: every run and every sample of the scene, but fewer grid points and snapshots.
GOLDEN_GRID_POINTS = 31
GOLDEN_SNAPSHOTS = 32
GOLDEN_SWEEP_INITS = 64  # sweeps (scenes with `with_count`) train this many inits in their golden

#: Scenes whose golden configuration is not the generic one: name -> scene -> golden scene.
GOLDEN_OVERRIDES: dict[str, Callable[[Scene], Scene]] = {}

#: Axis names of the known arrays (docs/snapshot-format.md).
AXES: dict[str, tuple[str, ...]] = {
    "steps": ("step",), "grid": ("grid",), "target": ("grid",),
    "curves": ("run", "step", "node", "grid"), "params": ("run", "step", "param"),
    "train_loss": ("run", "step"), "eval_loss": ("run", "step"),
}

Arrays = dict[str, np.ndarray]


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


@dataclass
class Recording:
    """What a snapshot file holds: the metadata and the arrays, whatever they are."""

    meta: dict[str, Any]
    arrays: Arrays


def record_golden(scene: Scene) -> Recording:
    """Record `scene` in its golden configuration."""
    snap = record(golden_scene(scene))
    return Recording(json.loads(json.dumps(snap.meta)), dict(snap.arrays()))


def load_recording(path: Path) -> Recording:
    """Read a snapshot file (any kind: its extra arrays come too); never unpickles.

    Raises SnapshotError naming the file and the problem."""
    snap = load_snapshot(path)
    return Recording(snap.meta, dict(snap.arrays()))


# ---------------------------------------------------------------------------------------------------
# Comparison


@dataclass
class Where:
    """A position in an array, by axis name: {"run": "Fig 8: ...", "step": 40, "node": "mul_11"}."""

    labels: dict[str, Any]

    def __str__(self) -> str:
        parts = []
        for axis, label in self.labels.items():
            if axis == "run":
                parts.append(f"run {label!r}")
            elif axis == "grid":
                parts.append(f"x={label:g}" if isinstance(label, float) else f"grid point {label}")
            else:
                parts.append(f"{axis} {label}")
        return ", ".join(parts) or "scalar"

    def get(self, axis: str) -> Any:
        return self.labels.get(axis)


@dataclass
class Group:
    """The differences within one run and one node/param (all axes but step and grid fixed)."""

    where: Where
    first_step: Any
    max_abs: float
    max_rel: float


@dataclass
class ArrayDiff:
    """One array (or the metadata) that does not match its golden."""

    key: str
    problem: str  # "values", "dtype", "shape", "missing", "unexpected", "metadata"
    message: str
    first: Where | None = None
    max_abs: float = math.nan
    max_rel: float = math.nan
    count: int = 0
    size: int = 0
    groups: list[Group] = field(default_factory=list)

    @property
    def run(self) -> Any:
        return self.first.get("run") if self.first else None

    @property
    def node(self) -> Any:
        return self.first.get("node") if self.first else None

    @property
    def param(self) -> Any:
        return self.first.get("param") if self.first else None

    @property
    def step(self) -> Any:
        return self.first.get("step") if self.first else None

    def lines(self, max_groups: int = 8) -> list[str]:
        out = [f"{self.key}: {self.message}"]
        for g in self.groups[:max_groups]:
            at = f"first differs at step {g.first_step}, " if g.first_step is not None else ""
            out.append(f"    {g.where}: {at}max abs {g.max_abs:.3g}, max rel {g.max_rel:.3g}")
        if len(self.groups) > max_groups:
            out.append(f"    ... and {len(self.groups) - max_groups} more")
        return out


def _axis_names(key: str, shape: tuple[int, ...], meta: dict, arrays: Arrays) -> tuple[str, ...]:
    declared = meta.get("axes", {}).get(key) if isinstance(meta.get("axes"), dict) else None
    names = tuple(declared or AXES.get(key, ()))
    if len(names) == len(shape):
        return names
    sizes = {"run": len(meta.get("runs", [])), "step": len(arrays["steps"]) if "steps" in arrays else -1,
             "node": len(meta.get("nodes", [])), "param": len(meta.get("params", [])),
             "grid": len(arrays["grid"]) if "grid" in arrays else -1}
    order, guessed = ["run", "step", "node", "param", "grid"], []
    for i, n in enumerate(shape):
        axis = next((a for a in order if sizes[a] == n), None)
        if axis is None:
            guessed.append(f"axis{i}")
            continue
        guessed.append(axis)
        order = order[order.index(axis) + 1:]
        if axis == "node":
            order = [a for a in order if a != "param"]
    return tuple(guessed)


def _label(axis: str, i: int, meta: dict, arrays: Arrays) -> Any:
    try:
        if axis == "run":
            return meta["runs"][i]["label"]
        if axis == "node":
            return meta["nodes"][i]["name"]
        if axis == "param":
            return meta["params"][i]
        if axis == "step":
            return int(arrays["steps"][i])
        if axis == "grid":
            return float(arrays["grid"][i])
        if axis == "activation":
            return meta["sweep"]["activations"][i]
    except (KeyError, IndexError, TypeError):
        pass
    return i


def _where(axes: tuple[str, ...], index: Iterable[int], meta: dict, arrays: Arrays) -> Where:
    return Where({a: _label(a, int(i), meta, arrays) for a, i in zip(axes, index)})


def _mismatch(golden: np.ndarray, fresh: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Boolean mask of the elements that do not match."""
    if golden.dtype.kind in "fc" or fresh.dtype.kind in "fc":
        # a float32 array stored from float64 values may round either way: allow a few of its ulp
        rtol = max(rtol, 4 * float(np.finfo(golden.dtype).eps)) if golden.dtype.kind in "fc" else rtol
        with np.errstate(invalid="ignore", over="ignore"):
            close = np.abs(fresh - golden) <= atol + rtol * np.abs(golden)
            same = (golden == fresh) | (np.isnan(golden) & np.isnan(fresh))
        return ~(close | same)
    return golden != fresh


def _abs_rel(golden: np.ndarray, fresh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if golden.dtype.kind not in "biufc":
        return np.full(golden.shape, math.inf), np.full(golden.shape, math.inf)
    g, f = golden.astype(float), fresh.astype(float)
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        d = np.abs(f - g)
        d = np.where(np.isnan(d), math.inf, d)  # nan vs number, or inf vs -inf
        rel = np.where(g != 0, d / np.abs(g), np.where(d == 0, 0.0, math.inf))
    return d, rel


def compare_array(key: str, golden: np.ndarray, fresh: np.ndarray, golden_rec: Recording,
                  rtol: float = RTOL, atol: float = ATOL) -> ArrayDiff | None:
    """None when `fresh` matches `golden`; otherwise where and by how much they differ."""
    meta, arrays = golden_rec.meta, golden_rec.arrays
    if golden.dtype != fresh.dtype:
        return ArrayDiff(key, "dtype", f"dtype {fresh.dtype}, golden has {golden.dtype}")
    if golden.shape != fresh.shape:
        axes = _axis_names(key, golden.shape, meta, arrays)
        return ArrayDiff(key, "shape", f"shape {fresh.shape}, golden has {golden.shape} "
                                       f"(axes: {', '.join(axes) or 'none'})")
    bad = _mismatch(golden, fresh, rtol, atol)
    if not bad.any():
        return None
    axes = _axis_names(key, golden.shape, meta, arrays)
    d, rel = _abs_rel(golden, fresh)
    # The first difference: earliest step, then in array order (run, then graph order of nodes).
    order = ([axes.index("step")] if "step" in axes else []) + [i for i, a in enumerate(axes) if a != "step"]
    first = np.argwhere(np.transpose(bad, order))[0]
    index = [0] * len(axes)
    for pos, ax in zip(first, order):
        index[ax] = pos
    diff = ArrayDiff(key, "values", "", first=_where(axes, index, meta, arrays),
                     max_abs=float(d[bad].max()), max_rel=float(rel[bad].max()),
                     count=int(bad.sum()), size=bad.size)
    group_axes = [i for i, a in enumerate(axes) if a not in ("step", "grid")]
    step_axis = axes.index("step") if "step" in axes else None
    for gi in np.ndindex(*[golden.shape[i] for i in group_axes]):
        sel: list[Any] = [slice(None)] * len(axes)
        for ax, i in zip(group_axes, gi):
            sel[ax] = i
        sel_t = tuple(sel)
        b = bad[sel_t]
        if not b.any():
            continue
        first_step = None
        if step_axis is not None:
            step_pos = [i for i in range(len(axes)) if i not in group_axes].index(step_axis)
            first_step = _label("step", int(np.argwhere(b)[:, step_pos].min()), meta, arrays)
        diff.groups.append(Group(_where([axes[i] for i in group_axes], gi, meta, arrays), first_step,
                                 float(d[sel_t][b].max()), float(rel[sel_t][b].max())))
    diff.groups.sort(key=lambda g: -1 if g.first_step is None else g.first_step)  # earliest first
    diff.message = (f"{diff.count} of {diff.size} values differ; first at {diff.first}; "
                    f"max abs {diff.max_abs:.3g}, max rel {diff.max_rel:.3g}")
    return diff


def _meta_diffs(golden: Any, fresh: Any, path: str = "") -> list[str]:
    if isinstance(golden, dict) and isinstance(fresh, dict):
        out = []
        for k in sorted(set(golden) | set(fresh), key=str):
            if not path and k in IGNORED_META:
                continue
            sub = f"{path}.{k}" if path else str(k)
            if k not in golden:
                out.append(f"{sub}: new ({json.dumps(fresh[k])[:80]})")
            elif k not in fresh:
                out.append(f"{sub}: gone (golden has {json.dumps(golden[k])[:80]})")
            else:
                out += _meta_diffs(golden[k], fresh[k], sub)
        return out
    if isinstance(golden, list) and isinstance(fresh, list) and len(golden) == len(fresh):
        return [d for i, (g, f) in enumerate(zip(golden, fresh)) for d in _meta_diffs(g, f, f"{path}[{i}]")]
    if type(golden) is float and type(fresh) is float and (
            golden == fresh or abs(fresh - golden) <= ATOL + RTOL * abs(golden)
            or (math.isnan(golden) and math.isnan(fresh))):
        return []  # floats in the metadata (e.g. a sweep's rates) get the arrays' tolerance
    if golden != fresh or type(golden) is not type(fresh):
        return [f"{path}: {json.dumps(fresh)[:80]}, golden has {json.dumps(golden)[:80]}"]
    return []


def compare(golden: Recording, fresh: Recording, rtol: float = RTOL, atol: float = ATOL) -> list[ArrayDiff]:
    """Every difference between a golden recording and a fresh one; empty when they match."""
    diffs: list[ArrayDiff] = []
    meta = _meta_diffs(golden.meta, fresh.meta)
    if meta:
        diff = ArrayDiff("meta", "metadata", f"{len(meta)} entries differ")
        diff.message += "".join(f"\n    {m}" for m in meta[:10])
        if len(meta) > 10:
            diff.message += f"\n    ... and {len(meta) - 10} more"
        diffs.append(diff)
    for key in sorted(set(golden.arrays) | set(fresh.arrays)):
        if key not in fresh.arrays:
            diffs.append(ArrayDiff(key, "missing", "in the golden but not in the fresh recording"))
        elif key not in golden.arrays:
            diffs.append(ArrayDiff(key, "unexpected", "in the fresh recording but not in the golden"))
        else:
            d = compare_array(key, golden.arrays[key], fresh.arrays[key], golden, rtol, atol)
            if d is not None:
                diffs.append(d)
    return diffs


# ---------------------------------------------------------------------------------------------------
# Checking scenes


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
    # save_snapshot writes atomically and needs only `.meta` and `.arrays()`
    save_snapshot(SimpleNamespace(meta=recording.meta, arrays=lambda: recording.arrays), path)


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
