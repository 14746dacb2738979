"""The player's "Inspect this sample" (render/web/player_inspect.py, src/player_inspect.js): the step-through
opens at the current snapshot's sample of the run shown, and every number it shows equals ourdl's live
graph (render.record.backprop.backprop_step) bit for bit, for the chapter's net, both runs of
fig7_vs_fig8, a wider net, a typed target, data points, frozen units and per-parameter rates; its keys stay
in the dialog and Escape closes it; recordings the page cannot regenerate the data of get no button;
hostile labels stay text."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from headless_chromium import page_url
from test_backprop_page import HOSTILE, _points, same
from test_page_safety import assert_nothing_ran

from render.record import record
from render.record.backprop import backprop_step
from render.record.snapshot import Snapshot
from render.web import write_player
from render.web.player_inspect import inspect_data
from scenes import get_scene
from scenes.targets import parse_target

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
BUTTON = "document.querySelector('.ourdl-player .op-inspect')"

CASES = {
    "fig8": lambda: get_scene("fig8").with_overrides(samples=3000, every=100),
    "fig7_vs_fig8": lambda: get_scene("fig7_vs_fig8").with_overrides(samples=2000, every=100),
    "h4": lambda: get_scene("fig8").with_network(hidden=(4,)).with_overrides(samples=1500, every=100),
    "target": lambda: get_scene("fig8").with_network(hidden=(3,), target=parse_target("x^3-x"))
    .with_overrides(samples=1500, every=100),
    "points": lambda: get_scene("fig8").with_network(hidden=(3,), points=_points(), points_name="pts")
    .with_overrides(samples=1500, every=100),
    "frozen": lambda: get_scene("width").with_overrides(samples=1200, every=100),  # narrower rows: lr 0
    "named": lambda: get_scene("sin_fit").with_overrides(samples=1200, every=100),  # the named target sin
    "lrs": lambda: get_scene("adaline").with_overrides(samples=600, every=50),  # w 0.05, b 0.1
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inspect")
    out = {}
    for name, make in CASES.items():
        scene = make()
        snapshot = record(scene)
        out[name] = (scene, snapshot, write_player(snapshot, folder / f"{name}.html"))
    return out


def _open(tab, index: int, run: int) -> dict:
    """Seek the player to snapshot `index`, open the dialog at run `run`; the step it shows."""
    tab.evaluate(f"{PLAYER}.controls.seek({index}, true)")
    return tab.evaluate(f"(window.__st = {PLAYER}.inspect({run}).stepThrough).step")


def _close(tab) -> None:
    tab.key("Escape")
    tab.wait_for("document.querySelector('dialog.bp-dialog') === null", timeout=5)


@pytest.mark.parametrize("case", list(CASES))
def test_the_dialog_shows_ourdls_own_step_at_each_snapshot(browser, pages, case):
    scene, snapshot, path = pages[case]
    steps = [int(s) for s in snapshot.steps]
    with browser.open(page_url(path), width=1280, height=900) as tab:
        tab.wait_for(f"{PLAYER} !== undefined")
        assert tab.evaluate(f"{BUTTON} !== null")
        for r, run in enumerate(scene.runs):
            inside = [k for k, s in enumerate(steps) if s < run.samples]
            for k in sorted({inside[0], inside[1], inside[len(inside) // 2], inside[-1]}):
                got = _open(tab, k, r)
                same(got, backprop_step(scene, run.label, steps[k]), f"{case} {run.label} {steps[k]}")
                _close(tab)
        # the last snapshot (after the run's last update) has no sample: the one before it, said in the note
        last = len(steps) - 1
        got = _open(tab, last, 0)
        assert got["sample"] == max(s for s in steps if s < scene.runs[0].samples)
        assert tab.evaluate("document.querySelector('.bp-note').textContent") != ""
        # the box snaps to the snapshot at or before the sample asked for
        tab.evaluate("(() => { const b = document.querySelector('.bp-sample'); b.value = String("
                     f"{steps[2] + 7}); b.dispatchEvent(new Event('change')); }})()")
        same(tab.evaluate("window.__st.step"), backprop_step(scene, scene.runs[0].label, steps[2]), "box")
        _close(tab)
        assert tab.errors() == [], tab.errors()


def test_the_run_menu_the_keys_and_escape(browser, pages):
    scene, snapshot, path = pages["fig7_vs_fig8"]
    steps = [int(s) for s in snapshot.steps]
    with browser.open(page_url(path), width=1280, height=900) as tab:
        tab.wait_for(f"{PLAYER} !== undefined")
        tab.evaluate(f"{PLAYER}.controls.seek(5, true)")
        tab.evaluate(f"{BUTTON}.click()")
        assert tab.evaluate("document.querySelector('dialog.bp-dialog').open")
        st = PLAYER  # the player stays where it was
        # the dialog's menu picks the other run at the same sample
        tab.evaluate("(() => { const s = document.querySelector('.bp-run'); s.value = '1'; "
                     "s.dispatchEvent(new Event('change')); })()")
        got = tab.evaluate("document.querySelector('.bp-summary').textContent")
        assert got.startswith(scene.runs[1].label) and f"sample {steps[5]:,}" in got, got
        tab.key("ArrowRight")
        tab.key("ArrowRight")
        assert tab.evaluate(f"{st}.index") == 5  # the keys stay in the dialog
        tab.key(" ")
        tab.key(" ")
        assert tab.evaluate(f"{st}.controls.playing") is False
        tab.key("Escape")
        tab.wait_for("document.querySelector('dialog.bp-dialog') === null", timeout=5)
        tab.key("ArrowRight")  # the player's keys are back
        assert tab.evaluate(f"{st}.index") == 6
        # one run shown: the button opens at that run
        tab.evaluate(f"{st}.setRun(1)")
        tab.evaluate(f"{BUTTON}.click()")
        want = backprop_step(scene, scene.runs[1].label, steps[6])
        assert tab.evaluate("document.querySelector('.bp-summary').textContent").startswith(want["run"])
        assert tab.errors() == [], tab.errors()


def _without(snapshot: Snapshot, **meta) -> Snapshot:
    return dataclasses.replace(snapshot, meta={**snapshot.meta, **meta})


def test_no_button_where_the_data_cannot_be_regenerated(browser, pages, tmp_path):
    _, fig8, _ = pages["fig8"]
    _, pts, _ = pages["points"]
    runs = [{**r, "data_seed": None} for r in fig8.meta["runs"]]
    renamed = _without(fig8, target_name="mystery", scene="no such scene")
    assert inspect_data(renamed) is not None  # x² is recognised by its values, whatever the names say
    target = fig8.target.copy()
    target[0] += 1e-9  # a curve none of the candidate targets makes to the bit
    refused = {
        "own loop": _without(fig8, runs=runs),                             # a Recorder's: no data seed
        "torch": _without(fig8, torch={"activation": {"text": "LeakyReLU"}}),
        "some points": _without(pts, points_count=len(pts.meta["points"]) + 5),
        "curve only": dataclasses.replace(renamed, target=target),
    }
    for name, snapshot in refused.items():
        assert inspect_data(snapshot) is None, name
        path = write_player(snapshot, tmp_path / f"{name.replace(' ', '_')}.html")
        assert ".bp-dialog" not in path.read_text()  # nor the dialog's styles
        with browser.open(page_url(path), width=1000, height=700) as tab:
            tab.wait_for(f"{PLAYER} !== undefined")
            assert tab.evaluate(f"{BUTTON} === null"), name
            assert tab.errors() == [], tab.errors()


def test_hostile_labels_stay_text(browser, tmp_path):
    scene = get_scene("fig7_vs_fig8").with_overrides(samples=300, every=50)
    runs = tuple(dataclasses.replace(r, label=HOSTILE + str(i)) for i, r in enumerate(scene.runs))
    scene = dataclasses.replace(scene, runs=runs, description=HOSTILE)
    snapshot = record(scene)
    path = write_player(snapshot, tmp_path / "hostile.html", theme="dark", lang="zh")
    url = page_url(path)
    with browser.open(url, width=900, height=800) as tab:
        tab.wait_for(f"{PLAYER} !== undefined")
        got = _open(tab, 3, 1)
        same(got, backprop_step(scene, runs[1].label, int(snapshot.steps[3])), "hostile")
        assert HOSTILE in tab.evaluate("document.querySelector('.bp-summary').textContent")
        options = tab.evaluate("[...document.querySelectorAll('.bp-run option')].map(o => o.textContent)")
        assert [HOSTILE in o for o in options] == [True, True]
        injected = "document.querySelectorAll('dialog img, dialog script').length"
        assert tab.evaluate(injected) == 0
        assert_nothing_ran(tab, url)
        assert tab.errors() == [], tab.errors()


def test_the_samples_are_the_recorders(pages):
    """The embedded (x, label) of each snapshot are the ones backprop_step reads (its own data stream)."""
    scene, snapshot, _ = pages["points"]
    data = inspect_data(snapshot)
    import base64

    xy = np.frombuffer(base64.b64decode(data["xy"]), "<f8").reshape(len(scene.runs), len(snapshot.steps), 2)
    for k, s in enumerate(snapshot.steps[:-1]):
        step = backprop_step(scene, None, int(s))
        assert (xy[0, k, 0], xy[0, k, 1]) == (step["x"], step["label"])
    assert np.isnan(xy[0, -1]).all()  # after the last update: no sample
    assert json.loads(json.dumps(data["runs"][0]))["last"] == scene.runs[0].samples - 1
