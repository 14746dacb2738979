/* lab_map.js: the lab's init-basin map over (w_11, w_12) (layer 1's first two weights in a network of
 * one hidden layer of any width; its modes are units 1 and 2's). The shipped map was trained by the lockstep
 * sweep in Python (render/web/lab_map.py); a click sets the two inits to the cell's exact centre,
 * so training there reproduces the cell. When the lab's other settings differ from the map's, the page
 * can train every cell itself with the lab's own loop (equal to the lockstep sweep for those settings).
 */

import { f32, i8 } from "./data.js";
import { el, family, fill } from "./dom.js";
import { compile, evaluate } from "./graph.js";
import { rateText, sameRates } from "./lab_run.js";
import {
  Axes, clip, fmtG, font, forgetText, frame, number, rgb, smallestText, text, thousands,
} from "./plot.js";
import { axisTicks, maxNLocator, scalarLabels } from "./ticks.js";
import { compile as compileNet, data, variantGraph } from "./train.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */

/** A coordinate in three significant digits with a real minus sign. @param {number} v */
const short = (v) => fmtG(v, 3).replace("-", "\u2212");

export class BasinMap {
  /**
   * @param {HTMLElement} parent @param {LabPage} d
   * @param {import("./lab.js").Lab} lab  its settings, pinned run, parameter names and set(partial, user)
   */
  constructor(parent, d, lab) {
    /** the map, and the network and target it was computed for when the page computed it */
    const m = this.m = /** @type {import("./types.js").LabMap & {hidden?: number[], target?: string}} */ (
      d.map);
    this.d = d;
    this.lab = lab;
    /** @type {ArrayLike<number>} */
    this.loss = f32(m.loss);
    /** @type {ArrayLike<number>} */
    this.mode = i8(m.mode);
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
    el("span", "ol-map-key ol-muted", this.legend,
      fill(ui.map_pale, { target: d.targetName, thr: m.threshold }));
    this.note = el("div", "ol-note", this.element);
    const ref = d.presets.length ? d.presets[0].name : ui.map_start;
    this.note.textContent = fill(ui.map_note, {
      n: m.size, a0: m.axes[0], a1: m.axes[1], ref, act: m.activation,
      lr: rateText(m.lrs, lab.names), samples: thousands(m.samples), seed: m.dataSeed });
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
    this.ax = new Axes({ x: pad.l, y: pad.t, w: side, h: side },
      { xlim: [lo - half, hi + half], ylim: [lo - half, hi + half] });
    this.image = this.paint();
  }

  /** The cells' colours, as render.draw.sweep_figure paints the map: mode colour, paler when worse. */
  paint() {
    const m = this.m, n = m.size, c = document.createElement("canvas");
    c.width = n; c.height = n;
    const ctx = c.getContext("2d"), img = ctx.createImageData(n, n);
    const palette = m.colors.map(rgb), bg = rgb(this.d.theme.background);
    const loLog = Math.log(0.03), thrLog = Math.log(m.threshold);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const r = j * n + i, l = this.loss[r], base = palette[this.mode[r]] || palette[palette.length - 1];
        let amount;
        if (!isFinite(l)) amount = 0.9;
        else if (l < m.threshold) {
          amount = 0.35 * Math.min(1, Math.max(0, (Math.log(l) - loLog) / (thrLog - loLog)));
        }
        else amount = 0.62 + 0.2 * Math.min(1, Math.max(0, Math.log(l / m.threshold) / Math.LN10));
        const o = ((n - 1 - j) * n + i) * 4;  // row j = w_12 index, drawn with y up
        for (let k = 0; k < 3; k++) img.data[o + k] = Math.round(base[k] * (1 - amount) + bg[k] * amount);
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return c;
  }

  /** The cell under pixel (px, py) of the canvas, or null. @param {number} px @param {number} py */
  cellAt(px, py) {
    const m = this.m, [lo, hi] = m.range, n = m.size, ax = this.ax;
    if (!ax.contains(px, py)) return null;
    const x = ax.xAt(px), y = ax.ylim[0] + (1 - (py - ax.rect.y) / ax.rect.h) * (ax.ylim[1] - ax.ylim[0]);
    const i = Math.round((x - lo) / (hi - lo) * (n - 1)), j = Math.round((y - lo) / (hi - lo) * (n - 1));
    if (i < 0 || j < 0 || i >= n || j >= n) return null;
    return { i, j, x: this.value(i), y: this.value(j), r: j * n + i };
  }

