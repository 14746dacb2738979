"""The `scene_regression` pytest fixture: guard your own scenes' training in your own test suite.

    def test_my_net(scene_regression):
        scene_regression.check("my_scenes.py:tanh_net")   # or a Scene, or a Snapshot (a Recorder's)

Registered through the `pytest11` entry point, so installing ourdl-render is all it takes. Each check
records the scene in the golden configuration `render check` uses and compares it with
`<test dir>/goldens/<test name>.npz` (like pytest-regressions' datadir). A difference fails the test
with the first differing run, node or parameter and step, and draws `<test name>.diff.png` beside the
golden. `pytest --regen-scenes` writes the goldens that are missing or differ, and fails each such
test once so the change is noticed (commit the goldens). A missing golden fails without writing one:
CI never makes its own goldens.

This module loads in every pytest session of everyone who installs the package, so it imports only
pytest and the standard library; the engine is imported when a check runs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from render.record.check_result import SceneResult
    from render.record.diff import Recording

OPTION = "--regen-scenes"
GOLDENS = "goldens"  # the folder beside the test file
#: the goldens a test's checks wrote under --regen-scenes; the test fails once, after all its checks ran
REWRITTEN = pytest.StashKey[list]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ourdl-render", "scene regression checks (ourdl-render)")
    group.addoption(OPTION, action="store_true", default=False, dest="regen_scenes",
                    help="rewrite the goldens of scene_regression checks that differ or are missing; each "
                         "such test fails once so the change is noticed")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Under --regen-scenes, fail a test that rewrote goldens once its body has run (so every check in
    it got to write its golden), unless it failed on its own."""
    outcome = yield
    rewritten = item.stash.get(REWRITTEN, [])
    if not rewritten or outcome.excinfo is not None:
        return
    message = "\n".join(rewritten) + (f"\n(rewritten by {OPTION}; this test fails once so the change is "
                                       f"noticed: run pytest again without {OPTION}, and commit the goldens)")
    try:
        pytest.fail(message, pytrace=False)
    except pytest.fail.Exception as e:
        if not hasattr(outcome, "force_exception"):  # pluggy < 1.1: an exception here fails the call
            raise
        outcome.force_exception(e)


@pytest.fixture
def scene_regression(request: pytest.FixtureRequest) -> SceneRegression:
    """Compare a scene's recording with the golden beside the test: `scene_regression.check(scene)`."""
    return SceneRegression(request)


def golden_name(test_name: str) -> str:
    """A file name for a test's golden: 'test_x[relu-0.5]' -> 'test_x-relu-0.5'."""
    return re.sub(r"[^\w.-]+", "-", test_name).strip("-.") or "scene"


class SceneRegression:
    """What the fixture gives a test: `check(...)`, once per golden."""

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self.request = request
        self.test_dir = Path(request.node.path).parent
        self.golden_dir = self.test_dir / GOLDENS
        self.regen = bool(request.config.getoption("regen_scenes"))
        self._names: set[str] = set()

    def check(self, what: Any, *, rtol: float | None = None, atol: float | None = None,
              basename: str | None = None) -> SceneResult:
        """Record `what` and compare it with `goldens/<test name>.npz` (or `<basename>.npz`).

        `what`: a scene reference (`"my_scenes.py:NAME"`, the file looked up beside the test file first,
        or a registered name such as "fig8"), a `scenes.Scene`, or a `Snapshot` (e.g. from a Recorder,
        compared as it is). `rtol`/`atol`: the tolerance of this check (default `render.record.diff`'s).
        Returns the result when it matches (or, under --regen-scenes, when it wrote the golden: the test
        then fails once its body has run); otherwise fails the test.
        """
        from render.record.check import check_recording
        from render.record.diff import ATOL, RTOL

        name = golden_name(basename or self.request.node.name)
        if name in self._names:
            pytest.fail(f"scene_regression.check ran twice in {self.request.node.name} with the golden "
                        f"{name}.npz; give each check its own basename=", pytrace=False)
        self._names.add(name)
        fresh = self._recording(what)
        result = check_recording(name, fresh, self.golden_dir / f"{name}.npz", update=self.regen,
                                 rtol=RTOL if rtol is None else rtol, atol=ATOL if atol is None else atol,
                                 picture=self._picture, hint=f"`pytest {OPTION}`")
        if result.status == "match":
            return result
        self._summary(result)
        if result.status in ("created", "updated"):
            what_changed = f"; what changed: {result.difference()}" if result.diffs else ""
            picture = f"\n  picture: {result.picture}" if result.picture else ""
            self.request.node.stash.setdefault(REWRITTEN, []).append(
                f"scene_regression: {result.status} {result.golden}{what_changed}{picture}")
            return result
        if result.status == "no golden":
            pytest.fail(f"scene_regression: {result.lines()[0]}", pytrace=False)
        picture = f"\n  picture: {result.picture}" if result.picture else ""
        pytest.fail(f"scene_regression: {result.headline()}{picture}\n{result}\n"
                    f"(if the change is intended: pytest {OPTION}, then commit {result.golden})",
                    pytrace=False)

    def _recording(self, what: Any) -> Recording:
        from render.record.diff import Recording
        from render.record.goldens import record_golden
        from scenes import Scene, SceneNotFound, get_scene
        from scenes.loader import is_file_reference, split_reference

        if isinstance(what, Scene):
            return record_golden(what)
        if callable(getattr(what, "arrays", None)) and isinstance(getattr(what, "meta", None), dict):
            return Recording.of(what)  # a Snapshot: compared as recorded
        if not isinstance(what, (str, Path)):
            pytest.fail(f"scene_regression.check takes a scene reference, a Scene or a Snapshot, not "
                        f"{type(what).__name__}", pytrace=False)
        ref = str(what)
        if is_file_reference(ref):
            path, name = split_reference(ref)
            beside = self.test_dir / path
            if not path.is_absolute() and beside.exists():
                ref = f"{beside}:{name}" if name else str(beside)
        try:
            return record_golden(get_scene(ref))
        except SceneNotFound as e:
            pytest.fail(f"scene_regression: {e}", pytrace=False)

    def _picture(self, result: SceneResult, golden: Recording, fresh: Recording, path: Path) -> Path | None:
        from render.draw.diff_figure import safe_picture  # matplotlib: only when there is a difference

        return safe_picture(self._warn)(result, golden, fresh, path)

    def _warn(self, message: str) -> None:
        self.request.node.warn(pytest.PytestWarning(message))

    def _summary(self, result: SceneResult) -> None:
        from render.app.step_summary import append_step_summary

        append_step_summary([result], f"scene_regression: {self.request.node.nodeid}")
