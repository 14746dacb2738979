/* sweep_figure.js: the sweep player's layout and drawing. The pages' grid rule (grid.js: render.draw.grid
 * page_grid, its numbers in the page's data) scales the design so its smallest text is at least minTextPx
 * CSS px and counts the panels across the wide layout (sweep.py page_panels) that fit at the figure's width:
 * - all of them (a wide page): the video's wide layout, matplotlib's GridSpec cells from SeededLayout or
 *   MapLayout and SweepHeader, figure fractions of a design as tall as the video's;
 * - fewer (a blog column): two columns, else (a phone) one, laid out in inches as the video's narrower frames
 *   are (render.draw.sweep_figure Narrow, sweep_seeded/sweep_map _places): the title wrapped with the
 *   caption under it, the legend wrapped at the bottom, titles wrapped to their panels; the figure grows
 *   as tall as its panels need.
 * Then the static layer and each frame, panel by panel (sweep_panels.js; the maps: sweep_map.js), and the
 * overlay (title, caption, legend; its activations and target toggle).
 */

import { el, fill } from "./dom.js";
import { fitPageGrid } from "./grid.js";
import { blend, css, forgetText, report, rgb, sizeCanvases, smallestText } from "./plot.js";
import {
  curvesDraw, curvesStatic, heading, histDraw, histStatic, modesDraw, modesStatic, rateDraw, rateStatic,
} from "./sweep_panels.js";
import { actColor, big, measure, pitch, titleLines, wrap } from "./sweep_style.js";

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
/** A panel of a narrower layout's row, in inches: its left, width and (when not the row's) height.
 * @typedef {Omit<SweepPanel, "rect"> & {x: number, w: number, h?: number}} Cell */
/** @typedef {(sp: SweepPlayer, ctx: CanvasRenderingContext2D, p: SweepPanel, i: number) => void} PanelDraw */

/** A stacked panel's height, a fraction of its width (the runs figure's stacked panels are as tall). */
const STACKED = 0.6;

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
  const d = sp.d, L = sp.L;
  fitPageGrid(sp, L);
  const W = sp.W;
  /** @type {SweepPanel[]} */
  sp.panels = [];
  forgetText(sp.canvas); forgetText(sp.bg);
  if (sp.wide) {
    const H = L.designWidth * d.aspect * sp.s;  // at 8 inches the video's frame
    sp.Hpx = H;
    buildOverlay(sp, H);
    if (d.type === "map") layoutMap(sp, W, H, sp.s); else layoutSeeded(sp, W, H);
  } else {
    const o = buildOverlay(sp, 0);
    sp.Hpx = layoutNarrow(sp, sp.cells.cols, o.head, o.legend);
  }
  sp.dpr = sizeCanvases([sp.canvas, sp.bg], sp.figure, W, sp.Hpx);
  drawStatic(sp);
  drawFrame(sp);
}

/**
 * A wide layout's side margins as figure fractions: the video's in inches, so a design narrower than the
 * video's keeps room for its tick labels (at the video's width, its fractions).
 * @param {SweepPlayer} sp @param {number} left @param {number} right  the video's fractions
 */
function sides(sp, left, right) {
  const k = (sp.L.designWidth * sp.s) / sp.W;
  return { left: left * k, right: 1 - (1 - right) * k };
}

/** @param {SweepPlayer} sp @param {number} W @param {number} H */
function layoutSeeded(sp, W, H) {
  const g = sp.L.grid;
  const cell = gridspec(W, H, 2, 3,
    { ...sides(sp, g.left, g.right), top: g.top, bottom: g.bottom, hspace: g.hspace, wspace: g.wspace });
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
  const g = sp.L.grid, top = g.top, bottom = g.bottom, gap = g.gap * s, x = sides(sp, g.left, g.right);
  const left = x.left * W, room = (x.right - x.left) * W - g.right_column * s - sp.A * gap;
  const side = Math.min((top - bottom) * H, room / sp.A), y = (1 - top) * H + ((top - bottom) * H - side) / 2;
  sp.narrowMaps = side < (top - bottom) * H;
  for (let a = 0; a < sp.A; a++) {
    sp.panels.push({ kind: "map", a, rect: { x: left + a * (side + gap), y, w: side, h: side } });
  }
  const right0 = (left + sp.A * side + (sp.A - 1) * gap + g.gap * s) / W;
  const cell = gridspec(W, H, 3, 1,
    { left: right0, right: x.right, top, bottom: bottom + g.lift, hspace: g.hspace, wspace: 0 });
  sp.panels.push({ kind: "curves", rect: cell(0, 0), group: 0 },
    { kind: "curves", rect: cell(1, 0), group: 1, explorer: true },
    { kind: "rate", rect: cell(2, 0), band: false });
}

/**
 * Two columns or one, in inches (Narrow): the rows top down under the header (`head` px tall), each under
 * its titles' lines, `hgap` between rows, the tick labels' band and the legend (`legend` px) at the bottom;
 * returns the figure's height in px.
 * @param {SweepPlayer} sp @param {number} cols @param {number} head @param {number} legend
 */
