"""The width sweep's page data (assets/width_sweep.bundle.js): the video's figure, scrubbable, with a readout.

The page draws what render.draw.width_sweep_figure draws, from the numbers that figure draws: per width,
activation and snapshot the share of runs not fitted and its 95% band (computed here, by the figure's
function), the outcome counts (int32) the cause bars stack, the closed form p^H and the measured share of
inits with every unit dead. Its words are the figure's, in the page's language. Hovering (or tapping) a
width shows that width's numbers at the current snapshot. A few kilobytes: nothing grows with the inits.
"""

from __future__ import annotations

import dataclasses

from render.draw.base import DESIGN_WIDTH, FONT, LINE, SMALL
from render.draw.grid import MIN_PANEL, MIN_TEXT_PX
from render.draw.sweep_figure import Narrow, SweepHeader
from render.draw.text import STRINGS
from render.draw.width_sweep_figure import (
    CAUSE_COLORS,
    WidthLayout,
    cause_names,
    closed_form_curve,
    failure_bands,
    p_text,
    width_limits,
    words,
)
from render.record.snapshot import Snapshot
from render.web.build import b64
from render.web.player_data import base_player_data

#: the page's own words (its readout); the figure's come from render.draw.width_sweep_figure
READOUT = {
    "en": {"hint": "hover or tap a width for its numbers", "at": "H = {w} at sample {step:,}",
           "row": "{act}: {pct}% not fitted (95% CI {lo}–{hi}%)", "sep": ", "},
    "zh": {"hint": "悬停或轻点一个宽度，查看它的数字", "at": "H = {w}，样本 {step:,}",
           "row": "{act}：{pct}% 未拟合（95% 置信区间 {lo}–{hi}%）", "sep": "，"},
}


def width_sweep_layout() -> dict:
    """The figure's layout as the video's: the header's and legend's place (SweepHeader), the two panels'
    (WidthLayout), fonts and lines in points; the pages' grid rule's numbers (render.draw.grid) and the
    narrower frames' margins and gaps in inches (Narrow)."""
    return {"designWidth": DESIGN_WIDTH, "font": FONT, "small": SMALL, "line": LINE,
            "header": dataclasses.asdict(SweepHeader()), "grid": dataclasses.asdict(WidthLayout()),
            "minTextPx": MIN_TEXT_PX, "minPanel": MIN_PANEL, "panels": 2,
            "narrow": dataclasses.asdict(Narrow())}


def width_sweep_data(snapshot: Snapshot, theme: str = "light", lang: str = "en") -> dict:
    """The JSON the width sweep's page reads."""
    info = snapshot.meta["width_sweep"]
    acts, widths, count = list(info["activations"]), [int(w) for w in info["widths"]], int(info["count"])
    target, threshold = snapshot.meta.get("target_name", "target"), float(info["threshold"])
    lo, hi = info["inits"].get("range", [-1, 1])
    failed, low, high = failure_bands(snapshot)
    hs, ps = closed_form_curve(float(info["dead_unit_p"]), widths)
    data = base_player_data(snapshot, theme, lang)
    data.update({
        "runs": [], "activations": acts, "widths": widths, "count": count, "threshold": threshold,
        "words": {
            "title": words(lang, "title", acts=" vs ".join(acts), count=count, lo=lo, hi=hi, target=target),
            "rates": words(lang, "rates", target=target, thr=threshold),
            "causes": words(lang, "causes", acts=" | ".join(acts)),
            "width": words(lang, "width"),
            "closed": words(lang, "closed", p=p_text(float(info["dead_unit_p"]))),
            "dead": words(lang, "dead"),
            "caption": STRINGS[lang]["sweep_caption"],
            **READOUT[lang],
        },
        "causes": list(cause_names(lang)), "causeColors": list(CAUSE_COLORS[theme]),
        "outcomes": len(info["outcomes"]),
        "counts": b64(snapshot.extra["width_counts"], "<i4"),
        "failed": b64(failed), "low": b64(low), "high": b64(high),
        "closedForm": {"h": b64(hs), "p": b64(ps)},
        "deadShare": [k / count for k in info["dead_at_init"]],
        "xlim": width_limits(widths), "layout": width_sweep_layout(),
    })
    return data
