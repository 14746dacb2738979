"""Issue 5: every bad input gets one clear line on stderr, the right exit code, no traceback, and
loses nothing (no half-written file at a target path, an earlier output untouched).

CLI cases go through typer's CliRunner (in-process, so the engine can be monkeypatched) or, where the
real process matters (signals, two renders at once, the entry point), through `python -m render`.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest
from null_writer import NullWriter
from render_synthetic import synthetic_snapshot
from typer.testing import CliRunner

from render.app import cli
from render.draw.scene_figure import SceneFigure
from render.encode import ffmpeg
from render.encode.options import RenderOptions
from render.encode.stream import stream
from render.encode.timeline import Timeline
from render.encode.writers import GifWriter, Mp4Writer
from render.record import record
from render.record.snapshot import load_snapshot, save_snapshot
from scenes import get_scene

runner = CliRunner()
QUICK = ["--steps", "40", "--every", "20", "--quality", "low"]


def one_line(result_or_text) -> str:
    """The single line on stderr; fails on blank lines, several lines or a traceback."""
    text = result_or_text if isinstance(result_or_text, str) else result_or_text.stderr
    assert "Traceback" not in text, text
    lines = text.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("error: "), repr(text)
    return lines[0]


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def python_render(*args: str, **kwargs) -> subprocess.Popen:
    """`python -m render ARGS` as a real process, with Ctrl-C behaving as in a terminal."""
    return subprocess.Popen([sys.executable, "-m", "render", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


@pytest.fixture(scope="module")
def snap_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("snap") / "fig8.npz"
    return save_snapshot(record(get_scene("fig8").with_overrides(samples=40, every=20)), path)


@pytest.fixture
def no_training(monkeypatch):
    """Refusals must come before any training: training fails the test if it starts."""

    def trained(*_args, **_kwargs):
        raise AssertionError("training started")

    monkeypatch.setattr("render.record.record", trained)


# -- unknown scene ---------------------------------------------------------------------------------

def test_unknown_scene_is_one_line_naming_the_closest_scenes_exit_2(tmp_path):
    proc = python_render("scene", "fig7_vs_fig9", "--out", str(tmp_path / "out"))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    line = one_line(err)
    assert "fig7_vs_fig9" in line and "fig7_vs_fig8" in line
    assert not (tmp_path / "out").exists() and out == ""


@pytest.mark.parametrize("name, closest", [("FIG8", "did you mean fig8,"), ("relu", "relu_quadratic"),
                                           ("Fig7-vs-fig8", "did you mean fig7_vs_fig8")])
def test_unknown_scene_names_the_closest_in_any_case_or_by_a_part(name, closest, tmp_path, no_training):
    result = runner.invoke(cli.app, ["scene", name, "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    line = one_line(result)
    assert closest in line and "init_basin" not in line


@pytest.mark.parametrize("command", ["scene", "record"])
def test_unknown_scene_without_close_match_lists_the_scenes(command, tmp_path, no_training):
    result = runner.invoke(cli.app, [command, "nothing_like_it", "--out" if command == "scene" else "-o",
                                     str(tmp_path / "x")])
    assert result.exit_code == 2
    line = one_line(result)
    assert all(name in line for name in ("fig8", "fig7_vs_fig8", "relu_quadratic"))


# -- bad options (tests/test_cli.py has fps 0, every 0, steps 0, avi, size "big") -------------------

@pytest.mark.parametrize("args", [
    "scene fig8 --fps -5", "scene fig8 --fps many", "scene fig8 --every -1", "record fig8 --every 0",
    "record fig8 --steps -3", "scene fig8 --steps 1.5", "scene fig8 --format gif,avi",
    "scene fig8 --format ,", "scene fig8 --size 1280x", "scene fig8 --size 0x720",
    "scene fig8 --size 1e3x720", "scene fig8 --gif-fps 0", "scene fig8 --gif-width 10",
    "scene fig8 --max-size lots", "scene fig8 --lr nan", "record fig8 --lr inf", "scene fig8 --lr -0.1",
    "video SNAP --fps 0", "video SNAP --format avi", "video SNAP --size big",
])
def test_bad_options_are_usage_errors_before_any_work(args, tmp_path, snap_file, no_training):
    args = [str(snap_file) if a == "SNAP" else a for a in args.split()]
    where = ["-o", str(tmp_path / "o" / "x.npz")] if args[0] == "record" else ["--out", str(tmp_path / "o")]
    result = runner.invoke(cli.app, args + where)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "training started" not in result.output
    assert files(tmp_path) == []


# -- output folder ---------------------------------------------------------------------------------

def _unwritable_cases(tmp_path: Path) -> list[tuple[list[str], str]]:
    """(arguments, words of the message). Tests run as root, so permission bits stop nothing: use a
    path under a regular file, a regular file as the folder, and procfs (a folder nobody can write)."""
    plain = tmp_path / "plain"
    plain.write_text("not a folder")
    cases = [
        (["scene", "fig8", "--out", str(plain)], f"output folder {plain} is a file"),
        (["scene", "fig8", "--out", str(plain / "sub")], f"cannot create output folder {plain / 'sub'}"),
        (["record", "fig8", "-o", str(plain / "x.npz")], f"{plain} is a file, not a folder"),
        (["record", "fig8", "-o", str(tmp_path / "missing" / "x.npz")], "does not exist"),
        (["record", "fig8", "-o", str(tmp_path)], f"{tmp_path} is a folder"),
        (["video", "SNAP", "--out", str(plain)], f"output folder {plain} is a file"),
    ]
    if Path("/proc/self").is_dir():  # exists, is a folder, and refuses new files even to root
        cases += [(["scene", "fig8", "--out", "/proc"], "cannot write into folder /proc"),
                  (["record", "fig8", "-o", "/proc/fig8.npz"], "cannot write into folder /proc")]
    return cases


def test_output_folder_that_cannot_be_used_is_one_line_exit_1_before_training(tmp_path, snap_file,
                                                                                no_training):
    for args, words in _unwritable_cases(tmp_path):
        args = [str(snap_file) if a == "SNAP" else a for a in args]
        result = runner.invoke(cli.app, args)
        assert result.exit_code == 1, (args, result.output)
        line = one_line(result)
        assert words in line and ".tmp" not in line, (args, line)
    assert files(tmp_path) == ["plain"]
    assert not any(p.name.startswith(".render-probe") for p in Path("/proc").iterdir())


# -- snapshot files --------------------------------------------------------------------------------

class Trap:
    """Unpickling this creates a folder: proof that something was unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return os.mkdir, (self.marker,)