function layoutNarrow(sp, cols, head, legend) {
  const L = sp.L, N = L.narrow, s = sp.s;
  const width = sp.W / s - N.left - N.right, cw = (width - (cols - 1) * N.wgap) / cols;
  const rows = sp.d.type === "map" ? mapRows(sp, cols, width, cw) : seededRows(sp, cols, width, cw);
  const line = pitch(sp, L.font) / s;
  let y = head / s;
  rows.forEach((row, k) => {
    const lines = Math.max(1, ...row.cells.map((c) => titleLines(sp, { x: 0, y: 0, w: c.w * s, h: 0 },
      heading(sp, { ...c, rect: null }, true)).length));
    y += (k ? N.hgap : N.titles) + (lines - 1) * line;
    for (const { x, w, h, ...p } of row.cells) {
      sp.panels.push({ ...p, rect: { x: x * s, y: y * s, w: w * s, h: (h === undefined ? row.h : h) * s } });
    }
    y += row.h;
  });
  return (y + N.ticks + N.edge) * s + legend;
}

/**
 * A seeded figure's rows (render.draw.sweep_seeded _places): in two columns the histogram across both,
 * the fitted share beside the modes (their y labels in the gap), the named runs; in one column each under
 * the other, the modes moved right for their y labels.
 * @param {SweepPlayer} sp @param {number} cols @param {number} width @param {number} cw
 * @returns {{cells: Cell[], h: number}[]}
 */
function seededRows(sp, cols, width, cw) {
  const N = sp.L.narrow, x0 = N.left, h = STACKED * cw;
  /** @type {Cell[]} */
  const curves = [0, 1].map((k) => ({ kind: "curves", group: k, x: x0 + (cols > 1 ? k * (cw + N.wgap) : 0),
    w: cw }));
  if (cols > 1) {
    return [{ cells: [{ kind: "hist", x: x0, w: width }], h },
      { cells: [{ kind: "rate", band: true, x: x0, w: cw }, { kind: "modes", x: x0 + cw + N.wgap, w: cw }],
        h },
      { cells: curves, h }];
  }
  const inset = N.wgap - N.left;
  return [{ cells: [{ kind: "hist", x: x0, w: cw }], h },
    { cells: [{ kind: "modes", x: x0 + inset, w: cw - inset }], h: h * 0.75 },
    { cells: [{ kind: "rate", band: true, x: x0, w: cw }], h },
    { cells: [curves[0]], h }, { cells: [curves[1]], h }];
}

/**
 * A map figure's rows (render.draw.sweep_map _places): in two columns the maps, the fitted share and the
 * named runs fill the cells in that order, a row with a map as tall as it (square); in one column the
 * maps side by side across the top where each is still minPanel wide (else one a row: a page may grow
 * taller, a video's frame may not), then the named runs and the fitted share. A map's title is its
 * activation alone where the whole title would not fit over it.
 * @param {SweepPlayer} sp @param {number} cols @param {number} width @param {number} cw
 * @returns {{cells: Cell[], h: number}[]}
 */
