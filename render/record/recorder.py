"""Record your own training loop: three lines in the tutorial's hand-written loop, the same snapshot file.

    from render import Recorder
    rec = Recorder(input=x, output=add_21, label=label, loss=loss, every=10)
    for ...:                         # the tutorial's loop, unchanged
        ...
        rec.step()                   # once per sample, after the updates
    rec.save("my_run.npz")           # then: render video my_run.npz

`step()` only copies the parameters (a few floats) and notes the sample's x, label and loss; it never
computes anything in the graph, so training is bit for bit what it is without the recorder. The curves are
computed when a snapshot is taken (`save`, `snapshot`, `show(rec)`): for each recorded step the
parameters are set back to their values then, every node is evaluated over the grid by the scene
recorder's own code (`render.record.net_snapshot.snapshot_row`), and afterwards every node's value and grad
is put back as the loop left it.

Nodes are named after your variables; the grid has 301 points. The data range, grid span, target and
panels that describe the recording default to what the loop showed (recorder_scene.py says how); each is
settable.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from ourdl.core import Graph, Node, Variable
from render.record.net_snapshot import BLOWUP, snapshot_row
from render.record.own_graph import ancestors, in_order, readable_names
from render.record.recorder_scene import (
    RecorderError,
    recording_graph_meta,
    recording_scene,
    resolve_panels,
    run_meta,
    target_curve,
)
from render.record.runs import snapshot_meta
from render.record.snapshot import Snapshot, load_snapshot, save_snapshot
from scenes import Net


class Recorder:
    """Snapshots of a network trained by your own loop; see the module's docstring.

    input, output: the node you set each sample's x on, and the network's output (required).
    label, loss: the label and loss nodes (optional: without them, no target from labels, no train loss).
    every: a snapshot every N calls of `step()` (and one of the state before training, and of the last).
    params: the trainable nodes in update order (default: every `train=True` leaf, in creation order).
    target, target_name, data_range, x_range, grid_points: the target curve and the grid (their defaults:
    recorder_scene.py).
    panels: `scenes.Panel`s, or lists of nodes or node names, one per panel (default: inferred).
    name, description, title: the recording's name and description, and its row's title.
    lr: the learning rate, only to be written into the file.
    """

    def __init__(self, *, input: Node | None = None, output: Node | None = None, label: Node | None = None,
                 loss: Node | None = None, every: int = 10, params: Sequence[Node] | None = None,
                 target: Callable | Sequence[float] | None = None, target_name: str | None = None,
                 data_range: tuple[float, float] | None = None, x_range: tuple[float, float] | None = None,
                 grid_points: int = 301, panels: Sequence | None = None, name: str | None = None,
                 description: str | None = None, title: str | None = None, lr: float | None = None) -> None:
        caller = sys._getframe(1)
        variables = [*caller.f_locals.items(), *caller.f_globals.items()]
        script = caller.f_globals.get("__file__")
        del caller
        bound = {v: k for k, v in reversed(variables) if isinstance(v, Node) and not k.startswith("_")}

        def show(node: object) -> str:
            return getattr(node, "name", None) or bound.get(node) or repr(node)

        for role, node in (("input", input), ("output", output)):
            if node is None:
                raise RecorderError(f"Recorder needs {role}=: the node you set each sample's x on (input) "
                                    f"and the network's output node, e.g. Recorder(input=x, output=add_21)")
        for role, node in (("input", input), ("output", output), ("label", label), ("loss", loss)):
            if node is not None and not isinstance(node, Node):
                raise RecorderError(f"Recorder({role}=...) must be an ourdl node, not {type(node).__name__}")
        if not isinstance(every, int) or every < 1:
            raise RecorderError(f"Recorder(every={every!r}): give a whole number of samples, at least 1")
        if not isinstance(grid_points, int) or grid_points < 2:
            raise RecorderError(f"Recorder(grid_points={grid_points!r}): give a whole number, at least 2")
        top = loss if loss is not None else output
        relevant = ancestors(top)
        feeds_output = ancestors(output)
        if input not in feeds_output:
            raise RecorderError(f"input {show(input)} is not connected to output {show(output)}: "
                                f"the output does not depend on it; pass the node you set x on")
        if output not in relevant:
            raise RecorderError(f"loss {show(loss)} is not connected to output {show(output)}: "
                                f"it does not depend on it; pass the loss computed from this output")
        if label is not None and loss is not None and label not in relevant:
            raise RecorderError(f"label {show(label)} is not connected to loss {show(loss)}; "
                                f"pass the node you set each sample's label on")
        if label is not None:
            relevant.add(label)
        nodes = in_order(relevant, output.graph.nodes)
        if params is None:
            params = [n for n in nodes if n.train and not n.parents]
        params = list(params)
        for p in params:
            if not isinstance(p, Node) or p not in feeds_output or p.parents:
                raise RecorderError(f"params: {show(p)} is not a leaf the output depends on; give the "
                                    f"trainable nodes of this network")
        self.input, self.output, self.label, self.loss = input, output, label, loss
        self.params, self.nodes = params, nodes
        self.names = readable_names(nodes, variables)
        self.recorded = [n for n in nodes if n.parents]  # the `curves` axis, as the scene recorder's
        # every other leaf's value is kept too (params first): a curve is a function of them all
        self.leaves = params + [n for n in nodes if not n.parents and n not in params
                                and n is not input and n is not label]
        for p in params:
            if p.value is None or np.ndim(p.value) != 0:
                raise RecorderError(f"parameter {self.names[p]} has "
                                    f"{'no value' if p.value is None else 'an array value'}: create the "
                                    f"Recorder after giving every parameter its (scalar) initial value")
        self.every, self.lr = every, lr
        self.target, self.target_name = target, target_name
        self.data_range, self.x_range, self.grid_points = data_range, x_range, grid_points
        stem = Path(script).stem if script else ""
        self.name = name or (stem if stem and not stem.startswith("<") else "my_run")
        self.description = description or f"{self.name}: a training loop of your own, recorded with Recorder."
        self.title = title
        self.init = {self.names[p]: float(p.value) for p in params}
        self.panels_given = panels
        self.count = 0
        self.diverged_at: int | None = None
        self.xs_seen: list = []
        self.labels_seen: list = []
        self._loss_sum, self._loss_n = 0.0, 0
        self._rows: list[tuple[int, list, float]] = [(0, [n.value for n in self.leaves], math.nan)]
        if panels is not None:
            resolve_panels(self, "target")  # fail now, not at save

    # -- in the loop ----------------------------------------------------------------------------------------

    def step(self) -> None:
        """Note one trained sample; call it once per sample, after the updates (before or after `clear()`:
        before it, the sample's loss is still there and is recorded as the train loss)."""
        x = self.input.value
        if x is None:
            raise RecorderError(f"step(): input {self.names[self.input]} has no value; call step() once per "
                                f"sample, after setting x and updating the parameters")
        self.count += 1
        self.xs_seen.append(x)
        if self.label is not None and self.label.value is not None:
            self.labels_seen.append((x, self.label.value))
        value = self.loss.value if self.loss is not None else None
        if value is not None:
            self._loss_sum += value
            self._loss_n += 1
        values = [n.value for n in self.leaves]
        finite = [value] if value is not None else []
        if self.diverged_at is None and not all(-BLOWUP < v < BLOWUP  # False for nan too
                                                for v in [*finite, *values[:len(self.params)]]):
            self.diverged_at = self.count
        self._last = (self.count, values, self._pending_loss())
        if self.count % self.every == 0:
            self._rows.append(self._last)
            self._loss_sum, self._loss_n = 0.0, 0

    def _pending_loss(self) -> float:
        return self._loss_sum / self._loss_n if self._loss_n else math.nan

    # -- afterwards -----------------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The recording so far as a `Snapshot` (what `save` writes); the graph is left as the loop left
        it."""
        if self.count == 0:
            raise RecorderError("nothing recorded yet: call rec.step() once per training sample (after the "
                                "updates) before saving or showing the recording")
        rows = self._rows if self._rows[-1][0] == self.count else [*self._rows, self._last]
        scene = recording_scene(self)
        grid = scene.grid()
        target = target_curve(self, grid, scene)
        label = self.label if self.label is not None else Variable(graph=Graph())
        graph = Graph()
        graph.nodes = list(self.nodes)
        net = Net(graph=graph, x=self.input, label=label, output=self.output,
                  loss=self.loss if self.loss is not None else self.output, params=tuple(self.params))
        in_range = scene.data_mask(grid)
        curves = np.empty((len(rows), len(self.recorded), grid.size))
        params = np.empty((len(rows), len(self.params)))
        eval_loss = np.empty(len(rows))
        kept = [(n, n.value, n.grad) for n in [*self.nodes, label]]
        try:
            with np.errstate(over="ignore", invalid="ignore"):  # a diverged run: noted in its meta instead
                for s, (_, values, _) in enumerate(rows):
                    for n, v in zip(self.leaves, values):
                        n.value = v
                    curves[s], params[s], eval_loss[s] = snapshot_row(net, self.recorded, grid, target,
                                                                      in_range)
        finally:
            for n, value, grad in kept:
                n.value, n.grad = value, grad
        meta = snapshot_meta(scene, scene.activation, recording_graph_meta(self, net), [run_meta(self)])
        return Snapshot(meta=meta, steps=np.array([r[0] for r in rows], dtype=np.int64), grid=grid,
                        target=target, curves=curves[None], params=params[None],
                        train_loss=np.array([[r[2] for r in rows]]), eval_loss=eval_loss[None])

    def save(self, path: str | os.PathLike = "my_run.npz") -> Path:
        """Write the snapshot file (atomically: complete or not at all); `render video PATH` renders it."""
        return save_recording(self.snapshot(), path, self.name)

    def __repr__(self) -> str:
        return (f"<Recorder {self.name!r}: {self.count:,} samples, {len(self._rows)} snapshots of "
                f"{len(self.recorded)} nodes and {len(self.params)} parameters>")


def save_recording(snapshot: Snapshot, path: str | os.PathLike, name: str) -> Path:
    """Write a recording of one's own loop to `path` (".npz" added to a bare name), atomically; a folder, a
    missing folder or one that cannot be written is a RecorderError naming what to choose instead."""
    path = Path(path)
    if path.is_dir():
        raise RecorderError(f"cannot save to {path}: it is a folder; give a file name, e.g. "
                            f"{path / (name + '.npz')}")
    if not path.suffix:
        path = path.with_suffix(".npz")
    if not path.parent.is_dir():
        problem = "is a file, not a folder" if path.parent.exists() else "does not exist"
        raise RecorderError(f"cannot save to {path}: {path.parent} {problem}; choose a path in an "
                            f"existing folder")
    try:
        return save_snapshot(snapshot, path)
    except OSError as e:
        raise RecorderError(f"cannot write {path}: {e.strerror or e}; choose a path in a folder you can "
                            f"write to") from None


def as_snapshot(recording: Snapshot | str | os.PathLike | Recorder) -> Snapshot:
    """The snapshot of what a user hands the front door (`render.animation`, `show`): a `Snapshot` as it
    is, the path of a `.npz` snapshot file loaded, or a `Recorder`'s loop as recorded so far (a
    `render.torch.TorchRecorder`'s too: it is a Recorder whose network is a PyTorch model)."""
    if isinstance(recording, Recorder):
        return recording.snapshot()
    return recording if isinstance(recording, Snapshot) else load_snapshot(recording)
