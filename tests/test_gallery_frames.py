"""The gallery's player frames fit their players, in headless Chromium: a runs scene, one whose run
picker could wrap the controls, and a sweep, in the gallery's column at a wide, a 760 px and a 390 px
window (where the players re-flow into two rows or one column of panels). With the gallery's script the
frame takes the height the framed page posts; without it (the script left out) the CSS alone already fits
a column as wide as embed.COLUMN or wider, and estimates the narrower ones' (re-flowed) heights to within a
few lines of text. No blank band over 4 px, nothing scrolls inside, and the gallery never scrolls sideways.
"""

import re

import pytest
from headless_chromium import served
from typer.testing import CliRunner

from render.app.cli import app
from render.web.build import sha256_source
from render.web.gallery_page import SCRIPT, Result, write_index

#: (scene, its command's options, the kind the gallery frames it as, its runs)
SCENES = [("fig8", [], "runs", 1), ("fig7_vs_fig8", [], "runs", 2),
          ("relu_vs_leakyrelu", ["--steps", "300", "--every", "100"], "sweep", 2)]
BAND = 4  # px: the most blank space under a player the test lets by


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The three players and a gallery of them (index.html), and the same gallery without its script
    (bare.html), served over http (file:// frames are opaque to their parent)."""
    out = tmp_path_factory.mktemp("frames")
    results = []
    for name, options, kind, runs in SCENES:
        result = CliRunner().invoke(app, ["scene", name, "--steps", "40", "--every", "20", "--quality", "low",
                                          "--format", "html", *options, "--out", str(out)])
        assert result.exit_code == 0, result.output
        page = f"{name}.html"
        size = (out / page).stat().st_size
        results.append(Result(name, kind=kind, runs=runs, files={".html": page}, sizes={page: size}))
    index = write_index(out, results, {name: f"render scene {name}" for name, *_ in SCENES}, 1.0, 1)
    text = index.read_text()
    assert re.findall(r"<script>(.*?)</script>", text, flags=re.S) == [SCRIPT]  # its one script, allowed
    assert f"script-src {sha256_source(SCRIPT)};" in text                     # by its hash alone
    (out / "bare.html").write_text(re.sub(r"<script>.*?</script>", "", text, flags=re.S))
    (out / "favicon.ico").write_bytes(b"")  # a 404 would be logged as an error

    with served(out) as url:
        yield url


#: per player frame: [scene, the frame's width, its height, the framed page's height, whether it scrolls,
#: whether it scrolls sideways]
MEASURE = """[...document.querySelectorAll('iframe')].map((f) => {
  const r = f.getBoundingClientRect(), d = f.contentDocument.documentElement;
  return [f.dataset.scene, r.width, r.height, d.getBoundingClientRect().height,
          d.scrollHeight > d.clientHeight, d.scrollWidth > d.clientWidth];
})"""
SIDEWAYS = "document.documentElement.scrollWidth > innerWidth"
DRAWN = """[...document.querySelectorAll('iframe')].every((f) => {
  f.loading = 'eager';  // the frames are lazy: load those below the fold too
  const c = f.contentDocument && f.contentDocument.querySelector('.op-canvas');
  return c && c.height > 0;
})"""
FITTED = "[...document.querySelectorAll('iframe')].every((f) => f.style.height)"
SETTLED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def frames(browser, url: str, width: int, fitted: bool) -> list:
    with browser.open(url, width=width, height=900) as tab:
        tab.wait_for(DRAWN, timeout=60)
        if fitted:
            tab.wait_for(FITTED)
        tab.evaluate(SETTLED)
        assert tab.errors() == []
        assert not tab.evaluate(SIDEWAYS)
        return tab.evaluate(MEASURE)


@pytest.mark.parametrize("width", [1280, 760, 390])
def test_the_gallery_fits_each_frame_to_its_player(browser, site, width):
    measured = frames(browser, site + "index.html", width, fitted=True)
    assert [m[0] for m in measured] == [name for name, *_ in SCENES]
    for scene, frame_width, height, page, scrolls, sideways in measured:
        print(f"\n{width} px window: {scene} in {frame_width:.0f} px: frame {height:.2f}, page {page:.2f}")
        assert 0 <= height - page <= BAND and not scrolls, scene
        assert not sideways, scene


def test_the_css_alone_fits_a_column_as_wide_as_the_embeds(browser, site):
    measured = frames(browser, site + "bare.html", 1280, fitted=False)
    for scene, frame_width, height, page, scrolls, _ in measured:
        assert frame_width >= 760
        assert 0 <= height - page <= BAND and not scrolls, scene


@pytest.mark.parametrize("width", [760, 390])
def test_the_css_alone_comes_close_in_a_narrower_column(browser, site, width):
    """Where the runs players re-flow, the CSS's estimate (gallery_page.frame_rules) is within a few lines
    of their height, so the page hardly moves when the script fits the frames."""
    measured = frames(browser, site + "bare.html", width, fitted=False)
    for scene, frame_width, height, page, _, _ in measured[:2]:
        print(f"\n{width} px window, no script: {scene} in {frame_width:.0f} px: frame {height:.2f}, "
              f"page {page:.2f}")
        assert abs(height - page) <= 0.03 * page, scene
