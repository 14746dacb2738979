/* limits.js: axis limits of runs the page trains itself (the lab's, the sweep explorer's clicked cell),
 * by the video's rules in render/draw/limits.py (robust_limits, log_limits, sample_axis) with their numbers
 * (`rule`, render.draw.limits.RULE, from the page's data). The one JavaScript copy of those rules; a
 * Chromium test (tests/test_page_axes.py) checks it against Python's on every scene's recording.
 */

/** render.draw.limits.LimitRule, as the page's data carries it.
 * @typedef {{pct: number, margin: number, flat: number, half: number, log_pct: number, log_span: number,
 *   log_pad: number, healthy: number, cursor_room: number, linthresh: number, linthresh_per: number}}
 *   LimitRule */

/** numpy's default (linear) percentile, with its interpolation (`_lerp`) to the last bit.
 * @param {ArrayLike<number>} values @param {number} pct */
function percentile(values, pct) {
  const v = Float64Array.from(values).sort();
  const pos = (pct / 100) * (v.length - 1), i = Math.floor(pos), t = pos - i;
  if (i + 1 >= v.length) return v[i];
  const a = v[i], b = v[i + 1], diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * robust_limits: each bound a percentile of every frame's extremes (non-finite ones ignored), widened to
 * `include`, padded.
 * @param {number[]} lows @param {number[]} highs @param {number[]} include @param {LimitRule} rule
 * @returns {number[]}
 */
export function robustLimits(lows, highs, include, rule) {
  lows = lows.filter(isFinite); highs = highs.filter(isFinite);
  let lo = lows.length ? percentile(lows, rule.pct) : 0;
  let hi = highs.length ? percentile(highs, 100 - rule.pct) : 1;
  lo = Math.min(lo, ...include); hi = Math.max(hi, ...include);
  if (hi - lo < rule.flat) { lo -= rule.half; hi += rule.half; }
  const pad = (hi - lo) * rule.margin;
  return [lo - pad, hi + pad];
}

/**
 * log_limits: the positive finite values' percentiles, at least `log_span` apart, padded by a factor.
 * @param {number[]} values @param {LimitRule} rule @returns {number[]}
 */
export function logLimits(values, rule) {
  const v = values.filter((x) => isFinite(x) && x > 0);
  if (!v.length) return [1e-3, 1];
  let lo = percentile(v, rule.log_pct), hi = percentile(v, 100 - rule.log_pct);
  if (hi / lo < rule.log_span) {
    const mid = Math.sqrt(lo * hi);
    lo = mid / Math.sqrt(rule.log_span); hi = mid * Math.sqrt(rule.log_span);
  }
  return [lo / rule.log_pad, hi * rule.log_pad];
}

/**
 * sample_axis: the limits and linear threshold of a symlog axis of samples 0 .. total, `room` past the end.
 * @param {number} total @param {number} room @param {LimitRule} rule
 * @returns {{xlim: number[], linthresh: number}}
 */
export function sampleAxis(total, room, rule) {
  return { xlim: [0, total * room], linthresh: Math.max(rule.linthresh, total / rule.linthresh_per) };
}
