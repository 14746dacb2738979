"""The lab page in headless Chromium, driven through its controls: presets, sliders, train, pin-and-compare,
a click on the basin map, URL fragments (restoring a run, malformed, hostile), no console error and no
network request. Runs trained through the page are checked against the Python recorder.

One browser and small pages for the module: the chapter's scene cut to 1500 samples, a 9x9 map.
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.parse

import numpy as np
import pytest
from headless_chromium import page_url

from render.record.runs import record_run
from render.web.lab import command_scene, lab_data, lab_html, write_lab
from scenes import Run, get_scene
from scenes.chapter import FIG7, FIG8, PARAMS
from scenes.sweeps import fitting_modes

SAMPLES = 1500
LAB = "window.lab"


@pytest.fixture(scope="module")
def scene():
    return get_scene("fig7_vs_fig8").with_overrides(samples=SAMPLES)


@pytest.fixture(scope="module")
def page(tmp_path_factory, scene):
    return write_lab(tmp_path_factory.mktemp("lab") / "lab.html", scene=scene, map_size=9)


def open_lab(browser, path, fragment: str = ""):
    tab = browser.open(page_url(path) + fragment, width=1200, height=1400)
    tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
    return tab


def state(tab) -> dict:
    return tab.evaluate(f"{LAB}.state()")


def pixels(tab) -> str:
    """A digest of the figure's canvas, to tell whether the picture changed."""
    return tab.evaluate("(() => { const c = document.querySelector('.ol-figure canvas'); "
                        "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
                        "let h = 0; for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0; "
                        "return String(h); })()")


def labels(tab) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('.ol-figure .op-run-label')].map(e => e.textContent)")


def python_params(settings: dict, steps: list[int]) -> np.ndarray:
    """The recorder's parameters for the page's settings (render.record.runs.record_run)."""
    scene = get_scene("fig8").with_overrides(activation=settings["activation"])
    run = Run("lab", init=settings["init"], lr=settings["lr"], samples=settings["samples"],
              data_seed=settings["dataSeed"])
    grid = scene.grid()
    return record_run(scene, run, np.array(steps), grid, grid * grid)["params"]


def train_to_end(tab) -> dict:
    """Press Train at 4x speed and wait for the animation to reach the last snapshot."""
    tab.evaluate("(() => { const s = document.querySelector('.op-speed'); s.value = '4'; "
                 "s.dispatchEvent(new Event('change')); })()")
    tab.click_element(".ol-train")
    assert tab.wait_for(f"{LAB}.state().playing", timeout=5)
    tab.wait_for(f"!{LAB}.state().playing", timeout=20)
    st = state(tab)
    assert st["index"] == st["count"] - 1
    return st


def test_opens_offline_and_clean(browser, page):
    text = page.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "'wasm-unsafe-eval'" in policy
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy
    assert "default-src 'none'" in policy
    with open_lab(browser, page) as tab:
        st = state(tab)
        assert st["engine"] == "wasm"  # the policy lets the page compile its WebAssembly
        assert st["settings"]["init"] == FIG7 and st["step"] == 0 and st["settings"]["samples"] == SAMPLES
        assert tab.evaluate("document.querySelectorAll('.ol-figure .op-run-label').length") == 1
        assert tab.errors() == []
        assert tab.requests() == [page_url(page)]


