/* player_hover.js: the runs player's pointer: what is under it, the readout and its tip. A mouse shows the
 * readout where it hovers, a finger where it taps; a click or tap on the loss panel seeks to the snapshot
 * there, and a drag along it scrubs (controls.js dragScrub scrubs a drag anywhere else). The readout names
 * every drawn node of a panel of up to eight curves; of a sum panel its output, of a panel of more only the
 * unit under the pointer (its band in a sum panel, else the nearest curve: sum_view.js unitAt).
 */

import { el, fill } from "./dom.js";
import { fmtG, number, thousands } from "./plot.js";
import { LEGEND_UNITS, sumNodes, unitAt } from "./sum_view.js";

/** @typedef {import("./player.js").Player} Player */
/** @typedef {import("./plot.js").Axes} Axes */
/** A line of the readout: its text, and the colour of its dot (a node's value: the node and its value too).
 * @typedef {{text: string, color?: string, node?: string, value?: number}} ReadoutLine */

/**
 * The axes under the pointer: row k, panel j and the pointer's pixels in the canvas; null between axes.
 * @param {Player} player @param {{clientX: number, clientY: number}} e
 */
function locate(player, e) {
  const rect = player.canvas.getBoundingClientRect();
  const px = e.clientX - rect.left, py = e.clientY - rect.top;
  for (let k = 0; k < player.axes.length; k++) {
    for (let j = 0; j < player.axes[k].length; j++) {
      if (player.axes[k][j].contains(px, py)) return { k, j, px, py };
    }
  }
  return null;
}

/** The grid index nearest x. @param {Player} player @param {number} x */
function nearestGrid(player, x) {
  const g = player.xs;
  let lo = 0, hi = g.length - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (g[mid] <= x) lo = mid; else hi = mid; }
  return Math.abs(g[hi] - x) < Math.abs(g[lo] - x) ? hi : lo;
}

/** The snapshot drawn nearest pixel px on the loss axes.
 * @param {Player} player @param {Axes} ax @param {number} px */
function nearestSnapshot(player, ax, px) {
  let best = 0, dist = Infinity;
  for (let s = 0; s < player.S; s++) {
    const dd = Math.abs(ax.px(player.steps[s]) - px);
    if (dd < dist) { dist = dd; best = s; }
  }
  return best;
}

/** The readout at the pointer (none between axes). @param {Player} player
 * @param {{clientX: number, clientY: number}} e */
export function onMove(player, e) {
  const at = locate(player, e);
  if (!at) {
    if (player.hover) { player.hover = null; player.tip.hidden = true; player.draw(); }
    return;
  }
  const ax = player.axes[at.k][at.j], panels = player.d.panels;
  if (at.j < panels.length && panels[at.j].kind === "surface") {
    player.hover = { kind: "surface", k: at.k, j: at.j, x: ax.xAt(at.px), y: ax.yAt(at.py),
      px: at.px, py: at.py };
  } else if (at.j < panels.length) {
    player.hover = { kind: "x", k: at.k, j: at.j, g: nearestGrid(player, ax.xAt(at.px)), px: at.px,
      py: at.py };
  } else {
    player.hover = { kind: "loss", k: at.k, s: nearestSnapshot(player, ax, at.px), px: at.px, py: at.py };
  }
  player.draw();
}

/**
 * A tap or click: on the loss panel, seek to the snapshot there; a finger or pen also shows the readout
 * where it tapped (a mouse's already follows it).
 * @param {Player} player @param {PointerEvent} e
 */
export function onTap(player, e) {
  const at = locate(player, e);
  if (e.pointerType !== "mouse") onMove(player, e);
  if (at && at.j === player.d.panels.length) {
    player.controls.pause();
    player.controls.seek(nearestSnapshot(player, player.axes[at.k][at.j], at.px), true);
  }
}

/**
 * When a press lands on a loss panel (its x: the samples), the snapshot at a pointer along that panel, for
 * dragScrub; null elsewhere.
 * @param {Player} player @param {PointerEvent} e
 */
export function lossAxis(player, e) {
  const at = locate(player, e);
  if (!at || at.j !== player.d.panels.length) return null;
  const ax = player.axes[at.k][at.j];
  return (/** @type {PointerEvent} */ m) => nearestSnapshot(player, ax,
    m.clientX - player.canvas.getBoundingClientRect().left);
}

