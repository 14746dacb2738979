/* entries/panels.js: the page of a runs scene with "data" or "surface" panels: the player (player.js)
 * with panels.js, which draws the samples seen, the loss surface and the parameters' path.
 *
 * Console and test API: each `.ourdl-player` root's .ourdlPlayer (player.js says what it offers);
 * window.ourdl.graph (graph.js) and window.ourdl.panels (panels.js: lossAt(player, w, b), the surface
 * under the hover readout, and the drawing).
 */

import * as graph from "../graph.js";
import { mountPlayers } from "../mount.js";
import * as panels from "../panels.js";
import { Player } from "../player.js";

window.ourdl = Object.assign(window.ourdl || {}, { graph, panels });
mountPlayers({ runs: (root, data) => new Player(root, data, panels) });
