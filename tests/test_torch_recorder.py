"""TorchRecorder: a user's PyTorch loop recorded into the snapshot file, checked against torch itself.

A family Sequential's names, parameters and curves are compared with the torch model (its weights, its
forward pass over the grid, torch's own activations); a hooked model's curves with its modules' outputs;
training with and without the recorder must give the same parameters bit for bit. Every bad input is one
TorchRecorderError line with nothing written. Small models and a few hundred updates: a few seconds.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")
from torch import nn  # noqa: E402

from render.record.snapshot import load_snapshot  # noqa: E402
from render.torch import TorchRecorder, TorchRecorderError, save_runs  # noqa: E402
from render.web.player_data import computable  # noqa: E402
from scenes.network import Names  # noqa: E402


def train(model, rec=None, updates=60, batch=4, lr=0.05, seed=0, optimizer="sgd", loss="l1"):
    """A plain loop fitting x² on [0, 2]; its own seeded data, so runs with and without a recorder see
    the same batches."""
    gen = torch.Generator().manual_seed(seed)
    dtype = next(model.parameters()).dtype
    opt = (torch.optim.SGD if optimizer == "sgd" else torch.optim.Adam)(model.parameters(), lr=lr)
    for _ in range(updates):
        x = 2 * torch.rand(batch, 1, generator=gen, dtype=dtype)
        y = model(x)
        out = (y - x * x).abs().mean() if loss == "l1" else ((y - x * x) ** 2).mean()
        opt.zero_grad()
        out.backward()
        opt.step()
        if rec is not None:
            rec.step(out)
    return model


def mlp(hidden=(3,), act=nn.ReLU, dtype=torch.float64, seed=0):
    torch.manual_seed(seed)
    sizes = (1, *hidden, 1)
    mods = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        mods.append(nn.Linear(a, b))
        if i < len(hidden):
            mods.append(act())
    return nn.Sequential(*mods).to(dtype)


class Residual(nn.Module):
    """Not a Sequential: a 24-wide hidden layer, one activation module called twice, a skip connection."""

    def __init__(self):
        super().__init__()
        self.fc1, self.act = nn.Linear(1, 24), nn.SiLU()
        self.fc2, self.out = nn.Linear(24, 3), nn.Linear(3, 1)

    def forward(self, x):
        return self.out(self.act(self.fc2(self.act(self.fc1(x))))) + x


def torch_forward(model, grid, params=None):
    """The model's own output over the grid (float64), optionally with `params` (name -> tensor)."""
    x = torch.tensor(grid).reshape(-1, 1).to(next(model.parameters()).dtype)
    with torch.no_grad():
        out = model(x) if params is None else torch.func.functional_call(model, params, (x,))
    return out.double().reshape(-1).numpy()


# ---------------------------------------------------------------------------------------------- family


