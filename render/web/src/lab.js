/* lab.js: the lab: change the initial parameters, train in the page, compare two runs. A Lab reads the
 * JSON of render/web/lab.py (lab_data); entries/lab.js mounts one into every `.ourdl-lab[data-source]`.
 *
 * What happens: every setting (initial parameters, learning rates, activation, loss, samples, data
 * seed) makes a LabRun: train.js trains the whole run at once (milliseconds: the engine does several
 * million samples a second) and the figure animates its snapshots on the player's timeline, "Train"
 * playing it at display rate. A pinned run keeps its row under the current one, on the same timeline.
 * The map (precomputed by the lockstep sweep in Python) sets w_11, w_12 on click; when the other
 * settings differ from the map's, the page can train every cell itself (same loop, so it equals the
 * lockstep sweep for those settings).
 * Every setting lives in the URL fragment.
 *
 * Learning rates: a run trains with one rate per parameter (`lrs`, update order), as ourdl's train_step
 * does. A scene whose runs have their own rates per parameter (Run.lrs: the adaline's w 0.05, b 0.1) gets
 * one box per parameter, and its presets set the rates with the initial values; any other scene gets one
 * box that sets every rate. In the fragment `lr` is one number (every rate) or, for such a scene, one per
 * parameter joined by "/" ("lr=0.05/0.1").
 *
 * Safety: every string from the data or the URL reaches the page as textContent or canvas text; the
 * fragment is parsed into numbers and known names only.
 */

import { Fragment } from "./controls.js";
import { f64 } from "./data.js";
import { el, fill } from "./dom.js";
import { Figure } from "./lab_figure.js";
import { BasinMap } from "./lab_map.js";
import { LabRun, everyFor, rateText, sameRates } from "./lab_run.js";
import { fmtG, thousands } from "./plot.js";
import { uniform } from "./random.js";
import {
  divergedMark, dress, indexOfStep, keys, onFragment, onResize, sampleMarks, timeline,
} from "./shell.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */
/** @typedef {import("./controls.js").Controls} Controls */

/** A word as a POSIX shell reads it back unchanged: as is when plain, else in single quotes.
 * @param {string} word */
function shellWord(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + String(word).replace(/'/g, "'\"'\"'") + "'";
}

// ---- numbers from text (controls and fragment) ---------------------------------------------------

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i;
/** A finite number written plainly, else null (no hex, no Infinity, no empty string). @param {string} text */
function number(text) {
  const s = String(text).trim();
  if (s.length > 40 || !NUMBER.test(s)) return null;
  const v = Number(s);
  return isFinite(v) ? v : null;
}
/** A whole number in [lo, hi], else null. @param {string} text @param {number} lo @param {number} hi */
function integer(text, lo, hi) {
  const s = String(text).trim();
  if (!/^\d{1,16}$/.test(s)) return null;
  const v = Number(s);
  return Number.isSafeInteger(v) && v >= lo && v <= hi ? v : null;
}
/** Python's repr of a float, which JavaScript's shortest round-trip String() matches digit for digit.
 * @param {number} v */
const repr = (v) => (Object.is(v, -0) ? "-0.0"
  : Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v));
/** @param {number} v */
const short = (v) => fmtG(v, 3).replace("-", "\u2212");

// ---- the lab ---------------------------------------------------------------------------------------

