/* entries/lab.js: the lab's page (lab.js): trains the scene's network in the page with train.js, on
 * WebAssembly (train_wasm.js: the page's policy allows 'wasm-unsafe-eval') where it can.
 *
 * Console and test API, for tests and curious users: window.ourdl.graph, .train, .random (graph.js,
 * train.js, random.js); each `.ourdl-lab` root's .ourdlLab (a Lab); and window.lab, the first lab's:
 *   lab.run(config)     -> train.run(the page's graph, config): {names, steps, params, train_loss,
 *                          diverged_at, engine}. config: {init: {name: value}, lr or lrs, samples,
 *                          activation, loss: "absolute" | "squared", data_seed, data_range? and target?
 *                          (the page's; target also a name or an expression), points? ([x, y] pairs),
 *                          hidden? (widths: another network of the family), every, marks?, steps?,
 *                          engine?} (lab_run.js, consoleRun)
 *   lab.state()         -> {settings, pinned, step, index, playing, engine, trainMs, command}
 *   lab.set(partial)    -> apply settings ({init: {...}, lr (every rate) or lrs (one per parameter),
 *                          samples, activation, loss, dataSeed}); settings.lr is the one rate, or null
 *                          when the parameters' rates differ
 *   lab.preset(name), lab.random(seed), lab.pin(), lab.unpin(), lab.seekStep(step)
 *   lab.train(), lab.pause(), lab.step(), lab.reset()
 *   lab.firstFrame      -> ms since navigation start when the figure was first drawn; lab.timing: when
 *                          the scripts started ({scripts}) and the lab was built ({mounted})
 *   lab.inspect()       -> "Inspect this sample": the backprop step-through (backprop.js) in a dialog
 *   lab.grid()          -> {rows, cols}: each run's panel grid at the figure's width (layout.js)
 *   lab.minTextPx()     -> the smallest font px of any text the figure and the map draw
 */

import * as graph from "../graph.js";
import { Lab } from "../lab.js";
import { openInspect } from "../lab_inspect.js";
import { consoleRun } from "../lab_run.js";
import { mountAll } from "../mount.js";
import * as random from "../random.js";
import * as train from "../train.js";
import { build } from "../train_wasm.js";

const started = performance.now();  // ms since navigation start: the page's script is parsed
train.useEngine(build);
window.ourdl = Object.assign(window.ourdl || {}, { graph, train, random });

/** @type {Lab | null} */
let first = null;
const timing = { scripts: started, mounted: undefined };
mountAll(".ourdl-lab[data-source]", "ourdl-lab", "lab", "The lab could not start: ",
  (root) => !!(/** @type {HTMLElement & {ourdlLab?: Lab}} */ (root)).ourdlLab, (root, data) => {
    root.textContent = "";
    const lab = new Lab(root, /** @type {import("../types.js").LabData} */ (data));
    if (!first) { first = lab; timing.mounted = performance.now(); }
  });

window.lab = Object.assign(window.lab || {}, { timing }, first ? api(first) : {});

/** The console API of `lab`. @param {Lab} lab */
function api(lab) {
  const self = {
    /** @param {import("../lab_run.js").ConsoleConfig} config */
    run: (config) => consoleRun(lab.d, config),
    state: () => lab.state(),
    /** @param {Partial<import("../types.js").Settings> & {lr?: number}} partial */
    set: (partial) => { lab.set(partial, true); return lab.state(); },
    /** @param {string} name */
    preset: (name) => self.set({ init: (lab.d.presets.find((p) => p.name === name) || { init: {} }).init }),
    /** @param {number} seed */
    random: (seed) => { lab.random(seed); return self.set({}); },
    pin: () => { lab.pin(); return lab.state(); },
    unpin: () => { lab.unpin(); return lab.state(); },
    /** @param {number} step */
    seekStep: (step) => {
      lab.flush(); lab.controls.pause(); lab.controls.seek(lab.indexOfStep(step), true);
      return lab.state();
    },
    train: () => { lab.flush(); lab.controls.play(); },
    pause: () => lab.controls.pause(),
    step: () => { lab.flush(); lab.controls.step(1); },
    reset: () => { lab.flush(); lab.controls.pause(); lab.controls.seek(0, true); },
    firstFrame: lab.firstFrame,  // drawn while the lab was built
    grid: () => lab.figure.grid(),
    inspect: () => openInspect(lab).stepThrough,
    minTextPx: () => lab.minTextPx(),
    lab,
  };
  return self;
}
