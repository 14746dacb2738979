/* backprop_panel.js: the output panel beside the graph: the network's output over the grid before this step
 * and (from the update phase on) after it, the target (or the data points), and the sample the step trains
 * on, (x, label), with the output at x once forward() has computed it. The curves are graph.js's exact
 * evaluation of the step's parameters before and after; drawn with the player's plot.js and ticks.js.
 */

import { el } from "./dom.js";
import { compile, evaluate } from "./graph.js";
import { Axes, font, forgetText, frame, line, marker, sizeCanvases, smallestText, text } from "./plot.js";
import { linearTicks } from "./ticks.js";

/** What the panel draws from: the x values, the target's values there (or null: points), the points, the
 * x range, the graph, and its look.
 * @typedef {{grid: Float64Array, target: Float64Array | null, points: number[][] | null, xRange: number[],
 *   graph: import("./types.js").Graph, th: import("./types.js").Theme, fam: string,
 *   words: Record<string, string>, title: string}} PanelSource */

const TICK_PX = 11.5, TITLE_PX = 13;

/** The output panel; .set(step) once a step, .show(phase, outputKnown) each position. */
export class OutputPanel {
  /** @param {HTMLElement} parent @param {PanelSource} src */
  constructor(parent, src) {
    this.src = src;
    this.element = el("div", "bp-panel", parent);
    this.canvas = el("canvas", "bp-canvas", this.element);
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", src.title);
    this.legend = el("div", "bp-legend", this.element);
    this.program = compile(src.graph, src.grid.length);
    if (!this.program) throw new Error("the page cannot evaluate this graph");
    this.label = src.target || new Float64Array(src.grid.length);
    /** @type {{before: Float64Array, after: Float64Array, x: number, label: number, y: number} | null} */
    this.curves = null;
    this.state = { after: false, output: false };
  }

  /** The output over the grid with these parameters (update order). @param {number[]} params */
  output(params) {
    const values = evaluate(this.program, Float64Array.from(params), 0, this.src.grid, this.label);
    return Float64Array.from(values[this.program.index[this.src.graph.output]]);
  }

  /** Take a step's numbers (the dict). @param {any} step @param {(v: unknown) => number} val */
  set(step, val) {
    const names = step.order;
    this.curves = {
      before: this.output(names.map((n) => val(step.params[n].before))),
      after: this.output(names.map((n) => val(step.params[n].after))),
      x: val(step.x), label: val(step.label), y: val(step.nodes[step.output].value),
    };
  }

  /** Lay the panel out at `width` CSS px and draw it. @param {number} width */
  layout(width) {
    this.width = width;
    this.height = Math.round(Math.max(190, Math.min(330, width * 0.58)));
    this.dpr = sizeCanvases([this.canvas], this.element, width, this.height);
    this.element.style.height = "";
    this.draw();
  }

  /** What the current position shows: the curve after the step, the output at x.
   * @param {boolean} after @param {boolean} output */
  show(after, output) {
    this.state = { after, output };
    this.draw();
  }

  draw() {
    if (!this.curves || !this.width) return;
    const c = this.curves, src = this.src, th = src.th, W = this.width, H = this.height;
    const ctx = this.canvas.getContext("2d");
    forgetText(this.canvas);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = th.background;
    ctx.fillRect(0, 0, W, H);
    const [lo, hi] = this.ylim();
    const rect = { x: 46, y: TITLE_PX + 12, w: W - 56, h: H - TITLE_PX - 12 - 28 };
    const ax = new Axes(rect, { xlim: src.xRange, ylim: [lo, hi] });
    text(ctx, src.title, rect.x, TITLE_PX, { font: font(TITLE_PX, src.fam, true), color: th.foreground });
    frame(ctx, ax, { fg: th.foreground, muted: th.muted, font: src.fam, tick: TICK_PX, s: 96 },
      { x: linearTicks(ax, "x", null, TICK_PX), y: linearTicks(ax, "y", 5, TICK_PX) });
    const out = th.palette[2], pt = 96 / 72;
    if (src.target) line(ctx, ax, src.grid, src.target, { color: th.target, width: 1.6 * pt, dash: [4, 3] });
    for (const p of src.points || []) marker(ctx, ax.px(p[0]), ax.py(p[1]), 2.2, th.muted);
    line(ctx, ax, src.grid, c.before, { color: out, width: 1.8 * pt });
    if (this.state.after) {
      line(ctx, ax, src.grid, c.after, { color: th.palette[3], width: 1.8 * pt, dash: [5, 3] });
    }
    const px = ax.px(c.x);
    if (this.state.output) {
      ctx.save();
      ctx.strokeStyle = th.muted;
      ctx.setLineDash([2, 2]);
      ctx.beginPath(); ctx.moveTo(px, ax.py(c.label)); ctx.lineTo(px, ax.py(c.y)); ctx.stroke();
      ctx.restore();
      marker(ctx, px, ax.py(c.y), 4.5, out, th.background, 1.2);
    }
    marker(ctx, px, ax.py(c.label), 5, th.foreground, th.background, 1.5);
    this.fillLegend();
  }

  /** The y limits: the target, both curves and the sample, padded; a flat view widened. */
  ylim() {
    const c = this.curves, src = this.src;
    let lo = Infinity, hi = -Infinity;
    /** @param {ArrayLike<number>} v */
    const take = (v) => {
      for (let i = 0; i < v.length; i++) {
        if (isFinite(v[i])) { lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]); }
      }
    };
    if (src.target) take(src.target);
    for (const p of src.points || []) take([p[1]]);
    take(c.before); take(c.after); take([c.label, c.y]);
    if (!(hi > lo)) { lo = (isFinite(lo) ? lo : 0) - 1; hi = (isFinite(hi) ? hi : 0) + 1; }
    const pad = (hi - lo) * 0.08;
    return [lo - pad, hi + pad];
  }

  fillLegend() {
    const w = this.src.words, th = this.src.th, l = this.legend;
    l.textContent = "";
    /** @param {string} color @param {string} label @param {string} kind */
    const entry = (color, label, kind) => {
      const e = el("span", "bp-entry", l);
      const sw = el("span", "bp-swatch " + kind, e);
      sw.style.setProperty("--bp-color", color);
      el("span", null, e, label);
    };
    entry(th.foreground, w.bp_point, "bp-dot");
    entry(th.palette[2], w.bp_before, "bp-solid");
    if (this.state.after) entry(th.palette[3], w.bp_after, "bp-dashed");
    const target = !!this.src.target;
    entry(target ? th.target : th.muted, target ? w.bp_target : w.bp_points, target ? "bp-dashed" : "bp-dot");
  }

  /** The smallest font px drawn (tests). */
  minTextPx() {
    const legend = parseFloat(getComputedStyle(this.legend).fontSize);
    return Math.min(smallestText(this.canvas), legend);
  }
}
