/* random.js: numpy's default_rng, bit for bit: SeedSequence -> PCG64 -> next_double -> uniform.
 *
 * The recorder draws its training inputs with
 *     numpy.random.default_rng(data_seed).uniform(0.0, 2.0, samples)      (scenes/base.py, Run.data)
 * and random inits with default_rng(init_seed).uniform(-1.0, 1.0, n). This file reproduces those
 * streams exactly for any non-negative integer seed up to 2**53 (the page's seeds come from number
 * boxes and URL fragments), so a run in the lab sees the very numbers the Python recorder sees.
 *
 * How (numpy/random/bit_generator.pyx, _pcg64.pyx, pcg64.h):
 *   - SeedSequence(seed): the seed's 32-bit words (little-endian) are hashed into a pool of four
 *     32-bit words; generate_state(4, uint64) hashes the pool into eight words = four uint64.
 *   - PCG64: a 128-bit LCG, state = state * MULT + inc (mod 2**128); set-up is state = 0,
 *     inc = (seq << 1) | 1, step, state += initstate, step, with initstate = (v0 << 64) | v1 and
 *     seq = (v2 << 64) | v3. Each draw steps first, then outputs XSL-RR: rotr64(hi ^ lo, state >> 122).
 *   - next_double = (draw >>> 11) * 2**-53; uniform(low, high) = low + (high - low) * next_double.
 *
 * Arithmetic: no BigInt. 32-bit words with Math.imul for the SeedSequence hash; the 128-bit LCG as
 * four 32-bit limbs whose partial products are formed exactly in float64 (a 32x16-bit product is
 * below 2**48): 3-10x faster than the same LCG in BigInt here (benchmarks/lab_speed.py prints both).
 */
// ------------------------------------------------------------------ SeedSequence (32-bit words)
const INIT_A = 0x43b0d7e5, MULT_A = 0x931e8875, INIT_B = 0x8b51f9dd, MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd, MIX_MULT_R = 0x4973f715, POOL = 4;
const TWO32 = 4294967296;

/**
 * The seed's 32-bit words, least significant first ([0] for 0), as numpy's _int_to_uint32_array.
 * @param {number} seed @returns {number[]}
 */
function seedWords(seed) {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError('seed must be an integer in [0, 2**53)');
  }
  const words = [];
  do {
    words.push(seed % TWO32);
    seed = Math.floor(seed / TWO32);
  } while (seed > 0);
  return words;
}

/**
 * SeedSequence(seed).generate_state(8, uint32): the words numpy views as four uint64.
 * @param {number} seed @returns {number[]}
 */
export function seedState(seed) {
  const entropy = seedWords(seed);
  let hashConst = INIT_A;
  /** @param {number} value */
  function hashmix(value) {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  }
  /** @param {number} x @param {number} y */
  function mix(x, y) {
    const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
    return (r ^ (r >>> 16)) >>> 0;
  }
  const pool = [];
  for (let i = 0; i < POOL; i++) pool.push(hashmix(i < entropy.length ? entropy[i] : 0));
  for (let src = 0; src < POOL; src++) {
    for (let dst = 0; dst < POOL; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
    }
  }
  for (let src = POOL; src < entropy.length; src++) {
    for (let dst = 0; dst < POOL; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src]));
  }
  const out = [];
  let h = INIT_B;
  for (let i = 0; i < 8; i++) {
    let v = (pool[i % POOL] ^ h) >>> 0;
    h = Math.imul(h, MULT_B) >>> 0;
    v = Math.imul(v, h) >>> 0;
    out.push((v ^ (v >>> 16)) >>> 0);
  }
  return out;
}

// ------------------------------------------------------------------ PCG64 (four 32-bit limbs)
// PCG_DEFAULT_MULTIPLIER_128 = 0x2360ED051FC65DA4_4385DF649FCCF645, limbs low to high,
// each also split into 16-bit halves for the exact high words of 32x32 products.
const M = [0x9fccf645, 0x4385df64, 0x1fc65da4, 0x2360ed05];
const ML = M.map((m) => m & 0xffff);
const MH = M.map((m) => m >>> 16);
const INV16 = 1 / 65536, INV32 = 1 / TWO32;

