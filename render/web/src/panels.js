/* panels.js: the runs figure's "data" and "surface" panels, drawn like render/draw/panels_data.py and
 * panels_surface.py, for the player (its recorded runs) and the lab's figure (its run, as a view).
 *
 * A data panel is a curves panel (the model's line, the dashed target: the figure draws those) plus the
 * run's training samples seen so far: faded, the newest `window` solid. A surface panel shows the
 * recorded mean loss over a mesh of two parameters as filled log-spaced bands (drawn once, into the static
 * layer) and the run's path of those parameters: faint up to the step, its last `tail` snapshots solid,
 * a dot at its head and a ring at its start. Drawing honours view.hidden (a set of toggled-off keys), as
 * the rest of the player does.
 */

import { f32, f64 } from "./data.js";
import { paletteColor } from "./layout.js";
import { fill } from "./dom.js";
import { clip, font, line, marker, rgb, text } from "./plot.js";

/** @typedef {import("./plot.js").Axes} Axes */
/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").RunsData} RunsData */
/** @typedef {import("./types.js").Surface} Surface */
/** @typedef {import("./types.js").Theme} Theme */
/** @typedef {import("./layout.js").LegendItem} LegendItem */
/** @typedef {{xs: Float64Array, ys: Float64Array}} Path */
/**
 * The decoded arrays: samples (runs, length) and how many each run has; the surface (z widened to float64)
 * and its band images by pixel size; each surface panel's path per run, by its parameter columns.
 * @typedef {{dataX?: Float64Array, dataY?: Float64Array, length?: number, samples?: number[],
 *   surface?: Omit<Surface, "z"> & {z: Float64Array}, images?: Record<string, HTMLCanvasElement>,
 *   paths: Record<string, Path[]>}} PanelState
 */
/**
 * What the panels read of the figure that draws them: the player itself, or a lab row's view of its run.
 * @typedef {{panelState: PanelState, d: {strings: Record<string, string>, data?: {color: number},
 *   surface?: Surface, targetName: string}, th: Theme, hidden: Set<string>, steps: number[], pt: number,
 *   dpr: number, fam: string, L: import("./types.js").Layout}} PanelView
 */

/**
 * The panels' state (decoded samples and surface; paths per run), or null when no panel needs it.
 * @param {{R: number, S: number}} player  how many runs and snapshots @param {RunsData} data
 * @returns {PanelState | null}
 */
export function prepare(player, data) {
  const kinds = new Set(data.panels.map((p) => p.kind || "curves"));
  if (!kinds.has("data") && !kinds.has("surface")) return null;
  /** @type {PanelState} */
  const out = { paths: Object.create(null) };
  if (data.data) {
    out.dataX = f64(data.data.x);
    out.dataY = f64(data.data.y);
    out.length = data.data.length;
  }
  if (data.surface) {
    const s = data.surface;
    out.surface = decodeSurface(s);
    out.images = Object.create(null);  // the bands as an image, per pixel size (every row shares one)
  }
  // every surface panel's path per run: its x and y parameters at every snapshot
  for (const p of data.panels) {
    if (p.kind !== "surface") continue;
    const xy = f64(p.path), S = player.S;
    out.paths[p.params.join(",")] = Array.from({ length: player.R }, (_, r) => ({
      xs: Float64Array.from({ length: S }, (_, s) => xy[(r * S + s) * 2]),
      ys: Float64Array.from({ length: S }, (_, s) => xy[(r * S + s) * 2 + 1]),
    }));
  }
  // how many samples each run has (NaN pads a shorter run's row)
  out.samples = [];
  for (let r = 0; out.dataX && r < player.R; r++) {
    let n = out.length;
    while (n > 0 && !(out.dataX[r * out.length + n - 1] === out.dataX[r * out.length + n - 1])) n--;
    out.samples.push(n);
  }
  return out;
}

// ---- surface -----------------------------------------------------------------------------------------

