"""`render all`: every scene rendered in parallel into a gallery page that really plays in a browser.

The browser check opens output/index.html in headless Chromium (DevTools protocol over a pipe, see
headless_chromium.py) and asks the page itself: every <video> must reach readyState >= 2 with the
duration the timeline promises and the size asked for, every GIF <img> must decode to its natural size.
"""

import re
import time
from pathlib import Path

import pytest
from headless_chromium import page_url, served
from PIL import Image
from typer.testing import CliRunner

from render.app.cli import app
from scenes import list_scenes

FPS, SIZE, GIF_WIDTH = 10, (320, 180), 160
ARGS = ["all", "--quality", "low", "--size", f"{SIZE[0]}x{SIZE[1]}", "--fps", str(FPS), "--gif-fps", "5",
        "--gif-width", str(GIF_WIDTH), "--steps", "40", "--every", "20", "--format", "gif,mp4,webm,html"]
#: 3 s of motion (the shortest default) + 1.5 s hold at 10 fps: 46 frames
EXPECTED_SECONDS = 4.6


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    out = tmp_path_factory.mktemp("gallery")
    t0 = time.perf_counter()
    result = CliRunner().invoke(app, [*ARGS, "--out", str(out)])
    seconds = time.perf_counter() - t0
    assert result.exit_code == 0, result.output
    print(f"\nrender all: {seconds:.1f} s for {len(list_scenes())} scenes")
    return out, result


def test_gallery_has_every_scene_with_its_outputs_snippet_and_command(gallery):
    out, result = gallery
    page = (out / "index.html").read_text()
    names = [s.name for s in list_scenes()]
    assert f"{len(names)} of {len(names)} scenes" in result.stdout
    for name in names:
        for suffix in (".npz", ".html", ".gif", ".mp4", ".webm", ".png", ".embed.html", ".embed.md",
                       ".graph.png", ".graph.svg"):
            assert (out / f"{name}{suffix}").stat().st_size > 0, name + suffix
        section = re.search(rf'<section id="{name}">(.*?)</section>', page, re.S)
        assert section, name
        body = section[1]
        assert f'src="{name}.mp4"' in body and f'src="{name}.webm"' in body and f'poster="{name}.png"' in body
        assert f'<img src="{name}.gif"' in body
        assert f'<iframe src="{name}.html"' in body and 'data-kind="player"' in body
        assert f"render scene {name} --format gif,mp4,webm,html" in body and "--steps 40" in body
        assert f"&lt;iframe src=&quot;{name}.html&quot;" in body  # the embed snippet (the player), as code
    assert '<a href="lab.html">The lab</a>' in page and (out / "lab.html").stat().st_size > 0


def test_gallery_plays_in_headless_chromium(gallery, browser):
    out, _ = gallery
    report = browser.evaluate(page_url(out / "index.html"), CHECK_MEDIA, timeout=60)
    names = {s.name for s in list_scenes()}
    videos, images = report["videos"], report["images"]
    assert {v["scene"] for v in videos} == names and len(videos) == 2 * len(names)  # mp4 and webm each
    for v in videos:
        assert v["error"] is None and v["readyState"] >= 2, v
        assert abs(v["duration"] - EXPECTED_SECONDS) <= 1 / FPS + 0.05, v
        assert abs(v["duration"] - v["expected"]) <= 1 / FPS + 0.05, v
        assert (v["width"], v["height"]) == SIZE, v
    gifs = [i for i in images if i["kind"] == "gif"]
    assert len(gifs) == len(names)
    for img in images:
        name = Path(img["src"]).name
        assert img["complete"] and (img["naturalWidth"], img["naturalHeight"]) == Image.open(out / name).size
    assert all(i["naturalWidth"] == GIF_WIDTH for i in gifs)
    print(f"\nchromium: {len(videos)} videos ready (readyState {sorted({v['readyState'] for v in videos})}), "
          f"{len(images)} images decoded, in {report['ms']:.0f} ms")


def test_video_snippets_autoplay_in_headless_chromium(gallery, browser):
    """The video snippets (what `--embed html` writes without a player) as a reader's browser sees them:
    muted videos start playing by themselves."""
    from render.record import load_snapshot
    from render.web.embed import html_snippet

    out, _ = gallery
    names = [s.name for s in list_scenes()]
    snippets = "\n".join(html_snippet([p for p in out.glob(f"{n}.*") if p.suffix != ".html"],
                                       load_snapshot(out / f"{n}.npz").meta) for n in names)
    page = out / "snippets.html"
    page.write_text(f"<!doctype html><meta charset=utf-8><body>{snippets}</body>")
    report = browser.evaluate(page_url(page), CHECK_AUTOPLAY, timeout=60)
    assert len(report) == len(names)
    for v in report:
        assert v["readyState"] >= 2 and not v["paused"] and v["currentTime"] > 0, v
        assert v["src"].endswith(".webm"), v  # the first source the browser can play: the smaller file


def test_player_snippets_show_each_scenes_player_in_a_frame(gallery, browser):
    """The `--embed html` snippets the gallery wrote (the player in an iframe) load their pages, as a blog
    serves them (over http: file:// frames are opaque to their parent), with no error."""
    out, _ = gallery
    snippets = "\n".join(p.read_text() for p in sorted(out.glob("*.embed.html")))
    # no favicon: over http Chromium asks for /favicon.ico, and its 404 (logged sooner or later) failed the
    # test now and then
    (out / "players.html").write_text(f'<!doctype html><meta charset=utf-8><link rel=icon href="data:,">'
                                      f"<body>{snippets}</body>"
                                      .replace('loading="lazy"', 'loading="eager"'))  # all at once

    with served(out) as url, browser.open(f"{url}players.html") as tab:
        assert tab.evaluate("document.querySelectorAll('iframe').length") == len(list_scenes())
        tab.wait_for("[...document.querySelectorAll('iframe')].every(f => f.contentDocument && "
                     "f.contentDocument.querySelector('.ourdl-player canvas'))", timeout=60)
        assert tab.errors() == []


CHECK_MEDIA = """(async () => {
  const t0 = performance.now(), deadline = t0 + 45000;
  const videos = [...document.querySelectorAll('video')], images = [...document.querySelectorAll('img')];
  const ready = () => videos.every(v => v.readyState >= 2 && isFinite(v.duration) || v.error)
                      && images.every(i => i.complete);
  while (!ready() && performance.now() < deadline) await new Promise(r => setTimeout(r, 50));
  return {ms: performance.now() - t0,
    videos: videos.map(v => ({scene: v.dataset.scene, src: v.currentSrc, readyState: v.readyState,
      duration: v.duration, expected: +v.dataset.expectedDuration, width: v.videoWidth,
      height: v.videoHeight, error: v.error && v.error.code})),
    images: images.map(i => ({src: i.currentSrc, kind: i.dataset.kind || '', complete: i.complete,
      naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight}))};
})()"""

CHECK_AUTOPLAY = """(async () => {
  const videos = [...document.querySelectorAll('video')], deadline = performance.now() + 45000;
  const playing = () => videos.every(v => v.readyState >= 2 && v.currentTime > 0 && !v.paused || v.error);
  while (!playing() && performance.now() < deadline) await new Promise(r => setTimeout(r, 50));
  return videos.map(v => ({src: v.currentSrc, readyState: v.readyState, paused: v.paused,
                           currentTime: v.currentTime, error: v.error && v.error.code}));
})()"""
