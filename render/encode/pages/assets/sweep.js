/* sweep.js: the sweep player (a sweep snapshot, meta kind "sweep"), laid out like
 * render.draw.sweep_figure: loss histograms, fitting modes, the fitted share over training and the named
 * runs' output curves for a seeded sweep (relu_vs_leakyrelu); for a map sweep (init_basin) a map per
 * activation of every init's mode and loss, and the explorer: hover a cell for its init and outcome,
 * click it to train that init here (train.js, exact) and play its training in the curve panel.
 *
 * Needs data.js, graph.js, plot.js, player.js; random.js and train.js for the explorer.
 * Interface (window.ourdl.sweep):
 *   SweepPlayer(root, data)  data: the JSON of render/encode/pages/sweep.py sweep_data(). root.ourdlPlayer:
 *       .ready (a promise: map bytes inflated, first frame drawn), .seek(i), .state(), .index,
 *       .cellAt(i, j, a?) -> {init, loss, mode, ...}, .select(i, j, a?) -> trains that cell (its
 *       parameters in .clicked.params, steps x P), .curves(r, s) (named run r, every node, exact test)
 *   gridspec(W, H, rows, cols, o)  matplotlib's GridSpec cells in CSS px: o = {left, right, top, bottom,
 *       hspace, wspace} as figure fractions (bottom-up, as matplotlib); returns cell(r, c, rowspan, colspan)
 *   inflate(b64) -> Promise<Uint8Array>  zlib bytes (Python zlib.compress) through DecompressionStream.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, D = ourdl.data, U = ourdl.player;
  const FONT = 8.0, SMALL = 6.5, LINE = 1.5, DESIGN_WIDTH = 8.0;

  function gridspec(W, H, rows, cols, o) {
    const cw = ((o.right - o.left) * W) / (cols + o.wspace * (cols - 1));
    const ch = ((o.top - o.bottom) * H) / (rows + o.hspace * (rows - 1));
    return (r, c, rs = 1, cs = 1) => ({
      x: o.left * W + c * cw * (1 + o.wspace), y: (1 - o.top) * H + r * ch * (1 + o.hspace),
      w: cs * cw + (cs - 1) * cw * o.wspace, h: rs * ch + (rs - 1) * ch * o.hspace,
    });
  }

  async function inflate(b64) {
    const stream = new Blob([D.f64 && Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream()
      .pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function rgb(hex) {
    const h = hex.replace("#", "");
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const css = (c, a) => (a === undefined ? `rgb(${c.map(Math.round).join(",")})` : `rgba(${c.map(Math.round).join(",")},${a})`);
  const blend = (c, toward, amount) => c.map((v, i) => v * (1 - amount) + toward[i] * amount);
  const pct = (v) => `${Math.round(v * 100)}%`;
  const signed = (v) => v.toFixed(3).replace("-", "\u2212");

  class SweepPlayer {
    constructor(root, data) {
      this.root = root;
      this.d = data;
      root.ourdlPlayer = this;
      const th = this.th = data.theme;
      this.fam = U.family(data.lang);
      this.W = 0;
      this.grid = D.f64(data.grid);
      this.target = D.f64(data.target);
      this.steps = data.steps;
      this.S = data.steps.length;
      this.A = data.activations.length;
      this.R = data.runs.length;
      this.Gn = this.grid.length;
      this.hist = D.i32(data.hist);
      this.H = data.histShape[2];
      this.edges = D.f64(data.edges);
      this.modeCounts = D.i32(data.modeCounts);
      this.modeFitted = D.i32(data.modeFitted);
      this.K = data.modes.length;
      this.fitted = D.f64(data.fitted);
      this.evalLoss = D.f64(data.evalLoss);
      this.inside = [];
      this.grid.forEach((x, i) => { if (x >= data.dataRange[0] - 1e-12 && x <= data.dataRange[1] + 1e-12) this.inside.push(i); });
      this.programs = Object.create(null);
      if (data.graph) {
        this.params = D.f64(data.params);
        this.P = data.shape.params;
        for (const r of data.runs) this.program(r.activation);
      } else {
        this.outputCurves = D.f32(data.outputCurves);
      }
      this.clicked = null;
      this.hover = null;
      this.fragment = new U.Fragment(["step", "speed", "loop", "cell"], root.dataset.standalone === "1");

      root.classList.add("op-root", "op-sweep", "op-theme-" + (th.name === "dark" ? "dark" : "light"));
      root.lang = data.lang === "zh" ? "zh-CN" : "en";
      for (const [k, v] of [["--op-bg", th.background], ["--op-fg", th.foreground], ["--op-muted", th.muted],
        ["--op-span", th.span], ["--op-accent", th.palette[0]]]) root.style.setProperty(k, v);
      root.style.fontFamily = this.fam;
      this.figure = U.el("div", "op-figure", root);
      this.figure.setAttribute("role", "img");
      this.figure.setAttribute("aria-label", data.description || data.scene);
      this.canvas = U.el("canvas", "op-canvas", this.figure);
      this.overlay = U.el("div", "op-overlay", this.figure);
      this.bg = document.createElement("canvas");
      const ui = data.ui;
      const marks = data.marks.map((m) => ({ index: this.indexOfStep(m), label: U.fill(ui.sample, { step: P.thousands(m) }),
        short: P.thousands(m) }));
      this.controls = new U.Controls(root, {
        count: this.S, ui, speeds: data.speeds, marks, duration: data.duration, hold: data.hold,
        position: (i) => U.fill(ui.position, { step: P.thousands(this.steps[i]), total: P.thousands(data.total) }),
        onSeek: (i, user) => { this.draw(); if (user) this.saveState(); },
        onPlay: () => this.saveState(), onOption: () => this.saveState(),
      });
      if (data.map) {
        this.cellInfo = U.el("div", "op-cellinfo", root, ui.no_cell);
        this.cellInfo.setAttribute("aria-live", "polite");
      }
      const rates = U.el("div", "op-rates", root);
      for (const line of data.rateLines) U.el("div", null, rates, line);
      U.el("div", "op-help", root, ui.keys.split(" · ").slice(0, 4).join(" · "));
      if (root.dataset.standalone === "1") U.bindKeys(window, this.controls);
      else { root.tabIndex = 0; U.bindKeys(root, this.controls); }
      this.figure.addEventListener("mousemove", (e) => this.onMove(e));
      this.figure.addEventListener("mouseleave", () => { this.hover = null; this.showCell(); this.draw(); });
      this.figure.addEventListener("click", (e) => this.onClick(e));
      window.addEventListener("hashchange", () => this.applyFragment());
      this.ready = (data.map ? this.loadMap() : Promise.resolve()).then(() => {
        this.applyFragment();
        if (typeof ResizeObserver === "function") {
          new ResizeObserver(() => { if (this.figure.clientWidth !== this.width) this.layout(); }).observe(this.figure);
        }
        this.layout();
        if (!this.opened && root.dataset.autoplay === "1") this.controls.play();
      });
      this.ready.catch((err) => { root.textContent = "This player could not start: " + String(err && err.message); console.error(err); });
    }

    get index() { return this.controls.index; }

    indexOfStep(step) {
      let lo = 0, hi = this.S - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.steps[mid] <= step) lo = mid; else hi = mid - 1; }
      return lo;
    }

    program(activation) {
      const key = activation || "";
      if (!(key in this.programs)) {
        const p = G.compile(this.d.graph, this.Gn, activation || undefined);
        if (!p) throw new Error("the page cannot evaluate this graph");
        this.programs[key] = p;
      }
      return this.programs[key];
    }

    /** every node of named run r at snapshot s (exact test) */
    curves(r, s) {
      const prog = this.program(this.d.runs[r].activation);
      const values = G.evaluate(prog, this.params, (r * this.S + s) * this.P, this.grid, this.target);
      const out = new Float64Array(values.length * this.Gn);
      values.forEach((v, n) => out.set(v, n * this.Gn));
      return out;
    }

    output(r, s) {
      if (!this.d.graph) return this.outputCurves.subarray((r * this.S + s) * this.Gn, (r * this.S + s + 1) * this.Gn);
      const prog = this.program(this.d.runs[r].activation);
      return G.evaluate(prog, this.params, (r * this.S + s) * this.P, this.grid, this.target)[prog.index[this.d.graph.output]];
    }

    // -- map data ------------------------------------------------------------------------------------

    async loadMap() {
      const m = this.d.map;
      this.map = { ...m, codes: await inflate(m.loss), state: await inflate(m.state), xs: D.f64(m.xs), ys: D.f64(m.ys),
        init: D.f64(m.init), finalLoss: D.f64(m.finalLoss), finalMode: D.i8(m.finalMode), diverged: D.i32(m.divergedAt),
        share: D.f64(m.fittedShare) };
      const M = m.nx * m.ny;
      if (this.map.codes.length !== this.A * this.S * M) throw new Error("map data has the wrong size");
      // colour of every (mode, fitted, code): SweepFigure._map_panel's rgb()
      const bg = rgb(this.th.background), thr = this.d.threshold;
      const [lo, hi] = m.codeRange, L = m.codeLevels;
      const loLog = Math.log(0.03), thrLog = Math.log(thr);
      this.lut = new Uint8ClampedArray(this.K * 2 * 256 * 3);
      for (let k = 0; k < this.K; k++) {
        const base = rgb(this.d.modeColors[k]);
        for (let f = 0; f < 2; f++) {
          for (let c = 0; c < 256; c++) {
            const l = Math.pow(10, Math.log10(lo) + (c / L) * (Math.log10(hi) - Math.log10(lo)));
            let amount;
            if (c > L) amount = 0.9;
            else if (f) amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
            else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / thr) / Math.LN10));
            const col = blend(base, bg, amount), o = ((k * 2 + f) * 256 + c) * 3;
            this.lut[o] = col[0]; this.lut[o + 1] = col[1]; this.lut[o + 2] = col[2];
          }
        }
      }
      this.mapImages = [];
      for (let a = 0; a < this.A; a++) {
        const c = document.createElement("canvas");
        c.width = m.nx; c.height = m.ny;
        this.mapImages.push(c);
      }
    }

    cellLoss(code) {
      const [lo, hi] = this.map.codeRange;
      return code > this.map.codeLevels ? NaN : Math.pow(10, Math.log10(lo) + (code / this.map.codeLevels) * (Math.log10(hi) - Math.log10(lo)));
    }

    /** what the page knows about cell (i, j) of activation a's map, at snapshot s (default: the current) */
    cellAt(i, j, a = 0, s = this.index) {
      const m = this.map, M = m.nx * m.ny, r = j * m.nx + i;
      const init = Array.from(m.init);
      const names = this.d.graph ? this.d.graph.params : [];
      init[names.indexOf(m.axes[0])] = m.xs[i];
      init[names.indexOf(m.axes[1])] = m.ys[j];
      const st = m.state[(a * this.S + s) * M + r];
      return { i, j, a, run: r, init: Object.fromEntries(names.map((n, k) => [n, init[k]])),
        x: m.xs[i], y: m.ys[j], finalLoss: m.finalLoss[a * M + r], finalMode: m.finalMode[a * M + r],
        diverged: m.diverged[a * M + r], mode: st & 7, fitted: (st >> 3) === 1,
        loss: this.cellLoss(m.codes[(a * this.S + s) * M + r]) };
    }

    /** train cell (i, j) with activation a in the page, at every snapshot of the scene's schedule */
    select(i, j, a = 0, play = true) {
      const cell = this.cellAt(i, j, a);
      const t0 = performance.now();
      const trainer = new ourdl.train.Trainer(this.d.graph, { init: cell.init, lr: this.d.lr, samples: this.d.samples,
        activation: this.d.activations[a], data_seed: this.map.dataSeed, steps: this.steps, engine: "interpreter" });
      trainer.advance(this.S - 1);
      const prog = this.program(this.d.activations[a]);
      const evalLoss = new Float64Array(this.S);
      for (let s = 0; s < this.S; s++) {
        const out = G.evaluate(prog, trainer.params, s * this.P, this.grid, this.target)[prog.index[this.d.graph.output]];
        let sum = 0;
        for (const g of this.inside) sum += Math.abs(out[g] - this.target[g]);
        evalLoss[s] = sum / this.inside.length;
      }
      this.clicked = { ...cell, params: trainer.params, evalLoss, ms: performance.now() - t0, divergedAt: trainer.divergedAt };
      this.showCell();
      this.saveState();
      if (play) { this.controls.pause(); this.controls.seek(0, true); this.controls.play(); } else this.draw();
      return this.clicked;
    }

    // -- state ---------------------------------------------------------------------------------------

    state() {
      const c = this.controls;
      return { index: c.index, step: this.steps[c.index], playing: c.playing, speed: c.speed, loop: c.loop,
        cell: this.clicked ? [this.clicked.i, this.clicked.j, this.clicked.a] : null };
    }

    applyFragment() {
      const f = this.fragment.read(), c = this.controls;
      this.opened = false;
      if (/^\d{1,12}$/.test(f.step || "")) { c.pause(); c.seek(this.indexOfStep(Number(f.step)), false); this.opened = true; }
      else c.seek(this.S - 1, false);
      c.setSpeed(/^[0-9.]{1,5}$/.test(f.speed || "") && this.d.speeds.includes(Number(f.speed)) ? Number(f.speed) : 1);
      c.setLoop(f.loop === "1");
      const cell = /^(\d{1,4}),(\d{1,4})(?:,(\d{1,2}))?$/.exec(f.cell || "");
      if (cell && this.map && this.d.graph) {
        const [i, j, a] = [Number(cell[1]), Number(cell[2]), Number(cell[3] || 0)];
        if (i < this.map.nx && j < this.map.ny && a < this.A) this.select(i, j, a, false);
      }
      if (this.W) this.layout();
    }

    saveState() {
      const c = this.controls, k = this.clicked;
      this.fragment.write({ step: this.steps[c.index], speed: c.speed !== 1 ? c.speed : null, loop: c.loop ? 1 : null,
        cell: k ? `${k.i},${k.j}${k.a ? "," + k.a : ""}` : null });
    }

    // -- layout --------------------------------------------------------------------------------------

    layout() {
      const d = this.d;
      const W = Math.max(360, this.figure.clientWidth || 800);
      this.width = this.figure.clientWidth;
      const H = W * d.aspect, s = W / DESIGN_WIDTH;
      this.W = W; this.Hpx = H; this.s = s; this.pt = s / 72;
      this.panels = [];
      if (d.type === "map") this.layoutMap(W, H, s); else this.layoutSeeded(W, H);
      this.dpr = P.sizeCanvases([this.canvas, this.bg], this.figure, W, H);
      this.drawStatic();
      this.buildOverlay();
      this.draw();
    }

    layoutSeeded(W, H) {
      const cell = gridspec(W, H, 2, 3, { left: 0.06, right: 0.985, top: 0.885, bottom: 0.15, hspace: 0.5, wspace: 0.28 });
      this.panels.push({ kind: "hist", rect: cell(0, 0, 1, 2) }, { kind: "modes", rect: cell(0, 2) },
        { kind: "rate", rect: cell(1, 0), band: true });
      for (let k = 0; k < 2; k++) this.panels.push({ kind: "curves", rect: cell(1, 1 + k), group: k });
    }

    layoutMap(W, H, s) {
      const top = 0.885, bottom = 0.14, side = (top - bottom) * H, left = 0.06 * W, gap = 0.55 * s;
      for (let a = 0; a < this.A; a++) {
        this.panels.push({ kind: "map", a, rect: { x: left + a * (side + gap), y: (1 - top) * H, w: side, h: side } });
      }
      const right0 = (left + this.A * side + (this.A - 1) * gap + 0.55 * s) / W;
      const cell = gridspec(W, H, 3, 1, { left: right0, right: 0.985, top, bottom: bottom + 0.035, hspace: 0.75, wspace: 0 });
      this.panels.push({ kind: "curves", rect: cell(0, 0), group: 0 }, { kind: "curves", rect: cell(1, 0), group: 1, explorer: true },
        { kind: "rate", rect: cell(2, 0), band: false });
    }

    // -- drawing -------------------------------------------------------------------------------------

    style() { return { fg: this.th.foreground, muted: this.th.muted, font: this.fam, tick: SMALL * this.pt, s: this.s }; }
    actColor(a) { const p = this.th.palette; return p[a % p.length]; }
    runColor(r) { const a = this.d.activations.indexOf(this.d.runs[r].activation); return a >= 0 ? this.actColor(a) : this.th.palette[2]; }
    title(ctx, rect, text) {
      P.text(ctx, text, rect.x + rect.w / 2, rect.y - 3 * this.pt,
        { font: P.font(FONT * this.pt, this.fam), color: this.th.foreground, align: "center", baseline: "bottom" });
    }
    small(bold) { return P.font(SMALL * this.pt, this.fam, bold); }
    xlabel(ctx, rect, text) {
      P.text(ctx, text, rect.x + rect.w / 2, rect.y + rect.h + (2.5 + 1.5) * this.pt + SMALL * this.pt * 1.25,
        { font: this.small(), color: this.th.foreground, align: "center", baseline: "top" });
    }

    drawStatic() {
      const ctx = this.bg.getContext("2d"), th = this.th;
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, this.W, this.Hpx);
      for (const p of this.panels) {
        if (p.kind === "hist") this.histStatic(ctx, p);
        else if (p.kind === "modes") this.modesStatic(ctx, p);
        else if (p.kind === "rate") this.rateStatic(ctx, p);
        else if (p.kind === "curves") this.curvesStatic(ctx, p);
        else if (p.kind === "map") this.mapStatic(ctx, p);
      }
    }

    draw() {
      if (!this.panels) return;
      const ctx = this.canvas.getContext("2d"), i = this.index;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.bg, 0, 0);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      for (const p of this.panels) {
        if (p.kind === "hist") this.histDraw(ctx, p, i);
        else if (p.kind === "modes") this.modesDraw(ctx, p, i);
        else if (p.kind === "rate") this.rateDraw(ctx, p, i);
        else if (p.kind === "curves") this.curvesDraw(ctx, p, i);
        else if (p.kind === "map") this.mapDraw(ctx, p, i);
      }
      this.caption.textContent = U.fill(this.d.strings.sweep_caption, { step: this.steps[i], total: this.d.total });
      if (this.hover) this.showCell();
      if (this.firstFrame === undefined) this.firstFrame = performance.now();
    }

    buildOverlay() {
      const o = this.overlay, d = this.d, pt = this.pt;
      o.textContent = "";
      o.style.fontSize = `${FONT * pt}px`;
      const title = U.el("div", "op-run-label", o, d.title);
      title.style.left = `${0.012 * this.W}px`; title.style.top = `${0.015 * this.Hpx}px`;
      if (d.lang === "zh") title.style.fontWeight = "normal";
      this.caption = U.el("div", "op-caption", o);
      this.caption.style.right = `${0.012 * this.W}px`; this.caption.style.top = `${0.015 * this.Hpx}px`;
      const items = [];
      if (d.type !== "map") {
        d.activations.forEach((a, k) => items.push({ label: a, color: this.actColor(k), kind: "line" }));
        items.push({ label: d.targetLabel, color: this.th.target, kind: "dash" });
      }
      d.modes.forEach((m, k) => items.push({ label: m, color: d.modeColors[k], kind: "patch" }));
      if (d.type === "map") items.push({ label: d.strings.pale, color: css(blend(rgb(this.th.muted), rgb(this.th.background), 0.68)), kind: "patch" });
      const box = U.el("div", "op-legend op-legend-row", o);
      box.style.left = "50%"; box.style.bottom = `${0.012 * this.Hpx}px`; box.style.top = "auto";
      box.style.fontSize = `${SMALL * pt}px`;
      box.style.gridTemplateRows = "auto";
      for (const it of items) {
        const e = U.el("span", "op-entry", box);
        const sw = U.el("span", "op-swatch op-swatch-" + it.kind, e);
        sw.style.width = `${1.4 * SMALL * pt}px`;
        if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
        if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, LINE * pt)}px`;
        U.el("span", "op-entry-label", e, it.label);
      }
    }

    // histogram of every run's evaluation loss
    histAxes(p) {
      const count = this.d.count;
      if (!this.histMax) this.histMax = Math.max(1, ...this.hist) / count;
      return new P.Axes(p.rect, { xlim: [this.edges[0], this.edges[this.edges.length - 1]], ylim: [0, this.histMax * 1.12],
        xscale: "log" });
    }
    histStatic(ctx, p) {
      const ax = p.ax = this.histAxes(p), th = this.th, pt = this.pt, thr = this.d.threshold;
      P.vspan(ctx, ax, this.edges[0], thr, th.span);
      P.vline(ctx, ax, thr, { color: th.muted, width: 0.8 * pt, dash: [3.7 * 0.8 * pt, 1.6 * 0.8 * pt] });
      P.text(ctx, U.fill(this.d.strings.fitted_zone.replace(":g", ""), { thr: P.fmtG(thr, 6) }), ax.px(thr / 1.08), ax.py(ax.ylim[1] * 0.97),
        { font: this.small(), color: th.muted, align: "right", baseline: "top" });
      const xt = P.logTicks(ax.xlim[0], ax.xlim[1], [1]).major;
      const yt = P.maxNTicks(0, ax.ylim[1], 4);
      P.frame(ctx, ax, this.style(), { xticks: xt, xlabels: xt.map((v) => P.fmtG(v, 6)), yticks: yt, ylabels: yt.map(pct) });
      this.title(ctx, p.rect, U.fill(this.d.strings.hist, { target: this.d.targetName }));
    }
    histDraw(ctx, p, i) {
      const ax = p.ax, H = this.H, count = this.d.count, pt = this.pt;
      for (let a = 0; a < this.A; a++) {
        const col = rgb(this.actColor(a)), off = (a * this.S + i) * H;
        ctx.save(); P.clip(ctx, ax);
        ctx.beginPath();
        ctx.moveTo(ax.px(this.edges[0]), ax.py(0));
        for (let h = 0; h < H; h++) {
          const y = ax.py(this.hist[off + h] / count);
          ctx.lineTo(ax.px(this.edges[h]), y); ctx.lineTo(ax.px(this.edges[h + 1]), y);
        }
        ctx.lineTo(ax.px(this.edges[H]), ax.py(0));
        ctx.fillStyle = css(col, 0.25); ctx.fill();
        ctx.strokeStyle = css(col); ctx.lineWidth = LINE * 0.8 * pt; ctx.lineJoin = "miter"; ctx.stroke();
        ctx.restore();
        P.text(ctx, U.fill(this.d.strings.share.replace("{pct:.1f}", "{pct}"), { act: this.d.activations[a], pct: (100 * this.fitted[a * this.S + i]).toFixed(1) }),
          ax.rect.x + 0.985 * ax.rect.w, ax.rect.y + (0.05 + 0.11 * a) * ax.rect.h,
          { font: P.font(FONT * pt, this.fam, true), color: this.actColor(a), align: "right", baseline: "top" });
      }
    }

    // fitting modes: stacked bars per activation
    modesStatic(ctx, p) {
      const ax = p.ax = new P.Axes(p.rect, { xlim: [0, 1], ylim: [this.A - 0.4, -0.6] });
      const xt = P.maxNTicks(0, 1, 4);
      const st = this.style();
      P.frame(ctx, ax, st, { xticks: xt, xlabels: xt.map(pct), yticks: this.d.activations.map((_, a) => a), ylabels: this.d.activations });
      this.title(ctx, p.rect, this.d.strings.modes);
    }
    modesDraw(ctx, p, i) {
      const ax = p.ax, K = this.K, count = this.d.count, bg = rgb(this.th.background);
      for (let a = 0; a < this.A; a++) {
        let left = 0;
        const y0 = ax.py(a - 0.31), y1 = ax.py(a + 0.31);
        for (let k = 0; k < K; k++) {
          const off = (a * this.S + i) * K + k, f = this.modeFitted[off] / count, total = this.modeCounts[off] / count;
          const col = rgb(this.d.modeColors[k]);
          ctx.fillStyle = css(col); ctx.fillRect(ax.px(left), Math.min(y0, y1), ax.px(left + f) - ax.px(left), Math.abs(y1 - y0));
          ctx.fillStyle = css(blend(col, bg, 0.68));
          ctx.fillRect(ax.px(left + f), Math.min(y0, y1), ax.px(left + total) - ax.px(left + f), Math.abs(y1 - y0));
          left += total;
        }
      }
    }

    // share of runs fitted over training
    rateStatic(ctx, p) {
      const d = this.d, th = this.th, pt = this.pt, count = d.count;
      let max = 0;
      for (const v of this.fitted) max = Math.max(max, v);
      const ax = p.ax = new P.Axes(p.rect, { xlim: [0, d.total], ylim: [0, Math.min(1, Math.max(0.1, max * 1.15 + 0.02))],
        xscale: "symlog", linthresh: Math.max(10, d.total / 1000) });
      const z = 1.959963984540054;
      for (let a = 0; a < this.A; a++) {
        const f = this.fitted.subarray(a * this.S, (a + 1) * this.S), col = rgb(this.actColor(a));
        if (p.band) {
          const lo = [], hi = [];
          for (const v of f) {
            const denom = 1 + (z * z) / count, center = (v + (z * z) / (2 * count)) / denom;
            const half = (z * Math.sqrt((v * (1 - v)) / count + (z * z) / (4 * count * count))) / denom;
            lo.push(center - half); hi.push(center + half);
          }
          ctx.save(); P.clip(ctx, ax); ctx.beginPath();
          this.steps.forEach((s, k) => (k ? ctx.lineTo(ax.px(s), ax.py(hi[k])) : ctx.moveTo(ax.px(s), ax.py(hi[k]))));
          for (let k = this.S - 1; k >= 0; k--) ctx.lineTo(ax.px(this.steps[k]), ax.py(lo[k]));
          ctx.fillStyle = css(col, 0.2); ctx.fill(); ctx.restore();
        }
        P.line(ctx, ax, this.steps, f, { color: this.actColor(a), width: LINE * 0.8 * pt });
      }
      for (const m of d.marks) P.vline(ctx, ax, m, { color: th.muted, width: 0.6 * pt, dash: [pt, 1.65 * pt] });
      const xt = P.symlogTicks(0, d.total, Math.max(10, d.total / 1000)), yt = P.maxNTicks(0, ax.ylim[1], 4);
      P.frame(ctx, ax, this.style(), { xticks: xt, xlabels: xt.map((v) => (v >= 1000 ? `${P.fmtG(v / 1000, 6)}k` : P.fmtG(v, 6))),
        yticks: yt, ylabels: yt.map(pct) });
      this.title(ctx, p.rect, p.band ? d.strings.rate : d.strings.rate_map);
      this.xlabel(ctx, p.rect, d.strings.samples);
    }
    rateDraw(ctx, p, i) {
      const ax = p.ax, step = this.steps[i], pt = this.pt;
      P.vline(ctx, ax, step, { color: this.th.foreground, width: 0.8 * pt, alpha: 0.6 });
      for (let a = 0; a < this.A; a++) P.marker(ctx, ax.px(step), ax.py(this.fitted[a * this.S + i]), LINE * 1.3 * pt, this.actColor(a));
    }

    // output curves of named runs (or of the clicked cell) beside the target
    groupRuns(p) {
      const g = this.d.groups[p.group];
      return g ? g.runs : [];
    }
    curvesStatic(ctx, p) {
      const d = this.d, th = this.th, pt = this.pt;
      const clicked = p.explorer && this.clicked;
      const g = d.groups[p.group];
      const ylim = clicked ? this.clickedLimits() : g ? g.ylim : [-0.5, 4.5];
      const ax = p.ax = new P.Axes(p.rect, { xlim: d.xRange, ylim });
      P.vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
      P.hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
      P.line(ctx, ax, this.grid, this.target, { color: th.target, width: LINE * 0.8 * pt, dash: [4 * 1.2 * pt, 3 * 1.2 * pt] });
      const xt = P.autoTicks(d.xRange[0], d.xRange[1], ax.rect.w, SMALL * pt), yt = P.maxNTicks(ylim[0], ylim[1], 4);
      P.frame(ctx, ax, this.style(), { xticks: xt, xlabels: P.tickLabels(xt), yticks: yt, ylabels: P.tickLabels(yt) });
      let title = g ? g.label : "";
      if (clicked) {
        title = `${d.ui.cell_run}: ${d.map.axisLabels[0]}=${signed(clicked.x)}, ${d.map.axisLabels[1]}=${signed(clicked.y)}`;
      }
      this.title(ctx, p.rect, title);
      if (!clicked && !this.groupRuns(p).length) {
        P.text(ctx, d.strings.no_run, ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h / 2,
          { font: this.small(), color: th.muted, align: "center", baseline: "middle" });
      }
    }
    clickedLimits() {
      const c = this.clicked, prog = this.program(this.d.activations[c.a]);
      let lo = 0, hi = 0;
      for (const v of this.target) if (isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      for (let s = 0; s < this.S; s++) {
        const out = G.evaluate(prog, c.params, s * this.P, this.grid, this.target)[prog.index[this.d.graph.output]];
        for (const v of out) if (isFinite(v) && Math.abs(v) < 1e6) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
      const pad = (hi - lo) * 0.08;
      return [lo - pad, hi + pad];
    }
    curvesDraw(ctx, p, i) {
      const ax = p.ax, pt = this.pt, d = this.d, lines = [];
      if (p.explorer && this.clicked) {
        const c = this.clicked, prog = this.program(d.activations[c.a]);
        const out = G.evaluate(prog, c.params, i * this.P, this.grid, this.target)[prog.index[d.graph.output]];
        lines.push({ values: out, color: this.actColor(c.a), act: d.activations[c.a], loss: c.evalLoss[i] });
      } else {
        for (const r of this.groupRuns(p)) {
          lines.push({ values: this.output(r, i), color: this.runColor(r), act: d.runs[r].activation || "", loss: this.evalLoss[r * this.S + i] });
        }
      }
      lines.forEach((l, k) => {
        P.line(ctx, ax, this.grid, l.values, { color: l.color, width: LINE * pt });
        P.text(ctx, U.fill(d.strings.loss_at, { act: l.act, target: d.targetName, loss: l.loss.toFixed(3) }),
          ax.rect.x + 0.03 * ax.rect.w, ax.rect.y + (0.05 + 0.1 * k) * ax.rect.h,
          { font: this.small(true), color: l.color, align: "left", baseline: "top" });
      });
    }

    // the map of inits: mode and loss per cell
    mapStatic(ctx, p) {
      const m = this.map, e = m.extent;
      const ax = p.ax = new P.Axes(p.rect, { xlim: [e[0], e[1]], ylim: [e[2], e[3]] });
      const xt = P.maxNTicks(e[0], e[1], 5), yt = P.maxNTicks(e[2], e[3], 4);
      P.frame(ctx, ax, this.style(), { xticks: xt, xlabels: P.tickLabels(xt), yticks: yt, ylabels: P.tickLabels(yt) });
      this.title(ctx, p.rect, U.fill(this.d.strings.map, { act: this.d.activations[p.a] }));
      this.xlabel(ctx, p.rect, m.axisLabels[0]);
      ctx.save();
      ctx.translate(ax.rect.x - 2.5 * this.pt - 1.5 * this.pt - SMALL * this.pt * 2.6, ax.rect.y + ax.rect.h / 2);
      ctx.rotate(-Math.PI / 2);
      P.text(ctx, m.axisLabels[1], 0, 0, { font: this.small(), color: this.th.foreground, align: "center", baseline: "bottom" });
      ctx.restore();
    }
    mapDraw(ctx, p, i) {
      const m = this.map, ax = p.ax, a = p.a, M = m.nx * m.ny, pt = this.pt, th = this.th;
      const img = this.mapImages[a], ictx = img.getContext("2d"), data = ictx.createImageData(m.nx, m.ny);
      const base = (a * this.S + i) * M;
      for (let j = 0; j < m.ny; j++) {
        for (let k = 0; k < m.nx; k++) {
          const r = j * m.nx + k, st = m.state[base + r], o = (((st & 7) * 2 + (st >> 3)) * 256 + m.codes[base + r]) * 3;
          const q = ((m.ny - 1 - j) * m.nx + k) * 4;  // origin lower: row 0 at the bottom
          data.data[q] = this.lut[o]; data.data[q + 1] = this.lut[o + 1]; data.data[q + 2] = this.lut[o + 2]; data.data[q + 3] = 255;
        }
      }
      ictx.putImageData(data, 0, 0);
      ctx.save();
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
      ctx.restore();
      P.hline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
      P.vline(ctx, ax, 0, { color: th.foreground, width: 0.5 * pt, alpha: 0.5 });
      for (const [label, [mx, my]] of Object.entries(m.marks)) {
        const x = ax.px(mx), y = ax.py(my);
        ctx.beginPath(); ctx.arc(x, y, 2.25 * pt, 0, 2 * Math.PI);
        ctx.strokeStyle = th.foreground; ctx.lineWidth = 1.2 * pt; ctx.stroke();
        P.text(ctx, label, x + 5 * pt, y + 3 * pt, { font: this.small(true), color: th.foreground, align: "left", baseline: "top" });
      }
      const cw = ax.rect.w / m.nx, ch = ax.rect.h / m.ny;
      const outline = (c, color, width) => {
        if (!c || c.a !== a) return;
        ctx.strokeStyle = color; ctx.lineWidth = width;
        ctx.strokeRect(ax.rect.x + c.i * cw, ax.rect.y + (m.ny - 1 - c.j) * ch, cw, ch);
      };
      outline(this.clicked, th.foreground, 1.6 * pt);
      outline(this.hover, th.foreground, 0.8 * pt);
      const share = U.fill(this.d.strings.grid_fitted.replace("{pct:.1f}", "{pct}"), { pct: (100 * m.share[a * this.S + i]).toFixed(1) });
      ctx.font = this.small(true);
      const w = ctx.measureText(share).width;
      ctx.fillStyle = css(rgb(th.background), 0.8);
      ctx.fillRect(ax.rect.x + 0.02 * ax.rect.w - 2 * pt, ax.rect.y + 0.02 * ax.rect.h - 1.5 * pt, w + 4 * pt, SMALL * pt * 1.3 + 3 * pt);
      P.text(ctx, share, ax.rect.x + 0.02 * ax.rect.w, ax.rect.y + 0.02 * ax.rect.h, { font: this.small(true), color: th.foreground, baseline: "top" });
    }

    // -- pointer -------------------------------------------------------------------------------------

    cellUnder(e) {
      if (!this.map) return null;
      const rect = this.canvas.getBoundingClientRect(), px = e.clientX - rect.left, py = e.clientY - rect.top;
      for (const p of this.panels) {
        if (p.kind !== "map" || !p.ax.contains(px, py)) continue;
        const m = this.map, r = p.ax.rect;
        const i = Math.min(m.nx - 1, Math.floor(((px - r.x) / r.w) * m.nx));
        const j = Math.min(m.ny - 1, Math.floor(((r.y + r.h - py) / r.h) * m.ny));
        return { i, j, a: p.a };
      }
      return null;
    }
    onMove(e) {
      const c = this.cellUnder(e);
      const same = c && this.hover && c.i === this.hover.i && c.j === this.hover.j && c.a === this.hover.a;
      if (same || (!c && !this.hover)) return;
      this.hover = c;
      this.figure.style.cursor = c ? "pointer" : "";
      this.showCell();
      this.draw();
    }
    onClick(e) {
      const c = this.cellUnder(e);
      if (c && this.d.graph) { this.select(c.i, c.j, c.a); this.drawStatic(); this.draw(); }
    }

    /** the explorer's line: the hovered (else the clicked) cell's init and outcome */
    showCell() {
      if (!this.cellInfo) return;
      const c = this.hover || this.clicked;
      if (!c) { this.cellInfo.textContent = this.d.ui.no_cell; return; }
      const info = this.cellAt(c.i, c.j, c.a), d = this.d, ui = d.ui, L = d.map.axisLabels;
      const fittedFinal = info.finalLoss < d.threshold;
      const parts = [
        `${L[0]} = ${signed(info.x)}, ${L[1]} = ${signed(info.y)}`,
        `${d.activations[c.a]} ${P.thousands(d.samples)}: ${d.modes[info.finalMode]}, |y \u2212 ${d.targetName}| ${P.number(info.finalLoss)} (${fittedFinal ? ui.fitted : ui.not_fitted})`,
        `${U.fill(ui.sample, { step: P.thousands(this.steps[this.index]) })}: ${d.modes[info.mode]}, \u2248${P.fmtG(info.loss, 2)} (${info.fitted ? ui.fitted : ui.not_fitted})`,
      ];
      if (this.hover) parts.push(ui.hover_cell);
      this.cellInfo.textContent = parts.join(" \u00b7 ");
      this.cellInfo.dataset.cell = `${c.i},${c.j},${c.a}`;
    }
  }

  ourdl.sweep = { SweepPlayer, gridspec, inflate };
})(window.ourdl = window.ourdl || {});
