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
 *       ([0, 2]), target? ({kind: "square"} the default, or {kind: "affine", a, b}), every, marks?,
 *       steps?, engine?} -> {names, lrs (the rates trained with), steps, params: [[...P] per step],
 *       train_loss, diverged_at, engine}.
 *       `lrs`: one rate per parameter in update order (Run.lr_for(names)); it replaces `lr`, which
 *       may then be left out.
 *   data(seed, samples, range?, target?) -> {xs, ys}: the recorder's inputs and labels (the last
 *       stream is kept).
 *   linearSteps(total, every, marks), targetOf(xs, target), checkTarget(target), ACTIVATIONS, LOSSES,
 *   BLOWUP, OPS; useEngine(build) (above).
 */

import { ACTIVATIONS, ARITY } from "./graph.js";
import { uniform } from "./random.js";

/** @typedef {import("./types.js").Graph} Graph */
/** @typedef {import("./types.js").GraphNode} GraphNode */
/** @typedef {import("./types.js").Target} Target */
/** @typedef {import("./types.js").RunConfig} RunConfig */
/** The page's choices of activation and loss ("absolute" | "squared").
 * @typedef {{activation?: string, loss?: string}} Variant */
/** @typedef {{total: number, bad: number}} TrainResult */
/** @typedef {(xs: Float64Array, ys: Float64Array, from: number, to: number, rates: Float64Array)
 *   => TrainResult} TrainFn */

export { ACTIVATIONS };

/** @type {Record<string, string>} the page's loss names and the kinds they stand for */
const LOSS_KINDS = { absolute: "ValueLoss", squared: "SquareLoss" };
/** The loss names a config may give. */
export const LOSSES = Object.keys(LOSS_KINDS);
/** A parameter beyond this (or a non-finite loss) is divergence: render.record.runs.BLOWUP. */
export const BLOWUP = 1e100;
/** @param {object} o @param {string} k */
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// Opcodes. Forward: V[d] = f(V[a], V[b]). Grad: G[d] = G[d] + G[a] * local, local being the derivative
// of node a with respect to its parent (read from operands b, c as the op needs); with FIRST set the
// sum starts from 0.0 instead of G[d], as Python's `grad = 0.0` does. UPDATE: parameter d, index a.
export const OPS = {
  F_COPY: 0, F_ADD: 1, F_MUL: 2, F_RELU: 3, F_LEAKY: 4, F_STEP: 5, F_SIGMOID: 6, F_TANH: 7, F_ABS: 8,
  F_SQUARE: 9, G_ONE: 10, UPDATE: 11, G_ADD: 12, G_MUL: 13, G_RELU: 14, G_LEAKY: 15, G_STEP: 16,
  G_SIGMOID: 17, G_TANH: 18, G_ABS0: 19, G_ABS1: 20, G_SQUARE0: 21, G_SQUARE1: 22, FIRST: 32, WIDTH: 5,
};
const O = OPS;
/** @type {Record<string, number>} */
const FORWARD = { Mul: O.F_MUL, Relu: O.F_RELU, LeakyRelu: O.F_LEAKY, Step: O.F_STEP, Sigmoid: O.F_SIGMOID,
  Tanh: O.F_TANH, ValueLoss: O.F_ABS, SquareLoss: O.F_SQUARE };
/** @type {Record<string, number | number[]>} */
const LOCAL = { Add: O.G_ADD, Mul: O.G_MUL, Relu: O.G_RELU, LeakyRelu: O.G_LEAKY, Step: O.G_STEP,
  Sigmoid: O.G_SIGMOID, Tanh: O.G_TANH, ValueLoss: [O.G_ABS0, O.G_ABS1],
  SquareLoss: [O.G_SQUARE0, O.G_SQUARE1] };
/**
 * A faster executor of a Net's tape (train_wasm.js's WebAssembly), or null where it cannot run here;
 * none until a page that may compile WebAssembly hands one over (useEngine).
 * @type {((net: Net) => TrainFn | null) | null}
 */
let fastEngine = null;

/**
 * Train with `build`'s executor where it can run (engine "auto" or "wasm"): the lab's page hands
 * train_wasm.js's here; a page without 'wasm-unsafe-eval' in its policy keeps interpreting.
 * @param {(net: Net) => TrainFn | null} build
 */
