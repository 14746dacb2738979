"""The activation chapter's own script, written the tutorial's way, with the recorder's three lines added.

Nodes are built one by one and trained by a hand-written loop of forward / get_grad / update / clear, from
the Fig 8 initialisation on 1500 samples of x ~ uniform(0, 2) with label x². The lines marked `# <- rec`
are all it takes to animate it:

    python examples/own_loop.py                 # trains, writes my_run.npz
    render video my_run.npz --format gif,mp4    # renders it like any recording (html: the player)

In a notebook, `from render import show; show(rec)` plays it inline. The recording equals the built-in
`fig8` scene's at every snapshot (tests/test_recorder.py checks it): same data, same init, same loop.
"""

import sys

import numpy as np

from ourdl.core import Varrible
from ourdl.ops import Add, LeakyRelu, Mul
from ourdl.ops.loss import ValueLoss
from render import Recorder  # <- rec

# the network: y = w_21·LeakyRelu(w_11·x + b_11) + w_22·LeakyRelu(w_12·x + b_12) + b_21
x = Varrible()
label = Varrible()
w_11 = Varrible(train=True)
w_12 = Varrible(train=True)
b_11 = Varrible(train=True)
b_12 = Varrible(train=True)
w_21 = Varrible(train=True)
w_22 = Varrible(train=True)
b_21 = Varrible(train=True)
mul_11 = Mul(parent1=x, parent2=w_11)
mul_12 = Mul(parent1=x, parent2=w_12)
add_11 = Add([mul_11, b_11])
add_12 = Add([mul_12, b_12])
relu_11 = LeakyRelu(add_11)
relu_12 = LeakyRelu(add_12)
mul_21 = Mul(relu_11, w_21)
mul_22 = Mul(relu_12, w_22)
add_21 = Add([mul_21, mul_22, b_21])
loss = ValueLoss([label, add_21])

# Fig 8: "the fit I expected"
w_11.set_value(-0.1571950013426796)
w_12.set_value(-0.1070365984042347)
b_11.set_value(0.3791639008324807)
b_12.set_value(0.31960284774415215)
w_21.set_value(0.4263410176300597)
w_22.set_value(0.5097967360623379)
b_21.set_value(0.7597168751185974)
params = [w_11, w_12, b_11, b_12, w_21, w_22, b_21]


def square(v):
    return v * v


xs = np.random.default_rng(0).uniform(0, 2, 1500).tolist()

rec = Recorder(input=x, output=add_21, label=label, loss=loss, every=10,  # <- rec
               target=square, target_name="x²")  # optional: else the target is the labels seen
for x_value in xs:
    x.set_value(x_value)
    label.set_value(square(x_value))
    loss.forward()
    for p in params:
        p.get_grad()
        p.update(0.01)
    rec.step()  # <- rec: after the updates (before clear(), so the sample's loss is recorded too)
    loss.clear()

path = rec.save(sys.argv[1] if len(sys.argv) > 1 else "my_run.npz")  # <- rec
print(f"wrote {path}; render it with: render video {path}")
