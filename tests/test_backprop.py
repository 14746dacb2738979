"""`backprop_step` against ourdl itself: the test trains its own graph with the tutorial's loop, watches
step N happen (an instrumented `forward` / `get_grad`) and finds every number of the dict equal to the
live graph's `.value` / `.grad`, to the last bit."""

from __future__ import annotations

import json
import math
import struct

import numpy as np
import pytest

from ourdl.core.node import Node
from render.record.backprop import BackpropError, backprop_step, number, output_curves
from scenes import get_scene
from scenes.chapter import FIG7, FIG8
from scenes.network import ACTIVATIONS, LOSSES
from scenes.targets import parse_target


def bits(v) -> bytes:
    """A number's float64 bits (-0.0 and NaN compared exactly); the dict's "NaN"/"Infinity" read back."""
    return struct.pack("<d", float(v))


def live_step(scene, label: str | None, n: int, monkeypatch) -> dict:
    """Train a fresh graph of `scene` to sample n with the tutorial's loop, then run step n watched:
    which nodes forward() computes and get_grad() caches, in order, and each edge's local derivative at
    the moment its parent's grad is computed."""
    run = scene.runs[0] if label is None else next(r for r in scene.runs if r.label.startswith(label))
    net = scene.net()
    names = [p.name for p in net.params]
    init = run.initial_values(names)
    lrs = run.lr_for(names)
    for p in net.params:
        p.set_value(init[p.name])
    xs, ys = scene.samples(run)
    for i in range(n):  # the tutorial's loop, written out
        net.x.set_value(xs[i])
        net.label.set_value(ys[i])
        net.loss.forward()
        for p, lr in zip(net.params, lrs):
            p.get_grad()
            p.update(lr)
        net.loss.clear()

    forward, backward, local = [], [], {}
    real_grad = Node.get_grad

    def watch_forward(real):  # ourdl binds forward per op class (ourdl.core.protocol.adopt)
        def watched_forward(self):
            value = real(self)
            forward.append(self.name)
            return value
        return watched_forward

    def watched_grad(self):
        if self.grad is None:
            for child, i in self._edges:
                local[(child.name, self.name, i)] = child.local_grad(i)
            value = real_grad(self)
            backward.append(self.name)
            return value
        return real_grad(self)

    for cls in {type(node) for node in net.graph.nodes if node.parents}:
        monkeypatch.setattr(cls, "forward", watch_forward(cls.forward))
    monkeypatch.setattr(Node, "get_grad", watched_grad)
    net.x.set_value(xs[n])
    net.label.set_value(ys[n])
    loss = net.loss.forward()
    values = {node.name: node.value for node in net.graph.nodes}
    params = {}
    for p, lr in zip(net.params, lrs):
        before = p.value
        p.get_grad()
        p.update(lr)
        params[p.name] = (before, p.grad, p.value)
    monkeypatch.undo()
    grads = {node.name: node.grad for node in net.graph.nodes}
    return {"run": run, "x": xs[n], "label": ys[n], "loss": loss, "values": values, "grads": grads,
            "params": params, "forward": forward, "backward": backward, "local": local, "names": names,
            "lrs": lrs, "net": net}


def check(scene, monkeypatch, label: str | None = None, sample: int | None = None) -> dict:
    step = backprop_step(scene, label, sample)
    n = step["sample"]
    live = live_step(scene, label, n, monkeypatch)
    assert step["format"] == "ourdl-backprop" and step["version"] == 1
    assert step["run"] == live["run"].label and step["samples"] == live["run"].samples
    assert step["runs"] == [r.label for r in scene.runs]
    assert bits(step["x"]) == bits(live["x"]) and bits(step["label"]) == bits(live["label"])
    assert bits(step["loss"]) == bits(live["loss"])
    assert step["forward"] == live["forward"]
    assert step["backward"] == live["backward"]
    assert step["order"] == live["names"] == list(step["params"])
    assert step["lrs"] == dict(zip(live["names"], live["lrs"]))
    net = live["net"]
    assert (step["input"], step["label_node"], step["output"], step["loss_node"]) == (
        net.x.name, net.label.name, net.output.name, net.loss.name)
    assert set(step["nodes"]) == set(live["values"])
    for node in net.graph.nodes:
        entry = step["nodes"][node.name]
        assert entry["kind"] == type(node).__name__
        assert entry["parents"] == [p.name for p in node.parents]
        assert bits(entry["value"]) == bits(live["values"][node.name]), node.name
        grad = live["grads"][node.name]
        assert (entry["grad"] is None) == (grad is None), node.name
        if grad is not None:
            assert bits(entry["grad"]) == bits(grad), node.name
        assert entry.get("train", False) == node.train
    edges = {(e["child"], e["parent"], e["index"]): e["local"] for e in step["edges"]}
    assert len(edges) == len(step["edges"])
    assert set(edges) == set(live["local"])
    for key, value in live["local"].items():
        assert bits(edges[key]) == bits(value), key
    for name, (before, grad, after) in live["params"].items():
        got = step["params"][name]
        assert (bits(got["before"]), bits(got["grad"]), bits(got["after"])) == (
            bits(before), bits(grad), bits(after)), name
    # the JSON the page embeds reads back to the same numbers
    assert json.loads(json.dumps(step, allow_nan=False)) == step
    return step


def test_fig8_default_sample_is_its_last(monkeypatch):
    step = check(get_scene("fig8"), monkeypatch)
    assert step["sample"] == 1499
    assert step["nodes"]["w_11"]["train"] and "train" not in step["nodes"]["x"]
    assert step["nodes"]["x"]["grad"] is None and step["nodes"]["label"]["grad"] is None


