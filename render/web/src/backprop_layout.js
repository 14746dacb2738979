/* backprop_layout.js: render graph's layout of a computation graph (render/draw/graph_layout.py: layers,
 * order, coordinates), in the page, for a graph the lab changes without Python. Layered by depth, left to
 * right: an op one column right of its deepest parent, a leaf one column left of its first consumer; the
 * orders within a column from barycentre sweeps; y from each node's neighbours, pushed apart. The same float
 * operations in the same order (a stable sort, sums from 0 left to right), so the positions are Python's to
 * the last bit: tests/test_backprop_layout.py compares them on the family's networks.
 */

/** A graph to lay out: every node's name in creation order and its parents (a leaf: none).
 * @typedef {{names: string[], parents: Record<string, string[]>}} LayoutGraph */

/**
 * The layout graph of a snapshot graph description: `order` (every node in creation order, leaves too)
 * or the leaves (input, label, parameters) then the nodes.
 * @param {import("./types.js").Graph & {order?: string[]}} g @returns {LayoutGraph}
 */
export function layoutGraph(g) {
  const names = g.order && g.order.length ? g.order.map(String)
    : [g.input, g.label, ...g.params, ...g.nodes.map((n) => n.name)];
  /** @type {Record<string, string[]>} */
  const parents = Object.create(null);
  for (const n of names) parents[n] = [];
  for (const n of g.nodes) parents[n.name] = n.parents.map(String);
  return { names, parents };
}

/** Each node's children, in node order (each once). @param {LayoutGraph} g */
function childrenOf(g) {
  /** @type {Record<string, string[]>} */
  const out = Object.create(null);
  for (const n of g.names) out[n] = [];
  for (const n of g.names) for (const p of new Set(g.parents[n])) out[p].push(n);
  return out;
}

/** graph_layout.layers: the column of each node. @param {LayoutGraph} g @returns {Record<string, number>} */
export function layers(g) {
  const children = childrenOf(g);
  /** @type {Record<string, number>} */
  const depth = Object.create(null);
  /** @param {string} name @returns {number} */
  const of = (name) => {
    if (!(name in depth)) {
      const ps = g.parents[name];
      depth[name] = ps.length ? 1 + Math.max(...ps.map(of)) : 0;
    }
    return depth[name];
  };
  for (const n of g.names) of(n);
  for (const n of g.names) {
    if (!g.parents[n].length && children[n].length) {
      depth[n] = Math.max(0, Math.min(...children[n].map((c) => depth[c])) - 1);
    }
  }
  const lowest = g.names.length ? Math.min(...g.names.map((n) => depth[n])) : 0;
  /** @type {Record<string, number>} */
  const out = Object.create(null);
  for (const n of g.names) out[n] = depth[n] - lowest;
  return out;
}

/** Python's sum of a list: from 0, left to right. @param {number[]} v */
const sum = (v) => v.reduce((a, b) => a + b, 0);

/**
 * graph_layout.order: the nodes of each column, ordered by barycentre sweeps.
 * @param {LayoutGraph} g @param {Record<string, number>} layer @param {number} [sweeps]
 * @returns {string[][]}
 */
export function order(g, layer, sweeps = 8) {
  const children = childrenOf(g);
  const nCols = Math.max(0, ...g.names.map((n) => layer[n])) + 1;
  const cols = Array.from({ length: nCols }, (_, c) => g.names.filter((n) => layer[n] === c));
  /** @type {Record<string, string[]>} */
  const neighbours = Object.create(null);
  for (const n of g.names) neighbours[n] = [...g.parents[n], ...children[n]];
  const positions = () => {
    /** @type {Record<string, number>} */
    const pos = Object.create(null);
    for (const col of cols) col.forEach((n, i) => { pos[n] = i - (col.length - 1) / 2; });
    return pos;
  };
  /** @param {string[]} col @param {Record<string, number>} pos */
  const place = (col, pos) => {
    const keyed = col.map((n, i) => {
      const near = neighbours[n].filter((m) => m in pos && layer[m] !== layer[n]).map((m) => pos[m]);
      return { n, key: near.length ? sum(near) / near.length : (n in pos ? pos[n] : i) };
    });
    keyed.sort((a, b) => a.key - b.key);  // stable, as Python's sorted
    return keyed.map((k) => k.n);
  };
  for (let sweep = 0; sweep < sweeps; sweep++) {
    if (sweep % 2 === 0) for (let c = 1; c < nCols; c++) cols[c] = place(cols[c], positions());
    else for (let c = nCols - 2; c >= 0; c--) cols[c] = place(cols[c], positions());
  }
  return cols;
}

/** graph_layout._spread: as close to `wanted` as may be, in order, at least `gap` apart, re-centred.
 * @param {number[]} wanted @param {number} gap */
function spread(wanted, gap) {
  const ys = wanted.slice();
  for (let i = 1; i < ys.length; i++) ys[i] = Math.min(ys[i], ys[i - 1] - gap);
  const shift = ys.length ? (sum(wanted) - sum(ys)) / ys.length : 0.0;
  return ys.map((v) => v + shift);
}

/**
 * graph_layout.coordinates: x by column, y from the neighbours' barycentre pushed apart to `dy`.
 * @param {LayoutGraph} g @param {string[][]} cols @param {number} [dx] @param {number} [dy]
 * @returns {Record<string, number[]>}
 */
export function coordinates(g, cols, dx = 1.9, dy = 1.0) {
  const children = childrenOf(g);
  /** @type {Record<string, number>} */
  const y = Object.create(null);
  for (const col of cols) col.forEach((n, i) => { y[n] = -(i - (col.length - 1) / 2) * dy; });
  for (let round = 0; round < 4; round++) {
    for (const col of cols) {
      const inCol = new Set(col);
      const wanted = col.map((n) => {
        const near = [...g.parents[n], ...children[n]].filter((m) => !inCol.has(m)).map((m) => y[m]);
        return near.length ? sum(near) / near.length : y[n];
      });
      spread(wanted, dy).forEach((v, i) => { y[col[i]] = v; });
    }
  }
  /** @type {Record<string, number[]>} */
  const out = Object.create(null);
  cols.forEach((col, c) => { for (const n of col) out[n] = [c * dx, y[n]]; });
  return out;
}

/**
 * The whole layout: {columns, xy} (xy[name] = [x, y], y up), with `layer` the columns (default: layers).
 * @param {LayoutGraph} g @param {Record<string, number>} [layer]
 */
export function layout(g, layer) {
  const cols = order(g, layer || layers(g));
  return { columns: cols, xy: coordinates(g, cols) };
}
