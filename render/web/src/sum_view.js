/* sum_view.js: the runs figure's "sum" panel and data points, drawn as render/draw/panels_sum.py draws them
 * in the video (Understanding Deep Learning, fig. 3.3): over the bias (output − Σ contributions, a dashed
 * constant) each unit's contribution w·act(·) stacked as a pale band from the running sum to the running sum
 * plus it, its top a thin line in the unit's colour, the output line over all; a negative contribution's
 * band goes down. Also: the user's data points as small dots, one legend entry for many units, and which
 * unit the pointer is on (so a hover can name it when the legend does not).
 *
 * How to call it (the player or the lab's figure; `ax` a plot.js Axes, `ctx` scaled to CSS px):
 *   import { drawPoints, drawSum, legendEntries, compactLegend, unitAt, SUM_KEYS } from "./sum_view.js";
 *   const st = { color: (i) => player.color(i), muted: th.muted, target: th.target, line: L.line * pt,
 *     pt, hidden: player.hidden };                                  // a SumStyle
 *   // static layer, in every panel with `target` and every "sum" panel, when the page has points:
 *   drawPoints(ctx, ax, d.points, st);                               // points: [[x, y], ...]
 *   // each frame, for a panel of kind "sum", instead of its node curves:
 *   drawSum(ctx, ax, player.xs, values, panel, st);                  // values: player.drawn(r, i)
 *   // its legend: these entries first, then the target / points / data range as any output panel:
 *   legendEntries(panel, d.strings, st);
 *   // any panel of more than LEGEND_UNITS curves: one entry for them all instead of one a curve:
 *   compactLegend(panel, d.strings, st);                             // null when it names each
 *   // the hover: the unit under the pointer (a sum panel's band, or the nearest curve), or null:
 *   unitAt(ax, player.xs, values, panel, px, py);
 * Legend entries are plain objects ({key, label, color, kind, colors?, keys?}); kind "strip" is a row of
 * the `colors` (a "bands" strip pale, on the bias' dashed line). `key` is what the entry toggles in
 * st.hidden: a unit's node name hides its band, "stack" every band and the bias, the output's name the
 * output.
 * Text is only ever drawn on the canvas or handed back as strings for textContent.
 */

import { fill } from "./dom.js";
import { clip, line, marker, rgb } from "./plot.js";

/** @typedef {import("./plot.js").Axes} Axes */
/** @typedef {import("./types.js").Panel} Panel */
/**
 * How a sum panel is drawn: palette colour i, the muted and target colours, the curve width in CSS px,
 * px a point, and the legend keys toggled off.
 * @typedef {{color: (i: number) => string, muted: string, target: string, line: number, pt: number,
 *   hidden?: Set<string>}} SumStyle
 */
/** A legend entry; kind "strip" draws `colors` side by side ("bands": pale, on a dashed line).
 * @typedef {{key: string, label: string, color: string, kind: string, colors?: string[], bands?: boolean,
 *   keys?: string[]}} SumLegendItem */

/** A panel names each of its curves in its legend up to this many (panels_sum.LEGEND_UNITS). */
export const LEGEND_UNITS = 8;
/** A band's fill alpha (panels_sum.BAND_ALPHA); its top line is solid. */
export const BAND_ALPHA = 0.28;
/** Points drawn at most, evenly strided beyond (panels_sum.POINTS_DRAWN). */
export const POINTS_DRAWN = 20000;
/** The keys a sum panel's legend toggles besides its nodes. */
export const SUM_KEYS = ["stack"];
/** Spans beyond the axes a band may reach (panels_sum.REACH): farther is cut there. */
export const REACH = 100;

/** A sum panel's contributions (in unit order) and output (the last node). @param {Panel} panel */
export function sumNodes(panel) {
  return { parts: panel.nodes.slice(0, -1), out: panel.nodes[panel.nodes.length - 1] };
}

