/* mount.js: mount a player on every `.ourdl-player[data-source]` of the page, by its data's kind; a root
 * that cannot start says so in its own text (and on the console) and leaves the others be.
 */

import { read } from "./data.js";

/** @typedef {import("./types.js").RunsData} RunsData */
/** @typedef {import("./types.js").SweepData} SweepData */

/**
 * @param {{runs?: (root: HTMLElement, data: RunsData) => unknown,
 *   sweep?: (root: HTMLElement, data: SweepData) => unknown}} players  the page's player of each data kind
 */
export function mountPlayers(players) {
  for (const root of document.querySelectorAll(".ourdl-player[data-source]")) {
    const element = /** @type {HTMLElement & {ourdlPlayer?: unknown}} */ (root);
    if (element.ourdlPlayer) continue;
    try {
      const data = read(element.dataset.source);
      if (!data || data.format !== "ourdl-player") throw new Error("no player data in this page");
      if (data.kind === "sweep" && players.sweep) players.sweep(element, /** @type {SweepData} */ (data));
      else if (data.kind === "runs" && players.runs) players.runs(element, /** @type {RunsData} */ (data));
      else throw new Error(`this page has no player for ${data.kind} data`);
    } catch (err) {
      element.textContent = "This player could not start: " + String(err && err.message);
      console.error(err);
    }
  }
}
