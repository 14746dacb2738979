/* backprop_fold.js: render graph's rule for wide layers (render/draw/graph_layout.py: fold_units,
 * folded_model, folded_layers), in the page: a hidden layer of FOLD_AT or more units is drawn as its units
 * 1, 2 and its last, with one box `fold_L` for the units between. A unit is a one-parent op (its
 * activation); its layer the number of activations on the longest path up to it. A folded unit hides its
 * activation, what only it reads from (its Add, that Add's Muls and weights, its bias; looking no further
 * up than another folded activation) and what reads it (the next layer's Muls and their weights). The box
 * reads what its nodes read from outside it; a kept node that read a hidden node reads the box.
 * tests/test_backprop_layout.py holds the result to Python's.
 */

import { layers } from "./backprop_layout.js";

/** @typedef {import("./backprop_layout.js").LayoutGraph} LayoutGraph */
/**
 * A graph as the diagram draws it: its layout graph (folded), each drawn node's role class and title,
 * which box each hidden node went into, the units each box stands for, and the columns (folded_layers).
 * @typedef {{layout: LayoutGraph, roles: Record<string, string>, titles: Record<string, string>,
 *   into: Record<string, string>, units: Record<string, number[]>, layer: Record<string, number>}}
 *   FoldedGraph
 */

/** a hidden layer of this many units or more is folded (graph_layout.FOLD_AT) */
export const FOLD_AT = 8;
const KEEP_FIRST = 2;

/**
 * Each node's role, as graph_layout.graph_model gives it: input, label, parameter, output, loss, op.
 * @param {import("./types.js").Graph} g @param {string[]} names @returns {Record<string, string>}
 */
export function roles(g, names) {
  const params = new Set(g.params), out = Object.create(null);
  for (const n of names) {
    out[n] = n === g.input ? "input" : n === g.label ? "label" : params.has(n) ? "parameter"
      : n === g.output ? "output" : n === g.loss ? "loss" : "op";
  }
  return out;
}

/**
 * The graph folded by the rule (see the header); `words.fold` titles a box ("units {from}–{to}").
 * @param {import("./types.js").Graph} g @param {LayoutGraph} lg @param {Record<string, string>} words
 * @returns {FoldedGraph}
 */
export function foldGraph(g, lg, words) {
  const role = roles(g, lg.names), P = lg.parents;
  /** @type {Record<string, string[]>} */
  const children = Object.create(null);
  for (const n of lg.names) children[n] = [];
  for (const n of lg.names) for (const p of new Set(P[n])) children[p].push(n);
  const acts = lg.names.filter((n) => P[n].length === 1 && role[n] === "op");
  const actSet = new Set(acts);
  /** @type {Record<string, number>} */
  const level = Object.create(null);
  /** @param {string} n @returns {number} */
  const depth = (n) => {
    if (!(n in level)) level[n] = Math.max(0, ...P[n].map(depth)) + (actSet.has(n) ? 1 : 0);
    return level[n];
  };
  /** @type {Map<number, string[]>} */
  const byLayer = new Map();
  for (const a of acts) {
    const l = depth(a);
    if (!byLayer.has(l)) byLayer.set(l, []);
    byLayer.get(l).push(a);
  }
  const folded = new Set();
  for (const list of byLayer.values()) {
    if (list.length >= FOLD_AT) for (const a of list.slice(KEEP_FIRST, -1)) folded.add(a);
  }
  /** What `n` reads from, not looking past a folded activation. @param {string} n */
  const ancestors = (n) => {
    const seen = new Set(), todo = [...P[n]];
    while (todo.length) {
      const m = todo.pop();
      if (!seen.has(m) && !folded.has(m)) { seen.add(m); todo.push(...P[m]); }
    }
    return seen;
  };
  const keptUp = new Set();
  for (const a of acts) if (!folded.has(a)) { keptUp.add(a); for (const m of ancestors(a)) keptUp.add(m); }
  /** @type {Record<string, string>} */
  const into = Object.create(null);
  /** @type {Record<string, number[]>} */
  const units = Object.create(null);
  /** @type {Record<string, string[]>} */
  const hiddenBy = Object.create(null);
  for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
    const list = byLayer.get(l), hidden = list.filter((a) => folded.has(a));
    if (!hidden.length) continue;
    const box = `fold_${l}`;
    units[box] = hidden.map((a) => list.indexOf(a) + 1);
    const mine = new Set();
    for (const a of hidden) {
      mine.add(a);
      for (const m of ancestors(a)) {
        if (!keptUp.has(m) && role[m] !== "input" && role[m] !== "label") mine.add(m);
      }
      for (const c of children[a]) {
        mine.add(c);
        for (const p of P[c]) if (role[p] === "parameter") mine.add(p);
      }
    }
    hiddenBy[box] = lg.names.filter((n) => mine.has(n));
    for (const n of hiddenBy[box]) into[n] = box;
  }
  // folded_model: each box where its first hidden node was
  /** @type {string[]} */
  const names = [];
  /** @type {Record<string, string[]>} */
  const parents = Object.create(null);
  for (const box of Object.keys(hiddenBy)) parents[box] = [];
  for (const n of lg.names) {
    const box = into[n], outside = P[n].map((p) => into[p] || p);
    if (box === undefined) {
      names.push(n);
      parents[n] = [...new Set(outside)];
    } else {
      for (const p of outside) if (p !== box && !parents[box].includes(p)) parents[box].push(p);
      if (hiddenBy[box][0] === n) names.push(box);
    }
  }
  const drawn = new Set(names);
  for (const box of Object.keys(hiddenBy)) parents[box] = parents[box].filter((p) => drawn.has(p));
  const folding = { names, parents };
  /** @type {Record<string, string>} */
  const roleOf = Object.create(null), titles = Object.create(null);
  for (const n of names) {
    roleOf[n] = n in hiddenBy ? "fold" : role[n];
    if (n in hiddenBy) {
      const u = units[n];
      titles[n] = words.bp_fold.replace("{from}", String(u[0])).replace("{to}", String(u[u.length - 1]));
    }
  }
  const layer = foldedLayers(folding, roleOf);
  const classes = Object.fromEntries(names.map((n) => [n, "bp-" + roleOf[n]]));
  return { layout: folding, roles: classes, titles, into, units, layer };
}

/**
 * graph_layout.folded_layers: `layers`, with each box one column left of the first node that reads it
 * (where its units' last nodes would be), not one right of its inputs.
 * @param {LayoutGraph} g @param {Record<string, string>} role
 */
function foldedLayers(g, role) {
  const layer = layers(g);
  for (const n of g.names) {
    if (role[n] !== "fold") continue;
    const readers = g.names.filter((c) => g.parents[c].includes(n));
    if (readers.length) layer[n] = Math.max(layer[n], Math.min(...readers.map((c) => layer[c])) - 1);
  }
  return layer;
}
