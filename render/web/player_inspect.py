"""What the player's "Inspect this sample" needs: each run's sample (x, label) at each snapshot.

The recording holds the parameters after s updates at snapshot s, so the step-through's step s (the page's
src/backprop_at.js, in ourdl's order) needs only sample s: its x and label. They are regenerated here, at
page-writing time, from the meta exactly as the recorder drew them (`scenes.base.draw_samples` from the run's
data seed: the target, or every data point), so the page carries no trainer and no data generator.

Only where that is exact: a graph the page computes, a data seed (not a `Recorder`'s own loop or a
TorchRecorder's), and every data point or a target whose values on the grid are the recorded target's, bit
for bit (its `--target` text, a named target of its name, the scene's own or x²). Anything else: None, and
the player shows no button.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from render.record.snapshot import Snapshot
from render.web.build import b64
from render.web.player_data import computable
from scenes import Run, registered_scene
from scenes.base import draw_samples, square
from scenes.points import Points
from scenes.targets import recorded_targets

#: xs, labels of a run's `n` samples from its data seed
Stream = Callable[[int, int], tuple[np.ndarray, np.ndarray]]


def _targets(meta: dict) -> list[Callable]:
    """The target functions the recording may have been labelled by, most specific first: its `--target`
    text, a named target of its name, its registered scene's, a scene's default (x²)."""
    out: list[Callable] = [t.fn for t in recorded_targets(meta.get("target_expr"), meta.get("target_name"))]
    try:  # a registered scene only: a recording never makes this load a file it names
        out.append(registered_scene(str(meta.get("scene", ""))).target)
    except KeyError:
        pass
    return [*out, square]


def data_stream(snapshot: Snapshot) -> Stream | None:
    """How the recorder drew a run's samples from its seed (the scene's one rule), or None where the file
    does not say it exactly."""
    meta = snapshot.meta
    lo, hi = (float(v) for v in meta.get("data_range", (0.0, 2.0)))
    points = meta.get("points")
    if points is not None:
        if meta.get("points_count", len(points)) != len(points):
            return None  # the file keeps only some of the points training picked from
        kept = Points(np.asarray(points, dtype=float))
        return lambda seed, n: draw_samples(np.random.default_rng(seed), n, (lo, hi), None, kept)
    for target in _targets(meta):
        with np.errstate(all="ignore"):
            got = np.asarray(target(np.asarray(snapshot.grid, dtype=float)), dtype=float)
        if got.shape == snapshot.target.shape and np.array_equal(got, snapshot.target, equal_nan=True):
            return lambda seed, n, f=target: draw_samples(np.random.default_rng(seed), n, (lo, hi), f)
    return None


def inspect_data(snapshot: Snapshot) -> dict | None:
    """Per run: its label as recorded, length, rate and one rate a parameter (frozen ones 0: `Run.lr_for`),
    the last sample it can show (before its end or divergence), and `xy`: (runs, snapshots, 2) float64, the
    x and label of each snapshot's sample (NaN past that last sample). None where it would not be exact."""
    meta = snapshot.meta
    if snapshot.kind != "runs" or not computable(meta) or meta.get("torch") or not meta.get("loss") \
            or not meta.get("label"):
        return None
    runs = meta["runs"]
    if any(r.get("data_seed") is None for r in runs):
        return None
    stream = data_stream(snapshot)
    if stream is None:
        return None
    steps = np.asarray(snapshot.steps, dtype=np.int64)
    names = list(meta["params"])
    xy = np.full((len(runs), len(steps), 2), np.nan)
    out = []
    for k, r in enumerate(runs):
        samples, diverged = int(r["samples"]), r.get("diverged_at")
        last = min(samples, samples if diverged is None else int(diverged)) - 1
        xs, ys = stream(int(r["data_seed"]), samples)
        shown = steps <= last
        xy[k, shown, 0], xy[k, shown, 1] = xs[steps[shown]], ys[steps[shown]]
        run = Run(str(r["label"]), lr=float(r["lr"]), lrs=r.get("lrs"), frozen=tuple(r.get("frozen", ())))
        out.append({"label": run.label, "samples": samples, "last": last, "lr": run.lr,
                    "lrs": run.lr_for(names)})
    return {"runs": out, "xy": b64(xy)}
