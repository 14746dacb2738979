"""What the fuzz tests share: Hypothesis settings profiles and the checks on what a command printed.

Profiles: "ci" (the default) runs a few hundred examples per target in seconds, derandomized so a CI run
is the same run every time; "long" is what `python benchmarks/fuzz.py --examples N` selects
(HYPOTHESIS_PROFILE=long, FUZZ_EXAMPLES=N), random each time. Deadlines are generous and never the
thing a test checks: a hang is caught by each target's own timeout instead.
"""

from __future__ import annotations

import atexit
import collections
import json
import os

from hypothesis import HealthCheck, Phase, settings

CI_EXAMPLES = int(os.environ.get("FUZZ_CI_EXAMPLES", "150"))
#: no "explain" phase: it writes patch files into the checkout and is slow on failures
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)

settings.register_profile(
    "ci", max_examples=CI_EXAMPLES, phases=PHASES, deadline=None, derandomize=True, database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), phases=PHASES, deadline=None,
    derandomize=False, database=None, print_blob=True, report_multiple_bugs=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(ci: int, slow: int = 1) -> int:
    """A target's own number of examples: `ci` under the ci profile, the long run's number otherwise
    (divided by `slow` for targets that draw or start processes)."""
    long = settings.default.max_examples
    return ci if long == CI_EXAMPLES else max(ci, long // slow)


def one_error_line(stderr: str) -> str:
    """The single `error: ...` line a failing command prints; fails on tracebacks and on several lines."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.rstrip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("error: "), repr(stderr)
    return lines[0]


_tally: collections.Counter[str] = collections.Counter()


def tally(target: str) -> None:
    """Count one example of `target`; benchmarks/fuzz.py reads the counts (FUZZ_TALLY names the file)."""
    _tally[target] += 1


@atexit.register
def _write_tally() -> None:
    if os.environ.get("FUZZ_TALLY") and _tally:
        with open(os.environ["FUZZ_TALLY"], "a") as f:
            f.write(json.dumps(dict(_tally)) + "\n")
