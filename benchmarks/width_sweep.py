"""How long does `render scene width_sweep` take, end to end? Goal (issue 25): at most 60 s on a 2-core
machine with at least 2000 inits per width and activation.

Runs the command as a user does (a fresh process: imports, training in forked workers, the player page,
GIF and MP4) into a temporary folder, `--repeat` times, and prints each wall time, the best, and its
ratio to the goal. Also prints the process's CPU time (its own and its workers'), which the machine's
other load does not inflate: best wall on an idle machine is about CPU time / cores. Extra arguments go
to the command (e.g. `--runs 4000`, `--format html`).

    python benchmarks/width_sweep.py [--repeat 1] [-- render options...]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

GOAL = 60.0  # seconds


def run_once(extra: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers) of one `render scene width_sweep`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "render", "scene", "width_sweep", "--out", out, *extra],
                       check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=1, help="how many times to run it (the best counts)")
    ap.add_argument("extra", nargs="*", help="options for `render scene` (after --)")
    args = ap.parse_args()

    from scenes import get_scene

    scene = get_scene("width_sweep")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"render scene width_sweep {' '.join(args.extra)}".rstrip() + f": {scene.count} inits x "
          f"{len(scene.widths)} widths x {len(scene.activations)} activations, {scene.runs[0].samples} "
          f"samples each; {cores} cores, load average {os.getloadavg()[0]:.1f}")
    walls = []
    for k in range(args.repeat):
        wall, cpu = run_once(args.extra)
        walls.append(wall)
        print(f"  run {k + 1}: {wall:6.1f} s wall, {cpu:6.1f} s CPU (command and workers)")
    best = min(walls)
    print(f"  best {best:.1f} s = {best / GOAL:.2f} x the {GOAL:.0f} s goal "
          f"({'met' if best <= GOAL else 'NOT met'})")


if __name__ == "__main__":
    main()