/** The readout leaves with the pointer. @param {Player} player */
export function onLeave(player) {
  if (player.hover) { player.hover = null; player.tip.hidden = true; player.draw(); }
}

/**
 * The unit under an "x" hover (a sum panel's band or a curve of its panel, not toggled off), or null.
 * @param {Player} player @param {Record<string, ArrayLike<number>>} values  its row's curves now
 * @returns {string | null}
 */
export function hoverUnit(player, values) {
  const h = player.hover;
  if (!h || h.kind !== "x" || h.j === undefined) return null;
  const p = player.rowPanel(player.rows()[h.k], h.j);
  const shown = { ...p, nodes: p.nodes.filter((n) => !player.isHidden(n, h.j)) };
  if (p.kind === "sum" && player.isHidden(p.nodes[0], h.j)) return null;
  const n = unitAt(player.axes[h.k][h.j], player.xs, values, p.kind === "sum" ? p : shown, h.px, h.py);
  return n && !player.isHidden(n, h.j) ? n : null;
}

/**
 * The hover readout: x and every drawn node's value there (or the loss at a snapshot), or null.
 * @param {Player} player
 * @returns {{run: number, x: number | null, index: number | null, lines: ReadoutLine[]} | null}
 */
export function readout(player) {
  const h = player.hover, d = player.d, th = player.th;
  if (!h) return null;
  const r = player.rows()[h.k];
  /** @type {ReadoutLine[]} */
  const lines = [];
  if (h.kind === "x") {
    const values = player.drawn(r, player.index);
    lines.push({ text: `${d.ui.x} = ${fmtG(player.xs[h.g], 4)}` });
    const under = hoverUnit(player, values), listed = new Set();
    d.panels.forEach((full, j) => {
      const p = player.rowPanel(r, j);  // a run's off nodes are not in its row
      const many = p.kind === "sum" || full.nodes.length > LEGEND_UNITS;
      p.nodes.forEach((n, c) => {
        const named = !many || n === under || (p.kind === "sum" && n === sumNodes(p).out);
        if (player.isHidden(n, j) || !named || listed.has(n)) return;
        listed.add(n);
        const v = values[n][h.g];
        lines.push({ color: player.color(p.colors[c]), text: `${n} = ${fmtG(v, 5)}`, node: n, value: v });
      });
    });
    const t = player.target[h.g];
    if (d.panels.some((p) => p.target) && d.hasTarget !== false && !player.hidden.has("target")) {
      lines.push({ color: th.target, text: `${d.targetName} = ${fmtG(t, 5)}`, node: "target", value: t });
    }
  } else if (h.kind === "surface") {
    const names = d.panels[h.j].names, what = fill(d.strings.surface_at, { target: d.targetName });
    lines.push({ text: `${names[0]} = ${fmtG(h.x, 4)}, ${names[1]} = ${fmtG(h.y, 4)}` });
    lines.push({ color: d.surface.colors[0],
      text: `${what} = ${fmtG(player.panelDrawing.lossAt(player, h.x, h.y), 4)}` });
  } else {
    lines.push({ text: fill(d.ui.sample, { step: thousands(player.steps[h.s]) }) });
    lines.push({ color: th.muted, text: `${d.strings.loss_train}: ${number(player.loss("train", r, h.s))}` });
    lines.push({ color: player.color(2),
      text: `${d.strings.loss_eval}: ${number(player.loss("eval", r, h.s))}` });
  }
  const index = h.kind === "x" ? h.g : h.kind === "loss" ? h.s : null;
  return { run: r, x: h.kind === "x" ? player.xs[h.g] : null, index, lines };
}

/** The readout beside the pointer, kept inside the figure. @param {Player} player */
export function showTip(player) {
  const info = readout(player), tip = player.tip, h = player.hover;
  tip.textContent = "";
  el("div", "op-tip-run", tip, player.d.runs[info.run].label);
  for (const line of info.lines) {
    const row = el("div", "op-tip-line", tip);
    if (line.color) el("span", "op-tip-dot", row).style.backgroundColor = line.color;
    el("span", null, row, line.text);
  }
  tip.hidden = false;
  const w = tip.offsetWidth, hgt = tip.offsetHeight;
  const x = h.px + 14 + w > player.W ? h.px - 14 - w : h.px + 14;
  const y = Math.min(Math.max(0, h.py - hgt / 2), player.H - hgt);
  tip.style.left = `${x}px`; tip.style.top = `${y}px`;
}
