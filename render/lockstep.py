"""The lockstep recorder: one graph trains R independent runs at once, for the sweep scenes.

Every parameter holds an (R, 1) array, one row per run; each step sets x (and the label) to an (R, 1)
array — each run its own sample — or to one float shared by every run. Ops broadcast, and every grad
is reduced back to its parameter's (R, 1) shape, so the rows never mix: row r follows exactly the
tutorial's scalar loop for run r (get_grad then update, per parameter in order, grads cached within a
step), bit for bit. Python's per-sample cost is paid once for all R runs, never R times.

A sweep snapshot keeps what does not grow with R apart from per-run summaries: histograms of the
evaluation loss and counts of fitting modes per snapshot, final loss/mode/parameters per run, and the
full curves of a few named runs, re-recorded on the scalar path by `render.record.record_run` (which
also checks the lockstep rows). See docs/snapshot-format.md, "Sweep snapshots".
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator

import numpy as np

from ourdl.core import train_step
from render.record import BLOWUP, Progress, _node_names, graph_meta, record_run, snapshot_meta
from render.snapshot import Snapshot
from scenes import Net, Run
from scenes.sweeps import MODES, GridInits, SeededInits, SweepScene, fitting_modes

__all__ = ["LockstepRuns", "PerRunStream", "SharedStream", "format_rates", "record_sweep", "wilson"]

#: rows of runs evaluated over the grid at once (bounds the memory of an evaluation)
EVAL_BLOCK = 1024
#: evaluation-loss histogram: log-spaced bins; values beyond the ends are counted in the end bins
HIST_EDGES = np.geomspace(0.01, 10.0, 61)


# ------------------------------------------------------------------------------------------- data streams


class PerRunStream:
    """Each run its own stream: run r draws `uniform(low, high)` from `default_rng(seeds[r])`.

    The numbers are exactly `Run(data_seed=seeds[r]).data()`'s (a generator's draws do not depend on
    how they are chunked), produced a chunk at a time so memory stays (chunk, R).
    """

    def __init__(self, seeds: list[int], low: float, high: float, target: Callable):
        self.gens = [np.random.default_rng(s) for s in seeds]
        self.low, self.high, self.target = low, high, target
        # a generator call costs microseconds: draw long chunks, within ~32 MB per chunk array
        self.chunk = max(64, min(4096, 2**22 // max(len(seeds), 1)))

    def take(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The next n samples: xs and labels of shape (n, R, 1), so xs[i] is one step's (R, 1)."""
        xs = np.stack([g.uniform(self.low, self.high, n) for g in self.gens], axis=1)[..., None]
        return xs, self.target(xs)


class SharedStream:
    """One stream for every run: the floats of `Run(data_seed=seed).data()`, shared by all rows."""

    chunk = 4096

    def __init__(self, xs: list[float], target: Callable):
        self.xs, self.ys, self.pos = xs, np.asarray(target(np.asarray(xs))).tolist(), 0

    def take(self, n: int) -> tuple[list[float], list[float]]:
        a, self.pos = self.pos, self.pos + n
        return self.xs[a:self.pos], self.ys[a:self.pos]


# ------------------------------------------------------------------------------------------- the engine


