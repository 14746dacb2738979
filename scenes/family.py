"""A scene with another network of the chapter's family, another target, data points or ranges.

`with_network(scene, hidden=, target=, points=, data_range=, x_range=)` (what `--hidden`, `--target`,
`--data`, `--data-range` and `--x-range` ask for) returns a new scene:

- hidden: the chapter's scenes (sweeps: one hidden layer, scenes/sweeps.py) build
  `scenes.network.build_network(hidden)` and draw its panels (scenes/network_panels.py). A run's explicit
  initial values move to the parameters of the same role under the new names (`w_11` is `w_1_1` in a
  separated net; `w_21`, `b_21` the output layer's), and every parameter left without a value is drawn
  uniform(−1, 1) from `default_rng(init_seed)` in update order, so a value given moves no other. A run
  that has no `init_seed` gets `scenes.base.SEED` (0) for those draws: `--seed S` moves it to S + i for
  run i, as it moves every seeded run; `--init NAME=VALUE` sets any parameter.
- target: any object with `.fn` (a function of an x array) and `.name` (its titles and captions), and
  `.text` if it was typed (written to the snapshot's meta as `target_expr`); refused when it is NaN or
  infinite on the data range.
- points: an (n, 2) array of x, y (scenes/points.py); the scene trains on them, has no target curve
  (its target is NaN on the grid), draws them (meta `points`) and measures the evaluation loss on them.
  The data range becomes their x range; the x range, unless given, that with a quarter more each side.
- data_range, x_range: (low, high); a new data range without an x range shows it with a quarter more
  each side. The x range must hold the data range.

Given nothing that differs from the scene's own, the scene comes back recording the same bytes. A scene
that changes is renamed, so its outputs never overwrite the plain scene's: `fig8-h3`, `fig8-h8x8`,
`fig8-t-sin`, `fig8-d-points` (the CSV's stem), `-dr…`/`-xr…` for ranges (see `suffix`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING, Any

from scenes.network import Names, build_network, check_hidden, family_width, translate
from scenes.network_panels import network_panels
from scenes.points import Points, padded

if TYPE_CHECKING:
    import numpy as np

#: the seed of parameters that have no value and no seed of their own (`scenes.base.Run.initial_values`)
SEED = 0
#: the least number of points a target is checked for finite values at, across the data range
TARGET_CHECK_POINTS = 1001

# Scenes and runs are scenes.base's `Scene` and `Run`, which build on this module (`Scene.with_network`):
# they are annotated `Any` here, since this module cannot import them.
Scene = Run = Any


def _slug(text: str) -> str:
    """File-name-safe words for `text`, with a short hash when anything had to go (so none collide)."""
    import hashlib

    slug = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:24]
    if slug == text:
        return slug
    return f"{slug}_{hashlib.sha1(text.encode()).hexdigest()[:6]}".lstrip("_")


def _number(v: float) -> str:
    return f"{v:g}".replace(".", "p")  # no dots: a stem with one would lose its tail to with_suffix


def suffix(hidden: tuple[int, ...] | None, target: object | None, points_name: str | None,
           data_range: tuple[float, float] | None, x_range: tuple[float, float] | None) -> str:
    """What is added to a changed scene's name: `-h3`, `-h8x8`, `-t-sin`, `-d-points`, `-dr0_4`, `-xr-1_5`
    (each only when that part changed), in this order."""
    parts = []
    if hidden is not None:
        parts.append("h" + "x".join(map(str, hidden)))
    if target is not None:
        parts.append("t-" + _slug(str(getattr(target, "text", None) or target.name)))
    if points_name is not None:
        parts.append("d-" + _slug(points_name.rsplit(".", 1)[0] or "data"))
    for key, pair in (("dr", data_range), ("xr", x_range)):
        if pair is not None:
            parts.append(f"{key}{_number(pair[0])}_{_number(pair[1])}")
    return "".join("-" + p for p in parts)


def _relabel(label: str, source: tuple[int, ...], target: tuple[int, ...]) -> str:
    """A run's label with the parameter names it quotes renamed for the new network."""
    by_old = {old: next(iter(translate({old: 0.0}, source, target)), old) for old in Names(source).params()}
    return re.sub(r"\b[wb]_\d+(?:_\d+)*\b", lambda m: by_old.get(m.group(0), m.group(0)), label)


def moved_run(run: Run, source: tuple[int, ...], target: tuple[int, ...]) -> Run:
    """`run` for the network `target`: its values renamed by role, the others seeded (see the docstring)."""
    names = Names(target).params()
    changes: dict = {"label": _relabel(run.label, source, target)}
    for key in ("init", "init_override", "lrs"):
        values = getattr(run, key)
        if values is not None:
            changes[key] = translate(dict(values), source, target) or (None if key != "init" else {})
    init = changes.get("init")
    if init is not None and any(n not in init for n in names):
        changes["label"] += "; the rest seeded"  # the row says which values are the scene's own
        if run.init_seed is None:
            changes["init_seed"] = SEED
    return dataclasses.replace(run, **changes)


def _target_function(fn):
    import numpy as np

    def target(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(fn(x), dtype=float), np.shape(x))

    return target


def no_target(x: np.ndarray) -> np.ndarray:
    """A scene trained on data points has no target curve: NaN over the grid."""
    import numpy as np

    return np.full(np.shape(x), np.nan)


