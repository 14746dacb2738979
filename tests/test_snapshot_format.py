"""Snapshot files: a version this tool does not know is refused by name; loading never unpickles;
version 2's encoded curves come back within half an ulp of each curve's largest value, and the docs'
numpy recipe reads them as the loader does."""

import json

import numpy as np
import pytest

from render.record.check import check_scenes
from render.record.diff import load_recording
from render.record.goldens import golden_path
from render.record.snapshot import (
    FORMAT_VERSION,
    SnapshotError,
    decode_curves,
    encode_curves,
    load_snapshot,
    save_snapshot,
)


def _rewrite(src, dst, meta_changes=None, **arrays):
    with np.load(src, allow_pickle=False) as z:
        data = {k: z[k] for k in z.files}
    meta = {**json.loads(str(data.pop("meta"))), **(meta_changes or {})}
    np.savez(dst, meta=np.array(json.dumps(meta)), **{**data, **arrays})
    return dst


@pytest.mark.parametrize("version, words", [(FORMAT_VERSION + 1, "newer than this tool reads"),
                                            ("1.0-beta", "not supported"), (None, "not supported")])
def test_an_unknown_or_newer_version_is_refused_by_name(tmp_path, version, words):
    path = _rewrite(golden_path("fig8"), tmp_path / "future.npz", {"format_version": version})
    with pytest.raises(SnapshotError) as e:
        load_snapshot(path)
    message = str(e.value)
    assert str(path) in message and repr(version) in message and words in message
    assert f"reads version {FORMAT_VERSION}" in message and "\n" not in message


