/* backprop.js: the step-through of one training step (issue 28): the graph (backprop_diagram.js) lights up
 * node by node, forward (each value as forward() computes it, x and label entering first), backward (each
 * ∂loss/∂node as get_grad() caches it, the edges carrying their local derivatives), update (value − lr·grad
 * → new value); beside it the output panel (backprop_panel.js). ←/→ step, space plays, Home/End; a box picks
 * any sample of the run, a menu the run. The standalone page keeps run, sample and position in the URL
 * fragment (#run=Fig%208&sample=1500&at=12); the player and the lab open the same step-through in a dialog
 * (openDialog; Escape closes it).
 *
 * The numbers come from a provider: the page's and the lab's train to the sample (backprop_step.js), the
 * player's reads its recorded parameters. Names, labels and descriptions go in as text, never markup.
 */

import { OutputPanel } from "./backprop_panel.js";
import { Diagram } from "./backprop_diagram.js";
import { foldGraph } from "./backprop_fold.js";
import { layoutGraph } from "./backprop_layout.js";
import { labelIndex, val } from "./backprop_at.js";
import { Controls, Fragment, bindKeys } from "./controls.js";
import { el, fill } from "./dom.js";
import { paletteColor } from "./layout.js";
import { fmtG, thousands } from "./plot.js";
import { dress } from "./shell.js";

/** @typedef {import("./types.js").Theme} Theme */
/**
 * Where a step-through's numbers come from: the runs' labels and lengths, the step at (sample, run) (the
 * "ourdl-backprop" dict), and the sample it can show nearest a wanted one (the player: its last snapshot at
 * or before it).
 * @typedef {{runs: string[], samples: (r: number) => number, at: (sample: number, r: number) => any,
 *   nearest?: (sample: number, r: number) => number}} Provider
 */
/**
 * What a step-through shows besides the numbers: the graph (with `order`), the grid, target or points,
 * x range and panels (the nodes' colours), and its look and words.
 * @typedef {{graph: import("./types.js").Graph & {order?: string[]}, grid: Float64Array,
 *   target: Float64Array | null, points: number[][] | null, xRange: number[],
 *   panels: {nodes: string[], colors: number[]}[], th: Theme, lang: string, ui: Record<string, string>,
 *   targetName: string, outputTitle: string, title: string, description?: string}} View
 */
/** One position of the step-through. @typedef {{phase: string, node: string | null}} Position */

/** seconds a position takes when playing at 1x */
const PER_POSITION = 0.7;

/**
 * The positions of a step: x and label entering, each node of `forward`, of `backward`, each update.
 * @param {any} step @returns {Position[]}
 */
export function positions(step) {
  return [{ phase: "inputs", node: null },
    ...step.forward.map((/** @type {string} */ n) => ({ phase: "forward", node: n })),
    ...step.backward.map((/** @type {string} */ n) => ({ phase: "backward", node: n })),
    ...step.order.map((/** @type {string} */ n) => ({ phase: "update", node: n }))];
}

/** Each node's palette index, from the panels that draw it (the first one's colour), as render graph.
 * @param {{nodes: string[], colors: number[]}[]} panels */
function nodeColors(panels) {
  /** @type {Record<string, number>} */
  const out = Object.create(null);
  for (const p of panels) p.nodes.forEach((n, i) => { if (!(n in out)) out[n] = p.colors[i]; });
  return out;
}

/** A number in the words line: 6 significant digits, a true minus. @param {unknown} v */
const long = (v) => fmtG(val(/** @type {any} */ (v)), 6).replace(/^-/, "\u2212");

