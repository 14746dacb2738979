"""The tutorial's public API, as its repository (flying-forever/OurDL) defines it, in tutorial-style code.

Module paths and top-level exports, the defaults of `update` and `backward`, the static helpers, every
form of giving parents, and the graph's methods with their return shapes. The scripts here are ours,
written the way the series writes its examples.
"""

from __future__ import annotations

import inspect
import random
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import ourdl as od
from ourdl.core import Graph, Node, Varrible
from ourdl.ops import Add, LeakyRelu, Mul, Relu, Step, ValueLoss

# ------------------------------------------------------------------------------ paths and exports


def test_the_tutorials_module_paths_and_top_level_exports():
    import ourdl.core.graph
    import ourdl.core.node
    import ourdl.ops.loss
    import ourdl.ops.ops

    assert od.ops.Mul is ourdl.ops.ops.Mul and od.core.Varrible is ourdl.core.node.Varrible
    assert od.Varrible is Varrible and od.Node is ourdl.core.node.Node and od.Mul is Mul
    assert od.ValueLoss is ourdl.ops.loss.ValueLoss is ourdl.ops.ValueLoss
    assert od.default_graph is ourdl.core.default_graph is ourdl.core.graph.default_graph
    assert od.Graph is ourdl.core.graph.Graph
    for name in ("Add", "Mul", "Step", "Relu", "LeakyRelu"):  # the tutorial's ops/__init__ list
        assert getattr(ourdl.ops, name) is getattr(ourdl.ops.ops, name) is getattr(od, name)
    assert issubclass(ourdl.ops.loss.ValueLoss, ourdl.ops.loss.LossFunction)
    assert issubclass(ourdl.ops.ops.Add, ourdl.ops.ops.Op) and issubclass(ourdl.ops.ops.Op, Node)
    assert od.loss is ourdl.ops.loss  # `from .ops import *` gave the tutorial's package this name too


def test_defaults_are_the_tutorials():
    assert inspect.signature(Node.update).parameters["lr"].default == 0.0001
    assert inspect.signature(Graph.backward).parameters["lr"].default == 0.0001
    w = Varrible(train=True)
    w.set_value(1.0)
    y = Mul(w, w)
    y.forward()
    w.get_grad()
    w.update()
    assert w.value == 1.0 - 0.0001 * 2.0


def test_static_relu_helpers_work_outside_a_graph():
    assert Relu.relu(3.0) == 3.0 and Relu.relu(-2.0) == 0.0 and Relu.relu(0.0) == 0.0
    assert LeakyRelu.relu(3.0) == 3.0 and LeakyRelu.relu(-2.0) == -2.0 * 0.1
    xs = np.linspace(-5, 5, 20)
    # the tutorial's activation plot maps the helper over numpy floats; arrays work whole too
    assert [LeakyRelu.relu(x) for x in xs] == list(LeakyRelu.relu(xs))
    np.testing.assert_array_equal(Relu.relu(xs), np.where(xs >= 0, xs, 0.0))


# ------------------------------------------------------------------------------ parent forms


def _three():
    a, b, c = Varrible(), Varrible(), Varrible()
    for v, n in zip((a, b, c), (1.0, 2.0, 4.0)):
        v.set_value(n)
    return a, b, c


@pytest.mark.parametrize("make, expected, value", [
    (lambda a, b, c: Add(parents=a), "a", 1.0),
    (lambda a, b, c: Add(parents=a, parent1=b), "ab", 3.0),
    (lambda a, b, c: Add(parents=[], parent1=a, parent2=b), "ab", 3.0),
    (lambda a, b, c: Add(parents=[a, b, c]), "abc", 7.0),
    (lambda a, b, c: Add(parents=[a, b] + [c]), "abc", 7.0),
    (lambda a, b, c: Add([a, b, c]), "abc", 7.0),
    (lambda a, b, c: Add(a, b), "ab", 3.0),
    (lambda a, b, c: Add(a, b, c), "abc", 7.0),
    (lambda a, b, c: Add(a, parent1=b), "ab", 3.0),
    (lambda a, b, c: Add(Mul([a, b]), c), "mc", 6.0),
    (lambda a, b, c: Mul(parent1=c, parent2=a), "ca", 4.0),
    (lambda a, b, c: Mul([a, b]), "ab", 2.0),
    (lambda a, b, c: Relu([a]), "a", 1.0),
    (lambda a, b, c: Step(parent1=b), "b", 1.0),
    (lambda a, b, c: ValueLoss(parents=[c] + [a]), "ca", 3.0),
    (lambda a, b, c: ValueLoss(parent1=c, parent2=a), "ca", 3.0),
])
def test_every_parent_form(make, expected, value):
    a, b, c = _three()
    node = make(a, b, c)
    names = {id(a): "a", id(b): "b", id(c): "c"}
    assert "".join(names.get(id(p), "m") for p in node.parents) == expected
    assert all(node in p.children for p in node.parents)
    assert node.forward() == value


