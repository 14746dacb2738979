/* player_draw.js: Player's drawing: the static layer, the overlay (labels, captions, legends), each frame. */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, { el, fill, LAYOUT, rowHeader, legendItems, legendBox, swatch } = ourdl.player;

  Object.assign(ourdl.player.Player.prototype, {
    style() {
      return { fg: this.th.foreground, muted: this.th.muted, font: this.fam, tick: LAYOUT.small * this.pt, s: this.s };
    },

    color(i) { const p = this.th.palette; return p[((i % p.length) + p.length) % p.length]; },

    drawStatic() {
      const ctx = this.bg.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = LAYOUT;
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      ctx.fillStyle = th.background;
      ctx.fillRect(0, 0, this.W, this.H);
      const st = this.style(), labelPx = L.small * pt;
      this.axes.forEach((row, k) => {
        row.forEach((ax, j) => {
          if (j < d.panels.length) {
            const p = d.panels[j], surface = p.kind === "surface", xr = p.xlim || d.xRange;
            if (surface) ourdl.panels.drawStatic(this, ctx, ax, this.rows()[k], p);
            if (!surface && !this.hidden.has("span")) P.vspan(ctx, ax, d.dataRange[0], d.dataRange[1], th.span);
            if (!surface) P.hline(ctx, ax, 0, { color: th.muted, width: 0.8 * pt });
            if (p.target && !this.hidden.has("target")) {
              P.line(ctx, ax, this.grid, this.target, { color: th.target, width: L.line * 0.8 * pt,
                dash: [4 * L.line * 0.8 * pt, 3 * L.line * 0.8 * pt] });
            }
            const xt = P.autoTicks(xr[0], xr[1], ax.rect.w, labelPx);
            const yt = P.maxNTicks(p.ylim[0], p.ylim[1], 5);
            P.frame(ctx, ax, st, { xticks: xt, xlabels: P.tickLabels(xt), yticks: yt, ylabels: P.tickLabels(yt) });
            if (k === 0) this.title(ctx, ax, p.title);
          } else {
            this.drawLossStatic(ctx, ax, this.rows()[k]);
            if (k === 0) this.title(ctx, ax, d.strings.loss_title);
          }
        });
      });
    },

    title(ctx, ax, text) {
      P.text(ctx, text, ax.rect.x + ax.rect.w / 2, ax.rect.y - 3 * this.pt,
        { font: P.font(LAYOUT.font * this.pt, this.fam), color: this.th.foreground, align: "center", baseline: "bottom" });
    },

    drawLossStatic(ctx, ax, r) {
      const th = this.th, pt = this.pt, d = this.d, S = this.S;
      const xs = this.steps, train = this.trainLoss.subarray(r * S, (r + 1) * S), ev = this.evalLoss.subarray(r * S, (r + 1) * S);
      if (!this.hidden.has("train")) P.line(ctx, ax, xs, train, { color: th.muted, width: 0.6 * pt, alpha: 0.6 });
      if (!this.hidden.has("eval")) P.line(ctx, ax, xs, ev, { color: this.color(2), width: LAYOUT.line * 0.9 * pt, alpha: 0.3 });
      const lt = Math.max(10, d.total / 1000);
      const xt = P.symlogTicks(0, d.total * 1.06, lt);
      const yt = P.logTicks(d.lossYlim[0], d.lossYlim[1], [1, 2, 5]);
      P.frame(ctx, ax, this.style(), {
        xticks: xt, xlabels: xt.map((v) => (v >= 1000 ? `${P.fmtG(v / 1000, 6)}k` : P.fmtG(v, 6))),
        yticks: yt.major, ylabels: yt.major.map((v) => P.fmtG(v, 6)), yminor: yt.minor });
    },

    buildOverlay() {
      const o = this.overlay, d = this.d, L = LAYOUT, s = this.s, pt = this.pt, ui = d.ui;
      o.textContent = "";
      o.style.fontSize = `${L.font * pt}px`;
      this.captions = []; this.warnings = [];
      this.rows().forEach((r, k) => {
        const head = rowHeader(o, this.axes[k], k, s, d.runs[r].label, d.caption, d.panels.length, this.color(3));
        if (d.lang === "zh") head.label.style.fontWeight = "normal";
        this.captions.push(head.values);
        this.warnings.push(head.warning);
      });
      // legends under the bottom row, one per panel, two columns filled column by column (matplotlib's)
      const bottom = this.axes[this.axes.length - 1];
      const extra = this.panelState ? (p) => ourdl.panels.legend(this, p) : null;
      bottom.forEach((ax, j) => {
        const items = legendItems(d, j, this.th, (i) => this.color(i), extra);
        const box = legendBox(o, "op-legend", ax, items.length, s, pt);
        for (const it of items) {
          const b = el("button", "op-entry", box);
          b.type = "button";
          b.dataset.key = it.key;
          b.setAttribute("aria-pressed", this.hidden.has(it.key) ? "false" : "true");
          if (this.hidden.has(it.key)) b.classList.add("op-off");
          swatch(b, it, pt);
          el("span", "op-entry-label", b, it.label);
          b.addEventListener("click", (e) => { e.stopPropagation(); this.toggle(it.key); });
        }
      });
    },

    // -- drawing -------------------------------------------------------------------------------------

    draw() {
      if (!this.axes) return;
      const ctx = this.canvas.getContext("2d"), d = this.d, th = this.th, pt = this.pt, L = LAYOUT;
      const i = this.index, step = this.steps[i];
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(this.bg, 0, 0);
      ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
      this.rows().forEach((r, k) => {
        const row = this.axes[k];
        const values = this.drawn(r, i);
        d.panels.forEach((p, j) => {
          p.nodes.forEach((n, c) => {
            if (!this.hidden.has(n)) P.line(ctx, row[j], this.grid, values[n], { color: this.color(p.colors[c]), width: L.line * pt });
          });
          if (p.kind === "data" || p.kind === "surface") ourdl.panels.draw(this, ctx, row[j], r, i, p);
        });
        const ax = row[d.panels.length];
        const ev = this.loss("eval", r, i);
        if (ax) {
          if (!this.hidden.has("eval")) {
            P.line(ctx, ax, this.steps, this.evalLoss.subarray(r * this.S, (r + 1) * this.S),
              { color: this.color(2), width: L.line * 0.9 * pt, to: i + 1 });
          }
          const x = ax.px(step);
          P.vline(ctx, ax, x, { color: th.foreground, width: 0.8 * pt, alpha: 0.6, pixels: true });
          if (!this.hidden.has("eval") && ev > 0) P.marker(ctx, x, ax.py(ev), L.line * 1.5 * pt, this.color(2), th.background, 0.8 * pt);
        }
        // caption and divergence warning
        const run = d.runs[r];
        const gone = run.divergedAt !== null && run.divergedAt !== undefined && step >= run.divergedAt;
        const cap = this.captions[k];
        if (cap.step) cap.step.textContent = P.thousands(step);
        if (cap.train) cap.train.textContent = P.number(gone ? NaN : this.loss("train", r, i));
        if (cap.eval) cap.eval.textContent = P.number(gone ? NaN : ev);
        this.warnings[k].textContent = gone ? fill(d.strings.diverged, { step: run.divergedAt }) : "";
        if (this.hover && this.hover.k === k) this.drawHover(ctx, k, r, values);
      });
      if (this.hover) this.showTip();
      if (this.firstFrame === undefined) this.firstFrame = performance.now();  // ms since navigation start
    },

    drawHover(ctx, k, r, values) {
      const h = this.hover, d = this.d, pt = this.pt;
      if (h.kind === "x") {
        const x = this.grid[h.g];
        d.panels.forEach((p, j) => {
          if (p.kind === "surface") return;  // its x is a parameter, not the grid's
          const ax = this.axes[k][j];
          P.vline(ctx, ax, x, { color: this.th.foreground, width: 0.6 * pt, alpha: 0.5, dash: [2 * pt, 2 * pt] });
          p.nodes.forEach((n, c) => {
            if (this.hidden.has(n)) return;
            const y = ax.py(values[n][h.g]);
            if (ax.contains(ax.px(x), y)) P.marker(ctx, ax.px(x), y, 2.2 * pt, this.color(p.colors[c]), this.th.background, 0.8 * pt);
          });
        });
      } else if (h.kind === "loss") {
        const ax = this.axes[k][d.panels.length];
        P.vline(ctx, ax, this.steps[h.s], { color: this.th.foreground, width: 0.6 * pt, alpha: 0.5, dash: [2 * pt, 2 * pt] });
      }
    },
  });
})(window.ourdl = window.ourdl || {});
