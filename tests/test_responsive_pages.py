"""The pages re-flow for where they are read (issue 24), in headless Chromium at a phone's 390 px, a blog
column's 760 px and a wide 1280 px window: the runs player (fig8, and fig7_vs_fig8's two runs), the lab and
the gallery's framed players. At each width each figure's panel grid is the one render.draw.grid.page_grid
gives for the width the figure really has (one column, 2 x 2, one row), no text on its canvases or in its
overlay is under the rule's 11 CSS px (the page's minTextPx()), and nothing scrolls sideways. A finger works
the player too: a tap toggles a legend entry, a sideways drag scrubs, an up-and-down one does not.

One browser (conftest's); small recordings (1,500 samples) and a gallery of two short scenes.
"""

from __future__ import annotations

import pytest
from headless_chromium import page_url, served
from typer.testing import CliRunner

from render.app.cli import app
from render.draw.base import SMALL
from render.draw.grid import MIN_TEXT_PX, Grid, page_grid
from render.draw.scene_figure import Layout
from render.record import record
from render.web import write_player
from render.web.gallery_page import Result, write_index
from render.web.lab import write_lab
from scenes import get_scene

WIDTHS = {390: Grid(4, 1), 760: Grid(2, 2), 1280: Grid(1, 4)}  # window width -> each run's grid
PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
SIDEWAYS = "document.documentElement.scrollWidth > innerWidth"
SETTLED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def rule(width: float) -> Grid:
    """The grid page_grid gives a figure `width` CSS px wide (four panels: the scene's three and the loss)."""
    L = Layout()
    return page_grid(width, 4, SMALL, L.left + L.right, L.gap).grid


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("responsive")
    short = {"samples": 1500, "every": 100}
    pair = record(get_scene("fig7_vs_fig8").with_overrides(**short))
    return {"fig8": write_player(record(get_scene("fig8").with_overrides(**short)), out / "fig8.html"),
            "pair": write_player(pair, out / "pair.html"),
            "lab": write_lab(out / "lab.html", scene=get_scene("fig7_vs_fig8").with_overrides(samples=1500),
                             map_size=9)}


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    """A gallery of fig8 and fig7_vs_fig8's players, served over http (its frames are same-origin)."""
    out = tmp_path_factory.mktemp("gallery")
    results = []
    for name, runs in (("fig8", 1), ("fig7_vs_fig8", 2)):
        result = CliRunner().invoke(app, ["scene", name, "--steps", "40", "--every", "20", "--quality", "low",
                                          "--format", "html", "--out", str(out)])
        assert result.exit_code == 0, result.output
        page = f"{name}.html"
        size = (out / page).stat().st_size
        results.append(Result(name, runs=runs, files={".html": page}, sizes={page: size}))
    write_index(out, results, {r.name: f"render scene {r.name}" for r in results}, 1.0, 1)
    (out / "favicon.ico").write_bytes(b"")  # a 404 would be logged as an error
    with served(out) as url:
        yield url + "index.html"


def figure_facts(tab, root: str, figure: str) -> dict:
    """What the test holds a figure to: its CSS width, the grid it drew, its smallest text."""
    return tab.evaluate(f"({{width: document.querySelector({figure!r}).clientWidth, grid: {root}.grid(),"
                        f" minText: {root}.minTextPx()}})")


def assert_reflowed(facts: dict, window: int, what: str) -> None:
    grid = Grid(facts["grid"]["rows"], facts["grid"]["cols"])
    assert grid == rule(facts["width"]) == WIDTHS[window], (what, window, facts)
    assert MIN_TEXT_PX <= facts["minText"] < 40, (what, window, facts)


@pytest.mark.parametrize("window", WIDTHS)
@pytest.mark.parametrize("name", ["fig8", "pair"])
def test_the_player_reflows(browser, pages, name, window):
    with browser.open(page_url(pages[name]), width=window, height=900) as tab:
        tab.wait_for(f"{PLAYER} !== undefined && {PLAYER}.firstFrame !== undefined")
        tab.evaluate(SETTLED)
        assert_reflowed(figure_facts(tab, PLAYER, ".op-figure"), window, name)
        assert len(tab.evaluate(f"{PLAYER}.axes")) == (2 if name == "pair" else 1)
        assert not tab.evaluate(SIDEWAYS)
        # every panel and legend inside the figure, none over another
        boxes = tab.evaluate(f"""(() => {{ const p = {PLAYER}, c = p.canvas.getBoundingClientRect();
          return {{W: p.W, axes: p.axes.flat().map((a) => [a.rect.x, a.rect.y, a.rect.w, a.rect.h]),
            legends: [...document.querySelectorAll('.op-legend')].map((e) => {{
              const r = e.getBoundingClientRect(); return [r.left - c.left, r.right - c.left]; }}),
          }}; }})()""")
        axes = boxes["axes"]
        assert all(0 <= x and x + w <= boxes["W"] for x, _, w, _ in axes)
        assert all(0 <= left and right <= boxes["W"] + 0.5 for left, right in boxes["legends"])
        for i, (x, y, w, h) in enumerate(axes):
            for x2, y2, w2, h2 in axes[i + 1:]:
                assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y
        assert tab.errors() == []


