/* sweep_map.js: a map sweep's map of inits and its explorer: the map bytes, each cell's state, the map
 * panel, and the pointer (hover a cell for its init and outcome, click or tap it to train it here with
 * train.js's interpreter, exactly as the sweep's lockstep trained it). Only a map sweep's page carries it.
 */

import { f64, i32, i8 } from "./data.js";
import { fill } from "./dom.js";
import { evaluate } from "./graph.js";
import { frameStyle } from "./layout.js";
import { Axes, blend, css, fmtG, frame, hline, number, rgb, text, thousands, vline } from "./plot.js";
import { heading, signed } from "./sweep_panels.js";
import { small, title, xlabel } from "./sweep_style.js";
import { linearTicks } from "./ticks.js";
import { Trainer } from "./train.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./sweep.js").CellRef} CellRef */
/** @typedef {import("./sweep_figure.js").PanelDraw} PanelDraw */
/** The map with its arrays decoded: codes and states inflated (uint8), the rest typed arrays.
 * @typedef {Omit<import("./types.js").SweepMap, "state" | "xs" | "ys" | "init" | "finalLoss" | "finalMode">
 *   & {codes: Uint8Array, state: Uint8Array, xs: Float64Array, ys: Float64Array, init: Float64Array,
 *   finalLoss: Float64Array, finalMode: Int8Array, diverged: Int32Array, share: Float64Array}} DecodedMap */

/**
 * zlib bytes (Python zlib.compress) of base64 text, inflated through DecompressionStream.
 * @param {string} b64 @returns {Promise<Uint8Array>}
 */
async function inflate(b64) {
  const stream = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream()
    .pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// ---- map data ----------------------------------------------------------------------------------------

/**
 * Decode the map (its codes and states inflated) and build the colour of every (mode, fitted, code).
 * @param {SweepPlayer} sp
 */
export async function loadMap(sp) {
  const m = sp.d.map;
  sp.map = { ...m, codes: await inflate(m.loss), state: await inflate(m.state), xs: f64(m.xs), ys: f64(m.ys),
    init: f64(m.init), finalLoss: f64(m.finalLoss), finalMode: i8(m.finalMode), diverged: i32(m.divergedAt),
    share: f64(m.fittedShare) };
  const M = m.nx * m.ny;
  if (sp.map.codes.length !== sp.A * sp.S * M) throw new Error("map data has the wrong size");
  // colour of every (mode, fitted, code): SweepFigure._map_panel's rgb()
  const bg = rgb(sp.th.background), thr = sp.d.threshold;
  const [lo, hi] = m.codeRange, L = m.codeLevels;
  const loLog = Math.log(0.03), thrLog = Math.log(thr);
  sp.lut = new Uint8ClampedArray(sp.K * 2 * 256 * 3);
  for (let k = 0; k < sp.K; k++) {
    const base = rgb(sp.d.modeColors[k]);
    for (let f = 0; f < 2; f++) {
      for (let c = 0; c < 256; c++) {
        const l = Math.pow(10, Math.log10(lo) + (c / L) * (Math.log10(hi) - Math.log10(lo)));
        let amount;
        if (c > L) amount = 0.9;
        else if (f) amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
        else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / thr) / Math.LN10));
        const col = blend(base, bg, amount), o = ((k * 2 + f) * 256 + c) * 3;
        sp.lut[o] = col[0]; sp.lut[o + 1] = col[1]; sp.lut[o + 2] = col[2];
      }
    }
  }
  sp.mapImages = [];
  for (let a = 0; a < sp.A; a++) {
    const c = document.createElement("canvas");
    c.width = m.nx; c.height = m.ny;
    sp.mapImages.push(c);
  }
}

/**
 * The loss a map code stands for (log-spaced levels; NaN past them).
 * @param {SweepPlayer} sp @param {number} code
 */
function cellLoss(sp, code) {
  const [lo, hi] = sp.map.codeRange, levels = sp.map.codeLevels;
  return code > levels ? NaN
    : Math.pow(10, Math.log10(lo) + (code / levels) * (Math.log10(hi) - Math.log10(lo)));
}

/**
 * What the page knows about cell (i, j) of activation a's map, at snapshot s (default: the current).
 * @param {SweepPlayer} sp @param {number} i @param {number} j @param {number} [a] @param {number} [s]
 */
export function cellAt(sp, i, j, a = 0, s = sp.index) {
  const m = sp.map, M = m.nx * m.ny, r = j * m.nx + i;
  const init = Array.from(m.init);
  const names = sp.d.graph ? sp.d.graph.params : [];
  init[names.indexOf(m.axes[0])] = m.xs[i];
  init[names.indexOf(m.axes[1])] = m.ys[j];
  const st = m.state[(a * sp.S + s) * M + r];
  return { i, j, a, run: r, init: Object.fromEntries(names.map((n, k) => [n, init[k]])),
    x: m.xs[i], y: m.ys[j], finalLoss: m.finalLoss[a * M + r], finalMode: m.finalMode[a * M + r],
    diverged: m.diverged[a * M + r], mode: st & 7, fitted: (st >> 3) === 1,
    loss: cellLoss(sp, m.codes[(a * sp.S + s) * M + r]) };
}

