"""Record your own PyTorch training loop: three lines, the same snapshot file as `render record`.

    from render.torch import TorchRecorder
    rec = TorchRecorder(model, x_range=(-0.5, 2.5), data_range=(0, 2), target="x^2", every=10)
    for x, y in loader:                  # your loop, unchanged
        opt.zero_grad(); loss = loss_fn(model(x), y); loss.backward(); opt.step()
        rec.step(loss)                   # once per update, after opt.step()
    rec.save("torch_run.npz")            # then: render video torch_run.npz, show(rec), render check ...

`step()` only copies the parameters (into a buffer it keeps; a snapshot step keeps a copy) and the loss's
value; it runs nothing of the model, so training is bit for bit what it is without the recorder. The
curves are computed at `snapshot()` / `save()`, over a grid of `grid_points` x values on `x_range`:

- A Sequential that is a network of the chapter's family (torch_model.py says which) is recorded as that
  ourdl graph: its names (`w_11 … b_21`), its node kinds, its panels (the sum view), and curves the ourdl
  graph computes from the recorded parameters, so the player recomputes them exactly. An activation ourdl
  lacks (GELU, LeakyReLU(0.2), ...) is evaluated by torch in float64; the player computes it too, to
  within an ulp or two (render/web/src/torch_ops.js).
- Any other model is recorded by forward hooks on its leaf modules, evaluated by torch with each
  snapshot's parameters (the model itself is not touched): torch_hooks.py says how its nodes, parameters
  and panels are named.

A float32 model is recorded as it is: its float32 values, exactly, as float64; the meta's `torch.dtype`
says which dtype trained it. Snapshots are taken at step 0 (the state when the recorder was made), every
`every` updates (or at the counts of `steps`) and at the last update. The train loss of a snapshot is the
mean of the losses passed to `step()` since the previous one; the evaluation loss is mean |y − target| over
the grid points in the data range, as for every recording.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from render.record.net_snapshot import BLOWUP
from render.record.recorder import Recorder, save_recording
from render.record.recorder_scene import RecorderError, run_meta, target_curve
from render.record.runs import snapshot_meta
from render.record.snapshot import Snapshot
from render.record.torch_hooks import Call, Hooked, hooked_forward
from render.record.torch_model import (
    Family,
    TorchRecorderError,
    as_family,
    io_problem,
    model_dtype,
    require_torch,
)
from scenes import Scene, Schedule
from scenes.family import no_target
from scenes.network import LOSSES
from scenes.points import padded

__all__ = ["TorchRecorder", "TorchRecorderError", "save_runs"]

#: the data range when neither `data_range` nor `x_range` is given: the chapter's
DEFAULT_DATA_RANGE = (0.0, 2.0)
#: characters of the model's repr kept in the meta
MODULE_TEXT = 2000


def _range(name: str, pair: Any) -> tuple[float, float]:
    try:
        lo, hi = (float(v) for v in pair)
    except (TypeError, ValueError):
        raise TorchRecorderError(f"TorchRecorder({name}={pair!r}): give two numbers (low, high)") from None
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise TorchRecorderError(f"TorchRecorder({name}={pair!r}): give two finite numbers, low < high")
    return lo, hi


def _target(target: Any, target_name: str | None) -> tuple[Any, str, str | None]:
    """(a function of x or values over the grid or None, the target's name, its text in our grammar)."""
    if isinstance(target, str):
        from scenes.targets import parse_target

        try:
            parsed = parse_target(target)
        except ValueError as e:
            raise TorchRecorderError(f"TorchRecorder(target={target!r}): {e}") from None
        return parsed.fn, target_name or parsed.name, parsed.text
    if target is not None and not callable(target):
        target = np.asarray(target, dtype=float)
    return target, target_name or "target", None


class TorchRecorder(Recorder):
    """Snapshots of a PyTorch model trained by your own loop; see the module's docstring.

    A `Recorder` whose network is a torch model: `save`, `show(rec)` and `render.animation(rec)` take it
    as they take a Recorder of an ourdl loop.

    model: a `torch.nn.Module` of one input x (called as `model(x)`, x of shape (N, 1)) and one output.
    x_range: the x values the curves are drawn over (default: the data range with a quarter more each side).
    data_range: where the training inputs come from, where the evaluation loss is measured (default:
    x_range, else (0, 2)). target: a function of a numpy x, values over the grid, or text in `--target`'s
    grammar ("x^2", "sin", "x^3-x"); target_name: its name in titles (default: the text's, or "target").
    every: a snapshot every N updates; steps: the update counts to snapshot instead (0 and the last are
    always kept). grid_points: the grid's size. name, description, label: the recording's name and
    description, and its run's title. lr, data_seed: only written into the file. loss: the loss you train
    with, "absolute" or "squared": a family network's graph ends in its node (ValueLoss, SquareLoss).
    """

    def __init__(self, model: Any, *, x_range: tuple[float, float] | None = None,
                 data_range: tuple[float, float] | None = None,
                 target: Callable | Sequence[float] | str | None = None, every: int = 10,
                 steps: Sequence[int] | None = None, grid_points: int = 301, name: str | None = None,
                 label: str | None = None, lr: float | None = None, data_seed: int | None = None,
                 description: str | None = None, loss: str | None = None,
                 target_name: str | None = None) -> None:
        torch = require_torch()
        script = sys._getframe(1).f_globals.get("__file__")
        if not isinstance(model, torch.nn.Module):
            raise TorchRecorderError(f"TorchRecorder(model): give a torch.nn.Module, not "
                                     f"{type(model).__name__}")
        if isinstance(every, bool) or not isinstance(every, int) or every < 1:
            raise TorchRecorderError(f"TorchRecorder(every={every!r}): give a whole number of updates, "
                                     f"at least 1")
        if isinstance(grid_points, bool) or not isinstance(grid_points, int) or grid_points < 2:
            raise TorchRecorderError(f"TorchRecorder(grid_points={grid_points!r}): give a whole number, "
                                     f"at least 2")
        if loss is not None and loss not in LOSSES:
            raise TorchRecorderError(f"TorchRecorder(loss={loss!r}): give {' or '.join(map(repr, LOSSES))} "
                                     f"(the loss you train with), or leave it out")
        if steps is not None:
            try:
                steps = sorted({int(s) for s in steps})
            except (TypeError, ValueError):
                raise TorchRecorderError("TorchRecorder(steps=...): give whole update counts, e.g. "
                                         "[0, 10, 100, 1500]") from None
            if steps and steps[0] < 0:
                raise TorchRecorderError("TorchRecorder(steps=...): update counts are 0 or more")
        self.data_range = _range("data_range", data_range) if data_range is not None else (
            _range("x_range", x_range) if x_range is not None else DEFAULT_DATA_RANGE)
        self.x_range = _range("x_range", x_range) if x_range is not None else padded(self.data_range)
        if not (self.x_range[0] <= self.data_range[0] and self.data_range[1] <= self.x_range[1]):
            raise TorchRecorderError(f"TorchRecorder: x_range {self.x_range} must hold data_range "
                                     f"{self.data_range}")
        self.target, self.target_name, self.target_expr = _target(target, target_name)
        self.model, self.every, self.grid_points = model, every, grid_points
        self.steps_given = None if steps is None else set(steps)
        self.lr, self.data_seed = lr, data_seed
        self.dtype = model_dtype(model)
        self.device = next((t.device for t in model.parameters()), torch.device("cpu"))  # the grid goes there
        self.grid = np.linspace(*self.x_range, grid_points)
        problem = io_problem(model)
        if problem:
            raise TorchRecorderError(problem)
        calls = self._probe()
        self.trained = list(model.parameters())
        if not self.trained:
            raise TorchRecorderError("the model has no parameters: nothing to train, nothing to record")
        #: the network as recorded: an ourdl family graph, or the model's modules by hooks
        self.network: Family | Hooked = (as_family(model, loss)
                                         or Hooked(model, calls, self.dtype, self.device))
        self.state, self.param_names = self.network.state, self.network.param_names
        self._flat = torch.empty(sum(t.numel() for t in self.state), dtype=torch.float64)
        ends = np.cumsum([t.numel() for t in self.state]).tolist()
        self._views = [self._flat[end - t.numel():end].view(t.shape) for t, end in zip(self.state, ends)]
        self._copy_state()
        self._versions = self._version_counts()
        stem = Path(script).stem if script else ""
        self.name = name or (stem if stem and not stem.startswith("<") else "torch_run")
        arch = self.network.architecture()
        self.title = label or (arch + (f", lr {lr:g}" if lr is not None else ""))
        self.description = description or (f"{self.name}: a PyTorch model ({arch}) trained by your own loop, "
                                           f"recorded with TorchRecorder.")
        self.init = dict(zip(self.param_names, self._flat[:len(self.param_names)].tolist()))
        self.count = 0
        self.labels_seen: list = []  # what `target_curve` falls back on: a torch loop's labels are not seen
        self.diverged_at: int | None = None
        self._loss_sum, self._loss_n = 0.0, 0
        self._rows: list[tuple[int, np.ndarray, float]] = [(0, self._flat.numpy().copy(), math.nan)]

    # -- at construction ----------------------------------------------------------------------------------

    def _probe(self) -> list[Call]:
        """Run the model once over the grid (eval mode, no grad, torch's random state kept): it must take x
        alone, one feature, and give one output. Returns the leaf modules' calls (the hooked nodes)."""
        torch = require_torch()
        x = torch.tensor(self.grid, dtype=self.dtype, device=self.device).reshape(-1, 1)
        try:
            out, calls = hooked_forward(self.model, x)
        except TypeError as e:
            raise TorchRecorderError(f"the model's forward needs more than x ({_first_line(e)}); "
                                     f"TorchRecorder records a model called as model(x)") from None
        except Exception as e:  # a shape error of a model of 2 inputs, a dtype error, ...
            raise TorchRecorderError(f"model(x) fails for x of shape ({x.shape[0]}, 1), one input feature: "
                                     f"{_first_line(e)}") from None
        if out.shape[1] != 1:
            raise TorchRecorderError(f"the model has {out.shape[1]} outputs (model(x) is {out.shape[0]} × "
                                     f"{out.shape[1]}); TorchRecorder records a model of one output y")
        return calls

    def _copy_state(self) -> None:
        """The state's values into `_flat` (float32 -> float64 is exact), through views made once."""
        torch = require_torch()
        with torch.no_grad():
            for view, t in zip(self._views, self.state):
                view.copy_(t)

    def _version_counts(self) -> list[int]:
        return [t._version for t in self.trained]

    # -- in the loop --------------------------------------------------------------------------------------

    def step(self, loss: Any = None) -> None:
        """Note one update: call it once per update, after `opt.step()`, with the batch's loss (a tensor or
        a number; without it the recording has no train loss)."""
        value = self._loss_value(loss)
        versions = self._version_counts()
        if versions == self._versions:
            since = "the recorder was made" if self.count == 0 else "the previous step"
            raise TorchRecorderError(f"rec.step(loss): no parameter has changed since {since}; call "
                                     f"rec.step(loss) once per update, after opt.step()")
        self._versions = versions
        self.count += 1
        self._copy_state()
        if value is not None:
            self._loss_sum += value
            self._loss_n += 1
        due = self.count in self.steps_given if self.steps_given is not None else self.count % self.every == 0
        if due:
            self._rows.append((self.count, self._flat.numpy().copy(), self._pending_loss()))
            self._loss_sum, self._loss_n = 0.0, 0

    def _loss_value(self, loss: Any) -> float | None:
        if loss is None:
            return None
        torch = require_torch()
        if isinstance(loss, torch.Tensor):
            if loss.numel() != 1:
                raise TorchRecorderError(f"rec.step(loss): the loss has {loss.numel()} values; pass the "
                                         f"batch's loss, one number (e.g. loss_fn(model(x), y))")
            value = float(loss.detach())
        else:
            try:
                value = float(loss)
            except (TypeError, ValueError):
                raise TorchRecorderError(f"rec.step(loss): the loss must be a number or a one-value tensor, "
                                         f"not {type(loss).__name__}") from None
        if not math.isfinite(value):
            raise TorchRecorderError(f"rec.step(loss): the loss is {value} at update {self.count + 1}: "
                                     f"training diverged; lower the learning rate (the recording stops at "
                                     f"the last finite update)")
        return value

    # -- afterwards ---------------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The recording so far as a `Snapshot` (what `save` writes); the model is left as it is."""
        if self.count == 0:
            raise TorchRecorderError("nothing recorded yet: call rec.step(loss) once per update, after "
                                     "opt.step(), before saving or showing the recording")
        last = (self.count, self._flat.numpy().copy(), self._pending_loss())
        rows = self._rows if self._rows[-1][0] == self.count else [*self._rows, last]
        scene = self._scene()
        target = target_curve(self, self.grid, scene)
        in_range = scene.data_mask(self.grid)
        n_params = len(self.param_names)
        state = np.array([r[1] for r in rows])
        bad = [r[0] for r, s in zip(rows, state) if not np.all(np.abs(s[:n_params]) < BLOWUP)]
        self.diverged_at = bad[0] if bad else None
        with np.errstate(over="ignore", invalid="ignore"):
            graph, curves, eval_loss = self.network.curves(state, self.grid, target, in_range)
        run = {**run_meta(self), "data_seed": self.data_seed,
               "torch": {"dtype": str(self.dtype).removeprefix("torch.")}}
        meta = snapshot_meta(scene, scene.activation, graph, [run], torch=self._torch_meta())
        if self.steps_given is not None:
            meta["schedule"] = {"kind": "explicit", "steps": sorted(self.steps_given), "marks": []}
        return Snapshot(meta=meta, steps=np.array([r[0] for r in rows], dtype=np.int64), grid=self.grid,
                        target=target, curves=curves[None], params=state[None, :, :n_params].copy(),
                        train_loss=np.array([[r[2] for r in rows]]), eval_loss=eval_loss[None])

    def _scene(self) -> Scene:
        """The recording described as a `Scene`, so `snapshot_meta` describes it as it does a scene's."""
        return Scene(self.name, self.description, build=lambda activation: None, runs=(),
                     panels=self.network.panels(self.target_name),
                     schedule=Schedule("linear", every=self.every), activation=self.network.activation,
                     target=self.target if callable(self.target) else no_target,
                     target_name=self.target_name, data_range=self.data_range, x_range=self.x_range,
                     grid_points=self.grid_points, target_expr=self.target_expr)

    def _torch_meta(self) -> dict:
        """What the file says about the torch model (docs/snapshot-format.md, "Recordings of a PyTorch
        model")."""
        torch = require_torch()
        text = repr(self.model)
        return {"dtype": str(self.dtype).removeprefix("torch."), "version": torch.__version__,
                "module": text if len(text) <= MODULE_TEXT else text[:MODULE_TEXT] + " …",
                "class": type(self.model).__name__, **self.network.meta()}

    def save(self, path: str | os.PathLike = "torch_run.npz") -> Path:
        """Write the snapshot file (atomically: complete or not at all); `render video PATH` renders it."""
        return _saved(self.snapshot(), path, self.name)

    def __repr__(self) -> str:
        how = "as ourdl's graph" if isinstance(self.network, Family) else "by hooks"
        return (f"<TorchRecorder {self.name!r}: {self.count:,} updates, {len(self._rows)} snapshots, "
                f"{len(self.param_names)} parameters, {how}>")


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def _saved(snapshot: Snapshot, path: str | os.PathLike, name: str) -> Path:
    try:
        return save_recording(snapshot, path, name)
    except TorchRecorderError:
        raise
    except RecorderError as e:
        raise TorchRecorderError(str(e)) from None


def save_runs(recorders: Sequence[TorchRecorder], path: str | os.PathLike = "torch_runs.npz",
              name: str | None = None) -> Path:
    """Write several runs of one model shape side by side in one snapshot file (one row each, on one
    timeline), e.g. two inits, two learning rates, float32 against float64. They must have the same
    nodes and parameters (names and kinds), the same grid, ranges and target, and the same snapshot
    steps (the same `every` or `steps`, the same number of updates). Run titles that repeat get `#2`, ...
    """
    recorders = list(recorders)
    if not recorders or not all(isinstance(r, TorchRecorder) for r in recorders):
        raise TorchRecorderError("save_runs([rec_a, rec_b], path): give a list of TorchRecorders")
    snaps = [r.snapshot() for r in recorders]
    first = snaps[0]

    def same(key: str, get: Callable[[Snapshot], Any]) -> None:
        for r, s in zip(recorders[1:], snaps[1:]):
            a, b = get(first), get(s)
            equal = np.array_equal(a, b, equal_nan=True) if isinstance(a, np.ndarray) else a == b
            if not equal:
                raise TorchRecorderError(f"save_runs: run {r.title!r} differs from {recorders[0].title!r} in "
                                         f"its {key}; runs in one file share them")

    same("nodes (the model's shape and activation)",
         lambda s: [(n["name"], n["kind"]) for n in s.meta["nodes"]])
    same("parameters", lambda s: s.meta["params"])
    same("grid (x_range, grid_points)", lambda s: s.grid)
    same("data range", lambda s: s.meta["data_range"])
    same("target", lambda s: s.target)
    same("snapshot steps (give each the same every= or steps= and train the same number of updates)",
         lambda s: s.steps)
    runs, seen = [], {}
    for s in snaps:
        run = dict(s.meta["runs"][0])
        seen[run["label"]] = seen.get(run["label"], 0) + 1
        if seen[run["label"]] > 1:
            run["label"] = f"{run['label']} #{seen[run['label']]}"
        runs.append(run)
    meta = {**first.meta, "runs": runs, "scene": name or first.meta["scene"]}
    dtypes = {s.meta["torch"]["dtype"] for s in snaps}
    meta["torch"] = {**first.meta["torch"], "dtype": dtypes.pop() if len(dtypes) == 1 else "mixed"}
    combined = Snapshot(meta=meta, steps=first.steps, grid=first.grid, target=first.target,
                        curves=np.concatenate([s.curves for s in snaps]),
                        params=np.concatenate([s.params for s in snaps]),
                        train_loss=np.concatenate([s.train_loss for s in snaps]),
                        eval_loss=np.concatenate([s.eval_loss for s in snaps]))
    return _saved(combined, path, meta["scene"])
