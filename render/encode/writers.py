"""Encoders for the streaming loop, by format: each takes raw RGBA frames and produces one file.

Every writer has matplotlib's writer shape (`setup`, `grab_frame`, `finish`), and `saving()` wraps
them in a context manager whose `finally` always releases the encoder, so an error or Ctrl-C never
leaves an ffmpeg running or an intermediate file behind. A writer has its own `fps`; the loop hands it
only the frames of its own time slots. `finish_all` finishes several writers at once: what is left after
the last frame (the GIF's palette pass, x264's last frames, the PNG's compression) then overlaps.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from render.encode import ffmpeg
from render.encode.options import RenderOptions


class GifTooLarge(ValueError):
    """The GIF cannot be made to fit `max_size`; the message is one line."""


class WriterRegistry:
    """Writers by format name, as matplotlib's `animation.writers`: `register`, `is_available`, `[fmt]`.

    A format whose writer is not available on this machine (no ffmpeg) fails by name, in one line."""

    def __init__(self) -> None:
        self._writers: dict[str, type[Writer]] = {}

    def register(self, fmt: str):
        def add(cls: type[Writer]) -> type[Writer]:
            self._writers[fmt] = cls
            return cls
        return add

    def is_available(self, fmt: str) -> bool:
        return fmt in self._writers and self._writers[fmt].is_available()

    def list(self) -> list[str]:
        return [fmt for fmt in self._writers if self.is_available(fmt)]

    def __contains__(self, fmt: str) -> bool:
        return fmt in self._writers

    def __getitem__(self, fmt: str) -> type[Writer]:
        if fmt not in self._writers:
            raise KeyError(f"no writer for format {fmt!r} (formats: {', '.join(self._writers)})")
        if not self._writers[fmt].is_available():
            raise ffmpeg.EncoderError(f"cannot write {fmt}: its encoder is not available here "
                                      f"({self._writers[fmt].requires})")
        return self._writers[fmt]


WRITERS = WriterRegistry()


class Writer:
    """A file being encoded from frames of `size` (pixels) at `fps`."""

    suffix = ""
    requires = "nothing"  # what `is_available` checks, for the error when it is not

    @classmethod
    def is_available(cls) -> bool:
        return True

    def __init__(self, path: Path, options: RenderOptions, fps: float) -> None:
        self.path, self.options, self.fps = Path(path), options, float(fps)
        self.label = self.path.name  # the name errors use: the target's, not the temporary file's
        self.frames = 0
        self.last_frame: int | None = None  # the last master frame it needs, if not all

    def setup(self, size: tuple[int, int]) -> None:
        self.size = size

    def grab_frame(self, frame: np.ndarray) -> None:
        self.frames += 1

    def finish(self) -> None:
        pass

    def cleanup(self) -> None:
        """Release everything (processes, intermediates); safe to call twice and after errors."""

    @contextlib.contextmanager
    def saving(self, size: tuple[int, int]) -> Iterator[Writer]:
        try:
            self.setup(size)  # inside: a setup that fails halfway is cleaned up too
            yield self
            self.finish()
        finally:
            self.cleanup()


class FFmpegWriter(Writer):
    """Pipes frames into one ffmpeg process that writes `self.path`."""

    what = "video"
    queue = 2  # frames waiting for the feeder thread (see render.ffmpeg.FFmpeg)
    requires = "ffmpeg, from the imageio-ffmpeg package"

    @classmethod
    def is_available(cls) -> bool:
        return ffmpeg.available()

    def output_args(self) -> list[str]:
        raise NotImplementedError

    def setup(self, size: tuple[int, int]) -> None:
        super().setup(size)
        self.proc = ffmpeg.FFmpeg(ffmpeg.raw_input_args(size, self.fps) + self.output_args(),
                                  f"{self.what} {self.label}", queue=self.queue)

    def grab_frame(self, frame: np.ndarray) -> None:
        self.proc.write(frame)
        self.frames += 1

    def finish(self) -> None:
        self.proc.close()

    def cleanup(self) -> None:
        if hasattr(self, "proc"):
            self.proc.kill()


@WRITERS.register("mp4")
class Mp4Writer(FFmpegWriter):
    """H.264 in yuv420p (what browsers play), moov atom up front (+faststart) for streaming.

    Preset veryfast: much faster than medium for a few more bytes on these flat line plots (measured in
    docs/performance.md).
    """

    suffix, what = ".mp4", "MP4"

    def output_args(self) -> list[str]:
        return ["-c:v", "libx264", "-preset", self.options.preset, "-tune", "animation",
                "-crf", str(self.options.crf),
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", str(self.path)]


@WRITERS.register("webm")
class WebmWriter(FFmpegWriter):
    """VP9 at constant quality; realtime deadline keeps libvpx near x264's speed."""

    suffix, what = ".webm", "WebM"

    def output_args(self) -> list[str]:
        return ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", str(self.options.crf + 10), "-deadline",
                "realtime", "-cpu-used", "8", "-row-mt", "1", "-pix_fmt", "yuv420p", "-f", "webm",
                str(self.path)]


