"""How fast is our save loop? fig7_vs_fig8's frames rendered to the same MP4 three ways.

  (a) matplotlib: `FuncAnimation.save` with `FFMpegWriter` (a full redraw per frame, no blitting);
  (b) ours: `render.video.render_snapshot` (blitting, one draw per frame, streamed to ffmpeg);
  (c) the floor: the same frames, already in memory, piped to the same encoder settings.
(b) and (c) are the best of 3 runs (2 with --quick), interleaved, as the machine may be shared; (a) runs
once. Each is printed with the CPU time it used (this process and its ffmpegs), and this process's own
CPU time (our drawing, and writing the frames into ffmpeg's pipe, which (c) does too): the steadier
figures on a busy machine.

Goals (issue 3): (b) >= 8x faster than (a); (b) <= 1.5x (c); peak RSS for 3000 frames <= 1.2x that
for 300 (each measured in a fresh subprocess). Issue 14 asks (b) <= 1.15x (c), keeping (a)/(b) >= 30.
It also prints GIF bytes, ours against matplotlib's `PillowWriter` for the same frames (goal <= 0.5x),
and the time of the default render.

    python benchmarks/render_speed.py            # full: 3-4 minutes on 2 cores, (a) takes most
    python benchmarks/render_speed.py --quick    # 91 frames, a smaller RSS run: about a minute

The encoder preset matters to (b)/(c): ours adds drawing (~1.4 ms of CPU a frame measured alone: update,
restore, the artists ~1.0 ms, the copy; about twice that while libx264 runs on the same two cores, which it
keeps ~1.8-1.9 busy), plus ~0.23 s once to build the figure and draw its background, while the encoder waits.
The CPU lines say what that costs: (b) cannot take less than its CPU time over the cores, and the set-up
cannot overlap anything, so at our default `veryfast` (b)/(c) stays near 1.2 on 2 cores however the frames
overlap (1.3-1.5 with ~2.5 ms a frame, 1.23-1.27 with ~1.8 ms); against `--preset medium` (x264's default,
~2x the encoder's CPU) the same drawing weighs half as much, and (b) at veryfast is still faster than (c)
at medium.

    python benchmarks/render_speed.py --preset medium

In --quick mode (b)/(c) reads high: the one-off ~0.25 s cannot be amortised over 91 frames.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import matplotlib
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render.draw.scene_figure import SceneFigure  # noqa: E402
from render.encode import ffmpeg  # noqa: E402
from render.encode.options import RenderOptions, parse_size  # noqa: E402
from render.encode.stream import make_animation, stream  # noqa: E402
from render.encode.video import plan, render_snapshot  # noqa: E402
from render.encode.writers import Mp4Writer, Writer  # noqa: E402
from render.record.snapshot import Snapshot, load_snapshot  # noqa: E402

SCENE = "fig7_vs_fig8"


def record_scene() -> Snapshot:
    from render.record import record
    from scenes import get_scene

    return record(get_scene(SCENE))


class Collect(Writer):
    """Keeps every frame it is given (only the floor measurement may hold frames in memory)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kept: dict[int, bytes] = {}

    def grab_frame(self, frame) -> None:
        self.kept[self.frames] = bytes(frame)
        self.frames += 1


def mp4_args(path: Path, options: RenderOptions) -> list[str]:
    """Our MP4 writer's encoder arguments, so all three ways encode identically."""
    return Mp4Writer(path, options, options.video_fps).output_args()


def way_a(snap: Snapshot, options: RenderOptions, out: Path) -> float:
    from matplotlib.animation import FFMpegWriter

    matplotlib.rcParams["animation.ffmpeg_path"] = ffmpeg.ffmpeg_exe()
    size, timeline, _ = plan(snap, options)
    view = SceneFigure(snap, size=size)
    anim = make_animation(view, timeline)
    args = mp4_args(out, options)
    extra = args[args.index("-preset"):args.index("-f")]  # same x264 settings, matplotlib's own plumbing
    writer = FFMpegWriter(fps=timeline.fps, codec="libx264", extra_args=extra)
    start = time.perf_counter()
    with matplotlib.rc_context(view.rc):
        anim.save(str(out), writer=writer, dpi=view.fig.dpi)
    return time.perf_counter() - start


