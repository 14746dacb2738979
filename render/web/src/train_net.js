/* train_net.js: the machine a compiled tape runs on (train_compile.js writes the tape): the opcodes, the
 * Net that holds a graph's values and grads, and `interpret`, the executor that is always available and
 * the reference train_wasm.js matches bit for bit. Net.train hands the tape to the faster executor when
 * compile gave it one.
 */

/** @typedef {{total: number, bad: number}} TrainResult */
/** @typedef {(xs: Float64Array, ys: Float64Array, from: number, to: number, rates: Float64Array)
 *   => TrainResult} TrainFn */

/** A parameter beyond this (or a non-finite loss) is divergence: render.record.runs.BLOWUP. */
export const BLOWUP = 1e100;

/** Every refusal of the trainer, one clear message. @param {string} message @returns {never} */
export function fail(message) {
  throw new Error("lab: " + message);
}

// Opcodes. Forward: V[d] = f(V[a], V[b]). Grad: G[d] = G[d] + G[a] * local, local being the derivative
// of node a with respect to its parent (read from operands b, c as the op needs); with FIRST set the
// sum starts from 0.0 instead of G[d], as Python's `grad = 0.0` does. UPDATE: parameter d, index a.
export const OPS = {
  F_COPY: 0, F_ADD: 1, F_MUL: 2, F_RELU: 3, F_LEAKY: 4, F_STEP: 5, F_SIGMOID: 6, F_TANH: 7, F_ABS: 8,
  F_SQUARE: 9, G_ONE: 10, UPDATE: 11, G_ADD: 12, G_MUL: 13, G_RELU: 14, G_LEAKY: 15, G_STEP: 16,
  G_SIGMOID: 17, G_TANH: 18, G_ABS0: 19, G_ABS1: 20, G_SQUARE0: 21, G_SQUARE1: 22, FIRST: 32, WIDTH: 5,
};
const O = OPS;

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
   * Train on samples [from, to) of xs/ys: render.record.runs.train_samples. Returns {total: the sum of the
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
