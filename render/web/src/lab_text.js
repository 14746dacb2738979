/* lab_text.js: the lab's numbers to and from text. Controls and the URL fragment are read with `number`
 * and `integer` (plain decimal only: no hex, Infinity or empty string reaches a setting); the fragment
 * and the command line write floats as Python's repr (`repr`), so a pasted command re-records the same
 * run; `shellWord` quotes a word so a pasted command runs nothing else.
 */

import { fmtG } from "./plot.js";

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i;
/** A finite number written plainly, else null (no hex, no Infinity, no empty string). @param {string} text */
export function number(text) {
  const s = String(text).trim();
  if (s.length > 40 || !NUMBER.test(s)) return null;
  const v = Number(s);
  return isFinite(v) ? v : null;
}
/** A whole number in [lo, hi], else null. @param {string} text @param {number} lo @param {number} hi */
export function integer(text, lo, hi) {
  const s = String(text).trim();
  if (!/^\d{1,16}$/.test(s)) return null;
  const v = Number(s);
  return Number.isSafeInteger(v) && v >= lo && v <= hi ? v : null;
}
/** Python's repr of a float, which JavaScript's shortest round-trip String() matches digit for digit.
 * @param {number} v */
export const repr = (v) => (Object.is(v, -0) ? "-0.0"
  : Number.isInteger(v) && Math.abs(v) < 1e16 ? v.toFixed(1) : String(v));
/** A value in a row's label: three significant digits, a true minus sign. @param {number} v */
export const short = (v) => fmtG(v, 3).replace("-", "\u2212");

/** A word as a POSIX shell reads it back unchanged: as is when plain, else in single quotes.
 * @param {string} word */
export function shellWord(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : "'" + String(word).replace(/'/g, "'\"'\"'") + "'";
}
