/* lab_settings.js: the lab's settings, checked, and their URL fragment. Every setting (initial values,
 * learning rates, activation, loss, samples, data seed; for a scene of the chapter's family also the
 * hidden widths, the target and the user's points) is checked against the scene (anything invalid keeps
 * its fallback), and written to and read back from the fragment: numbers, known names and targets that
 * parse (target_expr.js) only.
 *
 * Learning rates: one per parameter (`lrs`, update order). In the fragment `lr` is one number (every
 * rate) or, for a scene whose runs have their own rates per parameter (d.ownRates), one per parameter
 * joined by "/" ("lr=0.05/0.1"). A pinned run is one fragment field, "name:value,..." with every field.
 *
 * The family: `h` the widths ("3" or "3,3"), `t` the target (a name or an expression), `pts` the points,
 * "x_y" pairs joined by "~" with at most POINT_DIGITS decimals (a point is rounded so when it is made, so
 * the fragment, the CSV and the run hold the same numbers). A parameter the settings do not give (a new
 * unit) is drawn as Python draws it: uniform(-1, 1) from default_rng(seed) over every name in update
 * order (Run.initial_values), the value at its own place.
 */

import { fill } from "./dom.js";
import { integer, number, repr } from "./lab_text.js";
import { MAX_LAYERS, MAX_UNITS, networkGraph, paramNames } from "./network.js";
import { uniform } from "./random.js";
import { checkFinite, parseTarget } from "./target_expr.js";
import { sameRates } from "./lab_run.js";

/** @typedef {import("./types.js").LabPage} LabPage */
/** @typedef {import("./types.js").Settings} Settings */

/** Points the page keeps at most (a click adds one; a link may bring this many). */
export const MAX_POINTS = 500;
/** A point's coordinates are rounded to this many decimals, and lie within ±MAX_COORD. */
export const POINT_DIGITS = 3;
export const MAX_COORD = 1e4;
/** The fragment's longest text (a 16-unit net's values, a pinned run, 500 points). */
export const MAX_FRAGMENT = 30000;
/** A parameter's name in any network of the family, or the scene's own names. */
const PARAM = /^[wb]_\d{1,2}(_\d{1,2}){0,2}$/;

/** A coordinate rounded as points keep it. @param {number} v */
export const roundCoord = (v) => {
  const f = 10 ** POINT_DIGITS, r = Math.round(v * f) / f;
  return r === 0 ? 0 : r;
};
/** A point's coordinate as the fragment and the CSV write it (the shortest text of the rounded value). */
const coordText = (/** @type {number} */ v) => String(v);

/**
 * Points, checked: a list of at most MAX_POINTS [x, y] of finite numbers within ±MAX_COORD, rounded;
 * null when anything is not.
 * @param {unknown} pts @returns {number[][] | null}
 */
export function checkPoints(pts) {
  if (!Array.isArray(pts) || pts.length > MAX_POINTS) return null;
  const out = [];
  for (const p of pts) {
    if (!Array.isArray(p) || p.length !== 2) return null;
    if (!p.every((v) => typeof v === "number" && isFinite(v) && Math.abs(v) <= MAX_COORD)) return null;
    out.push([roundCoord(p[0]), roundCoord(p[1])]);
  }
  return out;
}

/** The word of no points in the fragment (a --data page's points cleared: an empty value is not written). */
const NO_POINTS = "none";

/** Points as the fragment writes them. @param {number[][]} pts */
export const pointsWord = (pts) => (pts.length ? pts.map((p) => `${coordText(p[0])}_${coordText(p[1])}`)
  .join("~") : NO_POINTS);

/** Whether two lists of points are the same points, in order. @param {number[][]} a @param {number[][]} b */
export const samePoints = (a, b) => a === b || (Array.isArray(a) && Array.isArray(b) &&
  a.length === b.length && a.every((p, k) => Array.isArray(p) && p[0] === b[k][0] && p[1] === b[k][1]));

/** Points as a CSV file of x, y (scenes/points.py reads it: a header line, then one point a line).
 * @param {number[][]} pts */
