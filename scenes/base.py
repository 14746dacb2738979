"""What a scene is: data (runs, schedule, panels) plus one build hook that makes the graph.

Scenes are frozen dataclasses so a CLI override (`--lr`, `--steps`, ...) makes a new scene with
`dataclasses.replace` instead of mutating the registry's.

Describing a scene imports neither numpy nor ourdl (the methods that compute import numpy when called):
`render list` only reads names and descriptions, and should not pay ~45 ms for numpy to do it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scenes.family import SEED, with_network
from scenes.net import Net
from scenes.panel import Panel

if TYPE_CHECKING:
    import numpy as np

    from scenes.points import Points

__all__ = ["SEED", "Net", "Panel", "Run", "Scene", "Schedule", "draw_samples", "square"]


@dataclass(frozen=True)
class Run:
    """One training run: where it starts, what data it sees, how long and how fast it learns."""

    label: str
    init: Mapping[str, float] | None = None  # explicit parameter values, by node name
    init_seed: int | None = None  # otherwise uniform(*init_range) from this seed (with init: those it lacks)
    init_range: tuple[float, float] = (-1.0, 1.0)
    data_seed: int = 0
    samples: int = 1500
    lr: float = 0.01
    #: values that replace some of the above (`--init w_11=0.2`); the other parameters keep theirs
    init_override: Mapping[str, float] | None = None
    #: a learning rate per parameter, by name (the adaline's 0.05 for w, 0.1 for b); the others take `lr`
    lrs: Mapping[str, float] | None = None
    #: parameters that keep their initial value (learning rate 0 whatever `lr`, `lrs` or `--lr` say): a
    #: unit with its weights and bias frozen at 0 adds exactly 0 to the output, so a wider graph trains
    #: bit for bit as the narrower one (scenes/side_by_side.py: networks of several widths on one timeline)
    frozen: tuple[str, ...] = ()

    def lr_for(self, names: Sequence[str]) -> list[float]:
        """One learning rate per parameter of `names` (update order): 0 when frozen, else its own in
        `lrs`, else `lr`."""
        own = dict(self.lrs or {})
        unknown = [n for n in [*own, *self.frozen] if n not in names]
        if unknown:
            raise ValueError(f"run {self.label!r}: a learning rate for {', '.join(unknown)}, which is not a "
                             f"parameter (the parameters are {', '.join(names)})")
        return [0.0 if n in self.frozen else float(own.get(n, self.lr)) for n in names]

    def initial_values(self, names: list[str]) -> dict[str, float]:
        """Each parameter's start: `init_override`, else `init`, else a uniform(init_range) draw from
        `default_rng(init_seed)` (SEED when neither is set). Every name is drawn, in update order, so a
        value given moves no other. Without a seed, `init` must name every parameter."""
        override = dict(self.init_override or {})
        unknown = [n for n in override if n not in names]
        if unknown:
            raise ValueError(f"run {self.label!r}: no parameter named {', '.join(unknown)}")
        given = dict(self.init or {})
        if self.init is not None and self.init_seed is None:
            missing = [n for n in names if n not in given and n not in override]
            if missing:
                raise ValueError(f"run {self.label!r}: no initial value for {', '.join(missing)}")
            values = {n: float(given[n]) for n in names if n in given}
        else:
            import numpy as np

            rng = np.random.default_rng(SEED if self.init_seed is None else self.init_seed)
            low, high = self.init_range
            drawn = rng.uniform(low, high, len(names))
            values = {n: float(given[n]) if n in given else float(v) for n, v in zip(names, drawn)}
        return {n: float(override[n]) if n in override else values[n] for n in names}

    def data(self, low: float = 0.0, high: float = 2.0) -> list[float]:
        """The training inputs, x ~ uniform(low, high) (the recorder passes the scene's data range; the
        chapter's is [0, 2]), as Python floats (the fast scalar path)."""
        import numpy as np

        return np.random.default_rng(self.data_seed).uniform(low, high, self.samples).tolist()


@dataclass(frozen=True)
class Schedule:
    """Which sample counts get a snapshot.

    `linear`: every `every` samples. `dense_early`: `frames` snapshots at total·u**power for u evenly
    spaced in [0, 1], so the first few hundred samples, where most of the motion is, get their share.
    """

    kind: str = "linear"
    every: int = 40
    frames: int = 300
    power: float = 2.5
    marks: tuple[int, ...] = ()  # sample counts that always get a snapshot (e.g. 1500, the article's)

    def steps(self, total: int) -> np.ndarray:
        import numpy as np

        if self.kind == "linear":
            if self.every < 1:
                raise ValueError("schedule: every must be at least 1")
            steps = np.arange(0, total + 1, self.every)
        elif self.kind == "dense_early":
            if self.frames < 2:
                raise ValueError("schedule: frames must be at least 2")
            u = np.linspace(0.0, 1.0, self.frames)
            steps = np.round(total * u**self.power).astype(np.int64)
        else:
            raise ValueError(f"schedule: unknown kind {self.kind!r} (linear, dense_early)")
        marks = [m for m in self.marks if 0 <= m <= total]
        return np.unique(np.concatenate([steps, [0, total], marks])).astype(np.int64)

    def max_count(self, total: int) -> int:
        """An upper bound on len(steps(total)), without building the array."""
        base = total // max(self.every, 1) + 1 if self.kind == "linear" else self.frames
        return base + 2 + len(self.marks)

    def describe(self) -> dict:
        if self.kind == "linear":
            return {"kind": "linear", "every": self.every, "marks": list(self.marks)}
        return {"kind": self.kind, "frames": self.frames, "power": self.power, "marks": list(self.marks)}


def square(x: np.ndarray) -> np.ndarray:
    return x * x


def draw_samples(rng: np.random.Generator, n: int, data_range: tuple[float, float], target: Callable,
                 points: Points | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The one sample rule, for every recorder: the next `n` samples (xs, labels) from `rng`.

    Without points, x ~ uniform(data_range) labelled by `target`; with points, sample i is point
    floor(u_i·n) of them (u_i ~ uniform(0, 1), the same stream) labelled by its y (scenes/points.py)."""
    import numpy as np

    if points is not None:
        return points.pick(rng.uniform(0.0, 1.0, n))
    xs = rng.uniform(data_range[0], data_range[1], n)
    return xs, np.broadcast_to(np.asarray(target(xs), dtype=float), xs.shape)


@dataclass(frozen=True)
class Scene:
    """A named experiment: the engine records and renders it; the CLI only picks and overrides it."""

    name: str
    description: str
    build: Callable[[str], Net]  # activation name -> a freshly built graph
    runs: tuple[Run, ...]
    panels: tuple[Panel, ...]
    schedule: Schedule = field(default_factory=Schedule)
    activation: str | None = "LeakyRelu"  # None: the graph has no hidden activation (`--activation` refused)
    losses: tuple[str, ...] = ()  # losses the build hook can make (`build(activation, loss=...)`); () fixed
    loss: str | None = None  # the one asked for (`--loss`); None: the build hook's own
    target: Callable[[np.ndarray], np.ndarray] = square
    target_name: str = "x²"
    data_range: tuple[float, float] = (0.0, 2.0)
    x_range: tuple[float, float] = (-0.5, 2.5)
    grid_points: int = 301
    #: points to train on (`--data`, scenes/points.py) instead of x ~ uniform(data_range) labelled by target
    points: Points | None = None
    #: a target given as text (`--target`): the text, for the snapshot's meta
    target_expr: str | None = None

    @property
    def total_samples(self) -> int:
        return max(r.samples for r in self.runs)

    def net(self, activation: str | None = None) -> Net:
        """A freshly built graph: the scene's activation (or `activation`), and its chosen loss if any."""
        chosen = activation if activation is not None else self.activation
        return self.build(chosen, loss=self.loss) if self.loss is not None else self.build(chosen)

    def grid(self) -> np.ndarray:
        import numpy as np

        return np.linspace(*self.x_range, self.grid_points)

    def data_mask(self, grid: np.ndarray) -> np.ndarray:
        """The grid points inside the data range, where the evaluation loss is measured."""
        lo, hi = self.data_range
        return (grid >= lo - 1e-12) & (grid <= hi + 1e-12)

    def draw_samples(self, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        """The scene's next `n` samples from `rng` (`draw_samples`: the rule every recorder uses)."""
        return draw_samples(rng, n, self.data_range, self.target, self.points)

    def samples(self, run: Run) -> tuple[list[float], list[float]]:
        """Run `run`'s training samples (xs, labels) as Python floats (the fast scalar path)."""
        import numpy as np

        xs, ys = self.draw_samples(np.random.default_rng(run.data_seed), run.samples)
        return xs.tolist(), ys.tolist()

    def eval_set(self, grid: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where the evaluation loss, mean |output − y|, is measured: the grid points in the data range
        against the target, or, with points, the points drawn (`Points.shown`) against their y."""
        if self.points is None:
            inside = self.data_mask(grid)
            return grid[inside], target[inside]
        shown = self.points.shown()
        return shown[:, 0], shown[:, 1]

    def with_network(self, *, hidden: tuple[int, ...] | None = None, target: object | None = None,
                     points: np.ndarray | None = None, points_name: str = "data",
                     data_range: tuple[float, float] | None = None,
                     x_range: tuple[float, float] | None = None) -> Scene:
        """A copy with another network of the chapter's family, target, data points or ranges (the rule:
        scenes/family.py); given nothing new, a scene that records the same bytes. A kind of scene that
        takes only some of these overrides it."""
        return with_network(self, hidden=hidden, target=target, points=points, points_name=points_name,
                            data_range=data_range, x_range=x_range)

    def with_overrides(self, *, samples: int | None = None, lr: float | None = None,
                       seed: int | None = None, every: int | None = None,
                       activation: str | None = None, loss: str | None = None) -> Scene:
        """A copy with CLI overrides applied to every run; `seed` moves data and random-init seeds."""
        if activation is not None and self.activation is None:
            raise ValueError(f"scene {self.name!r} has no hidden activation to swap")
        if loss is not None and loss not in self.losses:
            choices = f"has the losses {', '.join(self.losses)}" if self.losses else "has a fixed loss"
            raise ValueError(f"scene {self.name!r} {choices}, not {loss!r}")
        runs = []
        for i, r in enumerate(self.runs):
            changes: dict = {}
            if samples is not None:
                changes["samples"] = samples
            if lr is not None:
                changes["lr"], changes["lrs"] = lr, None  # one rate for every parameter
            if seed is not None:
                changes["data_seed"] = seed + (r.data_seed - self.runs[0].data_seed)
                if r.init_seed is not None:
                    changes["init_seed"] = seed + i
            runs.append(dataclasses.replace(r, **changes))
        changes = {"runs": tuple(runs)}
        if every is not None:
            changes["schedule"] = Schedule(kind="linear", every=every, marks=self.schedule.marks)
        if activation is not None:
            changes["activation"] = activation
        if loss is not None:
            changes["loss"] = loss
        return dataclasses.replace(self, **changes)

    def with_inits(self, inits: Sequence[Mapping[str, float]], names: Sequence[str] | None = None) -> Scene:
        """One copy of every run per mapping of `inits`, with those initial values replaced (the others
        keep the run's own), side by side on one timeline; no mappings: the scene itself.

        Rows are labelled with the values that tell them apart; a lone mapping on a one-run scene, with
        the values that differ from the run's own (given the parameter `names`); a scene of several runs
        keeps each run's own label in front."""
        if not inits:
            return self
        shown = differing(inits)
        if len(inits) == 1 and len(self.runs) == 1 and names is not None:
            own = self.runs[0].initial_values(list(names))
            shown = [n for n in inits[0] if inits[0][n] != own.get(n)] or shown
        runs = []
        for init in inits:
            text = ", ".join(f"{n}={init[n]:.6g}" for n in shown if n in init) or ", ".join(
                f"{n}={v:.6g}" for n, v in init.items())
            for r in self.runs:
                runs.append(dataclasses.replace(
                    r, label=text if len(self.runs) == 1 else f"{r.label}; {text}",
                    init_override={**(r.init_override or {}), **init}))
        return dataclasses.replace(self, runs=tuple(runs))


def differing(inits: Sequence[Mapping[str, float]]) -> list[str]:
    """The names whose values are not the same in every mapping (a missing name is a value too); when
    none differ (a lone mapping), every name given."""
    names = list(dict.fromkeys(n for init in inits for n in init))
    differ = [n for n in names if len({init.get(n) for init in inits}) > 1]
    return differ or names
