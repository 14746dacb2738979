"""What every player page's data holds, whatever its kind: the look, words, timeline, grid and target.

The runs player (player.py) and the sweep player (sweep.py) both start from `base_player_data`; the lab
(lab.py) shares the page's aspect and speeds and the ops the page computes.
"""

from __future__ import annotations

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
#: the video's default aspect (1280x720): the page keeps it, so the layout matches the poster's
ASPECT = 720 / 1280
SPEEDS = [0.25, 0.5, 1, 2, 4]


def computable(meta: dict) -> bool:
    """Whether the page can recompute every recorded node from the parameters (else: embed curves). A
    user's own class is unknown even when it is named like one of ours (`"builtin": false`)."""
    nodes = meta.get("nodes") or []
    leaves = {meta.get("input"), meta.get("label"), *meta.get("params", [])}
    names = {n["name"] for n in nodes}
    return bool(nodes) and all(
        n.get("kind") in KNOWN_OPS and n.get("builtin", True) is True and n.get("parents")
        and all(p in names or p in leaves for p in n["parents"]) for n in nodes)


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
