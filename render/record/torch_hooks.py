"""A torch model that is not a family Sequential, recorded by forward hooks on its leaf modules.

Nodes: each leaf module (one with no submodules) called in the forward pass gives its output, flattened
per grid point to F features; its first `MAX_FEATURES` are curves named `PATH.k` (`fc1.0`, `act.3`), a
module's second call in one pass `PATH@2.k`, a model with no submodules `model.k`. The model's own output
is the node `output`. Parameters are named by their `state_dict` keys, flattened row-major:
`fc1.weight[0,0]`, `fc1.bias[3]`. Curves come from the model run in eval mode, with no grad, through
`torch.func.functional_call` with each snapshot's parameters and floating buffers (so the model itself is
never touched), in float64, or in the model's own dtype when it cannot run in float64. Panels: one per
leaf call (the last `MAX_PANELS − 1`; a module whose output is the model's is drawn by the output
panel), then the output against the target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from render.record.torch_model import evaluating, require_torch
from scenes import Panel
from scenes.network import OUTPUT_COLOR, unit_color
from scenes.network_panels import MAX_PANELS

#: a module's output features drawn as curves (a 64-wide layer would be 64 lines no one can tell apart;
#: its first 16 show what the layer does, and the meta says how many it has)
MAX_FEATURES = 16


def leaf_modules(model: Any) -> list[tuple[str, Any]]:
    """(path, module) of every submodule with no submodules of its own, as `named_modules` orders them
    (the model itself when it has none: path `""`)."""
    return [(path, m) for path, m in model.named_modules() if not any(True for _ in m.children())]


@dataclass
class Call:
    """One call of a leaf module in a forward pass: where, and its output as (grid points, features)."""

    path: str
    module: Any
    call: int  # 1 for a module's first call in the pass, 2 for its second, ...
    values: np.ndarray
    is_output: bool = False  # the very tensor the model returned

    @property
    def names(self) -> list[str]:
        """Its curves' names: `fc1.0` … (the first MAX_FEATURES features), `act@2.0` for a second call."""
        base = (self.path or "model") + (f"@{self.call}" if self.call > 1 else "")
        return [f"{base}.{k}" for k in range(min(self.values.shape[1], MAX_FEATURES))]


def hooked_forward(model: Any, x: Any, state: dict | None = None) -> tuple[np.ndarray, list[Call]]:
    """The model's output (grid points, outputs) and every leaf module's output over `x`, in call order,
    from one forward pass in eval mode with no grad, torch's random state put back after (so recording
    draws nothing from the user's stream). With `state` (name -> tensor), the pass uses those parameters
    and buffers in place of the model's own (`torch.func.functional_call`: the model is not touched)."""
    torch = require_torch()
    calls: list[Call] = []
    tensors: list = []
    counts: dict[str, int] = {}

    def hook(path: str, module: Any):
        def record(_module: Any, _inputs: Any, output: Any) -> None:
            if isinstance(output, torch.Tensor) and output.dim() >= 1 and output.shape[0] == x.shape[0]:
                counts[path] = counts.get(path, 0) + 1
                values = output.detach().reshape(output.shape[0], -1).to("cpu", torch.float64).numpy()
                calls.append(Call(path, module, counts[path], values.copy()))
                tensors.append(output)
        return record

    handles = [m.register_forward_hook(hook(path, m)) for path, m in leaf_modules(model)]
    try:
        with torch.no_grad(), torch.random.fork_rng(devices=[]), evaluating(model):
            out = model(x) if state is None else torch.func.functional_call(model, state, (x,))
    finally:
        for h in handles:
            h.remove()
    for c, t in zip(calls, tensors):
        c.is_output = t is out
    return out.detach().to("cpu", torch.float64).reshape(x.shape[0], -1).numpy().copy(), calls


def flat_names(shapes: dict[str, tuple[int, ...]]) -> list[str]:
    """Every element of each named tensor: `fc1.weight[0,0]`, `fc1.bias[3]` (row-major, as `reshape(-1)`
    orders them); a 0-d tensor is its key alone."""
    return [key + (f"[{','.join(map(str, i))}]" if shape else "")
            for key, shape in shapes.items() for i in np.ndindex(*shape)]


