"""How a figure's panels are arranged for a frame's shape, and how many inches that frame is designed in.

One rule for every output (numpy and stdlib only, so the page data can use it too). The panels of one run
(the scene's panels, then the loss panel) form a grid by the frame's aspect, width / height (the sweep
figures keep their own wide layout and fit their panels to these rows or column: render.draw.sweep_figure):

- at least 3:2 (16:9, 16:10, 3:2): one row, as every wide video always had. The figure is designed 8 inches
  wide (the dpi follows the pixel width), and 3:2 is about where that stops keeping text legible: the
  smallest text (6.5 points) is 1/60 of the shorter side at 1.48:1, so a narrower frame cannot keep the
  8-inch design;
- at most 2:3 (9:16 phone stories, 2:3): one column, the mirror of the wide rule, so panels are wide strips
  rather than 1:5 slivers;
- in between (4:3, 1:1, 4:5): two rows of n/2 (rounded up), the shape nearest a square panel.

Pages have a width and no fixed height, so they pick among the same grids by width (`page_grid`): the design
is scaled so the smallest text is at least MIN_TEXT_PX CSS px (at 1280 px that is the 8-inch design; narrower,
fewer inches), and the panels take one row, else two rows, else one column, the first whose panels are at
least MIN_PANEL inches wide. A 1280 px page shows the video's row, a 760 px blog column 2 x 2, a 390 px phone
one column. The pages read these numbers from their data (render.web.player.runs_layout) and re-flow on
resize with render/web/src/grid.js, which a test checks against this function.

Frames narrower than 3:2 are designed with a 4.5-inch shorter side (a 16:9 frame's height), so the same
points are the same fraction of the shorter side on a square or a story as on a wide video: 6.5 points is
1/50 of it. A taller frame gets more inches, never smaller text.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDE = 3 / 2  # width / height at which one row starts
TALL = 2 / 3  # width / height at which one column starts
DESIGN_WIDTH = 8.0  # inches: the width of a wide frame's design
SHORT_SIDE = 4.5  # inches: the shorter side of any narrower frame's design
MIN_TEXT_PX = 11.0  # CSS px: a page's smallest text (ticks and legends) at any width
MIN_PANEL = 1.5  # inches of the design: a page's narrowest panel


@dataclass(frozen=True)
class Grid:
    """`rows` x `cols` cells for one run's panels, filled row by row."""

    rows: int
    cols: int

    def cell(self, k: int) -> tuple[int, int]:
        """(row, column) of panel `k`."""
        return divmod(k, self.cols)


def panel_grid(width: float, height: float, panels: int) -> Grid:
    """The grid of `panels` panels in a frame of `width` x `height` (any unit; only the aspect counts)."""
    aspect = width / height
    if aspect >= WIDE or panels < 2:
        return Grid(1, panels)
    if aspect <= TALL:
        return Grid(panels, 1)
    cols = (panels + 1) // 2
    return Grid((panels + cols - 1) // cols, cols)


def design(width: int, height: int) -> tuple[tuple[float, float], float]:
    """((width, height) in inches, dots per inch) of a `width` x `height` pixel frame."""
    if width / height >= WIDE:
        return (DESIGN_WIDTH, DESIGN_WIDTH * height / width), width / DESIGN_WIDTH
    dpi = min(width, height) / SHORT_SIDE
    return (width / dpi, height / dpi), dpi


@dataclass(frozen=True)
class PageGrid:
    """A page's panel grid at one width: `grid`, and `scale` CSS px an inch of the design, which is
    `width / scale` inches wide."""

    grid: Grid
    scale: float


def page_grid(width: float, panels: int, small: float, margins: float, gap: float) -> PageGrid:
    """The grid and scale of a page `width` CSS px wide with `panels` panels a run, text of `small` points
    at the least, side margins of `margins` inches and `gap` inches between panels."""
    scale = max(width / DESIGN_WIDTH, MIN_TEXT_PX / (small / 72))
    inches = width / scale
    for cols in dict.fromkeys((panels, (panels + 1) // 2, 1)):
        if cols == 1 or (inches - margins - (cols - 1) * gap) / cols >= MIN_PANEL:
            return PageGrid(Grid((panels + cols - 1) // cols, cols), scale)
    raise AssertionError("one column always fits")
