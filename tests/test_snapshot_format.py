"""Snapshot files: a version this tool does not know is refused by name; loading never unpickles."""

import json

import numpy as np
import pytest

from render.record.check import check_scenes, golden_path
from render.record.diff import load_recording
from render.record.snapshot import FORMAT_VERSION, SnapshotError, load_snapshot


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
