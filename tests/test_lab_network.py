"""render/web/src/network.js against scenes/network.py and scenes/network_panels.py, under node: the lab
builds the graph and panels of any network of the family itself, and they must be Python's exactly (the
graph meta the recorder writes for build_network, and each panel's describe()), for every width 1..16 in
one layer, many two- and three-layer nets, every activation and both losses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from render.record.net_snapshot import graph_meta
from scenes.network import ACTIVATIONS, LOSSES, Names, build_network, unit_color
from scenes.network_panels import network_panels

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "render" / "web" / "src" / "network.js"
pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is a development tool")

NODE_SCRIPT = """
import * as net from %(src)s;
let text = "";
process.stdin.on("data", (c) => { text += c; });
process.stdin.on("end", () => {
  const job = JSON.parse(text), out = {};
  out.limits = [net.MAX_UNITS, net.MAX_LAYERS];
  out.colors = Array.from({length: 20}, (_, j) => net.unitColor(j));
  out.cases = job.cases.map((c) => ({
    graph: net.networkGraph(c.hidden, c.activation, c.loss),
    params: net.paramNames(c.hidden),
    panels: net.networkPanels(c.hidden, c.target, c.target_zh, c.points),
  }));
  out.refused = job.refused.map((h) => { try { net.networkGraph(h); return null; } catch (e) {
    return String(e.message); } });
  process.stdout.write(JSON.stringify(out));
});
"""


def cases() -> list[dict]:
    """Every single-layer width 1..16, and 40 random deeper nets, over every activation and loss."""
    rng = np.random.default_rng(26)
    hiddens = [(h,) for h in range(1, 17)]
    hiddens += [tuple(int(v) for v in rng.integers(1, 17, int(rng.integers(2, 4)))) for _ in range(40)]
    hiddens += [(16, 16, 16), (1, 1, 1), (9, 10), (10,)]
    out = []
    for k, hidden in enumerate(hiddens):
        act, loss = ACTIVATIONS[k % len(ACTIVATIONS)], list(LOSSES)[(k // len(ACTIVATIONS)) % 2]
        target, zh = [("x²", None), ("sin πx", "sin πx"), ("tent", "三角峰"), ("points.csv", None)][k % 4]
        out.append({"hidden": list(hidden), "activation": act, "loss": loss, "target": target,
                    "target_zh": zh, "points": k % 4 == 3})
    return out


def run_node(job: dict) -> dict:
    script = NODE_SCRIPT % {"src": json.dumps(SRC.as_uri())}
    done = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(job),
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_graphs_and_panels_are_pythons():
    job_cases = cases()
    got = run_node({"cases": job_cases, "refused": [[], [0], [17], [1, 2, 3, 4], [2.5], ["3"], "3"]})
    assert got["limits"] == [16, 3]
    assert got["colors"] == [unit_color(j) for j in range(20)]
    assert len(got["cases"]) == len(job_cases) >= 60
    for case, js in zip(job_cases, got["cases"]):
        hidden = tuple(case["hidden"])
        net = build_network(hidden, case["activation"], case["loss"])
        assert js["graph"] == graph_meta(net), case
        assert js["params"] == Names(hidden).params() == [p.name for p in net.params]
        panels = network_panels(hidden, case["target"], points=case["points"],
                                target_name_zh=case["target_zh"])
        assert js["panels"] == [p.describe() for p in panels], case
    assert all(isinstance(m, str) and m for m in got["refused"]), got["refused"]


def test_the_chapters_names_up_to_nine_units():
    """A spot check of the rule the comparison relies on: the tutorial's names for one layer <= 9 units."""
    js = run_node({"cases": [{"hidden": [2], "activation": "LeakyRelu", "loss": "absolute", "target": "x²",
                              "target_zh": None, "points": False},
                             {"hidden": [10], "activation": "Relu", "loss": "squared", "target": "x²",
                              "target_zh": None, "points": False}], "refused": []})
    assert js["cases"][0]["params"] == ["w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21"]
    assert js["cases"][1]["params"][9] == "w_1_10" and js["cases"][1]["graph"]["output"] == "add_2_1"