def test_a_relu_sequential_is_the_family_graph_its_names_and_torchs_own_curves():
    model = mlp((3,), nn.ReLU)
    rec = TorchRecorder(model, target="x^2", every=20, loss="absolute", grid_points=41)
    train(model, rec, updates=60)
    snap = rec.snapshot()
    meta = snap.meta
    assert meta["params"] == Names((3,)).params() == ["w_11", "w_12", "w_13", "b_11", "b_12", "b_13", "w_21",
                                                      "w_22", "w_23", "b_21"]
    assert meta["activation"] == "Relu" and computable(meta)
    assert {n["kind"] for n in meta["nodes"]} == {"Mul", "Add", "Relu", "ValueLoss"}
    assert meta["torch"]["recorded_as"] == "ourdl" and meta["torch"]["dtype"] == "float64"
    assert meta["target_expr"] == "x^2" and meta["target_name"] == "x²"
    assert list(snap.steps) == [0, 20, 40, 60]
    # the last snapshot's parameters are the model's, named by role: weight[j, i] -> w_1j, w_2i; bias[j]
    w1, b1, w2, b2 = (t.detach().numpy() for t in model.parameters())
    last = dict(zip(meta["params"], snap.params[0, -1]))
    assert [last[f"w_1{j}"] for j in (1, 2, 3)] == list(w1[:, 0])
    assert [last[f"b_1{j}"] for j in (1, 2, 3)] == list(b1)
    assert [last[f"w_2{i}"] for i in (1, 2, 3)] == list(w2[0]) and last["b_21"] == b2[0]
    # the output and every hidden unit at every snapshot: torch's own forward pass with those parameters
    grid = snap.grid
    for s in range(len(snap.steps)):
        p = snap.params[0, s]
        state = {"0.weight": torch.tensor(p[0:3]).reshape(3, 1), "0.bias": torch.tensor(p[3:6]),
                 "2.weight": torch.tensor(p[6:9]).reshape(1, 3), "2.bias": torch.tensor(p[9:10])}
        np.testing.assert_allclose(snap.curve(0, "add_21")[s], torch_forward(model, grid, state),
                                   rtol=0, atol=1e-13)
        hidden = torch.relu(torch.tensor(grid)[:, None] * state["0.weight"][:, 0] + state["0.bias"]).numpy()
        for j in range(3):
            np.testing.assert_allclose(snap.curve(0, f"relu_1{j + 1}")[s], hidden[:, j], rtol=0, atol=1e-14)
    # the evaluation loss: mean |output − x²| on the data range's grid points
    inside = (grid >= 0) & (grid <= 2)
    error = np.abs(snap.curve(0, "add_21")[-1] - grid ** 2)
    assert snap.eval_loss[0, -1] == pytest.approx(np.mean(error[inside]), rel=1e-15)


def test_nested_sequentials_two_layers_and_identity_modules_map_to_separated_names():
    torch.manual_seed(1)
    model = nn.Sequential(nn.Sequential(nn.Linear(1, 3), nn.Tanh()), nn.Dropout(0.0),
                          nn.Sequential(nn.Linear(3, 3), nn.Tanh(), nn.Identity()), nn.Linear(3, 1)).double()
    rec = TorchRecorder(model, x_range=(-1, 3), data_range=(0, 2), every=10, grid_points=21)
    train(model, rec, updates=20)
    snap = rec.snapshot()
    assert snap.meta["params"] == Names((3, 3)).params() and "w_2_3_1" in snap.meta["params"]
    last = dict(zip(snap.meta["params"], snap.params[0, -1]))
    w2 = model[2][0].weight.detach().numpy()
    assert last["w_2_3_1"] == w2[2, 0] and last["w_2_1_3"] == w2[0, 2]  # into unit j from unit i
    np.testing.assert_allclose(snap.curve(0, "add_3_1")[-1], torch_forward(model, snap.grid), atol=1e-13)
    assert snap.meta["loss"] is None and "loss" not in snap.node_names  # no loss= given: no loss node
    assert np.all(np.isnan(snap.target)) and np.all(np.isnan(snap.eval_loss))  # no target given


