/* sweep_panels.js: the sweep player's panels of a seeded sweep (and the map sweep's curves and rate): the
 * loss histogram, the fitting modes, the fitted share over training and the named runs' (or the clicked
 * cell's) output curves. Each panel kind has a static part (into the static layer, setting p.ax) and a
 * frame part (snapshot i), as render.draw.sweep_figure draws them.
 */

import { fill } from "./dom.js";
import { evaluate } from "./graph.js";
import { LAYOUT, frameStyle } from "./layout.js";
import {
  Axes, autoTicks, blend, clip, css, fmtG, font, frame, hline, line, logTicks, marker, maxNTicks, rgb,
  sampleLabels, symlogTicks, text, tickLabels, vline, vspan,
} from "./plot.js";
import { actColor, runColor, small, title, xlabel } from "./sweep_style.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./sweep_figure.js").SweepPanel} SweepPanel */
/** @typedef {import("./sweep_figure.js").PanelDraw} PanelDraw */

const FONT = LAYOUT.font, SMALL = LAYOUT.small, LINE = LAYOUT.line;

/** A share as "42%". @param {number} v */
const pct = (v) => `${Math.round(v * 100)}%`;
/** A coordinate with three decimals and a real minus sign. @param {number} v */
export const signed = (v) => v.toFixed(3).replace("-", "\u2212");

// ---- histogram of every run's evaluation loss ---------------------------------------------------------

/** @param {SweepPlayer} sp @param {SweepPanel} p */
function histAxes(sp, p) {
  const count = sp.d.count;
  if (!sp.histMax) sp.histMax = Math.max(1, ...sp.hist) / count;
  return new Axes(p.rect, { xlim: [sp.edges[0], sp.edges[sp.edges.length - 1]],
    ylim: [0, sp.histMax * 1.12], xscale: "log" });
}

/** @type {PanelDraw} */
export function histStatic(sp, ctx, p) {
  const ax = p.ax = histAxes(sp, p), th = sp.th, pt = sp.pt, thr = sp.d.threshold;
  vspan(ctx, ax, sp.edges[0], thr, th.span);
  vline(ctx, ax, thr, { color: th.muted, width: 0.8 * pt, dash: [3.7 * 0.8 * pt, 1.6 * 0.8 * pt] });
  text(ctx, fill(sp.d.strings.fitted_zone.replace(":g", ""), { thr: fmtG(thr, 6) }), ax.px(thr / 1.08),
    ax.py(ax.ylim[1] * 0.97), { font: small(sp), color: th.muted, align: "right", baseline: "top" });
  const xt = logTicks(ax.xlim[0], ax.xlim[1], [1]).major;
  const yt = maxNTicks(0, ax.ylim[1], 4);
  frame(ctx, ax, frameStyle(sp),
    { xticks: xt, xlabels: xt.map((v) => fmtG(v, 6)), yticks: yt, ylabels: yt.map(pct) });
  title(sp, ctx, p.rect, fill(sp.d.strings.hist, { target: sp.d.targetName }));
}

/** @type {PanelDraw} */
export function histDraw(sp, ctx, p, i) {
  const ax = p.ax, H = sp.H, count = sp.d.count, pt = sp.pt;
  for (let a = 0; a < sp.A; a++) {
    const col = rgb(actColor(sp, a)), off = (a * sp.S + i) * H;
    ctx.save(); clip(ctx, ax);
    ctx.beginPath();
    ctx.moveTo(ax.px(sp.edges[0]), ax.py(0));
    for (let h = 0; h < H; h++) {
      const y = ax.py(sp.hist[off + h] / count);
      ctx.lineTo(ax.px(sp.edges[h]), y); ctx.lineTo(ax.px(sp.edges[h + 1]), y);
    }
    ctx.lineTo(ax.px(sp.edges[H]), ax.py(0));
    ctx.fillStyle = css(col, 0.25); ctx.fill();
    ctx.strokeStyle = css(col); ctx.lineWidth = LINE * 0.8 * pt; ctx.lineJoin = "miter"; ctx.stroke();
    ctx.restore();
    const share = (100 * sp.fitted[a * sp.S + i]).toFixed(1);
    const template = sp.d.strings.share.replace("{pct:.1f}", "{pct}");
    const words = fill(template, { act: sp.d.activations[a], pct: share });
    text(ctx, words,
      ax.rect.x + 0.985 * ax.rect.w, ax.rect.y + (0.05 + 0.11 * a) * ax.rect.h,
      { font: font(FONT * pt, sp.fam, true), color: actColor(sp, a), align: "right", baseline: "top" });
  }
}

