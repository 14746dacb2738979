"""The long fuzz run: every fuzz target with many more examples than CI gives it, random each run.

    python benchmarks/fuzz.py --examples 10000

Runs the fuzz tests (tests/test_fuzz_*.py) under the "long" Hypothesis profile (tests/fuzzing.py) and
prints, per target, how many examples ran and how many failed. Targets that draw or start processes
take a fraction of the number (`--examples` is for the fast ones), as their own line says. Exit status 1
if anything failed; Hypothesis prints the smallest failing example and the way to reproduce it.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ["tests/test_fuzz_cli.py", "tests/test_fuzz_scene_files.py", "tests/test_fuzz_snapshot.py"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per fast target")
    parser.add_argument("-k", default=None, help="only the targets whose test name matches (pytest -k)")
    args = parser.parse_args()
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long", "FUZZ_EXAMPLES": str(args.examples),
           "MPLBACKEND": "Agg"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *FILES,
               *(["-k", args.k] if args.k else [])]
    tally = Path(tempfile.mkstemp(prefix="fuzz-tally-", suffix=".jsonl")[1])
    env["FUZZ_TALLY"] = str(tally)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    report = done.stdout + done.stderr
    counts: collections.Counter[str] = collections.Counter()
    for line in tally.read_text().splitlines():
        counts.update(json.loads(line))
    tally.unlink()
    failed = re.findall(r"^FAILED (\S+)", report, re.M)
    print(f"fuzz run: --examples {args.examples}, {wall:.0f} s wall")
    for name, n in sorted(counts.items()):
        print(f"  {name:<78} {n:>7} examples")
    print(f"  failing tests: {len(failed)}" + "".join(f"\n    {f}" for f in failed))
    summary = [line for line in report.splitlines() if re.search(r"\b(passed|failed|error)\b", line)]
    print(summary[-1] if summary else report[-2000:])
    if done.returncode != 0:
        print(report[-20000:])
    return 1 if done.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
