"""Snippets that put a render into a blog post or a course page (`--embed md|html`).

Markdown: the GIF with alt text (GitHub, Medium, most static-site generators). HTML: the scrubbable
player (`NAME.html`) in an `<iframe>` when it was rendered (its page falls back to the GIF where scripts
don't run); otherwise a `<video autoplay muted loop playsinline poster=...>` with the WebM and MP4 sources
and the GIF as the fallback `<img>`, so browsers that can play the video get the small file and the rest
get the GIF.
Paths in a snippet are relative to its own folder (the outputs' folder), so the folder can be copied
into a site as it is. The alt text describes the scene: its description, its runs and its panels.

The player's frame is sized for the common 760 px blog column twice over: `width`/`height` attributes,
which a host with a strict Content-Security-Policy (`default-src 'self'`, no inline styles) still applies,
so the frame keeps its shape there instead of collapsing to 300x150; and a style that scales it to the
column keeping that aspect where inline styles are allowed. The height is the page's own at 760 px
(PLAYER_HEIGHT, measured in Chromium by tests/test_embed_host.py), so no blank band sits under it. The
player re-flows with its width (two rows of panels at 760 px, one column on a phone, one row on a wide
page: render.draw.grid.page_grid), so at another width the aspect is only near, and on a phone far short:
the page then scrolls inside its frame, unless the host listens for its height.

The height message: a framed player page posts `{type: "ourdl-player:height", height: <CSS px, rounded
up>}` to `window.parent` when it lays out and whenever its height changes (render/web/src/host.js); it
listens for nothing. Any host that runs a little script of its own can fit the frame exactly (under a
strict CSP from a script file of its own; setting `element.style` from script is allowed there):

    addEventListener("message", (e) => {
      const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
      if (frame && e.data && e.data.type === "ourdl-player:height" && e.data.height > 0)
        frame.style.height = Math.min(e.data.height, 4000) + "px";
    });

The snippet itself needs no script to look right.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from render.record.atomic import atomic_write

EMBEDS = ("md", "html")
SUFFIX = {"md": ".embed.md", "html": ".embed.html"}
STYLE = "max-width:100%;height:auto"  # scales down with the column, keeps the aspect ratio
VIDEO_TYPES = {".webm": "video/webm", ".mp4": "video/mp4"}  # in source order: the smaller file first
COLUMN = 760  # px: the blog column the player's frame is sized for
HEIGHT_MESSAGE = "ourdl-player:height"  # the type of the message a framed player page posts its height in
#: the player page's height (CSS px, rounded up) at COLUMN px wide: the figure's panels in two rows (a
#: block of them a run; src/layout.js), one row of controls and the keys' line; the run picker of a scene
#: with several runs wraps the controls onto a second row; a sweep's page has its rates below, its figure
#: in two columns too (src/sweep_figure.js), a map sweep's shorter than a seeded one's. Measured in
#: Chromium (tests/test_embed_host.py checks).
PLAYER_HEIGHT = {"runs": 647, "runs, picker": 1204, "sweep": 921, "sweep, map": 788, "width_sweep": 636}
SNIPPET_NOTE = (f"<!-- the ourdl player, sized for a {COLUMN} px column; it posts "
                f"{{type: \"{HEIGHT_MESSAGE}\", height: px}} to this page when its height changes, "
                "for a host script that fits the frame -->")


def alt_text(meta: dict) -> str:
    """One paragraph describing the animation: what it shows, each run, what the panels draw."""
    parts = [f"Animation of {meta.get('scene', 'a scene')}: {meta.get('description', '').strip()}"]
    runs = meta.get("runs", [])
    if runs:
        described = []
        for r in runs:
            rates = r.get("lrs") or ({"": r["lr"]} if r.get("lr") else {})
            lr = "lr " + ", ".join(f"{name} {v:g}".strip() for name, v in rates.items()) if rates else ""
            bits = [f"{r['samples']:,} samples" if r.get("samples") else "", lr]
            extra = ", ".join(b for b in bits if b)
            described.append(f"{r['label']}" + (f" ({extra})" if extra else ""))
        parts.append(f"{'Run' if len(runs) == 1 else 'Runs'}: {'; '.join(described)}.")
    panels = [p.get("title", "") for p in meta.get("panels", []) if p.get("title")]
    if panels and meta.get("kind", "runs") == "runs":
        act = f" with {meta['activation']} hidden units" if meta.get("activation") else ""
        parts.append(f"Panels{act}: {'; '.join(panels)}.")
    return " ".join(p.strip() for p in parts if p.strip()).replace("\n", " ")


def _by_suffix(paths: Iterable[Path]) -> dict[str, Path]:
    return {Path(p).suffix.lower(): Path(p) for p in paths}


def _image_size(path: Path) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(path) as im:
            return im.size
    except (OSError, ValueError):
        return None


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def markdown(paths: Iterable[Path], meta: dict, base: str = "") -> str:
    """`![alt](name.gif)`; without a GIF, the poster linked to the video."""
    files = _by_suffix(paths)
    alt = _md_escape(alt_text(meta))
    if ".gif" in files:
        return f"![{alt}]({base}{files['.gif'].name})\n"
    video = files.get(".mp4") or files.get(".webm")
    if ".png" in files and video:
        return f"[![{alt}]({base}{files['.png'].name})]({base}{video.name})\n"
    if ".png" in files:
        return f"![{alt}]({base}{files['.png'].name})\n"
    raise ValueError("nothing to embed: render a GIF, a video or a PNG")


def player_height(meta: dict) -> int:
    """The player page's height at COLUMN px wide for this recording (PLAYER_HEIGHT says why it varies)."""
    if meta.get("kind") == "sweep":
        return PLAYER_HEIGHT["sweep, map" if meta.get("sweep", {}).get("type") == "map" else "sweep"]
    if meta.get("kind") == "width_sweep":
        return PLAYER_HEIGHT["width_sweep"]
    return PLAYER_HEIGHT["runs, picker" if len(meta.get("runs", [])) > 1 else "runs"]


