"""Regression check: re-record scenes in their golden configuration and compare with their goldens.

A recording file (`torch_run.npz`, from `Recorder.save`, `TorchRecorder.save` or `render record`) is
checked as it is: compared with `DIR/<its stem>.npz` (`check_file`); nothing is re-recorded.

`render check`, the pytest suite (tests/test_goldens.py) and users' own tests (the `scene_regression`
fixture, render/app/pytest_plugin.py) all call this runner, so CI and the command line compare the same
recordings with the same tolerance (`render.record.diff`, settable per call). What a golden is and where
it lives: goldens.py; the results it returns: check_result.py.

numpy only: a picture of a difference is drawn by whoever passes a `Picture` callback (the app layer).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from render.record.check_result import CheckReport, SceneResult
from render.record.diff import ATOL, RTOL, ArrayDiff, Recording, compare, load_recording
from render.record.goldens import GOLDEN_DIR, golden_path, record_golden, write_golden
from render.record.snapshot import SnapshotError
from scenes import Scene, get_scene, list_scenes
from scenes.loader import SceneLoadError, is_file_reference, load_module, scenes_in, split_reference


def picture_path(golden: Path, picture_dir: Path | None = None) -> Path:
    """Where the picture of a difference goes: `NAME.diff.png` next to the golden (or in picture_dir)."""
    golden = Path(golden)
    return Path(picture_dir or golden.parent) / f"{golden.stem}.diff.png"


#: Draws the picture of a difference: (result, golden, fresh, target path) -> the path written, or None.
#: Passed in by the app layer (render.record never imports matplotlib).
Picture = Callable[[SceneResult, Recording, Recording, Path], "Path | None"]


def check_recording(name: str, fresh: Recording, golden: Path, update: bool = False, rtol: float = RTOL,
                    atol: float = ATOL, picture: Picture | None = None, picture_dir: Path | None = None,
                    seconds: float = 0.0, hint: str | None = None) -> SceneResult:
    """Compare a recording with the golden file `golden` (with update: write it when missing or different).

    With `picture`, a difference in the arrays (also one that `update` just accepted) is drawn to
    `NAME.diff.png` next to the golden (or in picture_dir), and a picture left from an earlier
    difference is removed when there is none any more.
    """
    path = Path(golden)
    result = SceneResult(name, "match", path, seconds=seconds, hint=hint, tolerance=(rtol, atol))
    old: Recording | None = None
    if not path.exists():
        result.status = "created" if update else "no golden"
    else:
        try:
            old = load_recording(path)
            result.diffs = compare(old, fresh, rtol, atol)
        except SnapshotError as e:
            result.status = "updated" if update else "bad golden"
            result.diffs = [] if update else [ArrayDiff("file", "unreadable", str(e))]
        else:
            if result.diffs:
                result.status = "updated" if update else "differs"
    if result.status in ("created", "updated"):
        write_golden(fresh, path)
    if picture is not None:
        target = picture_path(path, picture_dir)
        if old is not None and any(d.key != "meta" for d in result.diffs):  # arrays differ: something to see
            result.picture = picture(result, old, fresh, target)
        elif result.status != "no golden":
            target.unlink(missing_ok=True)  # the difference it showed is gone
    return result


def check_scene(scene: Scene, golden_dir: Path = GOLDEN_DIR, update: bool = False,
                rtol: float = RTOL, atol: float = ATOL, picture: Picture | None = None,
                picture_dir: Path | None = None, hint: str | None = None) -> SceneResult:
    """Record `scene` in its golden configuration and compare it with (or, with update, write) its golden."""
    start = time.perf_counter()
    fresh = record_golden(scene)
    return check_recording(scene.name, fresh, golden_path(scene.name, golden_dir), update, rtol, atol,
                           picture, picture_dir, time.perf_counter() - start, hint)


def is_recording_file(ref: str) -> bool:
    """Whether `ref` names a recording file (`run.npz`) rather than a scene."""
    return str(ref).endswith(".npz")


def check_file(recording: Path, golden_dir: Path, update: bool = False, rtol: float = RTOL,
               atol: float = ATOL, picture: Picture | None = None,
               picture_dir: Path | None = None) -> SceneResult:
    """Compare the recording file `recording` with its golden `golden_dir/<stem>.npz` (with update: write
    it when missing or different). An unreadable recording raises SnapshotError naming it."""
    start = time.perf_counter()
    recording = Path(recording)
    golden = golden_path(recording.stem, golden_dir)
    if golden.resolve() == recording.resolve():
        raise SnapshotError(f"{recording} is its own golden: keep goldens in another folder (--goldens DIR)")
    fresh = load_recording(recording)
    return check_recording(recording.stem, fresh, golden, update, rtol, atol, picture, picture_dir,
                           time.perf_counter() - start, f"`render check --update {recording} --goldens "
                           f"{golden_dir}`")


def resolve_scenes(names: list[str]) -> list[tuple[str, Scene]]:
    """(reference, scene) for each name: a registered name, `file.py:NAME`, or `file.py` for every scene
    in that file (in the file's order). A scene named twice is checked once."""
    found: dict[str, tuple[str, Scene]] = {}
    for ref in names:
        path, name = split_reference(ref) if is_file_reference(ref) else (None, ref)
        if path is not None and name is None:
            scenes = list({id(s): s for s in scenes_in(load_module(path)).values()}.values())
            if not scenes:
                raise SceneLoadError(f"{path} defines no Scene (assign one at module level or register it)")
            pairs = [(f"{path}:{s.name}", s) for s in scenes]
        else:
            pairs = [(ref, get_scene(ref))]
        for pair in pairs:
            found.setdefault(pair[1].name, pair)
    return list(found.values())


def _hint(ref: str, golden_dir: Path) -> str | None:
    """The command that (re)writes a user's golden; None for the built-in goldens (the default hint)."""
    if Path(golden_dir).resolve() == GOLDEN_DIR:
        return None
    return f"`render check --update {ref} --goldens {golden_dir}`"


def check_scenes(names: list[str] | None = None, update: bool = False, golden_dir: Path = GOLDEN_DIR,
                 rtol: float = RTOL, atol: float = ATOL, picture: Picture | None = None,
                 picture_dir: Path | None = None) -> CheckReport:
    """Check the named scenes (all registered ones when `names` is empty or None) against `golden_dir`.

    Names may point into the user's files (`my_scenes.py:NAME`, or `my_scenes.py` for all its scenes), or
    be recording files (`run.npz`), each compared as it is with `golden_dir/run.npz` (`check_file`).
    Unknown names raise `scenes.SceneNotFound`. With `update`, goldens that differ or are missing are
    (re)written, and, when checking all scenes, goldens of scenes that no longer exist are removed.
    """
    golden_dir = Path(golden_dir)
    files = [n for n in names or [] if is_recording_file(n)]
    scene_names = [n for n in names or [] if not is_recording_file(n)]
    chosen = resolve_scenes(scene_names) if scene_names else [] if files else [
        (s.name, s) for s in list_scenes()]
    results = [check_scene(s, golden_dir, update, rtol, atol, picture, picture_dir, _hint(ref, golden_dir))
               for ref, s in chosen]
    results += [check_file(Path(f), golden_dir, update, rtol, atol, picture, picture_dir)
                for f in dict.fromkeys(files)]
    if not names and golden_dir.is_dir():
        known = {s.name for _, s in chosen}
        for path in sorted(golden_dir.glob("*.npz")):
            if path.stem not in known:
                if update:
                    path.unlink()
                results.append(SceneResult(path.stem, "removed" if update else "stale golden", path))
    return CheckReport(results, golden_dir, rtol, atol, update)
