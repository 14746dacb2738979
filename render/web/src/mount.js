/* mount.js: mount a player on every `.ourdl-player[data-source]` of the page, by its data's kind; a root
 * that cannot start says so in its own text (and on the console) and leaves the others be.
 */

import { read } from "./data.js";

/**
 * @param {Record<string, (root: HTMLElement, data: any) => unknown>} players  the page's player for each
 *   data kind ("runs", "sweep"); the data is the kind's JSON (types.js: RunsData, SweepData)
 */
export function mountPlayers(players) {
  for (const root of document.querySelectorAll(".ourdl-player[data-source]")) {
    const element = /** @type {HTMLElement & {ourdlPlayer?: unknown}} */ (root);
    if (element.ourdlPlayer) continue;
    try {
      const data = read(element.dataset.source);
      if (!data || data.format !== "ourdl-player") throw new Error("no player data in this page");
      const mount = players[data.kind];
      if (!mount) throw new Error(`this page has no player for ${data.kind} data`);
      mount(element, data);
    } catch (err) {
      element.textContent = "This player could not start: " + String(err && err.message);
      console.error(err);
    }
  }
}
