/* train.js — ourdl's per-sample SGD in the page, bit for bit.
 *
 * The graph comes from a snapshot's meta (render.record.runs.graph_meta): nodes with name, kind and
 * parents in creation order, the parameters in update order, and the input, label, output and loss
 * nodes. `compile` turns it into a tape: a flat list of float64 operations in exactly the order the
 * Python recorder performs them for one sample (ourdl.core.train_step):
 *
 *   1. loss.forward()            every node the loss depends on, parents first;
 *   2. for p in params:          p.get_grad(): d(loss)/d(node) by the chain rule over the node's
 *        p.get_grad()            children edges, in edge order, starting from 0.0; a node's grad is
 *        p.update(lr)            computed once per sample (the first time a parameter needs it) and
 *                                cached; local derivatives read the values current at that moment, so
 *                                a parameter already updated is seen updated (as in Python);
 *                                then value = value - lr * grad;
 *   3. loss.clear()              nothing to do here: every cached grad is recomputed next sample.
 *
 * Every float operation is the one Python does, in the same order: Add of three parents is
 * ((a + b) + c); accumulation is `grad = grad + child_grad * local` from 0.0 (so -0.0 becomes 0.0 as
 * in Python); Sigmoid keeps its two branches; the derivative conventions are the tutorial's
 * (ourdl/ops/__init__.py, ourdl/ops/loss.py). Math.exp and Math.tanh may differ from the C library
 * Python uses by an ulp; tests/test_lab_engine.py measures how far that moves the parameters.
 *
 * The tape is interpreted (a switch over an Int32Array) rather than compiled with `new Function`, so
 * the page needs no 'unsafe-eval' in its Content-Security-Policy; benchmarks/lab_speed.py measures it.
 *
 * Public: ourdlTrain.compile(graph, {activation, loss}) -> Net; ourdlTrain.run(graph, config).
 */
