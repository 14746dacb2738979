/* ticks.js: where an axis' ticks go and what their labels say, as matplotlib decides them for the video's
 * figure (matplotlib 3.11's ticker: MaxNLocator and AutoLocator, LogLocator, SymmetricalLogLocator,
 * ScalarFormatter; Axis' tick space, its view filter and its minor ticks off the major ones), ported with
 * Python's float arithmetic (floor division, powers of ten, round half to even) so the numbers are the
 * same, not merely close: tests/test_page_axes.py compares every drawn axes with matplotlib's.
 */

import { fmtG } from "./plot.js";

/** @typedef {import("./plot.js").Axes} Axes */
/** What an axis draws: its ticks in view, their labels, its minor ticks.
 * @typedef {{ticks: number[], labels: string[], minor: number[]}} AxisTicks */

/** MaxNLocator's default steps, and AutoLocator's. */
export const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
export const AUTO_STEPS = [1, 2, 2.5, 5, 10];
const MINUS = "\u2212";

/** Python's 10.0 ** e for an integer e (correctly rounded, which Math.pow is not: 10 ** -4).
 * @param {number} e */
export const pow10 = (e) => Number(`1e${e}`);

/** Python's (and numpy's) float divmod: [a // b, a % b]. @param {number} a @param {number} b */
function divmod(a, b) {
  let mod = a % b, div = (a - mod) / b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) { mod += b; div -= 1; }
  }
  let floor = div ? Math.floor(div) : 0;
  if (div && div - floor > 0.5) floor += 1;
  return [floor, mod];
}

/** numpy's rint: round half to even. @param {number} v */
function rint(v) {
  const f = Math.floor(v), d = v - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

/**
 * How many tick labels fit along an axis (matplotlib's Axis.get_tick_space): labels are taken as 3 times
 * as wide as their font size on x, twice as tall on y.
 * @param {number} lengthPx @param {number} labelPx @param {"x" | "y"} which
 */
export function tickSpace(lengthPx, labelPx, which) {
  return Math.floor(lengthPx / (labelPx * (which === "x" ? 3 : 2)));
}

/**
 * Every tick MaxNLocator gives for the view lo .. hi (in view or not: the axis keeps those in view).
 * @param {number} lo @param {number} hi @param {number} nbins @param {number[]} [steps]
 * @returns {number[]}
 */
export function maxNLocator(lo, hi, nbins, steps = STEPS) {
  let vmin = Math.min(lo, hi), vmax = Math.max(lo, hi);
  const big = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (vmax - vmin <= big * 1e-14) {  // transforms.nonsingular
    if (big === 0) {
      vmin = -1e-13; vmax = 1e-13;
    } else {
      vmin -= 1e-13 * Math.abs(vmin); vmax += 1e-13 * Math.abs(vmax);
    }
  }
  // ticker.scale_range
  const dv = vmax - vmin, meanv = (vmax + vmin) / 2;
  const offset = Math.abs(meanv) / dv < 100 ? 0
    : Math.sign(meanv) * pow10(divmod(Math.log10(Math.abs(meanv)), 1)[0]);
  const scale = pow10(divmod(Math.log10(dv / nbins), 1)[0]);
  const v0 = vmin - offset, v1 = vmax - offset;
  const extended = [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]].map((s) => s * scale);
  const raw = (v1 - v0) / nbins;
  let istep = extended.findIndex((s) => s >= raw);
  if (istep < 0) istep = extended.length - 1;
  // ticker._Edge_integer: more slop when the offset is large compared to the step
  /** @param {number} step */
  const tolerance = (step) => (offset
    ? Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12))) : 1e-10);
  /** @type {number[]} */
  let ticks = [];
  for (let k = istep; k >= 0; k--) {
    const step = extended[k], best = divmod(v0, step)[0] * step, tol = tolerance(step);
    const [dl, ml] = divmod(v0 - best, step), [dh, mh] = divmod(v1 - best, step);
    const low = Math.abs(ml / step - 1) < tol ? dl + 1 : dl;
    const high = Math.abs(mh / step) < tol ? dh : dh + 1;
    ticks = [];
    for (let i = low; i <= high; i++) ticks.push(i * step + best);
    if (ticks.filter((t) => t <= v1 && t >= v0).length >= 2) break;
  }
  return ticks.map((t) => t + offset);
}

/**
 * Every tick LogLocator (base 10) gives for the view lo .. hi (both > 0): `subs` the multiples of each
 * decade (e.g. [1], [1, 2, 5]) or "auto" (a minor locator: 2 .. 9 when the view spans under ten decades);
 * `request` how many it may place (matplotlib: the axis' tick space, within 2 .. 9).
 * @param {number} lo @param {number} hi @param {number[] | "auto"} subs @param {number} request
 * @returns {number[]}
 */
