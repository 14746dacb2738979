"""Faults real machines have: the disk fills up, ffmpeg dies, the output folder vanishes, a file is
read-only, two renders share a folder, and Ctrl-C comes at any moment (during imports and argument
parsing too). Each ends in one line on stderr and an exit code, never a traceback, never a partial file
at a target path, earlier outputs untouched and no temporary file left behind.

Everything runs as real processes (`python -m render`), as a user would meet it. Moments that matter
are reached deterministically (an import hook, a wrapped function, a file growing), not by sleeping.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import imageio.v3 as iio
import pytest
from test_robustness import _alive, _children, _largest, files, one_line

from render.record import record
from render.record.snapshot import load_snapshot, save_snapshot
from scenes import get_scene

EARLIER = b"earlier output"
INTERRUPTED = "error: interrupted; no partial output was left behind"


@pytest.fixture(scope="module")
def long_snap(tmp_path_factory) -> Path:
    """A recording that takes a few seconds to render (300 snapshots), to break things mid-render."""
    return save_snapshot(record(get_scene("fig8").with_overrides(every=5)),
                         tmp_path_factory.mktemp("long") / "fig8.npz")


@pytest.fixture(scope="module")
def short_snap(tmp_path_factory) -> Path:
    return save_snapshot(record(get_scene("fig8").with_overrides(samples=40, every=20)),
                         tmp_path_factory.mktemp("short") / "fig8.npz")


def render_process(*args: str, tmpdir: Path | None = None, program: str | None = None,
                   **kwargs) -> subprocess.Popen:
    """`python -m render ARGS` (or `program` with sys.argv set to them), Ctrl-C as in a terminal."""
    env = {**os.environ, **({"TMPDIR": str(tmpdir)} if tmpdir else {})}
    command = [sys.executable, "-c", program, *args] if program else \
        [sys.executable, "-m", "render", *args]
    preexec = kwargs.pop("preexec_fn", None)

    def before():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if preexec:
            preexec()

    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=before, **kwargs)


def earlier_outputs(out: Path, stem: str = "fig8", suffixes=(".gif", ".mp4", ".png")) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for suffix in suffixes:
        (out / f"{stem}{suffix}").write_bytes(EARLIER)


def assert_untouched(out: Path, names=("fig8.gif", "fig8.mp4", "fig8.png")) -> None:
    """Only the earlier outputs, as they were: no partial file, no temporary file."""
    assert files(out) == sorted(names), files(out)
    assert all((out / n).read_bytes() == EARLIER for n in names)


def wait_for(condition, proc: subprocess.Popen, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, (what, proc.communicate())
        assert time.monotonic() < deadline, what
        time.sleep(0.02)


def frames_flowing(tmpdir: Path):
    """True once the GIF's intermediate holds frames: the figure is built and both encoders run."""
    return lambda: _largest(tmpdir.glob("render-gif-*/frames.mkv")) >= 64_000


# -- Ctrl-C, at the moments a sleep would rarely hit ---------------------------------------------------

#: A program that runs `render` like its console script, after planting a Ctrl-C where SETUP says.
PROGRAM = textwrap.dedent("""
    import signal, sys
    {setup}
    from render.app.entry import main
    main()
""")
CTRL_C_ON_IMPORT = """
import importlib.abc
class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
"""


def interrupted_run(setup: str, *args: str, **kwargs) -> tuple[int, str, str]:
    proc = render_process(*args, program=PROGRAM.format(setup=textwrap.dedent(setup)), **kwargs)
    stdout, stderr = proc.communicate(timeout=120)
    return proc.returncode, stdout, stderr


@pytest.mark.parametrize("module", ["typer", "rich.console", "render.app.commands.scene", "scenes.chapter",
                                    "render.draw.scene_figure"])
def test_ctrl_c_while_the_app_imports_is_exit_130_and_one_line(module, tmp_path):
    """`render scene` imports typer and rich at start-up, the scenes while parsing, the figure to draw."""
    code, stdout, stderr = interrupted_run(CTRL_C_ON_IMPORT.format(module=module), "scene", "fig8",
                                           "--steps", "40", "--every", "20", "--format", "png",
                                           "--out", str(tmp_path / "out"))
    assert code == 130, (code, stderr)
    assert one_line(stderr) == INTERRUPTED and stdout == ""
    assert files(tmp_path / "out") == []


@pytest.mark.parametrize("module, owner, name", [("typer.core", "TyperGroup", "make_context"),
                                                 ("typer.core", "TyperCommand", "parse_args"),
                                                 ("render.app.params", "", "render_options")])
