/* sweep_figure.js: the sweep player's layout (matplotlib's GridSpec cells, from the numbers of
 * render.draw.sweep_seeded.SeededLayout or sweep_map.MapLayout and sweep_figure.SweepHeader, which the
 * page's data carries) and drawing: the static layer and each frame, panel by panel (sweep_panels.js; the
 * maps: sweep_map.js), and the overlay (title, caption, legend).
 */

import { el, fill } from "./dom.js";
import { blend, css, report, rgb, sizeCanvases } from "./plot.js";
import { actColor } from "./sweep_style.js";
import {
  curvesDraw, curvesStatic, histDraw, histStatic, modesDraw, modesStatic, rateDraw, rateStatic,
} from "./sweep_panels.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./plot.js").Rect} Rect */
/** @typedef {import("./plot.js").Axes} Axes */
/** @typedef {import("./layout.js").LegendItem} LegendItem */
/**
 * A laid-out panel: its kind and rect (its axes once drawn); a rate panel's confidence band, a curves
 * panel's group of named runs (the explorer's: the clicked cell), a map's activation.
 * @typedef {{kind: string, rect: Rect, ax?: Axes, band?: boolean, group?: number, explorer?: boolean,
 *   a?: number}} SweepPanel
 */
/** @typedef {(sp: SweepPlayer, ctx: CanvasRenderingContext2D, p: SweepPanel, i: number) => void} PanelDraw */

/**
 * matplotlib's GridSpec cells in CSS px: o = {left, right, top, bottom, hspace, wspace} as figure fractions
 * (bottom-up, as matplotlib); returns cell(r, c, rowspan, colspan).
 * @param {number} W @param {number} H @param {number} rows @param {number} cols
 * @param {{left: number, right: number, top: number, bottom: number, hspace: number, wspace: number}} o
 * @returns {(r: number, c: number, rs?: number, cs?: number) => Rect}
 */
export function gridspec(W, H, rows, cols, o) {
  const cw = ((o.right - o.left) * W) / (cols + o.wspace * (cols - 1));
  const ch = ((o.top - o.bottom) * H) / (rows + o.hspace * (rows - 1));
  return (r, c, rs = 1, cs = 1) => ({
    x: o.left * W + c * cw * (1 + o.wspace), y: (1 - o.top) * H + r * ch * (1 + o.hspace),
    w: cs * cw + (cs - 1) * cw * o.wspace, h: rs * ch + (rs - 1) * ch * o.hspace,
  });
}

// -- layout --------------------------------------------------------------------------------------------

/** Lay the figure out for the root's width, then draw it. @param {SweepPlayer} sp */
export function layout(sp) {
  const d = sp.d;
  const W = Math.max(360, sp.figure.clientWidth || 800);
  sp.width = sp.figure.clientWidth;
  const H = W * d.aspect, s = W / sp.L.designWidth;
  sp.W = W; sp.Hpx = H; sp.s = s; sp.pt = s / 72;
  /** @type {SweepPanel[]} */
  sp.panels = [];
  if (d.type === "map") layoutMap(sp, W, H, s); else layoutSeeded(sp, W, H);
  sp.dpr = sizeCanvases([sp.canvas, sp.bg], sp.figure, W, H);
  drawStatic(sp);
  buildOverlay(sp);
  drawFrame(sp);
}

/** @param {SweepPlayer} sp @param {number} W @param {number} H */
function layoutSeeded(sp, W, H) {
  const g = sp.L.grid;
  const cell = gridspec(W, H, 2, 3,
    { left: g.left, right: g.right, top: g.top, bottom: g.bottom, hspace: g.hspace, wspace: g.wspace });
  sp.panels.push({ kind: "hist", rect: cell(0, 0, 1, 2) }, { kind: "modes", rect: cell(0, 2) },
    { kind: "rate", rect: cell(1, 0), band: true });
  for (let k = 0; k < 2; k++) sp.panels.push({ kind: "curves", rect: cell(1, 1 + k), group: k });
}

/**
 * As render/draw/sweep_map.py: square maps as tall as the plot area, narrower when several would leave
 * the curves' column less than `right_column` inches (then centred in the height, short titles).
 * @param {SweepPlayer} sp @param {number} W @param {number} H @param {number} s
 */
