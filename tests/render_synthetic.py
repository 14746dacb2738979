"""A small synthetic snapshot shaped like fig7_vs_fig8's, so renderer tests need no training."""

from __future__ import annotations

import numpy as np

from render.record.snapshot import FORMAT, FORMAT_VERSION, Snapshot

NODES = ["mul_11", "mul_12", "add_11", "add_12", "relu_11", "relu_12", "mul_21", "mul_22", "add_21", "loss"]
PANELS = [
    {"title": "hidden linear: w·x + b", "title_zh": "隐藏层线性变换 w·x + b", "nodes": ["add_11", "add_12"],
     "colors": [0, 1], "target": False},
    {"title": "weighted activations: w₂·act(·)", "title_zh": "加权激活 w₂·act(·)",
     "nodes": ["mul_21", "mul_22"], "colors": [0, 1], "target": False},
    {"title": "output vs x²", "title_zh": "输出与 x²", "nodes": ["add_21"], "colors": [2], "target": True},
]


def synthetic_snapshot(n_snapshots: int = 40, grid_points: int = 61, runs: int = 2, outlier: bool = False,
                       total: int = 12_000) -> Snapshot:
    """Lines that rotate and an output that bends towards x², different per run.

    `outlier=True` makes one snapshot of run 0 explode (and one value non-finite), as a diverging step
    would, to test that the y-limits ignore it.
    """
    grid = np.linspace(-0.5, 2.5, grid_points)
    u = np.linspace(0.0, 1.0, n_snapshots)
    steps = np.unique(np.round(total * u**2.5).astype(np.int64))
    steps = np.concatenate([[0], steps[steps > 0]])
    while len(steps) < n_snapshots:  # keep them strictly increasing
        steps = np.append(steps, steps[-1] + 1)
    steps = steps[:n_snapshots]
    s = len(steps)
    curves = np.zeros((runs, s, len(NODES), grid_points))
    for r in range(runs):
        sign = -1.0 if r == 0 else 1.0
        slope = sign * (0.2 + 1.3 * u)[:, None]
        curves[r, :, NODES.index("add_11")] = slope * grid + 0.4
        curves[r, :, NODES.index("add_12")] = 0.7 * slope * grid - 0.2 * u[:, None]
        hinge = np.maximum(grid - 1.0, 0.0)
        curves[r, :, NODES.index("mul_21")] = (1 + u[:, None]) * np.maximum(grid, 0.1 * grid)
        curves[r, :, NODES.index("mul_22")] = 2 * u[:, None] * hinge
        curves[r, :, NODES.index("add_21")] = (1 - u[:, None]) * 1.2 + u[:, None] * grid**2
    if outlier:
        curves[0, s // 2, NODES.index("add_11")] *= 1e6
        curves[0, s // 2, NODES.index("add_12"), 0] = np.nan
    target = grid**2
    out = curves[:, :, NODES.index("add_21")]
    inside = (grid >= 0) & (grid <= 2)
    eval_loss = np.abs(out[..., inside] - target[inside]).mean(axis=-1)
    train_loss = eval_loss * (1 + 0.3 * np.sin(np.arange(s)))[None, :]
    train_loss[:, 0] = np.nan
    meta = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "package_version": "test", "scene": "synthetic",
        "description": "synthetic", "activation": "LeakyRelu",
        "runs": [{"label": f"Fig {7 + r} (w_11={-0.457 + 0.3 * r:.3f})", "init": {}, "init_seed": None,
                  "data_seed": 0, "samples": total, "lr": 0.01, "diverged_at": None} for r in range(runs)],
        "nodes": [{"name": n, "kind": "Add", "parents": []} for n in NODES],
        "params": ["w_11"], "input": "x", "output": "add_21", "label": "label", "loss": "loss",
        "target_name": "x²", "data_range": [0.0, 2.0], "x_range": [-0.5, 2.5], "panels": PANELS,
        "schedule": {"kind": "dense_early", "frames": n_snapshots, "power": 2.5},
    }
    return Snapshot(meta=meta, steps=steps, grid=grid, target=target, curves=curves,
                    params=np.zeros((runs, s, 1)), train_loss=train_loss, eval_loss=eval_loss)
