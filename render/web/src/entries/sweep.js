/* entries/sweep.js: the page of a seeded sweep (relu_vs_leakyrelu): the sweep player (sweep.js) with its
 * histograms, fitting modes, fitted share and named runs.
 *
 * Console and test API: each `.ourdl-player` root's .ourdlPlayer (sweep.js says what it offers);
 * window.ourdl.graph (graph.js).
 */

import * as graph from "../graph.js";
import { mountPlayers } from "../mount.js";
import { SweepPlayer } from "../sweep.js";

window.ourdl = Object.assign(window.ourdl || {}, { graph });
mountPlayers({ sweep: (root, data) => new SweepPlayer(root, data) });