/** The step-through in `root`. Its state: .run, .sample, .step (the dict), .controls (its position). */
export class StepThrough {
  /**
   * @param {HTMLElement} root @param {Provider} provider @param {View} view
   * @param {{run: number, sample: number, at?: number, standalone: boolean, keys: EventTarget}} start
   */
  constructor(root, provider, view, start) {
    this.root = root;
    this.provider = provider;
    this.view = view;
    const ui = this.ui = view.ui, th = view.th;
    this.fam = dress(root, th, view.lang, "bp-root");
    const colors = nodeColors(view.panels);
    this.folded = foldGraph(view.graph, layoutGraph(view.graph), ui);
    this.run = start.run;
    this.sample = start.sample;
    this.fragment = new Fragment(["run", "sample", "at"], start.standalone);

    el("div", "bp-title", root, view.title);
    if (view.description) el("div", "bp-description", root, view.description);
    const bar = el("div", "bp-toolbar", root);
    if (provider.runs.length > 1) {
      const label = el("label", "bp-field", bar);
      el("span", null, label, ui.bp_run + " ");
      this.runSelect = el("select", "bp-run", label);
      provider.runs.forEach((r, i) => { el("option", null, this.runSelect, r).value = String(i); });
      this.runSelect.addEventListener("change", () => this.open(Number(this.runSelect.value), this.sample,
        0));
    }
    const sampleLabel = el("label", "bp-field", bar);
    el("span", null, sampleLabel, ui.bp_sample + " ");
    this.box = el("input", "bp-sample", sampleLabel);
    this.box.type = "number";
    this.box.min = "0";
    this.box.step = "1";
    this.box.setAttribute("aria-label", ui.bp_sample_box);
    this.of = el("span", "bp-of", sampleLabel);
    this.box.addEventListener("change", () => this.open(this.run, Number(this.box.value),
      this.controls.index));
    this.note = el("span", "bp-note", bar);
    this.summary = el("div", "bp-summary", root);
    const body = el("div", "bp-body", root);
    this.graphHolder = el("div", "bp-graph-holder", body);
    this.diagram = new Diagram(this.graphHolder, this.folded, {
      color: (n) => (n in colors ? paletteColor(th, colors[n]) : null),
      fg: th.foreground, muted: th.muted, bg: th.background, accent: th.palette[0], words: ui });
    this.panel = new OutputPanel(el("div", "bp-panel-holder", body), {
      grid: view.grid, target: view.target, points: view.points, xRange: view.xRange, graph: view.graph, th,
      fam: this.fam, words: { ...ui, bp_target: view.targetName }, title: view.outputTitle });
    this.words = el("div", "bp-words", root);
    this.words.setAttribute("aria-live", "polite");
    this.barHolder = el("div", "bp-controls", root);
    el("div", "op-help", root, start.standalone ? ui.bp_keys : ui.bp_keys_dialog);
    this.keys = start.keys;
    this.open(this.run, this.sample, start.at || 0);
    this.started = true;  // the state is saved from here on: the URL's first, read next
    if (start.standalone) {
      this.applyFragment();
      window.addEventListener("hashchange", () => this.applyFragment());
    }
    if (typeof ResizeObserver === "function") {
      const resized = () => { if (this.root.clientWidth !== this.width) this.layout(); };
      new ResizeObserver(resized).observe(this.root);
    }
  }

  /** Open step `sample` of run r at position `at`; a sample the provider refuses says why, in the page.
   * @param {number} r @param {number} sample @param {number} at */
  open(r, sample, at) {
    const p = this.provider;
    this.note.textContent = "";
    let want = Number.isInteger(sample) ? sample : this.sample;
    if (p.nearest) {
      const near = p.nearest(want, r);
      if (near !== want) {
        this.note.textContent = fill(this.ui.bp_snapshot, { asked: thousands(want), shown: thousands(near) });
      }
      want = near;
    }
    try {
      this.step = p.at(want, r);
    } catch (err) {
      this.note.textContent = String(err && /** @type {Error} */ (err).message);
      this.box.value = String(this.sample);
      return;
    }
    this.run = r;
    this.sample = want;
    if (this.runSelect) this.runSelect.value = String(r);
    this.box.value = String(want);
    this.box.max = String(p.samples(r) - 1);
    this.of.textContent = " " + fill(this.ui.bp_of, { last: thousands(p.samples(r) - 1) });
    this.positions = positions(this.step);
    this.panel.set(this.step, val);
    this.summary.textContent = fill(this.ui.bp_summary, { run: this.step.run, sample: thousands(want),
      x: long(this.step.x), label: long(this.step.label), loss: long(this.step.loss) });
    this.buildControls(at);
    this.save();
  }

