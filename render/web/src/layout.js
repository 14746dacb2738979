/* layout.js: the runs figure's layout, for the player and the lab's figure: render.draw.scene_figure's
 * Layout (inches of a design, from the page's data: no number of it is typed here) scaled to the page by
 * the pages' grid rule (grid.js: render.draw.grid.page_grid). Per run a block of the scene's panels plus the
 * loss panel, in one row on a wide page (the video's figure), two rows in a blog column, one column on a
 * phone; over each block the run's label, its caption (wrapped where it does not fit beside the label) and
 * a divergence warning; titles over the panels; legends under the last block's panels.
 */

import { el } from "./dom.js";
import { pageGrid } from "./grid.js";
import { Axes, font, rgb, smallestText, thousands } from "./plot.js";
import { BAND_ALPHA, compactLegend, legendEntries } from "./sum_view.js";

/** @typedef {import("./plot.js").Rect} Rect */
/** @typedef {import("./types.js").Theme} Theme */
/** @typedef {import("./types.js").Layout} Layout */
/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").CaptionPiece} CaptionPiece */
/** A legend entry: `key` is what it toggles; kind "line", "thin", "dash", "dot", "patch" or "strip" (a row
 * of `colors`: many units in one entry; `bands` pale on a dashed line, as a sum panel's stack); `keys` the
 * curves a strip stands for.
 * @typedef {{key?: string, label: string, color: string, kind: string, colors?: string[], bands?: boolean,
 *   keys?: string[], base?: string}} LegendItem */
/** What legendItems reads of a page's data: its panels, words, whether it has a target curve (trained on
 * data points alone it has not) and its points.
 * @typedef {{panels: Panel[], strings: Record<string, string>, hasTarget?: boolean,
 *   points?: number[][] | null}} Legend */
/** What a run's header says: its label and caption, and the widest sample its caption shows.
 * @typedef {{label: string, caption: CaptionPiece[], widest: number}} Head */
/**
 * A run's header as laid out: the label's lines, the caption's pieces with a newline where it wraps,
 * whether both share one line (the caption right-aligned, as the video's), the top of its first line and
 * the px between lines.
 * @typedef {{label: string[], caption: CaptionPiece[], oneLine: boolean, top: number, pitch: number}}
 *   HeadLayout */
/**
 * The figure at one width: its grid, scale (`s` px an inch, `pt` px a point), size, axes rects per run (panel
 * order), headers, which runs' rows carry titles and each panel's title in lines (wrapped to the panel's
 * width, `pitch` px apart), and the legends' columns per panel.
 * @typedef {{rows: number, cols: number, s: number, pt: number, W: number, H: number, rects: Rect[][],
 *   heads: HeadLayout[], titled: boolean[], titles: string[][], pitch: number, legendCols: number[]}}
 *   FigureLayout
 */

/** A stacked grid's axes are this fraction of their width tall (a one-row figure keeps the video's shape). */
export const STACKED_ASPECT = 0.6;
/** Lines of a wrapped header or legend, in font sizes. */
const LINE = 1.3;
/** Inches a legend column takes at most (render.draw.scene_legends.LEGEND_COLUMN): a legend of more than
 * four entries takes as many columns as its panel holds (and its row of legends the figure), as the
 * video's. */
const LEGEND_COLUMN = 0.95;

/** @type {CanvasRenderingContext2D | null} */
let measurer = null;
/** The width in CSS px of `str` in `px` px of `fam`. @param {string} str @param {number} px
 * @param {string} fam @param {boolean} [bold] */
export function textWidth(str, px, fam, bold) {
  if (!measurer) measurer = document.createElement("canvas").getContext("2d");
  measurer.font = font(px, fam, bold);
  return measurer.measureText(str).width;
}

/** `str` broken at spaces into lines no wider than `max` (a word wider than that keeps its own line).
 * @param {string} str @param {number} max @param {(s: string) => number} width */
export function wrapWords(str, max, width) {
  const lines = [];
  let line = "";
  for (const word of str.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && width(next) > max) { lines.push(line); line = word; } else line = next;
  }
  lines.push(line);
  return lines;
}

