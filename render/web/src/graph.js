/* graph.js: evaluate a recorded ourdl graph over a grid of x values, in float64, exactly as ourdl does.
 *
 * The snapshot's meta describes the graph: `nodes` (the recorded nodes, each {name, kind, parents}, in
 * the order of the curves axis), `params` (trainable leaves, in update order), `input` (x) and `label`.
 * Every other leaf is unknown to the page, and so is any op not in OPS or of a user's own class (a node
 * with `builtin: false`, whatever its kind's name): compile() then returns null and
 * the page must use curves embedded in the file instead.
 *
 * Interface (window.ourdl.graph):
 *   OPS                         -> {kind: function(out, inputs, n)}: the ops the page knows
 *   ACTIVATIONS                 -> the activation ops (one parent, elementwise)
 *   compile(graph, G, activation?) -> program, or null when the graph has an op or leaf the page can't
 *                                  compute. `activation` (one of ACTIVATIONS) replaces the kind of every
 *                                  activation node: a sweep's meta describes its graph with its first
 *                                  activation, and each named run says which one it trained with.
 *                                  program = {names, size(G), nodes: [...], paramIndex: {name: i}}
 *   evaluate(program, params, offset, x, label)
 *                               -> Array of Float64Array(G), one per recorded node, in meta order.
 *                                  params[offset + i] is parameter i (a Float64Array of (runs, steps, P));
 *                                  x and label are Float64Array(G) (label: the target, as the recorder
 *                                  sets it). The arrays are the program's own buffers: they are
 *                                  overwritten by the next evaluate() of the same program.
 *   value(program, values, name, i) -> one node's value at grid index i from evaluate()'s result
 *
 * Semantics (ourdl/ops, /work/shared/README.md), the same float operations in the same order, so
 * Add/Mul/Relu/LeakyRelu/Step/the losses give bit-identical results; Sigmoid and Tanh go through
 * Math.exp/Math.tanh, which may differ from numpy's by an ulp or so:
 *   Add: parents summed left to right; Mul: a·b; Relu: t >= 0 ? t : 0; LeakyRelu: t >= 0 ? t : 0.1·t;
 *   Step: t > 0 ? 1 : 0; Sigmoid: with e = exp(−|t|), t >= 0 ? 1/(1+e) : e/(1+e); Tanh: tanh(t);
 *   ValueLoss([label, y]): |label − y|; SquareLoss([label, y]): (label − y)².
 */
(function (ourdl) {
  "use strict";

  const unary = (f) => (out, [t], n) => { for (let i = 0; i < n; i++) out[i] = f(t[i]); };
  const binary = (f) => (out, [a, b], n) => { for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]); };

  const OPS = {
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
  const ARITY = { Mul: 2, Relu: 1, LeakyRelu: 1, Step: 1, Sigmoid: 1, Tanh: 1, ValueLoss: 2, SquareLoss: 2 };

  const ACTIVATIONS = ["Relu", "LeakyRelu", "Sigmoid", "Tanh", "Step"];

  function compile(graph, size, activation) {
    if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.params)) return null;
    if (activation) {
      if (!ACTIVATIONS.includes(activation)) return null;
      graph = { ...graph, nodes: graph.nodes.map((n) => (ACTIVATIONS.includes(n.kind) ? { ...n, kind: activation } : n)) };
    }
    const paramIndex = Object.create(null);
    graph.params.forEach((name, i) => { paramIndex[name] = i; });
    const byName = Object.create(null);
    for (const node of graph.nodes) byName[node.name] = node;
    const leaves = new Set([graph.input, graph.label, ...graph.params]);
    for (const node of graph.nodes) {
      if (!Object.prototype.hasOwnProperty.call(OPS, node.kind) || node.builtin === false) return null;
      const parents = node.parents || [];
      if (parents.length === 0 || (ARITY[node.kind] && parents.length !== ARITY[node.kind])) return null;
      for (const p of parents) if (!(p in byName) && !leaves.has(p)) return null;
    }
    // parents before children (meta order already is; this also rejects cycles)
    const order = [], state = Object.create(null);
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
    const buffers = Object.create(null);
    for (const node of graph.nodes) buffers[node.name] = new Float64Array(size);
    const scalars = graph.params.map(() => new Float64Array(size));
    return {
      names: graph.nodes.map((n) => n.name), size, input: graph.input, label: graph.label,
      order, paramIndex, buffers, scalars,
      index: Object.fromEntries(graph.nodes.map((n, i) => [n.name, i])),
    };
  }

  function evaluate(program, params, offset, x, label) {
    const n = program.size, env = Object.create(null);
    env[program.input] = x;
    env[program.label] = label;
    for (const name in program.paramIndex) {
      const i = program.paramIndex[name], buf = program.scalars[i];
      buf.fill(params[offset + i]);  // a leaf broadcast over the grid, as np.broadcast_to does
      env[name] = buf;
    }
    for (const node of program.order) {
      const out = program.buffers[node.name];
      OPS[node.kind](out, node.parents.map((p) => env[p]), n);
      env[node.name] = out;
    }
    return program.names.map((name) => program.buffers[name]);
  }

  ourdl.graph = {
    OPS, ACTIVATIONS, compile, evaluate,
    value: (program, values, name, i) => values[program.index[name]][i],
  };
})(window.ourdl = window.ourdl || {});
