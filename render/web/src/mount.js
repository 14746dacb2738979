/* mount.js: start a page's players (or labs): every root of the page whose JSON block (data-source) holds
 * their format; a root that cannot start says so in its own text (and on the console) and leaves the
 * others be.
 */

import { read } from "./data.js";

/** @typedef {import("./types.js").PageData} PageData */
/** @typedef {import("./types.js").RunsData} RunsData */
/** @typedef {import("./types.js").SweepData} SweepData */

/**
 * start(root, data) on every root matching `selector` that is not running yet and whose data has
 * `format`; `failure` begins the text a root shows when it cannot start.
 * @param {string} selector @param {string} format @param {string} noun  "player", "lab"
 * @param {string} failure @param {(root: HTMLElement) => boolean} running
 * @param {(root: HTMLElement, data: PageData) => void} start
 */
export function mountAll(selector, format, noun, failure, running, start) {
  for (const root of document.querySelectorAll(selector)) {
    const element = /** @type {HTMLElement} */ (root);
    if (running(element)) continue;
    try {
      const data = read(element.dataset.source);
      if (!data || data.format !== format) throw new Error(`no ${noun} data in this page`);
      start(element, data);
    } catch (err) {
      element.textContent = failure + String(err && err.message);
      console.error(err);
    }
  }
}

/**
 * Start a player on every `.ourdl-player[data-source]`, by its data's kind.
 * @param {{runs?: (root: HTMLElement, data: RunsData) => unknown,
 *   sweep?: (root: HTMLElement, data: SweepData) => unknown}} players  the page's player of each data kind
 */
export function mountPlayers(players) {
  mountAll(".ourdl-player[data-source]", "ourdl-player", "player", "This player could not start: ",
    (root) => !!(/** @type {HTMLElement & {ourdlPlayer?: unknown}} */ (root)).ourdlPlayer, (root, data) => {
      if (data.kind === "sweep" && players.sweep) players.sweep(root, /** @type {SweepData} */ (data));
      else if (data.kind === "runs" && players.runs) players.runs(root, /** @type {RunsData} */ (data));
      else throw new Error(`this page has no player for ${data.kind} data`);
    });
}
