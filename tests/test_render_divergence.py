"""A diverged run (a learner trying `--lr 1000`) still renders as a readable picture."""

import numpy as np

from render.draw.scene_figure import SceneFigure
from render.draw.text import number
from render.record import record
from scenes import get_scene


def test_axes_keep_the_starting_scale_and_captions_stop_at_the_divergence():
    snap = record(get_scene("fig8").with_overrides(lr=1000.0, samples=300))
    assert snap.meta["runs"][0]["diverged_at"] is not None
    view = SceneFigure(snap, size=(854, 480))
    for ax in view.axes[0][:-1]:  # curve panels: the init's scale, not the blow-up's ~1e100
        lo, hi = ax.get_ylim()
        assert np.isfinite([lo, hi]).all() and hi - lo < 100
    view.update(len(snap.steps) - 1)
    assert view.captions[0]["eval"].get_text() == "—"
    assert view.warnings[0].get_text().startswith("diverged at sample")


def test_huge_numbers_stay_as_narrow_as_ordinary_ones():
    assert number(0.1234) == "0.123"
    assert number(7.4e104) == "7e104" and number(-3e7) == "-3e7"
    assert number(float("nan")) == "—"
