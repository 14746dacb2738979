"""The sweeps for the network family (issue 25, "the sweep explorer works for them"): `relu_vs_leakyrelu` and
`init_basin` with `--hidden H` record in lockstep, name their fitting modes for H units (the chapter's five
at H = 2, code for code), train as the scalar loop does, and open as pages; a deeper net is refused.

Small sweeps (tens of inits, a few hundred samples) recorded once for the module.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from headless_chromium import page_url

from render.draw.sweep_figure import MODE_COLORS, MODE_NAMES_ZH
from render.record import record
from render.record.runs import record_run
from render.web import write_player
from scenes import Run, get_scene
from scenes.chapter import FIG8
from scenes.network import Names
from scenes.sweeps import MODES, WIDE_MODES, fitting_modes, mode_names

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"


@pytest.fixture(scope="module")
def seeded3():
    scene = get_scene("relu_vs_leakyrelu").with_network(hidden=(3,))
    return scene.with_count(40).with_overrides(samples=400, every=50)


@pytest.fixture(scope="module")
def basin4():
    scene = get_scene("init_basin").with_network(hidden=(4,))
    return scene.with_count(36).with_overrides(samples=400, every=50)


@pytest.fixture(scope="module")
def recorded(seeded3, basin4):
    return {"seeded": record(seeded3), "basin": record(basin4)}


def chapter_modes(params: np.ndarray, names: list[str], data_range: tuple[float, float]) -> np.ndarray:
    """The fitting modes as the chapter's sweeps coded them before the family (by name, two units)."""
    col = {n: params[:, names.index(n)] for n in ("w_11", "w_12", "b_11", "b_12")}
    lo, hi = data_range

    def off(w, b):
        return np.maximum(w * lo + b, w * hi + b) <= 0

    n_off = off(col["w_11"], col["b_11"]).astype(int) + off(col["w_12"], col["b_12"])
    w1, w2 = col["w_11"], col["w_12"]
    slopes = np.where((w1 > 0) & (w2 > 0), 0, np.where((w1 < 0) & (w2 < 0), 1, 2))
    return np.where(n_off == 2, 4, np.where(n_off == 1, 3, slopes)).astype(np.int8)


def test_two_units_keep_the_chapters_codes_and_names():
    names = Names((2,)).params()
    rng = np.random.default_rng(7)
    rows = rng.uniform(-1, 1, (20_000, len(names)))
    rows[::50, :2] = 0.0  # slopes of 0, and units on the edge of off
    rows[1::50, 2:4] = 0.0
    for data_range in ((0.0, 2.0), (-1.0, 3.0)):
        got = fitting_modes(rows, names, data_range)
        np.testing.assert_array_equal(got, chapter_modes(rows, names, data_range))
        assert set(got.tolist()) == {0, 1, 2, 3, 4}
    assert mode_names(2) == MODES
    assert MODES == ("slopes + +", "slopes − −", "slopes + −", "one unit off", "both units off")


def test_h_units_modes_follow_the_rule():
    names = Names((3,)).params()
    w = np.array([[0.5, 0.2, 0.1], [-0.5, -0.2, -0.1], [0.5, -0.2, 0.1], [0.5, 0.2, 0.1], [0.5, 0.2, -0.1],
                  [-0.5, -0.2, -0.1]])
    b = np.array([[0.1] * 3, [0.5] * 3, [0.1] * 3, [-2.0, 0.1, 0.1], [0.1, 0.1, -0.1], [-0.1] * 3])
    rows = np.concatenate([w, b, np.ones((6, 4))], axis=1)
    assert fitting_modes(rows, names, (0.0, 2.0)).tolist() == [0, 1, 2, 3, 3, 4]
    assert mode_names(3) == WIDE_MODES and mode_names(1) == WIDE_MODES and len(WIDE_MODES) == len(MODES)
    assert all(m in MODE_NAMES_ZH for m in MODES + WIDE_MODES)
    assert all(len(c) == len(MODES) for c in MODE_COLORS.values())
    with pytest.raises(ValueError, match="one hidden layer"):
        fitting_modes(np.zeros((1, len(Names((2, 2)).params()))), Names((2, 2)).params(), (0.0, 2.0))


