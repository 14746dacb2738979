/* entries/runs.js: the page of a runs scene whose panels all draw curves (the player, player.js).
 *
 * Console and test API: each `.ourdl-player` root's .ourdlPlayer (player.js says what it offers);
 * window.ourdl.graph (graph.js: compile, evaluate, OPS, ACTIVATIONS).
 */

import * as graph from "../graph.js";
import { mountPlayers } from "../mount.js";
import { Player } from "../player.js";

window.ourdl = Object.assign(window.ourdl || {}, { graph });
mountPlayers({ runs: (root, data) => new Player(root, data) });
