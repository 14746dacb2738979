/* width_sweep.js: the width sweep's player (a snapshot of meta kind "width_sweep"; its data from
 * render/web/width_sweep.py): the video's figure (render.draw.width_sweep_figure), scrubbable. Left the
 * share of runs not fitted against the width, per activation with its 95% band, beside the closed form p^H;
 * right the failures by cause. Hovering or tapping a width shows its numbers at this snapshot in a box
 * over the panels (so the page keeps its height). This file: the data, state and layout (the pages' grid
 * rule: the video's wide layout where both panels fit side by side, else one column in inches as the
 * video's narrower frames); width_sweep_draw.js draws the panels; the overlay holds the title, caption and
 * legend.
 *
 * The player is root.ourdlPlayer: .ready (a promise: the first frame drawn), .controls.seek(i), .index,
 * .steps, .panels (kind, rect, ax), .grid() -> {rows, cols}, .minTextPx(), .axesReport(), .share(w, a, i),
 * .count(w, a, i, outcome), .readout(w) (the text a hover on width index w shows), .state().
 */

import { Fragment } from "./controls.js";
import { f64, i32 } from "./data.js";
import { el, fill } from "./dom.js";
import { fitPageGrid } from "./grid.js";
import { forgetText, report, sizeCanvases, smallestText } from "./plot.js";
import {
  dress, figure, keys, onFragment, readTimeline, sampleMarks, standalone, startPlayer, timeline,
} from "./shell.js";
import { drawFrame, drawStatic, legendItems, titleLines, widthAt } from "./width_sweep_draw.js";

/**
 * The page's data (width_sweep_data): per width, activation and snapshot the share not fitted and its band
 * (float64, (W, A, S)) and the outcome counts (int32, (W, A, S, outcomes)); the closed form's curve; the
 * measured share of inits with every unit dead, per width; the figure's words and layout.
 * @typedef {import("./types.js").PageCommon & {runs: never[], activations: string[], widths: number[],
 *   count: number, threshold: number, words: Record<string, string>, causes: string[],
 *   causeColors: string[], outcomes: number, counts: string, failed: string, low: string, high: string,
 *   closedForm: {h: string, p: string}, deadShare: number[], xlim: number[],
 *   layout: {designWidth: number, font: number, small: number, line: number,
 *     header: {x: number, y: number, legend: number}, grid: Record<string, number>, minTextPx: number,
 *     minPanel: number, panels: number, narrow: Record<string, number>}}} WidthSweepData
 */
/** A laid-out panel: "rates" or "causes", its rect in CSS px, its axes once drawn.
 * @typedef {{kind: string, rect: import("./plot.js").Rect, ax?: import("./plot.js").Axes}} WidthPanel */

/** A stacked panel's height, a fraction of its width (the other players' stacked panels are as tall). */
const STACKED = 0.6;