def test_ctrl_c_while_arguments_are_parsed_is_exit_130_and_one_line(module, owner, name, tmp_path):
    """Click's own handling would say "Aborted!" and exit 1 (or exit 130 silently, by typer version)."""
    setup = f"""
        import importlib
        target = importlib.import_module({module!r})
        target = getattr(target, {owner!r}) if {owner!r} else target
        original = getattr(target, {name!r})
        def interrupted(*args, **kwargs):
            signal.raise_signal(signal.SIGINT)
            return original(*args, **kwargs)
        setattr(target, {name!r}, interrupted)
    """
    code, stdout, stderr = interrupted_run(setup, "video", str(tmp_path / "x.npz"), "--out",
                                           str(tmp_path / "out"))
    assert code == 130, (code, stderr)
    assert one_line(stderr) == INTERRUPTED and stdout == ""
    assert not (tmp_path / "out").exists()


def test_ctrl_c_inside_a_string_exec_is_still_130_under_python_m(tmp_path):
    """CPython marks a KeyboardInterrupt that leaves an exec()'d string (as a dataclass's methods are
    made while a module imports) as unhandled, even when caught: `python -m` then re-kills itself with
    SIGINT after exit(130) (returncode -2). The SIGINT test that failed once in a full run hit this."""
    scene_file = tmp_path / "ctrl_c.py"
    scene_file.write_text('exec("import signal; signal.raise_signal(signal.SIGINT)")\n')
    proc = render_process("record", f"{scene_file}:x", "-o", str(tmp_path / "x.npz"))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, (proc.returncode, stderr)
    assert one_line(stderr) == INTERRUPTED
    assert files(tmp_path) == ["ctrl_c.py"]


def second_signal_in_the_cleanup(long_snap: Path, tmp_path: Path, sig: int, setup: str) -> str:
    """`render video` mid-stream gets `sig`; `setup` plants the second one in the cleanup that the first
    starts. Whatever the second cuts, the earlier outputs stay and no temporary file is left. The line."""
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    earlier_outputs(out)
    proc = render_process("video", str(long_snap), "--format", "gif,mp4", "--quality", "low", "--out",
                          str(out), tmpdir=tmp, program=PROGRAM.format(setup=textwrap.dedent(setup)))
    wait_for(frames_flowing(tmp), proc, "frames never reached the encoders")
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + sig, (proc.returncode, stderr)
    assert stdout == ""
    assert_untouched(out)
    assert files(tmp) == []
    return one_line(stderr)


def test_a_second_ctrl_c_during_the_cleanup_does_not_cut_it_short(long_snap, tmp_path):
    """People press Ctrl-C twice; the second must not leave the encoders' temporary files behind."""
    setup = """
        import render.encode.ffmpeg as ffmpeg
        kill = ffmpeg.FFmpeg.kill
        second = [True]
        def kill_interrupted(self):
            if second.pop() if second else False:
                signal.raise_signal(signal.SIGINT)  # the second Ctrl-C, in the middle of the cleanup
            return kill(self)
        ffmpeg.FFmpeg.kill = kill_interrupted
    """
    assert second_signal_in_the_cleanup(long_snap, tmp_path, signal.SIGINT, setup) == INTERRUPTED


@pytest.mark.parametrize("group", [False, True], ids=["process", "terminal"])
@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"),
                                             (signal.SIGTERM, 143, "terminated")])
def test_a_signal_while_runs_train_in_workers_stops_them_all(group, sig, code, word, tmp_path):
    """`render scene` trains its runs in forked workers: they leave signals to the parent, which stops
    them; nothing is written and no worker outlives the command."""
    out = tmp_path / "out"
    earlier_outputs(out, "fig7_vs_fig8", (".npz", ".gif", ".mp4", ".png"))
    proc = render_process("scene", "fig7_vs_fig8", "--steps", "200000", "--every", "20000", "--format",
                          "png", "--out", str(out), start_new_session=group)
    wait_for(lambda: len(_children(proc.pid)) >= 2, proc, "the runs never went to workers", timeout=60)
    workers = _children(proc.pid)
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, (proc.returncode, stderr)
    assert word in one_line(stderr) and "wrote" not in stdout
    assert_untouched(out, ("fig7_vs_fig8.gif", "fig7_vs_fig8.mp4", "fig7_vs_fig8.npz", "fig7_vs_fig8.png"))
    assert not [w for w in workers if _alive(w)], "a worker outlived the command"


