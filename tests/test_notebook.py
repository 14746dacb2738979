"""`from render import show`: inline animations for Jupyter, checked through `_repr_html_`."""

import base64
import re
import subprocess
import sys

import imageio.v3 as iio
import pytest

from render import show
from render.record import record
from scenes import get_scene


@pytest.fixture(scope="module")
def small():
    return record(get_scene("fig8").with_overrides(samples=40, every=20))


def test_importing_render_stays_light():
    code = "import sys, render; assert callable(render.show); print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_video_mode_embeds_a_playable_mp4(small, tmp_path):
    anim = show(small, mode="video", quality="low")
    page = anim._repr_html_()
    assert page.startswith("<video") and "autoplay" in page and "loop" in page
    data = re.search(r'src="data:video/mp4;base64,([^"]+)"', page)
    assert data, page[:200]
    mp4 = tmp_path / "inline.mp4"
    mp4.write_bytes(base64.b64decode(data[1]))
    frames = list(iio.imiter(mp4, plugin="FFMPEG"))
    assert len(frames) > 10 and frames[0].shape[:2] == (480, 854)
    assert anim.save(tmp_path / "a.html").read_text().count("<video") == 1


def test_without_ffmpeg_auto_is_the_scrubbable_player_in_a_sandboxed_frame(small, monkeypatch):
    import html

    import render.web.notebook as nb

    monkeypatch.setattr(nb, "_ffmpeg_available", lambda: False)
    anim = show(small, mode="auto")
    assert anim.mode == "html"
    frame = anim._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "allow-same-origin" not in frame  # the page's scripts never share the notebook's origin
    inner = html.unescape(re.search(r'srcdoc="([^"]*)"', frame)[1])
    assert "Content-Security-Policy" in inner and '"scene":"fig8"' in inner


@pytest.mark.parametrize("width", [1000, 760])
def test_the_players_frame_is_the_players_height_with_no_band(small, monkeypatch, browser, tmp_path, width):
    """The sandboxed frame runs in an opaque origin and the notebook runs no script of ours, so it cannot
    hear the page's height: it takes the player's measured height at embed.COLUMN px and grows no wider
    (in a narrower output area it scales down at that aspect, as the embed snippet does)."""
    from headless_chromium import page_url

    import render.web.notebook as nb
    from render.web.embed import COLUMN, PLAYER_HEIGHT

    monkeypatch.setattr(nb, "_ffmpeg_available", lambda: False)
    host = tmp_path / "notebook.html"
    host.write_text("<!doctype html><meta charset=utf-8><link rel=icon href='data:,'><body style='margin:0'>"
                    f"{show(small, mode='auto')._repr_html_()}</body>")
    with browser.open(page_url(host), width=width, height=800) as tab:
        (frame,) = tab.frames()
        frame.wait_for("(() => { const c = document.querySelector('.op-canvas');"
                       " return c && c.height > 0 })()")
        box = tab.evaluate("(() => { const r = document.querySelector('iframe').getBoundingClientRect();"
                           " return [r.width, r.height] })()")
        page = frame.evaluate("document.documentElement.getBoundingClientRect().height")
    assert box == [COLUMN, PLAYER_HEIGHT["runs"]]
    assert 0 <= box[1] - page < 1  # no blank band, nothing scrolls inside


def test_lab_mode_is_the_lab_of_the_scene_or_of_the_snapshots_scene(small):
    import html

    for what in ("fig8", small):
        anim = show(what, mode="lab")
        inner = html.unescape(re.search(r'srcdoc="([^"]*)"', anim._repr_html_())[1])
        assert anim.mode == "lab" and 'id="ourdl-lab-data"' in inner and "w_11" in inner
    assert "lab" in repr(anim)


def test_jshtml_mode_is_matplotlibs_player(small):
    anim = show(small, mode="jshtml", size=(320, 180), max_frames=12)
    assert anim.mode == "jshtml"
    page = anim._repr_html_()
    assert 2 <= len(re.findall(r"data:image/png;base64,", page)) <= 12
    assert "<script" in page and "Animation" in page  # matplotlib's player and its controls


def test_show_takes_a_scene_name_and_rejects_a_bad_mode():
    with pytest.raises(ValueError, match="mode"):
        show("fig8", mode="gif")
    anim = show("fig8", steps=20, every=10, quality="low", size=(320, 180))
    assert anim.snapshot.steps.tolist() == [0, 10, 20] and anim.mode == "video"
