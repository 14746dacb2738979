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
 * box that sets every rate (lab_settings.js says how the fragment writes them).
 *
 * This module holds the lab's state and wires its parts: the settings and their fragment
 * (lab_settings.js), the controls (lab_panes.js), the words about a run (lab_words.js), the run
 * (lab_run.js), the figure (lab_figure.js), the map (lab_map.js) and the player's timeline (shell.js).
 *
 * Safety: every string from the data or the URL reaches the page as textContent or canvas text; the
 * fragment is parsed into numbers and known names only.
 */

import { Fragment, dragScrub } from "./controls.js";
import { f64 } from "./data.js";
import { el, fill } from "./dom.js";
import { Figure } from "./lab_figure.js";
import { BasinMap } from "./lab_map.js";
import { LabPanes } from "./lab_panes.js";
import { LabRun } from "./lab_run.js";
import { LabSettings } from "./lab_settings.js";
import { integer } from "./lab_text.js";
import { command, describe } from "./lab_words.js";
import { uniform } from "./random.js";
import {
  divergedMark, dress, indexOfStep, keys, onFragment, onResize, sampleMarks, timeline,
} from "./shell.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */
/** @typedef {import("./controls.js").Controls} Controls */

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
    this.rules = new LabSettings(d);
    this.names = this.rules.names;
    this.defaults = this.rules.defaults;
    this.settings = this.defaults;
    /** @type {LabRun | null} */
    this.pinned = null;

    dress(root, d.theme, d.lang);
    const head = el("div", "ol-head", root);
    el("h1", "ol-title", head, ui.title);
    el("p", "ol-intro", head, ui.intro);
    const toolbar = el("div", "ol-toolbar", root);
    this.figure = new Figure(root, d);
    this.timeline = el("div", "ol-timeline", root);
    const panes = el("div", "ol-panes", root);
    this.panes = new LabPanes(this, toolbar, panes);
    const mapPane = d.map ? el("div", "ol-pane ol-pane-map", panes) : null;
    /** @type {BasinMap | null} */
    this.map = null;  // built after the first frame of the figure

    this.fragment = new Fragment(this.rules.fragmentKeys(), true);
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
    toolbar.addEventListener("keydown", (e) => {  // space on a focused button is that button's click
      if (e.key === " " || e.key === "Enter") e.stopPropagation();
    });
    onFragment(() => this.applyFragment());
    onResize(this.figure.element, () => this.figure.width, () => this.redraw());
    dragScrub(this.figure.element, () => this.controls);
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
   * Apply a partial change of settings; `user`: it came from a control (the fragment follows).
   * @param {Partial<Settings> & {lr?: number}} partial @param {boolean} [user]
   */
  set(partial, user) {
    const s = this.settings;
    if (partial.lr !== undefined) {  // one rate for every parameter (ignored unless a finite number)
      const ok = typeof partial.lr === "number" && isFinite(partial.lr);
      partial = { ...partial, lrs: ok ? this.names.map(() => partial.lr) : s.lrs };
    }
    const next = this.rules.normalise({ ...s, ...partial, init: { ...s.init, ...(partial.init || {}) } }, s);
    this.settings = next;
    this.panes.showSettings();
    this.schedule(user);
  }

  /** A run of the scene: its initial values, and its rates when the scene gives parameters their own.
   * @param {string} name */
  preset(name) {
    const p = this.d.presets.find((x) => x.name === name);
    if (p) this.set(this.d.ownRates ? { init: p.init, lrs: p.lrs } : { init: p.init }, true);
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
    const row = (who, s) => fill(ui.row, { who, what: describe(this.rules, s) });
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
    this.panes.showRun(this.current);
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
      draw: () => this.draw(), save: () => this.save(), played: (p) => this.panes.showPlaying(p),
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

  /** The smallest font px of the text the figure and the map draw (tests). */
  minTextPx() { return Math.min(this.figure.minTextPx(), this.map ? this.map.minTextPx() : Infinity); }

  pin() {
    this.pinned = this.current;
    this.panes.showPinned(true);
    this.rebuild();
    this.save();
  }

  unpin() {
    this.pinned = null;
    this.panes.showPinned(false);
    this.rebuild();
    this.save();
  }

  // -- URL fragment --------------------------------------------------------------------------------

  applyFragment() {
    const f = this.fragment.read(), get = (/** @type {string} */ k) => (k in f ? f[k] : undefined);
    this.settings = this.rules.parseSettings(get);
    this.pinned = null;
    const pin = f.pin ? this.rules.parsePin(f.pin) : null;
    if (pin) {
      try {
        this.pinned = new LabRun(this.d, pin);
      } catch {
        this.pinned = null;
      }
    }
    this.panes.showPinned(!!this.pinned);
    const step = integer(f.step || "", 0, 1e9);
    this.panes.showSettings();
    if (this.controls) this.controls.pause();
    this.rebuild(step === null ? 0 : step);
  }

  save() {
    if (!this.controls) return;
    const step = this.timelineSteps[this.controls.index];
    this.fragment.write(this.rules.fragmentOf(this.settings, step, this.pinned && this.pinned.settings));
  }

  state() {
    this.flush();
    const c = this.controls, i = this.current.indexOf(this.timelineSteps[c.index]);
    return {
      settings: JSON.parse(JSON.stringify(this.settings)),
      pinned: this.pinned ? JSON.parse(JSON.stringify(this.pinned.settings)) : null,
      index: c.index, step: this.timelineSteps[c.index], playing: c.playing, count: c.count,
      engine: this.current.engine, trainMs: this.current.trainMs, command: command(this.rules, this.settings),
      map: !!this.map,
      divergedAt: this.current.divergedAt,
      evalLoss: this.current.evalLoss(this.d, this.current.evaluate(this.d, i)),
      params: this.current.trainer.paramsAt(i),
    };
  }
}
