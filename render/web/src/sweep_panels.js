/* sweep_panels.js: the sweep player's panels of a seeded sweep (and the map sweep's curves and rate): the
 * loss histogram, the fitting modes, the fitted share over training and the named runs' (or the clicked
 * cell's) output curves. Each panel kind has a static part (into the static layer, setting p.ax) and a
 * frame part (snapshot i), as render.draw.sweep_figure draws them, with the limits it sets (the page's
 * data: sweep.py sweep_limits; the clicked cell's by the video's rule, limits.js). What the legend toggled
 * off (an activation, the target) is left out.
 */

import { fill } from "./dom.js";
import { evaluate } from "./graph.js";
import { frameStyle } from "./layout.js";
import { robustLimits } from "./limits.js";
import {
  Axes, blend, clip, css, fmtG, font, frame, hline, line, marker, rgb, text, vline, vspan,
} from "./plot.js";
import { actColor, actHidden, leading, runColor, small, title, xlabel } from "./sweep_style.js";
import {
  axisTicks, linearTicks, logTicks, maxNLocator, percentLabels, sampleTicks,
} from "./ticks.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./sweep_figure.js").SweepPanel} SweepPanel */
/** @typedef {import("./sweep_figure.js").PanelDraw} PanelDraw */

/** A coordinate with three decimals and a real minus sign. @param {number} v */
export const signed = (v) => v.toFixed(3).replace("-", "\u2212");

/**
 * A panel's title: the video's words for its kind; the explorer's names the clicked cell (`widest`: the
 * widest such title, which the layout keeps room for).
 * @param {SweepPlayer} sp @param {SweepPanel} p @param {boolean} [widest]
 */
export function heading(sp, p, widest) {
  const d = sp.d, s = d.strings;
  if (p.kind === "hist") return fill(s.hist, { target: d.targetName });
  if (p.kind === "modes") return s.modes;
  if (p.kind === "rate") return p.band ? s.rate : s.rate_map;
  if (p.kind === "map") {
    const act = d.activations[p.a];
    return sp.narrowMaps ? act : fill(s.map, { act });
  }
  if (p.explorer && (widest || sp.clicked)) {
    const [a0, a1] = d.map.axisLabels, c = sp.clicked;
    const [x, y] = widest ? ["\u22120.000", "\u22120.000"] : [signed(c.x), signed(c.y)];
    return `${d.ui.cell_run}: ${a0}=${x}, ${a1}=${y}`;
  }
  const g = d.groups[p.group];
  return g ? g.label : "";
}

// ---- histogram of every run's evaluation loss ---------------------------------------------------------

/** A linear axis' MaxNLocator(nbins) ticks labelled as shares ("42%").
 * @param {Axes} ax @param {"x" | "y"} which @param {number} nbins */
const shareTicks = (ax, which, nbins) => {
  const lim = which === "x" ? ax.xlim : ax.ylim;
  return axisTicks(ax, which, maxNLocator(lim[0], lim[1], nbins), percentLabels);
};

/** @type {PanelDraw} */
export function histStatic(sp, ctx, p) {
  const lim = sp.d.limits.hist;
  const ax = p.ax = new Axes(p.rect, { xlim: lim.xlim, ylim: lim.ylim, xscale: "log" });
  const th = sp.th, pt = sp.pt, thr = sp.d.threshold;
  vspan(ctx, ax, sp.edges[0], thr, th.span);
  vline(ctx, ax, thr, { color: th.muted, width: 0.8 * pt, dash: [3.7 * 0.8 * pt, 1.6 * 0.8 * pt] });
  text(ctx, fill(sp.d.strings.fitted_zone.replace(":g", ""), { thr: fmtG(thr, 6) }), ax.px(thr / 1.08),
    ax.py(ax.ylim[1] * 0.97), { font: small(sp), color: th.muted, align: "right", baseline: "top" });
  frame(ctx, ax, frameStyle(sp), { x: logTicks(ax, "x", [1], sp.L.small * pt), y: shareTicks(ax, "y", 4) });
  title(sp, ctx, p.rect, heading(sp, p));
}