/** A surface with its values decoded (float32 widened). @param {Surface} s */
export const decodeSurface = (s) => ({ z: f32(s.z), nx: s.nx, ny: s.ny, x: s.x, y: s.y, edges: s.edges,
  colors: s.colors });

/**
 * The surface at (x, y), bilinear between the mesh's four nearest values; NaN outside the mesh: the hover
 * readout's.
 * @param {{panelState: PanelState | null}} player @param {number} x @param {number} y
 */
export function lossAt(player, x, y) {
  const s = player.panelState && player.panelState.surface;
  if (!s) return NaN;
  const fx = ((x - s.x[0]) / (s.x[1] - s.x[0])) * (s.nx - 1);
  const fy = ((y - s.y[0]) / (s.y[1] - s.y[0])) * (s.ny - 1);
  if (!(fx >= 0 && fx <= s.nx - 1 && fy >= 0 && fy <= s.ny - 1)) return NaN;
  const i = Math.min(Math.floor(fx), s.nx - 2), j = Math.min(Math.floor(fy), s.ny - 2);
  const a = fx - i, b = fy - j, z = s.z, nx = s.nx;
  const z00 = z[j * nx + i], z10 = z[j * nx + i + 1];
  const z01 = z[(j + 1) * nx + i], z11 = z[(j + 1) * nx + i + 1];
  return (z00 * (1 - a) + z10 * a) * (1 - b) + (z01 * (1 - a) + z11 * a) * b;
}


/**
 * The filled bands as a canvas of the axes' device pixels: each pixel takes the band of its value.
 * @param {PanelView} player @param {Axes} ax
 */
