"""Light and dark colour schemes, and the rcParams that carry them plus the language's fonts.

Importing this module loads no matplotlib: option parsing reads `THEMES` for the valid names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    background: str
    foreground: str
    muted: str  # y = 0 line, loss cursor, secondary text
    span: str  # the data range's band
    target: str  # the target curve (x²)
    palette: tuple[str, ...]  # indexed by a panel's `colors`: a hidden unit keeps its colour


#: The palettes: 33 colours, so up to 32 hidden units each keep one (unit j takes index j, or j + 1 from
#: j = 2 on: index 2 is the output's green; scenes.network.unit_color) and none is the output's. The first
#: five are the chapter's (its recordings and baselines depend on them); 5-8 are the admissible colours
#: (below) nearest the classic Tableau 10's (matplotlib's tab10) after its first five, grey left out (brown,
#: pink, olive, cyan); 9-32 were
#: picked by Glasbey's method (Glasbey et al. 2007): greedily, the sRGB colour farthest (CIEDE2000) from all
#: those before it and from the theme's foreground, grey and background, among colours of chroma >= 25 with
#: contrast >= 3 on the light background, jointly with its dark-theme twin (CIELAB L* + 20, chroma x 0.9,
#: contrast >= 4.5 on the dark background), so a unit keeps its hue in both themes. Nearest pair: CIEDE2000
#: 11.9 (light), 11.2 (dark); among the first nine 18.2 and 14.6 (tests/test_sum_panel.py checks these).
LIGHT_PALETTE = (
    "#1f6fb4", "#e8710a", "#2a9d3a", "#c2185b", "#6a4cb3", "#8b554b", "#ca72bc", "#959603",
    "#1d9faf", "#42571d", "#6c4903", "#057662", "#6c4263", "#be0c00", "#90794e", "#c17e87",
    "#6f8257", "#bd00ce", "#7991c0", "#0d6d80", "#324e89", "#bc8467", "#25a37f", "#087322",
    "#b9890d", "#9b1d2d", "#853a08", "#6e6403", "#901185", "#936382", "#c84f4c", "#5d8301",
    "#976036",
)
DARK_PALETTE = (
    "#5aaaf2", "#ffa04d", "#62d977", "#f06292", "#b39ddb", "#be897f", "#feabef", "#cfcb58",
    "#75d4e4", "#768852", "#a17a3f", "#59a995", "#9e7494", "#f75e3d", "#c6ad84", "#f6b6bd",
    "#a5b78e", "#f166fe", "#b2c7f3", "#5c9fb2", "#6d7fb9", "#f2bb9f", "#74d9b6", "#58a75a",
    "#f2be5a", "#d05c5e", "#bb6d41", "#a49747", "#c259b5", "#c699b5", "#fe8a81", "#96b74e",
    "#cc946c",
)

THEMES = {
    "light": Theme("#ffffff", "#1b1b1b", "#8a8a8a", "#edf2f7", "#1b1b1b", LIGHT_PALETTE),
    "dark": Theme("#121519", "#e8e8e8", "#7d838b", "#1f262e", "#f2f2f2", DARK_PALETTE),
}


def rc_params(theme: Theme, lang: str) -> dict:
    """rcParams for `matplotlib.rc_context`: colours, fonts, and no chart junk."""
    from render.draw.fonts import font_families  # matplotlib's font manager: only when drawing

    fg = theme.foreground
    return {
        "font.family": font_families(lang),
        "figure.facecolor": theme.background,
        "axes.facecolor": theme.background,
        "savefig.facecolor": theme.background,
        "axes.edgecolor": theme.muted,
        "axes.labelcolor": fg,
        "axes.titlecolor": fg,
        "text.color": fg,
        "xtick.color": theme.muted,
        "ytick.color": theme.muted,
        "xtick.labelcolor": fg,
        "ytick.labelcolor": fg,
        "legend.labelcolor": fg,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.unicode_minus": True,
    }
