/* lab_panes.js: the lab's controls: the toolbar (train, pause, step, reset, pin, the engine's status),
 * for a scene of the family the network pane (lab_network_pane.js: widths and layers, the target, the
 * user's points), the
 * initial values' pane (presets, a random start, a box and slider per parameter, grouped by unit and
 * folded when the network is wide) and the training
 * pane (rates, activation, loss, samples, data seed, the command that re-records the run). Every entry
 * goes to the lab as a partial change of settings (lab.set); showSettings shows the lab's settings back.
 * Boxes are read with lab_text.js: a bad entry is marked and changes nothing.
 */

import { el, fill } from "./dom.js";
import { NetworkPane } from "./lab_network_pane.js";
import { roles } from "./lab_settings.js";
import { integer, number } from "./lab_text.js";
import { command, commandNotes, presetOf } from "./lab_words.js";
import { thousands } from "./plot.js";

/** A network of more parameters than this shows them grouped by unit, each group folded. */
const FLAT_PARAMS = 10;

/** @typedef {import("./lab.js").Lab} Lab */
/** @typedef {import("./lab_run.js").LabRun} LabRun */
/** @typedef {{box: HTMLInputElement, slider: HTMLInputElement | null}} Input */

export class LabPanes {
  /**
   * The toolbar in `toolbar`, the initial values' and training panes in `panes`.
   * @param {Lab} lab @param {HTMLElement} toolbar @param {HTMLElement} panes
   */
  constructor(lab, toolbar, panes) {
    this.lab = lab;
    this.d = lab.d;
    this.uid = Math.random().toString(36).slice(2, 8);
    /** the network pane (lab_network_pane.js), for a scene of the family */
    this.network = lab.rules.family
      ? new NetworkPane(lab, el("div", "ol-pane ol-pane-network", panes), () => this.showSettings()) : null;
    this.buildInit(el("div", "ol-pane ol-pane-init", panes));
    this.buildTraining(el("div", "ol-pane ol-pane-training", panes));
    this.buildToolbar(toolbar);
  }

  /** @param {HTMLElement} bar */
  buildToolbar(bar) {
    const ui = this.d.lab, lab = this.lab;
    /** @param {string} text @param {string} cls @param {() => void} action */
    const button = (text, cls, action) => {
      const b = el("button", "ol-button " + cls, bar, text);
      b.type = "button";
      b.addEventListener("click", action);
      return b;
    };
    this.trainButton = button(ui.train, "ol-train", () => lab.controls.play());
    this.pauseButton = button(ui.pause, "ol-pause", () => lab.controls.pause());
    button(ui.step, "ol-step", () => lab.controls.step(1));
    button(ui.reset, "ol-reset", () => { lab.controls.pause(); lab.controls.seek(0, true); });
    this.pinButton = button(ui.pin, "ol-pin", () => lab.pin());
    this.unpinButton = button(ui.unpin, "ol-unpin", () => lab.unpin());
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

  /** Offer to pin, or to unpin when a run is pinned. @param {boolean} pinned */
  showPinned(pinned) {
    this.pinButton.hidden = pinned;
    this.unpinButton.hidden = !pinned;
  }

  /**
   * A labelled number box (and optionally a slider) in `parent`: o.set(value) hears every valid entry.
   * @param {HTMLElement} parent @param {string} name @param {string} label
   * @param {{set: (v: number) => void, slider?: number[], integer?: boolean, min?: number, max?: number,
   *   param?: string, index?: number}} o
   * @returns {Input}
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
    const ui = this.d.lab, d = this.d, lab = this.lab;
    el("div", "ol-heading", pane, ui.init);
    const presets = el("div", "ol-presets", pane);
    this.presetLabel = el("span", "ol-label", presets, ui.presets);
    this.presetButtons = d.presets.map((p) => {
      const b = el("button", "ol-button ol-preset", presets, p.name);
      b.type = "button";
      b.title = p.label;
      b.dataset.preset = p.name;
      b.addEventListener("click", () => lab.preset(p.name));
      return b;
    });
    const rnd = el("button", "ol-button ol-random", presets, ui.random);
    rnd.type = "button";
    const seedLabel = el("label", "ol-seed", presets, ui.seed + " ");
    this.seedBox = el("input", "ol-number ol-seed-box", seedLabel);
    this.seedBox.type = "text";
    this.seedBox.inputMode = "numeric";
    this.seedBox.value = "0";
    const seed = () => {
      const v = integer(this.seedBox.value, 0, 2 ** 53 - 1);
      this.seedBox.classList.toggle("ol-bad", v === null);
      if (v !== null) lab.rules.initSeed = v;  // a new unit's values are drawn from it too
      return v;
    };
    this.seedBox.addEventListener("input", seed);
    rnd.addEventListener("click", () => { const v = seed(); if (v !== null) lab.random(v); });
    /** @type {Record<string, Input>} */
    this.inputs = {};
    this.paramBox = el("div", "ol-params", pane);
    /** @type {string[]} */
    this.names = [];
    this.showParams();
  }

