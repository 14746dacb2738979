"""Every op's derivative against central finite differences: floats, arrays, broadcasting shapes.

The final node of a graph whose value is an array stands for the sum of its elements, so each check
compares `leaf.get_grad()` with the finite-difference gradient of `sum(final.forward())`.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import ourdl.ops as ops
from ourdl.core import Graph, Variable, Varrible, reduce_to
from ourdl.ops.loss import SquareLoss, ValueLoss

R, B = 3, 4
EPS = 1e-6

#: (R, 1) parameters meeting (1, B) or (R, B) data, plus floats and same-shape arrays
SHAPES = [(), (R, 1), (1, B), (R, B)]
PAIRS = [(a, b) for a, b in itertools.product(SHAPES, SHAPES)]


def _values(shape, rng: np.random.Generator, away_from_zero: bool = True):
    """Random values kept away from 0 (the kinks of Relu, LeakyRelu, Step and |·|)."""
    v = rng.uniform(0.3, 1.5, shape) * rng.choice([-1.0, 1.0], shape)
    if not away_from_zero:
        v = rng.uniform(-1.5, 1.5, shape)
    return float(v) if shape == () else v


def _total(out) -> float:
    return float(np.sum(out))


def _numeric_grad(final, leaf) -> np.ndarray | float:
    """Central differences of sum(final) w.r.t. every element of `leaf`'s value."""
    base = leaf.value

    def evaluate(v):
        final.graph.clear()
        leaf.set_value(v)
        return _total(final.forward())

    if isinstance(base, float):
        g = (evaluate(base + EPS) - evaluate(base - EPS)) / (2 * EPS)
    else:
        g = np.empty_like(base)
        for idx in np.ndindex(base.shape):
            up, down = base.copy(), base.copy()
            up[idx] += EPS
            down[idx] -= EPS
            g[idx] = (evaluate(up) - evaluate(down)) / (2 * EPS)
    final.graph.clear()
    leaf.set_value(base)
    return g


def _analytic_grads(final, leaves):
    final.graph.clear()
    final.forward()
    return [leaf.get_grad() for leaf in leaves]


def _check(final, leaves, rtol=1e-6, atol=1e-6):
    grads = _analytic_grads(final, leaves)
    for leaf, g in zip(leaves, grads):
        expected = _numeric_grad(final, leaf)
        assert np.shape(g) == np.shape(leaf.value), (leaf.name, np.shape(g), np.shape(leaf.value))
        np.testing.assert_allclose(g, expected, rtol=rtol, atol=atol, err_msg=leaf.name)


def _leaves(graph: Graph, shapes, rng, **kw):
    with graph.as_default():
        return [Variable(_values(s, rng, **kw), name=f"v{i}") for i, s in enumerate(shapes)]


# ---------------------------------------------------------------------------------------------- binary


