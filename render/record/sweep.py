"""The sweep recorder: trains every init of a sweep scene in lockstep, summarises, records named runs.

A sweep snapshot keeps what does not grow with R apart from per-run summaries: histograms of the
evaluation loss and counts of fitting modes per snapshot, final loss/mode/parameters per run, and the
full curves of a few named runs, re-recorded on the scalar path by `render.record.runs.record_run` (which
also checks the lockstep rows). See docs/snapshot-format.md, "Sweep snapshots".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from render.record.lockstep import LockstepRuns, PerRunStream, SharedStream
from render.record.net_snapshot import graph_meta, name_nodes
from render.record.parallel import map_runs
from render.record.runs import SampleProgress, record_run, snapshot_meta
from render.record.snapshot import SWEEP_AXES, Snapshot
from render.record.stats import rate
from scenes import Run
from scenes.sweeps import GridInits, SeededInits, SweepScene, fitting_modes

#: evaluation-loss histogram: log-spaced bins; values beyond the ends are counted in the end bins
HIST_EDGES = np.geomspace(0.01, 10.0, 61)


def _rates(loss: np.ndarray, modes: np.ndarray, threshold: float, names: tuple[str, ...]) -> dict:
    fitted = loss < threshold
    out = rate(int(fitted.sum()), loss.size)
    out["modes"] = {name: int(np.sum(modes == i)) for i, name in enumerate(names)}
    out["fitted_by_mode"] = {name: int(np.sum(fitted & (modes == i))) for i, name in enumerate(names)}
    out["median_loss"] = float(np.median(loss))
    return out


def _initial(scene: SweepScene, names: list[str]) -> np.ndarray:
    inits, template = scene.inits, scene.runs[0]
    if isinstance(inits, SeededInits):
        return seeded_inits(scene.init_seeds(), names, template.init_range)
    if isinstance(inits, GridInits):
        return inits.values(names)
    raise TypeError(f"unknown inits {inits!r}")


def seeded_inits(seeds: list[int], names: list[str], init_range: tuple[float, float]) -> np.ndarray:
    """(R, P): row r is `Run(init_seed=seeds[r]).initial_values(names)`, in `names` order."""
    out = np.empty((len(seeds), len(names)))
    for r, seed in enumerate(seeds):
        values = Run("", init_seed=seed, init_range=init_range).initial_values(names)
        out[r] = [values[n] for n in names]
    return out


def _stream(scene: SweepScene, rows: slice):
    """The data the runs `rows` of the sweep train on."""
    if scene.data == "per_run":
        return PerRunStream.of(scene, scene.data_seeds()[rows])
    xs, ys = scene.samples(scene.runs[0])
    return SharedStream(xs, ys=ys)


def _named_runs(scene: SweepScene, names: list[str], init: np.ndarray, loss: np.ndarray,
                modes: np.ndarray) -> list[tuple[str, Run, int | None]]:
    """The few runs whose full curves are recorded: (activation, run, sweep index or None).

    With two or more activations: a typical init (median loss) that the first activation fails on and
    another fits, then a typical init every activation fits; each is shown with every activation. A
    scene's own `named` runs (e.g. Fig 7 and Fig 8) are added with every activation.
    """
    template, acts = scene.runs[0], scene.activations
    fitted = loss < scene.threshold  # (A, R)
    picks: list[tuple[str, np.ndarray]] = []
    if len(acts) > 1:
        picks.append((f"{acts[0]} fails, {'/'.join(acts[1:])} fits", ~fitted[0] & fitted[1:].all(axis=0)))
        picks.append(("all fit", fitted.all(axis=0)))
    elif isinstance(scene.inits, SeededInits):
        picks += [("fitted", fitted[0]), ("not fitted", ~fitted[0])]
    chosen: list[tuple[str, Run, int | None]] = []
    seeds = scene.data_seeds() if scene.data == "per_run" else None
    for why, mask in picks:
        idx = np.flatnonzero(mask)
        if idx.size == 0:
            continue
        r = int(idx[np.argsort(loss[-1, idx], kind="stable")[idx.size // 2]])  # the median one
        run = dataclasses.replace(template, label=f"run {r} ({why})", init=dict(zip(names, init[r].tolist())),
                                  init_seed=None, data_seed=seeds[r] if seeds else template.data_seed)
        chosen += [(act, dataclasses.replace(run, label=f"{act}: {run.label}"), r) for act in acts]
    for run in scene.named:
        run = dataclasses.replace(run, samples=template.samples, lr=template.lr, lrs=template.lrs,
                                  data_seed=template.data_seed)  # trained as the lockstep trains
        chosen += [(act, dataclasses.replace(run, label=f"{act}: {run.label}"), None) for act in acts]
    return chosen


def _train_rows(scene: SweepScene, act: str, init: np.ndarray, rows: slice, names: list[str],
                steps: np.ndarray, x_in: np.ndarray, t_in: np.ndarray, counts: bool = True,
                progress: SampleProgress | None = None) -> dict:
    """The runs `rows` of the sweep with one activation, in lockstep: at every snapshot each run's evaluation
    loss and fitting mode; at the end its parameters and where it diverged. Rows never mix, so any split of
    the runs gives these numbers bit for bit (`_summary` makes the sweep's statistics from all of them)."""
    net = scene.net(act)
    name_nodes(net)
    runs = LockstepRuns(net, init[rows], scene.runs[0].lr_for(names))  # Run.lrs too, as record_run trains
    stream, count = _stream(scene, rows), len(range(init.shape[0])[rows])
    loss, mode = np.empty((len(steps), count)), np.empty((len(steps), count), dtype=np.int8)
    for s, last_good in runs.to_snapshots(stream, steps, progress if counts else None):
        loss[s] = runs.eval_loss(x_in, t_in)
        mode[s] = fitting_modes(last_good, names, scene.data_range)
    return {"loss": loss, "mode": mode, "final": last_good, "diverged": runs.diverged_at}


def _summary(scene: SweepScene, steps: np.ndarray, parts: list[dict]) -> dict:
    """One activation's statistics from its runs (in order, however they were split): per snapshot the loss
    histogram, mode counts and rates (and the maps, if the scene stores them); each run's end."""
    loss = np.concatenate([p["loss"] for p in parts], axis=1)
    mode = np.concatenate([p["mode"] for p in parts], axis=1)
    n_s, samples, modes = len(steps), scene.runs[0].samples, scene.modes
    out = {"hist": np.zeros((n_s, HIST_EDGES.size - 1), dtype=np.int64),
           "mode_counts": np.zeros((n_s, len(modes)), dtype=np.int64),
           "mode_fitted": np.zeros((n_s, len(modes)), dtype=np.int64),
           "fitted": np.zeros(n_s), "median": np.zeros(n_s), "marks": {}}
    for s, step in enumerate(steps):
        ls, ms = loss[s], mode[s]
        out["hist"][s] = np.histogram(np.clip(ls, HIST_EDGES[0], HIST_EDGES[-1]), HIST_EDGES)[0]
        out["mode_counts"][s] = np.bincount(ms, minlength=len(modes))
        out["mode_fitted"][s] = np.bincount(ms[ls < scene.threshold], minlength=len(modes))
        out["fitted"][s] = np.mean(ls < scene.threshold)
        out["median"][s] = np.median(ls)
        if int(step) in scene.schedule.marks and int(step) != samples:
            out["marks"][str(int(step))] = _rates(ls, ms, scene.threshold, modes)
    if scene.store_maps:
        out["map_loss"], out["map_mode"] = loss.astype(np.float32), mode
    out.update(final=np.concatenate([p["final"] for p in parts]), loss=loss[-1], modes=mode[-1],
               diverged=np.concatenate([p["diverged"] for p in parts]))
    return out


def _fitted_rule(scene: SweepScene) -> str:
    """What "fitted" means, in words: the evaluation loss below the threshold."""
    if scene.points is not None:
        return (f"mean |y − y_k| over {scene.points.shown().shape[0]:,} points of {scene.points.name} "
                f"< {scene.threshold:g}")
    lo, hi = scene.data_range
    return f"mean |y − {scene.target_name}| on [{lo:g}, {hi:g}] < {scene.threshold:g}"


def _splits(count: int, activations: int, workers: int) -> list[slice]:
    """The runs of one activation cut into consecutive parts, so that every worker has a part to train."""
    parts = max(1, min(count, -(-workers // activations))) if workers > 1 else 1
    edges = np.linspace(0, count, parts + 1).round().astype(int)
    return [slice(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:])]


def record_sweep(scene: SweepScene, progress: SampleProgress | None = None, workers: int = 1,
                 meanwhile: Callable[[], None] | None = None) -> Snapshot:
    """Train every init of the sweep with every activation, in lockstep; summarise; record named runs.

    Each activation's lockstep, and each named run, is independent of the others: with `workers` they
    go to forked processes (`render.record.parallel`), `meanwhile()` running here, and come back the
    same arrays bit for bit. With fewer activations than workers, each activation's runs are cut into
    parts, one per worker: rows never mix, so every part computes exactly the rows it did in one piece."""
    template = scene.runs[0]
    samples, lr = template.samples, template.lr
    steps = scene.schedule.steps(samples)
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    x_in, t_in = scene.eval_set(grid, target)
    graph = graph_meta(scene.net(scene.activations[0]))
    names = graph["params"]
    init = _initial(scene, names)
    n_a, n_r, n_s = len(scene.activations), init.shape[0], len(steps)
    splits = _splits(n_r, n_a, workers)
    # one part per activation counts its samples: the bar counts each activation's samples once
    jobs = [(scene, act, init, rows, names, steps, x_in, t_in, k == 0)
            for act in scene.activations for k, rows in enumerate(splits)]
    parts = map_runs(_train_rows, jobs, progress, meanwhile, workers)
    trained = [_summary(scene, steps, parts[a * len(splits):(a + 1) * len(splits)]) for a in range(n_a)]

    def each(key: str) -> np.ndarray:
        return np.stack([t[key] for t in trained])

    hist, mode_counts, mode_fitted = each("hist"), each("mode_counts"), each("mode_fitted")
    fitted_frac, median = each("fitted"), each("median")
    final, loss, modes, diverged = each("final"), each("loss"), each("modes"), each("diverged")
    maps = scene.store_maps
    at_marks: dict[str, dict] = {}
    for act, t in zip(scene.activations, trained):
        for step, rates_then in t["marks"].items():
            at_marks.setdefault(step, {})[act] = rates_then

    named = _named_runs(scene, names, init, loss, modes)
    recorded = map_runs(record_run, [(dataclasses.replace(scene, activation=act), run, steps, grid, target)
                                     for act, run, _ in named], workers=workers)
    worst = 0.0
    for (act, _run, r), rec in zip(named, recorded):
        rec["meta"].update(activation=act, sweep_index=r)
        if r is not None:  # the scalar path must reproduce the lockstep row
            a = scene.activations.index(act)
            worst = max(worst, float(np.max(np.abs(rec["params"][-1] - final[a, r]))))

    rates = {act: _rates(loss[a], modes[a], scene.threshold, scene.modes)
             for a, act in enumerate(scene.activations)}
    for a, act in enumerate(scene.activations):
        rates[act]["diverged"] = int(np.sum(diverged[a] >= 0))
    sweep = {
        "type": "map" if isinstance(scene.inits, GridInits) else "seeded",
        "activations": list(scene.activations), "count": n_r, "samples": samples, "lr": lr,
        "threshold": scene.threshold,
        "fitted_rule": _fitted_rule(scene),
        "inits": scene.describe_inits(), "data": scene.describe_data(), "modes": list(scene.modes),
        "rates": rates, "rates_at": at_marks, "hist_edges_note": "sweep_edges, log-spaced",
        "lockstep_check": {"runs_compared": sum(r is not None for _, _, r in named),
                           "max_abs_param_diff": worst},
    }
    if template.lrs:  # a rate per parameter, as the lockstep trained (a page retraining a run needs them)
        sweep["lrs"] = dict(zip(names, template.lr_for(names)))
    if n_a > 1:
        fa, fb = loss[0] < scene.threshold, loss[1] < scene.threshold
        a0, a1 = scene.activations[:2]
        sweep["paired"] = {"both": int(np.sum(fa & fb)), f"only {a0}": int(np.sum(fa & ~fb)),
                           f"only {a1}": int(np.sum(~fa & fb)), "neither": int(np.sum(~fa & ~fb))}
    meta = snapshot_meta(scene, "/".join(scene.activations), graph, [r["meta"] for r in recorded],
                         kind="sweep", sweep=sweep,
                         axes={k: list(v) for k, v in SWEEP_AXES.items()})
    extra = {
        "sweep_init": init, "sweep_final": final, "sweep_loss": loss, "sweep_mode": modes,
        "sweep_diverged_at": diverged, "sweep_hist": hist, "sweep_edges": HIST_EDGES.copy(),
        "sweep_mode_counts": mode_counts, "sweep_mode_fitted": mode_fitted, "sweep_fitted": fitted_frac,
        "sweep_median": median,
    }
    if maps:
        extra.update(sweep_map_loss=each("map_loss"), sweep_map_mode=each("map_mode"))

    def stack(key: str, shape: tuple[int, ...]) -> np.ndarray:
        return np.stack([r[key] for r in recorded]) if recorded else np.zeros((0, *shape))

    n_nodes, n_g = len(meta["nodes"]), grid.size
    return Snapshot(meta=meta, steps=steps, grid=grid, target=target,
                    curves=stack("curves", (n_s, n_nodes, n_g)), params=stack("params", (n_s, len(names))),
                    train_loss=stack("train_loss", (n_s,)), eval_loss=stack("eval_loss", (n_s,)),
                    extra=extra)
