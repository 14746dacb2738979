"""The earlier chapter as scenes (issue 17): per-parameter learning rates, the data range, the adaline scenes
against the tutorial's own loops, the data and surface panels' arrays and figure, and a user's class
named like a built-in op.

Recordings are the scenes' own (1000 samples, a third of a second each) or cut with --steps/--every.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from typer.testing import CliRunner

import ourdl.ops as ops
from ourdl.core import Graph, Node, Varrible
from ourdl.ops import Mul
from ourdl.ops.loss import ValueLoss
from render.app.cli import app
from render.draw.panels_shared import panel_box, surface_colors, surface_edges
from render.record import record
from render.record.diff import compare, load_recording
from render.record.lockstep import LockstepRuns, PerRunStream
from render.record.runs import graph_meta, name_nodes, snapshot_row
from render.record.snapshot import load_snapshot, save_snapshot
from render.web.player import computable, runs_data
from scenes import Net, Panel, Run, Scene, Schedule, get_scene
from scenes.adaline import GRAPH_LR, GRAPH_SEED, build, build_graph, line


@pytest.fixture(scope="module")
def adaline():
    return record(get_scene("adaline"))


@pytest.fixture(scope="module")
def adaline_graph():
    return record(get_scene("adaline_graph"))


# ------------------------------------------------------------------------------- per-parameter learning rates


def test_lr_for_gives_each_parameter_its_own_rate_or_the_run_s():
    run = Run("r", lr=0.01, lrs={"b": 0.1})
    assert run.lr_for(["w", "b"]) == [0.01, 0.1]
    assert Run("r", lr=0.02).lr_for(["w", "b"]) == [0.02, 0.02]
    with pytest.raises(ValueError, match="learning rate for c, which is not a parameter"):
        Run("r", lrs={"c": 0.1}).lr_for(["w", "b"])


def test_lr_override_sets_every_parameter_and_forgets_the_scene_s_rates():
    scene = get_scene("adaline")
    assert scene.runs[0].lr_for(["w", "b"]) == [0.05, 0.1]
    changed = scene.with_overrides(lr=0.02)
    assert changed.runs[0].lrs is None and changed.runs[0].lr_for(["w", "b"]) == [0.02, 0.02]


def test_lockstep_rows_with_per_parameter_rates_equal_the_scalar_loop():
    """Two rates, each row its own data: every row is the tutorial's scalar loop, bit for bit; a frozen
    row stays where it is while the others move on with their own rates."""
    inits = np.array([[0.0, 0.0], [0.3, -0.2], [-0.4, 0.4]])
    seeds, lrs, n = [3, 4, 5], [0.05, 0.1], 300
    lock = LockstepRuns(build(), inits, lrs)
    lock.train(PerRunStream(seeds, -10.0, 10.0, line), n)
    for i, seed in enumerate(seeds):
        net = build()
        for p, v in zip(net.params, inits[i]):
            p.set_value(float(v))
        for xv in Run("", data_seed=seed, samples=n).data(-10.0, 10.0):
            net.x.set_value(xv)
            net.label.set_value(2 * xv + 1)
            net.loss.forward()
            for p, lr in zip(net.params, lrs):
                p.get_grad()
                p.update(lr)
            net.loss.clear()
        np.testing.assert_array_equal(lock.params()[i], [p.value for p in net.params])
    before = lock.params()
    lock.frozen[1] = True
    lock.train(PerRunStream(seeds, -10.0, 10.0, line), 50)
    after = lock.params()
    np.testing.assert_array_equal(after[1], before[1])
    assert np.all(after[[0, 2]] != before[[0, 2]])
    with pytest.raises(ValueError, match="3 learning rates for 2 parameters"):
        LockstepRuns(build(), inits, [0.1, 0.2, 0.3])


def test_data_range_default_is_the_chapter_s_and_a_scene_s_range_is_used():
    run = Run("r", data_seed=7, samples=50)
    assert run.data() == np.random.default_rng(7).uniform(0.0, 2.0, 50).tolist()
    xs = run.data(-10.0, 10.0)
    assert min(xs) < -5 and max(xs) > 5 and all(-10 <= x <= 10 for x in xs)


# ------------------------------------------------------------------------------------- the two scenes


def test_adaline_records_exactly_the_chapter_s_script(adaline):
    """The tutorial's adaline loop, written out as its script writes it (w.get_grad(), b.get_grad(),
    w.update(lr=0.05), b.update(lr=0.1), loss.clear()), on the scene's data: the recording's parameters
    are that loop's, bit for bit, at every snapshot."""
    x, w, b, label = Varrible(), Varrible(), Varrible(), Varrible()
    mul = Mul(parent1=x, parent2=w)
    add = ops.Add(parent1=mul, parent2=b)
    loss = ValueLoss(parent1=label, parent2=add)
    w.set_value(0)
    b.set_value(0)
    data_x = Run("", data_seed=0, samples=1000).data(-10, 10)
    data_label = [2 * v + 1 for v in data_x]
    expected = {0: (0, 0)}
    for i in range(len(data_x)):
        x.set_value(data_x[i])
        label.set_value(data_label[i])
        loss.forward()
        w.get_grad()
        b.get_grad()
        w.update(lr=0.05)
        b.update(lr=0.1)
        loss.clear()
        expected[i + 1] = (w.value, b.value)
    got = {int(s): tuple(adaline.params[0, k]) for k, s in enumerate(adaline.steps)}
    assert got == {s: expected[s] for s in got}
    assert adaline.meta["runs"][0]["lrs"] == {"w": 0.05, "b": 0.1}
    assert adaline.meta["activation"] is None
    np.testing.assert_array_equal(adaline.extra["data_x"][0], data_x)
    np.testing.assert_array_equal(adaline.extra["data_y"][0], data_label)


