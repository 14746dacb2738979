"""Options, presets, parsing, and the timeline's arithmetic (frames, hold, decimation, posters)."""

from __future__ import annotations

import pytest
from render_synthetic import synthetic_snapshot as tiny_snapshot

from render.encode.options import QUALITY, RenderOptions, parse_bytes, parse_size
from render.encode.timeline import Timeline, default_duration
from render.encode.video import plan
from render.encode.writers import gif_attempts


def test_presets_are_manims():
    assert QUALITY == {"low": (854, 480, 15), "medium": (1280, 720, 30), "high": (1920, 1080, 60)}
    opts = RenderOptions(quality="high")
    assert opts.video_size == (1920, 1080) and opts.video_fps == 60
    assert RenderOptions(quality="low", size=(641, 361), fps=25).video_size == (640, 360)  # even for yuv420p


def test_defaults_give_the_issues_video():
    opts = RenderOptions()
    assert opts.formats == ("gif", "mp4", "html") and opts.video_fps >= 30 and opts.hold >= 1.0
    assert opts.gif_width == 800 and 15 <= opts.gif_fps <= 20 and opts.loss_panel


@pytest.mark.parametrize("kwargs, word", [
    (dict(quality="ultra"), "quality"), (dict(formats=("avi",)), "format"), (dict(theme="pink"), "theme"),
    (dict(lang="fr"), "lang"), (dict(fps=0), "fps"), (dict(size=(10, 10)), "size"), (dict(hold=-1), "hold"),
])
def test_bad_options_are_named_in_one_line(kwargs, word):
    with pytest.raises(ValueError, match=word) as err:
        RenderOptions(**kwargs)
    assert "\n" not in str(err.value)


def test_parsing():
    assert parse_size("1280x720") == (1280, 720) and parse_size(" 854 X 480 ") == (854, 480)
    assert parse_bytes("2MB") == 2_000_000 and parse_bytes("500k") == 500_000
    assert parse_bytes("1.5MiB") == 1_572_864 and parse_bytes("1234") == 1234
    for bad in ("big", "2 parsecs", ""):
        with pytest.raises(ValueError):
            parse_bytes(bad)
    with pytest.raises(ValueError):
        parse_size("1280")


def test_timeline_holds_the_end_and_maps_frames_to_snapshots():
    t = Timeline(n_snapshots=301, fps=30, duration=10.0, hold=1.5)
    assert t.frames == 30 * 11.5 + 1
    assert t.position(0) == 0 and t.position(150) == 150 and t.position(t.frames - 1) == 300
    assert t.frame_of(-1) == t.frames - 1 and t.frame_of(0) == 0 and t.frame_of(150) == 150
    assert t.frame_of(-2) == 299
    assert Timeline(5, 30, 1.0, interpolate=True).position(15) == 2.0
    assert Timeline(5, 30, 1.0, interpolate=True).position(16) == pytest.approx(2 + 4 / 30)


def test_decimation_takes_one_frame_per_slot():
    t = Timeline(n_snapshots=100, fps=30, duration=3.0)
    assert [k for k in range(8) if t.takes(k, 15)] == [0, 2, 4, 6]
    assert sum(t.takes(k, 20) for k in range(30)) == 20
    assert all(t.takes(k, 30) for k in range(30))


def test_default_duration_is_one_snapshot_per_frame_at_30fps_within_bounds():
    assert default_duration(301) == 10.0
    assert default_duration(10) == 3.0 and default_duration(10_000) == 12.0


def test_plan_renders_once_at_the_video_size_and_adds_a_poster():
    snap = tiny_snapshot()
    size, timeline, formats = plan(snap, RenderOptions())
    assert size == (1280, 720) and timeline.fps == 30 and formats == ["gif", "mp4", "png"]
    size, timeline, formats = plan(snap, RenderOptions(formats=("gif",), poster=False))
    assert size == (800, 450) and timeline.fps == 15 and formats == ["gif"]


def test_gif_attempts_only_get_smaller():
    steps = gif_attempts(15, 800, 128, max_size=1)
    assert steps[0] == (15, 800, 128) and len(steps) == len(set(steps)) > 5
    for a, b in zip(steps, steps[1:]):
        assert b[0] <= a[0] and b[1] <= a[1] and b[2] <= a[2]
    assert gif_attempts(15, 800, 128, None) == [(15, 800, 128)]


def test_named_sizes_replace_the_qualitys_size_and_keep_its_fps():
    assert parse_size("square") == (1080, 1080) and parse_size(" Portrait ") == (1080, 1350)
    assert parse_size("story") == (1080, 1920)
    opts = RenderOptions(quality="low", size=parse_size("story"))
    assert opts.video_size == (1080, 1920) and opts.video_fps == 15
    for bad in ("tall", "squares", "1080"):
        with pytest.raises(ValueError, match="WIDTHxHEIGHT .*square, portrait, story"):
            parse_size(bad)


def test_the_gif_keeps_its_width_and_takes_the_sizes_aspect():
    snap = tiny_snapshot()
    for name, height in (("square", 800), ("portrait", 1000), ("story", 1422)):
        size, _, _ = plan(snap, RenderOptions(formats=("gif",), size=parse_size(name), poster=False))
        assert size == (800, height)
