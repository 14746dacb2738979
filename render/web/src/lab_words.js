/* lab_words.js: the lab's words about a run: which of the scene's presets it starts as, a row's label,
 * and the `render scene` command that re-records it in Python (with what that command cannot say).
 */

import { fill } from "./dom.js";
import { everyFor, rateText, sameRates } from "./lab_run.js";
import { thousands } from "./plot.js";
import { repr, shellWord, short } from "./lab_text.js";

/** @typedef {import("./types.js").Settings} Settings */
/** @typedef {import("./lab_settings.js").LabSettings} LabSettings */

/** The scene's run settings `s` start as: its initial values, and its rates where the scene gives
 * parameters their own (a preset sets them there). @param {LabSettings} rules @param {Settings} s */
export function presetOf(rules, s) {
  if (!rules.isChapter(s)) return undefined;
  return rules.d.presets.find((p) => rules.namesOf(s).every((n) => p.init[n] === s.init[n]) &&
    (!rules.d.ownRates || sameRates(p.lrs, s.lrs)));
}

/** The settings in a few words (a row's label). @param {LabSettings} rules @param {Settings} s */
export function describe(rules, s) {
  const d = rules.d, defaults = rules.defaults;
  const names = rules.namesOf(s), p = presetOf(rules, s), [a0, a1] = names;
  const start = p ? p.name : `${a0}=${short(s.init[a0])}` + (a1 ? `, ${a1}=${short(s.init[a1])}` : "");
  const family = [];
  if (rules.family && s.hidden.join() !== rules.family.join()) {
    family.push(fill(d.lab.hidden_word, { h: s.hidden.join("×") }));
  }
  if (s.points && s.points.length) family.push(fill(d.lab.points_word, { n: s.points.length }));
  else if (rules.family && s.target !== rules.sceneTarget) family.push(s.target);
  const parts = [...family, start, ...(s.activation ? [s.activation] : []), `lr ${rateText(s.lrs, names)}`];
  if (s.loss !== defaults.loss) parts.push(d.lab[s.loss]);
  if (s.samples !== defaults.samples) parts.push(`${thousands(s.samples)} ${d.lab.samples}`);
  if (s.dataSeed !== defaults.dataSeed) parts.push(`${d.lab.data_seed} ${s.dataSeed}`);
  return parts.join(" \u00b7 ");
}

/** `render scene NAME --init ...` that re-records the run of settings `s` in Python. Scene and parameter
 * names come from the user's file: every word is shell-quoted, so a pasted command runs nothing else.
 * Rates: none given when they are the scene's own per parameter (c.lrs), else `--lr`, which gives every
 * parameter one rate; rates that differ and are not the scene's the CLI cannot say (commandNotes).
 * @param {LabSettings} rules @param {Settings} s */
export function command(rules, s) {
  const c = rules.d.command;
  const init = rules.namesOf(s).map((n) => `${n}=${repr(s.init[n])}`).join(",");
  const parts = ["render", "scene", c.scene, ...familyWords(rules, s)];
  parts.push("--init", init);
  if (!sameRates(s.lrs, c.lrs) && s.lr !== null) parts.push("--lr", repr(s.lr));
  parts.push("--steps", String(s.samples), "--seed", String(s.dataSeed));
  if (c.activation && s.activation) parts.push("--activation", s.activation);
  parts.push("--every", String(everyFor(s.samples)));
  if (s.loss !== "absolute") parts.push("--loss-fn", s.loss);
  return parts.map(shellWord).join(" ");
}

/**
 * The options that make the network, target and data of settings `s` from the command's scene (c.scene, the
 * registered one): --hidden, --target or --data, --data-range, --x-range. What `render lab` was given
 * (lab.py _command: c.hidden, c.target, c.data and c.dataName, c.dataRange, c.xRange) is said while the
 * settings keep it; a change made on the page is said instead. Points the user made are `points.csv` (the
 * page's download).
 * @param {LabSettings} rules @param {Settings} s @returns {string[]}
 */
export function familyWords(rules, s) {
  if (!rules.family) return [];
  const d = rules.d, out = [];
  const c = /** @type {{hidden?: string, target?: string, data?: boolean, dataName?: string,
    dataRange?: number[], xRange?: number[]}} */ (d.command);
  /** @param {number[]} r */
  const range = (r) => r.map(repr).join(",");
  if (c.hidden || !sameRates(s.hidden, rules.family)) out.push("--hidden", s.hidden.join(","));
  if (s.points.length) {
    const own = rules.ownPoints(s.points) && typeof c.dataName === "string";
    out.push("--data", own ? c.dataName : "points.csv");
  } else {
    if (c.target || s.target !== rules.sceneTarget) out.push("--target", s.target);
    // training on the target where the page's points were: their range, which the page keeps
    if (c.dataRange || c.data) out.push("--data-range", range(d.dataRange));
  }
  if (c.xRange) out.push("--x-range", range(c.xRange));
  return out;
}

/** What the command line does not reproduce of the run of settings `s`.
 * @param {LabSettings} rules @param {Settings} s */
export function commandNotes(rules, s) {
  const c = rules.d.command, ui = rules.d.lab, out = [];
  if (s.loss !== "absolute" && !c.loss) out.push(ui.no_loss_option);
  if (s.lr === null && !sameRates(s.lrs, c.lrs)) {
    out.push(fill(ui.no_lrs_option, { rates: c.lrs ? rateText(c.lrs, rules.namesOf(s)) : "" }));
  }
  return out.join(" ");
}
