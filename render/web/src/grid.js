/* grid.js: a page's panel grid at its width, render.draw.grid.page_grid's rule read from the page's data
 * (designWidth, minTextPx, minPanel): the design is scaled so its smallest text is at least minTextPx CSS px,
 * then the panels take one row, else two rows, else one column, the first whose panels are at least
 * minPanel inches wide. tests/test_responsive_grid.py checks it against the Python at many widths.
 */

/**
 * The grid (rows x cols) and scale (CSS px an inch) of `panels` panels in a page `width` CSS px wide.
 * @param {number} width @param {number} panels
 * @param {{designWidth: number, minTextPx: number, minPanel: number}} rule
 * @param {number} small  points of the smallest text @param {number} margins  inches, both sides
 * @param {number} gap  inches between panels
 * @returns {{rows: number, cols: number, scale: number}}
 */
export function pageGrid(width, panels, rule, small, margins, gap) {
  const scale = Math.max(width / rule.designWidth, rule.minTextPx / (small / 72));
  const inches = width / scale;
  for (const cols of [panels, Math.floor((panels + 1) / 2), 1]) {
    if (cols === 1 || (inches - margins - (cols - 1) * gap) / cols >= rule.minPanel) {
      return { rows: Math.ceil(panels / cols), cols, scale };
    }
  }
  throw new Error("one column always fits");
}
