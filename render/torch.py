"""The front door for PyTorch: record your own torch training loop into the snapshot file every output reads.

    from render.torch import TorchRecorder
    rec = TorchRecorder(model, x_range=(-0.5, 2.5), data_range=(0, 2), target="x^2", every=10)
    ... rec.step(loss) after each opt.step() ...
    rec.save("torch_run.npz")        # then: render video torch_run.npz

Importing this module does not import torch (making a recorder does); see
`render.record.torch_recorder` for what is recorded and how.
"""

from __future__ import annotations

from render.record.torch_model import TorchRecorderError
from render.record.torch_recorder import TorchRecorder, save_runs

__all__ = ["TorchRecorder", "TorchRecorderError", "save_runs"]
