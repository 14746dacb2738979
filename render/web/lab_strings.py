"""The lab's own words (controls, map, command), in English and Chinese. The figure's words come from
render.draw.text and the timeline's from pages/strings.py, so the lab, the player and the video agree."""

from __future__ import annotations

LAB = {
    "en": {
        "title": "ourdl lab: change the initial parameters, watch the network train",
        "intro": ("The chapter ends with an invitation: change the signs and sizes of the initial parameters "
                  "and watch how training changes. Every run here is trained in this page exactly as ourdl "
                  "trains it (the same numbers, bit for bit), from the same data stream."),
        "presets": "start from", "random": "random", "seed": "seed",
        "init": "initial parameters", "training": "training",
        "lr": "learning rate", "lr_param": "lr of {name}",
        "activation": "activation", "loss": "loss", "samples": "samples",
        "data_seed": "data seed", "absolute": "absolute |label − y|", "squared": "squared (label − y)²",
        "train": "Train", "pause": "Pause", "step": "Step", "reset": "Reset",
        "pin": "Pin this run", "unpin": "Unpin", "pin_hint": "pin a run, change something, train again: "
                                                          "both rows share one timeline",
        "this_run": "this run", "pinned": "pinned",
        "command": "the same run in Python", "copy": "Copy", "copied": "copied",
        "no_loss_option": "(the CLI records the absolute loss only)",
        "no_lrs_option": ("(the CLI gives every parameter one rate, --lr: without it the line records the "
                          "scene's own rates {rates})"),
        "map_title": "where each start ends up",
        "map_start": "this page's start",  # the map's other parameters when there is no Fig 7/Fig 8 preset
        "map_note": ("{n}×{n} starts over ({a0}, {a1}), the other parameters as in {ref}, {act}, "
                     "lr {lr}, {samples} samples, data seed {seed}: trained by the lockstep sweep. "
                     "Click to start there."),
        "map_differs": "the map was computed for other settings: {what}",
        "map_compute": "Compute the map for these settings", "map_computing": "computing… {pct}%",
        "map_note_page": ("{n}×{n} starts over ({a0}, {a1}), the other parameters as set, {act}, lr {lr}, "
                          "{samples} samples, data seed {seed}: trained in this page. Click to start there."),
        "map_pale": "pale: not fitted (|y − {target}| ≥ {thr})",
        "map_cell": "{a0} = {x}, {a1} = {y}: {mode}, |y − {target}| {loss}",
        "engine": "trained {samples} samples in {ms} ms ({engine})",
        "row": "{who}: {what}",
        "wasm": "WebAssembly", "interpreter": "JavaScript",
        "bad_value": "not a number",
        "speed": "speed", "loop": "loop",
        "keys": "space train/pause · ←/→ step · Home/End · [ ] speed · click a legend entry to hide a curve",
        "network": "network and data", "layers": "hidden layers", "units": "layer {layer}: units",
        "more": "add", "fewer": "remove",
        "target": "target", "target_own": "expression…", "target_box": "expression of x",
        "target_hint": "numbers, x, pi, + - * / ^, abs sin cos exp log sqrt tanh min max",
        "points_name": "points",
        "points": "your points", "points_count": "{n} points: training samples them (--data)",
        "points_none": "none: training samples the target",
        "points_hint": ("click or tap the output panel to add a point, drag one to move it, "
                        "right-click it or press Delete to remove it"),
        "clear": "Clear", "download": "Download points",
        "unit_group": "layer {layer}, unit {unit}", "output_group": "output",
        "hidden_word": "{h} units",
        "points_word": "{n} points",
        "link_refused": "the link's {what} was refused: {why}",
    },
    "zh": {
        "title": "ourdl 实验室：改变初始参数，看网络怎样训练",
        "intro": ("这一章最后留了一个问题：改变初始参数的正负和大小，看训练会怎样变化。"
                  "这里的每一次训练都在本页中按 ourdl 的方式逐位精确地进行（数字完全相同），"
                  "使用同一个数据流。"),
        "presets": "初始值", "random": "随机", "seed": "种子",
        "init": "初始参数", "training": "训练",
        "lr": "学习率", "lr_param": "{name} 的学习率",
        "activation": "激活函数", "loss": "损失", "samples": "样本数",
        "data_seed": "数据种子", "absolute": "绝对值 |label − y|", "squared": "平方 (label − y)²",
        "train": "训练", "pause": "暂停", "step": "单步", "reset": "重置",
        "pin": "固定这次训练", "unpin": "取消固定",
        "pin_hint": "固定一次训练，改变设置后再训练：两行共用一条时间轴",
        "this_run": "本次训练", "pinned": "已固定",
        "command": "在 Python 中重现这次训练", "copy": "复制", "copied": "已复制",
        "no_loss_option": "（命令行目前只记录绝对值损失）",
        "no_lrs_option": "（命令行的 --lr 给所有参数同一个学习率：不加它时记录的是场景自己的学习率 {rates}）",
        "map_title": "每个起点的结果",
        "map_start": "本页的起点",
        "map_note": ("({a0}, {a1}) 上 {n}×{n} 个起点，其余参数同 {ref}，{act}，学习率 {lr}，"
                     "{samples} 个样本，数据种子 {seed}：由并行扫描训练得到。点击即从该处开始。"),
        "map_differs": "地图是在其他设置下计算的：{what}",
        "map_compute": "按当前设置重新计算地图", "map_computing": "计算中… {pct}%",
        "map_note_page": ("({a0}, {a1}) 上 {n}×{n} 个起点，其余参数取当前值，{act}，学习率 {lr}，"
                          "{samples} 个样本，数据种子 {seed}：在本页中训练得到。点击即从该处开始。"),
        "map_pale": "浅色：未拟合（|y − {target}| ≥ {thr}）",
        "map_cell": "{a0} = {x}，{a1} = {y}：{mode}，|y − {target}| {loss}",
        "engine": "训练了 {samples} 个样本，用时 {ms} 毫秒（{engine}）",
        "row": "{who}：{what}",
        "wasm": "WebAssembly", "interpreter": "JavaScript",
        "bad_value": "不是数字",
        "speed": "速度", "loop": "循环",
        "keys": "空格 训练/暂停 · ←/→ 单步 · Home/End · [ ] 速度 · 点击图例隐藏曲线",
        "network": "网络与数据", "layers": "隐藏层数", "units": "第 {layer} 层单元数",
        "more": "增加", "fewer": "减少",
        "target": "目标", "target_own": "表达式…", "target_box": "x 的表达式",
        "target_hint": "数字、x、pi、+ - * / ^、abs sin cos exp log sqrt tanh min max",
        "points_name": "数据点", "points": "你的数据点", "points_count": "{n} 个点：训练从中抽样（--data）",
        "points_none": "无：训练从目标函数抽样",
        "points_hint": "点击或轻触输出面板添加数据点，拖动可移动，右键或按 Delete 删除",
        "clear": "清除", "download": "下载数据点",
        "unit_group": "第 {layer} 层，单元 {unit}", "output_group": "输出", "hidden_word": "{h} 个单元",
        "points_word": "{n} 个点",
        "link_refused": "链接中的{what}无效：{why}",
    },
}
