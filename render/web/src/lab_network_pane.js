/* lab_network_pane.js: the lab's network pane (a scene of the family, issue 26): + / − for the units of
 * each hidden layer and for the layers, the target's picker and expression box (a refused expression shows
 * parseTarget's words, as text), and the user's points (their count, clear, download as CSV).
 * Safety: every word goes in as textContent; the expression is parsed by target_expr.js, never evaluated.
 */

import { el, fill } from "./dom.js";
import { pointsCsv } from "./lab_settings.js";
import { MAX_LAYERS, MAX_UNITS } from "./network.js";
import { NAMED, parseTarget } from "./target_expr.js";

/** @typedef {import("./lab.js").Lab} Lab */

/** The network pane (LabPanes makes it, lab_panes.js). */
export class NetworkPane {
  /** @param {Lab} lab @param {HTMLElement} pane @param {() => void} showSettings  every pane shown anew */
  constructor(lab, pane, showSettings) {
    this.lab = lab;
    this.showSettings = showSettings;
    this.d = lab.d;
    const ui = this.d.lab;
    el("div", "ol-heading", pane, ui.network);
    /** A row "label  [−] value [+]" that changes one count. @param {string} label @param {string} cls
     * @param {(step: number) => void} change */
    const stepper = (label, cls, change) => {
      const row = el("div", "ol-field ol-stepper " + cls, this.archBox);
      el("span", "ol-label", row, label);
      const group = el("span", "ol-steps", row);
      const minus = el("button", "ol-button ol-minus", group, "\u2212");
      const value = el("span", "ol-count", group);
      const plus = el("button", "ol-button ol-plus", group, "+");
      for (const [b, step, word] of /** @type {[HTMLButtonElement, number, string][]} */ (
        [[minus, -1, ui.fewer], [plus, 1, ui.more]])) {
        b.type = "button";
        b.setAttribute("aria-label", `${word}: ${label}`);
        b.addEventListener("click", () => change(step));
      }
      return { minus, plus, value };
    };
    this.archBox = el("div", "ol-arch", pane);
    this.steppers = [];
    this.layerStepper = null;
    this.buildArch = () => {
      const h = lab.settings.hidden;
      this.archBox.textContent = "";
      this.layerStepper = stepper(ui.layers, "ol-layers", (step) => {
        const next = lab.settings.hidden.slice(0, Math.max(1, lab.settings.hidden.length + step));
        while (next.length < lab.settings.hidden.length + step) next.push(next[next.length - 1]);
        lab.set({ hidden: next }, true);
        lab.flush();  // redrawn now, not at the next frame: a unit or layer added shows at once
      });
      this.steppers = h.map((_, l) => stepper(fill(ui.units, { layer: l + 1 }), "ol-units", (step) => {
        lab.set({ hidden: lab.settings.hidden.map((v, k) => (k === l ? v + step : v)) }, true);
        lab.flush();
      }));
    };
    el("div", "ol-subheading", pane, ui.target);
    const row = el("div", "ol-field ol-target", pane);
    const pick = this.targetSelect = el("select", "ol-pick ol-target-pick", row);
    pick.setAttribute("aria-label", ui.target);
    for (const key of Object.keys(NAMED)) {
      const one = NAMED[key];
      el("option", null, pick, `${this.d.lang === "zh" ? one.zh : one.en}`).value = key;
    }
    el("option", null, pick, ui.target_own).value = "";
    const box = this.targetBox = el("input", "ol-number ol-target-box", row);
    box.type = "text";
    box.spellcheck = false;
    box.autocomplete = "off";
    box.placeholder = ui.target_box;
    box.setAttribute("aria-label", ui.target_box);
    box.title = ui.target_hint;
    this.targetError = el("div", "ol-note ol-refusal", pane);
    this.targetError.setAttribute("role", "status");
    pick.addEventListener("change", () => {
      if (pick.value) { box.value = pick.value; this.readTarget(); } else box.focus();
    });
    box.addEventListener("input", () => this.readTarget());
    box.addEventListener("change", () => { this.readTarget(); this.showSettings(); });
    el("div", "ol-subheading", pane, ui.points);
    const pts = el("div", "ol-points", pane);
    this.pointsText = el("span", "ol-points-count", pts);
    const clear = el("button", "ol-button ol-clear", pts, ui.clear);
    clear.type = "button";
    clear.addEventListener("click", () => lab.set({ points: [] }, true));
    const down = this.downloadButton = el("button", "ol-button ol-download", pts, ui.download);
    down.type = "button";
    down.addEventListener("click", () => this.download());
    el("div", "ol-note", pane, ui.points_hint);
    this.buildArch();
  }

  /** Read the target box: a target that parses and is finite on the data range is set; else its refusal
   * is shown, as text. */
  readTarget() {
    const text = this.targetBox.value, why = this.lab.rules.targetError(text);
    this.targetBox.classList.toggle("ol-bad", !!why);
    this.targetError.textContent = why;
    if (!why) this.lab.set({ target: /** @type {{text: string}} */ (parseTarget(text)).text }, true);
  }

  /** The points as a CSV file (x, y), downloaded from a blob: URL (nothing leaves the page). */
  download() {
    const blob = new Blob([pointsCsv(this.lab.settings.points)], { type: "text/csv" });
    const url = URL.createObjectURL(blob), a = document.createElement("a");
    a.href = url;
    a.download = "points.csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The controls for the lab's settings. */
  show() {
    const s = this.lab.settings, ui = this.d.lab;
    if (!this.archBox) return;
    if (this.steppers.length !== s.hidden.length) this.buildArch();
    this.layerStepper.value.textContent = String(s.hidden.length);
    this.layerStepper.minus.disabled = s.hidden.length <= 1;
    this.layerStepper.plus.disabled = s.hidden.length >= MAX_LAYERS;
    this.steppers.forEach((st, l) => {
      st.value.textContent = String(s.hidden[l]);
      st.minus.disabled = s.hidden[l] <= 1;
      st.plus.disabled = s.hidden[l] >= MAX_UNITS;
    });
    if (this.targetBox !== document.activeElement) {
      this.targetBox.value = s.target;
      this.targetBox.classList.remove("ol-bad");
      this.targetError.textContent = this.lab.refused || "";
    }
    this.targetSelect.value = Object.prototype.hasOwnProperty.call(NAMED, s.target) ? s.target : "";
    this.targetSelect.disabled = this.targetBox.disabled = s.points.length > 0;
    this.pointsText.textContent = s.points.length ? fill(ui.points_count, { n: s.points.length })
      : ui.points_none;
    this.downloadButton.disabled = !s.points.length;
  }
}
