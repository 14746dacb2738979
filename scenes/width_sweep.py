"""`width_sweep`: how often one hidden layer of H units fails to fit x² on [0, 2], against H, and why.

The chapter's network has two hidden units; with Relu and a random init it "sometimes fails". This scene
asks how that changes with the width: for each H in `WIDTHS` and each of Relu and LeakyRelu, thousands of
seeded uniform(−1, 1) inits of `scenes.network.build_network((H,))` train in lockstep
(render/record/width_sweep.py), and every run that has not fitted at a snapshot is given one cause
(`CAUSES`, decided by `outcomes`).

The closed form drawn beside the measured Relu rate: a hidden unit is dead on the data at init when its
pre-activation w·x + b is <= 0 on the whole data range; with Relu its grads are then 0 for every sample,
for good. All H units dead means the output is the constant b_2 forever: the run cannot fit. So the
measured Relu failure rate cannot be below P(all H units dead at init) = p^H, where p is one unit's
probability (`dead_unit_probability`); a rate below that line beyond its confidence interval is a bug.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scenes.base import Net, Run, Scene, Schedule
from scenes.chapter import LOSSES, build
from scenes.network import Names, build_network
from scenes.sweeps import SeededInits, SweepScene

if TYPE_CHECKING:
    import numpy as np

#: the widths swept: 1 to 16 units, denser where the closed form p^H is still visible
WIDTHS = (1, 2, 3, 4, 6, 8, 12, 16)
#: why a run that has not fitted failed, in the order they are decided (`outcomes`); code k + 1 is CAUSES[k]
CAUSES = ("dead at init", "died in training", "collapsed", "one unit doing all the work", "other")
#: what a run is at a snapshot: code 0 fitted, else its cause
OUTCOMES = ("fitted", *CAUSES)
#: "collapsed": the output's standard deviation over the data range below this (x² on [0, 2] has 1.19)
COLLAPSE_STD = 0.05
#: samples each run trains, snapshots and grid points: chosen so that `render scene width_sweep` takes
#: under a minute on 2 cores (benchmarks/width_sweep.py measures it)
SAMPLES = 4000
FRAMES = 40
GRID_POINTS = 61


def dead_unit_probability(data_range: tuple[float, float] = (0.0, 2.0)) -> float:
    """P(one hidden unit is dead on the data at init), for w and b each uniform(−a, a), any a > 0, and a
    data range [0, h] with h >= 1: p = (2h + 1) / (8h), which is 5/16 = 0.3125 on the chapter's [0, 2].

    The unit is dead when w·x + b <= 0 for every x in [0, h]; the pre-activation is linear in x, so that is
    its two ends: b <= 0 and h·w + b <= 0. Write b = −u with u uniform(0, a), which has probability 1/2
    (b <= 0). Given u, the second condition is w <= u/h; since u/h <= a/h <= a, that is a share
    (a + u/h) / (2a) of w's range. Averaged over u (mean a/2): (a + a/(2h)) / (2a) = (1 + 1/(2h)) / 2.
    Times 1/2: p = (1 + 1/(2h)) / 4 = (2h + 1) / (8h); with h = 2, 5/16. The units' parameters are drawn
    independently, so all H units are dead with p^H.
    """
    lo, hi = data_range
    if lo != 0 or hi < 1:
        raise ValueError(f"the closed form is for a data range [0, h] with h >= 1, not [{lo:g}, {hi:g}]")
    return (2 * hi + 1) / (8 * hi)


def units_off(params: np.ndarray, width: int, data_range: tuple[float, float]) -> np.ndarray:
    """(R, H) bool: hidden unit j of run r has w·x + b <= 0 on the whole data range (with Relu: dead, its
    grads 0 for good; with LeakyRelu: off, in its 0.1 slope). `params` is (R, P) in update order, whose
    first 2H columns are the layer's weights then its biases (scenes.network's order)."""
    import numpy as np

    lo, hi = data_range
    w, b = params[:, :width], params[:, width:2 * width]
    return np.maximum(w * lo + b, w * hi + b) <= 0


def outcomes(fitted: np.ndarray, off: np.ndarray, dead_at_init: np.ndarray, output_std: np.ndarray,
             collapse_std: float = COLLAPSE_STD) -> np.ndarray:
    """The OUTCOMES code (int8) of each run: 0 when `fitted`, else the first cause that holds:

    1 dead at init (every unit off now, and at init), 2 died in training (every unit off now, not at init),
    3 collapsed (some unit on, but the output nearly constant: its std over the data range below
    `collapse_std`), 4 one unit doing all the work (exactly one unit on), 5 other (still fitting badly).
    `off` is (R, H) from `units_off`; the rest are (R,)."""
    import numpy as np

    on = (~off).sum(axis=1)
    cause = np.select([on == 0, output_std < collapse_std, on == 1], [np.where(dead_at_init, 1, 2), 3, 4], 5)
    return np.where(fitted, 0, cause).astype(np.int8)


@dataclass(frozen=True)
class WidthSweepScene(SweepScene):
    """A seeded sweep over the hidden layer's width: `count` inits per width and activation.

    Init rule (reproducible, and the same for both activations): width H draws
    `default_rng([init_seed, H]).uniform(low, high, (count, P))`, row r being run r's parameters in update
    order (P = 3H + 1), so fewer inits are the first rows of more. Data rule (every width and activation the
    same samples): one generator `default_rng(data_seed)` draws the samples by the scene's sample rule
    (`Scene.draw_samples`), n·count at a time, sample i of run r being draw i·count + r."""

    widths: tuple[int, ...] = WIDTHS
    collapse_std: float = COLLAPSE_STD

    def net_of(self, width: int, activation: str) -> Net:
        """A fresh graph of one hidden layer of `width` units (scenes.network), with the scene's loss."""
        return build_network((width,), activation, self.loss or "absolute")

    def names_of(self, width: int) -> list[str]:
        """The parameters of width `width`, in update order."""
        return Names((width,)).params()

    def width_inits(self, width: int) -> np.ndarray:
        """(count, 3·width + 1): every run's initial parameters at this width (the class says the rule)."""
        import numpy as np

        low, high = self.runs[0].init_range
        rng = np.random.default_rng([self.runs[0].init_seed or 0, width])
        return rng.uniform(low, high, (self.count, len(self.names_of(width))))

    def describe_inits(self) -> dict:
        lo, hi = self.runs[0].init_range
        return {"kind": "seeded", "range": [lo, hi], "seed": self.runs[0].init_seed or 0,
                "rule": "width H: default_rng([seed, H]).uniform(range[0], range[1], (count, 3H + 1)); row r "
                        "is run r's parameters in update order, the same for every activation",
                "text": f"seeded inits uniform({lo:g}, {hi:g})"}

    def describe_data(self) -> dict:
        return {"kind": "interleaved", "data_seed": self.runs[0].data_seed,
                "rule": "default_rng(data_seed) draws n·count samples at a time by the scene's sample rule; "
                        "sample i of run r is draw i·count + r, the same for every width and activation"}

    def with_network(self, *, hidden=None, target=None, points=None, points_name: str = "data",
                     data_range=None, x_range=None) -> Scene:
        """Another target or x range (the family's rule); not another width (it sweeps its own), data
        points or data range (the closed form is for [0, 2]): ValueError, one line."""
        if hidden is not None:
            raise ValueError(f"scene {self.name!r} sweeps the widths {', '.join(map(str, self.widths))} "
                             f"itself; --hidden is for the chapter's scenes (e.g. fig8 --hidden 3)")
        if points is not None or data_range is not None:
            raise ValueError(f"scene {self.name!r} compares with a closed form for the data range [0, 2]; "
                             f"--data and --data-range are for the chapter's scenes")
        return SweepScene.with_network(self, target=target, x_range=x_range)


def scenes() -> list[Scene]:
    compare = ("Relu", "LeakyRelu")
    templates = tuple(Run(f"{act} sweep", init_seed=0, data_seed=0, samples=SAMPLES) for act in compare)
    scene = WidthSweepScene(
        "width_sweep",
        "How often one hidden layer of 1 to 16 units fails to fit x², with Relu and with LeakyRelu "
        "(2000 seeded uniform(-1, 1) inits per width), why each failure failed, and the closed form "
        "p^H (p = 5/16) below which Relu's rate cannot go.",
        build, templates, (), Schedule("dense_early", frames=FRAMES),
        activation="Relu", activations=compare, inits=SeededInits(2000), grid_points=GRID_POINTS)
    return [dataclasses.replace(scene, losses=tuple(LOSSES))]
