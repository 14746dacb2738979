"""Runs recorded in forked workers: the same recording bit for bit, progress, errors, nothing left behind."""

from __future__ import annotations

import multiprocessing
import os
import threading

import numpy as np
import pytest

from render.record import parallel, record
from scenes import get_scene


@pytest.fixture
def forked(monkeypatch):
    """Two workers whatever this machine has (the fork path under test), and a check that none is left."""
    monkeypatch.setattr(parallel, "usable_workers", lambda: 2)
    yield
    assert multiprocessing.active_children() == []


def small(name: str):
    return get_scene(name).with_overrides(samples=300, every=20)


def test_workers_record_the_same_arrays_bit_for_bit(forked):
    scene = small("fig7_vs_fig8")
    here, there = record(scene, workers=1), record(scene, workers=2)
    assert here.meta == there.meta
    for name in ("steps", "grid", "target", "curves", "params", "train_loss", "eval_loss"):
        a, b = getattr(here, name), getattr(there, name)
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes(), name


def test_meanwhile_runs_here_once_while_workers_train_and_progress_adds_up(forked):
    scene = small("fig7_vs_fig8")
    calls, ticks = [], []
    record(scene, progress=ticks.append, workers=2, meanwhile=lambda: calls.append(os.getpid()))
    assert calls == [os.getpid()]
    assert sum(ticks) == sum(run.samples for run in scene.runs)


def test_one_run_with_meanwhile_still_trains_in_a_worker(forked):
    pids = []

    def job(progress):
        pids.append(os.getpid())  # in the worker's copy of the list: invisible here
        return os.getpid()

    [pid] = parallel.map_runs(job, [()], meanwhile=lambda: None, workers=2)
    assert pid != os.getpid() and pids == []


def test_results_come_back_in_job_order_whatever_finishes_first(forked):
    def job(i, progress):
        progress(i)
        return i * i

    ticks = []
    assert parallel.map_runs(job, [(i,) for i in range(5)], ticks.append, workers=2) == [0, 1, 4, 9, 16]
    assert sorted(ticks) == [0, 1, 2, 3, 4]


def test_an_error_in_a_run_is_raised_here(forked):
    def job(i, progress):
        if i == 1:
            raise ValueError(f"run {i} has a bad init")
        return i

    with pytest.raises(ValueError, match="run 1 has a bad init"):
        parallel.map_runs(job, [(0,), (1,)], workers=2)


def test_an_error_that_does_not_pickle_arrives_as_its_text(forked):
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def job(progress):
        raise Local("from a user's scene")

    with pytest.raises(RuntimeError, match="Local: from a user's scene"):
        parallel.map_runs(job, [(), ()], workers=2)


class NeedsTwo(Exception):
    def __init__(self, a, b):  # pickles, but does not unpickle: only `args` (the message) is stored
        super().__init__(f"init {a} and {b} do not fit")


def test_an_error_that_does_not_unpickle_arrives_as_its_text(forked):
    def job(progress):
        raise NeedsTwo(1, 2)

    with pytest.raises(RuntimeError, match="NeedsTwo: init 1 and 2 do not fit"):
        parallel.map_runs(job, [(), ()], workers=2)


def test_a_worker_that_dies_is_an_error_not_a_hang(forked):
    def job(i, progress):
        if i == 0:
            os._exit(3)
        return i

    with pytest.raises(RuntimeError, match="exit code 3"):
        parallel.map_runs(job, [(0,), (1,)], workers=2)


def test_jobs_need_not_pickle(forked):
    """A scene's functions may be lambdas from a user's file: the workers inherit them."""
    scale = np.float64(3.0)
    jobs = [(lambda x: x * scale, 2.0)]
    assert parallel.map_runs(lambda f, x, progress: f(x), jobs, meanwhile=lambda: None, workers=2) == [6.0]


def test_one_core_trains_here(monkeypatch):
    monkeypatch.setattr(parallel, "usable_workers", lambda: 1)
    calls = []
    assert parallel.map_runs(lambda progress: os.getpid(), [()], meanwhile=lambda: calls.append(1),
                             workers=2) == [os.getpid()]
    assert calls == [1]


def test_no_fork_with_another_thread_running():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.usable_workers() == 0
        calls = []
        assert parallel.map_runs(lambda progress: os.getpid(), [(), ()], meanwhile=lambda: calls.append(1),
                                 workers=4) == [os.getpid()] * 2
        assert calls == [1]
    finally:
        stop.set()
        thread.join()


def test_render_record_trains_the_runs_in_workers_and_writes_the_same_file(forked, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from render.app.cli import app
    from render.record import save_snapshot

    workers = []
    real = parallel.map_runs
    monkeypatch.setattr("render.record.runs.map_runs", lambda *a, **k: workers.append(a[-1]) or real(*a, **k))
    args = ["record", "fig7_vs_fig8", "--steps", "300", "--every", "20", "-o", str(tmp_path / "cli.npz")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert workers == [2]
    save_snapshot(record(small("fig7_vs_fig8"), workers=1), tmp_path / "here.npz")
    assert (tmp_path / "cli.npz").read_bytes() == (tmp_path / "here.npz").read_bytes()


@pytest.mark.parametrize("name", ["relu_vs_leakyrelu", "init_basin"])
def test_a_sweeps_activations_and_named_runs_in_workers_give_the_same_recording(forked, name):
    """Each activation's lockstep (and each named run) goes to a worker: every array, the rates and the
    marks' rates in the meta, come back as they were recorded here."""
    scene = get_scene(name).with_count(30).with_overrides(samples=1800, every=300)  # past the 1500 mark
    here, there = record(scene, workers=1), record(scene, workers=2)
    assert here.meta == there.meta and list(here.meta) == list(there.meta)
    assert sorted(here.extra) == sorted(there.extra)
    for key in [*here.extra, "curves", "params", "train_loss", "eval_loss"]:
        a = here.extra[key] if key in here.extra else getattr(here, key)
        b = there.extra[key] if key in there.extra else getattr(there, key)
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes(), key


def test_a_sweep_of_one_activation_splits_its_runs_and_counts_its_samples_once(forked):
    """init_basin has one lockstep: its runs are cut in two for the two workers, and the progress bar still
    hears each sample once (what the serial recording reports)."""
    from render.record.sweep import _splits

    assert _splits(30, 1, 2) == [slice(0, 15), slice(15, 30)]
    assert _splits(30, 2, 2) == [slice(0, 30)] and _splits(30, 1, 1) == [slice(0, 30)]
    assert _splits(1, 1, 4) == [slice(0, 1)]
    scene = get_scene("init_basin").with_count(30).with_overrides(samples=600, every=200)
    here, there = [], []
    record(scene, progress=here.append, workers=1)
    record(scene, progress=there.append, workers=2)
    assert sum(there) == sum(here) > 0