/**
 * The caption broken into lines no wider than `max` at its wide gaps (the spaces between "sample ...", the
 * train loss and the evaluation loss): pieces with "\n" after each gap that breaks (runHeader makes it a
 * line break, the gap's spaces staying in the text), the lines' count and the caption's width on one line.
 * A value is as wide as its slot (page.css: 5.3 digits, or the widest step).
 * @param {CaptionPiece[]} caption @param {number} max @param {(s: string) => number} width
 * @param {number} widest
 */
export function wrapCaption(caption, max, width, widest) {
  /** @type {{piece: number, at: number, len: number, w: number}[]} */
  const gaps = [];
  const slot = 5.3 * width("0");
  let w = 0;
  /** @type {number[]} */
  const runs = [];  // the width of the words between gaps
  caption.forEach(([kind, str], i) => {
    if (kind === "v") { w += Math.max(slot, width(str === "step" ? thousands(widest) : "0.000")); return; }
    const re = / {2,}/g;
    let last = 0, m;
    while ((m = re.exec(str))) {
      w += width(str.slice(last, m.index));
      runs.push(w); w = 0;
      gaps.push({ piece: i, at: m.index, len: m[0].length, w: width(m[0]) });
      last = m.index + m[0].length;
    }
    w += width(str.slice(last));
  });
  runs.push(w);
  const whole = runs.reduce((a, b) => a + b, 0) + gaps.reduce((a, g) => a + g.w, 0);
  const breaks = new Set();
  let line = runs[0], lines = 1;
  gaps.forEach((g, k) => {
    if (line + g.w + runs[k + 1] <= max) { line += g.w + runs[k + 1]; return; }
    breaks.add(k); line = runs[k + 1]; lines++;
  });
  if (!breaks.size) return { caption, lines, width: whole };
  const out = caption.map(([kind, str]) => /** @type {CaptionPiece} */ ([kind, str]));
  [...breaks].sort((a, b) => b - a).forEach((k) => {  // from the last, so earlier offsets stay right
    const g = gaps[k], str = out[g.piece][1];
    out[g.piece][1] = str.slice(0, g.at + g.len) + "\n" + str.slice(g.at + g.len);
  });
  return { caption: out, lines, width: whole };
}

/**
 * How many columns a legend of `items` takes and its rows: two, as matplotlib's (more, up to `want`, for
 * more than four entries: render.draw.scene_legends.legend_cols), fewer while they are wider than `max` px.
 * Filled column by column, as matplotlib fills them.
 * @param {LegendItem[]} items @param {Layout} L @param {number} pt @param {string} fam @param {number} max
 * @param {number} [want]
 */
export function legendShape(items, L, pt, fam, max, want = 2) {
  const px = L.small * pt, n = items.length;
  const entry = (/** @type {LegendItem} */ it) => textWidth(it.label, px, fam) + 1.6 * px + 0.8 * px;
  const wide = (/** @type {number} */ cols) => {
    const rows = Math.ceil(n / cols);
    let w = 0;
    for (let k = 0; k < n; k += rows) w += Math.max(...items.slice(k, k + rows).map(entry)) + (k ? px : 0);
    return w;
  };
  let cols = Math.max(1, Math.min(n, n > 4 ? want : 2));
  while (cols > 1 && wide(cols) > max) cols--;
  return { cols, rows: Math.ceil(n / Math.max(1, cols)) };
}

/**
 * The figure laid out at `W` CSS px: the grid and scale by the pages' rule, every run's block of panels, its
 * header and the legends under the last block. `oneRow(inches, aw, fixed, runs)` gives the axes' height in
 * a one-row figure (inches; `inches` wide, panels `aw` wide, `fixed` inches of bands); a stacked grid's
 * axes are STACKED_ASPECT of their width.
 * @param {Layout} L @param {number} W @param {number} panels
 * @param {{heads: Head[], titles: string[], legends: LegendItem[][], fam: string, bold: boolean,
 *   oneRow: (inches: number, aw: number, fixed: number, runs: number) => number}} o
 * @returns {FigureLayout}
 */