export class Lab {
  /**
   * Build the lab in `root` from lab_data() of render/web/lab.py.
   * @param {HTMLElement & {ourdlLab?: Lab}} root @param {LabPage} d
   */
  constructor(root, d) {
    this.root = root;
    this.d = d;
    root.ourdlLab = this;
    const ui = d.lab;
    d.gridValues = f64(d.grid);
    d.targetValues = f64(d.target);
    d.inside = [];
    d.gridValues.forEach((x, g) => {
      if (x >= d.dataRange[0] - 1e-12 && x <= d.dataRange[1] + 1e-12) d.inside.push(g);
    });
    d.targetMin = Math.min(...d.targetValues); d.targetMax = Math.max(...d.targetValues);
    this.names = d.graph.params.map(String);
    this.defaults = this.normalise(d.defaults);
    this.settings = this.defaults;
    /** @type {LabRun | null} */
    this.pinned = null;

    dress(root, d.theme, d.lang);
    const head = el("div", "ol-head", root);
    el("h1", "ol-title", head, ui.title);
    el("p", "ol-intro", head, ui.intro);
    this.toolbar = el("div", "ol-toolbar", root);
    this.figure = new Figure(root, d);
    this.timeline = el("div", "ol-timeline", root);
    const panes = el("div", "ol-panes", root);
    this.buildInit(el("div", "ol-pane ol-pane-init", panes));
    this.buildTraining(el("div", "ol-pane ol-pane-training", panes));
    const mapPane = d.map ? el("div", "ol-pane ol-pane-map", panes) : null;
    /** @type {BasinMap | null} */
    this.map = null;  // built after the first frame of the figure
    this.buildToolbar();

    this.fragment = new Fragment([...this.names, "lr", "act", "loss", "n", "seed", "step", "pin"], true);
    /** @type {Controls | null} */
    this.controls = null;
    // the player's keys (space, arrows, Home/End, [ ]) drive the timeline; the controls rebuild when
    // the timeline changes, so the keys reach whichever is current; keys typed in the panes stay there
    const self = this;
    keys(root, {
      get o() { return self.controls.o; }, get speed() { return self.controls.speed; },
      get count() { return self.controls.count; },
      get loop() { return self.controls.loop; }, toggle: () => self.controls.toggle(),
      step: (k) => self.controls.step(k), seek: (i, u) => self.controls.seek(i, u),
      pause: () => self.controls.pause(), setSpeed: (v, u) => self.controls.setSpeed(v, u),
      setLoop: (b, u) => self.controls.setLoop(b, u),
    }, true);
    panes.addEventListener("keydown", (e) => e.stopPropagation());
    this.toolbar.addEventListener("keydown", (e) => {  // space on a focused button is that button's click
      if (e.key === " " || e.key === "Enter") e.stopPropagation();
    });
    onFragment(() => this.applyFragment());
    onResize(this.figure.element, () => this.figure.width, () => this.redraw());
    this.applyFragment();
    if (mapPane) {
      requestAnimationFrame(() => {
        this.map = new BasinMap(mapPane, d, this);
        this.map.draw();
      });
    }
  }

  // -- settings ------------------------------------------------------------------------------------

