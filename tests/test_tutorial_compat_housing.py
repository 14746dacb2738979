"""The multi-input graphs of the series' Boston-housing example, on synthetic data.

Thirteen inputs, `set_nodes` with lists, `forward(x=list, label=...)`, `backward(lr=...)`, `clear()`
and `predict(x=list)`, used the way the example's main script uses them. The data are made here: the
thirteen columns in the real data set's ranges, the price a fixed linear rule of three of them plus
noise, clipped to the real range [5, 50].
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from ourdl.core import Graph, Varrible
from ourdl.ops import Add, Mul, ValueLoss
from ourdl.ops import LeakyRelu as Relu

#: (low, high) of each column of the real data set; None: the 0/1 river column
RANGES = [(0.006, 20), (0, 100), (0.5, 28), None, (0.38, 0.87), (3.5, 8.8), (3, 100), (1.1, 12),
          (1, 24), (187, 711), (12.6, 22), (0.3, 397), (1.7, 38)]


def synthetic(rows: int, seed: int) -> tuple[list[list[float]], list[float]]:
    rng = np.random.default_rng(seed)
    cols = [rng.integers(0, 2, rows).astype(float) if r is None else rng.uniform(*r, rows) for r in RANGES]
    data = np.stack(cols, axis=1)
    price = 22 + 5 * (data[:, 5] - 6.2) - 0.5 * (data[:, 12] - 12) - 0.8 * (data[:, 10] - 18)
    price = np.clip(price + rng.normal(0, 2, rows), 5, 50)
    return data.tolist(), price.tolist()


def build_linear(graph: Graph) -> Graph:
    """Thirteen inputs, one weight each, one bias: a many-to-one map."""
    with graph.as_default():
        x, mul = [], []
        for _ in range(13):
            x_, w_ = Varrible(), Varrible(train=True)
            x.append(x_)
            mul.append(Mul([x_, w_]))
        b = Varrible(train=True)
        add = Add(parents=mul + [b])
        label = Varrible()
        loss = ValueLoss([add, label])
    graph.set_nodes(nodes_in=x, nodes_out=[add], node_loss=loss, node_label=label)
    return graph


def build_hidden(graph: Graph) -> Graph:
    """Thirteen inputs, a fully connected layer of ten LeakyRelu units, one output."""
    with graph.as_default():
        inputs = [Varrible() for _ in range(13)]
        hide = []
        for _ in range(10):
            muls = [Mul(Varrible(train=True), x) for x in inputs]
            hide.append(Relu(Add(parents=muls + [Varrible(train=True)])))
        outs = [Add(parents=[Mul(Varrible(train=True), h) for h in hide] + [Varrible(train=True)])]
        label = Varrible()
        loss = ValueLoss(parents=outs + [label])
    graph.set_nodes(nodes_in=inputs, nodes_out=outs, node_loss=loss, node_label=label)
    return graph


def evaluate(graph: Graph, data_in, data_label) -> tuple[float, list]:
    """The example's measuring loop: clear, forward to the loss, predict."""
    losses, predicts = [], []
    for x, y in zip(data_in, data_label):
        graph.clear()
        loss = graph.forward(x=x, label=y)
        predict = graph.predict(x=x)
        assert isinstance(predict, list) and len(predict) == 1 and loss == abs(predict[0] - y)
        losses.append(loss)
        predicts.append(predict)
    return sum(losses) / len(losses), predicts


def train(graph: Graph, data_in, data_label, epochs: int, lr: float = 0.0001) -> list[float]:
    averages = []
    for _ in range(epochs):
        losses = []
        for x, y in zip(data_in, data_label):
            losses.append(graph.forward(x=x, label=y))
            graph.backward(lr=lr)
            graph.clear()
        averages.append(sum(losses) / len(losses))
    return averages


@pytest.mark.parametrize("build, size, epochs", [(build_linear, 43, 4), (build_hidden, 327, 2)])
def test_housing_graphs_train_on_synthetic_data(build, size, epochs):
    data_in, data_label = synthetic(250, seed=7)
    graph = build(Graph())
    assert len(graph.nodes) == size and len(graph.nodes_in) == 13
    random.seed(1)
    graph.init_params()
    start, predicts = evaluate(graph, data_in, data_label)
    assert len(predicts) == len(data_in)
    averages = train(graph, data_in, data_label, epochs)
    end, _ = evaluate(graph, data_in, data_label)
    spread = np.mean(np.abs(np.array(data_label) - np.mean(data_label)))  # predicting the mean
    assert end < start / 3 and end < 1.5 * spread
    assert averages[-1] < averages[0] or epochs == 1
    # a data row as a numpy array is thirteen inputs too
    assert graph.predict(np.array(data_in[0])) == graph.predict(x=data_in[0])


def test_one_step_of_the_linear_graph_by_hand():
    """d|add - label|/dw_i = sign(add - label)·x_i (0 counted as negative); w_i -= lr·grad."""
    data_in, data_label = synthetic(3, seed=8)
    graph = build_linear(Graph())
    random.seed(2)
    graph.init_params()
    params = graph.params()
    before = [p.value for p in params]
    x, y = data_in[0], data_label[0]
    pred = graph.predict(x=x)[0]
    sign = 1.0 if pred - y > 0 else -1.0
    graph.forward(x=x, label=y)
    graph.backward(lr=0.0001)
    expected = [w - 0.0001 * (sign * xi) for w, xi in zip(before[:13], x)] + [before[13] - 0.0001 * sign]
    assert [p.value for p in params] == expected
