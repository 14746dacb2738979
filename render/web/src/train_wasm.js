/* train_wasm.js: the training tape of train.js compiled to a tiny WebAssembly function.
 *
 * train.js interprets its tape (one switch per operation): about 4-5 million samples per second.
 * This file turns the same tape, instruction by instruction, into straight-line WebAssembly: every
 * node's value and grad is a local, every float operation is the same IEEE-754 double operation in
 * the same order (WebAssembly has no fused multiply-add and no excess precision), Math.exp and
 * Math.tanh are imported from the page, so the results are bit-identical to the interpreter's
 * (tests/test_lab_engine.py runs both against the Python recorder) and several times faster.
 *
 * Why WebAssembly and not `new Function`: compiling bytes we built ourselves needs only the CSP
 * source 'wasm-unsafe-eval', which still forbids turning any string into JavaScript; 'unsafe-eval'
 * would allow that too. Where WebAssembly is unavailable (an embedding site's stricter policy, an old
 * browser) `build` returns null and train.js keeps interpreting the tape.
 *
 * The module: memory imported from JS; f64 slots at byte 0 (the loss sum), 8 + 8j (parameter j) and
 * 8 + 8(P + j) (parameter j's learning rate: one rate each, as Run.lrs gives the adaline's w and b their
 * own; the same in every slot for one rate); the data wherever `xoff`/`yoff` say. The rates are read
 * into locals once per call, and an update is `value - rate_j * grad`, the interpreter's operations.
 * Export `train(from, to, xoff, yoff) -> i32`: the index of the diverging sample relative to `from`
 * (its step undone), or -1.
 */

import { BLOWUP, OPS } from "./train.js";

/** @typedef {import("./train.js").Net} Net */

// WebAssembly opcodes used here (the binary format, section 5.4)
const BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0b, BR = 0x0c, BR_IF = 0x0d,
  RETURN = 0x0f, CALL = 0x10, SELECT = 0x1b, GET = 0x20, SET = 0x21, TEE = 0x22, F64_LOAD = 0x2b,
  F64_STORE = 0x39, I32_CONST = 0x41, F64_CONST = 0x44, I32_EQZ = 0x45, I32_GE_S = 0x4e,
  F64_LT = 0x63, F64_GT = 0x64, F64_GE = 0x66, I32_ADD = 0x6a, I32_SUB = 0x6b, I32_AND = 0x71,
  I32_SHL = 0x74, F64_ABS = 0x99, F64_NEG = 0x9a, F64_ADD = 0xa0, F64_SUB = 0xa1, F64_MUL = 0xa2,
  F64_DIV = 0xa3, VOID = 0x40, T_I32 = 0x7f, T_F64 = 0x7c;
/** The largest module compiled (a 16 x 16 x 16 net's is ~100 KB; compiling it takes milliseconds). Some
 * browsers refuse to compile a module over 4 KB synchronously on the main thread (SMALL): there a big
 * graph interprets, and smaller ones still get WebAssembly. */
const MAX_BYTES = 1 << 20, SMALL = 4096;

/** @param {number} n @param {number[]} out */
function uleb(n, out) {
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n ? b | 0x80 : b);
  } while (n);
}

