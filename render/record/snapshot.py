"""The snapshot file: one `.npz` holding a scene's whole recorded history (docs/snapshot-format.md).

Reading never unpickles (`allow_pickle=False`), and every problem with a file becomes one
`SnapshotError` whose message names the file and what is wrong with it.
"""

from __future__ import annotations

import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from render.record.atomic import atomic_write

FORMAT = "ourdl-snapshot"
FORMAT_VERSION = 1

#: The schema, said once: every required array -> (dtype kind, its axes). Readers, the loader's checks and
#: the regression diff (render.record.diff) all take the arrays' ranks and axis names from here.
ARRAYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "steps": ("i", ("step",)),
    "grid": ("f", ("grid",)),
    "target": ("f", ("grid",)),
    "curves": ("f", ("run", "step", "node", "grid")),
    "params": ("f", ("run", "step", "param")),
    "train_loss": ("f", ("run", "step")),
    "eval_loss": ("f", ("run", "step")),
}

#: Optional arrays of sweep snapshots (docs/snapshot-format.md, "Sweep snapshots") -> their axes. A sweep
#: snapshot's meta carries this table as `axes`, so generic readers of the file can name them too.
SWEEP_AXES: dict[str, tuple[str, ...]] = {
    "sweep_init": ("sweep_run", "param"), "sweep_final": ("activation", "sweep_run", "param"),
    "sweep_loss": ("activation", "sweep_run"), "sweep_mode": ("activation", "sweep_run"),
    "sweep_diverged_at": ("activation", "sweep_run"), "sweep_hist": ("activation", "step", "bin"),
    "sweep_edges": ("bin_edge",), "sweep_mode_counts": ("activation", "step", "mode"),
    "sweep_mode_fitted": ("activation", "step", "mode"),
    "sweep_fitted": ("activation", "step"), "sweep_median": ("activation", "step"),
    "sweep_map_loss": ("activation", "step", "sweep_run"),
    "sweep_map_mode": ("activation", "step", "sweep_run"),
}

#: Axis names of every array this package writes.
AXES: dict[str, tuple[str, ...]] = {**{k: axes for k, (_, axes) in ARRAYS.items()}, **SWEEP_AXES}


class SnapshotError(ValueError):
    """A snapshot file that cannot be used; the message is one line for the user."""


@dataclass
class Snapshot:
    """A recorded scene: metadata plus the arrays of docs/snapshot-format.md."""

    meta: dict[str, Any]
    steps: np.ndarray
    grid: np.ndarray
    target: np.ndarray
    curves: np.ndarray
    params: np.ndarray
    train_loss: np.ndarray
    eval_loss: np.ndarray
    #: optional arrays beyond the required ones (e.g. a sweep's `sweep_*` summaries), saved and loaded as is
    extra: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """`runs` (the default) or `sweep`: what the arrays beyond the required ones describe."""
        return self.meta.get("kind", "runs")

    @property
    def node_names(self) -> list[str]:
        return [n["name"] for n in self.meta["nodes"]]

    @property
    def run_labels(self) -> list[str]:
        return [r["label"] for r in self.meta["runs"]]

    def curve(self, run: int, node: str) -> np.ndarray:
        """The (S, G) history of one node's curve in one run."""
        return self.curves[run, :, self.node_names.index(node)]

    def arrays(self) -> dict[str, np.ndarray]:
        return {**{k: getattr(self, k) for k in ARRAYS}, **self.extra}


def save_snapshot(snapshot: Snapshot, path: str | os.PathLike) -> Path:
    """Write atomically: a temporary file in the target's folder, renamed into place when complete."""
    return write_arrays(snapshot.meta, snapshot.arrays(), path)


def write_arrays(meta: dict[str, Any], arrays: dict[str, np.ndarray], path: str | os.PathLike) -> Path:
    """The file format itself: the arrays plus `meta` as a JSON string (sorted keys), compressed."""
    path = Path(path)
    with atomic_write(path) as tmp, open(tmp, "wb") as f:
        np.savez_compressed(f, meta=np.array(json.dumps(meta, sort_keys=True)), **arrays)
    return path


