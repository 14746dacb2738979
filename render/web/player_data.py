"""What every player page's data holds, whatever its kind: the look, words, timeline, grid and target.

The runs player (player.py) and the sweep player (sweep.py) both start from `base_player_data`; the lab
(lab.py) shares the page's aspect and speeds and the ops the page computes.
"""

from __future__ import annotations

import math
import re

from render.draw.text import STRINGS
from render.draw.theme import THEMES
from render.encode.timeline import default_duration
from render.record.snapshot import Snapshot
from render.web.build import b64
from render.web.strings import UI

#: ops assets/graph.js computes (ourdl.ops and ourdl.ops.loss, exactly)
KNOWN_OPS = frozenset({"Add", "Mul", "Relu", "LeakyRelu", "Step", "Sigmoid", "Tanh", "ValueLoss",
                       "SquareLoss"})
#: torch's activation modules the page computes (src/torch_ops.js, which must list the same), by class
#: name: every option their module has, each a finite number (`float`) or one of some strings. ReLU,
#: LeakyReLU(0.1), Sigmoid and Tanh are recorded as ourdl's own ops (render/record/torch_model.py).
TORCH_OPS: dict[str, dict[str, type | tuple[str, ...]]] = {
    "GELU": {"approximate": ("none", "tanh")}, "SiLU": {}, "Mish": {}, "ELU": {"alpha": float},
    "CELU": {"alpha": float}, "SELU": {}, "Softplus": {"beta": float, "threshold": float},
    "LeakyReLU": {"negative_slope": float}, "RReLU": {"lower": float, "upper": float},
    "Hardtanh": {"min_val": float, "max_val": float}, "ReLU6": {}, "Hardsigmoid": {}, "Hardswish": {},
    "Softsign": {}, "LogSigmoid": {}, "Tanhshrink": {}, "Hardshrink": {"lambd": float},
    "Softshrink": {"lambd": float}, "Threshold": {"threshold": float, "value": float},
}
#: the video's default aspect (1280x720): the page keeps it, so the layout matches the poster's
ASPECT = 720 / 1280
SPEEDS = [0.25, 0.5, 1, 2, 4]


def torch_family(meta: dict) -> bool:
    """Whether TorchRecorder recorded this as the family's network: its `builtin: false` nodes are then
    torch's own activation modules, not a user's classes (docs/snapshot-format.md)."""
    torch = meta.get("torch")
    return isinstance(torch, dict) and torch.get("recorded_as") == "ourdl"


def torch_op(node: dict) -> bool:
    """Whether the page computes this node of a torch family recording: a kind in TORCH_OPS with exactly
    its options, each of a value it takes."""
    want, got = TORCH_OPS.get(node.get("kind")), node.get("options")
    if want is None or not isinstance(got, dict) or set(got) != set(want):
        return False
    if len(node.get("parents") or ()) != 1:
        return False
    return all(v in kind if isinstance(kind, tuple) else
               isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
               for kind, v in ((want[k], got[k]) for k in want))


def computable(meta: dict) -> bool:
    """Whether the page can recompute every recorded node from the parameters (else: embed curves). A
    user's own class is unknown even when it is named like one of ours (`"builtin": false`); in a torch
    family recording such a node is torch's module, computed when TORCH_OPS has it."""
    nodes = meta.get("nodes") or []
    leaves = {meta.get("input"), meta.get("label"), *meta.get("params", [])}
    names = {n["name"] for n in nodes}
    torch = torch_family(meta)
    return bool(nodes) and all(
        (n.get("kind") in KNOWN_OPS and n.get("builtin", True) is True
         or torch and n.get("builtin") is False and torch_op(n))
        and n.get("parents") and all(p in names or p in leaves for p in n["parents"]) for n in nodes)


def caption_pieces(lang: str, total: int, target: str) -> list[list[str]]:
    """The caption as [["t", static text] | ["v", value name]]: values are filled in per frame."""
    pieces = []
    for part in re.split(r"(\{(?:step|train|eval)\})", STRINGS[lang]["caption"]):
        if part[1:-1] in ("step", "train", "eval"):
            pieces.append(["v", part[1:-1]])
        elif part:
            pieces.append(["t", part.format(total=total, target=target)])
    return pieces


def base_player_data(snapshot: Snapshot, theme: str, lang: str) -> dict:
    """What every player page carries: look, words, timeline, grid and target."""
    meta = snapshot.meta
    th = THEMES[theme]
    target_name = meta.get("target_name", "target")
    total = int(snapshot.steps[-1])
    strings = {k: v for k, v in STRINGS[lang].items() if k != "caption"}
    strings.update({k: (v.format(target=target_name) if "{target}" in v else v)
                    for k, v in STRINGS[lang].items() if k in ("loss_eval", "target")})
    return {
        "format": "ourdl-player", "version": 1, "kind": snapshot.kind, "lang": lang,
        "scene": str(meta.get("scene", "")), "description": str(meta.get("description", "")),
        "theme": {"name": theme, "background": th.background, "foreground": th.foreground, "muted": th.muted,
                  "span": th.span, "target": th.target, "palette": list(th.palette)},
        "strings": strings, "ui": UI[lang], "caption": caption_pieces(lang, total, target_name),
        "targetName": target_name, "total": total, "steps": [int(s) for s in snapshot.steps],
        "marks": [int(m) for m in meta.get("schedule", {}).get("marks", []) if 0 <= m <= total],
        "duration": default_duration(len(snapshot.steps)), "hold": 1.5, "speeds": SPEEDS, "aspect": ASPECT,
        "xRange": [float(v) for v in meta.get("x_range", [snapshot.grid[0], snapshot.grid[-1]])],
        "dataRange": [float(v) for v in meta.get("data_range", meta.get("x_range", [0, 1]))],
        "grid": b64(snapshot.grid), "target": b64(snapshot.target),
    }