function mapRows(sp, cols, width, cw) {
  const N = sp.L.narrow, x0 = N.left, A = sp.A;
  /** @type {Cell[]} */
  const rest = [{ kind: "rate", band: false, x: 0, w: cw }, { kind: "curves", group: 0, x: 0, w: cw },
    { kind: "curves", group: 1, explorer: true, x: 0, w: cw }];
  const across = cols === 1 && (width - (A - 1) * N.wgap) / A >= sp.L.minPanel ? A : 1;
  const side = cols > 1 ? cw : (width - (across - 1) * N.wgap) / across;
  const long = Math.max(...sp.d.activations.map((act) => measure(fill(sp.d.strings.map, { act }), big(sp))));
  sp.narrowMaps = long > side * sp.s;
  /** @type {Cell[]} */
  const maps = Array.from({ length: A },
    (_, a) => ({ kind: "map", a, x: x0 + (a % across) * (side + N.wgap), w: side }));
  if (cols === 1) {
    const mapRows = Array.from({ length: A / across }, (_, k) => ({
      cells: maps.slice(k * across, (k + 1) * across), h: side }));
    const others = [rest[1], rest[2], rest[0]].map((c) => ({ cells: [{ ...c, x: x0 }], h: STACKED * cw }));
    return [...mapRows, ...others];
  }
  const cells = [...maps, ...rest], rows = [];
  for (let k = 0; k < cells.length; k += cols) {
    const row = cells.slice(k, k + cols).map((c, j) => ({ ...c, x: x0 + j * (cw + N.wgap) }));
    rows.push({ cells: row, h: row.some((c) => c.kind === "map") ? cw : STACKED * cw });
  }
  return rows;
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
  forgetText(sp.bg);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = th.background;
  ctx.fillRect(0, 0, sp.bg.width, sp.bg.height);  // every pixel, the last row's too when H is fractional
  ctx.setTransform(sp.dpr, 0, 0, sp.dpr, 0, 0);
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

/**
 * The smallest text in CSS px the figure shows: on its canvases (since they were last laid out) and in
 * its overlay (title, caption, legend). @param {SweepPlayer} sp
 */
export function minTextPx(sp) {
  let least = Math.min(smallestText(sp.bg), smallestText(sp.canvas));
  for (const e of sp.overlay.querySelectorAll("*")) {
    const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
  }
  return least;
}

// -- overlay -------------------------------------------------------------------------------------------

/**
 * The overlay: the title and caption (a wide layout's on one line at SweepHeader's place; else on one line
 * where they fit, or the title wrapped to the width and the caption under it) and the legend at the bottom,
 * wrapped to the width; entries for an activation or the target are buttons that toggle them. Returns the
 * header's bottom and the legend's height, px.
 * @param {SweepPlayer} sp @param {number} H  a wide layout's height
 */
function buildOverlay(sp, H) {
  const o = sp.overlay, d = sp.d, pt = sp.pt, L = sp.L, head = L.header, N = L.narrow, s = sp.s;
  o.textContent = "";
  o.style.fontSize = `${L.font * pt}px`;
  const title = el("div", "op-run-label", o);
  if (d.lang === "zh") title.style.fontWeight = "normal";
  sp.caption = el("div", "op-caption", o);
  let bottom = 0;
  if (sp.wide) {
    const x = sides(sp, head.x, 1).left * sp.W;
    title.textContent = d.title;
    title.style.left = `${x}px`; title.style.top = `${(1 - head.y) * H}px`;
    sp.caption.style.right = `${x}px`; sp.caption.style.top = `${(1 - head.y) * H}px`;
  } else {
    const room = sp.W - 2 * N.edge * s, step = pitch(sp, L.font);
    const widest = fill(d.strings.sweep_caption, { step: d.total, total: d.total });
    const oneLine = measure(d.title, big(sp, true)) + 2 * L.font * pt + measure(widest, big(sp)) <= room;
    const lines = oneLine ? [d.title] : wrap(d.title, room, big(sp, true));
    title.textContent = lines.join("\n");
    title.style.lineHeight = `${step}px`;
    title.style.left = `${N.edge * s}px`; title.style.top = `${N.top * s - (step - L.font * pt) / 2}px`;
    const top = N.top * s + (oneLine ? 0 : lines.length * step + 0.04 * s);
    sp.caption.style.right = `${N.edge * s}px`; sp.caption.style.top = `${top}px`;
    bottom = top + (oneLine ? step : L.font * pt);
  }
  const box = legend(sp);
  box.style.bottom = `${(sp.wide ? head.legend * H : N.edge * s)}px`;
  box.style.maxWidth = `${sp.W - 2 * N.edge * s}px`;
  return { head: bottom, legend: box.offsetHeight };
}

/** The legend's entries: a seeded sweep's activations and target (toggles), the fitting modes, a map's
 * pale shade. @param {SweepPlayer} sp @returns {LegendItem[]} */
function legendItems(sp) {
  const d = sp.d;
  /** @type {LegendItem[]} */
  const items = [];
  if (d.type !== "map") {
    d.activations.forEach((a, k) => items.push({ key: a, label: a, color: actColor(sp, k), kind: "line" }));
    items.push(d.points ? { key: "target", label: d.strings.points, color: sp.th.target, kind: "dot" }
      : { key: "target", label: d.targetLabel, color: sp.th.target, kind: "dash" });
  }
  d.modes.forEach((m, k) => items.push({ label: m, color: d.modeColors[k], kind: "patch" }));
  if (d.type === "map") {
    const pale = css(blend(rgb(sp.th.muted), rgb(sp.th.background), 0.68));
    items.push({ label: d.strings.pale, color: pale, kind: "patch" });
  }
  return items;
}

/** The legend box, centred, its entries wrapping into rows. @param {SweepPlayer} sp */
function legend(sp) {
  const L = sp.L, pt = sp.pt, SMALL = L.small;
  const box = el("div", "op-legend op-legend-row", sp.overlay);
  Object.assign(box.style, { left: "50%", top: "auto", fontSize: `${SMALL * pt}px`, display: "flex",
    flexWrap: "wrap", justifyContent: "center", width: "max-content" });
  for (const it of legendItems(sp)) {
    const e = el(it.key ? "button" : "span", "op-entry", box);
    if (it.key) {
      const b = /** @type {HTMLButtonElement} */ (e), key = it.key;
      b.type = "button";
      b.dataset.key = key;
      b.setAttribute("aria-pressed", sp.hidden.has(key) ? "false" : "true");
      if (sp.hidden.has(key)) b.classList.add("op-off");
      b.addEventListener("click", (ev) => { ev.stopPropagation(); sp.toggle(key); });
    }
    const sw = el("span", "op-swatch op-swatch-" + it.kind, e);
    sw.style.width = `${1.4 * SMALL * pt}px`;
    if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
    if (it.kind === "dot") {  // the data points' marker (layout.js's swatch)
      const d = `${2.2 * L.line * pt}px`;
      Object.assign(sw.style, { width: d, height: d, border: "0", borderRadius: "50%",
        backgroundColor: it.color, margin: `0 ${0.8 * SMALL * pt}px` });
    } else if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, L.line * pt)}px`;
    el("span", "op-entry-label", e, it.label);
  }
  return box;
}