/** @type {PanelDraw} */
export function histDraw(sp, ctx, p, i) {
  const ax = p.ax, H = sp.H, count = sp.d.count, pt = sp.pt, L = sp.L;
  const step = leading(sp, ax.rect, L.font, 0.11);
  for (let a = 0; a < sp.A; a++) {
    if (actHidden(sp, a)) continue;
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
    ctx.strokeStyle = css(col); ctx.lineWidth = L.line * 0.8 * pt; ctx.lineJoin = "miter"; ctx.stroke();
    ctx.restore();
    const share = (100 * sp.fitted[a * sp.S + i]).toFixed(1);
    const template = sp.d.strings.share.replace("{pct:.1f}", "{pct}");
    const words = fill(template, { act: sp.d.activations[a], pct: share });
    text(ctx, words,
      ax.rect.x + 0.985 * ax.rect.w, ax.rect.y + 0.05 * ax.rect.h + step * a,
      { font: font(L.font * pt, sp.fam, true), color: actColor(sp, a), align: "right", baseline: "top" });
  }
}

// ---- fitting modes: stacked bars per activation -----------------------------------------------------------

/** @type {PanelDraw} */
export function modesStatic(sp, ctx, p) {
  const ax = p.ax = new Axes(p.rect, sp.d.limits.modes);
  // the activations' names at their bars (a FixedLocator and its labels)
  const names = axisTicks(ax, "y", sp.d.activations.map((_, a) => a), () => sp.d.activations);
  frame(ctx, ax, frameStyle(sp), { x: shareTicks(ax, "x", 4), y: names });
  title(sp, ctx, p.rect, heading(sp, p));
}

