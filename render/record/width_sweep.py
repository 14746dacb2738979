"""The width sweep's recorder: every width x activation trained in lockstep, each run's outcome per snapshot.

Each (width, activation) is its own `LockstepRuns` (render.record.lockstep, the sweeps' engine): R runs
of one graph, row r exactly the tutorial's scalar loop for run r. At every snapshot each run is fitted or
failed, and a failure gets its cause (scenes.width_sweep.outcomes); the file keeps those counts per
snapshot (what the figure animates), and per run its final evaluation loss, outcome and whether every unit
was dead at init (what the closed form is checked against). See docs/snapshot-format.md, "Width sweep
snapshots".
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from render.record.lockstep import LockstepRuns
from render.record.net_snapshot import name_nodes
from render.record.parallel import map_runs
from render.record.runs import SampleProgress, snapshot_meta
from render.record.snapshot import WIDTH_AXES, Snapshot
from render.record.stats import rate
from scenes.width_sweep import CAUSES, OUTCOMES, WidthSweepScene, dead_unit_probability, outcomes, units_off

KIND = "width_sweep"


class InterleavedStream:
    """Every run's samples from one generator (WidthSweepScene's data rule): sample i of run r is draw
    i·R + r of `default_rng(data_seed)` by the scene's sample rule, drawn a chunk of samples at a time
    (one generator call per chunk instead of one per run: R runs cost what one does)."""

    def __init__(self, scene: WidthSweepScene, count: int) -> None:
        self.scene, self.count = scene, count
        self.rng = np.random.default_rng(scene.runs[0].data_seed)
        self.chunk = max(64, min(4096, 2**21 // max(count, 1)))  # ~16 MB a chunk array

    def take(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The next n samples: xs and labels of shape (n, R, 1), so xs[i] is one step's (R, 1)."""
        xs, ys = self.scene.draw_samples(self.rng, n * self.count)
        return xs.reshape(n, self.count, 1), np.asarray(ys, dtype=float).reshape(n, self.count, 1)


def evaluate(runs: LockstepRuns, xs: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per run, the evaluation loss (mean |output − target| over `xs`) and the output's standard deviation
    over `xs`, from one evaluation of the graph."""
    loss, std = np.empty(runs.count), np.empty(runs.count)
    for rows, values in runs.outputs(xs):
        loss[rows] = np.mean(np.abs(values - target), axis=1)
        std[rows] = np.std(values, axis=1)
    return loss, std


def train_width(scene: WidthSweepScene, width: int, act: str, steps: np.ndarray, x_in: np.ndarray,
                t_in: np.ndarray, counts: bool = True, progress: SampleProgress | None = None) -> dict:
    """Every init of one width with one activation, in lockstep: at each snapshot the count of runs per
    outcome; at the end each run's loss, outcome and where it diverged. `counts`: report samples to
    `progress` (one job per activation does, so the bar counts each activation's samples once)."""
    net = scene.net_of(width, act)
    name_nodes(net)
    init = scene.width_inits(width)
    runs = LockstepRuns(net, init, scene.runs[0].lr_for(scene.names_of(width)))
    stream = InterleavedStream(scene, runs.count)
    dead_at_init = units_off(init, width, scene.data_range).all(axis=1)
    tally = np.zeros((len(steps), len(OUTCOMES)), dtype=np.int64)
    for s, last_good in runs.to_snapshots(stream, steps, progress if counts else None):
        loss, std = evaluate(runs, x_in, t_in)
        code = outcomes(loss < scene.threshold, units_off(last_good, width, scene.data_range), dead_at_init,
                        std, scene.collapse_std)
        tally[s] = np.bincount(code, minlength=len(OUTCOMES))
    return {"counts": tally, "loss": loss, "outcome": code, "dead_at_init": dead_at_init,
            "diverged": runs.diverged_at}


def _jobs(scene: WidthSweepScene) -> list[tuple[int, str]]:
    """(width, activation) pairs, widest first and activations alternating: forked workers take every
    other job, so each gets about half of the work (a job's cost grows with its width)."""
    return [(w, a) for w in sorted(scene.widths, reverse=True) for a in scene.activations]


def rates_of(counts: np.ndarray, count: int) -> dict:
    """One width and activation's rates from its outcome counts: fitted and failure rates with their 95%
    CIs (render.record.stats), and the failures by cause."""
    out = rate(int(counts[0]), count)
    out["causes"] = {c: int(counts[k + 1]) for k, c in enumerate(CAUSES)}
    return out


def record_width_sweep(scene: WidthSweepScene, progress: SampleProgress | None = None, workers: int = 1,
                       meanwhile: Callable[[], None] | None = None) -> Snapshot:
    """Train every width with every activation in lockstep (in up to `workers` forked processes,
    `meanwhile()` running here) and keep what docs/snapshot-format.md lists."""
    template = scene.runs[0]
    steps = scene.schedule.steps(template.samples)
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    x_in, t_in = scene.eval_set(grid, target)
    widths, acts = list(scene.widths), list(scene.activations)
    jobs = _jobs(scene)
    first = {a: next(k for k, (_, b) in enumerate(jobs) if b == a) for a in acts}  # the widest: the slowest
    parts = map_runs(train_width, [(scene, w, a, steps, x_in, t_in, first[a] == k)
                                   for k, (w, a) in enumerate(jobs)], progress, meanwhile, workers)
    done = {job: part for job, part in zip(jobs, parts)}

    def each(key: str) -> np.ndarray:
        return np.stack([np.stack([done[(w, a)][key] for a in acts]) for w in widths])

    counts, count = each("counts"), scene.count
    dead = np.stack([done[(w, acts[0])]["dead_at_init"] for w in widths])
    p = dead_unit_probability(scene.data_range)
    info = {
        "widths": widths, "activations": acts, "count": count, "samples": template.samples,
        "lr": template.lr, "threshold": scene.threshold, "collapse_std": scene.collapse_std,
        "fitted_rule": f"mean |y − {scene.target_name}| on [{scene.data_range[0]:g}, "
                       f"{scene.data_range[1]:g}] < {scene.threshold:g}",
        "outcomes": list(OUTCOMES), "causes": list(CAUSES),
        "dead_unit_p": p, "all_dead_p": [p ** w for w in widths],
        "dead_at_init": [int(v) for v in dead.sum(axis=1)],
        "rates": {a: [rates_of(counts[i, j, -1], count) for i in range(len(widths))]
                  for j, a in enumerate(acts)},
        "diverged": {a: [int(np.sum(done[(w, a)]["diverged"] >= 0)) for w in widths] for a in acts},
        "inits": scene.describe_inits(), "data": scene.describe_data(),
    }
    meta = snapshot_meta(scene, "/".join(acts), {"nodes": [], "params": []}, [], kind=KIND,
                         width_sweep=info, axes={k: list(v) for k, v in WIDTH_AXES.items()})
    extra = {"width_counts": counts, "width_dead_at_init": dead.astype(np.int8),
             "width_loss": each("loss"), "width_outcome": each("outcome"),
             "width_diverged_at": each("diverged")}
    n_s, n_g = len(steps), grid.size
    return Snapshot(meta=meta, steps=steps, grid=grid, target=target, curves=np.zeros((0, n_s, 0, n_g)),
                    params=np.zeros((0, n_s, 0)), train_loss=np.zeros((0, n_s)),
                    eval_loss=np.zeros((0, n_s)), extra=extra)