def test_presets_random_and_a_slider(browser, page):
    with open_lab(browser, page) as tab:
        before = pixels(tab)
        tab.click_element(".ol-preset", 1)  # Fig 8
        tab.wait_for(f"{LAB}.state().settings.init.w_11 === {FIG8['w_11']!r}")
        st = state(tab)
        assert st["settings"]["init"] == FIG8
        assert f"--init w_11={FIG8['w_11']!r},w_12={FIG8['w_12']!r}," in st["command"]
        pressed = tab.evaluate("[...document.querySelectorAll('.ol-preset')].map(b => b.ariaPressed)")
        assert pressed == ["false", "true"]
        assert labels(tab)[0].startswith("this run: Fig 8")
        assert pixels(tab) != before

        tab.evaluate("document.querySelector('.ol-seed-box').value = '3'")
        tab.click_element(".ol-random")
        expected = Run("", init_seed=3).initial_values(list(PARAMS))
        tab.wait_for(f"{LAB}.state().settings.init.b_21 === {expected['b_21']!r}")
        assert state(tab)["settings"]["init"] == expected

        tab.click_element(".ol-preset", 0)  # Fig 7
        tab.wait_for(f"{LAB}.state().settings.init.w_11 === {FIG7['w_11']!r}")
        before = pixels(tab)
        rect = tab.evaluate("(() => { const r = document.querySelector('.ol-slider[data-name=\"w_11\"]')"
                            ".getBoundingClientRect(); return [r.left, r.top + r.height / 2, r.width]; })()")
        x0, y, width = rect
        tab.drag(x0 + width * 0.27, y, x0 + width * 0.85, y)  # w_11 from about -0.46 to about +0.7
        tab.wait_for(f"{LAB}.state().settings.init.w_11 > 0.5")
        st = state(tab)
        box = tab.evaluate("document.querySelector('.ol-number[data-name=\"w_11\"]').value")
        assert float(box) == st["settings"]["init"]["w_11"]
        assert {k: v for k, v in st["settings"]["init"].items() if k != "w_11"} == \
            {k: v for k, v in FIG7.items() if k != "w_11"}
        assert pixels(tab) != before
        assert tab.errors() == []


def test_train_plays_to_the_end_exactly_as_python(browser, page):
    with open_lab(browser, page) as tab:
        tab.click_element(".ol-preset", 1)  # Fig 8
        tab.wait_for(f"{LAB}.state().settings.init.w_11 === {FIG8['w_11']!r}")
        start = pixels(tab)
        st = train_to_end(tab)
        assert st["step"] == SAMPLES and pixels(tab) != start
        steps = tab.evaluate(f"{LAB}.lab.current.steps")
        assert st["params"] == python_params(st["settings"], steps)[-1].tolist()  # bit for bit
        cap = tab.evaluate("document.querySelector('.ol-figure .op-caption').textContent")
        assert "1,500" in cap
        tab.click_element(".ol-reset")
        assert state(tab)["step"] == 0
        tab.click_element(".ol-step")
        assert state(tab)["index"] == 1
        tab.evaluate("document.activeElement.blur()")  # space on a focused button is that button's
        tab.key(" ")  # the player's keys: space trains
        assert tab.wait_for(f"{LAB}.state().playing", timeout=5)
        tab.key(" ")
        assert not state(tab)["playing"]
        assert tab.errors() == []


def test_pin_and_compare(browser, page):
    with open_lab(browser, page) as tab:  # opens with Fig 7
        tab.click_element(".ol-pin")
        tab.wait_for(f"{LAB}.state().pinned !== null")
        tab.click_element(".ol-preset", 1)  # Fig 8 in the top row, Fig 7 pinned below
        tab.wait_for(f"{LAB}.state().settings.init.w_11 === {FIG8['w_11']!r}")
        st = train_to_end(tab)
        assert st["pinned"]["init"] == FIG7
        rows = labels(tab)
        assert len(rows) == 2
        assert rows[0].startswith("this run: Fig 8") and rows[1].startswith("pinned: Fig 7")
        captions = tab.evaluate("[...document.querySelectorAll('.ol-figure .op-caption')]"
                                ".map(e => e.textContent)")
        assert len(captions) == 2 and captions[0] != captions[1]
        pinned = tab.evaluate(f"{LAB}.lab.pinned.trainer.paramsAt({LAB}.lab.pinned.S - 1)")
        steps = tab.evaluate(f"{LAB}.lab.pinned.steps")
        assert pinned == python_params(st["pinned"], steps)[-1].tolist()
        fragment = urllib.parse.unquote(tab.evaluate("location.hash"))
        assert "pin=w_11:-0.4571950013426796," in fragment and "w_11=-0.1571950013426796" in fragment
        tab.click_element(".ol-unpin")
        tab.wait_for(f"{LAB}.state().pinned === null")
        assert len(labels(tab)) == 1
        assert tab.errors() == []