export function figureLayout(L, W, panels, o) {
  const g = pageGrid(W, panels, L, L.small, L.left + L.right, L.gap);
  const s = g.scale, pt = s / 72, inches = W / s, { rows, cols } = g, runs = o.heads.length;
  const aw = (inches - L.left - L.right - (cols - 1) * L.gap) / cols;
  const fontPx = L.font * pt, pitch = LINE * L.font / 72;
  const room = (inches - L.left - L.right) * s;
  const heads = o.heads.map((h) => {
    const width = (/** @type {string} */ str) => textWidth(str, fontPx, o.fam);
    const labelW = textWidth(h.label, fontPx, o.fam, o.bold);
    const capW = wrapCaption(h.caption, Infinity, width, h.widest).width;
    if (labelW + 2 * fontPx + capW <= room) {
      return { label: [h.label], caption: h.caption, oneLine: true, lines: 1 };
    }
    const label = wrapWords(h.label, room, (str) => textWidth(str, fontPx, o.fam, o.bold));
    const cap = wrapCaption(h.caption, room, width, h.widest);
    return { label, caption: cap.caption, oneLine: false, lines: label.length + cap.lines };
  });
  const want = Math.max(2, Math.floor(aw / LEGEND_COLUMN));
  const legendCols = o.legends.map((items) => legendShape(items, L, pt, o.fam, (aw + L.gap) * s, want).cols);
  const legendRows = o.legends.map((items, k) => Math.ceil(items.length / legendCols[k]));
  /** the legend band under grid row i (inches): a one-row figure's is the video's (two rows of entries,
   * growing by `legendPitch` a row past two: scene_legends.plan), a stacked grid's as tall as its legends
   * @param {number} i */
  const legendBand = (i) => {
    const most = Math.max(0, ...legendRows.filter((_, k) => Math.floor(k / cols) === i));
    const need = most * LINE * L.small / 72 + 0.1;
    return rows > 1 ? need : Math.max(L.legend + Math.max(0, most - 2) * (L.legendPitch || 0), need);
  };
  const titled = o.heads.map((_, b) => b === 0 || rows > 1);
  // a title wider than its panel and the gap beside it (it would meet the next) wraps; its row's title band
  // grows by its lines
  const titleWidth = (/** @type {string} */ str) => textWidth(str, fontPx, o.fam);
  const titles = o.titles.map((t) => wrapWords(t, (aw + L.gap) * s, titleWidth));
  const titleBand = Array.from({ length: rows }, (_, i) => L.titles + pitch * (Math.max(1,
    ...titles.filter((_, k) => Math.floor(k / cols) === i).map((t) => t.length)) - 1));
  // inches above each run's block (a stacked one's set apart by a header's height) and under each row of it
  const above = heads.map((h, b) => (b > 0 && rows > 1 ? L.header : 0) + L.header + (h.lines - 1) * pitch);
  const under = heads.map((_, b) => Array.from({ length: rows },
    (_, i) => L.ticks + (b === runs - 1 ? legendBand(i) : 0)));
  let fixed = L.top;
  heads.forEach((_, b) => {
    fixed += above[b] + under[b].reduce((a, v) => a + v, 0);
    if (titled[b]) fixed += titleBand.reduce((a, v) => a + v, 0);
  });
  const ah = rows > 1 ? aw * STACKED_ASPECT : o.oneRow(inches, aw, fixed, runs);
  let y = L.top;
  /** @type {HeadLayout[]} */
  const placed = [];
  const rects = heads.map((h, b) => {
    const top = y + above[b] - L.header - (h.lines - 1) * pitch;  // where the header's first line is
    placed.push({ label: h.label, caption: h.caption, oneLine: h.oneLine, top: (top + 0.06) * s,
      pitch: pitch * s });
    y += above[b];
    const tops = [];
    for (let i = 0; i < rows; i++) {
      if (titled[b]) y += titleBand[i];
      tops.push(y);
      y += ah + under[b][i];
    }
    return Array.from({ length: panels }, (_, k) => ({ x: (L.left + (k % cols) * (aw + L.gap)) * s,
      y: tops[Math.floor(k / cols)] * s, w: aw * s, h: ah * s }));
  });
  const H = (fixed + runs * rows * ah) * s;
  return { rows, cols, s, pt, W, H, rects, heads: placed, titled, titles, pitch: pitch * s, legendCols };
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
 * A run's header in the overlay `o`, as `head` lays it out: its label, the caption ([["t", text] | ["v",
 * name]]; each "v" a span in `values`, filled per frame) beside it (right-aligned) or under it, and the
 * divergence warning over the last of the scene's `n` panels in `row`.
 * @param {HTMLElement} o @param {Layout} L @param {HeadLayout} head @param {{rect: Rect}[]} row
 * @param {number} n @param {string} color @param {number} s
 */
