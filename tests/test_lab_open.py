"""The lab opened at a network of the family (`render lab --hidden 3 --data pts.csv`, `--target sin`,
issue 26) shows what it trains: the output panel draws its output, with finite y limits that hold the
points; the points editor holds the page's points and the target box its target; the command on the page
says --hidden, --data or --target, and recorded in Python it gives the page's parameters, snapshot for
snapshot."""

from __future__ import annotations

import math
import shlex

import numpy as np
import pytest
from headless_chromium import page_url

from render.web.lab import write_lab
from scenes import get_scene
from scenes.targets import parse_target

LAB = "window.lab"
SAMPLES = 2000
#: pts.csv of the issue: 14 points of sin(pi x) on [0, 2], 3 decimals
XY = np.column_stack([np.linspace(0, 2, 14), np.sin(np.pi * np.linspace(0, 2, 14))]).round(3)


def base():
    return get_scene("relu_quadratic").with_overrides(samples=SAMPLES)


def scenes():
    return {
        "data": base().with_network(hidden=(3,), points=XY, points_name="pts.csv"),
        "sin": base().with_network(target=parse_target("sin")),
        "cubic": base().with_network(hidden=(3,), target=parse_target("x^3-x")),
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labopen")
    return {k: write_lab(folder / f"{k}.html", scene=s, map_size=0) for k, s in scenes().items()}


def opened(browser, path):
    tab = browser.open(page_url(path), width=1280, height=1400)
    tab.wait_for(f"{LAB} && {LAB}.firstFrame !== undefined")
    tab.key("End")
    return tab


def shown(tab) -> dict:
    """What the page shows: its state, the output panel's limits, the points and target controls."""
    return tab.evaluate(f"""(() => {{
      const lab = {LAB}.lab, st = {LAB}.state(), ax = lab.figure.outputAxes();
      const q = (s) => document.querySelector(s);
      return {{ state: st, ylim: ax && ax.ylim,
        count: q('.ol-points-count').textContent, box: q('.ol-target-box').value,
        pick: q('.ol-target-pick').value, code: q('.ol-code').textContent,
        points: lab.settings.points, steps: Array.from(lab.current.steps),
        params: Array.from(lab.current.trainer.params) }};
    }})()""")


def output_line(tab) -> list[float]:
    """The output curve's pixels (y) the figure drew in the output panel at the end, from its canvas."""
    return tab.evaluate(f"""(() => {{
      const f = {LAB}.lab.figure, ax = f.outputAxes(), c = f.canvas, dpr = f.dpr;
      const data = c.getContext('2d').getImageData(Math.round(ax.rect.x * dpr), Math.round(ax.rect.y * dpr),
        Math.round(ax.rect.w * dpr), Math.round(ax.rect.h * dpr)).data;
      let inked = 0;
      for (let k = 0; k < data.length; k += 4) {{
        const off = Math.abs(data[k] - 255) + Math.abs(data[k + 1] - 255) + Math.abs(data[k + 2] - 255);
        if (off > 120) inked++;
      }}
      return [inked, data.length / 4];
    }})()""")


def recorded(words: list[str], folder, monkeypatch):
    """The command's run recorded by `render record` in `folder` (where pts.csv is): its steps and params."""
    from typer.testing import CliRunner

    from render.app.cli import app
    from render.record import load_snapshot

    monkeypatch.chdir(folder)
    np.savetxt(folder / "pts.csv", XY, delimiter=",", header="x,y", comments="", fmt="%.3f")
    result = CliRunner().invoke(app, ["record", *words[2:], "-o", str(folder / "run.npz")])
    assert result.exit_code == 0, result.output
    snap = load_snapshot(folder / "run.npz")
    return snap.steps.tolist(), snap.params[0]


def same_run(got: dict, words: list[str], folder, monkeypatch) -> None:
    steps, params = recorded(words, folder, monkeypatch)
    page = np.array(got["params"]).reshape(len(got["steps"]), -1)
    assert set(got["steps"]) <= set(steps)
    for k, s in enumerate(got["steps"]):
        assert params[steps.index(s)].tolist() == page[k].tolist()


def test_a_data_page_draws_its_points_and_says_them(browser, pages, tmp_path, monkeypatch):
    with opened(browser, pages["data"]) as tab:
        got = shown(tab)
        inked, area = output_line(tab)
        assert tab.errors() == []
    lo, hi = got["ylim"]
    assert math.isfinite(lo) and math.isfinite(hi) and lo < XY[:, 1].min() and XY[:, 1].max() < hi
    assert inked > 0.02 * area  # the stack, the output and the points are drawn, not an empty panel
    assert got["points"] == XY.tolist() and got["count"].startswith("14 ")
    words = shlex.split(got["code"])
    assert got["code"] == got["state"]["command"]
    assert words[:3] == ["render", "scene", "relu_quadratic"]
    assert words[words.index("--hidden") + 1] == "3" and words[words.index("--data") + 1] == "pts.csv"
    assert "--target" not in words and "--data-range" not in words
    same_run(got, words, tmp_path, monkeypatch)


@pytest.mark.parametrize("key, text, pick", [("sin", "sin", "sin"), ("cubic", "x^3-x", "x^3-x")])
def test_a_target_page_shows_its_target_and_says_it(browser, pages, tmp_path, monkeypatch, key, text, pick):
    with opened(browser, pages[key]) as tab:
        got = shown(tab)
        assert tab.errors() == []
    lo, hi = got["ylim"]
    assert math.isfinite(lo) and math.isfinite(hi)
    assert got["box"] == text and got["pick"] == pick and got["points"] == []
    assert got["state"]["settings"]["target"] == text
    words = shlex.split(got["code"])
    assert words[words.index("--target") + 1] == text and "--data" not in words
    assert ("--hidden" in words) == (key == "cubic")
    if key == "cubic":
        assert words[words.index("--hidden") + 1] == "3"
    same_run(got, words, tmp_path, monkeypatch)


def test_clearing_a_data_pages_points_trains_the_target_on_their_range(browser, pages, tmp_path, monkeypatch):
    """Points cleared: the page trains x² on the points' range, and its command says so (no --data)."""
    with opened(browser, pages["data"]) as tab:
        tab.evaluate(f"{LAB}.set({{points: []}}, true)")
        got = shown(tab)
        tab.wait_for("location.hash.includes('pts=none')")  # the fragment's writes are throttled
        assert tab.errors() == []
    assert got["points"] == []
    words = shlex.split(got["code"])
    assert "--data" not in words and words[words.index("--data-range") + 1] == "0.0,2.0"
    same_run(got, words, tmp_path, monkeypatch)


def test_a_map_without_presets_names_the_pages_start(browser, tmp_path):
    """No Fig 7/Fig 8 preset (a 3-unit net on points): the map's note says whose values the other
    parameters have, never "as in , LeakyRelu"."""
    path = write_lab(tmp_path / "lab.html", scene=scenes()["data"], map_size=5)
    with opened(browser, path) as tab:
        notes = tab.evaluate("[...document.querySelectorAll('.ol-map .ol-note')].map(n => n.textContent)")
        assert tab.errors() == []
    assert any("this page's start" in n for n in notes), notes