def test_a_click_on_the_map_starts_there_and_trains_to_the_cells_outcome(browser, page, scene):
    data = lab_data(scene, map_size=9)["map"]
    import base64

    loss = np.frombuffer(base64.b64decode(data["loss"]), "<f4")
    mode = np.frombuffer(base64.b64decode(data["mode"]), "i1")
    axis = np.linspace(-1.0, 1.0, 9).tolist()
    i, j = 6, 2  # w_11 = 0.5, w_12 = -0.5
    with open_lab(browser, page) as tab:
        tab.wait_for(f"{LAB}.state().map")
        point = tab.evaluate(f"(() => {{ const m = {LAB}.lab.map; "
                             "m.canvas.scrollIntoView({block: 'center'}); "
                             "const r = m.canvas.getBoundingClientRect(); "
                             f"return [r.left + m.ax.px({axis[i]!r}), r.top + m.ax.py({axis[j]!r})]; }})()")
        tab.click(*point)
        tab.wait_for(f"{LAB}.state().settings.init.w_11 === {axis[i]!r}")
        st = state(tab)
        assert st["settings"]["init"]["w_12"] == axis[j]
        st = tab.evaluate(f"{LAB}.seekStep({SAMPLES})")
        final = np.array([st["params"]])
        assert fitting_modes(final, list(PARAMS), (0.0, 2.0))[0] == mode[j * 9 + i]
        assert st["evalLoss"] == pytest.approx(float(loss[j * 9 + i]), rel=1e-6)
        assert tab.evaluate("document.querySelector('.ol-map-info').textContent") != ""
        assert tab.errors() == []


def test_a_fragment_restores_a_run(browser, page):
    pin = ("w_11:0.25,w_12:-0.75,b_11:0.1,b_12:0.2,w_21:0.3,w_22:0.4,b_21:0.5,lr:0.05,act:Tanh,loss:absolute,"
           "n:700,seed:9")
    values = {"w_11": "-0.3", "w_12": "0.2", "b_11": "0.1", "b_12": "-0.1", "w_21": "0.5", "w_22": "0.6",
              "b_21": "0.7"}
    fragment = "#" + "&".join(f"{k}={v}" for k, v in values.items()) + \
        f"&lr=0.02&act=Relu&loss=squared&n=800&seed=500007&step=400&pin={urllib.parse.quote(pin)}"
    with open_lab(browser, page, fragment) as tab:
        st = state(tab)
        assert st["settings"] == {"init": {k: float(v) for k, v in values.items()}, "lr": 0.02,
                                  "lrs": [0.02] * 7, "samples": 800, "activation": "Relu", "loss": "squared",
                                  "dataSeed": 500007, "hidden": [2], "target": "x^2", "points": []}
        assert st["step"] == 400
        assert st["pinned"]["activation"] == "Tanh" and st["pinned"]["samples"] == 700
        assert st["pinned"]["init"]["w_12"] == -0.75
        assert tab.evaluate("document.querySelector('.ol-number[data-name=\"lr\"]').value") == "0.02"
        assert tab.evaluate("document.querySelectorAll('.ol-select')[0].value") == "Relu"
        assert "--activation Relu" in st["command"] and "--seed 500007" in st["command"]
        assert "--loss-fn squared" in st["command"]
        assert len(labels(tab)) == 2
        assert tab.errors() == []


