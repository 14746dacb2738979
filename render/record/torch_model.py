"""Reading a PyTorch model for `TorchRecorder`: the ourdl network it is, or the modules to hook.

A `Sequential` (nested ones flattened; `Identity` and `Dropout`, the identity when evaluated, left out) of
`Linear(1, H1)`, an activation, `Linear(H1, H2)`, the same activation, ..., `Linear(HL, 1)`, every Linear
with a bias, 1 to 4 hidden layers of 1 to 32 units, is the chapter's family network
`scenes.network.build_network(hidden)` (`Family`): the same node kinds and names (`w_11 … b_21`, or the
separated names past 9 units or 2 layers), parameters in its update order. torch's `Linear.weight[j, i]`
(into unit j from input i) is `w_l_j_i` (`w_1j`, `w_{L+1}_i` in the first and output layers) and
`bias[j]` is `b_l_j`: each layer's weights flattened row by row, then its biases, is the update order.

The activation is one of torch's own elementwise activation modules (`ELEMENTWISE`), the same one (class
and settings) between every pair of Linears. ReLU, LeakyReLU(0.1) (ourdl's slope, the float 0.1 exactly),
Sigmoid and Tanh are ourdl's Relu, LeakyRelu, Sigmoid and Tanh, which the player recomputes. Any other
(GELU, SiLU, ELU, LeakyReLU(0.2), ...) becomes a node of a class named as torch's (`"GELU"`) that
evaluates the module itself in float64 (`TorchActivation`): not one of ourdl's ops (`"builtin": false`);
the player computes the ones it knows from the parameters (render/web/src/torch_ops.js, to within an ulp
or two of torch) and embeds the curves of any other.

Everything else (a custom `nn.Module`, a convolution, a residual block, a Linear without bias, a 64-wide
layer) is recorded by forward hooks: torch_hooks.py.

torch is imported only by the torch_* modules, and only when a recorder is made (`require_torch`), so
`import render` never loads it.
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ourdl.ops import Op
from render.record.net_snapshot import graph_meta, snapshot_row
from render.record.recorder_scene import RecorderError
from scenes import Net, Panel
from scenes.network import MAX_LAYERS, MAX_UNITS, Names, build_network
from scenes.network_panels import network_panels

#: torch's activation modules that map to ourdl's ops exactly (LeakyReLU only with ourdl's slope, 0.1)
OURDL_OPS = {"ReLU": "Relu", "LeakyReLU": "LeakyRelu", "Sigmoid": "Sigmoid", "Tanh": "Tanh"}
#: the classes of torch.nn.modules.activation that are not elementwise (or have parameters)
NOT_ELEMENTWISE = frozenset({"GLU", "LogSoftmax", "Softmax", "Softmax2d", "Softmin", "MultiheadAttention",
                             "PReLU"})
#: modules that are the identity when evaluated: a Sequential's are left out of its layers
IDENTITY = frozenset({"Identity", "Dropout", "AlphaDropout"})
INSTALL = 'PyTorch is not installed: pip install "ourdl-render[torch]" (or pip install torch)'


class TorchRecorderError(RecorderError):
    """A mistake in using `TorchRecorder`; the message says what to fix (one line)."""


def require_torch() -> Any:
    """The torch module, or TorchRecorderError saying how to install it."""
    try:
        import torch
    except ImportError:
        raise TorchRecorderError(INSTALL) from None
    return torch


def elementwise(module: Any) -> bool:
    """Whether `module` is one of torch's parameter-free elementwise activations (GELU, SiLU, ELU, ...)."""
    kind = type(module).__name__
    return (type(module).__module__ == "torch.nn.modules.activation" and kind not in NOT_ELEMENTWISE
            and not any(True for _ in module.parameters()) and not any(True for _ in module.buffers()))


def options(module: Any) -> dict:
    """An activation's settings, by its constructor's argument names: {"negative_slope": 0.2},
    {"approximate": "none"}; `inplace` (how, not what) is left out."""
    out = {}
    for name in list(inspect.signature(type(module).__init__).parameters)[1:]:
        value = getattr(module, name, None)
        if name != "inplace" and isinstance(value, (bool, int, float, str)):
            out[name] = value
    return out


