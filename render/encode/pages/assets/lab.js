/* lab.js: the lab's page. Change the initial parameters, train in the page, compare two runs.
 *
 * Needs data.js, graph.js, plot.js, player.js (drawing, controls, URL fragment), random.js, train.js,
 * train_wasm.js (the engine). Reads the JSON of render/encode/pages/lab.py (lab_data) and mounts into
 * every `.ourdl-lab[data-source]`.
 *
 * What happens: every setting (initial parameters, lr, activation, loss, samples, data seed) makes a
 * LabRun: train.js trains the whole run at once (milliseconds: the engine does several million samples
 * a second) and the figure animates its snapshots on the player's timeline, "Train" playing it at display
 * rate. A pinned run keeps its row under the current one, on the same timeline. The map (precomputed by
 * the lockstep sweep in Python) sets w_11, w_12 on click; when the other settings differ from the map's,
 * the page can train every cell itself (same loop, so it equals the lockstep sweep for those settings).
 * Every setting lives in the URL fragment.
 *
 * Interface (window.lab, for tests and curious users in the console):
 *   lab.run(config)     -> ourdl.train.run(the scene's graph, config): {names, steps, params, train_loss,
 *                          diverged_at, engine}. config: {init: {name: value}, lr, samples, activation,
 *                          loss: "absolute" | "squared", data_seed, every, marks?, steps?, engine?}
 *   lab.state()         -> {settings, pinned, step, index, playing, engine, trainMs, command}
 *   lab.set(partial)    -> apply settings ({init: {...}, lr, samples, activation, loss, dataSeed})
 *   lab.preset(name), lab.random(seed), lab.pin(), lab.unpin(), lab.seekStep(step)
 *   lab.train(), lab.pause(), lab.step(), lab.reset()
 *   lab.firstFrame      -> ms since navigation start when the figure was first drawn; lab.timing: when
 *                          the scripts started ({scripts}) and the lab was built ({mounted})
 * Safety: every string from the data or the URL reaches the page as textContent or canvas text; the
 * fragment is parsed into numbers and known names only.
 */
