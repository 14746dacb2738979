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
        # the backprop step-through (render/web/backprop.py, src/backprop.js); {placeholders} filled as text
        "bp_title": "{scene}: one step of backpropagation", "bp_inspect": "Inspect this sample",
        "bp_inspect_none": "no step to inspect here: {why}", "bp_close": "Close (Escape)",
        "bp_run": "run", "bp_sample": "sample", "bp_sample_box": "sample number (0-based)",
        "bp_of": "of 0–{last}",
        "bp_summary": "{run} · sample {sample}: x = {x}, label = {label}, loss = {loss}",
        "bp_snapshot": "the player holds its snapshots' samples: {shown} shown for {asked}",
        "bp_forward": "forward", "bp_backward": "backward", "bp_update": "update",
        "bp_back": "Previous node", "bp_next": "Next node", "bp_slider": "position in the step",
        "bp_position": "{i} / {n}", "bp_d": "∂", "bp_fold": "units {from}–{to}",
        "bp_graph": "the computation graph, node by node",
        "bp_inputs": "Sample {sample} enters: x = {x}, label = {label}; the parameters hold their values "
                     "after "
                     "{sample} updates.",
        "bp_forward_words": "forward: {node} = {op}({parents}) = {value}",
        "bp_backward_words": "backward: ∂loss/∂{node} = Σ ∂loss/∂child × "
                             "∂child/∂{node} = {terms} = {grad}",
        "bp_backward_loss": "backward: ∂loss/∂{node} = 1 (get_grad() starts here)",
        "bp_update_words": "update: {node} = {before} − {lr} × {grad} → {after}",
        "bp_point": "(x, label)", "bp_before": "output before this step", "bp_after": "after this step",
        "bp_points": "data points",
        "bp_keys": "space play/pause · ←/→ one node · Home/End · the box picks any sample",
        "bp_keys_dialog": "space play/pause · ←/→ one node · Home/End · Escape closes",
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
        "bp_title": "{scene}：反向传播的一步", "bp_inspect": "查看这个样本",
        "bp_inspect_none": "这里没有可查看的一步：{why}", "bp_close": "关闭（Esc）",
        "bp_run": "训练", "bp_sample": "样本", "bp_sample_box": "样本编号（从 0 开始）",
        "bp_of": "范围 0–{last}",
        "bp_summary": "{run} · 样本 {sample}：x = {x}，label = {label}，损失 = {loss}",
        "bp_snapshot": "播放器只保存快照处的样本：显示 {shown}（所选 {asked}）",
        "bp_forward": "前向", "bp_backward": "反向", "bp_update": "更新",
        "bp_back": "上一个节点", "bp_next": "下一个节点", "bp_slider": "这一步中的位置",
        "bp_position": "{i} / {n}", "bp_d": "∂", "bp_fold": "单元 {from}–{to}",
        "bp_graph": "计算图，逐个节点",
        "bp_inputs": "样本 {sample} 进入：x = {x}，label = {label}；参数为 {sample} 次更新后的值。",
        "bp_forward_words": "前向：{node} = {op}({parents}) = {value}",
        "bp_backward_words": "反向：∂loss/∂{node} = Σ ∂loss/∂子节点 × "
                             "∂子节点/∂{node} = {terms} = {grad}",
        "bp_backward_loss": "反向：∂loss/∂{node} = 1（get_grad() 从这里开始）",
        "bp_update_words": "更新：{node} = {before} − {lr} × {grad} → {after}",
        "bp_point": "(x, label)", "bp_before": "这一步之前的输出", "bp_after": "这一步之后",
        "bp_points": "数据点",
        "bp_keys": "空格 播放/暂停 · ←/→ 一个节点 · Home/End · 输入框可选任意样本",
        "bp_keys_dialog": "空格 播放/暂停 · ←/→ 一个节点 · Home/End · Esc 关闭",
    },
}
