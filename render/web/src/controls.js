/* controls.js: the timeline controls of every page: the bar (play/pause, ← →, a slider with marks, speed,
 * loop) that plays a timeline of `count` snapshots in `duration` seconds at 1x, the keys that drive it,
 * and the URL fragment that remembers a page's state. The fragment only yields raw strings of known keys:
 * every page validates them before use.
 */

import { el } from "./dom.js";

/** A mark on the slider: a sample the scene names, or a run's divergence.
 * @typedef {{index: number, label: string, short?: string, kind?: string}} Mark */
/**
 * What the bar shows and whom it tells: position(i) is the text beside the slider; onSeek(i, user) after
 * every move (user: a person or the end of playback, not the timer); onPlay(playing); onOption() when
 * speed or loop change by a person. ui holds the bar's words (back, forward, slider, speed, loop, play,
 * pause).
 * @typedef {{count: number, ui: Record<string, string>, speeds: number[], marks?: Mark[], duration: number,
 *   hold: number, position: (i: number) => string, onSeek: (i: number, user: boolean) => void,
 *   onPlay?: (playing: boolean) => void, onOption?: () => void}} ControlOptions
 */

// ---- URL fragment ---------------------------------------------------------------------------------

/** URL fragment state: read() -> {key: raw string} of known keys (strings to validate); write({key: value})
 * -> replaceState, throttled. Disabled (an embedded player), it reads nothing and writes nothing. */
export class Fragment {
  /** @param {string[]} keys @param {boolean} enabled
   * @param {number} [maxLength]  a longer fragment reads as nothing */
  constructor(keys, enabled, maxLength = 2000) {
    this.keys = new Set(keys);
    this.enabled = enabled;
    this.maxLength = maxLength;
    this.timer = null;
    this.last = 0;
  }
  /** @returns {Record<string, string>} */
  read() {
    /** @type {Record<string, string>} */
    const out = Object.create(null);
    if (!this.enabled) return out;
    const hash = (location.hash || "").replace(/^#/, "");
    if (hash.length > this.maxLength) return out;
    for (const part of hash.split("&")) {
      const eq = part.indexOf("=");
      const k = eq < 0 ? part : part.slice(0, eq);
      let v = eq < 0 ? "" : part.slice(eq + 1);
      try { v = decodeURIComponent(v); } catch { continue; }
      if (this.keys.has(k)) out[k] = v;
    }
    return out;
  }
  /** @param {Record<string, unknown>} values */
  write(values) {
    if (!this.enabled) return;
    const text = Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%2C/g, ",")}`).join("&");
    const apply = () => {
      this.timer = null;
      this.last = performance.now();
      const url = location.href.replace(/#.*$/, "") + (text ? "#" + text : "");
      if (url !== location.href) {
        try { history.replaceState(history.state, "", url); } catch { /* sandboxed frames */ }
      }
    };
    clearTimeout(this.timer);
    const wait = 120 - (performance.now() - this.last);  // browsers throttle replaceState bursts
    if (wait <= 0) apply(); else this.timer = setTimeout(apply, wait);
  }
}

// ---- controls -------------------------------------------------------------------------------------

/** The bar. Fields index, playing, speed, loop; seek, play, pause, toggle, step, setSpeed, setLoop. */
export class Controls {
  /** @param {HTMLElement} parent @param {ControlOptions} o */
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
    this.playButton.textContent = this.playing ? "\u275a\u275a" : "\u25b6";
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

/**
 * The keys of every timeline page on `target`: space/k play, ← → step (shift: 10), Home/End, [ ] speed, l
 * loop; `extra(e)` may take other keys (true: handled). Keys typed into a text box or a menu stay there.
 * @param {EventTarget} target
 * @param {Pick<Controls, "o" | "speed" | "count" | "loop" | "toggle" | "step" | "seek" | "pause" | "setSpeed"
 *   | "setLoop">} controls
 * @param {(e: KeyboardEvent) => boolean} [extra]
 */
export function bindKeys(target, controls, extra) {
  target.addEventListener("keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const input = /** @type {HTMLInputElement} */ (e.target), tag = input && input.tagName;
    if (tag === "SELECT" || (tag === "INPUT" && input.type !== "range" && input.type !== "checkbox")) return;
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

// ---- dragging a figure scrubs -----------------------------------------------------------------------

/**
 * A drag across `target` (a figure: mouse, pen or finger) scrubs its timeline: a sideways drag moves the
 * snapshot by the drag's share of the target's width (its whole width: the whole timeline), or, when the
 * press began on a time axis (`o.axis(e)` gives the snapshot at a pointer), follows the pointer along that
 * axis; an up-and-down drag is left to the
 * page, which scrolls (page.css gives figures `touch-action: pan-y`). A press that does not move is a tap:
 * `o.tap(e)`. `controls()` is the current bar (a page may rebuild it). Returns nothing; the listeners stay.
 * @param {HTMLElement} target
 * @param {() => Pick<Controls, "index" | "count" | "pause" | "seek">} controls
 * @param {{axis?: (e: PointerEvent) => ((e: PointerEvent) => number) | null, tap?: (e: PointerEvent) => void,
 *   skip?: (e: PointerEvent) => boolean}} [o]  skip(e): presses this ignores (a legend's buttons)
 */
export function dragScrub(target, controls, o = {}) {
  /** @type {{id: number, x: number, y: number, index: number, moved: boolean,
   *   along: ((e: PointerEvent) => number) | null} | null} */
  let press = null;
  const SLOP = 6;  // px a press may wander and still be a tap
  target.addEventListener("pointerdown", (e) => {
    if (e.button !== 0 || (o.skip && o.skip(e))) return;
    press = { id: e.pointerId, x: e.clientX, y: e.clientY, index: controls().index, moved: false,
      along: o.axis ? o.axis(e) : null };
  });
  target.addEventListener("pointermove", (e) => {
    if (!press || e.pointerId !== press.id) return;
    const dx = e.clientX - press.x, dy = e.clientY - press.y;
    if (!press.moved) {
      if (Math.abs(dx) <= SLOP || Math.abs(dx) < Math.abs(dy)) return;
      press.moved = true;
      try { target.setPointerCapture(e.pointerId); } catch { /* the pointer is gone already */ }
      controls().pause();
    }
    const c = controls(), width = Math.max(1, target.clientWidth);
    c.seek(press.along ? press.along(e) : press.index + Math.round((dx / width) * (c.count - 1)), true);
  });
  target.addEventListener("pointerup", (e) => {
    if (!press || e.pointerId !== press.id) return;
    const tapped = !press.moved;
    press = null;
    if (tapped && o.tap) o.tap(e);
  });
  target.addEventListener("pointercancel", () => { press = null; });
}