export const pointsCsv = (pts) =>
  ["x,y", ...pts.map((p) => `${coordText(p[0])},${coordText(p[1])}`)].join("\n") + "\n";

/** Points from fragment text, or null when any is not a point. @param {string | undefined} text */
export function parsePoints(text) {
  if (typeof text !== "string") return null;
  if (text === "" || text === NO_POINTS) return [];
  const parts = text.split("~");
  if (parts.length > MAX_POINTS) return null;
  const pts = [];
  for (const part of parts) {
    const xy = part.split("_").map(number);
    if (xy.length !== 2 || xy.some((v) => v === null)) return null;
    pts.push(xy);
  }
  return checkPoints(pts);
}

/** Widths from "3" or "3,3", or null. @param {string | undefined} text */
export function parseHidden(text) {
  if (typeof text !== "string" || !/^\d{1,2}(,\d{1,2}){0,2}$/.test(text)) return null;
  const hidden = text.split(",").map(Number);
  return okHidden(hidden) ? hidden : null;
}

/** @param {unknown} h */
const okHidden = (h) => Array.isArray(h) && h.length >= 1 && h.length <= MAX_LAYERS &&
  h.every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_UNITS);

/**
 * Each parameter's role in the network `hidden` (scenes.network.Names.roles: the same in every network
 * of the family that has it), in update order: "w L j i" or "b L j", the output layer's L as "out".
 * @param {number[]} hidden @returns {string[]}
 */
export function roles(hidden) {
  const out = [], L = hidden.length;
  for (let layer = 1; layer <= L + 1; layer++) {
    const key = layer === L + 1 ? "out" : String(layer), fanIn = layer === 1 ? 1 : hidden[layer - 2];
    const units = layer === L + 1 ? 1 : hidden[layer - 1];
    for (let j = 1; j <= units; j++) for (let i = 1; i <= fanIn; i++) out.push(`w ${key} ${j} ${i}`);
    for (let j = 1; j <= units; j++) out.push(`b ${key} ${j}`);
  }
  return out;
}

/**
 * Values of network `from` renamed for network `to` by role (scenes.network.translate); parameters `to`
 * has no place for are left out.
 * @param {Record<string, number>} values @param {number[]} from @param {number[]} to
 */
export function translate(values, from, to) {
  const a = paramNames(from), ra = roles(from), b = paramNames(to), rb = roles(to);
  /** @type {Record<string, string>} */
  const byRole = Object.create(null);
  rb.forEach((r, k) => { byRole[r] = b[k]; });
  /** @type {Record<string, number>} */
  const out = {};
  a.forEach((n, k) => { if (byRole[ra[k]] !== undefined && n in values) out[byRole[ra[k]]] = values[n]; });
  return out;
}

/**
 * Whether the scene's graph is the family's network (the chapter's is [2]; the widths the page data names,
 * `render lab --hidden 3,3`, or one hidden layer): its widths, else null (the adaline: its own graph, no
 * architecture to change).
 * @param {LabPage} d @returns {number[] | null}
 */
function familyWidths(d) {
  const shape = (/** @type {import("./types.js").Graph} */ g) => JSON.stringify(
    [g.params, g.output, g.nodes.map((n) => [n.name, n.kind, n.parents])]);
  const own = shape(d.graph), act = d.defaults.activation;
  if (!act) return null;
  const given = /** @type {{hidden?: number[] | null}} */ (d).hidden;
  if (Array.isArray(given) && okHidden(given)) {
    try {
      if (shape(networkGraph(given, act, d.defaults.loss)) === own) return given.slice();
    } catch {
      return null;
    }
  }
  for (let h = 1; h <= MAX_UNITS; h++) {
    const loss = d.defaults.loss;
    try {
      if (shape(networkGraph([h], act, loss)) === own) return [h];
    } catch {
      return null;
    }
  }
  return null;
}