def cpu_seconds() -> tuple[float, float]:
    """CPU time, user + system, of this process and its reaped children (the ffmpegs), and of this
    process alone (drawing, and writing frames into ffmpeg's pipe)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system, t.user + t.system


def way_b(snap: Snapshot, options: RenderOptions, out: Path) -> tuple[float, float, float]:
    """Wall, CPU and this process's own CPU seconds of one render."""
    start, (cpu, own) = time.perf_counter(), cpu_seconds()
    render_snapshot(snap, out, options)
    after = cpu_seconds()
    return time.perf_counter() - start, after[0] - cpu, after[1] - own


def floor_frames(snap: Snapshot, options: RenderOptions) -> Collect:
    """The frames (b) draws, kept in memory for (c) (rendered once, not timed)."""
    size, timeline, _ = plan(snap, options)
    frames = Collect(Path("unused"), options, timeline.fps)
    stream(SceneFigure(snap, size=size), timeline, [frames])
    return frames


def way_c(snap: Snapshot, options: RenderOptions, out: Path, frames: Collect) -> tuple[float, float, float]:
    """Wall, CPU and this process's own CPU seconds of one encode of the frames in memory."""
    size, timeline, _ = plan(snap, options)
    proc = ffmpeg.FFmpeg(ffmpeg.raw_input_args(size, timeline.fps) + mp4_args(out, options), "floor MP4")
    start, (cpu, own) = time.perf_counter(), cpu_seconds()
    for k in range(frames.frames):
        proc.write(frames.kept[k])
    proc.close()
    after = cpu_seconds()
    return time.perf_counter() - start, after[0] - cpu, after[1] - own


