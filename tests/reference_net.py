"""A hand-written twin of the chapter's network in plain Python floats, with no ourdl.

It spells out the maths of shared README §2 directly: the forward pass, the chain rule for the
absolute loss through two LeakyRelu units, and a simultaneous update of the seven parameters (the
tutorial's loop caches grads within a step, so its in-order updates equal this). Tests compare ourdl and
the recorder against it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PARAMS = ("w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21")
FIG8 = (-0.1571950013426796, -0.1070365984042347, 0.3791639008324807, 0.31960284774415215,
        0.4263410176300597, 0.5097967360623379, 0.7597168751185974)
FIG7 = (-0.4571950013426796, -0.4070365984042347, *FIG8[2:])
SLOPE = 0.1  # LeakyRelu: t if t >= 0 else 0.1·t; derivative 1 if t > 0 else 0.1


def data(seed: int, n: int) -> list[float]:
    """The article's data: x ~ uniform(0, 2), from a seeded generator."""
    return np.random.default_rng(seed).uniform(0.0, 2.0, n).tolist()


def leaky(t: float) -> float:
    return t if t >= 0 else SLOPE * t


def forward(p: tuple[float, ...], x: float) -> float:
    w11, w12, b11, b12, w21, w22, b21 = p
    return leaky(x * w11 + b11) * w21 + leaky(x * w12 + b12) * w22 + b21


@dataclass
class Step:
    """One training sample: the pre-activations it saw, and the parameters after its update."""

    a11: float
    a12: float
    loss: float
    params: tuple[float, ...]


def train(p: tuple[float, ...], xs: list[float], lr: float = 0.01) -> list[Step]:
    """Per-sample SGD on |x² − y|; returns every sample's Step."""
    w11, w12, b11, b12, w21, w22, b21 = p
    steps = []
    for x in xs:
        label = x * x
        a11, a12 = x * w11 + b11, x * w12 + b12
        r11, r12 = leaky(a11), leaky(a12)
        y = r11 * w21 + r12 * w22 + b21
        # d|label − y|/dy = −sign(label − y), with label − y == 0 counted as negative
        g_y = -1.0 if label - y > 0 else 1.0
        g_a11 = g_y * w21 * (1.0 if a11 > 0 else SLOPE)
        g_a12 = g_y * w22 * (1.0 if a12 > 0 else SLOPE)
        grads = (g_a11 * x, g_a12 * x, g_a11, g_a12, g_y * r11, g_y * r12, g_y)
        w11, w12, b11, b12, w21, w22, b21 = (v - lr * g for v, g in
                                             zip((w11, w12, b11, b12, w21, w22, b21), grads))
        steps.append(Step(a11, a12, abs(label - y), (w11, w12, b11, b12, w21, w22, b21)))
    return steps
