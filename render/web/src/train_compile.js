/* train_compile.js: a recorded graph (snapshot meta) turned into a Net's tape, the float64 operations in
 * exactly the order the Python recorder performs them for one sample (train.js says which); the page's
 * choices of activation and loss applied first (variant); and the faster executor a page may hand over
 * (useEngine), which compile attaches to each Net it makes.
 */

import { ACTIVATIONS, ARITY } from "./graph.js";
import { Net, OPS, fail } from "./train_net.js";

/** @typedef {import("./types.js").Graph} Graph */
/** @typedef {import("./types.js").GraphNode} GraphNode */
/** @typedef {import("./train_net.js").TrainFn} TrainFn */
/** The page's choices of activation and loss ("absolute" | "squared").
 * @typedef {{activation?: string, loss?: string}} Variant */

/** @type {Record<string, string>} the page's loss names and the kinds they stand for */
const LOSS_KINDS = { absolute: "ValueLoss", squared: "SquareLoss" };
/** The loss names a config may give. */
export const LOSSES = Object.keys(LOSS_KINDS);
/** @param {object} o @param {string} k */
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
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
