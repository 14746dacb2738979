"""How a `Recorder`'s recording is described: the Scene, target curve, graph and run metadata of its file.

A recording of the user's own loop is described as a `Scene` (so the scene recorder's metadata code,
`render.record.runs.snapshot_meta`, describes it too) with defaults taken from what the loop showed: the
data range is the x values seen, rounded outward to a round number (uniform(0, 2) -> [0, 2]); the grid
spans it plus a quarter of its width on each side; the target is `target=` (a function of x, or an array
over the grid), else the labels seen, interpolated over the data range (blank outside it); panels are
inferred from the graph's layers unless given. Also home of `RecorderError`, the one error a Recorder
raises. What is described is a `Recording`: what a `Recorder` holds, declared here, so this module needs
nothing of the class that records.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from ourdl.core import Node
from render.record.net_snapshot import graph_meta
from render.record.own_graph import activations, ancestors, given_panels, infer_panels
from scenes import Net, Scene, Schedule


class RecorderError(ValueError):
    """A mistake in using `Recorder`; the message says what to fix."""


class Recording(Protocol):
    """What describing a recording reads (`render.record.recorder.Recorder` holds all of it)."""

    nodes: list[Node]  # every node the loss depends on, in creation order
    names: dict[Node, str]  # their readable names
    recorded: list[Node]  # the nodes with parents: the `curves` axis
    output: Node
    label: Node | None
    loss: Node | None
    xs_seen: list  # each step's x
    labels_seen: list[tuple]  # (x, label) of each step that had a label
    panels_given: Sequence | None  # `panels=`, or None to infer them
    target: Callable | Sequence[float] | None
    target_name: str | None
    data_range: tuple[float, float] | None
    x_range: tuple[float, float] | None
    grid_points: int
    every: int
    name: str
    description: str
    title: str | None
    lr: float | None
    init: dict[str, float]
    count: int
    diverged_at: int | None


def nice_range(lo: float, hi: float) -> tuple[float, float]:
    """[lo, hi] widened to multiples of half a power of ten below its width: (0.0004, 1.9991) -> (0, 2)."""
    if not hi > lo:
        return lo - 0.5, hi + 0.5
    step = 10.0 ** math.floor(math.log10(hi - lo)) / 2
    return round(math.floor(lo / step) * step, 12), round(math.ceil(hi / step) * step, 12)


def recording_scene(rec: Recording) -> Scene:
    """A `Scene` describing the recording, so the scene recorder's metadata code describes it too."""
    xs = np.concatenate([np.ravel(np.asarray(x, dtype=float)) for x in rec.xs_seen])
    finite = xs[np.isfinite(xs)]
    data_range = rec.data_range or (nice_range(float(finite.min()), float(finite.max()))
                                    if finite.size else (0.0, 1.0))
    lo, hi = data_range
    x_range = rec.x_range or (lo - (hi - lo) / 4, hi + (hi - lo) / 4)
    name = rec.target_name or ("label" if rec.target is None else "target")
    units = activations(rec.recorded, ancestors(rec.output), rec.output)
    kinds = dict.fromkeys(type(n).__name__ for n in units)
    return Scene(rec.name, rec.description, build=lambda activation: None, runs=(),
                 panels=tuple(resolve_panels(rec, name)), schedule=Schedule("linear", every=rec.every),
                 activation="/".join(kinds), target=_target_function(rec.target), target_name=name,
                 data_range=(float(lo), float(hi)), x_range=(float(x_range[0]), float(x_range[1])),
                 grid_points=rec.grid_points)


def resolve_panels(rec: Recording, target_name: str) -> list:
    """The recording's panels: `panels=` checked against the recorded nodes, else inferred from the graph."""
    if rec.panels_given is None:
        return infer_panels(rec.recorded, rec.output, rec.names, target_name)
    try:
        return given_panels(rec.panels_given, rec.recorded, rec.output, rec.names)
    except ValueError as e:
        raise RecorderError(str(e)) from None


def _target_function(target: Callable | object) -> Callable[[np.ndarray], np.ndarray]:
    if callable(target):
        return target
    return lambda grid: np.full(np.shape(grid), np.nan)  # what a Scene's target means: unknown here


def target_curve(rec: Recording, grid: np.ndarray, scene: Scene) -> np.ndarray:
    """The target over the grid: `target=`, else the labels seen interpolated over the data range."""
    if rec.target is not None:
        values = rec.target(grid) if callable(rec.target) else rec.target
        try:
            return np.broadcast_to(np.asarray(values, dtype=float), grid.shape).copy()
        except ValueError:
            raise RecorderError(f"target: give a function of x or {grid.size} values, one per grid point "
                                f"(got shape {np.shape(values)})") from None
    target = np.full(grid.shape, np.nan)
    pairs = [(float(x), float(y)) for x, y in rec.labels_seen if np.ndim(x) == 0 and np.ndim(y) == 0]
    if pairs:
        xs, ys = np.array(pairs).T
        order = np.argsort(xs, kind="stable")
        unique, start = np.unique(xs[order], return_index=True)
        means = np.add.reduceat(ys[order], start) / np.diff(np.append(start, len(xs)))
        inside = scene.data_mask(grid)
        target[inside] = np.interp(grid[inside], unique, means)
    return target


def recording_graph_meta(rec: Recording, net: Net) -> dict:
    """`graph_meta` of the user's nodes under their readable names (given back afterwards)."""
    own = {n: n.name for n in rec.nodes}
    try:
        for n in rec.nodes:
            n.name = rec.names[n]
        meta = graph_meta(net)
    finally:
        for n, name in own.items():
            n.name = name
    if rec.label is None:
        meta["label"] = None
    if rec.loss is None:
        meta["loss"] = None
    return meta


def run_meta(rec: Recording) -> dict:
    """The one run's entry: the loop's own data and init have no seeds to name (null)."""
    title = rec.title or rec.name
    return {"label": title, "init": rec.init, "init_seed": None, "data_seed": None,
            "samples": rec.count, "lr": rec.lr, "diverged_at": rec.diverged_at}
