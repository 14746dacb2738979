/* sweep.js: the sweep player (a sweep snapshot, meta kind "sweep"), laid out like
 * render.draw.sweep_figure: loss histograms, fitting modes, the fitted share over training and the named
 * runs' output curves for a seeded sweep (relu_vs_leakyrelu); for a map sweep (init_basin) a map per
 * activation of every init's mode and loss, and the explorer: hover a cell for its init and outcome,
 * click it to train that init here (train.js, exact) and play its training in the curve panel.
 * This file: the player's data, state and what its files share; sweep_figure.js lays it out and draws it,
 * sweep_panels.js draws the seeded panels, sweep_map.js the map and its explorer.
 *
 * Needs data.js, graph.js, plot.js, dom.js, controls.js; random.js and train.js for the explorer.
 * Interface (window.ourdl.sweep):
 *   SweepPlayer(root, data)  data: the JSON of render/web/sweep.py sweep_data(). root.ourdlPlayer:
 *       .ready (a promise: map bytes inflated, first frame drawn), .controls.seek(i), .state(), .index,
 *       .cellAt(i, j, a?) -> {init, loss, mode, ...}, .select(i, j, a?) -> trains that cell (its
 *       parameters in .clicked.params, steps x P), .curves(r, s) (named run r, every node, exact test)
 *   gridspec (sweep_figure.js), inflate (sweep_map.js)
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, D = ourdl.data, U = ourdl.player;
  const FONT = 8.0, SMALL = 6.5, LINE = 1.5, DESIGN_WIDTH = 8.0;

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
  }

  ourdl.sweep = { SweepPlayer, FONT, SMALL, LINE, DESIGN_WIDTH, rgb, css, blend, pct, signed };
})(window.ourdl = window.ourdl || {});