/** @type {PanelDraw} */
export function modesDraw(sp, ctx, p, i) {
  const ax = p.ax, K = sp.K, count = sp.d.count, bg = rgb(sp.th.background);
  for (let a = 0; a < sp.A; a++) {
    if (actHidden(sp, a)) continue;
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
  const d = sp.d, th = sp.th, pt = sp.pt, count = d.count, lim = d.limits.rate;
  const ax = p.ax = new Axes(p.rect, { xlim: lim.xlim, ylim: lim.ylim, xscale: "symlog",
    linthresh: lim.linthresh });
  const z = 1.959963984540054;
  for (let a = 0; a < sp.A; a++) {
    if (actHidden(sp, a)) continue;
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
    line(ctx, ax, sp.steps, f, { color: actColor(sp, a), width: sp.L.line * 0.8 * pt });
  }
  for (const m of d.marks) vline(ctx, ax, m, { color: th.muted, width: 0.6 * pt, dash: [pt, 1.65 * pt] });
  frame(ctx, ax, frameStyle(sp), { x: sampleTicks(ax), y: shareTicks(ax, "y", 4) });
  title(sp, ctx, p.rect, heading(sp, p));
  xlabel(sp, ctx, p.rect, d.strings.samples);
}

/**
 * The fitted-share panel under a pointer (its x: the samples), or null.
 * @param {SweepPlayer} sp @param {MouseEvent} e @returns {SweepPanel | null}
 */
export function rateAt(sp, e) {
  const r = sp.canvas.getBoundingClientRect();
  return (sp.panels || []).find((p) => p.kind === "rate" && p.ax && p.ax.contains(e.clientX - r.left,
    e.clientY - r.top)) || null;
}

/**
 * The snapshot whose sample is nearest a pointer's x along the fitted-share panel `p`.
 * @param {SweepPlayer} sp @param {SweepPanel} p @param {MouseEvent} e
 */
export function snapshotAt(sp, p, e) {
  const x = e.clientX - sp.canvas.getBoundingClientRect().left;
  const i = sp.indexOfStep(p.ax.xAt(x)), next = Math.min(sp.S - 1, i + 1);
  return Math.abs(p.ax.px(sp.steps[next]) - x) < Math.abs(p.ax.px(sp.steps[i]) - x) ? next : i;
}

/** @type {PanelDraw} */
export function rateDraw(sp, ctx, p, i) {
  const ax = p.ax, step = sp.steps[i], pt = sp.pt;
  vline(ctx, ax, step, { color: sp.th.foreground, width: 0.8 * pt, alpha: 0.6 });
  for (let a = 0; a < sp.A; a++) {
    if (actHidden(sp, a)) continue;
    marker(ctx, ax.px(step), ax.py(sp.fitted[a * sp.S + i]), sp.L.line * 1.3 * pt, actColor(sp, a));
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
  const L = sp.L;
  if (!sp.hidden.has("target")) {
    line(ctx, ax, sp.xs, sp.target,
      { color: th.target, width: L.line * 0.8 * pt, dash: [4 * 1.2 * pt, 3 * 1.2 * pt] });
    for (const [x, y] of d.points || []) {  // trained on data points (the target is NaN): the video's dots
      if (x >= d.xRange[0] && x <= d.xRange[1]) marker(ctx, ax.px(x), ax.py(y), 1.25 * pt, th.target);
    }
  }
  frame(ctx, ax, frameStyle(sp),
    { x: linearTicks(ax, "x", null, L.small * pt), y: linearTicks(ax, "y", 4, L.small * pt) });
  title(sp, ctx, p.rect, heading(sp, p));
  if (!clicked && !groupRuns(sp, p).length) {
    text(ctx, d.strings.no_run, ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h / 2,
      { font: small(sp), color: th.muted, align: "center", baseline: "middle" });
  }
}

/** The explorer's y limits: the video's rule for a curve panel of named runs (render.draw.sweep_figure
 * group_limits) on the clicked cell's output at every snapshot, with the target.
 * @param {SweepPlayer} sp */
function clickedLimits(sp) {
  const c = sp.clicked, prog = sp.program(sp.d.activations[c.a]);
  let tlo = Infinity, thi = -Infinity;
  for (const v of sp.target) if (isFinite(v)) { tlo = Math.min(tlo, v); thi = Math.max(thi, v); }
  if (tlo > thi) {  // no target curve: the data points' y (sweep_figure.group_limits), else 0
    for (const [, y] of sp.d.points || [[0, 0]]) { tlo = Math.min(tlo, y); thi = Math.max(thi, y); }
  }
  /** @type {number[]} */
  const lows = [], highs = [];
  for (let s = 0; s < sp.S; s++) {
    const out = evaluate(prog, c.params, s * sp.P, sp.xs, sp.target)[prog.index[sp.d.graph.output]];
    let lo = Infinity, hi = -Infinity;
    for (const v of out) if (v === v) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    lows.push(lo === Infinity ? NaN : lo); highs.push(hi === -Infinity ? NaN : hi);
  }
  return robustLimits(lows, highs, [0, tlo, thi], sp.d.limitRule);
}

/** @type {PanelDraw} */
export function curvesDraw(sp, ctx, p, i) {
  const ax = p.ax, pt = sp.pt, d = sp.d;
  /** @type {{values: ArrayLike<number>, color: string, act: string, loss: number}[]} */
  const lines = [];
  if (p.explorer && sp.clicked) {
    const c = sp.clicked, prog = sp.program(d.activations[c.a]);
    const out = evaluate(prog, c.params, i * sp.P, sp.xs, sp.target)[prog.index[d.graph.output]];
    lines.push({ values: out, color: actColor(sp, c.a), act: d.activations[c.a], loss: c.evalLoss[i] });
  } else {
    for (const r of groupRuns(sp, p)) {
      if (sp.hidden.has(d.runs[r].activation)) continue;
      lines.push({ values: sp.output(r, i), color: runColor(sp, r), act: d.runs[r].activation || "",
        loss: sp.evalLoss[r * sp.S + i] });
    }
  }
  const step = leading(sp, ax.rect, sp.L.small, 0.1);
  lines.forEach((l, k) => {
    line(ctx, ax, sp.xs, l.values, { color: l.color, width: sp.L.line * pt });
    text(ctx, fill(d.strings.loss_at, { act: l.act, target: d.targetName, loss: l.loss.toFixed(3) }),
      ax.rect.x + 0.03 * ax.rect.w, ax.rect.y + 0.05 * ax.rect.h + step * k,
      { font: small(sp, true), color: l.color, align: "left", baseline: "top" });
  });
}
