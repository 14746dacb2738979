"""The player's own words (controls, readouts), in English and Chinese; the figure's words come from
render.draw.text so the page and the video say the same thing."""

from __future__ import annotations

UI = {
    "en": {
        "play": "Play", "pause": "Pause", "back": "Previous snapshot", "forward": "Next snapshot",
        "speed": "speed", "loop": "loop", "runs": "runs", "all_runs": "all runs",
        "slider": "training progress (snapshot)", "position": "sample {step} of {total}",
        "keys": ("space play/pause · ←/→ step · Home/End · [ ] speed · L loop · "
                 "click a legend entry to hide it"),
        "diverged_mark": "diverged: {label}", "x": "x", "sample": "sample {step}",
        "train": "train loss", "figure": "{scene}: training animation (interactive)",
        "hover_cell": "click: play this init's training",
        "fitted": "fitted", "not_fitted": "not fitted", "loss": "loss", "mode": "mode",
        "cell_run": "clicked init", "no_cell": "click a cell of the map to play its training",
        "rate_row": "{act}: {fitted:,} of {runs:,} fitted ({pct:.1f}%, 95% CI {lo:.1f}–{hi:.1f}%)",
    },
    "zh": {
        "play": "播放", "pause": "暂停", "back": "上一个快照", "forward": "下一个快照",
        "speed": "速度", "loop": "循环", "runs": "训练", "all_runs": "全部训练",
        "slider": "训练进度（快照）", "position": "样本 {step} / {total}",
        "keys": "空格 播放/暂停 · ←/→ 单步 · Home/End · [ ] 速度 · L 循环 · 点击图例隐藏曲线",
        "diverged_mark": "发散：{label}", "x": "x", "sample": "样本 {step}",
        "train": "训练损失", "figure": "{scene}：训练动画（可交互）",
        "hover_cell": "点击：播放这个初始化的训练",
        "fitted": "拟合成功", "not_fitted": "未拟合", "loss": "损失", "mode": "模式",
        "cell_run": "所点的初始化", "no_cell": "点击地图上的格子，播放它的训练",
        "rate_row": ("{act}：{runs:,} 次中 {fitted:,} 次拟合成功（{pct:.1f}%，"
                     "95% 置信区间 {lo:.1f}–{hi:.1f}%）"),
    },
}
