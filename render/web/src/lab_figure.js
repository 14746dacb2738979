/* lab_figure.js: the lab's figure, laid out like the player (layout.js) and the video: per run a
 * row of the scene's panels plus the loss panel; the rows share one timeline and their y-limits.
 * A "data" panel adds the run's samples seen so far (the latest `window` solid); a "surface" panel shows
 * the evaluation loss over two parameters (lab.py's mesh, drawn by the player's panels.js) and the run's
 * path of them.
 *
 * Needs data.js, plot.js, dom.js, layout.js, panels.js, lab_run.js. Interface (window.ourdl.labFigure):
 *   Figure(parent, d)        .setRows([{run: LabRun, label, pinned?}], total) .layout() .draw(step)
 *   robustLimits(lows, highs, include), logLimits(values): render.draw.base.robust_limits and
 *                            scene_figure.log_limits, so the page's axes are the video's.
 * Safety: labels go in as textContent, titles through canvas fillText.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, D = ourdl.data;
  /** A data panel draws at most this many of the faded samples (the latest): a long run would otherwise
   * draw up to a million dots a frame. */
  const MAX_FADED = 2000;
  const NONE = new Set();
  const { el, fill, family, LAYOUT, DESIGN_WIDTH, panelWidth, rowRects, lossAxes, rowHeader, legendItems,
    legendBox, swatch } = ourdl.player;

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
      const sf = d.surface;  // a surface panel's mesh (lab.py), decoded once; its band images by pixel size
      this.surface = sf ? { z: D.f32(sf.z), nx: sf.nx, ny: sf.ny, x: sf.x, y: sf.y, edges: sf.edges, colors: sf.colors } : null;
      this.images = Object.create(null);
    }

    /** What panels.js reads of a player, for one row (its run is that "player"'s run 0). */
    view(run) {
      const fig = this, d = this.d, paths = Object.create(null);
      for (const p of d.panels) {
        if (p.kind !== "surface") continue;
        const [a, b] = p.params, at = (j) => Float64Array.from({ length: run.S }, (_, s) => run.trainer.params[s * run.P + j]);
        paths[p.params.join(",")] = [{ xs: at(a), ys: at(b) }];
      }
      return {
        panelState: { surface: this.surface, images: this.images, paths },
        d: { strings: d.strings, data: d.data, surface: d.surface, targetName: d.targetName },
        th: this.th, hidden: NONE, steps: run.steps, color: (i) => fig.color(i),
        get pt() { return fig.pt; }, get dpr() { return fig.dpr; }, get fam() { return fig.fam; },
      };
    }

    color(i) { const p = this.th.palette; return p[((i % p.length) + p.length) % p.length]; }

    /** rows: [{run: LabRun, label}]; total: the timeline's last sample. */
    setRows(rows, total) {
      this.rows = rows;
      this.total = total;
      this.element.setAttribute("aria-label", rows.map((r) => r.label).join(" / "));
      const d = this.d, surface = (p) => p.kind === "surface" && this.surface;
      this.views = rows.map(({ run }) => this.view(run));
      this.xlims = d.panels.map((p) => (surface(p) ? this.surface.x : d.xRange));
      this.ylims = d.panels.map((p) => {
        if (surface(p)) return this.surface.y;
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
      const ah = panelWidth(cols) * 0.82;
      const H = (L.top + L.titles + L.legend + n * (L.header + ah + L.ticks)) * s;
      this.s = s; this.pt = pt; this.W = W; this.H = H;
      this.axes = rowRects(n, cols, ah, s).map((rects) => rects.map((rect, j) => (j < d.panels.length
        ? new P.Axes(rect, { xlim: this.xlims[j], ylim: this.ylims[j] }) : lossAxes(rect, this.total, this.lossYlim))));
      this.dpr = P.sizeCanvases([this.canvas, this.bg], this.element, W, H);
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
            const p = d.panels[j], xr = this.xlims[j];
            if (p.kind === "surface") {
              if (this.surface) ourdl.panels.drawStatic(this.views[k], ctx, ax, 0, p);
            } else {
              P.vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
              P.hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
            }
            if (p.target) {
              P.line(ctx, ax, d.gridValues, d.targetValues, { color: th.target, width: L.line * 0.8 * pt,
                dash: [4 * L.line * 0.8 * pt, 3 * L.line * 0.8 * pt] });
            }
            const xt = P.autoTicks(xr[0], xr[1], ax.rect.w, labelPx);
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
        const head = rowHeader(o, this.axes[k], k, s, row.label, captionPieces(d, this.total), d.panels.length,
          this.color(3));
        head.label.style.color = row.pinned ? this.th.muted : this.th.foreground;
        this.captions.push(head.values);
        this.warnings.push(head.warning);
      });
      const bottom = this.axes[this.axes.length - 1];
      bottom.forEach((ax, j) => {
        const extra = this.views.length ? (p) => ourdl.panels.legend(this.views[0], p) : null;
        const items = legendItems(d, j, this.th, (i) => this.color(i), extra);
        const box = legendBox(o, "op-legend ol-legend", ax, items.length, s, pt);
        for (const it of items) {
          const entry = el("span", "op-entry", box);
          swatch(entry, it, pt);
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
        d.panels.forEach((p, j) => {
          if (p.kind === "data") this.drawSamples(ctx, row[j], run, i, p);
          p.nodes.forEach((n, c) => {
            P.line(ctx, row[j], d.gridValues, values[index[n]], { color: this.color(p.colors[c]), width: L.line * pt });
          });
          if (p.kind === "surface" && this.surface) ourdl.panels.draw(this.views[k], ctx, row[j], 0, i, p);
        });
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

  /** The samples a run has trained on by snapshot i: faded (the latest MAX_FADED of them), the latest
   * `window` solid, as panels.js draws a recording's (render/draw/panels_data.py). */
  Figure.prototype.drawSamples = function (ctx, ax, run, i, p) {
    const pt = this.pt, L = LAYOUT, xs = run.trainer.xs, ys = run.trainer.ys;
    const n = Math.min(run.steps[i], run.trainer.seen), cut = Math.max(0, n - p.window);
    ctx.save();
    P.clip(ctx, ax);
    ctx.globalAlpha = 0.35;
    for (let k = Math.max(0, cut - MAX_FADED); k < cut; k++) P.marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 0.65 * L.line * pt, this.th.muted);
    ctx.globalAlpha = 1;
    const color = this.color(this.d.data.color);
    for (let k = cut; k < n; k++) P.marker(ctx, ax.px(xs[k]), ax.py(ys[k]), 1.1 * L.line * pt, color);
    ctx.restore();
  };

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

  ourdl.labFigure = { Figure, robustLimits, logLimits, captionPieces };
})(window.ourdl = window.ourdl || {});