def load_snapshot(path: str | os.PathLike) -> Snapshot:
    """Read and validate a snapshot file; raise SnapshotError naming the file and the problem."""
    path = Path(path)

    def fail(problem: str) -> SnapshotError:
        return SnapshotError(f"{path}: {problem}")

    if not path.exists():
        raise fail("no such file")
    if path.is_dir():
        raise fail("is a folder, not a snapshot file")
    if path.stat().st_size == 0:
        raise fail("file is empty")
    with open(path, "rb") as f:
        magic = f.read(6)
    if magic == b"\x93NUMPY":
        raise fail("is a single .npy array, not a snapshot file (.npz)")
    if magic[:2] != b"PK":  # np.load would take anything else for a pickle
        raise fail("not a snapshot file (not an .npz archive)")
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except ValueError as e:
        if "allow_pickle" in str(e) or "pickle" in str(e).lower():
            raise fail("contains pickled (object) data, which is never loaded") from None
        raise fail(f"not a snapshot file ({e})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise fail(f"not a readable .npz file (truncated or corrupt: {e})") from None
    if "meta" not in data:
        raise fail("not a snapshot file (no 'meta' entry)")
    try:
        meta = json.loads(str(data["meta"]))
    except (json.JSONDecodeError, TypeError) as e:
        raise fail(f"metadata is not valid JSON ({e})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise fail(f"not a snapshot file (format is {meta.get('format')!r}, expected {FORMAT!r})"
                   if isinstance(meta, dict) else "metadata is not a JSON object")
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise fail(f"snapshot format version {version!r} is "
                   f"{'newer than this tool reads' if newer else 'not supported'} (this tool reads version "
                   f"{FORMAT_VERSION}); {'upgrade ourdl-render or ' if newer else ''}re-record it with "
                   f"`render record`")
    missing = [k for k in ARRAYS if k not in data]
    if missing:
        raise fail(f"missing arrays: {', '.join(missing)}")
    for key, (kind, axes) in ARRAYS.items():
        a, ndim = data[key], len(axes)
        if a.dtype.kind not in (kind, "f" if kind == "f" else "iu"):
            raise fail(f"array '{key}' has dtype {a.dtype}, expected {'integer' if kind == 'i' else 'float'}")
        if a.ndim != ndim:
            raise fail(f"array '{key}' has {a.ndim} dimensions, expected {ndim}")
    extra = {k: v for k, v in data.items() if k != "meta" and k not in ARRAYS}
    _check_meta(meta, fail)
    snap = Snapshot(meta=meta, **{k: data[k] for k in ARRAYS}, extra=extra)
    _check_shapes(snap, fail)
    return snap


def _check_meta(meta: dict, fail) -> None:
    """The metadata the renderer reads: runs with labels, named nodes, panels drawing known nodes."""

    def records(key: str, field: str) -> list:
        items = meta.get(key)
        if not isinstance(items, list) or not all(isinstance(i, dict) and field in i for i in items):
            raise fail(f"metadata '{key}' is missing or not a list of objects with a '{field}'")
        return items

    records("runs", "label")
    names = {n["name"] for n in records("nodes", "name")}
    if meta.get("kind", "runs") == "runs":
        for panel in records("panels", "nodes"):
            nodes, colors = panel["nodes"], panel.get("colors")
            known = isinstance(nodes, list) and all(isinstance(n, str) and n in names for n in nodes)
            if not (known and isinstance(colors, list) and len(colors) == len(nodes)):
                raise fail(f"metadata panel {panel.get('title', '')!r} names unknown nodes or lacks colours")


def _check_shapes(s: Snapshot, fail) -> None:
    r, n_s, n, g = s.curves.shape
    expected = {
        "steps": (n_s,), "grid": (g,), "target": (g,), "params": (r, n_s, len(s.meta.get("params", []))),
        "train_loss": (r, n_s), "eval_loss": (r, n_s),
    }
    for key, shape in expected.items():
        if getattr(s, key).shape != shape:
            raise fail(f"array '{key}' has shape {getattr(s, key).shape}, expected {shape}")
    if len(s.meta.get("runs", [])) != r:
        raise fail(f"metadata lists {len(s.meta.get('runs', []))} runs but the arrays hold {r}")
    if len(s.meta.get("nodes", [])) != n:
        raise fail(f"metadata lists {len(s.meta.get('nodes', []))} nodes but the arrays hold {n}")
    if n_s == 0:
        raise fail("holds no snapshots")
    if np.any(np.diff(s.steps) <= 0):
        raise fail("steps are not strictly increasing")