@pytest.mark.parametrize("act, kind, builtin, options", [
    (lambda: nn.LeakyReLU(0.1), "LeakyRelu", True, None),
    (lambda: nn.LeakyReLU(0.2), "LeakyReLU", False, {"negative_slope": 0.2}),
    (lambda: nn.GELU(), "GELU", False, {"approximate": "none"}),
    (lambda: nn.Softplus(beta=2.0), "Softplus", False, {"beta": 2.0, "threshold": 20.0}),
    (lambda: nn.Sigmoid(), "Sigmoid", True, None),
], ids=["leaky0.1", "leaky0.2", "gelu", "softplus", "sigmoid"])
def test_activations_ourdl_lacks_are_evaluated_by_torch_and_say_so(act, kind, builtin, options):
    model = mlp((2,), act)
    rec = TorchRecorder(model, target="x^2", every=10, loss="squared", grid_points=31)
    train(model, rec, updates=20, loss="l2")
    snap = rec.snapshot()
    acts = [n for n in snap.meta["nodes"] if n["name"].startswith("relu_")]
    assert [n["kind"] for n in acts] == [kind, kind] and snap.meta["activation"] == kind
    assert all(n.get("builtin", True) is builtin for n in acts)
    assert all(n.get("options") == options for n in acts)
    assert computable(snap.meta)  # the page recomputes ourdl's ops, and torch's (player_data.TORCH_OPS)
    assert snap.meta["torch"]["activation"]["builtin"] is builtin
    assert next(n for n in snap.meta["nodes"] if n["name"] == "loss")["kind"] == "SquareLoss"
    module = act()
    for s in (0, -1):
        pre = torch.tensor(np.stack([snap.curve(0, "add_11")[s], snap.curve(0, "add_12")[s]]))
        expected = module(pre).numpy()
        np.testing.assert_allclose([snap.curve(0, "relu_11")[s], snap.curve(0, "relu_12")[s]], expected,
                                   rtol=0, atol=1e-15)
        np.testing.assert_allclose(snap.curve(0, "add_21")[s], torch_forward(
            model, snap.grid, _state(model, snap.params[0, s], (2,))), rtol=0, atol=1e-13)
    if not builtin:
        title = next(p["title"] for p in snap.meta["panels"] if "relu_11" in p["nodes"])
        assert f"{kind}(" in title


def _state(model, p, hidden):
    """A family Sequential's state_dict from a row of parameters in update order."""
    out, at, linears = {}, 0, [(k, m) for k, m in model.named_children() if isinstance(m, nn.Linear)]
    for key, m in linears:
        n = m.weight.numel()
        out[f"{key}.weight"] = torch.tensor(p[at:at + n]).reshape(m.weight.shape)
        out[f"{key}.bias"] = torch.tensor(p[at + n:at + n + m.out_features])
        at += n + m.out_features
    return out


def test_a_float32_model_is_recorded_as_its_float32_values():
    model = mlp((2,), nn.Tanh, dtype=torch.float32)
    rec = TorchRecorder(model, target="x^2", every=5, grid_points=11)
    train(model, rec, updates=10)
    snap = rec.snapshot()
    assert snap.meta["torch"]["dtype"] == "float32" and snap.meta["runs"][0]["torch"]["dtype"] == "float32"
    assert snap.params.dtype == np.float64
    assert np.array_equal(snap.params.astype(np.float32).astype(np.float64), snap.params)
    final = np.concatenate([t.detach().numpy().ravel() for t in (model[0].weight, model[0].bias,
                                                                  model[2].weight, model[2].bias)])
    assert np.array_equal(snap.params[0, -1], final.astype(np.float64))


# ------------------------------------------------------------------------------------ not a family net


def test_any_other_model_is_recorded_by_hooks_named_by_module_path_and_state_dict_keys():
    torch.manual_seed(2)
    model = Residual().double()
    rec = TorchRecorder(model, target="sin", every=10, grid_points=31, name="residual")
    train(model, rec, updates=20, optimizer="adam", lr=0.01)
    snap = rec.snapshot()
    meta = snap.meta
    assert meta["torch"]["recorded_as"] == "hooks" and not computable(meta)
    assert meta["params"][:3] == ["fc1.weight[0,0]", "fc1.weight[1,0]", "fc1.weight[2,0]"]
    assert "fc2.weight[2,23]" in meta["params"] and meta["params"][-1] == "out.bias[0]"
    assert len(meta["params"]) == sum(p.numel() for p in model.parameters())
    names = snap.node_names
    # fc1 has 24 features: its first 16 are curves; the activation's second call is act@2
    assert [n for n in names if n.startswith("fc1.")] == [f"fc1.{k}" for k in range(16)]
    assert "act@2.2" in names and "act@2.3" not in names and names[-1] == "output"
    modules = {(m["path"], m["call"]): m for m in meta["torch"]["modules"]}
    assert modules[("fc1", 1)]["features"] == 24 and modules[("fc1", 1)]["curves"] == 16
    # curves equal the model's modules run by torch with the last snapshot's parameters (the model's own)
    x = torch.tensor(snap.grid).reshape(-1, 1)
    with torch.no_grad():
        h1 = model.fc1(x)
        h2 = model.fc2(model.act(h1))
        expected = {"fc1.5": h1[:, 5], "act.5": model.act(h1)[:, 5], "fc2.1": h2[:, 1], "act@2.1":
                    model.act(h2)[:, 1], "output": model(x)[:, 0]}
    for name, values in expected.items():
        np.testing.assert_allclose(snap.curve(0, name)[-1], values.numpy(), rtol=0, atol=1e-14, err_msg=name)
    # snapshot 0 is the model as it was when the recorder was made
    init = {k: torch.tensor(v) for k, v in _unflatten(meta, snap.params[0, 0]).items()}
    np.testing.assert_allclose(snap.curve(0, "output")[0], torch_forward(model, snap.grid, init), atol=1e-14)
    # panels: the last leaf calls (out's output is not the model's: it has + x), then the output
    titles = [p["title"] for p in meta["panels"]]
    assert titles == ["act (SiLU): 16 of 24", "fc2 (Linear)", "act (SiLU), call 2", "out (Linear)",
                      "output vs sin πx"]


