"""What the user sees of a command besides its files: output lines, one-line errors, exit codes.

Every message goes through rich with markup off for its text, so a message shows exactly what it says
(`pip install "ourdl-render[zh]"` keeps its brackets).
"""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from render.app.escalating import Escalating
from render.encode.options import format_bytes

out_console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
state = {"debug": False}


class UserError(Exception):
    """A problem the user can fix; shown as one line, exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every `finally` cleans up its temporary files."""


#: SIGTERM as Ctrl-C: the first raises Terminated, a second lets the cleanup run to its end
on_sigterm = Escalating(Terminated, "terminated", 143)


def say(text: str) -> None:
    """One line (or a few) on stdout, exactly as written."""
    out_console.print(text, markup=False, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    err_console.print(f"[yellow]warning:[/] {escape(text)}", soft_wrap=True)


def fail(message: str, code: int) -> typer.Exit:
    """Print `error: message` on stderr, on one line whatever it quotes, and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {escape(' '.join(message.splitlines()))}", soft_wrap=True)
    return typer.Exit(code)


def user_error_types() -> tuple[type[BaseException], ...]:
    """The engine's exceptions that are the user's to fix, each shown as its one-line message (exit 1).

    Imported here, when a command has failed, so that start-up does not pay for the engine's modules."""
    from render.draw.fonts import FontMissing
    from render.encode.ffmpeg import EncoderError
    from render.encode.writers import GifTooLarge
    from render.record.snapshot import SnapshotError

    return SnapshotError, EncoderError, GifTooLarge, FontMissing


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn every expected failure into one line on stderr and an exit code; no traceback."""
    from scenes import SceneNotFound

    try:
        yield
    except typer.Exit:
        raise
    except Terminated:
        raise fail("terminated; no partial output was left behind", 143) from None
    except KeyboardInterrupt:
        raise fail("interrupted; no partial output was left behind", 130) from None
    except SceneNotFound as e:
        raise fail(str(e), 2) from None
    except UserError as e:
        raise fail(str(e), e.code) from None
    except OSError as e:
        where = f" ({e.filename})" if getattr(e, "filename", None) else ""
        raise fail(f"{e.strerror or e}{where}", 1) from None
    except Exception as e:
        if isinstance(e, user_error_types()):
            raise fail(str(e), 1) from None
        if state["debug"]:  # a bug, not a user error: still one line unless --debug
            traceback.print_exc()
        raise fail(f"internal error: {type(e).__name__}: {e} (run with --debug for the traceback)",
                   1) from None


def report(paths: list[Path]) -> None:
    for p in paths:
        say(f"wrote {p}  ({format_bytes(p.stat().st_size)})")


def out_dir(out: Path) -> Path:
    """The output folder, created if needed; fails before any work when nothing can be written there."""
    if out.exists() and not out.is_dir():
        raise UserError(f"output folder {out} is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create output folder {out}: {e.strerror}") from None
    check_writable(out)
    return out


def check_writable(folder: Path) -> None:
    """Fail before the work, not after it, when nothing can be written into `folder`."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        raise UserError(f"cannot write into folder {folder}: {e.strerror}") from None