  /** The cell centre exactly as numpy.linspace(lo, hi, n) computes it (scenes.sweeps.GridInits). */
  /** @param {number} i */
  value(i) {
    const [lo, hi] = this.m.range, n = this.m.size, step = (hi - lo) / (n - 1);
    return i === n - 1 ? hi : lo + i * step;
  }

  /** The two parameters of the map's axes in the lab's network (layer 1's first two weights). */
  axes() {
    return this.lab.rules.family ? this.lab.names.slice(0, 2) : this.m.axes;
  }

  /** @param {MouseEvent} e */
  onClick(e) {
    const rect = this.canvas.getBoundingClientRect();
    const cell = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
    if (!cell) return;
    const [a0, a1] = this.axes();
    this.lab.set({ init: { [a0]: cell.x, [a1]: cell.y } }, true);
  }

  /** @param {MouseEvent} e */
  onMove(e) {
    const rect = this.canvas.getBoundingClientRect();
    this.hover = this.cellAt(e.clientX - rect.left, e.clientY - rect.top);
    this.showInfo();
    this.draw();
  }

  showInfo() {
    const c = this.hover, m = this.m, ui = this.d.lab;
    this.info.textContent = c ? fill(ui.map_cell, {
      a0: m.axes[0], a1: m.axes[1], x: short(c.x), y: short(c.y), mode: m.modes[this.mode[c.r]] || "?",
      target: this.d.targetName, loss: number(this.loss[c.r]),
    }) : "\u00a0";
  }

