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

/**
 * Lay a sweep-kind player out by the rule at its figure's width: sets `width` (what it was laid out for),
 * `W` (px, 800 before the figure has one), `cells` {rows, cols}, `wide` (one row: the video's own layout),
 * `s` (px an inch) and `pt` (px a point). The sweep explorer and the width sweep's player share it.
 * @param {{figure: HTMLElement, width?: number, W?: number, cells?: {rows: number, cols: number},
 *   wide?: boolean, s?: number, pt?: number}} p
 * @param {{designWidth: number, minTextPx: number, minPanel: number, panels: number, small: number,
 *   narrow: Record<string, number>}} L  narrow: its left and right margins and wgap (inches)
 */
export function fitPageGrid(p, L) {
  const N = L.narrow, W = p.figure.clientWidth || 800;
  p.width = p.figure.clientWidth;
  const g = pageGrid(W, L.panels, L, L.small, N.left + N.right, N.wgap);
  p.cells = { rows: g.rows, cols: g.cols };
  p.wide = g.cols === L.panels;
  p.W = W; p.s = g.scale; p.pt = g.scale / 72;
}