(function (root) {
  'use strict';

  var ACTIVATIONS = ['LeakyRelu', 'Relu', 'Sigmoid', 'Tanh', 'Step'];
  var LOSSES = { absolute: 'ValueLoss', squared: 'SquareLoss' };
  /** A parameter beyond this (or a non-finite loss) is divergence: render.record.runs.BLOWUP. */
  var BLOWUP = 1e100;

  // Opcodes. Forward: V[d] = f(V[a], V[b]). Grad: G[d] = G[d] + G[a] * local, where local is the
  // derivative of node a with respect to its parent (operands b, c as the op needs); with FIRST set
  // the sum starts from 0.0 instead of G[d], as Python's `grad = 0.0` does.
  var F_COPY = 0, F_ADD = 1, F_MUL = 2, F_RELU = 3, F_LEAKY = 4, F_STEP = 5, F_SIGMOID = 6,
    F_TANH = 7, F_ABS = 8, F_SQUARE = 9, G_ONE = 10, UPDATE = 11,
    G_ADD = 12, G_MUL = 13, G_RELU = 14, G_LEAKY = 15, G_STEP = 16, G_SIGMOID = 17, G_TANH = 18,
    G_ABS0 = 19, G_ABS1 = 20, G_SQUARE0 = 21, G_SQUARE1 = 22, FIRST = 32;
  var FORWARD = { Mul: F_MUL, Relu: F_RELU, LeakyRelu: F_LEAKY, Step: F_STEP, Sigmoid: F_SIGMOID,
    Tanh: F_TANH, ValueLoss: F_ABS, SquareLoss: F_SQUARE };
  var LOCAL = { Add: G_ADD, Mul: G_MUL, Relu: G_RELU, LeakyRelu: G_LEAKY, Step: G_STEP,
    Sigmoid: G_SIGMOID, Tanh: G_TANH };
  var LOSS_LOCAL = { ValueLoss: [G_ABS0, G_ABS1], SquareLoss: [G_SQUARE0, G_SQUARE1] };
  var ARITY = { Mul: 2, ValueLoss: 2, SquareLoss: 2, Relu: 1, LeakyRelu: 1, Step: 1, Sigmoid: 1, Tanh: 1 };
  var WIDTH = 5; // op, d, a, b, c
  /** The opcodes, for train_wasm.js, which compiles the same tape. */
  var OPS = { F_COPY: F_COPY, F_ADD: F_ADD, F_MUL: F_MUL, F_RELU: F_RELU, F_LEAKY: F_LEAKY, F_STEP: F_STEP,
    F_SIGMOID: F_SIGMOID, F_TANH: F_TANH, F_ABS: F_ABS, F_SQUARE: F_SQUARE, G_ONE: G_ONE, UPDATE: UPDATE,
    G_ADD: G_ADD, G_MUL: G_MUL, G_RELU: G_RELU, G_LEAKY: G_LEAKY, G_STEP: G_STEP, G_SIGMOID: G_SIGMOID,
    G_TANH: G_TANH, G_ABS0: G_ABS0, G_ABS1: G_ABS1, G_SQUARE0: G_SQUARE0, G_SQUARE1: G_SQUARE1,
    FIRST: FIRST, WIDTH: WIDTH };

  function fail(message) {
    throw new Error('lab: ' + message);
  }

  /**
   * The graph with the page's choices applied: every activation node takes `activation`, the loss
   * node takes the loss kind. Returns nodes as {name, kind, parents}.
   */
  function variant(graph, options) {
    var act = options && options.activation, loss = options && options.loss;
    if (act && ACTIVATIONS.indexOf(act) < 0) fail('unknown activation ' + JSON.stringify(act));
    if (loss && !Object.prototype.hasOwnProperty.call(LOSSES, loss)) fail('unknown loss ' + JSON.stringify(loss));
    return graph.nodes.map(function (n) {
      var kind = n.kind;
      if (act && ACTIVATIONS.indexOf(kind) >= 0) kind = act;
      if (loss && n.name === graph.loss) kind = LOSSES[loss];
      return { name: n.name, kind: kind, parents: n.parents.slice() };
    });
  }

  /** Compile `graph` (snapshot meta) into a Net that trains it sample by sample. */
  function compile(graph, options) {
    var nodes = variant(graph, options);
    var index = {}, names = [], kinds = [], parents = [], edges = [];
    function slot(name) {
      if (!Object.prototype.hasOwnProperty.call(index, name)) {
        index[name] = names.length;
        names.push(name);
        kinds.push(null); // a leaf until a node entry says otherwise
        parents.push([]);
        edges.push([]);
      }
      return index[name];
    }
    nodes.forEach(function (n) {
      if (Object.prototype.hasOwnProperty.call(index, n.name) && kinds[index[n.name]] !== null) {
        fail('node ' + JSON.stringify(n.name) + ' is listed twice');
      }
      var ps = n.parents.map(slot); // parents exist before their children (creation order)
      var k = slot(n.name);
      if (n.kind !== 'Add' && !ARITY[n.kind]) fail('the lab cannot train a ' + JSON.stringify(n.kind) + ' node');
      if (ARITY[n.kind] && ARITY[n.kind] !== ps.length) fail(n.kind + ' ' + n.name + ' needs ' + ARITY[n.kind] + ' parents');
      if (ps.length === 0) fail('node ' + n.name + ' has no parents');
      kinds[k] = n.kind;
      parents[k] = ps;
      ps.forEach(function (p, i) { edges[p].push([k, i]); }); // a child's edges in creation order
    });
    var params = graph.params.map(function (p) {
      if (!Object.prototype.hasOwnProperty.call(index, p) || kinds[index[p]] !== null) fail('no parameter ' + p);
      return index[p];
    });
    var x = slot(graph.input), label = slot(graph.label), loss = index[graph.loss];
    if (loss === undefined || edges[loss].length) fail('the loss must be a node without children');
    for (var i = 0; i < names.length; i++) {
      // Python gives any childless node the grad 1.0; only the loss may be one here
      if (kinds[i] !== null && i !== loss && !edges[i].length) fail('node ' + names[i] + ' feeds nothing');
    }

    var tape = [];
    function emit(op, d, a, b, c) {
      tape.push(op, d, a || 0, b || 0, c || 0);
    }
    // 1. loss.forward(): parents first (depth first, in parent order), each node once
    var done = new Uint8Array(names.length);
    (function forward(k) {
      if (kinds[k] === null || done[k]) return;
      var ps = parents[k];
      ps.forEach(forward);
      done[k] = 1;
      if (kinds[k] === 'Add') { // ((p0 + p1) + p2) + ...
        if (ps.length === 1) emit(F_COPY, k, ps[0]);
        else emit(F_ADD, k, ps[0], ps[1]);
        for (var j = 2; j < ps.length; j++) emit(F_ADD, k, k, ps[j]);
      } else {
        emit(FORWARD[kinds[k]], k, ps[0], ps[1]);
      }
    })(loss);
    // 2. get_grad then update, per parameter; a node's grad is computed once, where Python first needs it
    var known = new Uint8Array(names.length);
    function grad(k) {
      if (known[k]) return;
      if (!edges[k].length) {
        emit(G_ONE, k);
      } else {
        edges[k].forEach(function (e) { grad(e[0]); });
        edges[k].forEach(function (e, n) {
          var c = e[0], i = e[1], cp = parents[c], kind = kinds[c], first = n === 0 ? FIRST : 0;
          if (kind === 'Mul') emit(G_MUL | first, k, c, cp[1 - i]);
          else if (LOSS_LOCAL[kind]) emit(LOSS_LOCAL[kind][i] | first, k, c, cp[0], cp[1]);
          else emit(LOCAL[kind] | first, k, c, cp[0]);
        });
      }
      known[k] = 1;
    }
    params.forEach(function (p, j) {
      grad(p);
      emit(UPDATE, p, j);
    });
    var net = new Net(names, Int32Array.from(tape), params, x, label, loss, index);
    var engine = (options && options.engine) || 'auto';
    if (engine !== 'interpreter' && engine !== 'auto' && engine !== 'wasm') fail('unknown engine ' + engine);
    if (engine !== 'interpreter' && root.ourdlWasm) net.fast = root.ourdlWasm.build(net, OPS, BLOWUP);
    if (engine === 'wasm' && !net.fast) fail('WebAssembly is not available here');
    net.engine = net.fast ? 'wasm' : 'interpreter';
    return net;
  }

  function Net(names, tape, params, x, label, loss, index) {
    this.names = names;
    this.tape = tape;
    this.paramSlots = params;
    this.x = x;
    this.label = label;
    this.loss = loss;
    this.index = index;
    this.V = new Float64Array(names.length);
    this.G = new Float64Array(names.length);
  }

  /** Set the parameters (in update order). */
  Net.prototype.setParams = function (values) {
    for (var j = 0; j < this.paramSlots.length; j++) this.V[this.paramSlots[j]] = values[j];
  };

  /** The parameters, in update order, as a new array. */
  Net.prototype.getParams = function () {
    var out = new Array(this.paramSlots.length);
    for (var j = 0; j < out.length; j++) out[j] = this.V[this.paramSlots[j]];
    return out;
  };

  /**
   * Train on samples [from, to) of xs/ys with learning rate lr: the recorder's _train loop.
   * Returns {total: sum of the losses, bad: index of the diverging sample or -1}; a diverging
   * sample's step is undone (render.record.runs._train).
   */
  Net.prototype.train = function (xs, ys, from, to, lr) {
    return this.fast ? this.fast(xs, ys, from, to, lr) : this.interpret(xs, ys, from, to, lr);
  };

  /** Net.train by interpreting the tape: the reference, and the fallback where WebAssembly cannot run. */
  Net.prototype.interpret = function (xs, ys, from, to, lr) {
    var V = this.V, G = this.G, T = this.tape, n = T.length, P = this.paramSlots, np = P.length;
    var xi = this.x, li = this.label, lossi = this.loss;
    var before = new Float64Array(np), total = 0.0;
    for (var s = from; s < to; s++) {
      V[xi] = xs[s];
      V[li] = ys[s];
      var ok = true;
      for (var pc = 0; pc < n; pc += WIDTH) {
        var op = T[pc], d = T[pc + 1], a = T[pc + 2], t, e;
        if (op < G_ADD) {
          switch (op) {
            case F_COPY: V[d] = V[a]; break;
            case F_ADD: V[d] = V[a] + V[T[pc + 3]]; break;
            case F_MUL: V[d] = V[a] * V[T[pc + 3]]; break;
            case F_RELU: t = V[a]; V[d] = t >= 0 ? t : 0.0; break;
            case F_LEAKY: t = V[a]; V[d] = t >= 0 ? t : 0.1 * t; break;
            case F_STEP: V[d] = V[a] > 0 ? 1.0 : 0.0; break;
            case F_SIGMOID:
              t = V[a];
              if (t >= 0) {
                V[d] = 1.0 / (1.0 + Math.exp(-t));
              } else {
                e = Math.exp(t);
                V[d] = e / (1.0 + e);
              }
              break;
            case F_TANH: V[d] = Math.tanh(V[a]); break;
            case F_ABS: V[d] = Math.abs(V[a] - V[T[pc + 3]]); break;
            case F_SQUARE: t = V[a] - V[T[pc + 3]]; V[d] = t * t; break;
            case G_ONE: G[d] = 1.0; break;
            case UPDATE: // value - lr * grad, remembering the old value in case the step diverges
              t = V[d];
              before[a] = t;
              t = t - lr * G[d];
              V[d] = t;
              ok = ok && t > -BLOWUP && t < BLOWUP; // false for NaN and ±inf too
              break;
          }
        } else {
          switch (op & ~FIRST) { // the local derivative of node a with respect to its parent
            case G_ADD: t = 1.0; break;
            case G_MUL: t = V[T[pc + 3]]; break;
            case G_RELU: t = V[T[pc + 3]] > 0 ? 1.0 : 0.0; break;
            case G_LEAKY: t = V[T[pc + 3]] > 0 ? 1.0 : 0.1; break;
            case G_STEP: t = V[T[pc + 3]] > 0 ? 0.0 : -1.0; break;
            case G_SIGMOID: t = V[a]; t = t * (1.0 - t); break;
            case G_TANH: t = V[a]; t = 1.0 - t * t; break;
            // losses, parents (label, y): d/d(label) = sign(label - y) with 0 counted negative, or
            // 2 (label - y); d/dy is its negative
            case G_ABS0: t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? 1.0 : -1.0; break;
            case G_ABS1: t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? -1.0 : 1.0; break;
            case G_SQUARE0: t = 2.0 * (V[T[pc + 3]] - V[T[pc + 4]]); break;
            case G_SQUARE1: t = -2.0 * (V[T[pc + 3]] - V[T[pc + 4]]); break;
          }
          G[d] = (op & FIRST ? 0.0 : G[d]) + G[a] * t;
        }
      }
      t = V[lossi];
      if (!(ok && t > -BLOWUP && t < BLOWUP)) {
        for (var j = 0; j < np; j++) V[P[j]] = before[j];
        return { total: total, bad: s - from };
      }
      total += t;
    }
    return { total: total, bad: -1 };
  };

  /**
   * The snapshot steps of a run: every `every` samples from 0, plus 0, the last sample and `marks`
   * (scenes/base.py, Schedule.steps for a linear schedule), sorted and unique.
   */
  function linearSteps(total, every, marks) {
    var set = {};
    for (var s = 0; s <= total; s += every) set[s] = 1;
    set[0] = set[total] = 1;
    (marks || []).forEach(function (m) { if (m >= 0 && m <= total) set[m] = 1; });
    return Object.keys(set).map(Number).sort(function (a, b) { return a - b; });
  }

  /**
   * A whole run, as render.record.runs.record_run trains it. config: {init: {name: value},
   * lr, samples, activation, loss ('absolute' | 'squared'), data_seed, every, marks?, steps?}.
   * Returns {names, steps, params: one array per step (update order), train_loss, diverged_at}.
   */
  function run(graph, config) {
    var net = compile(graph, { activation: config.activation, loss: config.loss, engine: config.engine });
    var names = graph.params.slice();
    net.setParams(names.map(function (n) {
      var v = config.init && config.init[n];
      if (typeof v !== 'number') fail('no initial value for ' + n);
      return v;
    }));
    var samples = config.samples, lr = config.lr;
    if (!Number.isSafeInteger(samples) || samples < 0) fail('samples must be a non-negative integer');
    if (typeof lr !== 'number' || !isFinite(lr)) fail('lr must be a finite number');
    var steps = config.steps ? config.steps.slice() : linearSteps(samples, config.every || 1, config.marks);
    var xs = root.ourdlRandom.uniform(config.data_seed || 0, 0.0, 2.0, samples);
    var ys = targetOf(xs);
    var params = [], trainLoss = [], seen = 0, divergedAt = null;
    for (var s = 0; s < steps.length; s++) {
      var stop = divergedAt === null ? Math.min(steps[s], samples) : seen;
      if (stop > seen) {
        var r = net.train(xs, ys, seen, stop, lr);
        var count = r.bad < 0 ? stop - seen : r.bad;
        trainLoss.push(count ? r.total / count : NaN);
        if (r.bad >= 0) divergedAt = seen + r.bad + 1; // 1-based, as the recorder counts it
        seen += count;
      } else {
        trainLoss.push(s > 0 ? trainLoss[s - 1] : NaN);
      }
      params.push(net.getParams());
    }
    return { names: names, steps: steps, params: params, train_loss: trainLoss, diverged_at: divergedAt,
      engine: net.engine };
  }

  /** The chapter's labels: x², elementwise as numpy's x * x. */
  function targetOf(xs) {
    var ys = new Float64Array(xs.length);
    for (var i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i];
    return ys;
  }

  root.ourdlTrain = { compile: compile, run: run, linearSteps: linearSteps, targetOf: targetOf,
    ACTIVATIONS: ACTIVATIONS, LOSSES: Object.keys(LOSSES), BLOWUP: BLOWUP, OPS: OPS };
})(typeof globalThis !== 'undefined' ? globalThis : this);
