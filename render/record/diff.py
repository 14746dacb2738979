"""Compare two recordings array by array and say where they first differ, by named axes.

Generic over whatever a snapshot file holds: every array (keys, dtypes, shapes and values) and the JSON
metadata (minus `IGNORED_META`). A difference is located along named axes (run, step, node/param, grid)
so a report says which run, which node or parameter and which step first went wrong. Axis names come
from the schema in `render.record.snapshot` for the known arrays, from a `meta["axes"]` mapping if a
recorder writes one, and otherwise from matching axis sizes to the number of runs, steps, nodes, params
and grid points.

Tolerance (docs/snapshot-format.md, "Regression checks"): a float value matches when
|fresh − golden| <= ATOL + RTOL·|golden| (RTOL raised to 4 ulp of the dtype for float32 arrays), or both
are the same non-finite value; integers and strings must be equal.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from render.record.snapshot import AXES, Snapshot, load_snapshot

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

Arrays = dict[str, np.ndarray]


@dataclass
class Recording:
    """What a snapshot file holds: the metadata and the arrays, whatever they are."""

    meta: dict[str, Any]
    arrays: Arrays


    @classmethod
    def of(cls, snapshot: Snapshot) -> Recording:
        """A snapshot's metadata (as its file stores it: a JSON round trip) and arrays."""
        return cls(json.loads(json.dumps(snapshot.meta)), dict(snapshot.arrays()))


def load_recording(path) -> Recording:
    """Read a snapshot file (any kind: its extra arrays come too); never unpickles.

    Raises SnapshotError naming the file and the problem."""
    snap = load_snapshot(path)
    return Recording(snap.meta, dict(snap.arrays()))


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
        # a float32 array stored from float64 values may round either way: allow a few of its ulp (only
        # there: float64 arrays get exactly the tolerance asked for, so rtol=atol=0 is an exact check)
        narrow = golden.dtype.kind in "fc" and golden.dtype.itemsize < 8
        rtol = max(rtol, 4 * float(np.finfo(golden.dtype).eps)) if narrow else rtol
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
