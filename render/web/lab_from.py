"""`render lab --from FILE.npz`: the lab opened on a recording's network, target or points, and its runs.

A recording of the chapter's network family (`render record`, a `Recorder` of a family graph, or a
`TorchRecorder` of a Sequential the family takes) becomes the scene the lab would open for the same
network: `fig8` with the recording's widths, target (its `--target` text, a named target by its name, or
x²) or points, data and x ranges, grid, activation and loss (`Scene.with_network`), and one run per
recorded run from its initial values (the parameters at step 0) with its rate, samples and data seed.
So the page's command line (`render scene fig8 --hidden 3 --init ...`) records the same run in Python.

What the lab cannot train is refused with one line (ValueError): a graph outside the family, a network
past the lab's 16 units or 3 layers, an activation it lacks (GELU, LeakyReLU(0.2), ...), a target known
only by its curve, points the file keeps only some of.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from render.record.snapshot import Snapshot
from render.web.lab import ACTIVATIONS, LOSSES, MAX_LAYERS, MAX_UNITS
from scenes import Run, Scene, get_scene
from scenes.network import Names, hidden_from_params
from scenes.targets import Target, recorded_targets

#: the scene a recording's network is made from: the chapter's one run, which `with_network` reshapes
BASE = "fig8"
#: a recording that names no rate (a TorchRecorder without lr=) starts at the chapter's
DEFAULT_LR = 0.01


def _activation(meta: dict, hidden: tuple[int, ...]) -> str:
    """The hidden units' activation as the lab names it; ValueError for one it cannot train."""
    acts = {n for layer in range(1, len(hidden) + 1) for n in Names(hidden).acts(layer)}
    nodes = [n for n in meta["nodes"] if n["name"] in acts]
    kinds = {n["kind"] for n in nodes}
    builtin = all(n.get("builtin", True) for n in nodes)
    if len(kinds) == 1 and builtin and kinds <= set(ACTIVATIONS):
        return kinds.pop()
    torch_act = (meta.get("torch") or {}).get("activation") or {}
    what = torch_act.get("text") or ", ".join(sorted(kinds)) or "activation"
    lab = ", ".join(ACTIVATIONS[:-1]) + f" and {ACTIVATIONS[-1]}"
    raise ValueError(f"the lab trains {lab}; this recording's {what} it cannot")


def _loss(meta: dict) -> str:
    kind = next((n["kind"] for n in meta["nodes"] if n["name"] == meta.get("loss")), None)
    if kind is None:
        return "absolute"  # a TorchRecorder without loss=: the tutorial's
    if kind not in LOSSES:
        raise ValueError(f"the lab trains the losses {', '.join(LOSSES)}; this recording's {kind} it cannot")
    return LOSSES[kind]


def _target(snapshot: Snapshot) -> Target | None:
    """The recording's target as the lab computes it: None for x² (the base scene's own), else the parsed
    target whose values are the recorded target's on the data range; ValueError when there is none."""
    meta, grid = snapshot.meta, snapshot.grid
    lo, hi = meta["data_range"]
    inside = (grid >= lo) & (grid <= hi)
    recorded = np.asarray(snapshot.target, dtype=float)[inside]
    for target in recorded_targets(meta.get("target_expr"), meta.get("target_name")):
        with np.errstate(all="ignore"):
            if np.allclose(target.fn(grid[inside]), recorded, rtol=1e-12, atol=1e-12):
                return None if target.key == "x^2" else target
    if np.array_equal(grid[inside] * grid[inside], recorded):
        return None
    raise ValueError(f"the lab trains a target it can compute (x², a --target expression) or data points; "
                     f"this recording's target {meta.get('target_name')!r} is only its curve")


def _points(meta: dict) -> np.ndarray | None:
    points = meta.get("points")
    if points is None:
        return None
    count = meta.get("points_count", len(points))
    if count != len(points):
        raise ValueError(f"the recording keeps {len(points):,} of its {count:,} data points and training "
                         f"samples them all: open the lab on the file itself (render lab --data FILE.csv)")
    return np.asarray(points, dtype=float)


def lab_scene(snapshot: Snapshot) -> Scene:
    """The scene the lab opens for `snapshot` (see the module's docstring); ValueError (one line) for a
    recording the lab cannot train."""
    meta = snapshot.meta
    if meta.get("sweep") is not None or not meta.get("runs"):
        raise ValueError(f"{meta.get('scene')} is a sweep of many inits; the lab opens a recording of runs "
                         f"(its own map explores inits: render lab --scene NAME)")
    names = list(meta["params"])
    hidden = hidden_from_params(names)
    if hidden is None:
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        raise ValueError(f"the lab trains networks of the chapter's family (parameters w_11 … b_21); this "
                         f"recording's are {shown}")
    if len(hidden) > MAX_LAYERS or max(hidden) > MAX_UNITS:
        raise ValueError(f"the lab trains 1 to {MAX_UNITS} units a layer in 1 to {MAX_LAYERS} layers; this "
                         f"recording's network is {'-'.join(map(str, (1, *hidden, 1)))}")
    activation, loss = _activation(meta, hidden), _loss(meta)
    points = _points(meta)
    target = _target(snapshot) if points is None else None
    ranges = {"x_range": tuple(meta["x_range"])}
    if points is None:
        ranges["data_range"] = tuple(meta["data_range"])
    scene = get_scene(BASE).with_network(hidden=hidden, target=target, points=points,
                                         points_name=meta.get("points_source") or "data", **ranges)
    steps = snapshot.steps
    runs = []
    for r, run in enumerate(meta["runs"]):
        init = dict(zip(names, snapshot.params[r, 0].tolist())) if steps[0] == 0 else dict(run["init"])
        runs.append(Run(str(run.get("label") or f"run {r + 1}"), init=init,
                        data_seed=int(run.get("data_seed") or 0),
                        samples=int(run.get("samples") or steps[-1]) or 1,
                        lr=float(run["lr"]) if run.get("lr") is not None else DEFAULT_LR))
    return dataclasses.replace(scene, runs=tuple(runs), activation=activation, loss=loss,
                               grid_points=int(snapshot.grid.size))