def _unflatten(meta, row):
    out, at = {}, 0
    for key, shape in meta["torch"]["state"].items():
        n = math.prod(shape)
        out[key] = np.asarray(row[at:at + n]).reshape(shape)
        at += n
    return out


def test_recording_leaves_the_model_as_it_was_and_evaluates_a_float32_model_in_float64():
    torch.manual_seed(3)
    model = nn.Sequential(nn.Linear(1, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Linear(4, 1))  # hooks: BatchNorm
    rec = TorchRecorder(model, every=5, grid_points=21)
    train(model, rec, updates=10)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    model.train()
    snap = rec.snapshot()
    assert model.training and all(m.training for m in model.modules())
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    assert snap.meta["torch"]["evaluated_in"] == "float64" and snap.meta["torch"]["dtype"] == "float32"
    # the running statistics are part of what is recorded: the output at the end is the eval-mode model's
    model.eval()
    np.testing.assert_allclose(snap.curve(0, "output")[-1], torch_forward(model, snap.grid), rtol=1e-6,
                               atol=1e-6)


# ------------------------------------------------------------------------------------ the training loop


@pytest.mark.parametrize("make", [lambda: mlp((3,), nn.LeakyReLU, dtype=torch.float32),
                                  lambda: Residual()], ids=["family", "hooks"])
def test_training_with_and_without_the_recorder_gives_the_same_parameters_bit_for_bit(make):
    torch.manual_seed(5)
    plain = make()
    torch.manual_seed(5)
    recorded = make()
    torch.manual_seed(11)
    train(plain, updates=40, optimizer="adam", lr=0.01)
    after_plain = torch.random.get_rng_state()
    torch.manual_seed(11)
    rec = TorchRecorder(recorded, target="x^2", every=7, grid_points=21)
    train(recorded, rec, updates=40, optimizer="adam", lr=0.01)
    rec.snapshot()
    assert torch.equal(torch.random.get_rng_state(), after_plain)  # the recorder drew nothing
    for a, b in zip(plain.parameters(), recorded.parameters()):
        assert torch.equal(a, b)


def test_snapshots_every_n_updates_or_at_given_counts_and_the_train_loss_between_them(tmp_path):
    model = mlp((2,), nn.ReLU)
    rec = TorchRecorder(model, every=4, grid_points=11)
    losses = []
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for k in range(10):
        x = torch.full((1, 1), 0.1 * k, dtype=torch.float64)
        loss = (model(x) - 1).abs().sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        rec.step(loss)
        losses.append(float(loss.detach()))
    snap = rec.snapshot()
    assert list(snap.steps) == [0, 4, 8, 10]  # step 0, every 4, and the last
    assert math.isnan(snap.train_loss[0, 0])
    np.testing.assert_allclose(snap.train_loss[0, 1:], [np.mean(losses[0:4]), np.mean(losses[4:8]),
                                                        np.mean(losses[8:10])], rtol=1e-15)
    assert snap.meta["runs"][0]["samples"] == 10

    model = mlp((2,), nn.ReLU)
    rec = TorchRecorder(model, steps=[0, 1, 3, 7], grid_points=11)
    train(model, rec, updates=9)
    snap = rec.snapshot()
    assert list(snap.steps) == [0, 1, 3, 7, 9]
    assert snap.meta["schedule"] == {"kind": "explicit", "steps": [0, 1, 3, 7], "marks": []}
    assert load_snapshot(rec.save(tmp_path / "explicit.npz")).meta["schedule"] == snap.meta["schedule"]


def test_targets_as_text_functions_or_values():
    grid = np.linspace(-0.5, 2.5, 31)
    for target, name, expected in (("x^3-x", "x³−x", grid ** 3 - grid), (np.cos, "target", np.cos(grid)),
                                   (np.sin(grid), "target", np.sin(grid))):
        model = mlp((2,), nn.ReLU)
        rec = TorchRecorder(model, target=target, grid_points=31)
        train(model, rec, updates=2)
        snap = rec.snapshot()
        np.testing.assert_allclose(snap.target, expected, rtol=1e-15, atol=1e-15)
        assert snap.meta["target_name"] == name
    rec = TorchRecorder(mlp((2,), nn.ReLU), target=np.cos, target_name="cos x")
    assert rec.target_name == "cos x"


def test_the_saved_file_loads_as_the_snapshot_and_save_runs_puts_runs_side_by_side(tmp_path):
    recs = []
    for seed, lr in ((0, 0.05), (1, 0.02)):
        model = mlp((2,), nn.LeakyReLU, seed=seed)
        rec = TorchRecorder(model, target="x^2", every=10, grid_points=21, lr=lr, label="run")
        train(model, rec, updates=30, lr=lr)
        recs.append(rec)
    path = recs[0].save(tmp_path / "one")
    assert path.name == "one.npz"
    loaded, fresh = load_snapshot(path), recs[0].snapshot()
    assert np.array_equal(loaded.params, fresh.params) and np.allclose(loaded.curves, fresh.curves, rtol=0,
                                                                         atol=1e-15)
    both = load_snapshot(save_runs(recs, tmp_path / "both.npz", name="two_lrs"))
    assert both.meta["scene"] == "two_lrs" and both.run_labels == ["run", "run #2"]
    assert both.params.shape[0] == 2 and np.array_equal(both.params[1], recs[1].snapshot().params[0])
    assert [r["lr"] for r in both.meta["runs"]] == [0.05, 0.02]
    # runs of different models, grids or steps are refused, naming what differs; nothing written
    other = mlp((3,), nn.LeakyReLU)
    wide = TorchRecorder(other, target="x^2", every=10, grid_points=21)
    train(other, wide, updates=30)
    with pytest.raises(TorchRecorderError, match="differs .* in its nodes"):
        save_runs([recs[0], wide], tmp_path / "bad.npz")
    short = mlp((2,), nn.LeakyReLU)
    early = TorchRecorder(short, target="x^2", every=10, grid_points=21)
    train(short, early, updates=20)
    with pytest.raises(TorchRecorderError, match="snapshot steps"):
        save_runs([recs[0], early], tmp_path / "bad.npz")
    assert not (tmp_path / "bad.npz").exists()


# --------------------------------------------------------------------------------------------- bad input


def _no_file_written(folder) -> bool:
    return not any(p.suffix == ".npz" or ".tmp" in p.name for p in folder.rglob("*"))


class TwoArgs(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(1, 1)

    def forward(self, x, mask):
        return self.fc(x) * mask


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 1)

    def forward(self, x):
        return self.fc(x)


@pytest.mark.parametrize("model, message", [
    (lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)), "takes 2 inputs"),
    (lambda: nn.Sequential(nn.Linear(1, 3), nn.ReLU(), nn.Linear(3, 2)), "has 2 outputs"),
    (lambda: TwoInputs(), r"fails for x of shape \(301, 1\), one input feature"),
    (lambda: nn.Linear(1, 2), "has 2 outputs"),
    (lambda: TwoArgs(), "forward needs more than x"),
    (lambda: nn.ReLU(), "no parameters"),
    (lambda: "a model", "give a torch.nn.Module"),
], ids=["2-inputs", "2-outputs", "2-inputs-custom", "2-outputs-custom", "more-than-x", "no-params", "str"])
def test_a_model_it_cannot_record_is_one_line_at_construction(model, message):
    with pytest.raises(TorchRecorderError, match=message) as e:
        TorchRecorder(model())
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("kwargs, message", [
    ({"every": 0}, "every=0"), ({"grid_points": 1}, "grid_points=1"), ({"loss": "huber"}, "loss='huber'"),
    ({"target": "x^^2"}, "target='x\\^\\^2'"), ({"data_range": (2, 0)}, "data_range"),
    ({"x_range": (0, 1), "data_range": (0, 2)}, "must hold"), ({"steps": ["a"]}, "steps"),
])
def test_bad_settings_are_one_line(kwargs, message):
    with pytest.raises(TorchRecorderError, match=message):
        TorchRecorder(mlp(), **kwargs)


