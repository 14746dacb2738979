(() => {
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
  function thousands(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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

  // render/web/src/graph.js
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
        const value = svg("text", {
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
        this.boxes[n] = { box, value, grad, group };
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
      const value = /* @__PURE__ */ Object.create(null);
      value[g.input] = x;
      value[g.label] = label;
      this.names.forEach((n, j) => {
        value[n] = before[j];
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
        value[name] = compute(n.kind, n.parents.map((p) => value[p]));
      }
      const values = { ...value };
      const grad = /* @__PURE__ */ Object.create(null);
      const backward = [];
      const edges = [];
      const params = {};
      const local = (child, i) => {
        const n = byName[child];
        return LOCAL[n.kind](n.parents.map((p) => value[p]), i, value[child]);
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
        const was = value[p];
        value[p] = was - run.lrs[j] * grad[p];
        params[p] = { before: num(was), grad: num(grad[p]), after: num(value[p]) };
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

  // render/web/src/controls.js
  var Fragment = class {
    /** @param {string[]} keys @param {boolean} enabled
     * @param {number} [maxLength]  a longer fragment reads as nothing */
    constructor(keys, enabled, maxLength = 2e3) {
      this.keys = new Set(keys);
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

  // render/web/src/layout.js
  function paletteColor(th, i) {
    const p = th.palette;
    return p[(i % p.length + p.length) % p.length];
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
      const colors = nodeColors(view.panels);
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
  var LOCAL2 = {
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
          else if (Array.isArray(LOCAL2[kind])) emit(LOCAL2[kind][i] | first, k, c, cp[0], cp[1]);
          else emit(LOCAL2[kind] | first, k, c, cp[0]);
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

  // render/web/src/random.js
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
    function hashmix(value) {
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      return (value ^ value >>> 16) >>> 0;
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
        const value = Number(word);
        if (!Number.isFinite(value)) {
          throw new Refusal("big", `number ${word} too large at column ${start + 1}`, start + 1);
        }
        out.push({ kind: "num", text: word, column: start + 1, value });
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

  // render/web/src/backprop_step.js
  function runIndex(source, label) {
    const runs = source.runs;
    if (label === void 0 || label === null) return 0;
    if (typeof label === "number" && Number.isInteger(label) && label >= 0 && label < runs.length) return label;
    const text2 = String(label), k = labelIndex(runs.map((r) => r.label), text2);
    if (k >= 0) return k;
    throw new Error(`no run ${JSON.stringify(text2)} in ${source.scene} (its runs: ${runs.map((r) => JSON.stringify(r.label)).join("; ")})`);
  }
  function checkSample(run, sample) {
    if (typeof sample !== "number" || !Number.isInteger(sample) || sample < 0) {
      throw new Error(`sample ${String(sample)}: give a sample number from 0 to ${run.samples - 1}`);
    }
    if (sample >= run.samples) {
      throw new Error(`sample ${sample} is past the run: ${run.label} trains samples 0 to ${run.samples - 1}`);
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
      const run = this.source.runs[r], s = this.source;
      const d = data(
        run.dataSeed,
        run.samples,
        s.dataRange,
        s.points ? void 0 : s.target || void 0,
        s.points || null
      );
      this.net.setParams(this.graph.names.map((n) => run.init[n]));
      const result = this.net.train(d.xs, d.ys, 0, sample, run.lrs);
      if (result.bad >= 0) {
        throw new Error(`${run.label} diverged at sample ${result.bad} (its training stops there, as the recording's does); give a sample up to ${result.bad}`);
      }
      return { params: this.net.getParams(), x: d.xs[sample], label: d.ys[sample] };
    }
    /**
     * Step `sample` (0-based) of the run `run` (a label, see runIndex): the dict backprop_step gives.
     * @param {number} sample @param {string | number | null} [run]
     */
    at(sample, run) {
      const r = runIndex(this.source, run), chosen = this.source.runs[r];
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
      const run = this.source.runs[r];
      return this.graph.step(
        {
          scene: this.source.scene,
          run: run.label,
          runs: this.source.runs.map((q) => q.label),
          samples: run.samples,
          lr: run.lr,
          lrs: run.lrs
        },
        sample,
        before,
        x,
        label
      );
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

  // render/web/src/entries/backprop.js
  mountAll(
    ".ourdl-backprop[data-source]",
    "ourdl-backprop-page",
    "page",
    "This page could not start: ",
    (root) => !!/** @type {any} */
    root.ourdlBackprop,
    (root, data2) => {
      root.textContent = "";
      const d = (
        /** @type {any} */
        data2
      ), src = d.source;
      const stepper = new Stepper(src);
      const provider = {
        runs: src.runs.map((r) => r.label),
        samples: (r) => src.runs[r].samples,
        at: (sample, r) => stepper.at(sample, r)
      };
      const page = new StepThrough(root, provider, {
        graph: src.graph,
        grid: f64(src.grid),
        target: src.targetCurve ? f64(src.targetCurve) : null,
        points: src.points,
        xRange: src.xRange,
        panels: src.panels,
        th: d.theme,
        lang: d.lang,
        ui: d.ui,
        targetName: d.targetName,
        outputTitle: d.outputTitle,
        description: d.description,
        title: d.ui.bp_title.replace("{scene}", src.scene)
      }, { run: d.run, sample: d.sample, standalone: true, keys: window });
      /** @type {any} */
      root.ourdlBackprop = page;
      window.__backprop = {
        at: (sample, run) => stepper.at(sample, runIndex(src, run)),
        embedded: () => read(root.dataset.step || "backprop"),
        page
      };
    }
  );
})();
