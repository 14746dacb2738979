"""Small real renders, decoded back: codec, pixel format, fps, frame count, duration, size, atomicity."""

from __future__ import annotations

import re

import imageio.v3 as iio
import numpy as np
import pytest
from imageio_ffmpeg import count_frames_and_secs
from render_synthetic import synthetic_snapshot

from render.encode import ffmpeg
from render.encode.ffmpeg import EncoderError
from render.encode.options import RenderOptions
from render.encode.video import render_snapshot
from render.encode.writers import GifTooLarge, Mp4Writer

SMALL = dict(size=(320, 180), fps=24, duration=1.0, hold=1.0, gif_width=240, gif_fps=12)


def stream_info(path) -> dict:
    """What ffprobe would say, from `ffmpeg -i`: codec, pixel format, size, fps, duration."""
    text = ffmpeg.probe(path)
    video = re.search(r"Stream #\S+.*?: Video: (\w+).*?, (\w+)(?:\([^)]*\))?, (\d+)x(\d+).*?, ([\d.]+) fps",
                      text)
    duration = re.search(r"Duration: (\d+):(\d+):([\d.]+)", text)
    assert video and duration, text
    h, m, s = duration.groups()
    return {"codec": video[1], "pix_fmt": video[2], "size": (int(video[3]), int(video[4])),
            "fps": float(video[5]), "duration": int(h) * 3600 + int(m) * 60 + float(s)}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("render")
    paths = render_snapshot(synthetic_snapshot(), out / "scene",
                            RenderOptions(formats=("gif", "mp4"), **SMALL))
    return out, paths


def test_writes_gif_mp4_and_a_poster_and_nothing_else(rendered):
    out, paths = rendered
    assert [p.name for p in paths] == ["scene.gif", "scene.mp4", "scene.png"]
    assert sorted(p.name for p in out.iterdir()) == ["scene.gif", "scene.mp4", "scene.png"]


def test_mp4_is_browser_ready_h264(rendered):
    _, paths = rendered
    mp4 = paths[1]
    info = stream_info(mp4)
    assert info["codec"] == "h264" and info["pix_fmt"] == "yuv420p"
    assert info["size"] == (320, 180) and info["fps"] == 24
    frames, secs = count_frames_and_secs(str(mp4))
    assert frames == 24 * 2 + 1  # 1 s of motion, 1 s held, and the final frame itself
    assert secs == pytest.approx(frames / 24, abs=0.05)
    head = mp4.read_bytes()[:64 * 1024]
    assert head.find(b"moov") != -1 and head.find(b"moov") < max(head.find(b"mdat"), 1 << 30)  # +faststart


def test_gif_has_its_own_fps_and_width_and_keeps_the_timing(rendered):
    _, paths = rendered
    gif = paths[0]
    frames = iio.imread(gif, index=None)
    assert frames.shape[1:3] == (136, 240)
    assert len(frames) == 25  # every other frame of the 24 fps pass
    meta = iio.immeta(gif, index=0)
    assert meta["duration"] in (80, 90)  # 1/12 s, in GIF's 10 ms steps
    assert np.any(frames[3] != frames[4]) and np.array_equal(frames[-1], frames[-2])


def test_poster_is_the_final_state_at_video_size(rendered):
    _, paths = rendered
    poster = iio.imread(paths[2])
    last = iio.imread(paths[1], index=count_frames_and_secs(str(paths[1]))[0] - 1)
    assert poster.shape == (180, 320, 3)
    assert np.abs(poster.astype(int) - last.astype(int)).mean() < 4  # only H.264's loss


def test_webm_is_vp9(tmp_path):
    (path, _poster) = render_snapshot(synthetic_snapshot(n_snapshots=10), tmp_path / "s",
                                      RenderOptions(formats=("webm",), **{**SMALL, "duration": 0.5}))
    info = stream_info(path)
    assert info["codec"] == "vp9" and info["pix_fmt"] == "yuv420p" and info["fps"] == 24
    assert count_frames_and_secs(str(path))[0] == 37  # 0.5 s + 1 s held + the final frame, at 24 fps


def gif_seconds(path) -> float:
    return sum(iio.immeta(path, index=i)["duration"] for i in range(len(iio.imread(path, index=None)))) / 1000


def test_encoder_failure_is_one_line_with_ffmpegs_words_and_leaves_no_files(tmp_path, monkeypatch):
    (tmp_path / "s.mp4").write_bytes(b"old")
    bad = ["-c:v", "libx264", "-crf", "-7"]  # a quality x264 refuses
    monkeypatch.setattr(Mp4Writer, "output_args", lambda self: [*bad, str(self.path)])
    with pytest.raises(EncoderError) as err:
        render_snapshot(synthetic_snapshot(n_snapshots=10), tmp_path / "s",
                        RenderOptions(formats=("mp4",), **SMALL))
    message = str(err.value)
    assert "\n" not in message and "ffmpeg failed writing MP4 s.mp4" in message
    assert "Error applying encoder options" in message  # ffmpeg's own words
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.mp4"]
    assert (tmp_path / "s.mp4").read_bytes() == b"old"  # the old file is untouched


def test_max_size_shrinks_the_gif_until_it_fits(tmp_path):
    snap = synthetic_snapshot(n_snapshots=20)
    opts = dict(SMALL, gif_width=320)
    (big, _) = render_snapshot(snap, tmp_path / "big", RenderOptions(formats=("gif",), poster=True, **opts))
    limit = int(big.stat().st_size * 0.6)
    (small, _) = render_snapshot(snap, tmp_path / "small",
                                 RenderOptions(formats=("gif",), max_size=limit, **opts))
    assert small.stat().st_size <= limit
    assert gif_seconds(small) == pytest.approx(gif_seconds(big), abs=0.1)  # fewer frames, same timing


def test_max_size_that_cannot_be_met_fails_clearly(tmp_path):
    with pytest.raises(GifTooLarge) as err:
        render_snapshot(synthetic_snapshot(n_snapshots=10), tmp_path / "s",
                        RenderOptions(formats=("gif",), max_size=2000, **SMALL))
    assert "\n" not in str(err.value) and "cannot fit in 0.00 MB" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_interpolation_makes_in_between_frames(tmp_path):
    snap = synthetic_snapshot(n_snapshots=5)
    opts = dict(SMALL, duration=1.0, hold=0.0, formats=("gif",), gif_fps=12, poster=False)
    (plain,) = render_snapshot(snap, tmp_path / "plain", RenderOptions(**opts))
    (smooth,) = render_snapshot(snap, tmp_path / "smooth", RenderOptions(interpolate=True, **opts))
    distinct = [len({f.tobytes() for f in iio.imread(p, index=None)}) for p in (plain, smooth)]
    assert distinct[0] <= 5 < distinct[1]
