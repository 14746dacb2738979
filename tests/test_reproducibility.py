"""A recording depends on the scene and nothing else: not on global random state, the working
directory, the order scenes are recorded in, or the process."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import ourdl.core
from render.record.diff import Recording, compare, load_recording
from render.record.goldens import GOLDEN_DIR, golden_path, record_golden
from scenes import get_scene

ROOT = Path(__file__).resolve().parent.parent


def assert_identical(a: Recording, b: Recording) -> None:
    """Bit for bit: same metadata, keys, dtypes, shapes and values (NaN where NaN)."""
    assert a.meta == b.meta
    assert a.arrays.keys() == b.arrays.keys()
    for k in a.arrays:
        x, y = a.arrays[k], b.arrays[k]
        assert x.dtype == y.dtype and x.shape == y.shape, k
        assert np.array_equal(x, y, equal_nan=x.dtype.kind == "f"), k


@pytest.fixture(scope="module")
def baseline():
    return {n: record_golden(get_scene(n)) for n in ("fig8", "relu_quadratic")}


@pytest.mark.parametrize("name", ["fig8", "relu_quadratic"])  # explicit init, and seeded random init
def test_two_recordings_are_bit_identical(name, baseline):
    assert_identical(record_golden(get_scene(name)), baseline[name])


def test_recording_neither_reads_nor_changes_the_global_random_state(baseline):
    for seed in (1, 2):
        random.seed(seed)
        np.random.seed(seed)
        states = random.getstate(), np.random.get_state()
        rec = record_golden(get_scene("relu_quadratic"))
        assert random.getstate() == states[0]
        after, expected = np.random.get_state(), states[1]
        assert after[0] == expected[0] and np.array_equal(after[1], expected[1]) and after[2:] == expected[2:]
        assert_identical(rec, baseline["relu_quadratic"])


def test_recording_does_not_depend_on_the_working_directory(baseline, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_identical(record_golden(get_scene("fig8")), baseline["fig8"])
    assert list(tmp_path.iterdir()) == []  # and writes nothing there


def test_recording_does_not_depend_on_the_order_of_scenes(baseline):
    before = len(ourdl.core.default_graph.nodes)
    later = {}
    for name in ("relu_quadratic", "fig7", "fig8"):
        later[name] = record_golden(get_scene(name))
    assert_identical(later["fig8"], baseline["fig8"])
    assert_identical(later["relu_quadratic"], baseline["relu_quadratic"])
    assert len(ourdl.core.default_graph.nodes) == before  # scenes build graphs of their own


def test_a_fresh_process_elsewhere_records_the_golden(tmp_path):
    """Another process, another working directory, another hash seed: still the committed golden."""
    out = tmp_path / "fig8.npz"
    code = ("import sys; from render.record.goldens import record_golden, write_golden; "
            "from scenes import get_scene; write_golden(record_golden(get_scene('fig8')), sys.argv[1])")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(out)], cwd=tmp_path, env=env, check=True, timeout=120)
    fresh, golden = load_recording(out), load_recording(golden_path("fig8"))
    assert compare(golden, fresh) == []
    assert GOLDEN_DIR.is_relative_to(ROOT)
    assert json.dumps(fresh.meta, sort_keys=True) == json.dumps(golden.meta, sort_keys=True)
