"""Hostile input to the lab's family controls (issue 26, "Bad input"): strings typed into the expression box
and points handed to `window.lab.run` (NaN, huge values, a million of them) are refused with a message;
nothing runs, nothing is requested, and the page does not hang."""

from __future__ import annotations

import json
import time

import pytest
from headless_chromium import page_url
from test_page_safety import assert_nothing_ran

from render.web.lab import write_lab
from scenes import get_scene

LAB = "window.lab"
HOSTILE = ["<img src=x onerror=window.__pwned=1>", "x</script><script>window.__pwned=2</script>",
           "__import__('os').system('id')", "x.__class__", "(lambda: 1)()", "x[0]", "eval('1')",
           "'; window.__pwned=3; '", "x" * 201, "1e999*x", "sqrt(-1-x)", "log(x-5)", "\u202ex", "🙂",
           "x^^2", "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x"
           "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    return write_lab(tmp_path_factory.mktemp("labhostile") / "lab.html",
                     scene=get_scene("fig8").with_overrides(samples=300), map_size=0)


def test_hostile_expressions_are_refused_as_text(browser, page):
    url = page_url(page)
    with browser.open(url, width=1280, height=1400) as tab:
        tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
        for text in HOSTILE:
            tab.evaluate("(() => { const b = document.querySelector('.ol-target-box'); "
                         f"b.value = {json.dumps(text)}; b.dispatchEvent(new Event('input')); }})()")
            why = tab.evaluate("document.querySelector('.ol-refusal').textContent")
            assert why.strip(), text  # a reason, in the page
            assert tab.evaluate("document.querySelectorAll('.ol-refusal *').length") == 0, text
            assert tab.evaluate(f"{LAB}.state().settings.target") == "x^2", text  # nothing took effect
        assert_nothing_ran(tab, url)
        assert tab.errors() == [], tab.errors()


#: a run of the page's own two units, as test_lab_family's configs are made
BASE = (f"{{init: {LAB}.state().settings.init, lr: 0.01, samples: 100, activation: 'LeakyRelu', "
        "loss: 'absolute', data_seed: 0}")


@pytest.mark.parametrize("points, words", [
    ("[[0, 1], [NaN, 2]]", "finite"),
    ("[[0, 1], [1e308 * 10, 2]]", "finite"),
    ("[[0, 1], [1, 2, 3]]", "pair"),
    ("'0,1'", "points"),
    ("Array.from({length: 1000001}, (_, i) => [i / 1e6, 0])", "points"),  # over the million rows --data takes
])
def test_bad_points_are_refused_at_once(browser, page, points, words):
    with browser.open(page_url(page), width=1000, height=900) as tab:
        tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
        start = time.monotonic()
        run = f"{LAB}.run(Object.assign({BASE}, {{hidden: [2], points: {points}}}))"
        error = tab.evaluate(f"(() => {{ try {{ {run}; return ''; }} "
                             "catch (e) { return String(e.message); } })()")
        assert error.startswith("lab: ") and words in error, error
        assert time.monotonic() - start < 10  # refused, not trained on a million points first
        assert tab.errors() == [], tab.errors()


def test_a_million_points_train_without_hanging_and_a_blowup_stops(browser, page):
    with browser.open(page_url(page), width=1000, height=900) as tab:
        tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
        start = time.monotonic()
        steps = tab.evaluate(f"{LAB}.run(Object.assign({BASE}, {{hidden: [2], points: Array.from("
                             "{length: 1000000}, (_, i) => [i / 5e5, 1])})).steps.length")
        assert steps >= 2 and time.monotonic() - start < 30
        out = tab.evaluate(f"(() => {{ const r = {LAB}.run(Object.assign({BASE}, {{hidden: [2], lr: 1, "
                           "samples: 500, points: [[0, 1e150], [1, -1e150]]})); "
                           "return {steps: r.steps.length, diverged: r.diverged_at}; })()")
        assert out["diverged"] is not None, out  # stops and says so, never hangs