/** @param {number} n @param {number[]} out */
function sleb(n, out) {
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

const f64bytes = new Uint8Array(new Float64Array(1).buffer);
/** @param {number} value @param {number[]} out */
function f64(value, out) {
  new Float64Array(f64bytes.buffer)[0] = value;
  out.push(F64_CONST);
  for (let i = 0; i < 8; i++) out.push(f64bytes[i]);
}

/** @param {number} id @param {number[]} body @param {number[]} out */
function section(id, body, out) {
  out.push(id);
  uleb(body.length, out);
  for (let i = 0; i < body.length; i++) out.push(body[i]);
}

/** @param {string} text @param {number[]} out */
function name(text, out) {
  uleb(text.length, out);
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
}

/**
 * The function body for `net`'s tape (see train.js for what each opcode means).
 * @param {Net} net @param {typeof OPS} O @param {number} blowup @returns {number[]}
 */
function body(net, O, blowup) {
  const n = net.names.length, P = net.paramSlots, T = net.tape, W = O.WIDTH;
  // locals: params 0 from, 1 to, 2 xoff, 3 yoff; then i32 s, ok; f64 t, e, total, V[n], G[n], before[P],
  // rate[P]
  const X = 2, Y = 3, S = 4, OK = 5, TMP = 6, E = 7, TOTAL = 8, V0 = 9, G0 = V0 + n, B0 = G0 + n;
  const R0 = B0 + P.length;
  const code = [];
  function get(i) { code.push(GET); uleb(i, code); }
  function set(i) { code.push(SET); uleb(i, code); }
  function storeState() { // params and the loss sum back to memory
    P.forEach(function (p, j) {
      code.push(I32_CONST, 0);
      get(V0 + p);
      code.push(F64_STORE, 3);
      uleb(8 + 8 * j, code);
    });
    code.push(I32_CONST, 0);
    get(TOTAL);
    code.push(F64_STORE, 3, 0);
  }
  function loadSample(offset, slot) { // V[slot] = memory[offset + 8 s]
    get(S);
    code.push(I32_CONST, 3, I32_SHL);
    get(offset);
    code.push(I32_ADD, F64_LOAD, 3, 0);
    set(V0 + slot);
  }
  function select(whenTrue, whenFalse, condition) { // each argument pushes one value
    whenTrue();
    whenFalse();
    condition();
    code.push(SELECT);
  }
  function cmp(slot, op) { // V[slot] op 0.0
    return function () { get(V0 + slot); f64(0.0, code); code.push(op); };
  }
  function k(value) { return function () { f64(value, code); }; }

  P.forEach(function (p, j) {
    code.push(I32_CONST, 0, F64_LOAD, 3);
    uleb(8 + 8 * j, code);
    set(V0 + p);
    code.push(I32_CONST, 0, F64_LOAD, 3);
    uleb(8 + 8 * (P.length + j), code);
    set(R0 + j);
  });
  get(0);
  set(S);
  f64(0.0, code);
  set(TOTAL);
  code.push(BLOCK, VOID, LOOP, VOID);
  get(S);
  get(1);
  code.push(I32_GE_S, BR_IF, 1);
  loadSample(X, net.x);
  loadSample(Y, net.label);
  code.push(I32_CONST, 1);
  set(OK);
  for (let pc = 0; pc < T.length; pc += W) {
    const op = T[pc], d = T[pc + 1], a = T[pc + 2], b = T[pc + 3], c = T[pc + 4];
    switch (op) {
      case O.F_COPY: get(V0 + a); set(V0 + d); break;
      case O.F_ADD: get(V0 + a); get(V0 + b); code.push(F64_ADD); set(V0 + d); break;
      case O.F_MUL: get(V0 + a); get(V0 + b); code.push(F64_MUL); set(V0 + d); break;
      case O.F_RELU: select(function () { get(V0 + a); }, k(0.0), cmp(a, F64_GE)); set(V0 + d); break;
      case O.F_LEAKY:
        select(function () { get(V0 + a); }, function () { f64(0.1, code); get(V0 + a); code.push(F64_MUL); },
          cmp(a, F64_GE));
        set(V0 + d);
        break;
      case O.F_STEP: select(k(1.0), k(0.0), cmp(a, F64_GT)); set(V0 + d); break;
      case O.F_SIGMOID: // t >= 0 ? 1 / (1 + exp(-t)) : (e = exp(t), e / (1 + e))
        cmp(a, F64_GE)();
        code.push(IF, T_F64);
        f64(1.0, code);
        f64(1.0, code);
        get(V0 + a);
        code.push(F64_NEG, CALL, 0, F64_ADD, F64_DIV, ELSE);
        get(V0 + a);
        code.push(CALL, 0, TEE);
        uleb(E, code);
        f64(1.0, code);
        get(E);
        code.push(F64_ADD, F64_DIV, END);
        set(V0 + d);
        break;
      case O.F_TANH: get(V0 + a); code.push(CALL, 1); set(V0 + d); break;
      case O.F_ABS: get(V0 + a); get(V0 + b); code.push(F64_SUB, F64_ABS); set(V0 + d); break;
      case O.F_SQUARE:
        get(V0 + a); get(V0 + b); code.push(F64_SUB, TEE); uleb(TMP, code); get(TMP);
        code.push(F64_MUL);
        set(V0 + d);
        break;
      case O.G_ONE: f64(1.0, code); set(G0 + d); break;
      case O.UPDATE: // before[a] = V[d]; V[d] = V[d] - rate[a] * G[d]; ok &= -blowup < V[d] < blowup
        get(V0 + d); set(B0 + a);
        get(V0 + d); get(R0 + a); get(G0 + d); code.push(F64_MUL, F64_SUB, TEE); uleb(V0 + d, code);
        f64(-blowup, code); code.push(F64_GT);
        get(V0 + d); f64(blowup, code); code.push(F64_LT, I32_AND);
        get(OK); code.push(I32_AND);
        set(OK);
        break;
      default: { // G[d] = (first ? 0.0 : G[d]) + G[a] * local
        if (op & O.FIRST) f64(0.0, code);
        else get(G0 + d);
        get(G0 + a);
        switch (op & ~O.FIRST) {
          case O.G_ADD: f64(1.0, code); break;
          case O.G_MUL: get(V0 + b); break;
          case O.G_RELU: select(k(1.0), k(0.0), cmp(b, F64_GT)); break;
          case O.G_LEAKY: select(k(1.0), k(0.1), cmp(b, F64_GT)); break;
          case O.G_STEP: select(k(0.0), k(-1.0), cmp(b, F64_GT)); break;
          case O.G_SIGMOID: get(V0 + a); f64(1.0, code); get(V0 + a); code.push(F64_SUB, F64_MUL); break;
          case O.G_TANH: f64(1.0, code); get(V0 + a); get(V0 + a); code.push(F64_MUL, F64_SUB); break;
          case O.G_ABS0:
          case O.G_ABS1: {
            const pos = (op & ~O.FIRST) === O.G_ABS0 ? 1.0 : -1.0;
            select(k(pos), k(-pos), function () {
              get(V0 + b); get(V0 + c); code.push(F64_SUB); f64(0.0, code); code.push(F64_GT);
            });
            break;
          }
          case O.G_SQUARE0:
          case O.G_SQUARE1:
            f64((op & ~O.FIRST) === O.G_SQUARE0 ? 2.0 : -2.0, code);
            get(V0 + b); get(V0 + c); code.push(F64_SUB, F64_MUL);
            break;
          default: throw new Error('lab: no WebAssembly for opcode ' + op);
        }
        code.push(F64_MUL, F64_ADD);
        set(G0 + d);
      }
    }
  }
  // if !(ok && -blowup < loss < blowup): undo the step, store, return the sample's index
  get(OK);
  get(V0 + net.loss); f64(-blowup, code); code.push(F64_GT, I32_AND);
  get(V0 + net.loss); f64(blowup, code); code.push(F64_LT, I32_AND, I32_EQZ, IF, VOID);
  P.forEach(function (p, j) { get(B0 + j); set(V0 + p); });
  storeState();
  get(S); get(0); code.push(I32_SUB, RETURN, END);
  get(TOTAL); get(V0 + net.loss); code.push(F64_ADD); set(TOTAL);
  get(S); code.push(I32_CONST, 1, I32_ADD); set(S);
  code.push(BR, 0, END, END);
  storeState();
  code.push(I32_CONST);
  sleb(-1, code);
  code.push(END);

  const fn = [];
  uleb(2, fn); // local groups: 2 i32, then the f64s
  uleb(2, fn); fn.push(T_I32);
  uleb(3 + 2 * n + 2 * P.length, fn); fn.push(T_F64);
  return fn.concat(code);
}

/**
 * The module's bytes.
 * @param {Net} net @param {typeof OPS} O @param {number} blowup
 */
export function module(net, O, blowup) {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  let s;
  // types: 0 (f64) -> f64; 1 (i32, i32, i32, i32) -> i32
  s = [2, 0x60, 1, T_F64, 1, T_F64, 0x60, 4, T_I32, T_I32, T_I32, T_I32, 1, T_I32];
  section(1, s, out);
  s = [3]; // imports: m.exp, m.tanh (type 0), m.mem (memory, min 1 page)
  name('m', s); name('exp', s); s.push(0x00, 0);
  name('m', s); name('tanh', s); s.push(0x00, 0);
  name('m', s); name('mem', s); s.push(0x02, 0x00, 1);
  section(2, s, out);
  section(3, [1, 1], out); // one function of type 1
  s = [1];
  name('train', s); s.push(0x00, 2); // function index 2 (after the two imports)
  section(7, s, out);
  const fn = body(net, O, blowup), code = [1];
  uleb(fn.length, code);
  section(10, code.concat(fn), out);
  return new Uint8Array(out);
}

/** Compiled modules by their bytes: a module depends only on the graph, so changing a setting other
 * than the activation or the loss reuses it (compiling costs milliseconds, instantiating microseconds). */
const modules = new Map();
let unavailable = false;

/**
 * A WebAssembly trainer for `net` (a train.js Net), or null where WebAssembly cannot run here.
 * Returns train(xs, ys, from, to, rates) -> {total, bad} (rates: one per parameter, update order),
 * reading and writing net's parameters.
 * @param {Net} net @returns {import("./train.js").TrainFn | null}
 */
export function build(net) {
  if (typeof WebAssembly !== 'object' || unavailable) return null;
  const bytes = module(net, OPS, BLOWUP);
  if (bytes.length > MAX_BYTES) return null;
  let memory, instance;
  try {
    memory = new WebAssembly.Memory({ initial: 1 });
    const key = String.fromCharCode(...bytes);
    if (!modules.has(key)) modules.set(key, new WebAssembly.Module(bytes));
    instance = new WebAssembly.Instance(modules.get(key),
      { m: { exp: Math.exp, tanh: Math.tanh, mem: memory } });
  } catch { // a Content-Security-Policy without 'wasm-unsafe-eval', or no compiler: once is
    if (bytes.length <= SMALL) unavailable = true; // enough (each refusal is also reported on the console);
    return null; // a big module may be refused only for its size
  }
  const P = net.paramSlots, np = P.length, head = 8 + 16 * np;
  /** @type {Float64Array | null} */
  let dataX = null, dataY = null, cap = 0;
  const train = instance.exports.train;
  return function (xs, ys, from, to, rates) {
    if (dataX !== xs || dataY !== ys) { // copy the data in once per data array
      const need = head + 16 * xs.length, have = memory.buffer.byteLength;
      if (need > have) memory.grow(Math.ceil((need - have) / 65536));
      new Float64Array(memory.buffer, head, xs.length).set(xs);
      new Float64Array(memory.buffer, head + 8 * xs.length, xs.length).set(ys);
      dataX = xs;
      dataY = ys;
      cap = xs.length;
    }
    const mem = new Float64Array(memory.buffer, 0, 1 + 2 * np);
    for (let j = 0; j < np; j++) {
      mem[1 + j] = net.V[P[j]];
      mem[1 + np + j] = rates[j];
    }
    const bad = train(from, to, head, head + 8 * cap);
    for (let j = 0; j < np; j++) net.V[P[j]] = mem[1 + j];
    return { total: mem[0], bad: bad };
  };
}
