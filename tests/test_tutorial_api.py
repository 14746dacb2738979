"""Code written for the tutorial runs unchanged against ourdl (shared README §1 and §2)."""

import numpy as np
import pytest

from ourdl.core import Graph, Variable, Varrible, default_graph
from ourdl.ops import Add, LeakyRelu, Mul, Relu, Step
from ourdl.ops.loss import ValueLoss

FIG8 = [-0.1571950013426796, -0.1070365984042347, 0.3791639008324807, 0.31960284774415215,
        0.4263410176300597, 0.5097967360623379, 0.7597168751185974]


def tutorial_net():
    """The chapter's network, written the way the article writes it (all four parent forms)."""
    x, label = Varrible(), Varrible()
    w_11, w_12, b_11, b_12 = (Varrible(train=True) for _ in range(4))
    w_21, w_22, b_21 = Varrible(train=True), Varrible(train=True), Varrible(train=True)
    mul_11 = Mul(parent1=x, parent2=w_11)
    mul_12 = Mul(x, w_12)
    add_11 = Add([mul_11, b_11])
    add_12 = Add(mul_12, b_12)
    relu_11, relu_12 = LeakyRelu(add_11), LeakyRelu([add_12])
    mul_21, mul_22 = Mul([relu_11, w_21]), Mul(relu_12, w_22)
    add_21 = Add([mul_21, mul_22, b_21])
    loss = ValueLoss([label, add_21])
    params = [w_11, w_12, b_11, b_12, w_21, w_22, b_21]
    return x, label, add_21, loss, params


def train(x, label, loss, params, xs, lr=0.01):
    for xv in xs:
        x.set_value(xv)
        label.set_value(xv**2)
        loss.forward()
        for p in params:
            p.get_grad()
            p.update(lr)
        loss.clear()


def test_nodes_join_the_default_graph_and_link_both_ways():
    before = len(default_graph.nodes)
    a, b, c = Varrible(), Variable(), Varrible(train=True)
    s = Add([a, b, c])
    assert default_graph.nodes[before:] == [a, b, c, s]
    assert s.parents == [a, b, c] and a.children == [s]
    assert c.train and not a.train
    assert Varrible is Variable


def test_fig8_fits_and_its_first_layer_slopes_turn_positive():
    x, label, out, loss, params = tutorial_net()
    for p, v in zip(params, FIG8):
        p.set_value(v)
    train(x, label, loss, params, np.random.default_rng(0).uniform(0, 2, 1500).tolist())
    grid = np.linspace(0, 2, 201)
    x.set_value(grid)
    err = np.mean(np.abs(out.forward() - grid**2))
    loss.clear()
    assert err < 0.2
    assert params[0].value > 0 and params[1].value > 0
    assert all(type(p.value) is float for p in params)  # the scalar path stays on floats


def test_forward_computes_missing_parents_and_clear_keeps_leaf_values():
    a, b = Varrible(), Varrible()
    a.set_value(2.0)
    b.set_value(3.0)
    m = Mul(a, b)
    s = Add(m, a)
    assert s.forward() == 8.0 and m.value == 6.0
    assert s.get_grad() == 1 and a.get_grad() == 4.0  # through m (b=3) and directly (1)
    s.clear()
    assert s.value is None and m.value is None and s.grad is None and a.grad is None
    assert a.value == 2.0 and b.value == 3.0


def test_update_steps_against_the_gradient():
    w = Varrible(train=True)
    w.set_value(1.0)
    y = Mul(w, w)
    y.forward()
    w.get_grad()
    w.update(0.1)
    assert w.value == pytest.approx(1.0 - 0.1 * 2.0)


def test_graph_methods_train_like_the_loop():
    g = Graph()
    with g.as_default():
        x, label, out, loss, params = tutorial_net()
    assert len(g.nodes) == 19 and g.params() == params
    g.set_nodes([x], [out], loss, label)
    for p, v in zip(params, FIG8):
        p.set_value(v)
    xs = np.random.default_rng(1).uniform(0, 2, 300).tolist()
    for xv in xs:
        g.forward(xv, xv**2)
        g.backward(0.01)
    by_graph = [p.value for p in params]

    x2, label2, out2, loss2, params2 = tutorial_net()
    for p, v in zip(params2, FIG8):
        p.set_value(v)
    train(x2, label2, loss2, params2, xs)
    assert by_graph == [p.value for p in params2]
    (pred,) = g.predict(np.array([0.0, 1.0]))
    assert pred.shape == (2,) and out.value is pred  # the outputs keep their values, as in the tutorial


def test_init_params_is_uniform_in_half_interval_and_seedable():
    g = Graph()
    with g.as_default():
        ws = [Varrible(train=True) for _ in range(50)]
        Varrible()
    g.init_params(np.random.default_rng(5))
    values = [w.value for w in ws]
    assert all(-0.5 <= v <= 0.5 for v in values)
    g.init_params(np.random.default_rng(5))
    assert values == [w.value for w in ws]


@pytest.mark.parametrize("op, t, value, grad", [
    (Relu, 2.0, 2.0, 1.0), (Relu, -2.0, 0.0, 0.0), (Relu, 0.0, 0.0, 0.0),
    (LeakyRelu, 2.0, 2.0, 1.0), (LeakyRelu, -2.0, -0.2, 0.1), (LeakyRelu, 0.0, 0.0, 0.1),
    (Step, 2.0, 1.0, 0.0), (Step, -2.0, 0.0, -1.0), (Step, 0.0, 0.0, -1.0),
])
def test_activation_values_and_the_tutorials_derivative_conventions(op, t, value, grad):
    a = Varrible()
    a.set_value(t)
    n = op(a)
    assert n.forward() == pytest.approx(value)
    assert a.get_grad() == pytest.approx(grad)


@pytest.mark.parametrize("label, y, d_label", [(3.0, 1.0, 1.0), (1.0, 3.0, -1.0), (2.0, 2.0, -1.0)])
def test_value_loss_sign_convention(label, y, d_label):
    lab, out = Varrible(), Varrible()
    lab.set_value(label)
    out.set_value(y)
    loss = ValueLoss([lab, out])
    assert loss.forward() == abs(label - y)
    assert lab.get_grad() == d_label and out.get_grad() == -d_label


def test_mul_takes_exactly_two_parents():
    with pytest.raises(TypeError):
        Mul(Varrible(), Varrible(), Varrible())


def test_ourdl_imports_nothing_of_ours_and_no_matplotlib():
    """Data flows one way: render uses scenes uses ourdl; ourdl stands alone and stays light."""
    import subprocess
    import sys

    code = ("import sys, ourdl, ourdl.core, ourdl.ops, ourdl.ops.loss; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'scenes', 'render')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
