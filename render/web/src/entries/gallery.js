/* entries/gallery.js: the gallery index (render/web/gallery_page.py) fits each player's frame to the
 * player's height, which each framed player page posts (host.js). The gallery's CSS already sizes the
 * frames from the player's measured layout, so this only trims the last pixels (and the rows of controls
 * that wrap in a narrow column); the page looks right without it.
 */

import { HEIGHT_MESSAGE } from "../host.js";

const TALLEST = 4000;  // px: no frame grows past this, whatever a page says

addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== HEIGHT_MESSAGE || !(data.height > 0)) return;
  const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === event.source);
  if (frame) frame.style.height = Math.min(Math.ceil(data.height), TALLEST) + "px";
});
