"""Every word the figures draw, in English and Chinese, so `lang="zh"` leaves nothing untranslated.

One table for both figures (scene and sweep): a key means the same words wherever it is drawn.
"""

from __future__ import annotations

import re

STRINGS = {
    "en": {
        "caption": "sample {step} of {total:,}   train loss {train}   |y − {target}| {eval}",
        "loss_title": "loss (log scale)",
        "loss_train": "train",
        "loss_eval": "|y − {target}| on data",
        "samples": "samples",
        "data": "data range",
        "target": "target {target}",
        "diverged": "diverged at sample {step:,}",
        "sweep_caption": "sample {step:,} of {total:,}",
        "hist": "evaluation loss of every run: mean |y − {target}| on the data",
        "fitted_zone": "fitted (< {thr:g})",
        "share": "{act}: {pct:.1f}% fitted",
        "modes": "fitting mode (solid: fitted, pale: not)",
        "rate": "share of runs fitted (95% CI)",
        "rate_map": "share of the grid fitted",
        "no_run": "no such run",
        "pale": "pale: not fitted",
        "seeded_title": "{acts}: {count:,} random inits uniform({lo:g}, {hi:g}), the same data",
        "map_title": "{acts}: {nx}×{ny} inits over ({ax0}, {ax1}), the rest at Fig 8's values",
        "map": "{act}: mode and loss per init",
        "grid_fitted": "{pct:.1f}% of the grid fitted",
        "loss_at": "{act}: |y − {target}| {loss}",
        "data_samples": "samples (latest {window} solid)",
        "path": "path of ({x}, {y})",
        "surface": "mean |y − {target}|, log contours",
        "surface_at": "mean |y − {target}|",
        "units": "units {first}–{last}",
        "unit": "unit {first}",
        "stacked": "{units} + {bias}",
        "bias": "bias",
        "points": "data points",
    },
    "zh": {
        "caption": "样本 {step} / {total:,}   训练损失 {train}   |y − {target}| {eval}",
        "loss_title": "损失（对数坐标）",
        "loss_train": "训练损失",
        "loss_eval": "数据区间上 |y − {target}|",
        "samples": "样本数",
        "data": "数据区间",
        "target": "目标 {target}",
        "diverged": "第 {step:,} 个样本处发散",
        "sweep_caption": "样本 {step:,} / {total:,}",
        "hist": "每次训练的评估损失：数据区间上 |y − {target}| 的均值",
        "fitted_zone": "拟合成功（< {thr:g}）",
        "share": "{act}：{pct:.1f}% 拟合成功",
        "modes": "拟合模式（实色：成功，浅色：未成功）",
        "rate": "拟合成功的比例（95% 置信区间）",
        "rate_map": "网格中拟合成功的比例",
        "no_run": "没有这样的训练",
        "pale": "浅色：未拟合",
        "seeded_title": "{acts}：{count:,} 个随机初始化 uniform({lo:g}, {hi:g})，相同数据",
        "map_title": "{acts}：({ax0}, {ax1}) 上 {nx}×{ny} 个初始化，其余参数取图 8 的值",
        "map": "{act}：每个初始化的模式与损失",
        "grid_fitted": "网格中 {pct:.1f}% 拟合成功",
        "loss_at": "{act}：|y − {target}| {loss}",
        "data_samples": "样本（最近 {window} 个为实心）",
        "path": "({x}, {y}) 的路径",
        "surface": "|y − {target}| 均值（对数等高线）",
        "surface_at": "|y − {target}| 均值",
        "units": "单元 {first}–{last}",
        "unit": "单元 {first}",
        "stacked": "{units} + {bias}",
        "bias": "偏置",
        "points": "数据点",
    },
}


def text(lang: str, key: str, **values) -> str:
    return STRINGS[lang][key].format(**values)


def panel_title(panel: dict, lang: str) -> str:
    """A panel's title in `lang`, falling back to the English one the scene gave."""
    return (panel.get("title_zh") if lang == "zh" else None) or panel["title"]


def units_label(lang: str, n: int) -> str:
    """Many units in one legend entry: "units 1–16" ("unit 1" alone), counted from 1 as the names are."""
    return text(lang, "units", first=1, last=n) if n > 1 else text(lang, "unit", first=1)


def run_label(label: str, lang: str) -> str:
    """The run's label; the tutorial's "Fig 7" becomes "图 7" in Chinese."""
    return re.sub(r"\bFig\.? ?(\d+)", r"图 \1", label) if lang == "zh" else label


#: the caption's changing values; everything else in it is drawn once
CAPTION_VALUES = {"step": "00,000", "train": "00.000", "eval": "00.000"}  # widest usual text


def caption_pieces(lang: str, **static) -> list[tuple[str, str | None, int]]:
    """The caption as pieces (static text, None, spaces before it) and (value name, width template,
    spaces before it), so the figure can draw the words once and only the values per frame."""
    caption = STRINGS[lang]["caption"].format(**static, **{k: f"{{{k}}}" for k in CAPTION_VALUES})
    pieces: list[tuple[str, str | None, int]] = []
    spaces = 0  # trailing spaces of the previous static chunk
    for part in re.split(r"(\{(?:step|train|eval)\})", caption):
        if part[1:-1] in CAPTION_VALUES:
            pieces.append((part[1:-1], CAPTION_VALUES[part[1:-1]], spaces))
            spaces = 0
        elif part.strip():
            pieces.append((part.strip(), None, len(part) - len(part.lstrip())))
            spaces = len(part) - len(part.rstrip())
    return pieces


def number(value: float) -> str:
    """Loss values for captions: a fixed 3 decimals that keeps digits still, '—' when there is none yet."""
    if value != value:  # NaN: no training loss before the first sample
        return "—"
    if 0.01 <= abs(value) < 100:
        return f"{value:.3f}"
    if 0 < abs(value) < 1e-3:  # 4.5e-4: no wider than the slot's 00.000, where 0.00045 ran into its label
        return re.sub(r"e([+-])0*(\d)", r"e\1\2", f"{value:.1e}").replace("e+", "e")
    if abs(value) < 1e4:
        return f"{value:.2g}"
    return f"{value:.0e}".replace("e+0", "e").replace("e+", "e")  # 4e98: as narrow as 0.123
