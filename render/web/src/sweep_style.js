/* sweep_style.js: the sweep figure's look, shared by its panels (render.draw.sweep_figure's): each
 * activation's colour, what is toggled off, titles (wrapped where a panel is narrower than its title, as
 * the video's narrower frames wrap theirs), small text, x labels and the spacing of stacked lines.
 */

import { paletteColor } from "./layout.js";
import { font, text } from "./plot.js";

/** @typedef {import("./sweep.js").SweepPlayer} SweepPlayer */
/** @typedef {import("./plot.js").Rect} Rect */

/** Activation a's colour. @param {SweepPlayer} sp @param {number} a */
export const actColor = (sp, a) => { const p = sp.th.palette; return p[a % p.length]; };

/** Whether activation a's lines are toggled off (its legend entry).
 * @param {SweepPlayer} sp @param {number} a */
export const actHidden = (sp, a) => sp.hidden.has(sp.d.activations[a]);

/** Named run r's colour: its activation's. @param {SweepPlayer} sp @param {number} r */
export function runColor(sp, r) {
  const a = sp.d.activations.indexOf(sp.d.runs[r].activation);
  return a >= 0 ? actColor(sp, a) : paletteColor(sp.th, 2);
}

/** The small font (tick labels, notes). @param {SweepPlayer} sp @param {boolean} [bold] */
export const small = (sp, bold) => font(sp.L.small * sp.pt, sp.fam, bold);

/** The title font. @param {SweepPlayer} sp @param {boolean} [bold] */
export const big = (sp, bold) => font(sp.L.font * sp.pt, sp.fam, bold && sp.d.lang !== "zh");

/** @type {CanvasRenderingContext2D | null} */
let measurer = null;

/** The width in CSS px of `str` in the canvas font `f`. @param {string} str @param {string} f */
export function measure(str, f) {
  if (!measurer) measurer = document.createElement("canvas").getContext("2d");
  measurer.font = f;
  return measurer.measureText(str).width;
}

/**
 * `words` in lines at most `max` px wide in font `f`: broken after commas and colons and before brackets
 * (render.draw.sweep_figure's _wrap), then, for a piece still too wide, at spaces.
 * @param {string} words @param {number} max @param {string} f @returns {string[]}
 */
export function wrap(words, max, f) {
  const pieces = words.split(/(?<=[,，:：] )|(?<=[，：])|(?= \()|(?=（)/).filter((p) => p);
  /** @type {string[]} */
  const lines = [""];
  for (const piece of pieces) {
    const last = lines[lines.length - 1];
    if (last && measure((last + piece).trimEnd(), f) > max) lines.push(piece.trimStart());
    else lines[lines.length - 1] += piece;
  }
  /** @type {string[]} */
  const out = [];
  for (const line of lines.map((l) => l.trimEnd())) {
    if (measure(line, f) <= max || !line.includes(" ")) { out.push(line); continue; }
    let cur = "";
    for (const word of line.split(" ")) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && measure(next, f) > max) { out.push(cur); cur = word; } else cur = next;
    }
    out.push(cur);
  }
  return out;
}

/** The px between stacked lines of `points` text: matplotlib's line spacing, 1.2.
 * @param {SweepPlayer} sp @param {number} points */
export const pitch = (sp, points) => 1.2 * points * sp.pt;

/**
 * A panel title's lines: one where it fits `rect` (a wide layout lets it reach a little past, as the
 * video's, but not past the figure's sides), else wrapped to the panel's width.
 * @param {SweepPlayer} sp @param {Rect} rect @param {string} words
 */
export function titleLines(sp, rect, words) {
  const centre = rect.x + rect.w / 2, f = big(sp);
  const room = sp.wide ? Math.min(1.25 * rect.w, 2 * Math.min(centre, sp.W - centre)) : rect.w;
  return measure(words, f) <= room ? [words] : wrap(words, rect.w, f);
}

/**
 * A panel's title above `rect`, its lines stacked upward.
 * @param {SweepPlayer} sp @param {CanvasRenderingContext2D} ctx @param {Rect} rect @param {string} words
 */
export function title(sp, ctx, rect, words) {
  const lines = titleLines(sp, rect, words), step = pitch(sp, sp.L.font);
  lines.forEach((line, k) => {
    text(ctx, line, rect.x + rect.w / 2, rect.y - 3 * sp.pt - (lines.length - 1 - k) * step,
      { font: big(sp), color: sp.th.foreground, align: "center", baseline: "bottom" });
  });
}

/**
 * The distance in px between stacked lines of `points` text in `rect`: `least` of its height, or a line
 * and a quarter where the panel is too short for that (render.draw.sweep_figure's _leading).
 * @param {SweepPlayer} sp @param {Rect} rect @param {number} points @param {number} least
 */
export const leading = (sp, rect, points, least) => Math.max(least * rect.h, 1.25 * points * sp.pt);

/**
 * A panel's x label under its tick labels.
 * @param {SweepPlayer} sp @param {CanvasRenderingContext2D} ctx @param {Rect} rect @param {string} label
 */
export function xlabel(sp, ctx, rect, label) {
  const pt = sp.pt;
  text(ctx, label, rect.x + rect.w / 2, rect.y + rect.h + (2.5 + 1.5) * pt + sp.L.small * pt * 1.25,
    { font: small(sp), color: sp.th.foreground, align: "center", baseline: "top" });
}
