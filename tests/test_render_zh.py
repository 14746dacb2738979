"""Chinese labels: every title, legend and caption drawn with a real CJK font, no missing glyphs."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from render_synthetic import synthetic_snapshot

from render.draw.scene_figure import SceneFigure
from render.encode.stream import render_frame

MISSING = r"(?i)glyph .* missing from font"


def texts(view: SceneFigure) -> list[str]:
    return [t.get_text() for t in view.fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def test_chinese_render_has_no_missing_glyphs():
    snap = synthetic_snapshot(n_snapshots=6)
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=MISSING)
        view = SceneFigure(snap, size=(800, 450), lang="zh", theme="dark")
        frame = render_frame(view, 3)
    words = " ".join(texts(view))
    for expected in ("隐藏层线性变换", "加权激活", "输出与", "损失", "训练损失", "数据区间", "目标", "样本",
                     "图 7"):
        assert expected in words
    assert frame.shape == (450, 800, 4) and np.ptp(frame[..., :3]) > 100


def test_the_check_would_catch_a_missing_font():
    """Without the CJK font matplotlib does warn: the test above is not vacuous."""
    fig = Figure()
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, "样本", family="DejaVu Sans")
    with pytest.warns(UserWarning, match=MISSING):
        fig.canvas.draw()