def test_step_before_an_update_or_with_a_non_finite_loss_is_one_line_and_nothing_is_written(tmp_path):
    model = mlp((2,), nn.ReLU)
    rec = TorchRecorder(model)
    with pytest.raises(TorchRecorderError, match=r"after opt\.step\(\)"):
        rec.step(torch.tensor(0.5))  # no update yet
    train(model, rec, updates=1)
    with pytest.raises(TorchRecorderError, match=r"since the previous step.*after opt\.step\(\)"):
        rec.step(torch.tensor(0.5))  # twice for one update
    model[0].weight.data.add_(1.0)
    for bad in (torch.tensor(float("nan")), float("inf")):
        with pytest.raises(TorchRecorderError, match="training diverged"):
            rec.step(bad)
    with pytest.raises(TorchRecorderError, match="3 values"):
        rec.step(torch.ones(3))
    assert rec.count == 1
    with pytest.raises(TorchRecorderError, match="nothing recorded yet"):
        TorchRecorder(mlp()).save(tmp_path / "empty.npz")
    assert _no_file_written(tmp_path)


@pytest.mark.parametrize("where, message", [("missing/run.npz", "does not exist"), (".", "is a folder"),
                                            ("file.txt/run.npz", "is a file, not a folder")])
def test_a_path_that_cannot_be_written_is_one_line(tmp_path, where, message):
    (tmp_path / "file.txt").write_text("x")
    model = mlp((2,), nn.ReLU)
    rec = TorchRecorder(model)
    train(model, rec, updates=1)
    with pytest.raises(TorchRecorderError, match=message):
        rec.save(tmp_path / where)
    assert _no_file_written(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_without_write_permission_is_one_line(tmp_path):
    model = mlp((2,), nn.ReLU)
    rec = TorchRecorder(model)
    train(model, rec, updates=1)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(TorchRecorderError, match="cannot write"):
            rec.save(locked / "run.npz")
        assert _no_file_written(locked)
    finally:
        locked.chmod(0o700)


def test_without_torch_the_front_door_imports_and_a_recorder_says_how_to_install_it():
    code = ("import sys; sys.modules['torch'] = None\n"
            "from render.torch import TorchRecorder, TorchRecorderError\n"
            "try:\n    TorchRecorder(object())\nexcept TorchRecorderError as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ('PyTorch is not installed: pip install "ourdl-render[torch]" '
                                  '(or pip install torch)')


def test_importing_render_and_its_record_stage_never_imports_torch():
    code = ("import sys, render, render.record, render.record.recorder, render.record.check, render.torch, "
            "render.record.torch_recorder; render.Recorder; print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
