"""`--init NAME=VALUE,...`: initial values from the command line; repeated, one run per `--init`.

`render scene fig8 --init w_11=-0.457,w_12=-0.407 --init w_11=-0.157,w_12=-0.107` is Fig 7 vs Fig 8 for
any pair of inits. Every mistake is a usage error (exit 2) found before any training: a malformed pair,
a value that is not a finite number, a name the scene's graph has no parameter for, a sweep scene.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from render.app.console import UserError
from scenes import Scene, close_names

EXAMPLE = "e.g. --init w_11=0.2,w_12=-0.3"


def parse_init(text: str) -> dict[str, float]:
    """'w_11=0.2,w_12=-0.3' -> {'w_11': 0.2, 'w_12': -0.3}."""
    values: dict[str, float] = {}
    for part in text.split(","):
        name, eq, value = (s.strip() for s in part.partition("="))
        if not (eq and name and value):
            raise UserError(f"--init {text!r}: {part.strip()!r} is not NAME=VALUE ({EXAMPLE})", 2)
        if name in values:
            raise UserError(f"--init {text!r}: {name} is given twice", 2)
        try:
            number = float(value)
        except ValueError:
            raise UserError(f"--init {text!r}: {name}={value} is not a number", 2) from None
        if not math.isfinite(number):
            raise UserError(f"--init {text!r}: {name}={value} is not a finite number", 2)
        values[name] = number
    return values


def parameter_names(scene: Scene) -> list[str]:
    """The trainable parameters of the scene's graph, named as its recordings name them."""
    from render.record.runs import name_nodes

    net = scene.net()
    name_nodes(net)
    return [p.name for p in net.params]


def listed(names: Sequence[str], most: int = 16) -> str:
    """The parameter names for a message: all of them, or, for a big network, the first and last few."""
    if len(names) <= most:
        return ", ".join(names)
    return f"{', '.join(names[:most - 4])}, ..., {', '.join(names[-3:])}; {len(names)} in all"


def apply_inits(scene: Scene, texts: Sequence[str] | None) -> Scene:
    """`scene` with every `--init` applied (see `Scene.with_inits`); nothing given: the scene itself."""
    if not texts:
        return scene
    from scenes.sweeps import SweepScene

    inits = [parse_init(t) for t in texts]
    if isinstance(scene, SweepScene):
        raise UserError(f"--init is for scenes with fixed runs; {scene.name} is a sweep that draws its own "
                        f"inits (try fig8 --init ...)", 2)
    names = parameter_names(scene)
    for init in inits:
        for name in init:
            if name not in names:
                close = sorted(close_names(name, names), key=names.index)  # in the graph's order
                hint = f"did you mean {', '.join(close)}? " if close else ""
                raise UserError(f"--init: {scene.name} has no parameter {name!r}; {hint}"
                                f"(its parameters: {listed(names)})", 2)
    return scene.with_inits(inits, names)
