"""Networks of several widths on one timeline: one graph of the widest, the narrower rows' extra units frozen.

A snapshot holds one graph for all its runs, so a scene comparing widths (`width`: 1, 2, 3, 4 and 8 units)
builds the widest network once. The row of width H starts its units 1..H from the seeded draw of the widest
net and freezes every other unit's weights and bias at 0 (`Run.frozen`: learning rate 0). A frozen unit's
pre-activation is 0·x + 0, its activation 0 and its contribution 0·0, and ourdl's Add sums its parents in
order, so adding those zeros changes no bit: the row trains exactly as an H-unit network started from the
same values (tests/test_side_by_side.py checks it against `--hidden H`). The recorder lists the nodes only
frozen parameters reach (a run's `off_nodes`), and the figures leave them out of that row.
"""

from __future__ import annotations

import dataclasses
import functools

from scenes.base import Run
from scenes.network import Names, build_network


def frozen_units(width: int, top: int) -> tuple[str, ...]:
    """The parameters of units width+1 .. top of a one-hidden-layer net of `top` units."""
    names = Names((top,))
    w1, b1, w2 = names.weights(1), names.biases(1), names.weights(2)
    return tuple(n for j in range(width, top) for n in (w1[j], b1[j], w2[j]))


def width_runs(widths: tuple[int, ...], run: Run) -> tuple[Run, ...]:
    """One copy of `run` a width, labelled by it, for the graph of max(widths) units."""
    top = max(widths)
    out = []
    for h in widths:
        frozen = frozen_units(h, top)
        label = f"{h} unit" + ("s" if h > 1 else "")
        zeros = {**(run.init_override or {}), **dict.fromkeys(frozen, 0.0)}
        out.append(dataclasses.replace(run, label=f"{label}: {run.label}" if run.label else label,
                                       init_override=zeros, frozen=frozen))
    return tuple(out)


def widest_build(widths: tuple[int, ...]):
    """The build hook of the widest network (one hidden layer), marked with its width."""
    return functools.partial(build_network, (max(widths),))