def test_a_subclass_passing_the_tutorials_signature_on_to_node():
    class Scaled(Node):
        def __init__(self, parents=[], parent1=None, parent2=None, train=False, k=3.0):  # noqa: B006
            super().__init__(parents, parent1, parent2, train)
            self.k = k

        def compute(self):
            self.value = self.k * self.parents[0].value

        def get_parent_grad(self, parent):
            return self.k

    a = Varrible()
    a.set_value(2.0)
    s = Scaled(parent1=a, train=True)
    assert s.parents == [a] and s.train and s.forward() == 6.0 and a.get_grad() == 3.0
    assert not Scaled([a]).train


def test_bad_parents_are_one_clear_error():
    a = Varrible()
    with pytest.raises(TypeError, match="not a node"):
        Add(parents=[a, 3.0])
    with pytest.raises(TypeError, match="unexpected"):
        Add(a, other=a)
    with pytest.raises(TypeError, match="exactly 2"):
        Mul([a])


# ------------------------------------------------------------------------------ the graph's methods


def _adaline(graph: Graph):
    """The graph-API rewrite of the adaptive linear unit, in a graph of its own."""
    with graph.as_default():
        x = Varrible()
        w, b = Varrible(train=True), Varrible(train=True)
        add = Add(Mul([x, w]), b)
        label = Varrible()
        loss = ValueLoss(label, add)
    graph.set_nodes(nodes_in=[x], nodes_out=[add], node_loss=loss, node_label=label)
    return graph, (x, w, b, add, label, loss)


def test_graph_forward_backward_clear_predict_like_the_tutorial():
    graph, (x, w, b, add, label, loss) = _adaline(Graph())
    random.seed(11)
    graph.init_params()
    first = [w.value, b.value]
    random.seed(11)
    graph.init_params()  # Python's random, as the tutorial's: seeding it repeats the init
    assert [w.value, b.value] == first and all(-0.5 <= v <= 0.5 for v in first)

    value = graph.forward([3.0], 7.0)
    assert value == abs(7.0 - (3.0 * w.value + b.value)) == loss.value
    before = w.value
    graph.backward()  # the tutorial's default lr
    assert w.value == before + 0.0001 * 3.0  # label above the line: w grows by lr·x
    # values stay until clear(), as the tutorial's example prints every node's after backward
    assert all(n.value is not None for n in graph.nodes)
    graph.clear()
    assert add.value is None and loss.value is None and w.grad is None and x.value == 3.0

    results = [graph.predict([v]) for v in range(3)]
    assert all(isinstance(r, list) and len(r) == 1 for r in results)
    assert results[2][0] == 2 * w.value + b.value and add.value == results[2][0]
    assert graph.predict(x=[1.0]) == [w.value + b.value]
    # a forward after a predict recomputes: nothing stale is reused
    assert graph.forward(x=[2.0], label=0.0) == abs(2.0 * w.value + b.value)


def test_graph_backward_default_equals_the_explicit_tutorial_lr():
    runs = []
    for explicit in (False, True):
        graph, (x, w, b, *_rest) = _adaline(Graph())
        w.set_value(0.3)
        b.set_value(-0.2)
        for v in np.random.default_rng(2).uniform(-10, 10, 50).tolist():
            graph.forward([v], 2 * v + 1)
            graph.backward(lr=0.0001) if explicit else graph.backward()
            graph.clear()
        runs.append((w.value, b.value))
    assert runs[0] == runs[1]


