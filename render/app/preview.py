"""`--preview/-p`: open what was just rendered in the system's viewer, as manim's `-p` does.

xdg-open on Linux and the BSDs, `open` on macOS, `os.startfile` on Windows. Previewing is a courtesy, never
a failure: with no display (no DISPLAY or WAYLAND_DISPLAY on Linux), no opener, or an opener that fails,
it prints where the file is instead and the command still succeeds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

#: seconds to wait for the opener: long enough to see it fail, short enough if it stays in the foreground
WAIT = 2.0


def _opener() -> tuple[str | None, str]:
    """(the opener's path or None, why there is none)."""
    if sys.platform == "darwin":
        return shutil.which("open"), "`open` was not found"
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None, "no display to preview on"
    return shutil.which("xdg-open"), "xdg-open was not found"


def preview(path: str | os.PathLike, report: Callable[[str], None]) -> bool:
    """Open `path` in the system's viewer; say what happened through `report`. True when it opened."""
    path = Path(path).resolve()
    if sys.platform == "win32":
        try:
            os.startfile(path)  # type: ignore[attr-defined]  # Windows only
        except OSError as e:
            report(f"could not open it ({e.strerror}); the file is {path}")
            return False
        report(f"opened {path}")
        return True
    command, why = _opener()
    if command is None:
        report(f"{why}; the file is {path}")
        return False
    try:  # a session of its own: the viewer outlives us, and Ctrl-C here does not reach it
        proc = subprocess.Popen([command, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as e:
        report(f"could not run {command} ({e.strerror}); the file is {path}")
        return False
    try:
        code = proc.wait(timeout=WAIT)
    except subprocess.TimeoutExpired:
        code = 0  # still running: the viewer is up
    if code != 0:
        report(f"{Path(command).name} could not open it (exit {code}); the file is {path}")
        return False
    report(f"opened {path}")
    return True