// ---- fitting modes: stacked bars per activation -----------------------------------------------------------

/** @type {PanelDraw} */
export function modesStatic(sp, ctx, p) {
  const ax = p.ax = new Axes(p.rect, { xlim: [0, 1], ylim: [sp.A - 0.4, -0.6] });
  const xt = maxNTicks(0, 1, 4);
  const st = frameStyle(sp);
  frame(ctx, ax, st,
    { xticks: xt, xlabels: xt.map(pct), yticks: sp.d.activations.map((_, a) => a),
      ylabels: sp.d.activations });
  title(sp, ctx, p.rect, sp.d.strings.modes);
}

/** @type {PanelDraw} */
export function modesDraw(sp, ctx, p, i) {
  const ax = p.ax, K = sp.K, count = sp.d.count, bg = rgb(sp.th.background);
  for (let a = 0; a < sp.A; a++) {
    let left = 0;
    const y0 = ax.py(a - 0.31), y1 = ax.py(a + 0.31);
    for (let k = 0; k < K; k++) {
      const off = (a * sp.S + i) * K + k, f = sp.modeFitted[off] / count, total = sp.modeCounts[off] / count;
      const col = rgb(sp.d.modeColors[k]);
      ctx.fillStyle = css(col);
      ctx.fillRect(ax.px(left), Math.min(y0, y1), ax.px(left + f) - ax.px(left), Math.abs(y1 - y0));
      ctx.fillStyle = css(blend(col, bg, 0.68));
      ctx.fillRect(ax.px(left + f), Math.min(y0, y1), ax.px(left + total) - ax.px(left + f),
        Math.abs(y1 - y0));
      left += total;
    }
  }
}

// ---- share of runs fitted over training ------------------------------------------------------------------

/** @type {PanelDraw} */
export function rateStatic(sp, ctx, p) {
  const d = sp.d, th = sp.th, pt = sp.pt, count = d.count;
  let max = 0;
  for (const v of sp.fitted) max = Math.max(max, v);
  const ax = p.ax = new Axes(p.rect, { xlim: [0, d.total],
    ylim: [0, Math.min(1, Math.max(0.1, max * 1.15 + 0.02))], xscale: "symlog",
    linthresh: Math.max(10, d.total / 1000) });
  const z = 1.959963984540054;
  for (let a = 0; a < sp.A; a++) {
    const f = sp.fitted.subarray(a * sp.S, (a + 1) * sp.S), col = rgb(actColor(sp, a));
    if (p.band) {
      /** @type {number[]} */
      const lo = [], hi = [];
      for (const v of f) {
        const denom = 1 + (z * z) / count, center = (v + (z * z) / (2 * count)) / denom;
        const half = (z * Math.sqrt((v * (1 - v)) / count + (z * z) / (4 * count * count))) / denom;
        lo.push(center - half); hi.push(center + half);
      }
      ctx.save(); clip(ctx, ax); ctx.beginPath();
      sp.steps.forEach((s, k) => (k ? ctx.lineTo(ax.px(s), ax.py(hi[k]))
        : ctx.moveTo(ax.px(s), ax.py(hi[k]))));
      for (let k = sp.S - 1; k >= 0; k--) ctx.lineTo(ax.px(sp.steps[k]), ax.py(lo[k]));
      ctx.fillStyle = css(col, 0.2); ctx.fill(); ctx.restore();
    }
    line(ctx, ax, sp.steps, f, { color: actColor(sp, a), width: LINE * 0.8 * pt });
  }
  for (const m of d.marks) vline(ctx, ax, m, { color: th.muted, width: 0.6 * pt, dash: [pt, 1.65 * pt] });
  const xt = symlogTicks(0, d.total, Math.max(10, d.total / 1000)), yt = maxNTicks(0, ax.ylim[1], 4);
  frame(ctx, ax, frameStyle(sp), { xticks: xt, xlabels: sampleLabels(xt), yticks: yt, ylabels: yt.map(pct) });
  title(sp, ctx, p.rect, p.band ? d.strings.rate : d.strings.rate_map);
  xlabel(sp, ctx, p.rect, d.strings.samples);
}

