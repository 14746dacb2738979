"""What the picture of a failed check shows: golden and fresh lined up, and where they first part.

numpy only. `focus(result, golden, fresh)` picks the run that differs, the common snapshot step to draw
(the first that differs), the node and parameter to highlight and the panels the video draws; the
drawing modules (diff_curves.py, diff_params.py) read everything they draw through its `Pair`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from render.record.check_result import SceneResult
from render.record.diff import Recording


@dataclass
class Pair:
    """Golden and fresh arrays lined up by label: the common steps, the run, its nodes and parameters."""

    golden: Recording
    fresh: Recording
    steps: np.ndarray  # sample counts both recordings hold
    gi: np.ndarray  # their indices in the golden
    fi: np.ndarray  # ... and in the fresh recording
    run: tuple[int, int]  # the run's index in golden and fresh
    run_label: str

    def curve(self, which: str, node: str) -> np.ndarray | None:
        """(S, G) history of `node` in the run over the common steps; None if that recording lacks it."""
        rec, idx, r = (self.golden, self.gi, self.run[0]) if which == "golden" else \
            (self.fresh, self.fi, self.run[1])
        names = [n["name"] for n in rec.meta.get("nodes", [])]
        if node not in names:
            return None
        return rec.arrays["curves"][r, idx, names.index(node)]

    def own_steps(self, which: str) -> np.ndarray:
        return (self.golden if which == "golden" else self.fresh).arrays["steps"]

    def param(self, which: str, name: str, own: bool = False) -> np.ndarray | None:
        """The parameter's history in the run over the common steps (own: over that recording's steps)."""
        rec, idx, r = (self.golden, self.gi, self.run[0]) if which == "golden" else \
            (self.fresh, self.fi, self.run[1])
        idx = slice(None) if own else idx
        names = list(rec.meta.get("params", []))
        if name not in names or "params" not in rec.arrays:
            return None
        return rec.arrays["params"][r, idx, names.index(name)]

    def param_names(self) -> list[str]:
        """The golden's parameters that the fresh recording has too."""
        return [p for p in self.golden.meta.get("params", []) if self.param("fresh", p) is not None]


def pair_up(golden: Recording, fresh: Recording, label: str | None) -> Pair:
    """The run labelled `label` (else the golden's first) in both recordings, over their common steps."""
    for rec, which in ((golden, "golden"), (fresh, "fresh")):
        if not {"steps", "grid", "curves"} <= set(rec.arrays):
            raise ValueError(f"the {which} recording holds no curves to draw")
    steps, gi, fi = np.intersect1d(golden.arrays["steps"], fresh.arrays["steps"], return_indices=True)
    if not steps.size:
        raise ValueError("the golden and the fresh recording share no snapshot step")
    labels = [[r.get("label") for r in rec.meta.get("runs", [])] for rec in (golden, fresh)]
    if label is None or label not in labels[0]:
        label = labels[0][0] if labels[0] else "run 0"
    r_g = labels[0].index(label) if label in labels[0] else 0
    r_f = labels[1].index(label) if label in labels[1] else min(r_g, fresh.arrays["curves"].shape[0] - 1)
    return Pair(golden, fresh, steps, gi, fi, (r_g, r_f), str(label))


def max_abs(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """max |b − a|: 0 where both are NaN, inf where only one is or the shapes differ."""
    if a is None or b is None or a.shape != b.shape:
        return np.inf
    with np.errstate(invalid="ignore"):
        d = np.abs(b - a)
    d = np.where(np.isnan(a) & np.isnan(b), 0.0, np.where(np.isnan(d), np.inf, d))
    return float(d.max()) if d.size else 0.0


@dataclass
class Focus:
    """The run, step, node and parameter a difference picture is drawn at, and the panels it draws."""

    pair: Pair
    k: int  # index of the drawn step in pair.steps
    step: int  # ... its sample count
    note: str  # why fewer steps are compared than either recording holds ("" when they hold the same)
    node: str | None  # the first node to differ in this run (highlighted)
    param: str | None  # ... and parameter
    panels: list[dict]  # the golden's panels whose nodes it recorded
    drawn: set[str]  # the nodes those panels draw


def focus(result: SceneResult, golden: Recording, fresh: Recording) -> Focus:
    """Where to look: the first difference `result` names, on the steps both recordings hold."""
    first = result.first_diff()
    pair = pair_up(golden, fresh, first.run if first else None)
    steps = pair.steps
    step = first.step if first is not None and first.step is not None else None
    # the first differing step, or the first common step after it (a changed schedule); with no step
    # named (a changed shape), the first common step where the run's values differ
    k = int(np.searchsorted(steps, step)) if step is not None else _first_differing(pair)
    k = min(k, len(steps) - 1)
    n_g, n_f = (len(pair.own_steps(w)) for w in ("golden", "fresh"))
    note = "" if n_g == n_f and n_g == len(steps) else (
        f"the recordings hold different snapshot steps (golden {n_g} up to sample "
        f"{int(pair.own_steps('golden')[-1]):,}, fresh {n_f} up to "
        f"{int(pair.own_steps('fresh')[-1]):,}); curves are compared at the {len(steps)} they share")
    curves = result.diff("curves")
    params = result.diff("params")
    here = (None, pair.run_label)
    node = curves.node if curves is not None and curves.run in here else None
    param = params.param if params is not None and params.run in here else None
    if param is None and first is not None and first.param is not None:
        param = first.param
    names = [n["name"] for n in golden.meta.get("nodes", [])]
    panels = [p for p in golden.meta.get("panels", [])
              if p.get("nodes") and all(n in names for n in p["nodes"])]
    drawn = {n for p in panels for n in p["nodes"]}
    return Focus(pair, k, int(steps[k]), note, node, param, panels, drawn)


def _first_differing(pair: Pair) -> int:
    """Index of the first common step at which any of the run's curves or parameters differ."""
    names = [n["name"] for n in pair.golden.meta.get("nodes", [])]
    series = [(pair.curve("golden", n), pair.curve("fresh", n)) for n in names]
    params = pair.golden.meta.get("params", [])
    series += [(pair.param("golden", p), pair.param("fresh", p)) for p in params]
    for k in range(len(pair.steps)):
        if any(g is not None and f is not None and g.shape == f.shape and max_abs(g[k], f[k]) > 0
               for g, f in series):
            return k
    return len(pair.steps) - 1
