"""The lab's engine in headless Chromium against the Python recorder: numpy's data stream and ourdl's
per-sample SGD, bit for bit.

`window.lab.run(config)` (src/train.js) trains from the graph description in the page; every recorded
parameter of Fig 7, Fig 8 and 110 random runs (every activation, both losses, learning rates up to 0.5 so
some diverge, a third of them with a learning rate per parameter, data seeds up to 500 000 + r as the
sweeps use) is compared with render.record.runs.record_run, through both of the page's executors (the
WebAssembly one and the interpreter). Where the operations are IEEE ones (Add, Mul, Relu, LeakyRelu, Step,
the losses) the runs are bit-identical; Sigmoid and Tanh go through Math.exp/Math.tanh, which may differ
from the C library by an ulp, so they are held to 1e-12. The adaline (its own graph, target 2x + 1 and a
rate per parameter, `Run.lrs`) is trained through `ourdl.train.run` with its graph, bit for bit.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from headless_chromium import page_url

from render.record.runs import graph_meta, record_run
from render.web.lab import write_lab
from scenes import Net, Run, get_scene
from scenes.adaline import build as build_adaline
from scenes.chapter import ACTIVATIONS, FIG7, FIG8, PARAMS, build

EXACT = {"LeakyRelu", "Relu", "Step"}  # every operation an IEEE one: the runs must be bit-identical
TOLERANCE = 1e-12


def build_squared(activation: str = "LeakyRelu") -> Net:
    """The chapter's graph ending in the squared loss: what `--loss-fn squared` records."""
    return build(activation, loss="squared")


@pytest.fixture(scope="module")
def tab(browser, tmp_path_factory):
    path = write_lab(tmp_path_factory.mktemp("lab") / "lab.html", map_size=0)
    with browser.open(page_url(path)) as t:
        t.wait_for("typeof (window.lab || {}).run === 'function'")
        yield t


def cases() -> list[dict]:
    """110 random runs: 11 per activation and loss (Fig 7 and Fig 8 have a test of their own)."""
    out = []
    rng = np.random.default_rng(20240612)
    k = 0
    for loss in ("absolute", "squared"):
        for act in ACTIVATIONS:
            for _ in range(11):
                scale = float(rng.choice([0.5, 1.0, 3.0]))
                init = dict(zip(PARAMS, rng.uniform(-scale, scale, len(PARAMS)).tolist()))
                # every third run a rate per parameter (Run.lrs), in update order
                lrs = rng.choice([0.003, 0.01, 0.05, 0.2], len(PARAMS)).tolist() if k % 3 == 2 else None
                out.append(dict(
                    name=f"random {k}", init=init, lrs=lrs,
                    activation=act, loss=loss, samples=int(rng.integers(200, 900)),
                    lr=float(rng.choice([0.003, 0.01, 0.05, 0.2, 0.5])),
                    data_seed=int(rng.choice([0, 7, 500_000 + k, 1_000_000 * 3 + 500_000 + k, 2**32 + k])),
                    every=int(rng.integers(60, 300)), marks=[]))
                k += 1
    return out


def python_run(case: dict) -> dict:
    """The recorder's run: render.record.runs.record_run on the chapter's scene with the case's settings."""
    scene = get_scene("fig8").with_overrides(activation=case["activation"], every=case["every"],
                                             loss=case["loss"])
    schedule = dataclasses.replace(scene.schedule, marks=tuple(case["marks"]))
    scene = dataclasses.replace(scene, schedule=schedule)
    run = Run(case["name"], init=case["init"], data_seed=case["data_seed"], samples=case["samples"],
              lr=case["lr"], lrs=dict(zip(PARAMS, case["lrs"])) if case["lrs"] else None)
    grid, steps = scene.grid(), scene.schedule.steps(run.samples)
    return {**record_run(scene, run, steps, grid, grid * grid), "steps": steps.tolist()}


