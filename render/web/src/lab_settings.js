/* lab_settings.js: the lab's settings, checked, and their URL fragment. Every setting (initial values,
 * learning rates, activation, loss, samples, data seed) is checked against the scene (anything invalid
 * keeps its fallback), and written to and read back from the fragment: numbers and known names only.
 *
 * Learning rates: one per parameter (`lrs`, update order). In the fragment `lr` is one number (every
 * rate) or, for a scene whose runs have their own rates per parameter (d.ownRates), one per parameter
 * joined by "/" ("lr=0.05/0.1"). A pinned run is one fragment field, "name:value,..." with every field.
 */

import { sameRates } from "./lab_run.js";
import { integer, number, repr } from "./lab_text.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */

/** The scene's rules for settings: its parameter names, its defaults, what it offers. */
export class LabSettings {
  /** @param {LabPage} d */
  constructor(d) {
    this.d = d;
    this.names = d.graph.params.map(String);
    /** @type {Settings} */
    this.defaults = this.normalise(d.defaults);
  }

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

  /** The fragment's fields: the settings, the timeline's sample and a pinned run. */
  fragmentKeys() {
    return [...this.names, "lr", "act", "loss", "n", "seed", "step", "pin"];
  }

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

  /**
   * The fragment's values for settings `s` at sample `step`, with a pinned run's settings if any.
   * @param {Settings} s @param {number} step @param {Settings | null} pinned
   */
  fragmentOf(s, step, pinned) {
    /** @type {Record<string, string | number>} */
    const out = {};
    for (const n of this.names) out[n] = repr(s.init[n]);
    Object.assign(out, { lr: this.rateWord(s), act: s.activation, loss: s.loss, n: s.samples,
      seed: s.dataSeed,
      step });
    if (pinned) {
      const p = pinned;
      out.pin = [...this.names.map((n) => `${n}:${repr(p.init[n])}`), `lr:${this.rateWord(p)}`,
        ...(p.activation ? [`act:${p.activation}`] : []), `loss:${p.loss}`, `n:${p.samples}`,
        `seed:${p.dataSeed}`]
        .join(",");
    }
    return out;
  }
}
