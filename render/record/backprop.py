"""One step of backpropagation on a scene's live ourdl graph, as data: `render backprop`'s numbers.

The run trains to sample N with the recorder's own loop (`runs.train_samples`, ourdl's `train_step`), then
this module does step N itself, node by node in the orders ourdl's recursion takes, and reads every number off
the graph: each node's `.value` after `forward()`, its `.grad` after `get_grad()`, each edge's local
derivative as ourdl reads it (`child.local_grad(i)`, at the moment the parent's grad is computed), and each
parameter before and after `update(lr)`. Calling `forward()` / `get_grad()` on one node at a time, parents
(children) first, gives the same bits as the recursion from the loss (the same op, the same operands in the
same order); a test compares it with a graph trained by the tutorial's own loop.

The returned dict is exactly the JSON the step-through page (render/web/backprop.py) embeds in
`<script type="application/json" id="backprop">` (format "ourdl-backprop", version 1). numpy only, like all
of render.record.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from render.record.net_snapshot import name_nodes, snapshot_row
from render.record.runs import train_samples
from scenes import Net, Run, Scene

FORMAT, VERSION = "ourdl-backprop", 1
#: the chapter's mark: the sample shown by default where a run is longer
MARK = 1500


class BackpropError(ValueError):
    """A sample, run or scene `render backprop` cannot show; the message is one line."""


def number(v: Any) -> float | str:
    """A value as JSON takes it: a Python float (exact: json writes its repr), or "NaN" / "Infinity" /
    "-Infinity" for what JSON has no number for. ourdl's ints (Add's 1, ValueLoss's sign) become floats."""
    f = float(v)
    if math.isfinite(f):
        return f
    return "NaN" if math.isnan(f) else ("Infinity" if f > 0 else "-Infinity")


def pick_run(scene: Scene, label: str | None) -> Run:
    """The run labelled `label` (exactly, or the one whose label starts with it: "Fig 8"); None: the first."""
    if callable(getattr(scene, "with_count", None)):
        raise BackpropError(f"scene {scene.name!r} is a sweep of many inits; render backprop shows one run "
                            f"(e.g. fig8, fig7_vs_fig8)")
    if label is None:
        return scene.runs[0]
    exact = [r for r in scene.runs if r.label == label]
    starts = [r for r in scene.runs if r.label.lower().startswith(label.lower())]
    if exact or len(starts) == 1:
        return (exact or starts)[0]
    labels = "; ".join(repr(r.label) for r in scene.runs)
    raise BackpropError(f"no run {label!r} in {scene.name} (its runs: {labels})")


def pick_sample(run: Run, sample: int | None) -> int:
    """`sample`, checked against the run; None: MARK where the run is longer, else its last sample."""
    if sample is None:
        return MARK if run.samples > MARK else run.samples - 1
    if isinstance(sample, bool) or not isinstance(sample, (int, np.integer)) or sample < 0:
        raise BackpropError(f"sample {sample!r}: give a sample number from 0 to {run.samples - 1}")
    if sample >= run.samples:
        raise BackpropError(f"sample {sample} is past the run: {run.label} trains samples 0 to "
                            f"{run.samples - 1}")
    return int(sample)


def forward_order(loss) -> list:
    """The nodes with parents in the order `loss.forward()` computes them: `Node.forward` computes each
    parent whose value is None first, in `parents` order, depth first (a node reached again is done)."""
    done: list = []
    seen: set[int] = set()

    def visit(node) -> None:
        for p in node.parents:
            if p.parents and id(p) not in seen:
                visit(p)
        seen.add(id(node))
        done.append(node)

    visit(loss)
    return done


def grad_order(param, cached: set[int]) -> list:
    """The nodes `param.get_grad()` caches, in the order it caches them: `Node.get_grad` asks each child
    (in `_edges` order) for its grad before finishing its own, so the loss comes first. `cached`: the ids
    of nodes holding a grad already (updated here)."""
    done: list = []

    def visit(node) -> None:
        if id(node) in cached:
            return
        for child, _ in node._edges:
            visit(child)
        cached.add(id(node))
        done.append(node)

    visit(param)
    return done


