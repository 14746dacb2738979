"""The snapshot file: one `.npz` holding a scene's whole recorded history (docs/snapshot-format.md).

This module is the format: its schema, reading and writing. Reading never unpickles
(`allow_pickle=False`), and every problem with a file becomes one `SnapshotError` whose message names the
file and what is wrong with it; the checks of a loaded file are render.record.snapshot_checks'. Version
2 stores the curves, nearly all of a file, as per-curve fixed point (53 bits: the largest value of each
curve exact) with second differences along the grid: a sixteenth of version 1's size, decoded to float64
on load.
Version 1 files (plain float64 curves) are read too.
"""

from __future__ import annotations

import json
import os
import tokenize
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from render.record.atomic import atomic_write
from render.record.snapshot_checks import (
    SnapshotError,
    check_arrays,
    check_encoded_curves,
    check_file,
    check_meta,
    check_optional,
    check_shapes,
    check_width_arrays,
)

FORMAT = "ourdl-snapshot"
FORMAT_VERSION = 2
#: Versions this reader understands (version 1: the same arrays, curves always plain float64).
READABLE_VERSIONS = (1, 2)

#: How `save_snapshot` stores `curves` (docs/snapshot-format.md, "Curves"): `meta["curves_encoding"]`.
CURVES_ENCODING = "fixed53-delta2"
CURVE_BITS = 53  # the fixed-point integers of a curve reach 2**53: its largest value keeps every bit
#: The arrays that come with encoded curves -> (dtype kind, axes).
CURVE_ARRAYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "curves_exponent": ("i", ("run", "step", "node")),
    "curves_nonfinite_index": ("i", ("nonfinite",)),
    "curves_nonfinite_value": ("f", ("nonfinite",)),
}
#: zlib level of the file's entries: 6 (zlib's default) is 25% smaller than 3 here for ~0.1 s more.
COMPRESS_LEVEL = 6

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

#: The arrays of width sweep snapshots (docs/snapshot-format.md, "Width sweep snapshots") -> their axes; such
#: a file's meta carries them as `axes` too.
WIDTH_AXES: dict[str, tuple[str, ...]] = {
    "width_counts": ("width", "activation", "step", "outcome"),
    "width_dead_at_init": ("width", "sweep_run"),
    "width_loss": ("width", "activation", "sweep_run"),
    "width_outcome": ("width", "activation", "sweep_run"),
    "width_diverged_at": ("width", "activation", "sweep_run"),
}

#: Optional arrays of runs snapshots whose scene has "data" or "surface" panels (docs/snapshot-format.md,
#: "Panel arrays") -> their axes; such a file's meta carries them as `axes` too.
PANEL_AXES: dict[str, tuple[str, ...]] = {
    "data_x": ("run", "sample"), "data_y": ("run", "sample"),
    "surface": ("surface_y", "surface_x"), "surface_x": ("surface_x",), "surface_y": ("surface_y",),
}

#: Axis names of every array this package writes.
AXES: dict[str, tuple[str, ...]] = {**{k: axes for k, (_, axes) in ARRAYS.items()}, **SWEEP_AXES,
                                    **WIDTH_AXES, **PANEL_AXES}


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
        """`runs` (the default), `sweep` or `width_sweep`: what the arrays beyond the required ones hold."""
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
    """Write a version-2 file with encoded curves, atomically (write, then rename into place)."""
    path = Path(path)
    with atomic_write(path) as tmp:
        write_snapshot(snapshot, tmp)
    return path


def write_snapshot(snapshot: Snapshot, file: str | os.PathLike) -> None:
    """The version-2 file of `snapshot`, written to `file` itself: for callers that publish it atomically
    themselves (`save_snapshot`; `render_snapshot` renames it into place with the videos)."""
    meta = {**snapshot.meta, "format_version": FORMAT_VERSION, "curves_encoding": CURVES_ENCODING}
    _write_npz(meta, {**snapshot.arrays(), **encode_curves(snapshot.curves)}, file)


def write_arrays(meta: dict[str, Any], arrays: dict[str, np.ndarray], path: str | os.PathLike) -> Path:
    """The arrays as they are plus `meta`, atomically. Goldens are written through here with their curves
    as recorded (plain float64)."""
    path = Path(path)
    with atomic_write(path) as tmp:
        _write_npz(meta, arrays, tmp)
    return path


def _write_npz(meta: dict[str, Any], arrays: dict[str, np.ndarray], file: str | os.PathLike) -> None:
    """The container: `meta` as a JSON string (sorted keys), then the arrays, in a compressed `.npz`.
    Byte for byte the same for the same input (entries in the given order, zip's 1980 date), and never
    a pickle."""
    entries = {"meta": np.array(json.dumps(meta, sort_keys=True)), **arrays}
    with open(file, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) \
            as z:
        for key, value in entries.items():
            with z.open(f"{key}.npy", "w", force_zip64=True) as entry:
                np.lib.format.write_array(entry, np.asanyarray(value), allow_pickle=False)


