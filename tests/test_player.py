"""The HTML player in headless Chromium: it loads offline with no error and no request, scrubs, plays,
deep-links, reads values off the curves, recomputes every curve exactly, and shows hostile text as text.

One browser for the module; each test opens its own tab (about 0.1 s). Recordings are small (fig8 and
fig7_vs_fig8 cut to 1500 samples, a snapshot every 100), so the module runs in a few seconds.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from pathlib import Path

import numpy as np
import pytest
from headless_chromium import font_dirs, page_url

from render.record import record
from render.record.snapshot import Snapshot, load_snapshot
from render.web import player_html, player_iframe, write_player
from scenes import get_scene

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
CANVAS = "document.querySelector('.op-canvas').getBoundingClientRect()"
GOLDENS = Path(__file__).resolve().parents[1] / "render" / "record" / "goldens"


@pytest.fixture(scope="module")
def fig8() -> Snapshot:
    return record(get_scene("fig8").with_overrides(samples=1500, every=100))


@pytest.fixture(scope="module")
def pair() -> Snapshot:
    return record(get_scene("fig7_vs_fig8").with_overrides(samples=1500, every=100))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, fig8, pair) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("player")
    return {"fig8": write_player(fig8, out / "fig8.html"), "pair": write_player(pair, out / "pair.html"),
            "zh_dark": write_player(fig8, out / "fig8_zh_dark.html", theme="dark", lang="zh")}


def open_page(browser, path: Path, fragment: str = "", width: int = 1000, height: int = 760):
    tab = browser.open(page_url(path) + fragment, width=width, height=height)
    tab.wait_for(f"{PLAYER} !== undefined")
    return tab


def state(tab) -> dict:
    return tab.evaluate(f"{PLAYER}.state()")


def caption(tab, row: int = 0) -> str:
    return tab.evaluate(f"document.querySelectorAll('.op-caption')[{row}].textContent")


def canvas_digest(tab) -> str:
    return tab.evaluate("(() => { const c = document.querySelector('.op-canvas'); "
                        "return c.toDataURL().length + ':' + c.toDataURL().slice(-200); })()")


def center(tab, selector: str) -> tuple[float, float]:
    """The viewport point at the middle of the element `selector`."""
    return tab.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")


def panel_point(tab, row: int, col: int, x: float | None = None) -> tuple[float, float]:
    """The viewport point of data x (default: the middle) half-way up panel (row, col)."""
    px = "ax.rect.x + ax.rect.w / 2" if x is None else f"ax.px({x!r})"
    return tab.evaluate(f"(() => {{ const ax = {PLAYER}.axes[{row}][{col}], c = {CANVAS}; "
                        f"return [c.left + {px}, c.top + ax.rect.y + ax.rect.h / 2]; }})()")


def at(tab, row: int, col: int, x: float, y: float) -> tuple[float, float]:
    """The viewport point of data (x, y) in panel (row, col)."""
    return tab.evaluate(f"(() => {{ const ax = {PLAYER}.axes[{row}][{col}], c = {CANVAS}; "
                        f"return [c.left + ax.px({x!r}), c.top + ax.py({y!r})]; }})()")


def assert_clean(tab, path: Path) -> None:
    assert tab.errors() == []
    assert tab.requests() == [page_url(path)] or tab.requests() == [tab.evaluate("location.href")]


DEFAULT = {"playing": False, "speed": 1, "loop": False, "run": -1, "hidden": []}


# --------------------------------------------------------------------------------------------------- loading


def test_loads_offline_with_no_error_no_request_and_a_strict_csp(browser, pages, fig8):
    path = pages["fig8"]
    text = path.read_text()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)[1]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'sha256-" in csp
    with open_page(browser, path) as tab:
        assert_clean(tab, path)
        # opens at the final state, like the poster, paused
        assert state(tab) == {**DEFAULT, "index": len(fig8.steps) - 1, "step": 1500}
        assert "sample 1,500 of 1,500" in caption(tab)
        assert tab.evaluate("document.querySelectorAll('script:not([type])').length") == 1


def test_slider_changes_the_picture_and_the_captions_sample_count(browser, pages):
    path = pages["fig8"]
    with open_page(browser, path) as tab:
        before, text_before = canvas_digest(tab), caption(tab)
        box = tab.evaluate("(() => { const r = document.querySelector('.op-slider').getBoundingClientRect();"
                           " return [r.left, r.top, r.width, r.height]; })()")
        tab.click(box[0] + 7 + (box[2] - 14) * 0.3, box[1] + box[3] / 2)  # a real click on the slider track
        s = state(tab)
        assert 0 < s["index"] < 15
        assert f"sample {s['step']:,} of 1,500" in caption(tab) and caption(tab) != text_before
        assert canvas_digest(tab) != before
        position = tab.evaluate("document.querySelector('.op-pos').textContent")
        assert position == f"sample {s['step']:,} of 1,500"
        assert_clean(tab, path)


def test_fragment_opens_at_sample_1500(browser, pages, pair):
    with open_page(browser, pages["pair"], "#step=1500&hide=add_11&run=2") as tab:
        s = state(tab)
        assert s["step"] == 1500 and s["hidden"] == ["add_11"] and s["run"] == 1 and not s["playing"]
        assert "sample 1,500 of 1,500" in caption(tab)
    with open_page(browser, pages["pair"], "#step=250") as tab:  # between snapshots: the one reached
        assert state(tab)["step"] == 200
        assert tab.evaluate("document.querySelectorAll('.op-caption').length") == 2


def test_fragment_follows_scrubbing(browser, pages):
    with open_page(browser, pages["fig8"]) as tab:
        tab.key("Home")
        tab.key("ArrowRight")
        tab.key("ArrowRight")
        tab.wait_for("location.hash === '#step=200'", timeout=3)


# --------------------------------------------------------------------------------------------------- reading


def test_hover_readout_shows_each_drawn_node_at_x(browser, pages, fig8):
    with open_page(browser, pages["fig8"], "#step=700") as tab:
        s = int(np.searchsorted(fig8.steps, 700))
        g = int(np.argmin(np.abs(fig8.grid - 1.0)))
        x, y = panel_point(tab, 0, 2, float(fig8.grid[g]))
        tab.move(x + 0.3, y)
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        text = tab.evaluate("document.querySelector('.op-tip').innerText")
        assert "x = 1" in text
        for name in ("add_11", "add_12", "mul_21", "mul_22", "add_21"):
            shown = float(re.search(rf"{name} = (\S+)", text)[1].replace("\u2212", "-"))
            recorded = fig8.curve(0, name)[s, g]
            assert shown == pytest.approx(recorded, rel=1e-4, abs=1e-6), name
        exact = tab.evaluate(f"{PLAYER}.readout().lines.filter(l => l.node).map(l => [l.node, l.value])")
        for name, value in exact:
            if name != "target":
                assert value == fig8.curve(0, name)[s, g]  # bit-identical for these ops


def test_a_hover_on_a_row_that_a_link_then_hides_is_dropped(browser, pages):
    """Hovering row 2's loss panel, then `#run=1` (one row): the readout must not look up row 2."""
    with open_page(browser, pages["pair"]) as tab:
        tab.move(*panel_point(tab, 1, 3))
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        tab.evaluate("location.hash = '#run=1'")
        tab.wait_for(f"{PLAYER}.state().run === 0", timeout=3)
        tab.evaluate(f"{PLAYER}.draw()")
        assert tab.errors() == []
        assert tab.evaluate("document.querySelector('.op-tip').hidden")