@pytest.mark.parametrize("shapes", PAIRS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("op", [ops.Add, ops.Mul, ValueLoss, SquareLoss])
def test_binary_op_matches_finite_differences(op, shapes):
    g = Graph()
    a, b = _leaves(g, shapes, np.random.default_rng(0))
    if op is ValueLoss:  # keep label − y away from 0, where |·| has its kink
        b.set_value(b.value * 0.1)
        a.set_value(np.abs(a.value) + 1.0 if isinstance(a.value, np.ndarray) else abs(a.value) + 1.0)
    with g.as_default():
        final = op([a, b])
    _check(final, [a, b])


@pytest.mark.parametrize("shapes", [((), (), ()), ((R, 1), (1, B), ()), ((R, 1), (R, B), (1, B)),
                                    ((1, B), (R, 1), (R, B))], ids=str)
def test_add_of_three_parents_with_broadcasting(shapes):
    g = Graph()
    leaves = _leaves(g, shapes, np.random.default_rng(1))
    with g.as_default():
        final = ops.Add(leaves)
    _check(final, leaves)


# ----------------------------------------------------------------------------------------------- unary

UNARY = [ops.Relu, ops.LeakyRelu, ops.Sigmoid, ops.Tanh]
#: (w, x, b) shapes for act(w·x + b): parameters (R, 1) against data (1, B) or (R, B), and floats
LAYER_SHAPES = [((), (), ()), ((R, 1), (), (R, 1)), ((R, 1), (1, B), (R, 1)), ((R, 1), (R, B), (R, 1)),
                ((R, B), (R, B), (R, B)), ((), (1, B), ())]


@pytest.mark.parametrize("shapes", LAYER_SHAPES, ids=str)
@pytest.mark.parametrize("op", UNARY)
def test_unary_op_matches_finite_differences(op, shapes):
    g = Graph()
    rng = np.random.default_rng(2)
    w, x, b = _leaves(g, shapes, rng)
    with g.as_default():
        act = op(ops.Add([ops.Mul(w, x), b]))
    # keep every pre-activation away from the kink at 0
    pre = act.parents[0]
    for _ in range(100):
        g.clear()
        if np.all(np.abs(pre.forward()) > 0.05):
            break
        b.set_value(_values(shapes[2], rng))
    else:  # pragma: no cover
        pytest.skip("no kink-free draw")
    _check(act, [w, x, b])


@pytest.mark.parametrize("shape", [(), (R, 1), (R, B)], ids=str)
@pytest.mark.parametrize("op", UNARY)
def test_unary_op_directly_on_a_leaf(op, shape):
    g = Graph()
    (t,) = _leaves(g, [shape], np.random.default_rng(3))
    with g.as_default():
        final = op(t)
    _check(final, [t])


@pytest.mark.parametrize("shape", [(), (R, 1), (R, B)], ids=str)
def test_step_uses_the_tutorials_derivative_convention(shape):
    """Step's true derivative is 0 almost everywhere; the tutorial uses 0 if t > 0 else −1."""
    g = Graph()
    (t,) = _leaves(g, [shape], np.random.default_rng(4))
    if shape == ():
        t.set_value(0.0)  # the boundary belongs to the "else" side
    else:
        t.value.flat[0] = 0.0
    with g.as_default():
        final = ops.Step(t)
    value = final.forward()
    np.testing.assert_array_equal(value, np.where(np.asarray(t.value) > 0, 1.0, 0.0))
    grad = t.get_grad()
    np.testing.assert_array_equal(grad, np.where(np.asarray(t.value) > 0, 0.0, -1.0))
    assert np.shape(grad) == np.shape(t.value)


def test_relu_and_leaky_relu_values_and_derivatives_at_the_kink():
    g = Graph()
    with g.as_default():
        t = Variable(np.array([-2.0, 0.0, 3.0]))
        relu, leaky = ops.Relu(t), ops.LeakyRelu(t)
    np.testing.assert_array_equal(relu.forward(), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(leaky.forward(), [-0.2, 0.0, 3.0])
    np.testing.assert_array_equal(relu.local_grad(0), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(leaky.local_grad(0), [0.1, 0.1, 1.0])


def test_value_loss_counts_a_zero_difference_as_negative():
    for label, y in [(1.0, 1.0), (np.array([1.0, 2.0]), np.array([1.0, 1.0]))]:
        g = Graph()
        with g.as_default():
            lab, out = Variable(label), Variable(y)
            loss = ValueLoss([lab, out])
        loss.forward()
        diff = np.asarray(label - y)
        np.testing.assert_array_equal(lab.get_grad(), np.where(diff > 0, 1.0, -1.0))
        np.testing.assert_array_equal(out.get_grad(), np.where(diff > 0, -1.0, 1.0))


# ------------------------------------------------------------------------------------ nodes used twice


@pytest.mark.parametrize("shape", [(), (R, 1), (R, B)], ids=str)
def test_a_node_used_twice_by_one_child(shape):
    g = Graph()
    a, b = _leaves(g, [shape, shape], np.random.default_rng(5), away_from_zero=False)
    with g.as_default():
        square = ops.Mul(a, a)
        final = ops.Add([square, ops.Add([a, a, b])])
    _check(final, [a, b])
    g.clear()
    final.forward()
    np.testing.assert_allclose(a.get_grad(), 2 * np.asarray(a.value) + 2)


def test_a_node_reached_through_children_of_different_shapes():
    """a (R, 1) feeds a child of shape (R, 1) and one of shape (R, B): no in-place broadcasting."""
    g = Graph()
    a, x = _leaves(g, [(R, 1), (1, B)], np.random.default_rng(6))
    with g.as_default():
        final = ops.Add([a, ops.Mul(a, x)])
    _check(final, [a, x])


# ------------------------------------------------------------------------------------ constructor forms


def test_all_four_constructor_forms():
    g = Graph()
    with g.as_default():
        a, b, c = Varrible(), Varrible(), Varrible()
        w = Varrible(train=True)
        s3 = ops.Add([a, b, c])
        s2 = ops.Add(a, b)
        m = ops.Mul(parent1=a, parent2=w)
        m2 = ops.Mul(a, w)
    assert Varrible is Variable
    assert w.train and not a.train and a.value is None
    assert s3.parents == [a, b, c] and s2.parents == [a, b]
    assert m.parents == [a, w] and m2.parents == [a, w]
    assert a.children == [s3, s2, m, m2] and w.children == [m, m2]
    assert g.nodes == [a, b, c, w, s3, s2, m, m2] and g.params() == [w]
    for v, node in zip([2.0, 3.0, 5.0, 7.0], [a, b, c, w]):
        node.set_value(v)
    assert (s3.forward(), s2.forward(), m.forward(), m2.forward()) == (10.0, 5.0, 14.0, 14.0)
    with pytest.raises(TypeError):
        ops.Mul([a, b, c], graph=g)
    with pytest.raises(TypeError):
        ops.Relu(a, b, graph=g)


def test_keyword_form_orders_parents_by_number():
    g = Graph()
    with g.as_default():
        label, y = Varrible(), Varrible()
        loss = ValueLoss(parent2=y, parent1=label)
    assert loss.parents == [label, y]


# ------------------------------------------------------------------------------------- the scalar path


def test_the_scalar_path_stays_on_python_numbers():
    """Training on floats must never produce numpy scalars (they are ~10x slower). Grads are Python floats,
    or ints where the tutorial's are: the loss's own grad 1, and the grads of its ValueLoss's sign ±1."""
    g = Graph()
    with g.as_default():
        x, label = Varrible(), Varrible()
        w, b = Varrible(0.5, train=True), Varrible(-0.2, train=True)
        out = ops.Add([ops.Mul(parent1=x, parent2=w), b])
        loss = ValueLoss([label, ops.Tanh(ops.LeakyRelu(ops.Sigmoid(out)))])
    for xv in (0.3, 1.7):
        x.set_value(xv)
        label.set_value(xv * xv)
        loss.forward()
        for p in (w, b):
            p.get_grad()
            p.update(0.01)
        for node in g.nodes:
            assert type(node.value) is float, node
            expected = int if node in (loss, loss.parents[1]) else float
            assert node.grad is None or type(node.grad) is expected, node
        loss.clear()


def test_reduce_to_sums_over_broadcast_axes():
    grad = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(reduce_to(grad, np.zeros((3, 1))), grad.sum(axis=1, keepdims=True))
    np.testing.assert_array_equal(reduce_to(grad, np.zeros((1, 4))), grad.sum(axis=0, keepdims=True))
    np.testing.assert_array_equal(reduce_to(grad, np.zeros(4)), grad.sum(axis=0))
    assert reduce_to(grad, 1.0) == grad.sum() and type(reduce_to(grad, 1.0)) is float
    assert reduce_to(2.5, np.zeros((3, 1))) == 2.5
