"""A real CJK font for `lang="zh"`: the system's own when it has one, else the `zh` extra's.

Matplotlib ships no CJK glyphs; without a font it draws boxes and warns "Glyph ... missing". Where the
font comes from, first found wins:

1. a CJK family matplotlib's font manager already knows: Debian/Ubuntu's `fonts-noto-cjk` (Noto Sans CJK
   SC), macOS's PingFang SC / Hiragino Sans GB / STHeiti, Windows' Microsoft YaHei / DengXian / SimHei,
   WenQuanYi, Droid Sans Fallback;
2. the same fonts at their well-known paths (matplotlib's font cache may predate their install);
3. Noto Sans SC (SIL OFL 1.1) from the PyPI package `pylopdf-fonts-zh-cn`, the project's `zh` extra: the
   unmodified upstream font and its licence, regular weight only (Chinese text is then never bold).

Per-glyph fallback (matplotlib >= 3.6) mixes the fonts within one string: Latin, digits and symbols stay
in DejaVu Sans, Chinese glyphs come from the CJK font.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from matplotlib import font_manager

FALLBACK = "DejaVu Sans"
CJK_PACKAGE = "pylopdf-fonts-zh-cn"  # what the `zh` extra installs (see pyproject.toml)
_PACKAGE_MODULE, _PACKAGE_FILE = "pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"

#: Family names, best first: Simplified Chinese designs before Japanese/Traditional ones that also
#: carry the Han glyphs (with some regional shapes).
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",  # Linux, the extra
    "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC",  # macOS
    "Microsoft YaHei", "DengXian", "SimHei", "SimSun",  # Windows
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
    "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans", "Arial Unicode MS",
)

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
#: Where those fonts live when installed the usual way.
WELL_KNOWN_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian, Ubuntu: fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",  # Fedora
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    str(_WINDOWS_FONTS / "msyh.ttc"),
    str(_WINDOWS_FONTS / "Deng.ttf"),
    str(_WINDOWS_FONTS / "simhei.ttf"),
)

#: How to get one, said once (rich prints it as is: messages are markup-escaped).
INSTALL_HINT = (f'install a CJK font (Debian/Ubuntu: apt install fonts-noto-cjk) or the project\'s: '
                f'pip install "ourdl-render[zh]" (or pip install {CJK_PACKAGE})')


class FontMissing(RuntimeError):
    """No CJK font anywhere; the message is one line saying how to install one."""


@dataclass(frozen=True)
class CjkFont:
    family: str  # the name matplotlib's `font.family` takes
    path: Path  # the file (a .ttc holds several families; `family` is the one used)
    source: str  # "system", "system file" or the package's name


def _known_family() -> CjkFont | None:
    """The best of CJK_FAMILIES that matplotlib's font manager lists with a file that is still there."""
    by_name: dict[str, Path] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in CJK_FAMILIES and entry.name not in by_name and Path(entry.fname).is_file():
            by_name[entry.name] = Path(entry.fname)
    for name in CJK_FAMILIES:
        if name in by_name:
            return CjkFont(name, by_name[name], "system")
    return None


def _register(path: Path, source: str) -> CjkFont | None:
    """Add a font file to matplotlib; its best-named CJK family (a .ttc holds several), else its first."""
    try:
        font_manager.fontManager.addfont(str(path))
    except (OSError, RuntimeError, ValueError):  # unreadable or not a font: look further
        return None
    faces = [e.name for e in font_manager.fontManager.ttflist if Path(e.fname) == path]
    family = next((n for n in CJK_FAMILIES if n in faces), faces[0] if faces else None)
    return CjkFont(family, path, source) if family else None


def _package_file() -> Path | None:
    """The `zh` extra's font file, found without importing the package."""
    spec = importlib.util.find_spec(_PACKAGE_MODULE)
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / _PACKAGE_FILE
    return path if path.is_file() else None


@functools.cache
def cjk_font() -> CjkFont:
    """Find the CJK font once (registering a file with matplotlib if needed); raise FontMissing."""
    found = _known_family()
    for path in (Path(p) for p in WELL_KNOWN_FILES):
        if found is None and path.is_file():
            found = _register(path, "system file")
    if found is None and (path := _package_file()) is not None:
        found = _register(path, CJK_PACKAGE)
    if found is None:
        raise FontMissing(f"Chinese labels (--lang zh) need a CJK font, and none was found: {INSTALL_HINT}")
    return found


def cjk_family() -> str:
    """The CJK font's family name for matplotlib's `font.family`."""
    return cjk_font().family


def font_families(lang: str) -> list[str]:
    """The `font.family` list for a language: Latin, digits and symbols stay in DejaVu Sans (as in
    English; Noto Sans SC's full-width `·` looked odd), Chinese glyphs fall back to the CJK font."""
    return [FALLBACK, cjk_family()] if lang == "zh" else [FALLBACK]
