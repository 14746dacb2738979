/* lab_run.js: one run of the lab. train.js trains the whole run at once (milliseconds); this keeps what
 * the figure needs from it: the snapshots' parameters and train loss, and for about STAT_POINTS of them
 * the evaluation loss and every drawn node's extremes (the snapshot on screen gets its own, exactly).
 */

import { compile, evaluate } from "./graph.js";
import { networkGraph } from "./network.js";
import { indexOfStep } from "./shell.js";
import { Trainer, run, variantGraph } from "./train.js";
import { fail } from "./train_net.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */

/**
 * Snapshots every ~1/300 of the run (Fig 7: every 40 samples, the article's), plus the scene's marks.
 * @param {number} samples
 */
export const everyFor = (samples) => Math.max(1, Math.round(samples / 300));

/** Whether two lists of rates are equal, rate for rate. @param {number[]} a @param {number[]} b */
export const sameRates = (a, b) => !!a && !!b && a.length === b.length && a.every((v, j) => v === b[j]);
/**
 * The learning rates in words: "0.01" when they are one, else "w 0.05, b 0.1".
 * @param {number[]} lrs @param {string[]} names
 */
export const rateText = (lrs, names) => (lrs.every((v) => v === lrs[0]) ? String(lrs[0])
  : names.map((n, j) => `${n} ${lrs[j]}`).join(", "));

/**
 * A run config of the console API (window.lab.run): train.js's RunConfig, whose target may also be a
 * name or an expression, plus `hidden` (the widths of another network of the family).
 * @typedef {import("./train.js").TrainConfig & {hidden?: number[]}} ConsoleConfig
 */

/**
 * window.lab.run(config): a whole run (train.js's run) of the page's network, or of the network
 * `config.hidden` (network.js: the graph build_network makes), on the page's target and data range, or
 * on `config.target` (a name, an expression, or a tree), `config.points` ([x, y] pairs: the page's own
 * target is then left out) and `config.data_range`. Returns {names (update order), lrs, steps, params
 * (per step, update order), train_loss, diverged_at, engine}; a bad config throws one clear message.
 * @param {LabPage & {points?: number[][] | null}} d @param {ConsoleConfig} config
 */