def _train_to(net: Net, run: Run, xs: list[float], ys: list[float], lrs: list[float], n: int) -> None:
    """The run's first `n` training steps, exactly as the recorder trains them; refused if it diverged."""
    _, bad = train_samples(net, xs[:n], ys[:n], lrs)
    if bad is not None:
        raise BackpropError(f"{run.label} diverged at sample {bad} (its training stops there, as the "
                            f"recording's does); give a sample up to {bad}")


def backprop_step(scene: Scene, run: str | None = None, sample: int | None = None) -> dict:
    """Every number of training step `sample` (0-based: the parameters after `sample` updates, trained on
    the run's sample `sample`) of run `run` of `scene`, read off its live ourdl graph (module docstring)."""
    chosen = pick_run(scene, run)
    n = pick_sample(chosen, sample)
    net = scene.net()
    name_nodes(net)
    names = [p.name for p in net.params]
    init, lrs = chosen.initial_values(names), chosen.lr_for(names)
    for p in net.params:
        p.set_value(init[p.name])
    xs, ys = scene.samples(chosen)
    _train_to(net, chosen, xs, ys, lrs, n)

    net.x.set_value(xs[n])
    net.label.set_value(ys[n])
    forward = forward_order(net.loss)
    for node in forward:  # its parents hold their values: forward() computes this node alone
        node.forward()
    values = {node.name: node.value for node in net.graph.nodes}

    backward, edges, params, cached = [], [], {}, set()
    for p, lr in zip(net.params, lrs):
        for node in grad_order(p, cached):
            for child, i in node._edges:  # what get_grad multiplies child.grad by, read as it does
                edges.append({"child": child.name, "parent": node.name, "index": i,
                              "local": number(child.local_grad(i))})
            node.get_grad()
            backward.append(node)
        before = p.value
        p.update(lr)
        params[p.name] = {"before": number(before), "grad": number(p.grad), "after": number(p.value)}

    nodes = {}
    for node in net.graph.nodes:
        entry = {"kind": type(node).__name__, "parents": [q.name for q in node.parents],
                 "value": number(values[node.name]),
                 "grad": None if node.grad is None else number(node.grad)}
        if node.train:
            entry["train"] = True
        nodes[node.name] = entry
    net.loss.clear()
    return {
        "format": FORMAT, "version": VERSION, "scene": scene.name, "run": chosen.label,
        "runs": [r.label for r in scene.runs], "sample": n, "samples": chosen.samples,
        "x": number(xs[n]), "label": number(ys[n]), "lr": number(chosen.lr), "lrs": dict(zip(names, lrs)),
        "loss": number(values[net.loss.name]),
        "input": net.x.name, "label_node": net.label.name, "output": net.output.name,
        "loss_node": net.loss.name,
        "forward": [node.name for node in forward], "backward": [node.name for node in backward],
        "nodes": nodes, "edges": edges, "params": params, "order": names,
    }


@dataclass(frozen=True)
class Curves:
    """The output over the scene's grid before and after the step, and at the sample's x (`at_x`)."""

    grid: np.ndarray
    target: np.ndarray
    before: np.ndarray
    after: np.ndarray
    at_x: tuple[float, float]  # the output at the step's x, before and after


def output_curves(scene: Scene, step: dict) -> Curves:
    """The output of `step` (a `backprop_step` dict) before and after it, over the scene's grid and at the
    sample's x: the net with the step's parameters, evaluated by the recorder's own snapshot code."""
    net = scene.net()
    grid = scene.grid()
    xs = np.append(grid, float(step["x"]))
    target = np.asarray(scene.target(xs), dtype=float)
    in_range = scene.data_mask(xs)
    curves = []
    for when in ("before", "after"):
        for p in net.params:
            p.set_value(float(step["params"][p.name][when]))  # float("NaN"), float("Infinity") read back
        with np.errstate(all="ignore"):
            rows, _, _ = snapshot_row(net, [net.output], xs, target, in_range)
        curves.append(rows[0])
    before, after = curves
    return Curves(grid, target[:-1], before[:-1], after[:-1], (float(before[-1]), float(after[-1])))
