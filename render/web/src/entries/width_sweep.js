/* entries/width_sweep.js: the page of a width sweep (width_sweep): failure rate against width with its
 * closed form, and the failures by cause (width_sweep.js).
 *
 * Console and test API: each `.ourdl-player` root's .ourdlPlayer (width_sweep.js says what it offers).
 */

import { mountAll } from "../mount.js";
import { WidthSweepPlayer } from "../width_sweep.js";

mountAll(".ourdl-player[data-source]", "ourdl-player", "player", "This player could not start: ",
  (root) => !!(/** @type {HTMLElement & {ourdlPlayer?: unknown}} */ (root)).ourdlPlayer, (root, data) => {
    if (data.kind !== "width_sweep") throw new Error(`this page has no player for ${data.kind} data`);
    new WidthSweepPlayer(root, /** @type {import("../width_sweep.js").WidthSweepData} */ (
      /** @type {unknown} */ (data)));
  });