def js_runs(tab, configs: list[dict], engine: str) -> list[dict]:
    script = (f"JSON.stringify({json.dumps(configs)}.map(c => "
              f"window.lab.run(Object.assign(c, {{engine: {json.dumps(engine)}}}))))")
    return json.loads(tab.evaluate(script, timeout=120), parse_constant=lambda c: float(c))


def test_squared_graph_is_the_chapter_graph_with_another_loss():
    """The page trains the squared loss by re-kinding the loss node of the chapter's graph: check that
    the Python graph used for it is exactly that."""
    for act in ACTIVATIONS:
        a, b = graph_meta(build(act)), graph_meta(build_squared(act))
        assert [n["kind"] for n in b["nodes"]][-1] == "SquareLoss"
        b["nodes"][-1]["kind"] = "ValueLoss"
        assert a == b


def test_random_runs_match_the_python_recorder(tab):
    all_cases = cases()
    assert len(all_cases) >= 100
    keys = ("init", "activation", "loss", "data_seed", "samples", "lr", "every", "marks")
    # a case with its own rates passes them alone (`lrs` replaces `lr`)
    configs = [{k: c[k] for k in keys if not (k == "lr" and c["lrs"])}
               | ({"lrs": c["lrs"]} if c["lrs"] else {}) for c in all_cases]
    assert sum(c["lrs"] is not None for c in all_cases) >= 30
    expected = [python_run(c) for c in all_cases]
    worst: dict[str, float] = {}
    diverged = 0
    for engine in ("wasm", "interpreter"):
        got = js_runs(tab, configs, engine)
        for case, exp, out in zip(all_cases, expected, got):
            where = f"{case['name']} ({case['activation']}, {case['loss']}, lr {case['lr']}, {engine})"
            assert out["engine"] == engine
            assert out["lrs"] == (case["lrs"] or [case["lr"]] * len(PARAMS)), where
            assert out["steps"] == exp["steps"], where
            params = np.array(out["params"], dtype=float)
            assert params.shape == exp["params"].shape, where
            assert out["diverged_at"] == exp["meta"]["diverged_at"], where
            diverged += out["diverged_at"] is not None
            diff = float(np.max(np.abs(params - exp["params"]))) if params.size else 0.0
            worst[case["activation"]] = max(worst.get(case["activation"], 0.0), diff)
            if case["activation"] in EXACT:
                assert np.array_equal(params, exp["params"]), f"{where}: not bit-identical ({diff:g})"
            assert diff <= TOLERANCE, f"{where}: max |diff| {diff:g}"
            loss = np.array(out["train_loss"], dtype=float)
            assert np.allclose(loss, exp["train_loss"], rtol=0, atol=TOLERANCE, equal_nan=True), where
    assert diverged > 0, "no random case diverged: the divergence rule went untested"
    print(f"\nworst |param diff| by activation: {worst}; diverged runs: {diverged // 2}")


@pytest.mark.parametrize("engine", ["wasm", "interpreter"])
def test_fig7_and_fig8_are_bit_identical(tab, engine):
    """The chapter's two runs, whole, as their scenes record them (Fig 7: 12 000 samples, its schedule)."""
    for name, init, samples in (("fig7", FIG7, 12_000), ("fig8", FIG8, 1500)):
        scene = get_scene(name)
        run = dataclasses.replace(scene.runs[0], init=init, samples=samples)
        steps = scene.schedule.steps(samples)
        grid = scene.grid()
        exp = record_run(scene, run, steps, grid, grid * grid)
        config = {"init": init, "lr": 0.01, "samples": samples, "activation": "LeakyRelu", "loss": "absolute",
                  "data_seed": 0, "steps": steps.tolist(), "engine": engine}
        out = tab.evaluate(f"window.lab.run({json.dumps(config)})")
        assert out["steps"] == steps.tolist() and out["engine"] == engine
        assert np.array_equal(np.array(out["params"]), exp["params"]), name
        assert np.array_equal(np.array(out["train_loss"], dtype=float), exp["train_loss"], equal_nan=True)


