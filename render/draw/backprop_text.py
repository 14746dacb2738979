"""Every word and number the backprop frames draw: the strings (en, zh) and the one number format.

The numbers are `render.record.backprop`'s, rounded here for display only; every number on a frame goes
through `fmt`.
"""

from __future__ import annotations

STRINGS = {
    "en": {
        "title": "One step of backpropagation: {scene}, {run}, sample {sample} of {samples:,}",
        "forward": "1  Forward",
        "backward": "2  Backward",
        "update": "3  Update",
        "enter": "the sample enters: x = {x}, label = {label}",
        "computes": "{node} = {formula} = {value}",
        "grad": "∂loss/∂{node} = {terms} = {value}",
        "grad_top": "∂loss/∂{node} = 1 (the loss itself)",
        "step": "{node} ← {before} − {lr}·({grad}) = {after}",
        "done": "every parameter moved: value − lr·∂loss/∂value (lr {lr})",
        "fold": "⋯ units {first}–{last}",
        "fold_on": "{on} of {n} on",
        "fold_sum": "Σ into {node}: {value}",
        "fold_grad": "max|∂| {value}",
        "fold_step": "max|Δ| {value}",
        "fold_forward": "units {first}–{last} (folded): {on} of {n} on (t > 0); they add {value} to {node}",
        "fold_backward": "units {first}–{last}: grads by the same rules; largest |∂loss/∂param| {value}",
        "fold_update": "units {first}–{last}: {count} parameters updated; largest change {value}",
        "panel": "output before and after this step",
        "before": "before",
        "after": "after",
        "sample": "sample (x, label)",
        "target": "target {target}",
        "points": "data points",
        "at_x": "output at x: {before} → {after}",
        "loss": "loss {value}",
        "key_grad": "∂ = ∂loss/∂node (get_grad)",
        "key_after": "→ the value after update(lr)",
    },
    "zh": {
        "title": "一步反向传播：{scene}，{run}，第 {sample} 个样本（共 {samples:,} 个）",
        "forward": "1  前向计算",
        "backward": "2  反向传播",
        "update": "3  参数更新",
        "enter": "样本输入：x = {x}，label = {label}",
        "computes": "{node} = {formula} = {value}",
        "grad": "∂loss/∂{node} = {terms} = {value}",
        "grad_top": "∂loss/∂{node} = 1（损失本身）",
        "step": "{node} ← {before} − {lr}·({grad}) = {after}",
        "done": "每个参数都已更新：值 − lr·∂loss/∂值（lr {lr}）",
        "fold": "⋯ 单元 {first}–{last}",
        "fold_on": "{on}/{n} 激活",
        "fold_sum": "Σ 输入 {node}：{value}",
        "fold_grad": "max|∂| {value}",
        "fold_step": "max|Δ| {value}",
        "fold_forward": "单元 {first}–{last} 已计算：{n} 个中 {on} 个激活；为 {node} 贡献 {value}",
        "fold_backward": "单元 {first}–{last}：按同样规则求梯度；最大 |∂loss/∂参数| {value}",
        "fold_update": "单元 {first}–{last}：更新了 {count} 个参数；最大变化 {value}",
        "panel": "这一步前后的输出",
        "before": "之前",
        "after": "之后",
        "sample": "样本 (x, label)",
        "target": "目标 {target}",
        "points": "数据点",
        "at_x": "x 处的输出：{before} → {after}",
        "loss": "损失 {value}",
        "key_grad": "∂ = ∂loss/∂节点（get_grad）",
        "key_after": "→ update(lr) 之后的值",
    },
}


def words(lang: str, key: str, **values) -> str:
    return STRINGS[lang][key].format(**values)


def fmt(v: float | str | None) -> str:
    """A number of the step as the frames print it: at most 4 decimals (an update of lr 0.01 moves the
    3rd-4th), or 3 significant digits with an exponent when very large or small; "NaN",
    "∞" for the data's non-finite strings; a real minus sign. `None` (no grad) prints nothing."""
    if v is None:
        return ""
    if isinstance(v, str):
        return {"NaN": "NaN", "Infinity": "∞", "-Infinity": "−∞"}[v]
    v = float(v)
    if v == 0 or 1e-3 <= abs(v) < 1e5:
        text = f"{v:.4f}".rstrip("0").rstrip(".")  # 1, 0.01, 0.9076: no digits the number has not
    else:
        text = f"{v:.3g}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")
    return text.replace("-", "−")
