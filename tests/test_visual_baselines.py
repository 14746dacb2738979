"""Visual baselines: what a reader sees of every scene, compared with stored reference frames.

Like manim's graphical unit tests. Each registered scene is drawn from its committed golden recording
(render/record/goldens/, so nothing trains) through a render's own pipeline: `plan` picks the timeline,
`make_view` the figure, `stream` blits the frames and `PosterWriter` writes the poster PNG. Each
(scene, variant) draws one view, 640x360 (the smallest size whose tick labels and Chinese captions stay
legible), and keeps four images, stored as `tests/baselines/<scene>/<variant>-<which>.png`:

- `first`: the animation's first frame (the initial state);
- `middle`: the first frame that shows snapshot (S - 1) // 2, S snapshots in all;
- `late`: the first frame that shows snapshot 3 (S - 1) // 4, where most fits settle;
- `poster`: the PNG a render writes beside its video (`RenderOptions.poster_frame`, the final state).
  The animation's last frame holds that same final state pixel for pixel, so it is not stored twice.

The variants cover both themes and both languages between them: `light-en` and `dark-zh`.

Shapes: fig8's poster is also stored for each frame shape the runs figure lays out differently
(render.draw.grid: one row, two by two, one column), in light theme, English and Chinese, as
`tests/baselines/fig8/shape-<shape>-<lang>-poster.png`: wide (1920x1080), square (1080x1080), portrait
(1080x1350), story (1080x1920), each drawn at a third of its size. The layout is designed in inches and
only the dpi follows the pixels, so a third draws the same picture at the existing baselines' 80 dpi (the
wide one is 640x360). The wide English one is `fig8/light-en-poster.png` already and not stored twice.

Tolerance (tests/image_diff.py). A pixel differs when one of its channels moved by more than 32/255; an
image matches when at most 4 pixels differ. Measured on fig8's middle frame: every curve shifted by 0.1
pixel (what float noise in the recording or another platform's rounding does) changes thousands of
pixels, none by more than 25, and passes; one digit of a tick label changed fails ("2" -> "3" changes 8
pixels past 32, "1" -> "4" 19), as do a tick moved by half a pixel (18), one curve removed (~400), one
curve in another colour (~400) and the other theme (all of them). `test_the_tolerance_*` keep these
measurements true.

The baselines hold for the matplotlib release that drew them (`tests/baselines/matplotlib.txt`): text
layout changes between releases (from 3.10 to 3.11 the pixels of every label change, and of no curve). Under
another release the comparisons skip, except in CI (CI=true), where they fail until someone regenerates.

A failure names each differing image, the number of pixels past the tolerance and the worst change, and
writes expected | got | difference side by side to `tests/baselines/_failures/<scene>/<variant>-<which>
.diff.png` (gitignored; a passing run removes its old pictures).

When a change to the pictures is intended, regenerate and commit the baselines:

    python -m pytest tests/test_visual_baselines.py --regen-scenes

It rewrites the baselines that are missing or differ past the tolerance and fails each such test once so
the change is noticed (as `scene_regression` does); run it again without the option, look at the
pictures, commit `tests/baselines/`. Without the option a missing baseline fails and nothing is written:
CI never makes its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from image_diff import (
    MAX_DIFFERING,
    PIXEL_TOLERANCE,
    channel_change,
    compare,
    diff_picture,
    read_png,
    write_png,
)
from matplotlib.transforms import Affine2D
from null_writer import NullWriter

import scenes
from render.app.pytest_plugin import OPTION, REWRITTEN
from render.draw.view import View, make_view
from render.encode.options import RenderOptions
from render.encode.stream import stream
from render.encode.timeline import Timeline
from render.encode.video import plan
from render.encode.writers import PosterWriter
from render.record.goldens import golden_path
from render.record.snapshot import Snapshot, SnapshotError, load_snapshot

BASELINES = Path(__file__).resolve().parent / "baselines"
FAILURES = BASELINES / "_failures"
DRAWN_WITH = BASELINES / "matplotlib.txt"  # the matplotlib release (major.minor) that drew the baselines
SIZE = (640, 360)
VARIANTS = {"light-en": ("light", "en"), "dark-zh": ("dark", "zh")}
SCENES = [scene.name for scene in scenes.list_scenes()]
#: frame shapes of fig8's poster, a third of the sizes they stand for (the module docstring)
SHAPES = {"wide": (640, 360), "square": (360, 360), "portrait": (360, 450), "story": (360, 640)}


def shown_frames(timeline: Timeline) -> dict[str, int]:
    """The stored frames besides the poster, by the rule in the module docstring."""
    last = timeline.n_snapshots - 1
    return {"first": 0, "middle": timeline.frame_of(last // 2), "late": timeline.frame_of(3 * last // 4)}


def golden(name: str) -> Snapshot:
    try:
        return load_snapshot(golden_path(name))
    except (OSError, SnapshotError) as e:
        pytest.fail(f"scene {name} has no readable golden recording ({e}); `render check --update` "
                    "records it", pytrace=False)


def draw(snapshot: Snapshot, theme: str, lang: str, folder: Path,
         change: Callable[[View], None] | None = None, size: tuple[int, int] = SIZE) -> dict[str, np.ndarray]:
    """The four images of `snapshot`, from one view, as a render at `size` draws them; `change` alters the
    view before anything is drawn (the tolerance's tests)."""
    options = RenderOptions(formats=("mp4",), size=size, theme=theme, lang=lang)
    size, timeline, _ = plan(snapshot, options)
    frames = shown_frames(timeline)
    keeper = NullWriter(folder / "frames", options, timeline.fps, keep=tuple(frames.values()))
    poster_frame = timeline.frame_of(options.poster_frame)
    poster = PosterWriter(folder / "poster.png", options, timeline.fps, poster_frame)
    view = make_view(snapshot, size, theme, lang, options.loss_panel)
    if change is not None:
        change(view)
    with poster.saving(size):
        stream(view, timeline, [keeper, poster])
    return {**{which: keeper.kept[k] for which, k in frames.items()}, "poster": read_png(poster.path)}


def same_matplotlib(regen: bool) -> None:
    """Text layout moves between matplotlib releases (3.10 to 3.11 moves every label's pixels, and no
    curve's), so the baselines hold for the release that drew them: another one skips, but fails in CI,
    which must not lose the check silently. Under `regen` the running release is recorded."""
    running = ".".join(matplotlib.__version__.split(".")[:2])
    drawn = DRAWN_WITH.read_text().strip() if DRAWN_WITH.exists() else "an unrecorded release"
    if drawn == running:
        return
    if regen:
        DRAWN_WITH.write_text(running + "\n")
        return
    message = (f"the visual baselines were drawn with matplotlib {drawn}, this is {running}: "
               f"`pytest {OPTION}`, look at the pictures, commit tests/baselines")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def check(images: dict[str, np.ndarray], stem: str, regen: bool,
          baselines: Path = BASELINES, failures: Path = FAILURES) -> tuple[list[str], list[str]]:
    """Compare `images` with `<baselines>/<stem>-<which>.png`: (problems, baselines rewritten). Under
    `regen` the missing and differing ones are rewritten; otherwise each difference draws its picture."""
    problems, rewritten = [], []
    for which, got in images.items():
        path, picture = baselines / f"{stem}-{which}.png", failures / f"{stem}-{which}.diff.png"
        picture.unlink(missing_ok=True)
        name = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        if not path.exists():
            if regen:
                write_png(got, path)
                rewritten.append(f"visual baseline: created {name}")
            else:
                problems.append(f"{name}: missing (`pytest {OPTION}` draws it; commit it)")
            continue
        difference = compare(read_png(path), got)
        if difference.matches:
            continue
        if regen:
            write_png(got, path)
            rewritten.append(f"visual baseline: updated {name}: {difference}")
        else:
            write_png(diff_picture(read_png(path), got), picture)
            problems.append(f"{name}: {difference}\n  expected | got | difference: {picture}")
    return problems, rewritten


def report(request: pytest.FixtureRequest, problems: list[str], rewritten: list[str]) -> None:
    """Fail with `problems`; hand `rewritten` to the plugin, which fails the test once."""
    request.node.stash.setdefault(REWRITTEN, []).extend(rewritten)
    if problems:
        pytest.fail("\n".join(problems) + f"\n(if the pictures should change: pytest {OPTION}, look at them, "
                    "commit tests/baselines)", pytrace=False)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("scene", SCENES)
def test_scene_looks_as_its_baselines(scene: str, variant: str, request: pytest.FixtureRequest,
                                      tmp_path: Path) -> None:
    regen = bool(request.config.getoption("regen_scenes"))
    same_matplotlib(regen)
    images = draw(golden(scene), *VARIANTS[variant], tmp_path)
    problems, rewritten = check(images, f"{scene}/{variant}", regen)
    report(request, problems, rewritten)


@pytest.mark.parametrize("shape, lang", [(shape, lang) for shape in SHAPES for lang in ("en", "zh")
                                         if (shape, lang) != ("wide", "en")])  # that one is light-en-poster
def test_fig8s_poster_in_every_shape(shape: str, lang: str, request: pytest.FixtureRequest,
                                     tmp_path: Path) -> None:
    regen = bool(request.config.getoption("regen_scenes"))
    same_matplotlib(regen)
    images = draw(golden("fig8"), "light", lang, tmp_path, size=SHAPES[shape])
    assert images["poster"].shape[:2] == SHAPES[shape][::-1]
    problems, rewritten = check({"poster": images["poster"]}, f"fig8/shape-{shape}-{lang}", regen)
    report(request, problems, rewritten)


# The tolerance: the same frame redrawn, or with sub-pixel noise, matches; a visible change does not.

def _curves(view: View) -> list:
    return [a for a in view.animated if hasattr(a, "get_xydata")]


def _shift_curves(view: View, pixels: float = 0.1) -> None:
    for curve in _curves(view):
        curve.set_transform(curve.get_transform() + Affine2D().translate(0, pixels))


def _remove_curve(view: View) -> None:
    _curves(view)[0].set_visible(False)


def _recolour_curve(view: View) -> None:
    first, second = _curves(view)[:2]
    first.set_color(second.get_color())


def _ticks(view: View, relabel: tuple[str, str] | None = None, move: float = 0.0) -> None:
    """Fix the first panel's y ticks as drawn, then relabel one ("2" -> "3") or move one (in pixels)."""
    view.fig.canvas.draw()
    ax = view.fig.axes[0]
    limits, locs = ax.get_ylim(), list(ax.get_yticks())
    labels = [label.get_text() for label in ax.get_yticklabels()]
    i = labels.index(relabel[0] if relabel else "1")
    if relabel:
        labels[i] = relabel[1]
    locs[i] += move * (limits[1] - limits[0]) / ax.bbox.height
    ax.set_yticks(locs, labels=labels)
    ax.set_ylim(*limits)


@pytest.fixture(scope="module")
def fig8(tmp_path_factory) -> tuple[Snapshot, np.ndarray]:
    snapshot = golden("fig8")
    return snapshot, draw(snapshot, "light", "en", tmp_path_factory.mktemp("fig8"))["middle"]


@pytest.mark.parametrize("change", [None, _shift_curves, _ticks], ids=["redrawn", "curves-shifted-0.1px",
                                                                         "ticks-fixed-as-drawn"])
def test_the_tolerance_passes_the_same_frame(fig8, change, tmp_path: Path) -> None:
    snapshot, expected = fig8
    got = draw(snapshot, "light", "en", tmp_path, change)["middle"]
    assert compare(expected, got).matches, compare(expected, got)
    if change is _shift_curves:  # not vacuous: the shift does move pixels, within the tolerance
        change = channel_change(expected, got)
        assert np.count_nonzero(change) > 1000 and change.max() > 16


@pytest.mark.parametrize("change, theme", [
    (_remove_curve, "light"), (_recolour_curve, "light"), (lambda view: _ticks(view, ("2", "3")), "light"),
    (lambda view: _ticks(view, move=0.5), "light"), (None, "dark")],
    ids=["one-curve-removed", "one-curve-recoloured", "tick-label-2-to-3", "tick-moved-half-a-pixel",
         "theme-swapped"])
def test_the_tolerance_fails_a_visible_change(fig8, change, theme: str, tmp_path: Path) -> None:
    snapshot, expected = fig8
    got = draw(snapshot, theme, "en", tmp_path, change)["middle"]
    difference = compare(expected, got)
    assert not difference.matches
    assert difference.differing > MAX_DIFFERING and difference.worst > PIXEL_TOLERANCE


# What a failure and --regen-scenes do, on a baseline folder of the test's own.

def test_a_difference_fails_with_a_picture_and_regen_rewrites_it(fig8, tmp_path: Path) -> None:
    _, frame = fig8
    baselines, failures = tmp_path / "baselines", tmp_path / "baselines" / "_failures"
    changed = frame.copy()
    changed[100:103, 200:210] = (255, 0, 0, 255)  # 30 pixels: a small red mark
    stored = baselines / "fig8" / "light-en-middle.png"
    assert check({"middle": frame}, "fig8/light-en", regen=True, baselines=baselines, failures=failures) == \
        ([], [f"visual baseline: created {stored}"])
    assert check({"middle": frame}, "fig8/light-en", False, baselines, failures) == ([], [])

    problems, rewritten = check({"middle": changed}, "fig8/light-en", False, baselines, failures)
    picture = failures / "fig8" / "light-en-middle.diff.png"
    assert rewritten == [] and len(problems) == 1
    assert problems[0].startswith(f"{stored}: 30 pixels differ by more than 32/255")
    assert "the worst by 255/255" in problems[0] and str(picture) in problems[0]
    side_by_side = read_png(picture)
    assert side_by_side.shape == (SIZE[1], 3 * SIZE[0] + 8, 3)
    assert np.array_equal(side_by_side[:, :SIZE[0]], frame[..., :3])
    assert np.array_equal(side_by_side[:, SIZE[0] + 4:2 * SIZE[0] + 4], changed[..., :3])
    marks = side_by_side[:, 2 * SIZE[0] + 8:]
    assert tuple(marks[101, 205]) == (230, 0, 0) and tuple(marks[50, 50]) != (230, 0, 0)

    problems, rewritten = check({"middle": changed}, "fig8/light-en", True, baselines, failures)
    assert problems == []
    assert rewritten[0].startswith(f"visual baseline: updated {stored}: 30 pixels")
    assert not picture.exists()
    assert np.array_equal(read_png(stored), changed[..., :3])


def test_a_missing_baseline_fails_and_writes_nothing(fig8, tmp_path: Path) -> None:
    baselines = tmp_path / "baselines"
    problems, rewritten = check({"poster": fig8[1]}, "fig8/dark-zh", False, baselines, tmp_path / "failures")
    assert rewritten == []
    assert problems == [f"{baselines / 'fig8' / 'dark-zh-poster.png'}: missing (`pytest {OPTION}` draws it; "
                        "commit it)"]
    assert not any(tmp_path.rglob("*.png"))


def test_every_scene_has_baselines_and_no_others() -> None:
    """A scene removed leaves no stale baselines behind; one added is in the parametrization above."""
    stored = {p.name for p in BASELINES.iterdir() if p.is_dir() and p.name != FAILURES.name}
    assert stored == set(SCENES)


def test_the_baselines_stay_small() -> None:
    """About 400 kB a scene (eight 640x360 views; fig8's four poster shapes besides): more means the views
    are drawn larger than they need to be."""
    total = sum(p.stat().st_size for p in BASELINES.rglob("*.png") if FAILURES not in p.parents)
    assert total < 400_000 * len(SCENES), f"{total / 1e6:.2f} MB of baselines: draw them smaller"

