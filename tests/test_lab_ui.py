"""The lab's controls for the network family (issue 26) in headless Chromium: + / − for units and layers
(the parameter list follows, every other setting and the pinned run are kept, a new unit is drawn from the
seeded init as Python draws it), the target box (a refused expression shows parseTarget's words as text),
points added by clicking the output panel (the command and the URL carry them; 100 points stay under 4 KB
and reopen the same), and the map and presets shown only where they mean something."""

from __future__ import annotations

import json
import shlex
import urllib.parse

import numpy as np
import pytest
from headless_chromium import page_url

from render.web.lab import write_lab
from scenes import Run, get_scene
from scenes.network import Names

LAB = "window.lab"
SAMPLES = 1500


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    scene = get_scene("fig7_vs_fig8").with_overrides(samples=SAMPLES)
    return write_lab(tmp_path_factory.mktemp("labui") / "lab.html", scene=scene, map_size=9)


def open_lab(browser, path, fragment: str = "", width: int = 1280, height: int = 1400):
    tab = browser.open(page_url(path) + fragment, width=width, height=height)
    tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
    return tab


def state(tab) -> dict:
    return tab.evaluate(f"{LAB}.state()")


def param_boxes(tab) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('.ol-params .ol-number')].map(b => b.dataset.name)")


def shown(tab, selector: str) -> bool:
    return tab.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                        "return !!e && e.getClientRects().length > 0; })()")


def panel_point(tab, x: float, y: float) -> list[float]:
    """Page px of data point (x, y) in the top row's output panel (as it is laid out now)."""
    state(tab)
    return tab.evaluate(f"(() => {{ const f = {LAB}.lab.figure, ax = f.outputAxes(); "
                        "f.element.scrollIntoView({block: 'start'}); "
                        "const r = f.element.getBoundingClientRect(); "
                        f"return [r.left + ax.px({x!r}), r.top + ax.py({y!r})]; }})()")


def panel_fraction(tab, fx: float, fy: float) -> list[float]:
    """Page px at fractions (fx from the left, fy from the bottom) of the output panel's axes."""
    state(tab)
    return tab.evaluate(f"(() => {{ const f = {LAB}.lab.figure, a = f.outputAxes().rect; "
                        "f.element.scrollIntoView({block: 'start'}); "
                        "const r = f.element.getBoundingClientRect(); "
                        f"return [r.left + a.x + {fx!r} * a.w, r.top + a.y + (1 - {fy!r}) * a.h]; }})()")


def test_units_and_layers_change_the_parameters_and_keep_the_rest(browser, page):
    with open_lab(browser, page) as tab:
        tab.evaluate(f"{LAB}.set({{lr: 0.02, samples: 900}})")
        tab.click_element(".ol-pin")
        tab.wait_for(f"{LAB}.state().pinned !== null")
        before = state(tab)["settings"]["init"]
        tab.click_element(".ol-units .ol-plus")
        tab.wait_for(f"{LAB}.state().settings.hidden[0] === 3")
        st = state(tab)
        names = Names((3,)).params()
        assert param_boxes(tab) == names
        drawn = Run("", init_seed=0).initial_values(names)  # the page's seed box: 0, as --seed's default
        assert st["settings"]["init"] == {**drawn, **before}  # old values by role, new ones drawn
        assert st["settings"]["lr"] == 0.02 and st["settings"]["samples"] == 900
        assert st["pinned"]["hidden"] == [2]  # the pinned run stays
        assert len(tab.evaluate("[...document.querySelectorAll('.op-run-label')]")) == 2
        assert "--hidden 3" in st["command"]
        assert tab.evaluate(f"{LAB}.lab.figure.d.panels.map(p => p.kind)")[-1] == "sum"
        for _ in range(8):  # 11 units: separated names, grouped by unit and folded
            state(tab)  # the last click's rebuild done: nothing moves under the next
            tab.click_element(".ol-units .ol-plus")
        tab.wait_for(f"{LAB}.state().settings.hidden[0] === 11")
        st = state(tab)
        assert sorted(param_boxes(tab)) == sorted(Names((11,)).params())  # by unit: w_1_j, b_1_j, w_2_j
        init = st["settings"]["init"]
        assert init["w_1_1"] == before["w_11"] and init["b_2_1"] == before["b_21"]
        assert tab.evaluate("document.querySelectorAll('.ol-params details').length") == 12
        tab.click_element(".ol-layers .ol-plus")
        tab.wait_for(f"{LAB}.state().settings.hidden.length === 2")
        assert sorted(param_boxes(tab)) == sorted(Names((11, 11)).params())
        tab.click_element(".ol-layers .ol-minus")
        tab.wait_for(f"{LAB}.state().settings.hidden.length === 1")
        for _ in range(10):
            state(tab)
            tab.click_element(".ol-units .ol-minus")
        tab.wait_for(f"{LAB}.state().settings.hidden[0] === 1")
        assert tab.evaluate("document.querySelector('.ol-units .ol-minus').disabled")
        assert param_boxes(tab) == ["w_11", "b_11", "w_21", "b_21"]
        assert tab.errors() == []


