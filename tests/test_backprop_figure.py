"""The backprop frames: the fold rule for wide layers, the beats, and the numbers drawn being the step's."""

from __future__ import annotations

import pytest

from render.draw.backprop_beats import beats
from render.draw.backprop_figure import BackpropFigure
from render.draw.backprop_text import fmt
from render.draw.graph_layout import fold_units, folded_model, graph_model
from render.record.backprop import backprop_step, output_curves
from scenes import get_scene


def test_narrow_layers_are_not_folded():
    for hidden in ((2,), (7,), (3, 3)):
        assert fold_units(graph_model(get_scene("fig8").with_network(hidden=hidden))).nodes == {}


def test_eight_units_fold_to_1_2_dots_8():
    model = graph_model(get_scene("fig8").with_network(hidden=(8,)))
    fold = fold_units(model)
    assert fold.units == {"fold_1": [3, 4, 5, 6, 7]}
    hidden = {f"{k}_1{j}" for j in range(3, 8) for k in ("w", "b", "mul", "add", "relu")} | {
        f"{k}_2{j}" for j in range(3, 8) for k in ("w", "mul")}
    assert set(fold.nodes["fold_1"]) == hidden
    drawn = folded_model(model, fold)
    assert drawn.nodes["fold_1"].parents == ["x"]
    assert drawn.nodes["add_21"].parents == ["mul_21", "mul_22", "fold_1", "mul_28", "b_21"]
    assert not hidden & set(drawn.nodes)


def test_beats_follow_the_steps_orders():
    step = backprop_step(get_scene("fig8"), sample=3)
    got = beats(step, {})
    assert len(got) == 1 + len(step["forward"]) + len(step["backward"]) + len(step["order"]) + 1
    assert [b.name for b in got if b.kind == "node" and b.phase == "backward"] == step["backward"]
    scene = get_scene("fig8").with_network(hidden=(8,))
    step = backprop_step(scene, sample=3)
    folded = beats(step, fold_units(graph_model(scene)).into)
    # units 3-7: one beat forward, one per run of their nodes backward, one per run of their parameters
    assert [b.phase for b in folded if b.kind == "fold"].count("forward") == 1
    assert [b.phase for b in folded if b.kind == "fold"].count("update") == 3


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_last_frame_prints_every_number_of_the_step(lang):
    scene = get_scene("fig8")
    step = backprop_step(scene, sample=40)
    fig = BackpropFigure(step, scene, output_curves(scene, step), (800, 450), "light", lang)
    fig.update(fig.n_snapshots - 1)
    for name, (value, grad, after) in fig.lines.items():
        node = step["nodes"][name]
        assert value.get_text() == fmt(node["value"])
        assert grad.get_text() == ("" if node["grad"] is None else "∂ " + fmt(node["grad"]))
        params = step["params"]
        assert after.get_text() == ("→ " + fmt(params[name]["after"]) if name in params else "")


def test_fmt_is_the_one_number_format():
    assert [fmt(v) for v in (1.0, -0.90757546, 0.01, 123456.0, 1e-7, "NaN", "-Infinity", None)] == [
        "1", "−0.9076", "0.01", "1.23e5", "1e−7", "NaN", "−∞", ""]
