/* sweep_panels.js: SweepPlayer's panels of a seeded sweep: the loss histogram, the fitting modes, the
 * fitted share over training and the named runs' (or the clicked cell's) output curves. Needs sweep.js.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, U = ourdl.player;
  const { SweepPlayer, FONT, SMALL, LINE, rgb, css, blend, pct, signed } = ourdl.sweep;

  Object.assign(SweepPlayer.prototype, {
    // histogram of every run's evaluation loss
    histAxes(p) {
      const count = this.d.count;
      if (!this.histMax) this.histMax = Math.max(1, ...this.hist) / count;
      return new P.Axes(p.rect, { xlim: [this.edges[0], this.edges[this.edges.length - 1]], ylim: [0, this.histMax * 1.12],
        xscale: "log" });
    },
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
    },
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
    },

    // fitting modes: stacked bars per activation
    modesStatic(ctx, p) {
      const ax = p.ax = new P.Axes(p.rect, { xlim: [0, 1], ylim: [this.A - 0.4, -0.6] });
      const xt = P.maxNTicks(0, 1, 4);
      const st = this.style();
      P.frame(ctx, ax, st, { xticks: xt, xlabels: xt.map(pct), yticks: this.d.activations.map((_, a) => a), ylabels: this.d.activations });
      this.title(ctx, p.rect, this.d.strings.modes);
    },
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
    },

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
    },
    rateDraw(ctx, p, i) {
      const ax = p.ax, step = this.steps[i], pt = this.pt;
      P.vline(ctx, ax, step, { color: this.th.foreground, width: 0.8 * pt, alpha: 0.6 });
      for (let a = 0; a < this.A; a++) P.marker(ctx, ax.px(step), ax.py(this.fitted[a * this.S + i]), LINE * 1.3 * pt, this.actColor(a));
    },

    // output curves of named runs (or of the clicked cell) beside the target
    groupRuns(p) {
      const g = this.d.groups[p.group];
      return g ? g.runs : [];
    },
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
    },
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
    },
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
    },
  });
})(window.ourdl = window.ourdl || {});
