/* entries/map.js: the page of a map sweep (init_basin): the sweep player (sweep.js) with its map of inits
 * and the explorer (sweep_map.js), which trains a clicked cell here with train.js's interpreter.
 *
 * Console and test API: each `.ourdl-player` root's .ourdlPlayer (sweep.js: .cellAt, .select, .clicked,
 * .map ...); window.ourdl.graph (graph.js), window.ourdl.train (train.js: run(graph, config), Trainer,
 * compile ...) and window.ourdl.random (random.js: uniform(seed, low, high, n), numpy's default_rng).
 */

import * as graph from "../graph.js";
import { mountPlayers } from "../mount.js";
import * as random from "../random.js";
import { SweepPlayer } from "../sweep.js";
import * as sweepMap from "../sweep_map.js";
import * as train from "../train.js";

window.ourdl = Object.assign(window.ourdl || {}, { graph, train, random });
mountPlayers({ sweep: (root, data) => new SweepPlayer(root, data, sweepMap) });
