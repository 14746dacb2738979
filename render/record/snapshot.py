"""The snapshot file: one `.npz` holding a scene's whole recorded history (docs/snapshot-format.md).

Reading never unpickles (`allow_pickle=False`), and every problem with a file becomes one
`SnapshotError` whose message names the file and what is wrong with it. Version 2 stores the curves,
nearly all of a file, as per-curve fixed point (53 bits: the largest value of each curve exact) with
second differences along the grid: a sixteenth of version 1's size, decoded to float64 on load.
Version 1 files (plain float64 curves) are read too.
"""

from __future__ import annotations

import json
import math
import os
import tokenize
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from render.record.atomic import atomic_write

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

#: Optional arrays of runs snapshots whose scene has "data" or "surface" panels (docs/snapshot-format.md,
#: "Panel arrays") -> their axes; such a file's meta carries them as `axes` too.
PANEL_AXES: dict[str, tuple[str, ...]] = {
    "data_x": ("run", "sample"), "data_y": ("run", "sample"),
    "surface": ("surface_y", "surface_x"), "surface_x": ("surface_x",), "surface_y": ("surface_y",),
}

#: Axis names of every array this package writes.
AXES: dict[str, tuple[str, ...]] = {**{k: axes for k, (_, axes) in ARRAYS.items()}, **SWEEP_AXES,
                                    **PANEL_AXES}


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
    """Read and validate a snapshot file; raise SnapshotError naming the file and the problem."""
    path = Path(path)

    def fail(problem: str) -> SnapshotError:
        return SnapshotError(f"{path}: {' '.join(problem.split())}")  # one line, whatever numpy said

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
    _check_declared_sizes(path, fail)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except ValueError as e:
        if "allow_pickle" in str(e) or "pickle" in str(e).lower():
            raise fail("contains pickled (object) data, which is never loaded") from None
        raise fail(f"not a snapshot file ({e})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as e:  # RuntimeError: zipfile's
        # "encrypted" and NotImplementedError for a flipped version or compression field
        raise fail(f"not a readable .npz file (truncated or corrupt: {e})") from None
    except (SyntaxError, tokenize.TokenError) as e:  # numpy parsing a corrupt array header
        raise fail(f"not a readable .npz file (a corrupt array header: {type(e).__name__})") from None
    if "meta" not in data:
        raise fail("not a snapshot file (no 'meta' entry)")
    try:
        meta = json.loads(str(data["meta"]))
    except (json.JSONDecodeError, TypeError) as e:
        raise fail(f"metadata is not valid JSON ({e})") from None
    except RecursionError:
        raise fail("metadata is not valid JSON (nested too deeply)") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise fail(f"not a snapshot file (format is {meta.get('format')!r}, expected {FORMAT!r})"
                   if isinstance(meta, dict) else "metadata is not a JSON object")
    version = meta.get("format_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        newer = isinstance(version, int) and version > FORMAT_VERSION
        raise fail(f"snapshot format version {version!r} is "
                   f"{'newer than this tool reads' if newer else 'not supported'} (this tool reads version "
                   f"{FORMAT_VERSION} and earlier); {'upgrade ourdl-render or ' if newer else ''}re-record "
                   f"it with `render record`")
    encoding = meta.pop("curves_encoding", None)
    if encoding is not None and (encoding != CURVES_ENCODING or version < 2):
        raise fail(f"curves encoding {encoding!r} is not supported in version {version} files "
                   f"(this tool reads {CURVES_ENCODING!r} from version 2 on)")
    schema = {**ARRAYS, "curves": ("i", ARRAYS["curves"][1]), **CURVE_ARRAYS} if encoding else ARRAYS
    missing = [k for k in schema if k not in data]
    if missing:
        raise fail(f"missing arrays: {', '.join(missing)}")
    for key, (kind, axes) in schema.items():
        a, ndim = data[key], len(axes)
        if a.dtype.kind not in (kind, "f" if kind == "f" else "iu"):
            raise fail(f"array '{key}' has dtype {a.dtype}, expected {'integer' if kind == 'i' else 'float'}")
        if a.ndim != ndim:
            raise fail(f"array '{key}' has {a.ndim} dimensions, expected {ndim}")
    if encoding:
        data["curves"] = _decoded(data, fail)
    extra = {k: v for k, v in data.items() if k != "meta" and k not in schema}
    for key, axes in SWEEP_AXES.items():  # the optional arrays this package writes: numbers, of their rank
        if key in extra and (extra[key].dtype.kind not in "biuf" or extra[key].ndim != len(axes)):
            raise fail(f"array '{key}' has dtype {extra[key].dtype} and {extra[key].ndim} dimensions, "
                       f"expected numbers in {len(axes)}")
    _check_meta(meta, fail)
    snap = Snapshot(meta=meta, **{k: data[k] for k in ARRAYS}, extra=extra)
    _check_shapes(snap, fail)
    return snap


def _check_declared_sizes(path: Path, fail) -> None:
    """Every entry's declared array size against the bytes the archive says it holds, before numpy
    allocates anything: a header that claims 10**12 values must not make a 10 kB file take terabytes.
    Archives and headers that cannot be read are left to `np.load`, which says what is wrong."""
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                with z.open(info) as f:
                    version = np.lib.format.read_magic(f)
                    read = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
                        np.lib.format.read_array_header_2_0
                    shape, _, dtype = read(f)
                need = dtype.itemsize * math.prod(shape)
                if not dtype.hasobject and need > info.file_size:
                    name = info.filename.removesuffix(".npy")
                    raise fail(f"array '{name}' claims shape {shape} ({need} bytes) but the file holds "
                               f"{info.file_size} bytes for it (truncated or corrupt)")
    except SnapshotError:
        raise
    except Exception:  # numpy's header parser alone raises ValueError, SyntaxError or tokenize.TokenError
        return


def _decoded(data: dict[str, np.ndarray], fail) -> np.ndarray:
    """The curves of an encoded file, after checking that its arrays fit together."""
    delta, exponent = data["curves"], data["curves_exponent"]
    index, value = data["curves_nonfinite_index"], data["curves_nonfinite_value"]
    if exponent.shape != delta.shape[:-1]:
        raise fail(f"array 'curves_exponent' has shape {exponent.shape}, expected {delta.shape[:-1]}")
    if index.shape != value.shape or (index.size and not 0 <= index.min() <= index.max() < delta.size):
        raise fail("arrays 'curves_nonfinite_index' and 'curves_nonfinite_value' do not fit the curves")
    return decode_curves(delta, exponent, index, value)


def _check_meta(meta: dict, fail) -> None:
    """The metadata the renderer reads: runs with labels, named nodes, panels drawing known nodes."""

    def records(key: str, field: str) -> list:
        items = meta.get(key)
        if not isinstance(items, list) or not all(isinstance(i, dict) and field in i for i in items):
            raise fail(f"metadata '{key}' is missing or not a list of objects with a '{field}'")
        return items

    def text(value) -> bool:
        return isinstance(value, str)

    if not all(text(r["label"]) for r in records("runs", "label")):
        raise fail("metadata 'runs' has a label that is not text")
    nodes = records("nodes", "name")
    if not all(text(n["name"]) for n in nodes):
        raise fail("metadata 'nodes' has a name that is not text")
    names = {n["name"] for n in nodes}
    params = meta.get("params", [])
    if not isinstance(params, list) or not all(text(p) for p in params):
        raise fail("metadata 'params' is not a list of parameter names")
    for key in ("scene", "description", "activation", "target_name", "input", "output", "label", "loss"):
        if meta.get(key) is not None and not text(meta[key]):
            raise fail(f"metadata '{key}' is not text")
    for key in ("x_range", "data_range"):
        if key in meta and not _finite_pair(meta[key]):
            raise fail(f"metadata '{key}' is not two finite numbers, low before high")
    if meta.get("kind", "runs") not in ("runs", "sweep"):
        raise fail(f"metadata 'kind' {meta.get('kind')!r} is not 'runs' or 'sweep'")
    schedule = meta.get("schedule", {})
    if not _conforms(schedule, {"?marks": [int]}):
        raise fail("metadata 'schedule' is not an object whose 'marks' are whole numbers")
    if meta.get("kind") == "sweep":
        problem = _sweep_problem(meta, names)
        if problem:
            raise fail(f"metadata 'sweep': {problem}")
    if meta.get("kind", "runs") == "runs":
        for panel in records("panels", "nodes"):
            nodes, colors = panel["nodes"], panel.get("colors")
            known = isinstance(nodes, list) and all(isinstance(n, str) and n in names for n in nodes)
            if not (known and isinstance(colors, list) and len(colors) == len(nodes)):
                raise fail(f"metadata panel {panel.get('title', '')!r} names unknown nodes or lacks colours")


#: What a sweep's metadata holds for the readers (its figure, its page, `render.record.stats`), in a small
#: schema language: a type, [schema] (a list of), {"key": schema, "?key": schema} (an object with those
#: keys; "?" optional), ("map", schema) (an object of any keys), ("pair", schema) (a list of exactly two).
NUMBER = float
_RATES = {"fitted": int, "runs": int, "rate": NUMBER, "ci95": ("pair", NUMBER), "failure_rate": NUMBER,
          "failure_ci95": ("pair", NUMBER), "modes": ("map", int)}
SWEEP_SCHEMA = {"type": str, "activations": [str], "count": int, "samples": int, "lr": NUMBER,
                "threshold": NUMBER, "fitted_rule": str, "modes": [str],
                "inits": {"text": str, "?range": ("pair", NUMBER)}, "rates": ("map", _RATES),
                "rates_at": ("map", ("map", _RATES)), "?paired": ("map", int), "?lrs": ("map", NUMBER)}


def _conforms(value, schema) -> bool:
    if schema is NUMBER:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(schema, type):
        return isinstance(value, schema) and not (schema is int and isinstance(value, bool))
    if isinstance(schema, list):
        return isinstance(value, list) and all(_conforms(v, schema[0]) for v in value)
    if isinstance(schema, tuple):
        kind, inner = schema
        if kind == "pair":
            return isinstance(value, list) and len(value) == 2 and all(_conforms(v, inner) for v in value)
        return isinstance(value, dict) and all(_conforms(v, inner) for v in value.values())
    return isinstance(value, dict) and all(
        (key.startswith("?") and key[1:] not in value) or (key.lstrip("?") in value and
                                                            _conforms(value[key.lstrip("?")], sub))
        for key, sub in schema.items())


def _sweep_problem(meta: dict, names: set[str]) -> str | None:
    """What in a sweep's metadata its readers cannot use, or None."""
    sweep = meta.get("sweep")
    if not _conforms(sweep, SWEEP_SCHEMA) or not sweep["activations"]:
        return "missing, or a field of the wrong type"
    acts = sweep["activations"]
    if sweep["type"] not in ("seeded", "map"):
        return f"type {sweep['type']!r} is not 'seeded' or 'map'"
    if any(a not in rates for rates in (sweep["rates"], *sweep["rates_at"].values()) for a in acts):
        return "rates do not cover every activation"
    if "paired" in sweep and (len(acts) < 2 or not {"both", f"only {acts[0]}", f"only {acts[1]}",
                                                    "neither"} <= set(sweep["paired"])):
        return "paired counts do not name the activations"
    if sweep["type"] == "map" and not _conforms(sweep["inits"], {"axes": ("pair", str), "x": [NUMBER],
                                                                 "y": [NUMBER]}) or \
            sweep["type"] == "map" and not all(len(sweep["inits"][k]) == 3 for k in ("x", "y")):
        return "a map's inits lack their axes"
    if meta.get("output") not in names:
        return f"output {meta.get('output')!r} is not a recorded node"
    if not all(isinstance(r.get("activation", ""), (str, type(None))) for r in meta["runs"]):
        return "a run's activation is not text"
    return None


def _finite_pair(value) -> bool:
    numbers = isinstance(value, list) and len(value) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)
    return numbers and value[0] < value[1]


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
