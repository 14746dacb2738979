"""Driving the ffmpeg binary that imageio-ffmpeg ships: raw frames in through a pipe, errors out as
one line.

ffmpeg's stderr goes to an unnamed temporary file rather than a pipe, so a chatty encoder can never
block us; when it fails, its last lines become the message of an `EncoderError`.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path
from queue import Empty, Queue

import imageio_ffmpeg


class EncoderError(RuntimeError):
    """ffmpeg failed; the message is one line ending with the last lines ffmpeg printed."""


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def available() -> bool:
    """Whether an ffmpeg binary is there (imageio-ffmpeg's own, or the one IMAGEIO_FFMPEG_EXE names)."""
    try:
        return Path(ffmpeg_exe()).is_file()
    except (RuntimeError, OSError):
        return False


def raw_input_args(size: tuple[int, int], fps: float) -> list[str]:
    """Arguments that read RGBA frames of `size` at `fps` from stdin (matplotlib's Agg buffer as is)."""
    return ["-f", "rawvideo", "-pix_fmt", "rgba", "-s", f"{size[0]}x{size[1]}", "-r", f"{fps:g}",
            "-i", "pipe:0"]


def _widen_pipe(pipe) -> None:
    """Let the pipe hold 1 MiB instead of 64 KiB (Linux): a frame crosses in a few hand-overs."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _tail(stderr, lines: int = 3) -> str:
    stderr.seek(0)
    text = stderr.read().decode("utf-8", "replace").strip().splitlines()
    return " | ".join(line.strip() for line in text[-lines:] if line.strip()) or "(no output)"


class FFmpeg:
    """One running ffmpeg reading frames from stdin; `close()` waits for it and checks its exit code.

    With `queue` > 0, frames are copied and written by a feeder thread, so drawing the next frame
    overlaps ffmpeg reading this one (the pipe holds 64 KiB; a 720p frame is 3.7 MB); at most `queue`
    copies wait, so memory stays flat.

    `kill` never touches the queue: a Ctrl-C can land in `Queue.put` just after it took the queue's
    lock (`threading.Condition.__enter__` is Python code) and leave that lock held for good, so the
    feeder polls a flag instead of waiting for a final None.
    """

    def __init__(self, args: list[str], what: str, queue: int = 0) -> None:
        self.what = what
        self.stderr = tempfile.TemporaryFile()
        cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr)
        _widen_pipe(self.proc.stdin)
        self.failed = self.stopped = False
        self.queue: Queue | None = None
        if queue:
            self.queue = Queue(maxsize=queue)
            self.feeder = threading.Thread(target=self._feed, name=f"ffmpeg {what}", daemon=True)
            self.feeder.start()

    def _feed(self) -> None:
        while not self.stopped:
            try:
                frame = self.queue.get(timeout=0.1)
            except Empty:
                continue
            if frame is None:
                return
            if not self.failed:
                self._write(frame)

    def _write(self, frame) -> None:
        try:
            self.proc.stdin.write(frame)
        except (BrokenPipeError, OSError, ValueError):
            self.failed = True

    def write(self, frame) -> None:
        if self.queue is not None:  # read-only frames are queued as they are, others copied
            self.queue.put(frame if memoryview(frame).readonly else bytes(frame))
        else:
            self._write(frame)
        if self.failed:
            self.proc.wait()
            raise self._error()

    def close(self) -> None:
        if self.queue is not None:
            self.queue.put(None)
            self.feeder.join()
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        if self.proc.wait() != 0 or self.failed:
            raise self._error()
        self.stderr.close()

    def kill(self) -> None:
        """Stop it if still running (on errors and interrupts); harmless after close()."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.queue is not None:
            self.failed = self.stopped = True  # the feeder drops what is queued and stops within 0.1 s
            self.feeder.join(timeout=5)  # a daemon: if a lost queue lock holds it, it goes with the process
        for stream in (self.proc.stdin, self.stderr):
            try:
                stream.close()
            except (BrokenPipeError, OSError):
                pass

    def _error(self) -> EncoderError:
        return EncoderError(f"ffmpeg failed writing {self.what} (exit code {self.proc.returncode}): "
                            f"{_tail(self.stderr)}")


def run(args: list[str], what: str) -> None:
    """Run ffmpeg to completion without stdin (e.g. the GIF's palette passes)."""
    proc = FFmpeg(args, what)
    try:
        proc.close()
    finally:
        proc.kill()  # still running only if interrupted: never leave it behind


def probe(path: Path) -> str:
    """ffmpeg's description of a media file (`ffmpeg -i`), for tests and the benchmark."""
    out = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    return out.stderr
