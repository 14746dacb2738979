"""Write-then-rename: outputs appear at their target path complete, or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
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
