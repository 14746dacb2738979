/* backprop_diagram.js: the computation graph as render graph lays it out (backprop_layout.js), drawn as SVG
 * built with DOM calls (names and numbers go in as text nodes, never markup), and a step's state shown on
 * it: which nodes forward() has computed (their values), which grads get_grad() has cached (∂loss/∂node),
 * the edges the current node reads (forward: its parents; backward: its children, each carrying the local
 * derivative), and the parameters update() has moved. A wide layer is folded as render graph folds it
 * (backprop_fold.js): a folded node's numbers are in the step's words line, its box lights up for it.
 */

import { layout } from "./backprop_layout.js";
import { fmtG } from "./plot.js";

/** @typedef {import("./backprop_fold.js").FoldedGraph} FoldedGraph */
/** What the diagram shows at one position of the step-through: the current node, and per node its shown
 * value, grad and new value (null: not yet).
 * @typedef {{current: string | null, phase: string, values: Record<string, number | null>,
 *   grads: Record<string, number | null>, after: Record<string, number | null>,
 *   reads: {from: string, to: string, label: string | null}[]}} DiagramState */

const SVG = "http://www.w3.org/2000/svg";
/** the box's lines of text, CSS px; no text in the diagram is smaller than NUMBER_PX */
export const NAME_PX = 13, NUMBER_PX = 11.5;
const BOX_H = 46, GAP_Y = 12, PAD = 6;
/** the narrowest box (CSS px): its numbers stay whole; a box takes 0.74 of its column */
const MIN_BOX = 74;

/**
 * An SVG element with attributes, appended to `parent`; `text` as a text node.
 * @param {string} tag @param {Record<string, string | number>} attrs @param {Element | null} parent
 * @param {string} [text] @returns {SVGElement}
 */
