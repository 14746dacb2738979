"""The lab's init-basin map: where each (w_11, w_12) start ends up, precomputed by the lockstep engine.

The same experiment as the `init_basin` sweep scene (scenes/sweeps.py), at the lab's default run: a grid
over the first two parameters, every other parameter at the default run's value, one shared data
stream, trained in lockstep (render.record.lockstep, bit for bit the scalar loop) and checked for
divergence at the scene's snapshot steps as the sweep recorder does. The page gets each cell's final
evaluation loss (float32) and fitting mode (int8); a click sets the two inits to the cell's exact centre,
so training there in the page reproduces the cell.

Any network of the family with one hidden layer of 2 or more units has a map (its first two weights,
w_11 and w_12, or w_1_1 and w_1_2 from 10 units on; the fitting modes of scenes.sweeps for its width),
on any target or data points (the run's own samples, the evaluation loss on the scene's evaluation set).

The grid is coarse on purpose: 41 x 41 (cells 0.05 wide over [-1, 1]^2) costs ~4 s of training here and
~10 KB of page; the lockstep cost is per sample, not per run, so a finer grid is mostly page size.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from render.record.lockstep import LockstepRuns, SharedStream
from render.record.runs import name_nodes
from scenes import Run, Scene
from scenes.sweeps import fitting_modes, hidden_width, mode_names

#: cells per side of the lab's map
MAP_SIZE = 41
#: the map's extent on both axes, as the init_basin scene's
MAP_RANGE = (-1.0, 1.0)
def map_width(names: list[str]) -> int | None:
    """The hidden width of a one-layer network of the family with 2+ units (the fitting modes are defined
    for it, and its first two weights are the map's axes), else None."""
    try:
        width = hidden_width(list(names))
    except ValueError:
        return None
    return width if width >= 2 else None


def supports_map(names: list[str]) -> bool:
    """Whether the graph is one hidden layer of the family with 2 or more units."""
    return map_width(names) is not None


def basin_map(scene: Scene, run: Run, size: int = MAP_SIZE, threshold: float = 0.2) -> dict:
    """Train a size x size grid of inits over (w_11, w_12) in lockstep; per cell the final loss and mode.

    Cell (i, j) (x = w_11 index i, y = w_12 index j) is row j*size + i, as scenes.sweeps.GridInits orders
    runs. The other parameters take `run`'s initial values; data (the scene's samples: its target on its
    data range, or its points), learning rates and samples are `run`'s.
    """
    if size < 2:
        raise ValueError("the map needs at least 2 cells per side")
    net = scene.net()
    name_nodes(net)
    names = [p.name for p in net.params]
    width = map_width(names)
    if width is None:
        raise ValueError(f"scene {scene.name!r}: the map needs one hidden layer of 2 or more units "
                         f"(parameters w_11, w_12, …), not {', '.join(names[:3])}, …")
    base = run.initial_values(names)
    axis = np.linspace(*MAP_RANGE, size)
    gx, gy = np.meshgrid(axis, axis)  # (y, x): rows are w_12
    init = np.array([[base[n] for n in names]] * (size * size), dtype=float)
    init[:, 0], init[:, 1] = gx.ravel(), gy.ravel()

    runs = LockstepRuns(net, init, run.lr_for(names))
    xs, ys = scene.samples(run)
    stream = SharedStream(xs, ys=ys)
    seen, last_good = 0, init
    for step in scene.schedule.steps(run.samples):  # divergence checked where the sweep recorder checks it
        if step > seen:
            runs.train(stream, int(step) - seen)
            seen = int(step)
            runs.freeze_diverged(last_good, seen)
        last_good = runs.params()
    grid = scene.grid()
    loss = runs.eval_loss(*scene.eval_set(grid, np.asarray(scene.target(grid), dtype=float)))
    modes = fitting_modes(last_good, names, scene.data_range)
    return {
        "axes": names[:2], "range": list(MAP_RANGE), "size": size,
        "others": {n: base[n] for n in names[2:]},
        "activation": scene.activation, "lr": run.lr, "samples": run.samples,
        "data_seed": run.data_seed, "threshold": threshold,
        "loss": loss.astype(np.float32), "mode": modes.astype(np.int8),
        "diverged": int(np.sum(runs.diverged_at >= 0)), "modes": list(mode_names(width)),
    }


def default_run(scene: Scene) -> Run:
    """The run the lab opens with: the scene's first, with its initial values made explicit."""
    run = scene.runs[0]
    net = scene.net()
    name_nodes(net)
    init = run.initial_values([p.name for p in net.params])
    return dataclasses.replace(run, init=init, init_seed=None)
