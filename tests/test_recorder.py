"""`Recorder`: a learner's own loop, recorded in three lines, without changing a bit of its training."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from ourdl.core import Graph, Varrible
from ourdl.ops import Add, LeakyRelu, Mul, Relu, Tanh
from ourdl.ops.loss import SquareLoss, ValueLoss
from render import Recorder
from render.record import load_snapshot, record
from render.record.recorder import RecorderError
from render.record.recorder_scene import nice_range
from scenes import Panel, Run, get_scene
from scenes.chapter import FIG8, PANELS, PARAMS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "own_loop.py"
XS = Run("data").data()  # the built-in scenes' 1500 samples: uniform(0, 2), data seed 0


def chapter_net(init: dict = FIG8) -> SimpleNamespace:
    """The chapter's network built the tutorial's way, node by node, in a graph of its own."""
    graph = Graph()
    with graph.as_default():
        x, label = Varrible(), Varrible()
        w_11, w_12, b_11, b_12, w_21, w_22, b_21 = (Varrible(train=True) for _ in PARAMS)
        add_11 = Add([Mul(parent1=x, parent2=w_11), b_11])
        add_12 = Add([Mul(parent1=x, parent2=w_12), b_12])
        mul_21 = Mul(LeakyRelu(add_11), w_21)
        mul_22 = Mul(LeakyRelu(add_12), w_22)
        add_21 = Add([mul_21, mul_22, b_21])
        loss = ValueLoss([label, add_21])
    params = [w_11, w_12, b_11, b_12, w_21, w_22, b_21]
    for p, name in zip(params, PARAMS):
        p.set_value(init[name])
    return SimpleNamespace(graph=graph, x=x, label=label, add_21=add_21, loss=loss, params=params)


def recorder(net: SimpleNamespace, **kw) -> Recorder:
    return Recorder(input=net.x, output=net.add_21, label=net.label, loss=net.loss, **kw)


def train(net: SimpleNamespace, xs: list[float], rec: Recorder | None = None, before_clear: bool = True,
          save_every: int = 0, folder: Path | None = None) -> None:
    """The tutorial's loop, with `rec.step()` after the updates, before or after `clear()`."""
    for i, xv in enumerate(xs):
        net.x.set_value(xv)
        net.label.set_value(xv * xv)
        net.loss.forward()
        for p in net.params:
            p.get_grad()
            p.update(0.01)
        if rec and before_clear:
            rec.step()
        net.loss.clear()
        if rec and not before_clear:
            rec.step()
        if rec and save_every and (i + 1) % save_every == 0:
            rec.save(folder / f"at_{i + 1}.npz")  # snapshots taken mid-training change nothing either


@pytest.fixture(scope="module")
def fig8():
    return record(get_scene("fig8"))


@pytest.mark.parametrize("before_clear", [True, False])
def test_training_is_bit_identical_with_and_without_the_recorder(tmp_path, before_clear):
    plain = chapter_net()
    train(plain, XS)
    watched = chapter_net()
    rec = recorder(watched, every=5)
    train(watched, XS, rec, before_clear=before_clear, save_every=500, folder=tmp_path)
    assert [p.value.hex() for p in watched.params] == [p.value.hex() for p in plain.params]
    assert all(type(p.value) is float for p in watched.params)
    assert len(list(tmp_path.glob("at_*.npz"))) == 3 and rec.count == 1500


def test_a_snapshot_leaves_every_value_and_grad_as_the_loop_left_them(tmp_path):
    net = chapter_net()
    rec = recorder(net, every=1)
    train(net, XS[:30], rec)
    net.x.set_value(0.7)
    net.label.set_value(0.49)
    net.loss.forward()
    for p in net.params:
        p.get_grad()
        p.update(0.01)
    rec.step()  # mid-step: values and grads are cached in every node
    before = [(n, n.value, n.grad, n.name) for n in net.graph.nodes]
    assert all(n.value is not None for n in net.graph.nodes)
    rec.save(tmp_path / "mid.npz")
    rec.snapshot()
    for n, value, grad, name in before:
        assert n.value is value and n.grad is grad and n.name is name is None, n