  /**
   * Settings with every field checked; anything invalid takes the default's value.
   * @param {Partial<Settings>} s @param {Settings} [base] @returns {Settings}
   */
  normalise(s, base) {
    base = base || this.defaults || /** @type {Settings} */ (s);
    /** @type {Record<string, number>} */
    const init = {};
    for (const n of this.names) {
      const v = s.init && s.init[n];
      init[n] = typeof v === "number" && isFinite(v) ? v : base.init[n];
    }
    /** @template T @param {T} v @param {(v: T) => boolean} test */
    const ok = (v, test) => (test(v) ? v : undefined);
    /** @template T @param {T | undefined} v @param {T} fallback */
    const pick = (v, fallback) => (v === undefined ? fallback : v);
    /** @param {unknown} v */
    const finite = (v) => typeof v === "number" && isFinite(v);
    /** @param {number[]} v */
    const rates = (v) => Array.isArray(v) && v.length === this.names.length && v.every(finite) &&
      (this.d.ownRates || v.every((r) => r === v[0]));  // one rate unless the scene has its own per parameter
    const lrs = pick(ok(s.lrs, rates), base.lrs).slice();
    return {
      init,
      lr: lrs.every((v) => v === lrs[0]) ? lrs[0] : null,  // the one rate, or null when they differ
      lrs,
      samples: pick(ok(s.samples, (v) => Number.isSafeInteger(v) && v >= 1 && v <= this.d.maxSamples),
        base.samples),
      activation: pick(ok(s.activation, (v) => this.d.activations.includes(v)), base.activation),
      loss: pick(ok(s.loss, (v) => this.d.losses.includes(v)), base.loss),
      dataSeed: pick(ok(s.dataSeed, (v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 53), base.dataSeed),
    };
  }

  /**
   * Apply a partial change of settings; `user`: it came from a control (the fragment follows).
   * @param {Partial<Settings> & {lr?: number}} partial @param {boolean} [user]
   */
  set(partial, user) {
    const s = this.settings;
    if (partial.lr !== undefined) {  // one rate for every parameter (ignored unless a finite number)
      const ok = typeof partial.lr === "number" && isFinite(partial.lr);
      partial = { ...partial, lrs: ok ? this.names.map(() => partial.lr) : s.lrs };
    }
    const next = this.normalise({ ...s, ...partial, init: { ...s.init, ...(partial.init || {}) } }, s);
    this.settings = next;
    this.showSettings();
    this.schedule(user);
  }

  /** A run of the scene: its initial values, and its rates when the scene gives parameters their own.
   * @param {string} name */
  preset(name) {
    const p = this.d.presets.find((x) => x.name === name);
    if (p) this.set(this.d.ownRates ? { init: p.init, lrs: p.lrs } : { init: p.init }, true);
  }

  /** Rates from fragment text: one number (every rate), or one per parameter joined by "/".
   * @param {string | undefined} text */
  parseRates(text) {
    if (typeof text !== "string" || text.length > 40 * this.names.length) return undefined;
    const values = text.split("/").map(number);
    if (values.some((v) => v === null)) return undefined;
    if (values.length === 1) return this.names.map(() => values[0]);
    return values.length === this.names.length ? values : undefined;
  }

  /** The rates as the fragment writes them. @param {Settings} s */
  rateWord(s) {
    return s.lr !== null ? repr(s.lr) : s.lrs.map(repr).join("/");
  }

  /** Run.initial_values with init_seed: default_rng(seed).uniform(-1, 1) per parameter, in update order.
   * @param {number} seed */
  random(seed) {
    const values = uniform(seed, -1.0, 1.0, this.names.length);
    /** @type {Record<string, number>} */
    const init = {};
    this.names.forEach((n, j) => { init[n] = values[j]; });
    this.set({ init }, true);
  }

  /** Recompute (once per animation frame, however many inputs arrive). @param {boolean} [user] */
  schedule(user) {
    this.pendingUser = this.pendingUser || user;
    if (!this.pending) this.pending = requestAnimationFrame(() => this.flush());
  }

  /** Apply a scheduled recomputation now (state() and the console API see the settings' run). */
  flush() {
    if (!this.pending) return;
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    const user = this.pendingUser;
    this.pendingUser = false;
    this.rebuild();
    if (user) this.save();
  }

  // -- runs and timeline ---------------------------------------------------------------------------

  /** A new run for the settings, and the figure and timeline for it (at sample `step`, else where the
   * timeline was). @param {number} [step] */
  rebuild(step) {
    const keep = step !== undefined ? step : this.controls ? this.timelineSteps[this.controls.index] : 0;
    const playing = this.controls && this.controls.playing;
    this.current = new LabRun(this.d, this.settings);
    const ui = this.d.lab;
    /** @param {string} who @param {Settings} s */
    const row = (who, s) => fill(ui.row, { who, what: this.describe(s) });
    /** @type {import("./lab_figure.js").Row[]} */
    const rows = [{ run: this.current, label: row(ui.this_run, this.settings) }];
    if (this.pinned) {
      rows.push({ run: this.pinned, label: row(ui.pinned, this.pinned.settings), pinned: true });
    }
    const steps = [...new Set(rows.flatMap((r) => r.run.steps))].sort((a, b) => a - b);
    this.timelineSteps = steps;
    this.total = steps[steps.length - 1];
    this.figure.setRows(rows, this.total);
    this.buildControls(rows);
    this.controls.seek(this.indexOfStep(keep), false);
    if (playing) this.controls.play();
    this.showRun();
    if (this.map) this.map.draw();
    this.draw();
  }

  /** The last snapshot of the timeline at or before sample `step`. @param {number} step */
  indexOfStep(step) { return indexOfStep(this.timelineSteps, step); }

  /** The timeline bar, rebuilt only when its length, end or marks change.
   * @param {import("./lab_figure.js").Row[]} rows */
  buildControls(rows) {
    const d = this.d, ui = d.ui, steps = this.timelineSteps;
    const marks = sampleMarks(ui, d.marks.filter((m) => m > 0 && m < this.total), steps);
    for (const r of rows) {
      if (r.run.divergedAt !== null) marks.push(divergedMark(ui, steps, r.run.divergedAt, r.label));
    }
    const key = JSON.stringify([steps.length, this.total, marks]);
    if (this.controls && key === this.controlsKey) return;
    const old = this.controls;
    this.controlsKey = key;
    this.timeline.textContent = "";
    this.controls = timeline(this.timeline, d, marks, {
      count: steps.length, stepAt: (i) => this.timelineSteps[i], total: this.total,
      draw: () => this.draw(), save: () => this.save(), played: (p) => this.showPlaying(p),
    });
    if (old) {
      this.controls.setSpeed(old.speed);
      this.controls.setLoop(old.loop);
      old.pause();
    }
  }

  draw() {
    if (!this.controls) return;
    const step = this.timelineSteps[this.controls.index];
    this.figure.draw(step);
    if (this.firstFrame === undefined) this.firstFrame = performance.now();  // ms since navigation start
  }

  redraw() {
    this.figure.layout();
    this.draw();
  }

  pin() {
    this.pinned = this.current;
    this.pinButton.hidden = true;
    this.unpinButton.hidden = false;
    this.rebuild();
    this.save();
  }

  unpin() {
    this.pinned = null;
    this.pinButton.hidden = false;
    this.unpinButton.hidden = true;
    this.rebuild();
    this.save();
  }

  // -- words about a run ---------------------------------------------------------------------------

  /** The scene's run these settings start as: its initial values, and its rates where the scene gives
   * parameters their own (a preset sets them there). */
  presetOf(/** @type {Settings} */ s) {
    return this.d.presets.find((p) => this.names.every((n) => p.init[n] === s.init[n]) &&
      (!this.d.ownRates || sameRates(p.lrs, s.lrs)));
  }

  /** The settings in a few words (a row's label). @param {Settings} s */
  describe(s) {
    const p = this.presetOf(s), [a0, a1] = this.names;
    const start = p ? p.name : `${a0}=${short(s.init[a0])}, ${a1}=${short(s.init[a1])}`;
    const parts = [start, ...(s.activation ? [s.activation] : []), `lr ${rateText(s.lrs, this.names)}`];
    if (s.loss !== this.defaults.loss) parts.push(this.d.lab[s.loss]);
    if (s.samples !== this.defaults.samples) parts.push(`${thousands(s.samples)} ${this.d.lab.samples}`);
    if (s.dataSeed !== this.defaults.dataSeed) parts.push(`${this.d.lab.data_seed} ${s.dataSeed}`);
    return parts.join(" \u00b7 ");
  }

  /** `render scene NAME --init ...` that re-records the current run in Python. Scene and parameter
   * names come from the user's file: every word is shell-quoted, so a pasted command runs nothing else.
   * Rates: none given when they are the scene's own per parameter (c.lrs), else `--lr`, which gives every
   * parameter one rate; rates that differ and are not the scene's the CLI cannot say (commandNotes). */
  command() {
    const s = this.settings, c = this.d.command;
    const init = this.names.map((n) => `${n}=${repr(s.init[n])}`).join(",");
    const parts = ["render", "scene", c.scene, "--init", init];
    if (!sameRates(s.lrs, c.lrs) && s.lr !== null) parts.push("--lr", repr(s.lr));
    parts.push("--steps", String(s.samples), "--seed", String(s.dataSeed));
    if (c.activation && s.activation) parts.push("--activation", s.activation);
    parts.push("--every", String(everyFor(s.samples)));
    if (s.loss !== "absolute") parts.push("--loss-fn", s.loss);
    return parts.map(shellWord).join(" ");
  }

  /** What the command line does not reproduce of the current run. */
  commandNotes() {
    const s = this.settings, c = this.d.command, ui = this.d.lab, out = [];
    if (s.loss !== "absolute" && !c.loss) out.push(ui.no_loss_option);
    if (s.lr === null && !sameRates(s.lrs, c.lrs)) {
      out.push(fill(ui.no_lrs_option, { rates: c.lrs ? rateText(c.lrs, this.names) : "" }));
    }
    return out.join(" ");
  }

  // -- URL fragment --------------------------------------------------------------------------------

  /**
   * Settings from fragment values: numbers and known names only; anything else keeps the default.
   * @param {(key: string) => string | undefined} get
   */
  parseSettings(get) {
    /** @type {Record<string, number>} */
    const init = {};
    for (const n of this.names) { const v = number(get(n) || ""); if (v !== null) init[n] = v; }
    /** @param {string} k @param {number} hi */
    const int = (k, hi) => { const v = get(k); return v === undefined ? undefined : integer(v, 0, hi); };
    /** @param {number | null | undefined} v */
    const pick = (v) => (v === null ? undefined : v);
    return this.normalise({ init, lrs: this.parseRates(get("lr")), samples: pick(int("n", this.d.maxSamples)),
      activation: get("act"), loss: get("loss"), dataSeed: pick(int("seed", 2 ** 53 - 1)) }, this.defaults);
  }

  /** The fields of a pinned run in the fragment (no activation where the scene has none to swap). */
  pinKeys() {
    return [...this.names, "lr", ...(this.d.activations.length ? ["act"] : []), "loss", "n", "seed"];
  }

  /** A pinned run's settings from "name:value,..." with every field present and valid, else null.
   * @param {string} text */
  parsePin(text) {
    const keys = this.pinKeys();
    /** @type {Record<string, string>} */
    const pairs = Object.create(null);
    if (text.length > 1500) return null;
    for (const part of text.split(",")) {
      const i = part.indexOf(":"), k = part.slice(0, i);
      if (i <= 0 || !keys.includes(k) || k in pairs) return null;
      pairs[k] = part.slice(i + 1);
    }
    if (keys.some((k) => !(k in pairs))) return null;
    const s = this.parseSettings((k) => pairs[k]);
    const same = this.names.every((n) => String(s.init[n]) === String(number(pairs[n]))) &&
      sameRates(s.lrs, this.parseRates(pairs.lr)) && (s.activation || undefined) === pairs.act &&
      s.loss === pairs.loss && s.samples === integer(pairs.n, 1, this.d.maxSamples) &&
      s.dataSeed === integer(pairs.seed, 0, 2 ** 53 - 1);
    return same ? s : null;  // a field that fell back to its default was not valid
  }

  applyFragment() {
    const f = this.fragment.read(), get = (/** @type {string} */ k) => (k in f ? f[k] : undefined);
    this.settings = this.parseSettings(get);
    this.pinned = null;
    const pin = f.pin ? this.parsePin(f.pin) : null;
    if (pin) {
      try {
        this.pinned = new LabRun(this.d, pin);
      } catch {
        this.pinned = null;
      }
    }
    if (this.pinButton) { this.pinButton.hidden = !!this.pinned; this.unpinButton.hidden = !this.pinned; }
    const step = integer(f.step || "", 0, 1e9);
    this.showSettings();
    if (this.controls) this.controls.pause();
    this.rebuild(step === null ? 0 : step);
  }

  save() {
    if (!this.controls) return;
    const s = this.settings;
    /** @type {Record<string, string | number>} */
    const out = {};
    for (const n of this.names) out[n] = repr(s.init[n]);
    Object.assign(out, { lr: this.rateWord(s), act: s.activation, loss: s.loss, n: s.samples,
      seed: s.dataSeed,
      step: this.timelineSteps[this.controls.index] });
    if (this.pinned) {
      const p = this.pinned.settings;
      out.pin = [...this.names.map((n) => `${n}:${repr(p.init[n])}`), `lr:${this.rateWord(p)}`,
        ...(p.activation ? [`act:${p.activation}`] : []), `loss:${p.loss}`, `n:${p.samples}`,
        `seed:${p.dataSeed}`]
        .join(",");
    }
    this.fragment.write(out);
  }

  // -- controls ------------------------------------------------------------------------------------

  buildToolbar() {
    const ui = this.d.lab, bar = this.toolbar;
    /** @param {string} text @param {string} cls @param {() => void} action */
    const button = (text, cls, action) => {
      const b = el("button", "ol-button " + cls, bar, text);
      b.type = "button";
      b.addEventListener("click", action);
      return b;
    };
    this.trainButton = button(ui.train, "ol-train", () => this.controls.play());
    this.pauseButton = button(ui.pause, "ol-pause", () => this.controls.pause());
    button(ui.step, "ol-step", () => this.controls.step(1));
    button(ui.reset, "ol-reset", () => { this.controls.pause(); this.controls.seek(0, true); });
    this.pinButton = button(ui.pin, "ol-pin", () => this.pin());
    this.unpinButton = button(ui.unpin, "ol-unpin", () => this.unpin());
    this.unpinButton.hidden = true;
    el("span", "ol-hint", bar, ui.pin_hint);
    this.status = el("span", "ol-status", bar);
    this.showPlaying(false);
  }

  /** @param {boolean} playing */
  showPlaying(playing) {
    this.trainButton.disabled = !!playing;
    this.pauseButton.disabled = !playing;
  }

  /**
   * A labelled number box (and optionally a slider) in `parent`: o.set(value) hears every valid entry.
   * @param {HTMLElement} parent @param {string} name @param {string} label
   * @param {{set: (v: number) => void, slider?: number[], integer?: boolean, min?: number, max?: number,
   *   param?: string, index?: number}} o
   */
  field(parent, name, label, o) {
    const row = el("div", "ol-field" + (o.slider ? " ol-param" : ""), parent);
    const id = `ol-${this.uid}-${name}${o.param !== undefined ? "-" + o.index : ""}`;
    const lab = el("label", "ol-label", row, label);
    lab.htmlFor = id;
    let slider = null;
    if (o.param !== undefined) row.classList.add("ol-rate");
    if (o.slider) {
      slider = el("input", "ol-slider", row);
      slider.type = "range";
      slider.min = String(o.slider[0]); slider.max = String(o.slider[1]); slider.step = "0.001";
      slider.setAttribute("aria-label", label);
      slider.dataset.name = name;
    }
    const box = el("input", "ol-number", row);
    box.id = id;
    box.type = "text";
    box.inputMode = o.integer ? "numeric" : "decimal";
    box.spellcheck = false;
    box.autocomplete = "off";
    box.dataset.name = name;
    if (o.param !== undefined) box.dataset.param = o.param;
    const read = () => {
      const v = o.integer ? integer(box.value, o.min, o.max) : number(box.value);
      box.classList.toggle("ol-bad", v === null);
      box.title = v === null ? this.d.lab.bad_value : "";
      if (v !== null) o.set(v);
    };
    box.addEventListener("input", read);
    box.addEventListener("change", () => { read(); this.showSettings(); });
    if (slider) {
      slider.addEventListener("input", () => {
        const v = Number(slider.value);
        box.value = String(v); box.classList.remove("ol-bad"); o.set(v);
      });
    }
    return { box, slider };
  }

  /** @param {HTMLElement} pane */
  buildInit(pane) {
    const ui = this.d.lab, d = this.d;
    this.uid = Math.random().toString(36).slice(2, 8);
    el("div", "ol-heading", pane, ui.init);
    const presets = el("div", "ol-presets", pane);
    el("span", "ol-label", presets, ui.presets);
    this.presetButtons = d.presets.map((p) => {
      const b = el("button", "ol-button ol-preset", presets, p.name);
      b.type = "button";
      b.title = p.label;
      b.dataset.preset = p.name;
      b.addEventListener("click", () => this.preset(p.name));
      return b;
    });
    const rnd = el("button", "ol-button ol-random", presets, ui.random);
    rnd.type = "button";
    const seedLabel = el("label", "ol-seed", presets, ui.seed + " ");
    this.seedBox = el("input", "ol-number ol-seed-box", seedLabel);
    this.seedBox.type = "text";
    this.seedBox.inputMode = "numeric";
    this.seedBox.value = "1";
    rnd.addEventListener("click", () => {
      const seed = integer(this.seedBox.value, 0, 2 ** 53 - 1);
      this.seedBox.classList.toggle("ol-bad", seed === null);
      if (seed !== null) this.random(seed);
    });
    /** @type {Record<string, {box: HTMLInputElement, slider: HTMLInputElement | null}>} */
    this.inputs = {};
    for (const n of this.names) {
      this.inputs[n] = this.field(pane, n, n,
        { slider: d.sliderRange, set: (v) => this.set({ init: { [n]: v } }, true) });
    }
  }

  /** @param {HTMLElement} pane */
  buildTraining(pane) {
    const ui = this.d.lab, d = this.d;
    el("div", "ol-heading", pane, ui.training);
    if (d.ownRates) {  // the scene's runs give parameters their own rates: one box each
      this.rateInputs = this.names.map((n, j) => this.field(pane, "lr", fill(ui.lr_param, { name: n }), {
        param: n, index: j,
        set: (v) => this.set({ lrs: this.settings.lrs.map((r, k) => (k === j ? v : r)) }, true) }));
    } else {
      this.inputs.lr = this.field(pane, "lr", ui.lr, { set: (v) => this.set({ lr: v }, true) });
    }
    /**
     * @param {string} name @param {string} label @param {string[][]} options  [value, text]
     * @param {(v: string) => void} set
     */
    const select = (name, label, options, set) => {
      const row = el("div", "ol-field", pane);
      const lab = el("label", "ol-label", row, label);
      const s = el("select", "ol-select", row);
      s.id = `ol-${this.uid}-${name}`;
      lab.htmlFor = s.id;
      for (const [value, text] of options) el("option", null, s, text).value = value;
      s.addEventListener("change", () => set(s.value));
      return s;
    };
    this.activationSelect = select("act", ui.activation, d.activations.map((a) => [a, a]),
      (v) => this.set({ activation: v }, true));
    // the scene has no activation to swap
    /** @type {HTMLElement} */ (this.activationSelect.parentNode).hidden = !d.activations.length;
    this.lossSelect = select("loss", ui.loss, d.losses.map((l) => [l, ui[l] || l]),
      (v) => this.set({ loss: v }, true));
    this.inputs.samples = this.field(pane, "n", ui.samples,
      { integer: true, min: 1, max: d.maxSamples, set: (v) => this.set({ samples: v }, true) });
    this.inputs.seed = this.field(pane, "seed", ui.data_seed,
      { integer: true, min: 0, max: 2 ** 53 - 1, set: (v) => this.set({ dataSeed: v }, true) });
    el("div", "ol-heading", pane, ui.command);
    const cmd = el("div", "ol-command", pane);
    this.commandText = el("code", "ol-code", cmd);
    const copy = el("button", "ol-button ol-copy", cmd, ui.copy);
    copy.type = "button";
    copy.addEventListener("click", () => this.copyCommand(copy));
    this.commandNote = el("div", "ol-note", pane);
  }

  /** Copy the command, or select it where the page may not write the clipboard.
   * @param {HTMLElement} button */
  copyCommand(button) {
    const text = this.command();
    const done = () => {
      button.textContent = this.d.lab.copied;
      setTimeout(() => { button.textContent = this.d.lab.copy; }, 1200);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, () => this.selectCommand());
    } else {
      this.selectCommand();
    }
  }

