"""The whole command against its floor: `render scene fig7_vs_fig8` as a user runs it, in one run.

  command: `render scene SCENE --out TMP` in a fresh process (the installed console script, default
           formats: GIF + MP4 + PNG poster + the .npz recording), wall time;
  floor:   (1) training every run of the scene with the tutorial's loop and nothing else (no snapshots,
           no curves), plus (2) encoding the command's own frames, already in memory, with the same GIF
           and MP4 settings (both encoders fed at once, as the command does, then the GIF's palette).
Goal (issue 14): command <= 1.3x floor. Both are measured --runs times, interleaved so they share the
machine's noise; the medians and each run are printed with the load average, since these machines are
shared. It also checks what the command wrote: the recording's size (goal <= 4 MB), and that every
output is byte for byte the same in every run.

    python benchmarks/end_to_end.py             # 5 runs each: about a minute on 2 cores
    python benchmarks/end_to_end.py --runs 3 --scene fig8
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ourdl.core import train_step  # noqa: E402
from render.draw.view import make_view  # noqa: E402
from render.encode.options import RenderOptions  # noqa: E402
from render.encode.stream import stream  # noqa: E402
from render.encode.video import plan  # noqa: E402
from render.encode.writers import GifWriter, Mp4Writer, Writer  # noqa: E402
from render.record import record  # noqa: E402
from scenes import get_scene  # noqa: E402


def command_line() -> list[str]:
    """The console script pip installed (what `render` runs, without a version manager's shim)."""
    script = Path(sys.executable).with_name("render")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "render"]


def run_command(scene: str, out: Path) -> tuple[float, dict[str, str], dict[str, int]]:
    """Wall time of the command, and the digest and size of every file it wrote."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([*command_line(), "scene", scene, "--out", str(out)], check=True, capture_output=True)
    took = time.perf_counter() - start
    files = sorted(out.iterdir())
    return (took, {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
            {p.name: p.stat().st_size for p in files})


def train_only(scene_name: str) -> float:
    """Every run of the scene trained sample by sample (the tutorial's loop), nothing recorded."""
    scene = get_scene(scene_name)
    jobs = []
    for run in scene.runs:  # data and graphs are set up outside the timing
        net = scene.build(scene.activation)
        init = run.initial_values([p.name for p in net.params])
        for p in net.params:
            p.set_value(init[p.name])
        xs = run.data()
        jobs.append((net, xs, scene.target(np.asarray(xs)).tolist(), [run.lr] * len(net.params)))
    start = time.perf_counter()
    for net, xs, ys, lrs in jobs:
        x, label, loss, params = net.x, net.label, net.loss, net.params
        for xv, yv in zip(xs, ys):
            x.set_value(xv)
            label.set_value(yv)
            train_step(loss, params, lrs)
    return time.perf_counter() - start


class Frames(Writer):
    """Keeps every master frame it is given, to encode them again later (the floor only)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kept: list[bytes] = []

    def grab_frame(self, frame) -> None:
        self.kept.append(bytes(frame))
        self.frames += 1


def command_frames(scene_name: str, options: RenderOptions):
    """The command's master frames (drawn once, not timed), its frame size and timeline."""
    snapshot = record(get_scene(scene_name))
    size, timeline, _ = plan(snapshot, options)
    frames = Frames(Path("unused"), options, timeline.fps)
    stream(make_view(snapshot, size, options.theme, options.lang, options.loss_panel), timeline, [frames])
    return frames.kept, size, timeline


def encode_only(frames: list[bytes], size, timeline, options: RenderOptions, work: Path) -> float:
    """The same frames to the same MP4 and GIF encoders, fed at once, then finished (the GIF's palette)."""
    writers = [Mp4Writer(work / "floor.mp4", options, min(options.video_fps, timeline.fps)),
               GifWriter(work / "floor.gif", options, min(options.gif_fps, timeline.fps))]
    start = time.perf_counter()
    try:
        for w in writers:
            w.setup(size)
        for k, frame in enumerate(frames):
            for w in writers:
                if timeline.takes(k, w.fps):
                    w.grab_frame(frame)
        for w in writers:
            w.finish()
    finally:
        for w in writers:
            w.cleanup()
    return time.perf_counter() - start


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scene", default="fig7_vs_fig8")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the last command's outputs")
    args = parser.parse_args()

    options = RenderOptions()
    work = Path(tempfile.mkdtemp(prefix="end-to-end-"))
    print(f"{args.scene}: `{' '.join(Path(c).name for c in command_line())} scene {args.scene}` (default "
          f"formats) against training + encoding its frames; {os.cpu_count()} cores, load {load()}")
    frames, size, timeline = command_frames(args.scene, options)
    print(f"  {len(frames)} master frames at {size[0]}x{size[1]}, {timeline.fps:g} fps")
    commands, trains, encodes, digests = [], [], [], []
    for i in range(args.runs):
        took, digest, sizes = run_command(args.scene, work / "out")
        t, e = train_only(args.scene), encode_only(frames, size, timeline, options, work)
        commands.append(took)
        trains.append(t)
        encodes.append(e)
        digests.append(digest)
        print(f"  run {i + 1}: command {took:5.2f} s | floor {t + e:5.2f} s (train {t:4.2f} + encode "
              f"{e:4.2f}) | ratio {took / (t + e):4.2f} | load {load()}")
    floors = [t + e for t, e in zip(trains, encodes)]
    cmd, floor = statistics.median(commands), statistics.median(floors)
    print(f"median: command {cmd:.2f} s, floor {floor:.2f} s (train {statistics.median(trains):.2f} + "
          f"encode {statistics.median(encodes):.2f}): ratio {cmd / floor:.2f} (goal <= 1.3)")
    print("outputs: " + ", ".join(f"{name} {n / 1e6:.2f} MB" for name, n in sizes.items()))
    npz = sizes.get(f"{args.scene}.npz", 0)
    print(f"recording {npz / 1e6:.2f} MB (goal <= 4 MB); every output byte-identical in all "
          f"{args.runs} runs: {'yes' if all(d == digests[0] for d in digests) else 'NO'}")
    if args.keep:
        print(f"outputs in {work / 'out'}")
        for p in work.glob("floor.*"):
            p.unlink()
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