def test_the_example_records_what_the_fig8_scene_records(tmp_path, fig8):
    """examples/own_loop.py (the chapter's script + three lines) against the built-in scene, same data and
    init: the file's curves go through the snapshot encoding, hence 1e-12 rather than equality."""
    out = tmp_path / "my_run.npz"
    done = subprocess.run([sys.executable, str(EXAMPLE), str(out)], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"render video {out}" in done.stdout
    mine = load_snapshot(out)
    np.testing.assert_array_equal(mine.steps, fig8.steps)
    np.testing.assert_array_equal(mine.grid, fig8.grid)
    np.testing.assert_array_equal(mine.params, fig8.params)  # exactly, at every one of the 151 steps
    assert np.max(np.abs(mine.curves - fig8.curves)) <= 1e-12
    np.testing.assert_array_equal(mine.train_loss, fig8.train_loss)
    np.testing.assert_allclose(mine.eval_loss, fig8.eval_loss, rtol=0, atol=1e-12)
    for key in ("nodes", "params", "input", "output", "label", "loss", "data_range", "x_range", "activation"):
        assert mine.meta[key] == fig8.meta[key], key
    assert [(p["nodes"], p["colors"], p["target"]) for p in mine.meta["panels"]] == [
        (list(p.nodes), list(p.colors), p.target) for p in PANELS]
    assert mine.meta["runs"][0]["init"] == FIG8


def test_the_example_in_memory_equals_fig8_bit_for_bit(tmp_path, fig8, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(EXAMPLE), str(tmp_path / "r.npz")])
    with Graph().as_default():  # the example's nodes join this graph, not the global one
        names = runpy.run_path(str(EXAMPLE), run_name="own_loop")
    mine = names["rec"].snapshot()
    for key in ("steps", "grid", "target", "curves", "params", "train_loss", "eval_loss"):
        np.testing.assert_array_equal(getattr(mine, key), getattr(fig8, key), err_msg=key)


def test_defaults_come_from_the_data_seen(fig8):
    net = chapter_net()
    rec = recorder(net)
    train(net, XS[:400], rec)
    snap = rec.snapshot()
    assert snap.meta["data_range"] == [0.0, 2.0] and snap.meta["x_range"] == [-0.5, 2.5]
    np.testing.assert_array_equal(snap.grid, fig8.grid)
    inside = (snap.grid >= 0) & (snap.grid <= 2)
    assert np.all(np.isnan(snap.target[~inside]))  # no labels seen there: no target drawn
    assert np.max(np.abs(snap.target[inside] - snap.grid[inside] ** 2)) < 0.05  # clamped at the very ends
    middle = (snap.grid >= 0.1) & (snap.grid <= 1.9)
    assert np.max(np.abs(snap.target[middle] - snap.grid[middle] ** 2)) < 1e-3
    assert snap.meta["target_name"] == "label"
    assert snap.steps.tolist() == list(range(0, 401, 10))
    assert snap.meta["runs"][0]["samples"] == 400
    assert list(snap.meta["runs"][0]["init"].values()) == [FIG8[n] for n in PARAMS]


def test_the_last_step_is_kept_when_it_is_off_the_schedule():
    net = chapter_net()
    rec = recorder(net, every=10)
    train(net, XS[:25], rec)
    snap = rec.snapshot()
    assert snap.steps.tolist() == get_scene("fig8").schedule.steps(25).tolist() == [0, 10, 20, 25]
    assert snap.params[0, -1].tolist() == [p.value for p in net.params]
    assert np.isnan(snap.train_loss[0, 0]) and np.all(np.isfinite(snap.train_loss[0, 1:]))


def test_everything_is_settable():
    net = chapter_net()
    x, add_21, label, loss = net.x, net.add_21, net.label, net.loss  # the names the recording will use
    rec = Recorder(input=x, output=add_21, label=label, loss=loss, every=5, data_range=(0.0, 1.0),
                   x_range=(-1.0, 3.0), grid_points=41, target=lambda g: 2 * g, target_name="2x", name="mine",
                   description="about it", title="my row", lr=0.01, params=net.params[:2],
                   panels=[[add_21, "mul_1"], Panel("t", ("add_21",), (3,), target=True)])
    train(net, XS[:10], rec)
    s = rec.snapshot()
    assert s.grid.tolist() == np.linspace(-1, 3, 41).tolist() and s.target.tolist() == (2 * s.grid).tolist()
    m = s.meta
    assert (m["scene"], m["description"], m["target_name"]) == ("mine", "about it", "2x")
    assert m["data_range"] == [0, 1] and m["runs"][0]["label"] == "my row" and m["runs"][0]["lr"] == 0.01
    assert [p["nodes"] for p in m["panels"]] == [["add_21", "mul_1"], ["add_21"]]  # unbound: kind and order
    assert m["panels"][0]["target"] is True and m["panels"][1]["colors"] == [3]
    assert s.params.shape == (1, 3, 2) and len(m["params"]) == 2