class LockstepRuns:
    """R runs of one built graph, in lockstep: parameters are (R, 1) arrays."""

    def __init__(self, net: Net, init: np.ndarray, lr: float) -> None:
        self.net, self.lr = net, lr
        self.count = init.shape[0]
        self.set_params(init)
        self.frozen = np.zeros(self.count, dtype=bool)
        self.diverged_at = np.full(self.count, -1, dtype=np.int64)

    def set_params(self, values: np.ndarray) -> None:
        for j, p in enumerate(self.net.params):
            p.set_value(np.array(values[:, j:j + 1], dtype=float))

    def params(self) -> np.ndarray:
        """(R, P), in the tutorial's update order."""
        return np.concatenate([p.value for p in self.net.params], axis=1)

    def train(self, stream, n: int) -> None:
        """n samples of the tutorial's loop, for every run at once."""
        x, label, loss, params = self.net.x, self.net.label, self.net.loss, self.net.params
        lr = self.lr if not self.frozen.any() else np.where(self.frozen, 0.0, self.lr)[:, None]
        lrs = [lr] * len(params)
        while n > 0:
            m = min(n, stream.chunk)
            xs, ys = stream.take(m)
            n -= m
            for xv, yv in zip(xs, ys):
                x.set_value(xv)
                label.set_value(yv)
                train_step(loss, params, lrs)

    def freeze_diverged(self, last_good: np.ndarray, step: int) -> None:
        """Rows whose parameters left (-BLOWUP, BLOWUP) go back to `last_good` and stop training.

        Unlike the scalar recorder (which checks every sample) this checks at snapshots, so a diverged
        run holds its state from the snapshot before and `diverged_at` is that snapshot interval's end.
        """
        now = self.params()
        bad = ~np.all(np.abs(now) < BLOWUP, axis=1) & ~self.frozen
        if bad.any():
            now[bad] = last_good[bad]
            self.set_params(now)
            self.frozen |= bad
            self.diverged_at[bad] = step

    def outputs(self, xs: np.ndarray) -> Iterator[tuple[slice, np.ndarray]]:
        """The output over the points `xs` for blocks of runs: (rows, values of shape (rows, G))."""
        net, full = self.net, [p.value for p in self.net.params]
        try:
            for a in range(0, self.count, EVAL_BLOCK):
                rows = slice(a, min(a + EVAL_BLOCK, self.count))
                for p, v in zip(net.params, full):
                    p.set_value(v[rows])
                net.graph.clear()
                net.x.set_value(xs[None, :])
                yield rows, np.broadcast_to(net.output.forward(), (rows.stop - rows.start, xs.size))
        finally:
            net.graph.clear()
            for p, v in zip(net.params, full):
                p.set_value(v)

    def eval_loss(self, xs: np.ndarray, target: np.ndarray) -> np.ndarray:
        """Mean |output − target| over the points `xs` (the grid inside the data range), per run."""
        out = np.empty(self.count)
        for rows, values in self.outputs(xs):
            out[rows] = np.mean(np.abs(values - target), axis=1)
        return out


# ------------------------------------------------------------------------------------------- statistics


