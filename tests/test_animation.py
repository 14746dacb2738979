"""`render.animation`: a recording's matplotlib FuncAnimation, whose frames are the renderer's own."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.animation import AbstractMovieWriter, FuncAnimation, PillowWriter
from null_writer import NullWriter
from PIL import Image

import render
from ourdl.core import Graph, Varrible
from ourdl.ops import Add, Mul
from ourdl.ops.loss import ValueLoss
from render.draw.view import make_view
from render.encode.options import RenderOptions
from render.encode.stream import render_frame, stream
from render.encode.video import plan
from render.record import record
from render.record.snapshot import SnapshotError, save_snapshot
from scenes import get_scene

SMALL = {"size": (320, 180), "fps": 5.0, "duration": 1.0, "hold": 0.2}


@pytest.fixture(scope="module")
def snap():
    return record(get_scene("fig7_vs_fig8").with_overrides(samples=120, every=40))


def timeline_of(snapshot):
    return plan(snapshot, RenderOptions(formats=("mp4",), poster=False, **SMALL))[1]


class KeepFrames(AbstractMovieWriter):
    """A matplotlib writer that keeps every frame `save()` hands it, as RGBA arrays."""

    def setup(self, fig, outfile, dpi=None) -> None:
        super().setup(fig, outfile, dpi)
        self.frames: list[np.ndarray] = []

    def grab_frame(self, **savefig_kwargs) -> None:
        buf = io.BytesIO()
        self.fig.savefig(buf, format="rgba", dpi=self.dpi, **savefig_kwargs)
        w, h = (round(v * self.dpi) for v in self.fig.get_size_inches())
        self.frames.append(np.frombuffer(buf.getvalue(), np.uint8).reshape(h, w, 4))

    def finish(self) -> None:
        pass


def test_its_frames_are_the_renderers_frames(snap, tmp_path):
    """Saved by matplotlib, frame k is our full drawing of frame k's snapshot, caption values included, and
    the streaming renderer's frame k up to the antialiasing of the parts it blits over the background."""
    anim = render.animation(snap, **SMALL)
    assert isinstance(anim, FuncAnimation)
    kept = KeepFrames(fps=SMALL["fps"])
    anim.save(tmp_path / "unused", writer=kept)
    timeline = timeline_of(snap)
    assert len(kept.frames) == timeline.frames == 7
    view = make_view(snap, SMALL["size"])
    streamed = NullWriter(tmp_path / "unused", RenderOptions(), timeline.fps, keep=tuple(range(7)))
    stream(make_view(snap, SMALL["size"]), timeline, [streamed])
    for k, frame in enumerate(kept.frames):
        assert frame.shape == (180, 320, 4)
        np.testing.assert_array_equal(frame, render_frame(view, timeline.position(k)))
        assert np.mean(np.any(frame != streamed.kept[k], axis=2)) < 0.005
    assert not np.array_equal(kept.frames[0], kept.frames[-1])  # it moves


def test_it_saves_a_gif_with_matplotlibs_own_writer(snap, tmp_path):
    path = tmp_path / "fig7_vs_fig8.gif"
    render.animation(snap, **SMALL).save(path, writer=PillowWriter(fps=SMALL["fps"]))
    with Image.open(path) as gif:
        assert gif.size == SMALL["size"] and gif.n_frames > 1


def test_a_path_and_a_recorder_animate_too(snap, tmp_path):
    """A `.npz` file plays as the Snapshot it holds; a Recorder as the snapshot of the loop so far."""
    path = save_snapshot(snap, tmp_path / "run.npz")
    html = render.animation(path, **SMALL).to_jshtml()
    assert html.count("data:image/png;base64") == timeline_of(snap).frames

    with Graph().as_default():
        x, label = Varrible(), Varrible()
        w, b = Varrible(0.5, train=True), Varrible(0.0, train=True)
        out = Add(Mul(x, w), b)
        loss = ValueLoss(label, out)
    rec = render.Recorder(input=x, output=out, label=label, loss=loss, every=5)
    for xv in np.linspace(0, 2, 20):
        x.set_value(float(xv))
        label.set_value(float(2 * xv + 1))
        loss.forward()
        for p in (w, b):
            p.get_grad()
            p.update(0.05)
        rec.step()
        loss.clear()
    kept = KeepFrames(fps=SMALL["fps"])
    render.animation(rec, **SMALL).save(tmp_path / "unused", writer=kept)
    assert len(kept.frames) == timeline_of(rec.snapshot()).frames


def test_bad_input_is_one_clear_error(snap, tmp_path):
    with pytest.raises(SnapshotError, match="no such file") as e:
        render.animation(tmp_path / "missing.npz")
    assert "\n" not in str(e.value)
    with pytest.raises(ValueError, match="theme 'neon'"):
        render.animation(snap, theme="neon")
    with pytest.raises(ValueError, match="size 10x10"):
        render.animation(snap, size=(10, 10))
