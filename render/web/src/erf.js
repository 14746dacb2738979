/* erf.js: the error function in float64, for torch's exact GELU (torch_ops.js). JavaScript has no Math.erf.
 *
 * The algorithm and its coefficients are those of fdlibm's s_erf.c (as in FreeBSD's lib/msun/src/s_erf.c),
 * rewritten here: the same five ranges of |x|, the same rational approximations evaluated in the same order,
 * and the same split of exp(−x²) into exp(−z² − 0.5625)·exp((z − x)(z + x) + R/S) with z = x cut to its
 * high 32 bits, so the result is fdlibm's to within what Math.exp contributes (V8's Math.exp is fdlibm's
 * too): under an ulp from the true erf. The notice its licence asks to keep:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted, provided that this
 *   notice is preserved.
 */

/** erf(1) cut to single precision: 0.84375 ≤ |x| < 1.25 approximates erf(|x|) − ERX. */
const ERX = 8.45062911510467529297e-01;
/** 2/√π − 1: erf(x) ≈ x + EFX·x below 2⁻²⁸. */
const EFX = 1.28379167095512586316e-01;

// |x| < 0.84375: erf(x) = x + x·P(x²)/Q(x²) (coefficients lowest power first; Q's constant term is 1)
const PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
  -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const QQ = [1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
  1.32494738004321644526e-04, -3.96022827877536812320e-06];
// 0.84375 ≤ |x| < 1.25: erf(|x|) = ERX + PA(s)/QA(s), s = |x| − 1
const PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
  3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02,
  -2.16637559486879084300e-03];
const QA = [1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
  1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
// 1.25 ≤ |x| < 1/0.35: erfc(|x|) = exp(−x² − 0.5625 + RA(s)/SA(s))/|x|, s = 1/x²
const RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
  -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
  -8.12874355063065934246e+01, -9.81432934416914548592e+00];
const SA = [1, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
  6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
  6.57024977031928170135e+00, -6.04244152148580987438e-02];
// 1/0.35 ≤ |x| < 6: the same with RB/SB
const RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
  -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03,
  -4.83519191608651397019e+02];
const SB = [1, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
  3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02,
  -2.24409524465858183362e+01];

/** c[0] + s·(c[1] + s·(c[2] + …)), innermost first, as fdlibm nests it. @param {number[]} c
 * @param {number} s */
function horner(c, s) {
  let v = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) v = c[i] + s * v;
  return v;
}

// the bits of a double, for fdlibm's range tests on the high word and its cut of the low word
const bits = new DataView(new ArrayBuffer(8));

/** The high 32 bits of x's IEEE 754 representation, sign cleared. @param {number} x */
function highWord(x) {
  bits.setFloat64(0, x);
  return bits.getUint32(0) & 0x7fffffff;
}

/** x with the low 32 bits of its significand cleared (fdlibm's SET_LOW_WORD(z, 0)). @param {number} x */
function cutLow(x) {
  bits.setFloat64(0, x);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/**
 * The error function, 2/√π ∫₀ˣ exp(−t²) dt, as fdlibm computes it.
 * @param {number} x
 * @returns {number}
 */
export function erf(x) {
  if (Number.isNaN(x)) return x;
  const ix = highWord(x), sign = x < 0 ? -1 : 1;
  if (ix >= 0x7ff00000) return sign;  // ±Infinity
  if (ix < 0x3feb0000) {  // |x| < 0.84375
    if (ix < 0x3e300000) {  // |x| < 2⁻²⁸
      if (ix < 0x00800000) return (8 * x + 8 * EFX * x) / 8;  // as fdlibm: no spurious underflow
      return x + EFX * x;
    }
    const z = x * x;
    return x + x * (horner(PP, z) / horner(QQ, z));
  }
  if (ix < 0x3ff40000) {  // 0.84375 ≤ |x| < 1.25
    const s = Math.abs(x) - 1;
    const p = horner(PA, s), q = horner(QA, s);
    return sign > 0 ? ERX + p / q : -ERX - p / q;
  }
  if (ix >= 0x40180000) return sign;  // |x| ≥ 6: 1 − tiny rounds to 1
  const a = Math.abs(x), s = 1 / (a * a);
  const near = ix < 0x4006db6e;  // |x| < 1/0.35
  const r = near ? horner(RA, s) : horner(RB, s), q = near ? horner(SA, s) : horner(SB, s);
  const z = cutLow(a);
  const e = Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + r / q);
  return sign > 0 ? 1 - e / a : e / a - 1;
}