/**
 * The stack's levels (render.draw.panels_shared.stack, in the same order of float operations, so the same
 * numbers): level 0 the base (output − Σ contributions), level k the base plus the first k contributions;
 * the top level is the output.
 * @param {ArrayLike<number>[]} parts  the contributions, each over the grid @param {ArrayLike<number>} out
 * @returns {Float64Array[]}
 */
export function levels(parts, out) {
  const G = out.length, H = parts.length;
  const run = Array.from({ length: H }, () => new Float64Array(G));
  for (let k = 0; k < H; k++) {
    for (let g = 0; g < G; g++) run[k][g] = k === 0 ? parts[0][g] : run[k - 1][g] + parts[k][g];
  }
  const base = new Float64Array(G);
  for (let g = 0; g < G; g++) base[g] = H ? out[g] - run[H - 1][g] : out[g];
  return [base, ...run.map((r) => r.map((v, g) => base[g] + v))];
}

/** "units 1–n" ("unit 1"). @param {Record<string, string>} s @param {number} n */
export function unitsLabel(s, n) {
  return n > 1 ? fill(s.units, { first: 1, last: n }) : fill(s.unit, { first: 1 });
}

/**
 * The output's parent that is no contribution (its bias, b_21) in the page's graph, or "".
 * @param {{nodes: {name: string, parents: string[]}[]} | null | undefined} graph @param {Panel} panel
 */
export function biasName(graph, panel) {
  const { parts, out } = sumNodes(panel);
  const node = graph && graph.nodes.find((n) => n.name === out);
  const others = node ? node.parents.filter((p) => !parts.includes(p)) : [];
  return others.length === 1 ? others[0] : "";
}

/** @param {number} v @param {number} lo @param {number} hi */
const cut = (v, lo, hi) => (isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v > 0 ? hi : v < 0 ? lo : NaN);

/**
 * One frame of a sum panel: the bands and their tops, the bias, the output.
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {ArrayLike<number>} grid
 * @param {Record<string, ArrayLike<number>>} values  every drawn node's curve at this frame
 * @param {Panel} panel @param {SumStyle} st
 */
export function drawSum(ctx, ax, grid, values, panel, st) {
  const { parts, out } = sumNodes(panel), hidden = st.hidden || new Set();
  const lv = levels(parts.map((n) => values[n]), values[out]);
  const span = ax.ylim[1] - ax.ylim[0], lo = ax.ylim[0] - REACH * span, hi = ax.ylim[1] + REACH * span;
  const G = grid.length;
  if (!hidden.has("stack")) {
    parts.forEach((name, k) => {
      if (hidden.has(name)) return;
      const color = st.color(panel.colors[k]), c = rgb(color);
      ctx.save();
      clip(ctx, ax);
      ctx.fillStyle = `rgba(${c.join(",")},${BAND_ALPHA})`;
      // the band: along the top level, back along the bottom one; a non-finite value leaves a gap
      let open = false;
      const bottom = [];
      const close = () => {
        for (let b = bottom.length - 1; b >= 0; b--) ctx.lineTo(bottom[b][0], bottom[b][1]);
        ctx.closePath();
        ctx.fill();
        bottom.length = 0;
        open = false;
      };
      for (let g = 0; g < G; g++) {
        const top = cut(lv[k + 1][g], lo, hi), low = cut(lv[k][g], lo, hi);
        if (!(top === top) || !(low === low)) { if (open) close(); continue; }
        const x = ax.px(grid[g]);
        if (open) ctx.lineTo(x, ax.py(top));
        else { ctx.beginPath(); ctx.moveTo(x, ax.py(top)); open = true; }
        bottom.push([x, ax.py(low)]);
      }
      if (open) close();
      ctx.restore();
      line(ctx, ax, grid, lv[k + 1].map((v) => cut(v, lo, hi)), { color, width: 0.4 * st.line });
    });
    const w = 0.6 * st.line;
    line(ctx, ax, grid, lv[0], { color: st.muted, width: w, dash: [1.5 * w, 1.5 * w] });
  }
  if (!hidden.has(out)) {
    const color = st.color(panel.colors[panel.colors.length - 1]);
    line(ctx, ax, grid, values[out], { color, width: st.line });
  }
}