def test_legend_click_hides_a_curve_and_the_link_keeps_it(browser, pages):
    with open_page(browser, pages["fig8"]) as tab:
        before = canvas_digest(tab)
        x, y = center(tab, ".op-entry[data-key='add_12']")
        tab.click(x, y)
        assert state(tab)["hidden"] == ["add_12"]
        assert canvas_digest(tab) != before
        tab.wait_for("location.hash.includes('hide=add_12')", timeout=3)
        tab.click(x, y)
        assert state(tab)["hidden"] == []


# ------------------------------------------------------------------------------------------------ exactness


CURVES_B64 = """(async () => {
  const p = PLAYER;
  await p.ready;
  const out = new Float64Array(p.R * p.S * p.curves(0, 0).length);
  let k = 0;
  for (let r = 0; r < p.R; r++) {
    for (let s = 0; s < p.S; s++) { const c = p.curves(r, s); out.set(c, k); k += c.length; }
  }
  const b = new Uint8Array(out.buffer); let str = '';
  for (let i = 0; i < b.length; i += 32768) str += String.fromCharCode.apply(null, b.subarray(i, i + 32768));
  return btoa(str);
})()""".replace("PLAYER", PLAYER)


def js_curves(browser, snapshot: Snapshot, folder: Path) -> np.ndarray:
    path = write_player(snapshot, folder / f"{snapshot.meta['scene']}.html")
    with open_page(browser, path) as tab:
        raw = base64.b64decode(tab.evaluate(CURVES_B64))
        assert tab.errors() == []
    return np.frombuffer(raw, "<f8").reshape(snapshot.curves.shape)


