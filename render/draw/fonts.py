"""A real CJK font for `lang="zh"`, registered with matplotlib from a pip-installed package.

Matplotlib ships no CJK glyphs; without a font it draws boxes and warns "Glyph ... missing". The font
comes from the PyPI package `pylopdf-fonts-zh-cn` (Noto Sans SC, SIL OFL; the project's `zh` extra).
Per-glyph fallback (matplotlib >= 3.6) mixes the two fonts within one string. The package ships the
regular weight only, so Chinese text is never bold.
"""

from __future__ import annotations

import functools
from pathlib import Path

from matplotlib import font_manager

CJK_PACKAGE = "pylopdf-fonts-zh-cn"
FALLBACK = "DejaVu Sans"


class FontMissing(RuntimeError):
    """No CJK font is installed; the message says which package to install."""


def _font_file() -> Path:
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        raise FontMissing(f"Chinese labels need a CJK font: pip install {CJK_PACKAGE} "
                          "(or the project's [zh] extra)") from None
    return Path(pylopdf_fonts_zh_cn.sans_path())


@functools.cache
def cjk_family() -> str:
    """Register the CJK font with matplotlib once; return its family name."""
    path = _font_file()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def font_families(lang: str) -> list[str]:
    """The `font.family` list for a language: Latin, digits and symbols stay in DejaVu Sans (as in
    English; Noto Sans SC's full-width `·` looked odd), Chinese glyphs fall back to the CJK font."""
    return [FALLBACK, cjk_family()] if lang == "zh" else [FALLBACK]
