/* sweep_figure.js: SweepPlayer's layout (matplotlib's GridSpec cells, as render.draw.sweep_figure) and
 * drawing: the static layer and each frame, panel by panel, and the overlay (title, caption, legend).
 * Needs sweep.js. Interface (window.ourdl.sweep):
 *   gridspec(W, H, rows, cols, o)  matplotlib's GridSpec cells in CSS px: o = {left, right, top, bottom,
 *       hspace, wspace} as figure fractions (bottom-up, as matplotlib); returns cell(r, c, rowspan, colspan)
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, U = ourdl.player;
  const { SweepPlayer, FONT, SMALL, LINE, DESIGN_WIDTH, rgb, css, blend } = ourdl.sweep;

  function gridspec(W, H, rows, cols, o) {
    const cw = ((o.right - o.left) * W) / (cols + o.wspace * (cols - 1));
    const ch = ((o.top - o.bottom) * H) / (rows + o.hspace * (rows - 1));
    return (r, c, rs = 1, cs = 1) => ({
      x: o.left * W + c * cw * (1 + o.wspace), y: (1 - o.top) * H + r * ch * (1 + o.hspace),
      w: cs * cw + (cs - 1) * cw * o.wspace, h: rs * ch + (rs - 1) * ch * o.hspace,
    });
  }

  Object.assign(SweepPlayer.prototype, {
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
    },

    layoutSeeded(W, H) {
      const cell = gridspec(W, H, 2, 3, { left: 0.06, right: 0.985, top: 0.885, bottom: 0.15, hspace: 0.5, wspace: 0.28 });
      this.panels.push({ kind: "hist", rect: cell(0, 0, 1, 2) }, { kind: "modes", rect: cell(0, 2) },
        { kind: "rate", rect: cell(1, 0), band: true });
      for (let k = 0; k < 2; k++) this.panels.push({ kind: "curves", rect: cell(1, 1 + k), group: k });
    },

    layoutMap(W, H, s) {
      // as render/draw/sweep_map.py: square maps as tall as the plot area, narrower when several would leave
      // the curves' column less than RIGHT_COLUMN inches (then centred in the height, short titles)
      const top = 0.885, bottom = 0.14, left = 0.06 * W, gap = 0.55 * s, RIGHT_COLUMN = 2.4;
      const room = (0.985 - 0.06) * W - RIGHT_COLUMN * s - this.A * gap;
      const side = Math.min((top - bottom) * H, room / this.A), y = (1 - top) * H + ((top - bottom) * H - side) / 2;
      this.narrowMaps = side < (top - bottom) * H;
      for (let a = 0; a < this.A; a++) {
        this.panels.push({ kind: "map", a, rect: { x: left + a * (side + gap), y, w: side, h: side } });
      }
      const right0 = (left + this.A * side + (this.A - 1) * gap + 0.55 * s) / W;
      const cell = gridspec(W, H, 3, 1, { left: right0, right: 0.985, top, bottom: bottom + 0.035, hspace: 0.75, wspace: 0 });
      this.panels.push({ kind: "curves", rect: cell(0, 0), group: 0 }, { kind: "curves", rect: cell(1, 0), group: 1, explorer: true },
        { kind: "rate", rect: cell(2, 0), band: false });
    },

    // -- drawing -------------------------------------------------------------------------------------

    style() { return { fg: this.th.foreground, muted: this.th.muted, font: this.fam, tick: SMALL * this.pt, s: this.s }; },
    actColor(a) { const p = this.th.palette; return p[a % p.length]; },
    runColor(r) { const a = this.d.activations.indexOf(this.d.runs[r].activation); return a >= 0 ? this.actColor(a) : this.th.palette[2]; },
    title(ctx, rect, text) {
      P.text(ctx, text, rect.x + rect.w / 2, rect.y - 3 * this.pt,
        { font: P.font(FONT * this.pt, this.fam), color: this.th.foreground, align: "center", baseline: "bottom" });
    },
    small(bold) { return P.font(SMALL * this.pt, this.fam, bold); },
    xlabel(ctx, rect, text) {
      P.text(ctx, text, rect.x + rect.w / 2, rect.y + rect.h + (2.5 + 1.5) * this.pt + SMALL * this.pt * 1.25,
        { font: this.small(), color: this.th.foreground, align: "center", baseline: "top" });
    },

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
    },

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
    },

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
    },
  });

  ourdl.sweep.gridspec = gridspec;
})(window.ourdl = window.ourdl || {});
