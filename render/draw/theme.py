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


THEMES = {
    "light": Theme("#ffffff", "#1b1b1b", "#8a8a8a", "#edf2f7", "#1b1b1b",
                   ("#1f6fb4", "#e8710a", "#2a9d3a", "#c2185b", "#6a4cb3")),
    "dark": Theme("#121519", "#e8e8e8", "#7d838b", "#1f262e", "#f2f2f2",
                  ("#5aaaf2", "#ffa04d", "#62d977", "#f06292", "#b39ddb")),
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
