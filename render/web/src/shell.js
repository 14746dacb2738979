/* shell.js: the page around a figure, the same for the runs player, the sweep player and the lab: the
 * root dressed in the theme (classes, language, colours, font), the figure's canvases and overlay, the
 * timeline bar with the scene's marks, the keys, following the URL fragment and the figure's width, and
 * autoplay. A standalone page (data-standalone="1", or the lab) owns the window's keys and the URL
 * fragment; a player embedded among other content takes keys only when focused and leaves the URL alone.
 * A standalone player page in a frame also tells its host its height (host.js).
 */

import { Controls, bindKeys } from "./controls.js";
import { f64 } from "./data.js";
import { el, family, fill } from "./dom.js";
import { tellHostHeight } from "./host.js";
import { thousands } from "./plot.js";

/** @typedef {import("./types.js").Theme} Theme */
/** @typedef {import("./types.js").PageCommon} PageCommon */
/** @typedef {import("./controls.js").Mark} Mark */

/**
 * The last snapshot at or before sample `step` (the first when `step` is before them all).
 * @param {ArrayLike<number>} steps  ascending @param {number} step
 */
export function indexOfStep(steps, step) {
  let lo = 0, hi = steps.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (steps[mid] <= step) lo = mid; else hi = mid - 1; }
  return lo;
}

/**
 * What the runs and the sweep player share: their data (`d`) and look, the grid (`xs`) and target, the
 * timeline's samples (`steps`, S of them) and the named runs (R); the player is root.ourdlPlayer.
 * @template {import("./types.js").RunsData | import("./types.js").SweepData} D
 */
export class TimelinePlayer {
  /** @param {HTMLElement & {ourdlPlayer?: unknown}} root @param {D} data */
  constructor(root, data) {
    this.root = root;
    this.d = data;
    root.ourdlPlayer = this;
    this.th = data.theme;
    /** the x values every curve is drawn over */
    this.xs = f64(data.grid);
    /** the same, by its first name (the runs player's grid() is its panel grid instead) @type {any} */
    this.grid = this.xs;
    this.target = f64(data.target);
    this.steps = data.steps;
    this.S = data.steps.length;
    this.R = data.runs.length;
    this.G = this.xs.length;
  }

  /** The last snapshot at or before sample `step`. @param {number} step */
  indexOfStep(step) { return indexOfStep(this.steps, step); }
}

/** Whether the page is the player's own (it may take the window's keys and the URL fragment).
 * @param {HTMLElement} root */
export const standalone = (root) => root.dataset.standalone === "1";

/**
 * Dress `root` in the theme: its classes ("op-root", `classes`, the theme's), language, colours as CSS
 * variables and the language's font; returns that font stack. A standalone page starts telling a host
 * that frames it its height.
 * @param {HTMLElement} root @param {Theme} th @param {string} lang @param {...string} classes
 */
export function dress(root, th, lang, ...classes) {
  root.classList.add("op-root", ...classes, "op-theme-" + (th.name === "dark" ? "dark" : "light"));
  root.lang = lang === "zh" ? "zh-CN" : "en";
  const colours = { bg: th.background, fg: th.foreground, muted: th.muted, span: th.span,
    accent: th.palette[0] };
  for (const [k, v] of Object.entries(colours)) root.style.setProperty(`--op-${k}`, v);
  const fam = family(lang);
  root.style.fontFamily = fam;
  if (standalone(root)) tellHostHeight();
  return fam;
}

/**
 * A figure in `parent`: the element (an image to assistive technology), its canvas, the overlay for
 * text, and an offscreen canvas for what does not change from frame to frame.
 * @param {HTMLElement} parent @param {string} cls
 */
export function figure(parent, cls) {
  const element = el("div", cls, parent);
  element.setAttribute("role", "img");
  const canvas = el("canvas", "op-canvas", element);
  const overlay = el("div", "op-overlay", element);
  return { element, canvas, overlay, bg: document.createElement("canvas") };
}

/**
 * The slider's marks for the scene's named samples.
 * @param {Record<string, string>} ui @param {number[]} marks @param {ArrayLike<number>} steps
 * @returns {Mark[]}
 */
export const sampleMarks = (ui, marks, steps) => marks.map((m) => ({ index: indexOfStep(steps, m),
  label: fill(ui.sample, { step: thousands(m) }), short: thousands(m) }));

