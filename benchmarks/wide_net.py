"""A wide network against the chapter's: `render scene fig8 --hidden 16` beside `render scene fig8`.

Goal (issue 25): the 16-unit render <= 2x the wall time of the 2-unit one, and its player page <= 200 KB.
Both commands run --runs times, interleaved so they share the machine's noise, each in a fresh process
with the default formats (player, GIF, MP4, poster, recording); the medians, their ratio, the CPU times and
the load average are printed, and the pages' sizes.

    python benchmarks/wide_net.py              # 3 runs each: about two minutes on 2 cores
    python benchmarks/wide_net.py --runs 5 --hidden 32
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(args: list[str], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (children's) of `render scene ARGS --out OUT` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "render", "scene", *args, "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hidden", default="16")
    opts = parser.parse_args()
    plain, wide = ["fig8"], ["fig8", "--hidden", opts.hidden]
    times: dict[str, list[tuple[float, float]]] = {"plain": [], "wide": []}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for _ in range(opts.runs):
            times["plain"].append(timed(plain, out / "plain"))
            times["wide"].append(timed(wide, out / "wide"))
        pages = {k: next((out / k).glob("*.html")).stat().st_size for k in times}
    med = {k: statistics.median(w for w, _ in v) for k, v in times.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in times.items()}
    print(f"load average {os.getloadavg()[0]:.2f}; {opts.runs} runs each, interleaved")
    for k, label in (("plain", "fig8"), ("wide", f"fig8 --hidden {opts.hidden}")):
        runs = ", ".join(f"{w:.2f}" for w, _ in times[k])
        print(f"  {label:24s} wall {med[k]:6.2f} s (runs {runs}), cpu {cpu[k]:6.2f} s, page "
              f"{pages[k] / 1000:.0f} kB")
    ratio = med["wide"] / med["plain"]
    print(f"ratio wide / plain: wall {ratio:.2f}x, cpu {cpu['wide'] / cpu['plain']:.2f}x "
          f"(goal <= 2x); wide page {pages['wide'] / 1000:.0f} kB (goal <= 200 kB)")


if __name__ == "__main__":
    main()