@pytest.mark.parametrize("fragment", ["#step=abc", "#step=1e309", "#w_11=1e999&lr=NaN&n=-5",
                                      "#act=Softmax&loss=x", "#nonsense=1&&&=&seed=0x10",
                                      "#pin=w_11:abc,act:<b>", "#%E0%A4%A"])
def test_malformed_fragments_open_at_the_defaults(browser, page, fragment):
    with open_lab(browser, page, fragment) as tab:
        st = state(tab)
        assert st["settings"]["init"] == FIG7 and st["settings"]["lr"] == 0.01
        assert st["settings"]["samples"] == SAMPLES and st["settings"]["activation"] == "LeakyRelu"
        assert st["settings"]["dataSeed"] == 0 and st["step"] == 0 and st["pinned"] is None
        assert tab.errors() == []


HOSTILE = ['<img src=x onerror="window.__pwned=1">', "</script><script>window.__pwned=2</script>",
           '"><svg onload=window.__pwned=3>', "javascript:window.__pwned=4"]


def test_hostile_labels_and_fragments_never_run(browser, tmp_path):
    base = get_scene("fig7_vs_fig8").with_overrides(samples=300)
    runs = (dataclasses.replace(base.runs[0], label=f"{HOSTILE[0]}: a"),
            dataclasses.replace(base.runs[1], label=f"{HOSTILE[1]}: b"))
    scene = dataclasses.replace(base, runs=runs, description=HOSTILE[2], name="x" + HOSTILE[3])
    path = tmp_path / "hostile.html"
    path.write_text(lab_html(scene, map_size=0, theme="dark", lang="zh"), encoding="utf-8")
    quote = urllib.parse.quote
    fragment = f"#act={quote(HOSTILE[0])}&pin={quote('act:' + HOSTILE[1])}&w_11={quote(HOSTILE[3])}"
    with open_lab(browser, path, fragment) as tab:
        assert tab.evaluate("window.__pwned === undefined")
        names = tab.evaluate("[...document.querySelectorAll('.ol-preset')].map(b => b.textContent)")
        assert names == [HOSTILE[0], HOSTILE[1]]
        assert tab.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
        assert tab.evaluate("document.documentElement.lang") == "zh-CN"
        assert state(tab)["settings"]["activation"] == "LeakyRelu"
        assert tab.errors() == []
        assert tab.requests() == [page_url(path)]


def test_python_side(tmp_path, scene):
    assert command_scene(get_scene("fig7_vs_fig8")) == "fig8" and command_scene(get_scene("fig7")) == "fig7"
    with pytest.raises(ValueError, match="theme"):
        write_lab(tmp_path / "lab.html", scene=scene, theme="sepia", map_size=0)
    assert list(tmp_path.iterdir()) == []  # nothing at the target path, no temp file left
    cubic = dataclasses.replace(scene, target=lambda x: x ** 3)
    with pytest.raises(ValueError, match="x²"):
        lab_data(cubic, map_size=0)
    own_rates = dataclasses.replace(scene, runs=(dataclasses.replace(scene.runs[0], lrs={"b_21": 0.1}),))
    data = lab_data(own_rates, map_size=0)  # a rate per parameter (Run.lrs): the runs carry theirs
    assert data["ownRates"] and data["defaults"]["lrs"] == [0.01] * 6 + [0.1]
    assert data["presets"][0]["lrs"] == [0.01] * 6 + [0.1]
    data = lab_data(scene, map_size=0)
    assert data["map"] is None and data["defaults"]["init"] == FIG7
    assert [p["name"] for p in data["presets"]] == ["Fig 7", "Fig 8"]