  /** The parameters' boxes and sliders for the lab's network (rebuilt when its names change): in a row
   * each when few, else grouped by unit (its incoming weights, its bias, its output weight), folded. */
  showParams() {
    const lab = this.lab, names = lab.names, d = this.d;
    if (names.join() === this.names.join()) return;
    for (const n of this.names) delete this.inputs[n];
    this.names = names.slice();
    this.paramBox.textContent = "";
    const add = (/** @type {HTMLElement} */ parent, /** @type {string} */ n) => {
      this.inputs[n] = this.field(parent, n, n,
        { slider: d.sliderRange, set: (v) => lab.set({ init: { [n]: v } }, true) });
    };
    if (names.length <= FLAT_PARAMS || !lab.settings.hidden) {
      for (const n of names) add(this.paramBox, n);
      return;
    }
    const hidden = lab.settings.hidden, L = hidden.length, ui = d.lab;
    /** @type {Map<string, string[]>} */
    const groups = new Map();
    roles(hidden).forEach((role, k) => {
      const [kind, layer, j, i] = role.split(" ");
      const key = layer !== "out" ? `${layer} ${j}` : kind === "w" ? `${L} ${i}` : "out";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(names[k]);
    });
    const keys = [...groups.keys()].filter((k) => k !== "out").sort((a, b) => {
      const [la, ja] = a.split(" ").map(Number), [lb, jb] = b.split(" ").map(Number);
      return la - lb || ja - jb;
    });
    for (const key of [...keys, "out"]) {
      const box = el("details", "ol-group", this.paramBox);
      const [layer, unit] = key.split(" ");
      const title = key === "out" ? ui.output_group : fill(ui.unit_group, { layer, unit });
      el("summary", "ol-group-title", box, `${title} (${groups.get(key).join(", ")})`);
      for (const n of groups.get(key)) add(box, n);
    }
  }

  /** @param {HTMLElement} pane */
  buildTraining(pane) {
    const ui = this.d.lab, d = this.d, lab = this.lab;
    el("div", "ol-heading", pane, ui.training);
    if (d.ownRates) {  // the scene's runs give parameters their own rates: one box each
      this.rateInputs = this.names.map((n, j) => this.field(pane, "lr", fill(ui.lr_param, { name: n }), {
        param: n, index: j,
        set: (v) => lab.set({ lrs: lab.settings.lrs.map((r, k) => (k === j ? v : r)) }, true) }));
    } else {
      this.inputs.lr = this.field(pane, "lr", ui.lr, { set: (v) => lab.set({ lr: v }, true) });
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
      (v) => lab.set({ activation: v }, true));
    // the scene has no activation to swap
    /** @type {HTMLElement} */ (this.activationSelect.parentNode).hidden = !d.activations.length;
    this.lossSelect = select("loss", ui.loss, d.losses.map((l) => [l, ui[l] || l]),
      (v) => lab.set({ loss: v }, true));
    this.inputs.samples = this.field(pane, "n", ui.samples,
      { integer: true, min: 1, max: d.maxSamples, set: (v) => lab.set({ samples: v }, true) });
    this.inputs.seed = this.field(pane, "seed", ui.data_seed,
      { integer: true, min: 0, max: 2 ** 53 - 1, set: (v) => lab.set({ dataSeed: v }, true) });
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
    const text = command(this.lab.rules, this.lab.settings);
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

  /** Show the lab's settings in the controls (without touching a box the user is typing in). */
  showSettings() {
    this.showParams();
    if (this.network) this.network.show();
    const s = this.lab.settings, rules = this.lab.rules, active = document.activeElement;
    /** @param {Input} input @param {number} v */
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
    const p = presetOf(rules, s), presets = this.lab.rules.isChapter(s);
    this.presetLabel.hidden = !presets;
    for (const b of this.presetButtons) {
      b.hidden = !presets;
      b.setAttribute("aria-pressed", p && p.name === b.dataset.preset ? "true" : "false");
    }
    this.commandText.textContent = command(rules, s);
    this.commandNote.textContent = commandNotes(rules, s);
  }

  /** The engine's status: samples trained, in how many milliseconds, on which engine. @param {LabRun} r */
  showRun(r) {
    this.status.textContent = fill(this.d.lab.engine,
      { samples: thousands(r.trainer.seen), ms: r.trainMs.toFixed(1),
        engine: this.d.lab[r.engine] || r.engine });
  }
}