export function useEngine(build) { fastEngine = build; }

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error("lab: " + message);
}

/**
 * The graph's nodes with the page's choices applied: activation nodes and the loss node re-kinded.
 * @param {Graph} graph @param {Variant} [options] @returns {GraphNode[]}
 */
function variant(graph, options) {
  const act = options && options.activation, loss = options && options.loss;
  if (act && !ACTIVATIONS.includes(act)) fail(`unknown activation ${JSON.stringify(act)}`);
  if (loss && !has(LOSS_KINDS, loss)) fail(`unknown loss ${JSON.stringify(loss)}`);
  return graph.nodes.map((n) => {
    let kind = n.kind;
    if (act && ACTIVATIONS.includes(kind)) kind = act;
    if (loss && n.name === graph.loss) kind = LOSS_KINDS[loss];
    return { name: String(n.name), kind, parents: n.parents.map(String), builtin: n.builtin !== false };
  });
}

/**
 * The graph (snapshot meta) with its activation and loss nodes re-kinded: what graph.js evaluates.
 * @param {Graph} graph @param {Variant} [options] @returns {Graph}
 */
export function variantGraph(graph, options) {
  return Object.assign({}, graph, { nodes: variant(graph, options) });
}

/**
 * Compile `graph` (snapshot meta) into a Net that trains it sample by sample. options.activation
 * replaces every activation node's kind (ACTIVATIONS); loss "absolute" | "squared" the loss node's;
 * engine "auto" (the fast one when there is one) | "interpreter" | "wasm" (throws when unavailable).
 * @param {Graph} graph @param {Variant & {engine?: string}} [options] @returns {Net}
 */
export function compile(graph, options) {
  /** @type {Record<string, number>} */
  const index = Object.create(null);
  /** @type {string[]} */
  const names = [];
  /** @type {(string | null)[]} */
  const kinds = [];
  /** @type {number[][]} */
  const parents = [];
  /** @type {[number, number][][]} */
  const edges = [];
  /** @param {string} name */
  const slot = (name) => {
    if (!(name in index)) {
      index[name] = names.length;
      names.push(name);
      kinds.push(null);  // a leaf unless a node entry defines it
      parents.push([]);
      edges.push([]);
    }
    return index[name];
  };
  for (const n of variant(graph, options)) {
    // meta lists nodes in creation order, parents first: a name used before it is defined would
    // make a cycle possible, so it is refused
    if (n.name in index) fail(`node ${JSON.stringify(n.name)} is defined after it is used, or twice`);
    const name = JSON.stringify(n.name), kind = JSON.stringify(n.kind);
    if (n.kind !== "Add" && !has(ARITY, n.kind)) fail(`the lab cannot train a ${kind} node`);
    if (n.builtin === false) fail(`${name} is your own ${kind} class, not ourdl's`);
    if (!n.parents.length || (has(ARITY, n.kind) && ARITY[n.kind] !== n.parents.length)) {
      fail(`${n.kind} node ${JSON.stringify(n.name)} has ${n.parents.length} parents`);
    }
    const ps = n.parents.map(slot), k = slot(n.name);
    kinds[k] = n.kind;
    parents[k] = ps;
    ps.forEach((p, i) => edges[p].push([k, i]));  // a parent's children edges, in creation order
  }
  /** @param {string} name @param {string} what */
  const leaf = (name, what) => {
    if (!(name in index) || kinds[index[name]] !== null) {
      fail(`${what} ${JSON.stringify(name)} is not a leaf of the graph`);
    }
    return index[name];
  };
  const params = graph.params.map((p) => leaf(String(p), "parameter"));
  const x = leaf(String(graph.input), "input"), label = leaf(String(graph.label), "label");
  const loss = index[graph.loss];
  if (loss === undefined || kinds[loss] === null || edges[loss].length) {
    fail("the loss must be a node without children");
  }
  names.forEach((name, i) => {
    // Python gives any childless node the grad 1.0: only the loss may be one here
    if (kinds[i] !== null && i !== loss && !edges[i].length) {
      fail(`node ${JSON.stringify(name)} feeds nothing`);
    }
  });

  const tape = [];
  const emit = (op, d, a, b, c) => tape.push(op, d, a || 0, b || 0, c || 0);
  // 1. loss.forward(): parents first, depth first in parent order, each node once
  const done = new Uint8Array(names.length);
  const forward = (k) => {
    if (kinds[k] === null || done[k]) return;
    const ps = parents[k];
    ps.forEach(forward);
    done[k] = 1;
    if (kinds[k] === "Add") {  // ((p0 + p1) + p2) + ...
      if (ps.length === 1) emit(O.F_COPY, k, ps[0]);
      else emit(O.F_ADD, k, ps[0], ps[1]);
      for (let j = 2; j < ps.length; j++) emit(O.F_ADD, k, k, ps[j]);
    } else {
      emit(FORWARD[kinds[k]], k, ps[0], ps[1]);
    }
  };
  forward(loss);
  // 2. get_grad then update, per parameter; a grad is computed once, where Python first needs it
  const known = new Uint8Array(names.length);
  const grad = (k) => {
    if (known[k]) return;
    if (!edges[k].length) {
      emit(O.G_ONE, k);
    } else {
      for (const [c] of edges[k]) grad(c);
      edges[k].forEach(([c, i], n) => {
        const cp = parents[c], kind = kinds[c], first = n === 0 ? O.FIRST : 0;
        if (kind === "Mul") emit(O.G_MUL | first, k, c, cp[1 - i]);
        else if (Array.isArray(LOCAL[kind])) emit(LOCAL[kind][i] | first, k, c, cp[0], cp[1]);
        else emit(LOCAL[kind] | first, k, c, cp[0]);
      });
    }
    known[k] = 1;
  };
  params.forEach((p, j) => {
    grad(p);
    emit(O.UPDATE, p, j);
  });

  const net = new Net(names, Int32Array.from(tape), params, x, label, loss);
  const engine = (options && options.engine) || "auto";
  if (!["auto", "interpreter", "wasm"].includes(engine)) fail(`unknown engine ${JSON.stringify(engine)}`);
  if (engine !== "interpreter" && fastEngine) net.fast = fastEngine(net);
  if (engine === "wasm" && !net.fast) fail("WebAssembly is not available here");
  net.engine = net.fast ? "wasm" : "interpreter";
  return net;
}

