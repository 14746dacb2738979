"""Independent cross-check: ourdl's Fig 8 trajectory against a hand-written float implementation."""

import numpy as np
import pytest
import reference_net as ref

from ourdl.core import Graph, Varrible
from ourdl.ops import Add, LeakyRelu, Mul
from ourdl.ops.loss import ValueLoss
from render.record import record
from scenes import get_scene

N = 1500
TOL = 1e-12


@pytest.fixture(scope="module")
def reference():
    return ref.train(ref.FIG8, ref.data(0, N))


def ourdl_trajectory(init, xs, lr=0.01):
    """The tutorial's loop on the chapter's graph, written as the article writes it."""
    with Graph().as_default():
        x, label = Varrible(), Varrible()
        w_11, w_12, b_11, b_12, w_21, w_22, b_21 = params = [Varrible(train=True) for _ in range(7)]
        add_11 = Add([Mul(parent1=x, parent2=w_11), b_11])
        add_12 = Add(Mul(x, w_12), b_12)
        add_21 = Add([Mul(LeakyRelu(add_11), w_21), Mul(LeakyRelu(add_12), w_22), b_21])
        loss = ValueLoss([label, add_21])
    for p, v in zip(params, init):
        p.set_value(v)
    out = []
    for xv in xs:
        x.set_value(xv)
        label.set_value(xv * xv)
        loss.forward()
        for p in params:
            p.get_grad()
            p.update(lr)
        loss.clear()
        out.append([p.value for p in params])
    return np.array(out)


def test_reference_reproduces_the_articles_fig8_fit(reference):
    """The twin itself is right: Fig 8 fits within 1500 samples with both first-layer slopes positive."""
    final = reference[-1].params
    grid = np.linspace(0, 2, 201)
    err = np.mean([abs(ref.forward(final, x) - x * x) for x in grid])
    assert err < 0.2
    assert final[0] > 0 and final[1] > 0


def test_ourdl_follows_the_reference_sample_by_sample(reference):
    ours = ourdl_trajectory(ref.FIG8, ref.data(0, N))
    theirs = np.array([s.params for s in reference])
    assert ours.shape == theirs.shape == (N, 7)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)
    assert np.abs(ours[-1] - np.array(ref.FIG8)).max() > 0.1  # it did move


def test_the_recorder_follows_the_reference(reference):
    snap = record(get_scene("fig8"))
    assert snap.meta["params"] == list(ref.PARAMS)
    assert snap.steps[-1] == N and len(snap.steps) > 100
    np.testing.assert_allclose(snap.params[0, 0], ref.FIG8, rtol=0, atol=0)
    expected = np.array([reference[s - 1].params for s in snap.steps[1:]])
    np.testing.assert_allclose(snap.params[0, 1:], expected, rtol=0, atol=TOL)
    # the recorded output curve is the reference network's function at every snapshot
    out = snap.node_names.index("add_21")
    for s in (1, len(snap.steps) // 2, len(snap.steps) - 1):
        curve = [ref.forward(reference[snap.steps[s] - 1].params, x) for x in snap.grid]
        np.testing.assert_allclose(snap.curves[0, s, out], curve, rtol=0, atol=TOL)
    # and the training loss is the mean of the per-sample losses since the previous snapshot
    a, b = snap.steps[-2], snap.steps[-1]
    assert snap.train_loss[0, -1] == pytest.approx(np.mean([r.loss for r in reference[a:b]]), abs=TOL)
