/* graph.js: evaluate a recorded ourdl graph over a grid of x values, in float64, exactly as ourdl does.
 *
 * The snapshot's meta describes the graph: `nodes` (the recorded nodes, each {name, kind, parents}, in
 * the order of the curves axis), `params` (trainable leaves, in update order), `input` (x) and `label`.
 * Every other leaf is unknown to the page, and so is any op not in OPS or of a user's own class (a node
 * with `builtin: false`, whatever its kind's name): compile() then returns null and the page must use
 * curves embedded in the file instead. The one exception: in a graph TorchRecorder recorded as the family's
 * (`torch: true`), a `builtin: false` node is torch's own activation module, which the player computes
 * when torch_ops.js knows the node's kind and options (to within an ulp or two of torch's: see there); the
 * player hands compile() that table, so no other page carries it.
 *
 * Semantics (ourdl/ops, /work/shared/README.md), the same float operations in the same order, so
 * Add/Mul/Relu/LeakyRelu/Step/the losses give bit-identical results; Sigmoid and Tanh go through
 * Math.exp/Math.tanh, which may differ from numpy's by an ulp or so:
 *   Add: parents summed left to right; Mul: a·b; Relu: t >= 0 ? t : 0; LeakyRelu: t >= 0 ? t : 0.1·t;
 *   Step: t > 0 ? 1 : 0; Sigmoid: with e = exp(−|t|), t >= 0 ? 1/(1+e) : e/(1+e); Tanh: tanh(t);
 *   ValueLoss([label, y]): |label − y|; SquareLoss([label, y]): (label − y)².
 */

/** @typedef {import("./types.js").Graph} Graph */
/** @typedef {import("./types.js").GraphNode} GraphNode */
/** @typedef {(out: Float64Array, inputs: Float64Array[], n: number) => void} Op */
/** torch_ops.js torchActivation: torch's activation of a kind and options, or null.
 * @typedef {(kind: string, options: any) => ((t: number) => number) | null} TorchOps */

/**
 * A compiled graph: `evaluate` fills its buffers, one per recorded node (`names`, meta order).
 * `ops[k]` computes `order[k]`.
 * @typedef {{names: string[], size: number, input: string, label: string, order: GraphNode[], ops: Op[],
 *   paramIndex: Record<string, number>, buffers: Record<string, Float64Array>, scalars: Float64Array[],
 *   index: Record<string, number>}} Program
 */

/** @param {(t: number) => number} f @returns {Op} */
const unary = (f) => (out, [t], n) => { for (let i = 0; i < n; i++) out[i] = f(t[i]); };
/** @param {(a: number, b: number) => number} f @returns {Op} */
const binary = (f) => (out, [a, b], n) => { for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]); };

/** The ops the page knows, by kind. @type {Record<string, Op>} */
export const OPS = {
  Add(out, inputs, n) {
    const first = inputs[0];
    for (let i = 0; i < n; i++) out[i] = first[i];
    for (let k = 1; k < inputs.length; k++) {
      const v = inputs[k];
      for (let i = 0; i < n; i++) out[i] = out[i] + v[i];
    }
  },
  Mul: binary((a, b) => a * b),
  Relu: unary((t) => (t >= 0 ? t : 0.0)),
  LeakyRelu: unary((t) => (t >= 0 ? t : 0.1 * t)),
  Step: unary((t) => (t > 0 ? 1.0 : 0.0)),
  Sigmoid: unary((t) => {
    const e = Math.exp(-Math.abs(t));
    return t >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  }),
  Tanh: unary(Math.tanh),
  ValueLoss: binary((label, y) => Math.abs(label - y)),
  SquareLoss: binary((label, y) => { const d = label - y; return d * d; }),
};
/** How many parents each op takes (Add: any number). @type {Record<string, number>} */
export const ARITY = { Mul: 2, Relu: 1, LeakyRelu: 1, Step: 1, Sigmoid: 1, Tanh: 1, ValueLoss: 2,
  SquareLoss: 2 };

/** The activation ops (one parent, elementwise). */
export const ACTIVATIONS = ["Relu", "LeakyRelu", "Sigmoid", "Tanh", "Step"];

/**
 * The op that computes `node`: ourdl's of its kind, or the torch activation a `builtin: false` node is
 * (`torch`: the graph is torch's and the page knows torch's ops); null when the page cannot compute it.
 * @param {GraphNode} node @param {TorchOps | null} torch @returns {Op | null}
 */