def load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def peak_rss_mb() -> float:
    """This process's peak resident memory since exec (VmHWM). Not ru_maxrss: on Linux that carries
    over the parent's peak through fork and exec, and the parent here holds the floor's frames."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_child(snapshot_file: str, frames: int, size: str) -> None:
    """In a fresh process: render `frames` frames (GIF + MP4 + poster); print peak RSS as JSON."""
    snap = load_snapshot(snapshot_file)
    fps, hold = 30.0, 1.0
    options = RenderOptions(size=parse_size(size), fps=fps, duration=frames / fps - hold - 1 / fps, hold=hold)
    out = Path(tempfile.mkdtemp(prefix="rss-"))
    start = time.perf_counter()
    render_snapshot(snap, out / "rss", options)
    drawn = plan(snap, options)[1].frames
    print(json.dumps({
        "frames": drawn, "seconds": time.perf_counter() - start,
        "self_mb": peak_rss_mb(),
    }))
    for f in out.iterdir():
        f.unlink()
    out.rmdir()


def measure_rss(snapshot_file: Path, frames: int, size: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--rss-child", str(snapshot_file), str(frames), size],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the RSS run ({frames} frames at {size}) failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def pillow_gif(snap: Snapshot, options: RenderOptions, out: Path) -> int:
    """matplotlib's PillowWriter, fed the same frames: its `finish` is exactly this save call."""
    size, timeline, _ = plan(snap, options)
    frames = Collect(Path("unused"), options, timeline.fps)
    stream(SceneFigure(snap, size=size), timeline, [frames])
    images = [Image.frombuffer("RGBA", size, frames.kept[k], "raw", "RGBA", 0, 1).convert("RGB")
              for k in range(frames.frames)]
    images[0].save(out, save_all=True, append_images=images[1:], duration=int(1000 / timeline.fps), loop=0)
    return out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames; a smaller RSS run")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--fps", type=float, default=30)
    parser.add_argument("--preset", default="veryfast", help="x264 preset for (a), (b) and (c) alike")
    parser.add_argument("--snapshot", type=Path, help="a snapshot file instead of recording the scene")
    parser.add_argument("--keep", action="store_true", help="keep the outputs (their folder is printed)")
    parser.add_argument("--repeat", type=int, help="runs of (b) and (c), interleaved (default 3, 2 --quick)")
    parser.add_argument("--rss-child", nargs=3, metavar=("SNAPSHOT", "FRAMES", "SIZE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child[0], int(args.rss_child[1]), args.rss_child[2])
        return

    snap = load_snapshot(args.snapshot) if args.snapshot else record_scene()
    work = Path(tempfile.mkdtemp(prefix="render-speed-"))
    snapshot_file = work / "scene.npz"
    from render.record.snapshot import save_snapshot

    save_snapshot(snap, snapshot_file)
    mp4 = RenderOptions(formats=("mp4",), poster=False, size=parse_size(args.size), fps=args.fps,
                        preset=args.preset,
                        **({"duration": 2.5, "hold": 0.5} if args.quick else {}))
    frames = plan(snap, mp4)[1].frames
    print(f"{SCENE}: {frames} frames at {args.size} @ {args.fps:g} fps, libx264 "
          f"{' '.join(mp4_args(Path('x'), mp4)[2:4])}; {os.cpu_count()} cores")

    repeat = args.repeat or (2 if args.quick else 3)  # (b) and (c): best of a few, interleaved
    kept = floor_frames(snap, mp4)
    n = kept.frames
    bs, cs = [], []
    for _ in range(repeat):
        cs.append(way_c(snap, mp4, work / "c.mp4", kept))
        bs.append(way_b(snap, mp4, work / "b"))
    del kept
    (b, b_cpu, b_own), (c, c_cpu, c_own) = min(bs), min(cs)
    a = way_a(snap, mp4, work / "a.mp4")
    for name, t in (("(a) FuncAnimation.save + FFMpegWriter", a), ("(b) ours (render_snapshot)", b),
                    ("(c) floor: frames in memory -> ffmpeg", c)):
        print(f"  {name:40s} {t:7.2f} s  {t / n * 1000:6.1f} ms/frame")
    print(f"  (a)/(b) = {a / b:5.1f}x faster   (goals >= 8, issue 14: >= 30)")
    print(f"  (b)/(c) = {b / c:5.2f}x the floor (goals <= 1.5, issue 14: <= 1.15); each run (b, c): "
          + ", ".join(f"{bw:.2f}/{cw:.2f}" for (bw, *_), (cw, *_) in zip(bs, cs)) + f"; load {load()}")
    cores = os.cpu_count() or 1
    print(f"  CPU: (b) {b_cpu:.2f} s, (c) {c_cpu:.2f} s (drawing adds {b_cpu - c_cpu:.2f} s): on {cores} "
          f"cores (b) needs >= {b_cpu / cores:.2f} s, so (b)/(c) >= {b_cpu / cores / c:.2f} while (c) keeps "
          f"{c_cpu / c:.1f} cores busy")
    print(f"  this process alone: (b) {b_own:.2f} s, (c) {c_own:.2f} s (the pipe writes): our drawing "
          f"{b_own - c_own:.2f} s, {(b_own - c_own) / n * 1000:.2f} ms a frame, the figure's set-up included")

    small, large = (100, 1000) if args.quick else (300, 3000)
    rss_size = "640x360" if args.quick else args.size
    r1, r2 = measure_rss(snapshot_file, small, rss_size), measure_rss(snapshot_file, large, rss_size)
    print(f"peak RSS, GIF+MP4+PNG at {rss_size}: {r1['frames']} frames {r1['self_mb']:.0f} MB "
          f"({r1['seconds']:.1f} s), {r2['frames']} frames {r2['self_mb']:.0f} MB ({r2['seconds']:.1f} s): "
          f"ratio {r2['self_mb'] / r1['self_mb']:.2f} (goal <= 1.2)")

    gif = RenderOptions(formats=("gif",), poster=False)
    ours = render_snapshot(snap, work / "ours", gif)[0].stat().st_size
    pillow = pillow_gif(snap, gif, work / "pillow.gif")
    print(f"GIF {gif.gif_width} px @ {gif.gif_fps:g} fps, same frames: ours {ours / 1e6:.2f} MB, "
          f"PillowWriter {pillow / 1e6:.2f} MB: ratio {ours / pillow:.2f} (goal <= 0.5)")

    start = time.perf_counter()
    paths = render_snapshot(snap, work / "default", RenderOptions())
    took = time.perf_counter() - start
    sizes = ", ".join(f"{p.suffix[1:]} {p.stat().st_size / 1e6:.2f} MB" for p in paths)
    print(f"default render ({', '.join(RenderOptions().formats)} + PNG poster): {took:.1f} s; {sizes}")
    if args.keep:
        print(f"outputs in {work}")
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