def test_the_command_on_the_page_records_the_same_run(browser, page, tmp_path):
    """The page's `render scene ... --init ...` line, run as `render record`, gives the page's parameters."""
    import shlex

    from typer.testing import CliRunner

    from render.app.cli import app
    from render.record import load_snapshot

    with open_lab(browser, page) as tab:
        tab.click_element(".ol-preset", 1)  # Fig 8, then other settings through the boxes
        for name, value in (("lr", "0.02"), ("seed", "500003"), ("n", "900")):
            tab.evaluate(f"(() => {{ const b = document.querySelector('.ol-number[data-name=\"{name}\"]'); "
                         f"b.value = '{value}'; b.dispatchEvent(new Event('input')); }})()")
        tab.evaluate("(() => { const s = document.querySelectorAll('.ol-select')[0]; s.value = 'Relu'; "
                     "s.dispatchEvent(new Event('change')); })()")
        tab.evaluate("(() => { const s = document.querySelectorAll('.ol-select')[1]; s.value = 'squared'; "
                     "s.dispatchEvent(new Event('change')); })()")
        st = state(tab)
        assert st["settings"]["loss"] == "squared"
        assert st["settings"]["lr"] == 0.02 and st["settings"]["samples"] == 900
        assert st["settings"]["dataSeed"] == 500003 and st["settings"]["activation"] == "Relu"
        steps = tab.evaluate(f"{LAB}.lab.current.steps")
        params = tab.evaluate(f"Array.from({LAB}.lab.current.trainer.params)")
        command = tab.evaluate("document.querySelector('.ol-code').textContent")
    assert command == st["command"]
    words = shlex.split(command)
    assert words[:3] == ["render", "scene", "fig8"] and "--loss-fn squared" in command
    out = tmp_path / "run.npz"
    result = CliRunner().invoke(app, ["record", *words[2:], "-o", str(out)])
    assert result.exit_code == 0, result.output
    snap = load_snapshot(out)
    page_params = np.array(params).reshape(len(steps), -1)
    common = [s for s in steps if s in set(snap.steps.tolist())]
    assert len(common) == len(steps)
    for s in common:
        assert snap.params[0][snap.steps.tolist().index(s)].tolist() == page_params[steps.index(s)].tolist()


