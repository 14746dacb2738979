/* plot.js: matplotlib-looking panels on a <canvas>, small and fast. No DOM besides the canvas context.
 *
 * Everything is in CSS pixels; the caller scales the context by devicePixelRatio once. Axes map data to
 * pixels on "linear" | "log" | "symlog" scales (base 10, linscale 1, as matplotlib's) and draw the ticks
 * ticks.js places as matplotlib does, so the page's axes read as the video's; the drawing helpers clip to
 * the axes and draw data as canvas text, never parsed markup.
 */

/** @typedef {{x: number, y: number, w: number, h: number}} Rect */
/** @typedef {"linear" | "log" | "symlog"} Scale */
/** @typedef {{xlim: number[], ylim: number[], xscale?: Scale, yscale?: Scale, linthresh?: number}}
 *   AxesOptions */
/** What frame() draws with: colours, the font family, tick label px and px per inch.
 * @typedef {{fg: string, muted: string, font: string, tick: number, s: number}} FrameStyle */
/** What frame() draws on each axis (ticks.js), and the minor ticks' [length, width] in points.
 * @typedef {{x: import("./ticks.js").AxisTicks, y: import("./ticks.js").AxisTicks, minor?: number[]}}
 *   Ticks */
/** @typedef {{color: string, width: number, dash?: number[], alpha?: number, from?: number, to?: number,
 *   pixels?: boolean}} LineStyle */
/** @typedef {{font: string, color: string, align?: CanvasTextAlign, baseline?: CanvasTextBaseline}}
 *   TextStyle */

const LN10 = Math.LN10;

/** @param {number} v @param {number} lt */
function symlog(v, lt) {
  const lsa = 1 / (1 - 1 / 10);  // matplotlib: linscale / (1 - 1/base)
  const a = Math.abs(v);
  return a <= lt ? (v / lt) * lsa : Math.sign(v) * (lsa + Math.log(a / lt) / LN10);
}
/** @param {number} t @param {number} lt */
function symexp(t, lt) {
  const lsa = 1 / (1 - 1 / 10);
  const a = Math.abs(t);
  return a <= lsa ? (t / lsa) * lt : Math.sign(t) * lt * Math.pow(10, a - lsa);
}

/** One panel's data-to-pixel mapping: rect {x, y, w, h} in CSS px (y down). */
export class Axes {
  /** @param {Rect} rect @param {AxesOptions} o */
  constructor(rect, o) {
    this.rect = rect;
    this.xlim = o.xlim; this.ylim = o.ylim;
    this.xscale = o.xscale || "linear"; this.yscale = o.yscale || "linear";
    this.linthresh = o.linthresh || 10;
    this.tx = this._transform(this.xscale); this.ty = this._transform(this.yscale);
    this.x0 = this.tx(this.xlim[0]); this.x1 = this.tx(this.xlim[1]);
    this.y0 = this.ty(this.ylim[0]); this.y1 = this.ty(this.ylim[1]);
    /** what frame() drew on it @type {Ticks | null} */
    this.drawn = null;
  }
  /** @param {Scale} kind @returns {(v: number) => number} */
  _transform(kind) {
    if (kind === "log") return (v) => (v > 0 ? Math.log(v) / LN10 : NaN);
    if (kind === "symlog") return (v) => symlog(v, this.linthresh);
    return (v) => v;
  }
  /** @param {number} x */
  px(x) { const r = this.rect; return r.x + ((this.tx(x) - this.x0) / (this.x1 - this.x0)) * r.w; }
  /** @param {number} y */
  py(y) { const r = this.rect; return r.y + r.h - ((this.ty(y) - this.y0) / (this.y1 - this.y0)) * r.h; }
  /** The data x at pixel px. @param {number} px */
  xAt(px) {
    const r = this.rect, t = this.x0 + ((px - r.x) / r.w) * (this.x1 - this.x0);
    if (this.xscale === "log") return Math.pow(10, t);
    if (this.xscale === "symlog") return symexp(t, this.linthresh);
    return t;
  }
  /** The data y at pixel py (linear y scales). @param {number} py */
  yAt(py) {
    const r = this.rect;
    return this.ylim[0] + ((r.y + r.h - py) / r.h) * (this.ylim[1] - this.ylim[0]);
  }
  /** @param {number} px @param {number} py */
  contains(px, py) {
    const r = this.rect;
    return px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h;
  }
}

// ---- numbers ----------------------------------------------------------------------------------------

