/* torch_ops.js: PyTorch's elementwise activation modules, so the player recomputes a TorchRecorder
 * recording of a GELU, SiLU, ELU, ... network from its parameters instead of carrying its curves.
 *
 * A recording of a Sequential with one of these (render/record/torch_model.py) names each activation node
 * by torch's class (`kind: "GELU"`) with the module's settings (`options: {approximate: "none"}`). Each
 * function below is torch's float64 CPU kernel (aten/src/ATen/native/cpu/Activation.cpp and friends, and
 * torch.nn.functional for the ones written in Python): the same formula in the same order of operations,
 * with Math.exp/expm1/log1p/tanh (fdlibm in V8) where torch calls its vectorised exp/expm1/log1p/tanh/erf
 * (SLEEF, 1 ulp), and erf.js for erf. So each value is torch's to within an ulp or two of the larger of
 * |x| and |value| (where torch's own formula cancels, as GELU's 1 + erf(x/√2) far left or x − tanh(x) near
 * 0 do, that is more ulps of the tiny result), and bit for bit where there is no exp, log, tanh or erf
 * (LeakyReLU, Hardtanh, Hardswish, Softsign, ...): tests/test_player_torch_ops.py measures both.
 *
 * The Python side (render/web/player_data.py TORCH_OPS) lists the same kinds and options: it decides
 * whether the page gets parameters or embedded curves, so the two lists must agree (a test records every
 * kind).
 */

import { erf } from "./erf.js";

/** @typedef {(t: number) => number} Unary */
/** An option's kind: any finite number, or one of these strings. @typedef {"number" | string[]} OptionKind */
/** A torch activation: the options its module has (all of them: TorchRecorder writes every one) and the
 * function they make. @typedef {{options: Record<string, OptionKind>, make: (o: any) => Unary}} TorchOp */

// torch's constants (c10 / ATen), as doubles
const M_SQRT1_2 = Math.SQRT1_2;
const M_2_SQRTPI = 1.1283791670955126;  // 2/√π (M_2_SQRTPI = 1.12837916709551257390 as a double)
/** GELU's tanh approximation: √(2/π), computed as ATen writes it (kGeluBeta), and its cubic's weight */
const GELU_BETA = Math.SQRT2 * M_2_SQRTPI * 0.5;
const GELU_KAPPA = 0.044715;
/** SELU's (ATen's SELU_ALPHA, SELU_SCALE) */
const SELU_ALPHA = 1.6732632423543772;  // 1.6732632423543772848170429916717 as a double
const SELU_SCALE = 1.0507009873554805;  // 1.0507009873554804934193349852946 as a double

/**
 * ATen's elu kernel: t ≤ 0 ? expm1(t·inputScale)·(alpha·scale) : t·scale (ELU, CELU and SELU are this).
 * @param {number} alpha @param {number} scale @param {number} inputScale @returns {Unary}
 */
function elu(alpha, scale, inputScale) {
  const negcoef = alpha * scale;
  return (t) => (t <= 0 ? Math.expm1(t * inputScale) * negcoef : t * scale);
}

/** ATen's leaky_relu: t > 0 ? t : t·slope. @param {number} slope @returns {Unary} */
const leaky = (slope) => (t) => (t > 0 ? t : t * slope);
/** torch.clamp(t, lo, hi), which hardtanh is. @param {number} lo @param {number} hi @returns {Unary} */
const clamp = (lo, hi) => (t) => Math.min(Math.max(t, lo), hi);

/** Every activation the page computes, by torch's class name. @type {Record<string, TorchOp>} */
export const TORCH_OPS = {
  GELU: { options: { approximate: ["none", "tanh"] }, make: (o) => (o.approximate === "tanh"
    ? (t) => 0.5 * t * (1 + Math.tanh(GELU_BETA * (t + GELU_KAPPA * (t * t * t))))
    : (t) => t * 0.5 * (1 + erf(t * M_SQRT1_2))) },
  SiLU: { options: {}, make: () => (t) => t / (1 + Math.exp(-t)) },
  Mish: { options: {}, make: () => (t) => t * Math.tanh(Math.log1p(Math.exp(t))) },
  ELU: { options: { alpha: "number" }, make: (o) => elu(o.alpha, 1, 1) },
  CELU: { options: { alpha: "number" }, make: (o) => elu(o.alpha, 1, 1 / o.alpha) },
  SELU: { options: {}, make: () => elu(SELU_ALPHA, SELU_SCALE, 1) },
  Softplus: { options: { beta: "number", threshold: "number" }, make: (o) => (t) => (
    t * o.beta > o.threshold ? t : Math.log1p(Math.exp(t * o.beta)) / o.beta) },
  LeakyReLU: { options: { negative_slope: "number" }, make: (o) => leaky(o.negative_slope) },
  // eval mode (the recorder evaluates so): the mean of its slopes' range, a leaky ReLU
  RReLU: { options: { lower: "number", upper: "number" }, make: (o) => leaky((o.lower + o.upper) / 2) },
  Hardtanh: { options: { min_val: "number", max_val: "number" }, make: (o) => clamp(o.min_val, o.max_val) },
  ReLU6: { options: {}, make: () => clamp(0, 6) },
  Hardsigmoid: { options: {}, make: () => (t) => Math.min(Math.max(t + 3, 0), 6) / 6 },
  Hardswish: { options: {}, make: () => (t) => t * Math.min(Math.max(t + 3, 0), 6) / 6 },
  Softsign: { options: {}, make: () => (t) => t / (Math.abs(t) + 1) },
  LogSigmoid: { options: {}, make: () => (t) => Math.min(t, 0) - Math.log1p(Math.exp(-Math.abs(t))) },
  Tanhshrink: { options: {}, make: () => (t) => t - Math.tanh(t) },
  Hardshrink: { options: { lambd: "number" }, make: (o) => (t) => (
    t >= -o.lambd && t <= o.lambd ? 0 : t) },
  Softshrink: { options: { lambd: "number" }, make: (o) => (t) => (
    t > o.lambd ? t - o.lambd : (t < -o.lambd ? t + o.lambd : 0)) },
  Threshold: { options: { threshold: "number", value: "number" }, make: (o) => (t) => (
    t <= o.threshold ? o.value : t) },
};

/**
 * Whether `options` are exactly what `op` takes: every option, no other, each a finite number or one of
 * its strings.
 * @param {TorchOp} op @param {any} options @returns {boolean}
 */
function takes(op, options) {
  if (!options || typeof options !== "object" || Array.isArray(options)) return false;
  const names = Object.keys(op.options);
  if (Object.keys(options).length !== names.length) return false;
  return names.every((name) => {
    if (!Object.prototype.hasOwnProperty.call(options, name)) return false;
    const kind = op.options[name], v = options[name];
    return kind === "number" ? typeof v === "number" && Number.isFinite(v) : kind.includes(v);
  });
}

/**
 * torch's activation `kind` with its module's `options` as a function of one float64, or null when the
 * page does not know that kind or those options.
 * @param {string} kind
 * @param {any} options
 * @returns {Unary | null}
 */
export function torchActivation(kind, options) {
  if (!Object.prototype.hasOwnProperty.call(TORCH_OPS, kind)) return null;
  const op = TORCH_OPS[kind];
  return takes(op, options || {}) ? op.make(options || {}) : null;
}