class Hooked:
    """A model recorded by hooks (see the module's docstring): what TorchRecorder asks of a network."""

    activation = None  # no one hidden activation to name

    def __init__(self, model: Any, calls: list[Call], dtype: Any, device: Any) -> None:
        self.model, self.calls, self.dtype, self.device = model, calls, dtype, device
        named = dict(model.named_parameters())
        buffers = {k: b for k, b in model.named_buffers() if b.is_floating_point()}
        self.shapes = {k: tuple(t.shape) for k, t in {**named, **buffers}.items()}
        #: what a snapshot keeps: the parameters, then the floating buffers (BatchNorm's running statistics)
        self.state = [*named.values(), *buffers.values()]
        self.param_names = flat_names({k: self.shapes[k] for k in named})
        self.evaluated_in = require_torch().float64

    def architecture(self) -> str:
        return type(self.model).__name__

    def panels(self, target_name: str) -> tuple[Panel, ...]:
        panels = []
        for c in self.calls:
            if c.is_output or not c.names:
                continue
            title = f"{c.path or 'model'} ({type(c.module).__name__})"
            if c.call > 1:
                title += f", call {c.call}"
            if c.values.shape[1] > MAX_FEATURES:
                title += f": {MAX_FEATURES} of {c.values.shape[1]}"
            panels.append(Panel(title, tuple(c.names), tuple(unit_color(k) for k in range(len(c.names)))))
        output = Panel(f"output vs {target_name}", ("output",), (OUTPUT_COLOR,), target=True,
                       title_zh=f"输出与 {target_name}")
        return (*panels[-(MAX_PANELS - 1):], output)

    def curves(self, state: np.ndarray, grid: np.ndarray, target: np.ndarray,
               in_range: np.ndarray) -> tuple[dict, np.ndarray, np.ndarray]:
        """(the graph's meta, curves (snapshots, nodes, grid), evaluation losses) from the model run with
        each snapshot's state (a row of parameters and buffers)."""
        n_nodes = sum(len(c.names) for c in self.calls) + 1
        curves = np.full((len(state), n_nodes, grid.size), np.nan)
        eval_loss = np.empty(len(state))
        for s, row in enumerate(state):
            out, calls = self._run(row, grid)
            found = {(c.path, c.call): c.values for c in calls}
            k = 0
            for c in self.calls:
                values, n = found.get((c.path, c.call)), len(c.names)
                if values is not None and values.shape[1] >= n:  # else this pass took another path: NaN
                    curves[s, k:k + n] = values[:, :n].T
                k += n
            curves[s, -1] = out[:, 0]
            eval_loss[s] = np.mean(np.abs(curves[s, -1][in_range] - target[in_range]))
        nodes = [{"name": n, "kind": type(c.module).__name__, "parents": ["x"], "builtin": False,
                  "module": c.path} for c in self.calls for n in c.names]
        nodes.append({"name": "output", "kind": type(self.model).__name__, "parents": ["x"],
                      "builtin": False})
        graph = {"nodes": nodes, "params": self.param_names, "input": "x", "output": "output", "label": None,
                 "loss": None}
        return graph, curves, eval_loss

    def _run(self, row: np.ndarray, grid: np.ndarray) -> tuple[np.ndarray, list[Call]]:
        """The hooked pass with one snapshot's state: in float64, or, when the model cannot run in float64
        (a module that makes float32 tensors of its own), from then on in its own dtype."""
        try:
            return self._run_in(row, grid, self.evaluated_in)
        except RuntimeError:
            if self.evaluated_in == self.dtype:
                raise
            self.evaluated_in = self.dtype
            return self._run_in(row, grid, self.dtype)

    def _run_in(self, row: np.ndarray, grid: np.ndarray, dtype: Any) -> tuple[np.ndarray, list[Call]]:
        torch = require_torch()
        state, at = {}, 0
        for key, shape in self.shapes.items():
            n = math.prod(shape)
            state[key] = torch.tensor(row[at:at + n], dtype=dtype, device=self.device).reshape(shape)
            at += n
        x = torch.tensor(grid, dtype=dtype, device=self.device).reshape(-1, 1)
        return hooked_forward(self.model, x, state)

    def meta(self) -> dict:
        """The `torch` meta a hooked recording adds (docs/snapshot-format.md)."""
        return {"recorded_as": "hooks", "evaluated_in": str(self.evaluated_in).removeprefix("torch."),
                "state": {k: list(s) for k, s in self.shapes.items()},
                "modules": [{"path": c.path, "type": type(c.module).__name__, "call": c.call,
                             "features": int(c.values.shape[1]), "curves": len(c.names),
                             "is_output": c.is_output} for c in self.calls]}
