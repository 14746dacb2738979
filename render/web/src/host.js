/* host.js: tell the window that frames the page how tall the page is, so a host that listens can fit its
 * <iframe> to the player exactly (render/web/embed.py shows the host's few lines). The page only sends:
 * it listens for no message, and what it sends is its own height, nothing else.
 */

/** The type of the message, {type: HEIGHT_MESSAGE, height: CSS px rounded up}. */
export const HEIGHT_MESSAGE = "ourdl-player:height";

/** Post the page's height to window.parent after it lays out and whenever it changes; nothing when the
 * page is not framed. */
export function tellHostHeight() {
  if (window.parent === window || typeof ResizeObserver !== "function") return;
  const page = document.documentElement;
  let sent = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(page.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");  // a height is no secret: any origin
  }).observe(page);
}