export class WidthSweepPlayer {
  /** @param {HTMLElement & {ourdlPlayer?: unknown}} root @param {WidthSweepData} data */
  constructor(root, data) {
    this.root = root;
    this.d = data;
    root.ourdlPlayer = this;
    this.th = data.theme;
    this.L = data.layout;
    this.steps = data.steps;
    this.S = data.steps.length;
    /** named runs: none (the recording keeps counts, not curves) */
    this.R = data.runs.length;
    this.A = data.activations.length;
    this.O = data.outcomes;
    this.counts = i32(data.counts);
    this.failed = f64(data.failed);
    this.low = f64(data.low);
    this.high = f64(data.high);
    this.closedH = f64(data.closedForm.h);
    this.closedP = f64(data.closedForm.p);
    /** the width index a hover or tap points at, and on which panel @type {number | null} */
    this.hovered = null;
    /** @type {string | null} */ this.hoveredKind = null;
    /** @type {WidthPanel[]} */ this.panels = [];
    this.W = 0; this.s = 0; this.pt = 0; this.Hpx = 0; this.dpr = 1; this.width = 0;
    this.wide = true;
    this.cells = { rows: 1, cols: 2 };
    /** @type {number} */ this.firstFrame = undefined;
    this.opened = false;
    this.fragment = new Fragment(["step", "speed", "loop"], standalone(root));
    this.fam = dress(root, this.th, data.lang, "op-sweep");
    const fig = figure(root, "op-figure");
    this.figure = fig.element; this.canvas = fig.canvas; this.overlay = fig.overlay; this.bg = fig.bg;
    this.figure.setAttribute("aria-label", data.description || data.scene);
    this.caption = el("div", "op-caption", this.overlay);
    this.controls = timeline(root, data, sampleMarks(data.ui, data.marks, this.steps), {
      count: this.S, stepAt: (i) => this.steps[i], total: data.total,
      draw: () => this.draw(), save: () => this.saveState(),
    });
    /** the hover's readout, over the figure (so the page keeps its height) */
    this.tip = el("div", "op-tip", this.figure);
    this.tip.setAttribute("aria-live", "polite");
    Object.assign(this.tip.style, { display: "none", whiteSpace: "pre-wrap" });
    el("div", "op-cellinfo", root, data.words.hint);
    el("div", "op-help", root, data.ui.keys.split(" · ").slice(0, 4).join(" · "));
    keys(root, this.controls, standalone(root));
    this.figure.addEventListener("pointermove", (e) => this.point(e));
    this.figure.addEventListener("pointerdown", (e) => this.point(e));
    this.figure.addEventListener("pointerleave", () => { this.hovered = null; this.draw(); });
    onFragment(() => this.applyFragment());
    startPlayer(root, Promise.resolve(), this);
  }

  get index() { return this.controls.index; }

  /** The panel grid the pages' rule chose at this width. */
  grid() { return { ...this.cells }; }

  /** Width index w, activation a, snapshot i: the share not fitted. @param {number} w @param {number} a
   * @param {number} i */
  share(w, a, i) { return this.failed[(w * this.A + a) * this.S + i]; }

  /** The band's ends. @param {number} w @param {number} a @param {number} i @returns {number[]} */
  band(w, a, i) { const k = (w * this.A + a) * this.S + i; return [this.low[k], this.high[k]]; }

  /** Every node of a named run at a snapshot, as the other players give them (curves(r, s)): a width sweep
   * records no named runs (R is 0) and no curves, so there are no values to give. */
  curves() { return new Float64Array(0); }

  /** Runs with outcome o (0 fitted, k the cause k - 1). @param {number} w @param {number} a @param {number} i
   * @param {number} o */
  count(w, a, i, o) { return this.counts[((w * this.A + a) * this.S + i) * this.O + o]; }

  // -- state ---------------------------------------------------------------------------------------

  state() {
    const c = this.controls;
    return { index: c.index, step: this.steps[c.index], playing: c.playing, speed: c.speed, loop: c.loop };
  }

  applyFragment() {
    this.opened = readTimeline(this.fragment.read(), this.controls, this.steps, this.d.speeds);
    if (this.W) this.draw();
  }

  saveState() {
    const c = this.controls;
    this.fragment.write({ step: this.steps[c.index], speed: c.speed !== 1 ? c.speed : null,
      loop: c.loop ? 1 : null });
  }

  // -- hover ---------------------------------------------------------------------------------------

  /** A pointer over a panel points at its nearest width. @param {PointerEvent} e */
  point(e) {
    const box = this.figure.getBoundingClientRect();
    const x = e.clientX - box.left, y = e.clientY - box.top, w = widthAt(this, x, y);
    const p = this.panels.find((q) => q.ax && q.ax.contains(x, y));
    if (w !== this.hovered || (p && p.kind !== this.hoveredKind)) {
      this.hovered = w;
      this.hoveredKind = p ? p.kind : null;
      this.draw();
    }
  }

