/* train.js: ourdl's per-sample SGD in the page, bit for bit.
 *
 * The graph comes from a snapshot's meta (render.record.runs.graph_meta): nodes with name, kind and
 * parents in creation order (`builtin: false` marks a user's own class: refused, whatever its name), the
 * parameters in update order, and the input, label, output and loss nodes. `compile` turns it into a
 * tape: a flat list of float64 operations in exactly the order the Python recorder performs them for
 * one sample (ourdl.core.train_step):
 *
 *   1. loss.forward()       every node the loss depends on, parents first, each once;
 *   2. for p in params:     p.get_grad(): d(loss)/d(node) by the chain rule over the node's children
 *        p.get_grad()       edges, in edge order, from 0.0 (a child using a node twice counts twice);
 *        p.update(lr_j)     a node's grad is computed once per sample, the first time a parameter
 *                           needs it, and cached; local derivatives read the values current at that
 *                           moment (an already updated parameter is seen updated, as in Python);
 *                           then value = value - lr_j * grad, lr_j parameter j's own rate (Run.lrs:
 *                           the adaline's 0.05 for w, 0.1 for b) or the one rate of every parameter;
 *   3. loss.clear()         nothing to do: every grad is recomputed from scratch next sample.
 *
 * Every float operation is the one Python does, in the same order: Add of three parents is
 * ((a + b) + c); a grad is `grad = grad + child_grad * local` from 0.0 (so -0.0 becomes 0.0 as in
 * Python); Sigmoid keeps its two branches; the derivative conventions are the tutorial's
 * (ourdl/ops/__init__.py, ourdl/ops/loss.py). Math.exp and Math.tanh may differ from the C library
 * Python uses by an ulp; tests/test_lab_engine.py measures how far that moves the parameters.
 *
 * Two executors of one tape: `interpret` (a switch per operation, always available, ~4-5 M samples/s)
 * and train_wasm.js (the tape as straight-line WebAssembly, several times faster, handed over by
 * useEngine on a page that may compile WebAssembly: the lab). Both are bit-identical; the tests run both.
 *
 * Exports (window.ourdl.train on the lab's and a map sweep's pages):
 *   variantGraph(graph, {activation, loss}) -> the graph with those kinds (for graph.js to evaluate).
 *   compile(graph, {activation, loss, engine})  -> Net. activation replaces every activation node's
 *       kind (ACTIVATIONS); loss 'absolute' | 'squared' replaces the loss node's; engine 'auto'
 *       (WebAssembly when possible) | 'interpreter' | 'wasm' (throws when unavailable).
 *       net.setParams(values), net.getParams() (update order), net.train(xs, ys, from, to, lr)
 *       -> {total, bad}, lr one rate for every parameter or one per parameter (an array, update
 *       order: the graph's `params`, which is Run.lr_for's order), net.engine ('wasm' | 'interpreter').
 *   Trainer(graph, config)   one run, trained snapshot by snapshot (the lab's animation):
 *       .advance(index) trains up to snapshot `index`; .done; .steps; .params (Float64Array, steps x P,
 *       NaN where not trained yet); .trainLoss; .trained (snapshots recorded); .divergedAt.
 *   run(graph, config)       a whole run as render.record.runs.record_run records it:
 *       config {init: {name: value}, lr, lrs?, samples, activation, loss, data_seed, data_range?
 *       ([0, 2]), target? ({kind: "square"} the default, {kind: "affine", a, b}, {kind: "expr", ast},
 *       or a name or expression: train_data.js), points? ([x, y] pairs to sample instead of a target),
 *       every, marks?, steps?, engine?} -> {names, lrs (the rates trained with), steps,
 *       params: [[...P] per step],
 *       train_loss, diverged_at, engine}.
 *       `lrs`: one rate per parameter in update order (Run.lr_for(names)); it replaces `lr`, which
 *       may then be left out.
 *   data(seed, samples, range?, target?, points?) -> {xs, ys}: the recorder's inputs and labels (the
 *       last stream is kept); pointSamples(points, seed, n), pointSpan(points) (train_data.js).
 *   linearSteps(total, every, marks), targetOf(xs, target), checkTarget(target), ACTIVATIONS, LOSSES,
 *   BLOWUP, OPS; useEngine(build) (above).
 *
 * Where each part lives: train_compile.js (variantGraph, compile, useEngine: the graph made a tape),
 * train_net.js (the opcodes, Net and its interpreter), train_data.js (data, targetOf, checkTarget);
 * this module checks a run's config and trains it snapshot by snapshot (Trainer, run, linearSteps),
 * and re-exports the rest so that window.ourdl.train is the whole API in one place.
 */

