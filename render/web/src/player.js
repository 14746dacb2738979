/* player.js: the runs player: per run a block of its panels plus the loss panel on one timeline, laid out
 * like render.draw.scene_figure and re-flowed for the page's width (layout.js: one row on a wide page, as
 * the video; two rows in a blog column; one column on a phone). This file holds its data, state and layout;
 * player_draw.js draws it and player_hover.js answers the pointer (a drag on the figure scrubs: controls.js
 * dragScrub). A page with "data" or "surface" panels hands it panels.js.
 *
 * The player is root.ourdlPlayer: .controls (seek(i), play(), pause(), step(d)), .state(), .index,
 * .curves(run, snapshot) -> Float64Array(N·G) of every recorded node (the exact test; a TorchRecorder
 * recording's torch activations to within an ulp or two: torch_ops.js), .drawn(run,
 * snapshot), .readout() (the hover's), .color(i), .ready (a promise: first frame drawn), .firstFrame
 * (ms since navigation start), .draw() (benchmarks), .indexOfStep(step), .inspect(run) (opens the
 * step-through of the current snapshot's sample: player_inspect.js), .axesReport() (what each axes
 * drew: limits, ticks and labels, row by row; tests/test_page_axes.py compares it with the video's),
 * .grid() -> {rows, cols} (each run's panel grid at the figure's width: layout.js), .minTextPx() (the
 * smallest font px of any text on its canvases or overlay), .xs (the x values the curves are drawn over).
 * Panels follow the network: a "sum" panel draws its output stacked from its units (sum_view.js), the data
 * points sit in the output panels, a panel of more than eight curves has one legend entry for them (the
 * hover names the unit under the pointer), and a run's off nodes (a narrower net's row of a side-by-side
 * scene) are not drawn in its row.
 * Safety: strings from the data or the URL go in as textContent or canvas text, never as HTML; the fragment
 * only selects among known values.
 */

import { Fragment, dragScrub } from "./controls.js";
import { f32, f64 } from "./data.js";
import { el } from "./dom.js";
import { compile, evaluate } from "./graph.js";
import {
  figureLayout, legendItems, lossAxes, outputPanel, paletteColor, panelTitles, smallestTextPx, unitsKey,
} from "./layout.js";
import { Axes, sizeCanvases } from "./plot.js";
import { buildOverlay, drawFrame } from "./player_draw.js";
import { lossAxis, onLeave, onMove, onTap, readout, showTip } from "./player_hover.js";
import { inspectButton, openInspect } from "./player_inspect.js";
import { torchActivation } from "./torch_ops.js";
import { axesReport, drawStatic } from "./runs_figure.js";
import { LEGEND_UNITS, sumNodes } from "./sum_view.js";
import {
  TimelinePlayer, autoplay, divergedMark, dress, figure, keys, onFragment, onResize, readTimeline,
  sampleMarks, standalone, timeline,
} from "./shell.js";

/** @typedef {import("./types.js").RunsData} RunsData */
/** @typedef {typeof import("./panels.js")} PanelDrawing */
/** What the pointer is over: x on panel curves (grid index g), a surface (x, y), or the loss panel
 * (snapshot s).
 * @typedef {{kind: "x" | "surface" | "loss", k: number, j?: number, g?: number, s?: number, x?: number,
 *   y?: number, px: number, py: number}} Hover */

/** The narrowest figure (CSS px) the player lays out for; a narrower one scrolls. */
const MIN_WIDTH = 240;

