"""`render graph NAME`: the computation graph diagram (PNG + SVG), its model and its layout."""

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from render.app.cli import app
from render.draw.graph import graphviz_available, render_graph, style, to_dot
from render.draw.graph_layout import graph_model, layers
from render.draw.theme import THEMES
from scenes import get_scene

runner = CliRunner()
TUTORIAL_NAMES = {"x", "label", "w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21", "mul_11", "mul_12",
                  "add_11", "add_12", "relu_11", "relu_12", "mul_21", "mul_22", "add_21", "loss"}


def test_model_has_the_tutorials_nodes_roles_and_panel_colours():
    model = graph_model(get_scene("fig7_vs_fig8"))
    assert set(model.nodes) == TUTORIAL_NAMES
    assert [n for n, g in model.nodes.items() if g.role == "parameter"] == model.params
    assert model.params == ["w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21"]
    assert model.nodes["x"].role == "input" and model.nodes["label"].role == "label"
    assert model.nodes["relu_11"].kind == "LeakyRelu" and model.nodes["loss"].kind == "ValueLoss"
    # panel 1 draws add_11/add_12, panel 2 mul_21/mul_22, panel 3 the output; a unit keeps its colour
    assert {n: (g.panels, g.color) for n, g in model.nodes.items() if g.panels} == {
        "add_11": ([1], 0), "add_12": ([1], 1), "mul_21": ([2], 0), "mul_22": ([2], 1), "add_21": ([3], 2)}
    light = THEMES["light"]
    assert style(model.nodes["add_12"], light)["edge"] == light.palette[1]


def test_layers_put_ops_after_parents_and_leaves_next_to_their_op():
    model = graph_model(get_scene("fig8"))
    layer = layers(model)
    for name, node in model.nodes.items():
        for parent in node.parents:
            assert layer[parent] < layer[name]
    assert layer["w_21"] == layer["mul_21"] - 1 and layer["b_21"] == layer["add_21"] - 1
    assert layer["label"] == layer["loss"] - 1 and layer["x"] == 0


def test_cli_writes_png_and_svg_with_the_panel_colours(tmp_path):
    result = runner.invoke(app, ["graph", "fig7_vs_fig8", "--engine", "matplotlib", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    png, svg = tmp_path / "fig7_vs_fig8.graph.png", tmp_path / "fig7_vs_fig8.graph.svg"
    said = "".join(result.stdout.split())  # rich may wrap long paths
    assert str(png) in said and str(svg) in said
    text = svg.read_text()
    for name in ("w_11", "relu_12", "add_21", "trainable", "P1", "P3"):
        assert name in text
    pixels = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3).astype(int)
    assert Image.open(png).size[0] >= 1200
    for colour in THEMES["light"].palette[:3]:  # each panel colour really drawn (the nodes' borders)
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).sum(axis=1) < 30).sum() > 200, colour


def test_own_scene_and_dark_theme(tmp_path, request, monkeypatch):
    monkeypatch.chdir(request.config.rootpath)
    written = render_graph(get_scene("examples/tanh_net.py:tanh_net"), tmp_path / "g", theme="dark",
                           engine="matplotlib")
    assert [p.name for p in written] == ["g.png", "g.svg"]
    assert "tanh_11" in written[1].read_text()
    corner = np.asarray(Image.open(written[0]).convert("RGB"))[2, 2]
    assert corner.tolist() == [0x12, 0x15, 0x19]  # the dark theme's background


def test_dot_source_and_graphviz_engine(tmp_path):
    dot = to_dot(graph_model(get_scene("fig8")))
    assert dot.startswith('digraph "fig8"') and '"mul_11" -> "add_11";' in dot and "rankdir=LR" in dot
    assert THEMES["light"].palette[2] in dot  # the output's panel colour
    if graphviz_available():
        written = render_graph(get_scene("fig8"), tmp_path / "g", engine="graphviz")
        assert all(p.stat().st_size > 0 for p in written)
    else:
        result = runner.invoke(app, ["graph", "fig8", "--engine", "graphviz", "--out", str(tmp_path)])
        assert result.exit_code == 2 and "dot" in result.stderr


def test_unknown_engine_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["graph", "fig8", "--engine", "tikz", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "engine" in result.stderr


@pytest.mark.parametrize("name", ["relu_vs_leakyrelu", "init_basin", "relu_quadratic"])
def test_every_scene_has_a_graph(name):
    model = graph_model(get_scene(name))
    assert set(model.nodes) == TUTORIAL_NAMES


def test_the_same_graph_gives_the_same_svg_bytes(tmp_path):
    """No date in the metadata and clip-path ids from a fixed salt: a site rebuilt from the same scene does
    not see its SVG change."""
    first = render_graph(get_scene("fig8"), tmp_path / "a" / "g", engine="matplotlib")
    second = render_graph(get_scene("fig8"), tmp_path / "b" / "g", engine="matplotlib")
    svgs = [next(p for p in paths if p.suffix == ".svg").read_bytes() for paths in (first, second)]
    assert svgs[0] == svgs[1]
    assert b"<dc:date>" not in svgs[0]