import { compile } from "./train_compile.js";
import { checkPoints, checkTargetOn, data, finite } from "./train_data.js";
import { fail } from "./train_net.js";

/** @typedef {import("./types.js").Graph} Graph */
/** @typedef {import("./types.js").RunConfig} RunConfig */
/** A run's config (RunConfig) whose target may be any train_data.js takes, with data points instead.
 * @typedef {Omit<RunConfig, "target"> & {target?: import("./train_data.js").AnyTarget | null,
 *   points?: number[][] | null}} TrainConfig */
/** @typedef {import("./train_net.js").TrainFn} TrainFn */

export { ACTIVATIONS } from "./graph.js";
export { LOSSES, compile, useEngine, variantGraph } from "./train_compile.js";
export { checkTarget, data, pointSamples, pointSpan, targetOf } from "./train_data.js";
export { BLOWUP, Net, OPS } from "./train_net.js";

/**
 * Snapshot steps: every `every` samples from 0, plus 0, the last sample and `marks` (scenes/base.py,
 * Schedule.steps of a linear schedule), sorted, unique.
 * @param {number} total @param {number} every @param {number[]} [marks]
 */
export function linearSteps(total, every, marks) {
  const set = new Set([0, total]);
  for (let s = 0; s <= total; s += every) set.add(s);
  for (const m of marks || []) if (m >= 0 && m <= total) set.add(m);
  return [...set].sort((a, b) => a - b);
}

/**
 * The config checked against the graph (one clear message a problem); returns its data seed.
 * @param {Graph} graph @param {TrainConfig} c
 */
function checkConfig(graph, c) {
  if (!c || typeof c !== "object") fail("config must be an object");
  for (const n of graph.params) {
    if (!c.init || !finite(c.init[n])) fail(`no finite initial value for ${n}`);
  }
  if (!Number.isSafeInteger(c.samples) || c.samples < 0 || c.samples > 1e8) {
    fail("samples: an integer in [0, 1e8]");
  }
  if (c.lrs !== undefined) {  // one rate per parameter, in update order (Run.lr_for)
    const P = graph.params.length;
    const list = Array.isArray(c.lrs) || c.lrs instanceof Float64Array;
    if (!list || c.lrs.length !== P || !Array.from(c.lrs).every(finite)) {
      const names = graph.params.join(", ");
      fail(`lrs: ${P} finite numbers, one learning rate per parameter in update order (${names})`);
    }
  }
  if ((c.lrs === undefined || c.lr !== undefined) && !finite(c.lr)) fail("lr must be a finite number");
  const r = c.data_range;
  if (r !== undefined && !(Array.isArray(r) && r.length === 2 && r.every(finite) && r[0] < r[1])) {
    fail("data_range: two finite numbers, low < high");
  }
  if (c.points !== undefined && c.points !== null) {
    if (c.target !== undefined && c.target !== null) {
      fail("target and points: data points are their own target; give one of them");
    }
    checkPoints(c.points);
  } else {
    checkTargetOn(c.target, r || [0.0, 2.0]);
  }
  const seed = c.data_seed === undefined ? 0 : c.data_seed;
  if (!Number.isSafeInteger(seed) || seed < 0) fail("data_seed: an integer in [0, 2**53)");
  if (c.every !== undefined && !(Number.isSafeInteger(c.every) && c.every >= 1)) {
    fail("every: a positive integer");
  }
  const counts = Array.isArray(c.steps) && c.steps.every((s) => Number.isSafeInteger(s) && s >= 0);
  if (c.steps !== undefined && !counts) {
    fail("steps: a list of sample counts");
  }
  return seed;
}
/**
 * One run, trained snapshot by snapshot exactly as render.record.runs.record_run does (the lab's
 * animation): .advance(index) trains up to snapshot `index`; .done; .steps; .params (Float64Array, steps
 * x P, NaN where not trained yet); .trainLoss; .trained (snapshots recorded); .seen (samples trained);
 * .divergedAt (the 1-based sample whose step diverged, or null).
 */