function layoutMap(sp, W, H, s) {
  const g = sp.L.grid, top = g.top, bottom = g.bottom, left = g.left * W, gap = g.gap * s;
  const room = (g.right - g.left) * W - g.right_column * s - sp.A * gap;
  const side = Math.min((top - bottom) * H, room / sp.A), y = (1 - top) * H + ((top - bottom) * H - side) / 2;
  sp.narrowMaps = side < (top - bottom) * H;
  for (let a = 0; a < sp.A; a++) {
    sp.panels.push({ kind: "map", a, rect: { x: left + a * (side + gap), y, w: side, h: side } });
  }
  const right0 = (left + sp.A * side + (sp.A - 1) * gap + g.gap * s) / W;
  const cell = gridspec(W, H, 3, 1,
    { left: right0, right: g.right, top, bottom: bottom + g.lift, hspace: g.hspace, wspace: 0 });
  sp.panels.push({ kind: "curves", rect: cell(0, 0), group: 0 },
    { kind: "curves", rect: cell(1, 0), group: 1, explorer: true },
    { kind: "rate", rect: cell(2, 0), band: false });
}

// -- drawing -------------------------------------------------------------------------------------------

/**
 * Each panel kind's static part and frame.
 * @param {SweepPlayer} sp @returns {Record<string, [PanelDraw, PanelDraw]>}
 */
const painters = (sp) => ({
  hist: [histStatic, histDraw], modes: [modesStatic, modesDraw], rate: [rateStatic, rateDraw],
  curves: [curvesStatic, curvesDraw],
  ...(sp.mapPart ? { map: [sp.mapPart.mapStatic, sp.mapPart.mapDraw] } : {}),
});

/** The static layer: background and every panel's axes and fixed lines. @param {SweepPlayer} sp */
export function drawStatic(sp) {
  const ctx = sp.bg.getContext("2d"), th = sp.th, paint = painters(sp);
  ctx.setTransform(sp.dpr, 0, 0, sp.dpr, 0, 0);
  ctx.fillStyle = th.background;
  ctx.fillRect(0, 0, sp.W, sp.Hpx);
  for (const p of sp.panels) if (p.kind in paint) paint[p.kind][0](sp, ctx, p, sp.index);
}

/** The current snapshot over the static layer, and the caption. @param {SweepPlayer} sp */
export function drawFrame(sp) {
  if (!sp.panels) return;
  const ctx = sp.canvas.getContext("2d"), i = sp.index, paint = painters(sp);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(sp.bg, 0, 0);
  ctx.setTransform(sp.dpr, 0, 0, sp.dpr, 0, 0);
  for (const p of sp.panels) if (p.kind in paint) paint[p.kind][1](sp, ctx, p, i);
  sp.caption.textContent = fill(sp.d.strings.sweep_caption, { step: sp.steps[i], total: sp.d.total });
  if (sp.hover) sp.mapPart.showCell(sp);
  if (sp.firstFrame === undefined) sp.firstFrame = performance.now();
}

/** What each panel's axes drew, in drawing order (tests). @param {SweepPlayer} sp */
export function axesReport(sp) {
  return sp.panels.filter((p) => p.ax)
    .map((p) => report(p.kind + (p.a !== undefined ? ` ${p.a}` : ""), p.ax));
}

/** The overlay: the title, the caption and one legend row under the figure. @param {SweepPlayer} sp */
function buildOverlay(sp) {
  const o = sp.overlay, d = sp.d, pt = sp.pt, L = sp.L, SMALL = L.small, head = L.header;
  o.textContent = "";
  o.style.fontSize = `${L.font * pt}px`;
  const title = el("div", "op-run-label", o, d.title);
  title.style.left = `${head.x * sp.W}px`; title.style.top = `${(1 - head.y) * sp.Hpx}px`;
  if (d.lang === "zh") title.style.fontWeight = "normal";
  sp.caption = el("div", "op-caption", o);
  sp.caption.style.right = `${head.x * sp.W}px`; sp.caption.style.top = `${(1 - head.y) * sp.Hpx}px`;
  /** @type {LegendItem[]} */
  const items = [];
  if (d.type !== "map") {
    d.activations.forEach((a, k) => items.push({ label: a, color: actColor(sp, k), kind: "line" }));
    items.push({ label: d.targetLabel, color: sp.th.target, kind: "dash" });
  }
  d.modes.forEach((m, k) => items.push({ label: m, color: d.modeColors[k], kind: "patch" }));
  if (d.type === "map") {
    const pale = css(blend(rgb(sp.th.muted), rgb(sp.th.background), 0.68));
    items.push({ label: d.strings.pale, color: pale, kind: "patch" });
  }
  const box = el("div", "op-legend op-legend-row", o);
  box.style.left = "50%"; box.style.bottom = `${head.legend * sp.Hpx}px`; box.style.top = "auto";
  box.style.fontSize = `${SMALL * pt}px`;
  box.style.gridTemplateRows = "auto";
  for (const it of items) {
    const e = el("span", "op-entry", box);
    const sw = el("span", "op-swatch op-swatch-" + it.kind, e);
    sw.style.width = `${1.4 * SMALL * pt}px`;
    if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
    if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, L.line * pt)}px`;
    el("span", "op-entry-label", e, it.label);
  }
}