def describe(module: Any) -> str:
    """A module by its class and the settings that differ from its defaults: `LeakyReLU(0.1)`, `GELU`,
    `GELU('tanh')`, `Softplus(beta=2.0, threshold=10.0)` (names when there are several)."""
    defaults = {k: p.default for k, p in inspect.signature(type(module).__init__).parameters.items()}
    changed = {k: v for k, v in options(module).items() if defaults.get(k) != v}
    if not changed:
        return type(module).__name__
    if len(changed) == 1:
        return f"{type(module).__name__}({next(iter(changed.values()))!r})"
    return f"{type(module).__name__}({', '.join(f'{k}={v!r}' for k, v in changed.items())})"


class TorchActivation(Op):
    """A hidden unit whose activation is a torch module ourdl lacks (its `module`), evaluated by torch
    in float64. `Family.net` makes one class per recording, named as the module's (`GELU`), so the
    snapshot's graph says which activation it is; its grad comes from torch's autograd."""

    arity = 1
    module: Any = None

    def compute(self, t: Any) -> Any:
        torch = require_torch()
        with torch.no_grad(), evaluating(self.module):
            out = self.module(torch.tensor(t, dtype=torch.float64))  # a copy: an inplace module keeps t
        return out.numpy() if isinstance(t, np.ndarray) else float(out)

    def local_grad(self, index: int) -> Any:
        torch = require_torch()
        t = self.parents[0].value
        x = torch.tensor(t, dtype=torch.float64, requires_grad=True)
        with evaluating(self.module):
            (grad,) = torch.autograd.grad(self.module(x.clone()).sum(), x)
        return grad.numpy() if isinstance(t, np.ndarray) else float(grad)


class evaluating:
    """`with evaluating(module):` the module (and its submodules) in eval mode, each put back after."""

    def __init__(self, module: Any) -> None:
        self.modules = list(module.modules())

    def __enter__(self) -> None:
        self.flags = [m.training for m in self.modules]
        for m in self.modules:
            m.training = False

    def __exit__(self, *exc: object) -> None:
        for m, flag in zip(self.modules, self.flags):
            m.training = flag


@dataclass
class Family:
    """A Sequential that is a network of the chapter's family (see the module's docstring), recorded as
    that ourdl graph: what TorchRecorder asks of a network."""

    hidden: tuple[int, ...]
    linears: list  # the Linear modules, input layer first
    module: Any  # the activation module (the first; every other is the same class and settings)
    loss: str | None = None  # the loss trained with ("absolute", "squared"), for the graph's loss node
    names: Names = field(init=False)

    def __post_init__(self) -> None:
        self.names = Names(self.hidden)
        #: what a snapshot keeps: the parameters in the network's update order, each layer's weight (row by
        #: row: weight[j, i] is w_l_j_i), then its bias
        self.state = [t for layer in self.linears for t in (layer.weight, layer.bias)]
        self.param_names = self.names.params()

    @property
    def activation(self) -> str:
        """The activation as the snapshot names it: ourdl's op (`LeakyRelu`) or torch's class (`GELU`)."""
        return OURDL_OPS[type(self.module).__name__] if self.builtin else type(self.module).__name__

    @property
    def builtin(self) -> bool:
        """Whether ourdl computes the activation exactly (ReLU, LeakyReLU(0.1), Sigmoid, Tanh)."""
        kind = type(self.module).__name__
        return kind in OURDL_OPS and (kind != "LeakyReLU" or self.module.negative_slope == 0.1)

    def architecture(self) -> str:
        """`1-2-1 LeakyReLU(0.1)`, `1-8-1 GELU`."""
        return f"{'-'.join(map(str, (1, *self.hidden, 1)))} {describe(self.module)}"

    def net(self) -> Net:
        """The equivalent ourdl graph, ending in the loss's node (ValueLoss without one: the recording
        leaves it out then)."""
        net = build_network(self.hidden, self.activation if self.builtin else "Relu", self.loss or "absolute")
        if not self.builtin:
            # the family's graph with torch's activation in the hidden units' places: same nodes, names
            # and edges, only the class (and so the computation) of the activation nodes differs
            own = type(type(self.module).__name__, (TorchActivation,),
                       {"module": self.module, "__module__": __name__})
            acts = {n for layer in range(1, len(self.hidden) + 1) for n in self.names.acts(layer)}
            for node in net.graph.nodes:
                if node.name in acts:
                    node.__class__ = own
        return net

    def panels(self, target_name: str) -> tuple[Panel, ...]:
        """The family's panels; an activation ourdl lacks is named in them: "activations: GELU(w·x + b)"."""
        panels = network_panels(self.hidden, target_name)
        if self.builtin:
            return panels
        kind = self.activation
        return tuple(dataclasses.replace(p, title=p.title.replace("act(", f"{kind}("), title_zh=(
            p.title_zh and p.title_zh.replace("act(", f"{kind}("))) for p in panels)

    def curves(self, state: np.ndarray, grid: np.ndarray, target: np.ndarray,
               in_range: np.ndarray) -> tuple[dict, np.ndarray, np.ndarray]:
        """(the graph's meta, curves (snapshots, nodes, grid), evaluation losses), computed by the ourdl
        graph from each snapshot's parameters."""
        net = self.net()
        recorded = [n for n in net.graph.nodes if n.parents and (self.loss is not None or n is not net.loss)]
        curves = np.empty((len(state), len(recorded), grid.size))
        eval_loss = np.empty(len(state))
        for s, values in enumerate(state):
            for p, v in zip(net.params, values.tolist()):
                p.value = v
            curves[s], _, eval_loss[s] = snapshot_row(net, recorded, grid, target, in_range)
        graph = graph_meta(net)
        if self.loss is None:
            graph["nodes"] = [n for n in graph["nodes"] if n["name"] != net.loss.name]
            graph["loss"] = None
        if not self.builtin:
            for node in graph["nodes"]:
                if node["kind"] == self.activation:
                    node["options"] = options(self.module)
        return graph, curves, eval_loss

    def meta(self) -> dict:
        """The `torch` meta a family recording adds (docs/snapshot-format.md)."""
        return {"recorded_as": "ourdl", "activation": {
            "kind": type(self.module).__name__, "options": options(self.module), "builtin": self.builtin,
            "text": describe(self.module)}}