class Trap:
    """Unpickling this creates a folder: proof that something was unpickled."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        import os

        return os.mkdir, (self.marker,)


@pytest.mark.parametrize("key", ["curves", "extra_objects"])
def test_loading_never_unpickles(tmp_path, key):
    marker = tmp_path / "unpickled"
    trap = np.empty(1, dtype=object)
    trap[0] = Trap(marker)
    path = _rewrite(golden_path("fig8"), tmp_path / "trap.npz", **{key: trap})
    for load in (load_snapshot, load_recording):
        with pytest.raises(SnapshotError, match="pickled"):
            load(path)
    assert not marker.exists()


def test_an_unreadable_golden_fails_the_check_and_update_rewrites_it(tmp_path):
    _rewrite(golden_path("fig8"), tmp_path / "fig8.npz", {"format_version": FORMAT_VERSION + 1})
    report = check_scenes(["fig8"], golden_dir=tmp_path)
    assert report.result("fig8").status == "bad golden" and not report.ok
    assert f"version {FORMAT_VERSION + 1}" in str(report) and "--update fig8" in str(report)
    assert check_scenes(["fig8"], update=True, golden_dir=tmp_path).result("fig8").status == "updated"
    assert check_scenes(["fig8"], golden_dir=tmp_path).ok


# --- version 2: encoded curves ----------------------------------------------------------------------


def _edge_curves():
    """Curves of every awkward kind: signs, zeros, huge, tiny (subnormal), non-finite, piecewise linear."""
    rng = np.random.default_rng(0)
    x = np.linspace(-0.5, 2.5, 31)
    c = np.empty((2, 3, 4, x.size))
    c[0, 0] = rng.normal(size=(4, x.size))
    c[0, 1] = [0.3 * x - 0.1, np.maximum(x, 0.1 * x), np.zeros_like(x), -(x**2)]
    c[0, 2] = [1e300 * x, 1e-310 * (x + 1), x * 0 - 0.0, 5e-324 * np.sign(x)]
    c[1] = c[0] * -3.7
    c[1, 1, 0, [0, 7]] = np.nan
    c[1, 1, 2, 3], c[1, 2, 1, -1] = np.inf, -np.inf
    return c


def test_encoded_curves_come_back_within_half_an_ulp_of_each_curves_largest_value():
    c = _edge_curves()
    arrays = encode_curves(c)
    assert arrays["curves"].dtype == np.int64 and arrays["curves_exponent"].shape == c.shape[:-1]
    back = decode_curves(*(arrays[k] for k in ("curves", "curves_exponent", "curves_nonfinite_index",
                                               "curves_nonfinite_value")))
    assert back.dtype == np.float64 and back.shape == c.shape
    bad = ~np.isfinite(c)
    assert np.array_equal(back[bad], c[bad], equal_nan=True) and np.isfinite(back[~bad]).all()
    finite = np.where(bad, 0.0, c)
    largest = np.abs(finite).max(axis=-1, keepdims=True)
    assert (np.abs(back - finite)[~bad] <= np.broadcast_to(np.spacing(largest) / 2, c.shape)[~bad]).all()
    assert back[0, 2, 0, -1] == c[0, 2, 0, -1] == 2.5e300  # the largest value of a curve: exact
    assert (back[0, 1, 2] == 0).all()
    with pytest.raises(AssertionError):  # and it does round (this is not float64 stored as is)
        np.testing.assert_array_equal(back[0, 0], c[0, 0])


DOC_RECIPE = '''
with np.load(path, allow_pickle=False) as z:
    meta, curves = json.loads(str(z["meta"])), z["curves"]
    if meta.get("curves_encoding") == "fixed53-delta2":
        fixed = np.cumsum(np.cumsum(curves, axis=-1), axis=-1)  # int64, exact
        curves = np.ldexp(fixed.astype(np.float64), z["curves_exponent"].astype(np.int32)[..., None] - 53)
        curves.ravel()[z["curves_nonfinite_index"]] = z["curves_nonfinite_value"]
'''


def test_the_documented_numpy_recipe_decodes_a_file_as_the_loader_does(tmp_path):
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "snapshot-format.md").read_text()
    assert DOC_RECIPE.strip() in doc  # the recipe below is the one the reader of the docs sees
    snap = load_snapshot(golden_path("fig8"))
    snap.curves = np.resize(_edge_curves(), snap.curves.shape)  # NaN and inf among them
    path = save_snapshot(snap, tmp_path / "s.npz")
    scope = {"np": np, "json": json, "path": path}
    exec(DOC_RECIPE, scope)
    loaded = load_snapshot(path).curves
    assert np.array_equal(scope["curves"], loaded, equal_nan=True)


def test_the_same_snapshot_saves_to_the_same_bytes_and_plain_numpy_reads_it(tmp_path):
    snap = load_snapshot(golden_path("fig7_vs_fig8"))
    a, b = save_snapshot(snap, tmp_path / "a.npz"), save_snapshot(snap, tmp_path / "b.npz")
    assert a.read_bytes() == b.read_bytes()
    with np.load(a, allow_pickle=False) as z:
        assert {"meta", "curves", "params", "curves_exponent"} <= set(z.files)
        assert z["params"].dtype == np.float64 and np.array_equal(z["params"], snap.params)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.npz", "b.npz"]  # no temporary file left


def test_encoded_arrays_that_do_not_fit_together_are_refused(tmp_path):
    path = save_snapshot(load_snapshot(golden_path("fig8")), tmp_path / "s.npz")
    bad = _rewrite(path, tmp_path / "exp.npz", curves_exponent=np.zeros((1, 2), np.int16))
    with pytest.raises(SnapshotError, match="curves_exponent"):
        load_snapshot(bad)
    bad = _rewrite(path, tmp_path / "idx.npz", curves_nonfinite_index=np.array([10**9]),
                   curves_nonfinite_value=np.array([np.nan]))
    with pytest.raises(SnapshotError, match="do not fit"):
        load_snapshot(bad)
    bad = _rewrite(path, tmp_path / "enc.npz", {"curves_encoding": "zstd"})
    with pytest.raises(SnapshotError, match="'zstd' is not supported"):
        load_snapshot(bad)
    bad = _rewrite(path, tmp_path / "miss.npz")
    with np.load(bad, allow_pickle=False) as z:
        data = {k: z[k] for k in z.files if k != "curves_exponent"}
    np.savez(bad, **data)
    with pytest.raises(SnapshotError, match="missing arrays: curves_exponent"):
        load_snapshot(bad)


def test_a_render_writes_the_recording_too_and_publishes_it_only_with_the_videos(tmp_path, monkeypatch):
    from render.encode.ffmpeg import EncoderError
    from render.encode.options import RenderOptions
    from render.encode.video import render_snapshot
    from render.encode.writers import Mp4Writer

    snap = load_snapshot(golden_path("fig8"))
    opts = RenderOptions(formats=("mp4",), size=(320, 180), fps=10, duration=0.5, hold=0.0)
    written = render_snapshot(snap, tmp_path / "s", opts, recording=tmp_path / "s.npz")
    assert [p.name for p in written] == ["s.npz", "s.mp4", "s.png"]
    assert written[0].read_bytes() == save_snapshot(snap, tmp_path / "alone.npz").read_bytes()
    # an encoder that fails: the earlier recording stays as it was, and nothing else is left
    (tmp_path / "s.npz").write_bytes(b"earlier recording")
    bad = ["-c:v", "libx264", "-crf", "-7"]  # a quality x264 refuses
    monkeypatch.setattr(Mp4Writer, "output_args", lambda self: [*bad, str(self.path)])
    with pytest.raises(EncoderError):
        render_snapshot(snap, tmp_path / "s", opts, recording=tmp_path / "s.npz")
    assert (tmp_path / "s.npz").read_bytes() == b"earlier recording"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alone.npz", "s.mp4", "s.npz", "s.png"]
