"""New ops written the way the series teaches: subclass `Node` (or `Op`, `LossFunction`), override
`compute(self)` to set `self.value` from `self.parents`, and `get_parent_grad(self, parent)`.

They must work wherever a built-in op works: scalar training, curves over a grid, lockstep runs with
(R, 1) parameters, the recorder and the player page.
"""

from __future__ import annotations

import numpy as np
import pytest

from ourdl.core import Graph, Node, Varrible, train_step
from ourdl.ops import Add, LeakyRelu, Mul, Op, ValueLoss
from ourdl.ops.loss import LossFunction
from scenes import Net, Panel, Run, Scene, Schedule

PARAMS = ("w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21")
FIG8 = [-0.1571950013426796, -0.1070365984042347, 0.3791639008324807, 0.31960284774415215,
        0.4263410176300597, 0.5097967360623379, 0.7597168751185974]


# ------------------------------------------------------------------------------ a reader's own ops


class Softplus(Node):
    """log(1 + e^t): a smooth Relu."""

    def compute(self):
        t = self.parents[0].value
        self.value = np.log(1 + np.exp(t))

    def get_parent_grad(self, parent):
        return 1 / (1 + np.exp(-self.parents[0].value))


class SquaredError(LossFunction):
    """(label - y)^2, label first as in the tutorial's ValueLoss."""

    def compute(self):
        d = self.parents[0].value - self.parents[1].value
        self.value = d * d

    def get_parent_grad(self, parent):
        d = self.parents[0].value - self.parents[1].value
        return 2 * d if parent == self.parents[0] else -2 * d


class TutorialLeakyRelu(Op):
    """The tutorial's LeakyRelu, written its way (scalars only, as the series' code is)."""

    def compute(self):
        t = self.parents[0].value
        self.value = t if t >= 0 else t * 0.1

    def get_parent_grad(self, parent):
        return 1. if self.parents[0].value > 0 else 0.1


class TutorialValueLoss(LossFunction):
    """The tutorial's |label - y|, with its `flag` set in compute and read in get_parent_grad."""

    def compute(self):
        self.value = self.parents[0].value - self.parents[1].value
        self.flag = self.value > 0
        if not self.flag:
            self.value = -self.value

    def get_parent_grad(self, parent):
        a = 1 if self.flag else -1
        b = 1 if parent == self.parents[0] else -1
        return a * b


def chapter_net(act=LeakyRelu, loss_cls=ValueLoss) -> Net:
    """The chapter's 1-2-1 network with the given activation and loss classes, named nodes."""
    graph = Graph()
    with graph.as_default():
        x, label = Varrible(name="x"), Varrible(name="label")
        w_11, w_12, b_11, b_12, w_21, w_22, b_21 = (Varrible(train=True, name=n) for n in PARAMS)
        add_11 = Add([Mul(x, w_11, name="mul_11"), b_11], name="add_11")
        add_12 = Add([Mul(x, w_12, name="mul_12"), b_12], name="add_12")
        h_1, h_2 = act([add_11], name="act_11"), act([add_12], name="act_12")
        add_21 = Add([Mul(h_1, w_21, name="mul_21"), Mul(h_2, w_22, name="mul_22"), b_21], name="add_21")
        loss = loss_cls([label, add_21], name="loss")
    return Net(graph=graph, x=x, label=label, output=add_21, loss=loss,
               params=(w_11, w_12, b_11, b_12, w_21, w_22, b_21))


def scalar_train(net: Net, xs: list[float], init: list[float], lr: float = 0.01) -> list[float]:
    """The tutorial's loop on floats; returns the losses."""
    for p, v in zip(net.params, init):
        p.set_value(v)
    losses = []
    for xv in xs:
        net.x.set_value(xv)
        net.label.set_value(xv * xv)
        losses.append(net.loss.forward())
        for p in net.params:
            p.get_grad()
            p.update(lr)
        net.loss.clear()
    return losses


# ------------------------------------------------------------------------------ the protocol itself


def test_tutorial_style_clones_of_the_builtins_train_bit_for_bit_like_them():
    xs = np.random.default_rng(0).uniform(0, 2, 1500).tolist()
    ours, theirs = chapter_net(), chapter_net(TutorialLeakyRelu, TutorialValueLoss)
    assert scalar_train(ours, xs, FIG8) == scalar_train(theirs, xs, FIG8)
    assert [p.value for p in ours.params] == [p.value for p in theirs.params]
    assert ours.params[0].value > 0  # Fig 8's fit: the first-layer slopes turned positive


