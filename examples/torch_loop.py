"""A plain PyTorch loop fitting y = x² on [0, 2] with two LeakyReLU(0.1) units (the activation chapter's
network), with the three `# <- rec` lines that record it:

    python examples/torch_loop.py               # trains (a second or two), writes torch_run.npz
    render video torch_run.npz --format gif,html   # the animation and the player, like any recording
"""

import sys

import torch
from torch import nn

from render.torch import TorchRecorder  # <- rec

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(1, 2), nn.LeakyReLU(0.1), nn.Linear(2, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.02)
rec = TorchRecorder(model, data_range=(0, 2), target="x^2", loss="absolute", lr=0.02)  # <- rec
for _ in range(2000):
    x = 2 * torch.rand(8, 1)  # a batch of 8 samples of x ~ uniform(0, 2)
    loss = nn.functional.l1_loss(model(x), x * x)
    opt.zero_grad()
    loss.backward()
    opt.step()
    rec.step(loss)  # <- rec
print(f"wrote {rec.save(sys.argv[1] if len(sys.argv) > 1 else 'torch_run.npz')}")  # <- rec
