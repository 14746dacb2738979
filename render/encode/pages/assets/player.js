/* player.js: the runs player. One row of panels per run plus the loss panel, on one shared timeline,
 * laid out like render.draw.scene_figure (same inches on an 8-inch design width, scaled to the page).
 *
 * Needs data.js, graph.js, plot.js, and panels.js for "data" and "surface" panels (a panel's `kind`; the
 * default draws curves). Interface (window.ourdl.player):
 *   Player(root, data)   mount a player into the element `root` (data: the JSON of runs_data() in
 *                        render/encode/pages/player.py; data.lossPanel false: no loss panel, as --no-loss). root.ourdlPlayer is the instance:
 *                        .seek(index) .play() .pause() .toggle() .step(delta) .state() .index
 *                        .curves(run, snapshot) -> Float64Array(N·G), every recorded node (exact test)
 *                        .ready -> a promise, resolved once the first frame is drawn
 *                        .draw() -> redraw now (benchmark)
 *   Controls(parent, opts)  the control bar any timeline page can reuse: play/pause, ← →, a slider with
 *                        marks, speed, loop; opts = {count, ui, speeds, marks: [{index, label}],
 *                        position(i) -> text, duration, hold, onSeek(i)}. Methods: seek(i), play(), pause(),
 *                        toggle(), step(d), setSpeed(v), setLoop(b); fields index, playing, speed, loop.
 *   Fragment(keys)       URL fragment state: .read() -> {key: raw string} for known keys only (values
 *                        are strings to validate); .write({key: value}) -> replaceState, throttled.
 *   el(tag, className, parent, text)  create an element; text goes in as textContent, never as HTML.
 *   fill(template, values)            "{step:,}"/"{name}" placeholders, values as plain text.
 *   family(lang)                      the font stack of the page's language.
 *   LAYOUT, DESIGN_WIDTH              the figure's design, in inches and points.
 * Safety: every string from the data or the URL is shown with textContent or canvas fillText; nothing
 * is ever parsed as HTML; the fragment only selects among known values.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot, G = ourdl.graph, D = ourdl.data;
  const DESIGN_WIDTH = 8.0;
  const LAYOUT = { left: 0.40, right: 0.10, gap: 0.40, top: 0.04, header: 0.24, titles: 0.19, ticks: 0.19,
    legend: 0.36, font: 8.0, small: 6.5, line: 1.5 };

  function el(tag, cls, parent, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)(:,)?\}/g, (m, k, comma) => {
      if (!(k in values)) return m;
      const v = values[k];
      return comma ? P.thousands(v) : String(v);
    });
  }

  function family(lang) {
    const latin = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif';
    const cjk = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", ' +
      '"WenQuanYi Micro Hei"';
    return lang === "zh" ? `${latin.replace(", sans-serif", "")}, ${cjk}, sans-serif` : latin;
  }

  // ---- URL fragment ---------------------------------------------------------------------------------

  class Fragment {
    constructor(keys, enabled) {
      this.keys = new Set(keys);
      this.enabled = enabled;
      this.timer = null;
      this.last = 0;
    }
    read() {
      const out = Object.create(null);
      if (!this.enabled) return out;
      const hash = (location.hash || "").replace(/^#/, "");
      if (hash.length > 2000) return out;
      for (const part of hash.split("&")) {
        const eq = part.indexOf("=");
        const k = eq < 0 ? part : part.slice(0, eq);
        let v = eq < 0 ? "" : part.slice(eq + 1);
        try { v = decodeURIComponent(v); } catch (e) { continue; }
        if (this.keys.has(k)) out[k] = v;
      }
      return out;
    }
    write(values) {
      if (!this.enabled) return;
      const text = Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%2C/g, ",")}`).join("&");
      const apply = () => {
        this.timer = null;
        this.last = performance.now();
        const url = location.href.replace(/#.*$/, "") + (text ? "#" + text : "");
        if (url !== location.href) {
          try { history.replaceState(history.state, "", url); } catch (e) { /* sandboxed frames */ }
        }
      };
      clearTimeout(this.timer);
      const wait = 120 - (performance.now() - this.last);  // browsers throttle replaceState bursts
      if (wait <= 0) apply(); else this.timer = setTimeout(apply, wait);
    }
  }

  // ---- controls -------------------------------------------------------------------------------------

  class Controls {
    constructor(parent, o) {
      this.o = o;
      this.count = o.count;
      this.index = 0; this.pos = 0;
      this.playing = false; this.speed = 1; this.loop = false;
      this.holdUntil = 0;
      const ui = o.ui;
      const bar = this.element = el("div", "op-controls", parent);
      this.playButton = el("button", "op-play", bar);
      this.playButton.type = "button";
      this.backButton = el("button", "op-step", bar, "\u2039");
      this.backButton.type = "button";
      this.backButton.setAttribute("aria-label", ui.back);
      this.backButton.title = ui.back;
      const track = el("div", "op-track", bar);
      this.slider = el("input", "op-slider", track);
      this.slider.type = "range";
      this.slider.min = "0"; this.slider.max = String(Math.max(0, o.count - 1)); this.slider.step = "1";
      this.slider.setAttribute("aria-label", ui.slider);
      this.marks = el("div", "op-marks", track);
      for (const m of o.marks || []) {
        const b = el("button", "op-mark" + (m.kind ? " op-mark-" + m.kind : ""), this.marks);
        b.type = "button";
        b.title = m.label;
        b.setAttribute("aria-label", m.label);
        b.style.left = `calc(7px + (100% - 14px) * ${o.count > 1 ? m.index / (o.count - 1) : 0})`;
        el("span", "op-mark-label", b, m.short || m.label);
        b.addEventListener("click", () => { this.pause(); this.seek(m.index, true); });
      }
      this.fwdButton = el("button", "op-step", bar, "\u203a");
      this.fwdButton.type = "button";
      this.fwdButton.setAttribute("aria-label", ui.forward);
      this.fwdButton.title = ui.forward;
      this.position = el("span", "op-pos", bar);
      const speedLabel = el("label", "op-opt", bar);
      el("span", null, speedLabel, ui.speed + " ");
      this.speedSelect = el("select", "op-speed", speedLabel);
      for (const s of o.speeds) {
        const opt = el("option", null, this.speedSelect, `${s}\u00d7`);
        opt.value = String(s);
      }
      this.speedSelect.value = "1";
      const loopLabel = el("label", "op-opt", bar);
      this.loopBox = el("input", "op-loop", loopLabel);
      this.loopBox.type = "checkbox";
      el("span", null, loopLabel, " " + ui.loop);
      this.extra = el("span", "op-extra", bar);

      this.playButton.addEventListener("click", () => this.toggle());
      this.backButton.addEventListener("click", () => this.step(-1));
      this.fwdButton.addEventListener("click", () => this.step(1));
      this.slider.addEventListener("input", () => { this.pause(); this.seek(Number(this.slider.value), true); });
      this.speedSelect.addEventListener("change", () => this.setSpeed(Number(this.speedSelect.value), true));
      this.loopBox.addEventListener("change", () => this.setLoop(this.loopBox.checked, true));
      this._tick = this._tick.bind(this);
      this._showPlaying();
    }
    _showPlaying() {
      const ui = this.o.ui;
      this.playButton.textContent = this.playing ? "\u275a\u275a" : "\u25b6";
      this.playButton.setAttribute("aria-label", this.playing ? ui.pause : ui.play);
      this.playButton.title = this.playing ? ui.pause : ui.play;
      this.playButton.setAttribute("aria-pressed", this.playing ? "true" : "false");
    }
    seek(i, user) {
      i = Math.max(0, Math.min(this.count - 1, Math.round(Number(i) || 0)));
      const changed = i !== this.index;
      this.index = i;
      if (!this.playing) this.pos = i;
      this.slider.value = String(i);
      this.position.textContent = this.o.position(i);
      if (changed || user) this.o.onSeek(i, !!user);
    }
    step(d) { this.pause(); this.seek(this.index + d, true); }
    play() {
      if (this.playing || this.count < 2) return;
      if (this.index >= this.count - 1) this.seek(0, true);
      this.playing = true;
      this.pos = this.index;
      this.last = performance.now();
      this._showPlaying();
      requestAnimationFrame(this._tick);
      if (this.o.onPlay) this.o.onPlay(true);
    }
    pause() {
      if (!this.playing) return;
      this.playing = false;
      this._showPlaying();
      if (this.o.onPlay) this.o.onPlay(false);
    }
    toggle() { if (this.playing) this.pause(); else this.play(); }
    setSpeed(v, user) {
      if (!this.o.speeds.includes(v)) return;
      this.speed = v;
      this.speedSelect.value = String(v);
      if (user && this.o.onOption) this.o.onOption();
    }
    setLoop(b, user) {
      this.loop = !!b;
      this.loopBox.checked = this.loop;
      if (user && this.o.onOption) this.o.onOption();
    }
    _tick(now) {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - this.last) / 1000);
      this.last = now;
      const last = this.count - 1;
      if (this.holdUntil) {
        if (now < this.holdUntil) { requestAnimationFrame(this._tick); return; }
        this.holdUntil = 0;
        this.pos = 0;
      } else {
        this.pos += dt * this.speed * last / this.o.duration;
      }
      if (this.pos >= last) {
        this.pos = last;
        if (this.loop) this.holdUntil = now + this.o.hold * 1000 / this.speed;
      }
      this.seek(Math.floor(this.pos + 1e-9), false);
      if (this.pos >= last && !this.loop) { this.pause(); this.o.onSeek(this.index, true); return; }
      requestAnimationFrame(this._tick);
    }
  }

  // ---- keys shared by every timeline page -----------------------------------------------------------

  function bindKeys(target, controls, extra) {
    target.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const tag = e.target && e.target.tagName;
      if (tag === "SELECT" || (tag === "INPUT" && e.target.type !== "range" && e.target.type !== "checkbox")) return;
      const speeds = controls.o.speeds, k = speeds.indexOf(controls.speed);
      switch (e.key) {
        case " ": case "k": controls.toggle(); break;
        case "ArrowLeft": controls.step(e.shiftKey ? -10 : -1); break;
        case "ArrowRight": controls.step(e.shiftKey ? 10 : 1); break;
        case "Home": controls.pause(); controls.seek(0, true); break;
        case "End": controls.pause(); controls.seek(controls.count - 1, true); break;
        case "[": controls.setSpeed(speeds[Math.max(0, k - 1)], true); break;
        case "]": controls.setSpeed(speeds[Math.min(speeds.length - 1, k + 1)], true); break;
        case "l": case "L": controls.setLoop(!controls.loop, true); break;
        default: if (!(extra && extra(e))) return;
      }
      e.preventDefault();
    });
  }

  // ---- the runs player ------------------------------------------------------------------------------

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
      const fixed = L.top + L.titles + L.legend + rows.length * (L.header + L.ticks);
      const hIn = Math.max(DESIGN_WIDTH * d.aspect, fixed + rows.length * 1.2);
      const H = hIn * s;
      const aw = (DESIGN_WIDTH - L.left - L.right - (cols - 1) * L.gap) / cols;
      const ah = (hIn - fixed) / rows.length;
      this.s = s; this.pt = pt; this.W = W; this.H = H;
      this.axes = rows.map((r, k) => {
        const top = (L.top + L.titles + k * (L.header + ah + L.ticks) + L.header) * s;
        const row = d.panels.map((p, j) => new P.Axes({ x: (L.left + j * (aw + L.gap)) * s, y: top, w: aw * s, h: ah * s },
          { xlim: p.xlim || d.xRange, ylim: p.ylim }));
        if (cols > d.panels.length) {
          row.push(new P.Axes({ x: (L.left + d.panels.length * (aw + L.gap)) * s, y: top, w: aw * s, h: ah * s },
            { xlim: [0, d.total * 1.06], ylim: d.lossYlim, xscale: "symlog", yscale: "log",
              linthresh: Math.max(10, d.total / 1000) }));
        }
        return row;
      });
      this.dpr = P.sizeCanvases([this.canvas, this.bg], this.figure, W, H);
      this.drawStatic();
      this.buildOverlay();
      this.draw();
    }

    style() {
      return { fg: this.th.foreground, muted: this.th.muted, font: this.fam, tick: LAYOUT.small * this.pt, s: this.s };
    }

    color(i) { const p = this.th.palette; return p[((i % p.length) + p.length) % p.length]; }

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
    }

    title(ctx, ax, text) {
      P.text(ctx, text, ax.rect.x + ax.rect.w / 2, ax.rect.y - 3 * this.pt,
        { font: P.font(LAYOUT.font * this.pt, this.fam), color: this.th.foreground, align: "center", baseline: "bottom" });
    }

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
    }

    buildOverlay() {
      const o = this.overlay, d = this.d, L = LAYOUT, s = this.s, pt = this.pt, ui = d.ui;
      o.textContent = "";
      o.style.fontSize = `${L.font * pt}px`;
      this.captions = []; this.warnings = [];
      this.rows().forEach((r, k) => {
        const ax = this.axes[k][0];
        const top = ax.rect.y - (L.header - 0.06) * s - (k === 0 ? L.titles * s : 0);
        const label = el("div", "op-run-label", o, d.runs[r].label);
        label.style.left = `${L.left * s}px`; label.style.top = `${top}px`;
        if (d.lang === "zh") label.style.fontWeight = "normal";
        const cap = el("div", "op-caption", o);
        cap.style.right = `${L.right * s}px`; cap.style.top = `${top}px`;
        const values = {};
        for (const [kind, text] of d.caption) {
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
      // legends under the bottom row, one per panel, two columns filled column by column (matplotlib's)
      const bottom = this.axes[this.axes.length - 1];
      bottom.forEach((ax, j) => {
        const items = [];
        if (j < d.panels.length) {
          const p = d.panels[j];
          p.nodes.forEach((n, i) => items.push({ key: n, label: n, color: this.color(p.colors[i]), kind: "line" }));
          if (p.target) items.push({ key: "target", label: d.strings.target, color: this.th.target, kind: "dash" });
          if (this.panelState) items.push(...ourdl.panels.legend(this, p));
          if (p.target) items.push({ key: "span", label: d.strings.data, color: this.th.span, kind: "patch" });
        } else {
          items.push({ key: "train", label: d.strings.loss_train, color: this.th.muted, kind: "thin" });
          items.push({ key: "eval", label: d.strings.loss_eval, color: this.color(2), kind: "line" });
        }
        const box = el("div", "op-legend", o);
        box.style.left = `${ax.rect.x + ax.rect.w / 2}px`;
        box.style.top = `${ax.rect.y + ax.rect.h + (L.ticks - 0.02) * s}px`;
        box.style.fontSize = `${L.small * pt}px`;
        box.style.gridTemplateRows = `repeat(${Math.ceil(items.length / 2)}, auto)`;
        for (const it of items) {
          const b = el("button", "op-entry", box);
          b.type = "button";
          b.dataset.key = it.key;
          b.setAttribute("aria-pressed", this.hidden.has(it.key) ? "false" : "true");
          if (this.hidden.has(it.key)) b.classList.add("op-off");
          const sw = el("span", "op-swatch op-swatch-" + it.kind, b);
          sw.style.width = `${1.6 * L.small * pt}px`;
          if (it.kind === "patch") sw.style.backgroundColor = it.color; else sw.style.borderTopColor = it.color;
          if (it.kind === "dot") {  // a marker: a round patch of the marker's size
            Object.assign(sw.style, { width: `${2.2 * L.line * pt}px`, height: `${2.2 * L.line * pt}px`, border: "0",
              borderRadius: "50%", backgroundColor: it.color, margin: `0 ${0.8 * L.small * pt}px` });
          } else if (it.kind !== "patch") sw.style.borderTopWidth = `${Math.max(1, (it.kind === "thin" ? 0.6 : L.line) * pt)}px`;
          el("span", "op-entry-label", b, it.label);
          b.addEventListener("click", (e) => { e.stopPropagation(); this.toggle(it.key); });
        }
      });
    }

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
    }

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
    }

    // -- pointer -------------------------------------------------------------------------------------

    locate(e) {
      const rect = this.canvas.getBoundingClientRect();
      const px = e.clientX - rect.left, py = e.clientY - rect.top;
      for (let k = 0; k < this.axes.length; k++) {
        for (let j = 0; j < this.axes[k].length; j++) {
          if (this.axes[k][j].contains(px, py)) return { k, j, px, py };
        }
      }
      return null;
    }

    nearestGrid(x) {
      const g = this.grid;
      let lo = 0, hi = g.length - 1;
      while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (g[mid] <= x) lo = mid; else hi = mid; }
      return Math.abs(g[hi] - x) < Math.abs(g[lo] - x) ? hi : lo;
    }

    nearestSnapshot(ax, px) {
      let best = 0, dist = Infinity;
      for (let s = 0; s < this.S; s++) {
        const dd = Math.abs(ax.px(this.steps[s]) - px);
        if (dd < dist) { dist = dd; best = s; }
      }
      return best;
    }

    onMove(e) {
      const at = this.locate(e);
      if (!at) { if (this.hover) { this.hover = null; this.tip.hidden = true; this.draw(); } return; }
      const ax = this.axes[at.k][at.j];
      if (at.j < this.d.panels.length && this.d.panels[at.j].kind === "surface") {
        this.hover = { kind: "surface", k: at.k, j: at.j, x: ax.xAt(at.px), y: ax.yAt(at.py), px: at.px, py: at.py };
      } else if (at.j < this.d.panels.length) this.hover = { kind: "x", k: at.k, g: this.nearestGrid(ax.xAt(at.px)), px: at.px, py: at.py };
      else this.hover = { kind: "loss", k: at.k, s: this.nearestSnapshot(ax, at.px), px: at.px, py: at.py };
      this.draw();
    }

    onClick(e) {
      const at = this.locate(e);
      if (at && at.j === this.d.panels.length) {
        this.controls.pause();
        this.controls.seek(this.nearestSnapshot(this.axes[at.k][at.j], at.px), true);
      }
    }

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
    }

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
    }
  }

  ourdl.player = { Player, Controls, Fragment, bindKeys, el, fill, family, LAYOUT, DESIGN_WIDTH };
})(window.ourdl = window.ourdl || {});
