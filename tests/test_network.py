"""The chapter's network as a family (scenes/network.py, scenes/family.py): names, update order, limits,
inits, panels; H = 2 is the chapter's recording byte for byte; the scalar loop and the lockstep engine
train any architecture, target and data points to the same bits."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pytest

from render.record import load_snapshot, record, save_snapshot
from render.record.diff import compare, load_recording
from render.record.goldens import golden_path, record_golden
from render.record.lockstep import LockstepRuns, PerRunStream, SharedStream
from render.record.runs import record_run
from render.record.snapshot import SnapshotError
from scenes import Panel, Run, get_scene
from scenes.base import SEED
from scenes.chapter import ACTIVATIONS, FIG8, LOSSES, PARAMS, build
from scenes.family import with_network
from scenes.network import Names, build_network, parse_hidden, separated, translate, unit_color
from scenes.network_panels import MAX_PANELS, network_panels


@dataclasses.dataclass(frozen=True)
class Stand:
    """A target as scenes.targets makes one (duck-typed: .fn, .name, .text)."""

    text: str
    name: str
    fn: object


SIN = Stand("sin", "sin πx", lambda x: np.sin(np.pi * x))
CUBIC = Stand("x^3-x", "x³−x", lambda x: x * x * x - x)


def names_of(hidden):
    net = build_network(hidden)
    return [p.name for p in net.params], net


def signature(net):
    return [(type(n).__name__, n.name, [p.name for p in n.parents], n.train) for n in net.graph.nodes]


# -- names and update order ------------------------------------------------------------------------


def test_one_hidden_layer_keeps_the_tutorials_names():
    assert names_of((1,))[0] == ["w_11", "b_11", "w_21", "b_21"]
    assert names_of((2,))[0] == list(PARAMS)
    params, net = names_of((3,))
    assert params == ["w_11", "w_12", "w_13", "b_11", "b_12", "b_13", "w_21", "w_22", "w_23", "b_21"]
    assert net.output.name == "add_21" and net.loss.name == "loss"
    assert [p.name for p in net.node("add_21").parents] == ["mul_21", "mul_22", "mul_23", "b_21"]
    assert [p.name for p in net.node("mul_23").parents] == ["relu_13", "w_23"]
    assert [p.name for p in net.node("relu_13").parents] == ["add_13"]
    assert [p.name for p in net.node("mul_13").parents] == ["x", "w_13"]


def test_two_units_are_the_chapters_graph_node_for_node():
    for activation in ACTIVATIONS:
        for loss in LOSSES:
            assert signature(build_network((2,), activation, loss)) == signature(build(activation, loss))


def test_ten_units_separate_every_index():
    params, net = names_of((10,))
    assert params[:2] == ["w_1_1", "w_1_2"] and params[9] == "w_1_10" and params[10] == "b_1_1"
    assert params[20:22] == ["w_2_1", "w_2_2"] and params[-1] == "b_2_1" and len(params) == 31
    assert net.output.name == "add_2_1"
    assert [p.name for p in net.node("mul_2_10").parents] == ["relu_1_10", "w_2_10"]
    assert separated((10,)) and not separated((9,)) and separated((1, 1))


def test_deep_nets_name_each_weight_by_unit_then_input():
    params, net = names_of((2, 3))
    assert params == ["w_1_1", "w_1_2", "b_1_1", "b_1_2",
                      "w_2_1_1", "w_2_1_2", "w_2_2_1", "w_2_2_2", "w_2_3_1", "w_2_3_2",
                      "b_2_1", "b_2_2", "b_2_3", "w_3_1", "w_3_2", "w_3_3", "b_3_1"]
    assert [p.name for p in net.node("mul_2_3_1").parents] == ["relu_1_1", "w_2_3_1"]
    assert [p.name for p in net.node("add_2_3").parents] == ["mul_2_3_1", "mul_2_3_2", "b_2_3"]
    assert [p.name for p in net.node("add_3_1").parents] == ["mul_3_1", "mul_3_2", "mul_3_3", "b_3_1"]
    params, net = names_of((3, 3, 3))
    assert len(params) == 3 + 3 + 2 * (9 + 3) + 3 + 1 and params[-4:] == ["w_4_1", "w_4_2", "w_4_3", "b_4_1"]
    assert params[6:9] == ["w_2_1_1", "w_2_1_2", "w_2_1_3"]
    assert params[18:21] == ["w_3_1_1", "w_3_1_2", "w_3_1_3"]
    assert net.output.name == "add_4_1"
    layers = [n.name for n in net.graph.nodes if n.name.startswith(("mul_", "add_", "relu_"))]
    order = [layers.index(n) for n in ("relu_1_3", "mul_2_1_1", "relu_3_1", "mul_4_1")]
    assert order == sorted(order)


@pytest.mark.parametrize("text, hidden", [("3", (3,)), (" 8 , 8 ", (8, 8)), ("32,1,1,32", (32, 1, 1, 32))])
def test_parse_hidden(text, hidden):
    assert parse_hidden(text) == hidden


@pytest.mark.parametrize("text", ["0", "-1", "33", "4,,4", "a", "", "3.0", "1,1,1,1,1", "1e1", "٣"])
def test_hidden_out_of_range_is_one_line(text):
    with pytest.raises(ValueError) as e:
        parse_hidden(text)
    assert "\n" not in str(e.value)
    with pytest.raises(ValueError):
        build_network((0,))


def test_unit_colours_skip_the_outputs():
    assert [unit_color(j) for j in range(5)] == [0, 1, 3, 4, 5] and unit_color(31) == 32


# -- inits -------------------------------------------------------------------------------------------


def initial(scene, run=0):
    names = [p.name for p in scene.net().params]
    return scene.runs[run].initial_values(names)


def test_more_units_keep_the_scenes_values_and_seed_the_new_ones():
    fig8 = get_scene("fig8")
    three = with_network(fig8, hidden=(3,))
    values = initial(three)
    assert {n: values[n] for n in PARAMS} == FIG8
    drawn = np.random.default_rng(SEED).uniform(-1, 1, 10)
    names = Names((3,)).params()
    new = ("w_13", "b_13", "w_23")
    assert [values[n] for n in new] == [drawn[names.index(n)] for n in new]
    assert three.runs[0].init_seed == SEED and three.name == "fig8-h3"
    moved = three.with_overrides(seed=7)  # --seed moves the draws, not the given values
    again = initial(moved)
    assert {n: again[n] for n in PARAMS} == FIG8 and again["w_13"] != values["w_13"]
    given = dataclasses.replace(three.runs[0], init_override={"w_13": 0.5})
    assert given.initial_values(names) == {**values, "w_13": 0.5}  # a value given moves no other


def test_separated_and_deep_nets_take_the_chapters_values_by_role():
    ten = initial(with_network(get_scene("fig8"), hidden=(10,)))
    pairs = {"w_1_1": "w_11", "b_1_2": "b_12", "w_2_2": "w_22", "b_2_1": "b_21"}
    assert [ten[n] for n in pairs] == [FIG8[n] for n in pairs.values()]
    deep = initial(with_network(get_scene("fig8"), hidden=(2, 2)))
    assert (deep["w_1_2"], deep["w_3_1"], deep["b_3_1"]) == (FIG8["w_12"], FIG8["w_21"], FIG8["b_21"])
    assert translate({"w_21": 1.0, "b_21": 2.0, "w_12": 3.0}, (2,), (1,)) == {"w_21": 1.0, "b_21": 2.0}
    assert with_network(get_scene("fig8"), hidden=(10,)).runs[0].label == \
        "Fig 8: w_1_1=-0.157, w_1_2=-0.107; the rest seeded"
    assert with_network(get_scene("fig8"), hidden=(1,)).runs[0].label == get_scene("fig8").runs[0].label


def test_a_seeded_scene_draws_every_parameter_from_its_seed():
    scene = with_network(get_scene("relu_quadratic"), hidden=(4,))
    names = Names((4,)).params()
    drawn = np.random.default_rng(3).uniform(-1, 1, len(names))
    assert list(initial(scene).values()) == drawn.tolist()


def test_unchanged_asks_give_the_scene_itself():
    fig8 = get_scene("fig8")
    assert with_network(fig8) is fig8 and fig8.with_network() is fig8
    assert with_network(fig8, hidden=(2,), data_range=(0.0, 2.0), x_range=(-0.5, 2.5)) is fig8


def test_names_say_what_changed():
    fig8 = get_scene("fig8")
    assert with_network(fig8, hidden=(8, 8)).name == "fig8-h8x8" == fig8.with_network(hidden=(8, 8)).name
    assert with_network(fig8, target=SIN).name == "fig8-t-sin"
    cubic = with_network(fig8, target=CUBIC).name
    assert cubic.startswith("fig8-t-x_3_x_") and cubic != with_network(fig8,
        target=Stand("x^3+x", "x³+x", lambda x: x * x * x + x)).name
    assert with_network(fig8, data_range=(0.0, 4.0)).name == "fig8-dr0_4"
    assert with_network(fig8, x_range=(-1.5, 2.5)).name == "fig8-xr-1p5_2p5"
    pts = with_network(fig8, points=np.array([[0.0, 1.0], [2.0, 3.0]]), points_name="my data.csv")
    assert pts.name == "fig8-d-my_data_" + pts.name.rsplit("_", 1)[1] and "." not in pts.name


def test_refusals_are_one_line():
    fig8 = get_scene("fig8")
    cases = [
        (lambda: with_network(get_scene("adaline"), hidden=(3,)), "not the chapter's network"),
        (lambda: get_scene("relu_vs_leakyrelu").with_network(hidden=(3, 3)), "sweeps one hidden layer"),
        (lambda: with_network(fig8, target=Stand("log(x)", "log x", np.log)), "NaN or infinite"),
        (lambda: with_network(fig8, target=SIN, points=np.zeros((2, 2))), "give one of them"),
        (lambda: with_network(fig8, x_range=(0.0, 1.0)), "must hold the data range"),
        (lambda: with_network(fig8, data_range=(1.0, 1.0)), "LO < HI"),
        (lambda: with_network(fig8, points=np.array([[0.0, np.nan]])), "finite"),
    ]
    for make, words in cases:
        with pytest.raises(ValueError) as e:
            make()
        assert words in str(e.value) and "\n" not in str(e.value)
    assert with_network(get_scene("relu_vs_leakyrelu"), hidden=(2,), target=SIN).target_name == "sin πx"


# -- panels ------------------------------------------------------------------------------------------


def test_panels_follow_the_network_and_end_on_the_sum():
    one = network_panels((3,), "x²")
    muls = ("mul_21", "mul_22", "mul_23")
    assert [p.nodes for p in one] == [("add_11", "add_12", "add_13"), ("relu_11", "relu_12", "relu_13"), muls,
                                      (*muls, "add_21")]
    assert [p.colors for p in one][-1] == (0, 1, 3, 2) and one[-1].kind == "sum" and one[-1].target
    assert all(p.title_zh for p in one)
    for hidden in [(1,), (2, 2), (3, 3, 3), (2, 2, 2, 2), (32, 32, 32, 32)]:
        panels = network_panels(hidden, "x²", points=True)
        assert len(panels) <= MAX_PANELS and panels[-1].kind == "sum" and not panels[-1].target
        assert panels[-1].nodes[-1] == Names(hidden).output
    assert [p.title for p in network_panels((2, 2, 2, 2), "x²")][:4] == [
        f"layer {k}: act(w·{'x' if k == 1 else 'a'} + b)" for k in (1, 2, 3, 4)]
    with pytest.raises(ValueError, match="at least one contribution"):
        Panel("s", ("add_21",), (2,), kind="sum")
    assert Panel("s", ("mul_21", "add_21"), (0, 2), kind="sum").describe()["kind"] == "sum"


def test_a_sum_panel_that_does_not_end_on_the_output_is_refused(tmp_path):
    snap = record(with_network(get_scene("fig8"), hidden=(3,)).with_overrides(samples=20, every=10))
    path = save_snapshot(snap, tmp_path / "ok.npz")
    assert load_snapshot(path).meta["panels"][-1]["kind"] == "sum"
    bad = dict(snap.meta, panels=[dict(snap.meta["panels"][-1], nodes=["add_21", "mul_21"], colors=[2, 0])])
    with pytest.raises(SnapshotError, match="sum panel"):
        load_snapshot(save_snapshot(dataclasses.replace(snap, meta=bad), tmp_path / "bad.npz"))


# -- H = 2 is the chapter, byte for byte ----------------------------------------------------------------


def test_two_units_through_the_family_record_the_chapters_bytes(tmp_path):
    fig8 = get_scene("fig8")
    family = dataclasses.replace(fig8, build=functools.partial(build_network, (2,)))
    plain = save_snapshot(record(fig8), tmp_path / "plain.npz").read_bytes()
    assert save_snapshot(record(family), tmp_path / "family.npz").read_bytes() == plain
    assert save_snapshot(record(with_network(fig8, hidden=(2,))), tmp_path / "same.npz").read_bytes() == plain
    # and against the golden, as `render check` compares
    assert compare(load_recording(golden_path("fig8")), record_golden(family)) == []


# -- the scalar loop and the lockstep engine, bit for bit ---------------------------------------------


TARGETS = [SIN, CUBIC, Stand("x^2", "x²", lambda x: x * x), Stand("abs", "|x−1|", lambda x: np.abs(x - 1)),
           Stand("bump", "bump", lambda x: np.exp(-8 * (x - 1) ** 2))]
#: piecewise-linear activations are +, * and comparisons: the same bits on floats and arrays; Sigmoid and
#: Tanh call math.exp / math.tanh on floats and numpy's on arrays, which may differ in the last bit
EXACT = ("Relu", "LeakyRelu", "Step")


def architectures(count: int, seed: int = 25):
    rng = np.random.default_rng(seed)
    for k in range(count):
        layers = int(rng.integers(1, 4))
        hidden = tuple(int(h) for h in rng.integers(1, 17, layers))
        if sum(hidden) > 24 and layers > 1:  # keep the deep ones small: the test stays fast
            hidden = tuple(min(h, 5) for h in hidden)
        yield (hidden, ACTIVATIONS[k % len(ACTIVATIONS)], list(LOSSES)[k % 2], TARGETS[k % len(TARGETS)],
               k % 3 == 2)


@pytest.mark.parametrize("hidden, activation, loss, target, points", list(architectures(15)),
                         ids=lambda v: str(v) if not isinstance(v, Stand) else v.text)
def test_random_architectures_train_the_same_bits_both_ways(hidden, activation, loss, target, points):
    fig8 = get_scene("fig8")
    rng = np.random.default_rng(sum(hidden))
    if points:
        xy = np.column_stack([rng.uniform(-1, 3, 37), rng.normal(size=37)])
        scene = with_network(fig8, hidden=hidden, points=xy, points_name="p.csv")
    else:
        scene = with_network(fig8, hidden=hidden, target=target)
    scene = dataclasses.replace(scene, activation=activation, loss=loss, grid_points=11)
    runs = [Run(f"r{i}", init_seed=40 + i, data_seed=90 + i, samples=120, lr=0.005) for i in range(3)]
    names = [p.name for p in scene.net().params]
    init = np.array([[r.initial_values(names)[n] for n in names] for r in runs])
    lock = LockstepRuns(scene.net(), init, 0.005)
    lock.train(PerRunStream.of(scene, [r.data_seed for r in runs]), 120)
    grid = scene.grid()
    for i, run in enumerate(runs):
        scalar = record_run(scene, run, np.array([0, 120]), grid, scene.target(grid))
        assert scalar["meta"]["diverged_at"] is None
        if activation in EXACT:
            np.testing.assert_array_equal(lock.params()[i], scalar["params"][-1])
        else:
            np.testing.assert_allclose(lock.params()[i], scalar["params"][-1], rtol=1e-11, atol=1e-12)
    shared = LockstepRuns(scene.net(), init, 0.005)
    xs, ys = scene.samples(runs[0])
    shared.train(SharedStream(xs, ys=ys), 120)
    one = record_run(scene, dataclasses.replace(runs[1], data_seed=runs[0].data_seed), np.array([0, 120]),
                     grid, scene.target(grid))
    if activation in EXACT:
        np.testing.assert_array_equal(shared.params()[1], one["params"][-1])


def test_points_are_sampled_by_the_one_rule_and_evaluated_on():
    xy = np.array([[0.0, 1.0], [0.5, -1.0], [1.0, 2.0], [2.0, 0.5]])
    scene = with_network(get_scene("fig8"), points=xy, points_name="p.csv")
    assert scene.data_range == (0.0, 2.0) and scene.x_range == (-0.5, 2.5) and scene.target_name == "p.csv"
    run = dataclasses.replace(scene.runs[0], samples=200)
    u = np.random.default_rng(run.data_seed).uniform(0, 1, 200)
    xs, ys = scene.samples(run)
    index = np.floor(u * 4).astype(int)
    assert xs == xy[index, 0].tolist() and ys == xy[index, 1].tolist()
    snap = record(dataclasses.replace(scene, runs=(run,)).with_overrides(every=100))
    assert snap.meta["points"] == xy.tolist() and snap.meta["points_count"] == 4
    assert "target_expr" not in snap.meta and np.isnan(snap.target).all()
    net = scene.net()
    for p, v in zip(net.params, snap.params[0, -1]):
        p.set_value(float(v))
    outputs = []
    for x, y in xy:
        net.graph.clear()
        net.x.set_value(float(x))
        outputs.append(abs(net.output.forward() - y))
    assert snap.eval_loss[0, -1] == pytest.approx(np.mean(outputs), rel=1e-12)


def test_a_target_expression_is_written_to_meta_and_the_titles():
    snap = record(with_network(get_scene("fig8"), target=SIN).with_overrides(samples=30, every=10))
    assert snap.meta["target_expr"] == "sin" and snap.meta["target_name"] == "sin πx"
    assert snap.meta["panels"][-1]["title"].endswith("vs sin πx")
    np.testing.assert_array_equal(snap.target, np.sin(np.pi * snap.grid))


def test_a_big_nets_step_clears_each_node_once_to_the_same_state(monkeypatch):
    """train_step clears a net of many parameters node by node, not path by path (32**4 paths through four
    layers of 32 units): the same values and grads after every step as the tutorial's recursive clear."""
    import ourdl.core.node as node

    def trained(many: int) -> list:
        monkeypatch.setattr(node, "MANY_PARAMS", many)
        net = build_network((4, 4, 4), "LeakyRelu")
        rng = np.random.default_rng(1)
        for p in net.params:
            p.set_value(float(rng.uniform(-1, 1)))
        states = []
        for x in rng.uniform(0, 2, 50):
            net.x.set_value(float(x))
            net.label.set_value(float(x * x))
            node.train_step(net.loss, net.params, [0.01] * len(net.params))
            states.append([(n.value, n.grad) for n in net.graph.nodes])
        return states

    assert len(build_network((4, 4, 4)).params) < 64 and trained(0) == trained(10**9)



def test_a_node_with_a_clear_of_its_own_is_cleared_as_the_tutorials_recursion_does(monkeypatch):
    import ourdl.core.node as node
    from ourdl.core import Graph, Varrible
    from ourdl.ops import Add, Mul

    calls = []

    class Counted(Add):
        def clear(self) -> None:
            calls.append(self.name)
            super().clear()

    def step(many: int) -> list:
        monkeypatch.setattr(node, "MANY_PARAMS", many)
        calls.clear()
        with Graph().as_default():
            x, w = Varrible(0.5, name="x"), Varrible(0.3, train=True, name="w")
            shared = Counted([Mul(x, w), w], name="shared")  # reached by two paths
            top = Add([Mul(shared, w), shared], name="top")
        node.train_step(top, [w], [0.1])
        return [calls.copy(), w.value, shared.value, shared.grad]

    assert step(0) == step(10**9) and step(0)[0] == ["shared", "shared"]
