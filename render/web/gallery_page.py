"""output/index.html of `render all`: per scene the video (`<video>` with the poster, for MP4/WebM), the GIF
(`<img>`), the poster, the graph, the embed snippets and the command that makes that scene alone.

Everything that comes from a scene (names, descriptions, errors) is HTML-escaped.

A player's frame is as tall as the player at the frame's width, so no blank band sits under it. The players
re-flow with their width (one row of panels in a wide column, two rows in a blog column, one column on a
phone: render.draw.grid.page_grid), so the CSS estimates the height for each grid from the same layout
numbers (`frame_rules`: container queries on the frame's width), and one small script
(assets/gallery.bundle.js) fits each frame to the height its page posts, exactly: the estimate only keeps
the page from jumping while the lazy frames load. On a phone the page drops most of its padding, so nothing
scrolls sideways.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

from render.draw.base import FONT, SMALL
from render.draw.grid import page_grid
from render.draw.scene_figure import Layout
from render.encode.options import format_bytes
from render.record.atomic import atomic_write
from render.web.build import asset, sha256_source
from render.web.player_data import ASPECT

PAD = 16  # px: a player page's padding either side of its figure (page.css)
STACKED_ASPECT = 0.6  # a stacked grid's axes: this much of their width tall (src/layout.js)
LINE = 1.3  # a wrapped header's or legend's line, in font sizes (src/layout.js)
#: px a player page adds under its figure in a frame at least so wide: its controls (one row of them, then
#: two, then three), the keys' line (one or two) and the paddings, measured in Chromium; a second run adds
#: its picker, which wraps the controls onto one more row in a frame narrower than PICKER_WRAPS px
CHROME = ((745, 72.5), (515, 97.5), (405, 111.25), (0, 136.25))
PICKER = 25  # px: one more row of controls
PICKER_WRAPS = 1020
#: px under a sweep page's figure (controls, rates, keys, paddings) less 16:9 of its side paddings: a frame
#: wide enough for the video's layout is 56.25cqw + this (narrower ones re-flow taller: the script fits them)
SWEEP_CHROME = 95.5
HEADER_EMS = 50  # a run's label and caption side by side, in their font's sizes (the chapter's: about 48)


def frame_rules(runs: int, panels: int = 4) -> list[tuple[int, float, float]]:
    """[(frame width from, a, b)]: a runs player page `w` px wide is about a·w + b px tall, from that width
    up to the next rule's, as src/layout.js lays it out: one row keeps the video's 16:9 figure; a stacked
    grid (two rows, one column) is drawn at the smallest text's scale with axes STACKED_ASPECT of their
    width, under headers of one line where HEADER_EMS fit beside each other, else two (three in one column,
    where the caption wraps too), with legends of two rows under the output panel (second last) and one
    under the others."""
    L = Layout()
    rules: list[tuple[int, float, float]] = []
    for w in range(200, 1600):
        laid = page_grid(w - PAD, panels, SMALL, L.left + L.right, L.gap)
        chrome = next(px for width, px in CHROME if w >= width)
        chrome += PICKER if runs > 1 and w < PICKER_WRAPS else 0
        rows, cols, s = laid.grid.rows, laid.grid.cols, laid.scale
        if rows == 1:
            a, b = ASPECT, -PAD * ASPECT + chrome
        else:
            room = w - PAD - (L.left + L.right) * s
            lines = 1 if room >= HEADER_EMS * FONT / 72 * s else 2 if cols > 1 else 3
            head = L.header + (lines - 1) * LINE * FONT / 72
            legends = sum((2 if (panels - 2) // cols == i else 1) * LINE * SMALL / 72 + 0.1
                          for i in range(rows))
            fixed = L.top + runs * (head + rows * (L.titles + L.ticks)) + (runs - 1) * L.header + legends
            a = runs * rows * STACKED_ASPECT / cols
            b = s * fixed - a * (PAD + (L.left + L.right + (cols - 1) * L.gap) * s) + chrome
        if not rules or rules[-1][1:] != (a, b):
            rules.append((w, a, b))
    return rules


def _frame_css(cls: str, runs: int) -> str:
    """The height rules of frames of class `cls` (players of `runs` runs), widest last."""
    rules = frame_rules(runs)
    out = []
    for k, (w, a, b) in enumerate(rules):
        rule = f"iframe.{cls} {{ height: calc({100 * a:.4f}cqw + {b:.2f}px); }}"
        out.append((f"@container (min-width: {w}px) {{ {rule} }}" if k else rule) + "\n")
    return "".join(out)


CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #1b1b1b; background: #fafafa; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.meta { color: #666; font-size: .85rem; }
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 1rem 1.2rem;
          margin: 1.2rem 0; }
.media { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); gap: .8rem;
         margin: .6rem 0; }
figure { margin: 0; } figure.wide { grid-column: 1 / -1; } figcaption { color: #666; font-size: .8rem; }
video, img { max-width: 100%; height: auto; border: 1px solid #eee; display: block; }
pre { background: #f4f4f4; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto; font-size: .78rem;
      white-space: pre-wrap; word-break: break-all; }
.error { color: #b00020; font-weight: 600; }
details summary { cursor: pointer; color: #444; font-size: .9rem; margin: .3rem 0; }
figure.player { container-type: inline-size; }
iframe.player-runs, iframe.player-sweep { display: block; width: 100%; border: 0; }
@media (max-width: 560px) { body { padding: .75rem; } section { padding: .8rem .7rem; } }
""" + f"iframe.player-sweep {{ height: calc(56.25cqw + {SWEEP_CHROME:g}px); }}\n" + "".join(
    _frame_css(f"player-runs-{runs}", runs) for runs in (1, 2, 3))
BUNDLE = "gallery.bundle.js"  # built from src/entries/gallery.js
SCRIPT = asset(BUNDLE)



@dataclass
class Result:
    """What rendering one scene of the gallery gave: its files, their sizes, snippets, or its error."""

    name: str
    description: str = ""
    kind: str = "runs"  # the snapshot's kind: "runs" or "sweep"
    runs: int = 1  # its named runs (a runs player stacks one block of panels a run)
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
        shape = ("player-sweep" if result.kind in ("sweep", "width_sweep")  # the script fits the height
                 else f"player-runs player-runs-{min(result.runs, 3)}")
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