def _check_target(fn, text: str, data_range: tuple[float, float], grid: np.ndarray) -> None:
    import numpy as np

    lo, hi = data_range
    xs = np.union1d(np.linspace(lo, hi, TARGET_CHECK_POINTS), grid[(grid >= lo) & (grid <= hi)])
    with np.errstate(all="ignore"):
        try:
            values = fn(xs)
        except (ArithmeticError, ValueError, TypeError) as e:
            raise ValueError(f"target {text!r} cannot be computed on the data range [{lo:g}, {hi:g}] "
                             f"({e})") from None
    bad = ~np.isfinite(values)
    if bad.any():
        raise ValueError(f"target {text!r} is NaN or infinite on the data range [{lo:g}, {hi:g}] "
                         f"(at x = {float(xs[np.argmax(bad)]):g})")


def _check_range(name: str, pair: tuple[float, float]) -> tuple[float, float]:
    import math

    lo, hi = (float(v) for v in pair)
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(f"{name} {lo:g},{hi:g}: give two finite numbers LO,HI with LO < HI")
    return lo, hi


def with_network(scene: Scene, *, hidden: tuple[int, ...] | None = None, target: object | None = None,
                 points: np.ndarray | None = None, points_name: str = "data",
                 data_range: tuple[float, float] | None = None,
                 x_range: tuple[float, float] | None = None) -> Scene:
    """`scene` with another network, target, data points or ranges (see the module's docstring);
    ValueError (one line) for what cannot be."""
    import numpy as np

    own = family_width(scene.build)
    sweep = callable(getattr(scene, "with_count", None))  # a sweep (as render.record.goldens tells one)
    asked_range, asked_x = data_range, x_range  # what the name says: the ranges asked for, not implied
    if hidden is not None:
        hidden = check_hidden(hidden)
        if hidden != own and own is None:
            raise ValueError(f"scene {scene.name!r} is not the chapter's network; --hidden is for the "
                             f"chapter's scenes (e.g. fig8)")
        if hidden == own:
            hidden = None
        if hidden is not None and any(r.frozen for r in scene.runs):
            raise ValueError(f"scene {scene.name!r} compares widths itself (its rows freeze units of one "
                             f"graph); --hidden is for scenes of one network (e.g. fig8)")
    if points is not None and target is not None:
        raise ValueError("--target and --data: data points are their own target; give one of them")
    if points is not None and data_range is not None:
        raise ValueError("--data-range and --data: the data range is the points' x range; give --x-range "
                         "to show more")
    data_range = _check_range("--data-range", data_range) if data_range is not None else None
    x_range = _check_range("--x-range", x_range) if x_range is not None else None
    pts = None
    if points is not None:
        xy = np.asarray(points, dtype=float)
        if xy.ndim != 2 or xy.shape[1] != 2 or xy.shape[0] < 1 or not np.all(np.isfinite(xy)):
            raise ValueError(f"{points_name}: points must be finite x, y pairs (an (n, 2) array)")
        pts = Points(xy, points_name)
        data_range = pts.x_span()
    if data_range == scene.data_range:
        data_range = None
    new_range = data_range or scene.data_range
    shown = x_range or (padded(new_range) if data_range is not None else scene.x_range)
    if not (shown[0] <= new_range[0] and new_range[1] <= shown[1]):
        raise ValueError(f"--x-range {shown[0]:g},{shown[1]:g} must hold the data range "
                         f"[{new_range[0]:g}, {new_range[1]:g}]")
    x_range = shown if shown != scene.x_range else None

    changes: dict = {}
    width = hidden or own
    if hidden is not None:
        changes["build"] = functools.partial(build_network, hidden)
        changes["runs"] = tuple(moved_run(r, own, hidden) for r in scene.runs)
    if target is not None:
        fn = _target_function(target.fn)
        _check_target(fn, str(getattr(target, "text", None) or target.name), new_range,
                      np.linspace(*(x_range or scene.x_range), scene.grid_points))
        changes.update(target=fn, target_name=str(target.name),
                       target_expr=getattr(target, "text", None))
    if pts is not None:
        changes.update(points=pts, target=no_target, target_name=points_name, target_expr=None)
    if data_range is not None:
        changes["data_range"] = data_range
    if x_range is not None:
        changes["x_range"] = x_range
    if not changes:
        return scene
    target_name = changes.get("target_name", scene.target_name)
    if own is not None and (hidden is not None or target is not None or pts is not None):
        if sweep:
            changes["panels"] = _retitled(scene.panels, target_name, pts is not None)
        else:
            changes["panels"] = network_panels(width, target_name, points=pts is not None,
                                               target_name_zh=getattr(target, "name_zh", None))
    changes["name"] = scene.name + suffix(
        hidden, target, points_name if pts is not None else None,
        data_range if asked_range is not None else None, x_range if asked_x is not None else None)
    if hidden is not None or target is not None or pts is not None or data_range is not None:
        changes["description"] = f"{scene.description} {_what(hidden, target_name, pts, data_range)}"
    return dataclasses.replace(scene, **changes)


def _retitled(panels: tuple, target_name: str, points: bool) -> tuple:
    """A sweep's panels with the output panel (the one with the target) against the new target."""
    return tuple(dataclasses.replace(p, title=f"output vs {target_name}", title_zh=f"输出与 {target_name}",
                                     target=not points) if p.target else p for p in panels)


def _what(hidden: tuple[int, ...] | None, target_name: str, points: Points | None,
          data_range: tuple[float, float] | None) -> str:
    """The sentence added to a changed scene's description."""
    words = []
    if hidden is not None:
        layers = " × ".join(map(str, hidden))
        words.append(f"Here with {layers} hidden unit{'s' if hidden != (1,) else ''}"
                     f"{' (' + str(len(hidden)) + ' layers)' if len(hidden) > 1 else ''}")
    if points is not None:
        words.append(f"trained on {points.count:,} points from {points.name}")
    else:
        words.append(f"fitting {target_name}")
    if data_range is not None and points is None:
        words.append(f"on [{data_range[0]:g}, {data_range[1]:g}]")
    return ", ".join(words) + "."
