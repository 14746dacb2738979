/* layout.js: the runs figure's layout, for the player and the lab's figure: render.draw.scene_figure's
 * Layout (inches of a design `designWidth` inches wide, from the page's data: no number of it is typed
 * here) scaled to the page: per run a row of the scene's panels plus the loss panel, a header over each
 * row (the run's label, its caption, a divergence warning) and legends under the bottom row.
 */

import { el } from "./dom.js";
import { Axes } from "./plot.js";

/** @typedef {import("./plot.js").Rect} Rect */
/** @typedef {import("./types.js").Theme} Theme */
/** @typedef {import("./types.js").Layout} Layout */
/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").CaptionPiece} CaptionPiece */
/** A legend entry: `key` is what it toggles; kind "line", "thin", "dash", "dot" or "patch".
 * @typedef {{key?: string, label: string, color: string, kind: string}} LegendItem */
/** What legendItems reads of a page's data.
 * @typedef {{panels: Panel[], strings: Record<string, string>}} Legend */

/** The width in inches of each of `cols` panels in a row. @param {Layout} L @param {number} cols */
export function panelWidth(L, cols) {
  return (L.designWidth - L.left - L.right - (cols - 1) * L.gap) / cols;
}

/**
 * [row][col] CSS px rects of n rows of `cols` axes `ah` inches high, `s` px an inch.
 * @param {Layout} L @param {number} n @param {number} cols @param {number} ah @param {number} s
 * @returns {Rect[][]}
 */
export function rowRects(L, n, cols, ah, s) {
  const aw = panelWidth(L, cols);
  return Array.from({ length: n }, (_, k) => {
    const top = (L.top + L.titles + k * (L.header + ah + L.ticks) + L.header) * s;
    return Array.from({ length: cols },
      (_, j) => ({ x: (L.left + j * (aw + L.gap)) * s, y: top, w: aw * s, h: ah * s }));
  });
}

/** The loss panel's axes: symlog samples, log loss.
 * @param {Rect} rect @param {number[]} xlim @param {number[]} ylim @param {number} linthresh */
export function lossAxes(rect, xlim, ylim, linthresh) {
  return new Axes(rect, { xlim, ylim, xscale: "symlog", yscale: "log", linthresh });
}

/** Palette colour i (any integer: it wraps). @param {Theme} th @param {number} i */
export function paletteColor(th, i) {
  const p = th.palette;
  return p[((i % p.length) + p.length) % p.length];
}

/**
 * The axes' frame style of a figure: its colours, font family, tick label px and px an inch.
 * @param {{th: Theme, fam: string, pt: number, s: number, L: {small: number}}} fig
 * @returns {import("./plot.js").FrameStyle}
 */
export function frameStyle(fig) {
  return { fg: fig.th.foreground, muted: fig.th.muted, font: fig.fam, tick: fig.L.small * fig.pt, s: fig.s };
}

/**
 * Above the axes `row` (row k) in the overlay `o`: the run's label, the caption ([["t", text] | ["v", name]];
 * each "v" a span in `values`, filled per frame) and the divergence warning over the last of `n` panels.
 * @param {HTMLElement} o @param {Layout} L @param {{rect: Rect}[]} row @param {number} k @param {number} s
 * @param {string} label
 * @param {CaptionPiece[]} caption @param {number} n @param {string} color
 */
export function rowHeader(o, L, row, k, s, label, caption, n, color) {
  const top = row[0].rect.y - (L.header - 0.06) * s - (k === 0 ? L.titles * s : 0);
  const name = el("div", "op-run-label", o, label);
  name.style.left = `${L.left * s}px`; name.style.top = `${top}px`;
  const cap = el("div", "op-caption", o);
  cap.style.right = `${L.right * s}px`; cap.style.top = `${top}px`;
  /** @type {Record<string, HTMLSpanElement>} */
  const values = {};
  for (const [kind, text] of caption) {
    if (kind === "t") el("span", null, cap, text);
    else values[text] = el("span", "op-value op-value-" + text, cap);
  }
  const last = row[n - 1].rect, warning = el("div", "op-warning", o);
  warning.style.left = `${last.x + last.w / 2}px`; warning.style.top = `${last.y + last.h * 0.08}px`;
  warning.style.color = color;
  return { label: name, values, warning };
}

/**
 * The legend under bottom axes j: the panel's nodes, target, `extra(panel)` items and data range, or
 * the loss panel's train and eval loss; `color(i)`: palette colour i. Keys are what the entries toggle.
 * @param {Legend} d @param {number} j @param {Theme} th @param {(i: number) => string} color
 * @param {((p: Panel) => LegendItem[]) | null} extra
 * @returns {LegendItem[]}
 */
export function legendItems(d, j, th, color, extra) {
  /** @type {LegendItem[]} */
  const items = [];
  if (j < d.panels.length) {
    const p = d.panels[j];
    p.nodes.forEach((n, i) => items.push({ key: n, label: n, color: color(p.colors[i]), kind: "line" }));
    if (p.target) items.push({ key: "target", label: d.strings.target, color: th.target, kind: "dash" });
    if (extra) items.push(...extra(p));
    if (p.target) items.push({ key: "span", label: d.strings.data, color: th.span, kind: "patch" });
  } else {
    items.push({ key: "train", label: d.strings.loss_train, color: th.muted, kind: "thin" });
    items.push({ key: "eval", label: d.strings.loss_eval, color: color(2), kind: "line" });
  }
  return items;
}

/**
 * The legend box under the axes `ax` for n entries: two columns, filled column by column (matplotlib's).
 * @param {HTMLElement} o @param {Layout} L @param {string} cls @param {{rect: Rect}} ax @param {number} n
 * @param {number} s @param {number} pt
 */
export function legendBox(o, L, cls, ax, n, s, pt) {
  const box = el("div", cls, o);
  box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
  box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
  box.style.fontSize = `${L.small * pt}px`;
  box.style.gridTemplateRows = `repeat(${Math.ceil(n / 2)}, auto)`;
  return box;
}

/**
 * A legend entry's key: a line ("line", "thin", "dash"), a marker ("dot") or a patch, in its colour.
 * @param {HTMLElement} parent @param {Layout} L @param {LegendItem} it @param {number} pt
 */
export function swatch(parent, L, it, pt) {
  const sw = el("span", "op-swatch op-swatch-" + it.kind, parent);
  sw.style.width = `${1.6 * L.small * pt}px`;
  if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
  if (it.kind === "dot") {  // a round patch of the marker's size
    Object.assign(sw.style, { width: `${2.2 * L.line * pt}px`, height: `${2.2 * L.line * pt}px`, border: "0",
      borderRadius: "50%", backgroundColor: it.color, margin: `0 ${0.8 * L.small * pt}px` });
  } else if (it.kind !== "patch") {
    sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
  }
}