/**
 * A compiled graph: its slots' values V and grads G, its tape, and the slots of the parameters (update
 * order), input, label and loss. setParams(values), getParams(), train(xs, ys, from, to, lr); engine
 * "wasm" | "interpreter".
 */
export class Net {
  /**
   * @param {string[]} names @param {Int32Array} tape @param {number[]} params @param {number} x
   * @param {number} label @param {number} loss
   */
  constructor(names, tape, params, x, label, loss) {
    this.names = names;  // every slot: leaves and nodes
    this.tape = tape;
    this.paramSlots = params;
    this.x = x;
    this.label = label;
    this.loss = loss;
    this.V = new Float64Array(names.length);
    this.G = new Float64Array(names.length);
    /** @type {TrainFn | null} */
    this.fast = null;
    this.engine = "interpreter";
  }

  /** @param {ArrayLike<number>} values  in update order */
  setParams(values) {
    this.paramSlots.forEach((p, j) => { this.V[p] = values[j]; });
  }

  getParams() {
    return this.paramSlots.map((p) => this.V[p]);
  }

  /**
   * Train on samples [from, to) of xs/ys: render.record.runs._train. Returns {total: the sum of the
   * losses, bad: the index (from `from`) of a sample whose loss or a parameter went beyond ±BLOWUP or
   * non-finite, its step undone, or -1}. lr: one rate for every parameter, or one each (update order).
   * @param {Float64Array} xs @param {Float64Array} ys @param {number} from @param {number} to
   * @param {number | ArrayLike<number>} lr
   * @returns {TrainResult}
   */
  train(xs, ys, from, to, lr) {
    const rates = this.rates(lr);
    return this.fast ? this.fast(xs, ys, from, to, rates) : this.interpret(xs, ys, from, to, rates);
  }

  /** One learning rate per parameter (update order) from one for all or a list of them.
   * @param {number | ArrayLike<number>} lr */
  rates(lr) {
    const P = this.paramSlots.length;
    if (typeof lr === "number") return new Float64Array(P).fill(lr);
    if (!lr || typeof lr.length !== "number" || lr.length !== P) {
      fail(`${P} learning rates needed, one per parameter`);
    }
    return Float64Array.from(lr);
  }