function bands(player, ax) {
  const st = player.panelState, s = st.surface, dpr = player.dpr, r = ax.rect;
  const w = Math.max(1, Math.round(r.w * dpr)), h = Math.max(1, Math.round(r.h * dpr));
  const key = `${w}x${h}`;
  if (st.images[key]) return st.images[key];
  const canvas = document.createElement("canvas");
  canvas.width = w; canvas.height = h;
  const ctx = canvas.getContext("2d"), img = ctx.createImageData(w, h);
  const colors = s.colors.map(rgb), edges = s.edges, top = colors.length - 1;
  for (let py = 0; py < h; py++) {
    const y = ax.ylim[1] - ((py + 0.5) / h) * (ax.ylim[1] - ax.ylim[0]);
    for (let px = 0; px < w; px++) {
      const x = ax.xlim[0] + ((px + 0.5) / w) * (ax.xlim[1] - ax.xlim[0]);
      const v = lossAt(player, x, y);
      const o = (py * w + px) * 4;
      if (!(v === v)) { img.data[o + 3] = 0; continue; }
      let band = 0;
      while (band < top && v > edges[band + 1]) band++;
      const c = colors[band];
      img.data[o] = c[0]; img.data[o + 1] = c[1]; img.data[o + 2] = c[2]; img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  st.images[key] = canvas;
  return canvas;
}

/** @param {PanelView} player @param {number} i */
const accent = (player, i) => paletteColor(player.th, i);

/**
 * A surface panel's static layer: the bands, the path's start ring, the parameters' names.
 * @param {PanelView} player @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} r  the run
 * @param {Panel} panel
 */
export function drawStatic(player, ctx, ax, r, panel) {
  if (panel.kind !== "surface") return;
  const st = player.panelState, pt = player.pt, L = player.L, rect = ax.rect;
  if (!player.hidden.has("surface")) ctx.drawImage(bands(player, ax), rect.x, rect.y, rect.w, rect.h);
  const path = st.paths[panel.params.join(",")][r];
  if (!player.hidden.has("path") && ax.contains(ax.px(path.xs[0]), ax.py(path.ys[0]))) {
    ctx.save();
    ctx.beginPath();
    ctx.arc(ax.px(path.xs[0]), ax.py(path.ys[0]), 1.3 * L.line * pt, 0, 2 * Math.PI);
    ctx.strokeStyle = accent(player, panel.color); ctx.lineWidth = 0.9 * pt;
    ctx.stroke();
    ctx.restore();
  }
  // the parameters' names inside the axes: x at the bottom right, y at the top left
  const italic = `italic ${font(L.small * pt, player.fam)}`, pad = 0.8 * pt;
  /** @type {[string, number, number, CanvasTextAlign, CanvasTextBaseline][]} */
  const names = [[panel.names[0], rect.x + rect.w * 0.98, rect.y + rect.h * 0.97, "right", "bottom"],
    [panel.names[1], rect.x + rect.w * 0.02, rect.y + rect.h * 0.03, "left", "top"]];
  names.forEach(([name, x, y, align, base]) => {
    ctx.font = italic;
    const w = ctx.measureText(name).width, hgt = L.small * pt;
    const x0 = align === "right" ? x - w : x, y0 = base === "bottom" ? y - hgt : y;
    ctx.save();
    ctx.globalAlpha = 0.7;
    ctx.fillStyle = player.th.background;
    ctx.fillRect(x0 - pad, y0 - pad, w + 2 * pad, hgt + 2 * pad);
    ctx.restore();
    text(ctx, name, x, y, { font: italic, color: player.th.foreground, align, baseline: base });
  });
}

/**
 * A panel's moving part at snapshot i: the samples seen by then, or the path up to then.
 * @param {PanelView} player @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {number} r  the run
 * @param {number} i @param {Panel} panel
 */
export function draw(player, ctx, ax, r, i, panel) {
  const st = player.panelState, pt = player.pt, L = player.L;
  if (panel.kind === "data" && !player.hidden.has("samples") && st.dataX) {
    const n = Math.min(player.steps[i], st.samples[r]);
    const cut = Math.max(0, n - panel.window), base = r * st.length;
    ctx.save();
    clip(ctx, ax);
    ctx.globalAlpha = 0.35;
    for (let k = 0; k < cut; k++) {
      marker(ctx, ax.px(st.dataX[base + k]), ax.py(st.dataY[base + k]), 0.65 * L.line * pt, player.th.muted);
    }
    ctx.globalAlpha = 1;
    const color = accent(player, player.d.data.color);
    for (let k = cut; k < n; k++) {
      marker(ctx, ax.px(st.dataX[base + k]), ax.py(st.dataY[base + k]), 1.1 * L.line * pt, color);
    }
    ctx.restore();
  } else if (panel.kind === "surface" && !player.hidden.has("path")) {
    const path = st.paths[panel.params.join(",")][r], color = accent(player, panel.color);
    line(ctx, ax, path.xs, path.ys, { color, width: 0.5 * L.line * pt, alpha: 0.45, to: i + 1 });
    line(ctx, ax, path.xs, path.ys,
      { color, width: 0.9 * L.line * pt, from: Math.max(0, i - panel.tail), to: i + 1 });
    const x = ax.px(path.xs[i]), y = ax.py(path.ys[i]);
    if (ax.contains(x, y)) marker(ctx, x, y, 1.3 * L.line * pt, color, player.th.background, 0.8 * pt);
  }
}

/**
 * Legend items for the panel's own parts ("samples"; "surface", "path"); kinds: dot, line, patch.
 * @param {PanelView} player @param {Panel} panel
 * @returns {LegendItem[]}
 */
export function legend(player, panel) {
  const d = player.d, s = d.strings;
  if (panel.kind === "data") {
    return [{ key: "samples", label: fill(s.data_samples, { window: panel.window }),
      color: accent(player, d.data.color), kind: "dot" }];
  }
  if (panel.kind === "surface") {
    const colors = d.surface.colors;
    return [
      { key: "surface", label: fill(s.surface, { target: d.targetName }),
        color: colors[Math.floor(colors.length / 2)], kind: "patch" },
      { key: "path", label: fill(s.path, { x: panel.names[0], y: panel.names[1] }),
        color: accent(player, panel.color), kind: "line" },
    ];
  }
  return [];
}

/** The keys those legend items toggle. @param {Panel} panel */
export function keys(panel) {
  return panel.kind === "data" ? ["samples"] : panel.kind === "surface" ? ["surface", "path"] : [];
}