/**
 * The high 32 bits of s * M[j] (s < 2**32), exactly: s*MH < 2**48 and s*ML < 2**48 in float64.
 * @param {number} s @param {number} j
 */
function mulhi(s, j) {
  return Math.floor((s * MH[j] + Math.floor(s * ML[j] * INV16)) * INV16);
}

/** A PCG64 generator; `s` is the state and `c` the increment, four uint32 limbs each, low first. */
export class Pcg64 {
  /** @param {number[]} initstate @param {number[]} initseq  128-bit numbers as limbs, low first */
  constructor(initstate, initseq) {
    // inc = (initseq << 1) | 1
    this.c = [
      ((initseq[0] << 1) | 1) >>> 0,
      ((initseq[1] << 1) | (initseq[0] >>> 31)) >>> 0,
      ((initseq[2] << 1) | (initseq[1] >>> 31)) >>> 0,
      ((initseq[3] << 1) | (initseq[2] >>> 31)) >>> 0,
    ];
    this.s = [0, 0, 0, 0];
    this.step();
    const s = this.s;
    let carry = 0;
    for (let k = 0; k < 4; k++) {
      const t = s[k] + initstate[k] + carry;
      s[k] = t >>> 0;
      carry = t >= TWO32 ? 1 : 0;
    }
    this.step();
  }

  /** state = state * MULT + inc (mod 2**128), column by column with exact float64 sums < 2**53. */
  step() {
    const s = this.s, c = this.c;
    const s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
    const t0 = (Math.imul(s0, M[0]) >>> 0) + c[0];
    const t1 = mulhi(s0, 0) + (Math.imul(s0, M[1]) >>> 0) + (Math.imul(s1, M[0]) >>> 0) + c[1]
      + Math.floor(t0 * INV32);
    const t2 = mulhi(s0, 1) + mulhi(s1, 0) + (Math.imul(s0, M[2]) >>> 0) + (Math.imul(s1, M[1]) >>> 0)
      + (Math.imul(s2, M[0]) >>> 0) + c[2] + Math.floor(t1 * INV32);
    const t3 = mulhi(s0, 2) + mulhi(s1, 1) + mulhi(s2, 0) + Math.imul(s0, M[3]) + Math.imul(s1, M[2])
      + Math.imul(s2, M[1]) + Math.imul(s3, M[0]) + c[3] + Math.floor(t2 * INV32);
    s[0] = t0 >>> 0;
    s[1] = t1 >>> 0;
    s[2] = t2 >>> 0;
    s[3] = t3 >>> 0;
  }

  /** numpy's next_double: step, XSL-RR output, top 53 bits as a double in [0, 1). */
  nextDouble() {
    this.step();
    const s = this.s;
    let hi = (s[3] ^ s[1]) >>> 0, lo = (s[2] ^ s[0]) >>> 0, rot = s[3] >>> 26;
    if (rot >= 32) {
      const t = hi; hi = lo; lo = t; rot -= 32;
    }
    if (rot > 0) {
      const h = ((hi >>> rot) | (lo << (32 - rot))) >>> 0;
      lo = ((lo >>> rot) | (hi << (32 - rot))) >>> 0;
      hi = h;
    }
    return (hi * 2097152 + (lo >>> 11)) * 1.1102230246251565e-16; // (hi·2**21 + lo>>>11) · 2**-53
  }
}

/** default_rng(seed): the PCG64 numpy seeds from SeedSequence(seed). @param {number} seed */
export function defaultRng(seed) {
  const w = seedState(seed); // uint64 v_k = w[2k] | w[2k+1] << 32
  // initstate = (v0 << 64) | v1, initseq = (v2 << 64) | v3, as limbs low to high
  return new Pcg64([w[2], w[3], w[0], w[1]], [w[6], w[7], w[4], w[5]]);
}

/**
 * default_rng(seed).uniform(low, high, n) as a Float64Array: low + (high - low) * next_double.
 * @param {number} seed @param {number} low @param {number} high @param {number} n
 */
export function uniform(seed, low, high, n) {
  const rng = defaultRng(seed), out = new Float64Array(n), scale = high - low;
  for (let i = 0; i < n; i++) out[i] = low + scale * rng.nextDouble();
  return out;
}
