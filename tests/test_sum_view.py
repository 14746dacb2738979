"""The page's sum panel (render/web/src/sum_view.js) draws what render/draw/panels_sum.py draws.

node runs the module against a recording 2D context (it keeps every fill, stroke and dot with the style it
was drawn in) and a plot.js Axes; the numbers come from a real recording (tests/test_sum_panel.py's 3- and
16-unit nets), and Python's render.draw.panels_shared.stack says where every band must be.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from test_sum_panel import _snapshot

from render.draw import panels_sum
from render.draw.panels_shared import stack
from render.draw.text import STRINGS
from render.draw.theme import THEMES

SRC = Path(__file__).resolve().parents[1] / "render" / "web" / "src"
pytestmark = pytest.mark.skipif(subprocess.run(["node", "--version"], capture_output=True).returncode != 0,
                                reason="node is a development tool")

NODE_SCRIPT = r"""
import { readFileSync } from "node:fs";
const S = await import(%(sum)s);
const { Axes } = await import(%(plot)s);
const job = JSON.parse(readFileSync(0, "utf8"));
const nan = (a) => a.map((v) => (v === null ? NaN : v));

/** A 2D context that keeps what is drawn: fills and strokes with their path and style, dots. */
class Recorder {
  constructor() {
    this.fillStyle = ""; this.strokeStyle = ""; this.lineWidth = 1; this.globalAlpha = 1;
    this.lineJoin = ""; this.lineCap = ""; this.dash = []; this.stack = []; this.path = [];
    this.fills = []; this.strokes = []; this.dots = []; this.clips = 0;
  }
  save() { this.stack.push([this.fillStyle, this.strokeStyle, this.lineWidth, this.globalAlpha, this.dash]); }
  restore() {
    [this.fillStyle, this.strokeStyle, this.lineWidth, this.globalAlpha, this.dash] = this.stack.pop();
  }
  setLineDash(d) { this.dash = [...d]; }
  beginPath() { this.path = []; }
  moveTo(x, y) { this.path.push(["M", x, y]); }
  lineTo(x, y) { this.path.push(["L", x, y]); }
  closePath() { this.path.push(["Z"]); }
  rect() { this.path.push(["R"]); }
  clip() { this.clips++; }
  arc(x, y, r) { this.path.push(["A", x, y, r]); }
  fill() {
    const arcs = this.path.filter((p) => p[0] === "A");
    if (arcs.length) {
      for (const a of arcs) {
        this.dots.push({ x: a[1], y: a[2], r: a[3], color: this.fillStyle, alpha: this.globalAlpha });
      }
      return;
    }
    this.fills.push({ style: this.fillStyle, alpha: this.globalAlpha, path: this.path.map((p) => [...p]) });
  }
  stroke() {
    this.strokes.push({ style: this.strokeStyle, width: this.lineWidth, dash: [...this.dash],
      path: this.path.filter((p) => p[0] === "M" || p[0] === "L").map((p) => [...p]) });
  }
  fillRect() {}
}

const out = {};
const grid = nan(job.grid), palette = job.palette;
const st = (hidden) => ({ color: (i) => palette[i %% palette.length], muted: job.muted, target: job.target,
  line: job.line, pt: 2, hidden: new Set(hidden || []) });
const ax = new Axes(job.rect, { xlim: job.xlim, ylim: job.ylim });
const values = Object.fromEntries(Object.entries(job.values).map(([k, v]) => [k, nan(v)]));
const draw = (vals, hidden) => {
  const ctx = new Recorder();
  S.drawSum(ctx, ax, grid, vals, job.panel, st(hidden));
  return { fills: ctx.fills, strokes: ctx.strokes };
};
out.levels = S.levels(job.panel.nodes.slice(0, -1).map((n) => values[n]), values[job.panel.nodes.at(-1)])
  .map((l) => Array.from(l));
