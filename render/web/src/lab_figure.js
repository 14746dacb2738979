/* lab_figure.js: the lab's figure, laid out like the player (layout.js) and the video: per run a block of
 * the scene's panels plus the loss panel (one row on a wide page, two rows or one column on narrower ones:
 * .grid()); the runs share one timeline and their y-limits. A "data" panel
 * adds the run's samples seen so far (the latest `window` solid); a "surface" panel shows the evaluation
 * loss over two parameters (lab.py's mesh, drawn by the player's panels.js) and the run's path of them.
 * A "sum" panel (the family's output: scenes/network_panels.py) stacks each unit's contribution over the
 * bias (sum_view.js, as the player and the video draw it); the output panels show the user's points.
 * Its axes' limits are the video's rules (limits.js: render.draw.limits' robust_limits, log_limits and
 * sample_axis, with the numbers the page's data carries) applied to the runs, so the page's axes are the
 * video's; .axesReport() says what each axes drew (tests).
 * The user's points are edited on it by lab_points.js's PointsPad.
 * Safety: labels go in as textContent, titles through canvas fillText.
 */

import { el, family } from "./dom.js";
import {
  figureLayout, keepInside, legendBox, legendItems, lossAxes, outputPanel, paletteColor, panelTitles,
  runHeader, smallestTextPx, swatch,
} from "./layout.js";
import { logLimits, robustLimits, sampleAxis } from "./limits.js";
import * as panels from "./panels.js";
import { Axes, clip, line, marker, sizeCanvases, thousands, vline } from "./plot.js";
import { axesReport, drawStatic, showCaption } from "./runs_figure.js";
import { figure } from "./shell.js";
import { PointsPad } from "./lab_points.js";
import { drawSum } from "./sum_view.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").CaptionPiece} CaptionPiece */
/** @typedef {import("./lab_run.js").LabRun} LabRun */
/** @typedef {import("./panels.js").PanelView} PanelView */
/** A row of the figure: a run, its label, and whether it is the pinned one.
 * @typedef {{run: LabRun, label: string, pinned?: boolean}} Row */

/** A data panel draws at most this many of the faded samples (the latest): a long run would otherwise
 * draw up to a million dots a frame. */
const MAX_FADED = 2000;
/** @type {Set<string>} the lab's legends toggle nothing */
const NONE = new Set();
/** A one-row figure's axes are this fraction of their width tall (a stacked grid's: layout.js). */
const ONE_ROW_ASPECT = 0.82;
/** The narrowest figure (CSS px) the lab lays out for; a narrower one scrolls. */
const MIN_WIDTH = 240;

export class Figure {
  /** @param {HTMLElement} parent @param {LabPage} d */
  constructor(parent, d) {
    this.d = d;
    this.th = d.theme;
    /** the video's layout (render/web/player.py runs_layout) */
    this.L = d.layout;
    this.hidden = NONE;
    this.fam = family(d.lang);
    const fig = figure(parent, "op-figure ol-figure");
    this.element = fig.element; this.canvas = fig.canvas; this.overlay = fig.overlay; this.bg = fig.bg;
    /** @type {Row[]} */
    this.rows = [];
    this.width = 0;
    // a surface panel's mesh (lab.py), decoded once; its band images by pixel size
    this.surface = d.surface ? panels.decodeSurface(d.surface) : null;
    /** @type {Record<string, HTMLCanvasElement>} */
    this.images = Object.create(null);
    /** the user may add points (a scene of the family); the lab reads and changes them */
    this.editable = false;
    /** @type {(() => number[][]) | null} */
    this.points = null;
    /** @type {((points: number[][]) => void) | null} */
    this.onPoints = null;
    this.pad = new PointsPad(this);
  }

  /** Whether a press belongs to the points pad (not the timeline's drag). @param {PointerEvent} e */
  ownsPress(e) { return e.target === this.pad.element; }

  /**
   * What panels.js reads of a player, for one row (its run is that "player"'s run 0).
   * @param {LabRun} run @returns {PanelView}
   */
  view(run) {
    const fig = this, d = this.d;
    /** @type {Record<string, {xs: Float64Array, ys: Float64Array}[]>} */
    const paths = Object.create(null);
    for (const p of d.panels) {
      if (p.kind !== "surface") continue;
      const [a, b] = p.params;
      /** @param {number} j */
      const at = (j) => Float64Array.from({ length: run.S }, (_, s) => run.trainer.params[s * run.P + j]);
      paths[p.params.join(",")] = [{ xs: at(a), ys: at(b) }];
    }
    return {
      panelState: { surface: this.surface, images: this.images, paths },
      d: { strings: d.strings, data: d.data, surface: d.surface, targetName: d.targetName },
      th: this.th, hidden: NONE, steps: run.steps, L: this.L,
      get pt() { return fig.pt; }, get dpr() { return fig.dpr; }, get fam() { return fig.fam; },
    };
  }

  /** Palette colour i. @param {number} i */
  color(i) { return paletteColor(this.th, i); }

