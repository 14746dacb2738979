"""`--lang zh` finds a CJK font: the system's first (by family name, then at well-known paths), then the
`zh` extra's; with none anywhere, one line that says how to get one.

"System" fonts are simulated by registering the extra's Noto Sans SC under a system family name or at a
well-known path, so these tests run the same on a machine with and without fonts-noto-cjk.
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from render_synthetic import synthetic_snapshot
from typer.testing import CliRunner

from render.app import cli
from render.draw import fonts
from render.draw.scene_figure import SceneFigure
from render.encode.stream import render_frame
from render.record.snapshot import save_snapshot

MISSING = r"(?i)glyph .* missing from font"


@pytest.fixture(autouse=True)
def fresh_lookup(monkeypatch):
    """Each test looks the font up anew in a font list of its own (the process-wide one is restored)."""
    monkeypatch.setattr(font_manager.fontManager, "ttflist", list(font_manager.fontManager.ttflist))
    fonts.cjk_font.cache_clear()
    font_manager.fontManager._findfont_cached.cache_clear()
    yield
    fonts.cjk_font.cache_clear()
    font_manager.fontManager._findfont_cached.cache_clear()


@pytest.fixture(scope="module")
def extra_font() -> Path:
    """The font the test extra installs: CI machines without a system CJK font still have this one."""
    path = fonts._package_file()
    assert path is not None, f"the test extra's font package ({fonts.CJK_PACKAGE}) is not installed"
    return path


def without_system_fonts(monkeypatch) -> None:
    """As on a machine with no CJK font installed: no CJK family known, nothing at the usual paths."""
    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [e for e in font_manager.fontManager.ttflist if e.name not in fonts.CJK_FAMILIES])
    monkeypatch.setattr(fonts, "WELL_KNOWN_FILES", ())


def entry_as(path: Path, family: str) -> font_manager.FontEntry:
    """`path`'s font-manager entry, as if the system had installed it under `family`."""
    entry = font_manager.ttfFontProperty(font_manager.get_font(str(path)))
    return dataclasses.replace(entry, name=family)


def draws_chinese_without_missing_glyphs() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=MISSING)
        view = SceneFigure(synthetic_snapshot(n_snapshots=4), size=(480, 270), lang="zh")
        render_frame(view, 2)


def test_the_extra_is_used_when_the_system_has_no_cjk_font(monkeypatch, extra_font):
    without_system_fonts(monkeypatch)
    found = fonts.cjk_font()
    assert (found.family, found.path, found.source) == ("Noto Sans SC", extra_font, fonts.CJK_PACKAGE)
    assert fonts.font_families("zh") == ["DejaVu Sans", "Noto Sans SC"]
    assert fonts.font_families("en") == ["DejaVu Sans"]
    draws_chinese_without_missing_glyphs()


def test_a_system_family_comes_before_the_extra(monkeypatch, extra_font):
    without_system_fonts(monkeypatch)
    font_manager.fontManager.ttflist.append(entry_as(extra_font, "Noto Sans CJK SC"))  # fonts-noto-cjk
    found = fonts.cjk_font()
    assert (found.family, found.source) == ("Noto Sans CJK SC", "system")
    assert fonts.font_families("zh") == ["DejaVu Sans", "Noto Sans CJK SC"]
    draws_chinese_without_missing_glyphs()


def test_families_are_ranked_simplified_chinese_first(monkeypatch, extra_font):
    without_system_fonts(monkeypatch)
    for family in ("Noto Sans CJK JP", "SimHei", "Microsoft YaHei"):
        font_manager.fontManager.ttflist.append(entry_as(extra_font, family))
    assert fonts.cjk_font().family == "Microsoft YaHei"


def test_a_listed_family_whose_file_is_gone_is_passed_over(monkeypatch, extra_font, tmp_path):
    """matplotlib's font cache can outlive an uninstalled font."""
    without_system_fonts(monkeypatch)
    gone = dataclasses.replace(entry_as(extra_font, "PingFang SC"), fname=str(tmp_path / "PingFang.ttc"))
    font_manager.fontManager.ttflist.append(gone)
    assert fonts.cjk_font().source == fonts.CJK_PACKAGE


def test_a_font_at_a_well_known_path_is_registered_when_matplotlib_does_not_list_it(monkeypatch, extra_font,
                                                                                      tmp_path):
    without_system_fonts(monkeypatch)
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "WELL_KNOWN_FILES", (str(tmp_path / "absent.ttc"), str(broken),
                                                    str(extra_font)))
    monkeypatch.setattr(fonts, "_package_file", lambda: pytest.fail("the extra was looked for first"))
    found = fonts.cjk_font()
    assert (found.family, found.path, found.source) == ("Noto Sans SC", extra_font, "system file")
    draws_chinese_without_missing_glyphs()


def test_a_font_collection_gives_its_simplified_chinese_face(monkeypatch, tmp_path):
    """Debian's NotoSansCJK-Regular.ttc starts with its Japanese face; the SC face is the one to use."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    collection = TTCollection()
    for family in ("Noto Sans CJK JP", "Noto Sans CJK SC"):
        face = TTFont(dejavu)
        for record in face["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = family
            elif record.nameID == 6:
                record.string = family.replace(" ", "")
        collection.fonts.append(face)
    ttc = tmp_path / "NotoSansCJK-Regular.ttc"
    collection.save(ttc)
    without_system_fonts(monkeypatch)
    monkeypatch.setattr(fonts, "WELL_KNOWN_FILES", (str(ttc),))
    found = fonts.cjk_font()
    registered = {e.name for e in font_manager.fontManager.ttflist if Path(e.fname) == ttc}
    # matplotlib >= 3.10 registers every face of a collection; older ones only the first
    if registered == {"Noto Sans CJK JP", "Noto Sans CJK SC"}:
        assert found.family == "Noto Sans CJK SC"
    else:
        assert registered == {"Noto Sans CJK JP"} and found.family == "Noto Sans CJK JP"
    assert (found.path, found.source) == (ttc, "system file")


def no_font_anywhere(monkeypatch) -> None:
    without_system_fonts(monkeypatch)
    monkeypatch.setattr(fonts, "_package_file", lambda: None)


def test_no_font_anywhere_is_one_line_with_the_ways_to_install_one(monkeypatch):
    no_font_anywhere(monkeypatch)
    with pytest.raises(fonts.FontMissing) as caught:
        fonts.font_families("zh")
    message = str(caught.value)
    assert "\n" not in message
    assert "apt install fonts-noto-cjk" in message and 'pip install "ourdl-render[zh]"' in message
    assert fonts.font_families("en") == ["DejaVu Sans"]  # English never needs it


def test_the_cli_says_so_in_one_line_with_its_brackets_and_writes_nothing(monkeypatch, tmp_path):
    snap = save_snapshot(synthetic_snapshot(n_snapshots=4), tmp_path / "s.npz")
    no_font_anywhere(monkeypatch)
    result = CliRunner().invoke(cli.app, ["video", str(snap), "--lang", "zh", "--format", "png",
                                          "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    lines = result.stderr.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("error: Chinese labels (--lang zh) need a CJK font"), lines
    assert 'pip install "ourdl-render[zh]"' in lines[0] and "internal error" not in lines[0]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
