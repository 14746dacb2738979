"""What the "data" and "surface" panels need beyond the curves, computed once at record time.

- data panels: every run's training samples (`data_x`, `data_y`, shape (runs, samples); a run with fewer
  samples than the longest is padded with NaN), so a video or a page can draw the ones seen so far;
- a surface panel: the evaluation loss (mean |output − target| on the grid points in the data range,
  exactly what `eval_loss` records) over a mesh of two parameters (`surface`, (mesh_y, mesh_x), over the
  axes `surface_x`, `surface_y`), evaluated by the graph itself in lockstep, one mesh point per row, so
  it holds for any graph and agrees with the recorded evaluation loss wherever a run's path goes.
  Other parameters, if the graph has any, are held at the first run's final values (`meta.surface`).

numpy only, like all of render.record.
"""

from __future__ import annotations

import numpy as np

from render.record.lockstep import LockstepRuns
from render.record.net_snapshot import name_nodes
from scenes import Panel, Scene

#: how far the mesh reaches beyond the box that holds the panel's `extent` and every run's path
MARGIN = 0.08


def panels_of(scene: Scene, kind: str) -> list[Panel]:
    return [p for p in scene.panels if getattr(p, "kind", "curves") == kind]


def data_arrays(runs: list[dict]) -> dict[str, np.ndarray]:
    """`data_x`, `data_y` (runs, samples) from each recorded run's (xs, ys), NaN past a run's end."""
    length = max(len(r["data"][0]) for r in runs)
    out = {k: np.full((len(runs), length), np.nan) for k in ("data_x", "data_y")}
    for i, r in enumerate(runs):
        xs, ys = r["data"]
        out["data_x"][i, :len(xs)] = xs
        out["data_y"][i, :len(ys)] = ys
    return out


def mesh_box(panel: Panel, paths: list[np.ndarray]) -> tuple[float, float, float, float]:
    """The mesh's (x0, x1, y0, y1): the box of every (S, 2) path's finite points widened by MARGIN on
    each side, joined with the panel's `extent`."""
    pts = np.concatenate([p[np.all(np.isfinite(p), axis=1)] for p in paths] + [np.empty((0, 2))])
    box = []
    for axis in (0, 1):
        values = pts[:, axis]
        lo, hi = (float(values.min()), float(values.max())) if values.size else (-1.0, 1.0)
        if hi - lo < 1e-9:
            lo, hi = lo - 0.5, hi + 0.5
        pad = (hi - lo) * MARGIN
        lo, hi = lo - pad, hi + pad
        if panel.extent is not None:
            lo, hi = min(lo, panel.extent[2 * axis]), max(hi, panel.extent[2 * axis + 1])
        box += [lo, hi]
    return box[0], box[1], box[2], box[3]


def surface_arrays(scene: Scene, panel: Panel, runs: list[dict], grid: np.ndarray,
                   target: np.ndarray) -> tuple[dict[str, np.ndarray], dict]:
    """The surface panel's arrays and its `meta.surface` (which parameters, where the others are held)."""
    net = scene.net()
    name_nodes(net)
    names = [p.name for p in net.params]
    missing = [n for n in panel.params if n not in names]
    if missing:
        raise ValueError(f"panel {panel.title!r}: no parameter named {', '.join(missing)} "
                         f"(the parameters are {', '.join(names)})")
    ix, iy = names.index(panel.params[0]), names.index(panel.params[1])
    paths = []
    for r in runs:
        stop = r["meta"]["diverged_at"]
        keep = slice(None) if stop is None else r["steps"] < stop
        paths.append(r["params"][keep][:, [ix, iy]])
    x0, x1, y0, y1 = mesh_box(panel, paths)
    sx, sy = np.linspace(x0, x1, panel.mesh), np.linspace(y0, y1, panel.mesh)
    gx, gy = np.meshgrid(sx, sy)  # (mesh_y, mesh_x)
    held = runs[0]["params"][-1]
    init = np.tile(held, (gx.size, 1))
    init[:, ix], init[:, iy] = gx.ravel(), gy.ravel()
    loss = LockstepRuns(net, init, 0.0).eval_loss(*scene.eval_set(grid, target))  # as eval_loss measures
    others = {n: float(held[i]) for i, n in enumerate(names) if i not in (ix, iy)}
    meta = {"params": list(panel.params), "others": others, "mesh": panel.mesh,
            "loss": "mean |output − target| on the grid points in the data range (as eval_loss)"}
    return {"surface": loss.reshape(gx.shape), "surface_x": sx, "surface_y": sy}, meta


def panel_arrays(scene: Scene, runs: list[dict], steps: np.ndarray, grid: np.ndarray,
                 target: np.ndarray) -> tuple[dict[str, np.ndarray], dict]:
    """Every optional array the scene's panels need, and the metadata that goes with them."""
    arrays: dict[str, np.ndarray] = {}
    meta: dict = {}
    if panels_of(scene, "data"):
        arrays.update(data_arrays(runs))
    surfaces = panels_of(scene, "surface")
    if len(surfaces) > 1:
        raise ValueError(f"scene {scene.name!r}: one surface panel at most")
    if surfaces:
        more, meta["surface"] = surface_arrays(scene, surfaces[0], [{**r, "steps": steps} for r in runs],
                                               grid, target)
        arrays.update(more)
    return arrays, meta
