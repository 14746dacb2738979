"""The adaline's player page in headless Chromium: the data and surface panels load offline with no error,
draw the samples seen and the path so far, read the loss surface off the recording, and hide their parts
from the legend; graph.js and train.js refuse a user's class named like one of ourdl's ops.

One browser for the module; the recording is the scene's own (1000 samples, a third of a second).
"""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from headless_chromium import page_url

from render.record import record
from render.record.runs import graph_meta
from render.web import write_player
from render.web.build import page
from scenes import get_scene
from scenes.adaline import build

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"


@pytest.fixture(scope="module")
def adaline():
    return record(get_scene("adaline"))


@pytest.fixture(scope="module")
def page_path(adaline, tmp_path_factory):
    return write_player(adaline, tmp_path_factory.mktemp("adaline") / "adaline.html")


def open_page(browser, path, fragment: str = ""):
    tab = browser.open(page_url(path) + fragment, width=1100, height=800)
    tab.wait_for(f"{PLAYER} !== undefined")
    return tab


def test_loads_offline_and_draws_both_panels(browser, page_path, adaline):
    with open_page(browser, page_path, "#step=74") as tab:
        assert tab.errors() == []
        assert tab.requests() == [page_url(page_path)]
        kinds = tab.evaluate(f"{PLAYER}.d.panels.map(p => p.kind)")
        assert kinds == ["data", "surface"]
        # the legend names the panels' own parts, which toggle like curves
        keys = tab.evaluate("[...document.querySelectorAll('.op-entry')].map(e => e.dataset.key)")
        assert {"samples", "surface", "path", "add", "target", "span"} <= set(keys)
        # the path the page draws is the recorded (w, b) at every snapshot, exactly
        path = tab.evaluate(f"(() => {{ const p = {PLAYER}.panelState.paths['0,1'][0]; "
                            "return [Array.from(p.xs), Array.from(p.ys)]; })()")
        np.testing.assert_array_equal(np.array(path).T, adaline.params[0])
        samples = tab.evaluate(f"{PLAYER}.panelState.samples")
        assert samples == [1000]


def test_surface_readout_is_the_recorded_surface(browser, page_path, adaline):
    z, sx, sy = (adaline.extra[k] for k in ("surface", "surface_x", "surface_y"))
    with open_page(browser, page_path) as tab:
        for j, i in [(40, 50), (10, 70), (80, 0)]:
            got = tab.evaluate(f"ourdl.panels.lossAt({PLAYER}, {float(sx[i])!r}, {float(sy[j])!r})")
            assert got == float(np.float32(z[j, i]))  # at a mesh point: the embedded float32 value
        w, b = float(sx[50] + sx[51]) / 2, float(sy[40])
        mid = tab.evaluate(f"ourdl.panels.lossAt({PLAYER}, {w!r}, {b!r})")
        assert mid == pytest.approx((z[40, 50] + z[40, 51]) / 2, rel=1e-6)
        assert tab.evaluate(f"ourdl.panels.lossAt({PLAYER}, 100, 0)") is None  # NaN outside the mesh
        # hovering the surface panel reads (w, b) and the loss there
        x, y = tab.evaluate(f"(() => {{ const ax = {PLAYER}.axes[0][1], c = document.querySelector("
                            "'.op-canvas').getBoundingClientRect(); return [c.left + ax.px(2), "
                            "c.top + ax.py(1)]; })()")
        tab.move(x, y)
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        text = tab.evaluate("document.querySelector('.op-tip').innerText")
        w, b = (float(v) for v in re.search(r"w = (\S+), b = (\S+)", text).groups())
        assert w == pytest.approx(2, abs=0.01) and b == pytest.approx(1, abs=0.01)
        assert "mean |y − (2x + 1)| = " in text
        assert tab.errors() == []