export function consoleRun(d, config) {
  if (!config || typeof config !== "object" || Array.isArray(config)) fail("config must be an object");
  const { hidden, ...rest } = config;
  let graph = d.graph;
  if (hidden !== undefined) {
    try {
      graph = networkGraph(hidden, rest.activation || "LeakyRelu", rest.loss || "absolute");
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }
  const own = rest.points !== undefined || rest.target !== undefined;
  /** @type {Partial<import("./train.js").TrainConfig>} */
  const base = own ? {} : { target: d.targetSpec, points: d.points || null };
  return run(graph, { data_range: d.dataRange, ...base, ...rest });
}

/** The most data points the evaluation loss is measured on (scenes/points.py SHOWN). */
export const SHOWN = 2000;

/**
 * The points drawn and evaluated on, as scenes/points.py Points.shown picks them: all of them up to
 * SHOWN, else the rows np.unique(np.round(np.linspace(0, n - 1, SHOWN))) (round half to even).
 * @param {number[][]} points @returns {number[][]}
 */
export function shownPoints(points) {
  const n = points.length;
  if (n <= SHOWN) return points;
  const step = (n - 1) / (SHOWN - 1), rows = new Set();
  for (let i = 0; i < SHOWN; i++) {
    const v = i === SHOWN - 1 ? n - 1 : i * step, f = Math.floor(v), r = v - f;
    rows.add(r > 0.5 || (r === 0.5 && f % 2 === 1) ? f + 1 : f);
  }
  return [...rows].sort((a, b) => a - b).map((k) => points[k]);
}

/**
 * numpy's sum of a float64 array (pairwise_sum: blocks of at most 128 in eight running sums), so that a
 * mean here is the recording's to the last bit. @param {Float64Array} a @param {number} lo @param {number} n
 */
export function pairwiseSum(a, lo = 0, n = a.length) {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[lo + i];
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[lo + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
}

/** Snapshots whose curves are summarised for the axis limits and the loss panel's whole-run line... */
export const STAT_POINTS = 120;
/** ...as long as that is at most this many node evaluations over the grid (the chapter's net: 11 nodes,
 * all 120); a wider net summarises fewer, at least STAT_LEAST (a 16-unit net's 66 nodes: 44), so that its
 * first frame stays within 300 ms (benchmarks/lab_speed.py). Its limits follow the same rule (limits.js)
 * over the snapshots summarised, as the video's do over all of them. */
export const STAT_BUDGET = 24 * STAT_POINTS;
export const STAT_LEAST = 40;

/** How many snapshots a run of a graph of `nodes` nodes summarises. @param {number} nodes */
export const statPoints = (nodes) => Math.max(STAT_LEAST,
  Math.min(STAT_POINTS, Math.round(STAT_BUDGET / nodes)));

/**
 * A whole run for the given settings, trained at once. For about statPoints() snapshots spread over the
 * run it keeps the evaluation loss (mean |y - target| on the data range, or mean |y - y_k| on the points
 * shown when trained on points) and each drawn node's extremes;
 * the snapshot on screen gets its own, exactly, when it is drawn.
 */
export class LabRun {
  /**
   * @param {LabPage} d  the lab's data with its grid and target decoded
   * @param {Settings} settings
   */
  constructor(d, settings) {
    this.settings = settings;
    const every = everyFor(settings.samples);
    this.trainer = new Trainer(d.graph, {
      init: settings.init, lrs: settings.lrs, samples: settings.samples, activation: settings.activation,
      loss: settings.loss, data_seed: settings.dataSeed, data_range: d.dataRange, target: d.targetSpec, every,
      points: d.points || null,
      marks: d.marks,
    });
    const t0 = performance.now();  // the samples themselves (compiling the graph and the data come before)
    this.trainer.advance(this.trainer.steps.length - 1);
    this.trainMs = performance.now() - t0;
    this.every = every;
    this.engine = this.trainer.net.engine;
    this.steps = this.trainer.steps;
    this.S = this.steps.length;
    this.names = this.trainer.names;
    this.P = this.names.length;
    this.graph = variantGraph(d.graph, { activation: settings.activation, loss: settings.loss });
    this.program = compile(this.graph, d.gridValues.length);
    if (!this.program) throw new Error("the page cannot evaluate this graph");
    this.output = this.program.index[d.graph.output];
    if (d.points && d.points.length) {  // the evaluation set: the points shown (Scene.eval_set)
      const shown = shownPoints(d.points);
      this.pointsX = Float64Array.from(shown, (p) => p[0]);
      this.pointsY = Float64Array.from(shown, (p) => p[1]);
      this.pointsProgram = compile(this.graph, shown.length);
      this.pointsDiff = new Float64Array(shown.length);
    }
    this.divergedAt = this.trainer.divergedAt;
    this.trainLoss = this.trainer.trainLoss;
    const k = Math.max(1, Math.ceil(this.S / statPoints(this.program.order.length)));
    /** @type {number[]} */
    const index = [];
    for (let s = 0; s < this.S; s += k) index.push(s);
    if (index[index.length - 1] !== this.S - 1) index.push(this.S - 1);
    this.statIndex = index;
    this.statSteps = index.map((s) => this.steps[s]);
    this.statTrain = index.map((s) => this.trainLoss[s]);
    this.statEval = new Float64Array(index.length);
    /** @type {Record<string, {lo: Float64Array, hi: Float64Array}>} */
    this.extremes = {};
    const drawn = [...new Set(d.panels.flatMap((p) => p.nodes))];
    for (const n of drawn) {
      this.extremes[n] = { lo: new Float64Array(index.length), hi: new Float64Array(index.length) };
    }
    index.forEach((s, j) => {
      const values = this.evaluate(d, s);
      this.statEval[j] = this.evalLoss(d, values, s);
      for (const n of drawn) {
        const v = values[this.program.index[n]];
        let lo = Infinity, hi = -Infinity;
        for (let g = 0; g < v.length; g++) { if (v[g] < lo) lo = v[g]; if (v[g] > hi) hi = v[g]; }
        this.extremes[n].lo[j] = lo; this.extremes[n].hi[j] = hi;
      }
    });
    this.healthy = this.healthyPoints(d.limitRule.healthy);
  }

  /**
   * Every recorded node over the grid at snapshot s (graph.js's buffers: valid until the next call).
   * @param {LabPage} d @param {number} s
   */
  evaluate(d, s) {
    return evaluate(this.program, this.trainer.params, s * this.P, d.gridValues, d.targetValues);
  }

  /**
   * Snapshot s's evaluation loss: mean |output - target| over the grid points in the data range
   * (render.record.runs.record_run), or, trained on points, mean |output(x_k) - y_k| over the points
   * shown, summed as numpy sums (net_snapshot.output_loss). `values`: evaluate(d, s) (the grid's).
   * @param {LabPage} d @param {Float64Array[]} values @param {number} s
   */
  evalLoss(d, values, s) {
    if (this.pointsProgram) {
      const p = this.pointsProgram, xs = /** @type {Float64Array} */ (this.pointsX);
      const ys = /** @type {Float64Array} */ (this.pointsY);
      const diff = /** @type {Float64Array} */ (this.pointsDiff);
      const out = evaluate(p, this.trainer.params, s * this.P, xs, ys)[p.index[d.graph.output]];
      for (let k = 0; k < diff.length; k++) diff[k] = Math.abs(out[k] - ys[k]);
      return pairwiseSum(diff) / diff.length;
    }
    const out = values[this.output], target = d.targetValues, inside = d.inside;
    let sum = 0;
    for (let k = 0; k < inside.length; k++) { const g = inside[k]; sum += Math.abs(out[g] - target[g]); }
    return inside.length ? sum / inside.length : NaN;
  }

  /** Summary points that may set axis limits: before a divergence, within `scale` times the start's scale
   * (render.draw.limits.healthy, RULE.healthy). @param {number} scale */
  healthyPoints(scale) {
    const n = this.statIndex.length, keep = new Uint8Array(n).fill(1);
    if (this.divergedAt === null) return keep;
    const ext = Object.values(this.extremes);
    /** @param {number} j */
    const size = (j) => Math.max(...ext.map((e) => Math.max(Math.abs(e.lo[j]), Math.abs(e.hi[j]))));
    const start = Math.max(1, size(0));
    for (let j = 1; j < n; j++) {
      keep[j] = this.statSteps[j] < this.divergedAt && size(j) <= scale * start ? 1 : 0;
    }
    return keep;
  }

  /** The last snapshot at or before sample `step`. @param {number} step */
  indexOf(step) { return indexOfStep(this.steps, step); }
}
