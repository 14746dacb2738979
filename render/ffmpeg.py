"""Driving the ffmpeg binary that imageio-ffmpeg ships: raw frames in through a pipe, errors out as
one line.

ffmpeg's stderr goes to an unnamed temporary file rather than a pipe, so a chatty encoder can never
block us; when it fails, its last lines become the message of an `EncoderError`.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg


class EncoderError(RuntimeError):
    """ffmpeg failed; the message is one line ending with the last lines ffmpeg printed."""


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def raw_input_args(size: tuple[int, int], fps: float) -> list[str]:
    """Arguments that read RGBA frames of `size` at `fps` from stdin (matplotlib's Agg buffer as is)."""
    return ["-f", "rawvideo", "-pix_fmt", "rgba", "-s", f"{size[0]}x{size[1]}", "-r", f"{fps:g}",
            "-i", "pipe:0"]


def _tail(stderr, lines: int = 3) -> str:
    stderr.seek(0)
    text = stderr.read().decode("utf-8", "replace").strip().splitlines()
    return " | ".join(line.strip() for line in text[-lines:] if line.strip()) or "(no output)"


class FFmpeg:
    """One running ffmpeg reading frames from stdin; `close()` waits for it and checks its exit code."""

    def __init__(self, args: list[str], what: str) -> None:
        self.what = what
        self.stderr = tempfile.TemporaryFile()
        cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=self.stderr)

    def write(self, frame) -> None:
        try:
            self.proc.stdin.write(frame)
        except (BrokenPipeError, OSError):
            self.proc.wait()
            raise self._error() from None

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        if self.proc.wait() != 0:
            raise self._error()
        self.stderr.close()

    def kill(self) -> None:
        """Stop it if still running (on errors and interrupts); harmless after close()."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
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
    proc.close()


def probe(path: Path) -> str:
    """ffmpeg's description of a media file (`ffmpeg -i`), for tests and the benchmark."""
    out = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    return out.stderr