def test_a_signal_during_the_fork_itself_is_not_lost(tmp_path):
    """Python ignores exceptions raised in its after-fork hooks: a SIGTERM handled there would vanish
    and the command carry on. The workers are forked with signals held, so it acts just after."""
    out = tmp_path / "out"
    setup = """
        import os
        once = [True]
        def terminated_in_the_hook():
            if once.pop() if once else False:
                os.kill(os.getpid(), signal.SIGTERM)
        os.register_at_fork(after_in_parent=terminated_in_the_hook)
    """
    proc = render_process("scene", "fig7_vs_fig8", "--steps", "3000", "--format", "png", "--out", str(out),
                          program=PROGRAM.format(setup=textwrap.dedent(setup)))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 143, (proc.returncode, stderr)
    assert "terminated" in one_line(stderr) and files(out) == []


def test_a_second_sigterm_during_the_cleanup_does_not_cut_it_short(long_snap, tmp_path):
    """A service manager may send SIGTERM twice; the second must not leave temporary files behind."""
    setup = """
        import os, pathlib
        unlink = pathlib.Path.unlink
        second = [True]
        def unlink_terminated(self, *args, **kwargs):
            if ".tmp" in self.name and (second.pop() if second else False):
                os.kill(os.getpid(), signal.SIGTERM)  # the second SIGTERM, as the temporary files go
            return unlink(self, *args, **kwargs)
        pathlib.Path.unlink = unlink_terminated
    """
    assert "terminated" in second_signal_in_the_cleanup(long_snap, tmp_path, signal.SIGTERM, setup)


