/* train_data.js: what a run trains on, as the recorder makes it (scenes/base.py, draw_samples): the
 * inputs of a data seed (numpy's stream, random.js) labelled by the scene's target, or the user's data
 * points sampled by the rule `--data` uses (scenes/points.py).
 *
 * Targets: {kind: "square"} (x * x, the chapter's), {kind: "affine", a, b} ((a * x) + b, the adaline's),
 * {kind: "expr", ast} (scenes/targets.py's tree, Target.to_json()'s "ast", computed by target_expr.js's
 * compileTarget in the tree's order: the recorder's bits where its operations are IEEE ones), or a
 * string: a named target ("sin", "x^2", ...) or an expression in that grammar (parsed, never evaluated
 * as code). A target that is NaN or infinite on the data range is refused, as the command line refuses it.
 *
 * Points: sample i is point floor(u_i · n) (at most n − 1), u_i the i-th draw of
 * default_rng(data_seed).uniform(0, 1) (Points.pick); its x and y are the sample and its label.
 */

import { uniform } from "./random.js";
import { MAX_DEPTH, checkFinite, compileTarget, parseTarget } from "./target_expr.js";
import { fail } from "./train_net.js";

/** @typedef {import("./types.js").Target} Target */
/** @typedef {import("./target_expr.js").Ast} Ast */
/** A target as the page takes it (the header).
 * @typedef {Target | {kind: "expr", ast: Ast} | string} AnyTarget */
/** A target checked: one of the kinds, an expression with its function of x.
 * @typedef {{kind: "square"} | {kind: "affine", a: number, b: number}
 *   | {kind: "expr", ast: Ast, f: (x: number) => number, key: string}} Checked */

/** the most data points a run takes (scenes/points.py, MAX_ROWS) */
export const MAX_POINTS = 1000000;
/** the most operations a target's tree may have (the grammar's 200 characters make far fewer) */
const MAX_NODES = 1000;
/** @type {Record<string, number>} each operation of a tree and how many subtrees it takes */
const TREE_ARITY = {
  x: 0, pi: 0, neg: 1, abs: 1, sqrt: 1, sin: 1, cos: 1, exp: 1, log: 1, tanh: 1, step: 1,
  add: 2, sub: 2, mul: 2, div: 2, pow: 2, min: 2, max: 2,
};

/** @param {number} v */
export const finite = (v) => typeof v === "number" && isFinite(v);

/**
 * Whether `tree` is a target tree as scenes/targets.py's to_json() writes it: known operations with
 * their subtrees, finite numbers, small integer powers; no deeper than the grammar allows.
 * @param {unknown} tree @returns {boolean}
 */
export function isTree(tree) {
  let count = 0;
  /** @param {unknown} t @param {number} depth @returns {boolean} */
  const ok = (t, depth) => {
    if (!Array.isArray(t) || typeof t[0] !== "string" || depth > 4 * MAX_DEPTH || ++count > MAX_NODES) {
      return false;
    }
    const op = t[0];
    if (op === "num") return t.length === 2 && finite(t[1]);
    if (op === "powi") {
      return t.length === 3 && Number.isInteger(t[2]) && Math.abs(t[2]) <= 8 && ok(t[1], depth + 1);
    }
    const known = Object.prototype.hasOwnProperty.call(TREE_ARITY, op);
    if (!known || t.length !== TREE_ARITY[op] + 1) return false;
    return t.slice(1).every((a) => ok(a, depth + 1));
  };
  return ok(tree, 0);
}

const SQUARE = Object.freeze({ kind: "square" });
const DESCRIBE = 'target: a name (x^2, sin, ...) or an expression of x, {kind: "expr", ast}, '
  + '{kind: "square"} or {kind: "affine", a, b} with finite a, b';

/**
 * A target description, checked (the header's kinds); a string is parsed by the grammar and refused with
 * its reason. @param {AnyTarget | null | undefined} target @returns {Checked}
 */
export function checkTarget(target) {
  if (target === undefined || target === null) return SQUARE;
  if (typeof target === "string") {
    const parsed = parseTarget(target);
    if (parsed.ok === true) return expr(parsed.ast);
    fail(`target ${JSON.stringify(target.slice(0, 40))}: ${parsed.ok === false ? parsed.error : ""}`);
  }
  if (typeof target !== "object") fail(DESCRIBE);
  if (target.kind === "square") return SQUARE;
  if (target.kind === "affine" && finite(target.a) && finite(target.b)) {
    return { kind: "affine", a: target.a, b: target.b };
  }
  if (target.kind === "expr" && isTree(target.ast)) return expr(target.ast);
  return fail(DESCRIBE);
}

