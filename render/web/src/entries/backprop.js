/* entries/backprop.js: the backprop page (render/web/backprop.py): one training step of one run, node by
 * node (backprop.js), for any sample of any run, recomputed here with the lab's engine (backprop_step.js).
 *
 * Console and test API: window.__backprop = {at(sample, run) -> the "ourdl-backprop" dict (run: a label,
 * or the first), embedded() -> the dict the page was written with (its <script id="backprop">),
 * page -> the StepThrough (.open(run, sample, at), .controls, .step, .minTextPx())}.
 */

import { StepThrough } from "../backprop.js";
import { Stepper, runIndex } from "../backprop_step.js";
import { f64, read } from "../data.js";
import { mountAll } from "../mount.js";

mountAll(".ourdl-backprop[data-source]", "ourdl-backprop-page", "page", "This page could not start: ",
  (root) => !!(/** @type {any} */ (root)).ourdlBackprop, (root, data) => {
    root.textContent = "";
    const d = /** @type {any} */ (data), src = d.source;
    const stepper = new Stepper(src);
    const provider = { runs: src.runs.map((/** @type {any} */ r) => r.label),
      samples: (/** @type {number} */ r) => src.runs[r].samples,
      at: (/** @type {number} */ sample, /** @type {number} */ r) => stepper.at(sample, r) };
    const page = new StepThrough(root, provider, {
      graph: src.graph, grid: f64(src.grid), target: src.targetCurve ? f64(src.targetCurve) : null,
      points: src.points, xRange: src.xRange, panels: src.panels, th: d.theme, lang: d.lang, ui: d.ui,
      targetName: d.targetName, outputTitle: d.outputTitle, description: d.description,
      title: d.ui.bp_title.replace("{scene}", src.scene),
    }, { run: d.run, sample: d.sample, standalone: true, keys: window });
    (/** @type {any} */ (root)).ourdlBackprop = page;
    window.__backprop = {
      at: (/** @type {number} */ sample, /** @type {string | undefined} */ run) =>
        stepper.at(sample, runIndex(src, run)),
      embedded: () => read(root.dataset.step || "backprop"),
      page,
    };
  });
