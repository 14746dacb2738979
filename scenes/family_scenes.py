"""Scenes of the chapter's network family (issue 25): what width, target and depth do.

- `width`: x² fitted by 1, 2, 4 and 8 LeakyRelu units from the same seeded start, side by side: each unit
  adds a kink, so more units follow the parabola more closely (scenes/side_by_side.py: one graph of 8 units,
  the narrower rows' extra units frozen at 0, which trains them bit for bit as the narrower nets).
- `sin_fit`: sin(πx), one whole period on [0, 2]: two units give at most three pieces, so they cannot follow
  it; six bend with it, at half the error (0.063 against 0.126 after 20,000 samples).
- `deep_narrow`: four hidden layers of two Relu units, from two seeded inits. One collapses to a constant
  (Lu, Su, Karniadakis, "Collapse of deep and narrow neural nets", 2020): every unit of some layer is off on
  the data, nothing below it learns, and the output settles on the constant that minimises |y − x²|, the
  median of x² on [0, 2], which is 1 (its loss is exactly 1 too). The other fits.
"""

from __future__ import annotations

import dataclasses
import functools

from scenes.base import Run, Scene, Schedule
from scenes.network import LOSSES, build_network
from scenes.network_panels import network_panels
from scenes.side_by_side import widest_build, width_runs

#: widths of the `width` scene, and its seed: seed 0's rows end in order, 1 unit worst, 8 best. Five rows
#: (1, 2, 3, 4, 8) leave a 16:9 frame's panels under 0.4 inches high, so the widths double instead.
WIDTHS = (1, 2, 4, 8)
SIN_WIDTHS = (2, 6)
DEEP = (2, 2, 2, 2)
#: deep_narrow's two inits: seed 0 collapses within a few hundred samples, seed 4 fits
DEEP_SEEDS = (0, 4)


def _target(key: str):
    from scenes.targets import parse_target

    return parse_target(key)


def _width_panels(widths: tuple[int, ...], name: str, name_zh: str):
    """The hidden units' lines and the output built from them: the first and last of the family's panels."""
    panels = network_panels((max(widths),), name, target_name_zh=name_zh)
    return (panels[0], panels[-1])


def scenes() -> list[Scene]:
    sin = _target("sin")
    width = Scene(
        "width", "x² fitted by 1, 2, 4 and 8 LeakyRelu units from the same seeded start: each unit adds "
                 "a kink, and more units fit closer.",
        widest_build(WIDTHS), width_runs(WIDTHS, Run("", init_seed=0, data_seed=0, samples=6000)),
        _width_panels(WIDTHS, "x²", "x²"), Schedule("dense_early", frames=240))
    sin_fit = Scene(
        "sin_fit", "sin(πx), one period on [0, 2], fitted by 2 and by 6 LeakyRelu units: two make at most "
                   "three pieces and miss its last rise; six bend with it, at half the error.",
        widest_build(SIN_WIDTHS), width_runs(SIN_WIDTHS, Run("", init_seed=0, data_seed=0, samples=20_000)),
        _width_panels(SIN_WIDTHS, sin.name, sin.name_zh), Schedule("dense_early", frames=240),
        target=sin.fn, target_name=sin.name, target_expr=sin.text)
    deep = Scene(
        "deep_narrow", "Four hidden layers of two Relu units from two seeded inits: one collapses to the "
                       "constant 1, the median of x² (the best constant under |y − x²|), the other fits.",
        functools.partial(build_network, DEEP),
        tuple(Run(f"seed {s}", init_seed=s, data_seed=0, samples=6000) for s in DEEP_SEEDS),
        network_panels(DEEP, "x²"), Schedule("dense_early", frames=200), activation="Relu")
    return [dataclasses.replace(s, losses=tuple(LOSSES)) for s in (width, sin_fit, deep)]