@pytest.mark.parametrize("golden", sorted(GOLDENS.glob("*.npz")), ids=lambda p: p.stem)
def test_js_curves_equal_the_recording_at_every_snapshot(browser, golden, tmp_path):
    """Every built-in scene's golden recording (every run, snapshot and node; a sweep's named runs, each
    with its own activation): the page's float64 evaluation from parameters and graph equals what ourdl
    recorded to 1e-9."""
    snap = load_snapshot(golden)
    got = js_curves(browser, snap, tmp_path)
    assert np.array_equal(np.isnan(got), np.isnan(snap.curves))
    # initial 0: a golden without named runs (a width sweep) has no curves to differ
    diff = np.nanmax(np.abs(got - snap.curves) / np.maximum(1.0, np.abs(snap.curves)), initial=0.0)
    assert diff <= 1e-9, f"{golden.stem}: max difference {diff:.3g}"


def test_js_curves_exact_on_the_full_grid_with_each_activation(browser, tmp_path):
    """Every op the page knows, over a full 301-point grid: Relu, Sigmoid, Tanh, Step as well."""
    for act in ("Relu", "Sigmoid", "Tanh", "Step"):
        snap = record(get_scene("fig8").with_overrides(samples=300, every=50, activation=act))
        got = js_curves(browser, snap, tmp_path)
        diff = np.nanmax(np.abs(got - snap.curves) / np.maximum(1.0, np.abs(snap.curves)))
        assert diff <= 1e-9, f"{act}: {diff:.3g}"


def family(hidden=None, points=None) -> Snapshot:
    """fig8 as the command line makes it with --hidden or --data (scenes/family.py), cut short."""
    scene = get_scene("fig8").with_network(hidden=hidden, points=points)
    return record(scene.with_overrides(samples=400, every=50))


#: a CSV's points as --data reads them (x, y): a wiggle the chapter's two units cannot follow
POINTS = np.column_stack([np.linspace(-1.0, 2.0, 40), np.sin(2 * np.linspace(-1.0, 2.0, 40))])


@pytest.mark.parametrize("hidden, points", [((16,), None), ((3, 3), None), ((12,), None), (None, POINTS)],
                         ids=["hidden16", "hidden3_3", "hidden12", "data"])
def test_js_curves_exact_for_the_network_family(browser, tmp_path, hidden, points):
    """--hidden 16 (names past 9 units: w_1_10), two layers (relu_1_1 ... add_3_1) and --data (the target
    NaN, the points in the page): the page computes them from the parameters (no embedded curves) and
    every node at every snapshot equals the recording exactly."""
    snap = family(hidden, points)
    data = page_data(player_html(snap))
    assert data["graph"] is not None and data["curves"] is None
    assert (data["points"] is None) == (points is None) and data["hasTarget"] == (points is None)
    got = js_curves(browser, snap, tmp_path)
    assert np.array_equal(np.isnan(got), np.isnan(snap.curves))
    assert np.array_equal(np.nan_to_num(got), np.nan_to_num(snap.curves)), "not bit for bit"