  /** rows: [{run: LabRun, label}]; total: the timeline's last sample; `d` the page's data as the runs'
   * network, target and points make it (lab.js netView), when they changed.
   * @param {Row[]} rows @param {number} total @param {LabPage} [view] */
  setRows(rows, total, view) {
    if (view) this.d = view;
    this.rows = rows;
    this.total = total;
    this.element.setAttribute("aria-label", rows.map((r) => r.label).join(" / "));
    const d = this.d, surface = (/** @type {Panel} */ p) => p.kind === "surface" && this.surface;
    this.views = rows.map(({ run }) => this.view(run));
    this.xlims = d.panels.map((p) => (surface(p) ? this.surface.x : d.xRange));
    this.ylims = d.panels.map((p) => {
      if (surface(p)) return this.surface.y;
      /** @type {number[]} */
      const lows = [], highs = [], include = [0];
      for (const { run } of rows) {
        for (const n of p.nodes) {
          const e = run.extremes[n];
          if (!e) continue;  // a pinned run of another network
          run.healthy.forEach((ok, j) => { if (ok) { lows.push(e.lo[j]); highs.push(e.hi[j]); } });
        }
      }
      if (p.target || (outputPanel(p) && d.points)) {
        include.push(...[d.targetMin, d.targetMax].filter((v) => isFinite(v)));
      }
      if (outputPanel(p) && d.points && d.points.length) {  // every point in sight, as the video's
        include.push(Math.min(...d.points.map((q) => q[1])), Math.max(...d.points.map((q) => q[1])));
      }
      return this.robustLimits(lows, highs, include);
    });
    /** @type {number[]} */
    const losses = [];
    for (const { run } of rows) {
      run.healthy.forEach((ok, j) => { if (ok) losses.push(run.statTrain[j], run.statEval[j]); });
    }
    this.lossYlim = this.logLimits(losses);
    const axis = sampleAxis(total, d.limitRule.cursor_room, d.limitRule);
    this.lossXlim = axis.xlim; this.linthresh = axis.linthresh;
    this.layout();
  }

  /** render.draw.limits.robust_limits, by the page's rule. @param {number[]} lows @param {number[]} highs
   * @param {number[]} include */
  robustLimits(lows, highs, include) { return robustLimits(lows, highs, include, this.d.limitRule); }

  /** render.draw.limits.log_limits, by the page's rule. @param {number[]} values */
  logLimits(values) { return logLimits(values, this.d.limitRule); }

  /** What each axes drew, row by row (tests). */
  axesReport() { return axesReport(this); }

  /** Lay the figure out for its width (layout.js: the pages' grid rule) and draw its static layer. */
  layout() {
    const L = this.L, d = this.d, n = d.panels.length + 1;
    const W = Math.max(MIN_WIDTH, this.element.clientWidth || 800);
    this.width = this.element.clientWidth;
    const caption = captionPieces(d, this.total);
    const extra = this.views.length ? (/** @type {Panel} */ p) => panels.legend(this.views[0], p) : null;
    /** @type {import("./layout.js").LegendItem[][]} */
    this.legends = Array.from({ length: n },
      (_, j) => legendItems(d, j, this.th, (i) => this.color(i), extra));
    const lay = this.lay = figureLayout(L, W, n, {
      heads: this.rows.map((row) => ({ label: row.label, caption, widest: this.total })),
      titles: panelTitles(d, n),
      legends: this.legends, fam: this.fam, bold: true,
      oneRow: (inches, aw) => aw * ONE_ROW_ASPECT,
    });
    this.s = lay.s; this.pt = lay.pt; this.W = W; this.H = lay.H; this.titled = lay.titled;
    this.axes = lay.rects.map((rects) => rects.map((rect, j) => (j < d.panels.length
      ? new Axes(rect, { xlim: this.xlims[j], ylim: this.ylims[j] })
      : lossAxes(rect, this.lossXlim, this.lossYlim, this.linthresh))));
    this.dpr = sizeCanvases([this.canvas, this.bg], this.element, W, this.H);
    this.pad.place(this.outputAxes());
    drawStatic(this, { grid: d.gridValues, target: d.targetValues, points: d.points, style: this.style(),
      surface: (ctx, ax, k, p) => { if (this.surface) panels.drawStatic(this.views[k], ctx, ax, 0, p); },
      losses: (k) => {
        const run = this.rows[k].run;
        return { train: [run.steps, run.trainLoss], eval: [run.statSteps, run.statEval] };
      } });
    this.buildOverlay();
  }

  /** How sum_view.js draws: the palette, the theme's muted and target colours, the curve width.
   * @returns {import("./sum_view.js").SumStyle} */
  style() {
    const th = this.th;
    return { color: (i) => this.color(i), muted: th.muted, target: th.target, line: this.L.line * this.pt,
      pt: this.pt, hidden: NONE };
  }

  /** The output panel's axes in the top row (where points are added), or null. */
  outputAxes() {
    const j = this.d.panels.findIndex((p) => outputPanel(p));
    return j >= 0 && this.axes ? this.axes[0][j] : null;
  }

  /** Each run's panel grid as laid out. */
  grid() { return { rows: this.lay.rows, cols: this.lay.cols }; }

