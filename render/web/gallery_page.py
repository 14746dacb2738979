"""output/index.html of `render all`: per scene the video (`<video>` with the poster, for MP4/WebM), the GIF
(`<img>`), the poster, the graph, the embed snippets and the command that makes that scene alone.

Everything that comes from a scene (names, descriptions, errors) is HTML-escaped.

A player's frame is as tall as the player at the frame's width, so no blank band sits under it: the CSS
makes it the figure's 16:9 of the column plus the controls under it (their height at embed.COLUMN, measured
in Chromium), and one small script (assets/gallery.bundle.js) fits it to the height the framed page posts,
which also covers the rows the controls wrap onto in a narrow column.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from render.encode.options import format_bytes
from render.record.atomic import atomic_write
from render.web.build import asset, sha256_source
from render.web.embed import COLUMN, PLAYER_HEIGHT

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1b1b1b; background: #fafafa; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.meta { color: #666; font-size: .85rem; }
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 1rem 1.2rem;
          margin: 1.2rem 0; }
.media { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .8rem;
         margin: .6rem 0; }
figure { margin: 0; } figure.wide { grid-column: 1 / -1; } figcaption { color: #666; font-size: .8rem; }
video, img { max-width: 100%; height: auto; border: 1px solid #eee; display: block; }
pre { background: #f4f4f4; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto; font-size: .78rem;
      white-space: pre-wrap; word-break: break-all; }
.error { color: #b00020; font-weight: 600; }
details summary { cursor: pointer; color: #444; font-size: .9rem; margin: .3rem 0; }
figure.player { container-type: inline-size; }
iframe.player-runs, iframe.player-sweep { display: block; width: 100%; border: 0; }
""" + "".join(  # 56.25cqw: the figure's 16:9 of the frame's width; then the controls under it
    f"iframe.player-{kind} {{ height: calc(56.25cqw + {PLAYER_HEIGHT[kind] - COLUMN * 9 / 16:g}px); }}\n"
    for kind in ("runs", "sweep"))
BUNDLE = "gallery.bundle.js"  # built from src/entries/gallery.js
SCRIPT = asset(BUNDLE)



@dataclass
class Result:
    """What rendering one scene of the gallery gave: its files, their sizes, snippets, or its error."""

    name: str
    description: str = ""
    kind: str = "runs"  # the snapshot's kind: "runs" or "sweep"
    files: dict[str, str] = field(default_factory=dict)  # suffix (".mp4") -> file name
    sizes: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    snippets: dict[str, str] = field(default_factory=dict)  # "md" / "html" -> text
    video_size: tuple[int, int] | None = None
    duration: float | None = None  # seconds the videos last (motion + hold)
    seconds: float = 0.0  # wall time of this scene in its worker
    error: str | None = None