def test_a_sweep_of_three_units_records_modes_that_sum_to_the_count(recorded):
    snap = recorded["seeded"]
    sweep, x = snap.meta["sweep"], snap.extra
    assert snap.meta["scene"] == "relu_vs_leakyrelu-h3" and sweep["modes"] == list(WIDE_MODES)
    assert x["sweep_init"].shape == (40, 10) and x["sweep_mode_counts"].shape[2] == len(WIDE_MODES)
    assert np.all(x["sweep_mode_counts"].sum(axis=2) == 40)
    assert np.all(x["sweep_mode_fitted"] <= x["sweep_mode_counts"])
    for a, act in enumerate(sweep["activations"]):
        rates = sweep["rates"][act]
        assert sum(rates["modes"].values()) == 40
        counts = np.bincount(x["sweep_mode"][a], minlength=5).tolist()
        assert [rates["modes"][m] for m in WIDE_MODES] == counts
    assert sweep["lockstep_check"]["runs_compared"] > 0 and sweep["lockstep_check"]["max_abs_param_diff"] == 0


def test_lockstep_rows_equal_the_scalar_loop(seeded3, basin4, recorded):
    """Any sweep row, trained alone on the scalar path, ends exactly where the lockstep left it."""
    cases = ((seeded3, recorded["seeded"], (0, 17, 39)), (basin4, recorded["basin"], (0, 20)))
    for scene, snap, rows in cases:
        x, names = snap.extra, snap.meta["params"]
        steps, grid = snap.steps, snap.grid
        for a, act in enumerate(scene.activations):
            for r in rows:
                seed = scene.data_seeds()[r] if scene.data == "per_run" else scene.runs[0].data_seed
                init = dict(zip(names, x["sweep_init"][r].tolist()))
                run = dataclasses.replace(scene.runs[0], label=f"row {r}", init=init, init_seed=None,
                                          data_seed=seed)
                got = record_run(dataclasses.replace(scene, activation=act), run, steps, grid, snap.target)
                np.testing.assert_array_equal(got["params"][-1], x["sweep_final"][a, r])


def test_a_wider_map_seeds_its_new_units_as_fig8s_run_and_keeps_the_marks(basin4, recorded):
    names = Names((4,)).params()
    grid = basin4.inits
    drawn = np.random.default_rng(0).uniform(-1, 1, len(names))  # Run.initial_values' rule, seed 0
    for k, n in enumerate(names):
        assert grid.others[n] == (FIG8[n] if n in FIG8 else drawn[k]), n
    assert grid.seeded == ("w_13", "w_14", "b_13", "b_14", "w_23", "w_24")
    fig8 = next(r for r in basin4.named if r.label.startswith("Fig 8"))
    start = fig8.initial_values(names)
    assert all(start[n] == grid.others[n] for n in names)  # the mark is Fig 8's run
    inits = recorded["basin"].meta["sweep"]["inits"]
    assert set(inits["marks"]) == {"Fig 7", "Fig 8"} and inits["seeded"]["names"] == list(grid.seeded)
    cell = recorded["basin"].extra["sweep_init"]
    assert np.all(cell[:, 2:] == [grid.others[n] for n in names[2:]])


def test_a_mark_whose_run_starts_elsewhere_is_left_out():
    scene = get_scene("init_basin")
    moved = dataclasses.replace(scene, named=(Run("Fig 8", init={**FIG8, "b_11": 0.5}), scene.named[0]))
    wide = moved.with_network(hidden=(3,))
    assert set(wide.inits.marks) == {"Fig 7"}


def test_the_chapters_width_changes_nothing():
    for name in ("relu_vs_leakyrelu", "init_basin"):
        scene = get_scene(name)
        assert scene.with_network(hidden=(2,)) is scene


@pytest.mark.parametrize("name, hidden, words", [
    ("relu_vs_leakyrelu", (3, 3), "sweeps one hidden layer"), ("init_basin", (2, 2, 2), "not 2,2,2"),
    ("init_basin", (1,), "has no w_12"),
])
def test_what_a_sweep_cannot_do_is_one_line(name, hidden, words):
    with pytest.raises(ValueError, match=words) as e:
        get_scene(name).with_network(hidden=hidden)
    assert "\n" not in str(e.value)


