"""The sweep player in headless Chromium: a seeded sweep's figure with its named runs and rates, and the
init-basin explorer (hover a cell: its init and outcome; click: train it in the page and play it), also
for a sweep whose runs give parameters their own learning rates (Run.lrs).

Small sweeps (64 inits, 1500 samples) recorded once for the module; one browser for the module.
"""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest
from headless_chromium import page_url

from render.record import record
from render.web import player_html, write_player
from render.web.sweep import CODE_LEVELS, CODE_RANGE, loss_codes, sweep_rates
from scenes import get_scene

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"


@pytest.fixture(scope="module")
def basin():
    return record(get_scene("init_basin").with_count(64).with_overrides(samples=1500, every=100))


@pytest.fixture(scope="module")
def seeded():
    return record(get_scene("relu_vs_leakyrelu").with_count(64).with_overrides(samples=1500, every=100))


#: the rates of the sweep with its own per parameter (the others keep the template's lr, 0.01)
OWN_RATES = {"w_11": 0.02, "b_21": 0.005}


@pytest.fixture(scope="module")
def own_rates():
    """A map sweep over two activations whose template run has a rate per parameter (Run.lrs)."""
    scene = get_scene("init_basin").with_count(64).with_overrides(samples=1500, every=100)
    run = dataclasses.replace(scene.runs[0], lrs=OWN_RATES)
    return record(dataclasses.replace(scene, runs=(run,), activations=("Relu", "LeakyRelu")))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, basin, seeded, own_rates):
    out = tmp_path_factory.mktemp("sweeps")
    return {"basin": write_player(basin, out / "basin.html"),
            "seeded": write_player(seeded, out / "seeded.html"),
            "rates": write_player(own_rates, out / "rates.html")}


def open_page(browser, path, fragment=""):
    tab = browser.open(page_url(path) + fragment, width=1000, height=760)
    tab.wait_for(f"{PLAYER} !== undefined")
    tab.evaluate(f"{PLAYER}.ready")
    return tab


def cell_point(tab, i: int, j: int, a: int = 0) -> tuple[float, float]:
    """The viewport point at the centre of map cell (i, j) of activation a."""
    return tab.evaluate(f"(() => {{ const p = {PLAYER}, c = p.canvas.getBoundingClientRect(), m = p.map,"
                        f" ax = p.panels.find(q => q.kind === 'map' && q.a === {a}).ax;"
                        f" return [c.left + ax.rect.x + ({i} + 0.5) * ax.rect.w / m.nx,"
                        f" c.top + ax.rect.y + ax.rect.h - ({j} + 0.5) * ax.rect.h / m.ny]; }})()")


