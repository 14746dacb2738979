"""What does each fast drawing path save? Each scene's default render, with every path on and with one off.

The fast paths (render.draw.fast: `Reveal`, `SlotText`, `MapImage`, `TransformCache`) draw
matplotlib's pixels through private names; one is worth its names only if it saves a real share of a
render. For each scene this times, in one run and interleaved (best of `--repeat`):

  - the default render (`render scene NAME`'s formats: GIF, MP4, the PNG poster) with every path on: its
    wall time and its CPU time (this process and its ffmpegs: what `render all`'s parallel workers share);
  - the drawing of that render's frames alone (the stream into a writer that keeps nothing), in CPU
    seconds of this process (steady on a busy machine), with every path on, with each path forced off in
    turn (its switch, as a failure would leave it), and all off;
  - with --renders, the whole default render again with each path off (its wall time: ffmpeg shares the
    cores, so much noisier than the drawing alone, which is all a path changes).

Per path it prints the drawing saved per drawn frame (ms) and per default render (s), and that saving as
a share of the default render's CPU time and of its wall time. Turning `TransformCache` off turns
`Reveal` and `MapImage` off too (they keep their pixels in it).

    python benchmarks/fast_paths.py                      # fig7_vs_fig8 and the gallery's scenes
    python benchmarks/fast_paths.py fig7_vs_fig8 --renders --repeat 3

docs/performance.md has the numbers measured, and what was kept or removed because of them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render.draw import map_image, reveal, slot_text, transform_cache  # noqa: E402,F401 - each registers its path
from render.draw.fast import PATHS  # noqa: E402
from render.draw.view import make_view  # noqa: E402
from render.encode.options import RenderOptions  # noqa: E402
from render.encode.stream import stream  # noqa: E402
from render.encode.video import plan, render_snapshot  # noqa: E402
from render.encode.writers import Writer  # noqa: E402
from render.record import record  # noqa: E402
from render.record.snapshot import Snapshot  # noqa: E402
from scenes import get_scene, list_scenes  # noqa: E402

DEFAULT = RenderOptions(formats=("gif", "mp4"))  # the default render's frames (its page draws none)


@contextlib.contextmanager
def switched(off: tuple[str, ...]):
    """Every path in `off` forced off, the others as they are."""
    with contextlib.ExitStack() as stack:
        for name in off:
            stack.enter_context(PATHS[name].forced(False))
        yield


def draw_seconds(snap: Snapshot) -> tuple[float, int]:
    """CPU seconds to draw the default render's frames (no encoder), and how many were drawn."""
    size, timeline, _ = plan(snap, DEFAULT)
    view = make_view(snap, size, DEFAULT.theme, DEFAULT.lang, DEFAULT.loss_panel)
    start = time.process_time()
    drawn = stream(view, timeline, [Writer(Path("unused"), DEFAULT, timeline.fps)])
    return time.process_time() - start, drawn


def render_seconds(snap: Snapshot, folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process and its ffmpegs) of the default render."""
    def cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    start, start_cpu = time.perf_counter(), cpu()
    render_snapshot(snap, folder / "out", DEFAULT)
    return time.perf_counter() - start, cpu() - start_cpu


def measure(name: str, repeat: int, renders: bool, folder: Path) -> None:
    start = time.perf_counter()
    snap = record(get_scene(name))
    print(f"{name}: recorded in {time.perf_counter() - start:.1f} s")
    configs = {"all on": (), **{f"{p} off": (p,) for p in PATHS}, "all off": tuple(PATHS)}
    draws: dict[str, list[float]] = {c: [] for c in configs}
    walls: dict[str, list[tuple[float, float]]] = {c: [] for c in (configs if renders else ("all on",))}
    frames = 0
    for _ in range(repeat):  # interleaved: a busy moment hits every configuration alike
        for config, off in configs.items():
            with switched(off):
                seconds, frames = draw_seconds(snap)
                draws[config].append(seconds)
                if config in walls:
                    walls[config].append(render_seconds(snap, folder))
    on_draw = min(draws["all on"])
    on_wall, on_cpu = min(w for w, _c in walls["all on"]), min(c for _w, c in walls["all on"])
    print(f"  default render (all on): {on_wall:.2f} s wall, {on_cpu:.2f} s CPU; drawing its {frames} "
          f"frames {on_draw:.2f} s CPU ({on_draw / frames * 1000:.2f} ms a frame)")
    print(f"  {'':18s} {'draw ms/frame':>13s} {'saved ms/frame':>14s} {'saved s/render':>14s} "
          f"{'of CPU':>7s} {'of wall':>7s}" + ("  render wall off/on" if renders else ""))
    for config in configs:
        if config == "all on":
            continue
        off_draw = min(draws[config])
        saved = off_draw - on_draw
        line = (f"  {config:18s} {off_draw / frames * 1000:13.2f} {saved / frames * 1000:14.2f} "
                f"{saved:14.2f} {saved / on_cpu:7.1%} {saved / on_wall:7.1%}")
        if renders:
            off_wall = min(w for w, _c in walls[config])
            line += f"  {off_wall:.2f}/{on_wall:.2f} s = {off_wall / on_wall:.2f}x"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenes", nargs="*", help="default: fig7_vs_fig8 and every gallery scene")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each configuration (best is kept)")
    parser.add_argument("--renders", action="store_true", help="time the whole render with each path off")
    args = parser.parse_args()
    names = args.scenes or list(dict.fromkeys(["fig7_vs_fig8", *(s.name for s in list_scenes())]))
    print(f"matplotlib {matplotlib.__version__}; paths: {', '.join(PATHS)}; best of {args.repeat}")
    with tempfile.TemporaryDirectory(prefix="fast-paths-") as folder:
        for name in names:
            measure(name, args.repeat, args.renders, Path(folder))


if __name__ == "__main__":
    main()
