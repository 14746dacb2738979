"""The player computes torch's own activations (src/torch_ops.js) from a TorchRecorder recording's
parameters, to within an ulp or two of torch: each function (and erf.js) in headless Chromium against
torch's module in float64 (and the C library's erf), and every recorded node of a small model of each
activation, read from the player page, against the recording's curves (torch's module, evaluated by the
recorder). What the page does not know, or a user's own class named like one of torch's, keeps its curves
embedded.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
from test_player import PLAYER, js_curves, open_page, page_data  # noqa: E402
from test_torch_outputs import fit  # noqa: E402
from torch import nn  # noqa: E402

from ourdl.core import Graph, Varrible  # noqa: E402
from ourdl.ops import Add, Mul, Op  # noqa: E402
from ourdl.ops.loss import ValueLoss  # noqa: E402
from render import Recorder  # noqa: E402
from render.record.snapshot import Snapshot, load_snapshot  # noqa: E402
from render.record.torch_model import options  # noqa: E402
from render.web import player_html, write_player  # noqa: E402
from render.web.player_data import TORCH_OPS, computable  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "render" / "web" / "src"
#: page − recording, at most, relative to max(1, |value|)
TOLERANCE = 1e-13

#: the activations torch computes without exp, log or tanh: the page's values are torch's, bit for bit
EXACT = {"LeakyReLU", "RReLU", "Hardtanh", "ReLU6", "Hardsigmoid", "Hardswish", "Softsign", "Hardshrink",
         "Softshrink", "Threshold"}
#: one model per activation (and options) the page computes
CASES: dict[str, Callable[[], nn.Module]] = {
    "GELU": nn.GELU, "GELU-tanh": lambda: nn.GELU("tanh"), "SiLU": nn.SiLU, "Mish": nn.Mish,
    "ELU": lambda: nn.ELU(0.7), "CELU": lambda: nn.CELU(1.5), "SELU": nn.SELU, "Softplus": nn.Softplus,
    "Softplus-beta": lambda: nn.Softplus(beta=2.0, threshold=5.0), "LeakyReLU": lambda: nn.LeakyReLU(0.2),
    "RReLU": lambda: nn.RReLU(0.1, 0.3), "Hardtanh": lambda: nn.Hardtanh(-0.5, 1.5), "ReLU6": nn.ReLU6,
    "Hardsigmoid": nn.Hardsigmoid, "Hardswish": nn.Hardswish, "Softsign": nn.Softsign,
    "LogSigmoid": nn.LogSigmoid, "Tanhshrink": nn.Tanhshrink, "Hardshrink": lambda: nn.Hardshrink(0.3),
    "Softshrink": lambda: nn.Softshrink(0.4), "Threshold": lambda: nn.Threshold(0.2, -0.5),
}


def recording(activation: nn.Module, name: str) -> Snapshot:
    """A 1-4-1 model with `activation`, its first layer set so the hidden units' inputs cover about ±12 over
    the grid (every range of erf's, Softplus past its threshold), fitted to x² for 100 Adam updates, 5
    snapshots."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(1, 4), activation, nn.Linear(4, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor([[6.0], [-6.0], [2.5], [-1.0]]))
        model[0].bias.copy_(torch.tensor([-3.0, 3.0, -1.0, 0.5]))
    # its curves as torch computed them (a file keeps them to 53 bits of their largest)
    return fit(model, updates=100, seed=1, every=25, name=name).snapshot()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("torch_ops")


@pytest.fixture(scope="module")
def gelu() -> Snapshot:
    return recording(nn.GELU(), "gelu_ops")


def test_every_activation_the_page_computes_is_tested():
    assert {type(make()).__name__ for make in CASES.values()} == set(TORCH_OPS)


@pytest.mark.parametrize("case", list(CASES))
def test_the_page_computes_torchs_activation_within_an_ulp_or_two(browser, folder, case):
    snap = recording(CASES[case](), f"torch_{case.replace('-', '_').lower()}")
    assert snap.meta["torch"]["recorded_as"] == "ourdl" and not snap.meta["torch"]["activation"]["builtin"]
    data = page_data(player_html(snap))
    assert data["graph"] is not None and data["params"] is not None and data["curves"] is None
    acts = [n["name"] for n in snap.meta["nodes"] if n.get("builtin") is False]
    pre = snap.curves[:, :, [snap.node_names.index(n.replace("relu", "add")) for n in acts]]
    assert len(acts) == 4 and pre.min() < -6 and pre.max() > 6  # the units' inputs span erf's ranges
    got = js_curves(browser, snap, folder)
    error = np.abs(got - snap.curves) / np.maximum(1, np.abs(snap.curves))
    print(f"{case}: max |page - recording| / max(1, |value|) = {error.max():.3g}")
    assert error.max() <= TOLERANCE, f"{case}: {error.max():.3g}"
    if case in EXACT:
        assert np.array_equal(got, snap.curves)


def in_page(browser, sources: tuple[str, ...], function: str) -> np.ndarray:
    """`function` (a JS expression, given the `sources` of src/ evaluated in a blank page) at each of XS."""
    text = "\n".join((SRC / name).read_text(encoding="utf-8") for name in sources)
    text = re.sub(r"^export ", "", re.sub(r"^import .*$", "", text, flags=re.M), flags=re.M)
    xs = json.dumps(XS.tolist())
    with browser.open("about:blank") as tab:
        return np.array(tab.evaluate(f"(() => {{ {text}\n return {xs}.map({function}); }})()"))


#: x values for the functions themselves: a dense sweep over ±20, random ones over erf's ranges, tiny ones
XS = np.concatenate([np.linspace(-20, 20, 8001), np.random.default_rng(0).uniform(-7, 7, 8000),
                     np.random.default_rng(1).normal(0, 1e-3, 1000)])


def test_erf_is_within_an_ulp_of_the_c_librarys(browser):
    """erf.js against Python's math.erf (the C library's) and torch's (SLEEF): at most one ulp apart."""
    got = in_page(browser, ("erf.js",), "erf")
    libm, sleef = np.array([math.erf(v) for v in XS]), torch.erf(torch.tensor(XS)).numpy()
    for name, want in (("libm", libm), ("torch", sleef)):
        ulps = np.abs(got - want) / np.spacing(np.abs(want))
        print(f"erf vs {name}: at most {ulps.max():.3g} ulp")
        assert ulps.max() <= 1


@pytest.mark.parametrize("case", list(CASES))
def test_each_activation_is_torchs_to_an_ulp_or_two(browser, case):
    """torch_ops.js's function against the module in float64 over XS: within two ulps of the larger of |x|
    and |value| (GELU's left tail is 1 + erf(x/√2) cancelling in torch's own formula: an ulp of erf there
    is many of the tiny result); bit for bit where torch uses no exp, log, tanh or erf."""
    module = CASES[case]()
    call = f"torchActivation({json.dumps(type(module).__name__)}, {json.dumps(options(module))})"
    got = in_page(browser, ("erf.js", "torch_ops.js"), call)
    with torch.no_grad():
        want = module.eval()(torch.tensor(XS, dtype=torch.float64)).numpy()
    ulps = np.abs(got - want) / np.spacing(np.maximum(np.abs(want), np.abs(XS)))
    same = np.mean(got == want)
    print(f"{case}: at most {ulps.max():.3g} ulp of max(|x|, |value|), {same:.1%} bit for bit")
    assert ulps.max() <= 2
    if case in EXACT:
        assert np.array_equal(got, want)


def _with_node_change(snap: Snapshot, change: Callable[[dict], None], torch_meta: bool = True) -> Snapshot:
    """The recording with every activation node changed by `change` (and without its torch block)."""
    meta = json.loads(json.dumps(snap.meta))
    for node in meta["nodes"]:
        if node.get("builtin") is False:
            change(node)
    if not torch_meta:
        del meta["torch"]
    return dataclasses.replace(snap, meta=meta)


#: what the page must not compute: torch's class with options it does not take, a kind it does not know
UNKNOWN = {
    "kind": lambda n: n.update(kind="Swish"),
    "approximate": lambda n: n["options"].update(approximate="erf"),
    "extra option": lambda n: n["options"].update(inplace=False),
    "no options": lambda n: n.pop("options"),
    "string number": lambda n: n.update(kind="ELU", options={"alpha": "1.0"}),
    "infinite": lambda n: n.update(kind="ELU", options={"alpha": math.inf}),
    "two parents": lambda n: n["parents"].append("x"),
}


@pytest.mark.parametrize("what", list(UNKNOWN))
def test_what_the_page_does_not_know_is_embedded(gelu, what):
    snap = _with_node_change(gelu, UNKNOWN[what])
    assert not computable(snap.meta)
    data = page_data(player_html(snap))
    assert data["graph"] is None and data["params"] is None and data["curves"]


@pytest.mark.parametrize("what", ["kind", "approximate", "extra option", "string number"])
def test_the_page_refuses_what_python_refuses(browser, gelu, folder, monkeypatch, what):
    """The page's own check (graph.js compile with torch_ops.js) agrees with computable(): forced to carry
    parameters for a graph it cannot compute, it says so instead of drawing something else."""
    monkeypatch.setattr("render.web.player.computable", lambda meta: True)
    path = write_player(_with_node_change(gelu, UNKNOWN[what]), folder / "refused.html")
    with open_page_or_error(browser, path) as tab:
        assert any("cannot evaluate this graph" in e for e in tab.errors()), tab.errors()


def open_page_or_error(browser, path):
    """The page, once its script has run (the player throws in its constructor here)."""
    from headless_chromium import page_url

    tab = browser.open(page_url(path))
    tab.wait_for("document.readyState === 'complete'")
    return tab


def test_a_recording_without_torchs_block_is_embedded(gelu):
    """`builtin: false` is a user's own class unless the recording says TorchRecorder made it."""
    snap = _with_node_change(gelu, lambda n: None, torch_meta=False)
    assert computable(gelu.meta) and not computable(snap.meta)
    assert page_data(player_html(snap))["curves"]


class GELU(Op):
    """A learner's own GELU, the tutorial's way (a Node subclass): named like torch's, but not torch's."""

    arity = 1

    def compute(self, t):
        return 0.5 * t * (1 + np.tanh(0.8 * t))

    def local_grad(self, index):
        t = self.parents[0].value
        th = np.tanh(0.8 * t)
        return 0.5 * (1 + th) + 0.4 * t * (1 - th * th)


def test_a_users_own_gelu_class_is_embedded(browser, folder):
    graph = Graph()
    with graph.as_default():
        x, label = Varrible(), Varrible()
        w1, b1, w2, b2 = (Varrible(train=True) for _ in range(4))
        for p, v in zip((w1, b1, w2, b2), (0.9, -0.3, 1.2, 0.1)):
            p.set_value(v)
        out = Add([Mul(GELU(Add([Mul(x, w1), b1])), w2), b2])
        loss = ValueLoss([label, out])
    rec = Recorder(input=x, output=out, label=label, loss=loss, every=20, name="own_gelu")
    for xv in np.random.default_rng(0).uniform(0, 2, 60):
        x.set_value(xv)
        label.set_value(xv * xv)
        loss.forward()
        for p in (w1, b1, w2, b2):
            p.get_grad()
            p.update(0.01)
        rec.step()
        loss.clear()
    snap = load_snapshot(rec.save(folder / "own_gelu.npz"))
    assert "GELU" in {n["kind"] for n in snap.meta["nodes"] if n.get("builtin") is False}
    assert not computable(snap.meta)
    data = page_data(player_html(snap))
    assert data["graph"] is None and data["curves"]
    path = write_player(snap, folder / "own_gelu.html")
    with open_page(browser, path) as tab:  # the page draws the recording's own curves
        last = len(snap.steps) - 1
        drawn = tab.evaluate(f"Object.fromEntries(Object.entries({PLAYER}.drawn(0, {last}))"
                             ".map(([k, v]) => [k, Array.from(v)]))")
        assert sorted(drawn) == sorted(data["curveNodes"])
        for node, values in drawn.items():
            np.testing.assert_array_equal(np.float32(values), snap.curve(0, node)[last].astype(np.float32))
        assert tab.errors() == []
