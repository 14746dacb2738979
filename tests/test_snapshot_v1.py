"""Version 1 snapshot files (plain float64 curves) still load, and re-save as version 2.

tests/data/snapshot_v1.npz was written by the version-1 writer (fig7_vs_fig8, 200 samples, a snapshot
every 50, 31 grid points); it is a fixture, not a golden: nothing here depends on training.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from render.record.snapshot import (
    CURVES_ENCODING,
    FORMAT_VERSION,
    SnapshotError,
    load_snapshot,
    save_snapshot,
)

V1 = Path(__file__).resolve().parent / "data" / "snapshot_v1.npz"
PLAIN = ("steps", "grid", "target", "params", "train_loss", "eval_loss")


def _raw(path):
    with np.load(path, allow_pickle=False) as z:
        return json.loads(str(z["meta"])), {k: z[k] for k in z.files if k != "meta"}


def test_a_version_1_file_loads_as_it_was_written():
    meta, raw = _raw(V1)
    assert meta["format_version"] == 1 and "curves_encoding" not in meta and raw["curves"].dtype == np.float64
    snap = load_snapshot(V1)
    assert snap.meta == meta and snap.extra == {}
    for key in (*PLAIN, "curves"):
        a = getattr(snap, key)
        assert a.dtype == raw[key].dtype and np.array_equal(a, raw[key], equal_nan=True), key
    assert snap.curves.shape == (2, 5, 10, 31) and snap.run_labels[1].startswith("Fig 8")


def test_a_version_1_file_saves_as_version_2_and_loses_nothing_but_sub_ulp_curve_bits(tmp_path):
    v1 = load_snapshot(V1)
    path = save_snapshot(v1, tmp_path / "v2.npz")
    meta, raw = _raw(path)
    assert meta["format_version"] == FORMAT_VERSION == 2 and meta["curves_encoding"] == CURVES_ENCODING
    assert raw["curves"].dtype == np.int64 and raw["curves_exponent"].shape == (2, 5, 10)
    v2 = load_snapshot(path)
    assert v2.meta == {**v1.meta, "format_version": 2}
    for key in PLAIN:  # parameters, losses, steps and grid: bit for bit
        assert np.array_equal(getattr(v2, key), getattr(v1, key), equal_nan=True), key
    largest = np.abs(v1.curves).max(axis=-1, keepdims=True)
    error = np.abs(v2.curves - v1.curves)
    assert v2.curves.dtype == np.float64 and (error <= np.spacing(largest) / 2).all()
    big = np.abs(v1.curves) >= np.exp2(np.floor(np.log2(largest)))  # in the binade of the largest
    assert big.sum() > v1.curves.size / 4 and (v2.curves[big] == v1.curves[big]).all()
    assert error.max() > 0  # some small values did round: this is the encoded path
    # and a second save of the loaded version-2 snapshot is the same file, byte for byte
    assert save_snapshot(v2, tmp_path / "again.npz").read_bytes() == path.read_bytes()


def test_a_version_1_file_claiming_encoded_curves_is_refused(tmp_path):
    meta, raw = _raw(V1)
    bad = tmp_path / "bad.npz"
    np.savez(bad, meta=np.array(json.dumps({**meta, "curves_encoding": CURVES_ENCODING})), **raw)
    with pytest.raises(SnapshotError, match="not supported in version 1 files") as e:
        load_snapshot(bad)
    assert str(bad) in str(e.value)
