"""What a regression check found: one `SceneResult` per scene, one `CheckReport` per run of the check.

Their lines are what `render check`, the pytest plugin, the JUnit report and the GitHub step summary
print, so every one of them words a difference the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from render.record.diff import ATOL, RTOL, ArrayDiff
from render.record.goldens import GOLDEN_DIR

#: Order in which a result's headline prefers its differences: parameters first (they name what moved).
HEADLINE_ORDER = ("params", "curves", "train_loss", "eval_loss")


@dataclass
class SceneResult:
    scene: str
    status: str  # "match", "differs", "no golden", "bad golden", "stale golden"; with update: "created",
    #              "updated", "removed"
    golden: Path
    diffs: list[ArrayDiff] = field(default_factory=list)
    seconds: float = 0.0
    picture: Path | None = None  # the picture of the difference, when one was drawn
    hint: str | None = None  # how to create or rewrite the golden; default: the `render check --update` line
    tolerance: tuple[float, float] = (RTOL, ATOL)  # (rtol, atol) the comparison used

    @property
    def ok(self) -> bool:
        return self.status in ("match", "created", "updated", "removed")

    def diff(self, key: str) -> ArrayDiff | None:
        return next((d for d in self.diffs if d.key == key), None)

    @property
    def update_hint(self) -> str:
        return self.hint or f"`render check --update {self.scene}`"

    def first_diff(self) -> ArrayDiff | None:
        """The difference a one-line summary names: the earliest step, parameters before curves."""
        if not self.diffs:
            return None

        def key(d: ArrayDiff) -> tuple:
            rank = HEADLINE_ORDER.index(d.key) if d.key in HEADLINE_ORDER else len(HEADLINE_ORDER)
            return (d.step is None, d.step if d.step is not None else 0, rank)

        return min(self.diffs, key=key)

    def difference(self) -> str:
        """Where the first difference shows and how large it is ('params: first at run ..., step ...,
        param w_11; max abs ..., max rel ...'); empty when nothing differs."""
        d = self.first_diff()
        if d is None:
            return ""
        what = d.message.splitlines()[0] if d.problem != "values" else (
            f"first at {d.first}; max abs {d.max_abs:.3g}, max rel {d.max_rel:.3g}")
        return f"{d.key}: {what}"

    def headline(self) -> str:
        """One line: the scene, its status and, for a difference, where it first shows and how large."""
        if not self.diffs:
            return self.lines()[0]
        return f"{self.scene}: {self.status}: {self.difference()}"

    def lines(self) -> list[str]:
        head = f"{self.scene}: {self.status}"
        if self.status == "no golden":
            head += f" ({self.golden} is missing; create it with {self.update_hint})"
        elif self.status == "bad golden":
            head += f" ({self.update_hint} rewrites it)"
        elif self.status == "stale golden":
            head += f" ({self.golden} belongs to no registered scene; `render check --update` removes it)"
        elif self.status in ("created", "updated", "removed"):
            head += f" ({self.golden})"
        if self.seconds:
            head += f"  [{self.seconds:.2f} s]"
        out = [head]
        for d in self.diffs:
            out += ["  " + line for line in d.lines()]
        if self.picture is not None:
            out.append(f"  picture: {self.picture}")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class CheckReport:
    results: list[SceneResult]
    golden_dir: Path
    rtol: float = RTOL
    atol: float = ATOL
    update: bool = False

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def update_hint(self) -> str:
        if Path(self.golden_dir).resolve() == GOLDEN_DIR:
            return "`render check --update`"
        return f"`render check --update ... --goldens {self.golden_dir}`"

    @property
    def failed(self) -> list[SceneResult]:
        return [r for r in self.results if not r.ok]

    @property
    def changed(self) -> list[SceneResult]:
        return [r for r in self.results if r.status in ("created", "updated", "removed")]

    def result(self, scene: str) -> SceneResult:
        return next(r for r in self.results if r.scene == scene)

    def headline(self) -> str:
        """The verdict in a few words: '2 of 3 scenes differ from their goldens'."""
        n = len(self.results)
        if self.update:
            return f"{len(self.changed)} of {n} goldens changed"
        if self.ok:
            if n == 1:  # a scene or a recording file: named ("torch_run matches its golden")
                return f"{self.results[0].scene} matches its golden"
            return f"all {n} scenes match their goldens"
        return f"{len(self.failed)} of {n} scenes differ from their goldens"

    def summary(self) -> str:
        if self.update:
            return self.headline() + (f": {', '.join(r.scene for r in self.changed)}" if self.changed else "")
        if self.ok:
            return f"{self.headline()} (rtol {self.rtol:g}, atol {self.atol:g})"
        return (f"{self.headline()}: {', '.join(r.scene for r in self.failed)} (rtol {self.rtol:g}, "
                f"atol {self.atol:g}; {self.update_hint} rewrites them if the change is intended)")

    def __str__(self) -> str:
        lines = [line for r in self.results for line in r.lines()]
        return "\n".join([*lines, self.summary()])