(function (ourdl) {
  "use strict";

  const started = performance.now();  // ms since navigation start: the page's scripts are parsed
  const D = ourdl.data, P = ourdl.plot, GR = ourdl.graph, T = ourdl.train, RNG = ourdl.random;
  const { el, fill, family, LAYOUT, DESIGN_WIDTH, Controls, Fragment, bindKeys } = ourdl.player;

  // ---- numbers from text (controls and fragment) ---------------------------------------------------

  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i;
  /** A finite number written plainly, else null (no hex, no Infinity, no empty string). */
  function number(text) {
    const s = String(text).trim();
    if (s.length > 40 || !NUMBER.test(s)) return null;
    const v = Number(s);
    return isFinite(v) ? v : null;
  }
  /** A whole number in [lo, hi], else null. */
  function integer(text, lo, hi) {
    const s = String(text).trim();
    if (!/^\d{1,16}$/.test(s)) return null;
    const v = Number(s);
    return Number.isSafeInteger(v) && v >= lo && v <= hi ? v : null;
  }
  /** Python's repr of a float, which JavaScript's shortest round-trip String() matches digit for digit. */
  const repr = (v) => (Object.is(v, -0) ? "-0.0" : Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v));
  const short = (v) => P.fmtG(v, 3).replace("-", "\u2212");

  // ---- statistics for axis limits (render.draw.base.robust_limits, scene_figure.log_limits) ---------

  function percentile(values, pct) {  // numpy's default (linear) percentile of a sorted copy
    const v = Float64Array.from(values).sort();
    if (!v.length) return NaN;
    const pos = (pct / 100) * (v.length - 1), i = Math.floor(pos), f = pos - i;
    return i + 1 < v.length ? v[i] + (v[i + 1] - v[i]) * f : v[i];
  }

  function robustLimits(lows, highs, include) {
    lows = lows.filter(isFinite); highs = highs.filter(isFinite);
    let lo = lows.length ? percentile(lows, 2) : 0, hi = highs.length ? percentile(highs, 98) : 1;
    lo = Math.min(lo, ...include); hi = Math.max(hi, ...include);
    if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
    const pad = (hi - lo) * 0.08;
    return [lo - pad, hi + pad];
  }

  function logLimits(values) {
    const v = values.filter((x) => isFinite(x) && x > 0);
    if (!v.length) return [1e-3, 1];
    let lo = percentile(v, 1), hi = percentile(v, 99);
    if (hi / lo < 10) { const mid = Math.sqrt(lo * hi); lo = mid / Math.sqrt(10); hi = mid * Math.sqrt(10); }
    return [lo / 1.4, hi * 1.4];
  }

  // ---- one run ---------------------------------------------------------------------------------------

  /** Snapshots every ~1/300 of the run (Fig 7: every 40 samples, the article's), plus the scene's marks. */
  const everyFor = (samples) => Math.max(1, Math.round(samples / 300));

  /** Snapshots whose curves are summarised for the axis limits and the loss panel's whole-run line. */
  const STAT_POINTS = 120;

  /**
   * A whole run for the given settings, trained at once. For about STAT_POINTS snapshots spread over the
   * run it keeps the evaluation loss (mean |y - target| on the data range) and each drawn node's extremes;
   * the snapshot on screen gets its own, exactly, when it is drawn.
   */
  class LabRun {
    constructor(d, settings) {
      this.settings = settings;
      const every = everyFor(settings.samples);
      this.trainer = new T.Trainer(d.graph, {
        init: settings.init, lr: settings.lr, samples: settings.samples, activation: settings.activation,
        loss: settings.loss, data_seed: settings.dataSeed, every, marks: d.marks,
      });
      const t0 = performance.now();  // the samples themselves (compiling the graph and the data come before)
      this.trainer.advance(this.trainer.steps.length - 1);
      this.trainMs = performance.now() - t0;
      this.every = every;
      this.engine = this.trainer.net.engine;
      this.steps = this.trainer.steps;
      this.S = this.steps.length;
      this.names = this.trainer.names;
      this.P = this.names.length;
      this.graph = T.variantGraph(d.graph, { activation: settings.activation, loss: settings.loss });
      this.program = GR.compile(this.graph, d.gridValues.length);
      if (!this.program) throw new Error("the page cannot evaluate this graph");
      this.output = this.program.index[d.graph.output];
      this.divergedAt = this.trainer.divergedAt;
      this.trainLoss = this.trainer.trainLoss;
      const k = Math.max(1, Math.ceil(this.S / STAT_POINTS)), index = [];
      for (let s = 0; s < this.S; s += k) index.push(s);
      if (index[index.length - 1] !== this.S - 1) index.push(this.S - 1);
      this.statIndex = index;
      this.statSteps = index.map((s) => this.steps[s]);
      this.statTrain = index.map((s) => this.trainLoss[s]);
      this.statEval = new Float64Array(index.length);
      this.extremes = {};
      const drawn = [...new Set(d.panels.flatMap((p) => p.nodes))];
      for (const n of drawn) this.extremes[n] = { lo: new Float64Array(index.length), hi: new Float64Array(index.length) };
      index.forEach((s, j) => {
        const values = this.evaluate(d, s);
        this.statEval[j] = this.evalLoss(d, values);
        for (const n of drawn) {
          const v = values[this.program.index[n]];
          let lo = Infinity, hi = -Infinity;
          for (let g = 0; g < v.length; g++) { if (v[g] < lo) lo = v[g]; if (v[g] > hi) hi = v[g]; }
          this.extremes[n].lo[j] = lo; this.extremes[n].hi[j] = hi;
        }
      });
      this.healthy = this.healthyPoints();
    }

    /** Every recorded node over the grid at snapshot s (graph.js's buffers: valid until the next call). */
    evaluate(d, s) {
      return GR.evaluate(this.program, this.trainer.params, s * this.P, d.gridValues, d.targetValues);
    }

    /** Mean |output - target| over the grid points in the data range (render.record.runs.record_run). */
    evalLoss(d, values) {
      const out = values[this.output], target = d.targetValues, inside = d.inside;
      let sum = 0;
      for (let k = 0; k < inside.length; k++) { const g = inside[k]; sum += Math.abs(out[g] - target[g]); }
      return inside.length ? sum / inside.length : NaN;
    }

    /** Summary points that may set axis limits: before a divergence, within 100x of the start's scale
     * (render/encode/pages/player.py, healthy). */
    healthyPoints() {
      const n = this.statIndex.length, keep = new Uint8Array(n).fill(1);
      if (this.divergedAt === null) return keep;
      const ext = Object.values(this.extremes);
      const size = (j) => Math.max(...ext.map((e) => Math.max(Math.abs(e.lo[j]), Math.abs(e.hi[j]))));
      const start = Math.max(1, size(0));
      for (let j = 1; j < n; j++) keep[j] = this.statSteps[j] < this.divergedAt && size(j) <= 100 * start ? 1 : 0;
      return keep;
    }

    /** The last snapshot at or before sample `step`. */
    indexOf(step) {
      let lo = 0, hi = this.S - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.steps[mid] <= step) lo = mid; else hi = mid - 1; }
      return lo;
    }
  }

  // ---- the figure: the player's layout, one row per run ---------------------------------------------

  class Figure {
    constructor(parent, d) {
      this.d = d;
      this.th = d.theme;
      this.fam = family(d.lang);
      this.element = el("div", "op-figure ol-figure", parent);
      this.element.setAttribute("role", "img");
      this.canvas = el("canvas", "op-canvas", this.element);
      this.overlay = el("div", "op-overlay", this.element);
      this.bg = document.createElement("canvas");
      this.rows = [];
      this.width = 0;
    }

    color(i) { const p = this.th.palette; return p[((i % p.length) + p.length) % p.length]; }

    /** rows: [{run: LabRun, label}]; total: the timeline's last sample. */
    setRows(rows, total) {
      this.rows = rows;
      this.total = total;
      this.element.setAttribute("aria-label", rows.map((r) => r.label).join(" / "));
      const d = this.d;
      this.ylims = d.panels.map((p) => {
        const lows = [], highs = [], include = [0];
        for (const { run } of rows) {
          for (const n of p.nodes) {
            const e = run.extremes[n];
            run.healthy.forEach((ok, j) => { if (ok) { lows.push(e.lo[j]); highs.push(e.hi[j]); } });
          }
        }
        if (p.target) include.push(d.targetMin, d.targetMax);
        return robustLimits(lows, highs, include);
      });
      const losses = [];
      for (const { run } of rows) {
        run.healthy.forEach((ok, j) => { if (ok) losses.push(run.statTrain[j], run.statEval[j]); });
      }
      this.lossYlim = logLimits(losses);
      this.layout();
    }

    layout() {
      const L = LAYOUT, d = this.d;
      const W = Math.max(320, this.element.clientWidth || 800);
      this.width = this.element.clientWidth;
      const s = W / DESIGN_WIDTH, pt = s / 72, n = this.rows.length, cols = d.panels.length + 1;
      const aw = (DESIGN_WIDTH - L.left - L.right - (cols - 1) * L.gap) / cols;
      const ah = aw * 0.82;
      const H = (L.top + L.titles + L.legend + n * (L.header + ah + L.ticks)) * s;
      this.s = s; this.pt = pt; this.W = W; this.H = H;
      this.axes = this.rows.map((row, k) => {
        const top = (L.top + L.titles + k * (L.header + ah + L.ticks) + L.header) * s;
        const rect = (j) => ({ x: (L.left + j * (aw + L.gap)) * s, y: top, w: aw * s, h: ah * s });
        return d.panels.map((p, j) => new P.Axes(rect(j), { xlim: d.xRange, ylim: this.ylims[j] }))
          .concat([new P.Axes(rect(d.panels.length), { xlim: [0, this.total * 1.06], ylim: this.lossYlim,
            xscale: "symlog", yscale: "log", linthresh: Math.max(10, this.total / 1000) })]);
      });
      const dpr = window.devicePixelRatio || 1;
      for (const c of [this.canvas, this.bg]) { c.width = Math.round(W * dpr); c.height = Math.round(H * dpr); }
      this.canvas.style.width = W + "px"; this.canvas.style.height = H + "px";
      this.element.style.height = H + "px";
      this.dpr = dpr;
      this.drawStatic();
      this.buildOverlay();
    }

    style() {
      return { fg: this.th.foreground, muted: this.th.muted, font: this.fam, tick: LAYOUT.small * this.pt, s: this.s };
    }

    drawStatic() {
      const ctx = this.bg.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = LAYOUT;
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, this.W, this.H);
      const st = this.style(), labelPx = L.small * pt, titleFont = P.font(L.font * pt, this.fam);
      const title = (ax, text) => P.text(ctx, text, ax.rect.x + ax.rect.w / 2, ax.rect.y - 3 * pt,
        { font: titleFont, color: th.foreground, align: "center", baseline: "bottom" });
      this.axes.forEach((row, k) => {
        const run = this.rows[k].run;
        row.forEach((ax, j) => {
          if (j < d.panels.length) {
            const p = d.panels[j];
            P.vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
            P.hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
            if (p.target) {
              P.line(ctx, ax, d.gridValues, d.targetValues, { color: th.target, width: L.line * 0.8 * pt,
                dash: [4 * L.line * 0.8 * pt, 3 * L.line * 0.8 * pt] });
            }
            const xt = P.autoTicks(d.xRange[0], d.xRange[1], ax.rect.w, labelPx);
            const yt = P.maxNTicks(ax.ylim[0], ax.ylim[1], 5);
            P.frame(ctx, ax, st, { xticks: xt, xlabels: P.tickLabels(xt), yticks: yt, ylabels: P.tickLabels(yt) });
            if (k === 0) title(ax, p.title);
          } else {
            P.line(ctx, ax, run.steps, run.trainLoss, { color: th.muted, width: 0.6 * pt, alpha: 0.6 });
            P.line(ctx, ax, run.statSteps, run.statEval, { color: this.color(2), width: L.line * 0.9 * pt, alpha: 0.3 });
            const xt = P.symlogTicks(0, this.total * 1.06, Math.max(10, this.total / 1000));
            const yt = P.logTicks(this.lossYlim[0], this.lossYlim[1], [1, 2, 5]);
            P.frame(ctx, ax, st, {
              xticks: xt, xlabels: xt.map((v) => (v >= 1000 ? `${P.fmtG(v / 1000, 6)}k` : P.fmtG(v, 6))),
              yticks: yt.major, ylabels: yt.major.map((v) => P.fmtG(v, 6)), yminor: yt.minor });
            if (k === 0) title(ax, d.strings.loss_title);
          }
        });
      });
    }

    buildOverlay() {
      const o = this.overlay, d = this.d, L = LAYOUT, s = this.s, pt = this.pt;
      o.textContent = "";
      o.style.fontSize = `${L.font * pt}px`;
      this.captions = [];
      this.warnings = [];
      this.rows.forEach((row, k) => {
        const ax = this.axes[k][0];
        const top = ax.rect.y - (L.header - 0.06) * s - (k === 0 ? L.titles * s : 0);
        const label = el("div", "op-run-label", o, row.label);
        label.style.left = `${L.left * s}px`; label.style.top = `${top}px`;
        label.style.color = row.pinned ? this.th.muted : this.th.foreground;
        const cap = el("div", "op-caption", o);
        cap.style.right = `${L.right * s}px`; cap.style.top = `${top}px`;
        const values = {};
        for (const [kind, text] of captionPieces(d, this.total)) {
          if (kind === "t") el("span", null, cap, text);
          else values[text] = el("span", "op-value op-value-" + text, cap);
        }
        this.captions.push(values);
        const last = this.axes[k][d.panels.length - 1].rect;
        const warn = el("div", "op-warning", o);
        warn.style.left = `${last.x + last.w / 2}px`; warn.style.top = `${last.y + last.h * 0.08}px`;
        warn.style.color = this.color(3);
        this.warnings.push(warn);
      });
      const bottom = this.axes[this.axes.length - 1];
      bottom.forEach((ax, j) => {
        const items = [];
        if (j < d.panels.length) {
          const p = d.panels[j];
          p.nodes.forEach((n, i) => items.push({ label: n, color: this.color(p.colors[i]), kind: "line" }));
          if (p.target) {
            items.push({ label: d.strings.target, color: this.th.target, kind: "dash" });
            items.push({ label: d.strings.data, color: this.th.span, kind: "patch" });
          }
        } else {
          items.push({ label: d.strings.loss_train, color: this.th.muted, kind: "thin" });
          items.push({ label: d.strings.loss_eval, color: this.color(2), kind: "line" });
        }
        const box = el("div", "op-legend ol-legend", o);
        box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
        box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
        box.style.fontSize = `${L.small * pt}px`;
        box.style.gridTemplateRows = `repeat(${Math.ceil(items.length / 2)}, auto)`;
        for (const it of items) {
          const entry = el("span", "op-entry", box);
          const sw = el("span", "op-swatch op-swatch-" + it.kind, entry);
          sw.style.width = `${1.6 * L.small * pt}px`;
          if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
          if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
          el("span", "op-entry-label", entry, it.label);
        }
      });
    }

    /** Draw every row at sample `step` of the timeline. */
    draw(step) {
      if (!this.axes) return;
      if (this.element.clientWidth && this.element.clientWidth !== this.width) this.layout();
      const ctx = this.canvas.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = LAYOUT;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.bg, 0, 0);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      this.rows.forEach(({ run }, k) => {
        const row = this.axes[k], i = run.indexOf(step), values = run.evaluate(d, i), index = run.program.index;
        d.panels.forEach((p, j) => p.nodes.forEach((n, c) => {
          P.line(ctx, row[j], d.gridValues, values[index[n]], { color: this.color(p.colors[c]), width: L.line * pt });
        }));
        const ax = row[d.panels.length], ev = run.evalLoss(d, values);
        let j = 0;  // the summary points before this snapshot, then this snapshot's own loss
        while (j < run.statSteps.length && run.statSteps[j] < run.steps[i]) j++;
        P.line(ctx, ax, [...run.statSteps.slice(0, j), run.steps[i]], [...run.statEval.slice(0, j), ev],
          { color: this.color(2), width: L.line * 0.9 * pt });
        const x = ax.px(Math.min(step, run.steps[run.S - 1]));
        P.vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
        if (ev > 0) P.marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, this.color(2), th.background, 0.8 * pt);
        const gone = run.divergedAt !== null && run.steps[i] >= run.divergedAt;
        const cap = this.captions[k];
        if (cap.step) cap.step.textContent = P.thousands(run.steps[i]);
        if (cap.train) cap.train.textContent = P.number(gone ? NaN : run.trainLoss[i]);
        if (cap.eval) cap.eval.textContent = P.number(gone ? NaN : ev);
        this.warnings[k].textContent = gone ? fill(d.strings.diverged, { step: P.thousands(run.divergedAt) }) : "";
      });
    }
  }

  /** The caption as [["t", text] | ["v", name]] for a timeline of `total` samples (player.py caption_pieces). */
  function captionPieces(d, total) {
    const out = [];
    for (const part of String(d.captionTemplate).split(/(\{(?:step|train|eval)\})/)) {
      const m = /^\{(step|train|eval)\}$/.exec(part);
      if (m) out.push(["v", m[1]]);
      else if (part) out.push(["t", part.replace("{total:,}", P.thousands(total)).replace("{target}", d.targetName)]);
    }
    return out;
  }

  // ---- the basin map ---------------------------------------------------------------------------------

  class BasinMap {
    constructor(parent, d, lab) {
      const m = this.m = d.map;
      this.d = d;
      this.lab = lab;
      this.loss = D.f32(m.loss);
      this.mode = D.i8(m.mode);
      const ui = d.lab;
      this.element = el("div", "ol-map", parent);
      el("div", "ol-heading", this.element, ui.map_title);
      this.canvas = el("canvas", "ol-map-canvas", this.element);
      this.canvas.setAttribute("role", "img");
      this.canvas.setAttribute("aria-label", ui.map_title);
      this.info = el("div", "ol-map-info", this.element);
      this.legend = el("div", "ol-map-legend", this.element);
      m.modes.forEach((name, i) => {
        const item = el("span", "ol-map-key", this.legend);
        el("span", "ol-map-swatch", item).style.backgroundColor = m.colors[i];
        el("span", null, item, name);
      });
      el("span", "ol-map-key ol-muted", this.legend, fill(ui.map_pale, { target: d.targetName, thr: m.threshold }));
      this.note = el("div", "ol-note", this.element);
      const ref = d.presets.length ? d.presets[0].name : "";
      this.note.textContent = fill(ui.map_note, { n: m.size, a0: m.axes[0], a1: m.axes[1], ref, act: m.activation,
        lr: m.lr, samples: P.thousands(m.samples), seed: m.dataSeed });
      this.differs = el("div", "ol-note ol-warn", this.element);
      this.computeButton = el("button", "ol-button ol-map-compute", this.element, ui.map_compute);
      this.computeButton.type = "button";
      this.computeButton.addEventListener("click", () => this.compute());
      this.job = null;
      this.canvas.addEventListener("click", (e) => this.onClick(e));
      this.canvas.addEventListener("mousemove", (e) => this.onMove(e));
      this.canvas.addEventListener("mouseleave", () => { this.hover = null; this.showInfo(); this.draw(); });
      this.hover = null;
      this.layout();
    }

    layout() {
      const side = 250, pad = { l: 44, r: 8, t: 6, b: 30 };
      this.W = side + pad.l + pad.r; this.H = side + pad.t + pad.b;
      const dpr = window.devicePixelRatio || 1;
      this.dpr = dpr;
      this.canvas.width = Math.round(this.W * dpr); this.canvas.height = Math.round(this.H * dpr);
      this.canvas.style.width = this.W + "px"; this.canvas.style.height = this.H + "px";
      const [lo, hi] = this.m.range, half = (hi - lo) / (this.m.size - 1) / 2;
      this.ax = new P.Axes({ x: pad.l, y: pad.t, w: side, h: side }, { xlim: [lo - half, hi + half], ylim: [lo - half, hi + half] });
      this.image = this.paint();
    }

    /** The cells' colours, as render.draw.sweep_figure paints the map: mode colour, paler when worse. */
    paint() {
      const m = this.m, n = m.size, c = document.createElement("canvas");
      c.width = n; c.height = n;
      const ctx = c.getContext("2d"), img = ctx.createImageData(n, n);
      const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const palette = m.colors.map(rgb), bg = rgb(this.d.theme.background);
      const loLog = Math.log(0.03), thrLog = Math.log(m.threshold);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const r = j * n + i, l = this.loss[r], base = palette[this.mode[r]] || palette[palette.length - 1];
          let amount;
          if (!isFinite(l)) amount = 0.9;
          else if (l < m.threshold) amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
          else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / m.threshold) / Math.LN10));
          const o = ((n - 1 - j) * n + i) * 4;  // row j = w_12 index, drawn with y up
          for (let k = 0; k < 3; k++) img.data[o + k] = Math.round(base[k] * (1 - amount) + bg[k] * amount);
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      return c;
    }

    cellAt(px, py) {
      const m = this.m, [lo, hi] = m.range, n = m.size, ax = this.ax;
      if (!ax.contains(px, py)) return null;
      const x = ax.xAt(px), y = ax.ylim[0] + (1 - (py - ax.rect.y) / ax.rect.h) * (ax.ylim[1] - ax.ylim[0]);
      const i = Math.round((x - lo) / (hi - lo) * (n - 1)), j = Math.round((y - lo) / (hi - lo) * (n - 1));
      if (i < 0 || j < 0 || i >= n || j >= n) return null;
      return { i, j, x: this.value(i), y: this.value(j), r: j * n + i };
    }

    /** The cell centre exactly as numpy.linspace(lo, hi, n) computes it (scenes.sweeps.GridInits). */
    value(i) {
      const [lo, hi] = this.m.range, n = this.m.size, step = (hi - lo) / (n - 1);
      return i === n - 1 ? hi : lo + i * step;
    }

    onClick(e) {
      const rect = this.canvas.getBoundingClientRect(), cell = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
      if (!cell) return;
      this.lab.set({ init: { [this.m.axes[0]]: cell.x, [this.m.axes[1]]: cell.y } }, true);
    }

    onMove(e) {
      const rect = this.canvas.getBoundingClientRect();
      this.hover = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
      this.showInfo();
      this.draw();
    }

    showInfo() {
      const c = this.hover, m = this.m, ui = this.d.lab;
      this.info.textContent = c ? fill(ui.map_cell, { a0: m.axes[0], a1: m.axes[1], x: short(c.x), y: short(c.y),
        mode: m.modes[this.mode[c.r]] || "?", target: this.d.targetName, loss: P.number(this.loss[c.r]) }) : "\u00a0";
    }

    /** What differs between the current settings and the map's (empty when the map applies). */
    differences(s) {
      const m = this.m, out = [];
      for (const [n, v] of Object.entries(m.others)) if (s.init[n] !== v) out.push(n);
      if (s.activation !== m.activation) out.push(s.activation);
      if (s.loss !== m.lossKind) out.push(this.d.lab[s.loss] || s.loss);
      if (s.lr !== m.lr) out.push(`lr ${s.lr}`);
      if (s.samples !== m.samples) out.push(`${P.thousands(s.samples)} ${this.d.lab.samples}`);
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
      const d = this.d, m = this.m, s = this.lab.settings, n = m.size, cells = n * n, np = this.lab.names.length;
      const net = T.compile(d.graph, { activation: s.activation, loss: s.loss });
      const graph = T.variantGraph(d.graph, { activation: s.activation, loss: s.loss });
      const program = GR.compile(graph, d.gridValues.length), out = program.index[d.graph.output];
      const { xs, ys } = T.data(s.dataSeed, s.samples);
      const base = this.lab.names.map((name) => s.init[name]), params = new Float64Array(np);
      const loss = new Float32Array(cells), mode = new Int8Array(cells);
      const job = this.job = { next: 0 };
      const [lo, hi] = d.dataRange, ix = (name) => this.lab.names.indexOf(name);
      const [w1, w2, b1, b2] = ["w_11", "w_12", "b_11", "b_12"].map(ix);
      const off = (w, b) => Math.max(w * lo + b, w * hi + b) <= 0;
      const step = () => {
        if (this.job !== job) return;  // cancelled by a newer computation
        const until = performance.now() + 12;
        while (job.next < cells && performance.now() < until) {
          const r = job.next++, i = r % n, j = (r - i) / n;
          base[0] = this.value(i); base[1] = this.value(j);
          net.setParams(base);
          net.train(xs, ys, 0, s.samples, s.lr);
          const p = net.getParams();
          for (let k = 0; k < np; k++) params[k] = p[k];
          const values = GR.evaluate(program, params, 0, d.gridValues, d.targetValues);
          let sum = 0;
          for (const g of d.inside) sum += Math.abs(values[out][g] - d.targetValues[g]);
          loss[r] = sum / d.inside.length;
          const dead = off(p[w1], p[b1]) + off(p[w2], p[b2]);  // scenes.sweeps.fitting_modes
          mode[r] = dead === 2 ? 4 : dead === 1 ? 3 : p[w1] > 0 && p[w2] > 0 ? 0 : p[w1] < 0 && p[w2] < 0 ? 1 : 2;
        }
        this.computeButton.textContent = fill(d.lab.map_computing, { pct: Math.floor(100 * job.next / cells) });
        if (job.next < cells) { requestAnimationFrame(step); return; }
        this.job = null;
        this.loss = loss; this.mode = mode;
        Object.assign(m, { activation: s.activation, lossKind: s.loss, lr: s.lr, samples: s.samples,
          dataSeed: s.dataSeed, others: Object.fromEntries(this.lab.names.slice(2).map((name) => [name, s.init[name]])) });
        this.note.textContent = fill(d.lab.map_note_page, { n, a0: m.axes[0], a1: m.axes[1], act: m.activation,
          lr: m.lr, samples: P.thousands(m.samples), seed: m.dataSeed });
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
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, this.W, this.H);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(this.image, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
      const fam = family(this.d.lang), st = { fg: th.foreground, muted: th.muted, font: fam, tick: 10, s: 72 };
      const ticks = P.maxNTicks(m.range[0], m.range[1], 4);
      P.frame(ctx, ax, st, { xticks: ticks, xlabels: P.tickLabels(ticks), yticks: ticks, ylabels: P.tickLabels(ticks) });
      const label = { font: P.font(11, fam), color: th.foreground, align: "center", baseline: "top" };
      P.text(ctx, m.axes[0], ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h + 14, label);
      ctx.save();
      ctx.translate(2, ax.rect.y + ax.rect.h / 2);
      ctx.rotate(-Math.PI / 2);
      P.text(ctx, m.axes[1], 0, 0, label);
      ctx.restore();
      ctx.save();
      P.clip(ctx, ax);
      for (const preset of this.d.presets) {  // Fig 7, Fig 8: hollow circles, as the sweep figure marks them
        const x = ax.px(preset.init[m.axes[0]]), y = ax.py(preset.init[m.axes[1]]);
        ctx.beginPath(); ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
        ctx.strokeStyle = th.foreground; ctx.lineWidth = 1.4; ctx.stroke();
        P.text(ctx, preset.name, x + 6, y + 3, { font: P.font(10, fam, true), color: th.foreground, baseline: "top" });
      }
      const pin = this.lab.pinned && this.lab.pinned.settings.init;
      if (pin) this.cross(ctx, pin[m.axes[0]], pin[m.axes[1]], th.muted);
      const s = this.lab.settings.init;
      this.cross(ctx, s[m.axes[0]], s[m.axes[1]], th.foreground);
      if (this.hover) {
        const h = ax.px(this.value(this.hover.i)), v = ax.py(this.value(this.hover.j)), half = ax.rect.w / m.size / 2;
        ctx.strokeStyle = th.foreground; ctx.lineWidth = 1;
        ctx.strokeRect(h - half, v - half, 2 * half, 2 * half);
      }
      ctx.restore();
      const diff = this.differences(this.lab.settings);
      this.differs.textContent = diff.length ? fill(this.d.lab.map_differs, { what: diff.join(", ") }) : "";
      this.element.classList.toggle("ol-stale", diff.length > 0);
      this.computeButton.hidden = !diff.length && !this.job;
      this.computeButton.disabled = !!this.job;
    }

    cross(ctx, x, y, color) {
      const px = this.ax.px(x), py = this.ax.py(y);
      ctx.strokeStyle = this.d.theme.background; ctx.lineWidth = 4;
      ctx.beginPath(); ctx.moveTo(px - 7, py); ctx.lineTo(px + 7, py); ctx.moveTo(px, py - 7); ctx.lineTo(px, py + 7); ctx.stroke();
      ctx.strokeStyle = color; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(px - 7, py); ctx.lineTo(px + 7, py); ctx.moveTo(px, py - 7); ctx.lineTo(px, py + 7); ctx.stroke();
    }
  }

  // ---- the lab ---------------------------------------------------------------------------------------

  class Lab {
    constructor(root, d) {
      this.root = root;
      this.d = d;
      root.ourdlLab = this;
      const ui = d.lab, th = d.theme;
      d.gridValues = D.f64(d.grid);
      d.targetValues = D.f64(d.target);
      d.inside = [];
      d.gridValues.forEach((x, g) => { if (x >= d.dataRange[0] - 1e-12 && x <= d.dataRange[1] + 1e-12) d.inside.push(g); });
      d.targetMin = Math.min(...d.targetValues); d.targetMax = Math.max(...d.targetValues);
      this.names = d.graph.params.map(String);
      this.defaults = this.normalise(d.defaults);
      this.settings = this.defaults;
      this.pinned = null;

      root.classList.add("op-root", "op-theme-" + (th.name === "dark" ? "dark" : "light"));
      root.lang = d.lang === "zh" ? "zh-CN" : "en";
      for (const [k, v] of Object.entries({ bg: th.background, fg: th.foreground, muted: th.muted, span: th.span, accent: th.palette[0] })) {
        root.style.setProperty(`--op-${k}`, v);
      }
      root.style.fontFamily = family(d.lang);
      const head = el("div", "ol-head", root);
      el("h1", "ol-title", head, ui.title);
      el("p", "ol-intro", head, ui.intro);
      this.toolbar = el("div", "ol-toolbar", root);
      this.figure = new Figure(root, d);
      this.timeline = el("div", "ol-timeline", root);
      const panes = el("div", "ol-panes", root);
      this.buildInit(el("div", "ol-pane ol-pane-init", panes));
      this.buildTraining(el("div", "ol-pane ol-pane-training", panes));
      const mapPane = d.map ? el("div", "ol-pane ol-pane-map", panes) : null;
      this.map = null;  // built after the first frame of the figure
      this.buildToolbar();

      this.fragment = new Fragment([...this.names, "lr", "act", "loss", "n", "seed", "step", "pin"], true);
      this.controls = null;
      // the player's keys (space, arrows, Home/End, [ ]) drive the timeline; the controls rebuild when
      // the timeline changes, so the keys reach whichever is current; keys typed in the panes stay there
      const self = this;
      bindKeys(window, {
        get o() { return self.controls.o; }, get speed() { return self.controls.speed; },
        get count() { return self.controls.count; }, get index() { return self.controls.index; },
        get loop() { return self.controls.loop; }, toggle: () => self.controls.toggle(),
        step: (k) => self.controls.step(k), seek: (i, u) => self.controls.seek(i, u), pause: () => self.controls.pause(),
        setSpeed: (v, u) => self.controls.setSpeed(v, u), setLoop: (b, u) => self.controls.setLoop(b, u),
      });
      panes.addEventListener("keydown", (e) => e.stopPropagation());
      this.toolbar.addEventListener("keydown", (e) => {  // space on a focused button is that button's click
        if (e.key === " " || e.key === "Enter") e.stopPropagation();
      });
      window.addEventListener("hashchange", () => this.applyFragment());
      if (typeof ResizeObserver === "function") {
        new ResizeObserver(() => { if (this.figure.element.clientWidth !== this.figure.width) this.redraw(); })
          .observe(this.figure.element);
      }
      this.applyFragment();
      if (mapPane) {
        requestAnimationFrame(() => {
          this.map = new BasinMap(mapPane, d, this);
          this.map.draw();
        });
      }
    }

    // -- settings ------------------------------------------------------------------------------------

    /** Settings with every field checked; anything invalid takes the default's value. */
    normalise(s, base) {
      base = base || this.defaults || s;
      const init = {};
      for (const n of this.names) {
        const v = s.init && s.init[n];
        init[n] = typeof v === "number" && isFinite(v) ? v : base.init[n];
      }
      const ok = (v, test) => (test(v) ? v : undefined);
      const pick = (v, fallback) => (v === undefined ? fallback : v);
      return {
        init,
        lr: pick(ok(s.lr, (v) => typeof v === "number" && isFinite(v)), base.lr),
        samples: pick(ok(s.samples, (v) => Number.isSafeInteger(v) && v >= 1 && v <= this.d.maxSamples), base.samples),
        activation: pick(ok(s.activation, (v) => this.d.activations.includes(v)), base.activation),
        loss: pick(ok(s.loss, (v) => this.d.losses.includes(v)), base.loss),
        dataSeed: pick(ok(s.dataSeed, (v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 53), base.dataSeed),
      };
    }

    /** Apply a partial change of settings; `user`: it came from a control (the fragment follows). */
    set(partial, user) {
      const s = this.settings;
      const next = this.normalise({ ...s, ...partial, init: { ...s.init, ...(partial.init || {}) } }, s);
      this.settings = next;
      this.showSettings();
      this.schedule(user);
    }

    preset(name) {
      const p = this.d.presets.find((x) => x.name === name);
      if (p) this.set({ init: p.init }, true);
    }

    /** Run.initial_values with init_seed: default_rng(seed).uniform(-1, 1) per parameter, in update order. */
    random(seed) {
      const values = RNG.uniform(seed, -1.0, 1.0, this.names.length), init = {};
      this.names.forEach((n, j) => { init[n] = values[j]; });
      this.set({ init }, true);
    }

    /** Recompute (once per animation frame, however many inputs arrive). */
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

    rebuild(step) {
      const keep = step !== undefined ? step : this.controls ? this.timelineSteps[this.controls.index] : 0;
      const playing = this.controls && this.controls.playing;
      this.current = new LabRun(this.d, this.settings);
      const ui = this.d.lab, row = (who, s) => fill(ui.row, { who, what: this.describe(s) });
      const rows = [{ run: this.current, label: row(ui.this_run, this.settings) }];
      if (this.pinned) rows.push({ run: this.pinned, label: row(ui.pinned, this.pinned.settings), pinned: true });
      const steps = [...new Set(rows.flatMap((r) => r.run.steps))].sort((a, b) => a - b);
      this.timelineSteps = steps;
      this.total = steps[steps.length - 1];
      this.figure.setRows(rows, this.total);
      this.buildControls(rows);
      this.controls.seek(this.indexOfStep(keep), false);
      if (playing) this.controls.play();
      this.showRun();
      if (this.map) this.map.draw();
      this.draw();
    }

    indexOfStep(step) {
      const s = this.timelineSteps;
      let lo = 0, hi = s.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= step) lo = mid; else hi = mid - 1; }
      return lo;
    }

    buildControls(rows) {
      const d = this.d, ui = d.ui, steps = this.timelineSteps;
      const marks = d.marks.filter((m) => m > 0 && m < this.total)
        .map((m) => ({ index: this.indexOfStep(m), label: fill(ui.sample, { step: P.thousands(m) }), short: P.thousands(m) }));
      for (const r of rows) {
        if (r.run.divergedAt !== null) {
          marks.push({ index: this.indexOfStep(r.run.divergedAt), kind: "diverged", short: "\u26a0",
            label: fill(ui.diverged_mark, { label: r.label }) });
        }
      }
      const key = JSON.stringify([steps.length, this.total, marks]);
      if (this.controls && key === this.controlsKey) return;
      const old = this.controls;
      this.controlsKey = key;
      this.timeline.textContent = "";
      this.controls = new Controls(this.timeline, {
        count: steps.length, ui, speeds: d.speeds, marks, duration: d.duration, hold: d.hold,
        position: (i) => fill(ui.position, { step: P.thousands(this.timelineSteps[i]), total: P.thousands(this.total) }),
        onSeek: (i, user) => { this.draw(); if (user) this.save(); },
        onPlay: (playing) => { this.showPlaying(playing); this.save(); },
        onOption: () => this.save(),
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
      if (window.lab.firstFrame === undefined) window.lab.firstFrame = performance.now();
    }

    redraw() {
      this.figure.layout();
      this.draw();
    }

    pin() {
      this.pinned = this.current;
      this.pinButton.hidden = true;
      this.unpinButton.hidden = false;
      this.rebuild();
      this.save();
    }

    unpin() {
      this.pinned = null;
      this.pinButton.hidden = false;
      this.unpinButton.hidden = true;
      this.rebuild();
      this.save();
    }

    // -- words about a run ---------------------------------------------------------------------------

    presetOf(init) {
      return this.d.presets.find((p) => this.names.every((n) => p.init[n] === init[n]));
    }

    describe(s) {
      const p = this.presetOf(s.init), [a0, a1] = this.names;
      const start = p ? p.name : `${a0}=${short(s.init[a0])}, ${a1}=${short(s.init[a1])}`;
      const parts = [start, s.activation, `lr ${s.lr}`];
      if (s.loss !== this.defaults.loss) parts.push(this.d.lab[s.loss]);
      if (s.samples !== this.defaults.samples) parts.push(`${P.thousands(s.samples)} ${this.d.lab.samples}`);
      if (s.dataSeed !== this.defaults.dataSeed) parts.push(`${this.d.lab.data_seed} ${s.dataSeed}`);
      return parts.join(" \u00b7 ");
    }

    /** `render scene NAME --init ...` that re-records the current run in Python. */
    command() {
      const s = this.settings, c = this.d.command;
      const parts = ["render", "scene", c.scene, "--init", this.names.map((n) => `${n}=${repr(s.init[n])}`).join(","),
        "--lr", repr(s.lr), "--steps", String(s.samples), "--seed", String(s.dataSeed),
        "--activation", s.activation, "--every", String(everyFor(s.samples))];
      if (s.loss !== "absolute") parts.push("--loss", s.loss);
      return parts.join(" ");
    }

    // -- URL fragment --------------------------------------------------------------------------------

    /** Settings from fragment values: numbers and known names only; anything else keeps the default. */
    parseSettings(get) {
      const init = {};
      for (const n of this.names) { const v = number(get(n) || ""); if (v !== null) init[n] = v; }
      const num = (k) => { const v = get(k); return v === undefined ? undefined : number(v); };
      const int = (k, hi) => { const v = get(k); return v === undefined ? undefined : integer(v, 0, hi); };
      const pick = (v) => (v === null ? undefined : v);
      return this.normalise({ init, lr: pick(num("lr")), samples: pick(int("n", this.d.maxSamples)), activation: get("act"),
        loss: get("loss"), dataSeed: pick(int("seed", 2 ** 53 - 1)) }, this.defaults);
    }

    /** A pinned run's settings from "name:value,..." with every field present and valid, else null. */
    parsePin(text) {
      const keys = [...this.names, "lr", "act", "loss", "n", "seed"], pairs = Object.create(null);
      if (text.length > 1500) return null;
      for (const part of text.split(",")) {
        const i = part.indexOf(":"), k = part.slice(0, i);
        if (i <= 0 || !keys.includes(k) || k in pairs) return null;
        pairs[k] = part.slice(i + 1);
      }
      if (keys.some((k) => !(k in pairs))) return null;
      const s = this.parseSettings((k) => pairs[k]);
      const same = this.names.every((n) => String(s.init[n]) === String(number(pairs[n]))) &&
        s.lr === number(pairs.lr) && s.activation === pairs.act && s.loss === pairs.loss &&
        s.samples === integer(pairs.n, 1, this.d.maxSamples) && s.dataSeed === integer(pairs.seed, 0, 2 ** 53 - 1);
      return same ? s : null;  // a field that fell back to its default was not valid
    }

    applyFragment() {
      const f = this.fragment.read(), get = (k) => (k in f ? f[k] : undefined);
      this.settings = this.parseSettings(get);
      this.pinned = null;
      const pin = f.pin ? this.parsePin(f.pin) : null;
      if (pin) {
        try {
          this.pinned = new LabRun(this.d, pin);
        } catch (err) {
          this.pinned = null;
        }
      }
      if (this.pinButton) { this.pinButton.hidden = !!this.pinned; this.unpinButton.hidden = !this.pinned; }
      const step = integer(f.step || "", 0, 1e9);
      this.showSettings();
      if (this.controls) this.controls.pause();
      this.rebuild(step === null ? 0 : step);
    }

    save() {
      if (!this.controls) return;
      const s = this.settings, out = {};
      for (const n of this.names) out[n] = repr(s.init[n]);
      Object.assign(out, { lr: repr(s.lr), act: s.activation, loss: s.loss, n: s.samples, seed: s.dataSeed,
        step: this.timelineSteps[this.controls.index] });
      if (this.pinned) {
        const p = this.pinned.settings;
        out.pin = [...this.names.map((n) => `${n}:${repr(p.init[n])}`), `lr:${repr(p.lr)}`, `act:${p.activation}`,
          `loss:${p.loss}`, `n:${p.samples}`, `seed:${p.dataSeed}`].join(",");
      }
      this.fragment.write(out);
    }

    // -- controls ------------------------------------------------------------------------------------

    buildToolbar() {
      const ui = this.d.lab, bar = this.toolbar;
      const button = (text, cls, action) => {
        const b = el("button", "ol-button " + cls, bar, text);
        b.type = "button";
        b.addEventListener("click", action);
        return b;
      };
      this.trainButton = button(ui.train, "ol-train", () => this.controls.play());
      this.pauseButton = button(ui.pause, "ol-pause", () => this.controls.pause());
      button(ui.step, "ol-step", () => this.controls.step(1));
      button(ui.reset, "ol-reset", () => { this.controls.pause(); this.controls.seek(0, true); });
      this.pinButton = button(ui.pin, "ol-pin", () => this.pin());
      this.unpinButton = button(ui.unpin, "ol-unpin", () => this.unpin());
      this.unpinButton.hidden = true;
      el("span", "ol-hint", bar, ui.pin_hint);
      this.status = el("span", "ol-status", bar);
      this.showPlaying(false);
    }

    showPlaying(playing) {
      this.trainButton.disabled = !!playing;
      this.pauseButton.disabled = !playing;
    }

    /** A labelled number box (and optionally a slider) in `parent`. */
    field(parent, name, label, o) {
      const row = el("div", "ol-field" + (o.slider ? " ol-param" : ""), parent);
      const id = `ol-${this.uid}-${name}`;
      const lab = el("label", "ol-label", row, label);
      lab.htmlFor = id;
      let slider = null;
      if (o.slider) {
        slider = el("input", "ol-slider", row);
        slider.type = "range";
        slider.min = String(o.slider[0]); slider.max = String(o.slider[1]); slider.step = "0.001";
        slider.setAttribute("aria-label", label);
        slider.dataset.name = name;
      }
      const box = el("input", "ol-number", row);
      box.id = id;
      box.type = "text";
      box.inputMode = o.integer ? "numeric" : "decimal";
      box.spellcheck = false;
      box.autocomplete = "off";
      box.dataset.name = name;
      const read = () => {
        const v = o.integer ? integer(box.value, o.min, o.max) : number(box.value);
        box.classList.toggle("ol-bad", v === null);
        box.title = v === null ? this.d.lab.bad_value : "";
        if (v !== null) o.set(v);
      };
      box.addEventListener("input", read);
      box.addEventListener("change", () => { read(); this.showSettings(); });
      if (slider) slider.addEventListener("input", () => { const v = Number(slider.value); box.value = String(v); box.classList.remove("ol-bad"); o.set(v); });
      return { box, slider };
    }

    buildInit(pane) {
      const ui = this.d.lab, d = this.d;
      this.uid = Math.random().toString(36).slice(2, 8);
      el("div", "ol-heading", pane, ui.init);
      const presets = el("div", "ol-presets", pane);
      el("span", "ol-label", presets, ui.presets);
      this.presetButtons = d.presets.map((p) => {
        const b = el("button", "ol-button ol-preset", presets, p.name);
        b.type = "button";
        b.title = p.label;
        b.dataset.preset = p.name;
        b.addEventListener("click", () => this.preset(p.name));
        return b;
      });
      const rnd = el("button", "ol-button ol-random", presets, ui.random);
      rnd.type = "button";
      const seedLabel = el("label", "ol-seed", presets, ui.seed + " ");
      this.seedBox = el("input", "ol-number ol-seed-box", seedLabel);
      this.seedBox.type = "text";
      this.seedBox.inputMode = "numeric";
      this.seedBox.value = "1";
      rnd.addEventListener("click", () => {
        const seed = integer(this.seedBox.value, 0, 2 ** 53 - 1);
        this.seedBox.classList.toggle("ol-bad", seed === null);
        if (seed !== null) this.random(seed);
      });
      this.inputs = {};
      for (const n of this.names) {
        this.inputs[n] = this.field(pane, n, n, { slider: d.sliderRange, set: (v) => this.set({ init: { [n]: v } }, true) });
      }
    }

    buildTraining(pane) {
      const ui = this.d.lab, d = this.d;
      el("div", "ol-heading", pane, ui.training);
      this.inputs.lr = this.field(pane, "lr", ui.lr, { set: (v) => this.set({ lr: v }, true) });
      const select = (name, label, options, set) => {
        const row = el("div", "ol-field", pane);
        const lab = el("label", "ol-label", row, label);
        const s = el("select", "ol-select", row);
        s.id = `ol-${this.uid}-${name}`;
        lab.htmlFor = s.id;
        for (const [value, text] of options) el("option", null, s, text).value = value;
        s.addEventListener("change", () => set(s.value));
        return s;
      };
      this.activationSelect = select("act", ui.activation, d.activations.map((a) => [a, a]), (v) => this.set({ activation: v }, true));
      this.lossSelect = select("loss", ui.loss, d.losses.map((l) => [l, ui[l] || l]), (v) => this.set({ loss: v }, true));
      this.inputs.samples = this.field(pane, "n", ui.samples, { integer: true, min: 1, max: d.maxSamples, set: (v) => this.set({ samples: v }, true) });
      this.inputs.seed = this.field(pane, "seed", ui.data_seed, { integer: true, min: 0, max: 2 ** 53 - 1, set: (v) => this.set({ dataSeed: v }, true) });
      el("div", "ol-heading", pane, ui.command);
      const cmd = el("div", "ol-command", pane);
      this.commandText = el("code", "ol-code", cmd);
      const copy = el("button", "ol-button ol-copy", cmd, ui.copy);
      copy.type = "button";
      copy.addEventListener("click", () => this.copyCommand(copy));
      this.commandNote = el("div", "ol-note", pane);
    }

    copyCommand(button) {
      const text = this.command();
      const done = () => { button.textContent = this.d.lab.copied; setTimeout(() => { button.textContent = this.d.lab.copy; }, 1200); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, () => this.selectCommand());
      else this.selectCommand();
    }

    selectCommand() {
      const range = document.createRange();
      range.selectNodeContents(this.commandText);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }

    /** Show the settings in the controls (without touching a box the user is typing in). */
    showSettings() {
      const s = this.settings, active = document.activeElement;
      const show = (input, v) => {
        if (input.box !== active) { input.box.value = String(v); input.box.classList.remove("ol-bad"); }
        if (input.slider && input.slider !== active) input.slider.value = String(v);
      };
      for (const n of this.names) show(this.inputs[n], s.init[n]);
      show(this.inputs.lr, s.lr);
      show(this.inputs.samples, s.samples);
      show(this.inputs.seed, s.dataSeed);
      this.activationSelect.value = s.activation;
      this.lossSelect.value = s.loss;
      const p = this.presetOf(s.init);
      for (const b of this.presetButtons) b.setAttribute("aria-pressed", p && p.name === b.dataset.preset ? "true" : "false");
      this.commandText.textContent = this.command();
      this.commandNote.textContent = s.loss !== "absolute" && !this.d.command.loss ? this.d.lab.no_loss_option : "";
    }

    showRun() {
      const r = this.current;
      this.status.textContent = fill(this.d.lab.engine, { samples: P.thousands(r.trainer.seen), ms: r.trainMs.toFixed(1),
        engine: this.d.lab[r.engine] || r.engine });
    }

    state() {
      this.flush();
      const c = this.controls, i = this.current.indexOf(this.timelineSteps[c.index]);
      return {
        settings: JSON.parse(JSON.stringify(this.settings)),
        pinned: this.pinned ? JSON.parse(JSON.stringify(this.pinned.settings)) : null,
        index: c.index, step: this.timelineSteps[c.index], playing: c.playing, count: c.count,
        engine: this.current.engine, trainMs: this.current.trainMs, command: this.command(), map: !!this.map,
        divergedAt: this.current.divergedAt, evalLoss: this.current.evalLoss(this.d, this.current.evaluate(this.d, i)),
        params: this.current.trainer.paramsAt(i),
      };
    }
  }

  // ---- mount -----------------------------------------------------------------------------------------

  const api = window.lab = window.lab || {};
  api.timing = { scripts: started };
  let first = null;
  for (const root of document.querySelectorAll(".ourdl-lab[data-source]")) {
    if (root.ourdlLab) continue;
    try {
      const data = D.read(root.dataset.source);
      if (!data || data.format !== "ourdl-lab") throw new Error("no lab data in this page");
      root.textContent = "";
      const lab = new Lab(root, data);
      if (!first) { first = lab; api.timing.mounted = performance.now(); }
    } catch (err) {
      root.textContent = "The lab could not start: " + String(err && err.message);
      console.error(err);
    }
  }
  if (first) {
    const lab = first, graph = lab.d.graph;
    Object.assign(api, {
      run: (config) => T.run(graph, config),
      state: () => lab.state(),
      set: (partial) => { lab.set(partial, true); return lab.state(); },
      preset: (name) => api.set({ init: (lab.d.presets.find((p) => p.name === name) || {}).init || {} }),
      random: (seed) => { lab.random(seed); return api.set({}); },
      pin: () => { lab.pin(); return lab.state(); },
      unpin: () => { lab.unpin(); return lab.state(); },
      seekStep: (step) => { lab.flush(); lab.controls.pause(); lab.controls.seek(lab.indexOfStep(step), true); return lab.state(); },
      train: () => { lab.flush(); lab.controls.play(); },
      pause: () => lab.controls.pause(),
      step: () => { lab.flush(); lab.controls.step(1); },
      reset: () => { lab.flush(); lab.controls.pause(); lab.controls.seek(0, true); },
      lab,
    });
  }
})(window.ourdl = window.ourdl || {});
