"""The pages' panel grid (src/grid.js) is render.draw.grid.page_grid's, at every width a page may have."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from render.draw.base import SMALL
from render.draw.grid import DESIGN_WIDTH, MIN_PANEL, MIN_TEXT_PX, Grid, page_grid
from render.draw.scene_figure import Layout

SRC = Path(__file__).resolve().parents[1] / "render" / "web" / "src" / "grid.js"
WIDTHS = list(range(300, 2001, 7)) + [360, 390, 760, 1280]


def test_a_phone_a_blog_column_and_a_wide_page_get_one_column_two_by_two_and_one_row():
    L = Layout()
    margins = L.left + L.right
    assert page_grid(390, 4, SMALL, margins, L.gap).grid == Grid(4, 1)
    assert page_grid(760, 4, SMALL, margins, L.gap).grid == Grid(2, 2)
    assert page_grid(1280, 4, SMALL, margins, L.gap).grid == Grid(1, 4)
    for width in WIDTHS:  # the smallest text is never under MIN_TEXT_PX CSS px
        assert page_grid(width, 4, SMALL, margins, L.gap).scale * SMALL / 72 >= MIN_TEXT_PX - 1e-9


@pytest.mark.skipif(subprocess.run(["node", "--version"], capture_output=True).returncode != 0,
                    reason="node is a development tool")
@pytest.mark.parametrize("panels", [1, 2, 3, 4, 5, 7])
def test_the_pages_grid_is_the_pythons(panels):
    L = Layout()
    rule = {"designWidth": DESIGN_WIDTH, "minTextPx": MIN_TEXT_PX, "minPanel": MIN_PANEL}
    script = (f"import('{SRC.as_uri()}').then(m => console.log(JSON.stringify({json.dumps(WIDTHS)}.map(w => "
              f"m.pageGrid(w, {panels}, {json.dumps(rule)}, {SMALL}, {L.left + L.right}, {L.gap})))))")
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True,
                         check=True)
    got = json.loads(out.stdout)
    for width, js in zip(WIDTHS, got):
        py = page_grid(width, panels, SMALL, L.left + L.right, L.gap)
        assert (js["rows"], js["cols"]) == (py.grid.rows, py.grid.cols), width
        assert js["scale"] == py.scale, width
