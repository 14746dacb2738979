/* player_inspect.js: the player's "Inspect this sample": the step-through of backprop.js in a dialog, at the
 * current snapshot's sample s of the run shown (the one alone, else the row last under the pointer; the
 * dialog's menu picks another). The recording's parameters at snapshot s are those after s updates, and the
 * page carries each snapshot's sample (x, label), regenerated in Python from the run's data seed
 * (render/web/player_inspect.py), so the step is computed from them (backprop_at.js) with no training: the
 * dialog shows the snapshots' samples (another one asked for shows the nearest before it, and says so).
 * Only where that is exact does the page carry them (data.inspect); elsewhere there is no button.
 */

import { openDialog } from "./backprop.js";
import { StepGraph } from "./backprop_at.js";
import { f64 } from "./data.js";
import { el } from "./dom.js";
import { indexOfStep } from "./shell.js";

/** @typedef {import("./player.js").Player} Player */

/**
 * The button, in the player's bar, where the page carries the samples; null elsewhere. It opens the
 * dialog for what the player shows then.
 * @param {Player} player
 */
export function inspectButton(player) {
  const d = /** @type {any} */ (player.d);
  if (!d.inspect || !d.graph) return null;
  // in the bar after the menus (on a phone, a line of its own rather than its words wrapped)
  const bar = /** @type {HTMLElement} */ (player.controls.extra.parentElement);
  const button = el("button", "op-inspect bp-inspect", bar, d.ui.bp_inspect);
  button.type = "button";
  // whole, and no taller than the menus beside it (19 px: a row keeps the height the embeds measured)
  Object.assign(button.style, { whiteSpace: "nowrap", lineHeight: "15px", padding: "1px 6px" });
  let row = 0;  // the run of the row last under the pointer
  player.figure.addEventListener("pointermove", () => {
    if (player.hover) row = player.rows()[player.hover.k];
  });
  button.addEventListener("click", () => openInspect(player, player.run >= 0 ? player.run : row));
  return button;
}

/**
 * The provider of the player's steps: run r's step at a snapshot's sample, from the recorded parameters.
 * @param {Player} player @returns {import("./backprop.js").Provider}
 */
export function provider(player) {
  const d = /** @type {any} */ (player.d), insp = d.inspect, runs = insp.runs;
  const graph = new StepGraph(d.graph), xy = f64(insp.xy), S = player.S, P = player.P;
  const labels = runs.map((/** @type {any} */ q) => String(q.label));
  /** the last snapshot at or before `sample` that run r can show @param {number} sample @param {number} r */
  const nearest = (sample, r) => player.steps[indexOfStep(player.steps, Math.min(sample, runs[r].last))];
  return {
    runs: d.runs.map((/** @type {any} */ q) => q.label), samples: (r) => runs[r].samples, nearest,
    at(sample, r) {
      const run = runs[r], k = player.steps.indexOf(sample);
      if (k < 0 || sample > run.last) {
        throw new Error(`sample ${sample}: the player holds snapshots' samples up to ${run.last}`);
      }
      const at = r * S + k;
      return graph.step({ scene: d.scene, run: labels[r], runs: labels, samples: run.samples, lr: run.lr,
        lrs: run.lrs }, sample, player.params.subarray(at * P, (at + 1) * P), xy[2 * at], xy[2 * at + 1]);
    },
  };
}

/**
 * Open the step-through at run r and the current snapshot's sample; returns it (tests).
 * @param {Player} player @param {number} r
 */
export function openInspect(player, r) {
  player.controls.pause();
  const d = /** @type {any} */ (player.d), ui = d.ui;
  const output = d.panels.find((/** @type {any} */ p) => p.nodes.includes(d.graph.output));
  return openDialog(player.root, provider(player), {
    graph: d.graph, grid: player.xs, target: d.hasTarget ? player.target : null, points: d.points,
    xRange: d.xRange, panels: d.panels, th: d.theme, lang: d.lang, ui, targetName: d.targetName,
    outputTitle: output ? output.title : d.graph.output, title: ui.bp_title.replace("{scene}", d.scene),
  }, { run: r, sample: player.steps[player.index] });
}
