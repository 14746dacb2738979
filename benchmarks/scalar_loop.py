"""Is the scalar training loop as fast as before? The chapter's per-sample loop, old package vs new.

The loop is the article's: the Fig 8 graph (2 hidden LeakyRelu units, ValueLoss), 1500 samples of
x ~ uniform(0, 2) as plain Python floats, per sample `loss.forward()`, `get_grad()` then `update(0.01)`
for each parameter in order, `loss.clear()`. The recorders run the same step through
`ourdl.core.train_step`, timed as a second line.

Both packages are timed in the same run, side by side: the baseline is `ourdl/` as committed at
`--baseline` (extracted with `git archive` into a temporary folder), the current one is this checkout.
Each measurement runs in a fresh interpreter; rounds alternate baseline and current so drift on the
machine hits both alike; a line's figure is its best repeat. Time is the worker's CPU time
(`time.process_time`) unless `--clock wall`: on a shared machine, time spent descheduled is not the
loop's. Both must end with bit-identical
parameters, or the script says so and exits non-zero.

A third line times the same graph built from op classes written the tutorial's way (a `Node` subclass
with `compute(self)` setting `self.value` and `get_parent_grad(self, parent)`), current package only:
that protocol's own cost, for information.

    python benchmarks/scalar_loop.py [--baseline REV] [--rounds 5] [--repeats 5] [--samples 1500]
                                     [--clock cpu|wall]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the last commit before ourdl learnt the tutorial's extension protocol (issue 17)
BASELINE = "bcc3a40"

FIG8 = [-0.1571950013426796, -0.1070365984042347, 0.3791639008324807, 0.31960284774415215,
        0.4263410176300597, 0.5097967360623379, 0.7597168751185974]


# ------------------------------------------------------------------ worker: runs inside one interpreter


def _tutorial_style_ops():
    """LeakyRelu and ValueLoss as a reader of the series would add them (the tutorial's protocol)."""
    from ourdl.core import Node

    class TLeakyRelu(Node):
        def compute(self):
            t = self.parents[0].value
            self.value = t if t >= 0 else t * 0.1

        def get_parent_grad(self, parent):
            return 1.0 if self.parents[0].value > 0 else 0.1

    class TValueLoss(Node):
        def compute(self):
            d = self.parents[0].value - self.parents[1].value
            self.flag = d > 0
            self.value = d if self.flag else -d

        def get_parent_grad(self, parent):
            a = 1 if self.flag else -1
            return a if parent is self.parents[0] else -a

    return TLeakyRelu, TValueLoss


def _build(style: str):
    from ourdl.core import Graph, Varrible
    from ourdl.ops import Add, LeakyRelu, Mul
    from ourdl.ops.loss import ValueLoss

    act, loss_cls = (LeakyRelu, ValueLoss) if style == "builtin" else _tutorial_style_ops()
    with Graph().as_default():
        x, label = Varrible(), Varrible()
        params = [Varrible(train=True) for _ in range(7)]
        w_11, w_12, b_11, b_12, w_21, w_22, b_21 = params
        h_1 = act(Add([Mul(x, w_11), b_11]))
        h_2 = act(Add([Mul(x, w_12), b_12]))
        out = Add([Mul(h_1, w_21), Mul(h_2, w_22), b_21])
        loss = loss_cls([label, out])
    return x, label, loss, params


def _time_loop(loop: str, style: str, xs: list[float], repeats: int, clock) -> tuple[float, list[float]]:
    x, label, loss, params = _build(style)
    ys = [v * v for v in xs]
    if loop == "train_step":
        from ourdl.core import train_step

        lrs = [0.01] * len(params)

        def run() -> None:
            for xv, yv in zip(xs, ys):
                x.set_value(xv)
                label.set_value(yv)
                train_step(loss, params, lrs)
    else:
        def run() -> None:
            for xv, yv in zip(xs, ys):
                x.set_value(xv)
                label.set_value(yv)
                loss.forward()
                for p in params:
                    p.get_grad()
                    p.update(0.01)
                loss.clear()

    best = float("inf")
    for _ in range(repeats):
        for p, v in zip(params, FIG8):
            p.set_value(v)
        start = clock()
        run()
        best = min(best, clock() - start)
    return best / len(xs) * 1e6, [p.value for p in params]


def worker(args: argparse.Namespace) -> None:
    import random

    import ourdl

    rng = random.Random(0)
    xs = [rng.uniform(0.0, 2.0) for _ in range(args.samples)]
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    us, final = _time_loop(args.loop, args.style, xs, args.repeats, clock)
    print(json.dumps({"us": us, "final": final, "module": ourdl.__file__}))


# ------------------------------------------------------------------ driver


def _extract(rev: str, into: Path) -> Path:
    """`ourdl/` as committed at `rev`, unpacked under `into`."""
    archive = into / "ourdl.tar"
    with archive.open("wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "ourdl"], stdout=f, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def _measure(path: Path, loop: str, style: str, args: argparse.Namespace) -> dict:
    env = {**os.environ, "PYTHONPATH": str(path)}
    cmd = [sys.executable, __file__, "--worker", "--loop", loop, "--style", style,
           "--samples", str(args.samples), "--repeats", str(args.repeats), "--clock", args.clock]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=path)
    result = json.loads(out.stdout)
    if not Path(result["module"]).is_relative_to(path):
        raise SystemExit(f"scalar_loop: expected ourdl from {path}, got {result['module']}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default=BASELINE, help="git revision of the package to compare with")
    ap.add_argument("--rounds", type=int, default=5, help="alternating baseline/current measurements")
    ap.add_argument("--repeats", type=int, default=5, help="timed loops per measurement (best is kept)")
    ap.add_argument("--samples", type=int, default=1500)
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="process CPU time or wall time")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--loop", default="tutorial", help=argparse.SUPPRESS)
    ap.add_argument("--style", default="builtin", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return

    with tempfile.TemporaryDirectory() as tmp:
        base = _extract(args.baseline, Path(tmp))
        lines = [("baseline", base, "tutorial"), ("current", ROOT, "tutorial"),
                 ("baseline", base, "train_step"), ("current", ROOT, "train_step")]
        best: dict[tuple[str, str], float] = {}
        finals: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for who, path, loop in lines:
                r = _measure(path, loop, "builtin", args)
                best[who, loop] = min(best.get((who, loop), float("inf")), r["us"])
                finals[who, loop] = r["final"]
        try:
            tutorial_ops = min(_measure(ROOT, "tutorial", "tutorial_ops", args)["us"]
                               for _ in range(args.rounds))
        except subprocess.CalledProcessError:
            tutorial_ops = None

    print(f"Fig 8 graph, {args.samples} float samples, best of {args.rounds}x{args.repeats}, "
          f"{args.clock} time per sample (baseline = {args.baseline}):")
    print(f"{'loop':<26}{'baseline':>12}{'current':>12}{'current/baseline':>19}")
    for loop, title in (("tutorial", "tutorial's loop"), ("train_step", "train_step (recorders)")):
        b, c = best["baseline", loop], best["current", loop]
        print(f"{title:<26}{b:>9.2f} µs{c:>9.2f} µs{c / b:>18.3f}x")
    if tutorial_ops is None:
        print("tutorial-style op classes: this package cannot train them")
    else:
        print(f"{'tutorial-style op classes':<26}{'':>12}{tutorial_ops:>9.2f} µs"
              f"{tutorial_ops / best['current', 'tutorial']:>18.3f}x of built-ins")
    same = all(finals["baseline", loop] == finals["current", loop] for loop in ("tutorial", "train_step"))
    print(f"final parameters bit-identical, baseline vs current: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
