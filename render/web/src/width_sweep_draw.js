/* width_sweep_draw.js: the width sweep player's panels, drawn as render.draw.width_sweep_figure draws them:
 * the rates (a log width axis with a tick at each width, percent up to 100%; the closed form p^H dashed,
 * the measured share of inits with every unit dead as crosses; per activation its 95% band and its line
 * with a dot at each width) and the causes (a pair of stacked bars per width, capped in the activation's
 * colour). The static layer holds the frames, titles and the closed form; each frame the bands, lines and
 * bars, and a faint line at the width a hover points at.
 */

import { Axes, css, font, frame, line, marker, rgb, text, vline } from "./plot.js";
import { wrap } from "./sweep_style.js";
import { axisTicks, maxNLocator, percentLabels } from "./ticks.js";

/** @typedef {import("./width_sweep.js").WidthSweepPlayer} WidthSweepPlayer */
/** @typedef {import("./width_sweep.js").WidthPanel} WidthPanel */
/** A legend entry: kind "line", "dash", "cross" or "patch". @typedef {{label: string, color: string,
 *   kind: string}} Item */

/** Activation a's colour (the palette's first ones, as the video's). @param {WidthSweepPlayer} wp
 * @param {number} a */
const actColor = (wp, a) => wp.th.palette[a % wp.th.palette.length];

/** The fonts: small (ticks, labels) and the titles'. @param {WidthSweepPlayer} wp */
const small = (wp) => font(wp.L.small * wp.pt, wp.fam);
/** @param {WidthSweepPlayer} wp */
const big = (wp) => font(wp.L.font * wp.pt, wp.fam);

/**
 * A panel title's lines: one where it fits `width` px, else broken as the video's narrower frames break
 * theirs (after commas and colons, before brackets; then at spaces: sweep_style.js wrap).
 * @param {WidthSweepPlayer} wp @param {number} width @param {string} words @returns {string[]}
 */
export const titleLines = (wp, width, words) => wrap(words, width, big(wp));

/** The legend's two rows: the lines, then the causes. @param {WidthSweepPlayer} wp @returns {Item[][]} */
export function legendItems(wp) {
  const d = wp.d, th = wp.th;
  const lines = d.activations.map((a, k) => ({ label: a, color: actColor(wp, k), kind: "line" }));
  lines.push({ label: d.words.closed, color: th.target, kind: "dash" },
    { label: d.words.dead, color: th.target, kind: "cross" });
  return [lines, d.causes.map((c, k) => ({ label: c, color: d.causeColors[k], kind: "patch" }))];
}

/**
 * The width index a pointer at (x, y) (CSS px in the figure) points at: the nearest width on the panel
 * under it, or null off the panels.
 * @param {WidthSweepPlayer} wp @param {number} x @param {number} y @returns {number | null}
 */
export function widthAt(wp, x, y) {
  const p = wp.panels.find((q) => q.ax && q.ax.contains(x, y));
  if (!p) return null;
  const n = wp.d.widths.length;
  if (p.kind === "causes") return Math.max(0, Math.min(n - 1, Math.round(p.ax.xAt(x))));
  const at = Math.log(p.ax.xAt(x)), far = (/** @type {number} */ w) => Math.abs(Math.log(w) - at);
  let best = 0;
  wp.d.widths.forEach((w, k) => { if (far(w) < far(wp.d.widths[best])) best = k; });
  return best;
}

/** A panel's axes, frame, title and x label. @param {WidthSweepPlayer} wp
 * @param {CanvasRenderingContext2D} ctx @param {WidthPanel} p */
function axes(wp, ctx, p) {
  const d = wp.d, pt = wp.pt, rates = p.kind === "rates", n = d.widths.length;
  const ax = p.ax = new Axes(p.rect, rates ? { xlim: d.xlim, ylim: [0, 1], xscale: "log" }
    : { xlim: [-0.6, n - 0.4], ylim: [0, 1] });
  const xs = rates ? d.widths : d.widths.map((_, k) => k);
  const st = { fg: wp.th.foreground, muted: wp.th.muted, font: wp.fam, tick: wp.L.small * pt, s: wp.s };
  frame(ctx, ax, st, { x: { ticks: xs, labels: d.widths.map(String), minor: [] },
    y: axisTicks(ax, "y", maxNLocator(0, 1, 5), percentLabels) });
  const r = p.rect, words = rates ? d.words.rates : d.words.causes;
  const lines = titleLines(wp, r.w, words), pitch = 1.2 * wp.L.font * pt;
  lines.forEach((l, k) => text(ctx, l, r.x + r.w / 2, r.y - 3 * pt - (lines.length - 1 - k) * pitch,
    { font: big(wp), color: wp.th.foreground, align: "center", baseline: "bottom" }));
  text(ctx, d.words.width, r.x + r.w / 2, r.y + r.h + (2.5 + 1.5) * pt + 1.25 * wp.L.small * pt,
    { font: small(wp), color: wp.th.foreground, align: "center", baseline: "top" });
  return ax;
}

