"""The lockstep engine: one graph trains R independent runs at once, for the sweep scenes.

Every parameter holds an (R, 1) array, one row per run; each step sets x (and the label) to an (R, 1)
array — each run its own sample — or to one float shared by every run. Ops broadcast, and every grad
is reduced back to its parameter's (R, 1) shape, so the rows never mix: row r follows exactly the
tutorial's scalar loop for run r (get_grad then update, per parameter in order, grads cached within a
step), bit for bit. Python's per-sample cost is paid once for all R runs, never R times.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from ourdl.core import train_step
from render.record.net_snapshot import BLOWUP
from scenes import Net, Scene
from scenes.base import draw_samples

__all__ = ["LockstepRuns", "PerRunStream", "SharedStream"]

#: rows of runs evaluated over the grid at once (bounds the memory of an evaluation)
EVAL_BLOCK = 1024


# ------------------------------------------------------------------------------------------- data streams


class PerRunStream:
    """Each run its own stream: run r draws its samples from `default_rng(seeds[r])` by the one sample
    rule, `scenes.base.draw_samples`: x ~ uniform(low, high) labelled by `target`, or, given `points`,
    the points it picks (`scenes.points`).

    The numbers are exactly `Scene.samples(Run(data_seed=seeds[r]))`'s (a generator's draws do not depend
    on how they are chunked, nor a numpy function's values on the array around them), produced a chunk
    at a time so memory stays (chunk, R).
    """

    def __init__(self, seeds: list[int], low: float, high: float, target: Callable, points=None):
        self.gens = [np.random.default_rng(s) for s in seeds]
        self.range, self.target, self.points = (low, high), target, points
        # a generator call costs microseconds: draw long chunks, within ~32 MB per chunk array
        self.chunk = max(64, min(4096, 2**22 // max(len(seeds), 1)))

    @classmethod
    def of(cls, scene: Scene, seeds: list[int]) -> PerRunStream:
        """The streams of runs with data seeds `seeds` of `scene` (its data range, target or points)."""
        return cls(seeds, *scene.data_range, scene.target, scene.points)

    def take(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The next n samples: xs and labels of shape (n, R, 1), so xs[i] is one step's (R, 1)."""
        drawn = [draw_samples(g, n, self.range, self.target, self.points) for g in self.gens]
        return (np.stack([d[0] for d in drawn], axis=1)[..., None],
                np.stack([d[1] for d in drawn], axis=1)[..., None])


class SharedStream:
    """One stream for every run: the floats of one run's samples (`Scene.samples`), shared by all rows."""

    chunk = 4096

    def __init__(self, xs: list[float], target: Callable | None = None, ys: list[float] | None = None):
        self.xs, self.pos = xs, 0
        self.ys = ys if ys is not None else np.asarray(target(np.asarray(xs))).tolist()

    def take(self, n: int) -> tuple[list[float], list[float]]:
        a, self.pos = self.pos, self.pos + n
        return self.xs[a:self.pos], self.ys[a:self.pos]


# ------------------------------------------------------------------------------------------- the engine


class LockstepRuns:
    """R runs of one built graph, in lockstep: parameters are (R, 1) arrays. `lr` is one learning rate
    for every parameter or one per parameter, in update order (`Run.lr_for`)."""

    def __init__(self, net: Net, init: np.ndarray, lr: float | Sequence[float]) -> None:
        self.net, self.lr = net, lr
        self.lrs = [lr] * len(net.params) if np.isscalar(lr) else [float(v) for v in lr]
        if len(self.lrs) != len(net.params):
            raise ValueError(f"{len(self.lrs)} learning rates for {len(net.params)} parameters")
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
        lrs = self.lrs
        if self.frozen.any():
            lrs = [np.where(self.frozen, 0.0, lr)[:, None] for lr in self.lrs]
        while n > 0:
            m = min(n, stream.chunk)
            xs, ys = stream.take(m)
            n -= m
            for xv, yv in zip(xs, ys):
                x.set_value(xv)
                label.set_value(yv)
                train_step(loss, params, lrs)

    def to_snapshots(self, stream, steps, progress: Callable[[int], None] | None = None
                     ) -> Iterator[tuple[int, np.ndarray]]:
        """Train up to each of `steps` in turn, freezing the runs that diverged on the way, and yield
        (snapshot index, every run's parameters there): the loop every sweep recorder runs."""
        seen, last_good = 0, self.params()
        for s, step in enumerate(steps):
            if step > seen:
                self.train(stream, int(step) - seen)
                if progress:
                    progress(int(step) - seen)
                seen = int(step)
                self.freeze_diverged(last_good, seen)
            last_good = self.params()
            yield s, last_good

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