def test_fig8_first_sample_starts_from_fig8(monkeypatch):
    step = check(get_scene("fig8"), monkeypatch, sample=0)
    assert {n: p["before"] for n, p in step["params"].items()} == FIG8


@pytest.mark.parametrize("label,init", [("Fig 7", FIG7), ("Fig 8", FIG8)])
def test_fig7_vs_fig8_both_runs_at_the_chapters_mark(monkeypatch, label, init):
    scene = get_scene("fig7_vs_fig8")
    step = check(scene, monkeypatch, label=label)
    assert step["sample"] == 1500 and step["samples"] == 12_000
    assert step["run"].startswith(label)
    assert check(scene, monkeypatch, label=label, sample=0)["params"]["w_11"]["before"] == init["w_11"]


def test_local_derivatives_are_the_ops_rules(monkeypatch):
    step = check(get_scene("fig8"), monkeypatch, sample=700)
    nodes = step["nodes"]
    for e in step["edges"]:
        child = nodes[e["child"]]
        if child["kind"] == "Mul":
            other = child["parents"][1 - e["index"]]
            assert e["local"] == nodes[other]["value"]
        elif child["kind"] == "Add":
            assert e["local"] == 1.0
        elif child["kind"] == "LeakyRelu":
            assert e["local"] == (1.0 if nodes[e["parent"]]["value"] > 0 else 0.1)
        elif child["kind"] == "ValueLoss":
            diff = step["label"] - nodes[step["output"]]["value"]
            assert e["local"] == (-1.0 if diff > 0 else 1.0)
    # the graph's 19 edges but the three from leaves no grad is asked of (x -> mul_11, mul_12; label -> loss)
    assert len(step["edges"]) == 19 - 3


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_activation_and_loss(monkeypatch, activation, loss):
    scene = get_scene("fig8").with_overrides(activation=activation, loss=loss)
    step = check(scene, monkeypatch, sample=300)
    assert step["nodes"]["relu_11"]["kind"] == activation
    assert step["nodes"]["loss"]["kind"] == LOSSES[loss]


def test_four_units(monkeypatch):
    scene = get_scene("fig8").with_network(hidden=(4,))
    step = check(scene, monkeypatch, sample=400)
    assert step["order"][:4] == ["w_11", "w_12", "w_13", "w_14"] and len(step["order"]) == 13


def test_two_hidden_layers(monkeypatch):
    check(get_scene("fig8").with_network(hidden=(3, 3)), monkeypatch, sample=250)


def test_a_target_expression(monkeypatch):
    scene = get_scene("fig8").with_network(target=parse_target("exp(-x)*sin(3*x)"))
    step = check(scene, monkeypatch, sample=900)
    assert abs(step["label"] - math.exp(-step["x"]) * math.sin(3 * step["x"])) < 1e-12


def test_data_points(monkeypatch):
    points = np.array([[0.0, 0.5], [0.5, 1.5], [1.0, 0.2], [2.0, 1.0]])
    scene = get_scene("fig8").with_network(hidden=(3,), points=points, points_name="pts.csv")
    step = check(scene, monkeypatch, sample=120)
    assert [step["x"], step["label"]] in points.tolist()


def test_default_sample_rule():
    assert backprop_step(get_scene("fig7"))["sample"] == 1500
    assert backprop_step(get_scene("fig8").with_overrides(samples=40))["sample"] == 39
    assert backprop_step(get_scene("fig8").with_overrides(samples=1501))["sample"] == 1500


def test_errors():
    past = r"^sample 12000 is past the run: Fig 8.* trains samples 0 to 11999$"
    with pytest.raises(BackpropError, match=past):
        backprop_step(get_scene("fig7_vs_fig8"), "Fig 8", 12_000)
    with pytest.raises(BackpropError, match=r"sample -1"):
        backprop_step(get_scene("fig8"), None, -1)
    with pytest.raises(BackpropError, match=r"no run 'Fig 9' in fig7_vs_fig8 \(its runs: 'Fig 7.*'; 'Fig 8"):
        backprop_step(get_scene("fig7_vs_fig8"), "Fig 9")
    with pytest.raises(BackpropError, match="no run 'Fig'"):  # a prefix of both runs names neither
        backprop_step(get_scene("fig7_vs_fig8"), "Fig")
    for sweep in ("relu_vs_leakyrelu", "init_basin", "width_sweep"):
        with pytest.raises(BackpropError, match="is a sweep"):
            backprop_step(get_scene(sweep))
    for err in (BackpropError("x"),):
        assert isinstance(err, ValueError)


def test_number_writes_what_json_has_no_number_for():
    assert [number(v) for v in (math.nan, math.inf, -math.inf, 1, -0.0)] == ["NaN", "Infinity", "-Infinity",
                                                                               1.0, -0.0]
    assert bits(number(-0.0)) == bits(-0.0)


def test_output_curves_before_and_after_the_step():
    scene = get_scene("fig8")
    step = backprop_step(scene, sample=10)
    curves = output_curves(scene, step)
    net = scene.net()
    for k, when in enumerate(("before", "after")):
        for p in net.params:
            p.set_value(step["params"][p.name][when])
        net.x.set_value(curves.grid)
        assert np.array_equal(net.output.forward(), getattr(curves, when))
        net.loss.clear()
        net.x.set_value(step["x"])
        assert bits(net.output.forward()) == bits(curves.at_x[k])
        net.loss.clear()
    assert bits(curves.at_x[0]) == bits(step["nodes"]["add_21"]["value"])
    grid = curves.grid
    assert np.array_equal(curves.target, grid * grid) and not np.array_equal(curves.before, curves.after)
