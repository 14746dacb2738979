"""The streaming loop, driven into in-memory writers: frame counts, timing, limits, motion."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from null_writer import NullWriter
from render_synthetic import synthetic_snapshot
from test_fast_draw import _same

from render.draw.limits import robust_limits
from render.draw.reveal import Reveal
from render.draw.scene_figure import SceneFigure
from render.encode.options import RenderOptions
from render.encode.stream import make_animation, render_frame, stream
from render.encode.timeline import Timeline
from render.encode.writers import PosterWriter

SIZE = (480, 270)
OPTS = RenderOptions()


@pytest.fixture(scope="module")
def snap():
    return synthetic_snapshot()


@pytest.fixture(scope="module")
def view(snap):
    return SceneFigure(snap, size=SIZE)


def test_every_frame_reaches_the_writer_and_final_state_holds(snap, view):
    timeline = Timeline(len(snap.steps), fps=30, duration=2.0, hold=1.0)
    writer = NullWriter(Path("unused"), OPTS, fps=30, keep=(timeline.frames - 31, timeline.frames - 1))
    drawn = stream(view, timeline, [writer])
    assert writer.frames == timeline.frames == 91
    assert drawn == len(snap.steps)  # held or repeated positions are not redrawn
    assert timeline.frames / timeline.fps - timeline.duration >= 1.0
    first_held, last = writer.kept[timeline.frames - 31], writer.kept[timeline.frames - 1]
    assert np.array_equal(first_held, last)
    assert last.shape == (SIZE[1], SIZE[0], 4)


def test_slower_writer_gets_every_other_frame_and_keeps_the_timing(snap, view):
    timeline = Timeline(len(snap.steps), fps=30, duration=2.0, hold=1.0)
    fast, slow = NullWriter(Path("a"), OPTS, 30), NullWriter(Path("b"), OPTS, 15)
    stream(view, timeline, [fast, slow])
    assert slow.frames == (fast.frames + 1) // 2
    assert abs(slow.frames / 15 - fast.frames / 30) <= 1 / 15


def test_poster_writer_keeps_the_asked_frame_and_the_loop_stops_there(snap, view, tmp_path):
    timeline = Timeline(len(snap.steps), fps=30, duration=2.0, hold=1.0)
    frame = timeline.frame_of(10)
    poster = PosterWriter(tmp_path / "p.png", OPTS, 30, frame)
    with poster.saving(SIZE):
        stream(view, timeline, [poster])
    assert poster.frames == frame + 1
    assert same_picture(view, poster.image, render_frame(view, 10.0))  # blit == full redraw
    assert (tmp_path / "p.png").stat().st_size > 1000


def test_axes_limits_are_the_same_in_first_and_last_frames(snap, view):
    def limits():
        return [(ax.get_xlim(), ax.get_ylim()) for row in view.axes for ax in row]

    view.update(0)
    first = limits()
    view.update(len(snap.steps) - 1)
    assert limits() == first
    assert first[0][0] == (-0.5, 2.5)


def test_successive_frames_differ_where_curves_move(snap, view):
    timeline = Timeline(len(snap.steps), fps=20, duration=2.0, hold=0.5)
    writer = NullWriter(Path("unused"), OPTS, 20, keep=(5, 6))
    stream(view, timeline, [writer])
    a, b = writer.kept[5], writer.kept[6]
    x0, y0, x1, y1 = view.axes[0][0].get_window_extent().extents.astype(int)
    h = SIZE[1]
    panel = (slice(h - y1, h - y0), slice(x0, x1))
    assert np.any(a[panel] != b[panel]), "the hidden-unit panel did not change between frames"
    title = view.axes[0][0].title.get_window_extent().extents.astype(int)
    static = (slice(h - int(title[3]), h - int(title[1])), slice(int(title[0]), int(title[2])))
    assert np.array_equal(a[static], b[static]), "a static title changed between frames"


def test_blitted_frame_matches_a_full_redraw(snap, view):
    timeline = Timeline(len(snap.steps), fps=20, duration=2.0, hold=0.5)
    writer = NullWriter(Path("unused"), OPTS, 20, keep=(17,))
    stream(view, timeline, [writer])
    assert same_picture(view, writer.kept[17], render_frame(view, timeline.position(17)))


def same_picture(view, blitted: np.ndarray, full: np.ndarray) -> bool:
    """The same bytes, but where the loss panel's Reveal pasted its kept stroke (a level or two off in a few
    pixels: render.draw.reveal). The animated artists are stacked as the blit draws them
    (render.draw.base.animate): a spine no longer lies over the cursor in a full redraw only."""
    reveals = [a for a in view.animated if isinstance(a, Reveal)]
    return _same(blitted.tobytes(), full.tobytes(), SIZE, reveals)


def test_y_limits_ignore_outliers_and_non_finite_values():
    snap = synthetic_snapshot(outlier=True)
    view = SceneFigure(snap, size=SIZE)
    lo, hi = view.axes[0][0].get_ylim()
    assert -10 < lo < 0 < hi < 10
    assert robust_limits(np.array([np.nan, -1.0]), np.array([np.inf, 1.0])) == pytest.approx((-1.16, 1.16))


def test_the_funcanimation_definition_plays_as_notebooks_play_it(snap):
    view = SceneFigure(snap, size=(320, 180))
    timeline = Timeline(len(snap.steps), fps=4, duration=1.0, hold=0.0)
    anim = make_animation(view, timeline)
    assert len(list(anim.new_frame_seq())) == timeline.frames == 5
    html = anim.to_jshtml()
    assert html.count("data:image/png;base64") == timeline.frames


def test_loss_panel_can_be_dropped(snap):
    with_loss, without = SceneFigure(snap, size=SIZE), SceneFigure(snap, size=SIZE, loss_panel=False)
    assert len(with_loss.axes[0]) == 4 and len(without.axes[0]) == 3
    assert without.update(3)