def test_family_pages_draw_the_sum_view_leave_out_off_units_and_name_the_unit_hovered(browser, tmp_path):
    """The width scene (rows of 1, 2, 4 and 8 units in one graph): a row's off units are in neither its
    drawing nor its readout; the sum panel's legend is the stack and its output; hovering a band of the sum
    view names that unit (and the output), not every unit. fig8 --hidden 16: one legend entry for 16 curves,
    which hides them all; the readout names only the curve under the pointer."""
    width = load_snapshot(GOLDENS / "width.npz")
    path = write_player(width, tmp_path / "width.html")
    with open_page(browser, path, width=1280, height=1300) as tab:
        labels = tab.evaluate("Array.from(document.querySelectorAll('.op-legend')[1].children, "
                              "e => e.textContent)")
        assert labels == ["units 1–8 + b_21", "add_21", "target x²", "data range"]
        tab.move(*panel_point(tab, 0, 0, 1.0))  # the 1-unit row: add_12 ... add_18 are off
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        nodes = tab.evaluate(f"{PLAYER}.readout().lines.map(l => l.node).filter(Boolean)")
        assert nodes == ["add_11", "add_21", "target"]
        s, g = len(width.steps) - 1, int(np.argmin(np.abs(width.grid - 2.0)))
        mid = width.curve(3, "add_21")[s, g] - width.curve(3, "mul_28")[s, g] / 2  # inside the last band
        tab.move(*at(tab, 3, 1, float(width.grid[g]), float(mid)))
        tab.wait_for(f"{PLAYER}.readout() && {PLAYER}.readout().run === 3", timeout=3)
        lines = tab.evaluate(f"{PLAYER}.readout().lines.filter(l => l.node).map(l => [l.node, l.value])")
        assert [n for n, _ in lines if n.startswith("mul_2") or n == "add_21"] == ["mul_28", "add_21"]
        assert dict(lines)["mul_28"] == width.curve(3, "mul_28")[s, g]
        assert_clean(tab, path)
    wide = family((16,))
    path = write_player(wide, tmp_path / "wide.html")
    with open_page(browser, path, width=1280, height=900) as tab:
        assert tab.evaluate("document.querySelectorAll('.op-legend')[0].textContent") == "units 1–16"
        g = int(np.argmin(np.abs(wide.grid - 1.0)))
        tab.move(*at(tab, 0, 0, float(wide.grid[g]), float(wide.curve(0, "add_1_5")[-1, g])))  # on a curve
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        nodes = tab.evaluate(f"{PLAYER}.readout().lines.map(l => l.node || '')")
        named = [n for n in nodes if n.startswith("add_1")]
        assert len(named) == 1  # of 16: the one under the pointer
        before = canvas_digest(tab)
        tab.click(*center(tab, ".op-entry[data-key='units_0']"))
        assert tab.evaluate(f"{PLAYER}.state().hidden") == ["units_0"]
        assert canvas_digest(tab) != before and "hide=units_0" in tab.evaluate("location.hash")
        assert_clean(tab, path)