def _numeric(final: Node, leaf: Node, eps: float = 1e-6):
    base = leaf.value

    def total(v):
        final.graph.clear()
        leaf.set_value(v)
        return float(np.sum(final.forward()))

    if np.ndim(base) == 0:
        g = (total(base + eps) - total(base - eps)) / (2 * eps)
    else:
        g = np.empty_like(base)
        for idx in np.ndindex(base.shape):
            up, down = base.copy(), base.copy()
            up[idx] += eps
            down[idx] -= eps
            g[idx] = (total(up) - total(down)) / (2 * eps)
    final.graph.clear()
    leaf.set_value(base)
    return g


@pytest.mark.parametrize("w_shape, x_shape", [((), ()), ((3, 1), (1, 4)), ((3, 1), (3, 1)), ((), (5,))])
def test_user_ops_gradients_on_floats_and_broadcast_arrays(w_shape, x_shape):
    """Softplus then SquaredError against finite differences: a float graph, lockstep (R, 1) parameters
    meeting (1, B) or (R, 1) data, and a curve over points."""
    rng = np.random.default_rng(1)
    g = Graph()
    with g.as_default():
        x, w, b, label = Varrible(), Varrible(train=True), Varrible(train=True), Varrible()
        h = Softplus(Add(Mul(x, w), b))
        loss = SquaredError([label, Mul(h, w)])  # w used twice: two paths to sum
    for leaf, shape in ((x, x_shape), (w, w_shape), (b, w_shape), (label, x_shape)):
        v = rng.uniform(-1.5, 1.5, shape)
        leaf.set_value(float(v) if shape == () else v)
    loss.forward()
    grads = [w.get_grad(), b.get_grad()]
    for leaf, grad in zip((w, b), grads):
        assert np.shape(grad) == w_shape
        np.testing.assert_allclose(grad, _numeric(loss, leaf), rtol=1e-6, atol=1e-8)


def test_user_ops_train_on_floats_and_draw_their_curve_over_a_grid():
    net = chapter_net(Softplus, SquaredError)
    xs = np.random.default_rng(2).uniform(0, 2, 3000).tolist()
    grid = np.linspace(0.0, 2.0, 41)

    def curve():
        net.graph.clear()
        net.x.set_value(grid)
        out = net.output.forward()
        net.graph.clear()
        return out

    for p, v in zip(net.params, FIG8):
        p.set_value(v)
    start = np.mean(np.abs(curve() - grid**2))
    losses = scalar_train(net, xs, FIG8)
    fitted = curve()
    assert fitted.shape == grid.shape
    # the grid's curve is the scalar forward at every point
    pointwise = []
    for v in grid:
        net.x.set_value(float(v))
        pointwise.append(net.output.forward())
        net.graph.clear()
    np.testing.assert_allclose(fitted, pointwise, rtol=1e-13, atol=1e-13)
    assert np.mean(np.abs(fitted - grid**2)) < start / 2
    assert np.mean(losses[-300:]) < np.mean(losses[:300]) / 2


def test_user_ops_train_in_lockstep_like_separate_scalar_runs():
    """R runs at once with (R, 1) parameters through `train_step` (the recorders' step): row r follows
    run r's scalar loop."""
    R, n = 4, 200
    rng = np.random.default_rng(3)
    inits = rng.uniform(-1, 1, (R, 7))
    data = rng.uniform(0, 2, (n, R))
    lock = chapter_net(Softplus, SquaredError)
    for j, p in enumerate(lock.params):
        p.set_value(inits[:, j:j + 1].copy())
    lrs = [0.01] * 7
    for i in range(n):
        lock.x.set_value(data[i][:, None])
        lock.label.set_value(data[i][:, None] ** 2)
        train_step(lock.loss, lock.params, lrs)
    together = np.concatenate([p.value for p in lock.params], axis=1)
    for r in range(R):
        net = chapter_net(Softplus, SquaredError)
        scalar_train(net, data[:, r].tolist(), inits[r].tolist())
        np.testing.assert_allclose(together[r], [p.value for p in net.params], rtol=1e-12, atol=1e-12)


def test_both_calling_conventions_answer_on_every_op():
    a, b = Varrible(), Varrible()
    a.set_value(2.0)
    b.set_value(3.0)
    m, s = Mul(a, b), Softplus(a)
    assert m.compute() == 6.0 and m.value == 6.0  # the tutorial's call: sets the value
    assert m.compute(4.0, 5.0) == 20.0 and m.value == 6.0  # ours: returns it
    assert m.get_parent_grad(a) == 3.0 and m.get_parent_grad(b) == 2.0
    s.forward()
    assert s.local_grad(0) == s.get_parent_grad(a) == 1 / (1 + np.exp(-2.0))
    with pytest.raises(ValueError, match="not a parent"):
        m.get_parent_grad(s)


