/* dom.js: text-only helpers (window.ourdl.player): el(tag, className, parent, text) makes an element, text
 * as textContent, never HTML; fill(template, values) fills "{step:,}"/"{name}" with plain text; family(lang)
 * is the language's font stack. Needs plot.js.
 */
(function (ourdl) {
  "use strict";

  const P = ourdl.plot;

  function el(tag, cls, parent, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)(:,)?\}/g, (m, k, comma) => {
      if (!(k in values)) return m;
      const v = values[k];
      return comma ? P.thousands(v) : String(v);
    });
  }

  function family(lang) {
    const latin = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif';
    const cjk = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", ' +
      '"WenQuanYi Micro Hei"';
    return lang === "zh" ? `${latin.replace(", sans-serif", "")}, ${cjk}, sans-serif` : latin;
  }

  ourdl.player = Object.assign(ourdl.player || {}, { el, fill, family });
})(window.ourdl = window.ourdl || {});