  /** The smallest font px of the text on the figure's canvases and in its overlay. */
  minTextPx() { return smallestTextPx([this.bg, this.canvas], this.overlay); }

  /** Each run's label, caption and warning; the legends under the last run's panels. */
  buildOverlay() {
    const o = this.overlay, d = this.d, L = this.L, s = this.s, pt = this.pt;
    o.textContent = "";
    o.style.fontSize = `${L.font * pt}px`;
    /** @type {Record<string, HTMLElement>[]} */
    this.captions = [];
    /** @type {HTMLElement[]} */
    this.warnings = [];
    this.rows.forEach((row, k) => {
      const head = runHeader(o, L, this.lay.heads[k], this.axes[k], d.panels.length, this.color(3), s);
      head.label.style.color = row.pinned ? this.th.muted : this.th.foreground;
      this.captions.push(head.values);
      this.warnings.push(head.warning);
    });
    this.axes[this.axes.length - 1].forEach((ax, j) => {
      const items = this.legends[j];
      const box = legendBox(o, L, "op-legend ol-legend", ax, items.length, s, pt, this.lay.legendCols[j]);
      for (const it of items) {
        const entry = el("span", "op-entry", box);
        swatch(entry, L, it, pt);
        el("span", "op-entry-label", entry, it.label);
      }
      keepInside(box, this.W);
    });
  }

  /** Draw every row at sample `step` of the timeline. @param {number} step */
  draw(step) {
    if (!this.axes) return;
    if (this.element.clientWidth && this.element.clientWidth !== this.width) this.layout();
    const ctx = this.canvas.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = this.L;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.bg, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const st = this.style();
    this.rows.forEach(({ run }, k) => {
      const row = this.axes[k], i = run.indexOf(step), values = run.evaluate(d, i), index = run.program.index;
      d.panels.forEach((p, j) => {
        if (p.kind === "data") this.drawSamples(ctx, row[j], run, i, p);
        if (p.nodes.some((n) => !(n in index))) {  // a pinned run of another network: its output only
          if (outputPanel(p)) {
            line(ctx, row[j], d.gridValues, values[run.output],
              { color: this.color(p.colors[p.colors.length - 1]), width: L.line * pt });
          }
          return;
        }
        if (p.kind === "sum") {
          /** @type {Record<string, Float64Array>} */
          const byName = {};
          for (const n of p.nodes) byName[n] = values[index[n]];
          drawSum(ctx, row[j], d.gridValues, byName, p, st);
          return;
        }
        p.nodes.forEach((n, c) => {
          line(ctx, row[j], d.gridValues, values[index[n]],
            { color: this.color(p.colors[c]), width: L.line * pt });
        });
        if (p.kind === "surface" && this.surface) panels.draw(this.views[k], ctx, row[j], 0, i, p);
      });
      const ax = row[d.panels.length], ev = run.evalLoss(d, values, i);
      let j = 0;  // the summary points before this snapshot, then this snapshot's own loss
      while (j < run.statSteps.length && run.statSteps[j] < run.steps[i]) j++;
      line(ctx, ax, [...run.statSteps.slice(0, j), run.steps[i]], [...run.statEval.slice(0, j), ev],
        { color: this.color(2), width: L.line * 0.9 * pt });
      const x = ax.px(Math.min(step, run.steps[run.S - 1]));
      vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
      if (ev > 0) marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, this.color(2), th.background, 0.8 * pt);
      showCaption(this, k, run.steps[i], run.trainLoss[i], ev, run.divergedAt);
    });
  }

  /**
   * The samples a run has trained on by snapshot i: faded (the latest MAX_FADED of them), the latest
   * `window` solid, as panels.js draws a recording's (render/draw/panels_data.py).
   * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {LabRun} run @param {number} i
   * @param {Panel} p
   */
  drawSamples(ctx, ax, run, i, p) {
    const pt = this.pt, L = this.L, xs = run.trainer.xs, ys = run.trainer.ys;
    const n = Math.min(run.steps[i], run.trainer.seen), cut = Math.max(0, n - p.window);
    ctx.save();
    clip(ctx, ax);
    ctx.globalAlpha = 0.35;
    for (let k = Math.max(0, cut - MAX_FADED); k < cut; k++) {
      marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 0.65 * L.line * pt, this.th.muted);
    }
    ctx.globalAlpha = 1;
    const color = this.color(this.d.data.color);
    for (let k = cut; k < n; k++) marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 1.1 * L.line * pt, color);
    ctx.restore();
  }
}

/**
 * The caption as [["t", text] | ["v", name]] for a timeline of `total` samples (player.py caption_pieces).
 * @param {LabPage} d @param {number} total @returns {CaptionPiece[]}
 */
export function captionPieces(d, total) {
  /** @type {CaptionPiece[]} */
  const out = [];
  for (const part of String(d.captionTemplate).split(/(\{(?:step|train|eval)\})/)) {
    const m = /^\{(step|train|eval)\}$/.exec(part);
    if (m) out.push(["v", m[1]]);
    else if (part) {
      out.push(["t", part.replace("{total:,}", thousands(total)).replace("{target}", d.targetName)]);
    }
  }
  return out;
}
