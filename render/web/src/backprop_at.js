/* backprop_at.js: one training step from given parameters, node by node, in ourdl's own order and arithmetic:
 * the numbers of render/record/backprop.py's backprop_step (the "ourdl-backprop" dict) for parameters the
 * page already has. The backprop page and the lab get them by training (backprop_step.js, with the lab's
 * engine); the player reads them off its recording, so this file carries no trainer:
 *   forward    each node once, parents first in `parents` order, depth first (Node.forward);
 *              Add sums left to right, ((p0 + p1) + p2);
 *   backward   for each parameter in update order: get_grad() (children first in edge order, the loss's
 *              grad 1; a node's grad is local * child grad for its first edge, then + local * child grad
 *              for each further one; cached), then update: value − lr · grad. A local derivative reads the
 *              values current when its parent's grad is computed (a later one sees an updated weight).
 * Every value and grad equals the live graph's to the last bit (including a grad's -0.0). Non-finite numbers
 * are written "NaN", "Infinity", "-Infinity", as the Python dict has them.
 */

import { OPS } from "./graph.js";

/** @typedef {import("./types.js").Graph} Graph */
/** A number as the dict writes it. @typedef {number | string} Num */
/**
 * Which run a step belongs to, as the dict names it: the scene, the run's label, every run's label, the
 * run's length, its own rate and one rate a parameter (update order).
 * @typedef {{scene: string, run: string, runs: string[], samples: number, lr: number,
 *   lrs: ArrayLike<number>}} StepRunInfo
 */