function svg(tag, attrs, parent, text) {
  const e = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

/** A number for a box: 4 significant digits, a true minus. @param {number | null} v */
export const short = (v) => (v === null ? "" : fmtG(v, 4).replace("-", "\u2212"));

/** The diagram of one graph, drawn into `parent` at its width; .show(state) each position. */
export class Diagram {
  /**
   * @param {HTMLElement} parent @param {FoldedGraph} g  the graph to draw (folded)
   * @param {{color: (name: string) => string | null, fg: string, muted: string, bg: string,
   *   accent: string, words: Record<string, string>}} look
   */
  constructor(parent, g, look) {
    this.g = g;
    this.look = look;
    this.holder = parent;
    const lay = layout(g.layout, g.layer);
    this.xy = lay.xy;
    this.cols = lay.columns.length;
    this.svg = svg("svg", { class: "bp-graph", role: "img" }, parent);
    this.svg.setAttribute("aria-label", look.words.graph || "computation graph");
    /** @type {Record<string, {box: SVGElement, value: SVGElement, grad: SVGElement, group: SVGElement}>} */
    this.boxes = {};
    /** @type {Record<string, {line: SVGElement, label: SVGElement}>} */
    this.edges = {};
    this.width = 0;
  }

  /** Lay the diagram out for `width` CSS px (nodes, edges, arrowheads), no narrower than its boxes need
   * side by side (a narrower holder scrolls sideways: a phone); returns its height.
   * @param {number} width */
  draw(width) {
    width = Math.max(width, 2 * PAD + this.cols * MIN_BOX / 0.74);
    this.width = width;
    const s = this.svg, g = this.g, xy = this.xy;
    s.textContent = "";
    const names = Object.keys(xy);
    const xs = names.map((n) => xy[n][0]), ys = names.map((n) => xy[n][1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    const bw = this.boxW = Math.max(MIN_BOX,
      Math.min(124, (width - 2 * PAD) / Math.max(1, this.cols) * 0.74));
    const sx = x1 > x0 ? (width - 2 * PAD - bw) / (x1 - x0) : 0;
    const sy = BOX_H + GAP_Y;
    const height = Math.ceil((y1 - y0) * sy + BOX_H + 2 * PAD);
    /** @param {string} n @returns {number[]} the box's centre in px */
    this.at = (n) => [PAD + bw / 2 + (xy[n][0] - x0) * sx, PAD + BOX_H / 2 + (y1 - xy[n][1]) * sy];
    s.setAttribute("width", String(width));
    s.setAttribute("height", String(height));
    s.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const defs = svg("defs", {}, s);
    const marker = svg("marker", { id: "bp-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: "auto-start-reverse" }, defs);
    svg("path", { d: "M0,0 L10,5 L0,10 z", class: "bp-arrowhead" }, marker);
    const edgeLayer = svg("g", { class: "bp-edges" }, s);
    const boxLayer = svg("g", { class: "bp-boxes" }, s);
    const labelLayer = svg("g", { class: "bp-labels" }, s);
    this.edges = {};
    for (const child of names) {
      for (const parent of g.layout.parents[child]) {
        const [px, py] = this.at(parent), [cx, cy] = this.at(child);
        const line = svg("line", { x1: px + bw / 2, y1: py, x2: cx - bw / 2 - 1, y2: cy, class: "bp-edge",
          "marker-end": "url(#bp-arrow)" }, edgeLayer);
        // under the line: beside a box's centred, short numbers, not its name (the gap is narrower
        // than the label, which reaches a few px into the boxes either side)
        const label = svg("text", { x: (px + bw / 2 + cx - bw / 2) / 2, y: (py + cy) / 2 + NUMBER_PX + 2,
          class: "bp-edge-label", "text-anchor": "middle", "font-size": NUMBER_PX }, labelLayer, "");
        this.edges[`${parent}>${child}`] = { line, label };
      }
    }
    this.boxes = {};
    for (const n of names) {
      const [cx, cy] = this.at(n), colour = this.look.color(n);
      const group = svg("g", { class: "bp-node " + g.roles[n] }, boxLayer);
      const box = svg("rect", { x: cx - bw / 2, y: cy - BOX_H / 2, width: bw, height: BOX_H,
        rx: g.roles[n] === "bp-parameter" ? 2 : 7, class: "bp-box" }, group);
      if (colour) { box.style.setProperty("--bp-color", colour); group.classList.add("bp-colored"); }
      svg("text", { x: cx, y: cy - 9, class: "bp-name", "text-anchor": "middle", "font-size": NAME_PX },
        group, g.titles[n] || n);
      const value = svg("text", { x: cx, y: cy + 5, class: "bp-value", "text-anchor": "middle",
        "font-size": NUMBER_PX }, group, "");
      const grad = svg("text", { x: cx, y: cy + 18, class: "bp-grad", "text-anchor": "middle",
        "font-size": NUMBER_PX }, group, "");
      this.boxes[n] = { box, value, grad, group };
    }
    return height;
  }

  /** Show a position's state. @param {DiagramState} st */
  show(st) {
    const w = this.look.words;
    for (const [n, b] of Object.entries(this.boxes)) {
      const v = st.values[n], gr = st.grads[n], after = st.after[n];
      const done = v !== null && v !== undefined;
      b.group.classList.toggle("bp-pending", !done);
      b.group.classList.toggle("bp-current", st.current === n);
      b.value.textContent = after !== null && after !== undefined ? `\u2192 ${short(after)}`
        : done ? short(v) : "";
      b.grad.textContent = gr !== null && gr !== undefined ? `${w.bp_d} ${short(gr)}` : "";
      b.group.classList.toggle("bp-has-grad", gr !== null && gr !== undefined);
      b.group.classList.toggle("bp-updated", after !== null && after !== undefined);
    }
    for (const e of Object.values(this.edges)) {
      e.line.classList.remove("bp-read", "bp-back");
      e.label.textContent = "";
    }
    for (const r of st.reads) {
      const e = this.edges[`${r.from}>${r.to}`];
      if (!e) continue;
      e.line.classList.add(st.phase === "backward" ? "bp-back" : "bp-read");
      if (r.label !== null) e.label.textContent = r.label;
    }
  }

  /** The smallest font px of the diagram's text (tests hold it to the pages' 11 px). */
  minTextPx() {
    let least = Infinity;
    for (const t of this.svg.querySelectorAll("text")) {
      if (!t.textContent) continue;
      least = Math.min(least, parseFloat(getComputedStyle(t).fontSize));
    }
    return least;
  }
}