/** Python's format(v, ".{p}g"). @param {number} v @param {number} p */
export function fmtG(v, p) {
  if (!isFinite(v)) return v !== v ? "nan" : v > 0 ? "inf" : "-inf";
  if (v === 0) return "0";
  const exp = Number(v.toExponential(p - 1).split("e")[1]);
  if (exp < -4 || exp >= p) {
    const [m, e] = v.toExponential(p - 1).split("e");
    const mant = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  const s = v.toFixed(Math.max(0, p - 1 - exp));
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** A loss for captions, as render.draw.text.number. @param {number} v */
export function number(v) {
  if (v !== v) return "\u2014";
  const a = Math.abs(v);
  if (a >= 0.01 && a < 100) return v.toFixed(3);
  if (a > 0 && a < 1e-3) return v.toExponential(1).replace("e+", "e");
  if (a < 1e4) return fmtG(v, 2);
  const [m, e] = v.toExponential(0).split("e");
  return `${m}e${e.replace("+", "")}`;
}

/** "12,000". @param {number} n */
export function thousands(n) {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// ---- colours ----------------------------------------------------------------------------------------

/** [r, g, b] of "#rrggbb". @param {string} hex @returns {number[]} */
export function rgb(hex) {
  const h = hex.replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** A CSS colour of [r, g, b] (rounded), with alpha `a` when given. @param {number[]} c @param {number} [a] */
export const css = (c, a) => (a === undefined ? `rgb(${c.map(Math.round).join(",")})`
  : `rgba(${c.map(Math.round).join(",")},${a})`);

/** c moved `amount` of the way toward `toward` (matplotlib's paler shades). @param {number[]} c
 * @param {number[]} toward @param {number} amount */
export const blend = (c, toward, amount) => c.map((v, i) => v * (1 - amount) + toward[i] * amount);

// ---- drawing ----------------------------------------------------------------------------------------

/** A canvas/CSS font string. @param {number} px @param {string} family @param {boolean} [bold] */
export function font(px, family, bold) {
  return `${bold ? "bold " : ""}${px.toFixed(2)}px ${family}`;
}

/** @type {WeakMap<HTMLCanvasElement, number>} the smallest font px each canvas drew text in */
const smallest = new WeakMap();

/** The smallest font px drawn on `canvas` since its last `forgetText` (Infinity: none). Pages expose it as
 * minTextPx(), so tests can hold them to their smallest text size. @param {HTMLCanvasElement} canvas */
export const smallestText = (canvas) => (smallest.has(canvas) ? smallest.get(canvas) : Infinity);

/** Start `canvas`'s smallest text afresh (it is drawn again). @param {HTMLCanvasElement} canvas */
export const forgetText = (canvas) => { smallest.delete(canvas); };

/**
 * fillText: data is drawn, never parsed. Notes the font's px for smallestText.
 * @param {CanvasRenderingContext2D} ctx @param {string | number} str @param {number} x @param {number} y
 * @param {TextStyle} o
 */
export function text(ctx, str, x, y, o) {
  const px = /([\d.]+)px/.exec(o.font), canvas = ctx.canvas;
  if (px && canvas && String(str) !== "" && !(Number(px[1]) >= smallestText(canvas))) {
    smallest.set(canvas, Number(px[1]));
  }
  ctx.font = o.font;
  ctx.fillStyle = o.color;
  ctx.textAlign = o.align || "left";
  ctx.textBaseline = o.baseline || "alphabetic";
  ctx.fillText(String(str), x, y);
}

/**
 * The left and bottom spines, ticks (minor ones `t.minor` = [length, width] points, matplotlib's 2 and 0.6
 * by default) and labels; the axes remembers what it drew (`ax.drawn`, for `report`).
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {FrameStyle} st @param {Ticks} t
 */
export function frame(ctx, ax, st, t) {
  ax.drawn = t;
  const r = ax.rect, pt = st.s / 72;
  const spine = 0.6 * pt, tickLen = 2.5 * pt, pad = 1.5 * pt, [minorLen, minorWidth] = t.minor || [2, 0.6];
  ctx.save();
  ctx.strokeStyle = st.muted;
  ctx.lineWidth = spine;
  ctx.beginPath();
  ctx.moveTo(r.x, r.y); ctx.lineTo(r.x, r.y + r.h); ctx.lineTo(r.x + r.w, r.y + r.h);
  ctx.stroke();
  const tickFont = font(st.tick, st.font);
  ctx.beginPath();
  for (const x of t.x.ticks) {
    const p = ax.px(x);
    ctx.moveTo(p, r.y + r.h); ctx.lineTo(p, r.y + r.h + tickLen);
  }
  for (const y of t.y.ticks) { const p = ax.py(y); ctx.moveTo(r.x, p); ctx.lineTo(r.x - tickLen, p); }
  ctx.stroke();
  if (t.x.minor.length || t.y.minor.length) {
    ctx.lineWidth = minorWidth * pt;
    ctx.beginPath();
    const m = minorLen * pt;
    for (const x of t.x.minor) { const p = ax.px(x); ctx.moveTo(p, r.y + r.h); ctx.lineTo(p, r.y + r.h + m); }
    for (const y of t.y.minor) { const p = ax.py(y); ctx.moveTo(r.x, p); ctx.lineTo(r.x - m, p); }
    ctx.stroke();
  }
  t.x.ticks.forEach((x, i) => text(ctx, t.x.labels[i], ax.px(x), r.y + r.h + tickLen + pad,
    { font: tickFont, color: st.fg, align: "center", baseline: "top" }));
  t.y.ticks.forEach((y, i) => text(ctx, t.y.labels[i], r.x - tickLen - pad, ax.py(y),
    { font: tickFont, color: st.fg, align: "right", baseline: "middle" }));
  ctx.restore();
}

/**
 * What an axes drew, for tests: its limits, and each axis' ticks in view, their labels and minor ticks.
 * @param {string} panel  what the axes shows @param {Axes} ax
 */
export function report(panel, ax) {
  const t = ax.drawn;
  return { panel, xlim: [...ax.xlim], ylim: [...ax.ylim], xticks: t.x.ticks, xlabels: t.x.labels,
    yticks: t.y.ticks, ylabels: t.y.labels, xminor: t.x.minor, yminor: t.y.minor };
}

/** Clip to the axes' rect. @param {CanvasRenderingContext2D} ctx @param {Axes} ax */
export function clip(ctx, ax) {
  const r = ax.rect;
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.w, r.h);
  ctx.clip();
}

const FAR = 1e6;  // pixels: canvases draw nothing sensible beyond this
/** @param {number} v */
const clamp = (v) => (v > FAR ? FAR : v < -FAR ? -FAR : v);

/**
 * A polyline, broken at non-finite values, clipped to the axes; o.from/o.to limit the index range.
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax
 * @param {ArrayLike<number>} xs @param {ArrayLike<number>} ys @param {LineStyle} o
 */
export function line(ctx, ax, xs, ys, o) {
  const from = o.from || 0, to = o.to === undefined ? xs.length : o.to;
  ctx.save();
  clip(ctx, ax);
  ctx.strokeStyle = o.color;
  ctx.lineWidth = o.width;
  ctx.lineJoin = "round";
  ctx.lineCap = o.dash ? "butt" : "round";
  if (o.alpha !== undefined) ctx.globalAlpha = o.alpha;
  if (o.dash) ctx.setLineDash(o.dash);
  ctx.beginPath();
  let pen = false;
  for (let i = from; i < to; i++) {
    const X = ax.px(xs[i]), Y = ax.py(ys[i]);
    if (!isFinite(X) || !isFinite(Y)) { pen = false; continue; }
    if (pen) ctx.lineTo(clamp(X), clamp(Y)); else ctx.moveTo(clamp(X), clamp(Y));
    pen = true;
  }
  ctx.stroke();
  ctx.restore();
}

/** @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} y @param {LineStyle} o */
export function hline(ctx, ax, y, o) {
  const p = ax.py(y), r = ax.rect;
  if (!(p >= r.y && p <= r.y + r.h)) return;
  ctx.save();
  ctx.strokeStyle = o.color; ctx.lineWidth = o.width;
  if (o.alpha !== undefined) ctx.globalAlpha = o.alpha;
  if (o.dash) ctx.setLineDash(o.dash);
  ctx.beginPath(); ctx.moveTo(r.x, p); ctx.lineTo(r.x + r.w, p); ctx.stroke();
  ctx.restore();
}

/**
 * A vertical line at data x (at pixel x with o.pixels).
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} x @param {LineStyle} o
 */
export function vline(ctx, ax, x, o) {
  const p = typeof x === "number" && o.pixels ? x : ax.px(x), r = ax.rect;
  ctx.save();
  ctx.strokeStyle = o.color; ctx.lineWidth = o.width;
  if (o.alpha !== undefined) ctx.globalAlpha = o.alpha;
  if (o.dash) ctx.setLineDash(o.dash);
  ctx.beginPath(); ctx.moveTo(p, r.y); ctx.lineTo(p, r.y + r.h); ctx.stroke();
  ctx.restore();
}

/**
 * A band between data x0 and x1, the axes' height.
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} x0 @param {number} x1
 * @param {string} color
 */
export function vspan(ctx, ax, x0, x1, color) {
  const r = ax.rect;
  const a = Math.max(r.x, Math.min(ax.px(x0), ax.px(x1)));
  const b = Math.min(r.x + r.w, Math.max(ax.px(x0), ax.px(x1)));
  if (b <= a) return;
  ctx.fillStyle = color;
  ctx.fillRect(a, r.y, b - a, r.h);
}

/**
 * A dot in pixels, with an optional edge.
 * @param {CanvasRenderingContext2D} ctx @param {number} x @param {number} y @param {number} radius
 * @param {string} fill @param {string} [edge] @param {number} [edgeWidth]
 */
export function marker(ctx, x, y, radius, fill, edge, edgeWidth) {
  if (!isFinite(x) || !isFinite(y)) return;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  if (edge) { ctx.strokeStyle = edge; ctx.lineWidth = edgeWidth; ctx.stroke(); }
}

/**
 * Give a figure's canvases W x H CSS pixels backed by W*dpr x H*dpr device pixels (sharp on high-DPI
 * screens), and its holder element that height; returns the device pixel ratio drawing must scale by.
 * @param {HTMLCanvasElement[]} canvases @param {HTMLElement} holder @param {number} W @param {number} H
 */
export function sizeCanvases(canvases, holder, W, H) {
  const dpr = window.devicePixelRatio || 1;
  for (const c of canvases) {
    c.width = Math.round(W * dpr); c.height = Math.round(H * dpr);
    c.style.width = W + "px"; c.style.height = H + "px";
  }
  holder.style.height = H + "px";
  return dpr;
}