  /** What a hover on width index w says at this snapshot: the width, then per activation its share not
   * fitted with the band and its failures by cause. @param {number} w */
  readout(w) {
    const d = this.d, i = this.index, words = d.words;
    const lines = [fill(words.at, { w: d.widths[w], step: this.steps[i] })];
    d.activations.forEach((act, a) => {
      const [lo, hi] = this.band(w, a, i);
      const causes = d.causes.map((c, k) => [c, this.count(w, a, i, k + 1)]).filter(([, n]) => n)
        .map(([c, n]) => `${c} ${n}`).join(words.sep);
      const pct = (v) => (100 * v).toFixed(1);
      lines.push(fill(words.row, { act, pct: pct(this.share(w, a, i)), lo: pct(lo), hi: pct(hi) })
        + (causes ? ` · ${causes}` : ""));
    });
    return lines.join("\n");
  }

  // -- layout and drawing --------------------------------------------------------------------------

  /** Lay the figure out for the root's width, then draw it. */
  layout() {
    const L = this.L, N = L.narrow;
    fitPageGrid(this, L);
    forgetText(this.canvas); forgetText(this.bg);
    const head = this.header();
    const legend = this.legend();
    if (this.wide) this.layoutWide(); else this.layoutNarrow(head, legend.offsetHeight);
    legend.style.bottom = `${this.wide ? L.header.legend * this.Hpx : N.edge * this.s}px`;
    this.dpr = sizeCanvases([this.canvas, this.bg], this.figure, this.W, this.Hpx);
    drawStatic(this);
    this.draw();
  }

  /** The video's wide layout: WidthLayout's GridSpec (two cells, width ratios) in a design as tall as the
   * video's frame, its side margins kept in inches where the design is narrower than the video's. */
  layoutWide() {
    const g = this.L.grid, s = this.s, W = this.W;
    const H = this.Hpx = this.L.designWidth * this.d.aspect * s;
    const k = (this.L.designWidth * s) / W;
    const left = g.left * k * W, right = (1 - (1 - g.right) * k) * W;
    const cell = (right - left) / (2 + g.wspace), norm = (cell * 2) / (g.ratio + 1);
    const y = (1 - g.top) * H, h = (g.top - g.bottom) * H;
    this.panels = [{ kind: "rates", rect: { x: left, y, w: g.ratio * norm, h } },
      { kind: "causes", rect: { x: left + g.ratio * norm + g.wspace * cell, y, w: norm, h } }];
  }

  /** One column in inches (render.draw.width_sweep_figure's narrower frames): the header (`head` px), each
   * panel under its title, the tick labels and x label under it, the legend (`legend` px) at the bottom.
   * @param {number} head @param {number} legend */
  layoutNarrow(head, legend) {
    const N = this.L.narrow, s = this.s;
    const x = N.left * s, w = this.W - (N.left + N.right) * s, h = STACKED * w;
    const pitch = 1.2 * this.L.font * this.pt;
    let y = head;
    this.panels = [];
    for (const [k, kind] of ["rates", "causes"].entries()) {
      const lines = titleLines(this, w, kind === "rates" ? this.d.words.rates : this.d.words.causes).length;
      y += (k ? N.hgap : N.titles) * s + (lines - 1) * pitch;
      this.panels.push({ kind, rect: { x, y, w, h } });
      y += h;
    }
    this.Hpx = y + (N.ticks + N.edge) * s + legend;
  }