/** The scene's rules for settings: its parameter names, its defaults, what it offers. */
export class LabSettings {
  /** @param {LabPage} d */
  constructor(d) {
    this.d = d;
    /** the scene's own widths when it is one of the family (the architecture can change), else null */
    this.family = familyWidths(d);
    /** the target the scene trains on, as text ("x^2", "sin", "x^3-x": `render lab --target`), when it is
     * one the page can name; a --data page's is the chapter's x^2, trained on once its points are cleared
     * (its command then says --data-range, the points' range, which the page keeps) */
    const expr = /** @type {{targetExpr?: {text?: unknown} | null}} */ (d).targetExpr;
    const own = expr && typeof expr.text === "string" ? parseTarget(expr.text) : null;
    this.sceneTarget = !this.family ? null : own && own.ok ? own.text
      : (d.targetSpec && d.targetSpec.kind === "square") || d.points ? "x^2" : null;
    /** the points the scene trains on (`render lab --data`: all of them, as given), else none */
    this.scenePoints = this.family && Array.isArray(d.points) ? d.points : [];
    /** the seed a new unit's parameters are drawn from (the random button's box sets it) */
    this.initSeed = 0;
    /** @type {Settings} */
    this.defaults = this.normalise({ ...d.defaults, hidden: this.family, target: this.sceneTarget,
      points: this.scenePoints });
    this.names = this.namesOf(this.defaults);
  }

  /** Whether `h` is widths the lab offers. @param {unknown} h */
  okHidden(h) { return okHidden(h); }

  /** The parameters of settings `s`, in update order. @param {{hidden?: number[] | null}} s */
  namesOf(s) {
    return this.family && s.hidden ? paramNames(s.hidden) : this.d.graph.params.map(String);
  }

  /** Whether settings `s` are the scene's own network, target and data (then its own panels and graph).
   * @param {Settings} s */
  isScenes(s) {
    return !this.family || (sameRates(s.hidden, this.family) && s.target === this.sceneTarget &&
      this.ownPoints(s.points));
  }

  /** Whether `pts` are the scene's own points (none, or a --data page's). @param {number[][]} pts */
  ownPoints(pts) {
    return samePoints(pts, this.scenePoints);
  }

  /** Whether the scene's presets (Fig 7, Fig 8) mean something for settings `s`: its own network and target.
   * @param {Settings} s */
  isChapter(s) { return this.isScenes(s); }

  /** The values Python draws for the parameters of `hidden` from `seed` (Run.initial_values).
   * @param {number[]} hidden @param {number} seed */
  drawn(hidden, seed) {
    const names = paramNames(hidden), values = uniform(seed, -1.0, 1.0, names.length);
    /** @type {Record<string, number>} */
    const out = {};
    names.forEach((n, j) => { out[n] = values[j]; });
    return out;
  }

  /**
   * Why target text cannot be the target here (parseTarget's or checkFinite's words), or "".
   * @param {unknown} text
   */
  targetError(text) {
    const t = parseTarget(text);
    if (t.ok === false) return t.error;
    return checkFinite(t, this.d.dataRange[0], this.d.dataRange[1]) || "";
  }

