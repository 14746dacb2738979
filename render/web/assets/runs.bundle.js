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
    const order2 = [];
    const state = /* @__PURE__ */ Object.create(null);
    function visit(name) {
      if (!(name in byName) || state[name] === 2) return true;
      if (state[name] === 1) return false;
      state[name] = 1;
      for (const p of byName[name].parents) if (!visit(p)) return false;
      state[name] = 2;
      order2.push(byName[name]);
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
      order: order2,
      ops: order2.map((node) => (
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

  // render/web/src/mount.js
  function mountAll(selector, format, noun, failure, running, start) {
    for (const root of document.querySelectorAll(selector)) {
      const element = (
        /** @type {HTMLElement} */
        root
      );
      if (running(element)) continue;
      try {
        const data = read(element.dataset.source);
        if (!data || data.format !== format) throw new Error(`no ${noun} data in this page`);
        start(element, data);
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
      (root, data) => {
        if (data.kind === "sweep" && players.sweep) players.sweep(
          root,
          /** @type {SweepData} */
          data
        );
        else if (data.kind === "runs" && players.runs) players.runs(
          root,
          /** @type {RunsData} */
          data
        );
        else throw new Error(`this page has no player for ${data.kind} data`);
      }
    );
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
  function pageGrid(width, panels, rule, small, margins, gap) {
    const scale = Math.max(width / rule.designWidth, rule.minTextPx / (small / 72));
    const inches = width / scale;
    for (const cols of [panels, Math.floor((panels + 1) / 2), 1]) {
      if (cols === 1 || (inches - margins - (cols - 1) * gap) / cols >= rule.minPanel) {
        return { rows: Math.ceil(panels / cols), cols, scale };
      }
    }
    throw new Error("one column always fits");
  }

  // render/web/src/sum_view.js
  var LEGEND_UNITS = 8;
  var BAND_ALPHA = 0.28;
  var POINTS_DRAWN = 2e4;
  var REACH = 100;
  function sumNodes(panel) {
    return { parts: panel.nodes.slice(0, -1), out: panel.nodes[panel.nodes.length - 1] };
  }
  function levels(parts, out) {
    const G = out.length, H = parts.length;
    const run = Array.from({ length: H }, () => new Float64Array(G));
    for (let k = 0; k < H; k++) {
      for (let g = 0; g < G; g++) run[k][g] = k === 0 ? parts[0][g] : run[k - 1][g] + parts[k][g];
    }
    const base = new Float64Array(G);
    for (let g = 0; g < G; g++) base[g] = H ? out[g] - run[H - 1][g] : out[g];
    return [base, ...run.map((r) => r.map((v, g) => base[g] + v))];
  }
  function unitsLabel(s, n) {
    return n > 1 ? fill(s.units, { first: 1, last: n }) : fill(s.unit, { first: 1 });
  }
  var cut = (v, lo, hi) => isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v > 0 ? hi : v < 0 ? lo : NaN;
  function drawSum(ctx, ax, grid, values, panel, st) {
    const { parts, out } = sumNodes(panel), hidden = st.hidden || /* @__PURE__ */ new Set();
    const lv = levels(parts.map((n) => values[n]), values[out]);
    const span = ax.ylim[1] - ax.ylim[0], lo = ax.ylim[0] - REACH * span, hi = ax.ylim[1] + REACH * span;
    const G = grid.length;
    if (!hidden.has("stack")) {
      parts.forEach((name, k) => {
        if (hidden.has(name)) return;
        const color = st.color(panel.colors[k]), c = rgb(color);
        ctx.save();
        clip(ctx, ax);
        ctx.fillStyle = `rgba(${c.join(",")},${BAND_ALPHA})`;
        let open = false;
        const bottom = [];
        const close = () => {
          for (let b = bottom.length - 1; b >= 0; b--) ctx.lineTo(bottom[b][0], bottom[b][1]);
          ctx.closePath();
          ctx.fill();
          bottom.length = 0;
          open = false;
        };
        for (let g = 0; g < G; g++) {
          const top = cut(lv[k + 1][g], lo, hi), low = cut(lv[k][g], lo, hi);
          if (!(top === top) || !(low === low)) {
            if (open) close();
            continue;
          }
          const x = ax.px(grid[g]);
          if (open) ctx.lineTo(x, ax.py(top));
          else {
            ctx.beginPath();
            ctx.moveTo(x, ax.py(top));
            open = true;
          }
          bottom.push([x, ax.py(low)]);
        }
        if (open) close();
        ctx.restore();
        line(ctx, ax, grid, lv[k + 1].map((v) => cut(v, lo, hi)), { color, width: 0.4 * st.line });
      });
      const w = 0.6 * st.line;
      line(ctx, ax, grid, lv[0], { color: st.muted, width: w, dash: [1.5 * w, 1.5 * w] });
    }
    if (!hidden.has(out)) {
      const color = st.color(panel.colors[panel.colors.length - 1]);
      line(ctx, ax, grid, values[out], { color, width: st.line });
    }
  }
  function drawPoints(ctx, ax, points, st) {
    if (!points || !points.length || st.hidden && st.hidden.has("points")) return;
    const stride = Math.ceil(points.length / POINTS_DRAWN), n = Math.ceil(points.length / stride);
    const ms = st.line * Math.min(1.6, Math.max(0.5, 1.6 * Math.sqrt(200 / n)));
    ctx.save();
    clip(ctx, ax);
    ctx.globalAlpha = 0.7;
    for (let k = 0; k < points.length; k += stride) {
      marker(ctx, ax.px(points[k][0]), ax.py(points[k][1]), ms / 2, st.target);
    }
    ctx.restore();
  }
  function legendEntries(panel, s, st, bias) {
    const { parts, out } = sumNodes(panel);
    const colors = parts.map((_, k) => st.color(panel.colors[k]));
    return [
      {
        key: "stack",
        label: fill(s.stacked, { units: unitsLabel(s, parts.length), bias: bias || s.bias }),
        color: colors[0] || st.muted,
        kind: "strip",
        colors,
        bands: true,
        keys: parts
      },
      { key: out, label: out, color: st.color(panel.colors[panel.colors.length - 1]), kind: "line" }
    ];
  }
  function compactLegend(panel, s, st) {
    if (panel.nodes.length <= LEGEND_UNITS) return null;
    const colors = panel.colors.map((c) => st.color(c));
    return {
      key: "units",
      label: unitsLabel(s, panel.nodes.length),
      color: colors[0],
      kind: "strip",
      colors,
      keys: [...panel.nodes]
    };
  }
  function unitAt(ax, grid, values, panel, px, py, near = 4) {
    if (!ax.contains(px, py)) return null;
    const x = ax.xAt(px);
    let g = 0;
    for (let k = 1; k < grid.length; k++) if (Math.abs(grid[k] - x) < Math.abs(grid[g] - x)) g = k;
    if (panel.kind === "sum") {
      const { parts, out } = sumNodes(panel), y = ax.yAt(py);
      const lv = levels(parts.map((n) => values[n]), values[out]);
      for (let k = parts.length - 1; k >= 0; k--) {
        const a = lv[k][g], b = lv[k + 1][g];
        if (y >= Math.min(a, b) && y <= Math.max(a, b) && a !== b) return parts[k];
      }
      return null;
    }
    let best = null, dist = near;
    for (const n of panel.nodes) {
      const d = Math.abs(ax.py(values[n][g]) - py);
      if (d <= dist) {
        best = n;
        dist = d;
      }
    }
    return best;
  }

  // render/web/src/layout.js
  var STACKED_ASPECT = 0.6;
  var LINE = 1.3;
  var LEGEND_COLUMN = 0.95;
  var measurer = null;
  function textWidth(str, px, fam, bold) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = font(px, fam, bold);
    return measurer.measureText(str).width;
  }
  function wrapWords(str, max, width) {
    const lines = [];
    let line2 = "";
    for (const word of str.split(" ")) {
      const next = line2 ? `${line2} ${word}` : word;
      if (line2 && width(next) > max) {
        lines.push(line2);
        line2 = word;
      } else line2 = next;
    }
    lines.push(line2);
    return lines;
  }
  function wrapCaption(caption, max, width, widest) {
    const gaps = [];
    const slot = 5.3 * width("0");
    let w = 0;
    const runs = [];
    caption.forEach(([kind, str], i) => {
      if (kind === "v") {
        w += Math.max(slot, width(str === "step" ? thousands(widest) : "0.000"));
        return;
      }
      const re = / {2,}/g;
      let last = 0, m;
      while (m = re.exec(str)) {
        w += width(str.slice(last, m.index));
        runs.push(w);
        w = 0;
        gaps.push({ piece: i, at: m.index, len: m[0].length, w: width(m[0]) });
        last = m.index + m[0].length;
      }
      w += width(str.slice(last));
    });
    runs.push(w);
    const whole = runs.reduce((a, b) => a + b, 0) + gaps.reduce((a, g) => a + g.w, 0);
    const breaks = /* @__PURE__ */ new Set();
    let line2 = runs[0], lines = 1;
    gaps.forEach((g, k) => {
      if (line2 + g.w + runs[k + 1] <= max) {
        line2 += g.w + runs[k + 1];
        return;
      }
      breaks.add(k);
      line2 = runs[k + 1];
      lines++;
    });
    if (!breaks.size) return { caption, lines, width: whole };
    const out = caption.map(([kind, str]) => (
      /** @type {CaptionPiece} */
      [kind, str]
    ));
    [...breaks].sort((a, b) => b - a).forEach((k) => {
      const g = gaps[k], str = out[g.piece][1];
      out[g.piece][1] = str.slice(0, g.at + g.len) + "\n" + str.slice(g.at + g.len);
    });
    return { caption: out, lines, width: whole };
  }
  function legendShape(items, L, pt, fam, max, want = 2) {
    const px = L.small * pt, n = items.length;
    const entry = (it) => textWidth(it.label, px, fam) + 1.6 * px + 0.8 * px;
    const wide = (cols2) => {
      const rows = Math.ceil(n / cols2);
      let w = 0;
      for (let k = 0; k < n; k += rows) w += Math.max(...items.slice(k, k + rows).map(entry)) + (k ? px : 0);
      return w;
    };
    let cols = Math.max(1, Math.min(n, n > 4 ? want : 2));
    while (cols > 1 && wide(cols) > max) cols--;
    return { cols, rows: Math.ceil(n / Math.max(1, cols)) };
  }
  function figureLayout(L, W, panels, o) {
    const g = pageGrid(W, panels, L, L.small, L.left + L.right, L.gap);
    const s = g.scale, pt = s / 72, inches = W / s, { rows, cols } = g, runs = o.heads.length;
    const aw = (inches - L.left - L.right - (cols - 1) * L.gap) / cols;
    const fontPx = L.font * pt, pitch = LINE * L.font / 72;
    const room = (inches - L.left - L.right) * s;
    const heads = o.heads.map((h) => {
      const width = (str) => textWidth(str, fontPx, o.fam);
      const labelW = textWidth(h.label, fontPx, o.fam, o.bold);
      const capW = wrapCaption(h.caption, Infinity, width, h.widest).width;
      if (labelW + 2 * fontPx + capW <= room) {
        return { label: [h.label], caption: h.caption, oneLine: true, lines: 1 };
      }
      const label = wrapWords(h.label, room, (str) => textWidth(str, fontPx, o.fam, o.bold));
      const cap = wrapCaption(h.caption, room, width, h.widest);
      return { label, caption: cap.caption, oneLine: false, lines: label.length + cap.lines };
    });
    const want = Math.max(2, Math.floor(aw / LEGEND_COLUMN));
    const legendCols = o.legends.map((items) => legendShape(items, L, pt, o.fam, (aw + L.gap) * s, want).cols);
    const legendRows = o.legends.map((items, k) => Math.ceil(items.length / legendCols[k]));
    const legendBand = (i) => {
      const most = Math.max(0, ...legendRows.filter((_, k) => Math.floor(k / cols) === i));
      const need = most * LINE * L.small / 72 + 0.1;
      return rows > 1 ? need : Math.max(L.legend + Math.max(0, most - 2) * (L.legendPitch || 0), need);
    };
    const titled = o.heads.map((_, b) => b === 0 || rows > 1);
    const titleWidth = (str) => textWidth(str, fontPx, o.fam);
    const titles = o.titles.map((t) => wrapWords(t, (aw + L.gap) * s, titleWidth));
    const titleBand = Array.from({ length: rows }, (_, i) => L.titles + pitch * (Math.max(
      1,
      ...titles.filter((_2, k) => Math.floor(k / cols) === i).map((t) => t.length)
    ) - 1));
    const above = heads.map((h, b) => (b > 0 && rows > 1 ? L.header : 0) + L.header + (h.lines - 1) * pitch);
    const under = heads.map((_, b) => Array.from(
      { length: rows },
      (_2, i) => L.ticks + (b === runs - 1 ? legendBand(i) : 0)
    ));
    let fixed = L.top;
    heads.forEach((_, b) => {
      fixed += above[b] + under[b].reduce((a, v) => a + v, 0);
      if (titled[b]) fixed += titleBand.reduce((a, v) => a + v, 0);
    });
    const ah = rows > 1 ? aw * STACKED_ASPECT : o.oneRow(inches, aw, fixed, runs);
    let y = L.top;
    const placed = [];
    const rects = heads.map((h, b) => {
      const top = y + above[b] - L.header - (h.lines - 1) * pitch;
      placed.push({
        label: h.label,
        caption: h.caption,
        oneLine: h.oneLine,
        top: (top + 0.06) * s,
        pitch: pitch * s
      });
      y += above[b];
      const tops = [];
      for (let i = 0; i < rows; i++) {
        if (titled[b]) y += titleBand[i];
        tops.push(y);
        y += ah + under[b][i];
      }
      return Array.from({ length: panels }, (_, k) => ({
        x: (L.left + k % cols * (aw + L.gap)) * s,
        y: tops[Math.floor(k / cols)] * s,
        w: aw * s,
        h: ah * s
      }));
    });
    const H = (fixed + runs * rows * ah) * s;
    return { rows, cols, s, pt, W, H, rects, heads: placed, titled, titles, pitch: pitch * s, legendCols };
  }
  function lossAxes(rect, xlim, ylim, linthresh) {
    return new Axes(rect, { xlim, ylim, xscale: "symlog", yscale: "log", linthresh });
  }
  function paletteColor(th, i) {
    const p = th.palette;
    return p[(i % p.length + p.length) % p.length];
  }
  function frameStyle(fig) {
    return { fg: fig.th.foreground, muted: fig.th.muted, font: fig.fam, tick: fig.L.small * fig.pt, s: fig.s };
  }
  function runHeader(o, L, head, row, n, color, s) {
    const name = el("div", "op-run-label", o), cap = el("div", "op-caption", o);
    head.label.forEach((line2, i) => {
      if (i) el("br", null, name);
      name.appendChild(document.createTextNode(i < head.label.length - 1 ? line2 + " " : line2));
    });
    name.style.left = `${L.left * s}px`;
    name.style.top = `${head.top}px`;
    if (head.oneLine) {
      cap.style.right = `${L.right * s}px`;
      cap.style.top = `${head.top}px`;
    } else {
      const lead = (head.pitch - L.font * s / 72) / 2, lines = head.label.length;
      for (const e of [name, cap]) {
        e.style.lineHeight = `${head.pitch}px`;
        e.style.textAlign = "left";
      }
      name.style.top = `${head.top - lead}px`;
      cap.style.left = `${L.left * s}px`;
      cap.style.top = `${head.top - lead + lines * head.pitch}px`;
    }
    const values = {};
    for (const [kind, text2] of head.caption) {
      if (kind === "v") {
        values[text2] = el("span", "op-value op-value-" + text2, cap);
        continue;
      }
      text2.split("\n").forEach((part, i) => {
        if (i) el("br", null, cap);
        if (part) el("span", null, cap, part);
      });
    }
    const last = row[n - 1].rect, warning = el("div", "op-warning", o);
    warning.style.left = `${last.x + last.w / 2}px`;
    warning.style.top = `${last.y + last.h * 0.08}px`;
    warning.style.color = color;
    return { label: name, values, warning };
  }
  var panelTitles = (d, n) => Array.from(
    { length: n },
    (_, j) => j < d.panels.length ? d.panels[j].title : d.strings.loss_title
  );
  var outputPanel = (p) => !!p.target || p.kind === "sum";
  var unitsKey = (j) => `units_${j}`;
  function legendItems(d, j, th, color, extra) {
    const items = [];
    if (j < d.panels.length) {
      const p = d.panels[j], st = { color, muted: th.muted, target: th.target, line: 1, pt: 1 };
      const many = p.kind === "sum" ? null : compactLegend(p, d.strings, st);
      if (p.kind === "sum") {
        const own = legendEntries(p, d.strings, st, p.bias);
        items.push(...own.map((e) => e.bands ? { ...e, base: th.muted } : e));
      } else if (many) items.push({ ...many, key: unitsKey(j) });
      else p.nodes.forEach((n, i) => items.push({ key: n, label: n, color: color(p.colors[i]), kind: "line" }));
      if (outputPanel(p) && d.hasTarget !== false) {
        items.push({ key: "target", label: d.strings.target, color: th.target, kind: "dash" });
      }
      if (outputPanel(p) && d.points && d.points.length) {
        items.push({ key: "points", label: d.strings.points, color: th.target, kind: "dot" });
      }
      if (extra) items.push(...extra(p));
      if (outputPanel(p)) items.push({ key: "span", label: d.strings.data, color: th.span, kind: "patch" });
    } else {
      items.push({ key: "train", label: d.strings.loss_train, color: th.muted, kind: "thin" });
      items.push({ key: "eval", label: d.strings.loss_eval, color: color(2), kind: "line" });
    }
    return items;
  }
  function legendBox(o, L, cls, ax, n, s, pt, cols = 2) {
    const box = el("div", cls, o);
    box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
    box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
    box.style.fontSize = `${L.small * pt}px`;
    box.style.gridTemplateRows = `repeat(${Math.ceil(n / Math.max(1, cols))}, auto)`;
    return box;
  }
  function keepInside(box, W) {
    const w = box.offsetWidth, centre = parseFloat(box.style.left);
    if (centre - w / 2 >= 0 && centre + w / 2 <= W) return;
    box.style.left = `${Math.max(0, Math.min(W - w, centre - w / 2))}px`;
    box.style.transform = "none";
  }
  function swatch(parent, L, it, pt) {
    const sw = el("span", "op-swatch op-swatch-" + it.kind, parent);
    sw.style.width = `${1.6 * L.small * pt}px`;
    if (it.kind === "strip") {
      const h = 0.8 * L.small * pt, n = Math.max(1, it.colors.length);
      Object.assign(sw.style, {
        display: "inline-flex",
        alignItems: "flex-end",
        height: `${h}px`,
        border: "0",
        borderBottom: it.base ? `1px dashed ${it.base}` : "0",
        verticalAlign: "middle"
      });
      for (const c of it.colors) {
        const box = el("span", null, sw);
        const [r, g, b] = rgb(c);
        Object.assign(box.style, {
          display: "block",
          flex: "1 1 0",
          width: `${100 / n}%`,
          height: "100%",
          backgroundColor: it.bands ? `rgba(${r},${g},${b},${BAND_ALPHA})` : c,
          borderTop: it.bands ? `1px solid ${c}` : "0",
          boxSizing: "border-box"
        });
      }
      return;
    }
    if (it.kind === "patch") sw.style.backgroundColor = it.color;
    else sw.style.borderTopColor = it.color;
    if (it.kind === "dot") {
      Object.assign(sw.style, {
        width: `${2.2 * L.line * pt}px`,
        height: `${2.2 * L.line * pt}px`,
        border: "0",
        borderRadius: "50%",
        backgroundColor: it.color,
        margin: `0 ${0.8 * L.small * pt}px`
      });
    } else if (it.kind !== "patch") {
      sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
    }
  }
  function smallestTextPx(canvases, overlay) {
    let least = Math.min(...canvases.map(smallestText));
    for (const e of overlay.querySelectorAll("*")) {
      const own = [...e.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim() !== "");
      if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
    }
    return least;
  }

  // render/web/src/player_hover.js
  function locate(player, e) {
    const rect = player.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left, py = e.clientY - rect.top;
    for (let k = 0; k < player.axes.length; k++) {
      for (let j = 0; j < player.axes[k].length; j++) {
        if (player.axes[k][j].contains(px, py)) return { k, j, px, py };
      }
    }
    return null;
  }
  function nearestGrid(player, x) {
    const g = player.xs;
    let lo = 0, hi = g.length - 1;
    while (hi - lo > 1) {
      const mid = lo + hi >> 1;
      if (g[mid] <= x) lo = mid;
      else hi = mid;
    }
    return Math.abs(g[hi] - x) < Math.abs(g[lo] - x) ? hi : lo;
  }
  function nearestSnapshot(player, ax, px) {
    let best = 0, dist = Infinity;
    for (let s = 0; s < player.S; s++) {
      const dd = Math.abs(ax.px(player.steps[s]) - px);
      if (dd < dist) {
        dist = dd;
        best = s;
      }
    }
    return best;
  }
  function onMove(player, e) {
    const at = locate(player, e);
    if (!at) {
      if (player.hover) {
        player.hover = null;
        player.tip.hidden = true;
        player.draw();
      }
      return;
    }
    const ax = player.axes[at.k][at.j], panels = player.d.panels;
    if (at.j < panels.length && panels[at.j].kind === "surface") {
      player.hover = {
        kind: "surface",
        k: at.k,
        j: at.j,
        x: ax.xAt(at.px),
        y: ax.yAt(at.py),
        px: at.px,
        py: at.py
      };
    } else if (at.j < panels.length) {
      player.hover = {
        kind: "x",
        k: at.k,
        j: at.j,
        g: nearestGrid(player, ax.xAt(at.px)),
        px: at.px,
        py: at.py
      };
    } else {
      player.hover = { kind: "loss", k: at.k, s: nearestSnapshot(player, ax, at.px), px: at.px, py: at.py };
    }
    player.draw();
  }
  function onTap(player, e) {
    const at = locate(player, e);
    if (e.pointerType !== "mouse") onMove(player, e);
    if (at && at.j === player.d.panels.length) {
      player.controls.pause();
      player.controls.seek(nearestSnapshot(player, player.axes[at.k][at.j], at.px), true);
    }
  }
  function lossAxis(player, e) {
    const at = locate(player, e);
    if (!at || at.j !== player.d.panels.length) return null;
    const ax = player.axes[at.k][at.j];
    return (m) => nearestSnapshot(
      player,
      ax,
      m.clientX - player.canvas.getBoundingClientRect().left
    );
  }
  function onLeave(player) {
    if (player.hover) {
      player.hover = null;
      player.tip.hidden = true;
      player.draw();
    }
  }
  function hoverUnit(player, values) {
    const h = player.hover;
    if (!h || h.kind !== "x" || h.j === void 0) return null;
    const p = player.rowPanel(player.rows()[h.k], h.j);
    const shown = { ...p, nodes: p.nodes.filter((n2) => !player.isHidden(n2, h.j)) };
    if (p.kind === "sum" && player.isHidden(p.nodes[0], h.j)) return null;
    const n = unitAt(player.axes[h.k][h.j], player.xs, values, p.kind === "sum" ? p : shown, h.px, h.py);
    return n && !player.isHidden(n, h.j) ? n : null;
  }
  function readout(player) {
    const h = player.hover, d = player.d, th = player.th;
    if (!h) return null;
    const r = player.rows()[h.k];
    const lines = [];
    if (h.kind === "x") {
      const values = player.drawn(r, player.index);
      lines.push({ text: `${d.ui.x} = ${fmtG(player.xs[h.g], 4)}` });
      const under = hoverUnit(player, values), listed = /* @__PURE__ */ new Set();
      d.panels.forEach((full, j) => {
        const p = player.rowPanel(r, j);
        const many = p.kind === "sum" || full.nodes.length > LEGEND_UNITS;
        p.nodes.forEach((n, c) => {
          const named = !many || n === under || p.kind === "sum" && n === sumNodes(p).out;
          if (player.isHidden(n, j) || !named || listed.has(n)) return;
          listed.add(n);
          const v = values[n][h.g];
          lines.push({ color: player.color(p.colors[c]), text: `${n} = ${fmtG(v, 5)}`, node: n, value: v });
        });
      });
      const t = player.target[h.g];
      if (d.panels.some((p) => p.target) && d.hasTarget !== false && !player.hidden.has("target")) {
        lines.push({ color: th.target, text: `${d.targetName} = ${fmtG(t, 5)}`, node: "target", value: t });
      }
    } else if (h.kind === "surface") {
      const names = d.panels[h.j].names, what = fill(d.strings.surface_at, { target: d.targetName });
      lines.push({ text: `${names[0]} = ${fmtG(h.x, 4)}, ${names[1]} = ${fmtG(h.y, 4)}` });
      lines.push({
        color: d.surface.colors[0],
        text: `${what} = ${fmtG(player.panelDrawing.lossAt(player, h.x, h.y), 4)}`
      });
    } else {
      lines.push({ text: fill(d.ui.sample, { step: thousands(player.steps[h.s]) }) });
      lines.push({ color: th.muted, text: `${d.strings.loss_train}: ${number(player.loss("train", r, h.s))}` });
      lines.push({
        color: player.color(2),
        text: `${d.strings.loss_eval}: ${number(player.loss("eval", r, h.s))}`
      });
    }
    const index = h.kind === "x" ? h.g : h.kind === "loss" ? h.s : null;
    return { run: r, x: h.kind === "x" ? player.xs[h.g] : null, index, lines };
  }
  function showTip(player) {
    const info = readout(player), tip = player.tip, h = player.hover;
    tip.textContent = "";
    el("div", "op-tip-run", tip, player.d.runs[info.run].label);
    for (const line2 of info.lines) {
      const row = el("div", "op-tip-line", tip);
      if (line2.color) el("span", "op-tip-dot", row).style.backgroundColor = line2.color;
      el("span", null, row, line2.text);
    }
    tip.hidden = false;
    const w = tip.offsetWidth, hgt = tip.offsetHeight;
    const x = h.px + 14 + w > player.W ? h.px - 14 - w : h.px + 14;
    const y = Math.min(Math.max(0, h.py - hgt / 2), player.H - hgt);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
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
    const big = Math.max(Math.abs(vmin), Math.abs(vmax));
    if (vmax - vmin <= big * 1e-14) {
      if (big === 0) {
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

  // render/web/src/runs_figure.js
  function panelTitle(ctx, fig, ax, lines) {
    lines.forEach((line2, i) => text(
      ctx,
      line2,
      ax.rect.x + ax.rect.w / 2,
      ax.rect.y - 3 * fig.pt - (lines.length - 1 - i) * fig.lay.pitch,
      {
        font: font(fig.L.font * fig.pt, fig.fam),
        color: fig.th.foreground,
        align: "center",
        baseline: "bottom"
      }
    ));
  }
  function drawStatic(fig, rows) {
    const ctx = fig.bg.getContext("2d"), d = fig.d, th = fig.th, pt = fig.pt, L = fig.L;
    forgetText(fig.bg);
    ctx.setTransform(fig.dpr, 0, 0, fig.dpr, 0, 0);
    ctx.fillStyle = th.background;
    ctx.fillRect(0, 0, fig.W, fig.H);
    const st = frameStyle(fig), labelPx = L.small * pt;
    fig.axes.forEach((row, k) => {
      row.forEach((ax, j) => {
        if (j < d.panels.length) {
          const p = d.panels[j];
          if (p.kind === "surface") {
            rows.surface(ctx, ax, k, p);
          } else {
            if (!fig.hidden.has("span")) vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
            hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
          }
          if (outputPanel(p) && d.hasTarget !== false && !fig.hidden.has("target")) {
            line(ctx, ax, rows.grid, rows.target, {
              color: th.target,
              width: L.line * 0.8 * pt,
              dash: [4 * L.line * 0.8 * pt, 3 * L.line * 0.8 * pt]
            });
          }
          if (outputPanel(p) && rows.points && rows.style) drawPoints(ctx, ax, rows.points, rows.style);
          frame(ctx, ax, st, { x: linearTicks(ax, "x", null, labelPx), y: linearTicks(ax, "y", 5, labelPx) });
          if (fig.titled[k]) panelTitle(ctx, fig, ax, fig.lay.titles[j]);
        } else {
          lossStatic(ctx, fig, ax, rows.losses(k));
          if (fig.titled[k]) panelTitle(ctx, fig, ax, fig.lay.titles[j]);
        }
      });
    });
  }
  function lossStatic(ctx, fig, ax, losses) {
    const th = fig.th, pt = fig.pt;
    if (!fig.hidden.has("train")) {
      line(ctx, ax, ...losses.train, { color: th.muted, width: 0.6 * pt, alpha: 0.6 });
    }
    if (!fig.hidden.has("eval")) {
      line(ctx, ax, ...losses.eval, { color: paletteColor(th, 2), width: fig.L.line * 0.9 * pt, alpha: 0.3 });
    }
    frame(
      ctx,
      ax,
      frameStyle(fig),
      { x: sampleTicks(ax), y: logTicks(ax, "y", [1, 2, 5], fig.L.small * pt), minor: [1.5, 0.4] }
    );
  }
  function axesReport(fig) {
    return fig.axes.flatMap((row, k) => row.map((ax, j) => report(
      `${k}: ${j < fig.d.panels.length ? fig.d.panels[j].title : fig.d.strings.loss_title}`,
      ax
    )));
  }
  function showCaption(fig, k, step, train, ev, divergedAt) {
    const gone = divergedAt !== null && divergedAt !== void 0 && step >= divergedAt;
    const cap = fig.captions[k];
    if (cap.step) cap.step.textContent = thousands(step);
    if (cap.train) cap.train.textContent = number(gone ? NaN : train);
    if (cap.eval) cap.eval.textContent = number(gone ? NaN : ev);
    fig.warnings[k].textContent = gone ? fill(fig.d.strings.diverged, { step: divergedAt }) : "";
  }

  // render/web/src/player_draw.js
  function buildOverlay(player) {
    const o = player.overlay, d = player.d, L = player.L, s = player.s, pt = player.pt, lay = player.lay;
    o.textContent = "";
    o.style.fontSize = `${L.font * pt}px`;
    player.captions = [];
    player.warnings = [];
    player.rows().forEach((r, k) => {
      const head = runHeader(o, L, lay.heads[k], player.axes[k], d.panels.length, player.color(3), s);
      if (d.lang === "zh") head.label.style.fontWeight = "normal";
      player.captions.push(head.values);
      player.warnings.push(head.warning);
    });
    player.axes[player.axes.length - 1].forEach((ax, j) => {
      const items = player.legend(j);
      const box = legendBox(o, L, "op-legend", ax, items.length, s, pt, lay.legendCols[j]);
      for (const it of items) {
        const b = el("button", "op-entry", box);
        b.type = "button";
        b.dataset.key = it.key;
        b.setAttribute("aria-pressed", player.hidden.has(it.key) ? "false" : "true");
        if (player.hidden.has(it.key)) b.classList.add("op-off");
        swatch(b, L, it, pt);
        el("span", "op-entry-label", b, it.label);
        b.addEventListener("click", (e) => {
          e.stopPropagation();
          player.toggle(it.key);
        });
      }
      keepInside(box, player.W);
    });
  }
  function drawFrame(player) {
    if (!player.axes) return false;
    const ctx = player.canvas.getContext("2d"), d = player.d, th = player.th, pt = player.pt, L = player.L;
    const i = player.index, step = player.steps[i];
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(player.bg, 0, 0);
    ctx.setTransform(player.dpr, 0, 0, player.dpr, 0, 0);
    player.rows().forEach((r, k) => {
      const row = player.axes[k];
      const values = player.drawn(r, i);
      d.panels.forEach((full, j) => {
        const p = player.rowPanel(r, j);
        if (p.kind === "sum") {
          drawSum(ctx, row[j], player.xs, values, p, player.sumStyle());
        } else {
          p.nodes.forEach((n, c) => {
            if (!player.isHidden(n, j)) {
              line(ctx, row[j], player.xs, values[n], { color: player.color(p.colors[c]), width: L.line * pt });
            }
          });
        }
        if (p.kind === "data" || p.kind === "surface") player.panelDrawing.draw(player, ctx, row[j], r, i, p);
      });
      const ax = row[d.panels.length];
      const ev = player.loss("eval", r, i);
      if (ax) {
        if (!player.hidden.has("eval")) {
          line(
            ctx,
            ax,
            player.steps,
            player.evalLoss.subarray(r * player.S, (r + 1) * player.S),
            { color: player.color(2), width: L.line * 0.9 * pt, to: i + 1 }
          );
        }
        const x = ax.px(step);
        vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
        if (!player.hidden.has("eval") && ev > 0) {
          marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, player.color(2), th.background, 0.8 * pt);
        }
      }
      showCaption(player, k, step, player.loss("train", r, i), ev, d.runs[r].divergedAt);
      if (player.hover && player.hover.k === k) drawHover(player, ctx, k, values);
    });
    return true;
  }
  function drawHover(player, ctx, k, values) {
    const h = player.hover, d = player.d, pt = player.pt, th = player.th;
    const guide = { color: th.foreground, width: 0.6 * pt, alpha: 0.5, dash: [2 * pt, 2 * pt] };
    if (h.kind === "x") {
      const x = player.xs[h.g], r = player.rows()[k], under = hoverUnit(player, values);
      d.panels.forEach((full, j) => {
        if (full.kind === "surface") return;
        const ax = player.axes[k][j], p = player.rowPanel(r, j);
        const only = p.kind === "sum" ? sumNodes(p).out : full.nodes.length > LEGEND_UNITS ? under : null;
        vline(ctx, ax, x, guide);
        p.nodes.forEach((n, c) => {
          if (player.isHidden(n, j) || only !== null && n !== only) return;
          const y = ax.py(values[n][h.g]);
          if (ax.contains(ax.px(x), y)) {
            marker(ctx, ax.px(x), y, 2.2 * pt, player.color(p.colors[c]), th.background, 0.8 * pt);
          }
        });
      });
    } else if (h.kind === "loss") {
      vline(ctx, player.axes[k][d.panels.length], player.steps[h.s], guide);
    }
  }

  // render/web/src/backprop_panel.js
  var TICK_PX = 11.5;
  var TITLE_PX = 13;
  var OutputPanel = class {
    /** @param {HTMLElement} parent @param {PanelSource} src */
    constructor(parent, src) {
      this.src = src;
      this.element = el("div", "bp-panel", parent);
      this.canvas = el("canvas", "bp-canvas", this.element);
      this.canvas.setAttribute("role", "img");
      this.canvas.setAttribute("aria-label", src.title);
      this.legend = el("div", "bp-legend", this.element);
      this.program = compile(src.graph, src.grid.length);
      if (!this.program) throw new Error("the page cannot evaluate this graph");
      this.label = src.target || new Float64Array(src.grid.length);
      this.curves = null;
      this.state = { after: false, output: false };
    }
    /** The output over the grid with these parameters (update order). @param {number[]} params */
    output(params) {
      const values = evaluate(this.program, Float64Array.from(params), 0, this.src.grid, this.label);
      return Float64Array.from(values[this.program.index[this.src.graph.output]]);
    }
    /** Take a step's numbers (the dict). @param {any} step @param {(v: unknown) => number} val */
    set(step, val2) {
      const names = step.order;
      this.curves = {
        before: this.output(names.map((n) => val2(step.params[n].before))),
        after: this.output(names.map((n) => val2(step.params[n].after))),
        x: val2(step.x),
        label: val2(step.label),
        y: val2(step.nodes[step.output].value)
      };
    }
    /** Lay the panel out at `width` CSS px and draw it. @param {number} width */
    layout(width) {
      this.width = width;
      this.height = Math.round(Math.max(190, Math.min(330, width * 0.58)));
      this.dpr = sizeCanvases([this.canvas], this.element, width, this.height);
      this.element.style.height = "";
      this.draw();
    }
    /** What the current position shows: the curve after the step, the output at x.
     * @param {boolean} after @param {boolean} output */
    show(after, output) {
      this.state = { after, output };
      this.draw();
    }
    draw() {
      if (!this.curves || !this.width) return;
      const c = this.curves, src = this.src, th = src.th, W = this.width, H = this.height;
      const ctx = this.canvas.getContext("2d");
      forgetText(this.canvas);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, W, H);
      const [lo, hi] = this.ylim();
      const rect = { x: 46, y: TITLE_PX + 12, w: W - 56, h: H - TITLE_PX - 12 - 28 };
      const ax = new Axes(rect, { xlim: src.xRange, ylim: [lo, hi] });
      text(ctx, src.title, rect.x, TITLE_PX, { font: font(TITLE_PX, src.fam, true), color: th.foreground });
      frame(
        ctx,
        ax,
        { fg: th.foreground, muted: th.muted, font: src.fam, tick: TICK_PX, s: 96 },
        { x: linearTicks(ax, "x", null, TICK_PX), y: linearTicks(ax, "y", 5, TICK_PX) }
      );
      const out = th.palette[2], pt = 96 / 72;
      if (src.target) line(ctx, ax, src.grid, src.target, { color: th.target, width: 1.6 * pt, dash: [4, 3] });
      for (const p of src.points || []) marker(ctx, ax.px(p[0]), ax.py(p[1]), 2.2, th.muted);
      line(ctx, ax, src.grid, c.before, { color: out, width: 1.8 * pt });
      if (this.state.after) {
        line(ctx, ax, src.grid, c.after, { color: th.palette[3], width: 1.8 * pt, dash: [5, 3] });
      }
      const px = ax.px(c.x);
      if (this.state.output) {
        ctx.save();
        ctx.strokeStyle = th.muted;
        ctx.setLineDash([2, 2]);
        ctx.beginPath();
        ctx.moveTo(px, ax.py(c.label));
        ctx.lineTo(px, ax.py(c.y));
        ctx.stroke();
        ctx.restore();
        marker(ctx, px, ax.py(c.y), 4.5, out, th.background, 1.2);
      }
      marker(ctx, px, ax.py(c.label), 5, th.foreground, th.background, 1.5);
      this.fillLegend();
    }
    /** The y limits: the target, both curves and the sample, padded; a flat view widened. */
    ylim() {
      const c = this.curves, src = this.src;
      let lo = Infinity, hi = -Infinity;
      const take = (v) => {
        for (let i = 0; i < v.length; i++) {
          if (isFinite(v[i])) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
          }
        }
      };
      if (src.target) take(src.target);
      for (const p of src.points || []) take([p[1]]);
      take(c.before);
      take(c.after);
      take([c.label, c.y]);
      if (!(hi > lo)) {
        lo = (isFinite(lo) ? lo : 0) - 1;
        hi = (isFinite(hi) ? hi : 0) + 1;
      }
      const pad = (hi - lo) * 0.08;
      return [lo - pad, hi + pad];
    }
    fillLegend() {
      const w = this.src.words, th = this.src.th, l = this.legend;
      l.textContent = "";
      const entry = (color, label, kind) => {
        const e = el("span", "bp-entry", l);
        const sw = el("span", "bp-swatch " + kind, e);
        sw.style.setProperty("--bp-color", color);
        el("span", null, e, label);
      };
      entry(th.foreground, w.bp_point, "bp-dot");
      entry(th.palette[2], w.bp_before, "bp-solid");
      if (this.state.after) entry(th.palette[3], w.bp_after, "bp-dashed");
      const target = !!this.src.target;
      entry(target ? th.target : th.muted, target ? w.bp_target : w.bp_points, target ? "bp-dashed" : "bp-dot");
    }
    /** The smallest font px drawn (tests). */
    minTextPx() {
      const legend = parseFloat(getComputedStyle(this.legend).fontSize);
      return Math.min(smallestText(this.canvas), legend);
    }
  };

  // render/web/src/backprop_layout.js
  function layoutGraph(g) {
    const names = g.order && g.order.length ? g.order.map(String) : [g.input, g.label, ...g.params, ...g.nodes.map((n) => n.name)];
    const parents = /* @__PURE__ */ Object.create(null);
    for (const n of names) parents[n] = [];
    for (const n of g.nodes) parents[n.name] = n.parents.map(String);
    return { names, parents };
  }
  function childrenOf(g) {
    const out = /* @__PURE__ */ Object.create(null);
    for (const n of g.names) out[n] = [];
    for (const n of g.names) for (const p of new Set(g.parents[n])) out[p].push(n);
    return out;
  }
  function layers(g) {
    const children = childrenOf(g);
    const depth = /* @__PURE__ */ Object.create(null);
    const of = (name) => {
      if (!(name in depth)) {
        const ps = g.parents[name];
        depth[name] = ps.length ? 1 + Math.max(...ps.map(of)) : 0;
      }
      return depth[name];
    };
    for (const n of g.names) of(n);
    for (const n of g.names) {
      if (!g.parents[n].length && children[n].length) {
        depth[n] = Math.max(0, Math.min(...children[n].map((c) => depth[c])) - 1);
      }
    }
    const lowest = g.names.length ? Math.min(...g.names.map((n) => depth[n])) : 0;
    const out = /* @__PURE__ */ Object.create(null);
    for (const n of g.names) out[n] = depth[n] - lowest;
    return out;
  }
  var sum = (v) => v.reduce((a, b) => a + b, 0);
  function order(g, layer, sweeps = 8) {
    const children = childrenOf(g);
    const nCols = Math.max(0, ...g.names.map((n) => layer[n])) + 1;
    const cols = Array.from({ length: nCols }, (_, c) => g.names.filter((n) => layer[n] === c));
    const neighbours = /* @__PURE__ */ Object.create(null);
    for (const n of g.names) neighbours[n] = [...g.parents[n], ...children[n]];
    const positions2 = () => {
      const pos = /* @__PURE__ */ Object.create(null);
      for (const col of cols) col.forEach((n, i) => {
        pos[n] = i - (col.length - 1) / 2;
      });
      return pos;
    };
    const place = (col, pos) => {
      const keyed = col.map((n, i) => {
        const near = neighbours[n].filter((m) => m in pos && layer[m] !== layer[n]).map((m) => pos[m]);
        return { n, key: near.length ? sum(near) / near.length : n in pos ? pos[n] : i };
      });
      keyed.sort((a, b) => a.key - b.key);
      return keyed.map((k) => k.n);
    };
    for (let sweep = 0; sweep < sweeps; sweep++) {
      if (sweep % 2 === 0) for (let c = 1; c < nCols; c++) cols[c] = place(cols[c], positions2());
      else for (let c = nCols - 2; c >= 0; c--) cols[c] = place(cols[c], positions2());
    }
    return cols;
  }
  function spread(wanted, gap) {
    const ys = wanted.slice();
    for (let i = 1; i < ys.length; i++) ys[i] = Math.min(ys[i], ys[i - 1] - gap);
    const shift = ys.length ? (sum(wanted) - sum(ys)) / ys.length : 0;
    return ys.map((v) => v + shift);
  }
  function coordinates(g, cols, dx = 1.9, dy = 1) {
    const children = childrenOf(g);
    const y = /* @__PURE__ */ Object.create(null);
    for (const col of cols) col.forEach((n, i) => {
      y[n] = -(i - (col.length - 1) / 2) * dy;
    });
    for (let round = 0; round < 4; round++) {
      for (const col of cols) {
        const inCol = new Set(col);
        const wanted = col.map((n) => {
          const near = [...g.parents[n], ...children[n]].filter((m) => !inCol.has(m)).map((m) => y[m]);
          return near.length ? sum(near) / near.length : y[n];
        });
        spread(wanted, dy).forEach((v, i) => {
          y[col[i]] = v;
        });
      }
    }
    const out = /* @__PURE__ */ Object.create(null);
    cols.forEach((col, c) => {
      for (const n of col) out[n] = [c * dx, y[n]];
    });
    return out;
  }
  function layout(g, layer) {
    const cols = order(g, layer || layers(g));
    return { columns: cols, xy: coordinates(g, cols) };
  }

  // render/web/src/backprop_diagram.js
  var SVG = "http://www.w3.org/2000/svg";
  var NAME_PX = 13;
  var NUMBER_PX = 11.5;
  var BOX_H = 46;
  var GAP_Y = 12;
  var PAD = 6;
  var MIN_BOX = 74;
  function svg(tag, attrs, parent, text2) {
    const e = (
      /** @type {SVGElement} */
      document.createElementNS(SVG, tag)
    );
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text2 !== void 0) e.textContent = text2;
    if (parent) parent.appendChild(e);
    return e;
  }
  var short = (v) => v === null ? "" : fmtG(v, 4).replace("-", "−");
  var Diagram = class {
    /**
     * @param {HTMLElement} parent @param {FoldedGraph} g  the graph to draw (folded)
     * @param {{color: (name: string) => string | null, fg: string, muted: string, bg: string,
     *   accent: string, words: Record<string, string>}} look
     */
    constructor(parent, g, look) {
      this.g = g;
      this.look = look;
      this.holder = parent;
      const lay = layout(g.layout, g.layer);
      this.xy = lay.xy;
      this.cols = lay.columns.length;
      this.svg = svg("svg", { class: "bp-graph", role: "img" }, parent);
      this.svg.setAttribute("aria-label", look.words.graph || "computation graph");
      this.boxes = {};
      this.edges = {};
      this.width = 0;
    }
    /** Lay the diagram out for `width` CSS px (nodes, edges, arrowheads), no narrower than its boxes need
     * side by side (a narrower holder scrolls sideways: a phone); returns its height.
     * @param {number} width */
    draw(width) {
      width = Math.max(width, 2 * PAD + this.cols * MIN_BOX / 0.74);
      this.width = width;
      const s = this.svg, g = this.g, xy = this.xy;
      s.textContent = "";
      const names = Object.keys(xy);
      const xs = names.map((n) => xy[n][0]), ys = names.map((n) => xy[n][1]);
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      const bw = this.boxW = Math.max(
        MIN_BOX,
        Math.min(124, (width - 2 * PAD) / Math.max(1, this.cols) * 0.74)
      );
      const sx = x1 > x0 ? (width - 2 * PAD - bw) / (x1 - x0) : 0;
      const sy = BOX_H + GAP_Y;
      const height = Math.ceil((y1 - y0) * sy + BOX_H + 2 * PAD);
      this.at = (n) => [PAD + bw / 2 + (xy[n][0] - x0) * sx, PAD + BOX_H / 2 + (y1 - xy[n][1]) * sy];
      s.setAttribute("width", String(width));
      s.setAttribute("height", String(height));
      s.setAttribute("viewBox", `0 0 ${width} ${height}`);
      const defs = svg("defs", {}, s);
      const marker2 = svg("marker", {
        id: "bp-arrow",
        viewBox: "0 0 10 10",
        refX: 10,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: "auto-start-reverse"
      }, defs);
      svg("path", { d: "M0,0 L10,5 L0,10 z", class: "bp-arrowhead" }, marker2);
      const edgeLayer = svg("g", { class: "bp-edges" }, s);
      const boxLayer = svg("g", { class: "bp-boxes" }, s);
      const labelLayer = svg("g", { class: "bp-labels" }, s);
      this.edges = {};
      for (const child of names) {
        for (const parent of g.layout.parents[child]) {
          const [px, py] = this.at(parent), [cx, cy] = this.at(child);
          const line2 = svg("line", {
            x1: px + bw / 2,
            y1: py,
            x2: cx - bw / 2 - 1,
            y2: cy,
            class: "bp-edge",
            "marker-end": "url(#bp-arrow)"
          }, edgeLayer);
          const label = svg("text", {
            x: (px + bw / 2 + cx - bw / 2) / 2,
            y: (py + cy) / 2 + NUMBER_PX + 2,
            class: "bp-edge-label",
            "text-anchor": "middle",
            "font-size": NUMBER_PX
          }, labelLayer, "");
          this.edges[`${parent}>${child}`] = { line: line2, label };
        }
      }
      this.boxes = {};
      for (const n of names) {
        const [cx, cy] = this.at(n), colour = this.look.color(n);
        const group = svg("g", { class: "bp-node " + g.roles[n] }, boxLayer);
        const box = svg("rect", {
          x: cx - bw / 2,
          y: cy - BOX_H / 2,
          width: bw,
          height: BOX_H,
          rx: g.roles[n] === "bp-parameter" ? 2 : 7,
          class: "bp-box"
        }, group);
        if (colour) {
          box.style.setProperty("--bp-color", colour);
          group.classList.add("bp-colored");
        }
        svg(
          "text",
          { x: cx, y: cy - 9, class: "bp-name", "text-anchor": "middle", "font-size": NAME_PX },
          group,
          g.titles[n] || n
        );
        const value2 = svg("text", {
          x: cx,
          y: cy + 5,
          class: "bp-value",
          "text-anchor": "middle",
          "font-size": NUMBER_PX
        }, group, "");
        const grad = svg("text", {
          x: cx,
          y: cy + 18,
          class: "bp-grad",
          "text-anchor": "middle",
          "font-size": NUMBER_PX
        }, group, "");
        this.boxes[n] = { box, value: value2, grad, group };
      }
      return height;
    }
    /** Show a position's state. @param {DiagramState} st */
    show(st) {
      const w = this.look.words;
      for (const [n, b] of Object.entries(this.boxes)) {
        const v = st.values[n], gr = st.grads[n], after = st.after[n];
        const done = v !== null && v !== void 0;
        b.group.classList.toggle("bp-pending", !done);
        b.group.classList.toggle("bp-current", st.current === n);
        b.value.textContent = after !== null && after !== void 0 ? `→ ${short(after)}` : done ? short(v) : "";
        b.grad.textContent = gr !== null && gr !== void 0 ? `${w.bp_d} ${short(gr)}` : "";
        b.group.classList.toggle("bp-has-grad", gr !== null && gr !== void 0);
        b.group.classList.toggle("bp-updated", after !== null && after !== void 0);
      }
      for (const e of Object.values(this.edges)) {
        e.line.classList.remove("bp-read", "bp-back");
        e.label.textContent = "";
      }
      for (const r of st.reads) {
        const e = this.edges[`${r.from}>${r.to}`];
        if (!e) continue;
        e.line.classList.add(st.phase === "backward" ? "bp-back" : "bp-read");
        if (r.label !== null) e.label.textContent = r.label;
      }
    }
    /** The smallest font px of the diagram's text (tests hold it to the pages' 11 px). */
    minTextPx() {
      let least = Infinity;
      for (const t of this.svg.querySelectorAll("text")) {
        if (!t.textContent) continue;
        least = Math.min(least, parseFloat(getComputedStyle(t).fontSize));
      }
      return least;
    }
  };

  // render/web/src/backprop_fold.js
  var FOLD_AT = 8;
  var KEEP_FIRST = 2;
  function roles(g, names) {
    const params = new Set(g.params), out = /* @__PURE__ */ Object.create(null);
    for (const n of names) {
      out[n] = n === g.input ? "input" : n === g.label ? "label" : params.has(n) ? "parameter" : n === g.output ? "output" : n === g.loss ? "loss" : "op";
    }
    return out;
  }
  function foldGraph(g, lg, words) {
    const role = roles(g, lg.names), P = lg.parents;
    const children = /* @__PURE__ */ Object.create(null);
    for (const n of lg.names) children[n] = [];
    for (const n of lg.names) for (const p of new Set(P[n])) children[p].push(n);
    const acts = lg.names.filter((n) => P[n].length === 1 && role[n] === "op");
    const actSet = new Set(acts);
    const level = /* @__PURE__ */ Object.create(null);
    const depth = (n) => {
      if (!(n in level)) level[n] = Math.max(0, ...P[n].map(depth)) + (actSet.has(n) ? 1 : 0);
      return level[n];
    };
    const byLayer = /* @__PURE__ */ new Map();
    for (const a of acts) {
      const l = depth(a);
      if (!byLayer.has(l)) byLayer.set(l, []);
      byLayer.get(l).push(a);
    }
    const folded = /* @__PURE__ */ new Set();
    for (const list of byLayer.values()) {
      if (list.length >= FOLD_AT) for (const a of list.slice(KEEP_FIRST, -1)) folded.add(a);
    }
    const ancestors = (n) => {
      const seen = /* @__PURE__ */ new Set(), todo = [...P[n]];
      while (todo.length) {
        const m = todo.pop();
        if (!seen.has(m) && !folded.has(m)) {
          seen.add(m);
          todo.push(...P[m]);
        }
      }
      return seen;
    };
    const keptUp = /* @__PURE__ */ new Set();
    for (const a of acts) if (!folded.has(a)) {
      keptUp.add(a);
      for (const m of ancestors(a)) keptUp.add(m);
    }
    const into = /* @__PURE__ */ Object.create(null);
    const units = /* @__PURE__ */ Object.create(null);
    const hiddenBy = /* @__PURE__ */ Object.create(null);
    for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
      const list = byLayer.get(l), hidden = list.filter((a) => folded.has(a));
      if (!hidden.length) continue;
      const box = `fold_${l}`;
      units[box] = hidden.map((a) => list.indexOf(a) + 1);
      const mine = /* @__PURE__ */ new Set();
      for (const a of hidden) {
        mine.add(a);
        for (const m of ancestors(a)) {
          if (!keptUp.has(m) && role[m] !== "input" && role[m] !== "label") mine.add(m);
        }
        for (const c of children[a]) {
          mine.add(c);
          for (const p of P[c]) if (role[p] === "parameter") mine.add(p);
        }
      }
      hiddenBy[box] = lg.names.filter((n) => mine.has(n));
      for (const n of hiddenBy[box]) into[n] = box;
    }
    const names = [];
    const parents = /* @__PURE__ */ Object.create(null);
    for (const box of Object.keys(hiddenBy)) parents[box] = [];
    for (const n of lg.names) {
      const box = into[n], outside = P[n].map((p) => into[p] || p);
      if (box === void 0) {
        names.push(n);
        parents[n] = [...new Set(outside)];
      } else {
        for (const p of outside) if (p !== box && !parents[box].includes(p)) parents[box].push(p);
        if (hiddenBy[box][0] === n) names.push(box);
      }
    }
    const drawn = new Set(names);
    for (const box of Object.keys(hiddenBy)) parents[box] = parents[box].filter((p) => drawn.has(p));
    const folding = { names, parents };
    const roleOf = /* @__PURE__ */ Object.create(null), titles = /* @__PURE__ */ Object.create(null);
    for (const n of names) {
      roleOf[n] = n in hiddenBy ? "fold" : role[n];
      if (n in hiddenBy) {
        const u = units[n];
        titles[n] = words.bp_fold.replace("{from}", String(u[0])).replace("{to}", String(u[u.length - 1]));
      }
    }
    const layer = foldedLayers(folding, roleOf);
    const classes = Object.fromEntries(names.map((n) => [n, "bp-" + roleOf[n]]));
    return { layout: folding, roles: classes, titles, into, units, layer };
  }
  function foldedLayers(g, role) {
    const layer = layers(g);
    for (const n of g.names) {
      if (role[n] !== "fold") continue;
      const readers = g.names.filter((c) => g.parents[c].includes(n));
      if (readers.length) layer[n] = Math.max(layer[n], Math.min(...readers.map((c) => layer[c])) - 1);
    }
    return layer;
  }

  // render/web/src/backprop_at.js
  var num = (v) => isFinite(v) ? v : v !== v ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  var val = (v) => typeof v === "number" ? v : v === null ? NaN : Number(v);
  function compute(kind, v) {
    const out = new Float64Array(1);
    OPS[kind](out, v.map((t) => Float64Array.of(t)), 1);
    return out[0];
  }
  var LOCAL = {
    Add: () => 1,
    Mul: (v, i) => v[1 - i],
    Relu: ([t]) => t > 0 ? 1 : 0,
    LeakyRelu: ([t]) => t > 0 ? 1 : 0.1,
    Step: ([t]) => t > 0 ? 0 : -1,
    Sigmoid: (v, i, s) => s * (1 - s),
    Tanh: (v, i, th) => 1 - th * th,
    ValueLoss: ([label, y], i) => {
      const sign = label - y > 0 ? 1 : -1;
      return i === 0 ? sign : -sign;
    },
    SquareLoss: ([label, y], i) => {
      const d = label - y;
      return i === 0 ? 2 * d : -2 * d;
    }
  };
  function labelIndex(labels, text2) {
    const exact = labels.indexOf(text2);
    const starts = labels.map((l, i) => l.toLowerCase().startsWith(text2.toLowerCase()) ? i : -1).filter((i) => i >= 0);
    return exact >= 0 ? exact : starts.length === 1 ? starts[0] : -1;
  }
  var StepGraph = class {
    /** @param {Graph & {order?: string[]}} g  snapshot meta's graph (`order`: every node, leaves too) */
    constructor(g) {
      this.graph = g;
      this.names = g.params.map(String);
      this.byName = /* @__PURE__ */ Object.create(null);
      for (const n of g.nodes) this.byName[n.name] = n;
      const leaves = [g.input, g.label, ...g.params];
      this.order = g.order && g.order.length ? g.order.map(String) : [...leaves, ...g.nodes.map((n) => n.name)];
      this.edges = /* @__PURE__ */ Object.create(null);
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
      const value2 = /* @__PURE__ */ Object.create(null);
      value2[g.input] = x;
      value2[g.label] = label;
      this.names.forEach((n, j) => {
        value2[n] = before[j];
      });
      const forward = [];
      const seen = /* @__PURE__ */ new Set();
      const visit = (name) => {
        for (const p of byName[name].parents) if (byName[p] && !seen.has(p)) visit(p);
        seen.add(name);
        forward.push(name);
      };
      visit(g.loss);
      for (const name of forward) {
        const n = byName[name];
        value2[name] = compute(n.kind, n.parents.map((p) => value2[p]));
      }
      const values = { ...value2 };
      const grad = /* @__PURE__ */ Object.create(null);
      const backward = [];
      const edges = [];
      const params = {};
      const local = (child, i) => {
        const n = byName[child];
        return LOCAL[n.kind](n.parents.map((p) => value2[p]), i, value2[child]);
      };
      const gradOf = (name) => {
        if (name in grad) return;
        const own = this.edges[name];
        for (const [c] of own) gradOf(c);
        let sum2 = 1;
        own.forEach(([c, i], k) => {
          const l = local(c, i);
          edges.push({ child: c, parent: name, index: i, local: num(l) });
          sum2 = k === 0 ? l * grad[c] : sum2 + l * grad[c];
        });
        grad[name] = sum2;
        backward.push(name);
      };
      this.names.forEach((p, j) => {
        gradOf(p);
        const was = value2[p];
        value2[p] = was - run.lrs[j] * grad[p];
        params[p] = { before: num(was), grad: num(grad[p]), after: num(value2[p]) };
      });
      const nodes = {};
      for (const name of this.order) {
        const n = byName[name], train = this.names.includes(name);
        nodes[name] = {
          kind: n ? n.kind : "Variable",
          parents: n ? n.parents.slice() : [],
          value: num(values[name]),
          grad: name in grad ? num(grad[name]) : null,
          ...train ? { train } : {}
        };
      }
      return {
        format: "ourdl-backprop",
        version: 1,
        scene: run.scene,
        run: run.run,
        runs: run.runs.slice(),
        sample,
        samples: run.samples,
        x: num(x),
        label: num(label),
        lr: num(run.lr),
        lrs: Object.fromEntries(this.names.map((n, j) => [n, run.lrs[j]])),
        loss: num(values[g.loss]),
        input: g.input,
        label_node: g.label,
        output: g.output,
        loss_node: g.loss,
        forward,
        backward,
        nodes,
        edges,
        params,
        order: this.names.slice()
      };
    }
  };

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
    constructor(root, data) {
      this.root = root;
      this.d = data;
      root.ourdlPlayer = this;
      this.th = data.theme;
      this.xs = f64(data.grid);
      this.grid = this.xs;
      this.target = f64(data.target);
      this.steps = data.steps;
      this.S = data.steps.length;
      this.R = data.runs.length;
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
  var divergedMark = (ui, steps, at, label) => ({
    index: indexOfStep(steps, at),
    kind: "diverged",
    short: "⚠",
    label: fill(ui.diverged_mark, { label })
  });
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

  // render/web/src/backprop.js
  var PER_POSITION = 0.7;
  function positions(step) {
    return [
      { phase: "inputs", node: null },
      ...step.forward.map((n) => ({ phase: "forward", node: n })),
      ...step.backward.map((n) => ({ phase: "backward", node: n })),
      ...step.order.map((n) => ({ phase: "update", node: n }))
    ];
  }
  function nodeColors(panels) {
    const out = /* @__PURE__ */ Object.create(null);
    for (const p of panels) p.nodes.forEach((n, i) => {
      if (!(n in out)) out[n] = p.colors[i];
    });
    return out;
  }
  var long = (v) => fmtG(val(
    /** @type {any} */
    v
  ), 6).replace(/^-/, "−");
  var StepThrough = class {
    /**
     * @param {HTMLElement} root @param {Provider} provider @param {View} view
     * @param {{run: number, sample: number, at?: number, standalone: boolean, keys: EventTarget}} start
     */
    constructor(root, provider2, view, start) {
      this.root = root;
      this.provider = provider2;
      this.view = view;
      const ui = this.ui = view.ui, th = view.th;
      this.fam = dress(root, th, view.lang, "bp-root");
      const colors = nodeColors(view.panels);
      this.folded = foldGraph(view.graph, layoutGraph(view.graph), ui);
      this.run = start.run;
      this.sample = start.sample;
      this.fragment = new Fragment(["run", "sample", "at"], start.standalone);
      el("div", "bp-title", root, view.title);
      if (view.description) el("div", "bp-description", root, view.description);
      const bar = el("div", "bp-toolbar", root);
      if (provider2.runs.length > 1) {
        const label = el("label", "bp-field", bar);
        el("span", null, label, ui.bp_run + " ");
        this.runSelect = el("select", "bp-run", label);
        provider2.runs.forEach((r, i) => {
          el("option", null, this.runSelect, r).value = String(i);
        });
        this.runSelect.addEventListener("change", () => this.open(
          Number(this.runSelect.value),
          this.sample,
          0
        ));
      }
      const sampleLabel = el("label", "bp-field", bar);
      el("span", null, sampleLabel, ui.bp_sample + " ");
      this.box = el("input", "bp-sample", sampleLabel);
      this.box.type = "number";
      this.box.min = "0";
      this.box.step = "1";
      this.box.setAttribute("aria-label", ui.bp_sample_box);
      this.of = el("span", "bp-of", sampleLabel);
      this.box.addEventListener("change", () => this.open(
        this.run,
        Number(this.box.value),
        this.controls.index
      ));
      this.note = el("span", "bp-note", bar);
      this.summary = el("div", "bp-summary", root);
      const body = el("div", "bp-body", root);
      this.graphHolder = el("div", "bp-graph-holder", body);
      this.diagram = new Diagram(this.graphHolder, this.folded, {
        color: (n) => n in colors ? paletteColor(th, colors[n]) : null,
        fg: th.foreground,
        muted: th.muted,
        bg: th.background,
        accent: th.palette[0],
        words: ui
      });
      this.panel = new OutputPanel(el("div", "bp-panel-holder", body), {
        grid: view.grid,
        target: view.target,
        points: view.points,
        xRange: view.xRange,
        graph: view.graph,
        th,
        fam: this.fam,
        words: { ...ui, bp_target: view.targetName },
        title: view.outputTitle
      });
      this.words = el("div", "bp-words", root);
      this.words.setAttribute("aria-live", "polite");
      this.barHolder = el("div", "bp-controls", root);
      el("div", "op-help", root, start.standalone ? ui.bp_keys : ui.bp_keys_dialog);
      this.keys = start.keys;
      this.open(this.run, this.sample, start.at || 0);
      this.started = true;
      if (start.standalone) {
        this.applyFragment();
        window.addEventListener("hashchange", () => this.applyFragment());
      }
      if (typeof ResizeObserver === "function") {
        const resized = () => {
          if (this.root.clientWidth !== this.width) this.layout();
        };
        new ResizeObserver(resized).observe(this.root);
      }
    }
    /** Open step `sample` of run r at position `at`; a sample the provider refuses says why, in the page.
     * @param {number} r @param {number} sample @param {number} at */
    open(r, sample, at) {
      const p = this.provider;
      this.note.textContent = "";
      let want = Number.isInteger(sample) ? sample : this.sample;
      if (p.nearest) {
        const near = p.nearest(want, r);
        if (near !== want) {
          this.note.textContent = fill(this.ui.bp_snapshot, { asked: thousands(want), shown: thousands(near) });
        }
        want = near;
      }
      try {
        this.step = p.at(want, r);
      } catch (err) {
        this.note.textContent = String(err && /** @type {Error} */
        err.message);
        this.box.value = String(this.sample);
        return;
      }
      this.run = r;
      this.sample = want;
      if (this.runSelect) this.runSelect.value = String(r);
      this.box.value = String(want);
      this.box.max = String(p.samples(r) - 1);
      this.of.textContent = " " + fill(this.ui.bp_of, { last: thousands(p.samples(r) - 1) });
      this.positions = positions(this.step);
      this.panel.set(this.step, val);
      this.summary.textContent = fill(this.ui.bp_summary, {
        run: this.step.run,
        sample: thousands(want),
        x: long(this.step.x),
        label: long(this.step.label),
        loss: long(this.step.loss)
      });
      this.buildControls(at);
      this.save();
    }
    /** A fresh bar for this step's positions, with a mark where each phase starts. @param {number} at */
    buildControls(at) {
      const ui = this.ui, pos = this.positions;
      const playing = this.controls && this.controls.playing;
      if (this.controls) this.controls.pause();
      this.barHolder.textContent = "";
      const marks = ["forward", "backward", "update"].map((phase) => {
        const index = pos.findIndex((q) => q.phase === phase);
        return { index, label: ui["bp_" + phase], short: ui["bp_" + phase] };
      }).filter((m) => m.index >= 0);
      this.controls = new Controls(this.barHolder, {
        count: pos.length,
        ui: { ...ui, back: ui.bp_back, forward: ui.bp_next, slider: ui.bp_slider },
        speeds: [0.5, 1, 2, 4],
        marks,
        duration: PER_POSITION * pos.length,
        hold: 1.5,
        position: (i) => fill(ui.bp_position, { i: i + 1, n: pos.length }),
        onSeek: () => {
          this.show();
          this.save();
        }
      });
      if (!this.bound) {
        bindKeys(this.keys, this.keyControls());
        this.bound = true;
      }
      this.controls.seek(Math.max(0, Math.min(pos.length - 1, at)), false);
      this.layout();
      if (playing) this.controls.play();
    }
    /** What controls.js's keys drive: always the current bar (a new step makes a new one). */
    keyControls() {
      const c = () => this.controls;
      return {
        get o() {
          return c().o;
        },
        get speed() {
          return c().speed;
        },
        get count() {
          return c().count;
        },
        get loop() {
          return c().loop;
        },
        toggle: () => c().toggle(),
        step: (d) => c().step(d),
        seek: (i, u) => c().seek(i, u),
        pause: () => c().pause(),
        setSpeed: (v, u) => c().setSpeed(v, u),
        setLoop: (b, u) => c().setLoop(b, u)
      };
    }
    /** Lay the diagram and the panel out for the root's width, then show the position. */
    layout() {
      this.width = this.root.clientWidth;
      const W = Math.max(300, this.width - 16), wide = W >= 1e3;
      this.root.classList.toggle("bp-wide", wide);
      const graphW = wide ? Math.round(W * 0.64) : W;
      this.diagram.draw(graphW);
      this.panel.layout(wide ? W - graphW - 18 : Math.min(W, 560));
      this.show();
    }
    /** The state at the current position, on the diagram, the panel and the words line. */
    show() {
      if (!this.step || !this.diagram.boxes) return;
      const i = this.controls.index, q = this.positions[i], s = this.step, into = this.folded.into;
      const phases = ["inputs", "forward", "backward", "update"], at = phases.indexOf(q.phase);
      const seen = (phase) => this.positions.slice(0, i + 1).filter((p) => p.phase === phase).map((p) => (
        /** @type {string} */
        p.node
      ));
      const computed = new Set(at > 1 ? s.forward : seen("forward"));
      const grads = new Set(at > 2 ? s.backward : seen("backward")), updated = new Set(seen("update"));
      const st = {
        current: q.node ? into[q.node] || q.node : null,
        phase: q.phase,
        values: {},
        grads: {},
        after: {},
        reads: []
      };
      for (const [n, node] of Object.entries(s.nodes)) {
        const shown = into[n] ? null : n;
        if (shown === null) continue;
        const leaf = !/** @type {any} */
        node.parents.length;
        st.values[n] = leaf || computed.has(n) ? val(
          /** @type {any} */
          node.value
        ) : null;
        st.grads[n] = grads.has(n) ? val(
          /** @type {any} */
          node.grad
        ) : null;
        st.after[n] = updated.has(n) ? val(s.params[n].after) : null;
      }
      const draw = (n) => into[n] || n;
      if (q.phase === "forward") {
        for (const p of s.nodes[q.node].parents) {
          st.reads.push({ from: draw(p), to: draw(q.node), label: null });
        }
      } else if (q.phase === "backward") {
        for (const e of s.edges) {
          if (e.parent === q.node && draw(e.parent) !== draw(e.child)) {
            const local = fmtG(val(e.local), 3).replace("-", "−");
            st.reads.push({ from: draw(e.parent), to: draw(e.child), label: "× " + local });
          }
        }
      }
      this.diagram.show(st);
      this.follow(st.current);
      this.panel.show(q.phase === "update", at > 1 || computed.has(s.output));
      this.words.textContent = this.explain(q);
    }
    /** Scroll a diagram wider than its holder (a phone) so the node `n` is in view. @param {string | null} n */
    follow(n) {
      const h = this.graphHolder;
      if (!n || !this.diagram.at || h.scrollWidth <= h.clientWidth) return;
      const x = this.diagram.at(n)[0], margin = Math.min(60, h.clientWidth / 4);
      if (x < h.scrollLeft + margin || x > h.scrollLeft + h.clientWidth - margin) {
        h.scrollLeft = x - h.clientWidth / 2;
      }
    }
    /** The words for a position: what this node's number is made of. @param {Position} q */
    explain(q) {
      const s = this.step, ui = this.ui, n = q.node;
      if (q.phase === "inputs") {
        return fill(ui.bp_inputs, { x: long(s.x), label: long(s.label), sample: thousands(s.sample) });
      }
      const node = s.nodes[n];
      if (q.phase === "forward") {
        const ps = node.parents.map((p2) => `${p2} = ${long(s.nodes[p2].value)}`).join(", ");
        return fill(ui.bp_forward_words, { node: n, op: node.kind, parents: ps, value: long(node.value) });
      }
      if (q.phase === "backward") {
        const terms = s.edges.filter((e) => e.parent === n).map((e) => `${long(s.nodes[e.child].grad)} × ${long(e.local)}`);
        if (!terms.length) return fill(ui.bp_backward_loss, { node: n });
        return fill(ui.bp_backward_words, { node: n, terms: terms.join(" + "), grad: long(node.grad) });
      }
      const p = s.params[n];
      return fill(ui.bp_update_words, {
        node: n,
        before: long(p.before),
        lr: long(s.lrs[n]),
        grad: long(p.grad),
        after: long(p.after)
      });
    }
    /** Take run, sample and position from the URL fragment (each checked; a bad one is ignored). */
    applyFragment() {
      const f = this.fragment.read();
      let r = this.run;
      if (f.run !== void 0) {
        const k = labelIndex(this.provider.runs, f.run);
        if (k >= 0) r = k;
      }
      const sample = /^\d{1,9}$/.test(f.sample || "") ? Number(f.sample) : this.sample;
      const at = /^\d{1,6}$/.test(f.at || "") ? Number(f.at) : this.controls.index;
      if (r !== this.run || sample !== this.sample) this.open(r, sample, at);
      else this.controls.seek(Math.min(at, this.positions.length - 1), false);
    }
    save() {
      if (!this.controls || !this.started) return;
      this.fragment.write({ run: this.provider.runs[this.run], sample: this.sample, at: this.controls.index });
    }
    /** The smallest font px of the diagram, the panel and the words (tests hold it to 11 px). */
    minTextPx() {
      const words = parseFloat(getComputedStyle(this.words).fontSize);
      return Math.min(this.diagram.minTextPx(), this.panel.minTextPx(), words);
    }
  };
  function openDialog(host, provider2, view, start) {
    const dialog = el("dialog", "bp-dialog", host);
    const close = el("button", "bp-close", dialog, "×");
    close.type = "button";
    close.setAttribute("aria-label", view.ui.bp_close);
    close.title = view.ui.bp_close;
    const root = el("div", "bp-root-dialog", dialog);
    dialog.addEventListener("keydown", (e) => {
      if (e.key !== "Escape") e.stopPropagation();
    });
    dialog.addEventListener("close", () => dialog.remove());
    close.addEventListener("click", () => dialog.close());
    dialog.showModal();
    const st = new StepThrough(root, provider2, view, { ...start, standalone: false, keys: dialog });
    return { dialog, stepThrough: st };
  }

  // render/web/src/player_inspect.js
  function inspectButton(player) {
    const d = (
      /** @type {any} */
      player.d
    );
    if (!d.inspect || !d.graph) return null;
    const bar = (
      /** @type {HTMLElement} */
      player.controls.extra.parentElement
    );
    const button = el("button", "op-inspect bp-inspect", bar, d.ui.bp_inspect);
    button.type = "button";
    Object.assign(button.style, { whiteSpace: "nowrap", lineHeight: "15px", padding: "1px 6px" });
    let row = 0;
    player.figure.addEventListener("pointermove", () => {
      if (player.hover) row = player.rows()[player.hover.k];
    });
    button.addEventListener("click", () => openInspect(player, player.run >= 0 ? player.run : row));
    return button;
  }
  function provider(player) {
    const d = (
      /** @type {any} */
      player.d
    ), insp = d.inspect, runs = insp.runs;
    const graph = new StepGraph(d.graph), xy = f64(insp.xy), S = player.S, P = player.P;
    const labels = runs.map((q) => String(q.label));
    const nearest = (sample, r) => player.steps[indexOfStep(player.steps, Math.min(sample, runs[r].last))];
    return {
      runs: d.runs.map((q) => q.label),
      samples: (r) => runs[r].samples,
      nearest,
      at(sample, r) {
        const run = runs[r], k = player.steps.indexOf(sample);
        if (k < 0 || sample > run.last) {
          throw new Error(`sample ${sample}: the player holds snapshots' samples up to ${run.last}`);
        }
        const at = r * S + k;
        return graph.step({
          scene: d.scene,
          run: labels[r],
          runs: labels,
          samples: run.samples,
          lr: run.lr,
          lrs: run.lrs
        }, sample, player.params.subarray(at * P, (at + 1) * P), xy[2 * at], xy[2 * at + 1]);
      }
    };
  }
  function openInspect(player, r) {
    player.controls.pause();
    const d = (
      /** @type {any} */
      player.d
    ), ui = d.ui;
    const output = d.panels.find((p) => p.nodes.includes(d.graph.output));
    return openDialog(player.root, provider(player), {
      graph: d.graph,
      grid: player.xs,
      target: d.hasTarget ? player.target : null,
      points: d.points,
      xRange: d.xRange,
      panels: d.panels,
      th: d.theme,
      lang: d.lang,
      ui,
      targetName: d.targetName,
      outputTitle: output ? output.title : d.graph.output,
      title: ui.bp_title.replace("{scene}", d.scene)
    }, { run: r, sample: player.steps[player.index] });
  }

  // render/web/src/erf.js
  var ERX = 0.8450629115104675;
  var EFX = 0.1283791670955126;
  var PP = [
    0.12837916709551256,
    -0.3250421072470015,
    -0.02848174957559851,
    -0.005770270296489442,
    -23763016656650163e-21
  ];
  var QQ = [
    1,
    0.39791722395915535,
    0.0650222499887673,
    0.005081306281875766,
    13249473800432164e-20,
    -3960228278775368e-21
  ];
  var PA = [
    -0.0023621185607526594,
    0.41485611868374833,
    -0.3722078760357013,
    0.31834661990116175,
    -0.11089469428239668,
    0.035478304325618236,
    -0.002166375594868791
  ];
  var QA = [
    1,
    0.10642088040084423,
    0.540397917702171,
    0.07182865441419627,
    0.12617121980876164,
    0.01363708391202905,
    0.011984499846799107
  ];
  var RA = [
    -0.009864944034847148,
    -0.6938585727071818,
    -10.558626225323291,
    -62.375332450326006,
    -162.39666946257347,
    -184.60509290671104,
    -81.2874355063066,
    -9.814329344169145
  ];
  var SA = [
    1,
    19.651271667439257,
    137.65775414351904,
    434.56587747522923,
    645.3872717332679,
    429.00814002756783,
    108.63500554177944,
    6.570249770319282,
    -0.0604244152148581
  ];
  var RB = [
    -0.0098649429247001,
    -0.799283237680523,
    -17.757954917754752,
    -160.63638485582192,
    -637.5664433683896,
    -1025.0951316110772,
    -483.5191916086514
  ];
  var SB = [
    1,
    30.33806074348246,
    325.7925129965739,
    1536.729586084437,
    3199.8582195085955,
    2553.0504064331644,
    474.52854120695537,
    -22.44095244658582
  ];
  function horner(c, s) {
    let v = c[c.length - 1];
    for (let i = c.length - 2; i >= 0; i--) v = c[i] + s * v;
    return v;
  }
  var bits = new DataView(new ArrayBuffer(8));
  function highWord(x) {
    bits.setFloat64(0, x);
    return bits.getUint32(0) & 2147483647;
  }
  function cutLow(x) {
    bits.setFloat64(0, x);
    bits.setUint32(4, 0);
    return bits.getFloat64(0);
  }
  function erf(x) {
    if (Number.isNaN(x)) return x;
    const ix = highWord(x), sign = x < 0 ? -1 : 1;
    if (ix >= 2146435072) return sign;
    if (ix < 1072365568) {
      if (ix < 1043333120) {
        if (ix < 8388608) return (8 * x + 8 * EFX * x) / 8;
        return x + EFX * x;
      }
      const z2 = x * x;
      return x + x * (horner(PP, z2) / horner(QQ, z2));
    }
    if (ix < 1072955392) {
      const s2 = Math.abs(x) - 1;
      const p = horner(PA, s2), q2 = horner(QA, s2);
      return sign > 0 ? ERX + p / q2 : -ERX - p / q2;
    }
    if (ix >= 1075314688) return sign;
    const a = Math.abs(x), s = 1 / (a * a);
    const near = ix < 1074191214;
    const r = near ? horner(RA, s) : horner(RB, s), q = near ? horner(SA, s) : horner(SB, s);
    const z = cutLow(a);
    const e = Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + r / q);
    return sign > 0 ? 1 - e / a : e / a - 1;
  }

  // render/web/src/torch_ops.js
  var M_SQRT1_2 = Math.SQRT1_2;
  var M_2_SQRTPI = 1.1283791670955126;
  var GELU_BETA = Math.SQRT2 * M_2_SQRTPI * 0.5;
  var GELU_KAPPA = 0.044715;
  var SELU_ALPHA = 1.6732632423543772;
  var SELU_SCALE = 1.0507009873554805;
  function elu(alpha, scale, inputScale) {
    const negcoef = alpha * scale;
    return (t) => t <= 0 ? Math.expm1(t * inputScale) * negcoef : t * scale;
  }
  var leaky = (slope) => (t) => t > 0 ? t : t * slope;
  var clamp2 = (lo, hi) => (t) => Math.min(Math.max(t, lo), hi);
  var TORCH_OPS = {
    GELU: { options: { approximate: ["none", "tanh"] }, make: (o) => o.approximate === "tanh" ? (t) => 0.5 * t * (1 + Math.tanh(GELU_BETA * (t + GELU_KAPPA * (t * t * t)))) : (t) => t * 0.5 * (1 + erf(t * M_SQRT1_2)) },
    SiLU: { options: {}, make: () => (t) => t / (1 + Math.exp(-t)) },
    Mish: { options: {}, make: () => (t) => t * Math.tanh(Math.log1p(Math.exp(t))) },
    ELU: { options: { alpha: "number" }, make: (o) => elu(o.alpha, 1, 1) },
    CELU: { options: { alpha: "number" }, make: (o) => elu(o.alpha, 1, 1 / o.alpha) },
    SELU: { options: {}, make: () => elu(SELU_ALPHA, SELU_SCALE, 1) },
    Softplus: { options: { beta: "number", threshold: "number" }, make: (o) => (t) => t * o.beta > o.threshold ? t : Math.log1p(Math.exp(t * o.beta)) / o.beta },
    LeakyReLU: { options: { negative_slope: "number" }, make: (o) => leaky(o.negative_slope) },
    // eval mode (the recorder evaluates so): the mean of its slopes' range, a leaky ReLU
    RReLU: { options: { lower: "number", upper: "number" }, make: (o) => leaky((o.lower + o.upper) / 2) },
    Hardtanh: { options: { min_val: "number", max_val: "number" }, make: (o) => clamp2(o.min_val, o.max_val) },
    ReLU6: { options: {}, make: () => clamp2(0, 6) },
    Hardsigmoid: { options: {}, make: () => (t) => Math.min(Math.max(t + 3, 0), 6) / 6 },
    Hardswish: { options: {}, make: () => (t) => t * Math.min(Math.max(t + 3, 0), 6) / 6 },
    Softsign: { options: {}, make: () => (t) => t / (Math.abs(t) + 1) },
    LogSigmoid: { options: {}, make: () => (t) => Math.min(t, 0) - Math.log1p(Math.exp(-Math.abs(t))) },
    Tanhshrink: { options: {}, make: () => (t) => t - Math.tanh(t) },
    Hardshrink: { options: { lambd: "number" }, make: (o) => (t) => t >= -o.lambd && t <= o.lambd ? 0 : t },
    Softshrink: { options: { lambd: "number" }, make: (o) => (t) => t > o.lambd ? t - o.lambd : t < -o.lambd ? t + o.lambd : 0 },
    Threshold: { options: { threshold: "number", value: "number" }, make: (o) => (t) => t <= o.threshold ? o.value : t }
  };
  function takes(op, options) {
    if (!options || typeof options !== "object" || Array.isArray(options)) return false;
    const names = Object.keys(op.options);
    if (Object.keys(options).length !== names.length) return false;
    return names.every((name) => {
      if (!Object.prototype.hasOwnProperty.call(options, name)) return false;
      const kind = op.options[name], v = options[name];
      return kind === "number" ? typeof v === "number" && Number.isFinite(v) : kind.includes(v);
    });
  }
  function torchActivation(kind, options) {
    if (!Object.prototype.hasOwnProperty.call(TORCH_OPS, kind)) return null;
    const op = TORCH_OPS[kind];
    return takes(op, options || {}) ? op.make(options || {}) : null;
  }

  // render/web/src/player.js
  var MIN_WIDTH = 240;
  var Player = class extends TimelinePlayer {
    /**
     * Mount a player in `root`.
     * @param {HTMLElement} root
     * @param {RunsData} data  runs_data() of render/web/player.py
     * @param {PanelDrawing | null} [panelDrawing]  panels.js, for a page whose panels draw data or a surface
     */
    constructor(root, data, panelDrawing) {
      super(root, data);
      this.grid = () => ({ rows: this.lay.rows, cols: this.lay.cols });
      const th = this.th;
      this.L = data.layout;
      this.trainLoss = f64(data.trainLoss);
      this.evalLoss = f64(data.evalLoss);
      if (data.graph) {
        this.program = compile(data.graph, this.G, void 0, torchActivation);
        if (!this.program) throw new Error("the page cannot evaluate this graph and no curves are embedded");
        this.params = f64(data.params);
        this.P = data.shape.params;
      } else {
        this.curvesF = f32(data.curves);
        this.curveIndex = Object.fromEntries(data.curveNodes.map((n, i) => [n, i]));
      }
      this.panelDrawing = panelDrawing || null;
      this.panelState = this.panelDrawing ? this.panelDrawing.prepare(this, data) : null;
      this.rowPanels = data.runs.map((run) => {
        const off = new Set(run.offNodes || []);
        return data.panels.map((p) => {
          const keep = p.nodes.map((n, c) => c).filter((c) => !off.has(p.nodes[c]) || p.kind === "sum" && c === p.nodes.length - 1);
          return keep.length === p.nodes.length ? p : { ...p, nodes: keep.map((c) => p.nodes[c]), colors: keep.map((c) => p.colors[c]) };
        });
      });
      this.hidden = /* @__PURE__ */ new Set();
      this.run = -1;
      this.hover = null;
      this.fragment = new Fragment(["step", "run", "hide", "speed", "loop"], standalone(root));
      this.fam = dress(root, th, data.lang);
      const fig = figure(root, "op-figure");
      this.figure = fig.element;
      this.canvas = fig.canvas;
      this.overlay = fig.overlay;
      this.bg = fig.bg;
      this.figure.setAttribute("aria-label", data.description || data.scene);
      this.captions = [];
      this.warnings = [];
      this.tip = el("div", "op-tip", this.figure);
      this.tip.hidden = true;
      const ui = data.ui;
      const marks = sampleMarks(ui, data.marks, this.steps);
      data.runs.forEach((r) => {
        if (r.divergedAt !== null && r.divergedAt !== void 0) {
          marks.push(divergedMark(ui, this.steps, r.divergedAt, r.label));
        }
      });
      this.controls = timeline(root, data, marks, {
        count: this.S,
        stepAt: (i) => this.steps[i],
        total: data.total,
        draw: () => this.draw(),
        save: () => this.saveState()
      });
      if (this.R > 1) {
        const label = el("label", "op-opt", this.controls.extra);
        el("span", null, label, ui.runs + " ");
        this.runSelect = el("select", "op-run", label);
        el("option", null, this.runSelect, ui.all_runs).value = "-1";
        data.runs.forEach((r, i) => {
          el("option", null, this.runSelect, r.label).value = String(i);
        });
        this.runSelect.addEventListener("change", () => {
          this.setRun(Number(this.runSelect.value));
          this.saveState();
        });
      }
      el("div", "op-help", root, ui.keys);
      const opened = this.applyFragment();
      this.figure.addEventListener("pointermove", (e) => {
        if (e.pointerType === "mouse") onMove(this, e);
      });
      this.figure.addEventListener("pointerleave", (e) => {
        if (e.pointerType === "mouse") onLeave(this);
      });
      dragScrub(this.figure, () => this.controls, {
        axis: (e) => lossAxis(this, e),
        tap: (e) => onTap(this, e),
        skip: (e) => !!/** @type {Element} */
        e.target.closest(".op-legend")
      });
      keys(root, this.controls, standalone(root));
      onFragment(() => this.applyFragment());
      onResize(this.figure, () => this.width, () => this.layout());
      this.inspectButton = inspectButton(this);
      this.layout();
      autoplay(root, this.controls, opened);
      this.ready = Promise.resolve(this);
    }
    get index() {
      return this.controls.index;
    }
    // -- state ---------------------------------------------------------------------------------------
    state() {
      return {
        index: this.index,
        step: this.steps[this.index],
        playing: this.controls.playing,
        speed: this.controls.speed,
        loop: this.controls.loop,
        run: this.run,
        hidden: [...this.hidden].sort()
      };
    }
    /** Take the state the URL fragment asks for; returns whether it opened a step (no autoplay then). */
    applyFragment() {
      const f = this.fragment.read();
      const toggles = new Set(this.toggleKeys());
      const opened = readTimeline(f, this.controls, this.steps, this.d.speeds);
      this.run = /^\d{1,4}$/.test(f.run || "") && Number(f.run) >= 1 && Number(f.run) <= this.R && this.R > 1 ? Number(f.run) - 1 : -1;
      if (this.runSelect) this.runSelect.value = String(this.run);
      this.hidden = new Set((f.hide || "").split(",").filter((k) => toggles.has(k)));
      if (this.width) this.layout();
      return opened;
    }
    saveState() {
      const c = this.controls;
      this.fragment.write({
        step: this.steps[c.index],
        run: this.run >= 0 ? this.run + 1 : null,
        hide: [...this.hidden].join(","),
        speed: c.speed !== 1 ? c.speed : null,
        loop: c.loop ? 1 : null
      });
    }
    /** The keys the legend's entries toggle (and the fragment's `hide` may name). */
    toggleKeys() {
      const keys2 = /* @__PURE__ */ new Set(["target", "span", "train", "eval"]);
      if (this.d.points && this.d.points.length) keys2.add("points");
      this.d.panels.forEach((p, j) => {
        for (const n of p.nodes) keys2.add(n);
        if (p.kind === "sum") keys2.add("stack");
        else if (p.nodes.length > LEGEND_UNITS) keys2.add(unitsKey(j));
      });
      if (this.panelState) {
        for (const p of this.d.panels) for (const k of this.panelDrawing.keys(p)) keys2.add(k);
      }
      return [...keys2];
    }
    /** Show run r alone (-1: every run). @param {number} r */
    setRun(r) {
      this.run = r >= 0 && r < this.R ? r : -1;
      if (this.runSelect) this.runSelect.value = String(this.run);
      this.layout();
    }
    /** Hide or show what a legend entry stands for. @param {string} key */
    toggle(key) {
      if (this.hidden.has(key)) this.hidden.delete(key);
      else this.hidden.add(key);
      this.layout();
      this.saveState();
    }
    // -- numbers -------------------------------------------------------------------------------------
    /**
     * Every recorded node of run r at snapshot s (the program's buffers: valid until the next call).
     * @param {number} r @param {number} s
     */
    evaluate(r, s) {
      return evaluate(this.program, this.params, (r * this.S + s) * this.P, this.xs, this.target);
    }
    /** Every recorded node of run r at snapshot s, node after node. @param {number} r @param {number} s */
    curves(r, s) {
      const out = new Float64Array(this.program.names.length * this.G);
      this.evaluate(r, s).forEach((v, n) => out.set(v, n * this.G));
      return out;
    }
    /**
     * {node: Float64Array(G)} of the drawn nodes of run r at snapshot s.
     * @param {number} r @param {number} s @returns {Record<string, Float64Array>}
     */
    drawn(r, s) {
      const out = /* @__PURE__ */ Object.create(null);
      if (this.program) {
        const values = this.evaluate(r, s);
        for (const p of this.d.panels) for (const n of p.nodes) out[n] = values[this.program.index[n]];
      } else {
        const N = this.d.curveNodes.length, G = this.G;
        for (const n of this.d.curveNodes) {
          const start = ((r * this.S + s) * N + this.curveIndex[n]) * G;
          out[n] = this.curvesF.subarray(start, start + G);
        }
      }
      return out;
    }
    /** @param {"train" | "eval"} kind @param {number} r @param {number} s */
    loss(kind, r, s) {
      return (kind === "train" ? this.trainLoss : this.evalLoss)[r * this.S + s];
    }
    /** Palette colour i. @param {number} i */
    color(i) {
      return paletteColor(this.th, i);
    }
    /** Panel j as run r draws it: without the run's off nodes (its output kept). @param {number} r
     * @param {number} j */
    rowPanel(r, j) {
      return this.rowPanels[r][j];
    }
    /** Whether node n of panel j is toggled off: by its own entry, its panel's one entry for many curves, or
     * (a sum panel's contribution) the stack's. @param {string} n @param {number} j */
    isHidden(n, j) {
      const p = this.d.panels[j], h = this.hidden;
      if (h.has(n) || h.has(unitsKey(j))) return true;
      return p.kind === "sum" && n !== sumNodes(p).out && h.has("stack");
    }
    /** How a sum panel and the data points are drawn (sum_view.js's SumStyle). */
    sumStyle() {
      return {
        color: (i) => this.color(i),
        muted: this.th.muted,
        target: this.th.target,
        line: this.L.line * this.pt,
        pt: this.pt,
        hidden: this.hidden
      };
    }
    /** Whether panel j shows the data points (an output panel, when the page has points). @param {number} j */
    showsPoints(j) {
      return outputPanel(this.d.panels[j]) && !!this.d.points && this.d.points.length > 0;
    }
    // -- layout and drawing ----------------------------------------------------------------------------
    /** The runs shown, one a row. */
    rows() {
      return this.run >= 0 ? [this.run] : [...Array(this.R).keys()];
    }
    /** Lay the figure out for its width (layout.js: the pages' grid rule), then draw it. */
    layout() {
      const L = this.L, d = this.d;
      const W = Math.max(MIN_WIDTH, this.figure.clientWidth || 800);
      this.width = this.figure.clientWidth;
      const rows = this.rows(), n = d.panels.length + (d.lossPanel === false ? 0 : 1);
      if (this.hover && this.hover.k >= rows.length) {
        this.hover = null;
        this.tip.hidden = true;
      }
      const lay = this.lay = figureLayout(L, W, n, {
        heads: rows.map((r) => ({ label: d.runs[r].label, caption: d.caption, widest: d.total })),
        titles: panelTitles(d, n),
        legends: Array.from({ length: n }, (_, j) => this.legend(j)),
        fam: this.fam,
        bold: d.lang !== "zh",
        // one row: the video's 16:9 figure (its axes at least 1.2 inches tall)
        oneRow: (inches, aw, fixed, runs) => Math.max((inches * d.aspect - fixed) / runs, 1.2)
      });
      this.s = lay.s;
      this.pt = lay.pt;
      this.W = W;
      this.H = lay.H;
      this.titled = lay.titled;
      this.axes = lay.rects.map((rects) => rects.map((rect, j) => j < d.panels.length ? new Axes(rect, { xlim: d.panels[j].xlim, ylim: d.panels[j].ylim }) : lossAxes(rect, d.lossXlim, d.lossYlim, d.lossLinthresh)));
      this.dpr = sizeCanvases([this.canvas, this.bg], this.figure, W, this.H);
      this.drawStatic();
      buildOverlay(this);
      this.draw();
    }
    /** The legend's entries under panel j (the loss panel last). @param {number} j */
    legend(j) {
      const extra = this.panelState ? (p) => this.panelDrawing.legend(this, p) : null;
      return legendItems(this.d, j, this.th, (i) => this.color(i), extra);
    }
    /** The smallest font px of the text drawn on the figure's canvases and in its overlay (tests). */
    minTextPx() {
      return smallestTextPx([this.bg, this.canvas], this.overlay);
    }
    /** The static layer: axes, ranges, targets, the loss panel's whole-run lines (runs_figure.js). */
    drawStatic() {
      const S = this.S, shown = this.rows();
      drawStatic(this, {
        grid: this.xs,
        target: this.target,
        points: this.d.points,
        style: this.sumStyle(),
        surface: (ctx, ax, k, p) => this.panelDrawing.drawStatic(this, ctx, ax, shown[k], p),
        losses: (k) => {
          const r = shown[k];
          return {
            train: [this.steps, this.trainLoss.subarray(r * S, (r + 1) * S)],
            eval: [this.steps, this.evalLoss.subarray(r * S, (r + 1) * S)]
          };
        }
      });
    }
    /** Draw the current snapshot (and the hover, and its tip). */
    draw() {
      if (!drawFrame(this)) return;
      if (this.hover) showTip(this);
      if (this.firstFrame === void 0) this.firstFrame = performance.now();
    }
    /** The hover readout: x and every drawn node's value there (or the loss at a snapshot), or null. */
    readout() {
      return readout(this);
    }
    /** What each axes drew, row by row (tests). */
    axesReport() {
      return axesReport(this);
    }
    /** Open "Inspect this sample" at run r (the one shown, else the first); returns {dialog, stepThrough}.
     * @param {number} [r] */
    inspect(r) {
      return openInspect(this, r !== void 0 ? r : Math.max(0, this.run));
    }
  };

  // render/web/src/entries/runs.js
  window.ourdl = Object.assign(window.ourdl || {}, { graph: graph_exports });
  mountPlayers({ runs: (root, data) => new Player(root, data) });
})();