/**
 * The slider's mark where the run `label` diverged (at sample `at`).
 * @param {Record<string, string>} ui @param {ArrayLike<number>} steps @param {number} at
 * @param {string} label
 * @returns {Mark}
 */
export const divergedMark = (ui, steps, at, label) => ({ index: indexOfStep(steps, at), kind: "diverged",
  short: "\u26a0", label: fill(ui.diverged_mark, { label }) });

/**
 * The timeline bar under the figure: `count` snapshots, stepAt(i) the sample of snapshot i, `total` the
 * last sample. It redraws on every move and saves the page's state when a person moved it, played,
 * paused or changed an option; `played(playing)` hears of play and pause first.
 * @param {HTMLElement} parent @param {PageCommon} d @param {Mark[]} marks
 * @param {{count: number, stepAt: (i: number) => number, total: number, draw: () => void,
 *   save: () => void, played?: (playing: boolean) => void}} o
 */
export function timeline(parent, d, marks, o) {
  const ui = d.ui;
  return new Controls(parent, {
    count: o.count, ui, speeds: d.speeds, marks, duration: d.duration, hold: d.hold,
    position: (i) => fill(ui.position, { step: thousands(o.stepAt(i)), total: thousands(o.total) }),
    onSeek: (i, user) => { o.draw(); if (user) o.save(); },
    onPlay: (playing) => { if (o.played) o.played(playing); o.save(); },
    onOption: () => o.save(),
  });
}

/**
 * Take the timeline's part of the URL fragment `f`: the step (else the last snapshot), speed and loop;
 * returns whether it opened a step.
 * @param {Record<string, string>} f @param {Controls} c @param {ArrayLike<number>} steps
 * @param {number[]} speeds
 */
export function readTimeline(f, c, steps, speeds) {
  let opened = false;
  if (/^\d{1,12}$/.test(f.step || "")) {
    c.pause();
    c.seek(indexOfStep(steps, Number(f.step)), false);
    opened = true;
  } else {
    c.seek(steps.length - 1, false);
  }
  c.setSpeed(/^[0-9.]{1,5}$/.test(f.speed || "") && speeds.includes(Number(f.speed)) ? Number(f.speed) : 1);
  c.setLoop(f.loop === "1");
  return opened;
}

/**
 * The timeline's keys: the window's on a standalone page, else the root's (focusable) only.
 * @param {HTMLElement} root @param {Parameters<typeof bindKeys>[1]} controls @param {boolean} own
 */
export function keys(root, controls, own) {
  if (own) bindKeys(window, controls);
  else { root.tabIndex = 0; bindKeys(root, controls); }
}

/** Apply the URL fragment again whenever it changes (a link, the back button). @param {() => void} apply */
export const onFragment = (apply) => window.addEventListener("hashchange", () => apply());

/**
 * Lay the figure out again when its width changes (`width()`: the width it was laid out for).
 * @param {HTMLElement} figureElement @param {() => number} width @param {() => void} relayout
 */
export function onResize(figureElement, width, relayout) {
  if (typeof ResizeObserver !== "function") return;
  new ResizeObserver(() => { if (figureElement.clientWidth !== width()) relayout(); }).observe(figureElement);
}

/**
 * Play once on load when the page asks (data-autoplay="1") and the URL did not open a step.
 * @param {HTMLElement} root @param {Controls} controls @param {boolean} opened
 */
export function autoplay(root, controls, opened) {
  if (!opened && root.dataset.autoplay === "1") controls.play();
}

/**
 * A player's start, once `before` (e.g. its map's bytes) has resolved: follow the URL fragment, lay the
 * figure out and follow its width, autoplay; a failure says so in the root instead of leaving it blank.
 * Sets player.ready to that promise.
 * @param {HTMLElement} root @param {Promise<unknown>} before
 * @param {{ready?: Promise<void>, applyFragment: () => void, layout: () => void, figure: HTMLElement,
 *   width: number, controls: Controls, opened: boolean}} player
 */
export function startPlayer(root, before, player) {
  player.ready = before.then(() => {
    player.applyFragment();
    onResize(player.figure, () => player.width, () => player.layout());
    player.layout();
    autoplay(root, player.controls, player.opened);
  });
  player.ready.catch((err) => {
    root.textContent = "This player could not start: " + String(err && err.message);
    console.error(err);
  });
}
