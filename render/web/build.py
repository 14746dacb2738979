"""Assemble a self-contained HTML page from the package's static assets and one JSON data block.

Shared by every page we write (the player here, the lab beside it). A page is one file: its CSS and its
one JavaScript bundle are read from `assets/` and inlined (esbuild builds the bundles from `src/`, `npm
run build`; they are committed, so installing the package needs no node), its data sits in a `<script
type="application/json">` block (never executed, so nothing in it can run), and a Content-Security-Policy
meta tag allows exactly the inline script and style of this page (by their SHA-256 hashes) and nothing
else: no network, no other script, no inline event handlers, no `javascript:` URLs, no images or fonts
from anywhere.

Why hashes and not `'unsafe-inline'`: a page pasted into someone's blog still refuses any script that
data might have smuggled into the markup; and why inline at all: the page must open from `file://`,
offline, as one file.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
from importlib import resources

import numpy as np

#: characters that must not appear raw in a <script> block's JSON (`</script>`, `<!--`, and the two line
#: separators older JavaScript parsers treat as newlines)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@functools.cache
def asset(name: str) -> str:
    """The text of `assets/NAME` (package data); refuses text that would end its <script>/<style> early."""
    text = resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
    lowered = text.lower()
    for bad in ("</script", "</style", "<!--"):
        if bad in lowered:
            raise ValueError(f"asset {name} contains {bad!r}, which would break out of its inline block")
    return text


def json_for_script(data: object) -> str:
    """JSON safe inside `<script type="application/json">`: strict (no NaN), `<>&` and U+2028/9 escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return "".join(_JSON_ESCAPES.get(c, c) for c in text)


def b64(array: np.ndarray, dtype: str = "<f8") -> str:
    """An array's values as base64 of little-endian bytes (`<f8` exact float64, `<f4`, `<i4`, `|i1` ...)."""
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def sha256_source(text: str) -> str:
    """A CSP source that allows exactly this inline script or style: 'sha256-<base64 digest>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp(scripts: list[str], styles: list[str], images: bool = False, script_src: tuple[str, ...] = ()) -> str:
    """The policy for a page whose only active content is these inline scripts and styles (and, with
    `images`, images from beside the page: a <noscript> fallback GIF). `script_src` adds sources to
    script-src, e.g. "'wasm-unsafe-eval'" for a page that compiles its own WebAssembly."""
    return ("default-src 'none'; "
            f"script-src {' '.join([*script_src, *(sha256_source(s) for s in scripts)])}; "
            f"style-src {' '.join(sha256_source(s) for s in styles)}; "
            + ("img-src 'self'; " if images else "")
            + "base-uri 'none'; form-action 'none'")


def page(*, title: str, lang: str, body: str, data: object, script: str, styles: list[str],
         data_id: str = "ourdl-data", images: bool = False, script_src: tuple[str, ...] = ()) -> str:
    """A whole document. `body` is trusted markup we wrote (never data); `data` becomes the JSON block
    `#data_id`; `script` is the page kind's bundle (an asset name, e.g. "runs.bundle.js") and `styles`
    asset names, concatenated: one inline <script> and one <style>; `images` and `script_src` widen the
    policy as `csp` says."""
    script = asset(script)
    style = "\n".join(asset(name) for name in styles)
    policy = csp([script], [style], images, script_src)
    return (
        "<!doctype html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n"
        f'<script type="application/json" id="{data_id}">{json_for_script(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def iframe(text: str, title: str, aspect: str, max_width: int = 1280) -> str:
    """A whole page inside `<iframe srcdoc sandbox="allow-scripts">`, for hosts that take HTML but not
    files (a notebook's `_repr_html_`, a CMS): its scripts run in an opaque origin apart from the host's,
    and its own CSP still applies. `aspect` is the frame's CSS aspect-ratio, e.g. "16/11"; it is exact
    only at one width, so a page whose height is not proportional caps the frame there (`max_width`)."""
    return (f'<iframe srcdoc="{html.escape(text, quote=True)}" sandbox="allow-scripts" '
            f'title="{html.escape(title, quote=True)}" '
            f'style="width:100%;max-width:{max_width}px;aspect-ratio:{aspect};border:0"></iframe>')
