"""The Ctrl-C (and SIGTERM) handler and the line an interrupted command ends with.

Apart from the entry point, which installs the handler before it imports the app, so that the app's
modules (the console installs it for SIGTERM, the command group prints the line) need not import the
entry point that imports them. Imports nothing but `os`.
"""

from __future__ import annotations

import os

INTERRUPTED = "interrupted; no partial output was left behind"


class Escalating:
    """A signal handler for Ctrl-C and SIGTERM alike: the first raises `exception`; the second is
    ignored, so the cleanup the first started runs to its end; the third exits at once with `code`."""

    def __init__(self, exception: type[BaseException], word: str, code: int) -> None:
        self.exception, self.word, self.code, self.count = exception, word, code, 0
        self.checked = False
        HANDLERS.append(self)

    def check(self) -> None:
        """Raise the first signal's exception again if Python dropped it: a handler's raise that lands in a
        weakref callback or a __del__ (matplotlib's transforms have such callbacks) is printed as
        "Exception ignored" and the command goes on, to finish and exit 0 as if never interrupted."""
        if self.count and not self.checked:
            self.checked = True
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


def check_signals() -> None:
    """Between frames: raise a signal that arrived but was dropped (`Escalating.check`)."""
    for handler in HANDLERS:
        handler.check()
