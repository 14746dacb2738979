"""Write-then-rename: outputs appear at their target path complete, or not at all."""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def temp_beside(target: Path) -> Path:
    """A new, empty, hidden temporary file in the target's folder (so the rename is atomic)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(fd)
    return Path(tmp)


def publish(tmp: Path, target: Path) -> Path:
    """Give the finished temp file ordinary permissions (mkstemp's are 0600) and rename it into place."""
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o666 & ~umask)
    os.replace(tmp, target)
    return target


def publish_all(pairs: Sequence[tuple[Path, Path]]) -> list[Path]:
    """`publish` every (temp, target) pair as one step: a Ctrl-C or SIGTERM arriving meanwhile takes
    effect after the last rename, so a render's outputs land together or (before it) not at all."""
    with signals_held():
        return [publish(tmp, target) for tmp, target in pairs]


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM for the block (microseconds of renames), then act on the first one held
    as its handler would have. Off the main thread, where handlers cannot be changed, it holds nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[tuple[int, object]] = []
    previous = {sig: signal.signal(sig, lambda signum, frame: held.append((signum, frame)))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if held:
            signum, frame = held[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


@contextmanager
def atomic_write(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`, on any failure it is removed."""
    target = Path(target)
    tmp = temp_beside(target)
    try:
        yield tmp
        publish(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
