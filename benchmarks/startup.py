"""Start-up time: `render list` and `render --help`, as a user runs them, against a bare interpreter.

Each command runs --runs times in a fresh process, interleaved with the others so they share the
machine's noise; the median wall time is the figure (goal, issue 14: <= 0.3 s), shown with the CPU time
the process used (user + sys: less sensitive to a busy machine) and the load average. Commands run two
ways: the installed console script itself, and `render` as a shell finds it when that is something else
(a version manager's shim, e.g. pyenv's, adds its own start-up: not ours to cut). Then
`python -X importtime` says which imports the time goes to.

Modules run from their cached bytecode, as in an installed package (pip compiles it) or a checkout after
its first run: the children get a bytecode folder of their own (PYTHONPYCACHEPREFIX, a temporary folder,
so the source tree stays clean), which the warm-up run fills, even where the environment sets
PYTHONDONTWRITEBYTECODE (this machine does: then every run compiles our modules again, 10-20 ms that no
user pays). `--no-bytecode` measures that way instead.

    python benchmarks/startup.py            # 10 runs each: about 20 s
    python benchmarks/startup.py --runs 20 --imports 25
    python benchmarks/startup.py --no-bytecode
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: the children's environment (main() sets how they treat bytecode)
ENV = dict(os.environ)


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one run of `argv`, its output discarded."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def import_times(argv: list[str], top: int) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest top-level imports of `argv` (python -X importtime)."""
    env = {**ENV, "PYTHONPROFILEIMPORTTIME": "1"}
    err = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env).stderr
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and len(m[2]) <= 2:  # top level and one below: what our code asks for
            rows.append((int(m[1]), m[2] + m[3]))
    return sorted(rows, reverse=True)[:top]


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--imports", type=int, default=15, help="how many of the slowest imports to list")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="compile every module on every run (PYTHONDONTWRITEBYTECODE, no cache)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-pyc-") as cache:
        if args.no_bytecode:
            ENV.update(PYTHONDONTWRITEBYTECODE="1")
            ENV.pop("PYTHONPYCACHEPREFIX", None)
        else:
            ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            ENV["PYTHONPYCACHEPREFIX"] = cache
        measure(args)


def measure(args: argparse.Namespace) -> None:
    script = Path(sys.executable).with_name("render")
    script_cmd = [str(script)] if script.is_file() else [sys.executable, "-m", "render"]
    ways = {"script": script_cmd}
    # what a shell finds first: pyenv puts this interpreter's bin/ first on our PATH, not on the user's
    shim = Path(os.environ.get("PYENV_ROOT", "~/.pyenv")).expanduser() / "shims" / "render"
    on_path = str(shim) if shim.is_file() else shutil.which("render")
    if on_path and Path(on_path).resolve() != script.resolve():
        ways["PATH"] = [on_path]
    cases = {"python -c pass": [sys.executable, "-c", "pass"]}
    for way, cmd in ways.items():
        cases[f"render list ({way})"] = [*cmd, "list"]
        cases[f"render --help ({way})"] = [*cmd, "--help"]
    code = "compiled on every run" if args.no_bytecode else "run from cached bytecode"
    print(f"start-up, {args.runs} runs each (median wall, median CPU), modules {code}; {os.cpu_count()} "
          f"cores, load {load()}")
    print("  " + ", ".join(f"{way}: {' '.join(cmd)}" for way, cmd in ways.items()))
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for argv in cases.values():  # warm the page cache and pyc files once
        timed(argv)
    for _ in range(args.runs):
        for name, argv in cases.items():
            results[name].append(timed(argv))
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        goal = "  (goal <= 0.3 s)" if name.startswith("render") else ""
        print(f"  {name:30s} {wall:6.3f} s wall  {cpu:6.3f} s CPU  min {min(w for w, _ in runs):.3f}{goal}")
    print(f"load after: {load()}")
    for what in ("list", "--help"):
        rows = import_times([*script_cmd, what], args.imports)
        print(f"slowest imports of `render {what}` (cumulative ms, python -X importtime):")
        print("  " + ", ".join(f"{name.strip()} {us / 1000:.0f}" for us, name in rows))


if __name__ == "__main__":
    main()