def test_graph_inputs_one_per_node_and_clear_errors():
    g = Graph()
    with g.as_default():
        xs = [Varrible() for _ in range(3)]
        out = Add(parents=xs)
        label = Varrible()
        loss = ValueLoss([out, label])
    g.set_nodes(nodes_in=xs, nodes_out=[out], node_loss=loss, node_label=label)
    assert g.forward(x=[1.0, 2.0, 3.0], label=1.0) == 5.0
    assert g.predict(np.array([1.0, 1.0, 1.0])) == [3.0]  # a data row as an array
    with pytest.raises(ValueError, match="expected 3 input values"):
        g.predict([1.0, 2.0])
    with pytest.raises(ValueError, match="set_nodes"):
        Graph().predict([1.0])


def test_the_adaptive_linear_unit_learns_2x_plus_1():
    """The series' first training script: keyword parents, two learning rates, the manual loop."""
    g = Graph()
    with g.as_default():
        x, w, b, label = Varrible(), Varrible(), Varrible(), Varrible()
        mul = Mul(parent1=x, parent2=w)
        add = Add(parent1=mul, parent2=b)
        loss = ValueLoss(parent1=label, parent2=add)
    w.set_value(0)
    b.set_value(0)
    rng = random.Random(4)
    data_x = [rng.uniform(-10, 10) for _ in range(1000)]
    for xv in data_x:
        x.set_value(xv)
        label.set_value(2 * xv + 1)
        loss.forward()
        w.get_grad()
        b.get_grad()
        w.update(lr=0.001)
        b.update(lr=0.002)
        loss.clear()
    assert abs(w.value - 2) < 0.02 and abs(b.value - 1) < 0.05


# -------------------------------------------------------------------------- a script, as a reader runs one

SCRIPT = """
import random
import ourdl as od
from ourdl import default_graph

x1, w1, b1 = od.core.Varrible(), od.core.Varrible(), od.core.Varrible()
y1 = od.ops.Add(od.ops.Mul(x1, w1), b1)
w1.set_value(2)
b1.set_value(1)
x1.set_value(int(input()))
print(y1.forward(), w1.get_grad(), x1.get_grad())

x = od.Varrible()
w, b = od.Varrible(train=True), od.Varrible(train=True)
y = od.Add(od.Mul([x, w]), b)
label = od.Varrible()
loss = od.ValueLoss(label, y)
default_graph.set_nodes(nodes_in=[x], nodes_out=[y], node_loss=loss, node_label=label)
random.seed(0)
default_graph.init_params()
for i in range(5000):
    v = random.uniform(-10, 10)
    default_graph.forward([v], 2 * v + 1)
    default_graph.backward(lr=0.001)
    default_graph.clear()
print(len(default_graph.nodes), [round(p, 1) for p in default_graph.predict([1])])
"""


def test_a_tutorial_style_script_on_the_global_default_graph():
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], input="3\n", capture_output=True,
                         text=True, check=True, timeout=60)
    lines = out.stdout.split("\n")
    assert lines[0] == "7 3 2"  # ints in, ints out, as the tutorial's ourdl gives them
    assert lines[1] == "12 [3.0]"  # every node joined the global graph; the unit learnt 2x + 1


#: example/01_esay/02_backward.py of the tutorial's repository: y = w·x + b with w = 2, b = 1 and x read
#: as an int, then y and the grads printed; the tutorial's ourdl prints exactly BACKWARD_PRINTS for x = 3.
BACKWARD = """
import ourdl as od

x1 = od.core.Varrible()
w1 = od.core.Varrible()
mul = od.ops.Mul(x1, w1)
b = od.core.Varrible()
add = od.ops.Add(mul, b)
w1.set_value(2)
b.set_value(1)
x1.set_value(int(input()))
y = add.forward()
print(f"y: {y}")
w_grad = w1.get_grad()
x_grad = x1.get_grad()
print(f"w_grad: {w_grad}, x_grad: {x_grad}")
"""
BACKWARD_PRINTS = "y: 7\nw_grad: 3, x_grad: 2\n"


def test_the_backward_example_prints_what_the_tutorial_prints():
    """Ints stay ints through the grads, as in the tutorial's node.py: the final node's grad is 1, Add's
    derivative is 1, and a grad is a sum of products of those and the values."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(BACKWARD)], input="3\n", capture_output=True,
                         text=True, check=True, timeout=60)
    assert out.stdout == BACKWARD_PRINTS
