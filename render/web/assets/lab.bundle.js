(() => {
  var __defProp = Object.defineProperty;
  var __export = (target, all) => {
    for (var name2 in all)
      __defProp(target, name2, { get: all[name2], enumerable: true });
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
      const first2 = inputs[0];
      for (let i = 0; i < n; i++) out[i] = first2[i];
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
    graph.params.forEach((name2, i) => {
      paramIndex[name2] = i;
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
    function visit(name2) {
      if (!(name2 in byName) || state[name2] === 2) return true;
      if (state[name2] === 1) return false;
      state[name2] = 1;
      for (const p of byName[name2].parents) if (!visit(p)) return false;
      state[name2] = 2;
      order2.push(byName[name2]);
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
    for (const name2 in program.paramIndex) {
      const i = program.paramIndex[name2], buf = program.scalars[i];
      buf.fill(params[offset + i]);
      env[name2] = buf;
    }
    program.order.forEach((node, k) => {
      const out = program.buffers[node.name];
      program.ops[k](out, node.parents.map((p) => env[p]), n);
      env[node.name] = out;
    });
    return program.names.map((name2) => program.buffers[name2]);
  }
  var value = (program, values, name2, i) => values[program.index[name2]][i];

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
  var i8 = (b64) => typed(b64, 1, Int8Array, (v, o) => v.getInt8(o));

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
    const run2 = Array.from({ length: H }, () => new Float64Array(G));
    for (let k = 0; k < H; k++) {
      for (let g = 0; g < G; g++) run2[k][g] = k === 0 ? parts[0][g] : run2[k - 1][g] + parts[k][g];
    }
    const base = new Float64Array(G);
    for (let g = 0; g < G; g++) base[g] = H ? out[g] - run2[H - 1][g] : out[g];
    return [base, ...run2.map((r) => r.map((v, g) => base[g] + v))];
  }
  function unitsLabel(s, n) {
    return n > 1 ? fill(s.units, { first: 1, last: n }) : fill(s.unit, { first: 1 });
  }
  function biasName(graph, panel) {
    const { parts, out } = sumNodes(panel);
    const node = graph && graph.nodes.find((n) => n.name === out);
    const others = node ? node.parents.filter((p) => !parts.includes(p)) : [];
    return others.length === 1 ? others[0] : "";
  }
  var cut = (v, lo, hi) => isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v > 0 ? hi : v < 0 ? lo : NaN;
  function drawSum(ctx, ax, grid, values, panel, st) {
    const { parts, out } = sumNodes(panel), hidden = st.hidden || /* @__PURE__ */ new Set();
    const lv = levels(parts.map((n) => values[n]), values[out]);
    const span = ax.ylim[1] - ax.ylim[0], lo = ax.ylim[0] - REACH * span, hi = ax.ylim[1] + REACH * span;
    const G = grid.length;
    if (!hidden.has("stack")) {
      parts.forEach((name2, k) => {
        if (hidden.has(name2)) return;
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
    const colors2 = parts.map((_, k) => st.color(panel.colors[k]));
    return [
      {
        key: "stack",
        label: fill(s.stacked, { units: unitsLabel(s, parts.length), bias: bias || s.bias }),
        color: colors2[0] || st.muted,
        kind: "strip",
        colors: colors2,
        bands: true,
        keys: parts
      },
      { key: out, label: out, color: st.color(panel.colors[panel.colors.length - 1]), kind: "line" }
    ];
  }
  function compactLegend(panel, s, st) {
    if (panel.nodes.length <= LEGEND_UNITS) return null;
    const colors2 = panel.colors.map((c) => st.color(c));
    return {
      key: "units",
      label: unitsLabel(s, panel.nodes.length),
      color: colors2[0],
      kind: "strip",
      colors: colors2,
      keys: [...panel.nodes]
    };
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
    const name2 = el("div", "op-run-label", o), cap = el("div", "op-caption", o);
    head.label.forEach((line2, i) => {
      if (i) el("br", null, name2);
      name2.appendChild(document.createTextNode(i < head.label.length - 1 ? line2 + " " : line2));
    });
    name2.style.left = `${L.left * s}px`;
    name2.style.top = `${head.top}px`;
    if (head.oneLine) {
      cap.style.right = `${L.right * s}px`;
      cap.style.top = `${head.top}px`;
    } else {
      const lead = (head.pitch - L.font * s / 72) / 2, lines = head.label.length;
      for (const e of [name2, cap]) {
        e.style.lineHeight = `${head.pitch}px`;
        e.style.textAlign = "left";
      }
      name2.style.top = `${head.top - lead}px`;
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
    return { label: name2, values, warning };
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
  function logLimits(values, rule) {
    const v = values.filter((x) => isFinite(x) && x > 0);
    if (!v.length) return [1e-3, 1];
    let lo = percentile(v, rule.log_pct), hi = percentile(v, 100 - rule.log_pct);
    if (hi / lo < rule.log_span) {
      const mid = Math.sqrt(lo * hi);
      lo = mid / Math.sqrt(rule.log_span);
      hi = mid * Math.sqrt(rule.log_span);
    }
    return [lo / rule.log_pad, hi * rule.log_pad];
  }
  function sampleAxis(total, room, rule) {
    return { xlim: [0, total * room], linthresh: Math.max(rule.linthresh, total / rule.linthresh_per) };
  }

  // render/web/src/panels.js
  var decodeSurface = (s) => ({
    z: f32(s.z),
    nx: s.nx,
    ny: s.ny,
    x: s.x,
    y: s.y,
    edges: s.edges,
    colors: s.colors
  });
  function lossAt(player, x, y) {
    const s = player.panelState && player.panelState.surface;
    if (!s) return NaN;
    const fx = (x - s.x[0]) / (s.x[1] - s.x[0]) * (s.nx - 1);
    const fy = (y - s.y[0]) / (s.y[1] - s.y[0]) * (s.ny - 1);
    if (!(fx >= 0 && fx <= s.nx - 1 && fy >= 0 && fy <= s.ny - 1)) return NaN;
    const i = Math.min(Math.floor(fx), s.nx - 2), j = Math.min(Math.floor(fy), s.ny - 2);
    const a = fx - i, b = fy - j, z = s.z, nx = s.nx;
    const z00 = z[j * nx + i], z10 = z[j * nx + i + 1];
    const z01 = z[(j + 1) * nx + i], z11 = z[(j + 1) * nx + i + 1];
    return (z00 * (1 - a) + z10 * a) * (1 - b) + (z01 * (1 - a) + z11 * a) * b;
  }
  function bands(player, ax) {
    const st = player.panelState, s = st.surface, dpr = player.dpr, r = ax.rect;
    const w = Math.max(1, Math.round(r.w * dpr)), h = Math.max(1, Math.round(r.h * dpr));
    const key = `${w}x${h}`;
    if (st.images[key]) return st.images[key];
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d"), img = ctx.createImageData(w, h);
    const colors2 = s.colors.map(rgb), edges = s.edges, top = colors2.length - 1;
    for (let py = 0; py < h; py++) {
      const y = ax.ylim[1] - (py + 0.5) / h * (ax.ylim[1] - ax.ylim[0]);
      for (let px = 0; px < w; px++) {
        const x = ax.xlim[0] + (px + 0.5) / w * (ax.xlim[1] - ax.xlim[0]);
        const v = lossAt(player, x, y);
        const o = (py * w + px) * 4;
        if (!(v === v)) {
          img.data[o + 3] = 0;
          continue;
        }
        let band = 0;
        while (band < top && v > edges[band + 1]) band++;
        const c = colors2[band];
        img.data[o] = c[0];
        img.data[o + 1] = c[1];
        img.data[o + 2] = c[2];
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    st.images[key] = canvas;
    return canvas;
  }
  var accent = (player, i) => paletteColor(player.th, i);
  function drawStatic(player, ctx, ax, r, panel) {
    if (panel.kind !== "surface") return;
    const st = player.panelState, pt = player.pt, L = player.L, rect = ax.rect;
    if (!player.hidden.has("surface")) ctx.drawImage(bands(player, ax), rect.x, rect.y, rect.w, rect.h);
    const path = st.paths[panel.params.join(",")][r];
    if (!player.hidden.has("path") && ax.contains(ax.px(path.xs[0]), ax.py(path.ys[0]))) {
      ctx.save();
      ctx.beginPath();
      ctx.arc(ax.px(path.xs[0]), ax.py(path.ys[0]), 1.3 * L.line * pt, 0, 2 * Math.PI);
      ctx.strokeStyle = accent(player, panel.color);
      ctx.lineWidth = 0.9 * pt;
      ctx.stroke();
      ctx.restore();
    }
    const italic = `italic ${font(L.small * pt, player.fam)}`, pad = 0.8 * pt;
    const names = [
      [panel.names[0], rect.x + rect.w * 0.98, rect.y + rect.h * 0.97, "right", "bottom"],
      [panel.names[1], rect.x + rect.w * 0.02, rect.y + rect.h * 0.03, "left", "top"]
    ];
    names.forEach(([name2, x, y, align, base]) => {
      ctx.font = italic;
      const w = ctx.measureText(name2).width, hgt = L.small * pt;
      const x0 = align === "right" ? x - w : x, y0 = base === "bottom" ? y - hgt : y;
      ctx.save();
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = player.th.background;
      ctx.fillRect(x0 - pad, y0 - pad, w + 2 * pad, hgt + 2 * pad);
      ctx.restore();
      text(ctx, name2, x, y, { font: italic, color: player.th.foreground, align, baseline: base });
    });
  }
  function draw(player, ctx, ax, r, i, panel) {
    const st = player.panelState, pt = player.pt, L = player.L;
    if (panel.kind === "data" && !player.hidden.has("samples") && st.dataX) {
      const n = Math.min(player.steps[i], st.samples[r]);
      const cut2 = Math.max(0, n - panel.window), base = r * st.length;
      ctx.save();
      clip(ctx, ax);
      ctx.globalAlpha = 0.35;
      for (let k = 0; k < cut2; k++) {
        marker(ctx, ax.px(st.dataX[base + k]), ax.py(st.dataY[base + k]), 0.65 * L.line * pt, player.th.muted);
      }
      ctx.globalAlpha = 1;
      const color = accent(player, player.d.data.color);
      for (let k = cut2; k < n; k++) {
        marker(ctx, ax.px(st.dataX[base + k]), ax.py(st.dataY[base + k]), 1.1 * L.line * pt, color);
      }
      ctx.restore();
    } else if (panel.kind === "surface" && !player.hidden.has("path")) {
      const path = st.paths[panel.params.join(",")][r], color = accent(player, panel.color);
      line(ctx, ax, path.xs, path.ys, { color, width: 0.5 * L.line * pt, alpha: 0.45, to: i + 1 });
      line(
        ctx,
        ax,
        path.xs,
        path.ys,
        { color, width: 0.9 * L.line * pt, from: Math.max(0, i - panel.tail), to: i + 1 }
      );
      const x = ax.px(path.xs[i]), y = ax.py(path.ys[i]);
      if (ax.contains(x, y)) marker(ctx, x, y, 1.3 * L.line * pt, color, player.th.background, 0.8 * pt);
    }
  }
  function legend(player, panel) {
    const d = player.d, s = d.strings;
    if (panel.kind === "data") {
      return [{
        key: "samples",
        label: fill(s.data_samples, { window: panel.window }),
        color: accent(player, d.data.color),
        kind: "dot"
      }];
    }
    if (panel.kind === "surface") {
      const colors2 = d.surface.colors;
      return [
        {
          key: "surface",
          label: fill(s.surface, { target: d.targetName }),
          color: colors2[Math.floor(colors2.length / 2)],
          kind: "patch"
        },
        {
          key: "path",
          label: fill(s.path, { x: panel.names[0], y: panel.names[1] }),
          color: accent(player, panel.color),
          kind: "line"
        }
      ];
    }
    return [];
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
  function drawStatic2(fig, rows) {
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

  // render/web/src/lab_text.js
  var NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i;
  function number2(text2) {
    const s = String(text2).trim();
    if (s.length > 40 || !NUMBER.test(s)) return null;
    const v = Number(s);
    return isFinite(v) ? v : null;
  }
  function integer(text2, lo, hi) {
    const s = String(text2).trim();
    if (!/^\d{1,16}$/.test(s)) return null;
    const v = Number(s);
    return Number.isSafeInteger(v) && v >= lo && v <= hi ? v : null;
  }
  var repr = (v) => Object.is(v, -0) ? "-0.0" : Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v);
  var short = (v) => fmtG(v, 3).replace("-", "−");
  function shellWord(word) {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + String(word).replace(/'/g, `'"'"'`) + "'";
  }

  // render/web/src/network.js
  var MAX_UNITS = 16;
  var MAX_LAYERS = 3;
  var ACTIVATIONS2 = ["LeakyRelu", "Relu", "Sigmoid", "Tanh", "Step"];
  var LOSSES = { absolute: "ValueLoss", squared: "SquareLoss" };
  var OUTPUT_COLOR = 2;
  var MAX_PANELS = 5;
  var unitColor = (j) => j < OUTPUT_COLOR ? j : j + 1;
  function checkHidden(hidden) {
    if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_LAYERS) {
      throw new Error(`hidden: a list of 1 to ${MAX_LAYERS} widths (units per hidden layer), e.g. [3] or [3, 3]`);
    }
    for (const h of hidden) {
      if (!Number.isInteger(h) || h < 1 || h > MAX_UNITS) {
        throw new Error(`hidden: a layer of ${String(h)} units; give 1 to ${MAX_UNITS} units a layer`);
      }
    }
    return hidden.slice();
  }
  var Names = class {
    /** @param {number[]} hidden */
    constructor(hidden) {
      this.hidden = hidden;
      this.separated = hidden.length > 1 || Math.max(...hidden) >= 10;
      this.outLayer = hidden.length + 1;
    }
    /** @param {string} kind @param {number} layer @param {number[]} index */
    name(kind, layer, ...index) {
      return this.separated ? [kind, layer, ...index].join("_") : `${kind}_${layer}${index.join("")}`;
    }
    /** Layer `layer`'s weights in update order (by unit j, then its input i). @param {number} layer */
    weights(layer) {
      const out = [], h = this.hidden;
      if (layer === this.outLayer) {
        for (let i = 1; i <= h[h.length - 1]; i++) out.push(this.name("w", layer, i));
      } else if (layer === 1) {
        for (let j = 1; j <= h[0]; j++) out.push(this.name("w", 1, j));
      } else {
        for (let j = 1; j <= h[layer - 1]; j++) {
          for (let i = 1; i <= h[layer - 2]; i++) out.push(this.name("w", layer, j, i));
        }
      }
      return out;
    }
    /** @param {number} layer */
    muls(layer) {
      return this.weights(layer).map((w) => "mul" + w.slice(1));
    }
    /** @param {number} layer */
    biases(layer) {
      const units = layer === this.outLayer ? 1 : this.hidden[layer - 1], out = [];
      for (let j = 1; j <= units; j++) out.push(this.name("b", layer, j));
      return out;
    }
    /** @param {number} layer */
    adds(layer) {
      return this.biases(layer).map((b) => "add" + b.slice(1));
    }
    /** @param {number} layer */
    acts(layer) {
      return this.biases(layer).map((b) => "relu" + b.slice(1));
    }
    get output() {
      return this.adds(this.outLayer)[0];
    }
    params() {
      const out = [];
      for (let layer = 1; layer <= this.outLayer; layer++) {
        out.push(...this.weights(layer), ...this.biases(layer));
      }
      return out;
    }
  };
  var paramNames = (hidden) => new Names(checkHidden(hidden)).params();
  function networkGraph(hidden, activation = "LeakyRelu", loss = "absolute") {
    hidden = checkHidden(hidden);
    if (!ACTIVATIONS2.includes(activation)) {
      throw new Error(`unknown activation ${String(activation)} (choose from ${ACTIVATIONS2.join(", ")})`);
    }
    if (!Object.prototype.hasOwnProperty.call(LOSSES, loss)) {
      throw new Error(`unknown loss ${String(loss)} (choose from ${Object.keys(LOSSES).join(", ")})`);
    }
    const names = new Names(hidden);
    const nodes = [];
    let inputs = ["x"];
    for (let layer = 1; layer <= names.outLayer; layer++) {
      const ws = names.weights(layer), muls = names.muls(layer), bs = names.biases(layer);
      const adds = names.adds(layer), fanIn = inputs.length, perUnit = ws.length / bs.length;
      ws.forEach((w, k) => nodes.push({ name: muls[k], kind: "Mul", parents: [inputs[k % fanIn], w] }));
      adds.forEach((a, j) => nodes.push({
        name: a,
        kind: "Add",
        parents: [...muls.slice(j * perUnit, (j + 1) * perUnit), bs[j]]
      }));
      if (layer < names.outLayer) {
        const acts = names.acts(layer);
        acts.forEach((n, j) => nodes.push({ name: n, kind: activation, parents: [adds[j]] }));
        inputs = acts;
      }
    }
    nodes.push({ name: "loss", kind: LOSSES[loss], parents: ["label", names.output] });
    return { nodes, params: names.params(), input: "x", output: names.output, label: "label", loss: "loss" };
  }
  var colors = (count) => Array.from({ length: count }, (_, j) => unitColor(j));
  function networkPanels(hidden, targetName, targetNameZh = null, points = false) {
    hidden = checkHidden(hidden);
    const names = new Names(hidden), deep = hidden.length > 1, L = hidden.length;
    const panel = (title, zh2, nodes) => ({
      title,
      title_zh: zh2,
      nodes,
      colors: colors(nodes.length),
      target: false
    });
    const pre = {}, act = {};
    for (let layer = 1; layer <= L; layer++) {
      const adds = names.adds(layer), acts = names.acts(layer);
      let preT, actT;
      if (deep) {
        const a = layer === 1 ? "x" : "a";
        preT = [`layer ${layer}: w·${a} + b`, `第 ${layer} 层线性变换 w·${a} + b`];
        actT = [`layer ${layer}: act(w·${a} + b)`, `第 ${layer} 层激活 act(·)`];
      } else {
        preT = ["hidden linear: w·x + b", "隐藏层线性变换 w·x + b"];
        actT = ["activations: act(w·x + b)", "激活 act(w·x + b)"];
      }
      pre[layer] = panel(preT[0], preT[1], adds);
      act[layer] = panel(actT[0], actT[1], acts);
    }
    const parts = names.muls(names.outLayer), w = names.outLayer === 2 ? "w₂" : "w";
    const weighted = panel(`weighted activations: ${w}·act(·)`, `加权激活 ${w}·act(·)`, parts);
    const zh = targetNameZh || targetName;
    const total = {
      title: `output = Σ + b vs ${targetName}`,
      title_zh: `输出 = Σ + b 与 ${zh}`,
      nodes: [...parts, names.output],
      colors: [...colors(parts.length), OUTPUT_COLOR],
      target: !points,
      kind: "sum"
    };
    const dropped = /* @__PURE__ */ new Set();
    const order2 = [];
    for (let layer = L; layer >= 1; layer--) order2.push(`pre ${layer}`);
    order2.push("weighted");
    for (const key of order2) {
      if (2 * L + 2 - dropped.size <= MAX_PANELS) break;
      dropped.add(key);
    }
    const out = [];
    for (let layer = 1; layer <= L; layer++) {
      if (!dropped.has(`pre ${layer}`)) out.push(pre[layer]);
      out.push(act[layer]);
    }
    if (!dropped.has("weighted")) out.push(weighted);
    out.push(total);
    return out;
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
      const name2 = shortName(chars.slice(start, end));
      return { ok: true, text: stripped, name: name2, nameZh: name2, key: null, ast };
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
      const name2 = token.text;
      this.at += 1;
      if (name2 === "x") return ["x"];
      if (name2 === "pi") return ["pi"];
      const called = this.isOp("(");
      const has2 = (table) => Object.prototype.hasOwnProperty.call(table, name2);
      if (has2(FUNCTIONS)) {
        if (!called) {
          throw this.fail("parens", `function '${name2}' without parentheses`, token, `write ${name2}(...)`);
        }
        return this.call(token);
      }
      if (called) {
        throw this.fail("function", `unknown function '${name2}'`, token, `the functions are ${FUNCTION_LIST}`);
      }
      if (has2(NAMED)) {
        throw this.fail("named", `named target '${name2}' inside an expression`, token, "it stands alone");
      }
      throw this.fail("name", `unknown name '${name2}'`, token, `only x, pi and the functions ${FUNCTION_LIST}`);
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

  // render/web/src/train.js
  var train_exports = {};
  __export(train_exports, {
    ACTIVATIONS: () => ACTIVATIONS,
    BLOWUP: () => BLOWUP,
    LOSSES: () => LOSSES2,
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
  var LOSSES2 = Object.keys(LOSS_KINDS);
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
  function useEngine(build2) {
    fastEngine = build2;
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
    const slot = (name2) => {
      if (!(name2 in index)) {
        index[name2] = names.length;
        names.push(name2);
        kinds.push(null);
        parents.push([]);
        edges.push([]);
      }
      return index[name2];
    };
    for (const n of variant(graph, options)) {
      if (n.name in index) fail(`node ${JSON.stringify(n.name)} is defined after it is used, or twice`);
      const name2 = JSON.stringify(n.name), kind = JSON.stringify(n.kind);
      if (n.kind !== "Add" && !has(ARITY, n.kind)) fail(`the lab cannot train a ${kind} node`);
      if (n.builtin === false) fail(`${name2} is your own ${kind} class, not ourdl's`);
      if (!n.parents.length || has(ARITY, n.kind) && ARITY[n.kind] !== n.parents.length) {
        fail(`${n.kind} node ${JSON.stringify(n.name)} has ${n.parents.length} parents`);
      }
      const ps = n.parents.map(slot), k = slot(n.name);
      kinds[k] = n.kind;
      parents[k] = ps;
      ps.forEach((p, i) => edges[p].push([k, i]));
    }
    const leaf = (name2, what) => {
      if (!(name2 in index) || kinds[index[name2]] !== null) {
        fail(`${what} ${JSON.stringify(name2)} is not a leaf of the graph`);
      }
      return index[name2];
    };
    const params = graph.params.map((p) => leaf(String(p), "parameter"));
    const x = leaf(String(graph.input), "input"), label = leaf(String(graph.label), "label");
    const loss = index[graph.loss];
    if (loss === void 0 || kinds[loss] === null || edges[loss].length) {
      fail("the loss must be a node without children");
    }
    names.forEach((name2, i) => {
      if (kinds[i] !== null && i !== loss && !edges[i].length) {
        fail(`node ${JSON.stringify(name2)} feeds nothing`);
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
          const cp = parents[c], kind = kinds[c], first2 = n === 0 ? O2.FIRST : 0;
          if (kind === "Mul") emit(O2.G_MUL | first2, k, c, cp[1 - i]);
          else if (Array.isArray(LOCAL[kind])) emit(LOCAL[kind][i] | first2, k, c, cp[0], cp[1]);
          else emit(LOCAL[kind] | first2, k, c, cp[0]);
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

  // render/web/src/lab_run.js
  var everyFor = (samples) => Math.max(1, Math.round(samples / 300));
  var sameRates = (a, b) => !!a && !!b && a.length === b.length && a.every((v, j) => v === b[j]);
  var rateText = (lrs, names) => lrs.every((v) => v === lrs[0]) ? String(lrs[0]) : names.map((n, j) => `${n} ${lrs[j]}`).join(", ");
  function consoleRun(d, config) {
    if (!config || typeof config !== "object" || Array.isArray(config)) fail("config must be an object");
    const { hidden, ...rest } = config;
    let graph = d.graph;
    if (hidden !== void 0) {
      try {
        graph = networkGraph(hidden, rest.activation || "LeakyRelu", rest.loss || "absolute");
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    }
    const own = rest.points !== void 0 || rest.target !== void 0;
    const base = own ? {} : { target: d.targetSpec, points: d.points || null };
    return run(graph, { data_range: d.dataRange, ...base, ...rest });
  }
  var SHOWN = 2e3;
  function shownPoints(points) {
    const n = points.length;
    if (n <= SHOWN) return points;
    const step = (n - 1) / (SHOWN - 1), rows = /* @__PURE__ */ new Set();
    for (let i = 0; i < SHOWN; i++) {
      const v = i === SHOWN - 1 ? n - 1 : i * step, f = Math.floor(v), r = v - f;
      rows.add(r > 0.5 || r === 0.5 && f % 2 === 1 ? f + 1 : f);
    }
    return [...rows].sort((a, b) => a - b).map((k) => points[k]);
  }
  function pairwiseSum(a, lo = 0, n = a.length) {
    if (n < 8) {
      let res = 0;
      for (let i = 0; i < n; i++) res += a[lo + i];
      return res;
    }
    if (n <= 128) {
      const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[lo + j]);
      let i = 8;
      for (; i < n - n % 8; i += 8) for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
      let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
      for (; i < n; i++) res += a[lo + i];
      return res;
    }
    let n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
  }
  var STAT_POINTS = 120;
  var STAT_BUDGET = 24 * STAT_POINTS;
  var STAT_LEAST = 40;
  var statPoints = (nodes) => Math.max(
    STAT_LEAST,
    Math.min(STAT_POINTS, Math.round(STAT_BUDGET / nodes))
  );
  var LabRun = class {
    /**
     * @param {LabPage} d  the lab's data with its grid and target decoded
     * @param {Settings} settings
     */
    constructor(d, settings) {
      this.settings = settings;
      const every = everyFor(settings.samples);
      this.trainer = new Trainer(d.graph, {
        init: settings.init,
        lrs: settings.lrs,
        samples: settings.samples,
        activation: settings.activation,
        loss: settings.loss,
        data_seed: settings.dataSeed,
        data_range: d.dataRange,
        target: d.targetSpec,
        every,
        points: d.points || null,
        marks: d.marks
      });
      const t0 = performance.now();
      this.trainer.advance(this.trainer.steps.length - 1);
      this.trainMs = performance.now() - t0;
      this.every = every;
      this.engine = this.trainer.net.engine;
      this.steps = this.trainer.steps;
      this.S = this.steps.length;
      this.names = this.trainer.names;
      this.P = this.names.length;
      this.graph = variantGraph(d.graph, { activation: settings.activation, loss: settings.loss });
      this.program = compile(this.graph, d.gridValues.length);
      if (!this.program) throw new Error("the page cannot evaluate this graph");
      this.output = this.program.index[d.graph.output];
      if (d.points && d.points.length) {
        const shown = shownPoints(d.points);
        this.pointsX = Float64Array.from(shown, (p) => p[0]);
        this.pointsY = Float64Array.from(shown, (p) => p[1]);
        this.pointsProgram = compile(this.graph, shown.length);
        this.pointsDiff = new Float64Array(shown.length);
      }
      this.divergedAt = this.trainer.divergedAt;
      this.trainLoss = this.trainer.trainLoss;
      const k = Math.max(1, Math.ceil(this.S / statPoints(this.program.order.length)));
      const index = [];
      for (let s = 0; s < this.S; s += k) index.push(s);
      if (index[index.length - 1] !== this.S - 1) index.push(this.S - 1);
      this.statIndex = index;
      this.statSteps = index.map((s) => this.steps[s]);
      this.statTrain = index.map((s) => this.trainLoss[s]);
      this.statEval = new Float64Array(index.length);
      this.extremes = {};
      const drawn = [...new Set(d.panels.flatMap((p) => p.nodes))];
      for (const n of drawn) {
        this.extremes[n] = { lo: new Float64Array(index.length), hi: new Float64Array(index.length) };
      }
      index.forEach((s, j) => {
        const values = this.evaluate(d, s);
        this.statEval[j] = this.evalLoss(d, values, s);
        for (const n of drawn) {
          const v = values[this.program.index[n]];
          let lo = Infinity, hi = -Infinity;
          for (let g = 0; g < v.length; g++) {
            if (v[g] < lo) lo = v[g];
            if (v[g] > hi) hi = v[g];
          }
          this.extremes[n].lo[j] = lo;
          this.extremes[n].hi[j] = hi;
        }
      });
      this.healthy = this.healthyPoints(d.limitRule.healthy);
    }
    /**
     * Every recorded node over the grid at snapshot s (graph.js's buffers: valid until the next call).
     * @param {LabPage} d @param {number} s
     */
    evaluate(d, s) {
      return evaluate(this.program, this.trainer.params, s * this.P, d.gridValues, d.targetValues);
    }
    /**
     * Snapshot s's evaluation loss: mean |output - target| over the grid points in the data range
     * (render.record.runs.record_run), or, trained on points, mean |output(x_k) - y_k| over the points
     * shown, summed as numpy sums (net_snapshot.output_loss). `values`: evaluate(d, s) (the grid's).
     * @param {LabPage} d @param {Float64Array[]} values @param {number} s
     */
    evalLoss(d, values, s) {
      if (this.pointsProgram) {
        const p = this.pointsProgram, xs = (
          /** @type {Float64Array} */
          this.pointsX
        );
        const ys = (
          /** @type {Float64Array} */
          this.pointsY
        );
        const diff = (
          /** @type {Float64Array} */
          this.pointsDiff
        );
        const out2 = evaluate(p, this.trainer.params, s * this.P, xs, ys)[p.index[d.graph.output]];
        for (let k = 0; k < diff.length; k++) diff[k] = Math.abs(out2[k] - ys[k]);
        return pairwiseSum(diff) / diff.length;
      }
      const out = values[this.output], target = d.targetValues, inside = d.inside;
      let sum2 = 0;
      for (let k = 0; k < inside.length; k++) {
        const g = inside[k];
        sum2 += Math.abs(out[g] - target[g]);
      }
      return inside.length ? sum2 / inside.length : NaN;
    }
    /** Summary points that may set axis limits: before a divergence, within `scale` times the start's scale
     * (render.draw.limits.healthy, RULE.healthy). @param {number} scale */
    healthyPoints(scale) {
      const n = this.statIndex.length, keep = new Uint8Array(n).fill(1);
      if (this.divergedAt === null) return keep;
      const ext = Object.values(this.extremes);
      const size = (j) => Math.max(...ext.map((e) => Math.max(Math.abs(e.lo[j]), Math.abs(e.hi[j]))));
      const start = Math.max(1, size(0));
      for (let j = 1; j < n; j++) {
        keep[j] = this.statSteps[j] < this.divergedAt && size(j) <= scale * start ? 1 : 0;
      }
      return keep;
    }
    /** The last snapshot at or before sample `step`. @param {number} step */
    indexOf(step) {
      return indexOfStep(this.steps, step);
    }
  };

  // render/web/src/lab_settings.js
  var MAX_POINTS2 = 500;
  var POINT_DIGITS = 3;
  var MAX_COORD = 1e4;
  var MAX_FRAGMENT = 3e4;
  var PARAM = /^[wb]_\d{1,2}(_\d{1,2}){0,2}$/;
  var roundCoord = (v) => {
    const f = 10 ** POINT_DIGITS, r = Math.round(v * f) / f;
    return r === 0 ? 0 : r;
  };
  var coordText = (v) => String(v);
  function checkPoints2(pts) {
    if (!Array.isArray(pts) || pts.length > MAX_POINTS2) return null;
    const out = [];
    for (const p of pts) {
      if (!Array.isArray(p) || p.length !== 2) return null;
      if (!p.every((v) => typeof v === "number" && isFinite(v) && Math.abs(v) <= MAX_COORD)) return null;
      out.push([roundCoord(p[0]), roundCoord(p[1])]);
    }
    return out;
  }
  var NO_POINTS = "none";
  var pointsWord = (pts) => pts.length ? pts.map((p) => `${coordText(p[0])}_${coordText(p[1])}`).join("~") : NO_POINTS;
  var samePoints = (a, b) => a === b || Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((p, k) => Array.isArray(p) && p[0] === b[k][0] && p[1] === b[k][1]);
  var pointsCsv = (pts) => ["x,y", ...pts.map((p) => `${coordText(p[0])},${coordText(p[1])}`)].join("\n") + "\n";
  function parsePoints(text2) {
    if (typeof text2 !== "string") return null;
    if (text2 === "" || text2 === NO_POINTS) return [];
    const parts = text2.split("~");
    if (parts.length > MAX_POINTS2) return null;
    const pts = [];
    for (const part of parts) {
      const xy = part.split("_").map(number2);
      if (xy.length !== 2 || xy.some((v) => v === null)) return null;
      pts.push(xy);
    }
    return checkPoints2(pts);
  }
  function parseHidden(text2) {
    if (typeof text2 !== "string" || !/^\d{1,2}(,\d{1,2}){0,2}$/.test(text2)) return null;
    const hidden = text2.split(",").map(Number);
    return okHidden(hidden) ? hidden : null;
  }
  var okHidden = (h) => Array.isArray(h) && h.length >= 1 && h.length <= MAX_LAYERS && h.every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_UNITS);
  function roles(hidden) {
    const out = [], L = hidden.length;
    for (let layer = 1; layer <= L + 1; layer++) {
      const key = layer === L + 1 ? "out" : String(layer), fanIn = layer === 1 ? 1 : hidden[layer - 2];
      const units = layer === L + 1 ? 1 : hidden[layer - 1];
      for (let j = 1; j <= units; j++) for (let i = 1; i <= fanIn; i++) out.push(`w ${key} ${j} ${i}`);
      for (let j = 1; j <= units; j++) out.push(`b ${key} ${j}`);
    }
    return out;
  }
  function translate(values, from, to) {
    const a = paramNames(from), ra = roles(from), b = paramNames(to), rb = roles(to);
    const byRole = /* @__PURE__ */ Object.create(null);
    rb.forEach((r, k) => {
      byRole[r] = b[k];
    });
    const out = {};
    a.forEach((n, k) => {
      if (byRole[ra[k]] !== void 0 && n in values) out[byRole[ra[k]]] = values[n];
    });
    return out;
  }
  function familyWidths(d) {
    const shape = (g) => JSON.stringify(
      [g.params, g.output, g.nodes.map((n) => [n.name, n.kind, n.parents])]
    );
    const own = shape(d.graph), act = d.defaults.activation;
    if (!act) return null;
    const given = (
      /** @type {{hidden?: number[] | null}} */
      d.hidden
    );
    if (Array.isArray(given) && okHidden(given)) {
      try {
        if (shape(networkGraph(given, act, d.defaults.loss)) === own) return given.slice();
      } catch {
        return null;
      }
    }
    for (let h = 1; h <= MAX_UNITS; h++) {
      const loss = d.defaults.loss;
      try {
        if (shape(networkGraph([h], act, loss)) === own) return [h];
      } catch {
        return null;
      }
    }
    return null;
  }
  var LabSettings = class {
    /** @param {LabPage} d */
    constructor(d) {
      this.d = d;
      this.family = familyWidths(d);
      const expr2 = (
        /** @type {{targetExpr?: {text?: unknown} | null}} */
        d.targetExpr
      );
      const own = expr2 && typeof expr2.text === "string" ? parseTarget(expr2.text) : null;
      this.sceneTarget = !this.family ? null : own && own.ok ? own.text : d.targetSpec && d.targetSpec.kind === "square" || d.points ? "x^2" : null;
      this.scenePoints = this.family && Array.isArray(d.points) ? d.points : [];
      this.initSeed = 0;
      this.defaults = this.normalise({
        ...d.defaults,
        hidden: this.family,
        target: this.sceneTarget,
        points: this.scenePoints
      });
      this.names = this.namesOf(this.defaults);
    }
    /** Whether `h` is widths the lab offers. @param {unknown} h */
    okHidden(h) {
      return okHidden(h);
    }
    /** The parameters of settings `s`, in update order. @param {{hidden?: number[] | null}} s */
    namesOf(s) {
      return this.family && s.hidden ? paramNames(s.hidden) : this.d.graph.params.map(String);
    }
    /** Whether settings `s` are the scene's own network, target and data (then its own panels and graph).
     * @param {Settings} s */
    isScenes(s) {
      return !this.family || sameRates(s.hidden, this.family) && s.target === this.sceneTarget && this.ownPoints(s.points);
    }
    /** Whether `pts` are the scene's own points (none, or a --data page's). @param {number[][]} pts */
    ownPoints(pts) {
      return samePoints(pts, this.scenePoints);
    }
    /** Whether the scene's presets (Fig 7, Fig 8) mean something for settings `s`: its own network and target.
     * @param {Settings} s */
    isChapter(s) {
      return this.isScenes(s);
    }
    /** The values Python draws for the parameters of `hidden` from `seed` (Run.initial_values).
     * @param {number[]} hidden @param {number} seed */
    drawn(hidden, seed) {
      const names = paramNames(hidden), values = uniform(seed, -1, 1, names.length);
      const out = {};
      names.forEach((n, j) => {
        out[n] = values[j];
      });
      return out;
    }
    /**
     * Why target text cannot be the target here (parseTarget's or checkFinite's words), or "".
     * @param {unknown} text
     */
    targetError(text2) {
      const t = parseTarget(text2);
      if (t.ok === false) return t.error;
      return checkFinite(t, this.d.dataRange[0], this.d.dataRange[1]) || "";
    }
    /**
     * Settings with every field checked; anything invalid takes the default's value.
     * @param {Partial<Settings>} s @param {Settings} [base] @returns {Settings}
     */
    normalise(s, base) {
      base = base || this.defaults || /** @type {Settings} */
      s;
      const ok = (v, test) => test(v) ? v : void 0;
      const pick = (v, fallback) => v === void 0 ? fallback : v;
      const hidden = this.family ? (
        /** @type {number[]} */
        pick(ok(s.hidden, okHidden), base.hidden).slice()
      ) : null;
      const names = this.namesOf({ hidden });
      const fresh = hidden && names.some((n) => !(s.init && n in s.init) && !(n in base.init)) ? this.drawn(hidden, this.initSeed) : {};
      const init = {};
      for (const n of names) {
        const v = s.init && s.init[n];
        init[n] = typeof v === "number" && isFinite(v) ? v : n in base.init ? base.init[n] : fresh[n];
      }
      const finite2 = (v) => typeof v === "number" && isFinite(v);
      const rates = (v) => Array.isArray(v) && v.length === names.length && v.every(finite2) && (this.d.ownRates || v.every((r) => r === v[0]));
      let lrs = ok(s.lrs, rates);
      if (!lrs && !this.d.ownRates) {
        const one = Array.isArray(s.lrs) && s.lrs.length && finite2(s.lrs[0]) && s.lrs.every((r) => r === s.lrs[0]) ? s.lrs[0] : base.lrs[0];
        lrs = names.map(() => one);
      }
      lrs = (lrs || base.lrs).slice();
      const target = this.family ? pick(ok(s.target, (t) => !this.targetError(t)), base.target) : null;
      const points = !this.family ? [] : this.ownPoints(s.points) ? this.scenePoints : pick(checkPoints2(s.points) || void 0, base.points || []);
      return {
        init,
        lr: lrs.every((v) => v === lrs[0]) ? lrs[0] : null,
        // the one rate, or null when they differ
        lrs,
        samples: pick(
          ok(s.samples, (v) => Number.isSafeInteger(v) && v >= 1 && v <= this.d.maxSamples),
          base.samples
        ),
        activation: pick(ok(s.activation, (v) => this.d.activations.includes(v)), base.activation),
        loss: pick(ok(s.loss, (v) => this.d.losses.includes(v)), base.loss),
        dataSeed: pick(ok(s.dataSeed, (v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 53), base.dataSeed),
        hidden,
        target,
        points
      };
    }
    /** Rates from fragment text: one number (every rate), or one per parameter joined by "/".
     * @param {string | undefined} text @param {string[]} names */
    parseRates(text2, names) {
      if (typeof text2 !== "string" || text2.length > 40 * names.length) return void 0;
      const values = text2.split("/").map(number2);
      if (values.some((v) => v === null)) return void 0;
      if (values.length === 1) return names.map(() => values[0]);
      return values.length === names.length ? values : void 0;
    }
    /** The rates as the fragment writes them. @param {Settings} s */
    rateWord(s) {
      return s.lr !== null ? repr(s.lr) : s.lrs.map(repr).join("/");
    }
    /** Whether `key` is a field of the fragment: the settings, the timeline's sample and a pinned run.
     * @param {string} key */
    fragmentKey(key) {
      return ["lr", "act", "loss", "n", "seed", "step", "pin", "h", "t", "pts"].includes(key) || PARAM.test(key) || this.names.includes(key);
    }
    /**
     * Settings from fragment values: numbers, known names and targets only; anything else keeps the default.
     * @param {(key: string) => string | undefined} get
     */
    parseSettings(get) {
      const hidden = this.family ? parseHidden(get("h")) || this.defaults.hidden : null;
      const names = this.namesOf({ hidden });
      const init = {};
      for (const n of names) {
        const v = number2(get(n) || "");
        if (v !== null) init[n] = v;
      }
      const int = (k, hi) => {
        const v = get(k);
        return v === void 0 ? void 0 : integer(v, 0, hi);
      };
      const pick = (v) => v === null ? void 0 : v;
      const pts = get("pts");
      return this.normalise(
        {
          init,
          lrs: this.parseRates(get("lr"), names),
          samples: pick(int("n", this.d.maxSamples)),
          activation: get("act"),
          loss: get("loss"),
          dataSeed: pick(int("seed", 2 ** 53 - 1)),
          hidden,
          target: get("t"),
          points: pts === void 0 ? this.scenePoints : parsePoints(pts) || void 0
        },
        this.defaults
      );
    }
    /** What of a link's family fields was refused, in words for the page ("" when nothing).
     * @param {(key: string) => string | undefined} get */
    refusals(get) {
      if (!this.family) return "";
      const ui = this.d.lab, out = [], t = get("t"), h = get("h"), pts = get("pts");
      if (t !== void 0 && this.targetError(t)) {
        out.push(fill(ui.link_refused, { what: ui.target, why: this.targetError(t) }));
      }
      if (h !== void 0 && !parseHidden(h)) {
        out.push(fill(ui.link_refused, { what: ui.layers, why: h.slice(0, 20) }));
      }
      if (pts !== void 0 && !parsePoints(pts)) {
        out.push(fill(ui.link_refused, { what: ui.points, why: `at most ${MAX_POINTS2} x_y pairs of numbers` }));
      }
      return out.join(" ");
    }
    /** The fields a pinned run must have in the fragment, for its own network `hidden`.
     * @param {number[] | null} hidden */
    pinKeys(hidden) {
      return [
        ...this.namesOf({ hidden }),
        "lr",
        ...this.d.activations.length ? ["act"] : [],
        "loss",
        "n",
        "seed"
      ];
    }
    /** A pinned run's settings from "name:value,..." with every field present and valid, else null.
     * @param {string} text */
    parsePin(text2) {
      const pairs = /* @__PURE__ */ Object.create(null);
      if (text2.length > MAX_FRAGMENT) return null;
      for (const part of text2.split(",")) {
        const i = part.indexOf(":"), k = part.slice(0, i);
        if (i <= 0 || !this.fragmentKey(k) || k in pairs) return null;
        pairs[k] = part.slice(i + 1);
      }
      let hidden = null;
      if (this.family) {
        hidden = "h" in pairs ? parseHidden(pairs.h.replace(/\./g, ",")) : this.defaults.hidden;
        if (!hidden) return null;
      }
      if ("t" in pairs) {
        try {
          pairs.t = decodeURIComponent(pairs.t);
        } catch {
          return null;
        }
      }
      const keys2 = this.pinKeys(hidden);
      if (keys2.some((k) => !(k in pairs))) return null;
      const names = this.namesOf({ hidden });
      const s = this.parseSettings((k) => k === "h" && hidden ? hidden.join(",") : pairs[k]);
      const points = "pts" in pairs ? parsePoints(pairs.pts) : this.scenePoints;
      const same = names.every((n) => String(s.init[n]) === String(number2(pairs[n]))) && sameRates(s.lrs, this.parseRates(pairs.lr, names)) && (s.activation || void 0) === pairs.act && s.loss === pairs.loss && s.samples === integer(pairs.n, 1, this.d.maxSamples) && s.dataSeed === integer(pairs.seed, 0, 2 ** 53 - 1) && (!("t" in pairs) || s.target === pairs.t) && !!points && points.length === s.points.length;
      return same ? s : null;
    }
    /** The family's fields of settings `s` that differ from the scene's own ([key, text] pairs).
     * @param {Settings} s @param {string} [sep]  between widths */
    familyFields(s, sep = ",") {
      if (!this.family) return [];
      const out = [];
      if (!sameRates(s.hidden, this.family)) out.push(["h", s.hidden.join(sep)]);
      if (s.target !== this.sceneTarget) out.push(["t", s.target]);
      if (!this.ownPoints(s.points)) out.push(["pts", pointsWord(s.points)]);
      return out;
    }
    /**
     * The fragment's values for settings `s` at sample `step`, with a pinned run's settings if any.
     * @param {Settings} s @param {number} step @param {Settings | null} pinned
     */
    fragmentOf(s, step, pinned) {
      const out = {};
      for (const [k, v] of this.familyFields(s)) out[k] = v;
      for (const n of this.namesOf(s)) out[n] = repr(s.init[n]);
      Object.assign(out, {
        lr: this.rateWord(s),
        act: s.activation,
        loss: s.loss,
        n: s.samples,
        seed: s.dataSeed,
        step
      });
      if (pinned) {
        const p = pinned;
        const own = this.familyFields(p, ".").map(([k, v]) => `${k}:${k === "t" ? encodeURIComponent(v) : v}`);
        out.pin = [
          ...own,
          ...this.namesOf(p).map((n) => `${n}:${repr(p.init[n])}`),
          `lr:${this.rateWord(p)}`,
          ...p.activation ? [`act:${p.activation}`] : [],
          `loss:${p.loss}`,
          `n:${p.samples}`,
          `seed:${p.dataSeed}`
        ].join(",");
      }
      return out;
    }
  };

  // render/web/src/lab_points.js
  var HIT = 11;
  var PointsPad = class {
    /** @param {Figure} fig */
    constructor(fig) {
      this.fig = fig;
      const e = this.element = el("div", "ol-points-pad", fig.element);
      e.hidden = true;
      e.tabIndex = 0;
      e.setAttribute("role", "application");
      this.press = null;
      this.selected = -1;
      e.addEventListener("pointerdown", (ev) => this.down(ev));
      e.addEventListener("pointermove", (ev) => this.move(ev));
      e.addEventListener("pointerup", (ev) => this.up(ev));
      e.addEventListener("pointercancel", () => {
        this.press = null;
      });
      e.addEventListener("contextmenu", (ev) => {
        ev.preventDefault();
        const k = this.hit(ev);
        if (k >= 0) this.change(this.points().filter((_, i) => i !== k));
      });
      e.addEventListener("keydown", (ev) => {
        if ((ev.key === "Delete" || ev.key === "Backspace") && this.selected >= 0) {
          ev.preventDefault();
          ev.stopPropagation();
          const k = this.selected;
          this.selected = -1;
          this.change(this.points().filter((_, i) => i !== k));
        }
      });
    }
    /** @returns {number[][]} */
    points() {
      return this.fig.points ? this.fig.points() : [];
    }
    /** @param {number[][]} pts */
    change(pts) {
      if (this.fig.onPoints) this.fig.onPoints(pts);
    }
    /** Over the axes `ax` (CSS px of the figure), or hidden. @param {Axes | null} ax */
    place(ax) {
      this.ax = ax;
      const on = !!ax && !!this.fig.editable;
      this.element.hidden = !on;
      if (!on) return;
      const r = ax.rect;
      Object.assign(
        this.element.style,
        { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` }
      );
    }
    /** The press in the axes' px. @param {MouseEvent} ev */
    at(ev) {
      const r = this.fig.element.getBoundingClientRect();
      return [ev.clientX - r.left, ev.clientY - r.top];
    }
    /** The point within HIT px of the press (the nearest), or -1. @param {MouseEvent} ev */
    hit(ev) {
      const [px, py] = this.at(ev), ax = this.ax;
      let best = -1, dist = HIT;
      this.points().forEach((p, k) => {
        const d = Math.hypot(ax.px(p[0]) - px, ax.py(p[1]) - py);
        if (d <= dist) {
          best = k;
          dist = d;
        }
      });
      return best;
    }
    /** The data point under the press, rounded as points are kept. @param {MouseEvent} ev */
    value(ev) {
      const [px, py] = this.at(ev), ax = this.ax, r = ax.rect;
      const x = ax.xAt(Math.min(r.x + r.w, Math.max(r.x, px)));
      const y = ax.yAt(Math.min(r.y + r.h, Math.max(r.y, py)));
      return [roundCoord(x), roundCoord(y)];
    }
    /** @param {PointerEvent} ev */
    down(ev) {
      if (ev.button !== 0) return;
      const k = this.hit(ev);
      this.press = { id: ev.pointerId, k, x: ev.clientX, y: ev.clientY, moved: false };
      this.selected = k;
      this.element.focus({ preventScroll: true });
      try {
        this.element.setPointerCapture(ev.pointerId);
      } catch {
      }
    }
    /** @param {PointerEvent} ev */
    move(ev) {
      const p = this.press;
      if (!p || p.id !== ev.pointerId) {
        this.element.style.cursor = this.hit(ev) >= 0 ? "move" : "crosshair";
        return;
      }
      if (!p.moved && Math.hypot(ev.clientX - p.x, ev.clientY - p.y) < 4) return;
      p.moved = true;
      if (p.k < 0) return;
      const pts = this.points().slice();
      pts[p.k] = this.value(ev);
      this.change(pts);
    }
    /** @param {PointerEvent} ev */
    up(ev) {
      const p = this.press;
      if (!p || p.id !== ev.pointerId) return;
      this.press = null;
      if (p.k >= 0 || p.moved) return;
      const pts = this.points();
      this.selected = pts.length;
      this.change([...pts, this.value(ev)]);
    }
  };

  // render/web/src/lab_figure.js
  var MAX_FADED = 2e3;
  var NONE = /* @__PURE__ */ new Set();
  var ONE_ROW_ASPECT = 0.82;
  var MIN_WIDTH = 240;
  var Figure = class {
    /** @param {HTMLElement} parent @param {LabPage} d */
    constructor(parent, d) {
      this.d = d;
      this.th = d.theme;
      this.L = d.layout;
      this.hidden = NONE;
      this.fam = family(d.lang);
      const fig = figure(parent, "op-figure ol-figure");
      this.element = fig.element;
      this.canvas = fig.canvas;
      this.overlay = fig.overlay;
      this.bg = fig.bg;
      this.rows = [];
      this.width = 0;
      this.surface = d.surface ? decodeSurface(d.surface) : null;
      this.images = /* @__PURE__ */ Object.create(null);
      this.editable = false;
      this.points = null;
      this.onPoints = null;
      this.pad = new PointsPad(this);
    }
    /** Whether a press belongs to the points pad (not the timeline's drag). @param {PointerEvent} e */
    ownsPress(e) {
      return e.target === this.pad.element;
    }
    /**
     * What panels.js reads of a player, for one row (its run is that "player"'s run 0).
     * @param {LabRun} run @returns {PanelView}
     */
    view(run2) {
      const fig = this, d = this.d;
      const paths = /* @__PURE__ */ Object.create(null);
      for (const p of d.panels) {
        if (p.kind !== "surface") continue;
        const [a, b] = p.params;
        const at = (j) => Float64Array.from({ length: run2.S }, (_, s) => run2.trainer.params[s * run2.P + j]);
        paths[p.params.join(",")] = [{ xs: at(a), ys: at(b) }];
      }
      return {
        panelState: { surface: this.surface, images: this.images, paths },
        d: { strings: d.strings, data: d.data, surface: d.surface, targetName: d.targetName },
        th: this.th,
        hidden: NONE,
        steps: run2.steps,
        L: this.L,
        get pt() {
          return fig.pt;
        },
        get dpr() {
          return fig.dpr;
        },
        get fam() {
          return fig.fam;
        }
      };
    }
    /** Palette colour i. @param {number} i */
    color(i) {
      return paletteColor(this.th, i);
    }
    /** rows: [{run: LabRun, label}]; total: the timeline's last sample; `d` the page's data as the runs'
     * network, target and points make it (lab.js netView), when they changed.
     * @param {Row[]} rows @param {number} total @param {LabPage} [view] */
    setRows(rows, total, view) {
      if (view) this.d = view;
      this.rows = rows;
      this.total = total;
      this.element.setAttribute("aria-label", rows.map((r) => r.label).join(" / "));
      const d = this.d, surface = (p) => p.kind === "surface" && this.surface;
      this.views = rows.map(({ run: run2 }) => this.view(run2));
      this.xlims = d.panels.map((p) => surface(p) ? this.surface.x : d.xRange);
      this.ylims = d.panels.map((p) => {
        if (surface(p)) return this.surface.y;
        const lows = [], highs = [], include = [0];
        for (const { run: run2 } of rows) {
          for (const n of p.nodes) {
            const e = run2.extremes[n];
            if (!e) continue;
            run2.healthy.forEach((ok, j) => {
              if (ok) {
                lows.push(e.lo[j]);
                highs.push(e.hi[j]);
              }
            });
          }
        }
        if (p.target || outputPanel(p) && d.points) {
          include.push(...[d.targetMin, d.targetMax].filter((v) => isFinite(v)));
        }
        if (outputPanel(p) && d.points && d.points.length) {
          include.push(Math.min(...d.points.map((q) => q[1])), Math.max(...d.points.map((q) => q[1])));
        }
        return this.robustLimits(lows, highs, include);
      });
      const losses = [];
      for (const { run: run2 } of rows) {
        run2.healthy.forEach((ok, j) => {
          if (ok) losses.push(run2.statTrain[j], run2.statEval[j]);
        });
      }
      this.lossYlim = this.logLimits(losses);
      const axis = sampleAxis(total, d.limitRule.cursor_room, d.limitRule);
      this.lossXlim = axis.xlim;
      this.linthresh = axis.linthresh;
      this.layout();
    }
    /** render.draw.limits.robust_limits, by the page's rule. @param {number[]} lows @param {number[]} highs
     * @param {number[]} include */
    robustLimits(lows, highs, include) {
      return robustLimits(lows, highs, include, this.d.limitRule);
    }
    /** render.draw.limits.log_limits, by the page's rule. @param {number[]} values */
    logLimits(values) {
      return logLimits(values, this.d.limitRule);
    }
    /** What each axes drew, row by row (tests). */
    axesReport() {
      return axesReport(this);
    }
    /** Lay the figure out for its width (layout.js: the pages' grid rule) and draw its static layer. */
    layout() {
      const L = this.L, d = this.d, n = d.panels.length + 1;
      const W = Math.max(MIN_WIDTH, this.element.clientWidth || 800);
      this.width = this.element.clientWidth;
      const caption = captionPieces(d, this.total);
      const extra = this.views.length ? (p) => legend(this.views[0], p) : null;
      this.legends = Array.from(
        { length: n },
        (_, j) => legendItems(d, j, this.th, (i) => this.color(i), extra)
      );
      const lay = this.lay = figureLayout(L, W, n, {
        heads: this.rows.map((row) => ({ label: row.label, caption, widest: this.total })),
        titles: panelTitles(d, n),
        legends: this.legends,
        fam: this.fam,
        bold: true,
        oneRow: (inches, aw) => aw * ONE_ROW_ASPECT
      });
      this.s = lay.s;
      this.pt = lay.pt;
      this.W = W;
      this.H = lay.H;
      this.titled = lay.titled;
      this.axes = lay.rects.map((rects) => rects.map((rect, j) => j < d.panels.length ? new Axes(rect, { xlim: this.xlims[j], ylim: this.ylims[j] }) : lossAxes(rect, this.lossXlim, this.lossYlim, this.linthresh)));
      this.dpr = sizeCanvases([this.canvas, this.bg], this.element, W, this.H);
      this.pad.place(this.outputAxes());
      drawStatic2(this, {
        grid: d.gridValues,
        target: d.targetValues,
        points: d.points,
        style: this.style(),
        surface: (ctx, ax, k, p) => {
          if (this.surface) drawStatic(this.views[k], ctx, ax, 0, p);
        },
        losses: (k) => {
          const run2 = this.rows[k].run;
          return { train: [run2.steps, run2.trainLoss], eval: [run2.statSteps, run2.statEval] };
        }
      });
      this.buildOverlay();
    }
    /** How sum_view.js draws: the palette, the theme's muted and target colours, the curve width.
     * @returns {import("./sum_view.js").SumStyle} */
    style() {
      const th = this.th;
      return {
        color: (i) => this.color(i),
        muted: th.muted,
        target: th.target,
        line: this.L.line * this.pt,
        pt: this.pt,
        hidden: NONE
      };
    }
    /** The output panel's axes in the top row (where points are added), or null. */
    outputAxes() {
      const j = this.d.panels.findIndex((p) => outputPanel(p));
      return j >= 0 && this.axes ? this.axes[0][j] : null;
    }
    /** Each run's panel grid as laid out. */
    grid() {
      return { rows: this.lay.rows, cols: this.lay.cols };
    }
    /** The smallest font px of the text on the figure's canvases and in its overlay. */
    minTextPx() {
      return smallestTextPx([this.bg, this.canvas], this.overlay);
    }
    /** Each run's label, caption and warning; the legends under the last run's panels. */
    buildOverlay() {
      const o = this.overlay, d = this.d, L = this.L, s = this.s, pt = this.pt;
      o.textContent = "";
      o.style.fontSize = `${L.font * pt}px`;
      this.captions = [];
      this.warnings = [];
      this.rows.forEach((row, k) => {
        const head = runHeader(o, L, this.lay.heads[k], this.axes[k], d.panels.length, this.color(3), s);
        head.label.style.color = row.pinned ? this.th.muted : this.th.foreground;
        this.captions.push(head.values);
        this.warnings.push(head.warning);
      });
      this.axes[this.axes.length - 1].forEach((ax, j) => {
        const items = this.legends[j];
        const box = legendBox(o, L, "op-legend ol-legend", ax, items.length, s, pt, this.lay.legendCols[j]);
        for (const it of items) {
          const entry = el("span", "op-entry", box);
          swatch(entry, L, it, pt);
          el("span", "op-entry-label", entry, it.label);
        }
        keepInside(box, this.W);
      });
    }
    /** Draw every row at sample `step` of the timeline. @param {number} step */
    draw(step) {
      if (!this.axes) return;
      if (this.element.clientWidth && this.element.clientWidth !== this.width) this.layout();
      const ctx = this.canvas.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = this.L;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.bg, 0, 0);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      const st = this.style();
      this.rows.forEach(({ run: run2 }, k) => {
        const row = this.axes[k], i = run2.indexOf(step), values = run2.evaluate(d, i), index = run2.program.index;
        d.panels.forEach((p, j2) => {
          if (p.kind === "data") this.drawSamples(ctx, row[j2], run2, i, p);
          if (p.nodes.some((n) => !(n in index))) {
            if (outputPanel(p)) {
              line(
                ctx,
                row[j2],
                d.gridValues,
                values[run2.output],
                { color: this.color(p.colors[p.colors.length - 1]), width: L.line * pt }
              );
            }
            return;
          }
          if (p.kind === "sum") {
            const byName = {};
            for (const n of p.nodes) byName[n] = values[index[n]];
            drawSum(ctx, row[j2], d.gridValues, byName, p, st);
            return;
          }
          p.nodes.forEach((n, c) => {
            line(
              ctx,
              row[j2],
              d.gridValues,
              values[index[n]],
              { color: this.color(p.colors[c]), width: L.line * pt }
            );
          });
          if (p.kind === "surface" && this.surface) draw(this.views[k], ctx, row[j2], 0, i, p);
        });
        const ax = row[d.panels.length], ev = run2.evalLoss(d, values, i);
        let j = 0;
        while (j < run2.statSteps.length && run2.statSteps[j] < run2.steps[i]) j++;
        line(
          ctx,
          ax,
          [...run2.statSteps.slice(0, j), run2.steps[i]],
          [...run2.statEval.slice(0, j), ev],
          { color: this.color(2), width: L.line * 0.9 * pt }
        );
        const x = ax.px(Math.min(step, run2.steps[run2.S - 1]));
        vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
        if (ev > 0) marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, this.color(2), th.background, 0.8 * pt);
        showCaption(this, k, run2.steps[i], run2.trainLoss[i], ev, run2.divergedAt);
      });
    }
    /**
     * The samples a run has trained on by snapshot i: faded (the latest MAX_FADED of them), the latest
     * `window` solid, as panels.js draws a recording's (render/draw/panels_data.py).
     * @param {CanvasRenderingContext2D} ctx @param {Axes} ax @param {LabRun} run @param {number} i
     * @param {Panel} p
     */
    drawSamples(ctx, ax, run2, i, p) {
      const pt = this.pt, L = this.L, xs = run2.trainer.xs, ys = run2.trainer.ys;
      const n = Math.min(run2.steps[i], run2.trainer.seen), cut2 = Math.max(0, n - p.window);
      ctx.save();
      clip(ctx, ax);
      ctx.globalAlpha = 0.35;
      for (let k = Math.max(0, cut2 - MAX_FADED); k < cut2; k++) {
        marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 0.65 * L.line * pt, this.th.muted);
      }
      ctx.globalAlpha = 1;
      const color = this.color(this.d.data.color);
      for (let k = cut2; k < n; k++) marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 1.1 * L.line * pt, color);
      ctx.restore();
    }
  };
  function captionPieces(d, total) {
    const out = [];
    for (const part of String(d.captionTemplate).split(/(\{(?:step|train|eval)\})/)) {
      const m = /^\{(step|train|eval)\}$/.exec(part);
      if (m) out.push(["v", m[1]]);
      else if (part) {
        out.push(["t", part.replace("{total:,}", thousands(total)).replace("{target}", d.targetName)]);
      }
    }
    return out;
  }

  // render/web/src/lab_map.js
  var short2 = (v) => fmtG(v, 3).replace("-", "−");
  var BasinMap = class {
    /**
     * @param {HTMLElement} parent @param {LabPage} d
     * @param {import("./lab.js").Lab} lab  its settings, pinned run, parameter names and set(partial, user)
     */
    constructor(parent, d, lab) {
      const m = this.m = /** @type {import("./types.js").LabMap & {hidden?: number[], target?: string}} */
      d.map;
      this.d = d;
      this.lab = lab;
      this.loss = f32(m.loss);
      this.mode = i8(m.mode);
      const ui = d.lab;
      this.element = el("div", "ol-map", parent);
      el("div", "ol-heading", this.element, ui.map_title);
      this.canvas = el("canvas", "ol-map-canvas", this.element);
      this.canvas.setAttribute("role", "img");
      this.canvas.setAttribute("aria-label", ui.map_title);
      this.info = el("div", "ol-map-info", this.element);
      this.legend = el("div", "ol-map-legend", this.element);
      m.modes.forEach((name2, i) => {
        const item = el("span", "ol-map-key", this.legend);
        el("span", "ol-map-swatch", item).style.backgroundColor = m.colors[i];
        el("span", null, item, name2);
      });
      el(
        "span",
        "ol-map-key ol-muted",
        this.legend,
        fill(ui.map_pale, { target: d.targetName, thr: m.threshold })
      );
      this.note = el("div", "ol-note", this.element);
      const ref = d.presets.length ? d.presets[0].name : ui.map_start;
      this.note.textContent = fill(ui.map_note, {
        n: m.size,
        a0: m.axes[0],
        a1: m.axes[1],
        ref,
        act: m.activation,
        lr: rateText(m.lrs, lab.names),
        samples: thousands(m.samples),
        seed: m.dataSeed
      });
      this.differs = el("div", "ol-note ol-warn", this.element);
      this.computeButton = el("button", "ol-button ol-map-compute", this.element, ui.map_compute);
      this.computeButton.type = "button";
      this.computeButton.addEventListener("click", () => this.compute());
      this.job = null;
      this.canvas.addEventListener("click", (e) => this.onClick(e));
      this.canvas.addEventListener("mousemove", (e) => this.onMove(e));
      this.canvas.addEventListener("mouseleave", () => {
        this.hover = null;
        this.showInfo();
        this.draw();
      });
      this.hover = null;
      this.layout();
    }
    layout() {
      const side = 250, pad = { l: 44, r: 8, t: 6, b: 30 };
      this.W = side + pad.l + pad.r;
      this.H = side + pad.t + pad.b;
      const dpr = window.devicePixelRatio || 1;
      this.dpr = dpr;
      this.canvas.width = Math.round(this.W * dpr);
      this.canvas.height = Math.round(this.H * dpr);
      this.canvas.style.width = this.W + "px";
      this.canvas.style.height = this.H + "px";
      const [lo, hi] = this.m.range, half = (hi - lo) / (this.m.size - 1) / 2;
      this.ax = new Axes(
        { x: pad.l, y: pad.t, w: side, h: side },
        { xlim: [lo - half, hi + half], ylim: [lo - half, hi + half] }
      );
      this.image = this.paint();
    }
    /** The cells' colours, as render.draw.sweep_figure paints the map: mode colour, paler when worse. */
    paint() {
      const m = this.m, n = m.size, c = document.createElement("canvas");
      c.width = n;
      c.height = n;
      const ctx = c.getContext("2d"), img = ctx.createImageData(n, n);
      const palette = m.colors.map(rgb), bg = rgb(this.d.theme.background);
      const loLog = Math.log(0.03), thrLog = Math.log(m.threshold);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const r = j * n + i, l = this.loss[r], base = palette[this.mode[r]] || palette[palette.length - 1];
          let amount;
          if (!isFinite(l)) amount = 0.9;
          else if (l < m.threshold) {
            amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
          } else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / m.threshold) / Math.LN10));
          const o = ((n - 1 - j) * n + i) * 4;
          for (let k = 0; k < 3; k++) img.data[o + k] = Math.round(base[k] * (1 - amount) + bg[k] * amount);
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      return c;
    }
    /** The cell under pixel (px, py) of the canvas, or null. @param {number} px @param {number} py */
    cellAt(px, py) {
      const m = this.m, [lo, hi] = m.range, n = m.size, ax = this.ax;
      if (!ax.contains(px, py)) return null;
      const x = ax.xAt(px), y = ax.ylim[0] + (1 - (py - ax.rect.y) / ax.rect.h) * (ax.ylim[1] - ax.ylim[0]);
      const i = Math.round((x - lo) / (hi - lo) * (n - 1)), j = Math.round((y - lo) / (hi - lo) * (n - 1));
      if (i < 0 || j < 0 || i >= n || j >= n) return null;
      return { i, j, x: this.value(i), y: this.value(j), r: j * n + i };
    }
    /** The cell centre exactly as numpy.linspace(lo, hi, n) computes it (scenes.sweeps.GridInits). */
    /** @param {number} i */
    value(i) {
      const [lo, hi] = this.m.range, n = this.m.size, step = (hi - lo) / (n - 1);
      return i === n - 1 ? hi : lo + i * step;
    }
    /** The two parameters of the map's axes in the lab's network (layer 1's first two weights). */
    axes() {
      return this.lab.rules.family ? this.lab.names.slice(0, 2) : this.m.axes;
    }
    /** @param {MouseEvent} e */
    onClick(e) {
      const rect = this.canvas.getBoundingClientRect();
      const cell = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
      if (!cell) return;
      const [a0, a1] = this.axes();
      this.lab.set({ init: { [a0]: cell.x, [a1]: cell.y } }, true);
    }
    /** @param {MouseEvent} e */
    onMove(e) {
      const rect = this.canvas.getBoundingClientRect();
      this.hover = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
      this.showInfo();
      this.draw();
    }
    showInfo() {
      const c = this.hover, m = this.m, ui = this.d.lab;
      this.info.textContent = c ? fill(ui.map_cell, {
        a0: m.axes[0],
        a1: m.axes[1],
        x: short2(c.x),
        y: short2(c.y),
        mode: m.modes[this.mode[c.r]] || "?",
        target: this.d.targetName,
        loss: number(this.loss[c.r])
      }) : " ";
    }
    /** What differs between the current settings and the map's (empty when the map applies).
     * @param {Settings} s @returns {string[]} */
    differences(s) {
      const m = this.m, out = [], rules = this.lab.rules;
      if (rules.family) {
        const hidden = m.hidden || rules.family, target = m.target || rules.sceneTarget;
        if (s.hidden.join() !== hidden.join()) out.push(fill(this.d.lab.hidden_word, { h: s.hidden.join() }));
        if (s.target !== target) out.push(s.target);
        if (out.length) return out;
      }
      for (const [n, v] of Object.entries(m.others)) if (s.init[n] !== v) out.push(n);
      if (s.activation !== m.activation) out.push(s.activation);
      if (s.loss !== m.lossKind) out.push(this.d.lab[s.loss] || s.loss);
      if (!sameRates(s.lrs, m.lrs)) out.push(`lr ${rateText(s.lrs, this.lab.names)}`);
      if (s.samples !== m.samples) out.push(`${thousands(s.samples)} ${this.d.lab.samples}`);
      if (s.dataSeed !== m.dataSeed) out.push(`${this.d.lab.data_seed} ${s.dataSeed}`);
      return out;
    }
    /**
     * Train every cell of the map in the page for the current settings, a few frames' worth at a time:
     * the same loop as the lab's runs (train.js), so a cell equals the run a click on it trains. One net
     * and one data stream for all cells; a diverging cell stops at its last finite state, as a run does.
     */
    compute() {
      if (this.job) return;
      const d = this.d, m = this.m, s = this.lab.settings, n = m.size, cells = n * n;
      const np = this.lab.names.length;
      const v = this.lab.netView(s);
      const net = compile2(v.graph, { activation: s.activation, loss: s.loss });
      const graph = variantGraph(v.graph, { activation: s.activation, loss: s.loss });
      const program = compile(graph, d.gridValues.length), out = program.index[v.graph.output];
      const { xs, ys } = data(s.dataSeed, s.samples, d.dataRange, v.targetSpec);
      const base = this.lab.names.map((name2) => s.init[name2]), params = new Float64Array(np);
      const loss = new Float32Array(cells), mode = new Int8Array(cells);
      const job = this.job = { next: 0 };
      const [lo, hi] = d.dataRange, ix = (name2) => this.lab.names.indexOf(name2);
      const H = s.hidden ? s.hidden[0] : 2;
      const [w1, w2, b1, b2] = s.hidden ? [0, 1, H, H + 1] : ["w_11", "w_12", "b_11", "b_12"].map(ix);
      const off = (w, b) => Math.max(w * lo + b, w * hi + b) <= 0;
      const step = () => {
        if (this.job !== job) return;
        const until = performance.now() + 12;
        while (job.next < cells && performance.now() < until) {
          const r = job.next++, i = r % n, j = (r - i) / n;
          base[0] = this.value(i);
          base[1] = this.value(j);
          net.setParams(base);
          net.train(xs, ys, 0, s.samples, s.lrs);
          const p = net.getParams();
          for (let k = 0; k < np; k++) params[k] = p[k];
          const values = evaluate(program, params, 0, d.gridValues, v.targetValues);
          let sum2 = 0;
          for (const g of d.inside) sum2 += Math.abs(values[out][g] - v.targetValues[g]);
          loss[r] = sum2 / d.inside.length;
          const dead = Number(off(p[w1], p[b1])) + Number(off(p[w2], p[b2]));
          mode[r] = dead === 2 ? 4 : dead === 1 ? 3 : p[w1] > 0 && p[w2] > 0 ? 0 : p[w1] < 0 && p[w2] < 0 ? 1 : 2;
        }
        this.computeButton.textContent = fill(d.lab.map_computing, { pct: Math.floor(100 * job.next / cells) });
        if (job.next < cells) {
          requestAnimationFrame(step);
          return;
        }
        this.job = null;
        this.loss = loss;
        this.mode = mode;
        const others = Object.fromEntries(this.lab.names.slice(2).map((name2) => [name2, s.init[name2]]));
        Object.assign(m, {
          activation: s.activation,
          lossKind: s.loss,
          lrs: s.lrs.slice(),
          samples: s.samples,
          dataSeed: s.dataSeed,
          others,
          hidden: s.hidden,
          target: s.target
        });
        this.note.textContent = fill(d.lab.map_note_page, {
          n,
          a0: m.axes[0],
          a1: m.axes[1],
          act: m.activation,
          lr: rateText(m.lrs, this.lab.names),
          samples: thousands(m.samples),
          seed: m.dataSeed
        });
        this.computeButton.textContent = d.lab.map_compute;
        this.image = this.paint();
        this.showInfo();
        this.draw();
      };
      this.computeButton.disabled = true;
      step();
    }
    draw() {
      const ctx = this.canvas.getContext("2d"), th = this.d.theme, ax = this.ax, m = this.m;
      forgetText(this.canvas);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, this.W, this.H);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.image, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
      const px = this.d.layout.minTextPx, fam = family(this.d.lang);
      const st = { fg: th.foreground, muted: th.muted, font: fam, tick: px, s: 72 };
      const located = maxNLocator(m.range[0], m.range[1], 4);
      frame(ctx, ax, st, {
        x: axisTicks(ax, "x", located, scalarLabels),
        y: axisTicks(ax, "y", located, scalarLabels)
      });
      const label = { font: font(px, fam), color: th.foreground, align: "center", baseline: "top" };
      const [a0, a1] = this.axes();
      text(ctx, a0, ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h + 14, label);
      ctx.save();
      ctx.translate(2, ax.rect.y + ax.rect.h / 2);
      ctx.rotate(-Math.PI / 2);
      text(ctx, a1, 0, 0, label);
      ctx.restore();
      ctx.save();
      clip(ctx, ax);
      for (const preset of this.lab.rules.isChapter(this.lab.settings) ? this.d.presets : []) {
        const x = ax.px(preset.init[a0]), y = ax.py(preset.init[a1]);
        ctx.beginPath();
        ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
        ctx.strokeStyle = th.foreground;
        ctx.lineWidth = 1.4;
        ctx.stroke();
        text(
          ctx,
          preset.name,
          x + 6,
          y + 3,
          { font: font(px, fam, true), color: th.foreground, baseline: "top" }
        );
      }
      const pin = this.lab.pinned && this.lab.pinned.settings.init;
      if (pin && a0 in pin && a1 in pin) this.cross(ctx, pin[a0], pin[a1], th.muted);
      const s = this.lab.settings.init;
      this.cross(ctx, s[a0], s[a1], th.foreground);
      if (this.hover) {
        const h = ax.px(this.value(this.hover.i)), v = ax.py(this.value(this.hover.j));
        const half = ax.rect.w / m.size / 2;
        ctx.strokeStyle = th.foreground;
        ctx.lineWidth = 1;
        ctx.strokeRect(h - half, v - half, 2 * half, 2 * half);
      }
      ctx.restore();
      const diff = this.differences(this.lab.settings);
      this.differs.textContent = diff.length ? fill(this.d.lab.map_differs, { what: diff.join(", ") }) : "";
      this.element.classList.toggle("ol-stale", diff.length > 0);
      this.computeButton.hidden = !diff.length && !this.job;
      this.computeButton.disabled = !!this.job;
    }
    /** The smallest font px the map drew its text in. */
    minTextPx() {
      return smallestText(this.canvas);
    }
    /**
     * A "+" at (x, y) in `color`, edged in the background.
     * @param {CanvasRenderingContext2D} ctx @param {number} x @param {number} y @param {string} color
     */
    cross(ctx, x, y, color) {
      const px = this.ax.px(x), py = this.ax.py(y);
      const strokes = [[this.d.theme.background, 4], [color, 2]];
      for (const [stroke, width] of strokes) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(px - 7, py);
        ctx.lineTo(px + 7, py);
        ctx.moveTo(px, py - 7);
        ctx.lineTo(px, py + 7);
        ctx.stroke();
      }
    }
  };

  // render/web/src/lab_network_pane.js
  var NetworkPane = class {
    /** @param {Lab} lab @param {HTMLElement} pane @param {() => void} showSettings  every pane shown anew */
    constructor(lab, pane, showSettings) {
      this.lab = lab;
      this.showSettings = showSettings;
      this.d = lab.d;
      const ui = this.d.lab;
      el("div", "ol-heading", pane, ui.network);
      const stepper = (label, cls, change) => {
        const row2 = el("div", "ol-field ol-stepper " + cls, this.archBox);
        el("span", "ol-label", row2, label);
        const group = el("span", "ol-steps", row2);
        const minus = el("button", "ol-button ol-minus", group, "−");
        const value2 = el("span", "ol-count", group);
        const plus = el("button", "ol-button ol-plus", group, "+");
        for (
          const [b, step, word] of
          /** @type {[HTMLButtonElement, number, string][]} */
          [[minus, -1, ui.fewer], [plus, 1, ui.more]]
        ) {
          b.type = "button";
          b.setAttribute("aria-label", `${word}: ${label}`);
          b.addEventListener("click", () => change(step));
        }
        return { minus, plus, value: value2 };
      };
      this.archBox = el("div", "ol-arch", pane);
      this.steppers = [];
      this.layerStepper = null;
      this.buildArch = () => {
        const h = lab.settings.hidden;
        this.archBox.textContent = "";
        this.layerStepper = stepper(ui.layers, "ol-layers", (step) => {
          const next = lab.settings.hidden.slice(0, Math.max(1, lab.settings.hidden.length + step));
          while (next.length < lab.settings.hidden.length + step) next.push(next[next.length - 1]);
          lab.set({ hidden: next }, true);
          lab.flush();
        });
        this.steppers = h.map((_, l) => stepper(fill(ui.units, { layer: l + 1 }), "ol-units", (step) => {
          lab.set({ hidden: lab.settings.hidden.map((v, k) => k === l ? v + step : v) }, true);
          lab.flush();
        }));
      };
      el("div", "ol-subheading", pane, ui.target);
      const row = el("div", "ol-field ol-target", pane);
      const pick = this.targetSelect = el("select", "ol-pick ol-target-pick", row);
      pick.setAttribute("aria-label", ui.target);
      for (const key of Object.keys(NAMED)) {
        const one = NAMED[key];
        el("option", null, pick, `${this.d.lang === "zh" ? one.zh : one.en}`).value = key;
      }
      el("option", null, pick, ui.target_own).value = "";
      const box = this.targetBox = el("input", "ol-number ol-target-box", row);
      box.type = "text";
      box.spellcheck = false;
      box.autocomplete = "off";
      box.placeholder = ui.target_box;
      box.setAttribute("aria-label", ui.target_box);
      box.title = ui.target_hint;
      this.targetError = el("div", "ol-note ol-refusal", pane);
      this.targetError.setAttribute("role", "status");
      pick.addEventListener("change", () => {
        if (pick.value) {
          box.value = pick.value;
          this.readTarget();
        } else box.focus();
      });
      box.addEventListener("input", () => this.readTarget());
      box.addEventListener("change", () => {
        this.readTarget();
        this.showSettings();
      });
      el("div", "ol-subheading", pane, ui.points);
      const pts = el("div", "ol-points", pane);
      this.pointsText = el("span", "ol-points-count", pts);
      const clear = el("button", "ol-button ol-clear", pts, ui.clear);
      clear.type = "button";
      clear.addEventListener("click", () => lab.set({ points: [] }, true));
      const down = this.downloadButton = el("button", "ol-button ol-download", pts, ui.download);
      down.type = "button";
      down.addEventListener("click", () => this.download());
      el("div", "ol-note", pane, ui.points_hint);
      this.buildArch();
    }
    /** Read the target box: a target that parses and is finite on the data range is set; else its refusal
     * is shown, as text. */
    readTarget() {
      const text2 = this.targetBox.value, why = this.lab.rules.targetError(text2);
      this.targetBox.classList.toggle("ol-bad", !!why);
      this.targetError.textContent = why;
      if (!why) this.lab.set({ target: (
        /** @type {{text: string}} */
        parseTarget(text2).text
      ) }, true);
    }
    /** The points as a CSV file (x, y), downloaded from a blob: URL (nothing leaves the page). */
    download() {
      const blob = new Blob([pointsCsv(this.lab.settings.points)], { type: "text/csv" });
      const url = URL.createObjectURL(blob), a = document.createElement("a");
      a.href = url;
      a.download = "points.csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1e3);
    }
    /** The controls for the lab's settings. */
    show() {
      const s = this.lab.settings, ui = this.d.lab;
      if (!this.archBox) return;
      if (this.steppers.length !== s.hidden.length) this.buildArch();
      this.layerStepper.value.textContent = String(s.hidden.length);
      this.layerStepper.minus.disabled = s.hidden.length <= 1;
      this.layerStepper.plus.disabled = s.hidden.length >= MAX_LAYERS;
      this.steppers.forEach((st, l) => {
        st.value.textContent = String(s.hidden[l]);
        st.minus.disabled = s.hidden[l] <= 1;
        st.plus.disabled = s.hidden[l] >= MAX_UNITS;
      });
      if (this.targetBox !== document.activeElement) {
        this.targetBox.value = s.target;
        this.targetBox.classList.remove("ol-bad");
        this.targetError.textContent = this.lab.refused || "";
      }
      this.targetSelect.value = Object.prototype.hasOwnProperty.call(NAMED, s.target) ? s.target : "";
      this.targetSelect.disabled = this.targetBox.disabled = s.points.length > 0;
      this.pointsText.textContent = s.points.length ? fill(ui.points_count, { n: s.points.length }) : ui.points_none;
      this.downloadButton.disabled = !s.points.length;
    }
  };

  // render/web/src/lab_words.js
  function presetOf(rules, s) {
    if (!rules.isChapter(s)) return void 0;
    return rules.d.presets.find((p) => rules.namesOf(s).every((n) => p.init[n] === s.init[n]) && (!rules.d.ownRates || sameRates(p.lrs, s.lrs)));
  }
  function describe2(rules, s) {
    const d = rules.d, defaults = rules.defaults;
    const names = rules.namesOf(s), p = presetOf(rules, s), [a0, a1] = names;
    const start = p ? p.name : `${a0}=${short(s.init[a0])}` + (a1 ? `, ${a1}=${short(s.init[a1])}` : "");
    const family2 = [];
    if (rules.family && s.hidden.join() !== rules.family.join()) {
      family2.push(fill(d.lab.hidden_word, { h: s.hidden.join("×") }));
    }
    if (s.points && s.points.length) family2.push(fill(d.lab.points_word, { n: s.points.length }));
    else if (rules.family && s.target !== rules.sceneTarget) family2.push(s.target);
    const parts = [...family2, start, ...s.activation ? [s.activation] : [], `lr ${rateText(s.lrs, names)}`];
    if (s.loss !== defaults.loss) parts.push(d.lab[s.loss]);
    if (s.samples !== defaults.samples) parts.push(`${thousands(s.samples)} ${d.lab.samples}`);
    if (s.dataSeed !== defaults.dataSeed) parts.push(`${d.lab.data_seed} ${s.dataSeed}`);
    return parts.join(" · ");
  }
  function command(rules, s) {
    const c = rules.d.command;
    const init = rules.namesOf(s).map((n) => `${n}=${repr(s.init[n])}`).join(",");
    const parts = ["render", "scene", c.scene, ...familyWords(rules, s)];
    parts.push("--init", init);
    if (!sameRates(s.lrs, c.lrs) && s.lr !== null) parts.push("--lr", repr(s.lr));
    parts.push("--steps", String(s.samples), "--seed", String(s.dataSeed));
    if (c.activation && s.activation) parts.push("--activation", s.activation);
    parts.push("--every", String(everyFor(s.samples)));
    if (s.loss !== "absolute") parts.push("--loss-fn", s.loss);
    return parts.map(shellWord).join(" ");
  }
  function familyWords(rules, s) {
    if (!rules.family) return [];
    const d = rules.d, out = [];
    const c = (
      /** @type {{hidden?: string, target?: string, data?: boolean, dataName?: string,
      dataRange?: number[], xRange?: number[]}} */
      d.command
    );
    const range = (r) => r.map(repr).join(",");
    if (c.hidden || !sameRates(s.hidden, rules.family)) out.push("--hidden", s.hidden.join(","));
    if (s.points.length) {
      const own = rules.ownPoints(s.points) && typeof c.dataName === "string";
      out.push("--data", own ? c.dataName : "points.csv");
    } else {
      if (c.target || s.target !== rules.sceneTarget) out.push("--target", s.target);
      if (c.dataRange || c.data) out.push("--data-range", range(d.dataRange));
    }
    if (c.xRange) out.push("--x-range", range(c.xRange));
    return out;
  }
  function commandNotes(rules, s) {
    const c = rules.d.command, ui = rules.d.lab, out = [];
    if (s.loss !== "absolute" && !c.loss) out.push(ui.no_loss_option);
    if (s.lr === null && !sameRates(s.lrs, c.lrs)) {
      out.push(fill(ui.no_lrs_option, { rates: c.lrs ? rateText(c.lrs, rules.namesOf(s)) : "" }));
    }
    return out.join(" ");
  }

  // render/web/src/lab_panes.js
  var FLAT_PARAMS = 10;
  var LabPanes = class {
    /**
     * The toolbar in `toolbar`, the initial values' and training panes in `panes`.
     * @param {Lab} lab @param {HTMLElement} toolbar @param {HTMLElement} panes
     */
    constructor(lab, toolbar, panes) {
      this.lab = lab;
      this.d = lab.d;
      this.uid = Math.random().toString(36).slice(2, 8);
      this.network = lab.rules.family ? new NetworkPane(lab, el("div", "ol-pane ol-pane-network", panes), () => this.showSettings()) : null;
      this.buildInit(el("div", "ol-pane ol-pane-init", panes));
      this.buildTraining(el("div", "ol-pane ol-pane-training", panes));
      this.buildToolbar(toolbar);
    }
    /** @param {HTMLElement} bar */
    buildToolbar(bar) {
      const ui = this.d.lab, lab = this.lab;
      const button = (text2, cls, action) => {
        const b = el("button", "ol-button " + cls, bar, text2);
        b.type = "button";
        b.addEventListener("click", action);
        return b;
      };
      this.trainButton = button(ui.train, "ol-train", () => lab.controls.play());
      this.pauseButton = button(ui.pause, "ol-pause", () => lab.controls.pause());
      button(ui.step, "ol-step", () => lab.controls.step(1));
      button(ui.reset, "ol-reset", () => {
        lab.controls.pause();
        lab.controls.seek(0, true);
      });
      this.pinButton = button(ui.pin, "ol-pin", () => lab.pin());
      this.unpinButton = button(ui.unpin, "ol-unpin", () => lab.unpin());
      this.unpinButton.hidden = true;
      el("span", "ol-hint", bar, ui.pin_hint);
      this.status = el("span", "ol-status", bar);
      this.showPlaying(false);
    }
    /** @param {boolean} playing */
    showPlaying(playing) {
      this.trainButton.disabled = !!playing;
      this.pauseButton.disabled = !playing;
    }
    /** Offer to pin, or to unpin when a run is pinned. @param {boolean} pinned */
    showPinned(pinned) {
      this.pinButton.hidden = pinned;
      this.unpinButton.hidden = !pinned;
    }
    /**
     * A labelled number box (and optionally a slider) in `parent`: o.set(value) hears every valid entry.
     * @param {HTMLElement} parent @param {string} name @param {string} label
     * @param {{set: (v: number) => void, slider?: number[], integer?: boolean, min?: number, max?: number,
     *   param?: string, index?: number}} o
     * @returns {Input}
     */
    field(parent, name2, label, o) {
      const row = el("div", "ol-field" + (o.slider ? " ol-param" : ""), parent);
      const id = `ol-${this.uid}-${name2}${o.param !== void 0 ? "-" + o.index : ""}`;
      const lab = el("label", "ol-label", row, label);
      lab.htmlFor = id;
      let slider = null;
      if (o.param !== void 0) row.classList.add("ol-rate");
      if (o.slider) {
        slider = el("input", "ol-slider", row);
        slider.type = "range";
        slider.min = String(o.slider[0]);
        slider.max = String(o.slider[1]);
        slider.step = "0.001";
        slider.setAttribute("aria-label", label);
        slider.dataset.name = name2;
      }
      const box = el("input", "ol-number", row);
      box.id = id;
      box.type = "text";
      box.inputMode = o.integer ? "numeric" : "decimal";
      box.spellcheck = false;
      box.autocomplete = "off";
      box.dataset.name = name2;
      if (o.param !== void 0) box.dataset.param = o.param;
      const read2 = () => {
        const v = o.integer ? integer(box.value, o.min, o.max) : number2(box.value);
        box.classList.toggle("ol-bad", v === null);
        box.title = v === null ? this.d.lab.bad_value : "";
        if (v !== null) o.set(v);
      };
      box.addEventListener("input", read2);
      box.addEventListener("change", () => {
        read2();
        this.showSettings();
      });
      if (slider) {
        slider.addEventListener("input", () => {
          const v = Number(slider.value);
          box.value = String(v);
          box.classList.remove("ol-bad");
          o.set(v);
        });
      }
      return { box, slider };
    }
    /** @param {HTMLElement} pane */
    buildInit(pane) {
      const ui = this.d.lab, d = this.d, lab = this.lab;
      el("div", "ol-heading", pane, ui.init);
      const presets = el("div", "ol-presets", pane);
      this.presetLabel = el("span", "ol-label", presets, ui.presets);
      this.presetButtons = d.presets.map((p) => {
        const b = el("button", "ol-button ol-preset", presets, p.name);
        b.type = "button";
        b.title = p.label;
        b.dataset.preset = p.name;
        b.addEventListener("click", () => lab.preset(p.name));
        return b;
      });
      const rnd = el("button", "ol-button ol-random", presets, ui.random);
      rnd.type = "button";
      const seedLabel = el("label", "ol-seed", presets, ui.seed + " ");
      this.seedBox = el("input", "ol-number ol-seed-box", seedLabel);
      this.seedBox.type = "text";
      this.seedBox.inputMode = "numeric";
      this.seedBox.value = "0";
      const seed = () => {
        const v = integer(this.seedBox.value, 0, 2 ** 53 - 1);
        this.seedBox.classList.toggle("ol-bad", v === null);
        if (v !== null) lab.rules.initSeed = v;
        return v;
      };
      this.seedBox.addEventListener("input", seed);
      rnd.addEventListener("click", () => {
        const v = seed();
        if (v !== null) lab.random(v);
      });
      this.inputs = {};
      this.paramBox = el("div", "ol-params", pane);
      this.names = [];
      this.showParams();
    }
    /** The parameters' boxes and sliders for the lab's network (rebuilt when its names change): in a row
     * each when few, else grouped by unit (its incoming weights, its bias, its output weight), folded. */
    showParams() {
      const lab = this.lab, names = lab.names, d = this.d;
      if (names.join() === this.names.join()) return;
      for (const n of this.names) delete this.inputs[n];
      this.names = names.slice();
      this.paramBox.textContent = "";
      const add = (parent, n) => {
        this.inputs[n] = this.field(
          parent,
          n,
          n,
          { slider: d.sliderRange, set: (v) => lab.set({ init: { [n]: v } }, true) }
        );
      };
      if (names.length <= FLAT_PARAMS || !lab.settings.hidden) {
        for (const n of names) add(this.paramBox, n);
        return;
      }
      const hidden = lab.settings.hidden, L = hidden.length, ui = d.lab;
      const groups = /* @__PURE__ */ new Map();
      roles(hidden).forEach((role, k) => {
        const [kind, layer, j, i] = role.split(" ");
        const key = layer !== "out" ? `${layer} ${j}` : kind === "w" ? `${L} ${i}` : "out";
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(names[k]);
      });
      const keys2 = [...groups.keys()].filter((k) => k !== "out").sort((a, b) => {
        const [la, ja] = a.split(" ").map(Number), [lb, jb] = b.split(" ").map(Number);
        return la - lb || ja - jb;
      });
      for (const key of [...keys2, "out"]) {
        const box = el("details", "ol-group", this.paramBox);
        const [layer, unit] = key.split(" ");
        const title = key === "out" ? ui.output_group : fill(ui.unit_group, { layer, unit });
        el("summary", "ol-group-title", box, `${title} (${groups.get(key).join(", ")})`);
        for (const n of groups.get(key)) add(box, n);
      }
    }
    /** @param {HTMLElement} pane */
    buildTraining(pane) {
      const ui = this.d.lab, d = this.d, lab = this.lab;
      el("div", "ol-heading", pane, ui.training);
      if (d.ownRates) {
        this.rateInputs = this.names.map((n, j) => this.field(pane, "lr", fill(ui.lr_param, { name: n }), {
          param: n,
          index: j,
          set: (v) => lab.set({ lrs: lab.settings.lrs.map((r, k) => k === j ? v : r) }, true)
        }));
      } else {
        this.inputs.lr = this.field(pane, "lr", ui.lr, { set: (v) => lab.set({ lr: v }, true) });
      }
      const select = (name2, label, options, set) => {
        const row = el("div", "ol-field", pane);
        const lab2 = el("label", "ol-label", row, label);
        const s = el("select", "ol-select", row);
        s.id = `ol-${this.uid}-${name2}`;
        lab2.htmlFor = s.id;
        for (const [value2, text2] of options) el("option", null, s, text2).value = value2;
        s.addEventListener("change", () => set(s.value));
        return s;
      };
      this.activationSelect = select(
        "act",
        ui.activation,
        d.activations.map((a) => [a, a]),
        (v) => lab.set({ activation: v }, true)
      );
      this.activationSelect.parentNode.hidden = !d.activations.length;
      this.lossSelect = select(
        "loss",
        ui.loss,
        d.losses.map((l) => [l, ui[l] || l]),
        (v) => lab.set({ loss: v }, true)
      );
      this.inputs.samples = this.field(
        pane,
        "n",
        ui.samples,
        { integer: true, min: 1, max: d.maxSamples, set: (v) => lab.set({ samples: v }, true) }
      );
      this.inputs.seed = this.field(
        pane,
        "seed",
        ui.data_seed,
        { integer: true, min: 0, max: 2 ** 53 - 1, set: (v) => lab.set({ dataSeed: v }, true) }
      );
      el("div", "ol-heading", pane, ui.command);
      const cmd = el("div", "ol-command", pane);
      this.commandText = el("code", "ol-code", cmd);
      const copy = el("button", "ol-button ol-copy", cmd, ui.copy);
      copy.type = "button";
      copy.addEventListener("click", () => this.copyCommand(copy));
      this.commandNote = el("div", "ol-note", pane);
    }
    /** Copy the command, or select it where the page may not write the clipboard.
     * @param {HTMLElement} button */
    copyCommand(button) {
      const text2 = command(this.lab.rules, this.lab.settings);
      const done = () => {
        button.textContent = this.d.lab.copied;
        setTimeout(() => {
          button.textContent = this.d.lab.copy;
        }, 1200);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text2).then(done, () => this.selectCommand());
      } else {
        this.selectCommand();
      }
    }
    selectCommand() {
      const range = document.createRange();
      range.selectNodeContents(this.commandText);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    /** Show the lab's settings in the controls (without touching a box the user is typing in). */
    showSettings() {
      this.showParams();
      if (this.network) this.network.show();
      const s = this.lab.settings, rules = this.lab.rules, active = document.activeElement;
      const show = (input, v) => {
        if (input.box !== active) {
          input.box.value = String(v);
          input.box.classList.remove("ol-bad");
        }
        if (input.slider && input.slider !== active) input.slider.value = String(v);
      };
      for (const n of this.names) show(this.inputs[n], s.init[n]);
      if (this.rateInputs) this.rateInputs.forEach((input, j) => show(input, s.lrs[j]));
      else show(this.inputs.lr, s.lr);
      show(this.inputs.samples, s.samples);
      show(this.inputs.seed, s.dataSeed);
      this.activationSelect.value = s.activation || "";
      this.lossSelect.value = s.loss;
      const p = presetOf(rules, s), presets = this.lab.rules.isChapter(s);
      this.presetLabel.hidden = !presets;
      for (const b of this.presetButtons) {
        b.hidden = !presets;
        b.setAttribute("aria-pressed", p && p.name === b.dataset.preset ? "true" : "false");
      }
      this.commandText.textContent = command(rules, s);
      this.commandNote.textContent = commandNotes(rules, s);
    }
    /** The engine's status: samples trained, in how many milliseconds, on which engine. @param {LabRun} r */
    showRun(r) {
      this.status.textContent = fill(
        this.d.lab.engine,
        {
          samples: thousands(r.trainer.seen),
          ms: r.trainMs.toFixed(1),
          engine: this.d.lab[r.engine] || r.engine
        }
      );
    }
  };

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
      const legend2 = parseFloat(getComputedStyle(this.legend).fontSize);
      return Math.min(smallestText(this.canvas), legend2);
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
    const of = (name2) => {
      if (!(name2 in depth)) {
        const ps = g.parents[name2];
        depth[name2] = ps.length ? 1 + Math.max(...ps.map(of)) : 0;
      }
      return depth[name2];
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
  var short3 = (v) => v === null ? "" : fmtG(v, 4).replace("-", "−");
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
        b.value.textContent = after !== null && after !== void 0 ? `→ ${short3(after)}` : done ? short3(v) : "";
        b.grad.textContent = gr !== null && gr !== void 0 ? `${w.bp_d} ${short3(gr)}` : "";
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
  function roles2(g, names) {
    const params = new Set(g.params), out = /* @__PURE__ */ Object.create(null);
    for (const n of names) {
      out[n] = n === g.input ? "input" : n === g.label ? "label" : params.has(n) ? "parameter" : n === g.output ? "output" : n === g.loss ? "loss" : "op";
    }
    return out;
  }
  function foldGraph(g, lg, words) {
    const role = roles2(g, lg.names), P = lg.parents;
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
  var LOCAL2 = {
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
      for (const name2 of this.order) this.edges[name2] = [];
      for (const n of g.nodes) n.parents.forEach((p, i) => this.edges[p].push([n.name, i]));
    }
    /**
     * The step itself, from the parameters before it (update order) and the sample's x and label.
     * @param {StepRunInfo} run @param {number} sample @param {ArrayLike<number>} before @param {number} x
     * @param {number} label
     */
    step(run2, sample, before, x, label) {
      const g = this.graph, byName = this.byName;
      const value2 = /* @__PURE__ */ Object.create(null);
      value2[g.input] = x;
      value2[g.label] = label;
      this.names.forEach((n, j) => {
        value2[n] = before[j];
      });
      const forward = [];
      const seen = /* @__PURE__ */ new Set();
      const visit = (name2) => {
        for (const p of byName[name2].parents) if (byName[p] && !seen.has(p)) visit(p);
        seen.add(name2);
        forward.push(name2);
      };
      visit(g.loss);
      for (const name2 of forward) {
        const n = byName[name2];
        value2[name2] = compute(n.kind, n.parents.map((p) => value2[p]));
      }
      const values = { ...value2 };
      const grad = /* @__PURE__ */ Object.create(null);
      const backward = [];
      const edges = [];
      const params = {};
      const local = (child, i) => {
        const n = byName[child];
        return LOCAL2[n.kind](n.parents.map((p) => value2[p]), i, value2[child]);
      };
      const gradOf = (name2) => {
        if (name2 in grad) return;
        const own = this.edges[name2];
        for (const [c] of own) gradOf(c);
        let sum2 = 1;
        own.forEach(([c, i], k) => {
          const l = local(c, i);
          edges.push({ child: c, parent: name2, index: i, local: num(l) });
          sum2 = k === 0 ? l * grad[c] : sum2 + l * grad[c];
        });
        grad[name2] = sum2;
        backward.push(name2);
      };
      this.names.forEach((p, j) => {
        gradOf(p);
        const was = value2[p];
        value2[p] = was - run2.lrs[j] * grad[p];
        params[p] = { before: num(was), grad: num(grad[p]), after: num(value2[p]) };
      });
      const nodes = {};
      for (const name2 of this.order) {
        const n = byName[name2], train = this.names.includes(name2);
        nodes[name2] = {
          kind: n ? n.kind : "Variable",
          parents: n ? n.parents.slice() : [],
          value: num(values[name2]),
          grad: name2 in grad ? num(grad[name2]) : null,
          ...train ? { train } : {}
        };
      }
      return {
        format: "ourdl-backprop",
        version: 1,
        scene: run2.scene,
        run: run2.run,
        runs: run2.runs.slice(),
        sample,
        samples: run2.samples,
        x: num(x),
        label: num(label),
        lr: num(run2.lr),
        lrs: Object.fromEntries(this.names.map((n, j) => [n, run2.lrs[j]])),
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
    constructor(root, provider, view, start) {
      this.root = root;
      this.provider = provider;
      this.view = view;
      const ui = this.ui = view.ui, th = view.th;
      this.fam = dress(root, th, view.lang, "bp-root");
      const colors2 = nodeColors(view.panels);
      this.folded = foldGraph(view.graph, layoutGraph(view.graph), ui);
      this.run = start.run;
      this.sample = start.sample;
      this.fragment = new Fragment(["run", "sample", "at"], start.standalone);
      el("div", "bp-title", root, view.title);
      if (view.description) el("div", "bp-description", root, view.description);
      const bar = el("div", "bp-toolbar", root);
      if (provider.runs.length > 1) {
        const label = el("label", "bp-field", bar);
        el("span", null, label, ui.bp_run + " ");
        this.runSelect = el("select", "bp-run", label);
        provider.runs.forEach((r, i) => {
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
      const body2 = el("div", "bp-body", root);
      this.graphHolder = el("div", "bp-graph-holder", body2);
      this.diagram = new Diagram(this.graphHolder, this.folded, {
        color: (n) => n in colors2 ? paletteColor(th, colors2[n]) : null,
        fg: th.foreground,
        muted: th.muted,
        bg: th.background,
        accent: th.palette[0],
        words: ui
      });
      this.panel = new OutputPanel(el("div", "bp-panel-holder", body2), {
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
      const draw2 = (n) => into[n] || n;
      if (q.phase === "forward") {
        for (const p of s.nodes[q.node].parents) {
          st.reads.push({ from: draw2(p), to: draw2(q.node), label: null });
        }
      } else if (q.phase === "backward") {
        for (const e of s.edges) {
          if (e.parent === q.node && draw2(e.parent) !== draw2(e.child)) {
            const local = fmtG(val(e.local), 3).replace("-", "−");
            st.reads.push({ from: draw2(e.parent), to: draw2(e.child), label: "× " + local });
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
  function openDialog(host, provider, view, start) {
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
    const st = new StepThrough(root, provider, view, { ...start, standalone: false, keys: dialog });
    return { dialog, stepThrough: st };
  }

  // render/web/src/backprop_step.js
  function runIndex(source, label) {
    const runs = source.runs;
    if (label === void 0 || label === null) return 0;
    if (typeof label === "number" && Number.isInteger(label) && label >= 0 && label < runs.length) return label;
    const text2 = String(label), k = labelIndex(runs.map((r) => r.label), text2);
    if (k >= 0) return k;
    throw new Error(`no run ${JSON.stringify(text2)} in ${source.scene} (its runs: ${runs.map((r) => JSON.stringify(r.label)).join("; ")})`);
  }
  function checkSample(run2, sample) {
    if (typeof sample !== "number" || !Number.isInteger(sample) || sample < 0) {
      throw new Error(`sample ${String(sample)}: give a sample number from 0 to ${run2.samples - 1}`);
    }
    if (sample >= run2.samples) {
      throw new Error(`sample ${sample} is past the run: ${run2.label} trains samples 0 to ${run2.samples - 1}`);
    }
    return sample;
  }
  var Stepper = class {
    /** @param {StepSource} source */
    constructor(source) {
      this.source = source;
      this.graph = new StepGraph(source.graph);
      this.net = compile2(source.graph, { engine: "interpreter" });
    }
    /**
     * The parameters after `sample` updates of run r (update order), trained as the recorder trains them;
     * refused past a divergence, as backprop.py refuses it.
     * @param {number} r @param {number} sample
     */
    trained(r, sample) {
      const run2 = this.source.runs[r], s = this.source;
      const d = data(
        run2.dataSeed,
        run2.samples,
        s.dataRange,
        s.points ? void 0 : s.target || void 0,
        s.points || null
      );
      this.net.setParams(this.graph.names.map((n) => run2.init[n]));
      const result = this.net.train(d.xs, d.ys, 0, sample, run2.lrs);
      if (result.bad >= 0) {
        throw new Error(`${run2.label} diverged at sample ${result.bad} (its training stops there, as the recording's does); give a sample up to ${result.bad}`);
      }
      return { params: this.net.getParams(), x: d.xs[sample], label: d.ys[sample] };
    }
    /**
     * Step `sample` (0-based) of the run `run` (a label, see runIndex): the dict backprop_step gives.
     * @param {number} sample @param {string | number | null} [run]
     */
    at(sample, run2) {
      const r = runIndex(this.source, run2), chosen = this.source.runs[r];
      checkSample(chosen, sample);
      const t = this.trained(r, sample);
      return this.step(r, sample, t.params, t.x, t.label);
    }
    /**
     * The step itself, from the parameters before it (update order) and the sample's x and label.
     * @param {number} r @param {number} sample @param {ArrayLike<number>} before @param {number} x
     * @param {number} label
     */
    step(r, sample, before, x, label) {
      const run2 = this.source.runs[r];
      return this.graph.step(
        {
          scene: this.source.scene,
          run: run2.label,
          runs: this.source.runs.map((q) => q.label),
          samples: run2.samples,
          lr: run2.lr,
          lrs: run2.lrs
        },
        sample,
        before,
        x,
        label
      );
    }
  };

  // render/web/src/lab_inspect.js
  function inspectButton(lab, toolbar) {
    const ui = lab.d.ui;
    const button = el("button", "ol-button bp-inspect", toolbar, ui.bp_inspect);
    button.type = "button";
    button.addEventListener("click", () => openInspect(lab));
    return button;
  }
  function openInspect(lab) {
    lab.flush();
    if (lab.controls) lab.controls.pause();
    const s = lab.settings, view = lab.netView(s), d = lab.d;
    const graph = variantGraph(view.graph, { activation: s.activation, loss: s.loss });
    const label = d.lab.this_run;
    const run2 = {
      label,
      init: s.init,
      lrs: Array.from(s.lrs),
      lr: s.lrs[0],
      dataSeed: s.dataSeed,
      samples: s.samples
    };
    const source = {
      scene: d.scene,
      graph,
      dataRange: d.dataRange,
      runs: [run2],
      target: view.points ? null : view.targetSpec,
      points: view.points || null
    };
    const stepper = new Stepper(source);
    const step = lab.timelineSteps[lab.controls ? lab.controls.index : 0];
    const sample = Math.max(0, Math.min(s.samples - 1, step));
    const provider = {
      runs: [label],
      samples: () => s.samples,
      at: (n) => stepper.at(n, 0)
    };
    const output = view.panels.find((p) => p.nodes.includes(graph.output));
    return openDialog(lab.root, provider, {
      graph,
      grid: d.gridValues,
      target: view.points ? null : view.targetValues,
      points: view.points || null,
      xRange: d.xRange,
      panels: view.panels,
      th: d.theme,
      lang: d.lang,
      ui: d.ui,
      targetName: view.targetName,
      outputTitle: output ? output.title : graph.output,
      title: d.ui.bp_title.replace("{scene}", d.scene)
    }, { run: 0, sample });
  }

  // render/web/src/lab.js
  var KeyTest = class extends Set {
    /** @param {(key: string) => boolean} test */
    constructor(test) {
      super();
      this.test = test;
    }
    /** @param {string} key */
    has(key) {
      return this.test(key);
    }
  };
  var Lab = class {
    /**
     * Build the lab in `root` from lab_data() of render/web/lab.py.
     * @param {HTMLElement & {ourdlLab?: Lab}} root @param {LabPage} d
     */
    constructor(root, d) {
      this.root = root;
      this.d = d;
      root.ourdlLab = this;
      const ui = d.lab;
      d.gridValues = f64(d.grid);
      d.targetValues = f64(d.target);
      d.inside = [];
      d.gridValues.forEach((x, g) => {
        if (x >= d.dataRange[0] - 1e-12 && x <= d.dataRange[1] + 1e-12) d.inside.push(g);
      });
      const finite2 = Array.from(d.targetValues).filter((v) => isFinite(v));
      d.targetMin = finite2.length ? Math.min(...finite2) : NaN;
      d.targetMax = finite2.length ? Math.max(...finite2) : NaN;
      this.rules = new LabSettings(d);
      this.defaults = this.rules.defaults;
      this.settings = this.defaults;
      this.view = d;
      this.viewKey = "";
      this.pinned = null;
      dress(root, d.theme, d.lang);
      const head = el("div", "ol-head", root);
      el("h1", "ol-title", head, ui.title);
      el("p", "ol-intro", head, ui.intro);
      const toolbar = el("div", "ol-toolbar", root);
      this.figure = new Figure(root, d);
      this.figure.editable = !!this.rules.family;
      this.figure.points = () => this.settings.points;
      this.figure.onPoints = (pts) => this.set({ points: pts }, true);
      this.timeline = el("div", "ol-timeline", root);
      const panes = el("div", "ol-panes", root);
      this.panes = new LabPanes(this, toolbar, panes);
      inspectButton(this, toolbar);
      const mapPane = d.map ? el("div", "ol-pane ol-pane-map", panes) : null;
      this.map = null;
      this.fragment = new Fragment([], true, MAX_FRAGMENT);
      this.fragment.keys = new KeyTest((k) => this.rules.fragmentKey(k));
      this.controls = null;
      const self = this;
      keys(root, {
        get o() {
          return self.controls.o;
        },
        get speed() {
          return self.controls.speed;
        },
        get count() {
          return self.controls.count;
        },
        get loop() {
          return self.controls.loop;
        },
        toggle: () => self.controls.toggle(),
        step: (k) => self.controls.step(k),
        seek: (i, u) => self.controls.seek(i, u),
        pause: () => self.controls.pause(),
        setSpeed: (v, u) => self.controls.setSpeed(v, u),
        setLoop: (b, u) => self.controls.setLoop(b, u)
      }, true);
      panes.addEventListener("keydown", (e) => e.stopPropagation());
      toolbar.addEventListener("keydown", (e) => {
        if (e.key === " " || e.key === "Enter") e.stopPropagation();
      });
      onFragment(() => this.applyFragment());
      onResize(this.figure.element, () => this.figure.width, () => this.redraw());
      dragScrub(this.figure.element, () => this.controls, { skip: (e) => this.figure.ownsPress(e) });
      this.applyFragment();
      this.mapPane = mapPane;
      if (mapPane) {
        requestAnimationFrame(() => {
          this.map = new BasinMap(mapPane, d, this);
          this.showMap();
        });
      }
    }
    /** The parameters of the current settings, in update order. */
    get names() {
      return this.rules.names;
    }
    /** Whether the map means something for the settings: one hidden layer of two or more units, the scene's
     * data (its target, or a --data page's own points: lab.py trained the map on them). @param {Settings} s */
    mapApplies(s) {
      return !this.rules.family || s.hidden.length === 1 && s.hidden[0] >= 2 && this.rules.ownPoints(s.points);
    }
    showMap() {
      if (!this.mapPane) return;
      const on = this.mapApplies(this.settings);
      this.mapPane.hidden = !on;
      if (this.map && on) this.map.draw();
    }
    /**
     * The page's data for the network, target and points of settings `s`: the scene's own when they are
     * its, else the family's graph and panels (network.js), the target's values on the grid (none when
     * training on points) and the words that name it.
     * @param {Settings} s @returns {LabPage}
     */
    netView(s) {
      const d = this.d, key = JSON.stringify([s.hidden, s.target, s.points]);
      if (key === this.viewKey) return this.view;
      this.viewKey = key;
      if (this.rules.isScenes(s)) {
        this.view = d;
        return d;
      }
      const zh = d.lang === "zh", pts = s.points.length ? s.points : null;
      const t = (
        /** @type {{ok: true, name: string, nameZh: string, ast: any[]}} */
        parseTarget(s.target)
      );
      const name2 = pts ? d.lab.points_name : zh ? t.nameZh : t.name;
      const graph = networkGraph(s.hidden, d.defaults.activation, "absolute");
      const panels = networkPanels(s.hidden, pts ? name2 : t.name, pts ? name2 : t.nameZh, !!pts).map((p) => {
        const out = {
          title: zh ? p.title_zh : p.title,
          nodes: p.nodes,
          colors: p.colors,
          target: p.target,
          kind: p.kind || "curves"
        };
        return p.kind === "sum" ? { ...out, bias: biasName(graph, out) } : out;
      });
      const f = compileTarget(t.ast), curve = d.gridValues.map(f);
      const targetValues = pts ? new Float64Array(d.gridValues.length).fill(NaN) : curve;
      const finite2 = Array.from(curve).filter((v) => isFinite(v));
      const renamed = (text2) => String(text2).split(d.targetName).join(name2);
      this.view = {
        ...d,
        graph,
        panels,
        surface: null,
        points: pts,
        hasTarget: !pts,
        targetName: name2,
        targetSpec: pts ? null : { kind: "expr", ast: t.ast },
        targetValues,
        targetMin: finite2.length ? Math.min(...finite2) : 0,
        targetMax: finite2.length ? Math.max(...finite2) : 0,
        strings: {
          ...d.strings,
          loss_eval: pts ? `|y − ${name2}|` : renamed(d.strings.loss_eval),
          target: renamed(d.strings.target)
        }
      };
      return this.view;
    }
    // -- settings ------------------------------------------------------------------------------------
    /**
     * Apply a partial change of settings; `user`: it came from a control (the fragment follows).
     * @param {Partial<Settings> & {lr?: number}} partial @param {boolean} [user]
     */
    set(partial, user) {
      const s = this.settings;
      if (partial.lr !== void 0) {
        const ok = typeof partial.lr === "number" && isFinite(partial.lr);
        partial = { ...partial, lrs: ok ? this.names.map(() => partial.lr) : s.lrs };
      }
      let init = { ...s.init, ...partial.init || {} };
      if (partial.hidden && s.hidden && this.rules.okHidden(partial.hidden) && partial.hidden.join() !== s.hidden.join()) {
        init = {
          ...this.rules.drawn(partial.hidden, this.rules.initSeed),
          ...translate(s.init, s.hidden, partial.hidden),
          ...partial.init || {}
        };
      }
      this.use(this.rules.normalise({ ...s, ...partial, init }, { ...s, init }));
      this.schedule(user);
    }
    /** Make `settings` the lab's (its names, controls and map follow). @param {Settings} settings */
    use(settings) {
      this.settings = settings;
      this.rules.names = this.rules.namesOf(settings);
      this.panes.showSettings();
      this.showMap();
    }
    /** A run of the scene: its initial values, and its rates when the scene gives parameters their own.
     * @param {string} name */
    preset(name2) {
      const p = this.d.presets.find((x) => x.name === name2);
      if (p) this.set(this.d.ownRates ? { init: p.init, lrs: p.lrs } : { init: p.init }, true);
    }
    /** Run.initial_values with init_seed: default_rng(seed).uniform(-1, 1) per parameter, in update order.
     * @param {number} seed */
    random(seed) {
      this.rules.initSeed = seed;
      const values = uniform(seed, -1, 1, this.names.length);
      const init = {};
      this.names.forEach((n, j) => {
        init[n] = values[j];
      });
      this.set({ init }, true);
    }
    /** Recompute (once per animation frame, however many inputs arrive). @param {boolean} [user] */
    schedule(user) {
      this.pendingUser = this.pendingUser || user;
      if (!this.pending) this.pending = requestAnimationFrame(() => this.flush());
    }
    /** Apply a scheduled recomputation now (state() and the console API see the settings' run). */
    flush() {
      if (!this.pending) return;
      cancelAnimationFrame(this.pending);
      this.pending = 0;
      const user = this.pendingUser;
      this.pendingUser = false;
      this.rebuild();
      if (user) this.save();
    }
    // -- runs and timeline ---------------------------------------------------------------------------
    /** A new run for the settings, and the figure and timeline for it (at sample `step`, else where the
     * timeline was). @param {number} [step] */
    rebuild(step) {
      const keep = step !== void 0 ? step : this.controls ? this.timelineSteps[this.controls.index] : 0;
      const playing = this.controls && this.controls.playing;
      const view = this.netView(this.settings);
      this.current = new LabRun(view, this.settings);
      const ui = this.d.lab;
      const row = (who, s) => fill(ui.row, { who, what: describe2(this.rules, s) });
      const rows = [{ run: this.current, label: row(ui.this_run, this.settings) }];
      if (this.pinned) {
        rows.push({ run: this.pinned, label: row(ui.pinned, this.pinned.settings), pinned: true });
      }
      const steps = [...new Set(rows.flatMap((r) => r.run.steps))].sort((a, b) => a - b);
      this.timelineSteps = steps;
      this.total = steps[steps.length - 1];
      this.figure.setRows(rows, this.total, view);
      this.buildControls(rows);
      this.controls.seek(this.indexOfStep(keep), false);
      if (playing) this.controls.play();
      this.panes.showRun(this.current);
      if (this.map) this.map.draw();
      this.draw();
    }
    /** The last snapshot of the timeline at or before sample `step`. @param {number} step */
    indexOfStep(step) {
      return indexOfStep(this.timelineSteps, step);
    }
    /** The timeline bar, rebuilt only when its length, end or marks change.
     * @param {import("./lab_figure.js").Row[]} rows */
    buildControls(rows) {
      const d = this.d, ui = d.ui, steps = this.timelineSteps;
      const marks = sampleMarks(ui, d.marks.filter((m) => m > 0 && m < this.total), steps);
      for (const r of rows) {
        if (r.run.divergedAt !== null) marks.push(divergedMark(ui, steps, r.run.divergedAt, r.label));
      }
      const key = JSON.stringify([steps.length, this.total, marks]);
      if (this.controls && key === this.controlsKey) return;
      const old = this.controls;
      this.controlsKey = key;
      this.timeline.textContent = "";
      this.controls = timeline(this.timeline, d, marks, {
        count: steps.length,
        stepAt: (i) => this.timelineSteps[i],
        total: this.total,
        draw: () => this.draw(),
        save: () => this.save(),
        played: (p) => this.panes.showPlaying(p)
      });
      if (old) {
        this.controls.setSpeed(old.speed);
        this.controls.setLoop(old.loop);
        old.pause();
      }
    }
    draw() {
      if (!this.controls) return;
      const step = this.timelineSteps[this.controls.index];
      this.figure.draw(step);
      if (this.firstFrame === void 0) this.firstFrame = performance.now();
    }
    redraw() {
      this.figure.layout();
      this.draw();
    }
    /** The smallest font px of the text the figure and the map draw (tests). */
    minTextPx() {
      return Math.min(this.figure.minTextPx(), this.map ? this.map.minTextPx() : Infinity);
    }
    pin() {
      this.pinned = this.current;
      this.panes.showPinned(true);
      this.rebuild();
      this.save();
    }
    unpin() {
      this.pinned = null;
      this.panes.showPinned(false);
      this.rebuild();
      this.save();
    }
    // -- URL fragment --------------------------------------------------------------------------------
    applyFragment() {
      const f = this.fragment.read(), get = (k) => k in f ? f[k] : void 0;
      this.refused = this.rules.refusals(get);
      this.use(this.rules.parseSettings(get));
      this.pinned = null;
      const pin = f.pin ? this.rules.parsePin(f.pin) : null;
      if (pin) {
        try {
          this.pinned = new LabRun(this.netView(pin), pin);
        } catch {
          this.pinned = null;
        }
      }
      this.panes.showPinned(!!this.pinned);
      const step = integer(f.step || "", 0, 1e9);
      if (this.controls) this.controls.pause();
      this.rebuild(step === null ? 0 : step);
    }
    save() {
      if (!this.controls) return;
      const step = this.timelineSteps[this.controls.index];
      this.fragment.write(this.rules.fragmentOf(this.settings, step, this.pinned && this.pinned.settings));
    }
    state() {
      this.flush();
      const c = this.controls, i = this.current.indexOf(this.timelineSteps[c.index]);
      return {
        settings: JSON.parse(JSON.stringify(this.settings)),
        pinned: this.pinned ? JSON.parse(JSON.stringify(this.pinned.settings)) : null,
        index: c.index,
        step: this.timelineSteps[c.index],
        playing: c.playing,
        count: c.count,
        engine: this.current.engine,
        trainMs: this.current.trainMs,
        command: command(this.rules, this.settings),
        map: !!this.map,
        divergedAt: this.current.divergedAt,
        evalLoss: this.current.evalLoss(this.d, this.current.evaluate(this.d, i), i),
        params: this.current.trainer.paramsAt(i)
      };
    }
  };

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

  // render/web/src/train_wasm.js
  var BLOCK = 2;
  var LOOP = 3;
  var IF = 4;
  var ELSE = 5;
  var END = 11;
  var BR = 12;
  var BR_IF = 13;
  var RETURN = 15;
  var CALL = 16;
  var SELECT = 27;
  var GET = 32;
  var SET = 33;
  var TEE = 34;
  var F64_LOAD = 43;
  var F64_STORE = 57;
  var I32_CONST = 65;
  var F64_CONST = 68;
  var I32_EQZ = 69;
  var I32_GE_S = 78;
  var F64_LT = 99;
  var F64_GT = 100;
  var F64_GE = 102;
  var I32_ADD = 106;
  var I32_SUB = 107;
  var I32_AND = 113;
  var I32_SHL = 116;
  var F64_ABS = 153;
  var F64_NEG = 154;
  var F64_ADD = 160;
  var F64_SUB = 161;
  var F64_MUL = 162;
  var F64_DIV = 163;
  var VOID = 64;
  var T_I32 = 127;
  var T_F64 = 124;
  var MAX_BYTES = 1 << 20;
  var SMALL = 4096;
  function uleb(n, out) {
    do {
      const b = n & 127;
      n >>>= 7;
      out.push(n ? b | 128 : b);
    } while (n);
  }
  function sleb(n, out) {
    for (; ; ) {
      const b = n & 127;
      n >>= 7;
      if (n === 0 && !(b & 64) || n === -1 && b & 64) {
        out.push(b);
        return;
      }
      out.push(b | 128);
    }
  }
  var f64bytes = new Uint8Array(new Float64Array(1).buffer);
  function f642(value2, out) {
    new Float64Array(f64bytes.buffer)[0] = value2;
    out.push(F64_CONST);
    for (let i = 0; i < 8; i++) out.push(f64bytes[i]);
  }
  function section(id, body2, out) {
    out.push(id);
    uleb(body2.length, out);
    for (let i = 0; i < body2.length; i++) out.push(body2[i]);
  }
  function name(text2, out) {
    uleb(text2.length, out);
    for (let i = 0; i < text2.length; i++) out.push(text2.charCodeAt(i));
  }
  function body(net, O3, blowup) {
    const n = net.names.length, P = net.paramSlots, T = net.tape, W = O3.WIDTH;
    const X = 2, Y = 3, S = 4, OK = 5, TMP = 6, E = 7, TOTAL = 8, V0 = 9, G0 = V0 + n, B0 = G0 + n;
    const R0 = B0 + P.length;
    const code = [];
    function get(i) {
      code.push(GET);
      uleb(i, code);
    }
    function set(i) {
      code.push(SET);
      uleb(i, code);
    }
    function storeState() {
      P.forEach(function(p, j) {
        code.push(I32_CONST, 0);
        get(V0 + p);
        code.push(F64_STORE, 3);
        uleb(8 + 8 * j, code);
      });
      code.push(I32_CONST, 0);
      get(TOTAL);
      code.push(F64_STORE, 3, 0);
    }
    function loadSample(offset, slot) {
      get(S);
      code.push(I32_CONST, 3, I32_SHL);
      get(offset);
      code.push(I32_ADD, F64_LOAD, 3, 0);
      set(V0 + slot);
    }
    function select(whenTrue, whenFalse, condition) {
      whenTrue();
      whenFalse();
      condition();
      code.push(SELECT);
    }
    function cmp(slot, op) {
      return function() {
        get(V0 + slot);
        f642(0, code);
        code.push(op);
      };
    }
    function k(value2) {
      return function() {
        f642(value2, code);
      };
    }
    P.forEach(function(p, j) {
      code.push(I32_CONST, 0, F64_LOAD, 3);
      uleb(8 + 8 * j, code);
      set(V0 + p);
      code.push(I32_CONST, 0, F64_LOAD, 3);
      uleb(8 + 8 * (P.length + j), code);
      set(R0 + j);
    });
    get(0);
    set(S);
    f642(0, code);
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
        case O3.F_COPY:
          get(V0 + a);
          set(V0 + d);
          break;
        case O3.F_ADD:
          get(V0 + a);
          get(V0 + b);
          code.push(F64_ADD);
          set(V0 + d);
          break;
        case O3.F_MUL:
          get(V0 + a);
          get(V0 + b);
          code.push(F64_MUL);
          set(V0 + d);
          break;
        case O3.F_RELU:
          select(function() {
            get(V0 + a);
          }, k(0), cmp(a, F64_GE));
          set(V0 + d);
          break;
        case O3.F_LEAKY:
          select(
            function() {
              get(V0 + a);
            },
            function() {
              f642(0.1, code);
              get(V0 + a);
              code.push(F64_MUL);
            },
            cmp(a, F64_GE)
          );
          set(V0 + d);
          break;
        case O3.F_STEP:
          select(k(1), k(0), cmp(a, F64_GT));
          set(V0 + d);
          break;
        case O3.F_SIGMOID:
          cmp(a, F64_GE)();
          code.push(IF, T_F64);
          f642(1, code);
          f642(1, code);
          get(V0 + a);
          code.push(F64_NEG, CALL, 0, F64_ADD, F64_DIV, ELSE);
          get(V0 + a);
          code.push(CALL, 0, TEE);
          uleb(E, code);
          f642(1, code);
          get(E);
          code.push(F64_ADD, F64_DIV, END);
          set(V0 + d);
          break;
        case O3.F_TANH:
          get(V0 + a);
          code.push(CALL, 1);
          set(V0 + d);
          break;
        case O3.F_ABS:
          get(V0 + a);
          get(V0 + b);
          code.push(F64_SUB, F64_ABS);
          set(V0 + d);
          break;
        case O3.F_SQUARE:
          get(V0 + a);
          get(V0 + b);
          code.push(F64_SUB, TEE);
          uleb(TMP, code);
          get(TMP);
          code.push(F64_MUL);
          set(V0 + d);
          break;
        case O3.G_ONE:
          f642(1, code);
          set(G0 + d);
          break;
        case O3.UPDATE:
          get(V0 + d);
          set(B0 + a);
          get(V0 + d);
          get(R0 + a);
          get(G0 + d);
          code.push(F64_MUL, F64_SUB, TEE);
          uleb(V0 + d, code);
          f642(-blowup, code);
          code.push(F64_GT);
          get(V0 + d);
          f642(blowup, code);
          code.push(F64_LT, I32_AND);
          get(OK);
          code.push(I32_AND);
          set(OK);
          break;
        default: {
          if (op & O3.FIRST) f642(0, code);
          else get(G0 + d);
          get(G0 + a);
          switch (op & ~O3.FIRST) {
            case O3.G_ADD:
              f642(1, code);
              break;
            case O3.G_MUL:
              get(V0 + b);
              break;
            case O3.G_RELU:
              select(k(1), k(0), cmp(b, F64_GT));
              break;
            case O3.G_LEAKY:
              select(k(1), k(0.1), cmp(b, F64_GT));
              break;
            case O3.G_STEP:
              select(k(0), k(-1), cmp(b, F64_GT));
              break;
            case O3.G_SIGMOID:
              get(V0 + a);
              f642(1, code);
              get(V0 + a);
              code.push(F64_SUB, F64_MUL);
              break;
            case O3.G_TANH:
              f642(1, code);
              get(V0 + a);
              get(V0 + a);
              code.push(F64_MUL, F64_SUB);
              break;
            case O3.G_ABS0:
            case O3.G_ABS1: {
              const pos = (op & ~O3.FIRST) === O3.G_ABS0 ? 1 : -1;
              select(k(pos), k(-pos), function() {
                get(V0 + b);
                get(V0 + c);
                code.push(F64_SUB);
                f642(0, code);
                code.push(F64_GT);
              });
              break;
            }
            case O3.G_SQUARE0:
            case O3.G_SQUARE1:
              f642((op & ~O3.FIRST) === O3.G_SQUARE0 ? 2 : -2, code);
              get(V0 + b);
              get(V0 + c);
              code.push(F64_SUB, F64_MUL);
              break;
            default:
              throw new Error("lab: no WebAssembly for opcode " + op);
          }
          code.push(F64_MUL, F64_ADD);
          set(G0 + d);
        }
      }
    }
    get(OK);
    get(V0 + net.loss);
    f642(-blowup, code);
    code.push(F64_GT, I32_AND);
    get(V0 + net.loss);
    f642(blowup, code);
    code.push(F64_LT, I32_AND, I32_EQZ, IF, VOID);
    P.forEach(function(p, j) {
      get(B0 + j);
      set(V0 + p);
    });
    storeState();
    get(S);
    get(0);
    code.push(I32_SUB, RETURN, END);
    get(TOTAL);
    get(V0 + net.loss);
    code.push(F64_ADD);
    set(TOTAL);
    get(S);
    code.push(I32_CONST, 1, I32_ADD);
    set(S);
    code.push(BR, 0, END, END);
    storeState();
    code.push(I32_CONST);
    sleb(-1, code);
    code.push(END);
    const fn = [];
    uleb(2, fn);
    uleb(2, fn);
    fn.push(T_I32);
    uleb(3 + 2 * n + 2 * P.length, fn);
    fn.push(T_F64);
    return fn.concat(code);
  }
  function module(net, O3, blowup) {
    const out = [0, 97, 115, 109, 1, 0, 0, 0];
    let s;
    s = [2, 96, 1, T_F64, 1, T_F64, 96, 4, T_I32, T_I32, T_I32, T_I32, 1, T_I32];
    section(1, s, out);
    s = [3];
    name("m", s);
    name("exp", s);
    s.push(0, 0);
    name("m", s);
    name("tanh", s);
    s.push(0, 0);
    name("m", s);
    name("mem", s);
    s.push(2, 0, 1);
    section(2, s, out);
    section(3, [1, 1], out);
    s = [1];
    name("train", s);
    s.push(0, 2);
    section(7, s, out);
    const fn = body(net, O3, blowup), code = [1];
    uleb(fn.length, code);
    section(10, code.concat(fn), out);
    return new Uint8Array(out);
  }
  var modules = /* @__PURE__ */ new Map();
  var unavailable = false;
  function build(net) {
    if (typeof WebAssembly !== "object" || unavailable) return null;
    const bytes2 = module(net, OPS2, BLOWUP);
    if (bytes2.length > MAX_BYTES) return null;
    let memory, instance;
    try {
      memory = new WebAssembly.Memory({ initial: 1 });
      const key = String.fromCharCode(...bytes2);
      if (!modules.has(key)) modules.set(key, new WebAssembly.Module(bytes2));
      instance = new WebAssembly.Instance(
        modules.get(key),
        { m: { exp: Math.exp, tanh: Math.tanh, mem: memory } }
      );
    } catch {
      if (bytes2.length <= SMALL) unavailable = true;
      return null;
    }
    const P = net.paramSlots, np = P.length, head = 8 + 16 * np;
    let dataX = null, dataY = null, cap = 0;
    const train = instance.exports.train;
    return function(xs, ys, from, to, rates) {
      if (dataX !== xs || dataY !== ys) {
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
      return { total: mem[0], bad };
    };
  }

  // render/web/src/entries/lab.js
  var started = performance.now();
  useEngine(build);
  window.ourdl = Object.assign(window.ourdl || {}, { graph: graph_exports, train: train_exports, random: random_exports });
  var first = null;
  var timing = { scripts: started, mounted: void 0 };
  mountAll(
    ".ourdl-lab[data-source]",
    "ourdl-lab",
    "lab",
    "The lab could not start: ",
    (root) => !!/** @type {HTMLElement & {ourdlLab?: Lab}} */
    root.ourdlLab,
    (root, data2) => {
      root.textContent = "";
      const lab = new Lab(
        root,
        /** @type {import("../types.js").LabData} */
        data2
      );
      if (!first) {
        first = lab;
        timing.mounted = performance.now();
      }
    }
  );
  window.lab = Object.assign(window.lab || {}, { timing }, first ? api(first) : {});
  function api(lab) {
    const self = {
      /** @param {import("../lab_run.js").ConsoleConfig} config */
      run: (config) => consoleRun(lab.d, config),
      state: () => lab.state(),
      /** @param {Partial<import("../types.js").Settings> & {lr?: number}} partial */
      set: (partial) => {
        lab.set(partial, true);
        return lab.state();
      },
      /** @param {string} name */
      preset: (name2) => self.set({ init: (lab.d.presets.find((p) => p.name === name2) || { init: {} }).init }),
      /** @param {number} seed */
      random: (seed) => {
        lab.random(seed);
        return self.set({});
      },
      pin: () => {
        lab.pin();
        return lab.state();
      },
      unpin: () => {
        lab.unpin();
        return lab.state();
      },
      /** @param {number} step */
      seekStep: (step) => {
        lab.flush();
        lab.controls.pause();
        lab.controls.seek(lab.indexOfStep(step), true);
        return lab.state();
      },
      train: () => {
        lab.flush();
        lab.controls.play();
      },
      pause: () => lab.controls.pause(),
      step: () => {
        lab.flush();
        lab.controls.step(1);
      },
      reset: () => {
        lab.flush();
        lab.controls.pause();
        lab.controls.seek(0, true);
      },
      firstFrame: lab.firstFrame,
      // drawn while the lab was built
      grid: () => lab.figure.grid(),
      inspect: () => openInspect(lab).stepThrough,
      minTextPx: () => lab.minTextPx(),
      lab
    };
    return self;
  }
})();
