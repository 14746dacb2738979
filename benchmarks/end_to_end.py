"""The whole command against its floor: `render scene fig7_vs_fig8` as a user runs it, in one run.

  command: `render scene SCENE --out TMP` in a fresh process (the installed console script, default
           formats: GIF + MP4 + PNG poster + the .npz recording), wall time;
  floor:   (1) training every run of the scene with the tutorial's loop and nothing else (no snapshots,
           no curves), plus (2) encoding the command's own frames, already in memory, with the same GIF
           and MP4 settings (both encoders fed at once, as the command does, then the GIF's palette).
Goal (issue 14): command <= 1.3x floor. Both are measured --runs times, interleaved so they share the
machine's noise; the medians and each run are printed with the load average, since these machines are
shared, and with the CPU time each used (the command's includes its start-up, its ffmpegs and drawing;
on a busy machine it is the steadier figure). It also checks what the command wrote: the recording's
size (goal <= 4 MB), and that every output is byte for byte the same in every run.

    python benchmarks/end_to_end.py             # 5 runs each: about a minute on 2 cores
    python benchmarks/end_to_end.py --runs 3 --scene fig8
    python benchmarks/end_to_end.py --tree ../other-checkout   # `python -m render` of another tree
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
from render.encode.writers import GifWriter, Mp4Writer, Writer, finish_all  # noqa: E402
from render.record import record  # noqa: E402
from scenes import get_scene  # noqa: E402


def command_line(tree: Path | None = None) -> list[str]:
    """The console script pip installed (what `render` runs, without a version manager's shim), or
    `python -m render` run inside another source tree (whose packages then come first)."""
    script = Path(sys.executable).with_name("render")
    return [str(script)] if script.is_file() and tree is None else [sys.executable, "-m", "render"]


def run_command(scene: str, out: Path, tree: Path | None) -> tuple[float, float, dict, dict]:
    """Wall and CPU time (the command and its ffmpegs) of the command, and the digest and size of every
    file it wrote."""
    shutil.rmtree(out, ignore_errors=True)
    before = os.times()
    start = time.perf_counter()
    subprocess.run([*command_line(tree), "scene", scene, "--out", str(out)], check=True, capture_output=True,
                   cwd=tree)
    took = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    files = sorted(out.iterdir())
    return (took, cpu, {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
            {p.name: p.stat().st_size for p in files})


def train_only(scene_name: str) -> tuple[float, float]:
    """Every run of the scene trained sample by sample (the tutorial's loop), nothing recorded."""
    scene = get_scene(scene_name)
    jobs = []
    for run in scene.runs:  # data and graphs are set up outside the timing
        net = scene.net()
        init = run.initial_values([p.name for p in net.params])
        for p in net.params:
            p.set_value(init[p.name])
        xs = run.data()
        jobs.append((net, xs, scene.target(np.asarray(xs)).tolist(), [run.lr] * len(net.params)))
    start, cpu = time.perf_counter(), time.process_time()
    for net, xs, ys, lrs in jobs:
        x, label, loss, params = net.x, net.label, net.loss, net.params
        for xv, yv in zip(xs, ys):
            x.set_value(xv)
            label.set_value(yv)
            train_step(loss, params, lrs)
    return time.perf_counter() - start, time.process_time() - cpu


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


def encode_only(frames: list[bytes], size, timeline, options: RenderOptions, work: Path) -> tuple[float, ...]:
    """The same frames to the same MP4 and GIF encoders, fed at once, then finished (the GIF's palette):
    wall time, and CPU time of this process and its ffmpegs."""
    writers = [Mp4Writer(work / "floor.mp4", options, min(options.video_fps, timeline.fps)),
               GifWriter(work / "floor.gif", options, min(options.gif_fps, timeline.fps))]
    before = os.times()
    start = time.perf_counter()
    try:
        for w in writers:
            w.setup(size)
        for k, frame in enumerate(frames):
            for w in writers:
                if timeline.takes(k, w.fps):
                    w.grab_frame(frame)
        finish_all([w.finish for w in writers])
        took = time.perf_counter() - start
    finally:
        for w in writers:
            w.cleanup()
    after = os.times()
    return took, sum(after[:4]) - sum(before[:4])


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scene", default="fig7_vs_fig8")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, help="time `python -m render` in this source tree instead")
    parser.add_argument("--keep", action="store_true", help="keep the last command's outputs")
    args = parser.parse_args()

    options = RenderOptions()
    work = Path(tempfile.mkdtemp(prefix="end-to-end-"))
    how = " ".join(Path(c).name for c in command_line(args.tree))
    how += f" (in {args.tree})" if args.tree else ""
    print(f"{args.scene}: `{how} scene {args.scene}` (default formats) against training + encoding its "
          f"frames; {os.cpu_count()} cores, load {load()}")
    frames, size, timeline = command_frames(args.scene, options)
    print(f"  {len(frames)} master frames at {size[0]}x{size[1]}, {timeline.fps:g} fps")
    commands, floors, cpus, digests = [], [], [], []
    for i in range(args.runs):
        took, cpu, digest, sizes = run_command(args.scene, work / "out", args.tree)
        (t, t_cpu), (e, e_cpu) = train_only(args.scene), encode_only(frames, size, timeline, options, work)
        commands.append(took)
        floors.append((t, e))
        cpus.append((cpu, t_cpu + e_cpu))
        digests.append(digest)
        print(f"  run {i + 1}: command {took:5.2f} s | floor {t + e:5.2f} s (train {t:4.2f} + encode "
              f"{e:4.2f}) | ratio {took / (t + e):4.2f} | CPU {cpu:4.2f} s vs {t_cpu + e_cpu:4.2f} s | "
              f"load {load()}")
    med = statistics.median
    cmd, floor = med(commands), med(t + e for t, e in floors)
    print(f"median: command {cmd:.2f} s, floor {floor:.2f} s (train {med(t for t, _ in floors):.2f} + encode "
          f"{med(e for _, e in floors):.2f}): ratio {cmd / floor:.2f} (goal <= 1.3); CPU "
          f"{med(c for c, _ in cpus):.2f} s vs {med(f for _, f in cpus):.2f} s")
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
