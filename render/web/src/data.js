/* data.js: read a page's embedded data. No DOM besides finding the JSON block; no network.
 *
 * Interface (window.ourdl.data):
 *   read(id)        -> the parsed JSON of <script type="application/json" id=ID> (JSON.parse: data is never
 *                      evaluated as script)
 *   f64(b64)        -> Float64Array from base64 of little-endian float64 bytes (Python: build.b64(a, "<f8"))
 *   f32(b64)        -> Float64Array from little-endian float32 bytes (widened; the fallback curves)
 *   i8(b64), i32(b64) -> Int8Array / Int32Array from little-endian bytes
 *   finiteOr(v, d)  -> v when it is a finite number, else d
 * Decoding goes through a DataView with explicit little-endian reads, so it is right on any platform.
 */
(function (ourdl) {
  "use strict";

  function bytes(b64) {
    const s = atob(b64 || "");
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  function typed(b64, size, Kind, get) {
    const b = bytes(b64);
    const view = new DataView(b.buffer);
    const n = Math.floor(b.length / size);
    const out = new Kind(n);
    for (let i = 0; i < n; i++) out[i] = get(view, i * size);
    return out;
  }

  ourdl.data = {
    read(id) {
      const el = document.getElementById(id);
      return el ? JSON.parse(el.textContent) : null;
    },
    f64: (b64) => typed(b64, 8, Float64Array, (v, o) => v.getFloat64(o, true)),
    f32: (b64) => typed(b64, 4, Float64Array, (v, o) => v.getFloat32(o, true)),
    i32: (b64) => typed(b64, 4, Int32Array, (v, o) => v.getInt32(o, true)),
    i8: (b64) => typed(b64, 1, Int8Array, (v, o) => v.getInt8(o)),
    finiteOr: (v, d) => (typeof v === "number" && isFinite(v) ? v : d),
  };
})(window.ourdl = window.ourdl || {});