/**
 * Train cell (i, j) with activation a in the page, at every snapshot of the scene's schedule.
 * @param {SweepPlayer} sp @param {number} i @param {number} j @param {number} [a] @param {boolean} [play]
 */
export function select(sp, i, j, a = 0, play = true) {
  const cell = cellAt(sp, i, j, a);
  const t0 = performance.now();
  // the sweep's rates, one per parameter (Run.lrs when its runs have their own: sweep.py, sweep_rates)
  // and its data: the typed target (--target) or every data point (--data), as the sweep trained
  const m = sp.map;
  const trainer = new Trainer(sp.d.graph, { init: cell.init, lrs: sp.d.lrs, samples: sp.d.samples,
    activation: sp.d.activations[a], data_seed: m.dataSeed, data_range: sp.d.dataRange, steps: sp.steps,
    engine: "interpreter", target: m.target ?? undefined, points: m.trainPoints ?? undefined });
  trainer.advance(sp.S - 1);
  const prog = sp.program(sp.d.activations[a]);
  // the evaluation loss where the sweep measured it: the grid in the data range, or the points shown
  const pts = sp.d.points;
  const xs = pts ? Float64Array.from(pts, (q) => q[0]) : sp.xs;
  const ys = pts ? Float64Array.from(pts, (q) => q[1]) : sp.target;
  const at = pts ? Array.from(pts, (_, k) => k) : sp.inside;
  const evalLoss = new Float64Array(sp.S);
  for (let s = 0; s < sp.S; s++) {
    const out = evaluate(prog, trainer.params, s * sp.P, xs, ys)[prog.index[sp.d.graph.output]];
    let sum = 0;
    for (const g of at) sum += Math.abs(out[g] - ys[g]);
    evalLoss[s] = sum / at.length;
  }
  sp.clicked = { ...cell, params: trainer.params, evalLoss, ms: performance.now() - t0,
    divergedAt: trainer.divergedAt };
  showCell(sp);
  sp.saveState();
  if (play) { sp.controls.pause(); sp.controls.seek(0, true); sp.controls.play(); } else sp.draw();
  return sp.clicked;
}

// ---- the map of inits: mode and loss per cell ----------------------------------------------------------

/** @type {PanelDraw} */
export function mapStatic(sp, ctx, p) {
  const m = sp.map, e = m.extent;
  const ax = p.ax = new Axes(p.rect, { xlim: [e[0], e[1]], ylim: [e[2], e[3]] });
  const labelPx = sp.L.small * sp.pt;
  frame(ctx, ax, frameStyle(sp),
    { x: linearTicks(ax, "x", sp.narrowMaps ? 4 : 5, labelPx), y: linearTicks(ax, "y", 4, labelPx) });
  title(sp, ctx, p.rect, heading(sp, p));
  xlabel(sp, ctx, p.rect, m.axisLabels[0]);
  ctx.save();
  ctx.translate(ax.rect.x - 2.5 * sp.pt - 1.5 * sp.pt - sp.L.small * sp.pt * 2.6, ax.rect.y + ax.rect.h / 2);
  ctx.rotate(-Math.PI / 2);
  text(ctx, m.axisLabels[1], 0, 0,
    { font: small(sp), color: sp.th.foreground, align: "center", baseline: "bottom" });
  ctx.restore();
}

