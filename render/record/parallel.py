"""Independent runs trained side by side in forked worker processes, while the caller does other work.

A scene's runs share nothing, so each can train in its own process and come back as the same arrays,
bit for bit (the same code on the same floats; results cross as pickles, which are exact). On 2 cores
the two runs of a comparison then take the time of one, and the app imports the renderer meanwhile
(`meanwhile`), which would otherwise come after them.

Only forked workers are used: nothing is imported again, and the jobs (a scene holds functions: its
build, its target, perhaps from a user's file) are inherited, never pickled. Forking is safe only in a
process with one thread, and macOS's system libraries do not support it, so elsewhere (notebooks, a
process with threads, macOS, Windows) the runs train here, one after another.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

from render.record.atomic import signals_held

Progress = Callable[[int], None]


def usable_workers() -> int:
    """How many forked workers this process may use now: its cores, or 0 where forking is not safe."""
    import multiprocessing  # here, not at import: `render video` and `render check` never fork

    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if threading.active_count() > 1:  # a fork copies locks another thread may be holding
        return 0
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _work(conn, fn: Callable[..., Any], jobs: Sequence[tuple], mine: range) -> None:
    """A worker: jobs `mine`, one after another; sends ("tick", n), then ("done", i, result) or
    ("error", i, exception) for each. Ctrl-C and SIGTERM are the parent's to handle: it stops us."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for i in mine:
        try:
            result = fn(*jobs[i], progress=lambda n: conn.send(("tick", n)))
        except Exception as e:  # noqa: BLE001 - raised again in the parent
            conn.send(("error", i, _portable(e)))
            return
        conn.send(("done", i, result))


def _portable(e: Exception) -> Exception:
    """`e` if it crosses to the parent whole (pickles and unpickles), else its text in a RuntimeError:
    a user's exception class may need arguments its pickle does not carry."""
    try:
        pickle.loads(pickle.dumps(e))
        return e
    except Exception:  # noqa: BLE001 - any failure to cross means: send the text
        return RuntimeError(f"{type(e).__name__}: {e}")


def map_runs(fn: Callable[..., Any], jobs: Sequence[tuple], progress: Progress | None = None,
             meanwhile: Callable[[], None] | None = None, workers: int = 1) -> list[Any]:
    """`[fn(*job, progress=...) for job in jobs]`, in up to `workers` forked processes (worth it with
    several jobs, or one and a `meanwhile` to overlap), else here. `meanwhile()` runs here while they
    work; their `progress` calls arrive here, in this thread. A job's error is raised here. With one
    core, or where forking is not safe, everything runs here, `meanwhile()` first."""
    cores = usable_workers()
    workers = min(workers, len(jobs), cores)
    if cores < 2 or workers < 1 or (workers == 1 and meanwhile is None):
        if meanwhile:
            meanwhile()
        return [fn(*job, progress=progress) for job in jobs]
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    procs, conns = [], []
    try:
        # a signal arriving inside fork's after-fork hooks would be lost (Python ignores exceptions
        # there): held until every worker has started
        with signals_held():
            for w in range(workers):
                mine, theirs = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_work, args=(theirs, fn, jobs, range(w, len(jobs), workers)),
                                   name=f"record {w}", daemon=True)
                proc.start()
                theirs.close()
                procs.append(proc)
                conns.append(mine)
        if meanwhile:
            meanwhile()
        return _collect(dict(zip(conns, procs)), workers, len(jobs), progress)
    finally:
        for proc in procs:  # done, or Ctrl-C, or an error: no worker outlives the recording
            if proc.is_alive():
                proc.terminate()
        for proc in procs:
            proc.join(timeout=2)
            if proc.is_alive():  # SIGTERM came before its handler was reset: it was held, not acted on
                proc.kill()
                proc.join()
        for conn in conns:
            conn.close()


def _collect(workers: dict, count: int, n: int, progress: Progress | None) -> list[Any]:
    """Every job's result, in order, passing ticks on as they come. A job's error is raised, and so is
    a worker that ended before its jobs were done (killed, out of memory)."""
    from multiprocessing.connection import wait

    results: dict[int, Any] = {}
    left = {conn: len(range(w, n, count)) for w, conn in enumerate(workers)}
    while len(results) < n:
        for conn in wait([c for c in left if left[c]]):
            try:
                message = conn.recv()
            except EOFError:
                proc = workers[conn]
                proc.join(timeout=5)  # it closed its end: it is exiting
                raise RuntimeError(f"a recording worker ended before its runs were done "
                                   f"(exit code {proc.exitcode})") from None
            if message[0] == "tick":
                if progress:
                    progress(message[1])
            elif message[0] == "error":
                raise message[2]
            else:
                results[message[1]] = message[2]
                left[conn] -= 1
    return [results[i] for i in range(n)]
