"""A Ctrl-C that Python drops (raised by the handler inside a weakref callback, printed as "Exception
ignored") is raised again at the next frame, so the render stops before committing instead of exiting 0."""

from __future__ import annotations

import gc
import weakref

import pytest

from render.app.escalating import HANDLERS, Escalating, check_signals


class _Thing:
    pass


def test_a_signal_dropped_in_a_weakref_callback_is_raised_at_the_next_check():
    handler = Escalating(KeyboardInterrupt, "interrupted", 130)
    try:
        thing = _Thing()
        ref = weakref.ref(thing, lambda _: handler(2, None))  # noqa: F841  the signal lands in a callback
        del thing
        gc.collect()  # Python drops the KeyboardInterrupt (to sys.unraisablehook: "Exception ignored")
        assert handler.count == 1
        with pytest.raises(KeyboardInterrupt):
            check_signals()
        check_signals()  # once: the cleanup it starts is not interrupted again
    finally:
        HANDLERS.remove(handler)


def test_a_signal_delivered_is_not_raised_again_during_its_cleanup():
    handler = Escalating(KeyboardInterrupt, "interrupted", 130)
    try:
        with pytest.raises(KeyboardInterrupt):
            handler(2, None)  # delivered: the command unwinds and cleans up
        check_signals()  # a frame's progress during that cleanup must not interrupt it
    finally:
        HANDLERS.remove(handler)


def test_no_signal_no_raise():
    handler = Escalating(KeyboardInterrupt, "interrupted", 130)
    try:
        check_signals()
    finally:
        HANDLERS.remove(handler)