  /**
   * Settings with every field checked; anything invalid takes the default's value.
   * @param {Partial<Settings>} s @param {Settings} [base] @returns {Settings}
   */
  normalise(s, base) {
    base = base || this.defaults || /** @type {Settings} */ (s);
    /** @template T @param {T} v @param {(v: T) => boolean} test */
    const ok = (v, test) => (test(v) ? v : undefined);
    /** @template T @param {T | undefined} v @param {T} fallback */
    const pick = (v, fallback) => (v === undefined ? fallback : v);
    const hidden = this.family ? /** @type {number[]} */ (pick(ok(s.hidden, okHidden), base.hidden)).slice()
      : null;
    const names = this.namesOf({ hidden });
    const fresh = hidden && names.some((n) => !(s.init && n in s.init) && !(n in base.init))
      ? this.drawn(hidden, this.initSeed) : {};
    /** @type {Record<string, number>} */
    const init = {};
    for (const n of names) {
      const v = s.init && s.init[n];
      init[n] = typeof v === "number" && isFinite(v) ? v : n in base.init ? base.init[n] : fresh[n];
    }
    /** @param {unknown} v */
    const finite = (v) => typeof v === "number" && isFinite(v);
    /** @param {number[]} v */
    const rates = (v) => Array.isArray(v) && v.length === names.length && v.every(finite) &&
      (this.d.ownRates || v.every((r) => r === v[0]));  // one rate unless the scene has its own per parameter
    let lrs = ok(s.lrs, rates);
    if (!lrs && !this.d.ownRates) {  // one rate: the given one (another network's length), else the base's
      const one = Array.isArray(s.lrs) && s.lrs.length && finite(s.lrs[0]) &&
        s.lrs.every((r) => r === s.lrs[0]) ? s.lrs[0] : base.lrs[0];
      lrs = names.map(() => one);
    }
    lrs = (lrs || base.lrs).slice();
    const target = this.family ? pick(ok(s.target, (t) => !this.targetError(t)), base.target) : null;
    // the scene's own points are kept as given (a --data file may have more of them, or more decimals,
    // than a point the page makes); others are checked and rounded
    const points = !this.family ? [] : this.ownPoints(s.points) ? this.scenePoints
      : pick(checkPoints(s.points) || undefined, base.points || []);
    return {
      init,
      lr: lrs.every((v) => v === lrs[0]) ? lrs[0] : null,  // the one rate, or null when they differ
      lrs,
      samples: pick(ok(s.samples, (v) => Number.isSafeInteger(v) && v >= 1 && v <= this.d.maxSamples),
        base.samples),
      activation: pick(ok(s.activation, (v) => this.d.activations.includes(v)), base.activation),
      loss: pick(ok(s.loss, (v) => this.d.losses.includes(v)), base.loss),
      dataSeed: pick(ok(s.dataSeed, (v) => Number.isSafeInteger(v) && v >= 0 && v < 2 ** 53), base.dataSeed),
      hidden, target, points,
    };
  }

  /** Rates from fragment text: one number (every rate), or one per parameter joined by "/".
   * @param {string | undefined} text @param {string[]} names */
  parseRates(text, names) {
    if (typeof text !== "string" || text.length > 40 * names.length) return undefined;
    const values = text.split("/").map(number);
    if (values.some((v) => v === null)) return undefined;
    if (values.length === 1) return names.map(() => values[0]);
    return values.length === names.length ? values : undefined;
  }

  /** The rates as the fragment writes them. @param {Settings} s */
  rateWord(s) {
    return s.lr !== null ? repr(s.lr) : s.lrs.map(repr).join("/");
  }

  /** Whether `key` is a field of the fragment: the settings, the timeline's sample and a pinned run.
   * @param {string} key */
  fragmentKey(key) {
    return ["lr", "act", "loss", "n", "seed", "step", "pin", "h", "t", "pts"].includes(key) ||
      PARAM.test(key) || this.names.includes(key);
  }

  /**
   * Settings from fragment values: numbers, known names and targets only; anything else keeps the default.
   * @param {(key: string) => string | undefined} get
   */
  parseSettings(get) {
    const hidden = this.family ? parseHidden(get("h")) || this.defaults.hidden : null;
    const names = this.namesOf({ hidden });
    /** @type {Record<string, number>} */
    const init = {};
    for (const n of names) { const v = number(get(n) || ""); if (v !== null) init[n] = v; }
    /** @param {string} k @param {number} hi */
    const int = (k, hi) => { const v = get(k); return v === undefined ? undefined : integer(v, 0, hi); };
    /** @param {number | null | undefined} v */
    const pick = (v) => (v === null ? undefined : v);
    const pts = get("pts");
    return this.normalise({ init, lrs: this.parseRates(get("lr"), names),
      samples: pick(int("n", this.d.maxSamples)), activation: get("act"), loss: get("loss"),
      dataSeed: pick(int("seed", 2 ** 53 - 1)), hidden,
      target: get("t"), points: pts === undefined ? this.scenePoints : parsePoints(pts) || undefined },
    this.defaults);
  }

  /** What of a link's family fields was refused, in words for the page ("" when nothing).
   * @param {(key: string) => string | undefined} get */
  refusals(get) {
    if (!this.family) return "";
    const ui = this.d.lab, out = [], t = get("t"), h = get("h"), pts = get("pts");
    if (t !== undefined && this.targetError(t)) {
      out.push(fill(ui.link_refused, { what: ui.target, why: this.targetError(t) }));
    }
    if (h !== undefined && !parseHidden(h)) {
      out.push(fill(ui.link_refused, { what: ui.layers, why: h.slice(0, 20) }));
    }
    if (pts !== undefined && !parsePoints(pts)) {
      out.push(fill(ui.link_refused, { what: ui.points, why: `at most ${MAX_POINTS} x_y pairs of numbers` }));
    }
    return out.join(" ");
  }