export function runHeader(o, L, head, row, n, color, s) {
  const name = el("div", "op-run-label", o), cap = el("div", "op-caption", o);
  // lines broken by <br>, their text as it was (the spaces where they break stay): textContent is the label
  head.label.forEach((line, i) => {
    if (i) el("br", null, name);
    name.appendChild(document.createTextNode(i < head.label.length - 1 ? line + " " : line));
  });
  name.style.left = `${L.left * s}px`; name.style.top = `${head.top}px`;
  if (head.oneLine) {
    cap.style.right = `${L.right * s}px`; cap.style.top = `${head.top}px`;
  } else {  // lines `pitch` apart, the first where a one-line header's is
    const lead = (head.pitch - L.font * s / 72) / 2, lines = head.label.length;
    for (const e of [name, cap]) { e.style.lineHeight = `${head.pitch}px`; e.style.textAlign = "left"; }
    name.style.top = `${head.top - lead}px`;
    cap.style.left = `${L.left * s}px`; cap.style.top = `${head.top - lead + lines * head.pitch}px`;
  }
  /** @type {Record<string, HTMLSpanElement>} */
  const values = {};
  for (const [kind, text] of head.caption) {
    if (kind === "v") { values[text] = el("span", "op-value op-value-" + text, cap); continue; }
    text.split("\n").forEach((part, i) => {
      if (i) el("br", null, cap);
      if (part) el("span", null, cap, part);
    });
  }
  const last = row[n - 1].rect, warning = el("div", "op-warning", o);
  warning.style.left = `${last.x + last.w / 2}px`; warning.style.top = `${last.y + last.h * 0.08}px`;
  warning.style.color = color;
  return { label: name, values, warning };
}

/** The titles of a figure's `n` panels: the scene's, then the loss panel's.
 * @param {Legend} d @param {number} n */
export const panelTitles = (d, n) => Array.from({ length: n },
  (_, j) => (j < d.panels.length ? d.panels[j].title : d.strings.loss_title));

/** Whether a panel shows the output against the data (target, points, data range:
 * panels_shared.output_panel). @param {Panel} p */
export const outputPanel = (p) => !!p.target || p.kind === "sum";

/** The key of panel j's one legend entry for its many curves (compactLegend). @param {number} j */
export const unitsKey = (j) => `units_${j}`;

/**
 * The legend under bottom axes j, as the video's (render.draw.scene_legends.legend_labels): the panel's
 * nodes (a sum panel's stack and output; one entry for more than eight curves), target, data points,
 * `extra(panel)` items and data range, or the loss panel's train and eval loss; `color(i)`: palette colour
 * i. Keys are what the entries toggle.
 * @param {Legend} d @param {number} j @param {Theme} th @param {(i: number) => string} color
 * @param {((p: Panel) => LegendItem[]) | null} extra
 * @returns {LegendItem[]}
 */
