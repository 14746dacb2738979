/* layout.js: the runs figure's layout, render.draw.scene_figure's design in inches on an 8-inch width
 * scaled to the page, for the player and the lab's figure (window.ourdl.player): DESIGN_WIDTH, LAYOUT;
 * panelWidth(cols) in inches; rowRects(n, cols, ah, s): [row][col] CSS px rects of n rows of axes ah
 * inches high, s px an inch; lossAxes(rect, total, ylim): the loss panel; rowHeader, legendItems,
 * legendBox, swatch: the overlay's row headers and legends. Needs plot.js, dom.js.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, { el } = ourdl.player;
  const DESIGN_WIDTH = 8.0;
  const LAYOUT = { left: 0.40, right: 0.10, gap: 0.40, top: 0.04, header: 0.24, titles: 0.19, ticks: 0.19,
    legend: 0.36, font: 8.0, small: 6.5, line: 1.5 };

  function panelWidth(cols) {
    const L = LAYOUT;
    return (DESIGN_WIDTH - L.left - L.right - (cols - 1) * L.gap) / cols;
  }

  function rowRects(n, cols, ah, s) {
    const L = LAYOUT, aw = panelWidth(cols);
    return Array.from({ length: n }, (_, k) => {
      const top = (L.top + L.titles + k * (L.header + ah + L.ticks) + L.header) * s;
      return Array.from({ length: cols }, (_, j) => ({ x: (L.left + j * (aw + L.gap)) * s, y: top, w: aw * s, h: ah * s }));
    });
  }

  function lossAxes(rect, total, ylim) {
    return new P.Axes(rect, { xlim: [0, total * 1.06], ylim, xscale: "symlog", yscale: "log",
      linthresh: Math.max(10, total / 1000) });
  }

  /** Above the axes `row` (row k) in the overlay `o`: the run's label, the caption ([["t", text] | ["v", name]];
   * each "v" a span in `values`, filled per frame) and the divergence warning over the last of `n` panels. */
  function rowHeader(o, row, k, s, label, caption, n, color) {
    const L = LAYOUT, top = row[0].rect.y - (L.header - 0.06) * s - (k === 0 ? L.titles * s : 0);
    const name = el("div", "op-run-label", o, label);
    name.style.left = `${L.left * s}px`; name.style.top = `${top}px`;
    const cap = el("div", "op-caption", o);
    cap.style.right = `${L.right * s}px`; cap.style.top = `${top}px`;
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

  /** The legend under bottom axes j: the panel's nodes, target, `extra(panel)` items and data range, or
   * the loss panel's train and eval loss; `color(i)`: palette colour i. Keys are what the entries toggle. */
  function legendItems(d, j, th, color, extra) {
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

  /** The legend box under the axes `ax` for n entries: two columns, filled column by column (matplotlib's). */
  function legendBox(o, cls, ax, n, s, pt) {
    const L = LAYOUT, box = el("div", cls, o);
    box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
    box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
    box.style.fontSize = `${L.small * pt}px`;
    box.style.gridTemplateRows = `repeat(${Math.ceil(n / 2)}, auto)`;
    return box;
  }

  /** A legend entry's key: a line ("line", "thin", "dash"), a marker ("dot") or a patch, in its colour. */
  function swatch(parent, it, pt) {
    const L = LAYOUT, sw = el("span", "op-swatch op-swatch-" + it.kind, parent);
    sw.style.width = `${1.6 * L.small * pt}px`;
    if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
    if (it.kind === "dot") {  // a round patch of the marker's size
      Object.assign(sw.style, { width: `${2.2 * L.line * pt}px`, height: `${2.2 * L.line * pt}px`, border: "0",
        borderRadius: "50%", backgroundColor: it.color, margin: `0 ${0.8 * L.small * pt}px` });
    } else if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
  }

  Object.assign(ourdl.player, { DESIGN_WIDTH, LAYOUT, panelWidth, rowRects, lossAxes, rowHeader, legendItems, legendBox,
    swatch });
})(window.ourdl = window.ourdl || {});