def _scene_section(result: Result, cmd: str) -> str:
    e = html.escape
    files = result.files
    parts = [f'<section id="{e(result.name)}">', f"<h2>{e(result.name)}</h2>",
             f'<p>{e(result.description)}</p>']
    if result.error:
        parts.append(f'<p class="error">failed: {e(result.error)}</p>')
    media = []
    poster = files.get(".png")
    if ".html" in files:
        page = files[".html"]
        shape = "player-sweep" if result.kind == "sweep" else "player-runs"
        media.append(f'<figure class="wide player"><iframe src="{e(page)}" '
                     f'title="player of {e(result.name)}" loading="lazy" data-scene="{e(result.name)}" '
                     f'data-kind="player" class="{shape}"></iframe>'
                     f"<figcaption>the player {e(page)} · {format_bytes(result.sizes[page])}: scrub, hover, "
                     "link to a step</figcaption></figure>")
    w, h = result.video_size or (None, None)
    dims = f' width="{w}" height="{h}"' if w else ""
    videos = [(files[s], t) for s, t in ((".webm", "video/webm"), (".mp4", "video/mp4")) if s in files]
    for name, mime in videos:
        attrs = f' poster="{e(poster)}"' if poster else ""
        media.append(
            f'<figure><video controls muted loop playsinline preload="auto"{dims}{attrs} '
            f'data-expected-duration="{result.duration:.3f}" data-scene="{e(result.name)}">'
            f'<source src="{e(name)}" type="{mime}"></video>'
            f"<figcaption>{e(name)} · {format_bytes(result.sizes[name])} · {result.duration:.1f} s"
            "</figcaption>"
            "</figure>")
    if ".gif" in files:
        gif = files[".gif"]
        alt = e(f"Animation of {result.name}: {result.description}", quote=True)
        media.append(f'<figure><img src="{e(gif)}" alt="{alt}" data-scene="{e(result.name)}" data-kind="gif">'
                     f"<figcaption>{e(gif)} · {format_bytes(result.sizes[gif])}</figcaption></figure>")
    if poster:
        media.append(f'<figure><img src="{e(poster)}" alt="poster of {e(result.name)}" data-kind="poster">'
                     f"<figcaption>poster {e(poster)} · {format_bytes(result.sizes[poster])}"
                     "</figcaption></figure>")
    if ".graph.png" in files:
        graph = files[".graph.png"]
        svg = files.get(".graph.svg")
        link = f' (<a href="{e(svg)}">SVG</a>)' if svg else ""
        media.append(f'<figure class="wide"><img src="{e(graph)}" '
                     f'alt="computation graph of {e(result.name)}" '
                     f'data-kind="graph"><figcaption>computation graph{link}: <code>render graph '
                     f'{e(result.name)}</code></figcaption></figure>')
    if media:
        parts.append('<div class="media">' + "".join(media) + "</div>")
    parts.append(f"<p class=meta>made by</p><pre><code>{e(cmd)}</code></pre>")
    for kind, title in (("html", "embed in HTML"), ("md", "embed in Markdown")):
        if kind in result.snippets:
            parts.append(f"<details{' open' if kind == 'html' else ''}><summary>{title} "
                         f"({e(result.files.get('.embed.' + kind, ''))})</summary>"
                         f"<pre><code>{e(result.snippets[kind])}</code></pre></details>")
    parts.append(f'<p class="meta">rendered in {result.seconds:.1f} s</p></section>')
    return "\n".join(parts)


#: The gallery shows the files beside it (images, videos, the players in frames), styles itself with its one
#: <style> and fits the frames with its one <script>, each allowed by its hash (no style attributes anywhere).
POLICY = (f"default-src 'none'; script-src {sha256_source(SCRIPT)}; style-src {sha256_source(CSS)}; "
          "img-src 'self'; "
          "media-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'")


def write_index(out: Path, results: list[Result], commands: dict[str, str], wall: float,
                workers: int, lab: str | None = None) -> Path:
    """output/index.html: every scene's animations, poster, graph, snippets and command."""
    import ourdl

    e = html.escape
    lab_link = (f'<p><a href="{e(lab)}">The lab</a>: change the initial values and watch the network train '
                "in your browser.</p>") if lab else ""
    nav = " · ".join(f'<a href="#{e(r.name)}">{e(r.name)}</a>' for r in results)
    body = "\n".join(_scene_section(r, commands[r.name]) for r in results)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ourdl-render gallery</title><style>{CSS}</style></head>
<body>
<h1>ourdl-render gallery</h1>
<p class="meta">{len(results)} scenes rendered in {wall:.1f} s by {workers} worker processes ·
ourdl-render {e(ourdl.__version__)} · Python {sys.version.split()[0]} · <code>render all</code></p>
<p>{nav}</p>
{lab_link}
{body}
<script>{SCRIPT}</script>
</body></html>
"""
    target = Path(out) / "index.html"
    with atomic_write(target) as tmp:
        Path(tmp).write_text(page, encoding="utf-8")
    return target