function opOf(node, torch) {
  const own = Object.prototype.hasOwnProperty.call(OPS, node.kind);
  if (node.builtin !== false) return own ? OPS[node.kind] : null;
  const f = torch ? torch(node.kind, node.options) : null;
  return f ? unary(f) : null;
}

/**
 * The program that evaluates `graph` over `size` grid points, or null when the graph has an op or leaf
 * the page can't compute. `activation` (one of ACTIVATIONS) replaces the kind of every activation node:
 * a sweep's meta describes its graph with its first activation, and each named run says which one it
 * trained with. `torchOps` (the player's: torch_ops.js torchActivation) computes the activations of a
 * graph TorchRecorder recorded as the family's.
 * @param {Graph} graph
 * @param {number} size
 * @param {string} [activation]
 * @param {TorchOps} [torchOps]
 * @returns {Program | null}
 */
export function compile(graph, size, activation, torchOps) {
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.params)) return null;
  if (activation) {
    if (!ACTIVATIONS.includes(activation)) return null;
    graph = { ...graph,
      nodes: graph.nodes.map((n) => (ACTIVATIONS.includes(n.kind) ? { ...n, kind: activation } : n)) };
  }
  /** @type {Record<string, number>} */
  const paramIndex = Object.create(null);
  graph.params.forEach((name, i) => { paramIndex[name] = i; });
  /** @type {Record<string, GraphNode>} */
  const byName = Object.create(null);
  for (const node of graph.nodes) byName[node.name] = node;
  const leaves = new Set([graph.input, graph.label, ...graph.params]);
  /** @type {Map<GraphNode, Op>} */
  const ops = new Map();
  for (const node of graph.nodes) {
    const parents = node.parents || [];
    if (parents.length === 0) return null;
    const op = opOf(node, graph.torch === true && torchOps ? torchOps : null);
    const arity = node.builtin === false ? 1 : ARITY[node.kind];
    if (!op || (arity && parents.length !== arity)) return null;
    for (const p of parents) if (!(p in byName) && !leaves.has(p)) return null;
    ops.set(node, op);
  }
  // parents before children (meta order already is; this also rejects cycles)
  /** @type {GraphNode[]} */
  const order = [];
  /** @type {Record<string, number>} */
  const state = Object.create(null);
  /** @param {string} name @returns {boolean} */
  function visit(name) {
    if (!(name in byName) || state[name] === 2) return true;
    if (state[name] === 1) return false;
    state[name] = 1;
    for (const p of byName[name].parents) if (!visit(p)) return false;
    state[name] = 2;
    order.push(byName[name]);
    return true;
  }
  for (const node of graph.nodes) if (!visit(node.name)) return null;
  /** @type {Record<string, Float64Array>} */
  const buffers = Object.create(null);
  for (const node of graph.nodes) buffers[node.name] = new Float64Array(size);
  const scalars = graph.params.map(() => new Float64Array(size));
  return {
    names: graph.nodes.map((n) => n.name), size, input: graph.input, label: graph.label,
    order, ops: order.map((node) => /** @type {Op} */ (ops.get(node))), paramIndex, buffers, scalars,
    index: Object.fromEntries(graph.nodes.map((n, i) => [n.name, i])),
  };
}

/**
 * Every recorded node over the grid, one Float64Array(G) per node in meta order. params[offset + i] is
 * parameter i (a Float64Array of (runs, steps, P)); x and label are Float64Array(G) (label: the target,
 * as the recorder sets it). The arrays are the program's own buffers: they are overwritten by the next
 * evaluate() of the same program.
 * @param {Program} program
 * @param {Float64Array} params
 * @param {number} offset
 * @param {Float64Array} x
 * @param {Float64Array} label
 * @returns {Float64Array[]}
 */
export function evaluate(program, params, offset, x, label) {
  const n = program.size;
  /** @type {Record<string, Float64Array>} */
  const env = Object.create(null);
  env[program.input] = x;
  env[program.label] = label;
  for (const name in program.paramIndex) {
    const i = program.paramIndex[name], buf = program.scalars[i];
    buf.fill(params[offset + i]);  // a leaf broadcast over the grid, as np.broadcast_to does
    env[name] = buf;
  }
  program.order.forEach((node, k) => {
    const out = program.buffers[node.name];
    program.ops[k](out, node.parents.map((p) => env[p]), n);
    env[node.name] = out;
  });
  return program.names.map((name) => program.buffers[name]);
}

/**
 * One node's value at grid index i from evaluate()'s result.
 * @param {Program} program @param {Float64Array[]} values @param {string} name @param {number} i
 */
export const value = (program, values, name, i) => values[program.index[name]][i];
