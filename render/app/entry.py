"""The `render` console script (and `python -m render`): Ctrl-C at any moment is exit 130 and one line.

Python raises KeyboardInterrupt wherever the main thread happens to be: while it imports the app (typer,
rich and the commands take about half a second), while click parses the arguments, inside a command, in
the cleanup that an earlier Ctrl-C started, or while Python shuts down. So this module imports nothing
of the app before its `try` but the handler (render.app.escalating, which imports only `os`), and only
the first Ctrl-C interrupts: the cleanup it starts (killing the encoders, removing temporary files) runs
to its end although people press Ctrl-C twice, then the process says so and exits 130. A third Ctrl-C
stops at once, should a cleanup ever hang. Commands print the line themselves (`console.user_errors`);
this prints it for the moments outside them.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import NoReturn

from render.app.escalating import INTERRUPTED, Escalating

on_sigint = Escalating(KeyboardInterrupt, "interrupted", 130)


def main() -> None:
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when the parent ignores it
        signal.signal(signal.SIGINT, on_sigint)
    try:
        from render.app.cli import main as cli_main

        try:
            cli_main()
            code = 0
        except SystemExit as e:  # how click ends every command, and every usage error
            code = e.code
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.stderr.write(f"error: {INTERRUPTED}\n")
        sys.exit(130)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # finished: a Ctrl-C while Python shuts down is moot
        # CPython (3.11, 3.12) marks a KeyboardInterrupt as unhandled when it leaves code run by a string
        # exec(), such as the one that makes a dataclass's methods while a module is imported, even if we
        # catch it later; under `python -m render` the interpreter then kills itself with SIGINT after our
        # clean exit(130). The flag is reset by every string exec: this one, the last, clears it.
        exec("")
    exit_now(code)


def exit_now(code: int | str | None) -> NoReturn:
    """End the process as `sys.exit(code)` would, without tearing the interpreter down.

    The command has done its work: its files are closed and renamed, the encoders and workers have
    ended, temporary files are gone. Freeing matplotlib's, numpy's and the app's objects one by one
    would take ~0.1 s more (mypy ends the same way, for the same reason). Only stdout and stderr's
    buffers are left, and are flushed here."""
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`render list | head`): nothing more to say
            pass
    os._exit(code)