/** @type {PanelDraw} */
export function mapDraw(sp, ctx, p, i) {
  const m = sp.map, ax = p.ax, a = p.a, M = m.nx * m.ny, pt = sp.pt, th = sp.th;
  const img = sp.mapImages[a], ictx = img.getContext("2d"), data = ictx.createImageData(m.nx, m.ny);
  const base = (a * sp.S + i) * M;
  for (let j = 0; j < m.ny; j++) {
    for (let k = 0; k < m.nx; k++) {
      const r = j * m.nx + k, st = m.state[base + r];
      const o = (((st & 7) * 2 + (st >> 3)) * 256 + m.codes[base + r]) * 3;
      const q = ((m.ny - 1 - j) * m.nx + k) * 4;  // origin lower: row 0 at the bottom
      data.data[q] = sp.lut[o]; data.data[q + 1] = sp.lut[o + 1]; data.data[q + 2] = sp.lut[o + 2];
      data.data[q + 3] = 255;
    }
  }
  ictx.putImageData(data, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
  ctx.restore();
  hline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
  vline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
  for (const [label, [mx, my]] of Object.entries(m.marks)) {
    const x = ax.px(mx), y = ax.py(my);
    ctx.beginPath(); ctx.arc(x, y, 2.25 * pt, 0, 2 * Math.PI);
    ctx.strokeStyle = th.foreground; ctx.lineWidth = 1.2 * pt; ctx.stroke();
    text(ctx, label, x + 5 * pt, y + 3 * pt,
      { font: small(sp, true), color: th.foreground, align: "left", baseline: "top" });
  }
  const cw = ax.rect.w / m.nx, ch = ax.rect.h / m.ny;
  /** @param {CellRef | null} c @param {string} color @param {number} width */
  const outline = (c, color, width) => {
    if (!c || c.a !== a) return;
    ctx.strokeStyle = color; ctx.lineWidth = width;
    ctx.strokeRect(ax.rect.x + c.i * cw, ax.rect.y + (m.ny - 1 - c.j) * ch, cw, ch);
  };
  outline(sp.clicked, th.foreground, 1.6 * pt);
  outline(sp.hover, th.foreground, 0.8 * pt);
  const pct = (100 * m.share[a * sp.S + i]).toFixed(1);
  const share = fill(sp.d.strings.grid_fitted.replace("{pct:.1f}", "{pct}"), { pct });
  ctx.font = small(sp, true);
  const w = ctx.measureText(share).width;
  ctx.fillStyle = css(rgb(th.background), 0.8);
  const x = ax.rect.x + 0.02 * ax.rect.w, y = ax.rect.y + 0.02 * ax.rect.h;
  ctx.fillRect(x - 2 * pt, y - 1.5 * pt, w + 4 * pt, sp.L.small * pt * 1.3 + 3 * pt);
  text(ctx, share, x, y, { font: small(sp, true), color: th.foreground, baseline: "top" });
}

// ---- pointer -----------------------------------------------------------------------------------------

/**
 * A mouse or pen hovering a cell shows its line; leaving the figure forgets it. (A click or a tap is the
 * player's: it hands it to tapCell.)
 * @param {SweepPlayer} sp
 */
export function listen(sp) {
  sp.figure.addEventListener("pointermove", (e) => { if (e.pointerType !== "touch") onMove(sp, e); });
  sp.figure.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "touch" || !sp.hover) return;
    sp.hover = null; showCell(sp); sp.draw();
  });
}

/**
 * A click or tap on a map cell trains it and plays its training; returns whether it was on a cell.
 * @param {SweepPlayer} sp @param {MouseEvent} e
 */
export function tapCell(sp, e) {
  const c = cellUnder(sp, e);
  if (!c) return false;
  if (sp.d.graph && sp.map.trains) { sp.select(c.i, c.j, c.a); sp.drawStatic(); sp.draw(); }
  return true;
}

/**
 * The map cell under the pointer, or null.
 * @param {SweepPlayer} sp @param {MouseEvent} e @returns {CellRef | null}
 */
function cellUnder(sp, e) {
  if (!sp.map || !sp.panels) return null;
  const rect = sp.canvas.getBoundingClientRect(), px = e.clientX - rect.left, py = e.clientY - rect.top;
  for (const p of sp.panels) {
    if (p.kind !== "map" || !p.ax || !p.ax.contains(px, py)) continue;
    const m = sp.map, r = p.ax.rect;
    const i = Math.min(m.nx - 1, Math.floor(((px - r.x) / r.w) * m.nx));
    const j = Math.min(m.ny - 1, Math.floor(((r.y + r.h - py) / r.h) * m.ny));
    return { i, j, a: p.a };
  }
  return null;
}

/** @param {SweepPlayer} sp @param {MouseEvent} e */
function onMove(sp, e) {
  const c = cellUnder(sp, e);
  const same = c && sp.hover && c.i === sp.hover.i && c.j === sp.hover.j && c.a === sp.hover.a;
  if (same || (!c && !sp.hover)) return;
  sp.hover = c;
  sp.figure.style.cursor = c ? "pointer" : "";
  showCell(sp);
  sp.draw();
}

/** The explorer's line: the hovered (else the clicked) cell's init and outcome. @param {SweepPlayer} sp */
export function showCell(sp) {
  if (!sp.cellInfo) return;
  const c = sp.hover || sp.clicked;
  if (!c) { sp.cellInfo.textContent = sp.d.ui.no_cell; return; }
  const info = cellAt(sp, c.i, c.j, c.a), d = sp.d, ui = d.ui, L = d.map.axisLabels;
  /** @param {boolean} yes */
  const fitted = (yes) => (yes ? ui.fitted : ui.not_fitted);
  const final = `|y \u2212 ${d.targetName}| ${number(info.finalLoss)}` +
    ` (${fitted(info.finalLoss < d.threshold)})`;
  const now = `\u2248${fmtG(info.loss, 2)} (${fitted(info.fitted)})`;
  const parts = [
    `${L[0]} = ${signed(info.x)}, ${L[1]} = ${signed(info.y)}`,
    `${d.activations[c.a]} ${thousands(d.samples)}: ${d.modes[info.finalMode]}, ${final}`,
    `${fill(ui.sample, { step: thousands(sp.steps[sp.index]) })}: ${d.modes[info.mode]}, ${now}`,
  ];
  if (sp.hover) parts.push(ui.hover_cell);
  sp.cellInfo.textContent = parts.join(" \u00b7 ");
  sp.cellInfo.dataset.cell = `${c.i},${c.j},${c.a}`;
}
