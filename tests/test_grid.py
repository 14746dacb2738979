"""The panel-grid rule (render.draw.grid) and what the runs figure does with it at each shape."""

from __future__ import annotations

import pytest
from matplotlib.text import Text

from render.draw.grid import Grid, design, panel_grid
from render.draw.scene_figure import SceneFigure
from render.encode.options import SIZES
from render.record.goldens import golden_path
from render.record.snapshot import load_snapshot

SHAPES = [(1920, 1080), (1280, 720), (854, 480), (1024, 768), *SIZES.values()]


@pytest.mark.parametrize("size, panels, grid", [
    ((1920, 1080), 4, Grid(1, 4)), ((1440, 960), 4, Grid(1, 4)), ((1024, 768), 4, Grid(2, 2)),
    ((1080, 1080), 4, Grid(2, 2)), ((1080, 1350), 4, Grid(2, 2)), ((1080, 1620), 4, Grid(4, 1)),
    ((1080, 1920), 4, Grid(4, 1)), ((1080, 1080), 3, Grid(2, 2)), ((1080, 1080), 5, Grid(2, 3)),
    ((1080, 1920), 1, Grid(1, 1)),
])
def test_the_grid_follows_the_aspect(size, panels, grid):
    assert panel_grid(*size, panels) == grid
    assert grid.rows * grid.cols >= panels and grid.cell(panels - 1)[0] == grid.rows - 1


def test_wide_frames_keep_the_8_inch_design_and_narrower_ones_a_45_inch_shorter_side():
    assert design(1280, 720) == ((8.0, 8.0 * 720 / 1280), 1280 / 8.0)
    assert design(1080, 1080, by_shorter_side=False) == ((8.0, 8.0), 135.0)
    for size in [(1080, 1080), (1080, 1350), (1080, 1920), (1350, 1080)]:
        (w, h), dpi = design(*size)
        assert min(w, h) == pytest.approx(4.5) and (w * dpi, h * dpi) == pytest.approx(size)


@pytest.fixture(scope="module")
def fig8():
    return load_snapshot(golden_path("fig8"))


@pytest.mark.parametrize("size", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_stays_a_60th_of_the_shorter_side(fig8, size, lang):
    view = SceneFigure(fig8, size=size, lang=lang)
    view.update(view.n_snapshots - 1)
    view.fig.canvas.draw()
    assert view.fig.canvas.get_width_height() == size
    texts = [t for t in view.fig.findobj(Text) if t.get_text() and t.get_visible()]
    smallest = min(t.get_fontsize() for t in texts) * view.fig.dpi / 72
    assert len(texts) > 20 and smallest >= min(size) / 60, (smallest, min(size) / 60)


@pytest.mark.parametrize("size", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_panels_sit_in_the_grid_inside_the_frame_without_overlapping(fig8, size):
    view = SceneFigure(fig8, size=size)
    axes = [ax.get_position() for ax in view.axes[0]]
    grid = panel_grid(*size, len(axes))
    assert len({round(b.y0, 6) for b in axes}) == grid.rows
    assert len({round(b.x0, 6) for b in axes}) == grid.cols
    assert all(0 <= b.x0 and b.x1 <= 1 and 0 <= b.y0 and b.y1 <= 1 for b in axes)
    assert not any(a.overlaps(b) for i, a in enumerate(axes) for b in axes[i + 1:])
    assert axes[-1].y0 == min(b.y0 for b in axes)  # the loss panel last, in the bottom row
    view.fig.canvas.draw()
    frame = view.fig.bbox
    for legend in view.fig.legends:  # under the panels, whole
        box = legend.get_window_extent()
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 + 1 and frame.y0 <= box.y0
