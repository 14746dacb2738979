(() => {
  // render/web/src/data.js
  function bytes(b64) {
    const s = atob(b64 || "");
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function typed(b64, size, Kind, get) {
    const b = bytes(b64);
    const view = new DataView(b.buffer);
    const n = Math.floor(b.length / size);
    const out = new Kind(n);
    for (let i = 0; i < n; i++) out[i] = get(view, i * size);
    return out;
  }
  function read(id) {
    const el2 = document.getElementById(id);
    return el2 ? JSON.parse(el2.textContent) : null;
  }
  var f64 = (b64) => typed(b64, 8, Float64Array, (v, o) => v.getFloat64(o, true));
  var i32 = (b64) => typed(b64, 4, Int32Array, (v, o) => v.getInt32(o, true));

  // render/web/src/mount.js
  function mountAll(selector, format, noun, failure, running, start) {
    for (const root of document.querySelectorAll(selector)) {
      const element = (
        /** @type {HTMLElement} */
        root
      );
      if (running(element)) continue;
      try {
        const data = read(element.dataset.source);
        if (!data || data.format !== format) throw new Error(`no ${noun} data in this page`);
        start(element, data);
      } catch (err) {
        element.textContent = failure + String(err && err.message);
        console.error(err);
      }
    }
  }

  // render/web/src/plot.js
  var LN10 = Math.LN10;
  function symlog(v, lt) {
    const lsa = 1 / (1 - 1 / 10);
    const a = Math.abs(v);
    return a <= lt ? v / lt * lsa : Math.sign(v) * (lsa + Math.log(a / lt) / LN10);
  }
  function symexp(t, lt) {
    const lsa = 1 / (1 - 1 / 10);
    const a = Math.abs(t);
    return a <= lsa ? t / lsa * lt : Math.sign(t) * lt * Math.pow(10, a - lsa);
  }
  var Axes = class {
    /** @param {Rect} rect @param {AxesOptions} o */
    constructor(rect, o) {
      this.rect = rect;
      this.xlim = o.xlim;
      this.ylim = o.ylim;
      this.xscale = o.xscale || "linear";
      this.yscale = o.yscale || "linear";
      this.linthresh = o.linthresh || 10;
      this.tx = this._transform(this.xscale);
      this.ty = this._transform(this.yscale);
      this.x0 = this.tx(this.xlim[0]);
      this.x1 = this.tx(this.xlim[1]);
      this.y0 = this.ty(this.ylim[0]);
      this.y1 = this.ty(this.ylim[1]);
      this.drawn = null;
    }
    /** @param {Scale} kind @returns {(v: number) => number} */
    _transform(kind) {
      if (kind === "log") return (v) => v > 0 ? Math.log(v) / LN10 : NaN;
      if (kind === "symlog") return (v) => symlog(v, this.linthresh);
      return (v) => v;
    }
    /** @param {number} x */
    px(x) {
      const r = this.rect;
      return r.x + (this.tx(x) - this.x0) / (this.x1 - this.x0) * r.w;
    }
    /** @param {number} y */
    py(y) {
      const r = this.rect;
      return r.y + r.h - (this.ty(y) - this.y0) / (this.y1 - this.y0) * r.h;
    }
    /** The data x at pixel px. @param {number} px */
    xAt(px) {
      const r = this.rect, t = this.x0 + (px - r.x) / r.w * (this.x1 - this.x0);
      if (this.xscale === "log") return Math.pow(10, t);
      if (this.xscale === "symlog") return symexp(t, this.linthresh);
      return t;
    }
    /** The data y at pixel py (linear y scales). @param {number} py */
    yAt(py) {
      const r = this.rect;
      return this.ylim[0] + (r.y + r.h - py) / r.h * (this.ylim[1] - this.ylim[0]);
    }
    /** @param {number} px @param {number} py */
    contains(px, py) {
      const r = this.rect;
      return px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h;
    }
  };
  function thousands(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function rgb(hex) {
    const h = hex.replace("#", "");
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  var css = (c, a) => a === void 0 ? `rgb(${c.map(Math.round).join(",")})` : `rgba(${c.map(Math.round).join(",")},${a})`;
  function font(px, family2, bold) {
    return `${bold ? "bold " : ""}${px.toFixed(2)}px ${family2}`;
  }
  var smallest = /* @__PURE__ */ new WeakMap();
  var smallestText = (canvas) => smallest.has(canvas) ? smallest.get(canvas) : Infinity;
  var forgetText = (canvas) => {
    smallest.delete(canvas);
  };
  function text(ctx, str, x, y, o) {
    const px = /([\d.]+)px/.exec(o.font), canvas = ctx.canvas;
    if (px && canvas && String(str) !== "" && !(Number(px[1]) >= smallestText(canvas))) {
      smallest.set(canvas, Number(px[1]));
    }
    ctx.font = o.font;
    ctx.fillStyle = o.color;
    ctx.textAlign = o.align || "left";
    ctx.textBaseline = o.baseline || "alphabetic";
    ctx.fillText(String(str), x, y);
  }
  function frame(ctx, ax, st, t) {
    ax.drawn = t;
    const r = ax.rect, pt = st.s / 72;
    const spine = 0.6 * pt, tickLen = 2.5 * pt, pad = 1.5 * pt, [minorLen, minorWidth] = t.minor || [2, 0.6];
    ctx.save();
    ctx.strokeStyle = st.muted;
    ctx.lineWidth = spine;
    ctx.beginPath();
    ctx.moveTo(r.x, r.y);
    ctx.lineTo(r.x, r.y + r.h);
    ctx.lineTo(r.x + r.w, r.y + r.h);
    ctx.stroke();
    const tickFont = font(st.tick, st.font);
    ctx.beginPath();
    for (const x of t.x.ticks) {
      const p = ax.px(x);
      ctx.moveTo(p, r.y + r.h);
      ctx.lineTo(p, r.y + r.h + tickLen);
    }
    for (const y of t.y.ticks) {
      const p = ax.py(y);
      ctx.moveTo(r.x, p);
      ctx.lineTo(r.x - tickLen, p);
    }
    ctx.stroke();
    if (t.x.minor.length || t.y.minor.length) {
      ctx.lineWidth = minorWidth * pt;
      ctx.beginPath();
      const m = minorLen * pt;
      for (const x of t.x.minor) {
        const p = ax.px(x);
        ctx.moveTo(p, r.y + r.h);
        ctx.lineTo(p, r.y + r.h + m);
      }
      for (const y of t.y.minor) {
        const p = ax.py(y);
        ctx.moveTo(r.x, p);
        ctx.lineTo(r.x - m, p);
      }
      ctx.stroke();
    }
    t.x.ticks.forEach((x, i) => text(
      ctx,
      t.x.labels[i],
      ax.px(x),
      r.y + r.h + tickLen + pad,
      { font: tickFont, color: st.fg, align: "center", baseline: "top" }
    ));
    t.y.ticks.forEach((y, i) => text(
      ctx,
      t.y.labels[i],
      r.x - tickLen - pad,
      ax.py(y),
      { font: tickFont, color: st.fg, align: "right", baseline: "middle" }
    ));
    ctx.restore();
  }
  function report(panel, ax) {
    const t = ax.drawn;
    return {
      panel,
      xlim: [...ax.xlim],
      ylim: [...ax.ylim],
      xticks: t.x.ticks,
      xlabels: t.x.labels,
      yticks: t.y.ticks,
      ylabels: t.y.labels,
      xminor: t.x.minor,
      yminor: t.y.minor
    };
  }
  function clip(ctx, ax) {
    const r = ax.rect;
    ctx.beginPath();
    ctx.rect(r.x, r.y, r.w, r.h);
    ctx.clip();
  }
  var FAR = 1e6;
  var clamp = (v) => v > FAR ? FAR : v < -FAR ? -FAR : v;
  function line(ctx, ax, xs, ys, o) {
    const from = o.from || 0, to = o.to === void 0 ? xs.length : o.to;
    ctx.save();
    clip(ctx, ax);
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.width;
    ctx.lineJoin = "round";
    ctx.lineCap = o.dash ? "butt" : "round";
    if (o.alpha !== void 0) ctx.globalAlpha = o.alpha;
    if (o.dash) ctx.setLineDash(o.dash);
    ctx.beginPath();
    let pen = false;
    for (let i = from; i < to; i++) {
      const X = ax.px(xs[i]), Y = ax.py(ys[i]);
      if (!isFinite(X) || !isFinite(Y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(clamp(X), clamp(Y));
      else ctx.moveTo(clamp(X), clamp(Y));
      pen = true;
    }
    ctx.stroke();
    ctx.restore();
  }
  function vline(ctx, ax, x, o) {
    const p = typeof x === "number" && o.pixels ? x : ax.px(x), r = ax.rect;
    ctx.save();
    ctx.strokeStyle = o.color;
    ctx.lineWidth = o.width;
    if (o.alpha !== void 0) ctx.globalAlpha = o.alpha;
    if (o.dash) ctx.setLineDash(o.dash);
    ctx.beginPath();
    ctx.moveTo(p, r.y);
    ctx.lineTo(p, r.y + r.h);
    ctx.stroke();
    ctx.restore();
  }
  function marker(ctx, x, y, radius, fill2, edge, edgeWidth) {
    if (!isFinite(x) || !isFinite(y)) return;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = fill2;
    ctx.fill();
    if (edge) {
      ctx.strokeStyle = edge;
      ctx.lineWidth = edgeWidth;
      ctx.stroke();
    }
  }
  function sizeCanvases(canvases, holder, W, H) {
    const dpr = window.devicePixelRatio || 1;
    for (const c of canvases) {
      c.width = Math.round(W * dpr);
      c.height = Math.round(H * dpr);
      c.style.width = W + "px";
      c.style.height = H + "px";
    }
    holder.style.height = H + "px";
    return dpr;
  }

  // render/web/src/dom.js
  function el(tag, cls, parent, text2) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text2 !== void 0 && text2 !== null) e.textContent = String(text2);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fill(template, values) {
    return String(template).replace(/\{(\w+)(:,)?\}/g, (m, k, comma) => {
      if (!(k in values)) return m;
      const v = values[k];
      return comma ? thousands(Number(v)) : String(v);
    });
  }
  function family(lang) {
    const latin = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif';
    const cjk = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"';
    return lang === "zh" ? `${latin.replace(", sans-serif", "")}, ${cjk}, sans-serif` : latin;
  }

  // render/web/src/controls.js
  var Fragment = class {
    /** @param {string[]} keys @param {boolean} enabled
     * @param {number} [maxLength]  a longer fragment reads as nothing */
    constructor(keys2, enabled, maxLength = 2e3) {
      this.keys = new Set(keys2);
      this.enabled = enabled;
      this.maxLength = maxLength;
      this.timer = null;
      this.last = 0;
    }
    /** @returns {Record<string, string>} */
    read() {
      const out = /* @__PURE__ */ Object.create(null);
      if (!this.enabled) return out;
      const hash = (location.hash || "").replace(/^#/, "");
      if (hash.length > this.maxLength) return out;
      for (const part of hash.split("&")) {
        const eq = part.indexOf("=");
        const k = eq < 0 ? part : part.slice(0, eq);
        let v = eq < 0 ? "" : part.slice(eq + 1);
        try {
          v = decodeURIComponent(v);
        } catch {
          continue;
        }
        if (this.keys.has(k)) out[k] = v;
      }
      return out;
    }
    /** @param {Record<string, unknown>} values */
    write(values) {
      if (!this.enabled) return;
      const text2 = Object.entries(values).filter(([, v]) => v !== null && v !== void 0 && v !== "").map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%2C/g, ",")}`).join("&");
      const apply = () => {
        this.timer = null;
        this.last = performance.now();
        const url = location.href.replace(/#.*$/, "") + (text2 ? "#" + text2 : "");
        if (url !== location.href) {
          try {
            history.replaceState(history.state, "", url);
          } catch {
          }
        }
      };
      clearTimeout(this.timer);
      const wait = 120 - (performance.now() - this.last);
      if (wait <= 0) apply();
      else this.timer = setTimeout(apply, wait);
    }
  };
  var Controls = class {
    /** @param {HTMLElement} parent @param {ControlOptions} o */
    constructor(parent, o) {
      this.o = o;
      this.count = o.count;
      this.index = 0;
      this.pos = 0;
      this.playing = false;
      this.speed = 1;
      this.loop = false;
      this.holdUntil = 0;
      const ui = o.ui;
      const bar = this.element = el("div", "op-controls", parent);
      this.playButton = el("button", "op-play", bar);
      this.playButton.type = "button";
      this.backButton = el("button", "op-step", bar, "‹");
      this.backButton.type = "button";
      this.backButton.setAttribute("aria-label", ui.back);
      this.backButton.title = ui.back;
      const track = el("div", "op-track", bar);
      this.slider = el("input", "op-slider", track);
      this.slider.type = "range";
      this.slider.min = "0";
      this.slider.max = String(Math.max(0, o.count - 1));
      this.slider.step = "1";
      this.slider.setAttribute("aria-label", ui.slider);
      this.marks = el("div", "op-marks", track);
      for (const m of o.marks || []) {
        const b = el("button", "op-mark" + (m.kind ? " op-mark-" + m.kind : ""), this.marks);
        b.type = "button";
        b.title = m.label;
        b.setAttribute("aria-label", m.label);
        b.style.left = `calc(7px + (100% - 14px) * ${o.count > 1 ? m.index / (o.count - 1) : 0})`;
        el("span", "op-mark-label", b, m.short || m.label);
        b.addEventListener("click", () => {
          this.pause();
          this.seek(m.index, true);
        });
      }
      this.fwdButton = el("button", "op-step", bar, "›");
      this.fwdButton.type = "button";
      this.fwdButton.setAttribute("aria-label", ui.forward);
      this.fwdButton.title = ui.forward;
      this.position = el("span", "op-pos", bar);
      const speedLabel = el("label", "op-opt", bar);
      el("span", null, speedLabel, ui.speed + " ");
      this.speedSelect = el("select", "op-speed", speedLabel);
      for (const s of o.speeds) {
        const opt = el("option", null, this.speedSelect, `${s}×`);
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
      this.slider.addEventListener("input", () => {
        this.pause();
        this.seek(Number(this.slider.value), true);
      });
      this.speedSelect.addEventListener("change", () => this.setSpeed(Number(this.speedSelect.value), true));
      this.loopBox.addEventListener("change", () => this.setLoop(this.loopBox.checked, true));
      this._tick = this._tick.bind(this);
      this._showPlaying();
    }
    _showPlaying() {
      const ui = this.o.ui;
      this.playButton.textContent = this.playing ? "❚❚" : "▶";
      this.playButton.setAttribute("aria-label", this.playing ? ui.pause : ui.play);
      this.playButton.title = this.playing ? ui.pause : ui.play;
      this.playButton.setAttribute("aria-pressed", this.playing ? "true" : "false");
    }
    /**
     * Show snapshot i; `user`: a person asked (the page saves its state).
     * @param {number} i @param {boolean} user
     */
    seek(i, user) {
      i = Math.max(0, Math.min(this.count - 1, Math.round(Number(i) || 0)));
      const changed = i !== this.index;
      this.index = i;
      if (!this.playing) this.pos = i;
      this.slider.value = String(i);
      this.position.textContent = this.o.position(i);
      if (changed || user) this.o.onSeek(i, !!user);
    }
    /** @param {number} d */
    step(d) {
      this.pause();
      this.seek(this.index + d, true);
    }
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
    toggle() {
      if (this.playing) this.pause();
      else this.play();
    }
    /** @param {number} v  one of o.speeds @param {boolean} [user] */
    setSpeed(v, user) {
      if (!this.o.speeds.includes(v)) return;
      this.speed = v;
      this.speedSelect.value = String(v);
      if (user && this.o.onOption) this.o.onOption();
    }
    /** @param {boolean} b @param {boolean} [user] */
    setLoop(b, user) {
      this.loop = !!b;
      this.loopBox.checked = this.loop;
      if (user && this.o.onOption) this.o.onOption();
    }
    /** @param {number} now */
    _tick(now) {
      if (!this.playing) return;
      const dt = Math.min(0.25, (now - this.last) / 1e3);
      this.last = now;
      const last = this.count - 1;
      if (this.holdUntil) {
        if (now < this.holdUntil) {
          requestAnimationFrame(this._tick);
          return;
        }
        this.holdUntil = 0;
        this.pos = 0;
      } else {
        this.pos += dt * this.speed * last / this.o.duration;
      }
      if (this.pos >= last) {
        this.pos = last;
        if (this.loop) this.holdUntil = now + this.o.hold * 1e3 / this.speed;
      }
      this.seek(Math.floor(this.pos + 1e-9), false);
      if (this.pos >= last && !this.loop) {
        this.pause();
        this.o.onSeek(this.index, true);
        return;
      }
      requestAnimationFrame(this._tick);
    }
  };
  function bindKeys(target, controls, extra) {
    target.addEventListener("keydown", (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const input = (
        /** @type {HTMLInputElement} */
        e.target
      ), tag = input && input.tagName;
      if (tag === "SELECT" || tag === "INPUT" && input.type !== "range" && input.type !== "checkbox") return;
      const speeds = controls.o.speeds, k = speeds.indexOf(controls.speed);
      switch (e.key) {
        case " ":
        case "k":
          controls.toggle();
          break;
        case "ArrowLeft":
          controls.step(e.shiftKey ? -10 : -1);
          break;
        case "ArrowRight":
          controls.step(e.shiftKey ? 10 : 1);
          break;
        case "Home":
          controls.pause();
          controls.seek(0, true);
          break;
        case "End":
          controls.pause();
          controls.seek(controls.count - 1, true);
          break;
        case "[":
          controls.setSpeed(speeds[Math.max(0, k - 1)], true);
          break;
        case "]":
          controls.setSpeed(speeds[Math.min(speeds.length - 1, k + 1)], true);
          break;
        case "l":
        case "L":
          controls.setLoop(!controls.loop, true);
          break;
        default:
          if (!(extra && extra(e))) return;
      }
      e.preventDefault();
    });
  }

  // render/web/src/grid.js
  function pageGrid(width, panels, rule, small2, margins, gap) {
    const scale = Math.max(width / rule.designWidth, rule.minTextPx / (small2 / 72));
    const inches = width / scale;
    for (const cols of [panels, Math.floor((panels + 1) / 2), 1]) {
      if (cols === 1 || (inches - margins - (cols - 1) * gap) / cols >= rule.minPanel) {
        return { rows: Math.ceil(panels / cols), cols, scale };
      }
    }
    throw new Error("one column always fits");
  }
  function fitPageGrid(p, L) {
    const N = L.narrow, W = p.figure.clientWidth || 800;
    p.width = p.figure.clientWidth;
    const g = pageGrid(W, L.panels, L, L.small, N.left + N.right, N.wgap);
    p.cells = { rows: g.rows, cols: g.cols };
    p.wide = g.cols === L.panels;
    p.W = W;
    p.s = g.scale;
    p.pt = g.scale / 72;
  }

  // render/web/src/host.js
  var HEIGHT_MESSAGE = "ourdl-player:height";
  function tellHostHeight() {
    if (window.parent === window || typeof ResizeObserver !== "function") return;
    const page = document.documentElement;
    let sent = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(page.getBoundingClientRect().height);
      if (height === sent) return;
      sent = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
    }).observe(page);
  }

  // render/web/src/shell.js
  function indexOfStep(steps, step) {
    let lo = 0, hi = steps.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (steps[mid] <= step) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  var standalone = (root) => root.dataset.standalone === "1";
  function dress(root, th, lang, ...classes) {
    root.classList.add("op-root", ...classes, "op-theme-" + (th.name === "dark" ? "dark" : "light"));
    root.lang = lang === "zh" ? "zh-CN" : "en";
    const colours = {
      bg: th.background,
      fg: th.foreground,
      muted: th.muted,
      span: th.span,
      accent: th.palette[0]
    };
    for (const [k, v] of Object.entries(colours)) root.style.setProperty(`--op-${k}`, v);
    const fam = family(lang);
    root.style.fontFamily = fam;
    if (standalone(root)) tellHostHeight();
    return fam;
  }
  function figure(parent, cls) {
    const element = el("div", cls, parent);
    element.setAttribute("role", "img");
    const canvas = el("canvas", "op-canvas", element);
    const overlay = el("div", "op-overlay", element);
    return { element, canvas, overlay, bg: document.createElement("canvas") };
  }
  var sampleMarks = (ui, marks, steps) => marks.map((m) => ({
    index: indexOfStep(steps, m),
    label: fill(ui.sample, { step: thousands(m) }),
    short: thousands(m)
  }));
  function timeline(parent, d, marks, o) {
    const ui = d.ui;
    return new Controls(parent, {
      count: o.count,
      ui,
      speeds: d.speeds,
      marks,
      duration: d.duration,
      hold: d.hold,
      position: (i) => fill(ui.position, { step: thousands(o.stepAt(i)), total: thousands(o.total) }),
      onSeek: (i, user) => {
        o.draw();
        if (user) o.save();
      },
      onPlay: (playing) => {
        if (o.played) o.played(playing);
        o.save();
      },
      onOption: () => o.save()
    });
  }
  function readTimeline(f, c, steps, speeds) {
    let opened = false;
    if (/^\d{1,12}$/.test(f.step || "")) {
      c.pause();
      c.seek(indexOfStep(steps, Number(f.step)), false);
      opened = true;
    } else {
      c.seek(steps.length - 1, false);
    }
    c.setSpeed(/^[0-9.]{1,5}$/.test(f.speed || "") && speeds.includes(Number(f.speed)) ? Number(f.speed) : 1);
    c.setLoop(f.loop === "1");
    return opened;
  }
  function keys(root, controls, own) {
    if (own) bindKeys(window, controls);
    else {
      root.tabIndex = 0;
      bindKeys(root, controls);
    }
  }
  var onFragment = (apply) => window.addEventListener("hashchange", () => apply());
  function onResize(figureElement, width, relayout) {
    if (typeof ResizeObserver !== "function") return;
    new ResizeObserver(() => {
      if (figureElement.clientWidth !== width()) relayout();
    }).observe(figureElement);
  }
  function autoplay(root, controls, opened) {
    if (!opened && root.dataset.autoplay === "1") controls.play();
  }
  function startPlayer(root, before, player) {
    player.ready = before.then(() => {
      player.applyFragment();
      onResize(player.figure, () => player.width, () => player.layout());
      player.layout();
      autoplay(root, player.controls, player.opened);
    });
    player.ready.catch((err) => {
      root.textContent = "This player could not start: " + String(err && err.message);
      console.error(err);
    });
  }

  // render/web/src/sweep_style.js
  var measurer = null;
  function measure(str, f) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = f;
    return measurer.measureText(str).width;
  }
  function wrap(words, max, f) {
    const pieces = words.split(/(?<=[,，:：] )|(?<=[，：])|(?= \()|(?=（)/).filter((p) => p);
    const lines = [""];
    for (const piece of pieces) {
      const last = lines[lines.length - 1];
      if (last && measure((last + piece).trimEnd(), f) > max) lines.push(piece.trimStart());
      else lines[lines.length - 1] += piece;
    }
    const out = [];
    for (const line2 of lines.map((l) => l.trimEnd())) {
      if (measure(line2, f) <= max || !line2.includes(" ")) {
        out.push(line2);
        continue;
      }
      let cur = "";
      for (const word of line2.split(" ")) {
        const next = cur ? `${cur} ${word}` : word;
        if (cur && measure(next, f) > max) {
          out.push(cur);
          cur = word;
        } else cur = next;
      }
      out.push(cur);
    }
    return out;
  }

  // render/web/src/ticks.js
  var STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  var MINUS = "−";
  var pow10 = (e) => Number(`1e${e}`);
  function divmod(a, b) {
    let mod = a % b, div = (a - mod) / b;
    if (mod) {
      if (b < 0 !== mod < 0) {
        mod += b;
        div -= 1;
      }
    }
    let floor = div ? Math.floor(div) : 0;
    if (div && div - floor > 0.5) floor += 1;
    return [floor, mod];
  }
  function rint(v) {
    const f = Math.floor(v), d = v - f;
    return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  }
  function maxNLocator(lo, hi, nbins, steps = STEPS) {
    let vmin = Math.min(lo, hi), vmax = Math.max(lo, hi);
    const big2 = Math.max(Math.abs(vmin), Math.abs(vmax));
    if (vmax - vmin <= big2 * 1e-14) {
      if (big2 === 0) {
        vmin = -1e-13;
        vmax = 1e-13;
      } else {
        vmin -= 1e-13 * Math.abs(vmin);
        vmax += 1e-13 * Math.abs(vmax);
      }
    }
    const dv = vmax - vmin, meanv = (vmax + vmin) / 2;
    const offset = Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * pow10(divmod(Math.log10(Math.abs(meanv)), 1)[0]);
    const scale = pow10(divmod(Math.log10(dv / nbins), 1)[0]);
    const v0 = vmin - offset, v1 = vmax - offset;
    const extended = [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]].map((s) => s * scale);
    const raw = (v1 - v0) / nbins;
    let istep = extended.findIndex((s) => s >= raw);
    if (istep < 0) istep = extended.length - 1;
    const tolerance = (step) => offset ? Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(Math.abs(offset) / step) - 12))) : 1e-10;
    let ticks = [];
    for (let k = istep; k >= 0; k--) {
      const step = extended[k], best = divmod(v0, step)[0] * step, tol = tolerance(step);
      const [dl, ml] = divmod(v0 - best, step), [dh, mh] = divmod(v1 - best, step);
      const low = Math.abs(ml / step - 1) < tol ? dl + 1 : dl;
      const high = Math.abs(mh / step) < tol ? dh : dh + 1;
      ticks = [];
      for (let i = low; i <= high; i++) ticks.push(i * step + best);
      if (ticks.filter((t) => t <= v1 && t >= v0).length >= 2) break;
    }
    return ticks.map((t) => t + offset);
  }
  var percentLabels = (ticks) => ticks.map((v) => `${rint(v * 100).toFixed(0)}%`.replace("-", MINUS));
  function axisTicks(ax, which, located, format, minor = []) {
    const lim = which === "x" ? ax.xlim : ax.ylim, t = which === "x" ? ax.tx : ax.ty;
    const a = Math.min(t(lim[0]), t(lim[1])), b = Math.max(t(lim[0]), t(lim[1]));
    const inside = (v, rtol) => a - rtol * (b - a) <= t(v) && t(v) <= b + rtol * (b - a);
    const labels = format(located, lim);
    const keep = located.map((v) => inside(v, 1e-10));
    const majors = located.map(t);
    return {
      ticks: located.filter((_, i) => keep[i]),
      labels: labels.filter((_, i) => keep[i]),
      minor: minor.filter((v) => !majors.some((m) => Math.abs(t(v) - m) <= (b - a) * 1e-5) && inside(v, 1e-10))
    };
  }

  // render/web/src/width_sweep_draw.js
  var actColor = (wp, a) => wp.th.palette[a % wp.th.palette.length];
  var small = (wp) => font(wp.L.small * wp.pt, wp.fam);
  var big = (wp) => font(wp.L.font * wp.pt, wp.fam);
  var titleLines = (wp, width, words) => wrap(words, width, big(wp));
  function legendItems(wp) {
    const d = wp.d, th = wp.th;
    const lines = d.activations.map((a, k) => ({ label: a, color: actColor(wp, k), kind: "line" }));
    lines.push(
      { label: d.words.closed, color: th.target, kind: "dash" },
      { label: d.words.dead, color: th.target, kind: "cross" }
    );
    return [lines, d.causes.map((c, k) => ({ label: c, color: d.causeColors[k], kind: "patch" }))];
  }
  function widthAt(wp, x, y) {
    const p = wp.panels.find((q) => q.ax && q.ax.contains(x, y));
    if (!p) return null;
    const n = wp.d.widths.length;
    if (p.kind === "causes") return Math.max(0, Math.min(n - 1, Math.round(p.ax.xAt(x))));
    const at = Math.log(p.ax.xAt(x)), far = (w) => Math.abs(Math.log(w) - at);
    let best = 0;
    wp.d.widths.forEach((w, k) => {
      if (far(w) < far(wp.d.widths[best])) best = k;
    });
    return best;
  }
  function axes(wp, ctx, p) {
    const d = wp.d, pt = wp.pt, rates2 = p.kind === "rates", n = d.widths.length;
    const ax = p.ax = new Axes(p.rect, rates2 ? { xlim: d.xlim, ylim: [0, 1], xscale: "log" } : { xlim: [-0.6, n - 0.4], ylim: [0, 1] });
    const xs = rates2 ? d.widths : d.widths.map((_, k) => k);
    const st = { fg: wp.th.foreground, muted: wp.th.muted, font: wp.fam, tick: wp.L.small * pt, s: wp.s };
    frame(ctx, ax, st, {
      x: { ticks: xs, labels: d.widths.map(String), minor: [] },
      y: axisTicks(ax, "y", maxNLocator(0, 1, 5), percentLabels)
    });
    const r = p.rect, words = rates2 ? d.words.rates : d.words.causes;
    const lines = titleLines(wp, r.w, words), pitch = 1.2 * wp.L.font * pt;
    lines.forEach((l, k) => text(
      ctx,
      l,
      r.x + r.w / 2,
      r.y - 3 * pt - (lines.length - 1 - k) * pitch,
      { font: big(wp), color: wp.th.foreground, align: "center", baseline: "bottom" }
    ));
    text(
      ctx,
      d.words.width,
      r.x + r.w / 2,
      r.y + r.h + (2.5 + 1.5) * pt + 1.25 * wp.L.small * pt,
      { font: small(wp), color: wp.th.foreground, align: "center", baseline: "top" }
    );
    return ax;
  }
  function cross(ctx, x, y, half, color, width) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x - half, y - half);
    ctx.lineTo(x + half, y + half);
    ctx.moveTo(x - half, y + half);
    ctx.lineTo(x + half, y - half);
    ctx.stroke();
    ctx.restore();
  }
  function drawStatic(wp) {
    const ctx = wp.bg.getContext("2d"), th = wp.th, pt = wp.pt, d = wp.d;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = th.background;
    ctx.fillRect(0, 0, wp.bg.width, wp.bg.height);
    ctx.setTransform(wp.dpr, 0, 0, wp.dpr, 0, 0);
    for (const p of wp.panels) {
      const ax = axes(wp, ctx, p);
      if (p.kind !== "rates") continue;
      line(ctx, ax, wp.closedH, wp.closedP, {
        color: th.target,
        width: wp.L.line * 0.8 * pt,
        dash: [4 * 1.2 * pt, 3 * 1.2 * pt]
      });
      d.widths.forEach((w, k) => cross(ctx, ax.px(w), ax.py(d.deadShare[k]), 2 * pt, th.target, pt));
    }
  }
  function drawFrame(wp) {
    const ctx = wp.canvas.getContext("2d"), i = wp.index;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(wp.bg, 0, 0);
    ctx.setTransform(wp.dpr, 0, 0, wp.dpr, 0, 0);
    for (const p of wp.panels) {
      if (!p.ax) continue;
      if (wp.hovered !== null) {
        vline(
          ctx,
          p.ax,
          p.kind === "rates" ? wp.d.widths[wp.hovered] : wp.hovered,
          { color: wp.th.muted, width: 0.8 * wp.pt, alpha: 0.6 }
        );
      }
      if (p.kind === "rates") rates(wp, ctx, p.ax, i);
      else causes(wp, ctx, p.ax, i);
    }
  }
  function rates(wp, ctx, ax, i) {
    const widths = wp.d.widths, pt = wp.pt;
    for (let a = 0; a < wp.A; a++) {
      const color = actColor(wp, a);
      ctx.save();
      ctx.fillStyle = css(rgb(color), 0.2);
      ctx.beginPath();
      widths.forEach((w, k) => ctx.lineTo(ax.px(w), ax.py(wp.band(k, a, i)[0])));
      for (let k = widths.length - 1; k >= 0; k--) ctx.lineTo(ax.px(widths[k]), ax.py(wp.band(k, a, i)[1]));
      ctx.closePath();
      ctx.fill();
      ctx.restore();
      const ys = widths.map((_, k) => wp.share(k, a, i));
      line(ctx, ax, widths, ys, { color, width: wp.L.line * 0.8 * pt });
      widths.forEach((w, k) => marker(ctx, ax.px(w), ax.py(ys[k]), 1.5 * pt, color));
    }
  }
  function causes(wp, ctx, ax, i) {
    const d = wp.d, n = d.widths.length, bar = 0.8 / wp.A, cap = wp.L.line * 1.2 * wp.pt;
    for (let w = 0; w < n; w++) {
      for (let a = 0; a < wp.A; a++) {
        const x0 = ax.px(w - 0.4 + bar * a + 0.04 * bar), x1 = ax.px(w - 0.4 + bar * a + 0.96 * bar);
        let bottom = 0;
        for (let c = 0; c < d.causes.length; c++) {
          const share = wp.count(w, a, i, c + 1) / d.count;
          if (share > 0) {
            ctx.fillStyle = d.causeColors[c];
            ctx.fillRect(x0, ax.py(bottom + share), x1 - x0, ax.py(bottom) - ax.py(bottom + share));
          }
          bottom += share;
        }
        ctx.fillStyle = actColor(wp, a);
        ctx.fillRect(x0, ax.py(bottom) - cap / 2, x1 - x0, cap);
      }
    }
  }

  // render/web/src/width_sweep.js
  var STACKED = 0.6;
  var WidthSweepPlayer = class {
    /** @param {HTMLElement & {ourdlPlayer?: unknown}} root @param {WidthSweepData} data */
    constructor(root, data) {
      this.root = root;
      this.d = data;
      root.ourdlPlayer = this;
      this.th = data.theme;
      this.L = data.layout;
      this.steps = data.steps;
      this.S = data.steps.length;
      this.R = data.runs.length;
      this.A = data.activations.length;
      this.O = data.outcomes;
      this.counts = i32(data.counts);
      this.failed = f64(data.failed);
      this.low = f64(data.low);
      this.high = f64(data.high);
      this.closedH = f64(data.closedForm.h);
      this.closedP = f64(data.closedForm.p);
      this.hovered = null;
      this.hoveredKind = null;
      this.panels = [];
      this.W = 0;
      this.s = 0;
      this.pt = 0;
      this.Hpx = 0;
      this.dpr = 1;
      this.width = 0;
      this.wide = true;
      this.cells = { rows: 1, cols: 2 };
      this.firstFrame = void 0;
      this.opened = false;
      this.fragment = new Fragment(["step", "speed", "loop"], standalone(root));
      this.fam = dress(root, this.th, data.lang, "op-sweep");
      const fig = figure(root, "op-figure");
      this.figure = fig.element;
      this.canvas = fig.canvas;
      this.overlay = fig.overlay;
      this.bg = fig.bg;
      this.figure.setAttribute("aria-label", data.description || data.scene);
      this.caption = el("div", "op-caption", this.overlay);
      this.controls = timeline(root, data, sampleMarks(data.ui, data.marks, this.steps), {
        count: this.S,
        stepAt: (i) => this.steps[i],
        total: data.total,
        draw: () => this.draw(),
        save: () => this.saveState()
      });
      this.tip = el("div", "op-tip", this.figure);
      this.tip.setAttribute("aria-live", "polite");
      Object.assign(this.tip.style, { display: "none", whiteSpace: "pre-wrap" });
      el("div", "op-cellinfo", root, data.words.hint);
      el("div", "op-help", root, data.ui.keys.split(" · ").slice(0, 4).join(" · "));
      keys(root, this.controls, standalone(root));
      this.figure.addEventListener("pointermove", (e) => this.point(e));
      this.figure.addEventListener("pointerdown", (e) => this.point(e));
      this.figure.addEventListener("pointerleave", () => {
        this.hovered = null;
        this.draw();
      });
      onFragment(() => this.applyFragment());
      startPlayer(root, Promise.resolve(), this);
    }
    get index() {
      return this.controls.index;
    }
    /** The panel grid the pages' rule chose at this width. */
    grid() {
      return { ...this.cells };
    }
    /** Width index w, activation a, snapshot i: the share not fitted. @param {number} w @param {number} a
     * @param {number} i */
    share(w, a, i) {
      return this.failed[(w * this.A + a) * this.S + i];
    }
    /** The band's ends. @param {number} w @param {number} a @param {number} i @returns {number[]} */
    band(w, a, i) {
      const k = (w * this.A + a) * this.S + i;
      return [this.low[k], this.high[k]];
    }
    /** Every node of a named run at a snapshot, as the other players give them (curves(r, s)): a width sweep
     * records no named runs (R is 0) and no curves, so there are no values to give. */
    curves() {
      return new Float64Array(0);
    }
    /** Runs with outcome o (0 fitted, k the cause k - 1). @param {number} w @param {number} a @param {number} i
     * @param {number} o */
    count(w, a, i, o) {
      return this.counts[((w * this.A + a) * this.S + i) * this.O + o];
    }
    // -- state ---------------------------------------------------------------------------------------
    state() {
      const c = this.controls;
      return { index: c.index, step: this.steps[c.index], playing: c.playing, speed: c.speed, loop: c.loop };
    }
    applyFragment() {
      this.opened = readTimeline(this.fragment.read(), this.controls, this.steps, this.d.speeds);
      if (this.W) this.draw();
    }
    saveState() {
      const c = this.controls;
      this.fragment.write({
        step: this.steps[c.index],
        speed: c.speed !== 1 ? c.speed : null,
        loop: c.loop ? 1 : null
      });
    }
    // -- hover ---------------------------------------------------------------------------------------
    /** A pointer over a panel points at its nearest width. @param {PointerEvent} e */
    point(e) {
      const box = this.figure.getBoundingClientRect();
      const x = e.clientX - box.left, y = e.clientY - box.top, w = widthAt(this, x, y);
      const p = this.panels.find((q) => q.ax && q.ax.contains(x, y));
      if (w !== this.hovered || p && p.kind !== this.hoveredKind) {
        this.hovered = w;
        this.hoveredKind = p ? p.kind : null;
        this.draw();
      }
    }
    /** What a hover on width index w says at this snapshot: the width, then per activation its share not
     * fitted with the band and its failures by cause. @param {number} w */
    readout(w) {
      const d = this.d, i = this.index, words = d.words;
      const lines = [fill(words.at, { w: d.widths[w], step: this.steps[i] })];
      d.activations.forEach((act, a) => {
        const [lo, hi] = this.band(w, a, i);
        const causes2 = d.causes.map((c, k) => [c, this.count(w, a, i, k + 1)]).filter(([, n]) => n).map(([c, n]) => `${c} ${n}`).join(words.sep);
        const pct = (v) => (100 * v).toFixed(1);
        lines.push(fill(words.row, { act, pct: pct(this.share(w, a, i)), lo: pct(lo), hi: pct(hi) }) + (causes2 ? ` · ${causes2}` : ""));
      });
      return lines.join("\n");
    }
    // -- layout and drawing --------------------------------------------------------------------------
    /** Lay the figure out for the root's width, then draw it. */
    layout() {
      const L = this.L, N = L.narrow;
      fitPageGrid(this, L);
      forgetText(this.canvas);
      forgetText(this.bg);
      const head = this.header();
      const legend = this.legend();
      if (this.wide) this.layoutWide();
      else this.layoutNarrow(head, legend.offsetHeight);
      legend.style.bottom = `${this.wide ? L.header.legend * this.Hpx : N.edge * this.s}px`;
      this.dpr = sizeCanvases([this.canvas, this.bg], this.figure, this.W, this.Hpx);
      drawStatic(this);
      this.draw();
    }
    /** The video's wide layout: WidthLayout's GridSpec (two cells, width ratios) in a design as tall as the
     * video's frame, its side margins kept in inches where the design is narrower than the video's. */
    layoutWide() {
      const g = this.L.grid, s = this.s, W = this.W;
      const H = this.Hpx = this.L.designWidth * this.d.aspect * s;
      const k = this.L.designWidth * s / W;
      const left = g.left * k * W, right = (1 - (1 - g.right) * k) * W;
      const cell = (right - left) / (2 + g.wspace), norm = cell * 2 / (g.ratio + 1);
      const y = (1 - g.top) * H, h = (g.top - g.bottom) * H;
      this.panels = [
        { kind: "rates", rect: { x: left, y, w: g.ratio * norm, h } },
        { kind: "causes", rect: { x: left + g.ratio * norm + g.wspace * cell, y, w: norm, h } }
      ];
    }
    /** One column in inches (render.draw.width_sweep_figure's narrower frames): the header (`head` px), each
     * panel under its title, the tick labels and x label under it, the legend (`legend` px) at the bottom.
     * @param {number} head @param {number} legend */
    layoutNarrow(head, legend) {
      const N = this.L.narrow, s = this.s;
      const x = N.left * s, w = this.W - (N.left + N.right) * s, h = STACKED * w;
      const pitch = 1.2 * this.L.font * this.pt;
      let y = head;
      this.panels = [];
      for (const [k, kind] of ["rates", "causes"].entries()) {
        const lines = titleLines(this, w, kind === "rates" ? this.d.words.rates : this.d.words.causes).length;
        y += (k ? N.hgap : N.titles) * s + (lines - 1) * pitch;
        this.panels.push({ kind, rect: { x, y, w, h } });
        y += h;
      }
      this.Hpx = y + (N.ticks + N.edge) * s + legend;
    }
    /** The title and the caption: one line at SweepHeader's place on a wide page, else the title wrapped to
     * the width and the caption under it; returns the header's bottom, px. */
    header() {
      const o = this.overlay, d = this.d, L = this.L, N = L.narrow, s = this.s, pt = this.pt;
      for (const e of o.querySelectorAll(".op-run-label, .op-legend")) e.remove();
      o.style.fontSize = `${L.font * pt}px`;
      const title = el("div", "op-run-label", o, d.words.title);
      if (d.lang === "zh") title.style.fontWeight = "normal";
      const pitch = 1.2 * L.font * pt;
      title.style.lineHeight = `${pitch}px`;
      const x = this.wide ? L.header.x * L.designWidth * s : N.edge * s;
      const top = this.wide ? (1 - L.header.y) * L.designWidth * d.aspect * s : N.top * s;
      this.caption.textContent = fill(d.words.caption, { step: d.total, total: d.total });
      const room = this.W - 2 * x - (this.wide ? this.caption.offsetWidth + L.font * pt : 0);
      Object.assign(title.style, {
        left: `${x}px`,
        top: `${top}px`,
        whiteSpace: "normal",
        width: "max-content",
        maxWidth: `${room}px`
      });
      const below = this.wide ? top : top + title.offsetHeight + 0.04 * s;
      Object.assign(this.caption.style, { right: `${x}px`, top: `${below}px` });
      return below + pitch;
    }
    /** The legend at the bottom: the lines (activations, the closed form, the measured dead inits) over the
     * causes, each row wrapping to the width. */
    legend() {
      const L = this.L, pt = this.pt, N = L.narrow;
      const box = el("div", "op-legend", this.overlay);
      Object.assign(box.style, {
        left: "50%",
        top: "auto",
        fontSize: `${L.small * pt}px`,
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        rowGap: `${0.35 * L.small * pt}px`,
        width: "max-content",
        maxWidth: `${this.W - 2 * N.edge * this.s}px`
      });
      for (const row of legendItems(this)) {
        const line2 = el("div", null, box);
        Object.assign(line2.style, {
          display: "flex",
          flexWrap: "wrap",
          justifyContent: "center",
          columnGap: `${1.1 * L.small * pt}px`,
          rowGap: `${0.15 * L.small * pt}px`
        });
        for (const it of row) {
          const entry = el("span", "op-entry", line2);
          const sw = el("span", "op-swatch op-swatch-" + it.kind, entry, it.kind === "cross" ? "×" : null);
          sw.style.width = `${1.4 * L.small * pt}px`;
          if (it.kind === "patch") sw.style.backgroundColor = it.color;
          else if (it.kind === "cross") Object.assign(sw.style, {
            height: "auto",
            border: "0",
            color: it.color,
            textAlign: "center",
            fontWeight: "bold"
          });
          else {
            const style = it.kind === "dash" ? "dashed" : "solid";
            sw.style.borderTop = `${Math.max(1, L.line * 0.8 * pt)}px ${style} ${it.color}`;
          }
          el("span", "op-entry-label", entry, it.label);
        }
      }
      return box;
    }
    /** The current snapshot over the static layer, the caption and the hover's readout. */
    draw() {
      if (!this.W) return;
      drawFrame(this);
      const i = this.index;
      this.caption.textContent = fill(this.d.words.caption, { step: this.steps[i], total: this.d.total });
      this.showTip();
      if (this.firstFrame === void 0) this.firstFrame = performance.now();
    }
    /** The readout of the hovered width in a box at the top right of the other panel (the wide widths' end,
     * where rates are low and bars short), so it covers neither the pointer nor what it points at. */
    showTip() {
      const tip = this.tip, p = this.panels.find((q) => q.kind !== this.hoveredKind);
      if (this.hovered === null || !p) {
        tip.style.display = "none";
        return;
      }
      tip.textContent = this.readout(this.hovered);
      const r = p.rect, pad = 4 * this.pt;
      Object.assign(tip.style, {
        display: "block",
        top: `${r.y + pad}px`,
        left: "auto",
        right: `${Math.max(pad, this.W - r.x - r.w)}px`,
        maxWidth: `${r.w - 2 * pad}px`
      });
    }
    /** What each panel's axes drew (tests). */
    axesReport() {
      return this.panels.filter((p) => p.ax).map((p) => report(p.kind, p.ax));
    }
    /** The smallest text in CSS px the figure shows: on its canvases and in its overlay. */
    minTextPx() {
      let least = Math.min(smallestText(this.bg), smallestText(this.canvas));
      for (const e of this.overlay.querySelectorAll("*")) {
        const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (own) least = Math.min(least, parseFloat(getComputedStyle(e).fontSize));
      }
      return least;
    }
  };

  // render/web/src/entries/width_sweep.js
  mountAll(
    ".ourdl-player[data-source]",
    "ourdl-player",
    "player",
    "This player could not start: ",
    (root) => !!/** @type {HTMLElement & {ourdlPlayer?: unknown}} */
    root.ourdlPlayer,
    (root, data) => {
      if (data.kind !== "width_sweep") throw new Error(`this page has no player for ${data.kind} data`);
      new WidthSweepPlayer(
        root,
        /** @type {import("../width_sweep.js").WidthSweepData} */
        /** @type {unknown} */
        data
      );
    }
  );
})();
