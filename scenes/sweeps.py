"""Initialisation at scale: thousands of inits of the chapter's network, trained in lockstep.

The chapter ends on "initialisation decides how — and whether — the network fits": with plain Relu and
random init, training "sometimes succeeds and sometimes fails". These scenes measure it:

- `relu_vs_leakyrelu`: the same seeded uniform(−1, 1) inits and the same data streams, trained with
  Relu and with LeakyRelu; success rates with 95% CIs, fitting modes, the loss distribution over time.
- `init_basin`: a grid over (w_11, w_12), the other parameters at Fig 8's values; which inits fit, in
  which mode, and how fast. Fig 7 and Fig 8 are marked on it and recorded as named runs.

Both sweep any one hidden layer of H units (`--hidden H`, `SweepScene.with_network`): the fitting modes
are then `mode_names(H)` (the chapter's five names at H = 2, the same five codes and colours), and
init_basin's new units take Fig 8's roles where they have one and uniform(−1, 1) draws from
`default_rng(seed)` in update order otherwise (seed: the template run's init_seed, 0), which is what
`--hidden` gives Fig 7 and Fig 8's own runs, so their marks still mean them. A deeper net is refused: a
"fitting mode" is read off the first layer's lines, which only decide the fit when they feed the output.

A sweep scene is declarative like every scene; the recorder sees its type and trains it in lockstep.
`runs` holds one template run per activation: it carries samples, lr and the seeds, so the CLI's
overrides (`--steps`, `--lr`, `--seed`) apply unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scenes.base import SEED, Run, Scene, Schedule
from scenes.chapter import FIG7, FIG8, LOSSES, PANELS, build
from scenes.family import moved_run
from scenes.network import Names, check_hidden, family_width, hidden_from_params, translate
from scenes.network_panels import network_panels

if TYPE_CHECKING:
    import numpy as np

#: Fitting modes of the chapter's two-unit network, by code. A unit is "off" when its pre-activation
#: w·x + b is <= 0 on the whole data range: with Relu it is dead (its grads are 0 for good), with
#: LeakyRelu it is only in its 0.1 slope. With both units on, the signs of the first-layer slopes tell
#: Fig 8's mode (+ +) from Fig 7's (− −).
MODES = ("slopes + +", "slopes − −", "slopes + −", "one unit off", "both units off")
#: The same five codes for one hidden layer of any other width H: every unit on and every slope w_1j
#: positive, every one negative, the slopes of both signs (or a 0); some units off (1 to H − 1); all off.
WIDE_MODES = ("all slopes +", "all slopes −", "mixed slopes", "some units off", "all units off")

#: run r of a seeded sweep: init_seed = SEED_STRIDE·seed + r, data_seed = SEED_STRIDE·seed + DATA_OFFSET + r
SEED_STRIDE = 1_000_000
DATA_OFFSET = 500_000


def mode_names(width: int) -> tuple[str, ...]:
    """The names of the fitting-mode codes 0..4 for one hidden layer of `width` units: the chapter's own
    MODES at its width 2, else WIDE_MODES (the same rule, in words that hold for any H)."""
    return MODES if width == 2 else WIDE_MODES


def hidden_width(names: list[str]) -> int:
    """H of a one-hidden-layer network of the family from its parameter names (update order); ValueError
    for any other graph (the fitting modes are defined by the first layer's units feeding the output)."""
    hidden = hidden_from_params(names)
    if hidden is None or len(hidden) != 1:
        raise ValueError("fitting modes are defined for one hidden layer of the chapter's family "
                         f"(parameters w_11 … b_21), not for {', '.join(names[:4])}, …")
    return hidden[0]


def fitting_modes(params: np.ndarray, names: list[str], data_range: tuple[float, float]) -> np.ndarray:
    """The fitting-mode code (int8, `mode_names(H)`) of each row of `params` (R, P), for one hidden layer
    of H units (update order: the H weights w_1j, then the H biases b_1j first): 4 when every unit is off
    on the data range, 3 when some are, else 0/1/2 by the signs of the slopes (all +, all −, mixed)."""
    import numpy as np

    width = hidden_width(names)
    w, b = params[:, :width], params[:, width:2 * width]
    lo, hi = data_range
    n_off = (np.maximum(w * lo + b, w * hi + b) <= 0).sum(axis=1)
    slopes = np.where((w > 0).all(axis=1), 0, np.where((w < 0).all(axis=1), 1, 2))
    return np.where(n_off == width, 4, np.where(n_off >= 1, 3, slopes)).astype(np.int8)


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
    #: the parameters `others` drew rather than took from the scene (`moved`): a wider net's new units
    seeded: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return self.x[2] * self.y[2]

    def moved(self, source: tuple[int, ...], target: tuple[int, ...], seed: int | None,
              named: tuple[Run, ...]) -> GridInits:
        """This grid for network `target`: axes and other values renamed by role, the parameters left
        without a value drawn uniform(−1, 1) from `default_rng(seed)` (SEED when None) in update order,
        as `Run.initial_values` draws them; a mark kept only where a named run of its label (the label, or
        "label; …") starts at that cell: its axes' values and every other parameter equal."""
        names = Names(target).params()
        moved = [next(iter(translate({a: 0.0}, source, target)), None) for a in self.axes]
        if None in moved:
            raise ValueError(f"a map over ({', '.join(self.axes)}) needs both; --hidden "
                             f"{','.join(map(str, target))} has no {self.axes[moved.index(None)]}")
        axes = (moved[0], moved[1])
        given = translate(dict(self.others), source, target)
        others = Run("grid", init=given, init_seed=SEED if seed is None else seed).initial_values(names)
        marks = {}
        for label, (mx, my) in self.marks.items():
            for run in named:
                if run.label != label and not run.label.startswith(label + ";"):
                    continue
                start = run.initial_values(names)
                at = (start[axes[0]], start[axes[1]]) == (mx, my)
                if at and all(start[n] == v for n, v in others.items() if n not in axes):
                    marks[label] = (mx, my)
        seeded = tuple(n for n in names if n not in given)
        return dataclasses.replace(self, axes=axes, others=others, marks=marks, seeded=seeded)

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

    @property
    def modes(self) -> tuple[str, ...]:
        """The names of its fitting-mode codes (`mode_names` of its one hidden layer's width)."""
        return mode_names((family_width(self.build) or (2,))[0])

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
            out = {"kind": "grid", "axes": list(g.axes), "x": list(g.x), "y": list(g.y),
                   "others": dict(g.others), "marks": {k: list(v) for k, v in g.marks.items()},
                   "order": "run = j*nx + i for (axes[0] = x[i], axes[1] = y[j])",
                   "text": f"grid inits over ({g.axes[0]}, {g.axes[1]}) ({g.x[2]}×{g.y[2]})"}
            if g.seeded:  # (only then: the chapter's map records what it always did)
                out["seeded"] = {"names": list(g.seeded), "seed": self.runs[0].init_seed or 0,
                                 "rule": "Run(init=the others given, init_seed=seed).initial_values: "
                                         "uniform(range) per parameter from default_rng(seed), in update "
                                         "order, the given ones kept"}
            return out
        lo, hi = self.runs[0].init_range
        return {"kind": "seeded", "range": [lo, hi], "first_seed": self.init_seeds()[0],
                "rule": "run r: init_seed = first_seed + r; each parameter uniform(range), in update order",
                "text": f"seeded inits uniform({lo:g}, {hi:g})"}

    def describe_data(self) -> dict:
        if self.data == "per_run":
            return {"kind": "per_run", "first_seed": self.data_seeds()[0],
                    "rule": "run r: data_seed = first_seed + r; the same streams for every activation"}
        return {"kind": "shared", "data_seed": self.runs[0].data_seed}

    def with_network(self, *, hidden: tuple[int, ...] | None = None, target: object | None = None,
                     points: np.ndarray | None = None, points_name: str = "data",
                     data_range: tuple[float, float] | None = None,
                     x_range: tuple[float, float] | None = None) -> Scene:
        """The family's rule (scenes/family.py), and for another width H: the named runs moved as any run
        is, the panels of the new network, a grid's axes and other parameters moved by role with the new
        units seeded as those runs' are (the module's docstring), and a mark kept only where the cell's
        init is its run's. Two or more hidden layers: ValueError, one line."""
        if hidden is not None and len(check_hidden(hidden)) > 1:
            raise ValueError(f"scene {self.name!r} sweeps one hidden layer (its fitting modes are read off "
                             f"the first layer's units); give --hidden N, not {','.join(map(str, hidden))}")
        new = Scene.with_network(self, hidden=hidden, target=target, points=points, points_name=points_name,
                                 data_range=data_range, x_range=x_range)
        own, width = family_width(self.build), family_width(new.build)
        if width == own:
            return new
        named = tuple(moved_run(r, own, width) for r in self.named)
        changes: dict = {"named": named, "panels": network_panels(
            width, new.target_name, points=new.points is not None,
            target_name_zh=getattr(target, "name_zh", None))}
        if isinstance(self.inits, GridInits):
            try:
                changes["inits"] = self.inits.moved(own, width, self.runs[0].init_seed, named)
            except ValueError as e:
                raise ValueError(f"scene {self.name!r}: {e} (give --hidden 2 or more)") from None
        return dataclasses.replace(new, **changes)



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
