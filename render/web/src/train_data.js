/* train_data.js: what a run trains on, as the recorder makes it: the inputs of a data seed (numpy's
 * stream, random.js) and their labels, the scene's target of them (checked: only targets the page
 * computes exactly as numpy does).
 */

import { uniform } from "./random.js";
import { fail } from "./train_net.js";

/** @typedef {import("./types.js").Target} Target */

/**
 * The labels of `xs` for a target the page can compute exactly as numpy does (render/web/
 * lab.py, target_spec, checks which one a scene's target is): the chapter's x² (x * x), or an affine
 * a·x + b, (a * x) + b elementwise (the adaline's 2x + 1). Anything else is refused.
 * @param {Float64Array} xs @param {Target} [target]
 */
export function targetOf(xs, target) {
  const t = checkTarget(target), ys = new Float64Array(xs.length);
  if (t.kind === "square") {
    for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i];
  } else {
    const a = t.a, b = t.b;
    for (let i = 0; i < xs.length; i++) ys[i] = a * xs[i] + b;
  }
  return ys;
}

const SQUARE = Object.freeze({ kind: "square" });
/**
 * A target description, checked: {kind: "square"} (the default) or {kind: "affine", a, b}.
 * @param {Target | null | undefined} target @returns {Target}
 */
export function checkTarget(target) {
  if (target === undefined || target === null) return SQUARE;
  if (typeof target === "object" && target.kind === "square") return SQUARE;
  if (typeof target === "object" && target.kind === "affine" && finite(target.a) && finite(target.b)) {
    return { kind: "affine", a: target.a, b: target.b };
  }
  fail('target: {kind: "square"} or {kind: "affine", a, b} with finite a, b');
}
/** @param {Target} t */
const targetKey = (t) => (t.kind === "square" ? "square" : `affine ${t.a} ${t.b}`);

/** @param {number} v */
export const finite = (v) => typeof v === "number" && isFinite(v);

let cached = { seed: -1, low: 0, high: 0, target: "", xs: new Float64Array(0), ys: new Float64Array(0) };
/**
 * The data stream of `seed`: xs = default_rng(seed).uniform(low, high, samples) (the scene's data
 * range, the chapter's [0, 2] by default), ys = the target of xs (x² by default). The last one is
 * kept, and a shorter run of the same seed takes its prefix (a generator's draws do not depend on how
 * many are asked for), so moving a slider never regenerates the data.
 * @param {number} seed @param {number} samples @param {number[]} [range] @param {Target} [target]
 * @returns {{xs: Float64Array, ys: Float64Array}}
 */
export function data(seed, samples, range = [0.0, 2.0], target = SQUARE) {
  const [low, high] = range, t = checkTarget(target), key = targetKey(t);
  if (cached.seed !== seed || cached.low !== low || cached.high !== high || cached.xs.length < samples) {
    const xs = uniform(seed, low, high, samples);
    cached = { seed, low, high, target: key, xs, ys: targetOf(xs, t) };
  } else if (cached.target !== key) {
    cached = { ...cached, target: key, ys: targetOf(cached.xs, t) };
  }
  return { xs: cached.xs.subarray(0, samples), ys: cached.ys.subarray(0, samples) };
}
