"""The player page of a torch model whose activation ourdl lacks: computed from its parameters
(src/torch_ops.js) against its curves embedded (what the page did before, and still does without the
recording's torch block), for a few activations.

Each recording is a 1-6-1 Sequential fitted to x² on [0, 2] by SGD (lr 0.02, batches of 8, absolute loss),
2000 updates, a snapshot every 10 (201 snapshots), as a user's loop records it.

    python benchmarks/player_torch_size.py          # about 10 s
"""

from __future__ import annotations

import dataclasses
import json

import torch
from torch import nn

from render.record.snapshot import Snapshot
from render.torch import TorchRecorder
from render.web import player_html

ACTIVATIONS = {"GELU": nn.GELU, "SiLU": nn.SiLU, "Softplus": nn.Softplus}


def recording(activation: nn.Module) -> Snapshot:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(1, 6), activation, nn.Linear(6, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.02)
    rec = TorchRecorder(model, data_range=(0, 2), target="x^2", loss="absolute", lr=0.02)
    for _ in range(2000):
        x = 2 * torch.rand(8, 1)
        loss = nn.functional.l1_loss(model(x), x * x)
        opt.zero_grad()
        loss.backward()
        opt.step()
        rec.step(loss)
    return rec.snapshot()


def embedded(snap: Snapshot) -> Snapshot:
    """The same recording without its torch block: its activation nodes are then a user's own classes."""
    meta = json.loads(json.dumps(snap.meta))
    del meta["torch"]
    return dataclasses.replace(snap, meta=meta)


def main() -> None:
    print(f"{'activation':<10} {'computed':>10} {'embedded':>10} {'ratio':>7}")
    for name, make in ACTIVATIONS.items():
        snap = recording(make())
        computed = len(player_html(snap).encode())
        curves = len(player_html(embedded(snap)).encode())
        print(f"{name:<10} {computed / 1e6:>8.2f}MB {curves / 1e6:>8.2f}MB {curves / computed:>6.1f}x")


if __name__ == "__main__":
    main()