/** @type {PanelDraw} */
export function rateDraw(sp, ctx, p, i) {
  const ax = p.ax, step = sp.steps[i], pt = sp.pt;
  vline(ctx, ax, step, { color: sp.th.foreground, width: 0.8 * pt, alpha: 0.6 });
  for (let a = 0; a < sp.A; a++) {
    marker(ctx, ax.px(step), ax.py(sp.fitted[a * sp.S + i]), LINE * 1.3 * pt, actColor(sp, a));
  }
}

// ---- output curves of named runs (or of the clicked cell) beside the target ------------------------------

/** The named runs of a curves panel's group.
 * @param {SweepPlayer} sp @param {SweepPanel} p @returns {number[]} */
function groupRuns(sp, p) {
  const g = sp.d.groups[p.group];
  return g ? g.runs : [];
}

/** @type {PanelDraw} */
export function curvesStatic(sp, ctx, p) {
  const d = sp.d, th = sp.th, pt = sp.pt;
  const clicked = p.explorer && sp.clicked;
  const g = d.groups[p.group];
  const ylim = clicked ? clickedLimits(sp) : g ? g.ylim : [-0.5, 4.5];
  const ax = p.ax = new Axes(p.rect, { xlim: d.xRange, ylim });
  vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
  hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
  line(ctx, ax, sp.grid, sp.target,
    { color: th.target, width: LINE * 0.8 * pt, dash: [4 * 1.2 * pt, 3 * 1.2 * pt] });
  const xt = autoTicks(d.xRange[0], d.xRange[1], ax.rect.w, SMALL * pt), yt = maxNTicks(ylim[0], ylim[1], 4);
  frame(ctx, ax, frameStyle(sp),
    { xticks: xt, xlabels: tickLabels(xt), yticks: yt, ylabels: tickLabels(yt) });
  let heading = g ? g.label : "";
  if (clicked) {
    const [a0, a1] = d.map.axisLabels;
    heading = `${d.ui.cell_run}: ${a0}=${signed(clicked.x)}, ${a1}=${signed(clicked.y)}`;
  }
  title(sp, ctx, p.rect, heading);
  if (!clicked && !groupRuns(sp, p).length) {
    text(ctx, d.strings.no_run, ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h / 2,
      { font: small(sp), color: th.muted, align: "center", baseline: "middle" });
  }
}

/** The explorer's y limits: the target and the clicked cell's output at every snapshot, padded.
 * @param {SweepPlayer} sp */
function clickedLimits(sp) {
  const c = sp.clicked, prog = sp.program(sp.d.activations[c.a]);
  let lo = 0, hi = 0;
  for (const v of sp.target) if (isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  for (let s = 0; s < sp.S; s++) {
    const out = evaluate(prog, c.params, s * sp.P, sp.grid, sp.target)[prog.index[sp.d.graph.output]];
    for (const v of out) if (isFinite(v) && Math.abs(v) < 1e6) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** @type {PanelDraw} */
export function curvesDraw(sp, ctx, p, i) {
  const ax = p.ax, pt = sp.pt, d = sp.d;
  /** @type {{values: ArrayLike<number>, color: string, act: string, loss: number}[]} */
  const lines = [];
  if (p.explorer && sp.clicked) {
    const c = sp.clicked, prog = sp.program(d.activations[c.a]);
    const out = evaluate(prog, c.params, i * sp.P, sp.grid, sp.target)[prog.index[d.graph.output]];
    lines.push({ values: out, color: actColor(sp, c.a), act: d.activations[c.a], loss: c.evalLoss[i] });
  } else {
    for (const r of groupRuns(sp, p)) {
      lines.push({ values: sp.output(r, i), color: runColor(sp, r), act: d.runs[r].activation || "",
        loss: sp.evalLoss[r * sp.S + i] });
    }
  }
  lines.forEach((l, k) => {
    line(ctx, ax, sp.grid, l.values, { color: l.color, width: LINE * pt });
    text(ctx, fill(d.strings.loss_at, { act: l.act, target: d.targetName, loss: l.loss.toFixed(3) }),
      ax.rect.x + 0.03 * ax.rect.w, ax.rect.y + (0.05 + 0.1 * k) * ax.rect.h,
      { font: small(sp, true), color: l.color, align: "left", baseline: "top" });
  });
}
