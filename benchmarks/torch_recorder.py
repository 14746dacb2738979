"""What TorchRecorder costs a user's loop, and what saving costs (issue 27: `step()` only copies parameters).

  step():   a PyTorch loop (1-2-1 LeakyReLU(0.1) and a 1-16-1 GELU Sequential, batches of 8, SGD) with and
            without `rec.step(loss)` after each update: the ratio of their times (median of 5 runs each)
            and the recorder's microseconds per update;
  save():   the curves computed at save for those recordings (2000 updates, a snapshot every 10) and for a
            model recorded by hooks (a 64-wide MLP written as a custom nn.Module).

    python benchmarks/torch_recorder.py            # about 30 s
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import torch
from torch import nn

from render.torch import TorchRecorder

UPDATES = 2000


class Wide(nn.Module):
    """A custom module (so: recorded by hooks) with a 64-wide hidden layer."""

    def __init__(self) -> None:
        super().__init__()
        self.fc1, self.act, self.fc2 = nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(self.act(self.fc1(x)))


def models() -> dict[str, nn.Module]:
    return {"1-2-1 LeakyReLU(0.1)": nn.Sequential(nn.Linear(1, 2), nn.LeakyReLU(0.1), nn.Linear(2, 1)),
            "1-16-1 GELU": nn.Sequential(nn.Linear(1, 16), nn.GELU(), nn.Linear(16, 1)),
            "custom 1-64-1 Tanh (hooks)": Wide()}


def loop(model: nn.Module, rec: TorchRecorder | None) -> float:
    """Seconds for UPDATES updates of the user's loop (the same batches every time)."""
    gen = torch.Generator().manual_seed(0)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    xs = 2 * torch.rand(UPDATES, 8, 1, generator=gen)
    start = time.perf_counter()
    for x in xs:
        loss = nn.functional.l1_loss(model(x), x * x)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if rec is not None:
            rec.step(loss)
    return time.perf_counter() - start


def main() -> None:
    torch.set_num_threads(1)
    print(f"{UPDATES} updates, batches of 8, SGD; torch {torch.__version__}, 1 thread")
    print(f"{'model':27} {'plain s':>8} {'+rec s':>8} {'ratio':>6} {'µs/step':>8} {'save s':>7} "
          f"{'file kB':>7}")
    for name, model in models().items():
        plain, recorded = [], []
        for _ in range(5):
            plain.append(loop(model, None))
            rec = TorchRecorder(model, target="x^2", every=10)
            recorded.append(loop(model, rec))
        p, r = statistics.median(plain), statistics.median(recorded)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            path = rec.save(Path(tmp) / "run.npz")
            save = time.perf_counter() - start
            size = path.stat().st_size / 1000
        print(f"{name:27} {p:8.3f} {r:8.3f} {r / p:6.3f} {(r - p) / UPDATES * 1e6:8.1f} {save:7.2f} "
              f"{size:7.0f}")


if __name__ == "__main__":
    sys.exit(main())