/** @extends {TimelinePlayer<RunsData>} */
export class Player extends TimelinePlayer {
  /**
   * Mount a player in `root`.
   * @param {HTMLElement} root
   * @param {RunsData} data  runs_data() of render/web/player.py
   * @param {PanelDrawing | null} [panelDrawing]  panels.js, for a page whose panels draw data or a surface
   */
  constructor(root, data, panelDrawing) {
    super(root, data);
    /** each run's panel grid ({rows, cols}) as laid out @type {any} */
    this.grid = () => ({ rows: this.lay.rows, cols: this.lay.cols });
    const th = this.th;
    /** the video's layout (render/web/player.py runs_layout) */
    this.L = data.layout;
    this.trainLoss = f64(data.trainLoss);
    this.evalLoss = f64(data.evalLoss);
    if (data.graph) {
      this.program = compile(data.graph, this.G, undefined, torchActivation);
      if (!this.program) throw new Error("the page cannot evaluate this graph and no curves are embedded");
      this.params = f64(data.params);
      this.P = data.shape.params;
    } else {
      this.curvesF = f32(data.curves);
      this.curveIndex = Object.fromEntries(data.curveNodes.map((n, i) => [n, i]));
    }
    // data and surface panels (panels.js): their samples, loss surface and paths
    this.panelDrawing = panelDrawing || null;
    this.panelState = this.panelDrawing ? this.panelDrawing.prepare(this, data) : null;
    /** per run, its panels without its off nodes (rowPanel) @type {import("./types.js").Panel[][]} */
    this.rowPanels = data.runs.map((run) => {
      const off = new Set(run.offNodes || []);
      return data.panels.map((p) => {
        const keep = p.nodes.map((n, c) => c).filter((c) => !off.has(p.nodes[c])
          || (p.kind === "sum" && c === p.nodes.length - 1));
        return keep.length === p.nodes.length ? p
          : { ...p, nodes: keep.map((c) => p.nodes[c]), colors: keep.map((c) => p.colors[c]) };
      });
    });
    /** @type {Set<string>} */
    this.hidden = new Set();
    this.run = -1;  // -1: every run; else the one run shown
    /** @type {Hover | null} */
    this.hover = null;
    this.fragment = new Fragment(["step", "run", "hide", "speed", "loop"], standalone(root));

    this.fam = dress(root, th, data.lang);
    const fig = figure(root, "op-figure");
    this.figure = fig.element; this.canvas = fig.canvas; this.overlay = fig.overlay; this.bg = fig.bg;
    this.figure.setAttribute("aria-label", data.description || data.scene);
    /** each row's caption values and warning (player_draw.js fills them per frame)
     * @type {Record<string, HTMLElement>[]} */
    this.captions = [];
    /** @type {HTMLElement[]} */
    this.warnings = [];
    this.tip = el("div", "op-tip", this.figure);
    this.tip.hidden = true;

    const ui = data.ui;
    const marks = sampleMarks(ui, data.marks, this.steps);
    data.runs.forEach((r) => {
      if (r.divergedAt !== null && r.divergedAt !== undefined) {
        marks.push(divergedMark(ui, this.steps, r.divergedAt, r.label));
      }
    });
    this.controls = timeline(root, data, marks, { count: this.S, stepAt: (i) => this.steps[i],
      total: data.total, draw: () => this.draw(), save: () => this.saveState() });
    if (this.R > 1) {
      const label = el("label", "op-opt", this.controls.extra);
      el("span", null, label, ui.runs + " ");
      this.runSelect = el("select", "op-run", label);
      el("option", null, this.runSelect, ui.all_runs).value = "-1";
      data.runs.forEach((r, i) => { el("option", null, this.runSelect, r.label).value = String(i); });
      this.runSelect.addEventListener("change", () => {
        this.setRun(Number(this.runSelect.value));
        this.saveState();
      });
    }
    el("div", "op-help", root, ui.keys);

    const opened = this.applyFragment();
    this.figure.addEventListener("pointermove", (e) => { if (e.pointerType === "mouse") onMove(this, e); });
    this.figure.addEventListener("pointerleave", (e) => { if (e.pointerType === "mouse") onLeave(this); });
    dragScrub(this.figure, () => this.controls, { axis: (e) => lossAxis(this, e), tap: (e) => onTap(this, e),
      skip: (e) => !!(/** @type {Element} */ (e.target)).closest(".op-legend") });
    keys(root, this.controls, standalone(root));
    onFragment(() => this.applyFragment());
    onResize(this.figure, () => this.width, () => this.layout());
    /** "Inspect this sample" (player_inspect.js), where the page carries the snapshots' samples */
    this.inspectButton = inspectButton(this);
    this.layout();
    autoplay(root, this.controls, opened);
    this.ready = Promise.resolve(this);  // as the sweep player's, which waits for its map bytes
  }

  get index() { return this.controls.index; }

  // -- state ---------------------------------------------------------------------------------------

  state() {
    return { index: this.index, step: this.steps[this.index], playing: this.controls.playing,
      speed: this.controls.speed, loop: this.controls.loop, run: this.run, hidden: [...this.hidden].sort() };
  }