  /** The fields a pinned run must have in the fragment, for its own network `hidden`.
   * @param {number[] | null} hidden */
  pinKeys(hidden) {
    return [...this.namesOf({ hidden }), "lr", ...(this.d.activations.length ? ["act"] : []), "loss", "n",
      "seed"];
  }

  /** A pinned run's settings from "name:value,..." with every field present and valid, else null.
   * @param {string} text */
  parsePin(text) {
    /** @type {Record<string, string>} */
    const pairs = Object.create(null);
    if (text.length > MAX_FRAGMENT) return null;
    for (const part of text.split(",")) {
      const i = part.indexOf(":"), k = part.slice(0, i);
      if (i <= 0 || !this.fragmentKey(k) || k in pairs) return null;
      pairs[k] = part.slice(i + 1);
    }
    let hidden = null;
    if (this.family) {
      hidden = "h" in pairs ? parseHidden(pairs.h.replace(/\./g, ",")) : this.defaults.hidden;
      if (!hidden) return null;
    }
    if ("t" in pairs) {
      try { pairs.t = decodeURIComponent(pairs.t); } catch { return null; }
    }
    const keys = this.pinKeys(hidden);
    if (keys.some((k) => !(k in pairs))) return null;
    const names = this.namesOf({ hidden });
    const s = this.parseSettings((k) => (k === "h" && hidden ? hidden.join(",") : pairs[k]));
    const points = "pts" in pairs ? parsePoints(pairs.pts) : this.scenePoints;
    const same = names.every((n) => String(s.init[n]) === String(number(pairs[n]))) &&
      sameRates(s.lrs, this.parseRates(pairs.lr, names)) && (s.activation || undefined) === pairs.act &&
      s.loss === pairs.loss && s.samples === integer(pairs.n, 1, this.d.maxSamples) &&
      s.dataSeed === integer(pairs.seed, 0, 2 ** 53 - 1) &&
      (!("t" in pairs) || s.target === pairs.t) && !!points && points.length === s.points.length;
    return same ? s : null;  // a field that fell back to its default was not valid
  }

  /** The family's fields of settings `s` that differ from the scene's own ([key, text] pairs).
   * @param {Settings} s @param {string} [sep]  between widths */
  familyFields(s, sep = ",") {
    if (!this.family) return [];
    const out = [];
    if (!sameRates(s.hidden, this.family)) out.push(["h", s.hidden.join(sep)]);
    if (s.target !== this.sceneTarget) out.push(["t", s.target]);
    if (!this.ownPoints(s.points)) out.push(["pts", pointsWord(s.points)]);
    return out;
  }

  /**
   * The fragment's values for settings `s` at sample `step`, with a pinned run's settings if any.
   * @param {Settings} s @param {number} step @param {Settings | null} pinned
   */
  fragmentOf(s, step, pinned) {
    /** @type {Record<string, string | number>} */
    const out = {};
    for (const [k, v] of this.familyFields(s)) out[k] = v;
    for (const n of this.namesOf(s)) out[n] = repr(s.init[n]);
    Object.assign(out, { lr: this.rateWord(s), act: s.activation, loss: s.loss, n: s.samples,
      seed: s.dataSeed,
      step });
    if (pinned) {
      const p = pinned;
      const own = this.familyFields(p, ".").map(([k, v]) => `${k}:${k === "t" ? encodeURIComponent(v) : v}`);
      out.pin = [...own,
        ...this.namesOf(p).map((n) => `${n}:${repr(p.init[n])}`), `lr:${this.rateWord(p)}`,
        ...(p.activation ? [`act:${p.activation}`] : []), `loss:${p.loss}`, `n:${p.samples}`,
        `seed:${p.dataSeed}`]
        .join(",");
    }
    return out;
  }
}
