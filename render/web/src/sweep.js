/* sweep.js: the sweep player (a sweep snapshot, meta kind "sweep"), laid out like
 * render.draw.sweep_figure: loss histograms, fitting modes, the fitted share over training and the named
 * runs' output curves for a seeded sweep (relu_vs_leakyrelu); for a map sweep (init_basin) a map per
 * activation of every init's mode and loss, and the explorer: hover a cell for its init and outcome,
 * click it to train that init here (train.js, exact) and play its training in the curve panel.
 * This file: the player's data and state; sweep_figure.js lays it out (by the pages' grid rule: the video's
 * wide layout, two columns or one) and draws it, sweep_panels.js draws the seeded panels, and a map
 * sweep's page hands it sweep_map.js for the map and its explorer (hover, click or tap a cell).
 *
 * The player is root.ourdlPlayer: .ready (a promise: map bytes inflated, first frame drawn),
 * .controls.seek(i), .state(), .index, .steps, .curves(r, s) (named run r, every node: the exact test),
 * .firstFrame, .panels (the laid-out panels: kind, rect, ax), .W, .axesReport() (what each panel's axes
 * drew: limits, ticks and labels; tests/test_page_axes.py), .grid() -> {rows, cols} (the pages' grid rule's
 * choice for the wide layout's panels: one row is the video's layout), .minTextPx() (the smallest text
 * it shows, CSS px), .toggle(key) (a legend entry: an activation or "target"); with a map: .map,
 * .cellAt(i, j, a?, s?)
 * -> {init, loss, mode, ...}, .select(i, j, a?, play?) -> trains that cell (its parameters in
 * .clicked.params, steps x P).
 */

import { Fragment, dragScrub } from "./controls.js";
import { el } from "./dom.js";
import { f32, f64, i32 } from "./data.js";
import { compile, evaluate } from "./graph.js";
import { axesReport, drawFrame, drawStatic, layout, minTextPx } from "./sweep_figure.js";
import { rateAt, snapshotAt } from "./sweep_panels.js";
import {
  TimelinePlayer, dress, figure, keys, onFragment, readTimeline, sampleMarks, standalone, startPlayer,
  timeline,
} from "./shell.js";

/** @typedef {import("./types.js").SweepData} SweepData */
/** The sweep's layout with the pages' grid rule (sweep.py sweep_layout): minTextPx, minPanel, the panels
 * across its wide layout, and the narrower frames' margins and gaps in inches (Narrow).
 * @typedef {import("./types.js").SweepLayout & {minTextPx: number, minPanel: number, panels: number,
 *   narrow: {edge: number, top: number, left: number, right: number, titles: number, ticks: number,
 *   hgap: number, wgap: number}}} SweepPageLayout */
/** @typedef {import("./graph.js").Program} Program */
/** @typedef {typeof import("./sweep_map.js")} MapPart */
/** A map cell: column i, row j of activation a's map. @typedef {{i: number, j: number, a: number}} CellRef */