  /** Take the state the URL fragment asks for; returns whether it opened a step (no autoplay then). */
  applyFragment() {
    const f = this.fragment.read();
    const toggles = new Set(this.toggleKeys());
    const opened = readTimeline(f, this.controls, this.steps, this.d.speeds);
    this.run = /^\d{1,4}$/.test(f.run || "") && Number(f.run) >= 1 && Number(f.run) <= this.R && this.R > 1
      ? Number(f.run) - 1 : -1;
    if (this.runSelect) this.runSelect.value = String(this.run);
    this.hidden = new Set((f.hide || "").split(",").filter((k) => toggles.has(k)));
    if (this.width) this.layout();
    return opened;
  }

  saveState() {
    const c = this.controls;
    this.fragment.write({ step: this.steps[c.index], run: this.run >= 0 ? this.run + 1 : null,
      hide: [...this.hidden].join(","), speed: c.speed !== 1 ? c.speed : null, loop: c.loop ? 1 : null });
  }

  /** The keys the legend's entries toggle (and the fragment's `hide` may name). */
  toggleKeys() {
    const keys = new Set(["target", "span", "train", "eval"]);
    if (this.d.points && this.d.points.length) keys.add("points");
    this.d.panels.forEach((p, j) => {
      for (const n of p.nodes) keys.add(n);
      if (p.kind === "sum") keys.add("stack");
      else if (p.nodes.length > LEGEND_UNITS) keys.add(unitsKey(j));
    });
    if (this.panelState) {
      for (const p of this.d.panels) for (const k of this.panelDrawing.keys(p)) keys.add(k);
    }
    return [...keys];
  }

  /** Show run r alone (-1: every run). @param {number} r */
  setRun(r) {
    this.run = r >= 0 && r < this.R ? r : -1;
    if (this.runSelect) this.runSelect.value = String(this.run);
    this.layout();
  }

  /** Hide or show what a legend entry stands for. @param {string} key */
  toggle(key) {
    if (this.hidden.has(key)) this.hidden.delete(key); else this.hidden.add(key);
    this.layout();
    this.saveState();
  }

  // -- numbers -------------------------------------------------------------------------------------

  /**
   * Every recorded node of run r at snapshot s (the program's buffers: valid until the next call).
   * @param {number} r @param {number} s
   */
  evaluate(r, s) {
    return evaluate(this.program, this.params, (r * this.S + s) * this.P, this.xs, this.target);
  }

  /** Every recorded node of run r at snapshot s, node after node. @param {number} r @param {number} s */
  curves(r, s) {
    const out = new Float64Array(this.program.names.length * this.G);
    this.evaluate(r, s).forEach((v, n) => out.set(v, n * this.G));
    return out;
  }

  /**
   * {node: Float64Array(G)} of the drawn nodes of run r at snapshot s.
   * @param {number} r @param {number} s @returns {Record<string, Float64Array>}
   */
  drawn(r, s) {
    /** @type {Record<string, Float64Array>} */
    const out = Object.create(null);
    if (this.program) {
      const values = this.evaluate(r, s);
      for (const p of this.d.panels) for (const n of p.nodes) out[n] = values[this.program.index[n]];
    } else {
      const N = this.d.curveNodes.length, G = this.G;
      for (const n of this.d.curveNodes) {
        const start = ((r * this.S + s) * N + this.curveIndex[n]) * G;
        out[n] = this.curvesF.subarray(start, start + G);
      }
    }
    return out;
  }

  /** @param {"train" | "eval"} kind @param {number} r @param {number} s */
  loss(kind, r, s) { return (kind === "train" ? this.trainLoss : this.evalLoss)[r * this.S + s]; }

  /** Palette colour i. @param {number} i */
  color(i) { return paletteColor(this.th, i); }

  /** Panel j as run r draws it: without the run's off nodes (its output kept). @param {number} r
   * @param {number} j */
  rowPanel(r, j) { return this.rowPanels[r][j]; }

  /** Whether node n of panel j is toggled off: by its own entry, its panel's one entry for many curves, or
   * (a sum panel's contribution) the stack's. @param {string} n @param {number} j */
  isHidden(n, j) {
    const p = this.d.panels[j], h = this.hidden;
    if (h.has(n) || h.has(unitsKey(j))) return true;
    return p.kind === "sum" && n !== sumNodes(p).out && h.has("stack");
  }