def layers(model: Any) -> list | None:
    """A Sequential's modules with nested Sequentials flattened and identity modules left out; None when
    `model` is not a Sequential."""
    torch = require_torch()
    if not isinstance(model, torch.nn.Sequential):
        return None
    out = []
    for m in model:
        inner = layers(m)
        if inner is not None:
            out.extend(inner)
        elif type(m).__name__ not in IDENTITY:
            out.append(m)
    return out


def as_family(model: Any, loss: str | None = None) -> Family | None:
    """The family network `model` is (see the module's docstring), or None: then it is recorded by hooks
    (torch_hooks.py). `loss`: what it trains with, for the graph's loss node."""
    torch = require_torch()
    mods = layers(model)
    if not mods or len(mods) % 2 == 0 or len(mods) < 3:
        return None
    linears, acts = mods[0::2], mods[1::2]
    if not all(type(m) is torch.nn.Linear and m.bias is not None for m in linears):
        return None
    first = acts[0]
    if not all(elementwise(a) and type(a) is type(first) and options(a) == options(first) for a in acts):
        return None
    hidden = tuple(m.out_features for m in linears[:-1])
    chained = all(a.out_features == b.in_features for a, b in zip(linears, linears[1:]))
    if not (chained and linears[0].in_features == 1 and linears[-1].out_features == 1
            and len(hidden) <= MAX_LAYERS and max(hidden) <= MAX_UNITS):
        return None
    return Family(hidden, linears, first, loss)


def io_problem(model: Any) -> str | None:
    """What is wrong with a Sequential's inputs or outputs that the probe would only report obscurely:
    its first Linear's input features or its last one's outputs, when not 1."""
    torch = require_torch()
    mods = layers(model) or []
    lins = [m for m in mods if isinstance(m, torch.nn.Linear)]
    if lins and lins[0].in_features != 1:
        return (f"the model takes {lins[0].in_features} inputs (its first layer is {lins[0]}); "
                f"TorchRecorder records a model of one input x")
    if lins and mods[-1] is lins[-1] and lins[-1].out_features != 1:
        return (f"the model has {lins[-1].out_features} outputs (its last layer is {lins[-1]}); "
                f"TorchRecorder records a model of one output y")
    return None


def model_dtype(model: Any) -> Any:
    """The dtype the model computes in: its first floating parameter's (torch's default without one)."""
    torch = require_torch()
    for t in model.parameters():
        if t.is_floating_point():
            return t.dtype
    return torch.get_default_dtype()