  /** The title and the caption: one line at SweepHeader's place on a wide page, else the title wrapped to
   * the width and the caption under it; returns the header's bottom, px. */
  header() {
    const o = this.overlay, d = this.d, L = this.L, N = L.narrow, s = this.s, pt = this.pt;
    for (const e of o.querySelectorAll(".op-run-label, .op-legend")) e.remove();
    o.style.fontSize = `${L.font * pt}px`;
    const title = el("div", "op-run-label", o, d.words.title);
    if (d.lang === "zh") title.style.fontWeight = "normal";
    const pitch = 1.2 * L.font * pt;
    title.style.lineHeight = `${pitch}px`;
    const x = this.wide ? L.header.x * L.designWidth * s : N.edge * s;
    const top = this.wide ? (1 - L.header.y) * L.designWidth * d.aspect * s : N.top * s;
    // a wide page's title wraps where it would reach the caption beside it (the widest caption: the last)
    this.caption.textContent = fill(d.words.caption, { step: d.total, total: d.total });
    const room = this.W - 2 * x - (this.wide ? this.caption.offsetWidth + L.font * pt : 0);
    Object.assign(title.style, { left: `${x}px`, top: `${top}px`, whiteSpace: "normal", width: "max-content",
      maxWidth: `${room}px` });
    const below = this.wide ? top : top + title.offsetHeight + 0.04 * s;
    Object.assign(this.caption.style, { right: `${x}px`, top: `${below}px` });
    return below + pitch;
  }

  /** The legend at the bottom: the lines (activations, the closed form, the measured dead inits) over the
   * causes, each row wrapping to the width. */
  legend() {
    const L = this.L, pt = this.pt, N = L.narrow;
    const box = el("div", "op-legend", this.overlay);
    Object.assign(box.style, { left: "50%", top: "auto", fontSize: `${L.small * pt}px`, display: "flex",
      flexDirection: "column", alignItems: "center", rowGap: `${0.35 * L.small * pt}px`,
      width: "max-content", maxWidth: `${this.W - 2 * N.edge * this.s}px` });
    for (const row of legendItems(this)) {
      const line = el("div", null, box);
      Object.assign(line.style, { display: "flex", flexWrap: "wrap", justifyContent: "center",
        columnGap: `${1.1 * L.small * pt}px`, rowGap: `${0.15 * L.small * pt}px` });
      for (const it of row) {
        const entry = el("span", "op-entry", line);
        const sw = el("span", "op-swatch op-swatch-" + it.kind, entry, it.kind === "cross" ? "\u00d7" : null);
        sw.style.width = `${1.4 * L.small * pt}px`;
        if (it.kind === "patch") sw.style.backgroundColor = it.color;
        else if (it.kind === "cross") Object.assign(sw.style, { height: "auto", border: "0", color: it.color,
          textAlign: "center", fontWeight: "bold" });
        else {
          const style = it.kind === "dash" ? "dashed" : "solid";
          sw.style.borderTop = `${Math.max(1, L.line * 0.8 * pt)}px ${style} ${it.color}`;
        }
        el("span", "op-entry-label", entry, it.label);
      }
    }
    return box;
  }

  /** The current snapshot over the static layer, the caption and the hover's readout. */
  draw() {
    if (!this.W) return;
    drawFrame(this);
    const i = this.index;
    this.caption.textContent = fill(this.d.words.caption, { step: this.steps[i], total: this.d.total });
    this.showTip();
    if (this.firstFrame === undefined) this.firstFrame = performance.now();
  }

  /** The readout of the hovered width in a box at the top right of the other panel (the wide widths' end,
   * where rates are low and bars short), so it covers neither the pointer nor what it points at. */
  showTip() {
    const tip = this.tip, p = this.panels.find((q) => q.kind !== this.hoveredKind);
    if (this.hovered === null || !p) { tip.style.display = "none"; return; }
    tip.textContent = this.readout(this.hovered);
    const r = p.rect, pad = 4 * this.pt;
    Object.assign(tip.style, { display: "block", top: `${r.y + pad}px`, left: "auto",
      right: `${Math.max(pad, this.W - r.x - r.w)}px`, maxWidth: `${r.w - 2 * pad}px` });
  }

  /** What each panel's axes drew (tests). */
  axesReport() { return this.panels.filter((p) => p.ax).map((p) => report(p.kind, p.ax)); }

  /** The smallest text in CSS px the figure shows: on its canvases and in its overlay. */
  minTextPx() {
    let least = Math.min(smallestText(this.bg), smallestText(this.canvas));
    for (const e of this.overlay.querySelectorAll("*")) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
    }
    return least;
  }
}
