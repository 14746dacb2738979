/* player_hover.js: Player's pointer: what is under it, the readout and its tip; clicks on the loss panel. */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, { el, fill } = ourdl.player;

  Object.assign(ourdl.player.Player.prototype, {
    locate(e) {
      const rect = this.canvas.getBoundingClientRect();
      const px = e.clientX - rect.left, py = e.clientY - rect.top;
      for (let k = 0; k < this.axes.length; k++) {
        for (let j = 0; j < this.axes[k].length; j++) {
          if (this.axes[k][j].contains(px, py)) return { k, j, px, py };
        }
      }
      return null;
    },

    nearestGrid(x) {
      const g = this.grid;
      let lo = 0, hi = g.length - 1;
      while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (g[mid] <= x) lo = mid; else hi = mid; }
      return Math.abs(g[hi] - x) < Math.abs(g[lo] - x) ? hi : lo;
    },

    nearestSnapshot(ax, px) {
      let best = 0, dist = Infinity;
      for (let s = 0; s < this.S; s++) {
        const dd = Math.abs(ax.px(this.steps[s]) - px);
        if (dd < dist) { dist = dd; best = s; }
      }
      return best;
    },

    onMove(e) {
      const at = this.locate(e);
      if (!at) { if (this.hover) { this.hover = null; this.tip.hidden = true; this.draw(); } return; }
      const ax = this.axes[at.k][at.j];
      if (at.j < this.d.panels.length && this.d.panels[at.j].kind === "surface") {
        this.hover = { kind: "surface", k: at.k, j: at.j, x: ax.xAt(at.px), y: ax.yAt(at.py), px: at.px, py: at.py };
      } else if (at.j < this.d.panels.length) this.hover = { kind: "x", k: at.k, g: this.nearestGrid(ax.xAt(at.px)), px: at.px, py: at.py };
      else this.hover = { kind: "loss", k: at.k, s: this.nearestSnapshot(ax, at.px), px: at.px, py: at.py };
      this.draw();
    },

    onClick(e) {
      const at = this.locate(e);
      if (at && at.j === this.d.panels.length) {
        this.controls.pause();
        this.controls.seek(this.nearestSnapshot(this.axes[at.k][at.j], at.px), true);
      }
    },

    /** the hover readout: x and every drawn node's value there (or the loss at a snapshot) */
    readout() {
      const h = this.hover, d = this.d;
      if (!h) return null;
      const r = this.rows()[h.k];
      const lines = [];
      if (h.kind === "x") {
        const values = this.drawn(r, this.index);
        lines.push({ text: `${d.ui.x} = ${P.fmtG(this.grid[h.g], 4)}` });
        d.panels.forEach((p) => p.nodes.forEach((n, c) => {
          if (!this.hidden.has(n)) lines.push({ color: this.color(p.colors[c]), text: `${n} = ${P.fmtG(values[n][h.g], 5)}`, node: n, value: values[n][h.g] });
        }));
        const t = this.target[h.g];
        if (d.panels.some((p) => p.target) && !this.hidden.has("target")) lines.push({ color: this.th.target, text: `${d.targetName} = ${P.fmtG(t, 5)}`, node: "target", value: t });
      } else if (h.kind === "surface") {
        const names = d.panels[h.j].names;
        lines.push({ text: `${names[0]} = ${P.fmtG(h.x, 4)}, ${names[1]} = ${P.fmtG(h.y, 4)}` });
        lines.push({ color: d.surface.colors[0], text: `${fill(d.strings.surface_at, { target: d.targetName })} = ${P.fmtG(ourdl.panels.lossAt(this, h.x, h.y), 4)}` });
      } else {
        lines.push({ text: fill(d.ui.sample, { step: P.thousands(this.steps[h.s]) }) });
        lines.push({ color: this.th.muted, text: `${d.strings.loss_train}: ${P.number(this.loss("train", r, h.s))}` });
        lines.push({ color: this.color(2), text: `${d.strings.loss_eval}: ${P.number(this.loss("eval", r, h.s))}` });
      }
      return { run: r, x: h.kind === "x" ? this.grid[h.g] : null, index: h.kind === "x" ? h.g : h.kind === "loss" ? h.s : null, lines };
    },

    showTip() {
      const info = this.readout(), tip = this.tip, h = this.hover;
      tip.textContent = "";
      el("div", "op-tip-run", tip, this.d.runs[info.run].label);
      for (const line of info.lines) {
        const row = el("div", "op-tip-line", tip);
        if (line.color) el("span", "op-tip-dot", row).style.backgroundColor = line.color;
        el("span", null, row, line.text);
      }
      tip.hidden = false;
      const w = tip.offsetWidth, hgt = tip.offsetHeight;
      const x = h.px + 14 + w > this.W ? h.px - 14 - w : h.px + 14;
      const y = Math.min(Math.max(0, h.py - hgt / 2), this.H - hgt);
      tip.style.left = `${x}px`; tip.style.top = `${y}px`;
    },
  });
})(window.ourdl = window.ourdl || {});
