"""Where the scene figure's legends go when a network is wide: how many columns each has, how tall their
band is, and moving them apart.

A legend has two columns, as the chapter's always had; more where it has more than four entries and its
panel the room (a tall frame's wide panels); then, while a row of legends is wider than the frame, its
widest loses a column. The legend band grows by a row for each row of entries past two. Text is measured
as it will be drawn, from `legend_labels`, which says what `SceneFigure._legends` draws (a test holds them
equal). After drawing, `spread` moves legends sideways only where neighbours would overlap or one would
leave the frame. The chapter's legends (at most four entries, each fitting under its panel) are untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.font_manager import FontProperties

from render.draw.grid import design, panel_grid
from render.draw.panels_shared import has_target, kind, output_panel, points, sum_nodes
from render.draw.panels_sum import bias_name, bundled
from render.draw.text import text, units_label
from render.record.snapshot import Snapshot

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: inches a legend band grows by for each row of entries past two (6.5-point text, matplotlib's spacing)
LEGEND_PITCH = 0.135
#: inches a legend column takes at most (a unit's name, its key and the spacing, in 6.5-point text)
LEGEND_COLUMN = 0.95
#: inches kept between neighbouring legends, and between a legend and the frame's edge
LEGEND_PAD, LEGEND_EDGE = 0.08, 0.03
#: the legends' key length, the space after it and between columns, in font sizes (SceneFigure._legends)
HANDLE, HANDLE_PAD, COLUMN_SPACING = 1.6, 0.5, 1.0


def plan(figure) -> tuple[list[int], float]:
    """(columns of each legend, the panels' then the loss panel's; the legend band's height in inches) of
    a `SceneFigure` whose canvas exists and whose panels are not laid out yet."""
    lay, snap, fig = figure.layout, figure.snapshot, figure.fig
    renderer = fig.canvas.get_renderer()
    font = FontProperties(family=figure.rc["font.family"], size=lay.small)

    def inches(label: str) -> float:
        return renderer.get_text_width_height_descent(label, font, ismath=False)[0] / fig.dpi

    n = len(figure.panels) + figure.loss_panel
    width = panel_inches(figure.size, n, lay)
    labels = [legend_labels(snap, p, figure.lang, figure.target_name) for p in figure.panels]
    lang, target = figure.lang, figure.target_name
    labels.append([text(lang, "loss_train"), text(lang, "loss_eval", target=target)])
    widths = [[inches(t) for t in entries] for entries in labels]
    cols = [legend_cols(len(entries), width) for entries in labels]
    grid, room = panel_grid(*figure.size, n), fig.get_size_inches()[0] - 2 * LEGEND_EDGE
    for row in range(grid.rows):
        members = [k for k in range(len(labels)) if grid.cell(k)[0] == row]
        while True:
            wide = {k: legend_inches(widths[k], cols[k], lay.small) for k in members}
            fewer = [k for k in members if cols[k] > 1]
            if sum(wide.values()) + LEGEND_PAD * (len(members) - 1) <= room or not fewer:
                break
            cols[max(fewer, key=wide.__getitem__)] -= 1
    rows = max(-(-len(e) // c) for e, c in zip(labels, cols))
    return cols, lay.legend + max(0, rows - 2) * LEGEND_PITCH


def spread(fig: Figure) -> None:
    """Move the figure's legends sideways, only where they must: apart where neighbours would overlap,
    and inside the frame, each as near under its panel as that allows. Legends that fit stay where they
    are, and so do those of a row too wide for the frame together (moving them would push one out)."""
    renderer, width = fig.canvas.get_renderer(), fig.bbox.width
    pad, edge = LEGEND_PAD * fig.dpi, LEGEND_EDGE * fig.dpi
    rows: dict[float, list] = {}
    for legend in fig.legends:
        rows.setdefault(round(legend.get_bbox_to_anchor().y0, 3), []).append(legend)
    for row in rows.values():
        boxes = [legend.get_window_extent(renderer) for legend in row]
        order = sorted(range(len(row)), key=lambda k: boxes[k].x0)
        x0 = [boxes[k].x0 for k in order]
        w = [boxes[k].width for k in order]
        if sum(w) + pad * (len(w) - 1) > width - 2 * edge:
            continue
        for i in range(len(order)):  # left to right: clear of the frame's edge and the one before
            x0[i] = max(x0[i], edge if i == 0 else x0[i - 1] + w[i - 1] + pad)
        for i in reversed(range(len(order))):  # right to left: inside the frame, clear of the one after
            x0[i] = min(x0[i], width - edge - w[i] if i == len(order) - 1 else x0[i + 1] - pad - w[i])
        for i, k in enumerate(order):
            shift = x0[i] - boxes[k].x0
            if abs(shift) > 1e-6:
                anchor = row[k].get_bbox_to_anchor()
                row[k].set_bbox_to_anchor(((anchor.x0 + shift) / width, anchor.y0 / fig.bbox.height))


def panel_inches(size: tuple[int, int], panels: int, layout) -> float:
    """How wide each of `panels` panels a run is, in inches of the design of a `size` frame (`layout`: the
    scene figure's Layout)."""
    (w, _), cols = design(*size)[0], panel_grid(*size, panels).cols
    return (w - layout.left - layout.right - (cols - 1) * layout.gap) / cols


def legend_cols(entries: int, width: float) -> int:
    """A legend's columns: two (the chapter's), or as many as a `width`-inch panel holds when it has more
    than four entries (a wide network's, in a tall frame's wide panels: rows it need not have)."""
    return 2 if entries <= 4 else max(2, min(entries, int(width / LEGEND_COLUMN)))


def legend_labels(snapshot: Snapshot, panel: dict, lang: str, target_name: str) -> list[str]:
    """A panel's legend labels, in the order `SceneFigure._legends` puts them (its plan measures them)."""
    if kind(panel) == "surface":
        return [text(lang, "surface", target=target_name),
                text(lang, "path", x=panel["params"][0], y=panel["params"][1])]
    if kind(panel) == "sum":  # the stack (its entry holds the bias), the output
        parts, out = sum_nodes(panel)
        bias = bias_name(snapshot, parts, out) or text(lang, "bias")
        labels = [text(lang, "stacked", units=units_label(lang, len(parts)), bias=bias), out]
    else:
        labels = [units_label(lang, len(panel["nodes"]))] if bundled(panel) else list(panel["nodes"])
    if output_panel(panel) and has_target(snapshot):
        labels.append(text(lang, "target", target=target_name))
    if output_panel(panel) and points(snapshot) is not None:
        labels.append(text(lang, "points"))
    if kind(panel) == "data":
        labels.append(text(lang, "data_samples", window=int(panel.get("window", 10))))
    if output_panel(panel):
        labels.append(text(lang, "data"))
    return labels


def legend_inches(widths: list[float], cols: int, size: float) -> float:
    """How wide a legend of labels `widths` (inches) is in `cols` columns, filled column by column as
    matplotlib fills them, in `size`-point text."""
    rows = -(-len(widths) // cols)
    columns = [widths[k:k + rows] for k in range(0, len(widths), rows)]
    em = size / 72
    keys = (HANDLE + HANDLE_PAD) * em
    return sum(keys + max(c) for c in columns) + (len(columns) - 1) * COLUMN_SPACING * em
