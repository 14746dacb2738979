"""How much faster is training R inits in lockstep than looping the scalar graph over them?

Both sides do the same work per run: draw its init (uniform(-1, 1) from its seed) and its data stream
(uniform(0, 2) from its seed), then run the tutorial's per-sample loop for SAMPLES samples. The
lockstep side trains all R runs in one graph with (R, 1) parameters; the scalar side trains a sample of
the inits one after another on plain floats and is extrapolated to R. Goal: at least 100x.

    python benchmarks/sweep_speed.py [--runs 10000] [--samples 1500] [--scalar-runs 40]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from render.record.lockstep import LockstepRuns, PerRunStream
from render.record.runs import _train
from render.record.sweep import seeded_inits
from scenes import Run
from scenes.chapter import PARAMS, build

GOAL = 100.0


def _init(seeds: list[int]) -> np.ndarray:
    return seeded_inits(seeds, list(PARAMS), (-1.0, 1.0))


def lockstep(runs: int, samples: int, activation: str) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    seeds = list(range(runs))
    lock = LockstepRuns(build(activation), _init(seeds), 0.01)
    lock.train(PerRunStream([1_000_000 + s for s in seeds], 0.0, 2.0, lambda x: x * x), samples)
    return time.perf_counter() - start, lock.params()


def scalar(runs: int, samples: int, activation: str) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    finals = []
    for s, init in zip(range(runs), _init(list(range(runs)))):
        net = build(activation)
        for p, v in zip(net.params, init):
            p.set_value(float(v))
        xs = Run("", data_seed=1_000_000 + s, samples=samples).data()
        _train(net, xs, [x * x for x in xs], 0.01)
        finals.append([p.value for p in net.params])
    return time.perf_counter() - start, np.array(finals)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--samples", type=int, default=1500)
    ap.add_argument("--scalar-runs", type=int, default=40, help="inits trained on the scalar path")
    ap.add_argument("--activation", default="Relu")
    args = ap.parse_args()

    t_lock, p_lock = lockstep(args.runs, args.samples, args.activation)
    t_scalar, p_scalar = scalar(args.scalar_runs, args.samples, args.activation)
    same = np.array_equal(p_lock[:args.scalar_runs], p_scalar)
    t_scalar_all = t_scalar / args.scalar_runs * args.runs
    per_sample = t_scalar / (args.scalar_runs * args.samples) * 1e6
    ratio = t_scalar_all / t_lock
    print(f"{args.runs} inits x {args.samples} samples, {args.activation}:")
    print(f"  lockstep (one graph, ({args.runs}, 1) parameters): {t_lock:8.2f} s "
          f"({t_lock / args.samples * 1e6:.0f} us per step for all runs)")
    print(f"  scalar loop, extrapolated from {args.scalar_runs} inits:  {t_scalar_all:8.2f} s "
          f"({per_sample:.1f} us per sample per run)")
    print(f"  ratio: {ratio:.0f}x (goal >= {GOAL:.0f}x: {'met' if ratio >= GOAL else 'NOT met'}); "
          f"final parameters of the {args.scalar_runs} shared inits identical: {same}")


if __name__ == "__main__":
    main()
