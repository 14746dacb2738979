/* sweep_style.js: the sweep figure's look, shared by its panels (render.draw.sweep_figure's): each
 * activation's colour, titles, small text and x labels.
 */

import { paletteColor } from "./layout.js";
import { font, text } from "./plot.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./plot.js").Rect} Rect */

/** Activation a's colour. @param {SweepPlayer} sp @param {number} a */
export const actColor = (sp, a) => { const p = sp.th.palette; return p[a % p.length]; };

/** Named run r's colour: its activation's. @param {SweepPlayer} sp @param {number} r */
export function runColor(sp, r) {
  const a = sp.d.activations.indexOf(sp.d.runs[r].activation);
  return a >= 0 ? actColor(sp, a) : paletteColor(sp.th, 2);
}

/** The small font (tick labels, notes). @param {SweepPlayer} sp @param {boolean} [bold] */
export const small = (sp, bold) => font(sp.L.small * sp.pt, sp.fam, bold);

/**
 * A panel's title above `rect`.
 * @param {SweepPlayer} sp @param {CanvasRenderingContext2D} ctx @param {Rect} rect @param {string} title
 */
export function title(sp, ctx, rect, title) {
  text(ctx, title, rect.x + rect.w / 2, rect.y - 3 * sp.pt,
    { font: font(sp.L.font * sp.pt, sp.fam), color: sp.th.foreground, align: "center",
      baseline: "bottom" });
}

/**
 * A panel's x label under its tick labels.
 * @param {SweepPlayer} sp @param {CanvasRenderingContext2D} ctx @param {Rect} rect @param {string} label
 */
export function xlabel(sp, ctx, rect, label) {
  const pt = sp.pt;
  text(ctx, label, rect.x + rect.w / 2, rect.y + rect.h + (2.5 + 1.5) * pt + sp.L.small * pt * 1.25,
    { font: small(sp), color: sp.th.foreground, align: "center", baseline: "top" });
}