def test_adaline_graph_records_exactly_the_graph_api_loop(adaline_graph):
    """The rewrite's loop: graph.forward([x], label), graph.backward(lr), graph.clear(), from the values
    `init_params` draws (with the scene's seeded generator): the recording is that loop, bit for bit."""
    net = build_graph()
    graph = net.graph
    assert graph.nodes_in == [net.x] and graph.nodes_out == [net.output] and graph.node_loss is net.loss
    graph.init_params(np.random.default_rng(GRAPH_SEED))
    start = [p.value for p in graph.params()]
    np.testing.assert_array_equal(adaline_graph.params[0, 0], start)
    data_x = Run("", data_seed=0, samples=1000).data(-10, 10)
    losses, expected = [], {0: tuple(start)}
    for i, xv in enumerate(data_x):
        losses.append(graph.forward([xv], 2 * xv + 1))
        graph.backward(GRAPH_LR)
        graph.clear()
        expected[i + 1] = tuple(p.value for p in graph.params())
    got = {int(s): tuple(adaline_graph.params[0, k]) for k, s in enumerate(adaline_graph.steps)}
    assert got == {s: expected[s] for s in got}
    steps = adaline_graph.steps
    mean = np.array([np.mean(losses[a:b]) for a, b in zip(steps[:-1], steps[1:])])
    np.testing.assert_array_equal(adaline_graph.train_loss[0, 1:], mean)
    assert graph.predict([3.0])[0] == pytest.approx(7.0, abs=0.3)  # it learned 2x + 1


