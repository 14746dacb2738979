"""Whether a loaded snapshot file is well-formed: every check `load_snapshot` makes, and the error it raises.

Each check raises a `SnapshotError` saying what is wrong; `load_snapshot` (render/record/snapshot.py, which
holds the format itself) puts the file's name in front and makes it one line. The checks take what they
check against as arguments (the schema's arrays and axes), so this module needs nothing of the format's.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

import numpy as np

Schema = dict[str, tuple[str, tuple[str, ...]]]  # array -> (dtype kind, axes)
#: what a file's arrays beyond the required ones describe (`meta.kind`; absent: "runs")
KINDS = ("runs", "sweep", "width_sweep")


class SnapshotError(ValueError):
    """A snapshot file that cannot be used; the message is one line for the user."""


def check_file(path: Path) -> None:
    """What can be told before numpy reads anything: a file, not empty, a zip archive (np.load would take
    anything else for a pickle), and no entry claiming more bytes than the archive holds."""
    if not path.exists():
        raise SnapshotError("no such file")
    if path.is_dir():
        raise SnapshotError("is a folder, not a snapshot file")
    if path.stat().st_size == 0:
        raise SnapshotError("file is empty")
    with open(path, "rb") as f:
        magic = f.read(6)
    if magic == b"\x93NUMPY":
        raise SnapshotError("is a single .npy array, not a snapshot file (.npz)")
    if magic[:2] != b"PK":
        raise SnapshotError("not a snapshot file (not an .npz archive)")
    _check_declared_sizes(path)


def _check_declared_sizes(path: Path) -> None:
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
                    raise SnapshotError(f"array '{name}' claims shape {shape} ({need} bytes) but the file "
                                        f"holds {info.file_size} bytes for it (truncated or corrupt)")
    except SnapshotError:
        raise
    except Exception:  # numpy's header parser alone raises ValueError, SyntaxError or tokenize.TokenError
        return


def check_arrays(data: dict[str, np.ndarray], schema: Schema) -> None:
    """Every array of `schema` present, of its dtype kind ("f": float; "i": any integer) and rank."""
    missing = [k for k in schema if k not in data]
    if missing:
        raise SnapshotError(f"missing arrays: {', '.join(missing)}")
    for key, (kind, axes) in schema.items():
        a, ndim = data[key], len(axes)
        if a.dtype.kind not in (kind, "f" if kind == "f" else "iu"):
            raise SnapshotError(f"array '{key}' has dtype {a.dtype}, expected "
                                f"{'integer' if kind == 'i' else 'float'}")
        if a.ndim != ndim:
            raise SnapshotError(f"array '{key}' has {a.ndim} dimensions, expected {ndim}")


def check_optional(extra: dict[str, np.ndarray], axes: dict[str, tuple[str, ...]]) -> None:
    """The optional arrays named in `axes`, where present: numbers, of their rank."""
    for key, names in axes.items():
        if key in extra and (extra[key].dtype.kind not in "biuf" or extra[key].ndim != len(names)):
            raise SnapshotError(f"array '{key}' has dtype {extra[key].dtype} and {extra[key].ndim} "
                                f"dimensions, expected numbers in {len(names)}")


def check_encoded_curves(data: dict[str, np.ndarray]) -> None:
    """The arrays of encoded curves fit together: an exponent per curve, non-finite values inside them."""
    delta, exponent = data["curves"], data["curves_exponent"]
    index, value = data["curves_nonfinite_index"], data["curves_nonfinite_value"]
    if exponent.shape != delta.shape[:-1]:
        raise SnapshotError(f"array 'curves_exponent' has shape {exponent.shape}, expected "
                            f"{delta.shape[:-1]}")
    if index.shape != value.shape or (index.size and not 0 <= index.min() <= index.max() < delta.size):
        raise SnapshotError("arrays 'curves_nonfinite_index' and 'curves_nonfinite_value' do not fit the "
                            "curves")


def check_meta(meta: dict) -> None:
    """The metadata the renderer reads: runs with labels, named nodes, panels drawing known nodes."""

    def records(key: str, field: str) -> list:
        items = meta.get(key)
        if not isinstance(items, list) or not all(isinstance(i, dict) and field in i for i in items):
            raise SnapshotError(f"metadata '{key}' is missing or not a list of objects with a '{field}'")
        return items

    def text(value) -> bool:
        return isinstance(value, str)

    if not all(text(r["label"]) for r in records("runs", "label")):
        raise SnapshotError("metadata 'runs' has a label that is not text")
    for r in meta["runs"]:  # a run's frozen parameters and the nodes it does not draw (Run.frozen)
        for key, known in (("frozen", "params"), ("off_nodes", "nodes")):
            if key in r and not (isinstance(r[key], list) and all(text(n) for n in r[key])):
                raise SnapshotError(f"metadata run {r['label']!r}: '{key}' is not a list of "
                                    f"{known[:-1]} names")
    nodes = records("nodes", "name")
    if not all(text(n["name"]) for n in nodes):
        raise SnapshotError("metadata 'nodes' has a name that is not text")
    names = {n["name"] for n in nodes}
    params = meta.get("params", [])
    if not isinstance(params, list) or not all(text(p) for p in params):
        raise SnapshotError("metadata 'params' is not a list of parameter names")
    for key in ("scene", "description", "activation", "target_name", "target_expr", "input", "output",
                "label", "loss", "points_source"):
        if meta.get(key) is not None and not text(meta[key]):
            raise SnapshotError(f"metadata '{key}' is not text")
    for key in ("x_range", "data_range"):
        if key in meta and not _finite_pair(meta[key]):
            raise SnapshotError(f"metadata '{key}' is not two finite numbers, low before high")
    if "points" in meta and not _finite_pairs(meta["points"]):
        raise SnapshotError("metadata 'points' is not a list of [x, y] pairs of finite numbers")
    if "points_count" in meta and not (_conforms(meta["points_count"], int) and meta["points_count"] >= 0):
        raise SnapshotError("metadata 'points_count' is not a whole number")
    if meta.get("kind", "runs") not in KINDS:
        raise SnapshotError(f"metadata 'kind' {meta.get('kind')!r} is not {', '.join(map(repr, KINDS[:-1]))} "
                            f"or {KINDS[-1]!r}")
    schedule = meta.get("schedule", {})
    if not _conforms(schedule, {"?marks": [int]}):
        raise SnapshotError("metadata 'schedule' is not an object whose 'marks' are whole numbers")
    if meta.get("kind") == "sweep":
        problem = _sweep_problem(meta, names)
        if problem:
            raise SnapshotError(f"metadata 'sweep': {problem}")
    if meta.get("kind") == "width_sweep":
        problem = _width_sweep_problem(meta)
        if problem:
            raise SnapshotError(f"metadata 'width_sweep': {problem}")
    if meta.get("kind", "runs") == "runs":
        for panel in records("panels", "nodes"):
            nodes, colors = panel["nodes"], panel.get("colors")
            known = isinstance(nodes, list) and all(isinstance(n, str) and n in names for n in nodes)
            if not (known and isinstance(colors, list) and len(colors) == len(nodes)):
                raise SnapshotError(f"metadata panel {panel.get('title', '')!r} names unknown nodes or "
                                    f"lacks colours")
            if panel.get("kind") == "sum" and (len(nodes) < 2 or nodes[-1] != meta.get("output")):
                raise SnapshotError(f"metadata panel {panel.get('title', '')!r}: a sum panel names at least "
                                    f"one contribution, then the output, last")


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


#: What a width sweep's metadata holds (its figure, its page, `render.record.stats`), in the same language.
_WIDTH_RATES = {"fitted": int, "runs": int, "rate": NUMBER, "ci95": ("pair", NUMBER), "failure_rate": NUMBER,
                "failure_ci95": ("pair", NUMBER), "causes": ("map", int)}
WIDTH_SWEEP_SCHEMA = {"widths": [int], "activations": [str], "count": int, "samples": int, "lr": NUMBER,
                      "threshold": NUMBER, "collapse_std": NUMBER, "fitted_rule": str, "outcomes": [str],
                      "causes": [str], "dead_unit_p": NUMBER, "all_dead_p": [NUMBER], "dead_at_init": [int],
                      "rates": ("map", [_WIDTH_RATES]), "diverged": ("map", [int]),
                      "inits": {"text": str, "?range": ("pair", NUMBER)}}


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


def _width_sweep_problem(meta: dict) -> str | None:
    """What in a width sweep's metadata its readers cannot use, or None."""
    info = meta.get("width_sweep")
    if not _conforms(info, WIDTH_SWEEP_SCHEMA) or not info["activations"] or not info["widths"]:
        return "missing, or a field of the wrong type"
    n = len(info["widths"])
    if not all(1 <= w <= 1024 for w in info["widths"]) or info["count"] < 1:
        return "widths or count out of range"
    if info["outcomes"] != ["fitted", *info["causes"]]:
        return "outcomes are not 'fitted' and the causes"
    if len(info["all_dead_p"]) != n or len(info["dead_at_init"]) != n:
        return "the closed form or the dead-at-init counts do not have one value per width"
    for table in (info["rates"], info["diverged"]):
        if set(table) != set(info["activations"]) or any(len(v) != n for v in table.values()):
            return "rates do not cover every activation and width"
    return None