def test_seeded_sweep_shows_its_named_runs_and_rates(browser, pages, seeded):
    path = pages["seeded"]
    with open_page(browser, path) as tab:
        assert tab.errors() == [] and tab.requests() == [page_url(path)]
        rates = tab.evaluate("document.querySelector('.op-rates').textContent")
        for act, r in seeded.meta["sweep"]["rates"].items():
            assert f"{act}: {r['fitted']:,} of {r['runs']:,} fitted ({100 * r['rate']:.1f}%" in rates
        assert tab.evaluate(f"{PLAYER}.caption.textContent") == "sample 1,500 of 1,500"
        # each named run's curves, recomputed with its own activation, equal the recording
        for r in range(len(seeded.meta["runs"])):
            for s in (0, len(seeded.steps) // 2, len(seeded.steps) - 1):
                got = np.array(tab.evaluate(f"Array.from({PLAYER}.curves({r}, {s}))"))
                got = got.reshape(seeded.curves.shape[2:])
                np.testing.assert_array_equal(got, seeded.curves[r, s])
        tab.key("Home")
        assert tab.evaluate(f"{PLAYER}.caption.textContent") == "sample 0 of 1,500"


def test_map_codes_hold_every_cells_mode_and_fitted_state(browser, pages, basin):
    x = basin.extra
    with open_page(browser, pages["basin"]) as tab:
        m, s_count = 64, len(basin.steps)
        got = tab.evaluate(f"(() => {{ const p = {PLAYER}, out = [];"
                           f" for (let s = 0; s < {s_count}; s++) for (let r = 0; r < {m}; r++) {{"
                           " const c = p.cellAt(r % 8, Math.floor(r / 8), 0, s);"
                           " out.push([c.mode, c.fitted, c.loss]); }"
                           " return out; })()")
        got = np.array(got, dtype=float).reshape(s_count, m, 3)
        np.testing.assert_array_equal(got[..., 0], x["sweep_map_mode"][0])
        np.testing.assert_array_equal(got[..., 1], x["sweep_map_loss"][0] < basin.meta["sweep"]["threshold"])
        # the shading code keeps the loss within half a code step (3.7% apart, log scale)
        loss = np.clip(x["sweep_map_loss"][0], *CODE_RANGE)
        step = (np.log10(CODE_RANGE[1]) - np.log10(CODE_RANGE[0])) / CODE_LEVELS
        assert np.max(np.abs(np.log10(got[..., 2]) - np.log10(loss))) <= step / 2 + 1e-9
        assert loss_codes(np.array([np.nan, np.inf]))[0] == 254


def test_hovering_a_cell_shows_its_init_and_outcome(browser, pages, basin):
    i, j = 2, 5
    r = j * 8 + i
    with open_page(browser, pages["basin"]) as tab:
        tab.move(*cell_point(tab, i, j))
        text = tab.evaluate("document.querySelector('.op-cellinfo').textContent")
        init = basin.extra["sweep_init"][r]
        assert f"w₁₁ = {init[0]:.3f}".replace("-", "\u2212") in text
        assert f"w₁₂ = {init[1]:.3f}".replace("-", "\u2212") in text
        mode = basin.meta["sweep"]["modes"][basin.extra["sweep_mode"][0, r]]
        loss = basin.extra["sweep_loss"][0, r]
        assert f"{mode}, |y − x²| {loss:.3f}" in text
        assert ("(fitted)" if loss < 0.2 else "(not fitted)") in text
        assert tab.errors() == []


def test_clicking_a_cell_trains_it_exactly_and_plays_it(browser, pages, basin):
    i, j = 6, 1
    r = j * 8 + i
    with open_page(browser, pages["basin"]) as tab:
        before = tab.evaluate(f"{PLAYER}.canvas.toDataURL()")
        tab.key("]")
        tab.key("]")  # 4x: the test need not wait 3 s
        tab.click(*cell_point(tab, i, j))
        state = tab.evaluate(f"{PLAYER}.state()")
        assert state["cell"] == [i, j, 0] and state["playing"]
        params = np.array(tab.evaluate(f"Array.from({PLAYER}.clicked.params)")).reshape(len(basin.steps), -1)
        assert np.array_equal(params[0], basin.extra["sweep_init"][r])
        assert np.array_equal(params[-1], basin.extra["sweep_final"][0, r])  # trained as the sweep
        tab.wait_for(f"!{PLAYER}.state().playing", timeout=10)  # plays to the end
        assert tab.evaluate(f"{PLAYER}.state().index") == len(basin.steps) - 1
        assert tab.evaluate(f"{PLAYER}.canvas.toDataURL()") != before
        tab.wait_for(f"location.hash.includes('cell={i},{j}')", timeout=3)
        assert tab.errors() == []
    with open_page(browser, pages["basin"], f"#cell={i},{j}&step=700") as tab:  # a deep link to the cell
        state = tab.evaluate(f"{PLAYER}.state()")
        assert state == {"index": 7, "step": 700, "playing": False, "speed": 1, "loop": False,
                         "cell": [i, j, 0], "hidden": []}


@pytest.mark.parametrize("fragment", ["#cell=99,99", "#cell=<img src=x onerror=window.__pwned=1>",
                                      "#cell=1,1,7&step=1e309", "#cell=-1,2"])
def test_bad_cell_fragments_are_ignored(browser, pages, basin, fragment):
    with open_page(browser, pages["basin"], fragment) as tab:
        default = {"index": len(basin.steps) - 1, "step": 1500, "playing": False, "speed": 1, "loop": False,
                   "cell": None, "hidden": []}
        assert tab.evaluate(f"{PLAYER}.state()") == default
        assert tab.evaluate("window.__pwned") is None and tab.errors() == []


def test_sweep_page_shows_hostile_labels_as_text(browser, basin, tmp_path):
    payload = '"><img src=x onerror="window.__pwned = 1"></script><script>window.__pwned = 2</script>'
    meta = json.loads(json.dumps(basin.meta))
    meta["runs"][0]["label"] = "LeakyRelu: " + payload
    meta["sweep"]["inits"]["marks"] = {payload: [0.1, 0.2]}
    text = player_html(type(basin)(**{**basin.__dict__, "meta": meta}))
    assert "<img src=x" not in text and not re.search(r"</script><script>window", text)
    path = tmp_path / "hostile.html"
    path.write_text(text)
    with open_page(browser, path) as tab:
        assert tab.evaluate("window.__pwned") is None
        assert tab.evaluate("document.querySelectorAll('img').length") == 0
        assert tab.errors() == []


def test_a_sweep_with_its_own_rates_retrains_cells_with_them(browser, pages, own_rates):
    """The sweep trained every init with Run.lrs (w_11 0.02, b_21 0.005, the rest 0.01): a clicked cell is
    retrained with the same rates, so it ends exactly where the sweep's lockstep left it, in both maps."""
    names = own_rates.meta["params"]
    rates = [OWN_RATES.get(n, 0.01) for n in names]
    assert sweep_rates(own_rates.meta) == rates
    final = own_rates.extra["sweep_final"]
    with open_page(browser, pages["rates"]) as tab:
        assert tab.evaluate(f"{PLAYER}.d.lrs") == rates
        for i, j, a in ((6, 1, 0), (2, 5, 1), (7, 7, 1)):
            tab.evaluate(f"{PLAYER}.select({i}, {j}, {a}, false)")
            params = np.array(tab.evaluate(f"Array.from({PLAYER}.clicked.params)")).reshape(-1, len(names))
            assert np.array_equal(params[-1], final[a, j * 8 + i]), (i, j, a)
        one_rate = tab.evaluate(f"(() => {{ const p = {PLAYER}, c = p.cellAt(2, 5, 1); "
                                "return ourdl.train.run(p.d.graph, {init: c.init, lr: p.d.lr, "
                                "samples: p.d.samples, activation: 'LeakyRelu', data_seed: p.map.dataSeed, "
                                "steps: p.steps}).params.at(-1); })()")
        assert one_rate != final[1, 5 * 8 + 2].tolist()  # the rates matter: one lr ends elsewhere
        assert tab.errors() == []



def test_maps_of_two_activations_leave_the_curves_their_column(browser, pages):
    """As the video's figure: the two maps narrow (still square) so the curves and the fitted share keep a
    column inside the figure, and clicking a cell of the second map still finds it."""
    with open_page(browser, pages["rates"]) as tab:
        rects = tab.evaluate(f"{PLAYER}.panels.map(p => [p.kind, p.rect.x, p.rect.y, p.rect.w, p.rect.h])")
        width = tab.evaluate(f"{PLAYER}.W")
        maps = [r for r in rects if r[0] == "map"]
        others = [r for r in rects if r[0] != "map"]
        assert len(maps) == 2 and all(abs(w - h) < 1e-6 for _, _, _, w, h in maps)
        right_of_maps = max(x + w for _, x, _, w, _ in maps)
        assert all(x > right_of_maps and x + w <= width for _, x, _, w, _ in others)
        assert min(w for _, _, _, w, _ in others) > 1.5 * width / 8  # inches of the 8-inch design
        x, y = cell_point(tab, 2, 5, 1)
        tab.click(x, y)
        tab.wait_for(f"{PLAYER}.clicked !== undefined && {PLAYER}.clicked !== null")
        assert tab.errors() == []

def test_sweep_rates_read_the_recording():
    """`sweep.lrs` when the recording has it; else a run recorded from the template (with a sweep index);
    else one rate for every parameter; rates that name other parameters are refused."""
    meta = {"params": ["w", "b"], "sweep": {"lr": 0.01},
            "runs": [{"sweep_index": None, "lrs": {"w": 9, "b": 9}}]}
    assert sweep_rates(meta) == [0.01, 0.01]  # a named run's own rates are not the sweep's
    meta["runs"].append({"sweep_index": 3, "lrs": {"b": 0.1, "w": 0.05}})
    assert sweep_rates(meta) == [0.05, 0.1]
    meta["sweep"]["lrs"] = {"w": 0.2, "b": 0.3}
    assert sweep_rates(meta) == [0.2, 0.3]
    meta["sweep"]["lrs"] = {"w": 0.2, "c": 0.3}
    with pytest.raises(ValueError, match="not the parameters w, b"):
        sweep_rates(meta)
