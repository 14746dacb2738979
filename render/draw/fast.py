"""One switch per fast drawing path, so that a matplotlib upgrade can slow a render down but never break it.

A fast path (`Reveal`, `SlotText`, `MapImage`, `TransformCache`) makes the pixels of a public
matplotlib draw (`Line2D.draw`, `Text.draw`, `AxesImage.draw`...) through private names that any release
may rename or change. Each runs through its `FastPath`: the first exception it raises (AttributeError from
a renamed attribute, TypeError from a changed signature, anything) switches that path off for the rest of
the process with one RuntimeWarning naming the path and the matplotlib version, and the caller draws with
the public API it imitates, that frame included. A fast path therefore looks up every private name it
needs before it changes a pixel: a failure leaves the canvas as it was for the plain draw.

A path written for a newer matplotlib than the one installed (`since`) is off from the start, quietly:
that is the version's known behaviour, not a failure.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator
from typing import TypeVar

import matplotlib

T = TypeVar("T")

#: every fast path by name (for the benchmark and the tests that switch them)
PATHS: dict[str, FastPath] = {}


class FastPath:
    """A fast path's switch: on until it fails once (or never, below matplotlib `since`)."""

    def __init__(self, name: str, replaces: str, since: tuple[int, int] | None = None) -> None:
        self.name, self.replaces, self.since = name, replaces, since
        version = tuple(matplotlib.__version_info__[:2])
        self.supported = since is None or version >= since  # written for this matplotlib
        self.on = self.supported
        PATHS[name] = self

    def attempt(self, fast: Callable[..., T], *args) -> T | None:
        """`fast(*args)`; None (the caller then draws with `replaces`) when the path is off or fails."""
        if not self.on:
            return None
        try:
            return fast(*args)
        except Exception as error:  # whatever a changed private name raises
            self.on = False
            warnings.warn(f"{self.name}'s fast path failed on matplotlib {matplotlib.__version__} "
                          f"({type(error).__name__}: {error}); {self.replaces} draws it from now on",
                          RuntimeWarning, stacklevel=3)
            return None

    @contextlib.contextmanager
    def forced(self, on: bool) -> Iterator[None]:
        """The path switched on or off for a while (benchmarks, tests), then back as it was."""
        before, self.on = self.on, on
        try:
            yield
        finally:
            self.on = before
