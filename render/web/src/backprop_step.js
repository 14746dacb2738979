/* backprop_step.js: one training step of a run, node by node, as ourdl takes it: the numbers of
 * render/record/backprop.py's backprop_step (the "ourdl-backprop" dict), computed in the page for any sample.
 *
 * The run trains to sample N with the lab's engine (train_compile.js's tape, interpreted: bit for bit
 * ourdl's train_step), from its init, on its data stream (train_data.js: numpy's default_rng, the target or
 * the points). Step N is then done in ourdl's own order and arithmetic, not the tape's (backprop_at.js), so
 * every value and grad equals the live graph's to the last bit (including a grad's -0.0, which the tape's
 * 0.0 + would turn into 0.0).
 */

import { StepGraph, labelIndex } from "./backprop_at.js";
import { compile } from "./train_compile.js";
import { data } from "./train_data.js";

/** @typedef {import("./types.js").Graph} Graph */
/**
 * One run a page can step through: its label, initial values, one rate a parameter (update order), the
 * run's own rate (`lr`), data seed and length.
 * @typedef {{label: string, init: Record<string, number>, lrs: number[], lr: number, dataSeed: number,
 *   samples: number}} StepRun
 */
/**
 * What a step is computed from: the scene's name, its graph (snapshot meta, with `order`: every node's
 * name in creation order, leaves included), its runs, and its data: the target (train_data.js) or the
 * points, and the data range.
 * @typedef {{scene: string, graph: Graph & {order?: string[]}, runs: StepRun[],
 *   target?: import("./train_data.js").AnyTarget | null, points?: number[][] | null, dataRange: number[]}}
 *   StepSource
 */

/**
 * The run of `source` named `label` (exactly, or the one whose label starts with it, case aside: "Fig 8"),
 * as backprop.py's pick_run; undefined or null: the first; a number: that index.
 * @param {StepSource} source @param {string | number | null | undefined} label
 */
export function runIndex(source, label) {
  const runs = source.runs;
  if (label === undefined || label === null) return 0;
  if (typeof label === "number" && Number.isInteger(label) && label >= 0 && label < runs.length) return label;
  const text = String(label), k = labelIndex(runs.map((r) => r.label), text);
  if (k >= 0) return k;
  throw new Error(`no run ${JSON.stringify(text)} in ${source.scene} (its runs: `
    + `${runs.map((r) => JSON.stringify(r.label)).join("; ")})`);
}

/**
 * `sample` checked against the run (backprop.py's pick_sample): an integer from 0 to samples − 1.
 * @param {StepRun} run @param {unknown} sample
 */
export function checkSample(run, sample) {
  if (typeof sample !== "number" || !Number.isInteger(sample) || sample < 0) {
    throw new Error(`sample ${String(sample)}: give a sample number from 0 to ${run.samples - 1}`);
  }
  if (sample >= run.samples) {
    throw new Error(`sample ${sample} is past the run: ${run.label} trains samples 0 to ${run.samples - 1}`);
  }
  return sample;
}

/** Steps through the runs of one source: .at(sample, run) -> the "ourdl-backprop" dict. */
export class Stepper {
  /** @param {StepSource} source */
  constructor(source) {
    this.source = source;
    this.graph = new StepGraph(source.graph);
    this.net = compile(source.graph, { engine: "interpreter" });
  }

  /**
   * The parameters after `sample` updates of run r (update order), trained as the recorder trains them;
   * refused past a divergence, as backprop.py refuses it.
   * @param {number} r @param {number} sample
   */
  trained(r, sample) {
    const run = this.source.runs[r], s = this.source;
    const d = data(run.dataSeed, run.samples, s.dataRange, s.points ? undefined : s.target || undefined,
      s.points || null);
    this.net.setParams(this.graph.names.map((n) => run.init[n]));
    const result = this.net.train(d.xs, d.ys, 0, sample, run.lrs);
    if (result.bad >= 0) {
      throw new Error(`${run.label} diverged at sample ${result.bad} (its training stops there, as the `
        + `recording's does); give a sample up to ${result.bad}`);
    }
    return { params: this.net.getParams(), x: d.xs[sample], label: d.ys[sample] };
  }

  /**
   * Step `sample` (0-based) of the run `run` (a label, see runIndex): the dict backprop_step gives.
   * @param {number} sample @param {string | number | null} [run]
   */
  at(sample, run) {
    const r = runIndex(this.source, run), chosen = this.source.runs[r];
    checkSample(chosen, sample);
    const t = this.trained(r, sample);
    return this.step(r, sample, t.params, t.x, t.label);
  }

  /**
   * The step itself, from the parameters before it (update order) and the sample's x and label.
   * @param {number} r @param {number} sample @param {ArrayLike<number>} before @param {number} x
   * @param {number} label
   */
  step(r, sample, before, x, label) {
    const run = this.source.runs[r];
    return this.graph.step({ scene: this.source.scene, run: run.label,
      runs: this.source.runs.map((q) => q.label), samples: run.samples, lr: run.lr, lrs: run.lrs },
    sample, before, x, label);
  }
}