/**
 * The data points as small dots (the target's colour), sized as the video's; static.
 * @param {CanvasRenderingContext2D} ctx @param {Axes} ax
 * @param {ArrayLike<number[]> | null | undefined} points @param {SumStyle} st
 */
export function drawPoints(ctx, ax, points, st) {
  if (!points || !points.length || (st.hidden && st.hidden.has("points"))) return;
  const stride = Math.ceil(points.length / POINTS_DRAWN), n = Math.ceil(points.length / stride);
  const ms = st.line * Math.min(1.6, Math.max(0.5, 1.6 * Math.sqrt(200 / n)));  // a diameter (matplotlib's)
  ctx.save();
  clip(ctx, ax);
  ctx.globalAlpha = 0.7;
  for (let k = 0; k < points.length; k += stride) {
    marker(ctx, ax.px(points[k][0]), ax.py(points[k][1]), ms / 2, st.target);
  }
  ctx.restore();
}

/**
 * A sum panel's own legend entries, first in its legend: the stack (its units' colours, pale, on the bias'
 * dashed line: "units 1–3 + b_21") and the output.
 * @param {Panel} panel @param {Record<string, string>} s  the page's strings @param {SumStyle} st
 * @param {string} [bias]  the bias' name (biasName), else the word
 * @returns {SumLegendItem[]}
 */
export function legendEntries(panel, s, st, bias) {
  const { parts, out } = sumNodes(panel);
  const colors = parts.map((_, k) => st.color(panel.colors[k]));
  return [
    { key: "stack", label: fill(s.stacked, { units: unitsLabel(s, parts.length), bias: bias || s.bias }),
      color: colors[0] || st.muted, kind: "strip", colors, bands: true, keys: parts },
    { key: out, label: out, color: st.color(panel.colors[panel.colors.length - 1]), kind: "line" },
  ];
}

/**
 * One legend entry for a panel's many curves ("units 1–16" over a strip of their colours), or null when
 * the panel has at most LEGEND_UNITS and names each. Its `keys` are the curves it stands for.
 * @param {Panel} panel @param {Record<string, string>} s @param {SumStyle} st
 * @returns {SumLegendItem | null}
 */
export function compactLegend(panel, s, st) {
  if (panel.nodes.length <= LEGEND_UNITS) return null;
  const colors = panel.colors.map((c) => st.color(c));
  return { key: "units", label: unitsLabel(s, panel.nodes.length), color: colors[0], kind: "strip", colors,
    keys: [...panel.nodes] };
}

/**
 * The unit under the pointer (px, py CSS px) in a curves or sum panel, so a hover can name it: in a sum
 * panel the band that holds it (the last drawn, on top, when bands overlap), else the curve nearest within
 * `near` px; null when none. Between grid points the curves are read at the nearest one.
 * @param {Axes} ax @param {ArrayLike<number>} grid @param {Record<string, ArrayLike<number>>} values
 * @param {Panel} panel @param {number} px @param {number} py @param {number} [near]
 * @returns {string | null}
 */
export function unitAt(ax, grid, values, panel, px, py, near = 4) {
  if (!ax.contains(px, py)) return null;
  const x = ax.xAt(px);
  let g = 0;
  for (let k = 1; k < grid.length; k++) if (Math.abs(grid[k] - x) < Math.abs(grid[g] - x)) g = k;
  if (panel.kind === "sum") {
    const { parts, out } = sumNodes(panel), y = ax.yAt(py);
    const lv = levels(parts.map((n) => values[n]), values[out]);
    for (let k = parts.length - 1; k >= 0; k--) {
      const a = lv[k][g], b = lv[k + 1][g];
      if (y >= Math.min(a, b) && y <= Math.max(a, b) && a !== b) return parts[k];
    }
    return null;
  }
  let best = null, dist = near;
  for (const n of panel.nodes) {
    const d = Math.abs(ax.py(values[n][g]) - py);
    if (d <= dist) { best = n; dist = d; }
  }
  return best;
}