def test_names_are_the_callers_variables_then_name_then_kind_and_order():
    graph = Graph()
    with graph.as_default():
        x, y = Varrible(), Varrible(name="y_true")
        ws = [Varrible(train=True) for _ in range(3)]
        hidden = Relu(Add([Mul(x, ws[0]), ws[1]], name="pre"))
        out = Mul(hidden, ws[2], name="pre")  # a duplicate name= gets a suffix
        loss = SquareLoss([y, out])
    for w in ws:
        w.set_value(0.5)
    rec = Recorder(input=x, output=out, label=y, loss=loss)
    assert sorted(rec.names.values()) == sorted(["x", "y_true", "ws[0]", "ws[1]", "ws[2]", "mul_1", "pre",
                                                 "hidden", "pre_2", "loss"])
    x.set_value(1.0)
    y.set_value(1.0)
    rec.step()
    meta = rec.snapshot().meta
    assert meta["params"] == ["ws[0]", "ws[1]", "ws[2]"]
    assert meta["input"] == "x" and meta["label"] == "y_true"
    assert [n.name for n in graph.nodes] == [None, "y_true", None, None, None, None, "pre", None, "pre", None]


def test_panels_follow_the_layers_of_any_graph():
    graph = Graph()
    with graph.as_default():
        x = Varrible()
        ws = [Varrible(train=True) for _ in range(8)]
        t_1 = Tanh(Add([Mul(x, ws[0]), ws[1]]))
        t_2 = Tanh(Add([Mul(x, ws[2]), ws[3]]))
        pre_3 = Add([Mul(t_1, ws[4]), Mul(t_2, ws[5])])
        r_3 = Relu(pre_3)
        out = Add([Mul(r_3, ws[6]), ws[7]])
        line = Add([Mul(x, ws[0]), ws[1]])
    for w in ws:
        w.set_value(0.3)
    deep = Recorder(input=x, output=out, every=1)
    x.set_value(0.5)
    deep.step()
    panels = deep.snapshot().meta["panels"]
    assert [(p["title"], p["nodes"], p["colors"]) for p in panels] == [
        ("layer 1: pre-activations", ["add_1", "add_2"], [0, 1]),
        ("layer 2: pre-activations", ["pre_3"], [0]),
        ("weighted activations", ["mul_5"], [0]),
        ("output vs label", ["out"], [2])]
    linear = Recorder(input=x, output=line)
    linear.step()
    snap = linear.snapshot()
    assert [p["nodes"] for p in snap.meta["panels"]] == [["line"]]
    assert snap.meta["label"] is None and snap.meta["loss"] is None and np.all(np.isnan(snap.train_loss))


def test_a_diverging_loop_is_noted_where_it_diverged():
    net = chapter_net()
    rec = recorder(net)
    for i, xv in enumerate(XS[:200]):
        net.x.set_value(xv)
        net.label.set_value(xv * xv)
        net.loss.forward()
        for p in net.params:
            p.get_grad()
            p.update(1e200 if i == 50 else 0.01)
        rec.step()
        net.loss.clear()
    assert rec.snapshot().meta["runs"][0]["diverged_at"] == 51