/** @param {Ast} ast @returns {Checked} */
const expr = (ast) => ({ kind: "expr", ast, f: compileTarget(ast), key: JSON.stringify(ast) });

/**
 * Refuse a target that is NaN or infinite on the data range (the command line's check).
 * @param {AnyTarget | null | undefined} target @param {number[]} range
 */
export function checkTargetOn(target, range) {
  const t = checkTarget(target);
  if (t.kind !== "expr") return;
  const why = checkFinite({ name: describeTree(t), ast: t.ast }, range[0], range[1]);
  if (why) fail(why);
}

/** @param {Checked} t */
const describeTree = (t) => (t.kind === "expr" ? t.key.slice(0, 60) : t.kind);

/**
 * The labels of `xs` (see the header): x * x, (a * x) + b, or the tree's operations in its order.
 * @param {Float64Array} xs @param {AnyTarget} [target]
 */
export function targetOf(xs, target) {
  const t = checkTarget(target), ys = new Float64Array(xs.length);
  if (t.kind === "square") {
    for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * xs[i];
  } else if (t.kind === "affine") {
    const a = t.a, b = t.b;
    for (let i = 0; i < xs.length; i++) ys[i] = a * xs[i] + b;
  } else {
    const f = t.f;
    for (let i = 0; i < xs.length; i++) ys[i] = f(xs[i]);
  }
  return ys;
}

/** @param {Checked} t */
const targetKey = (t) => (t.kind === "square" ? "square" : t.kind === "affine" ? `affine ${t.a} ${t.b}`
  : `expr ${t.key}`);

/**
 * Data points checked: a list of 1 to MAX_POINTS [x, y] pairs of finite numbers, or a clear error.
 * @param {unknown} points @returns {number[][]}
 */
export function checkPoints(points) {
  if (!Array.isArray(points) || points.length < 1 || points.length > MAX_POINTS) {
    fail(`points: a list of 1 to ${MAX_POINTS} [x, y] pairs of finite numbers`);
  }
  points.forEach((p, k) => {
    if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) {
      fail(`points: point ${k + 1} is not an [x, y] pair of finite numbers`);
    }
  });
  return points;
}

/**
 * The samples of a run on data points (the header's rule): xs and their labels.
 * @param {number[][]} points @param {number} seed @param {number} n
 * @returns {{xs: Float64Array, ys: Float64Array}}
 */
export function pointSamples(points, seed, n) {
  checkPoints(points);
  const u = uniform(seed, 0.0, 1.0, n), count = points.length;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[Math.min(Math.floor(u[i] * count), count - 1)];
    xs[i] = p[0];
    ys[i] = p[1];
  }
  return { xs, ys };
}

/** The data range points give (Points.x_span): their x from least to largest, a unit around one x.
 * @param {number[][]} points @returns {number[]} */
export function pointSpan(points) {
  let lo = Infinity, hi = -Infinity;
  for (const p of checkPoints(points)) { if (p[0] < lo) lo = p[0]; if (p[0] > hi) hi = p[0]; }
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

let cached = { seed: -1, low: 0, high: 0, target: "", xs: new Float64Array(0), ys: new Float64Array(0) };
/**
 * The data stream of `seed`: xs = default_rng(seed).uniform(low, high, samples) (the scene's data
 * range, the chapter's [0, 2] by default), ys = the target of xs (x² by default); with `points`, their
 * samples instead (pointSamples). The last stream of a range is kept, and a shorter run of the same seed
 * takes its prefix (a generator's draws do not depend on how many are asked for), so moving a slider
 * never regenerates the data.
 * @param {number} seed @param {number} samples @param {number[]} [range] @param {AnyTarget} [target]
 * @param {number[][] | null} [points]
 * @returns {{xs: Float64Array, ys: Float64Array}}
 */
export function data(seed, samples, range = [0.0, 2.0], target = SQUARE, points = null) {
  if (points) return pointSamples(points, seed, samples);
  const [low, high] = range, t = checkTarget(target), key = targetKey(t);
  if (cached.seed !== seed || cached.low !== low || cached.high !== high || cached.xs.length < samples) {
    const xs = uniform(seed, low, high, samples);
    cached = { seed, low, high, target: key, xs, ys: targetOf(xs, t) };
  } else if (cached.target !== key) {
    cached = { ...cached, target: key, ys: targetOf(cached.xs, t) };
  }
  return { xs: cached.xs.subarray(0, samples), ys: cached.ys.subarray(0, samples) };
}
