/* player.js: the runs player's data, state and layout: a row of panels per run plus the loss panel on one
 * timeline, laid out like render.draw.scene_figure; player_draw.js and player_hover.js add its drawing and
 * pointer. Needs data.js, graph.js, plot.js, dom.js, controls.js, layout.js (panels.js for "data" and
 * "surface" panels). Interface (window.ourdl.player):
 *   Player(root, data)  mounts a player in `root` (data: runs_data() in render/web/player.py;
 *     lossPanel false: no loss panel). root.ourdlPlayer is the player: .controls (seek(i), play(), pause(),
 *     step(d)), .state(), .index, .curves(run, snapshot) -> Float64Array(N·G) of every recorded node (exact
 *     test), .ready (a promise: first frame drawn), .draw() (benchmark).
 * Safety: strings from the data or the URL go in as textContent or canvas text, never as HTML; the fragment
 * only selects among known values.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, D = ourdl.data;
  const { el, fill, family, Fragment, Controls, bindKeys, LAYOUT, DESIGN_WIDTH, rowRects, lossAxes } = ourdl.player;

  class Player {
    constructor(root, data) {
      this.root = root;
      this.d = data;
      root.ourdlPlayer = this;
      const th = this.th = data.theme;
      this.fam = family(data.lang);
      this.grid = D.f64(data.grid);
      this.target = D.f64(data.target);
      this.trainLoss = D.f64(data.trainLoss);
      this.evalLoss = D.f64(data.evalLoss);
      this.steps = data.steps;
      this.S = data.steps.length;
      this.R = data.runs.length;
      this.G = this.grid.length;
      if (data.graph) {
        this.program = G.compile(data.graph, this.G);
        if (!this.program) throw new Error("the page cannot evaluate this graph and no curves are embedded");
        this.params = D.f64(data.params);
        this.P = data.shape.params;
      } else {
        this.curvesF = D.f32(data.curves);
        this.curveIndex = Object.fromEntries(data.curveNodes.map((n, i) => [n, i]));
      }
      // data and surface panels (assets/panels.js): their samples, loss surface and paths
      this.panelState = ourdl.panels ? ourdl.panels.prepare(this, data) : null;
      this.hidden = new Set();
      this.run = -1;  // -1: every run; else the one run shown
      this.hover = null;
      this.fragment = new Fragment(["step", "run", "hide", "speed", "loop"], root.dataset.standalone === "1");

      root.classList.add("op-root", "op-theme-" + (th.name === "dark" ? "dark" : "light"));
      root.lang = data.lang === "zh" ? "zh-CN" : "en";
      root.style.setProperty("--op-bg", th.background);
      root.style.setProperty("--op-fg", th.foreground);
      root.style.setProperty("--op-muted", th.muted);
      root.style.setProperty("--op-span", th.span);
      root.style.setProperty("--op-accent", th.palette[0]);
      root.style.fontFamily = this.fam;
      this.figure = el("div", "op-figure", root);
      this.figure.setAttribute("role", "img");
      this.figure.setAttribute("aria-label", data.description || data.scene);
      this.canvas = el("canvas", "op-canvas", this.figure);
      this.overlay = el("div", "op-overlay", this.figure);
      this.tip = el("div", "op-tip", this.figure);
      this.tip.hidden = true;
      this.bg = document.createElement("canvas");

      const ui = data.ui;
      const marks = [];
      for (const m of data.marks) {
        const i = this.indexOfStep(m);
        marks.push({ index: i, label: fill(ui.sample, { step: P.thousands(m) }), short: P.thousands(m) });
      }
      data.runs.forEach((r) => {
        if (r.divergedAt === null || r.divergedAt === undefined) return;
        marks.push({ index: this.indexOfStep(r.divergedAt), kind: "diverged", short: "\u26a0",
          label: fill(ui.diverged_mark, { label: r.label }) });
      });
      this.controls = new Controls(root, {
        count: this.S, ui, speeds: data.speeds, marks, duration: data.duration, hold: data.hold,
        position: (i) => fill(ui.position, { step: P.thousands(this.steps[i]), total: P.thousands(data.total) }),
        onSeek: (i, user) => { this.draw(); if (user) this.saveState(); },
        onPlay: () => this.saveState(),
        onOption: () => this.saveState(),
      });
      if (this.R > 1) {
        const label = el("label", "op-opt", this.controls.extra);
        el("span", null, label, ui.runs + " ");
        this.runSelect = el("select", "op-run", label);
        el("option", null, this.runSelect, ui.all_runs).value = "-1";
        data.runs.forEach((r, i) => { el("option", null, this.runSelect, r.label).value = String(i); });
        this.runSelect.addEventListener("change", () => { this.setRun(Number(this.runSelect.value)); this.saveState(); });
      }
      el("div", "op-help", root, ui.keys);

      const opened = this.applyFragment();
      this.figure.addEventListener("mousemove", (e) => this.onMove(e));
      this.figure.addEventListener("mouseleave", () => { this.hover = null; this.tip.hidden = true; this.draw(); });
      this.figure.addEventListener("click", (e) => this.onClick(e));
      if (root.dataset.standalone === "1") bindKeys(window, this.controls);
      else { root.tabIndex = 0; bindKeys(root, this.controls); }
      window.addEventListener("hashchange", () => this.applyFragment());
      if (typeof ResizeObserver === "function") {
        this.resizer = new ResizeObserver(() => { if (this.figure.clientWidth !== this.width) this.layout(); });
        this.resizer.observe(this.figure);
      }
      this.layout();
      if (!opened.step && root.dataset.autoplay === "1") this.controls.play();
      this.ready = Promise.resolve(this);  // as the sweep player's, which waits for its map bytes
    }

    indexOfStep(step) {
      // the last snapshot at or before `step`
      let lo = 0, hi = this.S - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.steps[mid] <= step) lo = mid; else hi = mid - 1; }
      return lo;
    }
    get index() { return this.controls.index; }

    // -- state ---------------------------------------------------------------------------------------

    state() {
      return { index: this.index, step: this.steps[this.index], playing: this.controls.playing,
        speed: this.controls.speed, loop: this.controls.loop, run: this.run, hidden: [...this.hidden].sort() };
    }

    applyFragment() {
      const f = this.fragment.read(), c = this.controls;
      const toggles = new Set(this.toggleKeys());
      const opened = { step: false };
      if (/^\d{1,12}$/.test(f.step || "")) { c.pause(); c.seek(this.indexOfStep(Number(f.step)), false); opened.step = true; }
      else c.seek(this.S - 1, false);
      this.run = /^\d{1,4}$/.test(f.run || "") && Number(f.run) >= 1 && Number(f.run) <= this.R && this.R > 1
        ? Number(f.run) - 1 : -1;
      if (this.runSelect) this.runSelect.value = String(this.run);
      this.hidden = new Set((f.hide || "").split(",").filter((k) => toggles.has(k)));
      c.setSpeed(/^[0-9.]{1,5}$/.test(f.speed || "") && this.d.speeds.includes(Number(f.speed)) ? Number(f.speed) : 1);
      c.setLoop(f.loop === "1");
      if (this.width) this.layout();
      return opened;
    }

    saveState() {
      const c = this.controls;
      this.fragment.write({ step: this.steps[c.index], run: this.run >= 0 ? this.run + 1 : null,
        hide: [...this.hidden].join(","), speed: c.speed !== 1 ? c.speed : null, loop: c.loop ? 1 : null });
    }

    toggleKeys() {
      const keys = new Set(["target", "span", "train", "eval"]);
      for (const p of this.d.panels) for (const n of p.nodes) keys.add(n);
      if (this.panelState) for (const p of this.d.panels) for (const k of ourdl.panels.keys(p)) keys.add(k);
      return [...keys];
    }

    setRun(r) {
      this.run = r >= 0 && r < this.R ? r : -1;
      if (this.runSelect) this.runSelect.value = String(this.run);
      this.layout();
    }

    toggle(key) {
      if (this.hidden.has(key)) this.hidden.delete(key); else this.hidden.add(key);
      this.layout();
      this.saveState();
    }

    // -- numbers -------------------------------------------------------------------------------------

    /** every recorded node of run r at snapshot s (the program's buffers: valid until the next call) */
    evaluate(r, s) {
      return G.evaluate(this.program, this.params, (r * this.S + s) * this.P, this.grid, this.target);
    }

    curves(r, s) {
      const out = new Float64Array(this.program.names.length * this.G);
      this.evaluate(r, s).forEach((v, n) => out.set(v, n * this.G));
      return out;
    }

    /** {node: Float64Array(G)} of the drawn nodes of run r at snapshot s */
    drawn(r, s) {
      const out = Object.create(null);
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

    loss(kind, r, s) { return (kind === "train" ? this.trainLoss : this.evalLoss)[r * this.S + s]; }

    // -- layout --------------------------------------------------------------------------------------

    rows() { return this.run >= 0 ? [this.run] : [...Array(this.R).keys()]; }

    layout() {
      const L = LAYOUT, d = this.d;
      const W = Math.max(320, this.figure.clientWidth || 800);
      this.width = this.figure.clientWidth;
      const s = W / DESIGN_WIDTH, pt = s / 72;
      const rows = this.rows(), cols = d.panels.length + (d.lossPanel === false ? 0 : 1);
      // a hover on a row that is no longer shown (a link or the menu picked one run) points nowhere
      if (this.hover && this.hover.k >= rows.length) { this.hover = null; this.tip.hidden = true; }
      const fixed = L.top + L.titles + L.legend + rows.length * (L.header + L.ticks);
      const hIn = Math.max(DESIGN_WIDTH * d.aspect, fixed + rows.length * 1.2);
      const H = hIn * s;
      const ah = (hIn - fixed) / rows.length;
      this.s = s; this.pt = pt; this.W = W; this.H = H;
      this.axes = rowRects(rows.length, cols, ah, s).map((rects) => rects.map((rect, j) => (j < d.panels.length
        ? new P.Axes(rect, { xlim: d.panels[j].xlim || d.xRange, ylim: d.panels[j].ylim })
        : lossAxes(rect, d.total, d.lossYlim))));
      this.dpr = P.sizeCanvases([this.canvas, this.bg], this.figure, W, H);
      this.drawStatic();
      this.buildOverlay();
      this.draw();
    }
  }

  Object.assign(ourdl.player, { Player });
})(window.ourdl = window.ourdl || {});