def encode_curves(curves: np.ndarray) -> dict[str, np.ndarray]:
    """Curves as the file stores them (docs/snapshot-format.md, "Curves"): per curve (the last axis) a
    power-of-two scale `2**(e - 53)` with `2**e` above its largest |value|, the values as integers in
    that unit, and their second differences along the grid (mostly tiny: the curves are piecewise
    linear), which deflate packs 16x tighter than float64. Non-finite values are kept aside, exactly.

    Every value comes back within half an ulp of its curve's largest |value|; values in the largest's
    binade (down to the power of two below it) come back bit for bit."""
    c = np.asarray(curves, dtype=np.float64)
    finite = np.isfinite(c)
    nonfinite = np.flatnonzero(~finite)
    if nonfinite.size:
        c = np.where(finite, c, 0.0)
    _, exponent = np.frexp(np.max(np.abs(c), axis=-1, initial=0.0))
    fixed = np.rint(np.ldexp(c, (CURVE_BITS - exponent)[..., None])).astype(np.int64)
    delta = np.diff(np.diff(fixed, axis=-1, prepend=0), axis=-1, prepend=0)
    return {"curves": delta, "curves_exponent": exponent.astype(np.int16),
            "curves_nonfinite_index": nonfinite.astype(np.int64),
            "curves_nonfinite_value": np.asarray(curves, dtype=np.float64).ravel()[nonfinite]}


def decode_curves(delta: np.ndarray, exponent: np.ndarray, nonfinite_index: np.ndarray,
                  nonfinite_value: np.ndarray) -> np.ndarray:
    """The float64 curves of `encode_curves`' arrays (exact integer sums, then one exact scaling)."""
    fixed = np.cumsum(np.cumsum(delta.astype(np.int64), axis=-1), axis=-1)
    curves = np.ldexp(fixed.astype(np.float64), exponent.astype(np.int32)[..., None] - CURVE_BITS)
    curves.ravel()[nonfinite_index] = nonfinite_value  # a fresh contiguous array: ravel is a view
    return curves


def load_snapshot(path: str | os.PathLike) -> Snapshot:
    """Read and validate a snapshot file; raise SnapshotError naming the file and the problem, one line."""
    path = Path(path)
    try:
        return _read(path)
    except SnapshotError as e:
        raise SnapshotError(f"{path}: {' '.join(str(e).split())}") from None  # one line, whatever numpy said


def _read(path: Path) -> Snapshot:
    """The file's Snapshot, every check of render.record.snapshot_checks passed (in the order they are
    made here, so a file with several problems is refused for the same one each time)."""
    check_file(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except ValueError as e:
        if "allow_pickle" in str(e) or "pickle" in str(e).lower():
            raise SnapshotError("contains pickled (object) data, which is never loaded") from None
        raise SnapshotError(f"not a snapshot file ({e})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as e:  # RuntimeError: zipfile's
        # "encrypted" and NotImplementedError for a flipped version or compression field
        raise SnapshotError(f"not a readable .npz file (truncated or corrupt: {e})") from None
    except (SyntaxError, tokenize.TokenError) as e:  # numpy parsing a corrupt array header
        raise SnapshotError(f"not a readable .npz file (a corrupt array header: {type(e).__name__})") \
            from None
    meta = _meta(data)
    encoding = meta.pop("curves_encoding", None)
    if encoding is not None and (encoding != CURVES_ENCODING or meta["format_version"] < 2):
        raise SnapshotError(f"curves encoding {encoding!r} is not supported in version "
                            f"{meta['format_version']} files (this tool reads {CURVES_ENCODING!r} from "
                            f"version 2 on)")
    schema = {**ARRAYS, "curves": ("i", ARRAYS["curves"][1]), **CURVE_ARRAYS} if encoding else ARRAYS
    check_arrays(data, schema)
    if encoding:
        check_encoded_curves(data)
        data["curves"] = decode_curves(data["curves"], data["curves_exponent"],
                                       data["curves_nonfinite_index"], data["curves_nonfinite_value"])
    extra = {k: v for k, v in data.items() if k != "meta" and k not in schema}
    check_optional(extra, {**SWEEP_AXES, **WIDTH_AXES})
    check_meta(meta)
    arrays = {k: data[k] for k in ARRAYS}
    check_shapes(meta, arrays)
    if meta.get("kind") == "width_sweep":
        check_width_arrays(meta, extra, WIDTH_AXES, len(arrays["steps"]))
    return Snapshot(meta=meta, **arrays, extra=extra)


def _meta(data: dict[str, np.ndarray]) -> dict[str, Any]:
    """The file's metadata, once it says it is a snapshot of a version this tool reads."""
    if "meta" not in data:
        raise SnapshotError("not a snapshot file (no 'meta' entry)")
    try:
        meta = json.loads(str(data["meta"]))
    except (json.JSONDecodeError, TypeError) as e:
        raise SnapshotError(f"metadata is not valid JSON ({e})") from None
    except RecursionError:
        raise SnapshotError("metadata is not valid JSON (nested too deeply)") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise SnapshotError(f"not a snapshot file (format is {meta.get('format')!r}, expected {FORMAT!r})"
                            if isinstance(meta, dict) else "metadata is not a JSON object")
    version = meta.get("format_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        newer = isinstance(version, int) and version > FORMAT_VERSION
        upgrade = "upgrade ourdl-render or " if newer else ""
        raise SnapshotError(f"snapshot format version {version!r} is "
                            f"{'newer than this tool reads' if newer else 'not supported'} (this tool reads "
                            f"version {FORMAT_VERSION} and earlier); {upgrade}re-record it with "
                            f"`render record`")
    return meta