def test_a_refused_expression_shows_why_as_text(browser, page):
    with open_lab(browser, page) as tab:
        tab.evaluate("(() => { const b = document.querySelector('.ol-target-box'); "
                     "b.value = 'sin(x) + <b>x</b>'; b.dispatchEvent(new Event('input')); })()")
        why = tab.evaluate("document.querySelector('.ol-refusal').textContent")
        assert "'<'" in why  # parseTarget's words: the character it stopped at
        assert tab.evaluate("document.querySelectorAll('.ol-refusal *').length") == 0  # text, never HTML
        assert state(tab)["settings"]["target"] == "x^2"
        tab.evaluate("(() => { const b = document.querySelector('.ol-target-box'); "
                     "b.value = 'log(x)'; b.dispatchEvent(new Event('input')); })()")
        assert "infinite" in tab.evaluate("document.querySelector('.ol-refusal').textContent")
        tab.evaluate("(() => { const s = document.querySelector('.ol-target-pick'); s.value = 'sin'; "
                     "s.dispatchEvent(new Event('change')); })()")
        tab.wait_for(f"{LAB}.state().settings.target === 'sin'")
        assert tab.evaluate("document.querySelector('.ol-refusal').textContent") == ""
        st = state(tab)
        assert "--target sin" in st["command"]
        assert not shown(tab, ".ol-preset") and shown(tab, ".ol-pane-map")
        assert tab.errors() == []


def test_clicks_add_points_and_the_command_and_url_carry_them(browser, page):
    with open_lab(browser, page) as tab:
        for k, (fx, fy) in enumerate(((0.3, 0.6), (0.5, 0.3), (0.7, 0.7))):
            tab.click(*panel_fraction(tab, fx, fy))
            tab.wait_for(f"{LAB}.state().settings.points.length === {k + 1}")
        st = state(tab)
        pts = st["settings"]["points"]
        assert all(round(v, 3) == v for p in pts for v in p)  # kept to 3 decimals
        assert pts[0][0] < pts[1][0] < pts[2][0] and pts[1][1] < pts[0][1]
        assert "--data points.csv" in st["command"] and "--target" not in st["command"]
        assert shlex.split(st["command"])[:3] == ["render", "scene", "fig8"]
        word = "~".join("_".join(f"{v:g}" if abs(v) >= 1e-3 or v == 0 else repr(v) for v in p) for p in pts)
        # the fragment is written throttled (controls.js): wait for the third point's write, not the first
        tab.wait_for(f"decodeURIComponent(location.hash).includes({json.dumps('pts=' + word)})", timeout=3)
        fragment = urllib.parse.unquote(tab.evaluate("location.hash"))
        assert "pts=" + word in fragment
        x0, y0 = panel_point(tab, *pts[1])
        tab.drag(x0, y0, x0, y0 - 40)  # drag the middle point up
        tab.wait_for(f"{LAB}.state().settings.points[1][1] > {pts[1][1]}")
        assert len(state(tab)["settings"]["points"]) == 3
        tab.evaluate("(() => { const p = document.querySelector('.ol-points-pad'); "
                     "p.dispatchEvent(new KeyboardEvent('keydown', {key: 'Delete', bubbles: true})); })()")
        tab.wait_for(f"{LAB}.state().settings.points.length === 2")
        assert not shown(tab, ".ol-pane-map") and not shown(tab, ".ol-preset")
        tab.click_element(".ol-clear")
        tab.wait_for(f"{LAB}.state().settings.points.length === 0")
        assert shown(tab, ".ol-pane-map") and shown(tab, ".ol-preset")
        assert tab.errors() == []
        assert tab.requests() == [page_url(page)]


def test_a_link_of_100_points_is_short_and_reopens_the_same(browser, page):
    rng = np.random.default_rng(1)
    pts = [[round(float(x), 3), round(float(y), 3)] for x, y in
           zip(rng.uniform(0, 2, 100), rng.uniform(-1, 1, 100))]
    with open_lab(browser, page) as tab:
        tab.evaluate(f"{LAB}.set({{points: {json.dumps(pts)}, hidden: [3]}})")
        tab.wait_for("location.hash.includes('pts=')", timeout=3)
        url = tab.evaluate("location.href")
        assert len(url.encode()) < 4096, len(url)
    with open_lab(browser, page, "#" + url.split("#", 1)[1]) as tab:
        st = state(tab)
        assert st["settings"]["points"] == pts and st["settings"]["hidden"] == [3]
        assert tab.errors() == []


def test_the_map_and_presets_follow_the_network(browser, page):
    with open_lab(browser, page) as tab:
        tab.wait_for(f"{LAB}.state().map")
        assert shown(tab, ".ol-pane-map") and shown(tab, ".ol-preset")
        tab.evaluate(f"{LAB}.set({{hidden: [5]}})")
        assert shown(tab, ".ol-pane-map") and not shown(tab, ".ol-preset")  # any width of one layer
        assert "5 units" in tab.evaluate("document.querySelector('.ol-warn').textContent")
        tab.evaluate(f"{LAB}.set({{hidden: [5, 2]}})")
        assert not shown(tab, ".ol-pane-map")
        tab.evaluate(f"{LAB}.set({{hidden: [1]}})")
        assert not shown(tab, ".ol-pane-map")
        tab.evaluate(f"{LAB}.set({{hidden: [2], target: 'abs'}})")
        assert shown(tab, ".ol-pane-map") and not shown(tab, ".ol-preset")
        tab.evaluate(f"{LAB}.set({{target: 'x^2'}})")
        assert shown(tab, ".ol-pane-map") and shown(tab, ".ol-preset")
        assert tab.errors() == []


@pytest.mark.parametrize("fragment, words", [("#t=log(x)", "infinite"), ("#t=%3Cb%3E", "'<'"),
                                             ("#pts=NaN_1", "x_y pairs"), ("#h=99", "99")])
def test_a_refused_link_opens_at_the_defaults_and_says_why(browser, page, fragment, words):
    with open_lab(browser, page, fragment) as tab:
        st = state(tab)["settings"]
        assert st["target"] == "x^2" and st["points"] == [] and st["hidden"] == [2]
        assert words in tab.evaluate("document.querySelector('.ol-refusal').textContent")
        assert tab.evaluate("document.querySelectorAll('.ol-refusal *').length") == 0
        assert tab.errors() == []