def test_both_fit_2x_plus_1_and_the_graph_api_run_jitters_less(adaline, adaline_graph):
    w, b = adaline.params[0, -1]
    assert abs(w - 2) < 0.2 and abs(b - 1) < 0.3
    late = slice(len(adaline.steps) // 2, None)
    assert np.median(adaline_graph.eval_loss[0, late]) < np.median(adaline.eval_loss[0, late]) / 2


def test_activation_is_a_one_line_usage_error_on_a_graph_without_one():
    result = CliRunner().invoke(app, ["record", "adaline", "--activation", "Relu", "-o", "x.npz"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: --activation: adaline has no hidden activation to swap"]
    with pytest.raises(ValueError, match="no hidden activation"):
        get_scene("adaline").with_overrides(activation="Relu")


# ------------------------------------------------------------------------------------- panel arrays


def test_surface_is_the_evaluation_loss_over_the_mesh(adaline):
    """At every mesh point the surface is the recorder's evaluation loss of the net with those parameters
    (snapshot_row, the scalar path); at every snapshot the lockstep evaluation of the recorded parameters is
    the recorded eval_loss."""
    z, sx, sy = (adaline.extra[k] for k in ("surface", "surface_x", "surface_y"))
    assert z.shape == (81, 81) and sx[0] <= -0.5 and sx[-1] >= 3.5 and sy[0] <= -1 and sy[-1] >= 3
    scene = get_scene("adaline")
    grid, target = adaline.grid, adaline.target
    in_range = scene.data_mask(grid)
    net = build()
    name_nodes(net)
    nodes = [n for n in net.graph.nodes if n.parents]
    for j, i in [(0, 0), (40, 50), (80, 80), (17, 63)]:
        net.params[0].set_value(float(sx[i]))
        net.params[1].set_value(float(sy[j]))
        _, _, ev = snapshot_row(net, nodes, grid, target, in_range)
        assert z[j, i] == pytest.approx(ev, rel=1e-13, abs=1e-13)
    lock = LockstepRuns(build(), adaline.params[0], 0.0)
    np.testing.assert_allclose(lock.eval_loss(grid[in_range], target[in_range]), adaline.eval_loss[0],
                               rtol=1e-13, atol=1e-13)
    assert z.min() < 0.2 and np.unravel_index(z.argmin(), z.shape) == (40, 50)  # (w, b) = (2, 1)


def test_surface_box_grows_to_hold_a_path_that_leaves_the_panel_s_extent():
    snap = record(get_scene("adaline").with_overrides(lr=1.0, samples=200, every=20))
    path = snap.params[0]
    sx, sy = snap.extra["surface_x"], snap.extra["surface_y"]
    assert sx[0] < path[:, 0].min() and sx[-1] > path[:, 0].max() > 3.5
    assert sy[0] < path[:, 1].min() and sy[-1] > path[:, 1].max()


def test_panel_arrays_survive_a_file_and_name_their_axes(adaline, tmp_path):
    path = save_snapshot(adaline, tmp_path / "a.npz")
    back = load_snapshot(path)
    for key in ("data_x", "data_y", "surface", "surface_x", "surface_y"):
        np.testing.assert_array_equal(back.extra[key], adaline.extra[key])
    assert back.meta["axes"]["surface"] == ["surface_y", "surface_x"]
    assert back.meta["surface"]["params"] == ["w", "b"]
    moved = load_recording(path)
    moved.arrays["surface"] = moved.arrays["surface"].copy()
    moved.arrays["surface"][40, 50] += 1e-6
    diffs = compare(load_recording(path), moved)
    assert [d.key for d in diffs] == ["surface"]
    assert "surface_y" in str(diffs[0].lines())


def test_curves_scenes_write_no_panel_arrays():
    snap = record(get_scene("fig8").with_overrides(samples=100, every=50))
    assert snap.extra == {} and "axes" not in snap.meta and "surface" not in snap.meta


def test_panels_refuse_bad_declarations():
    with pytest.raises(ValueError, match="two parameters"):
        Panel("s", kind="surface", params=("w",))
    with pytest.raises(ValueError, match="unknown kind"):
        Panel("s", kind="scatter")
    with pytest.raises(ValueError, match="one colour per node"):
        Panel("s", ("add",), ())
    scene = dataclasses.replace(get_scene("adaline"), panels=(Panel("s", kind="surface", params=("w", "c")),))
    with pytest.raises(ValueError, match="no parameter named c"):
        record(scene.with_overrides(samples=10, every=5))


# ------------------------------------------------------------------------------------- drawing


def test_the_figure_draws_the_samples_seen_and_the_path_so_far(adaline):
    from render.draw.scene_figure import SceneFigure

    fig = SceneFigure(adaline, size=(854, 480))
    data, surface = fig.extras[0]
    i = 40
    step = int(adaline.steps[i])
    fig.update(i)
    old, new = (len(a.get_xdata()) for a in (data.old, data.new))
    assert old + new == step and new == min(10, step)
    np.testing.assert_array_equal(data.new.get_xdata(), adaline.extra["data_x"][0, step - new:step])
    assert len(surface.trail.get_xdata()) == i + 2  # the path so far and its head
    assert surface.head.get_xdata()[0] == adaline.params[0, i, 0]
    assert set(data.animated + surface.animated) <= set(fig.animated)
    fig.update(i + 0.5)  # between snapshots the head is on the segment
    assert surface.head.get_xdata()[0] == pytest.approx(adaline.params[0, i:i + 2, 0].mean())


def test_limits_and_contour_bands_are_decided_once_for_video_and_page(adaline):
    panels = adaline.meta["panels"]
    keep = [np.ones(len(adaline.steps), bool)]
    xlim, ylim = panel_box(adaline, panels[1], keep)
    assert xlim == [adaline.extra["surface_x"][0], adaline.extra["surface_x"][-1]]
    xlim, ylim = panel_box(adaline, panels[0], keep)
    assert xlim == [-12.0, 12.0] and ylim[0] < -24 and ylim[1] > 26  # the target's range on the grid
    z = adaline.extra["surface"]
    edges = surface_edges(z)
    assert edges[0] == 0 and edges[-1] == z.max() and np.all(np.diff(np.log(edges[1:])) > 0)
    assert len(surface_colors("light")) == len(edges) - 1 == len(surface_colors("dark"))
    data = runs_data(adaline)
    assert data["surface"]["edges"] == list(edges) and data["panels"][1]["kind"] == "surface"
    assert data["panels"][1]["xlim"] == panel_box(adaline, panels[1], keep)[0]


# ------------------------------------------------------------------------------ a user's class named Add


class Add(Node):
    """A user's own op, in the tutorial's style, that happens to share ourdl's name (and not its maths)."""

    def compute(self):
        self.value = self.parents[0].value + 2 * self.parents[1].value

    def get_parent_grad(self, parent):
        return 1.0 if parent is self.parents[0] else 2.0


def build_own(activation: str | None = None) -> Net:
    graph = Graph()
    with graph.as_default():
        x, w, b, label = (Varrible(name=n, train=n in "wb") for n in ("x", "w", "b", "label"))
        out = Add(Mul(x, w, name="mul"), b, name="add")
        loss = ValueLoss([label, out], name="loss")
    return Net(graph=graph, x=x, label=label, output=out, loss=loss, params=(w, b))


def test_a_user_class_named_like_ours_is_not_taken_for_ours(tmp_path):
    net = build_own()
    meta = graph_meta(net)
    assert {n["name"]: n.get("builtin", True) for n in meta["nodes"]} == {"mul": True, "add": False,
                                                                          "loss": True}
    assert not computable(meta)
    assert computable(graph_meta(build()))
    scene = Scene("own_add", "a user's Add", build_own, (Run("r", init={"w": 0.5, "b": 0.0}, samples=40),),
                  (Panel("out", ("add",), (0,), target=True),), Schedule("linear", every=20), activation=None)
    snap = record(scene)
    page = runs_data(snap)
    assert page["graph"] is None and page["curves"] is not None  # the page draws the recorded curves

    from render.web.lab import lab_data
    from scenes.base import square

    with pytest.raises(ValueError, match=r"cannot train Add \(your own class\)"):
        lab_data(dataclasses.replace(scene, target=square))
