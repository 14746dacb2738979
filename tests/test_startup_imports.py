"""`render list` and `render --help` start fast because they leave the heavy packages alone.

numpy and ourdl load when a graph is built or a schedule computed, not when scenes are described; pydantic
loads when typer coerces a non-bool option value (see render/app/cli.py's NO_HELP), which these commands
have none of. Timings are for benchmarks/startup.py; this checks what each command really imports.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = {"numpy", "ourdl", "pydantic", "matplotlib", "PIL"}


def imported(*args: str) -> set[str]:
    """Top-level packages a `python ARGS` process imports, as `python -X importtime` lists them."""
    run = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr[-2000:]
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", run.stderr, flags=re.M)
    assert names, run.stderr[-2000:]
    return {n.split(".")[0] for n in names}


@pytest.mark.parametrize("argv", [("list",), ("--help",), ("list", "--help")])
def test_listing_and_help_import_no_numpy_ourdl_or_pydantic(argv):
    assert imported("-m", "render", *argv) & HEAVY == set()


def test_describing_scenes_is_light_and_computing_with_them_loads_numpy():
    """Every registered scene can be described without numpy; its schedule, once computed, needs it (so
    the check above sees an import when there is one)."""
    describe = ("import scenes; "
                "[(s.name, s.description, s.total_samples, len(s.runs)) for s in scenes.list_scenes()]")
    assert imported("-c", describe) & HEAVY == set()
    assert "numpy" in imported("-c", describe + "; scenes.get_scene('fig8').schedule.steps(100)")


def test_the_front_door_is_light_until_used():
    """`import render` and naming its functions load nothing heavy: `show` and `animation` import the
    drawing stack when called, `Recorder` the record stage when first named."""
    assert imported("-c", "import render; render.show, render.animation, render.__all__") & HEAVY == set()
    assert {"numpy", "ourdl"} <= imported("-c", "import render; render.Recorder")