def test_subclassing_a_builtin_the_tutorials_way():
    class Doubled(LeakyRelu):
        def compute(self):
            super().compute()
            self.value = 2 * self.value

        def get_parent_grad(self, parent):
            return 2 * super().get_parent_grad(parent)

    for t, value, grad in ((1.5, 3.0, 2.0), (-1.0, -0.2, 0.2)):
        a = Varrible()
        a.set_value(t)
        d = Doubled(a)
        assert d.forward() == pytest.approx(value) and a.get_grad() == pytest.approx(grad)


def test_ops_in_our_own_style_and_mixed_definitions():
    class Cube(Op):
        arity = 1

        def compute(self, t):
            return t ** 3

        def local_grad(self, index):
            return 3 * self.parents[0].value ** 2

    class Const(Node):  # no parents: compute(self) may return the value instead of setting it
        def compute(self):
            return 4.0

    class Square(Node):  # one parent used twice, compared the tutorial's way (==)
        def compute(self):
            self.value = self.parents[0].value * self.parents[1].value

        def get_parent_grad(self, parent):
            return self.parents[1].value if parent == self.parents[0] else self.parents[0].value

    class Tripled(Softplus):  # our way on top of the tutorial's, reusing its derivative
        def compute(self, t):
            return 3 * np.log(1 + np.exp(t))

        def local_grad(self, index):
            return 3 * super().local_grad(index)

    a = Varrible()
    a.set_value(2.0)
    out = Add(Cube(a), Square([a, a]), Const(), Tripled(a))
    assert out.forward() == 8.0 + 4.0 + 4.0 + 3 * np.log(1 + np.exp(2.0))
    assert a.get_grad() == pytest.approx(3 * 4.0 + 2 * 2.0 + 3 / (1 + np.exp(-2.0)), rel=1e-15)


def test_an_op_that_defines_nothing_says_so():
    class Empty(Node):
        pass

    a = Varrible()
    a.set_value(1.0)
    e = Empty(a)
    with pytest.raises(NotImplementedError, match="compute"):
        e.forward()
    e.value = 1.0
    with pytest.raises(NotImplementedError, match="get_parent_grad"):
        a.get_grad()


# ------------------------------------------------------------------------------ recorder and player


def softplus_build(activation: str = "Softplus") -> Net:
    return chapter_net(Softplus, SquaredError)


SCENE = Scene(
    "softplus_square", "A reader's Softplus and squared error, in the chapter's network.",
    softplus_build, (Run("Fig 8 init", init=dict(zip(PARAMS, FIG8)), samples=400, lr=0.01),),
    (Panel("hidden", ("add_11", "add_12"), (0, 1)), Panel("output", ("add_21",), (2,), target=True)),
    Schedule("linear", every=100), activation="Softplus", grid_points=61)


@pytest.fixture(scope="module")
def snapshot():
    from render.record import record

    return record(SCENE)


def test_the_recorder_records_user_ops(snapshot):
    kinds = {n["name"]: n["kind"] for n in snapshot.meta["nodes"]}
    assert kinds["act_11"] == "Softplus" and kinds["loss"] == "SquaredError"
    assert list(snapshot.steps) == [0, 100, 200, 300, 400]
    # the recorded parameters are the tutorial's loop on the same data, bit for bit
    run = SCENE.runs[0]
    net = softplus_build()
    losses = scalar_train(net, run.data(), FIG8)
    assert list(snapshot.params[0, -1]) == [p.value for p in net.params]
    assert snapshot.train_loss[0, -1] == pytest.approx(np.mean(losses[300:400]), rel=1e-12)
    # every recorded curve is the graph evaluated over the grid at that snapshot's parameters
    names = snapshot.node_names
    for s in (0, len(snapshot.steps) - 1):
        for p, v in zip(net.params, snapshot.params[0, s]):
            p.set_value(float(v))
        net.graph.clear()
        net.x.set_value(snapshot.grid)
        for name in ("act_12", "add_21"):
            node = net.node(name)
            np.testing.assert_array_equal(snapshot.curves[0, s, names.index(name)], node.forward())
    assert snapshot.eval_loss[0, -1] < snapshot.eval_loss[0, 0]


def test_the_player_embeds_the_curves_of_a_graph_it_cannot_compute(snapshot):
    from render.web.player import player_html, runs_data

    data = runs_data(snapshot)
    assert data["graph"] is None and data["curves"] and data["curveNodes"] == ["add_11", "add_12", "add_21"]
    assert "softplus_square" in player_html(snapshot)
