/* data.js: read a page's embedded data. No DOM besides finding the JSON block; no network.
 *
 * The data is parsed with JSON.parse, never evaluated as script. Its arrays arrive as base64 of
 * little-endian bytes (Python: build.b64(a, "<f8"), "<f4", "<i4", "|i1"); decoding goes through a
 * DataView with explicit little-endian reads, so it is right on any platform.
 */

/** @param {string} b64 */
function bytes(b64) {
  const s = atob(b64 || "");
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * @template {Float64Array | Int32Array | Int8Array} T
 * @param {string} b64
 * @param {number} size  bytes a value
 * @param {new (n: number) => T} Kind
 * @param {(view: DataView, offset: number) => number} get
 * @returns {T}
 */
function typed(b64, size, Kind, get) {
  const b = bytes(b64);
  const view = new DataView(b.buffer);
  const n = Math.floor(b.length / size);
  const out = new Kind(n);
  for (let i = 0; i < n; i++) out[i] = get(view, i * size);
  return out;
}

/**
 * The parsed JSON of `<script type="application/json" id=ID>`, or null when the page has none.
 * @param {string} id
 * @returns {import("./types.js").PageData | null}  the caller checks its `format` and `kind`
 */
export function read(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

/** Float64Array from base64 of little-endian float64 bytes. @param {string} b64 */
export const f64 = (b64) => typed(b64, 8, Float64Array, (v, o) => v.getFloat64(o, true));
/** Float64Array from little-endian float32 bytes (widened: the fallback curves, surfaces).
 * @param {string} b64 */
export const f32 = (b64) => typed(b64, 4, Float64Array, (v, o) => v.getFloat32(o, true));
/** Int32Array from little-endian bytes. @param {string} b64 */
export const i32 = (b64) => typed(b64, 4, Int32Array, (v, o) => v.getInt32(o, true));
/** Int8Array from bytes. @param {string} b64 */
export const i8 = (b64) => typed(b64, 1, Int8Array, (v, o) => v.getInt8(o));