def test_render_video_renders_it_in_every_format_and_the_player_recomputes_it(tmp_path):
    from render.web.player import computable, player_html

    net = chapter_net()
    rec = recorder(net, every=20)
    train(net, XS[:200], rec)
    path = rec.save(tmp_path / "my_run")  # the suffix is added
    assert path.name == "my_run.npz" and [p.name for p in tmp_path.iterdir()] == ["my_run.npz"]
    done = subprocess.run([sys.executable, "-m", "render", "video", str(path), "--format", "gif,mp4,webm,png",
                           "--quality", "low", "--duration", "0.5", "--hold", "0", "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["my_run.gif", "my_run.mp4", "my_run.png",
                                                                    "my_run.webm"]
    snap = load_snapshot(path)
    assert computable(snap.meta) and "ourdl-player" in player_html(snap)


def test_show_plays_a_recorder_in_a_notebook():
    from render import show

    net = chapter_net()
    rec = recorder(net, every=20, name="nb")
    train(net, XS[:60], rec)
    anim = show(rec, mode="jshtml", max_frames=4)
    assert anim.snapshot.meta["scene"] == "nb" and anim.snapshot.steps.tolist() == [0, 20, 40, 60]
    assert "<img" in anim._repr_html_() or "data:image/png" in anim._repr_html_()


def test_import_render_stays_light_and_recorder_needs_no_matplotlib():
    code = ("import sys, render; assert 'numpy' not in sys.modules; from render import Recorder; "
            "print('matplotlib' in sys.modules, Recorder.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "render.record.recorder"]


def _unconnected():
    net = chapter_net()
    with net.graph.as_default():
        stray = Varrible()
        other_loss = ValueLoss([net.label, Mul(net.x, stray)])
    return net, stray, other_loss


@pytest.mark.parametrize("case, words", [
    ("no input", "Recorder needs input="),
    ("no output", "Recorder needs output="),
    ("input not a node", "must be an ourdl node"),
    ("input not connected", "is not connected to output"),
    ("loss not connected", "is not connected to output"),
    ("label not connected", "is not connected to loss"),
    ("param not connected", "is not a leaf the output depends on"),
    ("no initial value", "create the Recorder after giving every parameter"),
    ("every 0", "every=0"),
    ("panel of unknown node", "not a node the output depends on"),
])
def test_mistakes_raise_one_clear_error_each(case, words):
    net, stray, other_loss = _unconnected()
    kw = {"input": net.x, "output": net.add_21, "label": net.label, "loss": net.loss}
    if case == "no input":
        del kw["input"]
    elif case == "no output":
        del kw["output"]
    elif case == "input not a node":
        kw["input"] = [1.0]
    elif case == "input not connected":
        kw["input"] = stray
    elif case == "loss not connected":
        kw["loss"] = other_loss
    elif case == "label not connected":
        kw["label"] = stray
    elif case == "param not connected":
        kw["params"] = [stray]
    elif case == "no initial value":
        net.params[3].set_value(None)
    elif case == "every 0":
        kw["every"] = 0
    elif case == "panel of unknown node":
        kw["panels"] = [["add_21", "nope"]]
    with pytest.raises(RecorderError, match=".*") as info:
        Recorder(**kw)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_saving_before_any_step_says_to_call_step(tmp_path):
    rec = recorder(chapter_net())
    with pytest.raises(RecorderError, match=r"nothing recorded yet: call rec.step\(\)"):
        rec.save(tmp_path / "x.npz")
    assert list(tmp_path.iterdir()) == []


def test_step_without_an_input_value_says_so():
    rec = recorder(chapter_net())
    with pytest.raises(RecorderError, match="has no value"):
        rec.step()


def _bad_paths(tmp_path: Path) -> list[tuple[Path, str]]:
    (tmp_path / "a_file").write_text("x")
    paths = [(tmp_path / "missing" / "x.npz", "does not exist"), (tmp_path / "a_file" / "x.npz", "is a file"),
             (tmp_path, "it is a folder")]
    if sys.platform.startswith("linux"):
        paths.append((Path("/proc/x.npz"), "cannot write /proc/x.npz"))
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        paths.append((locked / "x.npz", "cannot write"))
    return paths


def test_an_unwritable_path_is_one_clear_error_and_leaves_nothing(tmp_path):
    net = chapter_net()
    rec = recorder(net)
    train(net, XS[:20], rec)
    for path, words in _bad_paths(tmp_path):
        with pytest.raises(RecorderError) as info:
            rec.save(path)
        assert words in str(info.value), str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) in (["a_file"], ["a_file", "locked"])


def test_nice_range_rounds_outward():
    assert nice_range(0.0004, 1.9991) == (0.0, 2.0)
    assert nice_range(0.03, 0.97) == (0.0, 1.0)
    assert nice_range(-3.2, 4.9) == (-3.5, 5.0)
    assert nice_range(1.0, 1.0) == (0.5, 1.5)