  /** A fresh bar for this step's positions, with a mark where each phase starts. @param {number} at */
  buildControls(at) {
    const ui = this.ui, pos = this.positions;
    const playing = this.controls && this.controls.playing;
    if (this.controls) this.controls.pause();
    this.barHolder.textContent = "";
    const marks = ["forward", "backward", "update"].map((phase) => {
      const index = pos.findIndex((q) => q.phase === phase);
      return { index, label: ui["bp_" + phase], short: ui["bp_" + phase] };
    }).filter((m) => m.index >= 0);
    this.controls = new Controls(this.barHolder, {
      count: pos.length, ui: { ...ui, back: ui.bp_back, forward: ui.bp_next, slider: ui.bp_slider },
      speeds: [0.5, 1, 2, 4], marks, duration: PER_POSITION * pos.length, hold: 1.5,
      position: (i) => fill(ui.bp_position, { i: i + 1, n: pos.length }),
      onSeek: () => { this.show(); this.save(); },
    });
    if (!this.bound) { bindKeys(this.keys, this.keyControls()); this.bound = true; }
    this.controls.seek(Math.max(0, Math.min(pos.length - 1, at)), false);
    this.layout();
    if (playing) this.controls.play();
  }

  /** What controls.js's keys drive: always the current bar (a new step makes a new one). */
  keyControls() {
    /** @returns {Controls} */
    const c = () => this.controls;
    return {
      get o() { return c().o; }, get speed() { return c().speed; }, get count() { return c().count; },
      get loop() { return c().loop; },
      toggle: () => c().toggle(), step: (/** @type {number} */ d) => c().step(d),
      seek: (/** @type {number} */ i, /** @type {boolean} */ u) => c().seek(i, u), pause: () => c().pause(),
      setSpeed: (/** @type {number} */ v, /** @type {boolean} */ u) => c().setSpeed(v, u),
      setLoop: (/** @type {boolean} */ b, /** @type {boolean} */ u) => c().setLoop(b, u),
    };
  }

  /** Lay the diagram and the panel out for the root's width, then show the position. */
  layout() {
    this.width = this.root.clientWidth;
    const W = Math.max(300, this.width - 16), wide = W >= 1000;
    this.root.classList.toggle("bp-wide", wide);
    const graphW = wide ? Math.round(W * 0.64) : W;
    this.diagram.draw(graphW);
    this.panel.layout(wide ? W - graphW - 18 : Math.min(W, 560));
    this.show();
  }

  /** The state at the current position, on the diagram, the panel and the words line. */
  show() {
    if (!this.step || !this.diagram.boxes) return;
    const i = this.controls.index, q = this.positions[i], s = this.step, into = this.folded.into;
    const phases = ["inputs", "forward", "backward", "update"], at = phases.indexOf(q.phase);
    const seen = (/** @type {string} */ phase) => this.positions.slice(0, i + 1)
      .filter((p) => p.phase === phase).map((p) => /** @type {string} */ (p.node));
    const computed = new Set(at > 1 ? s.forward : seen("forward"));
    const grads = new Set(at > 2 ? s.backward : seen("backward")), updated = new Set(seen("update"));
    /** @type {import("./backprop_diagram.js").DiagramState} */
    const st = { current: q.node ? into[q.node] || q.node : null, phase: q.phase, values: {}, grads: {},
      after: {}, reads: [] };
    for (const [n, node] of Object.entries(s.nodes)) {
      const shown = into[n] ? null : n;
      if (shown === null) continue;
      const leaf = !(/** @type {any} */ (node)).parents.length;
      st.values[n] = leaf || computed.has(n) ? val(/** @type {any} */ (node).value) : null;
      st.grads[n] = grads.has(n) ? val(/** @type {any} */ (node).grad) : null;
      st.after[n] = updated.has(n) ? val(s.params[n].after) : null;
    }
    const draw = (/** @type {string} */ n) => into[n] || n;
    if (q.phase === "forward") {
      for (const p of s.nodes[q.node].parents) {
        st.reads.push({ from: draw(p), to: draw(q.node), label: null });
      }
    } else if (q.phase === "backward") {
      for (const e of s.edges) {
        if (e.parent === q.node && draw(e.parent) !== draw(e.child)) {
          // 3 digits: the label fits the gap between two columns of boxes (the words line under the
          // diagram has all 6)
          const local = fmtG(val(e.local), 3).replace("-", "\u2212");
          st.reads.push({ from: draw(e.parent), to: draw(e.child), label: "\u00d7 " + local });
        }
      }
    }
    this.diagram.show(st);
    this.follow(st.current);
    this.panel.show(q.phase === "update", at > 1 || computed.has(s.output));
    this.words.textContent = this.explain(q);
  }