def open_page(browser, path, width=1280, height=720):
    tab = browser.open(page_url(path), width=width, height=height)
    tab.wait_for(f"{PLAYER} !== undefined")
    tab.evaluate(f"{PLAYER}.ready")
    return tab


@pytest.fixture(scope="module")
def pages(tmp_path_factory, recorded):
    out = tmp_path_factory.mktemp("family_sweeps")
    return {k: write_player(snap, out / f"{k}.html") for k, snap in recorded.items()}


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_the_pages_open_without_errors(browser, pages, recorded, width, height):
    with open_page(browser, pages["seeded"], width, height) as tab:
        assert tab.errors() == [] and tab.requests() == [page_url(pages["seeded"])]
        legend = tab.evaluate("document.querySelector('.op-legend').textContent")
        assert all(m in legend for m in WIDE_MODES)
        snap = recorded["seeded"]
        for r in range(len(snap.meta["runs"])):  # each named run recomputed in the page, exactly
            got = np.array(tab.evaluate(f"Array.from({PLAYER}.curves({r}, {len(snap.steps) - 1}))"))
            np.testing.assert_array_equal(got.reshape(snap.curves.shape[2:]), snap.curves[r, -1])
    with open_page(browser, pages["basin"], width, height) as tab:
        assert tab.errors() == []
        assert tab.evaluate(f"{PLAYER}.d.title").endswith("new units seeded")


def test_the_explorer_trains_a_four_unit_cell_as_the_sweep(browser, pages, recorded):
    snap = recorded["basin"]
    with open_page(browser, pages["basin"]) as tab:
        for i, j in ((1, 4), (5, 0)):
            tab.evaluate(f"{PLAYER}.select({i}, {j}, 0, false)")
            params = np.array(tab.evaluate(f"Array.from({PLAYER}.clicked.params)"))
            params = params.reshape(len(snap.steps), -1)
            assert np.array_equal(params[0], snap.extra["sweep_init"][j * 6 + i])
            assert np.array_equal(params[-1], snap.extra["sweep_final"][0, j * 6 + i])
        assert tab.errors() == []


@pytest.fixture(scope="module")
def retargeted(tmp_path_factory):
    """Maps trained on another target and on data points (every point kept, so the page can retrain)."""
    from scenes.targets import parse_target

    out = tmp_path_factory.mktemp("retargeted")
    xy = np.array([[0.0, 0.1], [0.3, 0.5], [0.6, 0.2], [1.0, 0.9], [1.3, 0.4], [1.7, 1.2], [2.0, 0.8]])
    base = get_scene("init_basin")
    scenes = {"target": base.with_network(hidden=(3,), target=parse_target("sin")),
              "points": base.with_network(points=xy, points_name="pts.csv")}
    snaps = {k: record(s.with_count(25).with_overrides(samples=300, every=50)) for k, s in scenes.items()}
    return {k: (snap, write_player(snap, out / f"{k}.html")) for k, snap in snaps.items()}


@pytest.mark.parametrize("kind", ["target", "points"])
def test_the_explorer_retrains_on_the_sweeps_target_or_points(browser, retargeted, kind):
    snap, path = retargeted[kind]
    with open_page(browser, path) as tab:
        assert tab.evaluate(f"{PLAYER}.map.trains") is True
        for i, j in ((0, 0), (3, 2)):
            tab.evaluate(f"{PLAYER}.select({i}, {j}, 0, false)")
            params = np.array(tab.evaluate(f"Array.from({PLAYER}.clicked.params)"))
            params = params.reshape(len(snap.steps), -1)
            assert np.array_equal(params[-1], snap.extra["sweep_final"][0, j * 5 + i]), (kind, i, j)
            loss = tab.evaluate(f"{PLAYER}.clicked.evalLoss.at(-1)")
            assert loss == pytest.approx(snap.extra["sweep_loss"][0, j * 5 + i], rel=1e-12)
        assert tab.errors() == []