def build_adaline_squared(activation: str | None = None) -> Net:
    """The adaline's graph ending in the squared loss: what the page trains with `loss: "squared"` (the
    scene itself has a fixed loss)."""
    return build_adaline(activation, loss="squared")


def adaline_cases() -> list[tuple[str, Run]]:
    """The adaline's own run (w 0.05, b 0.1), whole, and random ones: starts, data seeds, rates per
    parameter (some large enough for the squared loss to diverge), both losses."""
    own = get_scene("adaline").runs[0]
    out = [("absolute", own), ("squared", dataclasses.replace(own, lrs={"w": 0.002, "b": 0.01}))]
    rng = np.random.default_rng(7)
    for k in range(16):
        w, b = rng.choice([0.001, 0.005, 0.05, 0.1, 0.3], 2).tolist()
        init = dict(zip(("w", "b"), rng.uniform(-3, 3, 2).tolist()))
        run = Run(f"adaline {k}", init=init, lr=0.01, lrs={"w": w, "b": b},
                  data_seed=int(rng.integers(0, 2**40)), samples=int(rng.integers(100, 1000)))
        out.append(("squared" if k % 2 else "absolute", run))
    return out


@pytest.mark.parametrize("engine", ["wasm", "interpreter"])
def test_adaline_with_a_rate_per_parameter_is_bit_identical(tab, engine):
    """The adaline (Run.lrs: w 0.05, b 0.1; target 2x + 1 on [-10, 10]) and random adaline runs with their
    own rates, trained by train.js from the adaline's graph: every parameter at every snapshot equals
    record_run's, and so do the train losses and the divergences."""
    scene = get_scene("adaline")
    grid = scene.grid()
    diverged, compared = 0, 0
    for loss, run in adaline_cases():
        sc = scene if loss == "absolute" else dataclasses.replace(scene, build=build_adaline_squared)
        steps = sc.schedule.steps(run.samples)
        exp = record_run(sc, run, steps, grid, sc.target(grid))
        graph = graph_meta(scene.net())
        names = graph["params"]
        config = {"init": run.initial_values(names), "lrs": run.lr_for(names), "samples": run.samples,
                  "loss": loss, "data_seed": run.data_seed, "data_range": list(scene.data_range),
                  "target": {"kind": "affine", "a": 2.0, "b": 1.0}, "steps": steps.tolist(), "engine": engine}
        out = tab.evaluate(f"ourdl.train.run({json.dumps(graph)}, {json.dumps(config)})")
        where = f"{run.label} ({loss}, rates {config['lrs']}, {engine})"
        assert out["engine"] == engine and out["steps"] == steps.tolist(), where
        assert out["diverged_at"] == exp["meta"]["diverged_at"], where
        assert np.array_equal(np.array(out["params"], dtype=float), exp["params"]), where
        loss = np.array(out["train_loss"], dtype=float)
        assert np.array_equal(loss, exp["train_loss"], equal_nan=True), where
        diverged += out["diverged_at"] is not None
        compared += exp["params"].size
    assert diverged > 0, "no adaline case diverged: the divergence rule went untested with two rates"
    print(f"\nadaline, {engine}: {compared} parameter values compared, {diverged} runs diverged")


def test_one_rate_for_all_equals_the_same_rate_per_parameter(tab):
    """`lr: v` and `lrs: [v, ..., v]` are the same training; lrs that differ are not."""
    base = {"init": FIG8, "samples": 800, "activation": "LeakyRelu", "loss": "absolute", "data_seed": 3,
            "every": 100}
    one = tab.evaluate(f"window.lab.run({json.dumps({**base, 'lr': 0.02})})")
    each = tab.evaluate(f"window.lab.run({json.dumps({**base, 'lrs': [0.02] * len(PARAMS)})})")
    other = tab.evaluate(f"window.lab.run({json.dumps({**base, 'lrs': [0.02] * 6 + [0.03]})})")
    assert one["params"] == each["params"] and one["params"] != other["params"]