@pytest.mark.parametrize("window", WIDTHS)
def test_the_lab_reflows(browser, pages, window):
    with browser.open(page_url(pages["lab"]), width=window, height=900) as tab:
        tab.wait_for("window.lab && window.lab.firstFrame !== undefined && window.lab.state().map")
        tab.evaluate(SETTLED)
        assert_reflowed(figure_facts(tab, "window.lab", ".ol-figure"), window, "lab")
        assert not tab.evaluate(SIDEWAYS)
        tab.evaluate("window.lab.pin()")  # two runs, one block each
        tab.evaluate(SETTLED)
        assert_reflowed(figure_facts(tab, "window.lab", ".ol-figure"), window, "lab, pinned")
        assert tab.evaluate("window.lab.lab.figure.axes.length") == 2
        assert not tab.evaluate(SIDEWAYS)
        assert tab.errors() == []


#: per framed player: its scene, its figure's width, grid and smallest text, whether it scrolls sideways
FRAMES = """[...document.querySelectorAll('iframe')].map((f) => {
  const d = f.contentDocument, p = d.querySelector('.ourdl-player').ourdlPlayer;
  return {scene: f.dataset.scene, width: d.querySelector('.op-figure').clientWidth, grid: p.grid(),
          minText: p.minTextPx(), sideways: d.documentElement.scrollWidth > d.documentElement.clientWidth};
})"""
DRAWN = """[...document.querySelectorAll('iframe')].every((f) => {
  f.loading = 'eager';
  const d = f.contentDocument, r = d && d.querySelector('.ourdl-player');
  return r && r.ourdlPlayer && r.ourdlPlayer.firstFrame !== undefined;
})"""


@pytest.mark.parametrize("window", WIDTHS)
def test_the_gallery_reflows(browser, gallery, window):
    with browser.open(gallery, width=window, height=900) as tab:
        tab.wait_for(DRAWN, timeout=60)
        tab.evaluate(SETTLED)
        frames = tab.evaluate(FRAMES)
        assert [f["scene"] for f in frames] == ["fig8", "fig7_vs_fig8"]
        for facts in frames:
            assert_reflowed(facts, window, facts["scene"])
            assert not facts["sideways"], facts
        assert not tab.evaluate(SIDEWAYS)
        assert tab.errors() == []


# ---- a finger ------------------------------------------------------------------------------------------


def touch(tab, kind: str, *points: tuple[float, float]) -> None:
    tab.call("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y} for x, y in points]})


def stroke(tab, x0: float, y0: float, x1: float, y1: float, steps: int = 10) -> None:
    """A finger from (x0, y0) to (x1, y1)."""
    touch(tab, "touchStart", (x0, y0))
    for i in range(1, steps + 1):
        touch(tab, "touchMove", (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps))
    touch(tab, "touchEnd")


def test_a_finger_taps_the_legend_and_drags_to_scrub(browser, pages):
    with browser.open(page_url(pages["fig8"]), width=390, height=800) as tab:
        tab.wait_for(f"{PLAYER} !== undefined && {PLAYER}.firstFrame !== undefined")
        tab.call("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
        entry = tab.evaluate("(() => { const r = document.querySelector(\".op-entry[data-key='add_12']\")"
                             ".getBoundingClientRect(); "
                             "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        touch(tab, "touchStart", entry)
        touch(tab, "touchEnd")
        tab.wait_for(f"{PLAYER}.state().hidden.includes('add_12')", timeout=3)
        tab.key("Home")
        x, y, width = tab.evaluate(f"(() => {{ const a = {PLAYER}.axes[0][0].rect, "
                                   "c = document.querySelector('.op-canvas').getBoundingClientRect(); "
                                   "return [c.left + a.x + a.w / 2, c.top + a.y + a.h / 2, c.width]; })()")
        count = tab.evaluate(f"{PLAYER}.S")
        stroke(tab, x - 100, y, x + 100, y)  # sideways: 200 px of the figure's width scrub that share
        index = tab.evaluate(f"{PLAYER}.state().index")
        assert index == round(200 / width * (count - 1)), (index, width, count)
        stroke(tab, x + 5, y, x + 15, y - 150)  # up: the page scrolls, the timeline stays
        assert tab.evaluate(f"{PLAYER}.state().index") == index
        assert tab.wait_for("scrollY", timeout=3) > 0
        tab.evaluate("scrollTo(0, 0)")
        # a tap on a curves panel shows its readout there (a finger has no hover)
        touch(tab, "touchStart", (x, y))
        touch(tab, "touchEnd")
        tab.wait_for("!document.querySelector('.op-tip').hidden", timeout=3)
        assert tab.errors() == []


def test_a_drag_along_the_loss_panel_follows_the_pointer(browser, pages):
    with browser.open(page_url(pages["fig8"]), width=1280, height=800) as tab:
        tab.wait_for(f"{PLAYER} !== undefined && {PLAYER}.firstFrame !== undefined")
        tab.key("Home")
        left, right, y = tab.evaluate(f"(() => {{ const ax = {PLAYER}.axes[0][3], a = ax.rect, "
                                      "c = document.querySelector('.op-canvas').getBoundingClientRect(); "
                                      "return [c.left + ax.px(0) + 2, c.left + ax.px(1000), "
                                      "c.top + a.y + a.h / 2]; })()")
        tab.drag(left, y, right, y)
        assert tab.evaluate(f"{PLAYER}.state().step") == 1000  # the sample under the pointer, not a share
        assert tab.errors() == []
