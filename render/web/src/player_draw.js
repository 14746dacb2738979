/* player_draw.js: the runs player's drawing, after runs_figure.js's static layer: the overlay (run labels,
 * captions, toggling legends) and each frame (the curves, the panels' moving parts, the loss up to the step,
 * the captions, the hover's guide line and dots).
 */

import { el } from "./dom.js";
import { keepInside, legendBox, runHeader, swatch } from "./layout.js";
import { line, marker, vline } from "./plot.js";
import { hoverUnit } from "./player_hover.js";
import { showCaption } from "./runs_figure.js";
import { LEGEND_UNITS, drawSum, sumNodes } from "./sum_view.js";

/** @typedef {import("./player.js").Player} Player */

/** The overlay: each run's label, caption and warning; under the last run's panels one toggling legend a
 * panel, in the columns the layout gave it.
 * @param {Player} player */
export function buildOverlay(player) {
  const o = player.overlay, d = player.d, L = player.L, s = player.s, pt = player.pt, lay = player.lay;
  o.textContent = "";
  o.style.fontSize = `${L.font * pt}px`;
  player.captions = []; player.warnings = [];
  player.rows().forEach((r, k) => {
    const head = runHeader(o, L, lay.heads[k], player.axes[k], d.panels.length, player.color(3), s);
    if (d.lang === "zh") head.label.style.fontWeight = "normal";
    player.captions.push(head.values);
    player.warnings.push(head.warning);
  });
  player.axes[player.axes.length - 1].forEach((ax, j) => {
    const items = player.legend(j);
    const box = legendBox(o, L, "op-legend", ax, items.length, s, pt, lay.legendCols[j]);
    for (const it of items) {
      const b = el("button", "op-entry", box);
      b.type = "button";
      b.dataset.key = it.key;
      b.setAttribute("aria-pressed", player.hidden.has(it.key) ? "false" : "true");
      if (player.hidden.has(it.key)) b.classList.add("op-off");
      swatch(b, L, it, pt);
      el("span", "op-entry-label", b, it.label);
      b.addEventListener("click", (e) => { e.stopPropagation(); player.toggle(it.key); });
    }
    keepInside(box, player.W);
  });
}

/** The current snapshot over the static layer; false before the first layout. @param {Player} player */
export function drawFrame(player) {
  if (!player.axes) return false;
  const ctx = player.canvas.getContext("2d"), d = player.d, th = player.th, pt = player.pt, L = player.L;
  const i = player.index, step = player.steps[i];
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(player.bg, 0, 0);
  ctx.setTransform(player.dpr, 0, 0, player.dpr, 0, 0);
  player.rows().forEach((r, k) => {
    const row = player.axes[k];
    const values = player.drawn(r, i);
    d.panels.forEach((full, j) => {
      const p = player.rowPanel(r, j);  // without the run's off nodes
      if (p.kind === "sum") {
        drawSum(ctx, row[j], player.xs, values, p, player.sumStyle());
      } else {
        p.nodes.forEach((n, c) => {
          if (!player.isHidden(n, j)) {
            line(ctx, row[j], player.xs, values[n], { color: player.color(p.colors[c]), width: L.line * pt });
          }
        });
      }
      if (p.kind === "data" || p.kind === "surface") player.panelDrawing.draw(player, ctx, row[j], r, i, p);
    });
    const ax = row[d.panels.length];
    const ev = player.loss("eval", r, i);
    if (ax) {
      if (!player.hidden.has("eval")) {
        line(ctx, ax, player.steps, player.evalLoss.subarray(r * player.S, (r + 1) * player.S),
          { color: player.color(2), width: L.line * 0.9 * pt, to: i + 1 });
      }
      const x = ax.px(step);
      vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
      if (!player.hidden.has("eval") && ev > 0) {
        marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, player.color(2), th.background, 0.8 * pt);
      }
    }
    showCaption(player, k, step, player.loss("train", r, i), ev, d.runs[r].divergedAt);
    if (player.hover && player.hover.k === k) drawHover(player, ctx, k, values);
  });
  return true;
}

/**
 * The hover's dashed guide (at its x, or its snapshot on the loss panel) and a dot on each drawn curve (of
 * a sum panel its output, of a panel of many curves only the unit under the pointer).
 * @param {Player} player @param {CanvasRenderingContext2D} ctx @param {number} k
 * @param {Record<string, Float64Array>} values
 */
function drawHover(player, ctx, k, values) {
  const h = player.hover, d = player.d, pt = player.pt, th = player.th;
  const guide = { color: th.foreground, width: 0.6 * pt, alpha: 0.5, dash: [2 * pt, 2 * pt] };
  if (h.kind === "x") {
    const x = player.xs[h.g], r = player.rows()[k], under = hoverUnit(player, values);
    d.panels.forEach((full, j) => {
      if (full.kind === "surface") return;  // its x is a parameter, not the grid's
      const ax = player.axes[k][j], p = player.rowPanel(r, j);
      const only = p.kind === "sum" ? sumNodes(p).out : full.nodes.length > LEGEND_UNITS ? under : null;
      vline(ctx, ax, x, guide);
      p.nodes.forEach((n, c) => {
        if (player.isHidden(n, j) || (only !== null && n !== only)) return;
        const y = ax.py(values[n][h.g]);
        if (ax.contains(ax.px(x), y)) {
          marker(ctx, ax.px(x), y, 2.2 * pt, player.color(p.colors[c]), th.background, 0.8 * pt);
        }
      });
    });
  } else if (h.kind === "loss") {
    vline(ctx, player.axes[k][d.panels.length], player.steps[h.s], guide);
  }
}
