"""The backprop page (render/web/backprop.py, src/backprop*.js): its embedded numbers are backprop_step's,
and the numbers it computes itself for any sample of any run equal ourdl's live graph (render.record.backprop)
bit for bit, for the chapter's net, a wider one, each activation, both losses, a typed target and data
points; its keys, sample box and URL fragment work, hostile labels stay text, it is small and legible."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from headless_chromium import page_url
from test_page_safety import assert_nothing_ran

from render.record.backprop import backprop_step
from render.web.backprop import write_backprop_page
from scenes import get_scene
from scenes.targets import parse_target

API = "window.__backprop"


def same(a, b, where="") -> None:
    """Equal as JSON reads them, to the last bit: numbers exactly (NaN as "NaN"), lists and dicts key by
    key."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and set(a) == set(b), (where, sorted(set(a) ^ set(b)))
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, (int, float)) and not isinstance(a, bool):
        assert isinstance(b, (int, float)) and not isinstance(b, bool), (where, a, b)
        assert float(a) == float(b) or (math.isnan(a) and math.isnan(b)), (where, a, b)
    else:
        assert a == b, (where, a, b)


def _points() -> np.ndarray:
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 2, 12)
    return np.column_stack([x, np.sin(2 * x)])


CASES = {
    "fig8": lambda: get_scene("fig8").with_overrides(samples=3000),
    "fig7_vs_fig8": lambda: get_scene("fig7_vs_fig8").with_overrides(samples=2000),
    "h4": lambda: get_scene("fig8").with_network(hidden=(4,)).with_overrides(samples=2000),
    "relu": lambda: get_scene("fig8").with_overrides(samples=1200, activation="Relu"),
    "sigmoid": lambda: get_scene("fig8").with_overrides(samples=1200, activation="Sigmoid"),
    "tanh": lambda: get_scene("fig8").with_overrides(samples=1200, activation="Tanh"),
    "step": lambda: get_scene("fig8").with_overrides(samples=1200, activation="Step"),
    "squared": lambda: get_scene("fig8").with_overrides(samples=1200, loss="squared"),
    "target": lambda: get_scene("fig8").with_network(hidden=(3,), target=parse_target("x^3-x"))
    .with_overrides(samples=1500),
    "data": lambda: get_scene("fig8").with_network(hidden=(3,), points=_points(), points_name="pts")
    .with_overrides(samples=1500),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("backprop")
    out = {}
    for name, make in CASES.items():
        scene = make()
        out[name] = (scene, write_backprop_page(scene, None, None, folder / f"{name}.html", theme="light",
                                                lang="en"))
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_the_page_computes_every_sample_as_ourdl_does(browser, pages, case):
    scene, path = pages[case]
    with browser.open(page_url(path), width=1280, height=900) as tab:
        tab.wait_for(f"{API} !== undefined")
        same(tab.evaluate(f"{API}.embedded()"), backprop_step(scene), "embedded")
        for run in scene.runs:
            n = run.samples
            for sample in sorted({0, 1, n // 2, n - 1}):
                got = tab.evaluate(f"{API}.at({sample}, {json.dumps(run.label)})")
                same(got, backprop_step(scene, run.label, sample), f"{case} {run.label} {sample}")
        assert tab.errors() == [], tab.errors()


def test_keys_the_sample_box_and_the_fragment(browser, pages):
    scene, path = pages["fig7_vs_fig8"]
    page = f"{API}.page"
    with browser.open(page_url(path), width=1280, height=900) as tab:
        tab.wait_for(f"{API} !== undefined")
        assert tab.evaluate(f"{page}.controls.index") == 0
        tab.key("ArrowRight")
        tab.key("ArrowRight")
        assert tab.evaluate(f"{page}.controls.index") == 2
        tab.key("ArrowLeft")
        assert tab.evaluate(f"{page}.controls.index") == 1
        tab.key("End")
        last = tab.evaluate(f"{page}.positions.length") - 1
        assert tab.evaluate(f"{page}.controls.index") == last
        assert "update" in tab.evaluate("document.querySelector('.bp-words').textContent")
        tab.key("Home")
        tab.key(" ")
        tab.wait_for(f"{page}.controls.index > 0", timeout=5)
        tab.key(" ")
        assert tab.evaluate(f"{page}.controls.playing") is False
        # the box picks any sample; the menu the run
        tab.evaluate("(() => { const b = document.querySelector('.bp-sample'); b.value = '777'; "
                     "b.dispatchEvent(new Event('change')); })()")
        assert tab.evaluate(f"{page}.step.sample") == 777
        run = scene.runs[1].label
        tab.evaluate("(() => { const s = document.querySelector('.bp-run'); s.value = '1'; "
                     "s.dispatchEvent(new Event('change')); })()")
        same(tab.evaluate(f"{page}.step"), backprop_step(scene, run, 777), "picked")
        # past the run: said in the page, the step kept
        tab.evaluate("(() => { const b = document.querySelector('.bp-sample'); b.value = '99999'; "
                     "b.dispatchEvent(new Event('change')); })()")
        assert "past the run" in tab.evaluate("document.querySelector('.bp-note').textContent")
        assert tab.evaluate(f"{page}.step.sample") == 777
        tab.key("ArrowRight")
        tab.wait_for("location.hash.includes('sample=777') && location.hash.endsWith('at=1')", timeout=5)
        assert tab.evaluate("location.hash").startswith("#run=Fig%208")
    url = page_url(path) + "#run=Fig%207&sample=1234&at=12"
    with browser.open(url, width=1280, height=900) as tab:
        tab.wait_for(f"{API} !== undefined")
        assert tab.evaluate(f"{page}.step.sample") == 1234
        assert tab.evaluate(f"{page}.step.run").startswith("Fig 7")
        assert tab.evaluate(f"{page}.controls.index") == 12
        assert tab.errors() == [], tab.errors()


HOSTILE = "<img src=x onerror=window.__pwned=1></script><script>window.__pwned=2</script>"


def test_hostile_labels_and_descriptions_stay_text(browser, tmp_path):
    import dataclasses

    scene = get_scene("fig7_vs_fig8").with_overrides(samples=300)
    runs = tuple(dataclasses.replace(r, label=HOSTILE + str(i)) for i, r in enumerate(scene.runs))
    scene = dataclasses.replace(scene, runs=runs, description=HOSTILE)
    path = write_backprop_page(scene, None, None, tmp_path / "hostile.html", theme="dark", lang="zh")
    url = page_url(path)
    with browser.open(url, width=900, height=800) as tab:
        tab.wait_for(f"{API} !== undefined")
        assert HOSTILE in tab.evaluate("document.querySelector('.bp-description').textContent")
        injected = "document.querySelectorAll('.ourdl-backprop img, .ourdl-backprop script').length"
        assert tab.evaluate(injected) == 0
        got = tab.evaluate(f"{API}.at(7, {json.dumps(runs[1].label)})")
        same(got, backprop_step(scene, runs[1].label, 7))
        assert_nothing_ran(tab, url)
        assert tab.errors() == [], tab.errors()


def test_small_and_legible_at_800_px(browser, pages):
    scene, path = pages["fig8"]
    assert path.stat().st_size <= 150_000
    with browser.open(page_url(path), width=800, height=900) as tab:
        tab.wait_for(f"{API} !== undefined")
        for at in (0, 12, 30):
            tab.evaluate(f"{API}.page.controls.seek({at}, true)")
            assert tab.evaluate(f"{API}.page.minTextPx()") >= 11
        assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


NUMBERS = ("sample", "samples", "x", "label", "lr", "lrs", "loss", "forward", "backward", "nodes", "edges",
           "params", "order")


@pytest.mark.parametrize("hidden", [None, (3,)])
def test_the_labs_inspect_opens_the_step_at_its_sample(browser, tmp_path, hidden):
    from render.web.lab import write_lab

    scene = get_scene("fig8").with_overrides(samples=600)
    if hidden:
        scene = scene.with_network(hidden=hidden)
    path = write_lab(tmp_path / "lab.html", scene=scene, map_size=0)
    with browser.open(page_url(path), width=1280, height=1000) as tab:
        tab.wait_for("window.lab && window.lab.firstFrame !== undefined")
        tab.evaluate("window.lab.seekStep(240)")
        got = tab.evaluate("(window.__st = window.lab.inspect()).step")
        want = backprop_step(scene, None, 240)
        same({k: got[k] for k in NUMBERS}, {k: want[k] for k in NUMBERS}, "lab")
        assert tab.evaluate("document.querySelector('dialog.bp-dialog').open")
        tab.key("ArrowRight")  # the dialog's keys are its own: the lab's timeline stays
        assert tab.evaluate("window.lab.state().step") == 240
        assert tab.evaluate("window.__st.controls.index") == 1
        tab.key("Escape")
        tab.wait_for("document.querySelector('dialog.bp-dialog') === null", timeout=5)
        assert tab.errors() == [], tab.errors()