def _bad_snapshots(good: Path, folder: Path, marker: Path) -> dict[str, str]:
    """file name -> words the one-line message must contain."""
    with np.load(good, allow_pickle=False) as z:
        data = {k: z[k] for k in z.files}
    meta = json.loads(str(data["meta"]))
    trap = np.empty(1, dtype=object)
    trap[0] = Trap(marker)

    def npz(name: str, meta_changes=None, drop=(), **arrays) -> None:
        m = {**meta, **(meta_changes or {})}
        kept = {k: v for k, v in data.items() if k not in drop and k != "meta"}
        np.savez(folder / name, meta=np.array(json.dumps(m)), **{**kept, **arrays})

    (folder / "empty.npz").write_bytes(b"")
    raw = good.read_bytes()
    (folder / "truncated.npz").write_bytes(raw[: len(raw) // 2])
    corrupt = bytearray(raw)
    corrupt[len(raw) // 3: len(raw) // 3 + 64] = bytes(64)
    (folder / "corrupt.npz").write_bytes(bytes(corrupt))
    (folder / "notes.npz").write_text("just some text\n")
    (folder / "pickle.npz").write_bytes(pickle.dumps(Trap(marker)))
    with open(folder / "array.npz", "wb") as f:
        np.save(f, np.arange(3))
    npz("future.npz", {"format_version": 99})
    npz("ancient.npz", {"format_version": 0})
    npz("nocurves.npz", drop=("curves", "params"))
    npz("objects.npz", curves=trap)
    npz("objmeta.npz", drop=("meta",), extra=trap)
    npz("nopanels.npz", {"panels": None})
    npz("badrun.npz", {"runs": [{"samples": 40}]})
    return {
        "missing.npz": "no such file", "empty.npz": "empty", "truncated.npz": "truncated or corrupt",
        "corrupt.npz": "truncated or corrupt", "notes.npz": "not an .npz", "pickle.npz": "not an .npz",
        "array.npz": "single .npy array", "future.npz": "version 99 is newer", "ancient.npz": "version 0",
        "nocurves.npz": "missing arrays: curves, params", "objects.npz": "pickled",
        "objmeta.npz": "pickled", "nopanels.npz": "metadata 'panels'", "badrun.npz": "metadata 'runs'",
    }


def test_bad_snapshot_files_are_one_line_naming_file_and_problem_and_nothing_is_unpickled(tmp_path,
                                                                                          snap_file):
    marker = tmp_path / "unpickled"
    cases = _bad_snapshots(snap_file, tmp_path, marker)
    out = tmp_path / "out"
    for name, words in cases.items():
        result = runner.invoke(cli.app, ["video", str(tmp_path / name), "--format", "png", "--out", str(out)])
        assert result.exit_code == 1, (name, result.output)
        line = one_line(result)
        assert str(tmp_path / name) in line and words in line, (name, line)
        assert "internal error" not in line
    assert not marker.exists()
    assert not out.exists()


# -- divergence ------------------------------------------------------------------------------------

def test_divergence_is_detected_recorded_stops_training_and_is_marked_in_the_render(tmp_path):
    result = runner.invoke(cli.app, ["scene", "fig8", "--lr", "1000", "--steps", "200", "--every", "10",
                                     "--quality", "low", "--format", "png", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert files(tmp_path) == ["fig8.npz", "fig8.png"]
    snap = load_snapshot(tmp_path / "fig8.npz")
    at = snap.meta["runs"][0]["diverged_at"]
    assert isinstance(at, int) and 1 <= at < 200
    warning = [line for line in result.stderr.splitlines() if "diverged" in line]
    assert len(warning) == 1 and f"at sample {at};" in warning[0] and "Fig 8" in warning[0]
    # training stopped: every snapshot after the divergence holds the same, finite, parameters
    after = snap.steps >= at
    assert after.sum() > 1 and (snap.params[0, after] == snap.params[0, after][0]).all()
    assert np.isfinite(snap.params).all() and np.isfinite(snap.curves).all()
    # the render: finite axis limits, and the divergence written on the output panel from then on
    view = SceneFigure(snap, size=(854, 480))
    for row in view.axes:
        for ax in row:
            assert np.isfinite(ax.get_ylim()).all() and np.isfinite(ax.get_xlim()).all()
    view.update(0)
    assert view.warnings[0].get_text() == ""
    view.update(len(snap.steps) - 1)
    assert f"diverged at sample {at}" in view.warnings[0].get_text()


# -- signals ---------------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _largest(paths) -> int:
    """The size of the largest of `paths` that still exist (0 for none)."""
    sizes = [0]
    for p in paths:
        with contextlib.suppress(OSError):
            sizes.append(p.stat().st_size)
    return max(sizes)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"),
                                             (signal.SIGTERM, 143, "terminated")])
def test_a_signal_mid_render_leaves_no_file_and_keeps_earlier_outputs(sig, code, word, tmp_path):
    snap = save_snapshot(record(get_scene("fig8").with_overrides(every=5)), tmp_path / "fig8.npz")
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    tmp.mkdir()
    for suffix in (".gif", ".mp4", ".png"):
        (out / f"fig8{suffix}").write_bytes(b"earlier output")
    proc = python_render("video", str(snap), "--format", "gif,mp4", "--quality", "medium", "--out", str(out),
                         env={**os.environ, "TMPDIR": str(tmp)})
    # Mid-stream, whatever the machine's load: once the GIF's intermediate holds frames, the figure is
    # built and frames flow into both encoders. (A fixed 0.3 s after the first temporary file used to
    # land, on a loaded machine, while the figure's modules were still being imported; see
    # tests/test_faults.py for Ctrl-C at any moment, and render/app/entry.py for what that exposed.)
    deadline = time.monotonic() + 120
    while _largest(tmp.glob("render-gif-*/frames.mkv")) < 64_000:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no frames reached the encoders"
        time.sleep(0.02)
    children = _children(proc.pid)
    assert [p for p in out.iterdir() if ".tmp" in p.name], "no temporary file to clean up"
    assert proc.poll() is None and len(children) == 2, "the render ended before it could be interrupted"
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, (proc.returncode, stderr)  # a once-seen exit 1: say why, if it recurs
    assert word in one_line(stderr) and stdout == ""
    assert files(out) == ["fig8.gif", "fig8.mp4", "fig8.png"]  # no temporary files left
    assert all((out / n).read_bytes() == b"earlier output" for n in files(out))
    assert files(tmp) == []  # the GIF's intermediate folder is gone too
    time.sleep(0.2)
    assert not [c for c in children if _alive(c)], "an ffmpeg outlived the render"


def test_interrupted_writer_kills_and_reaps_its_ffmpeg(tmp_path):
    writer = Mp4Writer(tmp_path / "x.mp4", RenderOptions(), fps=10)
    frame = memoryview(np.zeros((64, 64, 4), np.uint8).tobytes())
    with pytest.raises(KeyboardInterrupt):
        with writer.saving((64, 64)):
            writer.grab_frame(frame)
            raise KeyboardInterrupt
    assert writer.proc.proc.returncode is not None  # killed and waited for: no zombie, no orphan


def test_interrupted_ffmpeg_run_is_killed(monkeypatch):
    started = []

    def interrupted_close(self):
        started.append(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(ffmpeg.FFmpeg, "close", interrupted_close)
    with pytest.raises(KeyboardInterrupt):
        ffmpeg.run(["-f", "lavfi", "-i", "nullsrc=s=64x64:d=600", "-f", "null", "-"], "a long job")
    assert started and started[0].proc.returncode is not None


def test_gif_writer_whose_setup_fails_removes_its_intermediate_folder(tmp_path, monkeypatch):
    def no_ffmpeg(*_args, **_kwargs):
        raise OSError("no ffmpeg")

    monkeypatch.setattr(ffmpeg, "FFmpeg", no_ffmpeg)
    writer = GifWriter(tmp_path / "x.gif", RenderOptions(), fps=10)
    with pytest.raises(OSError):
        with writer.saving((64, 64)):
            pass
    assert not writer.tmpdir.exists()


# -- two renders at once ---------------------------------------------------------------------------

def test_two_renders_of_one_scene_into_one_folder_both_finish_with_valid_files(tmp_path):
    args = ["scene", "fig8", *QUICK, "--size", "320x180", "--gif-width", "160", "--format", "gif,mp4",
            "--out", str(tmp_path)]
    procs = [python_render(*args) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (stdout, stderr) in zip(procs, results):
        assert p.returncode == 0, stderr
        assert "wrote" in stdout and "Traceback" not in stderr
    assert files(tmp_path) == ["fig8.gif", "fig8.mp4", "fig8.npz", "fig8.png"]
    load_snapshot(tmp_path / "fig8.npz")
    for name in ("fig8.gif", "fig8.mp4"):
        frames = iio.imread(tmp_path / name, index=None)
        assert len(frames) > 10 and frames[0].ndim == 3
    assert iio.imread(tmp_path / "fig8.png").ndim == 3


# -- encoder failure -------------------------------------------------------------------------------

def test_encoder_failure_is_one_line_with_ffmpegs_last_words(tmp_path, snap_file, monkeypatch):
    bad = ["-c:v", "libx264", "-crf", "-7"]  # a quality x264 refuses
    monkeypatch.setattr(Mp4Writer, "output_args", lambda self: [*bad, str(self.path)])
    (tmp_path / "fig8.mp4").write_bytes(b"earlier output")
    result = runner.invoke(cli.app, ["video", str(snap_file), "--format", "mp4", "--quality", "low",
                                     "--out", str(tmp_path)])
    assert result.exit_code == 1
    line = one_line(result)
    assert "ffmpeg failed writing MP4 fig8.mp4" in line and "Error" in line.split("):", 1)[1]
    assert "internal error" not in line
    assert files(tmp_path) == ["fig8.mp4"] and (tmp_path / "fig8.mp4").read_bytes() == b"earlier output"


def test_a_gif_that_cannot_fit_max_size_is_one_line(tmp_path, snap_file):
    result = runner.invoke(cli.app, ["video", str(snap_file), "--format", "gif", "--quality", "low",
                                     "--gif-width", "160", "--max-size", "1k", "--out", str(tmp_path)])
    assert result.exit_code == 1
    line = one_line(result)
    assert "cannot fit" in line and "internal error" not in line
    assert files(tmp_path) == []


# -- far too large ---------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["scene", "record"])
def test_a_recording_far_too_large_is_refused_up_front_with_the_estimate(command, tmp_path, no_training):
    where = ["--out", str(tmp_path)] if command == "scene" else ["-o", str(tmp_path / "x.npz")]
    started = time.monotonic()
    result = runner.invoke(cli.app, [command, "fig7_vs_fig8", "--steps", "50000000", "--every", "1", *where])
    assert result.exit_code == 2
    line = one_line(result)
    assert "GiB" in line and "--every" in line and "--steps" in line
    assert time.monotonic() - started < 10 and files(tmp_path) == []


class MemoryProbe(NullWriter):
    """Traces Python and numpy allocations from the second frame on; notes what is held at frame 6."""

    def grab_frame(self, frame: memoryview) -> None:
        super().grab_frame(frame)
        if self.frames == 2:
            tracemalloc.start()
        elif self.frames == 6:
            self.early = tracemalloc.get_traced_memory()[0]


def test_rendering_streams_frames_memory_does_not_grow_with_their_number():
    snap = synthetic_snapshot(n_snapshots=20, grid_points=31)
    view = SceneFigure(snap, size=(320, 180), loss_panel=False)
    timeline = Timeline(len(snap.steps), fps=10, duration=3, hold=0, interpolate=True)  # redraw every frame
    probe = MemoryProbe(Path("unused"), RenderOptions(), fps=10)
    try:
        stream(view, timeline, [probe])
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert probe.frames == timeline.frames == 31
    frame_bytes = 320 * 180 * 4
    assert held - probe.early < frame_bytes, (probe.early, held)  # the 25 frames after 6 would be 5.8 MB
    assert peak < 4 * frame_bytes, peak


# -- tracebacks ------------------------------------------------------------------------------------

def test_a_bug_is_one_line_and_debug_shows_its_traceback(tmp_path, snap_file, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("render.encode.video.render_snapshot", broken)
    args = ["video", str(snap_file), "--out", str(tmp_path)]
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 1
    assert "RuntimeError: boom" in one_line(result) and "--debug" in result.stderr
    debug = runner.invoke(cli.app, ["--debug", *args])
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "boom" in debug.stderr


def test_ctrl_c_is_exit_130_in_process(tmp_path, snap_file, monkeypatch):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("render.encode.video.render_snapshot", interrupted)
    result = runner.invoke(cli.app, ["video", str(snap_file), "--out", str(tmp_path)])
    assert result.exit_code == 130 and "interrupted" in one_line(result)