  /** How a sum panel and the data points are drawn (sum_view.js's SumStyle). */
  sumStyle() {
    return { color: (/** @type {number} */ i) => this.color(i), muted: this.th.muted, target: this.th.target,
      line: this.L.line * this.pt, pt: this.pt, hidden: this.hidden };
  }

  /** Whether panel j shows the data points (an output panel, when the page has points). @param {number} j */
  showsPoints(j) { return outputPanel(this.d.panels[j]) && !!this.d.points && this.d.points.length > 0; }

  // -- layout and drawing ----------------------------------------------------------------------------

  /** The runs shown, one a row. */
  rows() { return this.run >= 0 ? [this.run] : [...Array(this.R).keys()]; }

  /** Lay the figure out for its width (layout.js: the pages' grid rule), then draw it. */
  layout() {
    const L = this.L, d = this.d;
    const W = Math.max(MIN_WIDTH, this.figure.clientWidth || 800);
    this.width = this.figure.clientWidth;
    const rows = this.rows(), n = d.panels.length + (d.lossPanel === false ? 0 : 1);
    // a hover on a row that is no longer shown (a link or the menu picked one run) points nowhere
    if (this.hover && this.hover.k >= rows.length) { this.hover = null; this.tip.hidden = true; }
    const lay = this.lay = figureLayout(L, W, n, {
      heads: rows.map((r) => ({ label: d.runs[r].label, caption: d.caption, widest: d.total })),
      titles: panelTitles(d, n),
      legends: Array.from({ length: n }, (_, j) => this.legend(j)), fam: this.fam, bold: d.lang !== "zh",
      // one row: the video's 16:9 figure (its axes at least 1.2 inches tall)
      oneRow: (inches, aw, fixed, runs) => Math.max((inches * d.aspect - fixed) / runs, 1.2),
    });
    this.s = lay.s; this.pt = lay.pt; this.W = W; this.H = lay.H; this.titled = lay.titled;
    this.axes = lay.rects.map((rects) => rects.map((rect, j) => (
      j < d.panels.length ? new Axes(rect, { xlim: d.panels[j].xlim, ylim: d.panels[j].ylim })
      : lossAxes(rect, d.lossXlim, d.lossYlim, d.lossLinthresh))));
    this.dpr = sizeCanvases([this.canvas, this.bg], this.figure, W, this.H);
    this.drawStatic();
    buildOverlay(this);
    this.draw();
  }

  /** The legend's entries under panel j (the loss panel last). @param {number} j */
  legend(j) {
    const extra = this.panelState ? (/** @type {import("./types.js").Panel} */ p) =>
      this.panelDrawing.legend(this, p) : null;
    return legendItems(this.d, j, this.th, (i) => this.color(i), extra);
  }

  /** The smallest font px of the text drawn on the figure's canvases and in its overlay (tests). */
  minTextPx() { return smallestTextPx([this.bg, this.canvas], this.overlay); }

  /** The static layer: axes, ranges, targets, the loss panel's whole-run lines (runs_figure.js). */
  drawStatic() {
    const S = this.S, shown = this.rows();
    drawStatic(this, { grid: this.xs, target: this.target, points: this.d.points, style: this.sumStyle(),
      surface: (ctx, ax, k, p) => this.panelDrawing.drawStatic(this, ctx, ax, shown[k], p),
      losses: (k) => {
        const r = shown[k];
        return { train: [this.steps, this.trainLoss.subarray(r * S, (r + 1) * S)],
          eval: [this.steps, this.evalLoss.subarray(r * S, (r + 1) * S)] };
      } });
  }

  /** Draw the current snapshot (and the hover, and its tip). */
  draw() {
    if (!drawFrame(this)) return;
    if (this.hover) showTip(this);
    if (this.firstFrame === undefined) this.firstFrame = performance.now();  // ms since navigation start
  }

  /** The hover readout: x and every drawn node's value there (or the loss at a snapshot), or null. */
  readout() { return readout(this); }

  /** What each axes drew, row by row (tests). */
  axesReport() { return axesReport(this); }

  /** Open "Inspect this sample" at run r (the one shown, else the first); returns {dialog, stepThrough}.
   * @param {number} [r] */
  inspect(r) { return openInspect(this, r !== undefined ? r : Math.max(0, this.run)); }
}