def test_render_lab_command(tmp_path):
    """`render lab` (render/app/commands/lab.py): writes output/lab.html; a sweep scene or a bad theme is a
    one-line usage error with nothing written."""
    import typer
    from typer.testing import CliRunner

    from render.app.commands.lab import lab

    app = typer.Typer()
    app.command()(lab)
    app.command("other")(lambda: None)  # two commands: `lab` is a subcommand, as under `render`
    runner = CliRunner()
    result = runner.invoke(app, ["lab", "--out", str(tmp_path), "--steps", "300",
                                 "--init", "w_11=0.3,w_12=-0.2", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "lab.html").read_text(encoding="utf-8")
    assert '"w_11":0.3,"w_12":-0.2' in text and 'lang="zh-CN"' in text
    for args in (["--scene", "init_basin"], ["--theme", "sepia"], ["--scene", "nope"]):
        other = tmp_path / "other"
        result = runner.invoke(app, ["lab", "--out", str(other), "--steps", "300", *args])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
        assert not (other / "lab.html").exists()


def test_without_webassembly_the_page_interprets(browser, tmp_path, scene):
    """A host whose policy forbids compiling WebAssembly (the lab pasted into a strict site): the page falls
    back to interpreting the same tape and trains the same numbers."""
    text = lab_html(scene, map_size=0)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    text = text.replace(policy, policy.replace("'wasm-unsafe-eval' ", ""))
    assert "wasm" not in re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    path = tmp_path / "strict.html"
    path.write_text(text, encoding="utf-8")
    with open_lab(browser, path) as tab:
        st = tab.evaluate(f"{LAB}.seekStep({SAMPLES})")
        assert st["engine"] == "interpreter"
        steps = tab.evaluate(f"{LAB}.lab.current.steps")
        assert st["params"] == python_params(st["settings"], steps)[-1].tolist()
        tab.evaluate(f"{LAB}.set({{lr: 0.02}})")  # another run: the page does not ask again
        errors = tab.errors()
        assert len(errors) <= 1 and all("WebAssembly" in e for e in errors)  # only the policy's own report


def test_the_map_recomputed_in_the_page_equals_the_lockstep_sweep(browser, page, scene):
    """With Relu the shipped map no longer applies: the page trains every cell itself, and gets what the
    Python lockstep engine gets for Relu (same modes; losses to float32)."""
    from render.web.lab_map import basin_map, default_run

    expected = basin_map(dataclasses.replace(scene, activation="Relu"), default_run(scene), size=9)
    with open_lab(browser, page) as tab:
        tab.wait_for(f"{LAB}.state().map")
        tab.evaluate("(() => { const s = document.querySelectorAll('.ol-select')[0]; s.value = 'Relu'; "
                     "s.dispatchEvent(new Event('change')); })()")
        tab.wait_for("!document.querySelector('.ol-map-compute').hidden")
        assert tab.evaluate("document.querySelector('.ol-warn').textContent").endswith("Relu")
        tab.click_element(".ol-map-compute")
        tab.wait_for("document.querySelector('.ol-map-compute').hidden", timeout=30)
        got = tab.evaluate(f"[Array.from({LAB}.lab.map.mode), Array.from({LAB}.lab.map.loss)]")
        assert tab.evaluate("document.querySelector('.ol-warn').textContent") == ""
        assert got[0] == expected["mode"].tolist()
        assert np.allclose(got[1], expected["loss"], rtol=1e-6, atol=0)
        assert tab.errors() == []


# ---- the adaline: a rate per parameter (Run.lrs), its own target and panels -----------------------------


@pytest.fixture(scope="module")
def adaline_page(tmp_path_factory):
    return write_lab(tmp_path_factory.mktemp("adaline") / "lab.html", scene=get_scene("adaline"))


def adaline_params(init: dict, lrs: list[float], samples: int, steps: list[int], seed: int = 0) -> np.ndarray:
    """The recorder's parameters of the adaline with these rates (w, b: update order)."""
    scene = get_scene("adaline")
    run = dataclasses.replace(scene.runs[0], init=init, lrs=dict(zip(("w", "b"), lrs)), samples=samples,
                              data_seed=seed)
    grid = scene.grid()
    return record_run(scene, run, np.array(steps), grid, scene.target(grid))["params"]


def type_into(tab, selector: str, value: str) -> None:
    tab.evaluate(f"(() => {{ const b = document.querySelector({json.dumps(selector)}); "
                 f"b.value = {json.dumps(value)}; b.dispatchEvent(new Event('input')); }})()")


def test_the_adaline_trains_with_its_own_rates_exactly(browser, adaline_page, tmp_path):
    """The lab builds for the adaline (target 2x + 1, w 0.05 and b 0.1, a data and a surface panel): one rate
    box per parameter; every snapshot equals record_run's; another rate for b trains that, and the
    fragment keeps both; the page's command (the scene's own rates: no --lr) records the page's run."""
    from typer.testing import CliRunner

    from render.app.cli import app
    from render.record import load_snapshot

    with open_lab(browser, adaline_page) as tab:
        st = state(tab)
        assert st["settings"]["lrs"] == [0.05, 0.1] and st["settings"]["lr"] is None
        assert st["settings"]["activation"] is None and st["engine"] == "wasm"
        boxes = tab.evaluate("[...document.querySelectorAll('.ol-number[data-name=\"lr\"]')]"
                             ".map(b => [b.dataset.param, b.value])")
        assert boxes == [["w", "0.05"], ["b", "0.1"]]
        assert tab.evaluate("document.querySelector('.ol-select').closest('.ol-field').hidden")  # no act.
        assert labels(tab)[0] == "this run: adaline · lr w 0.05, b 0.1"
        assert "--lr" not in st["command"] and "--activation" not in st["command"]
        steps = tab.evaluate(f"{LAB}.lab.current.steps")
        params = np.array(tab.evaluate(f"Array.from({LAB}.lab.current.trainer.params)")).reshape(-1, 2)
        expected = adaline_params({"w": 0.0, "b": 0.0}, [0.05, 0.1], 1000, steps)
        assert np.array_equal(params, expected)
        assert tab.evaluate(f"{LAB}.lab.figure.surface.nx") == 81  # the loss surface under the path
        command = st["command"]

        type_into(tab, ".ol-number[data-param=\"b\"]", "0.02")
        tab.wait_for(f"{LAB}.state().settings.lrs[1] === 0.02")
        st = state(tab)
        assert st["settings"]["lrs"] == [0.05, 0.02]
        params = np.array(tab.evaluate(f"Array.from({LAB}.lab.current.trainer.params)")).reshape(-1, 2)
        assert np.array_equal(params, adaline_params({"w": 0.0, "b": 0.0}, [0.05, 0.02], 1000, steps))
        assert "--lr" not in st["command"]  # the CLI cannot give b its own rate: the note says so
        assert "--lr" in tab.evaluate("document.querySelector('.ol-note').textContent")
        assert labels(tab)[0] == "this run: w=0, b=0 · lr w 0.05, b 0.02"  # not the scene's run any more
        assert tab.evaluate("document.querySelector('.ol-preset').ariaPressed") == "false"
        tab.wait_for("location.hash.includes('lr=0.05%2F0.02')", timeout=3)
        st = tab.evaluate(f"{LAB}.set({{lr: 0.03}})")  # one rate for both: --lr says it
        assert st["settings"]["lrs"] == [0.03, 0.03] and "--lr 0.03" in st["command"]
        assert tab.evaluate("document.querySelector('.ol-note').textContent") == ""
        tab.click_element(".ol-preset")  # the scene's run: its start and its rates
        tab.wait_for(f"{LAB}.state().settings.lrs[1] === 0.1")
        assert tab.evaluate("document.querySelector('.ol-preset').ariaPressed") == "true"
        assert tab.errors() == []
        assert tab.requests() == [page_url(adaline_page)]

    out = tmp_path / "run.npz"
    result = CliRunner().invoke(app, ["record", *command.split()[2:], "-o", str(out)])
    assert result.exit_code == 0, result.output
    snap = load_snapshot(out)
    assert snap.meta["runs"][0]["lrs"] == {"w": 0.05, "b": 0.1}
    assert np.array_equal(snap.params[0][-1], expected[-1])


def test_an_adaline_fragment_restores_rates_and_a_pin(browser, adaline_page):
    pin = "w:1.5,b:-0.5,lr:0.2/0.01,loss:absolute,n:500,seed:3"
    fragment = f"#w=0.5&b=2&lr=0.01/0.3&n=800&pin={urllib.parse.quote(pin)}"
    with open_lab(browser, adaline_page, fragment) as tab:
        st = state(tab)
        assert st["settings"]["init"] == {"w": 0.5, "b": 2.0} and st["settings"]["lrs"] == [0.01, 0.3]
        assert st["pinned"]["lrs"] == [0.2, 0.01] and st["pinned"]["samples"] == 500
        assert labels(tab)[1] == "pinned: w=1.5, b=−0.5 · lr w 0.2, b 0.01 · 500 samples · data seed 3"
        steps = tab.evaluate(f"{LAB}.lab.pinned.steps")
        pinned = tab.evaluate(f"{LAB}.lab.pinned.trainer.paramsAt({LAB}.lab.pinned.S - 1)")
        assert pinned == adaline_params({"w": 1.5, "b": -0.5}, [0.2, 0.01], 500, steps, seed=3)[-1].tolist()
        assert tab.errors() == []
    for bad in ("lr=0.1/0.2/0.3", "lr=0.1/x", "lr=/"):  # not one rate nor one per parameter: the defaults
        with open_lab(browser, adaline_page, f"#{bad}") as tab:
            assert state(tab)["settings"]["lrs"] == [0.05, 0.1]