export function legendItems(d, j, th, color, extra) {
  /** @type {LegendItem[]} */
  const items = [];
  if (j < d.panels.length) {
    const p = d.panels[j], st = { color, muted: th.muted, target: th.target, line: 1, pt: 1 };
    const many = p.kind === "sum" ? null : compactLegend(p, d.strings, st);
    if (p.kind === "sum") {
      const own = legendEntries(p, d.strings, st, p.bias);
      items.push(...own.map((e) => (e.bands ? { ...e, base: th.muted } : e)));
    }
    else if (many) items.push({ ...many, key: unitsKey(j) });
    else p.nodes.forEach((n, i) => items.push({ key: n, label: n, color: color(p.colors[i]), kind: "line" }));
    if (outputPanel(p) && d.hasTarget !== false) {
      items.push({ key: "target", label: d.strings.target, color: th.target, kind: "dash" });
    }
    if (outputPanel(p) && d.points && d.points.length) {
      items.push({ key: "points", label: d.strings.points, color: th.target, kind: "dot" });
    }
    if (extra) items.push(...extra(p));
    if (outputPanel(p)) items.push({ key: "span", label: d.strings.data, color: th.span, kind: "patch" });
  } else {
    items.push({ key: "train", label: d.strings.loss_train, color: th.muted, kind: "thin" });
    items.push({ key: "eval", label: d.strings.loss_eval, color: color(2), kind: "line" });
  }
  return items;
}

/**
 * The legend box under the axes `ax` for n entries in `cols` columns (two by default), filled column by
 * column (matplotlib's), centred under the axes but kept inside a figure `W` px wide (call `keepInside` once
 * its entries are in).
 * @param {HTMLElement} o @param {Layout} L @param {string} cls @param {{rect: Rect}} ax @param {number} n
 * @param {number} s @param {number} pt @param {number} [cols]
 */
export function legendBox(o, L, cls, ax, n, s, pt, cols = 2) {
  const box = el("div", cls, o);
  box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
  box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
  box.style.fontSize = `${L.small * pt}px`;
  box.style.gridTemplateRows = `repeat(${Math.ceil(n / Math.max(1, cols))}, auto)`;
  return box;
}

/** Move a legend box that would stick out of a figure `W` px wide back inside it.
 * @param {HTMLElement} box @param {number} W */
export function keepInside(box, W) {
  const w = box.offsetWidth, centre = parseFloat(box.style.left);
  if (centre - w / 2 >= 0 && centre + w / 2 <= W) return;
  box.style.left = `${Math.max(0, Math.min(W - w, centre - w / 2))}px`;
  box.style.transform = "none";
}

/**
 * A legend entry's key: a line ("line", "thin", "dash"), a marker ("dot") or a patch, in its colour.
 * @param {HTMLElement} parent @param {Layout} L @param {LegendItem} it @param {number} pt
 */
export function swatch(parent, L, it, pt) {
  const sw = el("span", "op-swatch op-swatch-" + it.kind, parent);
  sw.style.width = `${1.6 * L.small * pt}px`;
  if (it.kind === "strip") {  // the units' colours side by side (StripHandler): pale bands on a dashed line
    const h = 0.8 * L.small * pt, n = Math.max(1, it.colors.length);
    Object.assign(sw.style, { display: "inline-flex", alignItems: "flex-end", height: `${h}px`, border: "0",
      borderBottom: it.base ? `1px dashed ${it.base}` : "0", verticalAlign: "middle" });
    for (const c of it.colors) {
      const box = el("span", null, sw);
      const [r, g, b] = rgb(c);
      Object.assign(box.style, { display: "block", flex: "1 1 0", width: `${100 / n}%`, height: "100%",
        backgroundColor: it.bands ? `rgba(${r},${g},${b},${BAND_ALPHA})` : c,
        borderTop: it.bands ? `1px solid ${c}` : "0", boxSizing: "border-box" });
    }
    return;
  }
  if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
  if (it.kind === "dot") {  // a round patch of the marker's size
    Object.assign(sw.style, { width: `${2.2 * L.line * pt}px`, height: `${2.2 * L.line * pt}px`, border: "0",
      borderRadius: "50%", backgroundColor: it.color, margin: `0 ${0.8 * L.small * pt}px` });
  } else if (it.kind !== "patch") {
    sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
  }
}

/**
 * The smallest font px of any text drawn on `canvases` (plot.js notes it) or shown in `overlay`.
 * @param {HTMLCanvasElement[]} canvases @param {HTMLElement} overlay
 */
export function smallestTextPx(canvases, overlay) {
  let least = Math.min(...canvases.map(smallestText));
  for (const e of overlay.querySelectorAll("*")) {
    const own = [...e.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim() !== "");
    if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
  }
  return least;
}