  selectCommand() {
    const range = document.createRange();
    range.selectNodeContents(this.commandText);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  /** Show the settings in the controls (without touching a box the user is typing in). */
  showSettings() {
    const s = this.settings, active = document.activeElement;
    /** @param {{box: HTMLInputElement, slider: HTMLInputElement | null}} input @param {number} v */
    const show = (input, v) => {
      if (input.box !== active) { input.box.value = String(v); input.box.classList.remove("ol-bad"); }
      if (input.slider && input.slider !== active) input.slider.value = String(v);
    };
    for (const n of this.names) show(this.inputs[n], s.init[n]);
    if (this.rateInputs) this.rateInputs.forEach((input, j) => show(input, s.lrs[j]));
    else show(this.inputs.lr, s.lr);
    show(this.inputs.samples, s.samples);
    show(this.inputs.seed, s.dataSeed);
    this.activationSelect.value = s.activation || "";
    this.lossSelect.value = s.loss;
    const p = this.presetOf(s);
    for (const b of this.presetButtons) {
      b.setAttribute("aria-pressed", p && p.name === b.dataset.preset ? "true" : "false");
    }
    this.commandText.textContent = this.command();
    this.commandNote.textContent = this.commandNotes();
  }

  showRun() {
    const r = this.current;
    this.status.textContent = fill(this.d.lab.engine,
      { samples: thousands(r.trainer.seen), ms: r.trainMs.toFixed(1),
        engine: this.d.lab[r.engine] || r.engine });
  }

  state() {
    this.flush();
    const c = this.controls, i = this.current.indexOf(this.timelineSteps[c.index]);
    return {
      settings: JSON.parse(JSON.stringify(this.settings)),
      pinned: this.pinned ? JSON.parse(JSON.stringify(this.pinned.settings)) : null,
      index: c.index, step: this.timelineSteps[c.index], playing: c.playing, count: c.count,
      engine: this.current.engine, trainMs: this.current.trainMs, command: this.command(), map: !!this.map,
      divergedAt: this.current.divergedAt,
      evalLoss: this.current.evalLoss(this.d, this.current.evaluate(this.d, i)),
      params: this.current.trainer.paramsAt(i),
    };
  }
}