  /** What differs between the current settings and the map's (empty when the map applies).
   * @param {Settings} s @returns {string[]} */
  differences(s) {
    const m = this.m, out = [], rules = this.lab.rules;
    if (rules.family) {
      const hidden = m.hidden || rules.family, target = m.target || rules.sceneTarget;
      if (s.hidden.join() !== hidden.join()) out.push(fill(this.d.lab.hidden_word, { h: s.hidden.join() }));
      if (s.target !== target) out.push(s.target);
      if (out.length) return out;
    }
    for (const [n, v] of Object.entries(m.others)) if (s.init[n] !== v) out.push(n);
    if (s.activation !== m.activation) out.push(s.activation);
    if (s.loss !== m.lossKind) out.push(this.d.lab[s.loss] || s.loss);
    if (!sameRates(s.lrs, m.lrs)) out.push(`lr ${rateText(s.lrs, this.lab.names)}`);
    if (s.samples !== m.samples) out.push(`${thousands(s.samples)} ${this.d.lab.samples}`);
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
    const d = this.d, m = this.m, s = this.lab.settings, n = m.size, cells = n * n;
    const np = this.lab.names.length;
    const v = this.lab.netView(s);
    const net = compileNet(v.graph, { activation: s.activation, loss: s.loss });
    const graph = variantGraph(v.graph, { activation: s.activation, loss: s.loss });
    const program = compile(graph, d.gridValues.length), out = program.index[v.graph.output];
    const { xs, ys } = data(s.dataSeed, s.samples, d.dataRange, v.targetSpec);
    const base = this.lab.names.map((name) => s.init[name]), params = new Float64Array(np);
    const loss = new Float32Array(cells), mode = new Int8Array(cells);
    const job = this.job = { next: 0 };
    const [lo, hi] = d.dataRange, ix = (/** @type {string} */ name) => this.lab.names.indexOf(name);
    const H = s.hidden ? s.hidden[0] : 2;
    const [w1, w2, b1, b2] = s.hidden ? [0, 1, H, H + 1] : ["w_11", "w_12", "b_11", "b_12"].map(ix);
    /** a unit that is off over the whole data range @param {number} w @param {number} b */
    const off = (w, b) => Math.max(w * lo + b, w * hi + b) <= 0;
    const step = () => {
      if (this.job !== job) return;  // cancelled by a newer computation
      const until = performance.now() + 12;
      while (job.next < cells && performance.now() < until) {
        const r = job.next++, i = r % n, j = (r - i) / n;
        base[0] = this.value(i); base[1] = this.value(j);
        net.setParams(base);
        net.train(xs, ys, 0, s.samples, s.lrs);
        const p = net.getParams();
        for (let k = 0; k < np; k++) params[k] = p[k];
        const values = evaluate(program, params, 0, d.gridValues, v.targetValues);
        let sum = 0;
        for (const g of d.inside) sum += Math.abs(values[out][g] - v.targetValues[g]);
        loss[r] = sum / d.inside.length;
        const dead = Number(off(p[w1], p[b1])) + Number(off(p[w2], p[b2]));  // scenes.sweeps.fitting_modes
        mode[r] = dead === 2 ? 4 : dead === 1 ? 3
          : p[w1] > 0 && p[w2] > 0 ? 0 : p[w1] < 0 && p[w2] < 0 ? 1 : 2;
      }
      this.computeButton.textContent = fill(d.lab.map_computing, { pct: Math.floor(100 * job.next / cells) });
      if (job.next < cells) { requestAnimationFrame(step); return; }
      this.job = null;
      this.loss = loss; this.mode = mode;
      const others = Object.fromEntries(this.lab.names.slice(2).map((name) => [name, s.init[name]]));
      Object.assign(m, { activation: s.activation, lossKind: s.loss, lrs: s.lrs.slice(), samples: s.samples,
        dataSeed: s.dataSeed, others, hidden: s.hidden, target: s.target });
      this.note.textContent = fill(d.lab.map_note_page, { n, a0: m.axes[0], a1: m.axes[1], act: m.activation,
        lr: rateText(m.lrs, this.lab.names), samples: thousands(m.samples), seed: m.dataSeed });
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
    forgetText(this.canvas);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = th.background;
    ctx.fillRect(0, 0, this.W, this.H);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.image, ax.rect.x, ax.rect.y, ax.rect.w, ax.rect.h);
    // its text (ticks, axis names, the presets' names) in the pages' smallest size (render.draw.grid)
    const px = this.d.layout.minTextPx, fam = family(this.d.lang);
    const st = { fg: th.foreground, muted: th.muted, font: fam, tick: px, s: 72 };
    // ticks over the cells' centres (the inits), not the image's edges half a cell beyond: -1, -0.5, ... 1
    const located = maxNLocator(m.range[0], m.range[1], 4);
    frame(ctx, ax, st, {
      x: axisTicks(ax, "x", located, scalarLabels), y: axisTicks(ax, "y", located, scalarLabels),
    });
    /** @type {import("./plot.js").TextStyle} */
    const label = { font: font(px, fam), color: th.foreground, align: "center", baseline: "top" };
    const [a0, a1] = this.axes();
    text(ctx, a0, ax.rect.x + ax.rect.w / 2, ax.rect.y + ax.rect.h + 14, label);
    ctx.save();
    ctx.translate(2, ax.rect.y + ax.rect.h / 2);
    ctx.rotate(-Math.PI / 2);
    text(ctx, a1, 0, 0, label);
    ctx.restore();
    ctx.save();
    clip(ctx, ax);
    // Fig 7, Fig 8 (for their network and target): hollow circles, as the sweep figure marks them
    for (const preset of this.lab.rules.isChapter(this.lab.settings) ? this.d.presets : []) {
      const x = ax.px(preset.init[a0]), y = ax.py(preset.init[a1]);
      ctx.beginPath(); ctx.arc(x, y, 4.5, 0, 2 * Math.PI);
      ctx.strokeStyle = th.foreground; ctx.lineWidth = 1.4; ctx.stroke();
      text(ctx, preset.name, x + 6, y + 3,
        { font: font(px, fam, true), color: th.foreground, baseline: "top" });
    }
    const pin = this.lab.pinned && this.lab.pinned.settings.init;
    if (pin && a0 in pin && a1 in pin) this.cross(ctx, pin[a0], pin[a1], th.muted);
    const s = this.lab.settings.init;
    this.cross(ctx, s[a0], s[a1], th.foreground);
    if (this.hover) {
      const h = ax.px(this.value(this.hover.i)), v = ax.py(this.value(this.hover.j));
      const half = ax.rect.w / m.size / 2;
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

  /** The smallest font px the map drew its text in. */
  minTextPx() { return smallestText(this.canvas); }

  /**
   * A "+" at (x, y) in `color`, edged in the background.
   * @param {CanvasRenderingContext2D} ctx @param {number} x @param {number} y @param {string} color
   */
  cross(ctx, x, y, color) {
    const px = this.ax.px(x), py = this.ax.py(y);
    /** @type {[string, number][]} */
    const strokes = [[this.d.theme.background, 4], [color, 2]];
    for (const [stroke, width] of strokes) {
      ctx.strokeStyle = stroke; ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(px - 7, py); ctx.lineTo(px + 7, py); ctx.moveTo(px, py - 7); ctx.lineTo(px, py + 7);
      ctx.stroke();
    }
  }
}