  /**
   * train() by interpreting the tape: the reference, and the fallback where WebAssembly cannot run.
   * @param {Float64Array} xs @param {Float64Array} ys @param {number} from @param {number} to
   * @param {number | ArrayLike<number>} lr
   * @returns {TrainResult}
   */
  interpret(xs, ys, from, to, lr) {
    const rates = this.rates(lr);
    const V = this.V, G = this.G, T = this.tape, n = T.length, W = O.WIDTH, P = this.paramSlots;
    const xi = this.x, li = this.label, lossi = this.loss, FIRST = O.FIRST, G_ADD = O.G_ADD;
    const before = new Float64Array(P.length);
    let total = 0.0;
    for (let s = from; s < to; s++) {
      V[xi] = xs[s];
      V[li] = ys[s];
      let ok = true, t, e;
      for (let pc = 0; pc < n; pc += W) {
        const op = T[pc], d = T[pc + 1], a = T[pc + 2];
        if (op < G_ADD) {
          switch (op) {
            case 0: V[d] = V[a]; break;  // F_COPY
            case 1: V[d] = V[a] + V[T[pc + 3]]; break;  // F_ADD
            case 2: V[d] = V[a] * V[T[pc + 3]]; break;  // F_MUL
            case 3: t = V[a]; V[d] = t >= 0 ? t : 0.0; break;  // F_RELU
            case 4: t = V[a]; V[d] = t >= 0 ? t : 0.1 * t; break;  // F_LEAKY
            case 5: V[d] = V[a] > 0 ? 1.0 : 0.0; break;  // F_STEP
            case 6:  // F_SIGMOID, Python's two branches
              t = V[a];
              if (t >= 0) {
                V[d] = 1.0 / (1.0 + Math.exp(-t));
              } else {
                e = Math.exp(t);
                V[d] = e / (1.0 + e);
              }
              break;
            case 7: V[d] = Math.tanh(V[a]); break;  // F_TANH
            case 8: V[d] = Math.abs(V[a] - V[T[pc + 3]]); break;  // F_ABS: |label - y|
            case 9: t = V[a] - V[T[pc + 3]]; V[d] = t * t; break;  // F_SQUARE
            case 10: G[d] = 1.0; break;  // G_ONE
            case 11:  // UPDATE: value - lr_a * grad (parameter a's rate), keeping the old value in
              t = V[d];  // case the step diverges
              before[a] = t;
              t = t - rates[a] * G[d];
              V[d] = t;
              ok = ok && t > -BLOWUP && t < BLOWUP;  // false for NaN and ±inf too
              break;
          }
        } else {
          switch (op & ~FIRST) {  // the local derivative of node a with respect to its parent
            case 12: t = 1.0; break;  // G_ADD
            case 13: t = V[T[pc + 3]]; break;  // G_MUL: the other parent's value
            case 14: t = V[T[pc + 3]] > 0 ? 1.0 : 0.0; break;  // G_RELU
            case 15: t = V[T[pc + 3]] > 0 ? 1.0 : 0.1; break;  // G_LEAKY
            case 16: t = V[T[pc + 3]] > 0 ? 0.0 : -1.0; break;  // G_STEP (the tutorial's convention)
            case 17: t = V[a]; t = t * (1.0 - t); break;  // G_SIGMOID: s (1 - s)
            case 18: t = V[a]; t = 1.0 - t * t; break;  // G_TANH
            // losses, parents (label, y): d/d(label) = sign(label - y) with 0 counted negative, or
            // 2 (label - y); d/dy is its negative
            case 19: t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? 1.0 : -1.0; break;
            case 20: t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? -1.0 : 1.0; break;
            case 21: t = 2.0 * (V[T[pc + 3]] - V[T[pc + 4]]); break;
            case 22: t = -2.0 * (V[T[pc + 3]] - V[T[pc + 4]]); break;
          }
          G[d] = (op & FIRST ? 0.0 : G[d]) + G[a] * t;
        }
      }
      t = V[lossi];
      if (!(ok && t > -BLOWUP && t < BLOWUP)) {
        for (let j = 0; j < P.length; j++) V[P[j]] = before[j];  // a plain loop: a closure here would
        return { total, bad: s - from };                          // move V and before out of registers
      }
      total += t;
    }
    return { total, bad: -1 };
  }
}

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
 * The labels of `xs` for a target the page can compute exactly as numpy does (render/web/
 * lab.py, target_spec, checks which one a scene's target is): the chapter's x² (x * x), or an affine
 * a·x + b, (a * x) + b elementwise (the adaline's 2x + 1). Anything else is refused.
 * @param {Float64Array} xs @param {Target} [target]
 */
export function targetOf(xs, target) {
  const t = checkTarget(target), ys = new Float64Array(xs.length);
  if (t.kind === "square") {
    for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i];
  } else {
    const a = t.a, b = t.b;
    for (let i = 0; i < xs.length; i++) ys[i] = a * xs[i] + b;
  }
  return ys;
}

const SQUARE = Object.freeze({ kind: "square" });
/**
 * A target description, checked: {kind: "square"} (the default) or {kind: "affine", a, b}.
 * @param {Target | null | undefined} target @returns {Target}
 */
export function checkTarget(target) {
  if (target === undefined || target === null) return SQUARE;
  if (typeof target === "object" && target.kind === "square") return SQUARE;
  if (typeof target === "object" && target.kind === "affine" && finite(target.a) && finite(target.b)) {
    return { kind: "affine", a: target.a, b: target.b };
  }
  fail('target: {kind: "square"} or {kind: "affine", a, b} with finite a, b');
}
/** @param {Target} t */
const targetKey = (t) => (t.kind === "square" ? "square" : `affine ${t.a} ${t.b}`);

/** @param {number} v */
const finite = (v) => typeof v === "number" && isFinite(v);

/**
 * The config checked against the graph (one clear message a problem); returns its data seed.
 * @param {Graph} graph @param {RunConfig} c
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
  checkTarget(c.target);
  const r = c.data_range;
  if (r !== undefined && !(Array.isArray(r) && r.length === 2 && r.every(finite) && r[0] < r[1])) {
    fail("data_range: two finite numbers, low < high");
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

let cached = { seed: -1, low: 0, high: 0, target: "", xs: new Float64Array(0), ys: new Float64Array(0) };
/**
 * The data stream of `seed`: xs = default_rng(seed).uniform(low, high, samples) (the scene's data
 * range, the chapter's [0, 2] by default), ys = the target of xs (x² by default). The last one is
 * kept, and a shorter run of the same seed takes its prefix (a generator's draws do not depend on how
 * many are asked for), so moving a slider never regenerates the data.
 * @param {number} seed @param {number} samples @param {number[]} [range] @param {Target} [target]
 * @returns {{xs: Float64Array, ys: Float64Array}}
 */
export function data(seed, samples, range = [0.0, 2.0], target = SQUARE) {
  const [low, high] = range, t = checkTarget(target), key = targetKey(t);
  if (cached.seed !== seed || cached.low !== low || cached.high !== high || cached.xs.length < samples) {
    const xs = uniform(seed, low, high, samples);
    cached = { seed, low, high, target: key, xs, ys: targetOf(xs, t) };
  } else if (cached.target !== key) {
    cached = { ...cached, target: key, ys: targetOf(cached.xs, t) };
  }
  return { xs: cached.xs.subarray(0, samples), ys: cached.ys.subarray(0, samples) };
}

/**
 * One run, trained snapshot by snapshot exactly as render.record.runs.record_run does (the lab's
 * animation): .advance(index) trains up to snapshot `index`; .done; .steps; .params (Float64Array, steps
 * x P, NaN where not trained yet); .trainLoss; .trained (snapshots recorded); .seen (samples trained);
 * .divergedAt (the 1-based sample whose step diverged, or null).
 */
export class Trainer {
  /** @param {Graph} graph @param {RunConfig} config */
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
    const d = data(seed, this.samples, config.data_range, config.target);
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
 * @param {Graph} graph @param {RunConfig} config
 */
export function run(graph, config) {
  const t = new Trainer(graph, config);
  t.advance(t.steps.length - 1);
  return {
    names: t.names, lrs: Array.from(t.lrs), steps: t.steps, params: t.steps.map((_, s) => t.paramsAt(s)),
    train_loss: Array.from(t.trainLoss), diverged_at: t.divergedAt, engine: t.net.engine,
  };
}
