/* sweep_map.js: SweepPlayer's map of inits and its explorer: the map bytes, each cell's state, the map
 * panel, and the pointer (hover a cell for its init and outcome, click it to train it here).
 * Needs sweep.js; random.js and train.js to train a cell. Interface (window.ourdl.sweep):
 *   inflate(b64) -> Promise<Uint8Array>  zlib bytes (Python zlib.compress) through DecompressionStream.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, D = ourdl.data, U = ourdl.player;
  const { SweepPlayer, SMALL, rgb, css, blend, signed } = ourdl.sweep;

  async function inflate(b64) {
    const stream = new Blob([D.f64 && Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]).stream()
      .pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  Object.assign(SweepPlayer.prototype, {
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
    },

    cellLoss(code) {
      const [lo, hi] = this.map.codeRange;
      return code > this.map.codeLevels ? NaN : Math.pow(10, Math.log10(lo) + (code / this.map.codeLevels) * (Math.log10(hi) - Math.log10(lo)));
    },

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
    },

    /** train cell (i, j) with activation a in the page, at every snapshot of the scene's schedule */
    select(i, j, a = 0, play = true) {
      const cell = this.cellAt(i, j, a);
      const t0 = performance.now();
      // the sweep's rates, one per parameter (Run.lrs when its runs have their own: sweep.py, sweep_rates)
      const trainer = new ourdl.train.Trainer(this.d.graph, { init: cell.init, lrs: this.d.lrs, samples: this.d.samples,
        activation: this.d.activations[a], data_seed: this.map.dataSeed, data_range: this.d.dataRange, steps: this.steps,
        engine: "interpreter" });
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
    },

    // the map of inits: mode and loss per cell
    mapStatic(ctx, p) {
      const m = this.map, e = m.extent;
      const ax = p.ax = new P.Axes(p.rect, { xlim: [e[0], e[1]], ylim: [e[2], e[3]] });
      const xt = P.maxNTicks(e[0], e[1], this.narrowMaps ? 4 : 5), yt = P.maxNTicks(e[2], e[3], 4);
      P.frame(ctx, ax, this.style(), { xticks: xt, xlabels: P.tickLabels(xt), yticks: yt, ylabels: P.tickLabels(yt) });
      const act = this.d.activations[p.a];
      this.title(ctx, p.rect, this.narrowMaps ? act : U.fill(this.d.strings.map, { act }));
      this.xlabel(ctx, p.rect, m.axisLabels[0]);
      ctx.save();
      ctx.translate(ax.rect.x - 2.5 * this.pt - 1.5 * this.pt - SMALL * this.pt * 2.6, ax.rect.y + ax.rect.h / 2);
      ctx.rotate(-Math.PI / 2);
      P.text(ctx, m.axisLabels[1], 0, 0, { font: this.small(), color: this.th.foreground, align: "center", baseline: "bottom" });
      ctx.restore();
    },
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
    },

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
    },
    onMove(e) {
      const c = this.cellUnder(e);
      const same = c && this.hover && c.i === this.hover.i && c.j === this.hover.j && c.a === this.hover.a;
      if (same || (!c && !this.hover)) return;
      this.hover = c;
      this.figure.style.cursor = c ? "pointer" : "";
      this.showCell();
      this.draw();
    },
    onClick(e) {
      const c = this.cellUnder(e);
      if (c && this.d.graph) { this.select(c.i, c.j, c.a); this.drawStatic(); this.draw(); }
    },

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
    },
  });

  ourdl.sweep.inflate = inflate;
})(window.ourdl = window.ourdl || {});