def html_snippet(paths: Iterable[Path], meta: dict, base: str = "") -> str:
    """The player in an `<iframe>` when there is one (its page shows the GIF where scripts don't run);
    else a looping muted `<video>` (WebM, MP4) with the poster and the GIF as fallback; or just the GIF."""
    files = _by_suffix(paths)
    alt = html.escape(alt_text(meta), quote=True)

    def url(p: Path) -> str:
        return html.escape(base + p.name, quote=True)

    if ".html" in files:
        height = player_height(meta)
        return (f'{SNIPPET_NOTE}\n<iframe src="{url(files[".html"])}" title="{alt}" loading="lazy" '
                f'width="{COLUMN}" height="{height}" frameborder="0" '
                f'style="width:100%;max-width:1280px;height:auto;aspect-ratio:{COLUMN}/{height};border:0">'
                '</iframe>\n')

    def dims(p: Path | None) -> str:
        size = _image_size(p) if p is not None else None
        return f' width="{size[0]}" height="{size[1]}"' if size else ""

    gif = files.get(".gif")
    img = f'<img src="{url(gif)}" alt="{alt}"{dims(gif)} style="{STYLE}">' if gif else ""
    sources = [(files[s], t) for s, t in VIDEO_TYPES.items() if s in files]
    if not sources:
        if not img and ".png" in files:
            img = f'<img src="{url(files[".png"])}" alt="{alt}"{dims(files[".png"])} style="{STYLE}">'
        if not img:
            raise ValueError("nothing to embed: render a GIF, a video or a PNG")
        return img + "\n"
    poster = files.get(".png")
    lines = [f'<video autoplay muted loop playsinline{dims(poster)} style="{STYLE}"'
             + (f' poster="{url(poster)}"' if poster else "") + f' aria-label="{alt}">']
    lines += [f'  <source src="{url(p)}" type="{t}">' for p, t in sources]
    fallback = img or f'<a href="{url(sources[-1][0])}">{alt}</a>'
    lines += [f"  {fallback}", "</video>"]
    return "\n".join(lines) + "\n"


def snippet(kind: str, paths: Iterable[Path], meta: dict, base: str = "") -> str:
    if kind not in EMBEDS:
        raise ValueError(f"embed {kind!r} (choose md or html)")
    return (markdown if kind == "md" else html_snippet)(list(paths), meta, base)


def write_embed(kind: str, out_stem: Path, paths: Iterable[Path], meta: dict) -> tuple[Path, str]:
    """Write `out_stem.embed.md|html` beside the outputs; return its path and text."""
    text = snippet(kind, paths, meta)
    out_stem = Path(out_stem)
    target = out_stem.parent / (out_stem.name + SUFFIX[kind])
    with atomic_write(target) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return target, text