  /** Scroll a diagram wider than its holder (a phone) so the node `n` is in view. @param {string | null} n */
  follow(n) {
    const h = this.graphHolder;
    if (!n || !this.diagram.at || h.scrollWidth <= h.clientWidth) return;
    const x = this.diagram.at(n)[0], margin = Math.min(60, h.clientWidth / 4);
    if (x < h.scrollLeft + margin || x > h.scrollLeft + h.clientWidth - margin) {
      h.scrollLeft = x - h.clientWidth / 2;
    }
  }

  /** The words for a position: what this node's number is made of. @param {Position} q */
  explain(q) {
    const s = this.step, ui = this.ui, n = q.node;
    if (q.phase === "inputs") {
      return fill(ui.bp_inputs, { x: long(s.x), label: long(s.label), sample: thousands(s.sample) });
    }
    const node = s.nodes[n];
    if (q.phase === "forward") {
      const ps = node.parents.map((/** @type {string} */ p) => `${p} = ${long(s.nodes[p].value)}`).join(", ");
      return fill(ui.bp_forward_words, { node: n, op: node.kind, parents: ps, value: long(node.value) });
    }
    if (q.phase === "backward") {
      const terms = s.edges.filter((/** @type {any} */ e) => e.parent === n).map((/** @type {any} */ e) =>
        `${long(s.nodes[e.child].grad)} \u00d7 ${long(e.local)}`);
      if (!terms.length) return fill(ui.bp_backward_loss, { node: n });
      return fill(ui.bp_backward_words, { node: n, terms: terms.join(" + "), grad: long(node.grad) });
    }
    const p = s.params[n];
    return fill(ui.bp_update_words, { node: n, before: long(p.before), lr: long(s.lrs[n]), grad: long(p.grad),
      after: long(p.after) });
  }

  /** Take run, sample and position from the URL fragment (each checked; a bad one is ignored). */
  applyFragment() {
    const f = this.fragment.read();
    let r = this.run;
    if (f.run !== undefined) {
      const k = labelIndex(this.provider.runs, f.run);
      if (k >= 0) r = k;
    }
    const sample = /^\d{1,9}$/.test(f.sample || "") ? Number(f.sample) : this.sample;
    const at = /^\d{1,6}$/.test(f.at || "") ? Number(f.at) : this.controls.index;
    if (r !== this.run || sample !== this.sample) this.open(r, sample, at);
    else this.controls.seek(Math.min(at, this.positions.length - 1), false);
  }

  save() {
    if (!this.controls || !this.started) return;
    this.fragment.write({ run: this.provider.runs[this.run], sample: this.sample, at: this.controls.index });
  }

  /** The smallest font px of the diagram, the panel and the words (tests hold it to 11 px). */
  minTextPx() {
    const words = parseFloat(getComputedStyle(this.words).fontSize);
    return Math.min(this.diagram.minTextPx(), this.panel.minTextPx(), words);
  }
}

/**
 * Open the step-through in a modal dialog over a page (the player's, the lab's "Inspect this sample"):
 * Escape or the close button removes it; its keys stay in it. Returns the step-through.
 * @param {HTMLElement} host  where the dialog is added (it takes the host's theme variables)
 * @param {Provider} provider @param {View} view @param {{run: number, sample: number}} start
 */
export function openDialog(host, provider, view, start) {
  const dialog = el("dialog", "bp-dialog", host);
  const close = el("button", "bp-close", dialog, "\u00d7");
  close.type = "button";
  close.setAttribute("aria-label", view.ui.bp_close);
  close.title = view.ui.bp_close;
  const root = el("div", "bp-root-dialog", dialog);
  dialog.addEventListener("keydown", (e) => { if (e.key !== "Escape") e.stopPropagation(); });
  dialog.addEventListener("close", () => dialog.remove());
  close.addEventListener("click", () => dialog.close());
  dialog.showModal();
  const st = new StepThrough(root, provider, view, { ...start, standalone: false, keys: dialog });
  return { dialog, stepThrough: st };
}