out.drawn = draw(values);
out.hiddenUnit = draw(values, [job.panel.nodes[1]]);
out.hiddenStack = draw(values, ["stack"]);
// a hole (NaN) in the second unit's contribution and a blow-up (1e200) in the first one's
const holed = { ...values };
holed[job.panel.nodes[1]] = values[job.panel.nodes[1]].map((v, g) => (g === job.hole ? NaN : v));
holed[job.panel.nodes[0]] = values[job.panel.nodes[0]].map((v, g) => (g === job.hole + 3 ? 1e200 : v));
out.holed = draw(holed);
out.points = job.pointSets.map((pts) => {
  const ctx = new Recorder();
  S.drawPoints(ctx, ax, pts, st());
  return ctx.dots;
});
const hiddenPoints = new Recorder();
S.drawPoints(hiddenPoints, ax, job.pointSets[0], st(["points"]));
out.hiddenPoints = hiddenPoints.dots.length;
out.legend = Object.fromEntries(Object.entries(job.strings).map(([lang, s]) =>
  [lang, S.legendEntries(job.panel, s, st(), S.biasName(job.graph, job.panel))]));
out.noBias = S.legendEntries(job.panel, job.strings.en, st(), S.biasName(null, job.panel))[0].label;
out.compact = job.compactPanels.map((p) => S.compactLegend(p, job.strings.en, st()));
out.constants = [S.LEGEND_UNITS, S.BAND_ALPHA, S.POINTS_DRAWN, S.REACH];
out.unitAt = job.pointers.map(([px, py, panel]) => S.unitAt(ax, grid, values, panel, px, py));
console.log(JSON.stringify(out));
"""


def _nulls(a: np.ndarray) -> list:
    return [None if not np.isfinite(v) else float(v) for v in a]


RECT = {"x": 10.0, "y": 20.0, "w": 300.0, "h": 150.0}


def _px(x, xlim):
    return RECT["x"] + (np.asarray(x) - xlim[0]) / (xlim[1] - xlim[0]) * RECT["w"]


def _py(y, ylim):
    return RECT["y"] + RECT["h"] - (np.asarray(y) - ylim[0]) / (ylim[1] - ylim[0]) * RECT["h"]


@pytest.fixture(scope="module")
def case():
    snap = _snapshot(3, samples=300, every=30)
    panel = snap.meta["panels"][-1]
    names, i = snap.node_names, len(snap.steps) - 1
    shown = {*panel["nodes"], *snap.meta["panels"][0]["nodes"]}
    values = {n: snap.curves[0, i, names.index(n)] for n in shown}
    parts, out = [values[n] for n in panel["nodes"][:-1]], values[panel["nodes"][-1]]
    levels = stack(np.array(parts), out)
    lo, hi = float(levels.min()) - 0.5, float(levels.max()) + 0.5
    th = THEMES["dark"]
    rng = np.random.default_rng(4)
    # pointers: the middle of each band at a grid point where it is thick, outside, and on a curve
    xlim, ylim = [-0.5, 2.5], [lo, hi]
    pointers = []
    for k in range(3):
        g = int(np.argmax(np.abs(levels[k + 1] - levels[k])))
        pointers.append([float(_px(snap.grid[g], xlim)), float(_py((levels[k] + levels[k + 1])[g] / 2, ylim)),
                         panel])
    pointers.append([RECT["x"] - 5, RECT["y"] + 5, panel])
    curves = snap.meta["panels"][0]  # a point of add_13 inside the axes, clear of the other curves
    ys = np.array([_py(values[n], ylim) for n in curves["nodes"]])
    inside = (ys[2] > RECT["y"] + 2) & (ys[2] < RECT["y"] + RECT["h"] - 2)
    clear = (np.abs(ys[:2] - ys[2]).min(axis=0) > 8) & inside
    g = int(np.flatnonzero(clear)[0])
    pointers.append([float(_px(snap.grid[g], xlim)), float(ys[2, g]) + 1, curves])
    job = {"grid": _nulls(snap.grid), "palette": list(th.palette), "muted": th.muted, "target": th.target,
           "line": 3.0, "rect": RECT, "xlim": xlim, "ylim": ylim, "panel": panel, "hole": 40,
           "values": {n: _nulls(v) for n, v in values.items()}, "graph": {"nodes": snap.meta["nodes"]},
           "pointSets": [rng.uniform(0, 2, (25, 2)).tolist(), rng.uniform(0, 2, (30_000, 2)).tolist()],
           "strings": {lang: STRINGS[lang] for lang in ("en", "zh")},
           "compactPanels": [{"nodes": [f"a{k}" for k in range(n)], "colors": list(range(n))}
                             for n in (8, 9, 16)],
           "pointers": pointers}
    script = NODE_SCRIPT % {"sum": json.dumps((SRC / "sum_view.js").as_uri()),
                            "plot": json.dumps((SRC / "plot.js").as_uri())}
    run = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(job),
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    js = json.loads(run.stdout)
    return {"snap": snap, "panel": panel, "levels": levels, "out": out, "job": job, "js": js}


def _rgba(hex_: str, alpha: float) -> str:
    return f"rgba({int(hex_[1:3], 16)},{int(hex_[3:5], 16)},{int(hex_[5:7], 16)},{alpha})"


def test_the_levels_are_pythons_to_the_bit_and_the_top_is_the_output(case):
    js = np.array(case["js"]["levels"])
    assert js.shape == case["levels"].shape == (4, len(case["snap"].grid))
    assert np.array_equal(js, case["levels"])  # the same float operations in the same order
    assert np.abs(js[-1] - case["out"]).max() <= 1e-12


def test_each_band_is_filled_between_its_running_sums_in_its_units_colour(case):
    job, levels, drawn = case["job"], case["levels"], case["js"]["drawn"]
    palette, colors = job["palette"], case["panel"]["colors"]
    assert [f["style"] for f in drawn["fills"]] == [_rgba(palette[c], 0.28) for c in colors[:-1]]
    px = _px(case["snap"].grid, job["xlim"])
    for k, fill in enumerate(drawn["fills"]):
        path = fill["path"]
        assert [p[0] for p in path] == ["M"] + ["L"] * (2 * len(px) - 1) + ["Z"]
        xy = np.array([p[1:] for p in path[:-1]])
        g = len(px)
        assert np.allclose(xy[:g, 0], px) and np.allclose(xy[g:, 0], px[::-1])
        assert np.allclose(xy[:g, 1], _py(levels[k + 1], job["ylim"]), atol=1e-9)  # along the top
        assert np.allclose(xy[g:, 1], _py(levels[k][::-1], job["ylim"]), atol=1e-9)  # back along the bottom


def test_tops_bias_and_output_are_stroked_over_the_bands(case):
    job, levels, strokes = case["job"], case["levels"], case["js"]["drawn"]["strokes"]
    palette, colors = job["palette"], case["panel"]["colors"]
    assert [s["style"] for s in strokes] == [palette[c] for c in colors[:-1]] + [job["muted"], palette[2]]
    assert [s["width"] for s in strokes] == [0.4 * 3.0] * 3 + [0.6 * 3.0, 3.0]
    assert strokes[3]["dash"] == [1.5 * 0.6 * 3.0] * 2 and strokes[4]["dash"] == []
    ys = np.array([p[2] for p in strokes[-1]["path"]])
    assert np.allclose(ys, _py(case["out"], job["ylim"]), atol=1e-9)  # the output, last, on top
    assert np.allclose([p[2] for p in strokes[2]["path"]], ys, atol=1e-9)  # the last top is the output
    base = np.array([p[2] for p in strokes[3]["path"]])
    assert np.allclose(base, _py(levels[0], job["ylim"]), atol=1e-9) and np.ptp(base) < 1e-6  # the bias


def test_hidden_entries_leave_out_what_they_name(case):
    js, panel = case["js"], case["panel"]
    assert len(js["hiddenUnit"]["fills"]) == 2 and len(js["hiddenUnit"]["strokes"]) == 4
    kept = [f["path"] for f in js["hiddenUnit"]["fills"]]
    assert kept == [case["js"]["drawn"]["fills"][k]["path"] for k in (0, 2)]  # the others stay put
    assert js["hiddenStack"]["fills"] == [] and len(js["hiddenStack"]["strokes"]) == 1
    assert js["hiddenStack"]["strokes"][0]["style"] == case["job"]["palette"][panel["colors"][-1]]


def test_a_hole_splits_the_bands_and_a_blow_up_is_cut_at_the_reach(case):
    fills, hole = case["js"]["holed"]["fills"], case["job"]["hole"]
    # a NaN in one contribution is a NaN in the sum, so in the bias and every level: each band splits there;
    # unit 1's 1e200 is cut at the reach, no gap
    assert len(fills) == 3 * 2
    ys = [p[2] for f in fills for p in f["path"] if p[0] != "Z"]
    assert all(np.isfinite(ys))
    lo, hi = case["job"]["ylim"]
    reach = panels_sum.REACH * (hi - lo)
    assert min(ys) >= _py(hi + reach, [lo, hi]) - 1e-9 and max(ys) <= _py(lo - reach, [lo, hi]) + 1e-9
    g = len(case["snap"].grid)
    assert [sum(p[0] != "Z" for p in f["path"]) for f in fills] == [2 * hole, 2 * (g - hole - 1)] * 3


def test_points_are_small_dots_strided_past_twenty_thousand(case):
    job = case["job"]
    few, many = case["js"]["points"]
    pts = np.array(job["pointSets"][0])
    assert len(few) == 25 and {d["color"] for d in few} == {job["target"]}
    assert {d["alpha"] for d in few} == {0.7}
    assert np.allclose([d["x"] for d in few], _px(pts[:, 0], job["xlim"]))
    assert np.allclose([d["y"] for d in few], _py(pts[:, 1], job["ylim"]))
    assert few[0]["r"] == pytest.approx(3.0 * 1.6 / 2)  # the video's marker: ms = 1.6 lines across
    assert len(many) == 15_000 and many[0]["r"] == pytest.approx(3.0 * 0.5 / 2)  # every 2nd, smaller
    assert case["js"]["hiddenPoints"] == 0


def test_legend_entries_are_the_videos(case):
    job, legend = case["job"], case["js"]["legend"]
    palette = job["palette"]
    assert [(e["key"], e["label"], e["kind"]) for e in legend["en"]] == [
        ("stack", "units 1–3 + b_21", "strip"), ("add_21", "add_21", "line")]
    assert legend["zh"][0]["label"] == "单元 1–3 + b_21"
    assert legend["en"][0]["colors"] == [palette[c] for c in (0, 1, 3)] and legend["en"][0]["bands"]
    assert legend["en"][0]["keys"] == ["mul_21", "mul_22", "mul_23"]
    assert legend["en"][1]["color"] == palette[2]
    assert case["js"]["noBias"] == "units 1–3 + bias"
    eight, nine, sixteen = case["js"]["compact"]
    assert eight is None and nine["label"] == "units 1–9" and sixteen["label"] == "units 1–16"
    assert sixteen["colors"] == palette[:16] and sixteen["keys"] == [f"a{k}" for k in range(16)]


def test_the_pointer_finds_its_unit(case):
    got = case["js"]["unitAt"]
    assert got[:3] == ["mul_21", "mul_22", "mul_23"]  # each band's middle
    assert got[3] is None  # outside the axes
    assert got[4] == case["job"]["pointers"][4][2]["nodes"][2]  # a pixel from a curve


def test_the_pages_numbers_are_the_videos(case):
    video = panels_sum
    assert case["js"]["constants"] == [video.LEGEND_UNITS, video.BAND_ALPHA, video.POINTS_DRAWN, video.REACH]
