/* dom.js: text-only DOM helpers. Text goes in as textContent, never as HTML, so nothing from the data or
 * the URL can become markup; templates are filled with plain text.
 */

import { thousands } from "./plot.js";

/**
 * A new element: text as textContent, appended to `parent`.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string | null} cls @param {Element | null} [parent] @param {unknown} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, cls, parent, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (parent) parent.appendChild(e);
  return e;
}

/**
 * "{step:,}" / "{name}" in `template` filled with plain text (":," adds thousands separators).
 * @param {string} template @param {Record<string, string | number>} values
 */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)(:,)?\}/g, (m, k, comma) => {
    if (!(k in values)) return m;
    const v = values[k];
    return comma ? thousands(Number(v)) : String(v);
  });
}

/** The language's font stack. @param {string} lang */
export function family(lang) {
  const latin = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif';
  const cjk = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", ' +
    '"WenQuanYi Micro Hei"';
  return lang === "zh" ? `${latin.replace(", sans-serif", "")}, ${cjk}, sans-serif` : latin;
}
