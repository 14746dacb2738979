"""Initialisation at scale: thousands of inits of the chapter's network, trained in lockstep.

The chapter ends on "initialisation decides how — and whether — the network fits": with plain Relu and
random init, training "sometimes succeeds and sometimes fails". These scenes measure it:

- `relu_vs_leakyrelu`: the same seeded uniform(−1, 1) inits and the same data streams, trained with
  Relu and with LeakyRelu; success rates with 95% CIs, fitting modes, the loss distribution over time.
- `init_basin`: a grid over (w_11, w_12), the other parameters at Fig 8's values; which inits fit, in
  which mode, and how fast. Fig 7 and Fig 8 are marked on it and recorded as named runs.

A sweep scene is declarative like every scene; the recorder sees its type and trains it in lockstep.
`runs` holds one template run per activation: it carries samples, lr and the seeds, so the CLI's
overrides (`--steps`, `--lr`, `--seed`) apply unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scenes.base import Run, Scene, Schedule
from scenes.chapter import FIG7, FIG8, LOSSES, PANELS, build

if TYPE_CHECKING:
    import numpy as np

#: Fitting modes of the chapter's two-unit network, by code. A unit is "off" when its pre-activation
#: w·x + b is <= 0 on the whole data range: with Relu it is dead (its grads are 0 for good), with
#: LeakyRelu it is only in its 0.1 slope. With both units on, the signs of the first-layer slopes tell
#: Fig 8's mode (+ +) from Fig 7's (− −).
MODES = ("slopes + +", "slopes − −", "slopes + −", "one unit off", "both units off")

#: run r of a seeded sweep: init_seed = SEED_STRIDE·seed + r, data_seed = SEED_STRIDE·seed + DATA_OFFSET + r
SEED_STRIDE = 1_000_000
DATA_OFFSET = 500_000


def fitting_modes(params: np.ndarray, names: list[str], data_range: tuple[float, float]) -> np.ndarray:
    """The MODES code (int8) of each row of `params` (R, P), for the chapter's graph."""
    import numpy as np

    col = {n: params[:, names.index(n)] for n in ("w_11", "w_12", "b_11", "b_12")}
    lo, hi = data_range

    def off(w: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.maximum(w * lo + b, w * hi + b) <= 0

    n_off = off(col["w_11"], col["b_11"]).astype(int) + off(col["w_12"], col["b_12"])
    w1, w2 = col["w_11"], col["w_12"]
    slopes = np.where((w1 > 0) & (w2 > 0), 0, np.where((w1 < 0) & (w2 < 0), 1, 2))
    return np.where(n_off == 2, 4, np.where(n_off == 1, 3, slopes)).astype(np.int8)


@dataclass(frozen=True)
class SeededInits:
    """`count` inits, each uniform(init_range) per parameter from its own seed (as `Run.init_seed`)."""

    count: int = 2000


@dataclass(frozen=True)
class GridInits:
    """A grid over two parameters; the others fixed. Run index = j·nx + i for (x[i], y[j])."""

    axes: tuple[str, str] = ("w_11", "w_12")
    x: tuple[float, float, int] = (-1.0, 1.0, 81)
    y: tuple[float, float, int] = (-1.0, 1.0, 81)
    others: Mapping[str, float] = field(default_factory=lambda: dict(FIG8))
    marks: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.x[2] * self.y[2]

    def values(self, names: list[str]) -> np.ndarray:
        import numpy as np

        xs, ys = np.linspace(*self.x), np.linspace(*self.y)
        gx, gy = np.meshgrid(xs, ys)  # (ny, nx): rows are y
        out = np.array([[self.others[n] for n in names]] * self.count, dtype=float)
        out[:, names.index(self.axes[0])] = gx.ravel()
        out[:, names.index(self.axes[1])] = gy.ravel()
        return out


@dataclass(frozen=True)
class SweepScene(Scene):
    """A scene recorded by the lockstep recorder: many inits × one or more activations."""

    activations: tuple[str, ...] = ("Relu", "LeakyRelu")
    inits: SeededInits | GridInits = field(default_factory=SeededInits)
    data: str = "per_run"  # each run its own data stream, or "shared": one stream for every run
    threshold: float = 0.2  # fitted: final mean |y − target| on the data range below this
    store_maps: bool = False  # keep every run's loss and mode at every snapshot (map scenes)
    named: tuple[Run, ...] = ()  # runs recorded in full beside the sweep (e.g. Fig 7, Fig 8)

    @property
    def count(self) -> int:
        return self.inits.count

    def with_count(self, count: int) -> SweepScene:
        """The same sweep with `count` seeded inits (or a grid of about `count` cells)."""
        if isinstance(self.inits, SeededInits):
            return dataclasses.replace(self, inits=SeededInits(count))
        n = max(2, round(count ** 0.5))
        return dataclasses.replace(self, inits=dataclasses.replace(
            self.inits, x=(*self.inits.x[:2], n), y=(*self.inits.y[:2], n)))

    def init_seeds(self) -> list[int]:
        base = SEED_STRIDE * (self.runs[0].init_seed or 0)
        return [base + r for r in range(self.count)]

    def data_seeds(self) -> list[int]:
        base = SEED_STRIDE * self.runs[0].data_seed + DATA_OFFSET
        return [base + r for r in range(self.count)]

    def describe_inits(self) -> dict:
        if isinstance(self.inits, GridInits):
            g = self.inits
            return {"kind": "grid", "axes": list(g.axes), "x": list(g.x), "y": list(g.y),
                    "others": dict(g.others), "marks": {k: list(v) for k, v in g.marks.items()},
                    "order": "run = j*nx + i for (axes[0] = x[i], axes[1] = y[j])",
                    "text": f"grid inits over ({g.axes[0]}, {g.axes[1]}) ({g.x[2]}×{g.y[2]})"}
        lo, hi = self.runs[0].init_range
        return {"kind": "seeded", "range": [lo, hi], "first_seed": self.init_seeds()[0],
                "rule": "run r: init_seed = first_seed + r; each parameter uniform(range), in update order",
                "text": f"seeded inits uniform({lo:g}, {hi:g})"}

    def describe_data(self) -> dict:
        if self.data == "per_run":
            return {"kind": "per_run", "first_seed": self.data_seeds()[0],
                    "rule": "run r: data_seed = first_seed + r; the same streams for every activation"}
        return {"kind": "shared", "data_seed": self.runs[0].data_seed}


def _templates(activations: tuple[str, ...], samples: int, data_seed: int = 0) -> tuple[Run, ...]:
    return tuple(Run(f"{act} sweep", init_seed=0, data_seed=data_seed, samples=samples)
                 for act in activations)


def scenes() -> list[Scene]:
    marks = {"Fig 7": (FIG7["w_11"], FIG7["w_12"]), "Fig 8": (FIG8["w_11"], FIG8["w_12"])}
    fig7, fig8 = Run("Fig 7", init=FIG7), Run("Fig 8", init=FIG8)
    compare = ("Relu", "LeakyRelu")
    sweeps = [
        SweepScene(
            "relu_vs_leakyrelu",
            "2000 seeded uniform(-1, 1) inits trained with Relu and with LeakyRelu on the same data: "
            "how often each fits x², and in which mode.",
            build, _templates(compare, 12_000), PANELS, Schedule("dense_early", frames=150, marks=(1500,)),
            activation="Relu", activations=compare, inits=SeededInits(2000)),
        SweepScene(
            "init_basin",
            "A map of inits over (w_11, w_12), the rest at Fig 8's values: final loss and fitting mode "
            "of every cell, Fig 7 and Fig 8 marked.",
            build, _templates(("LeakyRelu",), 12_000), PANELS,
            Schedule("dense_early", frames=120, marks=(1500,)),
            activations=("LeakyRelu",), inits=GridInits(marks=marks), data="shared", store_maps=True,
            named=(fig7, fig8)),
    ]
    return [dataclasses.replace(scene, losses=tuple(LOSSES)) for scene in sweeps]