/** @param {number} v @returns {Num} */
export const num = (v) => (isFinite(v) ? v : v !== v ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
/** A number from the dict. @param {Num | null} v */
export const val = (v) => (typeof v === "number" ? v : v === null ? NaN : Number(v));

/** Node kind `kind` of parents' values `v`: the page's own op (graph.js OPS, the curves' arithmetic) on one
 * x. @param {string} kind @param {number[]} v */
function compute(kind, v) {
  const out = new Float64Array(1);
  OPS[kind](out, v.map((t) => Float64Array.of(t)), 1);
  return out[0];
}
/** @type {Record<string, (v: number[], i: number, own: number) => number>} d node / d parent i */
const LOCAL = {
  Add: () => 1,
  Mul: (v, i) => v[1 - i],
  Relu: ([t]) => (t > 0 ? 1.0 : 0),
  LeakyRelu: ([t]) => (t > 0 ? 1.0 : 0.1),
  Step: ([t]) => (t > 0 ? 0.0 : -1.0),
  Sigmoid: (v, i, s) => s * (1.0 - s),
  Tanh: (v, i, th) => 1.0 - th * th,
  ValueLoss: ([label, y], i) => { const sign = label - y > 0 ? 1 : -1; return i === 0 ? sign : -sign; },
  SquareLoss: ([label, y], i) => { const d = label - y; return i === 0 ? 2.0 * d : -2.0 * d; },
};

/** Whether the page can step through this graph (every op one of ourdl's it knows). @param {Graph} graph */
export const steppable = (graph) => graph.nodes.every((n) => n.kind in LOCAL && n.builtin !== false);

/**
 * The index of the label `text` among `labels` (exactly, else the one that starts with it, case aside),
 * or -1. @param {string[]} labels @param {string} text
 */
export function labelIndex(labels, text) {
  const exact = labels.indexOf(text);
  const starts = labels.map((l, i) => (l.toLowerCase().startsWith(text.toLowerCase()) ? i : -1))
    .filter((i) => i >= 0);
  return exact >= 0 ? exact : starts.length === 1 ? starts[0] : -1;
}

/** A graph ready to step: its nodes by name, every node in creation order and each node's edges. */
export class StepGraph {
  /** @param {Graph & {order?: string[]}} g  snapshot meta's graph (`order`: every node, leaves too) */
  constructor(g) {
    this.graph = g;
    this.names = g.params.map(String);
    /** @type {Record<string, import("./types.js").GraphNode>} */
    this.byName = Object.create(null);
    for (const n of g.nodes) this.byName[n.name] = n;
    const leaves = [g.input, g.label, ...g.params];
    /** every node in creation order (leaves first when the graph does not say) */
    this.order = g.order && g.order.length ? g.order.map(String)
      : [...leaves, ...g.nodes.map((n) => n.name)];
    /** @type {Record<string, [string, number][]>} each node's (child, index) edges, in creation order */
    this.edges = Object.create(null);
    for (const name of this.order) this.edges[name] = [];
    for (const n of g.nodes) n.parents.forEach((p, i) => this.edges[p].push([n.name, i]));
  }

  /**
   * The step itself, from the parameters before it (update order) and the sample's x and label.
   * @param {StepRunInfo} run @param {number} sample @param {ArrayLike<number>} before @param {number} x
   * @param {number} label
   */
  step(run, sample, before, x, label) {
    const g = this.graph, byName = this.byName;
    /** @type {Record<string, number>} */
    const value = Object.create(null);
    value[g.input] = x;
    value[g.label] = label;
    this.names.forEach((n, j) => { value[n] = before[j]; });
    // forward: Node.forward, parents first, each node once
    /** @type {string[]} */
    const forward = [];
    const seen = new Set();
    /** @param {string} name */
    const visit = (name) => {
      for (const p of byName[name].parents) if (byName[p] && !seen.has(p)) visit(p);
      seen.add(name);
      forward.push(name);
    };
    visit(g.loss);
    for (const name of forward) {
      const n = byName[name];
      value[name] = compute(n.kind, n.parents.map((p) => value[p]));
    }
    const values = { ...value };  // as forward left them: the parameters before the step
    // backward and update, parameter by parameter
    /** @type {Record<string, number>} */
    const grad = Object.create(null);
    /** @type {string[]} */
    const backward = [];
    /** @type {{child: string, parent: string, index: number, local: Num}[]} */
    const edges = [];
    /** @type {Record<string, {before: Num, grad: Num, after: Num}>} */
    const params = {};
    /** @param {string} child @param {number} i */
    const local = (child, i) => {
      const n = byName[child];
      return LOCAL[n.kind](n.parents.map((p) => value[p]), i, value[child]);
    };
    /** @param {string} name */
    const gradOf = (name) => {
      if (name in grad) return;
      const own = this.edges[name];
      for (const [c] of own) gradOf(c);
      let sum = 1;
      own.forEach(([c, i], k) => {
        const l = local(c, i);
        edges.push({ child: c, parent: name, index: i, local: num(l) });
        sum = k === 0 ? l * grad[c] : sum + l * grad[c];
      });
      grad[name] = sum;
      backward.push(name);
    };
    this.names.forEach((p, j) => {
      gradOf(p);
      const was = value[p];
      value[p] = was - run.lrs[j] * grad[p];
      params[p] = { before: num(was), grad: num(grad[p]), after: num(value[p]) };
    });
    /** @type {Record<string, object>} */
    const nodes = {};
    for (const name of this.order) {
      const n = byName[name], train = this.names.includes(name);
      nodes[name] = { kind: n ? n.kind : "Variable", parents: n ? n.parents.slice() : [],
        value: num(values[name]), grad: name in grad ? num(grad[name]) : null, ...(train ? { train } : {}) };
    }
    return {
      format: "ourdl-backprop", version: 1, scene: run.scene, run: run.run, runs: run.runs.slice(), sample,
      samples: run.samples, x: num(x), label: num(label), lr: num(run.lr),
      lrs: Object.fromEntries(this.names.map((n, j) => [n, run.lrs[j]])),
      loss: num(values[g.loss]), input: g.input, label_node: g.label, output: g.output, loss_node: g.loss,
      forward, backward, nodes, edges, params, order: this.names.slice(),
    };
  }
}