/** @extends {TimelinePlayer<SweepData>} */
export class SweepPlayer extends TimelinePlayer {
  /**
   * Mount a sweep player in `root`.
   * @param {HTMLElement} root
   * @param {SweepData} data  sweep_data() of render/web/sweep.py
   * @param {MapPart | null} [mapPart]  sweep_map.js, for a map sweep's page
   */
  constructor(root, data, mapPart) {
    if (data.map && !mapPart) throw new Error("this page has no map explorer");
    super(root, data);
    this.mapPart = mapPart || null;
    const th = this.th;
    /** the video's layout (render/web/sweep.py sweep_layout) */
    this.L = /** @type {SweepPageLayout} */ (data.layout);
    this.W = 0;
    this.A = data.activations.length;
    this.hist = i32(data.hist);
    this.H = data.histShape[2];
    this.edges = f64(data.edges);
    this.modeCounts = i32(data.modeCounts);
    this.modeFitted = i32(data.modeFitted);
    this.K = data.modes.length;
    this.fitted = f64(data.fitted);
    this.evalLoss = f64(data.evalLoss);
    /** the grid points in the data range (the evaluation loss's) @type {number[]} */
    this.inside = [];
    this.xs.forEach((x, i) => {
      if (x >= data.dataRange[0] - 1e-12 && x <= data.dataRange[1] + 1e-12) this.inside.push(i);
    });
    /** @type {Record<string, Program>} */
    this.programs = Object.create(null);
    if (data.graph) {
      this.params = f64(data.params);
      this.P = data.shape.params;
      for (const r of data.runs) this.program(r.activation);
    } else {
      this.outputCurves = f32(data.outputCurves);
    }
    /** the cell trained in the page: the map's, its parameters (steps x P) and eval loss per snapshot
     * @type {(ReturnType<MapPart["cellAt"]> & {params: Float64Array, evalLoss: Float64Array, ms: number,
     *   divergedAt: number | null}) | null} */
    this.clicked = null;
    /** @type {CellRef | null} */
    this.hover = null;
    /** what the legend toggled off: activations, "target" @type {Set<string>} */
    this.hidden = new Set();
    this.fragment = new Fragment(["step", "hide", "speed", "loop", "cell"], standalone(root));
    // what the layout sets (sweep_figure.js): px an inch and a point, the height and device pixel ratio,
    // the width laid out for, the panels and caption; when the first frame was drawn
    /** @type {number} */ this.s = undefined;
    /** @type {number} */ this.pt = undefined;
    /** @type {number} */ this.Hpx = undefined;
    /** @type {number} */ this.dpr = undefined;
    /** @type {number} */ this.width = undefined;
    /** the grid rule's choice, and whether it is the wide layout @type {{rows: number, cols: number}} */
    this.cells = undefined;
    /** the panel grid the pages' rule chose at this width (the name the runs player's has too) */
    this.grid = () => ({ ...this.cells });
    /** @type {boolean} */ this.wide = undefined;
    /** @type {boolean} */ this.narrowMaps = undefined;
    /** @type {import("./sweep_figure.js").SweepPanel[]} */ this.panels = undefined;
    /** @type {HTMLElement} */ this.caption = undefined;
    /** @type {number} */ this.firstFrame = undefined;
    // what a map sweep's map sets (sweep_map.js): the decoded map, its colours, a canvas per activation
    /** @type {import("./sweep_map.js").DecodedMap} */ this.map = undefined;
    /** @type {Uint8ClampedArray} */ this.lut = undefined;
    /** @type {HTMLCanvasElement[]} */ this.mapImages = undefined;

    this.fam = dress(root, th, data.lang, "op-sweep");
    const fig = figure(root, "op-figure");
    this.figure = fig.element; this.canvas = fig.canvas; this.overlay = fig.overlay; this.bg = fig.bg;
    this.figure.setAttribute("aria-label", data.description || data.scene);
    const ui = data.ui;
    this.controls = timeline(root, data, sampleMarks(ui, data.marks, this.steps), {
      count: this.S, stepAt: (i) => this.steps[i], total: data.total,
      draw: () => this.draw(), save: () => this.saveState(),
    });
    if (data.map) {
      this.cellInfo = el("div", "op-cellinfo", root, ui.no_cell);
      this.cellInfo.setAttribute("aria-live", "polite");
    }
    const rates = el("div", "op-rates", root);
    for (const line of data.rateLines) el("div", null, rates, line);
    el("div", "op-help", root, ui.keys.split(" · ").slice(0, 4).join(" · "));
    keys(root, this.controls, standalone(root));
    if (this.mapPart) this.mapPart.listen(this);
    // a drag scrubs (along the fitted share: follows it); a tap picks a map cell or the share's sample
    dragScrub(this.figure, () => this.controls, {
      axis: (e) => { const p = rateAt(this, e); return p ? (m) => snapshotAt(this, p, m) : null; },
      tap: (e) => this.tap(e), skip: (e) => !!(/** @type {Element} */ (e.target)).closest(".op-legend") });
    onFragment(() => this.applyFragment());
    startPlayer(root, data.map ? this.mapPart.loadMap(this) : Promise.resolve(), this);
  }

  get index() { return this.controls.index; }

  /** The program of the graph with `activation` (compiled once). @param {string} [activation] */
  program(activation) {
    const key = activation || "";
    if (!(key in this.programs)) {
      const p = compile(this.d.graph, this.G, activation || undefined);
      if (!p) throw new Error("the page cannot evaluate this graph");
      this.programs[key] = p;
    }
    return this.programs[key];
  }

