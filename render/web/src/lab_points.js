/* lab_points.js: the lab's points editor, over the figure's output panel (lab_figure.js's Figure owns one):
 * add, drag, remove the user's data points, kept to the lab's 3 decimals (lab_settings.js roundCoord).
 * Safety: it reads only pointer and key events; nothing from data or URLs becomes markup.
 */

import { el } from "./dom.js";
import { roundCoord } from "./lab_settings.js";

/** @typedef {import("./lab_figure.js").Figure} Figure */
/** @typedef {import("./plot.js").Axes} Axes */

/** px from a point a press takes it (a finger's half width on a phone). */
const HIT = 11;

/**
 * The user's points on the top row's output panel: a click or tap adds one, a drag moves one, a right-click
 * or Delete (the last touched) removes one. A transparent box over the axes takes the presses
 * (touch-action none: a drag there moves a point, it does not scroll); the figure's `points()` and
 * `onPoints(points)` (set by the lab) read and change them; the box shows only where `editable`.
 */
export class PointsPad {
  /** @param {Figure} fig */
  constructor(fig) {
    this.fig = fig;
    const e = this.element = el("div", "ol-points-pad", fig.element);
    e.hidden = true;
    e.tabIndex = 0;
    e.setAttribute("role", "application");
    /** @type {{id: number, k: number, x: number, y: number, moved: boolean} | null} */
    this.press = null;
    this.selected = -1;
    e.addEventListener("pointerdown", (ev) => this.down(ev));
    e.addEventListener("pointermove", (ev) => this.move(ev));
    e.addEventListener("pointerup", (ev) => this.up(ev));
    e.addEventListener("pointercancel", () => { this.press = null; });
    e.addEventListener("contextmenu", (ev) => {
      ev.preventDefault();
      const k = this.hit(ev);
      if (k >= 0) this.change(this.points().filter((_, i) => i !== k));
    });
    e.addEventListener("keydown", (ev) => {
      if ((ev.key === "Delete" || ev.key === "Backspace") && this.selected >= 0) {
        ev.preventDefault(); ev.stopPropagation();
        const k = this.selected;
        this.selected = -1;
        this.change(this.points().filter((_, i) => i !== k));
      }
    });
  }

  /** @returns {number[][]} */
  points() { return this.fig.points ? this.fig.points() : []; }

  /** @param {number[][]} pts */
  change(pts) { if (this.fig.onPoints) this.fig.onPoints(pts); }

  /** Over the axes `ax` (CSS px of the figure), or hidden. @param {Axes | null} ax */
  place(ax) {
    this.ax = ax;
    const on = !!ax && !!this.fig.editable;
    this.element.hidden = !on;
    if (!on) return;
    const r = ax.rect;
    Object.assign(this.element.style,
      { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
  }

  /** The press in the axes' px. @param {MouseEvent} ev */
  at(ev) {
    const r = this.fig.element.getBoundingClientRect();
    return [ev.clientX - r.left, ev.clientY - r.top];
  }

  /** The point within HIT px of the press (the nearest), or -1. @param {MouseEvent} ev */
  hit(ev) {
    const [px, py] = this.at(ev), ax = this.ax;
    let best = -1, dist = HIT;
    this.points().forEach((p, k) => {
      const d = Math.hypot(ax.px(p[0]) - px, ax.py(p[1]) - py);
      if (d <= dist) { best = k; dist = d; }
    });
    return best;
  }

  /** The data point under the press, rounded as points are kept. @param {MouseEvent} ev */
  value(ev) {
    const [px, py] = this.at(ev), ax = this.ax, r = ax.rect;
    const x = ax.xAt(Math.min(r.x + r.w, Math.max(r.x, px)));
    const y = ax.yAt(Math.min(r.y + r.h, Math.max(r.y, py)));
    return [roundCoord(x), roundCoord(y)];
  }

  /** @param {PointerEvent} ev */
  down(ev) {
    if (ev.button !== 0) return;
    const k = this.hit(ev);
    this.press = { id: ev.pointerId, k, x: ev.clientX, y: ev.clientY, moved: false };
    this.selected = k;
    this.element.focus({ preventScroll: true });
    try { this.element.setPointerCapture(ev.pointerId); } catch { /* gone already */ }
  }

  /** @param {PointerEvent} ev */
  move(ev) {
    const p = this.press;
    if (!p || p.id !== ev.pointerId) {
      this.element.style.cursor = this.hit(ev) >= 0 ? "move" : "crosshair";
      return;
    }
    if (!p.moved && Math.hypot(ev.clientX - p.x, ev.clientY - p.y) < 4) return;
    p.moved = true;
    if (p.k < 0) return;
    const pts = this.points().slice();
    pts[p.k] = this.value(ev);
    this.change(pts);
  }

  /** @param {PointerEvent} ev */
  up(ev) {
    const p = this.press;
    if (!p || p.id !== ev.pointerId) return;
    this.press = null;
    if (p.k >= 0 || p.moved) return;
    const pts = this.points();
    this.selected = pts.length;
    this.change([...pts, this.value(ev)]);
  }
}