def test_a_ctrl_c_during_the_renames_lands_after_the_last(tmp_path, monkeypatch):
    """A render's outputs are renamed into place together: a Ctrl-C in between waits for the last."""
    from render.record import atomic

    pairs = []
    for name in ("a.npz", "a.gif", "a.mp4"):
        tmp = atomic.temp_beside(tmp_path / name)
        tmp.write_bytes(b"new")
        pairs.append((tmp, tmp_path / name))
    replace = os.replace

    def replace_then_ctrl_c(src, dst):
        replace(src, dst)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(atomic.os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        atomic.publish_all(pairs)
    assert files(tmp_path) == ["a.gif", "a.mp4", "a.npz"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


# -- Ctrl-C at any moment -------------------------------------------------------------------------------

#: When the Ctrl-C comes, in seconds after the process has begun importing the app (numpy is mapped):
#: fixed, so each CI run is the same run, and spread to the end of the render; what must hold holds at
#: every one. (Earlier, Python is still starting: site.py, before any line of ours; the import tests
#: above plant a Ctrl-C inside the app's own imports.)
MOMENTS = [0.0, 0.1, 0.3, 0.7, 1.4, 3.0]


def importing_the_app(pid: int) -> bool:
    try:
        return "_multiarray_umath" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.parametrize("group", [False, True], ids=["process", "terminal"])
def test_ctrl_c_at_any_moment(group, short_snap, tmp_path):
    """`terminal` sends it to the whole process group, as a terminal does: ffmpeg gets it too."""
    for i, moment in enumerate(MOMENTS):
        out, tmp = tmp_path / f"out{i}", tmp_path / f"tmp{i}"
        tmp.mkdir()
        earlier_outputs(out, suffixes=(".gif", ".mp4", ".png", ".html"))
        proc = render_process("video", str(short_snap), "--quality", "low", "--format", "gif,mp4,html",
                              "--out", str(out), tmpdir=tmp, start_new_session=group)
        wait_for(lambda p=proc: importing_the_app(p.pid), proc, "numpy never loaded", timeout=60)
        time.sleep(moment)
        if group:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
        context = (moment, proc.returncode, stdout, stderr)
        if proc.returncode == 0:  # the render won the race: whole new files
            assert "Traceback" not in stderr and "wrote" in stdout, context
            assert iio.imread(out / "fig8.png").ndim == 3
        else:
            assert proc.returncode == 130 and one_line(stderr) == INTERRUPTED, context
            for name in files(out):  # each target is the earlier file or a whole new one, never a part
                data = (out / name).read_bytes()
                assert data == EARLIER or name.endswith(".html") or iio.imread(out / name) is not None, name
        assert sorted(files(out)) == ["fig8.gif", "fig8.html", "fig8.mp4", "fig8.png"], context
        assert files(tmp) == [], context


# -- the disk ---------------------------------------------------------------------------------------

def file_size_limit(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("limit", [4_000, 300_000])
def test_a_file_size_limit_mid_write_is_one_line_and_leaves_nothing(limit, long_snap, tmp_path):
    """RLIMIT_FSIZE: writes past it fail with EFBIG, in our process and in ffmpeg (SIGXFSZ is ignored
    by Python and stays ignored in its children), at whichever file reaches it first."""
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    earlier_outputs(out)
    proc = render_process("video", str(long_snap), "--quality", "low", "--format", "gif,mp4", "--out",
                          str(out), tmpdir=tmp, preexec_fn=file_size_limit(limit))
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, (proc.returncode, stderr)
    line = one_line(stderr)
    assert "internal error" not in line and ("File too large" in line or "ffmpeg failed" in line), line
    assert_untouched(out)
    assert files(tmp) == []


def test_a_snapshot_that_cannot_be_written_whole_leaves_the_earlier_one(tmp_path):
    target = tmp_path / "fig8.npz"
    target.write_bytes(EARLIER)
    proc = render_process("record", "fig8", "--every", "5", "-o", str(target),
                          preexec_fn=file_size_limit(100_000))
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1 and "File too large" in one_line(stderr), stderr
    assert files(tmp_path) == ["fig8.npz"] and target.read_bytes() == EARLIER


@pytest.fixture
def tiny_disk(tmp_path):
    """A 600 kB tmpfs (root can mount one here; elsewhere the test says why it cannot run)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_line_and_leaves_the_earlier_outputs(long_snap, tiny_disk):
    out = tiny_disk / "out"
    earlier_outputs(out)
    proc = render_process("video", str(long_snap), "--quality", "low", "--format", "gif,mp4", "--out",
                          str(out), tmpdir=tiny_disk)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, (proc.returncode, stderr)
    line = one_line(stderr)
    assert "internal error" not in line and ("No space left" in line or "ffmpeg failed" in line), line
    assert_untouched(out)
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["out"]  # the GIF's intermediates are gone too


def test_a_read_only_output_folder_is_refused_before_the_work(short_snap, tiny_disk):
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    proc = render_process("video", str(short_snap), "--out", str(tiny_disk))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1 and f"cannot write into folder {tiny_disk}" in one_line(stderr), stderr


def test_a_read_only_snapshot_renders_and_stays_as_it_was(short_snap, tmp_path):
    snap = tmp_path / "fig8.npz"
    shutil.copy(short_snap, snap)
    snap.chmod(0o444)
    before = snap.read_bytes()
    proc = render_process("video", str(snap), "--quality", "low", "--format", "png")
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert files(tmp_path) == ["fig8.npz", "fig8.png"]
    assert snap.read_bytes() == before and snap.stat().st_mode & 0o777 == 0o444


# -- ffmpeg, the output folder ------------------------------------------------------------------------

def test_ffmpeg_killed_mid_encode_is_one_line_and_leaves_nothing(long_snap, tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    earlier_outputs(out)
    proc = render_process("video", str(long_snap), "--quality", "low", "--format", "gif,mp4", "--out",
                          str(out), tmpdir=tmp)
    wait_for(frames_flowing(tmp), proc, "frames never reached the encoders")
    children = _children(proc.pid)
    assert len(children) == 2
    os.kill(children[-1], signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, (proc.returncode, stderr)
    line = one_line(stderr)
    assert "ffmpeg failed writing" in line and "exit code -9" in line, line
    assert_untouched(out)
    assert files(tmp) == []
    time.sleep(0.2)
    assert not [c for c in children if _alive(c)]


def test_the_output_folder_removed_mid_render_is_one_line(long_snap, tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    proc = render_process("video", str(long_snap), "--quality", "low", "--format", "gif,mp4", "--out",
                          str(out), tmpdir=tmp)
    wait_for(frames_flowing(tmp), proc, "frames never reached the encoders")
    shutil.rmtree(out)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, (proc.returncode, stderr)
    line = one_line(stderr)
    assert "internal error" not in line and str(out) in line, line
    assert not out.exists() or files(out) == []
    assert files(tmp) == []


# -- two at once ------------------------------------------------------------------------------------

def test_two_render_all_into_one_folder_at_once_both_finish_with_whole_files(tmp_path):
    args = ["all", "fig8", "relu_quadratic", "--steps", "60", "--every", "20", "--quality", "low",
            "--format", "gif,png,html", "--gif-width", "320", "--out", str(tmp_path), "-j", "2"]
    procs = [render_process(*args) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    for p, (stdout, stderr) in zip(procs, results):
        assert p.returncode == 0, stderr
        assert "Traceback" not in stderr and "wrote" in stdout
    names = files(tmp_path)
    assert "index.html" in names and not [n for n in names if ".tmp" in n], names
    for stem in ("fig8", "relu_quadratic"):
        load_snapshot(tmp_path / f"{stem}.npz")
        assert len(iio.imread(tmp_path / f"{stem}.gif", index=None)) > 3
        assert iio.imread(tmp_path / f"{stem}.png").ndim == 3
        assert (tmp_path / f"{stem}.html").read_text().rstrip().endswith("</html>")
    assert (tmp_path / "index.html").read_text().count("fig8") >= 1