def page_data(text: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="ourdl-data">(.*?)</script>', text)[1])


def test_unknown_op_embeds_the_curves_instead(browser, fig8, tmp_path):
    meta = json.loads(json.dumps(fig8.meta))
    for node in meta["nodes"]:
        if node["name"] == "relu_11":
            node["kind"] = "MyCube"  # a user's own op: the page cannot compute it
    snap = dataclasses.replace(fig8, meta=meta)
    text = player_html(snap)
    data = json.loads(re.search(r'<script type="application/json" id="ourdl-data">(.*?)</script>', text)[1])
    assert data["graph"] is None and data["params"] is None and data["curves"]
    path = tmp_path / "custom.html"
    path.write_text(text)
    with open_page(browser, path, "#step=700") as tab:
        s = int(np.searchsorted(fig8.steps, 700))
        values = tab.evaluate(f"Array.from({PLAYER}.drawn(0, {s}).add_21)")
        np.testing.assert_array_equal(np.float32(values), fig8.curve(0, "add_21")[s].astype(np.float32))
        assert_clean(tab, path)


# --------------------------------------------------------------------------------------------------- input


def test_keyboard_controls(browser, pages, fig8):
    last = len(fig8.steps) - 1
    with open_page(browser, pages["fig8"]) as tab:
        tab.key("ArrowLeft")
        assert state(tab)["index"] == last - 1
        tab.key("Home")
        assert state(tab)["index"] == 0
        tab.key("ArrowRight")
        assert state(tab)["index"] == 1
        tab.key("End")
        assert state(tab)["index"] == last
        tab.key("]")
        tab.key("l")
        assert state(tab)["speed"] == 2 and state(tab)["loop"]
        tab.key("Home")
        tab.key(" ")
        assert state(tab)["playing"]
        tab.wait_for(f"{PLAYER}.state().index > 2", timeout=5)  # it moves by itself
        tab.key(" ")
        paused = state(tab)
        assert not paused["playing"]
        tab.key("ArrowRight")
        assert state(tab)["index"] == min(paused["index"] + 1, last)
        assert tab.errors() == []


def test_play_runs_to_the_end_and_stops(browser, pages, fig8):
    with open_page(browser, pages["fig8"], "#speed=4") as tab:
        tab.evaluate(f"{PLAYER}.controls.play()")  # from the end: starts over
        assert state(tab)["index"] < len(fig8.steps) - 1
        tab.wait_for(f"!{PLAYER}.state().playing", timeout=10)
        assert state(tab)["index"] == len(fig8.steps) - 1


# --------------------------------------------------------------------------------------------------- looks


def test_chinese_and_dark_render(browser, pages):
    path = pages["zh_dark"]
    with open_page(browser, path) as tab:
        assert_clean(tab, path)
        assert "样本 1,500 / 1,500" in caption(tab)
        assert tab.evaluate("document.documentElement.lang") == "zh-CN"
        assert tab.evaluate("document.querySelector('.op-run-label').textContent").startswith("图 8")
        assert "训练损失" in tab.evaluate("document.querySelector('.op-legend:last-child').textContent")
        # the figure's background is the dark theme's (#121519), its curves are drawn
        pixel = tab.evaluate("Array.from(document.querySelector('.op-canvas').getContext('2d')"
                             ".getImageData(3, 3, 1, 1).data)")
        assert pixel[:3] == [0x12, 0x15, 0x19]
        tab.screenshot(path.with_suffix(".png"))
        if font_dirs():  # with a CJK font the Chinese title is wider than the same count of tofu boxes
            width = tab.evaluate("(() => { const c = document.createElement('canvas').getContext('2d');"
                                 f" c.font = '16px ' + {PLAYER}.fam; return [c.measureText('损失').width,"
                                 " c.measureText('\\u0378\\u0379').width]; })()")
            assert width[0] != width[1]


# --------------------------------------------------------------------------------------------------- safety

HOSTILE = ['<script>window.__pwned = 1</script>', '"><img src=x onerror="window.__pwned = 2">',
           '</script><script>window.__pwned = 3</script>', "javascript:window.__pwned = 4",
           "<!-- \u2028 \u2029 & {step} {total:,}"]


@pytest.mark.parametrize("fragment", ["#step=abc", "#step=1e309", "#step=-3", "#step=99999999999999999999",
                                      "#nonsense=1&also", "#speed=1e309&run=0&loop=yes",
                                      "#hide=%3Cimg%20src=x%20onerror=window.__pwned=5%3E",
                                      "#step=javascript:window.__pwned=6", "#%E0%A4%A&step=%"])
def test_malformed_fragments_open_at_the_default_state(browser, pages, fig8, fragment):
    with open_page(browser, pages["fig8"], fragment) as tab:
        assert state(tab) == {**DEFAULT, "index": len(fig8.steps) - 1, "step": 1500}
        assert tab.evaluate("window.__pwned") is None
        assert tab.errors() == []


def test_hostile_labels_are_shown_as_text_and_nothing_runs(browser, fig8, tmp_path):
    meta = json.loads(json.dumps(fig8.meta))
    meta["scene"] = HOSTILE[0]
    meta["description"] = HOSTILE[1]
    meta["runs"][0]["label"] = " | ".join(HOSTILE)
    meta["panels"][0]["title"] = HOSTILE[2]
    meta["target_name"] = HOSTILE[3]
    rename = {"add_21": HOSTILE[1]}  # a node name from a user's graph, through every reference to it
    for node in meta["nodes"]:
        node["name"] = rename.get(node["name"], node["name"])
        node["parents"] = [rename.get(p, p) for p in node["parents"]]
    for panel in meta["panels"]:
        panel["nodes"] = [rename.get(n, n) for n in panel["nodes"]]
    meta["output"] = rename["add_21"]
    text = player_html(dataclasses.replace(fig8, meta=meta))
    assert "<script>window" not in text and "<img src=x" not in text and "</script><script>" not in text
    path = tmp_path / "hostile.html"
    path.write_text(text)
    with open_page(browser, path, "#hide=" + HOSTILE[0]) as tab:
        assert tab.evaluate("window.__pwned") is None
        assert tab.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert tab.evaluate("document.querySelectorAll('script').length") == 2  # data + the page's own
        assert tab.evaluate("document.querySelector('.op-run-label').textContent") == " | ".join(HOSTILE)
        assert tab.evaluate("document.title").startswith(HOSTILE[0])
        legend = tab.evaluate("[...document.querySelectorAll('.op-entry')].map(e => e.textContent)")
        assert HOSTILE[1] in legend and f"target {HOSTILE[3]}" in legend
        assert state(tab)["hidden"] == []  # the fragment named it, but the page only hides what it offers
        tab.key("Home")
        x, y = panel_point(tab, 0, 2)
        tab.move(x, y)
        assert HOSTILE[1] in tab.evaluate("document.querySelector('.op-tip').textContent")
        assert tab.evaluate("window.__pwned") is None
        assert tab.errors() == []  # not even a CSP report: nothing tried to run


def test_the_gif_stands_in_where_scripts_do_not_run(browser, fig8, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 20), "white").save(tmp_path / "fig8.gif")
    path = write_player(fig8, tmp_path / "fig8.html", fallback="fig8.gif")
    assert "img-src 'self'" in path.read_text()
    with open_page(browser, path) as tab:  # scripts on: the player, and the GIF is never fetched
        assert_clean(tab, path)
    with browser.open("about:blank") as tab:
        tab.call("Emulation.setScriptExecutionDisabled", {"value": True})
        tab.navigate(page_url(path))
        assert tab.evaluate("document.querySelector('img.op-fallback').naturalWidth") == 40
        assert tab.errors() == []
    for bad in ("javascript:alert(1)", "https://example.com/x.gif", "../x.gif", '"><b>', "//host/x.gif"):
        with pytest.raises(ValueError, match="fallback"):
            player_html(fig8, fallback=bad)