def check_width_arrays(meta: dict, extra: dict[str, np.ndarray], axes: dict[str, tuple[str, ...]],
                       steps: int) -> None:
    """A width sweep's arrays (`axes`: names and axes) are all there, in the shapes its metadata says."""
    info = meta["width_sweep"]
    size = {"width": len(info["widths"]), "activation": len(info["activations"]), "step": steps,
            "outcome": len(info["outcomes"]), "sweep_run": info["count"]}
    for key, names in axes.items():
        shape = tuple(size[a] for a in names)
        if key not in extra:
            raise SnapshotError(f"missing array '{key}' of a width sweep")
        if extra[key].shape != shape:
            raise SnapshotError(f"array '{key}' has shape {extra[key].shape}, expected {shape}")
    if np.any(extra["width_counts"].sum(axis=-1) != info["count"]):
        raise SnapshotError(f"array 'width_counts' does not count {info['count']} runs at every snapshot")


def _finite_pairs(value) -> bool:
    """A list of [x, y] pairs of finite numbers (any order, repeats allowed)."""
    return isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in p)
        for p in value)


def _finite_pair(value) -> bool:
    numbers = isinstance(value, list) and len(value) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)
    return numbers and value[0] < value[1]


def check_shapes(meta: dict, arrays: dict[str, np.ndarray]) -> None:
    """The required arrays agree with each other and with the metadata; steps strictly increase."""
    r, n_s, n, g = arrays["curves"].shape
    expected = {
        "steps": (n_s,), "grid": (g,), "target": (g,), "params": (r, n_s, len(meta.get("params", []))),
        "train_loss": (r, n_s), "eval_loss": (r, n_s),
    }
    for key, shape in expected.items():
        if arrays[key].shape != shape:
            raise SnapshotError(f"array '{key}' has shape {arrays[key].shape}, expected {shape}")
    if len(meta.get("runs", [])) != r:
        raise SnapshotError(f"metadata lists {len(meta.get('runs', []))} runs but the arrays hold {r}")
    if len(meta.get("nodes", [])) != n:
        raise SnapshotError(f"metadata lists {len(meta.get('nodes', []))} nodes but the arrays hold {n}")
    if n_s == 0:
        raise SnapshotError("holds no snapshots")
    if np.any(np.diff(arrays["steps"]) <= 0):
        raise SnapshotError("steps are not strictly increasing")
