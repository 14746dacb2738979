"""The sweep explorer where it is read (issue 24): on a phone (390 px), in a blog column (760 px) and on a
wide page (1280 px), the seeded sweep's and the map sweep's figure take the grid the pages' rule
(render.draw.grid.page_grid) picks for their panels at the figure's width, draw no text under 11 CSS px,
keep every panel, the header and the legend inside the figure, and never scroll sideways; a finger picks a
map cell, toggles a legend entry and scrubs with a sideways drag.

Small sweeps (64 inits, 1500 samples) recorded once for the module.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from headless_chromium import page_url

from render.draw.base import SMALL
from render.draw.grid import MIN_TEXT_PX, Grid, page_grid
from render.draw.sweep_figure import Narrow
from render.record import record
from render.web import write_player
from render.web.sweep import page_panels
from scenes import get_scene

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
#: a phone, a blog column, a wide page: one column, two rows, one row (the video's layout)
WIDTHS = {390: Grid(3, 1), 760: Grid(2, 2), 1280: Grid(1, 3)}


@pytest.fixture(scope="module")
def sweeps():
    small = {"samples": 1500, "every": 100}
    basin = get_scene("init_basin").with_count(64).with_overrides(**small)
    return {"map": record(basin),
            "map2": record(dataclasses.replace(basin, activations=("Relu", "LeakyRelu"))),  # two maps
            "seeded": record(get_scene("relu_vs_leakyrelu").with_count(64).with_overrides(**small))}


@pytest.fixture(scope="module")
def pages(tmp_path_factory, sweeps):
    out = tmp_path_factory.mktemp("responsive_sweeps")
    return {kind: write_player(s, out / f"{kind}.html") for kind, s in sweeps.items()}


def open_page(browser, path, width: int, fragment: str = ""):
    tab = browser.open(page_url(path) + fragment, width=width, height=900)
    tab.wait_for(f"{PLAYER} !== undefined")
    tab.evaluate(f"{PLAYER}.ready")
    return tab


def in_view(tab, rect_js: str) -> tuple[float, float]:
    """Scroll the page so the centre of `rect_js` (a rect in the canvas' CSS px) is in the middle of the
    viewport; that centre in viewport px."""
    centre = (f"(() => {{ const r = {rect_js}, c = {PLAYER}.canvas.getBoundingClientRect();"
              " return [c.left + r.x + r.w / 2, c.top + r.y + r.h / 2]; })()")
    _, y = tab.evaluate(centre)
    tab.evaluate(f"window.scrollBy(0, {y} - innerHeight / 2)")
    return tuple(tab.evaluate(centre))


def tap(tab, x: float, y: float) -> None:
    """A finger's tap at viewport (x, y): touch start and end (Chromium makes the pointer events and the
    click of a tap from them)."""
    tab.call("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    tab.call("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    tab.sync()


def swipe(tab, x0: float, y: float, x1: float, steps: int = 8) -> None:
    """A finger's sideways drag from (x0, y) to (x1, y)."""
    tab.call("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y}]})
    for k in range(1, steps + 1):
        x = x0 + (x1 - x0) * k / steps
        tab.call("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    tab.call("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    tab.sync()


def overlap(a: list[float], b: list[float]) -> bool:
    """Whether two [x, y, w, h] rects share more than a pixel's sliver."""
    return (min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]) > 1
            and min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > 1)


