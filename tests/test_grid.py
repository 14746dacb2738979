"""The panel-grid rule (render.draw.grid) and what the runs figure and the sweep figures do with it at each
shape."""

from __future__ import annotations

import pytest
from matplotlib.text import Text

from render.draw.grid import WIDE, Grid, design, panel_grid
from render.draw.scene_figure import SceneFigure
from render.draw.view import make_view
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
    assert design(1080, 720) == ((8.0, 8.0 * 720 / 1080), 1080 / 8.0)  # 3:2, the widest narrow-rule edge
    for size in [(1080, 1080), (1080, 1350), (1080, 1920), (1350, 1080)]:
        (w, h), dpi = design(*size)
        assert min(w, h) == pytest.approx(4.5) and (w * dpi, h * dpi) == pytest.approx(size)


@pytest.fixture(scope="module")
def fig8():
    return load_snapshot(golden_path("fig8"))


@pytest.mark.parametrize("size", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_stays_a_60th_of_the_shorter_side(fig8, size, lang):
    assert_text_size(SceneFigure(fig8, size=size, lang=lang), size)


def assert_text_size(view, size: tuple[int, int]) -> None:
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


SWEEPS = ["relu_vs_leakyrelu", "init_basin"]
SWEEP_SHAPES = [(1280, 720), *SIZES.values()]


@pytest.fixture(scope="module")
def sweeps():
    return {name: load_snapshot(golden_path(name)) for name in SWEEPS}


@pytest.mark.parametrize("size", SWEEP_SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", SWEEPS)
def test_sweep_text_stays_a_60th_of_the_shorter_side(sweeps, name, size, lang):
    assert_text_size(make_view(sweeps[name], size=size, lang=lang), size)


def panel_boxes(view) -> list:
    return [ax.get_tightbbox(view.fig.canvas.get_renderer()) for ax in view.fig.axes]


@pytest.mark.parametrize("size", SWEEP_SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", SWEEPS)
def test_sweep_panels_reflow_inside_the_frame_without_overlapping(sweeps, name, size, lang):
    """Every panel, its titles and tick labels included, inside the frame and clear of the others and of
    the legend; rows near square, one column at 2:3 or narrower."""
    view = make_view(sweeps[name], size=size, lang=lang)
    view.update(view.n_snapshots - 1)
    view.fig.canvas.draw()
    boxes = panel_boxes(view)
    legend = view.fig.legends[0].get_window_extent()
    frame = view.fig.bbox
    for b in boxes:
        assert frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 and legend.y1 <= b.y0 and b.y1 <= frame.y1
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    lefts = sorted({round(ax.get_position().x0, 3) for ax in view.fig.axes})
    if size[0] / size[1] <= 2 / 3:  # one column (the modes panel indented a little for its y labels)
        assert lefts[-1] - lefts[0] < 0.15 / 4.5
    elif size[0] / size[1] < WIDE:  # rows of two
        assert len(lefts) == 2 and len({round(ax.get_position().y0, 3) for ax in view.fig.axes}) >= 2