export function logLocator(lo, hi, subs, request) {
  let nRequest = Math.min(9, Math.max(2, request));
  const vmin = Math.min(lo, hi), vmax = Math.max(lo, hi);
  const efmin = Math.log10(vmin), efmax = Math.log10(vmax);
  const emin = Math.ceil(efmin), emax = Math.floor(efmax), nAvail = emax - emin + 1;
  if (subs === "auto") {
    if (nAvail >= 10) return [];
    subs = [2, 3, 4, 5, 6, 7, 8, 9];
  }
  let stride = Math.floor(nAvail / (nRequest + 1)) + 1;
  const nr = Math.ceil(nAvail / stride);
  if (nr <= nRequest) nRequest = nr;
  /** @type {number[]} */
  let decades;
  if (nRequest === 0) {
    decades = [emin - 1, emax + 1];
    stride = decades[1] - decades[0];
  } else if (nRequest === 1) {
    const mid = rint((efmin + efmax) / 2);
    stride = Math.max(mid - (emin - 1), (emax + 1) - mid);
    decades = [mid - stride, mid, mid + stride];
  } else {
    stride = Math.floor((nAvail - 1) / (nRequest - 1));
    if (stride < nAvail / nRequest) stride = Math.floor(nAvail / nRequest);
    const olo = Math.max(nAvail - stride * nRequest, 0);
    const ohi = Math.min(nAvail - stride * (nRequest - 1), stride);
    let offset = ((-emin % stride) + stride) % stride;
    if (!(olo <= offset && offset < ohi)) offset = olo;
    decades = [];
    for (let e = emin + offset - stride; e < emax + stride + 1; e += stride) decades.push(e);
  }
  const minor = subs.length > 1 || subs[0] !== 1;
  /** @type {number[]} */
  let ticks = [];
  if (!minor) ticks = decades.map(pow10);
  else if (stride === 1 || nAvail <= 1) {
    for (let e = emin - 1; e < emax + 1; e++) for (const s of subs) ticks.push(s * pow10(e));
  }
  if (subs.length > 1 && stride === 1
      && decades.length - 2 + ticks.filter((t) => vmin <= t && t <= vmax).length <= 1) {
    return maxNLocator(vmin, vmax, 9, AUTO_STEPS);  // too few: AutoLocator's, as matplotlib falls back
  }
  return ticks;
}

/**
 * Every tick SymmetricalLogLocator (base 10, subs [1], 15 ticks) gives for the view lo .. hi: 0 and the
 * decades past the linear threshold.
 * @param {number} lo @param {number} hi @param {number} linthresh @returns {number[]}
 */
export function symlogLocator(lo, hi, linthresh) {
  const vmin = Math.min(lo, hi), vmax = Math.max(lo, hi), numticks = 15;
  if (-linthresh <= vmin && vmax <= linthresh) return [...new Set([vmin, 0, vmax])].sort((a, b) => a - b);
  const hasA = vmin < -linthresh, hasC = vmax > linthresh;
  const hasB = (hasA && vmax > -linthresh) || (hasC && vmin < linthresh);
  /** @param {number} a @param {number} b */
  const range = (a, b) => [Math.floor(Math.log(a) / Math.log(10)), Math.ceil(Math.log(b) / Math.log(10))];
  const [aLo, aHi] = hasA ? range(Math.abs(Math.min(-linthresh, vmax)), Math.abs(vmin) + 1) : [0, 0];
  const [cLo, cHi] = hasC ? range(Math.max(linthresh, vmin), vmax + 1) : [0, 0];
  const total = (aHi - aLo) + (cHi - cLo) + (hasB ? 1 : 0);
  const stride = Math.max(Math.floor(total / (numticks - 1)), 1);
  /** @type {number[]} */
  const out = [];
  if (hasA) {
    /** @type {number[]} */
    const a = [];
    for (let e = aLo; e < aHi; e += stride) a.push(-pow10(e));
    out.push(...a.reverse());
  }
  if (hasB) out.push(0);
  if (hasC) for (let e = cLo; e < cHi; e += stride) out.push(pow10(e));
  return out;
}

// ---- labels ---------------------------------------------------------------------------------------------

/**
 * ScalarFormatter's labels of every located tick (its decimals come from all of them): shared decimals,
 * "−". Its offset and scientific notation, which the video moves into a separate text by the axis and the
 * page does not draw, are approximated: beyond 1e6 or under 1e-5, three significant digits each.
 * @param {number[]} ticks @param {number[]} lim  the view (used when there are fewer than two ticks)
 */
