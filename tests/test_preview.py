"""`--preview/-p`: the first output (`render all`: the gallery index) opens in the system's viewer; without
one, its path is printed instead.

A fake opener on PATH stands in for xdg-open / open and writes down what it was asked to open.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from render.app import preview as preview_module
from render.app.cli import app
from render.app.preview import preview
from render.record import record, save_snapshot
from scenes import get_scene

runner = CliRunner()


def fake_opener(folder: Path, name: str = "xdg-open", code: int = 0) -> Path:
    """An executable `name` in `folder` that appends its arguments to folder/opened.log and exits `code`."""
    folder.mkdir(exist_ok=True)
    log = folder / "opened.log"
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexit {code}\n')
    script.chmod(0o755)
    return log


def env_with(bin_dir: Path, display: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    if display:
        env["DISPLAY"] = display
    return env


@pytest.fixture
def small(tmp_path) -> Path:
    snapshot = record(get_scene("fig8").with_overrides(samples=20, every=10))
    return save_snapshot(snapshot, tmp_path / "small.npz")


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="xdg-open and DISPLAY are Linux's")


@linux_only
def test_scene_p_opens_the_first_output_through_the_real_command(tmp_path):
    log = fake_opener(tmp_path / "bin")
    done = subprocess.run([sys.executable, "-m", "render", "scene", "fig8", "--steps", "20", "--every", "10",
                           "--format", "png", "--out", str(tmp_path / "out"), "-p"], cwd=tmp_path,
                          env=env_with(tmp_path / "bin", ":99"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    shown = (tmp_path / "out" / "fig8.png").resolve()
    assert log.read_text().split() == [str(shown)]
    assert f"opened {shown}" in done.stdout


@linux_only
def test_without_a_display_it_prints_where_the_file_is(tmp_path):
    log = fake_opener(tmp_path / "bin")
    done = subprocess.run([sys.executable, "-m", "render", "scene", "fig8", "--steps", "20", "--every", "10",
                           "--format", "png", "--out", str(tmp_path / "out"), "--preview"], cwd=tmp_path,
                          env=env_with(tmp_path / "bin", None), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not log.exists()
    assert f"no display to preview on; the file is {(tmp_path / 'out' / 'fig8.png').resolve()}" in done.stdout
    assert done.stderr == ""


@linux_only
def test_video_p_opens_its_first_format(tmp_path, small, monkeypatch):
    log = fake_opener(tmp_path / "bin")
    for key, value in env_with(tmp_path / "bin", ":0").items():
        monkeypatch.setenv(key, value)
    result = runner.invoke(app, ["video", str(small), "--format", "png", "--out", str(tmp_path / "v"), "-p"])
    assert result.exit_code == 0, result.output
    assert log.read_text().split() == [str((tmp_path / "v" / "small.png").resolve())]


@linux_only
def test_all_p_opens_the_gallery_index(tmp_path, monkeypatch):
    log = fake_opener(tmp_path / "bin")
    for key, value in env_with(tmp_path / "bin", ":0").items():
        monkeypatch.setenv(key, value)
    result = runner.invoke(app, ["all", "fig8", "--steps", "20", "--every", "10", "--format", "png",
                                 "-j", "1", "--out", str(tmp_path / "g"), "-p"])
    assert result.exit_code == 0, result.output
    index = (tmp_path / "g" / "index.html").resolve()
    assert log.read_text().split() == [str(index)] and f"opened {index}" in result.output
    assert "-p" not in (tmp_path / "g" / "index.html").read_text().split()  # not in the scenes' commands


@linux_only
@pytest.mark.parametrize("case", ["fails", "missing", "wayland"])
def test_a_viewer_that_cannot_open_it_is_no_error(tmp_path, monkeypatch, case):
    target = tmp_path / "a.png"
    target.write_bytes(b"png")
    bin_dir = tmp_path / "bin"
    log = fake_opener(bin_dir, code=3 if case == "fails" else 0)
    if case == "missing":
        (bin_dir / "xdg-open").unlink()
    monkeypatch.setenv("PATH", str(bin_dir))  # nothing else: no real opener either
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY" if case == "wayland" else "DISPLAY", "wayland-0")
    said: list[str] = []
    opened = preview(target, said.append)
    assert opened is (case == "wayland")
    assert len(said) == 1
    if case == "fails":
        assert said[0] == f"xdg-open could not open it (exit 3); the file is {target.resolve()}"
    elif case == "missing":
        assert said[0] == f"xdg-open was not found; the file is {target.resolve()}"
    else:
        assert said[0] == f"opened {target.resolve()}" and log.read_text().split() == [str(target.resolve())]


def test_macos_uses_open_even_without_DISPLAY(tmp_path, monkeypatch):
    target = tmp_path / "a.gif"
    target.write_bytes(b"gif")
    log = fake_opener(tmp_path / "bin", name="open")
    monkeypatch.setattr(preview_module.sys, "platform", "darwin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv("DISPLAY", raising=False)
    said: list[str] = []
    assert preview(target, said.append)
    assert log.read_text().split() == [str(target.resolve())]


def test_windows_uses_startfile(tmp_path, monkeypatch):
    target = tmp_path / "a.mp4"
    started: list[Path] = []
    monkeypatch.setattr(preview_module.sys, "platform", "win32")
    monkeypatch.setattr(preview_module.os, "startfile", started.append, raising=False)
    said: list[str] = []
    assert preview(target, said.append)
    assert started == [target.resolve()] and said == [f"opened {target.resolve()}"]

    def refuse(path):
        raise OSError(2, "No application is associated")

    monkeypatch.setattr(preview_module.os, "startfile", refuse, raising=False)
    said.clear()
    assert not preview(target, said.append)
    assert said == [f"could not open it (No application is associated); the file is {target.resolve()}"]


def test_preview_is_off_unless_asked(tmp_path, small, monkeypatch):
    log = fake_opener(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":0")
    result = runner.invoke(app, ["video", str(small), "--format", "png", "--out", str(tmp_path / "v")])
    assert result.exit_code == 0 and not log.exists()
    assert "--preview" in runner.invoke(app, ["scene", "--help"]).output