@WRITERS.register("png")
class PosterWriter(Writer):
    """A PNG of one frame (`frame`, a master frame index), compressed on a thread from the moment it
    passes by: the final state's frame comes before the end's held frames, which cost no drawing."""

    suffix = ".png"

    def __init__(self, path: Path, options: RenderOptions, fps: float, frame: int) -> None:
        super().__init__(path, options, fps)
        self.last_frame = frame
        self.image: np.ndarray | None = None
        self.writing: Jobs | None = None

    def grab_frame(self, frame: np.ndarray) -> None:
        if self.frames == self.last_frame:  # the loop's frames are read-only: others are copied
            self.image = image = np.array(frame, copy=True) if frame.flags.writeable else frame
            self.writing = Jobs()
            self.writing.start(lambda: Image.fromarray(image).convert("RGB").save(self.path, format="PNG",
                                                                                  optimize=True))
        super().grab_frame(frame)

    def finish(self) -> None:
        if self.writing is None:
            raise ValueError(f"poster frame {self.last_frame} is past the end ({self.frames} frames)")
        self.writing.join()

    def cleanup(self) -> None:
        if self.writing is not None:
            self.writing.wait()  # the file is removed after this: never while it is being written


def gif_attempts(fps: float, width: int, colours: int, max_size: int | None) -> list[tuple[float, int, int]]:
    """(fps, width, colours) to try in order: the asked-for GIF, then ever smaller ones for `max_size`."""
    ladder = [(fps, width, colours)]
    if max_size is None:
        return ladder
    for f, scale, c in [(fps, 1.0, 64), (12, 1.0, 64), (10, 1.0, 64), (10, 0.8, 48), (8, 0.8, 48),
                        (8, 0.64, 32), (6, 0.64, 32), (6, 0.5, 24), (5, 0.4, 16)]:
        step = (min(fps, f), max(64, int(width * scale) // 2 * 2), min(colours, c))
        if step not in ladder:
            ladder.append(step)
    return ladder


@WRITERS.register("gif")
class GifWriter(FFmpegWriter):
    """A palette GIF at its own width and fps, from ffmpeg's palettegen/paletteuse.

    The frames stream into a lossless intermediate (Ut Video: fastest to write here) at the GIF's
    width (area scaling: no ringing, so 25% fewer bytes than lanczos for the same look), and the same
    ffmpeg computes the palette from them as they pass (a second output), so `finish` has one pass
    left: the palette applied to the intermediate. Memory stays flat however many frames there are,
    and `max_size` can retry with fewer frames, pixels or colours without re-rendering anything (each
    retry makes its own palette from the intermediate: the same two-pass recipe, the same bytes).
    """

    suffix, what = ".gif", "GIF frames for"

    def setup(self, size: tuple[int, int]) -> None:
        self.tmpdir = Path(tempfile.mkdtemp(prefix="render-gif-"))
        self.intermediate = self.tmpdir / "frames.mkv"
        self.palette = self.tmpdir / "palette.png"
        self.width = min(self.options.gif_width, size[0])
        self._lock, self._passes, self._stopped = threading.Lock(), [], False
        super().setup(size)

    def output_args(self) -> list[str]:
        scale = f"scale={self.width}:-2:flags=area," if self.width != self.size[0] else ""
        palette = self._palettegen(self.options.gif_colors)
        return ["-filter_complex", f"[0:v]{scale}format=gbrp,split[v][s];[s]{palette}[p]",
                "-map", "[v]", "-c:v", "utvideo", str(self.intermediate), "-map", "[p]", str(self.palette)]

    @staticmethod
    def _palettegen(colours: int) -> str:
        return f"palettegen=max_colors={colours}:stats_mode=diff"

    def finish(self) -> None:
        super().finish()
        opts = self.options
        tried = []
        for fps, width, colours in gif_attempts(self.fps, self.width, opts.gif_colors, opts.max_size):
            self._encode(fps, width, colours)
            size = self.path.stat().st_size
            tried.append(f"{fps:g} fps, {width} px, {colours} colours: {size / 1e6:.2f} MB")
            if opts.max_size is None or size <= opts.max_size:
                self.chosen = (fps, width, colours, size)
                return
        self.path.unlink(missing_ok=True)
        raise GifTooLarge(f"GIF cannot fit in {opts.max_size / 1e6:.2f} MB: the smallest try ({tried[-1]}) "
                          "is still too big; allow a larger --max-size or shorten the animation")

    def _encode(self, fps: float, width: int, colours: int) -> None:
        filters = []
        if fps < self.fps:
            filters.append(f"fps={fps:g}")
        if width != self.width:
            filters.append(f"scale={width}:-2:flags=area")
        pre = ",".join(filters) + "," if filters else ""
        palette = self.palette
        if (fps, width, colours) != (self.fps, self.width, self.options.gif_colors):  # a max_size retry
            palette = self.tmpdir / "palette-retry.png"
            self._pass(["-i", str(self.intermediate), "-vf", pre + self._palettegen(colours), str(palette)],
                       f"the GIF palette for {self.label}")
        dither = self.options.gif_dither
        dither = "bayer:bayer_scale=3" if dither == "bayer" else dither
        self._pass(["-i", str(self.intermediate), "-i", str(palette), "-lavfi",
                    f"[0:v]{pre}null[v];[v][1:v]paletteuse=dither={dither}:diff_mode=rectangle",
                    "-f", "gif", str(self.path)], f"GIF {self.label}")

    def _pass(self, args: list[str], what: str) -> None:
        """One ffmpeg pass over the intermediate; `cleanup` (from another thread, too) stops it."""
        with self._lock:
            if self._stopped:
                raise ffmpeg.EncoderError(f"ffmpeg was stopped before writing {what}")
            proc = ffmpeg.FFmpeg(args, what)
            self._passes.append(proc)
        try:
            proc.close()
        finally:
            proc.kill()

    def cleanup(self) -> None:
        super().cleanup()
        if hasattr(self, "_lock"):
            with self._lock:
                self._stopped = True
                for proc in self._passes:
                    proc.kill()
        if hasattr(self, "tmpdir"):
            shutil.rmtree(self.tmpdir, ignore_errors=True)


class Jobs:
    """Jobs on threads of their own from `start` on; `join` waits for every one and raises the first
    one's error. What runs there waits on ffmpeg or compresses in zlib, both outside the GIL, so on 2
    cores the PNG poster and the snapshot file cost little while frames are drawn or the GIF's palette
    pass runs."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []

    def start(self, job: Callable[[], None]) -> None:
        def run() -> None:
            try:
                job()
            except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread by join()
                self.errors.append(e)

        thread = threading.Thread(target=run, name=f"job {len(self.threads)}", daemon=True)
        thread.start()
        self.threads.append(thread)

    def wait(self) -> None:
        """Wait for every job, whatever happened (before removing what they write)."""
        for thread in self.threads:
            thread.join()

    def join(self) -> None:
        self.wait()
        if self.errors:
            raise self.errors[0]


def finish_all(jobs: Sequence[Callable[[], None]]) -> None:
    """Run every job (a writer's `finish`, or writing a page) at once, each on its own thread, and
    raise the first one's error once all have ended. With one job, it just runs."""
    if len(jobs) == 1:
        jobs[0]()
        return
    running = Jobs()
    for job in jobs:
        running.start(job)
    running.join()
