(() => {
  var __defProp = Object.defineProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };

  // render/web/src/graph.js
  var graph_exports = {};
  __export(graph_exports, {
    ACTIVATIONS: () => ACTIVATIONS,
    ARITY: () => ARITY,
    OPS: () => OPS,
    compile: () => compile,
    evaluate: () => evaluate,
    value: () => value
  });
  var unary = (f) => (out, [t], n) => {
    for (let i = 0; i < n; i++) out[i] = f(t[i]);
  };
  var binary = (f) => (out, [a, b], n) => {
    for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
  };
  var OPS = {
    Add(out, inputs, n) {
      const first = inputs[0];
      for (let i = 0; i < n; i++) out[i] = first[i];
      for (let k = 1; k < inputs.length; k++) {
        const v = inputs[k];
        for (let i = 0; i < n; i++) out[i] = out[i] + v[i];
      }
    },
    Mul: binary((a, b) => a * b),
    Relu: unary((t) => t >= 0 ? t : 0),
    LeakyRelu: unary((t) => t >= 0 ? t : 0.1 * t),
    Step: unary((t) => t > 0 ? 1 : 0),
    Sigmoid: unary((t) => {
      const e = Math.exp(-Math.abs(t));
      return t >= 0 ? 1 / (1 + e) : e / (1 + e);
    }),
    Tanh: unary(Math.tanh),
    ValueLoss: binary((label, y) => Math.abs(label - y)),
    SquareLoss: binary((label, y) => {
      const d = label - y;
      return d * d;
    })
  };
  var ARITY = {
    Mul: 2,
    Relu: 1,
    LeakyRelu: 1,
    Step: 1,
    Sigmoid: 1,
    Tanh: 1,
    ValueLoss: 2,
    SquareLoss: 2
  };
  var ACTIVATIONS = ["Relu", "LeakyRelu", "Sigmoid", "Tanh", "Step"];
  function opOf(node, torch) {
    const own = Object.prototype.hasOwnProperty.call(OPS, node.kind);
    if (node.builtin !== false) return own ? OPS[node.kind] : null;
    const f = torch ? torch(node.kind, node.options) : null;
    return f ? unary(f) : null;
  }
  function compile(graph, size, activation, torchOps) {
    if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.params)) return null;
    if (activation) {
      if (!ACTIVATIONS.includes(activation)) return null;
      graph = {
        ...graph,
        nodes: graph.nodes.map((n) => ACTIVATIONS.includes(n.kind) ? { ...n, kind: activation } : n)
      };
    }
    const paramIndex = /* @__PURE__ */ Object.create(null);
    graph.params.forEach((name, i) => {
      paramIndex[name] = i;
    });
    const byName = /* @__PURE__ */ Object.create(null);
    for (const node of graph.nodes) byName[node.name] = node;
    const leaves = /* @__PURE__ */ new Set([graph.input, graph.label, ...graph.params]);
    const ops = /* @__PURE__ */ new Map();
    for (const node of graph.nodes) {
      const parents = node.parents || [];
      if (parents.length === 0) return null;
      const op = opOf(node, graph.torch === true && torchOps ? torchOps : null);
      const arity = node.builtin === false ? 1 : ARITY[node.kind];
      if (!op || arity && parents.length !== arity) return null;
      for (const p of parents) if (!(p in byName) && !leaves.has(p)) return null;
      ops.set(node, op);
    }
    const order = [];
    const state = /* @__PURE__ */ Object.create(null);
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
    const buffers = /* @__PURE__ */ Object.create(null);
    for (const node of graph.nodes) buffers[node.name] = new Float64Array(size);
    const scalars = graph.params.map(() => new Float64Array(size));
    return {
      names: graph.nodes.map((n) => n.name),
      size,
      input: graph.input,
      label: graph.label,
      order,
      ops: order.map((node) => (
        /** @type {Op} */
        ops.get(node)
      )),
      paramIndex,
      buffers,
      scalars,
      index: Object.fromEntries(graph.nodes.map((n, i) => [n.name, i]))
    };
  }
  function evaluate(program, params, offset, x, label) {
    const n = program.size;
    const env = /* @__PURE__ */ Object.create(null);
    env[program.input] = x;
    env[program.label] = label;
    for (const name in program.paramIndex) {
      const i = program.paramIndex[name], buf = program.scalars[i];
      buf.fill(params[offset + i]);
      env[name] = buf;
    }
    program.order.forEach((node, k) => {
      const out = program.buffers[node.name];
      program.ops[k](out, node.parents.map((p) => env[p]), n);
      env[node.name] = out;
    });
    return program.names.map((name) => program.buffers[name]);
  }
  var value = (program, values, name, i) => values[program.index[name]][i];

  // render/web/src/data.js
  function bytes(b64) {
    const s = atob(b64 || "");
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function typed(b64, size, Kind, get) {
    const b = bytes(b64);
    const view = new DataView(b.buffer);
    const n = Math.floor(b.length / size);
    const out = new Kind(n);
    for (let i = 0; i < n; i++) out[i] = get(view, i * size);
    return out;
  }
  function read(id) {
    const el2 = document.getElementById(id);
    return el2 ? JSON.parse(el2.textContent) : null;
  }
  var f64 = (b64) => typed(b64, 8, Float64Array, (v, o) => v.getFloat64(o, true));
  var f32 = (b64) => typed(b64, 4, Float64Array, (v, o) => v.getFloat32(o, true));
  var i32 = (b64) => typed(b64, 4, Int32Array, (v, o) => v.getInt32(o, true));
  var i8 = (b64) => typed(b64, 1, Int8Array, (v, o) => v.getInt8(o));

  // render/web/src/mount.js
  function mountAll(selector, format, noun, failure, running, start) {
    for (const root of document.querySelectorAll(selector)) {
      const element = (
        /** @type {HTMLElement} */
        root
      );
      if (running(element)) continue;
      try {
        const data2 = read(element.dataset.source);
        if (!data2 || data2.format !== format) throw new Error(`no ${noun} data in this page`);
        start(element, data2);
      } catch (err) {
        element.textContent = failure + String(err && err.message);
        console.error(err);
      }
    }
  }
  function mountPlayers(players) {
    mountAll(
      ".ourdl-player[data-source]",
      "ourdl-player",
      "player",
      "This player could not start: ",
      (root) => !!/** @type {HTMLElement & {ourdlPlayer?: unknown}} */
      root.ourdlPlayer,
      (root, data2) => {
        if (data2.kind === "sweep" && players.sweep) players.sweep(
          root,
          /** @type {SweepData} */
          data2
        );
        else if (data2.kind === "runs" && players.runs) players.runs(
          root,
          /** @type {RunsData} */
          data2
        );
        else throw new Error(`this page has no player for ${data2.kind} data`);
      }
    );
  }

  // render/web/src/random.js
  var random_exports = {};
  __export(random_exports, {
    Pcg64: () => Pcg64,
    defaultRng: () => defaultRng,
    seedState: () => seedState,
    uniform: () => uniform
  });
  var INIT_A = 1135663077;
  var MULT_A = 2468251765;
  var INIT_B = 2337405405;
  var MULT_B = 1492356589;
  var MIX_MULT_L = 3389127133;
  var MIX_MULT_R = 1232336661;
  var POOL = 4;
  var TWO32 = 4294967296;
  function seedWords(seed) {
    if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError("seed must be an integer in [0, 2**53)");
    }
    const words = [];
    do {
      words.push(seed % TWO32);
      seed = Math.floor(seed / TWO32);
    } while (seed > 0);
    return words;
  }
  function seedState(seed) {
    const entropy = seedWords(seed);
    let hashConst = INIT_A;
    function hashmix(value2) {
      value2 = (value2 ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value2 = Math.imul(value2, hashConst) >>> 0;
      return (value2 ^ value2 >>> 16) >>> 0;
    }
    function mix(x, y) {
      const r = Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y) >>> 0;
      return (r ^ r >>> 16) >>> 0;
    }
    const pool = [];
    for (let i = 0; i < POOL; i++) pool.push(hashmix(i < entropy.length ? entropy[i] : 0));
    for (let src = 0; src < POOL; src++) {
      for (let dst = 0; dst < POOL; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
      }
    }
    for (let src = POOL; src < entropy.length; src++) {
      for (let dst = 0; dst < POOL; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
    }
    const out = [];
    let h = INIT_B;
    for (let i = 0; i < 8; i++) {
      let v = (pool[i % POOL] ^ h) >>> 0;
      h = Math.imul(h, MULT_B) >>> 0;
      v = Math.imul(v, h) >>> 0;
      out.push((v ^ v >>> 16) >>> 0);
    }
    return out;
  }
  var M = [2681009733, 1132846948, 533093796, 593554693];
  var ML = M.map((m) => m & 65535);
  var MH = M.map((m) => m >>> 16);
  var INV16 = 1 / 65536;
  var INV32 = 1 / TWO32;
  function mulhi(s, j) {
    return Math.floor((s * MH[j] + Math.floor(s * ML[j] * INV16)) * INV16);
  }
  var Pcg64 = class {
    /** @param {number[]} initstate @param {number[]} initseq  128-bit numbers as limbs, low first */
    constructor(initstate, initseq) {
      this.c = [
        (initseq[0] << 1 | 1) >>> 0,
        (initseq[1] << 1 | initseq[0] >>> 31) >>> 0,
        (initseq[2] << 1 | initseq[1] >>> 31) >>> 0,
        (initseq[3] << 1 | initseq[2] >>> 31) >>> 0
      ];
      this.s = [0, 0, 0, 0];
      this.step();
      const s = this.s;
      let carry = 0;
      for (let k = 0; k < 4; k++) {
        const t = s[k] + initstate[k] + carry;
        s[k] = t >>> 0;
        carry = t >= TWO32 ? 1 : 0;
      }
      this.step();
    }
    /** state = state * MULT + inc (mod 2**128), column by column with exact float64 sums < 2**53. */
    step() {
      const s = this.s, c = this.c;
      const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
      const t0 = (Math.imul(s0, M[0]) >>> 0) + c[0];
      const t1 = mulhi(s0, 0) + (Math.imul(s0, M[1]) >>> 0) + (Math.imul(s1, M[0]) >>> 0) + c[1] + Math.floor(t0 * INV32);
      const t2 = mulhi(s0, 1) + mulhi(s1, 0) + (Math.imul(s0, M[2]) >>> 0) + (Math.imul(s1, M[1]) >>> 0) + (Math.imul(s2, M[0]) >>> 0) + c[2] + Math.floor(t1 * INV32);
      const t3 = mulhi(s0, 2) + mulhi(s1, 1) + mulhi(s2, 0) + Math.imul(s0, M[3]) + Math.imul(s1, M[2]) + Math.imul(s2, M[1]) + Math.imul(s3, M[0]) + c[3] + Math.floor(t2 * INV32);
      s[0] = t0 >>> 0;
      s[1] = t1 >>> 0;
      s[2] = t2 >>> 0;
      s[3] = t3 >>> 0;
    }
    /** numpy's next_double: step, XSL-RR output, top 53 bits as a double in [0, 1). */
    nextDouble() {
      this.step();
      const s = this.s;
      let hi = (s[3] ^ s[1]) >>> 0, lo = (s[2] ^ s[0]) >>> 0, rot = s[3] >>> 26;
      if (rot >= 32) {
        const t = hi;
        hi = lo;
        lo = t;
        rot -= 32;
      }
      if (rot > 0) {
        const h = (hi >>> rot | lo << 32 - rot) >>> 0;
        lo = (lo >>> rot | hi << 32 - rot) >>> 0;
        hi = h;
      }
      return (hi * 2097152 + (lo >>> 11)) * 11102230246251565e-32;
    }
  };
  function defaultRng(seed) {
    const w = seedState(seed);
    return new Pcg64([w[2], w[3], w[0], w[1]], [w[6], w[7], w[4], w[5]]);
  }
  function uniform(seed, low, high, n) {
    const rng = defaultRng(seed), out = new Float64Array(n), scale = high - low;
    for (let i = 0; i < n; i++) out[i] = low + scale * rng.nextDouble();
    return out;
  }

  // render/web/src/plot.js
  var LN10 = Math.LN10;
  function symlog(v, lt) {
    const lsa = 1 / (1 - 1 / 10);
    const a = Math.abs(v);
    return a <= lt ? v / lt * lsa : Math.sign(v) * (lsa + Math.log(a / lt) / LN10);
  }
  function symexp(t, lt) {
    const lsa = 1 / (1 - 1 / 10);
    const a = Math.abs(t);
    return a <= lsa ? t / lsa * lt : Math.sign(t) * lt * Math.pow(10, a - lsa);
  }
  var Axes = class {
    /** @param {Rect} rect @param {AxesOptions} o */
    constructor(rect, o) {
      this.rect = rect;
      this.xlim = o.xlim;
      this.ylim = o.ylim;
      this.xscale = o.xscale || "linear";
      this.yscale = o.yscale || "linear";
      this.linthresh = o.linthresh || 10;
      this.tx = this._transform(this.xscale);
      this.ty = this._transform(this.yscale);
      this.x0 = this.tx(this.xlim[0]);
      this.x1 = this.tx(this.xlim[1]);
      this.y0 = this.ty(this.ylim[0]);
      this.y1 = this.ty(this.ylim[1]);
      this.drawn = null;
    }
    /** @param {Scale} kind @returns {(v: number) => number} */
    _transform(kind) {
      if (kind === "log") return (v) => v > 0 ? Math.log(v) / LN10 : NaN;
      if (kind === "symlog") return (v) => symlog(v, this.linthresh);
      return (v) => v;
    }
    /** @param {number} x */
    px(x) {
      const r = this.rect;
      return r.x + (this.tx(x) - this.x0) / (this.x1 - this.x0) * r.w;
    }
    /** @param {number} y */
    py(y) {
      const r = this.rect;
      return r.y + r.h - (this.ty(y) - this.y0) / (this.y1 - this.y0) * r.h;
    }
    /** The data x at pixel px. @param {number} px */
    xAt(px) {
      const r = this.rect, t = this.x0 + (px - r.x) / r.w * (this.x1 - this.x0);
      if (this.xscale === "log") return Math.pow(10, t);
      if (this.xscale === "symlog") return symexp(t, this.linthresh);
      return t;
    }
    /** The data y at pixel py (linear y scales). @param {number} py */
    yAt(py) {
      const r = this.rect;
      return this.ylim[0] + (r.y + r.h - py) / r.h * (this.ylim[1] - this.ylim[0]);
    }
    /** @param {number} px @param {number} py */
    contains(px, py) {
      const r = this.rect;
      return px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h;
    }
  };
  function fmtG(v, p) {
    if (!isFinite(v)) return v !== v ? "nan" : v > 0 ? "inf" : "-inf";
    if (v === 0) return "0";
    const exp = Number(v.toExponential(p - 1).split("e")[1]);
    if (exp < -4 || exp >= p) {
      const [m, e] = v.toExponential(p - 1).split("e");
      const mant = m.includes(".") ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
      const n = Number(e);
      return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
    }
    const s = v.toFixed(Math.max(0, p - 1 - exp));
    return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  }
  function number(v) {
    if (v !== v) return "—";
    const a = Math.abs(v);
    if (a >= 0.01 && a < 100) return v.toFixed(3);
    if (a > 0 && a < 1e-3) return v.toExponential(1).replace("e+", "e");
    if (a < 1e4) return fmtG(v, 2);
    const [m, e] = v.toExponential(0).split("e");
    return `${m}e${e.replace("+", "")}`;
  }
  function thousands(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function rgb(hex) {
    const h = hex.replace("#", "");
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  var css = (c, a) => a === void 0 ? `rgb(${c.map(Math.round).join(",")})` : `rgba(${c.map(Math.round).join(",")},${a})`;
  var blend = (c, toward, amount) => c.map((v, i) => v * (1 - amount) + toward[i] * amount);
  function font(px, family2, bold) {
    return `${bold ? "bold " : ""}${px.toFixed(2)}px ${family2}`;
  }
  var smallest = /* @__PURE__ */ new WeakMap();
  var smallestText = (canvas) => smallest.has(canvas) ? smallest.get(canvas) : Infinity;
  var forgetText = (canvas) => {
    smallest.delete(canvas);
  };
  function text(ctx, str, x, y, o) {
    const px = /([\d.]+)px/.exec(o.font), canvas = ctx.canvas;
    if (px && canvas && String(str) !== "" && !(Number(px[1]) >= smallestText(canvas))) {
      smallest.set(canvas, Number(px[1]));
    }
    ctx.font = o.font;
    ctx.fillStyle = o.color;
    ctx.textAlign = o.align || "left";
    ctx.textBaseline = o.baseline || "alphabetic";
    ctx.fillText(String(str), x, y);
  }
  function frame(ctx, ax, st, t) {
    ax.drawn = t;
    const r = ax.rect, pt = st.s / 72;
    const spine = 0.6 * pt, tickLen = 2.5 * pt, pad = 1.5 * pt, [minorLen, minorWidth] = t.minor || [2, 0.6];
    ctx.save();
    ctx.strokeStyle = st.muted;
    ctx.lineWidth = spine;
    ctx.beginPath();
    ctx.moveTo(r.x, r.y);
    ctx.lineTo(r.x, r.y + r.h);
    ctx.lineTo(r.x + r.w, r.y + r.h);
    ctx.stroke();
    const tickFont = font(st.tick, st.font);
    ctx.beginPath();
    for (const x of t.x.ticks) {
      const p = ax.px(x);
      ctx.moveTo(p, r.y + r.h);
      ctx.lineTo(p, r.y + r.h + tickLen);
    }
    for (const y of t.y.ticks) {
      const p = ax.py(y);
      ctx.moveTo(r.x, p);
      ctx.lineTo(r.x - tickLen, p);
    }
    ctx.stroke();
    if (t.x.minor.length || t.y.minor.length) {
      ctx.lineWidth = minorWidth * pt;
      ctx.beginPath();
      const m = minorLen * pt;
      for (const x of t.x.minor) {
        const p = ax.px(x);
        ctx.moveTo(p, r.y + r.h);
        ctx.lineTo(p, r.y + r.h + m);
      }
      for (const y of t.y.minor) {
        const p = ax.py(y);
        ctx.moveTo(r.x, p);
        ctx.lineTo(r.x - m, p);
      }
      ctx.stroke();
    }
    t.x.ticks.forEach((x, i) => text(
      ctx,
      t.x.labels[i],
      ax.px(x),
      r.y + r.h + tickLen + pad,
      { font: tickFont, color: st.fg, align: "center", baseline: "top" }
    ));
    t.y.ticks.forEach((y, i) => text(
      ctx,
      t.y.labels[i],
      r.x - tickLen - pad,
      ax.py(y),
      { font: tickFont, color: st.fg, align: "right", baseline: "middle" }
    ));
    ctx.restore();
  }
  function report(panel, ax) {
    const t = ax.drawn;
    return {
      panel,
      xlim: [...ax.xlim],
      ylim: [...ax.ylim],
      xticks: t.x.ticks,
      xlabels: t.x.labels,
      yticks: t.y.ticks,
      ylabels: t.y.labels,
      xminor: t.x.minor,
      yminor: t.y.minor
    };
  }
  function clip(ctx, ax) {
    const r = ax.rect;
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
  }
  var FAR = 1e6;
  var clamp = (v) => v > FAR ? FAR : v < -FAR ? -FAR : v;
  function line(ctx, ax, xs, ys, o) {
    const from = o.from || 0, to = o.to === void 0 ? xs.length : o.to;
    ctx.save();
    clip(ctx, ax);
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.width;
    ctx.lineJoin = "round";
    ctx.lineCap = o.dash ? "butt" : "round";
    if (o.alpha !== void 0) ctx.globalAlpha = o.alpha;
    if (o.dash) ctx.setLineDash(o.dash);
    ctx.beginPath();
    let pen = false;
    for (let i = from; i < to; i++) {
      const X = ax.px(xs[i]), Y = ax.py(ys[i]);
      if (!isFinite(X) || !isFinite(Y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(clamp(X), clamp(Y));
      else ctx.moveTo(clamp(X), clamp(Y));
      pen = true;
    }
    ctx.stroke();
    ctx.restore();
  }
  function hline(ctx, ax, y, o) {
    const p = ax.py(y), r = ax.rect;
    if (!(p >= r.y && p <= r.y + r.h)) return;
    ctx.save();
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.width;
    if (o.alpha !== void 0) ctx.globalAlpha = o.alpha;
    if (o.dash) ctx.setLineDash(o.dash);
    ctx.beginPath();
    ctx.moveTo(r.x, p);
    ctx.lineTo(r.x + r.w, p);
    ctx.stroke();
    ctx.restore();
  }
  function vline(ctx, ax, x, o) {
    const p = typeof x === "number" && o.pixels ? x : ax.px(x), r = ax.rect;
    ctx.save();
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.width;
    if (o.alpha !== void 0) ctx.globalAlpha = o.alpha;
    if (o.dash) ctx.setLineDash(o.dash);
    ctx.beginPath();
    ctx.moveTo(p, r.y);
    ctx.lineTo(p, r.y + r.h);
    ctx.stroke();
    ctx.restore();
  }
  function vspan(ctx, ax, x0, x1, color) {
    const r = ax.rect;
    const a = Math.max(r.x, Math.min(ax.px(x0), ax.px(x1)));
    const b = Math.min(r.x + r.w, Math.max(ax.px(x0), ax.px(x1)));
    if (b <= a) return;
    ctx.fillStyle = color;
    ctx.fillRect(a, r.y, b - a, r.h);
  }
  function marker(ctx, x, y, radius, fill2, edge, edgeWidth) {
    if (!isFinite(x) || !isFinite(y)) return;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = fill2;
    ctx.fill();
    if (edge) {
      ctx.strokeStyle = edge;
      ctx.lineWidth = edgeWidth;
      ctx.stroke();
    }
  }
  function sizeCanvases(canvases, holder, W, H) {
    const dpr = window.devicePixelRatio || 1;
    for (const c of canvases) {
      c.width = Math.round(W * dpr);
      c.height = Math.round(H * dpr);
      c.style.width = W + "px";
      c.style.height = H + "px";
    }
    holder.style.height = H + "px";
    return dpr;
  }

  // render/web/src/dom.js
  function el(tag, cls, parent, text2) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text2 !== void 0 && text2 !== null) e.textContent = String(text2);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fill(template, values) {
    return String(template).replace(/\{(\w+)(:,)?\}/g, (m, k, comma) => {
      if (!(k in values)) return m;
      const v = values[k];
      return comma ? thousands(Number(v)) : String(v);
    });
  }
  function family(lang) {
    const latin = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif';
    const cjk = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"';
    return lang === "zh" ? `${latin.replace(", sans-serif", "")}, ${cjk}, sans-serif` : latin;
  }

  // render/web/src/controls.js
  var Fragment = class {
    /** @param {string[]} keys @param {boolean} enabled
     * @param {number} [maxLength]  a longer fragment reads as nothing */
    constructor(keys2, enabled, maxLength = 2e3) {
      this.keys = new Set(keys2);
      this.enabled = enabled;
      this.maxLength = maxLength;
      this.timer = null;
      this.last = 0;
    }
    /** @returns {Record<string, string>} */
    read() {
      const out = /* @__PURE__ */ Object.create(null);
      if (!this.enabled) return out;
      const hash = (location.hash || "").replace(/^#/, "");
      if (hash.length > this.maxLength) return out;
      for (const part of hash.split("&")) {
        const eq = part.indexOf("=");
        const k = eq < 0 ? part : part.slice(0, eq);
        let v = eq < 0 ? "" : part.slice(eq + 1);
        try {
          v = decodeURIComponent(v);
        } catch {
          continue;
        }
        if (this.keys.has(k)) out[k] = v;
      }
      return out;
    }
    /** @param {Record<string, unknown>} values */
    write(values) {
      if (!this.enabled) return;
      const text2 = Object.entries(values).filter(([, v]) => v !== null && v !== void 0 && v !== "").map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%2C/g, ",")}`).join("&");
      const apply = () => {
        this.timer = null;
        this.last = performance.now();
        const url = location.href.replace(/#.*$/, "") + (text2 ? "#" + text2 : "");
        if (url !== location.href) {
          try {
            history.replaceState(history.state, "", url);
          } catch {
          }
        }
      };
      clearTimeout(this.timer);
      const wait = 120 - (performance.now() - this.last);
      if (wait <= 0) apply();
      else this.timer = setTimeout(apply, wait);
    }
  };
  var Controls = class {
    /** @param {HTMLElement} parent @param {ControlOptions} o */
    constructor(parent, o) {
      this.o = o;
      this.count = o.count;
      this.index = 0;
      this.pos = 0;
      this.playing = false;
      this.speed = 1;
      this.loop = false;
      this.holdUntil = 0;
      const ui = o.ui;
      const bar = this.element = el("div", "op-controls", parent);
      this.playButton = el("button", "op-play", bar);
      this.playButton.type = "button";
      this.backButton = el("button", "op-step", bar, "‹");
      this.backButton.type = "button";
      this.backButton.setAttribute("aria-label", ui.back);
      this.backButton.title = ui.back;
      const track = el("div", "op-track", bar);
      this.slider = el("input", "op-slider", track);
      this.slider.type = "range";
      this.slider.min = "0";
      this.slider.max = String(Math.max(0, o.count - 1));
      this.slider.step = "1";
      this.slider.setAttribute("aria-label", ui.slider);
      this.marks = el("div", "op-marks", track);
      for (const m of o.marks || []) {
        const b = el("button", "op-mark" + (m.kind ? " op-mark-" + m.kind : ""), this.marks);
        b.type = "button";
        b.title = m.label;
        b.setAttribute("aria-label", m.label);
        b.style.left = `calc(7px + (100% - 14px) * ${o.count > 1 ? m.index / (o.count - 1) : 0})`;
        el("span", "op-mark-label", b, m.short || m.label);
        b.addEventListener("click", () => {
          this.pause();
          this.seek(m.index, true);
        });
      }
      this.fwdButton = el("button", "op-step", bar, "›");
      this.fwdButton.type = "button";
      this.fwdButton.setAttribute("aria-label", ui.forward);
      this.fwdButton.title = ui.forward;
      this.position = el("span", "op-pos", bar);
      const speedLabel = el("label", "op-opt", bar);
      el("span", null, speedLabel, ui.speed + " ");
      this.speedSelect = el("select", "op-speed", speedLabel);
      for (const s of o.speeds) {
        const opt = el("option", null, this.speedSelect, `${s}×`);
        opt.value = String(s);
      }
      this.speedSelect.value = "1";
      const loopLabel = el("label", "op-opt", bar);
      this.loopBox = el("input", "op-loop", loopLabel);
      this.loopBox.type = "checkbox";
      el("span", null, loopLabel, " " + ui.loop);
      this.extra = el("span", "op-extra", bar);
      this.playButton.addEventListener("click", () => this.toggle());
      this.backButton.addEventListener("click", () => this.step(-1));
      this.fwdButton.addEventListener("click", () => this.step(1));
      this.slider.addEventListener("input", () => {
        this.pause();
        this.seek(Number(this.slider.value), true);
      });
      this.speedSelect.addEventListener("change", () => this.setSpeed(Number(this.speedSelect.value), true));
      this.loopBox.addEventListener("change", () => this.setLoop(this.loopBox.checked, true));
      this._tick = this._tick.bind(this);
      this._showPlaying();
    }
    _showPlaying() {
      const ui = this.o.ui;
      this.playButton.textContent = this.playing ? "❚❚" : "▶";
      this.playButton.setAttribute("aria-label", this.playing ? ui.pause : ui.play);
      this.playButton.title = this.playing ? ui.pause : ui.play;
      this.playButton.setAttribute("aria-pressed", this.playing ? "true" : "false");
    }
    /**
     * Show snapshot i; `user`: a person asked (the page saves its state).
     * @param {number} i @param {boolean} user
     */
    seek(i, user) {
      i = Math.max(0, Math.min(this.count - 1, Math.round(Number(i) || 0)));
      const changed = i !== this.index;
      this.index = i;
      if (!this.playing) this.pos = i;
      this.slider.value = String(i);
      this.position.textContent = this.o.position(i);
      if (changed || user) this.o.onSeek(i, !!user);
    }
    /** @param {number} d */
    step(d) {
      this.pause();
      this.seek(this.index + d, true);
    }
    play() {
      if (this.playing || this.count < 2) return;
      if (this.index >= this.count - 1) this.seek(0, true);
      this.playing = true;
      this.pos = this.index;
      this.last = performance.now();
      this._showPlaying();
      requestAnimationFrame(this._tick);
      if (this.o.onPlay) this.o.onPlay(true);
    }
    pause() {
      if (!this.playing) return;
      this.playing = false;
      this._showPlaying();
      if (this.o.onPlay) this.o.onPlay(false);
    }
    toggle() {
      if (this.playing) this.pause();
      else this.play();
    }
    /** @param {number} v  one of o.speeds @param {boolean} [user] */
    setSpeed(v, user) {
      if (!this.o.speeds.includes(v)) return;
      this.speed = v;
      this.speedSelect.value = String(v);
      if (user && this.o.onOption) this.o.onOption();
    }
    /** @param {boolean} b @param {boolean} [user] */
    setLoop(b, user) {
      this.loop = !!b;
      this.loopBox.checked = this.loop;
      if (user && this.o.onOption) this.o.onOption();
    }
    /** @param {number} now */
    _tick(now) {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - this.last) / 1e3);
      this.last = now;
      const last = this.count - 1;
      if (this.holdUntil) {
        if (now < this.holdUntil) {
          requestAnimationFrame(this._tick);
          return;
        }
        this.holdUntil = 0;
        this.pos = 0;
      } else {
        this.pos += dt * this.speed * last / this.o.duration;
      }
      if (this.pos >= last) {
        this.pos = last;
        if (this.loop) this.holdUntil = now + this.o.hold * 1e3 / this.speed;
      }
      this.seek(Math.floor(this.pos + 1e-9), false);
      if (this.pos >= last && !this.loop) {
        this.pause();
        this.o.onSeek(this.index, true);
        return;
      }
      requestAnimationFrame(this._tick);
    }
  };
  function bindKeys(target, controls, extra) {
    target.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const input = (
        /** @type {HTMLInputElement} */
        e.target
      ), tag = input && input.tagName;
      if (tag === "SELECT" || tag === "INPUT" && input.type !== "range" && input.type !== "checkbox") return;
      const speeds = controls.o.speeds, k = speeds.indexOf(controls.speed);
      switch (e.key) {
        case " ":
        case "k":
          controls.toggle();
          break;
        case "ArrowLeft":
          controls.step(e.shiftKey ? -10 : -1);
          break;
        case "ArrowRight":
          controls.step(e.shiftKey ? 10 : 1);
          break;
        case "Home":
          controls.pause();
          controls.seek(0, true);
          break;
        case "End":
          controls.pause();
          controls.seek(controls.count - 1, true);
          break;
        case "[":
          controls.setSpeed(speeds[Math.max(0, k - 1)], true);
          break;
        case "]":
          controls.setSpeed(speeds[Math.min(speeds.length - 1, k + 1)], true);
          break;
        case "l":
        case "L":
          controls.setLoop(!controls.loop, true);
          break;
        default:
          if (!(extra && extra(e))) return;
      }
      e.preventDefault();
    });
  }
  function dragScrub(target, controls, o = {}) {
    let press = null;
    const SLOP = 6;
    target.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || o.skip && o.skip(e)) return;
      press = {
        id: e.pointerId,
        x: e.clientX,
        y: e.clientY,
        index: controls().index,
        moved: false,
        along: o.axis ? o.axis(e) : null
      };
    });
    target.addEventListener("pointermove", (e) => {
      if (!press || e.pointerId !== press.id) return;
      const dx = e.clientX - press.x, dy = e.clientY - press.y;
      if (!press.moved) {
        if (Math.abs(dx) <= SLOP || Math.abs(dx) < Math.abs(dy)) return;
        press.moved = true;
        try {
          target.setPointerCapture(e.pointerId);
        } catch {
        }
        controls().pause();
      }
      const c = controls(), width = Math.max(1, target.clientWidth);
      c.seek(press.along ? press.along(e) : press.index + Math.round(dx / width * (c.count - 1)), true);
    });
    target.addEventListener("pointerup", (e) => {
      if (!press || e.pointerId !== press.id) return;
      const tapped = !press.moved;
      press = null;
      if (tapped && o.tap) o.tap(e);
    });
    target.addEventListener("pointercancel", () => {
      press = null;
    });
  }

  // render/web/src/grid.js
  function pageGrid(width, panels, rule, small2, margins, gap) {
    const scale = Math.max(width / rule.designWidth, rule.minTextPx / (small2 / 72));
    const inches = width / scale;
    for (const cols of [panels, Math.floor((panels + 1) / 2), 1]) {
      if (cols === 1 || (inches - margins - (cols - 1) * gap) / cols >= rule.minPanel) {
        return { rows: Math.ceil(panels / cols), cols, scale };
      }
    }
    throw new Error("one column always fits");
  }
  function fitPageGrid(p, L) {
    const N = L.narrow, W = p.figure.clientWidth || 800;
    p.width = p.figure.clientWidth;
    const g = pageGrid(W, L.panels, L, L.small, N.left + N.right, N.wgap);
    p.cells = { rows: g.rows, cols: g.cols };
    p.wide = g.cols === L.panels;
    p.W = W;
    p.s = g.scale;
    p.pt = g.scale / 72;
  }

  // render/web/src/layout.js
  function paletteColor(th, i) {
    const p = th.palette;
    return p[(i % p.length + p.length) % p.length];
  }
  function frameStyle(fig) {
    return { fg: fig.th.foreground, muted: fig.th.muted, font: fig.fam, tick: fig.L.small * fig.pt, s: fig.s };
  }

  // render/web/src/limits.js
  function percentile(values, pct) {
    const v = Float64Array.from(values).sort();
    const pos = pct / 100 * (v.length - 1), i = Math.floor(pos), t = pos - i;
    if (i + 1 >= v.length) return v[i];
    const a = v[i], b = v[i + 1], diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
  function robustLimits(lows, highs, include, rule) {
    lows = lows.filter(isFinite);
    highs = highs.filter(isFinite);
    let lo = lows.length ? percentile(lows, rule.pct) : 0;
    let hi = highs.length ? percentile(highs, 100 - rule.pct) : 1;
    lo = Math.min(lo, ...include);
    hi = Math.max(hi, ...include);
    if (hi - lo < rule.flat) {
      lo -= rule.half;
      hi += rule.half;
    }
    const pad = (hi - lo) * rule.margin;
    return [lo - pad, hi + pad];
  }

  // render/web/src/sweep_style.js
  var actColor = (sp, a) => {
    const p = sp.th.palette;
    return p[a % p.length];
  };
  var actHidden = (sp, a) => sp.hidden.has(sp.d.activations[a]);
  function runColor(sp, r) {
    const a = sp.d.activations.indexOf(sp.d.runs[r].activation);
    return a >= 0 ? actColor(sp, a) : paletteColor(sp.th, 2);
  }
  var small = (sp, bold) => font(sp.L.small * sp.pt, sp.fam, bold);
  var big = (sp, bold) => font(sp.L.font * sp.pt, sp.fam, bold && sp.d.lang !== "zh");
  var measurer = null;
  function measure(str, f) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = f;
    return measurer.measureText(str).width;
  }
  function wrap(words, max, f) {
    const pieces = words.split(/(?<=[,，:：] )|(?<=[，：])|(?= \()|(?=（)/).filter((p) => p);
    const lines = [""];
    for (const piece of pieces) {
      const last = lines[lines.length - 1];
      if (last && measure((last + piece).trimEnd(), f) > max) lines.push(piece.trimStart());
      else lines[lines.length - 1] += piece;
    }
    const out = [];
    for (const line2 of lines.map((l) => l.trimEnd())) {
      if (measure(line2, f) <= max || !line2.includes(" ")) {
        out.push(line2);
        continue;
      }
      let cur = "";
      for (const word of line2.split(" ")) {
        const next = cur ? `${cur} ${word}` : word;
        if (cur && measure(next, f) > max) {
          out.push(cur);
          cur = word;
        } else cur = next;
      }
      out.push(cur);
    }
    return out;
  }
  var pitch = (sp, points) => 1.2 * points * sp.pt;
  function titleLines(sp, rect, words) {
    const centre = rect.x + rect.w / 2, f = big(sp);
    const room = sp.wide ? Math.min(1.25 * rect.w, 2 * Math.min(centre, sp.W - centre)) : rect.w;
    return measure(words, f) <= room ? [words] : wrap(words, rect.w, f);
  }
  function title(sp, ctx, rect, words) {
    const lines = titleLines(sp, rect, words), step = pitch(sp, sp.L.font);
    lines.forEach((line2, k) => {
      text(
        ctx,
        line2,
        rect.x + rect.w / 2,
        rect.y - 3 * sp.pt - (lines.length - 1 - k) * step,
        { font: big(sp), color: sp.th.foreground, align: "center", baseline: "bottom" }
      );
    });
  }
  var leading = (sp, rect, points, least) => Math.max(least * rect.h, 1.25 * points * sp.pt);
  function xlabel(sp, ctx, rect, label) {
    const pt = sp.pt;
    text(
      ctx,
      label,
      rect.x + rect.w / 2,
      rect.y + rect.h + (2.5 + 1.5) * pt + sp.L.small * pt * 1.25,
      { font: small(sp), color: sp.th.foreground, align: "center", baseline: "top" }
    );
  }

  // render/web/src/ticks.js
  var STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  var AUTO_STEPS = [1, 2, 2.5, 5, 10];
  var MINUS = "−";
  var pow10 = (e) => Number(`1e${e}`);
  function divmod(a, b) {
    let mod = a % b, div = (a - mod) / b;
    if (mod) {
      if (b < 0 !== mod < 0) {
        mod += b;
        div -= 1;
      }
    }
    let floor = div ? Math.floor(div) : 0;
    if (div && div - floor > 0.5) floor += 1;
    return [floor, mod];
  }
  function rint(v) {
    const f = Math.floor(v), d = v - f;
    return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  }
  function tickSpace(lengthPx, labelPx, which) {
    return Math.floor(lengthPx / (labelPx * (which === "x" ? 3 : 2)));
  }
  function maxNLocator(lo, hi, nbins, steps = STEPS) {
    let vmin = Math.min(lo, hi), vmax = Math.max(lo, hi);
    const big2 = Math.max(Math.abs(vmin), Math.abs(vmax));
    if (vmax - vmin <= big2 * 1e-14) {
      if (big2 === 0) {
        vmin = -1e-13;
        vmax = 1e-13;
      } else {
        vmin -= 1e-13 * Math.abs(vmin);
        vmax += 1e-13 * Math.abs(vmax);
      }
    }
    const dv = vmax - vmin, meanv = (vmax + vmin) / 2;
    const offset = Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * pow10(divmod(Math.log10(Math.abs(meanv)), 1)[0]);
    const scale = pow10(divmod(Math.log10(dv / nbins), 1)[0]);
    const v0 = vmin - offset, v1 = vmax - offset;
    const extended = [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]].map((s) => s * scale);
    const raw = (v1 - v0) / nbins;
    let istep = extended.findIndex((s) => s >= raw);
    if (istep < 0) istep = extended.length - 1;
    const tolerance = (step) => offset ? Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12))) : 1e-10;
    let ticks = [];
    for (let k = istep; k >= 0; k--) {
      const step = extended[k], best = divmod(v0, step)[0] * step, tol = tolerance(step);
      const [dl, ml] = divmod(v0 - best, step), [dh, mh] = divmod(v1 - best, step);
      const low = Math.abs(ml / step - 1) < tol ? dl + 1 : dl;
      const high = Math.abs(mh / step) < tol ? dh : dh + 1;
      ticks = [];
      for (let i = low; i <= high; i++) ticks.push(i * step + best);
      if (ticks.filter((t) => t <= v1 && t >= v0).length >= 2) break;
    }
    return ticks.map((t) => t + offset);
  }
  function logLocator(lo, hi, subs, request) {
    let nRequest = Math.min(9, Math.max(2, request));
    const vmin = Math.min(lo, hi), vmax = Math.max(lo, hi);
    const efmin = Math.log10(vmin), efmax = Math.log10(vmax);
    const emin = Math.ceil(efmin), emax = Math.floor(efmax), nAvail = emax - emin + 1;
    if (subs === "auto") {
      if (nAvail >= 10) return [];
      subs = [2, 3, 4, 5, 6, 7, 8, 9];
    }
    let stride = Math.floor(nAvail / (nRequest + 1)) + 1;
    const nr = Math.ceil(nAvail / stride);
    if (nr <= nRequest) nRequest = nr;
    let decades;
    if (nRequest === 0) {
      decades = [emin - 1, emax + 1];
      stride = decades[1] - decades[0];
    } else if (nRequest === 1) {
      const mid = rint((efmin + efmax) / 2);
      stride = Math.max(mid - (emin - 1), emax + 1 - mid);
      decades = [mid - stride, mid, mid + stride];
    } else {
      stride = Math.floor((nAvail - 1) / (nRequest - 1));
      if (stride < nAvail / nRequest) stride = Math.floor(nAvail / nRequest);
      const olo = Math.max(nAvail - stride * nRequest, 0);
      const ohi = Math.min(nAvail - stride * (nRequest - 1), stride);
      let offset = (-emin % stride + stride) % stride;
      if (!(olo <= offset && offset < ohi)) offset = olo;
      decades = [];
      for (let e = emin + offset - stride; e < emax + stride + 1; e += stride) decades.push(e);
    }
    const minor = subs.length > 1 || subs[0] !== 1;
    let ticks = [];
    if (!minor) ticks = decades.map(pow10);
    else if (stride === 1 || nAvail <= 1) {
      for (let e = emin - 1; e < emax + 1; e++) for (const s of subs) ticks.push(s * pow10(e));
    }
    if (subs.length > 1 && stride === 1 && decades.length - 2 + ticks.filter((t) => vmin <= t && t <= vmax).length <= 1) {
      return maxNLocator(vmin, vmax, 9, AUTO_STEPS);
    }
    return ticks;
  }
  function symlogLocator(lo, hi, linthresh) {
    const vmin = Math.min(lo, hi), vmax = Math.max(lo, hi), numticks = 15;
    if (-linthresh <= vmin && vmax <= linthresh) return [.../* @__PURE__ */ new Set([vmin, 0, vmax])].sort((a, b) => a - b);
    const hasA = vmin < -linthresh, hasC = vmax > linthresh;
    const hasB = hasA && vmax > -linthresh || hasC && vmin < linthresh;
    const range = (a, b) => [Math.floor(Math.log(a) / Math.log(10)), Math.ceil(Math.log(b) / Math.log(10))];
    const [aLo, aHi] = hasA ? range(Math.abs(Math.min(-linthresh, vmax)), Math.abs(vmin) + 1) : [0, 0];
    const [cLo, cHi] = hasC ? range(Math.max(linthresh, vmin), vmax + 1) : [0, 0];
    const total = aHi - aLo + (cHi - cLo) + (hasB ? 1 : 0);
    const stride = Math.max(Math.floor(total / (numticks - 1)), 1);
    const out = [];
    if (hasA) {
      const a = [];
      for (let e = aLo; e < aHi; e += stride) a.push(-pow10(e));
      out.push(...a.reverse());
    }
    if (hasB) out.push(0);
    if (hasC) for (let e = cLo; e < cHi; e += stride) out.push(pow10(e));
    return out;
  }
  function scalarLabels(ticks, lim) {
    if (!ticks.length) return [];
    if (ticks.some((t) => Math.abs(t) >= 1e6 || t !== 0 && Math.abs(t) < 1e-5)) {
      return ticks.map((t) => fmtG(t, 3).replace("-", MINUS));
    }
    const all = ticks.length < 2 ? [...ticks, ...lim] : ticks;
    let range = Math.max(...all) - Math.min(...all);
    if (range === 0) range = Math.max(...all.map(Math.abs));
    if (range === 0) range = 1;
    const oom = Math.floor(Math.log10(range)), thresh = 1e-3 * pow10(oom);
    let sig = Math.max(0, 3 - oom);
    while (sig >= 0) {
      const f = pow10(sig);
      if (Math.max(...ticks.map((t) => Math.abs(t - rint(t * f) / f))) < thresh) sig--;
      else break;
    }
    sig += 1;
    return ticks.map((t) => (Math.abs(t) < 1e-8 ? 0 : t).toFixed(sig).replace("-", MINUS));
  }
  var gLabels = (ticks) => ticks.map((v) => fmtG(v, 6));
  var sampleLabels = (ticks) => ticks.map((v) => Math.abs(v) >= 1e3 ? `${fmtG(v / 1e3, 6)}k` : fmtG(v, 6));
  var percentLabels = (ticks) => ticks.map((v) => `${rint(v * 100).toFixed(0)}%`.replace("-", MINUS));
  function axisTicks(ax, which, located, format, minor = []) {
    const lim = which === "x" ? ax.xlim : ax.ylim, t = which === "x" ? ax.tx : ax.ty;
    const a = Math.min(t(lim[0]), t(lim[1])), b = Math.max(t(lim[0]), t(lim[1]));
    const inside = (v, rtol) => a - rtol * (b - a) <= t(v) && t(v) <= b + rtol * (b - a);
    const labels = format(located, lim);
    const keep = located.map((v) => inside(v, 1e-10));
    const majors = located.map(t);
    return {
      ticks: located.filter((_, i) => keep[i]),
      labels: labels.filter((_, i) => keep[i]),
      minor: minor.filter((v) => !majors.some((m) => Math.abs(t(v) - m) <= (b - a) * 1e-5) && inside(v, 1e-10))
    };
  }
  function linearTicks(ax, which, nbins, labelPx, format = scalarLabels) {
    const lim = which === "x" ? ax.xlim : ax.ylim;
    const length = which === "x" ? ax.rect.w : ax.rect.h;
    const located = nbins === null ? maxNLocator(lim[0], lim[1], Math.min(9, Math.max(1, tickSpace(length, labelPx, which))), AUTO_STEPS) : maxNLocator(lim[0], lim[1], nbins);
    return axisTicks(ax, which, located, format);
  }
  function logTicks(ax, which, subs, labelPx) {
    const lim = which === "x" ? ax.xlim : ax.ylim;
    const request = tickSpace(which === "x" ? ax.rect.w : ax.rect.h, labelPx, which);
    return axisTicks(
      ax,
      which,
      logLocator(lim[0], lim[1], subs, request),
      gLabels,
      logLocator(lim[0], lim[1], "auto", request)
    );
  }
  function sampleTicks(ax) {
    return axisTicks(ax, "x", symlogLocator(ax.xlim[0], ax.xlim[1], ax.linthresh), sampleLabels);
  }

  // render/web/src/sweep_panels.js
  var signed = (v) => v.toFixed(3).replace("-", "−");
  function heading(sp, p, widest) {
    const d = sp.d, s = d.strings;
    if (p.kind === "hist") return fill(s.hist, { target: d.targetName });
    if (p.kind === "modes") return s.modes;
    if (p.kind === "rate") return p.band ? s.rate : s.rate_map;
    if (p.kind === "map") {
      const act = d.activations[p.a];
      return sp.narrowMaps ? act : fill(s.map, { act });
    }
    if (p.explorer && (widest || sp.clicked)) {
      const [a0, a1] = d.map.axisLabels, c = sp.clicked;
      const [x, y] = widest ? ["−0.000", "−0.000"] : [signed(c.x), signed(c.y)];
      return `${d.ui.cell_run}: ${a0}=${x}, ${a1}=${y}`;
    }
    const g = d.groups[p.group];
    return g ? g.label : "";
  }
  var shareTicks = (ax, which, nbins) => {
    const lim = which === "x" ? ax.xlim : ax.ylim;
    return axisTicks(ax, which, maxNLocator(lim[0], lim[1], nbins), percentLabels);
  };
  function histStatic(sp, ctx, p) {
    const lim = sp.d.limits.hist;
    const ax = p.ax = new Axes(p.rect, { xlim: lim.xlim, ylim: lim.ylim, xscale: "log" });
    const th = sp.th, pt = sp.pt, thr = sp.d.threshold;
    vspan(ctx, ax, sp.edges[0], thr, th.span);
    vline(ctx, ax, thr, { color: th.muted, width: 0.8 * pt, dash: [3.7 * 0.8 * pt, 1.6 * 0.8 * pt] });
    text(
      ctx,
      fill(sp.d.strings.fitted_zone.replace(":g", ""), { thr: fmtG(thr, 6) }),
      ax.px(thr / 1.08),
      ax.py(ax.ylim[1] * 0.97),
      { font: small(sp), color: th.muted, align: "right", baseline: "top" }
    );
    frame(ctx, ax, frameStyle(sp), { x: logTicks(ax, "x", [1], sp.L.small * pt), y: shareTicks(ax, "y", 4) });
    title(sp, ctx, p.rect, heading(sp, p));
  }
  function histDraw(sp, ctx, p, i) {
    const ax = p.ax, H = sp.H, count = sp.d.count, pt = sp.pt, L = sp.L;
    const step = leading(sp, ax.rect, L.font, 0.11);
    for (let a = 0; a < sp.A; a++) {
      if (actHidden(sp, a)) continue;
      const col = rgb(actColor(sp, a)), off = (a * sp.S + i) * H;
      ctx.save();
      clip(ctx, ax);
      ctx.beginPath();
      ctx.moveTo(ax.px(sp.edges[0]), ax.py(0));
      for (let h = 0; h < H; h++) {
        const y = ax.py(sp.hist[off + h] / count);
        ctx.lineTo(ax.px(sp.edges[h]), y);
        ctx.lineTo(ax.px(sp.edges[h + 1]), y);
      }
      ctx.lineTo(ax.px(sp.edges[H]), ax.py(0));
      ctx.fillStyle = css(col, 0.25);
      ctx.fill();
      ctx.strokeStyle = css(col);
      ctx.lineWidth = L.line * 0.8 * pt;
      ctx.lineJoin = "miter";
      ctx.stroke();
      ctx.restore();
      const share = (100 * sp.fitted[a * sp.S + i]).toFixed(1);
      const template = sp.d.strings.share.replace("{pct:.1f}", "{pct}");
      const words = fill(template, { act: sp.d.activations[a], pct: share });
      text(
        ctx,
        words,
        ax.rect.x + 0.985 * ax.rect.w,
        ax.rect.y + 0.05 * ax.rect.h + step * a,
        { font: font(L.font * pt, sp.fam, true), color: actColor(sp, a), align: "right", baseline: "top" }
      );
    }
  }
  function modesStatic(sp, ctx, p) {
    const ax = p.ax = new Axes(p.rect, sp.d.limits.modes);
    const names = axisTicks(ax, "y", sp.d.activations.map((_, a) => a), () => sp.d.activations);
    frame(ctx, ax, frameStyle(sp), { x: shareTicks(ax, "x", 4), y: names });
    title(sp, ctx, p.rect, heading(sp, p));
  }
  function modesDraw(sp, ctx, p, i) {
    const ax = p.ax, K = sp.K, count = sp.d.count, bg = rgb(sp.th.background);
    for (let a = 0; a < sp.A; a++) {
      if (actHidden(sp, a)) continue;
      let left = 0;
      const y0 = ax.py(a - 0.31), y1 = ax.py(a + 0.31);
      for (let k = 0; k < K; k++) {
        const off = (a * sp.S + i) * K + k, f = sp.modeFitted[off] / count, total = sp.modeCounts[off] / count;
        const col = rgb(sp.d.modeColors[k]);
        ctx.fillStyle = css(col);
        ctx.fillRect(ax.px(left), Math.min(y0, y1), ax.px(left + f) - ax.px(left), Math.abs(y1 - y0));
        ctx.fillStyle = css(blend(col, bg, 0.68));
        ctx.fillRect(
          ax.px(left + f),
          Math.min(y0, y1),
          ax.px(left + total) - ax.px(left + f),
          Math.abs(y1 - y0)
        );
        left += total;
      }
    }
  }
  function rateStatic(sp, ctx, p) {
    const d = sp.d, th = sp.th, pt = sp.pt, count = d.count, lim = d.limits.rate;
    const ax = p.ax = new Axes(p.rect, {
      xlim: lim.xlim,
      ylim: lim.ylim,
      xscale: "symlog",
      linthresh: lim.linthresh
    });
    const z = 1.959963984540054;
    for (let a = 0; a < sp.A; a++) {
      if (actHidden(sp, a)) continue;
      const f = sp.fitted.subarray(a * sp.S, (a + 1) * sp.S), col = rgb(actColor(sp, a));
      if (p.band) {
        const lo = [], hi = [];
        for (const v of f) {
          const denom = 1 + z * z / count, center = (v + z * z / (2 * count)) / denom;
          const half = z * Math.sqrt(v * (1 - v) / count + z * z / (4 * count * count)) / denom;
          lo.push(center - half);
          hi.push(center + half);
        }
        ctx.save();
        clip(ctx, ax);
        ctx.beginPath();
        sp.steps.forEach((s, k) => k ? ctx.lineTo(ax.px(s), ax.py(hi[k])) : ctx.moveTo(ax.px(s), ax.py(hi[k])));
        for (let k = sp.S - 1; k >= 0; k--) ctx.lineTo(ax.px(sp.steps[k]), ax.py(lo[k]));
        ctx.fillStyle = css(col, 0.2);
        ctx.fill();
        ctx.restore();
      }
      line(ctx, ax, sp.steps, f, { color: actColor(sp, a), width: sp.L.line * 0.8 * pt });
    }
    for (const m of d.marks) vline(ctx, ax, m, { color: th.muted, width: 0.6 * pt, dash: [pt, 1.65 * pt] });
    frame(ctx, ax, frameStyle(sp), { x: sampleTicks(ax), y: shareTicks(ax, "y", 4) });
    title(sp, ctx, p.rect, heading(sp, p));
    xlabel(sp, ctx, p.rect, d.strings.samples);
  }
  function rateAt(sp, e) {
    const r = sp.canvas.getBoundingClientRect();
    return (sp.panels || []).find((p) => p.kind === "rate" && p.ax && p.ax.contains(
      e.clientX - r.left,
      e.clientY - r.top
    )) || null;
  }
  function snapshotAt(sp, p, e) {
    const x = e.clientX - sp.canvas.getBoundingClientRect().left;
    const i = sp.indexOfStep(p.ax.xAt(x)), next = Math.min(sp.S - 1, i + 1);
    return Math.abs(p.ax.px(sp.steps[next]) - x) < Math.abs(p.ax.px(sp.steps[i]) - x) ? next : i;
  }
  function rateDraw(sp, ctx, p, i) {
    const ax = p.ax, step = sp.steps[i], pt = sp.pt;
    vline(ctx, ax, step, { color: sp.th.foreground, width: 0.8 * pt, alpha: 0.6 });
    for (let a = 0; a < sp.A; a++) {
      if (actHidden(sp, a)) continue;
      marker(ctx, ax.px(step), ax.py(sp.fitted[a * sp.S + i]), sp.L.line * 1.3 * pt, actColor(sp, a));
    }
  }
  function groupRuns(sp, p) {
    const g = sp.d.groups[p.group];
    return g ? g.runs : [];
  }
  function curvesStatic(sp, ctx, p) {
    const d = sp.d, th = sp.th, pt = sp.pt;
    const clicked = p.explorer && sp.clicked;
    const g = d.groups[p.group];
    const ylim = clicked ? clickedLimits(sp) : g ? g.ylim : [-0.5, 4.5];
    const ax = p.ax = new Axes(p.rect, { xlim: d.xRange, ylim });
    vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
    hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
    const L = sp.L;
    if (!sp.hidden.has("target")) {
      line(
        ctx,
        ax,
        sp.xs,
        sp.target,
        { color: th.target, width: L.line * 0.8 * pt, dash: [4 * 1.2 * pt, 3 * 1.2 * pt] }
      );
      for (const [x, y] of d.points || []) {
        if (x >= d.xRange[0] && x <= d.xRange[1]) marker(ctx, ax.px(x), ax.py(y), 1.25 * pt, th.target);
      }
    }
    frame(
      ctx,
      ax,
      frameStyle(sp),
      { x: linearTicks(ax, "x", null, L.small * pt), y: linearTicks(ax, "y", 4, L.small * pt) }
    );
    title(sp, ctx, p.rect, heading(sp, p));
    if (!clicked && !groupRuns(sp, p).length) {
      text(
        ctx,
        d.strings.no_run,
        ax.rect.x + ax.rect.w / 2,
        ax.rect.y + ax.rect.h / 2,
        { font: small(sp), color: th.muted, align: "center", baseline: "middle" }
      );
    }
  }
  function clickedLimits(sp) {
    const c = sp.clicked, prog = sp.program(sp.d.activations[c.a]);
    let tlo = Infinity, thi = -Infinity;
    for (const v of sp.target) if (isFinite(v)) {
      tlo = Math.min(tlo, v);
      thi = Math.max(thi, v);
    }
    if (tlo > thi) {
      for (const [, y] of sp.d.points || [[0, 0]]) {
        tlo = Math.min(tlo, y);
        thi = Math.max(thi, y);
      }
    }
    const lows = [], highs = [];
    for (let s = 0; s < sp.S; s++) {
      const out = evaluate(prog, c.params, s * sp.P, sp.xs, sp.target)[prog.index[sp.d.graph.output]];
      let lo = Infinity, hi = -Infinity;
      for (const v of out) if (v === v) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      lows.push(lo === Infinity ? NaN : lo);
      highs.push(hi === -Infinity ? NaN : hi);
    }
    return robustLimits(lows, highs, [0, tlo, thi], sp.d.limitRule);
  }
  function curvesDraw(sp, ctx, p, i) {
    const ax = p.ax, pt = sp.pt, d = sp.d;
    const lines = [];
    if (p.explorer && sp.clicked) {
      const c = sp.clicked, prog = sp.program(d.activations[c.a]);
      const out = evaluate(prog, c.params, i * sp.P, sp.xs, sp.target)[prog.index[d.graph.output]];
      lines.push({ values: out, color: actColor(sp, c.a), act: d.activations[c.a], loss: c.evalLoss[i] });
    } else {
      for (const r of groupRuns(sp, p)) {
        if (sp.hidden.has(d.runs[r].activation)) continue;
        lines.push({
          values: sp.output(r, i),
          color: runColor(sp, r),
          act: d.runs[r].activation || "",
          loss: sp.evalLoss[r * sp.S + i]
        });
      }
    }
    const step = leading(sp, ax.rect, sp.L.small, 0.1);
    lines.forEach((l, k) => {
      line(ctx, ax, sp.xs, l.values, { color: l.color, width: sp.L.line * pt });
      text(
        ctx,
        fill(d.strings.loss_at, { act: l.act, target: d.targetName, loss: l.loss.toFixed(3) }),
        ax.rect.x + 0.03 * ax.rect.w,
        ax.rect.y + 0.05 * ax.rect.h + step * k,
        { font: small(sp, true), color: l.color, align: "left", baseline: "top" }
      );
    });
  }

  // render/web/src/sweep_figure.js
  var STACKED = 0.6;
  function gridspec(W, H, rows, cols, o) {
    const cw = (o.right - o.left) * W / (cols + o.wspace * (cols - 1));
    const ch = (o.top - o.bottom) * H / (rows + o.hspace * (rows - 1));
    return (r, c, rs = 1, cs = 1) => ({
      x: o.left * W + c * cw * (1 + o.wspace),
      y: (1 - o.top) * H + r * ch * (1 + o.hspace),
      w: cs * cw + (cs - 1) * cw * o.wspace,
      h: rs * ch + (rs - 1) * ch * o.hspace
    });
  }
  function layout(sp) {
    const d = sp.d, L = sp.L;
    fitPageGrid(sp, L);
    const W = sp.W;
    sp.panels = [];
    forgetText(sp.canvas);
    forgetText(sp.bg);
    if (sp.wide) {
      const H = L.designWidth * d.aspect * sp.s;
      sp.Hpx = H;
      buildOverlay(sp, H);
      if (d.type === "map") layoutMap(sp, W, H, sp.s);
      else layoutSeeded(sp, W, H);
    } else {
      const o = buildOverlay(sp, 0);
      sp.Hpx = layoutNarrow(sp, sp.cells.cols, o.head, o.legend);
    }
    sp.dpr = sizeCanvases([sp.canvas, sp.bg], sp.figure, W, sp.Hpx);
    drawStatic(sp);
    drawFrame(sp);
  }
  function sides(sp, left, right) {
    const k = sp.L.designWidth * sp.s / sp.W;
    return { left: left * k, right: 1 - (1 - right) * k };
  }
  function layoutSeeded(sp, W, H) {
    const g = sp.L.grid;
    const cell = gridspec(
      W,
      H,
      2,
      3,
      { ...sides(sp, g.left, g.right), top: g.top, bottom: g.bottom, hspace: g.hspace, wspace: g.wspace }
    );
    sp.panels.push(
      { kind: "hist", rect: cell(0, 0, 1, 2) },
      { kind: "modes", rect: cell(0, 2) },
      { kind: "rate", rect: cell(1, 0), band: true }
    );
    for (let k = 0; k < 2; k++) sp.panels.push({ kind: "curves", rect: cell(1, 1 + k), group: k });
  }
  function layoutMap(sp, W, H, s) {
    const g = sp.L.grid, top = g.top, bottom = g.bottom, gap = g.gap * s, x = sides(sp, g.left, g.right);
    const left = x.left * W, room = (x.right - x.left) * W - g.right_column * s - sp.A * gap;
    const side = Math.min((top - bottom) * H, room / sp.A), y = (1 - top) * H + ((top - bottom) * H - side) / 2;
    sp.narrowMaps = side < (top - bottom) * H;
    for (let a = 0; a < sp.A; a++) {
      sp.panels.push({ kind: "map", a, rect: { x: left + a * (side + gap), y, w: side, h: side } });
    }
    const right0 = (left + sp.A * side + (sp.A - 1) * gap + g.gap * s) / W;
    const cell = gridspec(
      W,
      H,
      3,
      1,
      { left: right0, right: x.right, top, bottom: bottom + g.lift, hspace: g.hspace, wspace: 0 }
    );
    sp.panels.push(
      { kind: "curves", rect: cell(0, 0), group: 0 },
      { kind: "curves", rect: cell(1, 0), group: 1, explorer: true },
      { kind: "rate", rect: cell(2, 0), band: false }
    );
  }
  function layoutNarrow(sp, cols, head, legend2) {
    const L = sp.L, N = L.narrow, s = sp.s;
    const width = sp.W / s - N.left - N.right, cw = (width - (cols - 1) * N.wgap) / cols;
    const rows = sp.d.type === "map" ? mapRows(sp, cols, width, cw) : seededRows(sp, cols, width, cw);
    const line2 = pitch(sp, L.font) / s;
    let y = head / s;
    rows.forEach((row, k) => {
      const lines = Math.max(1, ...row.cells.map((c) => titleLines(
        sp,
        { x: 0, y: 0, w: c.w * s, h: 0 },
        heading(sp, { ...c, rect: null }, true)
      ).length));
      y += (k ? N.hgap : N.titles) + (lines - 1) * line2;
      for (const { x, w, h, ...p } of row.cells) {
        sp.panels.push({ ...p, rect: { x: x * s, y: y * s, w: w * s, h: (h === void 0 ? row.h : h) * s } });
      }
      y += row.h;
    });
    return (y + N.ticks + N.edge) * s + legend2;
  }
  function seededRows(sp, cols, width, cw) {
    const N = sp.L.narrow, x0 = N.left, h = STACKED * cw;
    const curves = [0, 1].map((k) => ({
      kind: "curves",
      group: k,
      x: x0 + (cols > 1 ? k * (cw + N.wgap) : 0),
      w: cw
    }));
    if (cols > 1) {
      return [
        { cells: [{ kind: "hist", x: x0, w: width }], h },
        {
          cells: [{ kind: "rate", band: true, x: x0, w: cw }, { kind: "modes", x: x0 + cw + N.wgap, w: cw }],
          h
        },
        { cells: curves, h }
      ];
    }
    const inset = N.wgap - N.left;
    return [
      { cells: [{ kind: "hist", x: x0, w: cw }], h },
      { cells: [{ kind: "modes", x: x0 + inset, w: cw - inset }], h: h * 0.75 },
      { cells: [{ kind: "rate", band: true, x: x0, w: cw }], h },
      { cells: [curves[0]], h },
      { cells: [curves[1]], h }
    ];
  }
  function mapRows(sp, cols, width, cw) {
    const N = sp.L.narrow, x0 = N.left, A = sp.A;
    const rest = [
      { kind: "rate", band: false, x: 0, w: cw },
      { kind: "curves", group: 0, x: 0, w: cw },
      { kind: "curves", group: 1, explorer: true, x: 0, w: cw }
    ];
    const across = cols === 1 && (width - (A - 1) * N.wgap) / A >= sp.L.minPanel ? A : 1;
    const side = cols > 1 ? cw : (width - (across - 1) * N.wgap) / across;
    const long = Math.max(...sp.d.activations.map((act) => measure(fill(sp.d.strings.map, { act }), big(sp))));
    sp.narrowMaps = long > side * sp.s;
    const maps = Array.from(
      { length: A },
      (_, a) => ({ kind: "map", a, x: x0 + a % across * (side + N.wgap), w: side })
    );
    if (cols === 1) {
      const mapRows2 = Array.from({ length: A / across }, (_, k) => ({
        cells: maps.slice(k * across, (k + 1) * across),
        h: side
      }));
      const others = [rest[1], rest[2], rest[0]].map((c) => ({ cells: [{ ...c, x: x0 }], h: STACKED * cw }));
      return [...mapRows2, ...others];
    }
    const cells = [...maps, ...rest], rows = [];
    for (let k = 0; k < cells.length; k += cols) {
      const row = cells.slice(k, k + cols).map((c, j) => ({ ...c, x: x0 + j * (cw + N.wgap) }));
      rows.push({ cells: row, h: row.some((c) => c.kind === "map") ? cw : STACKED * cw });
    }
    return rows;
  }
  var painters = (sp) => ({
    hist: [histStatic, histDraw],
    modes: [modesStatic, modesDraw],
    rate: [rateStatic, rateDraw],
    curves: [curvesStatic, curvesDraw],
    ...sp.mapPart ? { map: [sp.mapPart.mapStatic, sp.mapPart.mapDraw] } : {}
  });
  function drawStatic(sp) {
    const ctx = sp.bg.getContext("2d"), th = sp.th, paint = painters(sp);
    forgetText(sp.bg);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = th.background;
    ctx.fillRect(0, 0, sp.bg.width, sp.bg.height);
    ctx.setTransform(sp.dpr, 0, 0, sp.dpr, 0, 0);
    for (const p of sp.panels) if (p.kind in paint) paint[p.kind][0](sp, ctx, p, sp.index);
  }
  function drawFrame(sp) {
    if (!sp.panels) return;
    const ctx = sp.canvas.getContext("2d"), i = sp.index, paint = painters(sp);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(sp.bg, 0, 0);
    ctx.setTransform(sp.dpr, 0, 0, sp.dpr, 0, 0);
    for (const p of sp.panels) if (p.kind in paint) paint[p.kind][1](sp, ctx, p, i);
    sp.caption.textContent = fill(sp.d.strings.sweep_caption, { step: sp.steps[i], total: sp.d.total });
    if (sp.hover) sp.mapPart.showCell(sp);
    if (sp.firstFrame === void 0) sp.firstFrame = performance.now();
  }
  function axesReport(sp) {
    return sp.panels.filter((p) => p.ax).map((p) => report(p.kind + (p.a !== void 0 ? ` ${p.a}` : ""), p.ax));
  }
  function minTextPx(sp) {
    let least = Math.min(smallestText(sp.bg), smallestText(sp.canvas));
    for (const e of sp.overlay.querySelectorAll("*")) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
    }
    return least;
  }
  function buildOverlay(sp, H) {
    const o = sp.overlay, d = sp.d, pt = sp.pt, L = sp.L, head = L.header, N = L.narrow, s = sp.s;
    o.textContent = "";
    o.style.fontSize = `${L.font * pt}px`;
    const title2 = el("div", "op-run-label", o);
    if (d.lang === "zh") title2.style.fontWeight = "normal";
    sp.caption = el("div", "op-caption", o);
    let bottom = 0;
    if (sp.wide) {
      const x = sides(sp, head.x, 1).left * sp.W;
      title2.textContent = d.title;
      title2.style.left = `${x}px`;
      title2.style.top = `${(1 - head.y) * H}px`;
      sp.caption.style.right = `${x}px`;
      sp.caption.style.top = `${(1 - head.y) * H}px`;
    } else {
      const room = sp.W - 2 * N.edge * s, step = pitch(sp, L.font);
      const widest = fill(d.strings.sweep_caption, { step: d.total, total: d.total });
      const oneLine = measure(d.title, big(sp, true)) + 2 * L.font * pt + measure(widest, big(sp)) <= room;
      const lines = oneLine ? [d.title] : wrap(d.title, room, big(sp, true));
      title2.textContent = lines.join("\n");
      title2.style.lineHeight = `${step}px`;
      title2.style.left = `${N.edge * s}px`;
      title2.style.top = `${N.top * s - (step - L.font * pt) / 2}px`;
      const top = N.top * s + (oneLine ? 0 : lines.length * step + 0.04 * s);
      sp.caption.style.right = `${N.edge * s}px`;
      sp.caption.style.top = `${top}px`;
      bottom = top + (oneLine ? step : L.font * pt);
    }
    const box = legend(sp);
    box.style.bottom = `${sp.wide ? head.legend * H : N.edge * s}px`;
    box.style.maxWidth = `${sp.W - 2 * N.edge * s}px`;
    return { head: bottom, legend: box.offsetHeight };
  }
  function legendItems(sp) {
    const d = sp.d;
    const items = [];
    if (d.type !== "map") {
      d.activations.forEach((a, k) => items.push({ key: a, label: a, color: actColor(sp, k), kind: "line" }));
      items.push(d.points ? { key: "target", label: d.strings.points, color: sp.th.target, kind: "dot" } : { key: "target", label: d.targetLabel, color: sp.th.target, kind: "dash" });
    }
    d.modes.forEach((m, k) => items.push({ label: m, color: d.modeColors[k], kind: "patch" }));
    if (d.type === "map") {
      const pale = css(blend(rgb(sp.th.muted), rgb(sp.th.background), 0.68));
      items.push({ label: d.strings.pale, color: pale, kind: "patch" });
    }
    return items;
  }
  function legend(sp) {
    const L = sp.L, pt = sp.pt, SMALL = L.small;
    const box = el("div", "op-legend op-legend-row", sp.overlay);
    Object.assign(box.style, {
      left: "50%",
      top: "auto",
      fontSize: `${SMALL * pt}px`,
      display: "flex",
      flexWrap: "wrap",
      justifyContent: "center",
      width: "max-content"
    });
    for (const it of legendItems(sp)) {
      const e = el(it.key ? "button" : "span", "op-entry", box);
      if (it.key) {
        const b = (
          /** @type {HTMLButtonElement} */
          e
        ), key = it.key;
        b.type = "button";
        b.dataset.key = key;
        b.setAttribute("aria-pressed", sp.hidden.has(key) ? "false" : "true");
        if (sp.hidden.has(key)) b.classList.add("op-off");
        b.addEventListener("click", (ev) => {
          ev.stopPropagation();
          sp.toggle(key);
        });
      }
      const sw = el("span", "op-swatch op-swatch-" + it.kind, e);
      sw.style.width = `${1.4 * SMALL * pt}px`;
      if (it.kind === "patch") sw.style.backgroundColor = it.color;
      else sw.style.borderTopColor = it.color;
      if (it.kind === "dot") {
        const d = `${2.2 * L.line * pt}px`;
        Object.assign(sw.style, {
          width: d,
          height: d,
          border: "0",
          borderRadius: "50%",
          backgroundColor: it.color,
          margin: `0 ${0.8 * SMALL * pt}px`
        });
      } else if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, L.line * pt)}px`;
      el("span", "op-entry-label", e, it.label);
    }
    return box;
  }

  // render/web/src/host.js
  var HEIGHT_MESSAGE = "ourdl-player:height";
  function tellHostHeight() {
    if (window.parent === window || typeof ResizeObserver !== "function") return;
    const page = document.documentElement;
    let sent = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(page.getBoundingClientRect().height);
      if (height === sent) return;
      sent = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
    }).observe(page);
  }

  // render/web/src/shell.js
  function indexOfStep(steps, step) {
    let lo = 0, hi = steps.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (steps[mid] <= step) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  var TimelinePlayer = class {
    /** @param {HTMLElement & {ourdlPlayer?: unknown}} root @param {D} data */
    constructor(root, data2) {
      this.root = root;
      this.d = data2;
      root.ourdlPlayer = this;
      this.th = data2.theme;
      this.xs = f64(data2.grid);
      this.grid = this.xs;
      this.target = f64(data2.target);
      this.steps = data2.steps;
      this.S = data2.steps.length;
      this.R = data2.runs.length;
      this.G = this.xs.length;
    }
    /** The last snapshot at or before sample `step`. @param {number} step */
    indexOfStep(step) {
      return indexOfStep(this.steps, step);
    }
  };
  var standalone = (root) => root.dataset.standalone === "1";
  function dress(root, th, lang, ...classes) {
    root.classList.add("op-root", ...classes, "op-theme-" + (th.name === "dark" ? "dark" : "light"));
    root.lang = lang === "zh" ? "zh-CN" : "en";
    const colours = {
      bg: th.background,
      fg: th.foreground,
      muted: th.muted,
      span: th.span,
      accent: th.palette[0]
    };
    for (const [k, v] of Object.entries(colours)) root.style.setProperty(`--op-${k}`, v);
    const fam = family(lang);
    root.style.fontFamily = fam;
    if (standalone(root)) tellHostHeight();
    return fam;
  }
  function figure(parent, cls) {
    const element = el("div", cls, parent);
    element.setAttribute("role", "img");
    const canvas = el("canvas", "op-canvas", element);
    const overlay = el("div", "op-overlay", element);
    return { element, canvas, overlay, bg: document.createElement("canvas") };
  }
  var sampleMarks = (ui, marks, steps) => marks.map((m) => ({
    index: indexOfStep(steps, m),
    label: fill(ui.sample, { step: thousands(m) }),
    short: thousands(m)
  }));
  function timeline(parent, d, marks, o) {
    const ui = d.ui;
    return new Controls(parent, {
      count: o.count,
      ui,
      speeds: d.speeds,
      marks,
      duration: d.duration,
      hold: d.hold,
      position: (i) => fill(ui.position, { step: thousands(o.stepAt(i)), total: thousands(o.total) }),
      onSeek: (i, user) => {
        o.draw();
        if (user) o.save();
      },
      onPlay: (playing) => {
        if (o.played) o.played(playing);
        o.save();
      },
      onOption: () => o.save()
    });
  }
  function readTimeline(f, c, steps, speeds) {
    let opened = false;
    if (/^\d{1,12}$/.test(f.step || "")) {
      c.pause();
      c.seek(indexOfStep(steps, Number(f.step)), false);
      opened = true;
    } else {
      c.seek(steps.length - 1, false);
    }
    c.setSpeed(/^[0-9.]{1,5}$/.test(f.speed || "") && speeds.includes(Number(f.speed)) ? Number(f.speed) : 1);
    c.setLoop(f.loop === "1");
    return opened;
  }
  function keys(root, controls, own) {
    if (own) bindKeys(window, controls);
    else {
      root.tabIndex = 0;
      bindKeys(root, controls);
    }
  }
  var onFragment = (apply) => window.addEventListener("hashchange", () => apply());
  function onResize(figureElement, width, relayout) {
    if (typeof ResizeObserver !== "function") return;
    new ResizeObserver(() => {
      if (figureElement.clientWidth !== width()) relayout();
    }).observe(figureElement);
  }
  function autoplay(root, controls, opened) {
    if (!opened && root.dataset.autoplay === "1") controls.play();
  }
  function startPlayer(root, before, player) {
    player.ready = before.then(() => {
      player.applyFragment();
      onResize(player.figure, () => player.width, () => player.layout());
      player.layout();
      autoplay(root, player.controls, player.opened);
    });
    player.ready.catch((err) => {
      root.textContent = "This player could not start: " + String(err && err.message);
      console.error(err);
    });
  }

  // render/web/src/sweep.js
  var SweepPlayer = class extends TimelinePlayer {
    /**
     * Mount a sweep player in `root`.
     * @param {HTMLElement} root
     * @param {SweepData} data  sweep_data() of render/web/sweep.py
     * @param {MapPart | null} [mapPart]  sweep_map.js, for a map sweep's page
     */
    constructor(root, data2, mapPart) {
      if (data2.map && !mapPart) throw new Error("this page has no map explorer");
      super(root, data2);
      this.mapPart = mapPart || null;
      const th = this.th;
      this.L = /** @type {SweepPageLayout} */
      data2.layout;
      this.W = 0;
      this.A = data2.activations.length;
      this.hist = i32(data2.hist);
      this.H = data2.histShape[2];
      this.edges = f64(data2.edges);
      this.modeCounts = i32(data2.modeCounts);
      this.modeFitted = i32(data2.modeFitted);
      this.K = data2.modes.length;
      this.fitted = f64(data2.fitted);
      this.evalLoss = f64(data2.evalLoss);
      this.inside = [];
      this.xs.forEach((x, i) => {
        if (x >= data2.dataRange[0] - 1e-12 && x <= data2.dataRange[1] + 1e-12) this.inside.push(i);
      });
      this.programs = /* @__PURE__ */ Object.create(null);
      if (data2.graph) {
        this.params = f64(data2.params);
        this.P = data2.shape.params;
        for (const r of data2.runs) this.program(r.activation);
      } else {
        this.outputCurves = f32(data2.outputCurves);
      }
      this.clicked = null;
      this.hover = null;
      this.hidden = /* @__PURE__ */ new Set();
      this.fragment = new Fragment(["step", "hide", "speed", "loop", "cell"], standalone(root));
      this.s = void 0;
      this.pt = void 0;
      this.Hpx = void 0;
      this.dpr = void 0;
      this.width = void 0;
      this.cells = void 0;
      this.grid = () => ({ ...this.cells });
      this.wide = void 0;
      this.narrowMaps = void 0;
      this.panels = void 0;
      this.caption = void 0;
      this.firstFrame = void 0;
      this.map = void 0;
      this.lut = void 0;
      this.mapImages = void 0;
      this.fam = dress(root, th, data2.lang, "op-sweep");
      const fig = figure(root, "op-figure");
      this.figure = fig.element;
      this.canvas = fig.canvas;
      this.overlay = fig.overlay;
      this.bg = fig.bg;
      this.figure.setAttribute("aria-label", data2.description || data2.scene);
      const ui = data2.ui;
      this.controls = timeline(root, data2, sampleMarks(ui, data2.marks, this.steps), {
        count: this.S,
        stepAt: (i) => this.steps[i],
        total: data2.total,
        draw: () => this.draw(),
        save: () => this.saveState()
      });
      if (data2.map) {
        this.cellInfo = el("div", "op-cellinfo", root, ui.no_cell);
        this.cellInfo.setAttribute("aria-live", "polite");
      }
      const rates = el("div", "op-rates", root);
      for (const line2 of data2.rateLines) el("div", null, rates, line2);
      el("div", "op-help", root, ui.keys.split(" · ").slice(0, 4).join(" · "));
      keys(root, this.controls, standalone(root));
      if (this.mapPart) this.mapPart.listen(this);
      dragScrub(this.figure, () => this.controls, {
        axis: (e) => {
          const p = rateAt(this, e);
          return p ? (m) => snapshotAt(this, p, m) : null;
        },
        tap: (e) => this.tap(e),
        skip: (e) => !!/** @type {Element} */
        e.target.closest(".op-legend")
      });
      onFragment(() => this.applyFragment());
      startPlayer(root, data2.map ? this.mapPart.loadMap(this) : Promise.resolve(), this);
    }
    get index() {
      return this.controls.index;
    }
    /** The program of the graph with `activation` (compiled once). @param {string} [activation] */
    program(activation) {
      const key = activation || "";
      if (!(key in this.programs)) {
        const p = compile(this.d.graph, this.G, activation || void 0);
        if (!p) throw new Error("the page cannot evaluate this graph");
        this.programs[key] = p;
      }
      return this.programs[key];
    }
    /** Every node of named run r at snapshot s (the exact test). @param {number} r @param {number} s */
    curves(r, s) {
      const prog = this.program(this.d.runs[r].activation);
      const values = evaluate(prog, this.params, (r * this.S + s) * this.P, this.xs, this.target);
      const out = new Float64Array(values.length * this.G);
      values.forEach((v, n) => out.set(v, n * this.G));
      return out;
    }
    /** Named run r's output over the grid at snapshot s. @param {number} r @param {number} s */
    output(r, s) {
      if (!this.d.graph) {
        return this.outputCurves.subarray((r * this.S + s) * this.G, (r * this.S + s + 1) * this.G);
      }
      const prog = this.program(this.d.runs[r].activation);
      const values = evaluate(prog, this.params, (r * this.S + s) * this.P, this.xs, this.target);
      return values[prog.index[this.d.graph.output]];
    }
    // -- state ---------------------------------------------------------------------------------------
    state() {
      const c = this.controls;
      return {
        index: c.index,
        step: this.steps[c.index],
        playing: c.playing,
        speed: c.speed,
        loop: c.loop,
        cell: this.clicked ? [this.clicked.i, this.clicked.j, this.clicked.a] : null,
        hidden: [...this.hidden].sort()
      };
    }
    /** Take the state the URL fragment asks for (a cell only when the map can train it). */
    applyFragment() {
      const f = this.fragment.read();
      this.opened = readTimeline(f, this.controls, this.steps, this.d.speeds);
      const toggles = new Set(this.toggleKeys());
      this.hidden = new Set((f.hide || "").split(",").filter((k) => toggles.has(k)));
      const cell = /^(\d{1,4}),(\d{1,4})(?:,(\d{1,2}))?$/.exec(f.cell || "");
      if (cell && this.map && this.d.graph && this.map.trains) {
        const [i, j, a] = [Number(cell[1]), Number(cell[2]), Number(cell[3] || 0)];
        if (i < this.map.nx && j < this.map.ny && a < this.A) this.select(i, j, a, false);
      }
      if (this.W) this.layout();
    }
    saveState() {
      const c = this.controls, k = this.clicked;
      this.fragment.write({
        step: this.steps[c.index],
        hide: [...this.hidden].join(","),
        speed: c.speed !== 1 ? c.speed : null,
        loop: c.loop ? 1 : null,
        cell: k ? `${k.i},${k.j}${k.a ? "," + k.a : ""}` : null
      });
    }
    /**
     * A click or tap on the figure: a map cell trains (sweep_map.js); on the fitted share, go to the
     * snapshot there. @param {PointerEvent} e
     */
    tap(e) {
      if (this.mapPart && this.mapPart.tapCell(this, e)) return;
      const p = rateAt(this, e);
      if (p) {
        this.controls.pause();
        this.controls.seek(snapshotAt(this, p, e), true);
      }
    }
    /** The keys the legend's entries toggle (a seeded sweep's: its activations and the target). */
    toggleKeys() {
      return this.d.type === "map" ? [] : [...this.d.activations, "target"];
    }
    /** Hide or show what a legend entry stands for. @param {string} key */
    toggle(key) {
      if (!this.toggleKeys().includes(key)) return;
      if (this.hidden.has(key)) this.hidden.delete(key);
      else this.hidden.add(key);
      for (const b of this.overlay.querySelectorAll(".op-entry[data-key]")) {
        const off = this.hidden.has(
          /** @type {HTMLElement} */
          b.dataset.key
        );
        b.classList.toggle("op-off", off);
        b.setAttribute("aria-pressed", off ? "false" : "true");
      }
      this.drawStatic();
      this.draw();
      this.saveState();
    }
    // -- figure (sweep_figure.js) and map (sweep_map.js) ---------------------------------------------------
    layout() {
      layout(this);
    }
    axesReport() {
      return axesReport(this);
    }
    minTextPx() {
      return minTextPx(this);
    }
    drawStatic() {
      drawStatic(this);
    }
    draw() {
      drawFrame(this);
    }
    /**
     * What the page knows about cell (i, j) of activation a's map at snapshot s (default: the current).
     * @param {number} i @param {number} j @param {number} [a] @param {number} [s]
     */
    cellAt(i, j, a = 0, s = this.index) {
      return this.mapPart.cellAt(this, i, j, a, s);
    }
    /**
     * Train cell (i, j) with activation a in the page, at every snapshot of the scene's schedule; `play`
     * plays its training from the start.
     * @param {number} i @param {number} j @param {number} [a] @param {boolean} [play]
     */
    select(i, j, a = 0, play = true) {
      return this.mapPart.select(this, i, j, a, play);
    }
  };

  // render/web/src/sweep_map.js
  var sweep_map_exports = {};
  __export(sweep_map_exports, {
    cellAt: () => cellAt,
    listen: () => listen,
    loadMap: () => loadMap,
    mapDraw: () => mapDraw,
    mapStatic: () => mapStatic,
    select: () => select,
    showCell: () => showCell,
    tapCell: () => tapCell
  });

  // render/web/src/train.js
  var train_exports = {};
  __export(train_exports, {
    ACTIVATIONS: () => ACTIVATIONS,
    BLOWUP: () => BLOWUP,
    LOSSES: () => LOSSES,
    Net: () => Net,
    OPS: () => OPS2,
    Trainer: () => Trainer,
    checkTarget: () => checkTarget,
    compile: () => compile2,
    data: () => data,
    linearSteps: () => linearSteps,
    pointSamples: () => pointSamples,
    pointSpan: () => pointSpan,
    run: () => run,
    targetOf: () => targetOf,
    useEngine: () => useEngine,
    variantGraph: () => variantGraph
  });

  // render/web/src/train_net.js
  var BLOWUP = 1e100;
  function fail(message) {
    throw new Error("lab: " + message);
  }
  var OPS2 = {
    F_COPY: 0,
    F_ADD: 1,
    F_MUL: 2,
    F_RELU: 3,
    F_LEAKY: 4,
    F_STEP: 5,
    F_SIGMOID: 6,
    F_TANH: 7,
    F_ABS: 8,
    F_SQUARE: 9,
    G_ONE: 10,
    UPDATE: 11,
    G_ADD: 12,
    G_MUL: 13,
    G_RELU: 14,
    G_LEAKY: 15,
    G_STEP: 16,
    G_SIGMOID: 17,
    G_TANH: 18,
    G_ABS0: 19,
    G_ABS1: 20,
    G_SQUARE0: 21,
    G_SQUARE1: 22,
    FIRST: 32,
    WIDTH: 5
  };
  var O = OPS2;
  var Net = class {
    /**
     * @param {string[]} names @param {Int32Array} tape @param {number[]} params @param {number} x
     * @param {number} label @param {number} loss
     */
    constructor(names, tape, params, x, label, loss) {
      this.names = names;
      this.tape = tape;
      this.paramSlots = params;
      this.x = x;
      this.label = label;
      this.loss = loss;
      this.V = new Float64Array(names.length);
      this.G = new Float64Array(names.length);
      this.fast = null;
      this.engine = "interpreter";
    }
    /** @param {ArrayLike<number>} values  in update order */
    setParams(values) {
      this.paramSlots.forEach((p, j) => {
        this.V[p] = values[j];
      });
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
      let total = 0;
      for (let s = from; s < to; s++) {
        V[xi] = xs[s];
        V[li] = ys[s];
        let ok = true, t, e;
        for (let pc = 0; pc < n; pc += W) {
          const op = T[pc], d = T[pc + 1], a = T[pc + 2];
          if (op < G_ADD) {
            switch (op) {
              case 0:
                V[d] = V[a];
                break;
              // F_COPY
              case 1:
                V[d] = V[a] + V[T[pc + 3]];
                break;
              // F_ADD
              case 2:
                V[d] = V[a] * V[T[pc + 3]];
                break;
              // F_MUL
              case 3:
                t = V[a];
                V[d] = t >= 0 ? t : 0;
                break;
              // F_RELU
              case 4:
                t = V[a];
                V[d] = t >= 0 ? t : 0.1 * t;
                break;
              // F_LEAKY
              case 5:
                V[d] = V[a] > 0 ? 1 : 0;
                break;
              // F_STEP
              case 6:
                t = V[a];
                if (t >= 0) {
                  V[d] = 1 / (1 + Math.exp(-t));
                } else {
                  e = Math.exp(t);
                  V[d] = e / (1 + e);
                }
                break;
              case 7:
                V[d] = Math.tanh(V[a]);
                break;
              // F_TANH
              case 8:
                V[d] = Math.abs(V[a] - V[T[pc + 3]]);
                break;
              // F_ABS: |label - y|
              case 9:
                t = V[a] - V[T[pc + 3]];
                V[d] = t * t;
                break;
              // F_SQUARE
              case 10:
                G[d] = 1;
                break;
              // G_ONE
              case 11:
                t = V[d];
                before[a] = t;
                t = t - rates[a] * G[d];
                V[d] = t;
                ok = ok && t > -BLOWUP && t < BLOWUP;
                break;
            }
          } else {
            switch (op & ~FIRST) {
              // the local derivative of node a with respect to its parent
              case 12:
                t = 1;
                break;
              // G_ADD
              case 13:
                t = V[T[pc + 3]];
                break;
              // G_MUL: the other parent's value
              case 14:
                t = V[T[pc + 3]] > 0 ? 1 : 0;
                break;
              // G_RELU
              case 15:
                t = V[T[pc + 3]] > 0 ? 1 : 0.1;
                break;
              // G_LEAKY
              case 16:
                t = V[T[pc + 3]] > 0 ? 0 : -1;
                break;
              // G_STEP (the tutorial's convention)
              case 17:
                t = V[a];
                t = t * (1 - t);
                break;
              // G_SIGMOID: s (1 - s)
              case 18:
                t = V[a];
                t = 1 - t * t;
                break;
              // G_TANH
              // losses, parents (label, y): d/d(label) = sign(label - y) with 0 counted negative, or
              // 2 (label - y); d/dy is its negative
              case 19:
                t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? 1 : -1;
                break;
              case 20:
                t = V[T[pc + 3]] - V[T[pc + 4]] > 0 ? -1 : 1;
                break;
              case 21:
                t = 2 * (V[T[pc + 3]] - V[T[pc + 4]]);
                break;
              case 22:
                t = -2 * (V[T[pc + 3]] - V[T[pc + 4]]);
                break;
            }
            G[d] = (op & FIRST ? 0 : G[d]) + G[a] * t;
          }
        }
        t = V[lossi];
        if (!(ok && t > -BLOWUP && t < BLOWUP)) {
          for (let j = 0; j < P.length; j++) V[P[j]] = before[j];
          return { total, bad: s - from };
        }
        total += t;
      }
      return { total, bad: -1 };
    }
  };

  // render/web/src/train_compile.js
  var LOSS_KINDS = { absolute: "ValueLoss", squared: "SquareLoss" };
  var LOSSES = Object.keys(LOSS_KINDS);
  var has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  var O2 = OPS2;
  var FORWARD = {
    Mul: O2.F_MUL,
    Relu: O2.F_RELU,
    LeakyRelu: O2.F_LEAKY,
    Step: O2.F_STEP,
    Sigmoid: O2.F_SIGMOID,
    Tanh: O2.F_TANH,
    ValueLoss: O2.F_ABS,
    SquareLoss: O2.F_SQUARE
  };
  var LOCAL = {
    Add: O2.G_ADD,
    Mul: O2.G_MUL,
    Relu: O2.G_RELU,
    LeakyRelu: O2.G_LEAKY,
    Step: O2.G_STEP,
    Sigmoid: O2.G_SIGMOID,
    Tanh: O2.G_TANH,
    ValueLoss: [O2.G_ABS0, O2.G_ABS1],
    SquareLoss: [O2.G_SQUARE0, O2.G_SQUARE1]
  };
  var fastEngine = null;
  function useEngine(build) {
    fastEngine = build;
  }
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
  function variantGraph(graph, options) {
    return Object.assign({}, graph, { nodes: variant(graph, options) });
  }
  function compile2(graph, options) {
    const index = /* @__PURE__ */ Object.create(null);
    const names = [];
    const kinds = [];
    const parents = [];
    const edges = [];
    const slot = (name) => {
      if (!(name in index)) {
        index[name] = names.length;
        names.push(name);
        kinds.push(null);
        parents.push([]);
        edges.push([]);
      }
      return index[name];
    };
    for (const n of variant(graph, options)) {
      if (n.name in index) fail(`node ${JSON.stringify(n.name)} is defined after it is used, or twice`);
      const name = JSON.stringify(n.name), kind = JSON.stringify(n.kind);
      if (n.kind !== "Add" && !has(ARITY, n.kind)) fail(`the lab cannot train a ${kind} node`);
      if (n.builtin === false) fail(`${name} is your own ${kind} class, not ourdl's`);
      if (!n.parents.length || has(ARITY, n.kind) && ARITY[n.kind] !== n.parents.length) {
        fail(`${n.kind} node ${JSON.stringify(n.name)} has ${n.parents.length} parents`);
      }
      const ps = n.parents.map(slot), k = slot(n.name);
      kinds[k] = n.kind;
      parents[k] = ps;
      ps.forEach((p, i) => edges[p].push([k, i]));
    }
    const leaf = (name, what) => {
      if (!(name in index) || kinds[index[name]] !== null) {
        fail(`${what} ${JSON.stringify(name)} is not a leaf of the graph`);
      }
      return index[name];
    };
    const params = graph.params.map((p) => leaf(String(p), "parameter"));
    const x = leaf(String(graph.input), "input"), label = leaf(String(graph.label), "label");
    const loss = index[graph.loss];
    if (loss === void 0 || kinds[loss] === null || edges[loss].length) {
      fail("the loss must be a node without children");
    }
    names.forEach((name, i) => {
      if (kinds[i] !== null && i !== loss && !edges[i].length) {
        fail(`node ${JSON.stringify(name)} feeds nothing`);
      }
    });
    const tape = [];
    const emit = (op, d, a, b, c) => tape.push(op, d, a || 0, b || 0, c || 0);
    const done = new Uint8Array(names.length);
    const forward = (k) => {
      if (kinds[k] === null || done[k]) return;
      const ps = parents[k];
      ps.forEach(forward);
      done[k] = 1;
      if (kinds[k] === "Add") {
        if (ps.length === 1) emit(O2.F_COPY, k, ps[0]);
        else emit(O2.F_ADD, k, ps[0], ps[1]);
        for (let j = 2; j < ps.length; j++) emit(O2.F_ADD, k, k, ps[j]);
      } else {
        emit(FORWARD[kinds[k]], k, ps[0], ps[1]);
      }
    };
    forward(loss);
    const known = new Uint8Array(names.length);
    const grad = (k) => {
      if (known[k]) return;
      if (!edges[k].length) {
        emit(O2.G_ONE, k);
      } else {
        for (const [c] of edges[k]) grad(c);
        edges[k].forEach(([c, i], n) => {
          const cp = parents[c], kind = kinds[c], first = n === 0 ? O2.FIRST : 0;
          if (kind === "Mul") emit(O2.G_MUL | first, k, c, cp[1 - i]);
          else if (Array.isArray(LOCAL[kind])) emit(LOCAL[kind][i] | first, k, c, cp[0], cp[1]);
          else emit(LOCAL[kind] | first, k, c, cp[0]);
        });
      }
      known[k] = 1;
    };
    params.forEach((p, j) => {
      grad(p);
      emit(O2.UPDATE, p, j);
    });
    const net = new Net(names, Int32Array.from(tape), params, x, label, loss);
    const engine = options && options.engine || "auto";
    if (!["auto", "interpreter", "wasm"].includes(engine)) fail(`unknown engine ${JSON.stringify(engine)}`);
    if (engine !== "interpreter" && fastEngine) net.fast = fastEngine(net);
    if (engine === "wasm" && !net.fast) fail("WebAssembly is not available here");
    net.engine = net.fast ? "wasm" : "interpreter";
    return net;
  }

  // render/web/src/target_expr.js
  var MAX_LENGTH = 200;
  var MAX_DEPTH = 64;
  var FUNCTIONS = { abs: 1, sin: 1, cos: 1, exp: 1, log: 1, sqrt: 1, tanh: 1, min: 2, max: 2 };
  var FUNCTION_LIST = Object.keys(FUNCTIONS).join(" ");
  var SPACE = " 	\n\r\f\v";
  var OPERAND = "a number, x, pi, a function or '('";
  var TYPESET = { "−": "-", "×": "*", "·": "*", "÷": "/", "²": "^2", "³": "^3", "π": "pi" };
  var NAMED = {
    "x^2": named("x^2", "x²", "x²", "the chapter's target, x*x to the last bit"),
    abs: named("abs(x-1)", "|x−1|", "|x−1|", "a V with its kink at x = 1: two units, one each side"),
    sin: named("sin(pi*x)", "sin πx", "sin πx", "one period on [0, 2], rising, falling, rising: more than two units"),
    "x^3-x": named("x^3-x", "x³−x", "x³−x", "a cubic, falling then rising on [0, 2]"),
    step: named(
      null,
      "step",
      "阶跃",
      "0 up to x = 1, then 1: a jump no continuous net makes exactly",
      ["step", ["sub", ["x"], ["num", 1]]]
    ),
    relu: named("max(0, x-1)", "ReLU(x−1)", "ReLU(x−1)", "0 up to x = 1, then x - 1: one unit is enough"),
    tent: named("max(0, 1-2*abs(x-1))", "tent", "三角峰", "a triangle on [0.5, 1.5], peak 1 at x = 1: exactly three units"),
    zigzag: named("abs(abs(2*x-2)-1)", "zigzag", "折线", "down, up, down, up between 0 and 1 on [0, 2]: three kinks, four units to be exact (three cannot)"),
    bump: named("exp(-8*(x-1)^2)", "bump", "高斯峰", "a smooth Gaussian bump at x = 1 (sd 0.25)")
  };
  function named(expression, en, zh, description, tree = null) {
    return { expression, en, zh, description, tree };
  }
  var Refusal = class {
    /** @param {string} code @param {string} message @param {number} column */
    constructor(code, message, column) {
      this.code = code;
      this.message = message;
      this.column = column;
    }
  };
  function parseTarget(text2) {
    if (typeof text2 !== "string") return { ok: false, code: "type", error: "a target must be text", column: 0 };
    const chars = Array.from(text2);
    let start = 0, end = chars.length;
    while (start < end && SPACE.includes(chars[start])) start += 1;
    while (end > start && SPACE.includes(chars[end - 1])) end -= 1;
    if (start === end) {
      return {
        ok: false,
        code: "empty",
        column: 0,
        error: "empty target: give a name (x^2, abs, sin, ...) or an expression of x"
      };
    }
    if (end - start > MAX_LENGTH) {
      return {
        ok: false,
        code: "long",
        column: 0,
        error: `target too long: ${end - start} characters, at most ${MAX_LENGTH}`
      };
    }
    const stripped = chars.slice(start, end).join("");
    try {
      if (Object.prototype.hasOwnProperty.call(NAMED, stripped)) {
        const one = NAMED[stripped];
        const ast2 = one.tree !== null ? one.tree : new Parser(Array.from(one.expression)).parse();
        return { ok: true, text: stripped, name: one.en, nameZh: one.zh, key: stripped, ast: ast2 };
      }
      const ast = new Parser(chars).parse();
      const name = shortName(chars.slice(start, end));
      return { ok: true, text: stripped, name, nameZh: name, key: null, ast };
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, code: e.code, error: e.message, column: e.column };
      throw e;
    }
  }
  function shortName(chars) {
    const words = [];
    let word = "";
    for (const ch of chars) {
      if (SPACE.includes(ch)) {
        if (word) words.push(word);
        word = "";
      } else {
        word += ch;
      }
    }
    words.push(word);
    const one = Array.from(words.filter((w) => w).join(" "));
    return one.length <= 24 ? one.join("") : one.slice(0, 23).join("") + "…";
  }
  function quote(ch) {
    const code = ch.codePointAt(0);
    return code >= 33 && code <= 126 && ch !== "'" ? `'${ch}'` : "U+" + code.toString(16).toUpperCase().padStart(4, "0");
  }
  var isDigit = (ch) => ch !== void 0 && ch >= "0" && ch <= "9";
  var isLetter = (ch) => ch !== void 0 && (ch >= "a" && ch <= "z" || ch >= "A" && ch <= "Z" || ch === "_");
  function tokenize(chars) {
    const out = [];
    const n = chars.length;
    let i = 0;
    while (i < n) {
      const ch = chars[i];
      if (SPACE.includes(ch)) {
        i += 1;
      } else if (isDigit(ch) || ch === "." && isDigit(chars[i + 1])) {
        const start = i;
        while (isDigit(chars[i])) i += 1;
        if (chars[i] === ".") {
          i += 1;
          while (isDigit(chars[i])) i += 1;
        }
        if (chars[i] === "e" || chars[i] === "E") {
          let j = i + 1;
          if (chars[j] === "+" || chars[j] === "-") j += 1;
          if (isDigit(chars[j])) {
            while (isDigit(chars[j])) j += 1;
            i = j;
          }
        }
        const word = chars.slice(start, i).join("");
        const value2 = Number(word);
        if (!Number.isFinite(value2)) {
          throw new Refusal("big", `number ${word} too large at column ${start + 1}`, start + 1);
        }
        out.push({ kind: "num", text: word, column: start + 1, value: value2 });
      } else if (isLetter(ch)) {
        const start = i;
        while (isLetter(chars[i]) || isDigit(chars[i])) i += 1;
        out.push({ kind: "name", text: chars.slice(start, i).join(""), column: start + 1, value: 0 });
      } else if (ch === "*" && chars[i + 1] === "*") {
        out.push({ kind: "op", text: "**", column: i + 1, value: 0 });
        i += 2;
      } else if ("+-*/^(),".includes(ch)) {
        out.push({ kind: "op", text: ch, column: i + 1, value: 0 });
        i += 1;
      } else {
        const hint = Object.prototype.hasOwnProperty.call(TYPESET, ch) ? ` (type ${TYPESET[ch]})` : "";
        throw new Refusal("char", `unexpected character ${quote(ch)} at column ${i + 1}${hint}`, i + 1);
      }
    }
    let last = n;
    while (last > 0 && SPACE.includes(chars[last - 1])) last -= 1;
    out.push({ kind: "end", text: "", column: last + 1, value: 0 });
    return out;
  }
  var describe = (token) => token.kind === "end" ? "the end" : `'${token.text}'`;
  var Parser = class {
    /** @param {string[]} chars */
    constructor(chars) {
      this.tokens = tokenize(chars);
      this.at = 0;
      this.depth = 0;
    }
    get token() {
      return this.tokens[this.at];
    }
    /** @param {...string} ops */
    isOp(...ops) {
      return this.token.kind === "op" && ops.includes(this.token.text);
    }
    /** @param {string} code @param {string} message @param {Token} token @param {string} [hint] */
    fail(code, message, token, hint = "") {
      return new Refusal(code, `${message} at column ${token.column}${hint ? ` (${hint})` : ""}`, token.column);
    }
    /** @returns {Ast} */
    parse() {
      const tree = this.expr();
      if (this.token.kind !== "end") throw this.stray(this.token);
      return tree;
    }
    /** @param {Token} token */
    stray(token) {
      if (token.kind === "op" && token.text === ")") return this.fail("unmatched", "unmatched ')'", token);
      if (token.kind === "op" && token.text === ",") {
        return this.fail("comma", "',' outside min(...) or max(...)", token);
      }
      return this.fail("operator", `missing operator before ${describe(token)}`, token, "write * to multiply");
    }
    /** @returns {Ast} */
    expr() {
      let left = this.term();
      while (this.isOp("+", "-")) {
        const op = this.token.text === "+" ? "add" : "sub";
        this.at += 1;
        left = [op, left, this.term()];
      }
      return left;
    }
    /** @returns {Ast} */
    term() {
      let left = this.unary();
      while (this.isOp("*", "/")) {
        const op = this.token.text === "*" ? "mul" : "div";
        this.at += 1;
        left = [op, left, this.unary()];
      }
      return left;
    }
    /** @returns {Ast} */
    unary() {
      this.depth += 1;
      if (this.depth > MAX_DEPTH) {
        throw this.fail("deep", "nested too deeply", this.token, `at most ${MAX_DEPTH} levels`);
      }
      let tree;
      if (this.isOp("-")) {
        this.at += 1;
        tree = ["neg", this.unary()];
      } else if (this.isOp("+")) {
        this.at += 1;
        tree = this.unary();
      } else {
        tree = this.power();
      }
      this.depth -= 1;
      return tree;
    }
    /** @returns {Ast} */
    power() {
      const base = this.primary();
      if (!this.isOp("^", "**")) return base;
      this.at += 1;
      const exponent = this.unary();
      const n = smallInteger(exponent);
      return n !== null ? ["powi", base, n] : ["pow", base, exponent];
    }
    /** @returns {Ast} */
    primary() {
      const token = this.token;
      if (token.kind === "num") {
        this.at += 1;
        return ["num", token.value];
      }
      if (token.kind === "name") return this.named(token);
      if (this.isOp("(")) {
        this.at += 1;
        const tree = this.expr();
        this.close(token);
        return tree;
      }
      if (token.kind === "end") throw this.fail("end", "unexpected end of the expression", token);
      throw this.fail("operand", `expected ${OPERAND} but found ${describe(token)}`, token);
    }
    /** The `)` that closes `opening`, or the reason it is not there. @param {Token} opening */
    close(opening) {
      if (this.isOp(")")) {
        this.at += 1;
        return;
      }
      if (this.token.kind === "end") throw this.fail("close", "missing ')' for the '('", opening);
      throw this.stray(this.token);
    }
    /** @param {Token} token @returns {Ast} */
    named(token) {
      const name = token.text;
      this.at += 1;
      if (name === "x") return ["x"];
      if (name === "pi") return ["pi"];
      const called = this.isOp("(");
      const has2 = (table) => Object.prototype.hasOwnProperty.call(table, name);
      if (has2(FUNCTIONS)) {
        if (!called) {
          throw this.fail("parens", `function '${name}' without parentheses`, token, `write ${name}(...)`);
        }
        return this.call(token);
      }
      if (called) {
        throw this.fail("function", `unknown function '${name}'`, token, `the functions are ${FUNCTION_LIST}`);
      }
      if (has2(NAMED)) {
        throw this.fail("named", `named target '${name}' inside an expression`, token, "it stands alone");
      }
      throw this.fail("name", `unknown name '${name}'`, token, `only x, pi and the functions ${FUNCTION_LIST}`);
    }
    /** @param {Token} token @returns {Ast} */
    call(token) {
      const opening = this.token;
      this.at += 1;
      const args = [];
      if (!this.isOp(")")) {
        args.push(this.expr());
        while (this.isOp(",")) {
          this.at += 1;
          args.push(this.expr());
        }
      }
      this.close(opening);
      const want = FUNCTIONS[token.text];
      if (args.length !== want) {
        const plural = want === 1 ? "argument" : "arguments";
        throw this.fail("arity", `${token.text}() takes ${want} ${plural}, not ${args.length},`, token);
      }
      return [token.text, ...args];
    }
  };
  function smallInteger(tree) {
    let sign = 1;
    if (tree[0] === "neg" && tree[1][0] === "num") {
      sign = -1;
      tree = tree[1];
    }
    if (tree[0] === "num" && Number.isInteger(tree[1]) && Math.abs(tree[1]) <= 8) return sign * tree[1] + 0;
    return null;
  }
  function compileTarget(tree) {
    const op = tree[0];
    if (op === "x") return (x) => x;
    if (op === "num") {
      const v = tree[1];
      return () => v;
    }
    if (op === "pi") return () => Math.PI;
    if (op === "powi") return powi(compileTarget(tree[1]), tree[2]);
    const [a, b] = tree.slice(1).map(compileTarget);
    switch (op) {
      case "neg":
        return (x) => -a(x);
      case "add":
        return (x) => a(x) + b(x);
      case "sub":
        return (x) => a(x) - b(x);
      case "mul":
        return (x) => a(x) * b(x);
      case "div":
        return (x) => a(x) / b(x);
      case "pow":
        return (x) => Math.pow(a(x), b(x));
      case "min":
        return (x) => Math.min(a(x), b(x));
      case "max":
        return (x) => Math.max(a(x), b(x));
      case "step":
        return (x) => {
          const t = a(x);
          return t > 0 ? 1 : t <= 0 ? 0 : NaN;
        };
      case "abs":
        return (x) => Math.abs(a(x));
      case "sqrt":
        return (x) => Math.sqrt(a(x));
      case "sin":
        return (x) => Math.sin(a(x));
      case "cos":
        return (x) => Math.cos(a(x));
      case "exp":
        return (x) => Math.exp(a(x));
      case "log":
        return (x) => Math.log(a(x));
      case "tanh":
        return (x) => Math.tanh(a(x));
      default:
        throw new Error(`target tree: unknown operation ${String(op)}`);
    }
  }
  function powi(a, n) {
    const k = Math.abs(n);
    if (k === 0) return () => 1;
    return (x) => {
      const base = a(x);
      let r = base;
      for (let i = 1; i < k; i += 1) r = r * base;
      return n > 0 ? r : 1 / r;
    };
  }
  function checkFinite(target, lo, hi) {
    const f = compileTarget(target.ast);
    const step = (hi - lo) / 2e3;
    for (let i = 0; i <= 2e3; i += 1) {
      const x = i === 2e3 ? hi : i * step + lo;
      const y = f(x);
      if (!Number.isFinite(y)) {
        const what = Number.isNaN(y) ? "NaN" : "infinite";
        return `target ${target.name} is ${what} at x = ${fmt(x)} on the data range [${fmt(lo)}, ${fmt(hi)}]`;
      }
    }
    return null;
  }
  function fmt(v) {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    const sign = v < 0 || Object.is(v, -0) ? "-" : "";
    const a = Math.abs(v);
    if (a === 0) return sign + "0";
    const [mantissa, exponent] = a.toExponential(5).split("e");
    const e = Number(exponent);
    const trim = (s) => s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
    if (e < -4 || e >= 6) {
      return `${sign}${trim(mantissa)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    }
    return sign + trim(a.toFixed(5 - e));
  }

  // render/web/src/train_data.js
  var MAX_POINTS = 1e6;
  var MAX_NODES = 1e3;
  var TREE_ARITY = {
    x: 0,
    pi: 0,
    neg: 1,
    abs: 1,
    sqrt: 1,
    sin: 1,
    cos: 1,
    exp: 1,
    log: 1,
    tanh: 1,
    step: 1,
    add: 2,
    sub: 2,
    mul: 2,
    div: 2,
    pow: 2,
    min: 2,
    max: 2
  };
  var finite = (v) => typeof v === "number" && isFinite(v);
  function isTree(tree) {
    let count = 0;
    const ok = (t, depth) => {
      if (!Array.isArray(t) || typeof t[0] !== "string" || depth > 4 * MAX_DEPTH || ++count > MAX_NODES) {
        return false;
      }
      const op = t[0];
      if (op === "num") return t.length === 2 && finite(t[1]);
      if (op === "powi") {
        return t.length === 3 && Number.isInteger(t[2]) && Math.abs(t[2]) <= 8 && ok(t[1], depth + 1);
      }
      const known = Object.prototype.hasOwnProperty.call(TREE_ARITY, op);
      if (!known || t.length !== TREE_ARITY[op] + 1) return false;
      return t.slice(1).every((a) => ok(a, depth + 1));
    };
    return ok(tree, 0);
  }
  var SQUARE = Object.freeze({ kind: "square" });
  var DESCRIBE = 'target: a name (x^2, sin, ...) or an expression of x, {kind: "expr", ast}, {kind: "square"} or {kind: "affine", a, b} with finite a, b';
  function checkTarget(target) {
    if (target === void 0 || target === null) return SQUARE;
    if (typeof target === "string") {
      const parsed = parseTarget(target);
      if (parsed.ok === true) return expr(parsed.ast);
      fail(`target ${JSON.stringify(target.slice(0, 40))}: ${parsed.ok === false ? parsed.error : ""}`);
    }
    if (typeof target !== "object") fail(DESCRIBE);
    if (target.kind === "square") return SQUARE;
    if (target.kind === "affine" && finite(target.a) && finite(target.b)) {
      return { kind: "affine", a: target.a, b: target.b };
    }
    if (target.kind === "expr" && isTree(target.ast)) return expr(target.ast);
    return fail(DESCRIBE);
  }
  var expr = (ast) => ({ kind: "expr", ast, f: compileTarget(ast), key: JSON.stringify(ast) });
  function checkTargetOn(target, range) {
    const t = checkTarget(target);
    if (t.kind !== "expr") return;
    const why = checkFinite({ name: describeTree(t), ast: t.ast }, range[0], range[1]);
    if (why) fail(why);
  }
  var describeTree = (t) => t.kind === "expr" ? t.key.slice(0, 60) : t.kind;
  function targetOf(xs, target) {
    const t = checkTarget(target), ys = new Float64Array(xs.length);
    if (t.kind === "square") {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i];
    } else if (t.kind === "affine") {
      const a = t.a, b = t.b;
      for (let i = 0; i < xs.length; i++) ys[i] = a * xs[i] + b;
    } else {
      const f = t.f;
      for (let i = 0; i < xs.length; i++) ys[i] = f(xs[i]);
    }
    return ys;
  }
  var targetKey = (t) => t.kind === "square" ? "square" : t.kind === "affine" ? `affine ${t.a} ${t.b}` : `expr ${t.key}`;
  function checkPoints(points) {
    if (!Array.isArray(points) || points.length < 1 || points.length > MAX_POINTS) {
      fail(`points: a list of 1 to ${MAX_POINTS} [x, y] pairs of finite numbers`);
    }
    points.forEach((p, k) => {
      if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) {
        fail(`points: point ${k + 1} is not an [x, y] pair of finite numbers`);
      }
    });
    return points;
  }
  function pointSamples(points, seed, n) {
    checkPoints(points);
    const u = uniform(seed, 0, 1, n), count = points.length;
    const xs = new Float64Array(n), ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = points[Math.min(Math.floor(u[i] * count), count - 1)];
      xs[i] = p[0];
      ys[i] = p[1];
    }
    return { xs, ys };
  }
  function pointSpan(points) {
    let lo = Infinity, hi = -Infinity;
    for (const p of checkPoints(points)) {
      if (p[0] < lo) lo = p[0];
      if (p[0] > hi) hi = p[0];
    }
    return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
  }
  var cached = { seed: -1, low: 0, high: 0, target: "", xs: new Float64Array(0), ys: new Float64Array(0) };
  function data(seed, samples, range = [0, 2], target = SQUARE, points = null) {
    if (points) return pointSamples(points, seed, samples);
    const [low, high] = range, t = checkTarget(target), key = targetKey(t);
    if (cached.seed !== seed || cached.low !== low || cached.high !== high || cached.xs.length < samples) {
      const xs = uniform(seed, low, high, samples);
      cached = { seed, low, high, target: key, xs, ys: targetOf(xs, t) };
    } else if (cached.target !== key) {
      cached = { ...cached, target: key, ys: targetOf(cached.xs, t) };
    }
    return { xs: cached.xs.subarray(0, samples), ys: cached.ys.subarray(0, samples) };
  }

  // render/web/src/train.js
  function linearSteps(total, every, marks) {
    const set = /* @__PURE__ */ new Set([0, total]);
    for (let s = 0; s <= total; s += every) set.add(s);
    for (const m of marks || []) if (m >= 0 && m <= total) set.add(m);
    return [...set].sort((a, b) => a - b);
  }
  function checkConfig(graph, c) {
    if (!c || typeof c !== "object") fail("config must be an object");
    for (const n of graph.params) {
      if (!c.init || !finite(c.init[n])) fail(`no finite initial value for ${n}`);
    }
    if (!Number.isSafeInteger(c.samples) || c.samples < 0 || c.samples > 1e8) {
      fail("samples: an integer in [0, 1e8]");
    }
    if (c.lrs !== void 0) {
      const P = graph.params.length;
      const list = Array.isArray(c.lrs) || c.lrs instanceof Float64Array;
      if (!list || c.lrs.length !== P || !Array.from(c.lrs).every(finite)) {
        const names = graph.params.join(", ");
        fail(`lrs: ${P} finite numbers, one learning rate per parameter in update order (${names})`);
      }
    }
    if ((c.lrs === void 0 || c.lr !== void 0) && !finite(c.lr)) fail("lr must be a finite number");
    const r = c.data_range;
    if (r !== void 0 && !(Array.isArray(r) && r.length === 2 && r.every(finite) && r[0] < r[1])) {
      fail("data_range: two finite numbers, low < high");
    }
    if (c.points !== void 0 && c.points !== null) {
      if (c.target !== void 0 && c.target !== null) {
        fail("target and points: data points are their own target; give one of them");
      }
      checkPoints(c.points);
    } else {
      checkTargetOn(c.target, r || [0, 2]);
    }
    const seed = c.data_seed === void 0 ? 0 : c.data_seed;
    if (!Number.isSafeInteger(seed) || seed < 0) fail("data_seed: an integer in [0, 2**53)");
    if (c.every !== void 0 && !(Number.isSafeInteger(c.every) && c.every >= 1)) {
      fail("every: a positive integer");
    }
    const counts = Array.isArray(c.steps) && c.steps.every((s) => Number.isSafeInteger(s) && s >= 0);
    if (c.steps !== void 0 && !counts) {
      fail("steps: a list of sample counts");
    }
    return seed;
  }
  var Trainer = class {
    /** @param {Graph} graph @param {TrainConfig} config */
    constructor(graph, config) {
      const seed = checkConfig(graph, config);
      this.config = config;
      this.names = graph.params.map(String);
      this.net = compile2(graph, { activation: config.activation, loss: config.loss, engine: config.engine });
      this.net.setParams(this.names.map((n) => config.init[n]));
      this.samples = config.samples;
      this.lr = config.lr;
      this.lrs = config.lrs !== void 0 ? Float64Array.from(config.lrs) : new Float64Array(this.names.length).fill(config.lr);
      this.steps = config.steps ? [...config.steps].sort((a, b) => a - b) : linearSteps(this.samples, config.every || 1, config.marks);
      const d = data(seed, this.samples, config.data_range, config.target, config.points);
      this.xs = d.xs;
      this.ys = d.ys;
      const S = this.steps.length, P = this.names.length;
      this.params = new Float64Array(S * P).fill(NaN);
      this.trainLoss = new Float64Array(S).fill(NaN);
      this.trained = 0;
      this.seen = 0;
      this.divergedAt = null;
      this.advance(0);
    }
    get done() {
      return this.trained >= this.steps.length;
    }
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
          this.trainLoss[s] = this.trainLoss[s - 1];
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
  };
  function run(graph, config) {
    const t = new Trainer(graph, config);
    t.advance(t.steps.length - 1);
    return {
      names: t.names,
      lrs: Array.from(t.lrs),
      steps: t.steps,
      params: t.steps.map((_, s) => t.paramsAt(s)),
      train_loss: Array.from(t.trainLoss),
      diverged_at: t.divergedAt,
      engine: t.net.engine
    };
  }

  // render/web/src/sweep_map.js
  async function inflate(b64) {
    const stream = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function loadMap(sp) {
    const m = sp.d.map;
    sp.map = {
      ...m,
      codes: await inflate(m.loss),
      state: await inflate(m.state),
      xs: f64(m.xs),
      ys: f64(m.ys),
      init: f64(m.init),
      finalLoss: f64(m.finalLoss),
      finalMode: i8(m.finalMode),
      diverged: i32(m.divergedAt),
      share: f64(m.fittedShare)
    };
    const M2 = m.nx * m.ny;
    if (sp.map.codes.length !== sp.A * sp.S * M2) throw new Error("map data has the wrong size");
    const bg = rgb(sp.th.background), thr = sp.d.threshold;
    const [lo, hi] = m.codeRange, L = m.codeLevels;
    const loLog = Math.log(0.03), thrLog = Math.log(thr);
    sp.lut = new Uint8ClampedArray(sp.K * 2 * 256 * 3);
    for (let k = 0; k < sp.K; k++) {
      const base = rgb(sp.d.modeColors[k]);
      for (let f = 0; f < 2; f++) {
        for (let c = 0; c < 256; c++) {
          const l = Math.pow(10, Math.log10(lo) + c / L * (Math.log10(hi) - Math.log10(lo)));
          let amount;
          if (c > L) amount = 0.9;
          else if (f) amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
          else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / thr) / Math.LN10));
          const col = blend(base, bg, amount), o = ((k * 2 + f) * 256 + c) * 3;
          sp.lut[o] = col[0];
          sp.lut[o + 1] = col[1];
          sp.lut[o + 2] = col[2];
        }
      }
    }
    sp.mapImages = [];
    for (let a = 0; a < sp.A; a++) {
      const c = document.createElement("canvas");
      c.width = m.nx;
      c.height = m.ny;
      sp.mapImages.push(c);
    }
  }
  function cellLoss(sp, code) {
    const [lo, hi] = sp.map.codeRange, levels = sp.map.codeLevels;
    return code > levels ? NaN : Math.pow(10, Math.log10(lo) + code / levels * (Math.log10(hi) - Math.log10(lo)));
  }
  function cellAt(sp, i, j, a = 0, s = sp.index) {
    const m = sp.map, M2 = m.nx * m.ny, r = j * m.nx + i;
    const init = Array.from(m.init);
    const names = sp.d.graph ? sp.d.graph.params : [];
    init[names.indexOf(m.axes[0])] = m.xs[i];
    init[names.indexOf(m.axes[1])] = m.ys[j];
    const st = m.state[(a * sp.S + s) * M2 + r];
    return {
      i,
      j,
      a,
      run: r,
      init: Object.fromEntries(names.map((n, k) => [n, init[k]])),
      x: m.xs[i],
      y: m.ys[j],
      finalLoss: m.finalLoss[a * M2 + r],
      finalMode: m.finalMode[a * M2 + r],
      diverged: m.diverged[a * M2 + r],
      mode: st & 7,
      fitted: st >> 3 === 1,
      loss: cellLoss(sp, m.codes[(a * sp.S + s) * M2 + r])
    };
  }
  function select(sp, i, j, a = 0, play = true) {
    const cell = cellAt(sp, i, j, a);
    const t0 = performance.now();
    const m = sp.map;
    const trainer = new Trainer(sp.d.graph, {
      init: cell.init,
      lrs: sp.d.lrs,
      samples: sp.d.samples,
      activation: sp.d.activations[a],
      data_seed: m.dataSeed,
      data_range: sp.d.dataRange,
      steps: sp.steps,
      engine: "interpreter",
      target: m.target ?? void 0,
      points: m.trainPoints ?? void 0
    });
    trainer.advance(sp.S - 1);
    const prog = sp.program(sp.d.activations[a]);
    const pts = sp.d.points;
    const xs = pts ? Float64Array.from(pts, (q) => q[0]) : sp.xs;
    const ys = pts ? Float64Array.from(pts, (q) => q[1]) : sp.target;
    const at = pts ? Array.from(pts, (_, k) => k) : sp.inside;
    const evalLoss = new Float64Array(sp.S);
    for (let s = 0; s < sp.S; s++) {
      const out = evaluate(prog, trainer.params, s * sp.P, xs, ys)[prog.index[sp.d.graph.output]];
      let sum = 0;
      for (const g of at) sum += Math.abs(out[g] - ys[g]);
      evalLoss[s] = sum / at.length;
    }
    sp.clicked = {
      ...cell,
      params: trainer.params,
      evalLoss,
      ms: performance.now() - t0,
      divergedAt: trainer.divergedAt
    };
    showCell(sp);
    sp.saveState();
    if (play) {
      sp.controls.pause();
      sp.controls.seek(0, true);
      sp.controls.play();
    } else sp.draw();
    return sp.clicked;
  }
  function mapStatic(sp, ctx, p) {
    const m = sp.map, e = m.extent;
    const ax = p.ax = new Axes(p.rect, { xlim: [e[0], e[1]], ylim: [e[2], e[3]] });
    const labelPx = sp.L.small * sp.pt;
    frame(
      ctx,
      ax,
      frameStyle(sp),
      { x: linearTicks(ax, "x", sp.narrowMaps ? 4 : 5, labelPx), y: linearTicks(ax, "y", 4, labelPx) }
    );
    title(sp, ctx, p.rect, heading(sp, p));
    xlabel(sp, ctx, p.rect, m.axisLabels[0]);
    ctx.save();
    ctx.translate(ax.rect.x - 2.5 * sp.pt - 1.5 * sp.pt - sp.L.small * sp.pt * 2.6, ax.rect.y + ax.rect.h / 2);
    ctx.rotate(-Math.PI / 2);
    text(
      ctx,
      m.axisLabels[1],
      0,
      0,
      { font: small(sp), color: sp.th.foreground, align: "center", baseline: "bottom" }
    );
    ctx.restore();
  }
  function mapDraw(sp, ctx, p, i) {
    const m = sp.map, ax = p.ax, a = p.a, M2 = m.nx * m.ny, pt = sp.pt, th = sp.th;
    const img = sp.mapImages[a], ictx = img.getContext("2d"), data2 = ictx.createImageData(m.nx, m.ny);
    const base = (a * sp.S + i) * M2;
    for (let j = 0; j < m.ny; j++) {
      for (let k = 0; k < m.nx; k++) {
        const r = j * m.nx + k, st = m.state[base + r];
        const o = (((st & 7) * 2 + (st >> 3)) * 256 + m.codes[base + r]) * 3;
        const q = ((m.ny - 1 - j) * m.nx + k) * 4;
        data2.data[q] = sp.lut[o];
        data2.data[q + 1] = sp.lut[o + 1];
        data2.data[q + 2] = sp.lut[o + 2];
        data2.data[q + 3] = 255;
      }
    }
    ictx.putImageData(data2, 0, 0);
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
    ctx.restore();
    hline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
    vline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
    for (const [label, [mx, my]] of Object.entries(m.marks)) {
      const x2 = ax.px(mx), y2 = ax.py(my);
      ctx.beginPath();
      ctx.arc(x2, y2, 2.25 * pt, 0, 2 * Math.PI);
      ctx.strokeStyle = th.foreground;
      ctx.lineWidth = 1.2 * pt;
      ctx.stroke();
      text(
        ctx,
        label,
        x2 + 5 * pt,
        y2 + 3 * pt,
        { font: small(sp, true), color: th.foreground, align: "left", baseline: "top" }
      );
    }
    const cw = ax.rect.w / m.nx, ch = ax.rect.h / m.ny;
    const outline = (c, color, width) => {
      if (!c || c.a !== a) return;
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.strokeRect(ax.rect.x + c.i * cw, ax.rect.y + (m.ny - 1 - c.j) * ch, cw, ch);
    };
    outline(sp.clicked, th.foreground, 1.6 * pt);
    outline(sp.hover, th.foreground, 0.8 * pt);
    const pct = (100 * m.share[a * sp.S + i]).toFixed(1);
    const share = fill(sp.d.strings.grid_fitted.replace("{pct:.1f}", "{pct}"), { pct });
    ctx.font = small(sp, true);
    const w = ctx.measureText(share).width;
    ctx.fillStyle = css(rgb(th.background), 0.8);
    const x = ax.rect.x + 0.02 * ax.rect.w, y = ax.rect.y + 0.02 * ax.rect.h;
    ctx.fillRect(x - 2 * pt, y - 1.5 * pt, w + 4 * pt, sp.L.small * pt * 1.3 + 3 * pt);
    text(ctx, share, x, y, { font: small(sp, true), color: th.foreground, baseline: "top" });
  }
  function listen(sp) {
    sp.figure.addEventListener("pointermove", (e) => {
      if (e.pointerType !== "touch") onMove(sp, e);
    });
    sp.figure.addEventListener("pointerleave", (e) => {
      if (e.pointerType === "touch" || !sp.hover) return;
      sp.hover = null;
      showCell(sp);
      sp.draw();
    });
  }
  function tapCell(sp, e) {
    const c = cellUnder(sp, e);
    if (!c) return false;
    if (sp.d.graph && sp.map.trains) {
      sp.select(c.i, c.j, c.a);
      sp.drawStatic();
      sp.draw();
    }
    return true;
  }
  function cellUnder(sp, e) {
    if (!sp.map || !sp.panels) return null;
    const rect = sp.canvas.getBoundingClientRect(), px = e.clientX - rect.left, py = e.clientY - rect.top;
    for (const p of sp.panels) {
      if (p.kind !== "map" || !p.ax || !p.ax.contains(px, py)) continue;
      const m = sp.map, r = p.ax.rect;
      const i = Math.min(m.nx - 1, Math.floor((px - r.x) / r.w * m.nx));
      const j = Math.min(m.ny - 1, Math.floor((r.y + r.h - py) / r.h * m.ny));
      return { i, j, a: p.a };
    }
    return null;
  }
  function onMove(sp, e) {
    const c = cellUnder(sp, e);
    const same = c && sp.hover && c.i === sp.hover.i && c.j === sp.hover.j && c.a === sp.hover.a;
    if (same || !c && !sp.hover) return;
    sp.hover = c;
    sp.figure.style.cursor = c ? "pointer" : "";
    showCell(sp);
    sp.draw();
  }
  function showCell(sp) {
    if (!sp.cellInfo) return;
    const c = sp.hover || sp.clicked;
    if (!c) {
      sp.cellInfo.textContent = sp.d.ui.no_cell;
      return;
    }
    const info = cellAt(sp, c.i, c.j, c.a), d = sp.d, ui = d.ui, L = d.map.axisLabels;
    const fitted = (yes) => yes ? ui.fitted : ui.not_fitted;
    const final = `|y − ${d.targetName}| ${number(info.finalLoss)} (${fitted(info.finalLoss < d.threshold)})`;
    const now = `≈${fmtG(info.loss, 2)} (${fitted(info.fitted)})`;
    const parts = [
      `${L[0]} = ${signed(info.x)}, ${L[1]} = ${signed(info.y)}`,
      `${d.activations[c.a]} ${thousands(d.samples)}: ${d.modes[info.finalMode]}, ${final}`,
      `${fill(ui.sample, { step: thousands(sp.steps[sp.index]) })}: ${d.modes[info.mode]}, ${now}`
    ];
    if (sp.hover) parts.push(ui.hover_cell);
    sp.cellInfo.textContent = parts.join(" · ");
    sp.cellInfo.dataset.cell = `${c.i},${c.j},${c.a}`;
  }

  // render/web/src/entries/map.js
  window.ourdl = Object.assign(window.ourdl || {}, { graph: graph_exports, train: train_exports, random: random_exports });
  mountPlayers({ sweep: (root, data2) => new SweepPlayer(root, data2, sweep_map_exports) });
})();