COUNT = """(() => {
  const p = PLAYER, ax = p.axes[0][$COLUMN], c = p.canvas, dpr = p.dpr;
  const x0 = Math.ceil(ax.rect.x * dpr), y0 = Math.ceil(ax.rect.y * dpr);
  const w = Math.floor(ax.rect.w * dpr) - 1, h = Math.floor(ax.rect.h * dpr) - 1;
  const px = c.getContext("2d").getImageData(x0, y0, w, h).data;
  const want = [$COLORS].map((hex) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)));
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const near = (q) => Math.abs(px[i] - q[0]) + Math.abs(px[i + 1] - q[1]) + Math.abs(px[i + 2] - q[2]) < 12;
    if (want.some(near)) n++;
  }
  return n;
})()""".replace("PLAYER", PLAYER)


def count(tab, col: int, colors: list[str]) -> int:
    """Canvas pixels of panel `col` (first row) within a small distance of one of `colors`."""
    script = COUNT.replace("$COLUMN", str(col)).replace("$COLORS", ", ".join(json.dumps(c) for c in colors))
    return tab.evaluate(script)


def test_scrubbing_and_the_legend_change_the_picture(browser, page_path):
    with open_page(browser, page_path, "#step=74") as tab:
        accent = tab.evaluate(f"{PLAYER}.color(1)")
        bands = tab.evaluate(f"{PLAYER}.d.surface.colors")
        shown = {"samples": count(tab, 0, [accent]), "path": count(tab, 1, [accent]),
                 "surface": count(tab, 1, bands)}
        assert shown["samples"] > 50 and shown["path"] > 50 and shown["surface"] > 10_000
        tab.evaluate(f"{PLAYER}.controls.seek(1, true)")  # one sample in: one solid point, a short path
        assert 0 < count(tab, 0, [accent]) < shown["samples"] / 3
        assert 0 < count(tab, 1, [accent]) < shown["path"]
        tab.evaluate(f"{PLAYER}.controls.seek({PLAYER}.indexOfStep(74), true)")
        for key, col, colors in (("samples", 0, [accent]), ("path", 1, [accent]), ("surface", 1, bands)):
            x, y = tab.evaluate(f"(() => {{ const r = document.querySelector(\".op-entry[data-key='{key}']\")"
                                ".getBoundingClientRect(); return [r.left + r.width / 2, "
                                "r.top + r.height / 2]; })()")
            tab.click(x, y)
            assert tab.evaluate(f"{PLAYER}.state().hidden") == [key]
            assert count(tab, col, colors) < shown[key] / 20
            tab.click(x, y)
            assert count(tab, col, colors) == pytest.approx(shown[key], rel=0.02)
        tab.wait_for("location.hash.includes('step=74')", timeout=3)
        assert tab.errors() == []


def test_a_user_class_named_like_ours_is_refused_by_the_page_engines(browser, tmp_path):
    """graph.js (the player) compiles nothing it would compute with ourdl's maths for a user's class, and
    train.js (the lab) refuses to train it, though its kind says "Add"."""
    graph = graph_meta(build())
    own = json.loads(json.dumps(graph))
    next(n for n in own["nodes"] if n["kind"] == "Add")["builtin"] = False
    path = tmp_path / "engines.html"
    path.write_text(page(title="engines", lang="en", body="", data={}, styles=[], script="lab.bundle.js"))
    with browser.open(page_url(path)) as tab:
        assert tab.evaluate(f"ourdl.graph.compile({json.dumps(graph)}, 3) !== null")
        assert tab.evaluate(f"ourdl.graph.compile({json.dumps(own)}, 3) === null")
        attempt = ("(() => {{ try {{ ourdl.train.compile({}, {{engine: 'interpreter'}}); return 'ok'; }} "
                   "catch (e) {{ return e.message; }} }})()")
        assert tab.evaluate(attempt.format(json.dumps(graph))) == "ok"
        message = tab.evaluate(attempt.format(json.dumps(own)))
        assert message == 'lab: "add" is your own "Add" class, not ourdl\'s'
        assert tab.errors() == []