  /** Every node of named run r at snapshot s (the exact test). @param {number} r @param {number} s */
  curves(r, s) {
    const prog = this.program(this.d.runs[r].activation);
    const values = evaluate(prog, this.params, (r * this.S + s) * this.P, this.xs, this.target);
    const out = new Float64Array(values.length * this.G);
    values.forEach((v, n) => out.set(v, n * this.G));
    return out;
  }

  /** Named run r's output over the grid at snapshot s. @param {number} r @param {number} s */
  output(r, s) {
    if (!this.d.graph) {
      return this.outputCurves.subarray((r * this.S + s) * this.G, (r * this.S + s + 1) * this.G);
    }
    const prog = this.program(this.d.runs[r].activation);
    const values = evaluate(prog, this.params, (r * this.S + s) * this.P, this.xs, this.target);
    return values[prog.index[this.d.graph.output]];
  }

  // -- state ---------------------------------------------------------------------------------------

  state() {
    const c = this.controls;
    return { index: c.index, step: this.steps[c.index], playing: c.playing, speed: c.speed, loop: c.loop,
      cell: this.clicked ? [this.clicked.i, this.clicked.j, this.clicked.a] : null,
      hidden: [...this.hidden].sort() };
  }

  /** Take the state the URL fragment asks for (a cell only when the map can train it). */
  applyFragment() {
    const f = this.fragment.read();
    this.opened = readTimeline(f, this.controls, this.steps, this.d.speeds);
    const toggles = new Set(this.toggleKeys());
    this.hidden = new Set((f.hide || "").split(",").filter((k) => toggles.has(k)));
    const cell = /^(\d{1,4}),(\d{1,4})(?:,(\d{1,2}))?$/.exec(f.cell || "");
    if (cell && this.map && this.d.graph && this.map.trains) {
      const [i, j, a] = [Number(cell[1]), Number(cell[2]), Number(cell[3] || 0)];
      if (i < this.map.nx && j < this.map.ny && a < this.A) this.select(i, j, a, false);
    }
    if (this.W) this.layout();
  }

  saveState() {
    const c = this.controls, k = this.clicked;
    this.fragment.write({ step: this.steps[c.index], hide: [...this.hidden].join(","),
      speed: c.speed !== 1 ? c.speed : null, loop: c.loop ? 1 : null,
      cell: k ? `${k.i},${k.j}${k.a ? "," + k.a : ""}` : null });
  }

  /**
   * A click or tap on the figure: a map cell trains (sweep_map.js); on the fitted share, go to the
   * snapshot there. @param {PointerEvent} e
   */
  tap(e) {
    if (this.mapPart && this.mapPart.tapCell(this, e)) return;
    const p = rateAt(this, e);
    if (p) { this.controls.pause(); this.controls.seek(snapshotAt(this, p, e), true); }
  }

  /** The keys the legend's entries toggle (a seeded sweep's: its activations and the target). */
  toggleKeys() { return this.d.type === "map" ? [] : [...this.d.activations, "target"]; }

  /** Hide or show what a legend entry stands for. @param {string} key */
  toggle(key) {
    if (!this.toggleKeys().includes(key)) return;
    if (this.hidden.has(key)) this.hidden.delete(key); else this.hidden.add(key);
    for (const b of this.overlay.querySelectorAll(".op-entry[data-key]")) {
      const off = this.hidden.has(/** @type {HTMLElement} */ (b).dataset.key);
      b.classList.toggle("op-off", off);
      b.setAttribute("aria-pressed", off ? "false" : "true");
    }
    this.drawStatic();
    this.draw();
    this.saveState();
  }

  // -- figure (sweep_figure.js) and map (sweep_map.js) ---------------------------------------------------

  layout() { layout(this); }
  axesReport() { return axesReport(this); }
  minTextPx() { return minTextPx(this); }
  drawStatic() { drawStatic(this); }
  draw() { drawFrame(this); }

  /**
   * What the page knows about cell (i, j) of activation a's map at snapshot s (default: the current).
   * @param {number} i @param {number} j @param {number} [a] @param {number} [s]
   */
  cellAt(i, j, a = 0, s = this.index) { return this.mapPart.cellAt(this, i, j, a, s); }

  /**
   * Train cell (i, j) with activation a in the page, at every snapshot of the scene's schedule; `play`
   * plays its training from the start.
   * @param {number} i @param {number} j @param {number} [a] @param {boolean} [play]
   */
  select(i, j, a = 0, play = true) { return this.mapPart.select(this, i, j, a, play); }
}
