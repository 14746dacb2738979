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
 * The family (a scene whose network is the chapter's of one hidden layer): the widths, the target and the
 * user's points are settings too. They make the page's data for the runs (netView: network.js's graph and
 * panels, the target's values, the points); a change of widths keeps every parameter by its role
 * (lab_settings.js translate) and draws a new unit's from the seeded init, and keeps the pinned run.
 * The presets show only for the chapter's two units and x², the map for one hidden layer of two or more
 * units fitting a target.
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
import { LabSettings, MAX_FRAGMENT, translate } from "./lab_settings.js";
import { integer } from "./lab_text.js";
import { command, describe } from "./lab_words.js";
import { inspectButton } from "./lab_inspect.js";
import { networkGraph, networkPanels } from "./network.js";
import { biasName } from "./sum_view.js";
import { compileTarget, parseTarget } from "./target_expr.js";
import { uniform } from "./random.js";
import {
  divergedMark, dress, indexOfStep, keys, onFragment, onResize, sampleMarks, timeline,
} from "./shell.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */
/** @typedef {import("./controls.js").Controls} Controls */

/** A set of fragment keys given by a test (the parameters' names change with the network). */
class KeyTest extends Set {
  /** @param {(key: string) => boolean} test */
  constructor(test) { super(); this.test = test; }
  /** @param {string} key */
  has(key) { return this.test(key); }
}

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
    // the target's extremes where it is finite (a --data page's target is NaN: none, and no limits from it)
    const finite = Array.from(d.targetValues).filter((v) => isFinite(v));
    d.targetMin = finite.length ? Math.min(...finite) : NaN;
    d.targetMax = finite.length ? Math.max(...finite) : NaN;
    this.rules = new LabSettings(d);
    this.defaults = this.rules.defaults;
    this.settings = this.defaults;
    /** @type {LabPage} the page's data for the settings' network, target and points (netView) */
    this.view = d;
    this.viewKey = "";
    /** @type {LabRun | null} */
    this.pinned = null;

    dress(root, d.theme, d.lang);
    const head = el("div", "ol-head", root);
    el("h1", "ol-title", head, ui.title);
    el("p", "ol-intro", head, ui.intro);
    const toolbar = el("div", "ol-toolbar", root);
    this.figure = new Figure(root, d);
    this.figure.editable = !!this.rules.family;
    this.figure.points = () => this.settings.points;
    this.figure.onPoints = (pts) => this.set({ points: pts }, true);
    this.timeline = el("div", "ol-timeline", root);
    const panes = el("div", "ol-panes", root);
    this.panes = new LabPanes(this, toolbar, panes);
    inspectButton(this, toolbar);  // "Inspect this sample": the backprop step-through in a dialog
    const mapPane = d.map ? el("div", "ol-pane ol-pane-map", panes) : null;
    /** @type {BasinMap | null} */
    this.map = null;  // built after the first frame of the figure

    this.fragment = new Fragment([], true, MAX_FRAGMENT);
    this.fragment.keys = new KeyTest((k) => this.rules.fragmentKey(k));
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
    dragScrub(this.figure.element, () => this.controls, { skip: (e) => this.figure.ownsPress(e) });
    this.applyFragment();
    this.mapPane = mapPane;
    if (mapPane) {
      requestAnimationFrame(() => {
        this.map = new BasinMap(mapPane, d, this);
        this.showMap();
      });
    }
  }

  /** The parameters of the current settings, in update order. */
  get names() { return this.rules.names; }

  /** Whether the map means something for the settings: one hidden layer of two or more units, the scene's
   * data (its target, or a --data page's own points: lab.py trained the map on them). @param {Settings} s */
  mapApplies(s) {
    return !this.rules.family ||
      (s.hidden.length === 1 && s.hidden[0] >= 2 && this.rules.ownPoints(s.points));
  }

  showMap() {
    if (!this.mapPane) return;
    const on = this.mapApplies(this.settings);
    this.mapPane.hidden = !on;
    if (this.map && on) this.map.draw();
  }

  /**
   * The page's data for the network, target and points of settings `s`: the scene's own when they are
   * its, else the family's graph and panels (network.js), the target's values on the grid (none when
   * training on points) and the words that name it.
   * @param {Settings} s @returns {LabPage}
   */
  netView(s) {
    const d = this.d, key = JSON.stringify([s.hidden, s.target, s.points]);
    if (key === this.viewKey) return this.view;
    this.viewKey = key;
    if (this.rules.isScenes(s)) { this.view = d; return d; }
    const zh = d.lang === "zh", pts = s.points.length ? s.points : null;
    const t = /** @type {{ok: true, name: string, nameZh: string, ast: any[]}} */ (parseTarget(s.target));
    // clicked points: "|y − points|", measured on them (LabRun.evalLoss); a --data page keeps its file name
    const name = pts ? d.lab.points_name : zh ? t.nameZh : t.name;
    const graph = networkGraph(s.hidden, d.defaults.activation, "absolute");
    const panels = networkPanels(s.hidden, pts ? name : t.name, pts ? name : t.nameZh, !!pts).map((p) => {
      const out = { title: zh ? p.title_zh : p.title, nodes: p.nodes, colors: p.colors, target: p.target,
        kind: p.kind || "curves" };
      return p.kind === "sum" ? { ...out, bias: biasName(graph, out) } : out;
    });
    const f = compileTarget(t.ast), curve = d.gridValues.map(f);
    const targetValues = pts ? new Float64Array(d.gridValues.length).fill(NaN) : curve;
    // the target's extremes even when training on points: the output panel keeps room to place them
    const finite = Array.from(curve).filter((v) => isFinite(v));
    /** @param {string} text */
    const renamed = (text) => String(text).split(d.targetName).join(name);
    this.view = {
      ...d, graph, panels, surface: null, points: pts, hasTarget: !pts, targetName: name,
      targetSpec: pts ? null : { kind: "expr", ast: t.ast }, targetValues,
      targetMin: finite.length ? Math.min(...finite) : 0, targetMax: finite.length ? Math.max(...finite) : 0,
      strings: { ...d.strings, loss_eval: pts ? `|y − ${name}|` : renamed(d.strings.loss_eval),
        target: renamed(d.strings.target) },
    };
    return this.view;
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
    let init = { ...s.init, ...(partial.init || {}) };
    if (partial.hidden && s.hidden && this.rules.okHidden(partial.hidden) &&
        partial.hidden.join() !== s.hidden.join()) {  // another network: values by role, new ones drawn
      init = { ...this.rules.drawn(partial.hidden, this.rules.initSeed),
        ...translate(s.init, s.hidden, partial.hidden), ...(partial.init || {}) };
    }
    this.use(this.rules.normalise({ ...s, ...partial, init }, { ...s, init }));
    this.schedule(user);
  }

  /** Make `settings` the lab's (its names, controls and map follow). @param {Settings} settings */
  use(settings) {
    this.settings = settings;
    this.rules.names = this.rules.namesOf(settings);
    this.panes.showSettings();
    this.showMap();
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
    this.rules.initSeed = seed;
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
    const view = this.netView(this.settings);
    this.current = new LabRun(view, this.settings);
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
    this.figure.setRows(rows, this.total, view);
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
    this.refused = this.rules.refusals(get);
    this.use(this.rules.parseSettings(get));
    this.pinned = null;
    const pin = f.pin ? this.rules.parsePin(f.pin) : null;
    if (pin) {
      try {
        this.pinned = new LabRun(this.netView(pin), pin);
      } catch {
        this.pinned = null;
      }
    }
    this.panes.showPinned(!!this.pinned);
    const step = integer(f.step || "", 0, 1e9);
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
      evalLoss: this.current.evalLoss(this.d, this.current.evaluate(this.d, i), i),
      params: this.current.trainer.paramsAt(i),
    };
  }
}