def test_without_the_loss_panel(browser, fig8, tmp_path):
    path = write_player(fig8, tmp_path / "noloss.html", loss_panel=False)
    with open_page(browser, path) as tab:
        assert tab.evaluate(f"{PLAYER}.axes[0].length") == 3
        assert tab.evaluate("document.querySelectorAll('.op-legend').length") == 3
        assert "sample 1,500 of 1,500" in caption(tab)
        assert_clean(tab, path)


def test_in_a_sandboxed_srcdoc_iframe(browser, fig8, tmp_path):
    """As a notebook shows it: the page inside <iframe srcdoc sandbox="allow-scripts">, hostile labels
    and all; the host page is untouched and the player starts inside."""
    meta = json.loads(json.dumps(fig8.meta))
    meta["runs"][0]["label"] = HOSTILE[1] + HOSTILE[2]
    host = tmp_path / "notebook.html"
    host.write_text(f"<!doctype html><meta charset=utf-8><body><p>before</p>"
                    f"{player_iframe(dataclasses.replace(fig8, meta=meta))}<p>after</p></body>")
    with browser.open(page_url(host), width=1000, height=800) as tab:
        assert tab.evaluate("document.querySelectorAll('p').length") == 2
        assert tab.evaluate("document.querySelectorAll('iframe').length") == 1
        (frame,) = tab.frames()
        frame.wait_for(f"{PLAYER} !== undefined")
        label = frame.evaluate("document.querySelector('.op-run-label').textContent")
        assert label == HOSTILE[1] + HOSTILE[2]
        assert frame.evaluate(f"{PLAYER}.state().step") == 1500
        assert frame.evaluate("window.__pwned") is None and tab.evaluate("window.__pwned") is None
        assert tab.errors() == [] and frame.errors() == []


def test_write_player_is_atomic(fig8, tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    panels = [{"title": "t", "nodes": ["nope"], "colors": [0]}]
    bad = dataclasses.replace(fig8, meta={**fig8.meta, "panels": panels})
    with pytest.raises(ValueError):
        write_player(bad, target)
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
    with pytest.raises(ValueError, match="theme"):
        player_html(fig8, theme="sepia")