def test_a_scenes_own_data_range_is_trained_as_the_recorder_does(tab):
    """`data_range` (the scene's, [0, 2] by default): the recorder draws x ~ uniform(low, high)."""
    scene = dataclasses.replace(get_scene("fig8"), data_range=(0.5, 1.5))
    run = dataclasses.replace(scene.runs[0], init=FIG8, samples=1500)
    steps, grid = scene.schedule.steps(1500), scene.grid()
    exp = record_run(scene, run, steps, grid, grid * grid)
    config = {"init": FIG8, "lr": 0.01, "samples": 1500, "activation": "LeakyRelu", "loss": "absolute",
              "data_seed": 0, "steps": steps.tolist(), "data_range": [0.5, 1.5]}
    out = tab.evaluate(f"window.lab.run({json.dumps(config)})")
    assert np.array_equal(np.array(out["params"]), exp["params"])
    chapter = tab.evaluate(f"window.lab.run({json.dumps({**config, 'data_range': [0, 2]})})")
    assert not np.array_equal(np.array(chapter["params"]), exp["params"])


def test_data_stream_is_numpys(tab):
    """default_rng(seed).uniform(0, 2, n) and Run(init_seed=seed).initial_values, for many seeds."""
    rng = np.random.default_rng(5)
    seeds = [0, 1, 3, 42, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**53 - 1, 500_000, 500_123,
             1_000_000 * 7 + 500_000 + 3] + [int(s) for s in rng.integers(0, 2**53, 60)]
    got = tab.evaluate(f"{json.dumps(seeds)}.map(s => [Array.from(ourdl.random.uniform(s, 0.0, 2.0, 64)), "
                       f"Array.from(ourdl.random.uniform(s, -1.0, 1.0, 7))])")
    for seed, (xs, init) in zip(seeds, got):
        assert xs == np.random.default_rng(seed).uniform(0.0, 2.0, 64).tolist(), seed
        values = Run("", init_seed=seed).initial_values(list(PARAMS))
        assert init == [values[n] for n in PARAMS], seed


def test_bad_configs_are_refused(tab):
    base = {"init": FIG8, "lr": 0.01, "samples": 10, "activation": "LeakyRelu", "loss": "absolute",
            "data_seed": 0}
    for change in ({"activation": "Softmax"}, {"loss": "hinge"}, {"samples": -1}, {"lr": "fast"},
                   {"data_seed": -3}, {"init": {**FIG8, "w_11": None}}, {"every": 0},
                   {"data_range": [2, 0]}, {"data_range": [0, "2"]}, {"data_range": [0, 1, 2]},
                   {"lrs": [0.01] * 6}, {"lrs": [0.01] * 6 + [None]}, {"lrs": "0.01"},
                   {"lrs": [0.01] * 8}, {"lrs": [0.01] * 7, "lr": "fast"}, {"lr": None},
                   {"target": {"kind": "cubic"}}, {"target": {"kind": "affine", "a": 2}}):
        config = json.dumps({**base, **change})
        message = tab.evaluate(f"(() => {{ try {{ window.lab.run({config}); return null; }}"
                               " catch (e) { return String(e.message); } })()")
        assert message and message.startswith("lab: "), change
    message = tab.evaluate(f"(() => {{ try {{ window.lab.run({json.dumps({**base, 'lrs': [0.01] * 6})}); }}"
                           " catch (e) { return String(e.message); } })()")
    assert message == ("lab: lrs: 7 finite numbers, one learning rate per parameter in update order "
                       f"({', '.join(PARAMS)})")
    # lrs alone (no lr) is a whole config
    alone = {k: v for k, v in base.items() if k != "lr"} | {"lrs": [0.01] * 7}
    assert tab.evaluate(f"window.lab.run({json.dumps(alone)}).engine")
