/* lab_inspect.js: the lab's "Inspect this sample": the step-through of backprop.js in a dialog, at the lab's
 * current run and sample (the timeline's step; past the last sample, the last), computed as the backprop
 * page computes it (backprop_step.js: train to the sample with the lab's settings, then the step in
 * ourdl's order), so any sample of the run can be picked in it.
 */

import { openDialog } from "./backprop.js";
import { Stepper } from "./backprop_step.js";
import { el } from "./dom.js";
import { variantGraph } from "./train.js";

/** @typedef {import("./lab.js").Lab} Lab */

/**
 * The button in the lab's toolbar; it opens the dialog for what the lab shows then.
 * @param {Lab} lab @param {HTMLElement} toolbar
 */
export function inspectButton(lab, toolbar) {
  const ui = lab.d.ui;
  const button = el("button", "ol-button bp-inspect", toolbar, ui.bp_inspect);
  button.type = "button";
  button.addEventListener("click", () => openInspect(lab));
  return button;
}

/** Open the step-through at the lab's current run and sample; returns it (tests). @param {Lab} lab */
export function openInspect(lab) {
  lab.flush();
  if (lab.controls) lab.controls.pause();
  const s = lab.settings, view = lab.netView(s), d = lab.d;
  const graph = variantGraph(view.graph, { activation: s.activation, loss: s.loss });
  const label = d.lab.this_run;
  const run = { label, init: s.init, lrs: Array.from(s.lrs), lr: s.lrs[0], dataSeed: s.dataSeed,
    samples: s.samples };
  const source = { scene: d.scene, graph, dataRange: d.dataRange, runs: [run],
    target: view.points ? null : view.targetSpec, points: view.points || null };
  const stepper = new Stepper(source);
  const step = lab.timelineSteps[lab.controls ? lab.controls.index : 0];
  const sample = Math.max(0, Math.min(s.samples - 1, step));
  const provider = { runs: [label], samples: () => s.samples,
    at: (/** @type {number} */ n) => stepper.at(n, 0) };
  const output = view.panels.find((p) => p.nodes.includes(graph.output));
  return openDialog(lab.root, provider, {
    graph, grid: d.gridValues, target: view.points ? null : view.targetValues, points: view.points || null,
    xRange: d.xRange, panels: view.panels, th: d.theme, lang: d.lang, ui: d.ui, targetName: view.targetName,
    outputTitle: output ? output.title : graph.output, title: d.ui.bp_title.replace("{scene}", d.scene),
  }, { run: 0, sample });
}
