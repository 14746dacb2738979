"""The backprop diagram's layout in the page (src/backprop_layout.js) is render graph's
(render/draw/graph_layout.py), to the last bit, for the family's networks: the lab lays out a network it
changed without Python."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from render.draw.graph_layout import (
    coordinates,
    fold_units,
    folded_layers,
    folded_model,
    graph_model,
    layers,
    order,
)
from render.web.backprop import step_graph
from scenes import get_scene

SRC = Path(__file__).resolve().parents[1] / "render" / "web" / "src" / "backprop_layout.js"
NETWORKS = [None, (1,), (3,), (4,), (2, 2), (3, 2, 2), (5,)]

pytestmark = pytest.mark.skipif(subprocess.run(["node", "--version"], capture_output=True).returncode != 0,
                                reason="node is a development tool")


def _scene(hidden):
    scene = get_scene("fig8")
    return scene if hidden is None else scene.with_network(hidden=hidden)


def _js_layout(graph: dict) -> dict:
    script = (f"import('{SRC.as_uri()}').then(m => {{ "
              f"const l = m.layout(m.layoutGraph({json.dumps(graph)})); "
              "console.log(JSON.stringify({columns: l.columns, xy: l.xy})); })")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("hidden", NETWORKS)
def test_the_pages_layout_is_render_graphs(hidden):
    scene = _scene(hidden)
    model = graph_model(scene)
    cols = order(model, layers(model))
    xy = coordinates(model, cols)
    got = _js_layout(step_graph(scene))
    assert got["columns"] == cols
    assert set(got["xy"]) == set(xy)
    for name, (x, y) in xy.items():
        assert got["xy"][name] == [x, y], name  # exact: the same float operations in the same order


FOLD = SRC.with_name("backprop_fold.js")


@pytest.mark.parametrize("hidden", [(8,), (10,), (16,), (8, 8), (9, 3), (3, 12)])
def test_wide_layers_fold_as_render_graph_folds_them(hidden):
    scene = _scene(hidden)
    model = graph_model(scene)
    fold = fold_units(model)
    folded = folded_model(model, fold)
    cols = order(folded, folded_layers(folded))
    xy = coordinates(folded, cols)
    graph = step_graph(scene)
    script = (f"Promise.all([import('{FOLD.as_uri()}'), import('{SRC.as_uri()}')]).then(([f, m]) => {{ "
              f"const g = {json.dumps(graph)}; const d = f.foldGraph(g, m.layoutGraph(g), "
              "{bp_fold: 'units {from}-{to}'}); const l = m.layout(d.layout, d.layer); "
              "console.log(JSON.stringify({columns: l.columns, xy: l.xy, into: d.into, units: d.units})); })")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True)
    got = json.loads(out.stdout)
    assert fold.nodes, hidden  # something is folded
    assert got["into"] == fold.into and got["units"] == fold.units
    assert got["columns"] == cols
    for name, (x, y) in xy.items():
        assert got["xy"][name] == [x, y], name