@pytest.mark.parametrize("kind", ["map", "map2", "seeded"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_sweep_takes_the_pages_grid_and_fits_the_width(browser, pages, kind, width):
    with open_page(browser, pages[kind], width) as tab:
        got = tab.evaluate(f"(() => {{ const p = {PLAYER}, f = p.figure.getBoundingClientRect();"
                           " return {grid: p.grid(), W: p.W, H: p.Hpx, wide: p.wide, minText: p.minTextPx(),"
                           " scroll: document.documentElement.scrollWidth, inner: innerWidth,"
                           " panels: p.panels.map(q => [q.rect.x, q.rect.y, q.rect.w, q.rect.h]),"
                           " overlay: [...p.overlay.children].map(e => { const r = e.getBoundingClientRect();"
                           " return [r.left - f.left, r.top - f.top, r.width, r.height]; }),"
                           " aspect: p.d.aspect}; })()")
        assert tab.errors() == []
    panels = page_panels(kind.rstrip("2"))
    rule = page_grid(got["W"], panels, SMALL, Narrow.left + Narrow.right, Narrow.wgap).grid
    assert Grid(got["grid"]["rows"], got["grid"]["cols"]) == rule == WIDTHS[width]
    assert got["wide"] == (width == 1280)
    if got["wide"]:  # the video's frame
        assert got["H"] == pytest.approx(got["W"] * got["aspect"])
    assert got["minText"] >= MIN_TEXT_PX - 1e-9
    assert got["scroll"] <= got["inner"]
    W, H = got["W"], got["H"]
    for box in got["panels"] + got["overlay"]:  # panels, title, caption and legend inside the figure
        x, y, w, h = box
        assert x >= -0.5 and y >= -0.5 and x + w <= W + 0.5 and y + h <= H + 0.5, (box, W, H)
    panels = got["panels"]
    assert len(panels) == {"map": 4, "map2": 5, "seeded": 5}[kind]
    for i, a in enumerate(panels):
        assert not any(overlap(a, b) for b in panels[i + 1:]), (a, panels)
    if width == 390:  # one column: no panel beside another
        side_by_side = [(a, b) for i, a in enumerate(panels) for b in panels[i + 1:]
                        if min(a[1] + a[3], b[1] + b[3]) > max(a[1], b[1])]
        assert side_by_side == []


@pytest.mark.parametrize("width", list(WIDTHS))
def test_tapping_a_map_cell_trains_it(browser, pages, sweeps, width):
    basin = sweeps["map"]
    i, j = 5, 2
    with open_page(browser, pages["map"], width) as tab:
        tab.key("]")
        tab.key("]")  # 4x: the training plays quickly
        cell = (f"(() => {{ const p = {PLAYER}, r = p.panels.find(q => q.kind === 'map').ax.rect;"
                f" return {{x: r.x + {i} * r.w / p.map.nx, y: r.y + r.h - ({j} + 1) * r.h / p.map.ny,"
                " w: r.w / p.map.nx, h: r.h / p.map.ny}; })()")
        tap(tab, *in_view(tab, cell))
        state = tab.evaluate(f"{PLAYER}.state()")
        assert state["cell"] == [i, j, 0] and state["playing"]
        params = np.array(tab.evaluate(f"Array.from({PLAYER}.clicked.params)")).reshape(len(basin.steps), -1)
        assert np.array_equal(params[-1], basin.extra["sweep_final"][0, j * 8 + i])
        assert tab.evaluate(f"{PLAYER}.hover") is None  # a finger leaves no hover behind
        assert tab.errors() == []


def test_tapping_a_legend_entry_toggles_it(browser, pages):
    with open_page(browser, pages["seeded"], 390) as tab:
        entry = "document.querySelector('.op-entry[data-key=\"Relu\"]')"
        tab.evaluate(f"{entry}.scrollIntoView({{block: 'center'}})")
        x, y = tab.evaluate(f"(() => {{ const r = {entry}.getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        before = tab.evaluate(f"{PLAYER}.canvas.toDataURL()")
        tap(tab, x, y)
        assert tab.evaluate(f"{PLAYER}.state().hidden") == ["Relu"]
        assert tab.evaluate(f"{entry}.getAttribute('aria-pressed')") == "false"
        assert tab.evaluate(f"{PLAYER}.canvas.toDataURL()") != before
        tab.wait_for("location.hash.includes('hide=Relu')", timeout=3)
        tap(tab, x, y)
        assert tab.evaluate(f"{PLAYER}.state().hidden") == []
        assert tab.evaluate(f"{PLAYER}.canvas.toDataURL()") == before
        assert tab.errors() == []


@pytest.mark.parametrize("kind", ["map", "seeded"])
def test_a_sideways_drag_on_the_figure_scrubs(browser, pages, sweeps, kind):
    last = len(sweeps[kind].steps) - 1
    with open_page(browser, pages[kind], 390) as tab:
        assert tab.evaluate(f"{PLAYER}.state().index") == last
        x, y = in_view(tab, f"{PLAYER}.panels.find(q => q.kind === 'curves').rect")
        swipe(tab, x + 100, y, x - 60)
        state = tab.evaluate(f"{PLAYER}.state()")
        assert state["index"] < last and not state["playing"] and state["cell"] is None
        assert tab.errors() == []
