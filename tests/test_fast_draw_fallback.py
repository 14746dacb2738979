"""A fast path whose private matplotlib name stops working draws the frame anyway, as plain matplotlib would.

Each case makes one private name a fast path uses fail as if matplotlib had renamed it: matplotlib's own
code still reaches it, the fast path's module gets an AttributeError. The streamed frames must then be the
plain drawing's (`plain_frames`: Line2D.draw, Text.draw, AxesImage.draw), the frame drawn when it failed
included, with exactly one RuntimeWarning naming the path and the matplotlib version, and the path off.
"""

from __future__ import annotations

import inspect
import sys
import warnings

import matplotlib
import pytest
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.ft2font import FT2Font
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.transforms import TransformedPath
from test_fast_draw import RUNS, Keep, _same, plain_frames

from render.draw import slot_text
from render.draw.fast import PATHS
from render.draw.reveal import Reveal
from render.draw.view import make_view
from render.encode.stream import stream
from render.encode.timeline import Timeline
from render.record import record
from scenes import get_scene

SIZE = (640, 360)


@pytest.fixture(scope="module")
def snapshots():
    return {name: record(RUNS[name](get_scene(name))) for name in ("fig7_vs_fig8", "init_basin")}


def renamed(monkeypatch, owner: type, name: str, module: str) -> None:
    """`owner.name` as if matplotlib had renamed it: its own callers still reach it, code in `module`
    gets an AttributeError (a method: when it calls it; an instance attribute: when it reads it)."""
    def from_module(depth: int) -> bool:
        return sys._getframe(depth + 1).f_globals.get("__name__") == module

    def gone():
        return AttributeError(f"'{owner.__name__}' object has no attribute '{name}' (renamed by the test)")

    if callable(inspect.getattr_static(owner, name, None)):
        real = getattr(owner, name)

        def method(*args, **kwargs):
            if from_module(1):
                raise gone()
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, method)
        return

    def read(obj):
        if from_module(1):
            raise gone()
        return obj.__dict__[name]

    def write(obj, value) -> None:
        obj.__dict__[name] = value

    monkeypatch.setattr(owner, name, property(read, write), raising=False)


def as_a_new_process(monkeypatch) -> None:
    """Every path switched as a new process has it, and SlotText's glyph caches empty (a name used only
    to fill them is then used again)."""
    for each in PATHS.values():
        monkeypatch.setattr(each, "on", each.supported)
    for cache in ("_SHAPED", "_PAIR_JOINS", "_CHARS_MET", "_LAYOUTS", "_BITMAPS"):
        monkeypatch.setattr(slot_text, cache, {})


CASES = [  # (path, scene, owner, private name, module that uses it)
    ("Reveal", "fig7_vs_fig8", Line2D, "_solidcapstyle", "render.draw.reveal"),
    ("SlotText", "fig7_vs_fig8", FT2Font, "_layout", "render.draw.slot_text"),
    ("SlotText", "fig7_vs_fig8", RendererAgg, "_renderer", "render.draw.slot_text"),
    ("MapImage", "init_basin", AxesImage, "_A", "render.draw.map_image"),
    ("MapImage", "init_basin", AxesImage, "_get_scalar_alpha", "render.draw.map_image"),  # mid-probe
    ("TransformCache", "fig7_vs_fig8", TransformedPath, "_invalid", "render.draw.transform_cache"),
    ("TransformCache", "init_basin", TransformedPath, "_invalid", "render.draw.transform_cache"),
]


@pytest.mark.parametrize("path, scene, owner, name, module", CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in CASES])
def test_a_broken_fast_path_draws_the_plain_frames_and_warns_once(snapshots, monkeypatch, path, scene, owner,
                                                                   name, module):
    fast = PATHS[path]
    if not fast.supported:
        pytest.skip(f"{path}'s fast path is not written for matplotlib {matplotlib.__version__}")
    as_a_new_process(monkeypatch)
    snap = snapshots[scene]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    plain = plain_frames(make_view(snap, SIZE), timeline)
    view = make_view(snap, SIZE)
    reveals = [a for a in view.animated if isinstance(a, Reveal)]
    renamed(monkeypatch, owner, name, module)
    drawn = Keep(timeline.fps)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stream(view, timeline, [drawn])
    ours = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert len(ours) == 1, ours
    assert ours[0].startswith(f"{path}'s fast path failed on matplotlib {matplotlib.__version__} ")
    assert name in ours[0]
    assert not fast.on
    assert len(drawn.copies) == len(plain) == timeline.frames
    differ = [k for k, (a, b) in enumerate(zip(drawn.copies, plain)) if not _same(a, b, SIZE, reveals)]
    assert not differ, f"frames {differ} differ from plain drawing"


def test_a_path_forced_off_draws_plain_without_a_warning(snapshots, monkeypatch):
    """The switch the benchmark uses: every path off is the plain drawing, and nothing to warn about."""
    snap = snapshots["fig7_vs_fig8"]
    timeline = Timeline(len(snap.steps), 30, len(snap.steps) / 30, 0.0)
    for each in PATHS.values():
        monkeypatch.setattr(each, "on", False)
    drawn = Keep(timeline.fps)
    view = make_view(snap, SIZE)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        stream(view, timeline, [drawn])
    plain = plain_frames(make_view(snap, SIZE), timeline)
    assert drawn.copies == plain