/** A cross marker (the video's "x", 4 points). @param {CanvasRenderingContext2D} ctx @param {number} x
 * @param {number} y @param {number} half @param {string} color @param {number} width */
function cross(ctx, x, y, half, color, width) {
  ctx.save();
  ctx.strokeStyle = color; ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x - half, y - half); ctx.lineTo(x + half, y + half);
  ctx.moveTo(x - half, y + half); ctx.lineTo(x + half, y - half);
  ctx.stroke();
  ctx.restore();
}

/** The static layer: background, both panels' frames, the closed form and the measured dead inits.
 * @param {WidthSweepPlayer} wp */
export function drawStatic(wp) {
  const ctx = wp.bg.getContext("2d"), th = wp.th, pt = wp.pt, d = wp.d;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = th.background;
  ctx.fillRect(0, 0, wp.bg.width, wp.bg.height);
  ctx.setTransform(wp.dpr, 0, 0, wp.dpr, 0, 0);
  for (const p of wp.panels) {
    const ax = axes(wp, ctx, p);
    if (p.kind !== "rates") continue;
    line(ctx, ax, wp.closedH, wp.closedP, { color: th.target, width: wp.L.line * 0.8 * pt,
      dash: [4 * 1.2 * pt, 3 * 1.2 * pt] });
    d.widths.forEach((w, k) => cross(ctx, ax.px(w), ax.py(d.deadShare[k]), 2 * pt, th.target, pt));
  }
}

/** The current snapshot over the static layer. @param {WidthSweepPlayer} wp */
export function drawFrame(wp) {
  const ctx = wp.canvas.getContext("2d"), i = wp.index;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(wp.bg, 0, 0);
  ctx.setTransform(wp.dpr, 0, 0, wp.dpr, 0, 0);
  for (const p of wp.panels) {
    if (!p.ax) continue;
    if (wp.hovered !== null) {
      vline(ctx, p.ax, p.kind === "rates" ? wp.d.widths[wp.hovered] : wp.hovered,
        { color: wp.th.muted, width: 0.8 * wp.pt, alpha: 0.6 });
    }
    if (p.kind === "rates") rates(wp, ctx, p.ax, i); else causes(wp, ctx, p.ax, i);
  }
}

/** Per activation its band and its line with dots. @param {WidthSweepPlayer} wp
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} i */
function rates(wp, ctx, ax, i) {
  const widths = wp.d.widths, pt = wp.pt;
  for (let a = 0; a < wp.A; a++) {
    const color = actColor(wp, a);
    ctx.save();
    ctx.fillStyle = css(rgb(color), 0.2);
    ctx.beginPath();
    widths.forEach((w, k) => ctx.lineTo(ax.px(w), ax.py(wp.band(k, a, i)[0])));
    for (let k = widths.length - 1; k >= 0; k--) ctx.lineTo(ax.px(widths[k]), ax.py(wp.band(k, a, i)[1]));
    ctx.closePath();
    ctx.fill();
    ctx.restore();
    const ys = widths.map((_, k) => wp.share(k, a, i));
    line(ctx, ax, widths, ys, { color, width: wp.L.line * 0.8 * pt });
    widths.forEach((w, k) => marker(ctx, ax.px(w), ax.py(ys[k]), 1.5 * pt, color));
  }
}

/** A pair of bars per width, the failures stacked by cause, each capped in its activation's colour.
 * @param {WidthSweepPlayer} wp @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} i */
function causes(wp, ctx, ax, i) {
  const d = wp.d, n = d.widths.length, bar = 0.8 / wp.A, cap = wp.L.line * 1.2 * wp.pt;
  for (let w = 0; w < n; w++) {
    for (let a = 0; a < wp.A; a++) {
      const x0 = ax.px(w - 0.4 + bar * a + 0.04 * bar), x1 = ax.px(w - 0.4 + bar * a + 0.96 * bar);
      let bottom = 0;
      for (let c = 0; c < d.causes.length; c++) {
        const share = wp.count(w, a, i, c + 1) / d.count;
        if (share > 0) {
          ctx.fillStyle = d.causeColors[c];
          ctx.fillRect(x0, ax.py(bottom + share), x1 - x0, ax.py(bottom) - ax.py(bottom + share));
        }
        bottom += share;
      }
      ctx.fillStyle = actColor(wp, a);
      ctx.fillRect(x0, ax.py(bottom) - cap / 2, x1 - x0, cap);
    }
  }
}