def wilson(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    """Wilson score interval for a proportion k/n (95% by default)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, center - half), min(1.0, center + half))


def _rate(k: int, n: int) -> dict:
    lo, hi = wilson(k, n)
    return {"fitted": k, "runs": n, "rate": k / n if n else float("nan"), "ci95": [lo, hi],
            "failure_rate": 1 - k / n if n else float("nan"), "failure_ci95": [1 - hi, 1 - lo]}


def _rates(loss: np.ndarray, modes: np.ndarray, threshold: float) -> dict:
    fitted = loss < threshold
    out = _rate(int(fitted.sum()), loss.size)
    out["modes"] = {name: int(np.sum(modes == i)) for i, name in enumerate(MODES)}
    out["fitted_by_mode"] = {name: int(np.sum(fitted & (modes == i))) for i, name in enumerate(MODES)}
    out["median_loss"] = float(np.median(loss))
    return out


# ------------------------------------------------------------------------------------------- recording


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


def _stream(scene: SweepScene):
    template = scene.runs[0]
    if scene.data == "per_run":
        return PerRunStream(scene.data_seeds(), *scene.data_range, scene.target)
    return SharedStream(template.data(), scene.target)


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
        run = dataclasses.replace(run, samples=template.samples, lr=template.lr, data_seed=template.data_seed)
        chosen += [(act, dataclasses.replace(run, label=f"{act}: {run.label}"), None) for act in acts]
    return chosen


def record_sweep(scene: SweepScene, progress: Progress | None = None) -> Snapshot:
    """Train every init of the sweep with every activation, in lockstep; summarise; record named runs."""
    template = scene.runs[0]
    samples, lr = template.samples, template.lr
    steps = scene.schedule.steps(samples)
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    inside = scene.data_mask(grid)
    x_in, t_in = grid[inside], target[inside]
    graph = graph_meta(scene.build(scene.activations[0]))
    names = graph["params"]
    init = _initial(scene, names)
    n_a, n_r, n_s, n_h = len(scene.activations), init.shape[0], len(steps), HIST_EDGES.size - 1

    hist = np.zeros((n_a, n_s, n_h), dtype=np.int64)
    mode_counts = np.zeros((n_a, n_s, len(MODES)), dtype=np.int64)
    mode_fitted = np.zeros((n_a, n_s, len(MODES)), dtype=np.int64)
    fitted_frac = np.zeros((n_a, n_s))
    median = np.zeros((n_a, n_s))
    final = np.zeros((n_a, n_r, len(names)))
    loss = np.zeros((n_a, n_r))
    modes = np.zeros((n_a, n_r), dtype=np.int8)
    diverged = np.zeros((n_a, n_r), dtype=np.int64)
    maps = scene.store_maps
    map_loss = np.zeros((n_a, n_s, n_r), dtype=np.float32) if maps else None
    map_mode = np.zeros((n_a, n_s, n_r), dtype=np.int8) if maps else None
    at_marks: dict[str, dict] = {}

    for a, act in enumerate(scene.activations):
        net = scene.build(act)
        _node_names(net)
        runs = LockstepRuns(net, init, lr)
        stream, seen = _stream(scene), 0
        last_good = init
        for s, step in enumerate(steps):
            if step > seen:
                runs.train(stream, int(step) - seen)
                if progress:
                    progress(int(step) - seen)
                seen = int(step)
                runs.freeze_diverged(last_good, seen)
            last_good = runs.params()
            ls = runs.eval_loss(x_in, t_in)
            ms = fitting_modes(last_good, names, scene.data_range)
            hist[a, s] = np.histogram(np.clip(ls, HIST_EDGES[0], HIST_EDGES[-1]), HIST_EDGES)[0]
            mode_counts[a, s] = np.bincount(ms, minlength=len(MODES))
            mode_fitted[a, s] = np.bincount(ms[ls < scene.threshold], minlength=len(MODES))
            fitted_frac[a, s] = np.mean(ls < scene.threshold)
            median[a, s] = np.median(ls)
            if maps:
                map_loss[a, s], map_mode[a, s] = ls, ms
            if int(step) in scene.schedule.marks and int(step) != samples:
                at_marks.setdefault(str(int(step)), {})[act] = _rates(ls, ms, scene.threshold)
        final[a], loss[a], modes[a], diverged[a] = last_good, ls, ms, runs.diverged_at

    named = _named_runs(scene, names, init, loss, modes)
    recorded, worst = [], 0.0
    for act, run, r in named:
        rec = record_run(dataclasses.replace(scene, activation=act), run, steps, grid, target)
        rec["meta"].update(activation=act, sweep_index=r)
        if r is not None:  # the scalar path must reproduce the lockstep row
            a = scene.activations.index(act)
            worst = max(worst, float(np.max(np.abs(rec["params"][-1] - final[a, r]))))
        recorded.append(rec)

    rates = {act: _rates(loss[a], modes[a], scene.threshold) for a, act in enumerate(scene.activations)}
    for a, act in enumerate(scene.activations):
        rates[act]["diverged"] = int(np.sum(diverged[a] >= 0))
    sweep = {
        "type": "map" if isinstance(scene.inits, GridInits) else "seeded",
        "activations": list(scene.activations), "count": n_r, "samples": samples, "lr": lr,
        "threshold": scene.threshold,
        "fitted_rule": f"mean |y − {scene.target_name}| on [{scene.data_range[0]:g}, "
                       f"{scene.data_range[1]:g}] < {scene.threshold:g}",
        "inits": scene.describe_inits(), "data": scene.describe_data(), "modes": list(MODES),
        "rates": rates, "rates_at": at_marks, "hist_edges_note": "sweep_edges, log-spaced",
        "lockstep_check": {"runs_compared": sum(r is not None for _, _, r in named),
                           "max_abs_param_diff": worst},
    }
    if n_a > 1:
        fa, fb = loss[0] < scene.threshold, loss[1] < scene.threshold
        a0, a1 = scene.activations[:2]
        sweep["paired"] = {"both": int(np.sum(fa & fb)), f"only {a0}": int(np.sum(fa & ~fb)),
                           f"only {a1}": int(np.sum(~fa & fb)), "neither": int(np.sum(~fa & ~fb))}
    meta = snapshot_meta(scene, "/".join(scene.activations), graph, [r["meta"] for r in recorded],
                         kind="sweep", sweep=sweep, axes=AXES)
    extra = {
        "sweep_init": init, "sweep_final": final, "sweep_loss": loss, "sweep_mode": modes,
        "sweep_diverged_at": diverged, "sweep_hist": hist, "sweep_edges": HIST_EDGES.copy(),
        "sweep_mode_counts": mode_counts, "sweep_mode_fitted": mode_fitted, "sweep_fitted": fitted_frac,
        "sweep_median": median,
    }
    if maps:
        extra.update(sweep_map_loss=map_loss, sweep_map_mode=map_mode)

    def stack(key: str, shape: tuple[int, ...]) -> np.ndarray:
        return np.stack([r[key] for r in recorded]) if recorded else np.zeros((0, *shape))

    n_nodes, n_g = len(meta["nodes"]), grid.size
    return Snapshot(meta=meta, steps=steps, grid=grid, target=target,
                    curves=stack("curves", (n_s, n_nodes, n_g)), params=stack("params", (n_s, len(names))),
                    train_loss=stack("train_loss", (n_s,)), eval_loss=stack("eval_loss", (n_s,)),
                    extra=extra)


#: axis names of the sweep arrays, for generic readers (render.check reads `meta["axes"]`)
AXES = {
    "sweep_init": ["sweep_run", "param"], "sweep_final": ["activation", "sweep_run", "param"],
    "sweep_loss": ["activation", "sweep_run"], "sweep_mode": ["activation", "sweep_run"],
    "sweep_diverged_at": ["activation", "sweep_run"], "sweep_hist": ["activation", "step", "bin"],
    "sweep_edges": ["bin_edge"], "sweep_mode_counts": ["activation", "step", "mode"],
    "sweep_mode_fitted": ["activation", "step", "mode"],
    "sweep_fitted": ["activation", "step"], "sweep_median": ["activation", "step"],
    "sweep_map_loss": ["activation", "step", "sweep_run"],
    "sweep_map_mode": ["activation", "step", "sweep_run"],
}


# ------------------------------------------------------------------------------------------- reporting


def format_rates(meta: dict) -> str:
    """The success rates of a sweep snapshot's metadata as a few lines of text ('' for other kinds)."""
    sweep = meta.get("sweep") if meta.get("kind") == "sweep" else None
    if not sweep:
        return ""

    def pct(v: float) -> str:
        return f"{100 * v:.1f}%"

    inits = sweep["inits"]
    lines = [f"{meta['scene']}: {sweep['count']} {inits['text']}, {sweep['samples']} samples at lr "
             f"{sweep['lr']:g}; fitted = {sweep['fitted_rule']}"]
    width = max(len(a) for a in sweep["activations"])
    for label, rates in [("", sweep["rates"])] + [(f" at {k}", v) for k, v in sweep["rates_at"].items()]:
        for act in sweep["activations"]:
            r = rates[act]
            modes = ", ".join(f"{m} {r['modes'][m]}" for m in sweep["modes"] if r["modes"].get(m))
            lines.append(f"  {act:<{width}}{label}: fitted {r['fitted']}/{r['runs']} = {pct(r['rate'])} "
                         f"(95% CI {pct(r['ci95'][0])}–{pct(r['ci95'][1])}), failed "
                         f"{pct(r['failure_rate'])} (95% CI {pct(r['failure_ci95'][0])}–"
                         f"{pct(r['failure_ci95'][1])})" + ("" if label else f"; modes: {modes}"))
    if "paired" in sweep:
        a0, a1 = sweep["activations"][:2]  # the file's JSON keys are sorted: put them back in order
        order = ["both", f"only {a0}", f"only {a1}", "neither"]
        lines.append("  same init: " + ", ".join(f"{k} {sweep['paired'][k]}" for k in order))
    return "\n".join(lines)
