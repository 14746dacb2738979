"""The `--embed html` snippet on a blog's page, in headless Chromium: the outputs copied into a folder served
over http beside a host page that includes the snippet, as a user would do it.

A strict host (`default-src 'self'`: no inline styles) keeps the frame at its width/height attributes, and
those are the player's own height at 760 px (PLAYER_HEIGHT: no blank band, no scrolling inside); a host
that allows styles scales the frame with the column at that aspect; and a host that listens hears the
page's height, which is the player's document height, and fits the frame with the script embed.py shows.
"""

import contextlib
import functools
import http.server
import math
import re
import shutil
import textwrap
import threading

import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.web import embed
from render.web.embed import COLUMN, HEIGHT_MESSAGE, PLAYER_HEIGHT

STRICT = """<meta http-equiv="Content-Security-Policy" content="default-src 'self'">"""
#: the host script embed.py's docstring gives, as a host would copy it
FIT = textwrap.dedent(re.search(r"\n\n((?:    .*\n)+)\nThe snippet itself", embed.__doc__).group(1))
#: (scene, its command's options, which PLAYER_HEIGHT it should fit)
SCENES = [("fig8", ["--format", "gif,html", "--gif-width", "200"], "runs"),
          ("fig7_vs_fig8", ["--format", "html"], "runs, picker"),
          ("relu_vs_leakyrelu", ["--steps", "300", "--every", "100", "--format", "html"], "sweep")]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A blog's folder, served over http: each scene's outputs copied beside a strict host page
    (NAME-strict.html), a strict one that fits the frame from a script file of its own (NAME-fit.html),
    and a host that allows inline styles and scripts and records the messages it hears (NAME-open.html)."""
    out, root = tmp_path_factory.mktemp("out"), tmp_path_factory.mktemp("site")
    for name, options, _ in SCENES:
        result = CliRunner().invoke(app, ["scene", name, "--steps", "40", "--every", "20", "--quality", "low",
                                          *options, "--embed", "html", "--out", str(out)])
        assert result.exit_code == 0, result.output
    for path in out.iterdir():
        shutil.copy(path, root)
    (root / "blog.css").write_text("body { margin: 0; font: 17px/1.5 serif }\n"
                                   "main { max-width: 760px; margin: 0 auto }\n")
    (root / "fit.js").write_text(FIT)
    (root / "favicon.ico").write_bytes(b"")  # a 404 would be logged as an error
    heard = ("<script>window.heard = [];"
             " addEventListener('message', (e) => window.heard.push(e.data));</script>")
    for name, _, _ in SCENES:
        snippet = (root / f"{name}.embed.html").read_text()
        (root / f"{name}-strict.html").write_text(host(snippet, STRICT))
        (root / f"{name}-fit.html").write_text(host(snippet, STRICT, '<script src="fit.js"></script>'))
        (root / f"{name}-open.html").write_text(host(snippet, heard))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def host(snippet: str, head: str, body: str = "") -> str:
    """A blog post's page with the snippet in its 760 px column."""
    return (f'<!doctype html><html><head><meta charset="utf-8">{head}<link rel="stylesheet" href="blog.css">'
            f"<title>post</title></head><body><main><p>Before.</p>{snippet}<p>After.</p></main>{body}"
            "</body></html>")


@contextlib.contextmanager
def host_page(browser, url: str, width: int):
    """The host page at `width` px, once its framed player has drawn."""
    with browser.open(url, width=width, height=900) as tab:
        tab.wait_for("(() => { const d = document.querySelector('iframe').contentDocument;"
                     " const c = d && d.querySelector('.op-canvas'); return c && c.height > 0 })()")
        yield tab


def frame_box(tab) -> tuple[float, float]:
    return tuple(tab.evaluate("(() => { const r = document.querySelector('iframe').getBoundingClientRect();"
                              " return [r.width, r.height] })()"))


def player_height(tab) -> float:
    """The framed player page's document height."""
    return tab.evaluate("document.querySelector('iframe').contentDocument.documentElement"
                        ".getBoundingClientRect().height")


@pytest.mark.parametrize("width", [760, 390])
@pytest.mark.parametrize("name, kind", [(n, k) for n, _, k in SCENES])
def test_a_strict_host_keeps_the_frame_at_the_players_height(browser, site, name, kind, width):
    with host_page(browser, f"{site}{name}-strict.html", width) as tab:
        assert frame_box(tab) == (COLUMN, PLAYER_HEIGHT[kind])
        assert 0 <= PLAYER_HEIGHT[kind] - player_height(tab) < 1  # no blank band, nothing scrolls inside
        # the only complaint: the inline style the policy refuses (the attributes did the work)
        assert all("Applying inline style violates" in e for e in tab.errors()), tab.errors()


@pytest.mark.parametrize("width", [760, 390])
def test_a_host_that_allows_styles_scales_the_frame_keeping_its_aspect(browser, site, width):
    with host_page(browser, f"{site}fig8-open.html", width) as tab:
        w, h = frame_box(tab)
        assert w == width and h == pytest.approx(width * PLAYER_HEIGHT["runs"] / COLUMN, abs=1 / 64)
        assert tab.errors() == []


def test_a_listening_host_hears_the_players_height_as_it_changes(browser, site):
    with host_page(browser, f"{site}fig8-open.html", 760) as tab:
        heard = tab.wait_for("window.heard.length && window.heard")
        assert heard == [{"type": HEIGHT_MESSAGE, "height": math.ceil(player_height(tab))}]
        tab.set_viewport(390, 900)  # the column narrows: the player re-flows into one column, taller
        tab.wait_for("window.heard.length > 1")
        tab.wait_for("document.querySelector('iframe').contentDocument.querySelector('.op-figure')"
                     ".clientWidth < 390")
        tab.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        last = tab.evaluate("window.heard[window.heard.length - 1]")
        assert last == {"type": HEIGHT_MESSAGE, "height": math.ceil(player_height(tab))}
        assert last["height"] > heard[0]["height"]


@pytest.mark.parametrize("width", [760, 390])
def test_the_documented_host_script_fits_the_frame_under_a_strict_policy(browser, site, width):
    with host_page(browser, f"{site}fig7_vs_fig8-fit.html", width) as tab:
        fitted = tab.wait_for("(() => { const f = document.querySelector('iframe');"
                              " return f.style.height && f.getBoundingClientRect().height })()")
        assert fitted == math.ceil(player_height(tab))
        if width == 390:  # the frame keeps its attribute's width there, and the player lays out for it
            assert frame_box(tab)[0] == COLUMN