export class Trainer {
  /** @param {Graph} graph @param {TrainConfig} config */
  constructor(graph, config) {
    const seed = checkConfig(graph, config);
    this.config = config;
    this.names = graph.params.map(String);
    this.net = compile(graph, { activation: config.activation, loss: config.loss, engine: config.engine });
    this.net.setParams(this.names.map((n) => config.init[n]));
    this.samples = config.samples;
    this.lr = config.lr;
    this.lrs = config.lrs !== undefined ? Float64Array.from(config.lrs)  // per parameter, update order
      : new Float64Array(this.names.length).fill(config.lr);
    this.steps = config.steps ? [...config.steps].sort((a, b) => a - b)
      : linearSteps(this.samples, config.every || 1, config.marks);
    const d = data(seed, this.samples, config.data_range, config.target, config.points);
    this.xs = d.xs;
    this.ys = d.ys;
    const S = this.steps.length, P = this.names.length;
    this.params = new Float64Array(S * P).fill(NaN);
    this.trainLoss = new Float64Array(S).fill(NaN);
    this.trained = 0;  // snapshots recorded so far
    this.seen = 0;  // samples trained so far
    /** @type {number | null} */
    this.divergedAt = null;  // the 1-based sample whose step diverged
    this.advance(0);
  }

  get done() { return this.trained >= this.steps.length; }

  /** Record snapshot `this.trained` (after training up to its step). */
  record() {
    const s = this.trained, P = this.names.length, values = this.net.getParams();
    for (let j = 0; j < P; j++) this.params[s * P + j] = values[j];
    this.trained = s + 1;
  }

  /** Train up to snapshot `index` (inclusive); returns the number of samples trained.
   * @param {number} index */
  advance(index) {
    const start = this.seen;
    index = Math.min(index, this.steps.length - 1);
    while (this.trained <= index) {
      const s = this.trained;
      const stop = this.divergedAt === null ? Math.min(this.steps[s], this.samples) : this.seen;
      if (stop > this.seen) {
        const r = this.net.train(this.xs, this.ys, this.seen, stop, this.lrs);
        const count = r.bad < 0 ? stop - this.seen : r.bad;
        this.trainLoss[s] = count ? r.total / count : NaN;
        if (r.bad >= 0) this.divergedAt = this.seen + r.bad + 1;
        this.seen += count;
      } else if (s > 0) {
        this.trainLoss[s] = this.trainLoss[s - 1];  // finished or stopped: hold the last value
      }
      this.record();
    }
    return this.seen - start;
  }

  /** The parameters at snapshot s, in update order. @param {number} s */
  paramsAt(s) {
    const P = this.names.length;
    return Array.from(this.params.subarray(s * P, (s + 1) * P));
  }
}

/**
 * A whole run as render.record.runs.record_run records it.
 * @param {Graph} graph @param {TrainConfig} config
 */
export function run(graph, config) {
  const t = new Trainer(graph, config);
  t.advance(t.steps.length - 1);
  return {
    names: t.names, lrs: Array.from(t.lrs), steps: t.steps, params: t.steps.map((_, s) => t.paramsAt(s)),
    train_loss: Array.from(t.trainLoss), diverged_at: t.divergedAt, engine: t.net.engine,
  };
}
