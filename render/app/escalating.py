"""The Ctrl-C (and SIGTERM) handler and the line an interrupted command ends with.

Apart from the entry point, which installs the handler before it imports the app, so that the app's
modules (the console installs it for SIGTERM, the command group prints the line) need not import the
entry point that imports them. Imports nothing but `os` (and `sys` when a handler is made).
"""

from __future__ import annotations

import os

INTERRUPTED = "interrupted; no partial output was left behind"


class Escalating:
    """A signal handler for Ctrl-C and SIGTERM alike: the first raises `exception`; the second is
    ignored, so the cleanup the first started runs to its end; the third exits at once with `code`."""

    def __init__(self, exception: type[BaseException], word: str, code: int) -> None:
        self.exception, self.word, self.code, self.count = exception, word, code, 0
        self.dropped = False
        HANDLERS.append(self)
        _watch_dropped()

    def check(self) -> None:
        """Raise the first signal's exception again if Python dropped it: a handler's raise that lands in a
        weakref callback or a __del__ (matplotlib's transforms have such callbacks) goes to
        sys.unraisablehook ("Exception ignored") and the command would go on, to finish and exit 0 as if
        never interrupted. One that was delivered is not raised again (its cleanup runs undisturbed)."""
        if self.dropped:
            self.dropped = False
            raise self.exception()

    def __call__(self, signum: int, frame: object) -> None:
        self.count += 1
        if self.count == 1:
            raise self.exception()
        if self.count >= 3:
            message = f"error: {self.word} three times: stopped at once, temporary files may remain\n"
            os.write(2, message.encode())
            os._exit(self.code)


#: every handler made (Ctrl-C's and SIGTERM's), for `check_signals`
HANDLERS: list[Escalating] = []


def _watch_dropped() -> None:
    """Install (once) a sys.unraisablehook that marks a handler's dropped exception (and prints nothing:
    it is raised again at the next check), passing every other unraisable to the hook before it."""
    import sys

    before = sys.unraisablehook
    if getattr(before, "escalating", False):
        return

    def hook(unraisable) -> None:
        for handler in HANDLERS:
            if handler.count and unraisable.exc_type is handler.exception:
                handler.dropped = True
                return
        before(unraisable)

    hook.escalating = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def check_signals() -> None:
    """Between frames: raise a signal that arrived but was dropped (`Escalating.check`)."""
    for handler in HANDLERS:
        handler.check()