export function scalarLabels(ticks, lim) {
  if (!ticks.length) return [];
  if (ticks.some((t) => Math.abs(t) >= 1e6 || (t !== 0 && Math.abs(t) < 1e-5))) {
    return ticks.map((t) => fmtG(t, 3).replace("-", MINUS));
  }
  const all = ticks.length < 2 ? [...ticks, ...lim] : ticks;
  let range = Math.max(...all) - Math.min(...all);
  if (range === 0) range = Math.max(...all.map(Math.abs));
  if (range === 0) range = 1;
  const oom = Math.floor(Math.log10(range)), thresh = 1e-3 * pow10(oom);
  let sig = Math.max(0, 3 - oom);
  while (sig >= 0) {
    const f = pow10(sig);
    if (Math.max(...ticks.map((t) => Math.abs(t - rint(t * f) / f))) < thresh) sig--; else break;
  }
  sig += 1;
  return ticks.map((t) => (Math.abs(t) < 1e-8 ? 0 : t).toFixed(sig).replace("-", MINUS));
}

/** f"{v:g}" of each tick (the loss and histogram axes' FuncFormatter). @param {number[]} ticks */
export const gLabels = (ticks) => ticks.map((v) => fmtG(v, 6));

/** Labels of a sample-count axis (render.draw.base.samples_label): "500", "1k", "1.5k".
 * @param {number[]} ticks */
export const sampleLabels = (ticks) => ticks.map((v) => (Math.abs(v) >= 1000 ? `${fmtG(v / 1000, 6)}k`
  : fmtG(v, 6)));

/** PercentFormatter(1.0, decimals=0): "42%", rounded half to even as Python's format.
 * @param {number[]} ticks */
export const percentLabels = (ticks) => ticks.map((v) => `${rint(v * 100).toFixed(0)}%`.replace("-", MINUS));

// ---- an axis as drawn ---------------------------------------------------------------------------------

/**
 * What one axis of `ax` draws, as matplotlib's Axis: `located` (the locator's ticks) labelled by `format`
 * (which sees them all), those in the view (within 1e-10 of its span, on the axis' scale) kept; the minor
 * ticks in the view and not on a major tick (within 1e-5 of the span).
 * @param {Axes} ax @param {"x" | "y"} which @param {number[]} located
 * @param {(ticks: number[], lim: number[]) => string[]} format @param {number[]} [minor]
 * @returns {AxisTicks}
 */
export function axisTicks(ax, which, located, format, minor = []) {
  const lim = which === "x" ? ax.xlim : ax.ylim, t = which === "x" ? ax.tx : ax.ty;
  const a = Math.min(t(lim[0]), t(lim[1])), b = Math.max(t(lim[0]), t(lim[1]));
  /** @param {number} v @param {number} rtol */
  const inside = (v, rtol) => a - rtol * (b - a) <= t(v) && t(v) <= b + rtol * (b - a);
  const labels = format(located, lim);
  const keep = located.map((v) => inside(v, 1e-10));
  const majors = located.map(t);
  return {
    ticks: located.filter((_, i) => keep[i]), labels: labels.filter((_, i) => keep[i]),
    minor: minor.filter((v) => !majors.some((m) => Math.abs(t(v) - m) <= (b - a) * 1e-5) && inside(v, 1e-10)),
  };
}

/**
 * A linear axis' ticks: MaxNLocator(nbins) (nbins null: AutoLocator's, as many as the axis' length holds
 * labels of `labelPx`) with ScalarFormatter's labels, or `format`'s.
 * @param {Axes} ax @param {"x" | "y"} which @param {number | null} nbins @param {number} labelPx
 * @param {(ticks: number[], lim: number[]) => string[]} [format]
 */
export function linearTicks(ax, which, nbins, labelPx, format = scalarLabels) {
  const lim = which === "x" ? ax.xlim : ax.ylim;
  const length = which === "x" ? ax.rect.w : ax.rect.h;
  const located = nbins === null
    ? maxNLocator(lim[0], lim[1], Math.min(9, Math.max(1, tickSpace(length, labelPx, which))), AUTO_STEPS)
    : maxNLocator(lim[0], lim[1], nbins);
  return axisTicks(ax, which, located, format);
}

/**
 * A log axis' ticks: LogLocator(subs) major ticks labelled f"{v:g}", its "auto" minor ones unlabelled.
 * @param {Axes} ax @param {"x" | "y"} which @param {number[]} subs @param {number} labelPx
 */
export function logTicks(ax, which, subs, labelPx) {
  const lim = which === "x" ? ax.xlim : ax.ylim;
  const request = tickSpace(which === "x" ? ax.rect.w : ax.rect.h, labelPx, which);
  return axisTicks(ax, which, logLocator(lim[0], lim[1], subs, request), gLabels,
    logLocator(lim[0], lim[1], "auto", request));
}

/** A symlog sample axis' ticks (x): 0 and the decades, labelled "1k". @param {Axes} ax */
export function sampleTicks(ax) {
  return axisTicks(ax, "x", symlogLocator(ax.xlim[0], ax.xlim[1], ax.linthresh), sampleLabels);
}
