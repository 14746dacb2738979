"""The headless recorder: trains a scene's runs with the tutorial's loop and snapshots every node.

Training stays on the scalar float path (the tutorial's loop, unchanged); at each snapshot step the
same graph is evaluated once with x set to the whole grid, which gives every node's curve at once.
All randomness comes from the scene's seeds through `numpy.random.default_rng`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

import ourdl
from ourdl.core import train_step
from render.record.net_snapshot import BLOWUP, frozen_nodes, graph_meta, name_nodes, snapshot_row
from render.record.panels import panel_arrays
from render.record.parallel import map_runs
from render.record.snapshot import AXES, FORMAT, FORMAT_VERSION, Snapshot
from scenes import Net, Run, Scene

SampleProgress = Callable[[int], None]  # called with the number of samples just trained


def train_samples(net: Net, xs: list[float], ys: list[float],
                  lr: float | list[float]) -> tuple[float, int | None]:
    """The tutorial's per-sample loop, with one learning rate for every parameter or one per parameter
    (`Run.lr_for`, update order). Returns (sum of losses, index of a diverging sample or None).

    A sample diverges when its loss or a parameter is not finite or a parameter passes BLOWUP; its
    step is undone, so the run keeps its last finite state.
    """
    x, label, loss, params = net.x, net.label, net.loss, net.params
    lrs = lr if isinstance(lr, list) else [lr] * len(params)
    total, before = 0.0, [p.value for p in params]
    for i, (xv, yv) in enumerate(zip(xs, ys)):
        x.set_value(xv)
        label.set_value(yv)
        value = train_step(loss, params, lrs)
        after = [p.value for p in params]
        # every value in (-BLOWUP, BLOWUP), in three C-level passes rather than a call per value: the sum
        # is not finite when a value is not (an overflowing sum needs a value past BLOWUP anyway)
        if not (-BLOWUP < value < BLOWUP and math.isfinite(sum(after)) and max(map(abs, after)) < BLOWUP):
            for p, v in zip(params, before):
                p.set_value(v)
            return total, i
        total += value
        before = after
    return total, None


def record_run(scene: Scene, run: Run, steps: np.ndarray, grid: np.ndarray, target: np.ndarray,
               progress: SampleProgress | None = None) -> dict:
    """Train one run, snapshotting at `steps`; returns its arrays and metadata."""
    net = scene.net()
    name_nodes(net)
    names = [p.name for p in net.params]
    init = run.initial_values(names)
    lrs = run.lr_for(names)
    for p in net.params:
        p.set_value(init[p.name])
    nodes = [n for n in net.graph.nodes if n.parents]
    in_range = scene.data_mask(grid)
    points = scene.eval_set(grid, target) if scene.points is not None else None

    xs, ys = scene.samples(run)
    n_s = len(steps)
    curves = np.empty((n_s, len(nodes), grid.size))
    params = np.empty((n_s, len(names)))
    train_loss = np.full(n_s, np.nan)
    eval_loss = np.empty(n_s)
    seen, diverged_at = 0, None
    for s, step in enumerate(steps):
        stop = min(int(step), run.samples) if diverged_at is None else seen
        if stop > seen:
            total, bad = train_samples(net, xs[seen:stop], ys[seen:stop], lrs)
            done = stop - seen if bad is None else bad
            train_loss[s] = total / done if done else np.nan
            if progress:
                progress(stop - seen)
            if bad is not None:
                diverged_at = seen + bad + 1  # the sample (1-based) whose step went non-finite
            seen += done
        elif s > 0:
            train_loss[s] = train_loss[s - 1]  # finished or stopped: hold the last value
        curves[s], params[s], eval_loss[s] = snapshot_row(net, nodes, grid, target, in_range, points)
    if progress and seen < run.samples:
        progress(run.samples - seen)
    graph = graph_meta(net)
    meta = {"label": run.label, "init": init, "init_seed": run.init_seed, "data_seed": run.data_seed,
            "samples": run.samples, "lr": run.lr, "diverged_at": diverged_at,
            **({"lrs": dict(zip(names, lrs))} if run.lrs else {}),
            **({"frozen": list(run.frozen), "off_nodes": frozen_nodes(graph, set(run.frozen))}
               if run.frozen else {}),
            **({"init_override": dict(run.init_override)} if run.init_override else {})}
    return {"meta": meta, "graph": graph, "curves": curves, "params": params,
            "train_loss": train_loss, "eval_loss": eval_loss, "data": (xs, ys)}


def snapshot_meta(scene: Scene, activation: str, graph: dict, runs: list[dict], **extra) -> dict:
    """The `meta` entry of a snapshot file (docs/snapshot-format.md), for every kind of recorder. A scene
    trained on data points adds them (`points`, those drawn: `Points.shown`) and their count; a target
    given as text adds the text (`target_expr`)."""
    more: dict = {}
    if getattr(scene, "target_expr", None) is not None:
        more["target_expr"] = scene.target_expr
    if getattr(scene, "points", None) is not None:
        more.update(points=scene.points.shown().tolist(), points_count=scene.points.count,
                    points_source=scene.points.name)
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "package_version": ourdl.__version__,
        "scene": scene.name, "description": scene.description, "activation": activation,
        "runs": runs, **graph, "target_name": scene.target_name, "data_range": list(scene.data_range),
        "x_range": list(scene.x_range), "panels": [p.describe() for p in scene.panels],
        "schedule": scene.schedule.describe(), **more, **extra,
    }


def estimated_bytes(scene: Scene) -> int:
    """Memory the recording's arrays will take, known before training starts."""
    build = scene.net()
    n_nodes = sum(1 for n in build.graph.nodes if n.parents)
    n_steps = scene.schedule.max_count(scene.total_samples)
    panels = 16 * len(scene.runs) * scene.total_samples if any(
        getattr(p, "kind", "") == "data" for p in scene.panels) else 0
    panels += sum(8 * p.mesh**2 for p in scene.panels if getattr(p, "kind", "") == "surface")
    return 8 * len(scene.runs) * n_steps * (n_nodes * scene.grid_points + len(build.params) + 2) + panels


def record_runs(scene: Scene, progress: SampleProgress | None = None, workers: int = 1,
                meanwhile: Callable[[], None] | None = None) -> Snapshot:
    """Record every run of `scene` on one step timeline (the longest run's), in up to `workers` forked
    processes, `meanwhile()` running here as they train (`render.record.parallel`)."""
    steps = scene.schedule.steps(scene.total_samples)
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    runs = map_runs(record_run, [(scene, run, steps, grid, target) for run in scene.runs], progress,
                    meanwhile, workers)
    extra, more = panel_arrays(scene, runs, steps, grid, target)
    if extra:
        more["axes"] = {k: list(AXES[k]) for k in extra}
    meta = snapshot_meta(scene, scene.activation, runs[0]["graph"], [r["meta"] for r in runs], **more)
    return Snapshot(
        meta=meta, steps=steps, grid=grid, target=target,
        curves=np.stack([r["curves"] for r in runs]), params=np.stack([r["params"] for r in runs]),
        train_loss=np.stack([r["train_loss"] for r in runs]),
        eval_loss=np.stack([r["eval_loss"] for r in runs]), extra=extra,
    )
