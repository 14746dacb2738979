"""What a render may be asked for, in one frozen dataclass the CLI fills in.

Presets follow manim's `-ql/-qm/-qh`; explicit `size`/`fps` override the preset's (a named size such as
`square` too). Parsing helpers for "1280x720", "square" and "2MB" live here so the CLI and the tests read
them the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from render.draw.theme import THEMES

#: quality preset -> (width, height, fps)
QUALITY = {"low": (854, 480, 15), "medium": (1280, 720, 30), "high": (1920, 1080, 60)}
#: `--size` names for the shapes teachers post (Instagram's square, portrait and story frames); like any
#: explicit size they replace the quality's size, and the quality still sets the fps
SIZES = {"square": (1080, 1080), "portrait": (1080, 1350), "story": (1080, 1920)}
#: html is the scrubbable player page (render.web): it needs no frames and no ffmpeg
FORMATS = ("gif", "mp4", "webm", "png", "html")
X264_PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower",
                "veryslow")
LANGS = ("en", "zh")
#: paletteuse dithers worth offering. On our flat line plots at 256 colours "none" looked as clean as
#: the others side by side and is 5-10% smaller; "bayer" (ordered, scale 3) is the pick for few colours.
DITHERS = ("none", "bayer", "sierra2_4a", "floyd_steinberg")
#: The longest animation (motion plus hold), seconds: past any training clip, and it keeps a typo such as
#: `--hold 1e9` from starting a render that never ends.
MAX_SECONDS = 600
MAX_SIDE = 7680  # pixels, a side of any frame (8K)


@dataclass(frozen=True)
class RenderOptions:
    """Everything `render_snapshot` needs besides the snapshot and where to write."""

    formats: tuple[str, ...] = ("gif", "mp4", "html")
    quality: str = "medium"
    size: tuple[int, int] | None = None  # (width, height) in pixels; overrides the preset
    fps: float | None = None  # video frames per second; overrides the preset
    duration: float | None = None  # seconds of motion; default one snapshot per frame at 30 fps (3-12 s)
    hold: float = 1.5  # seconds the final state stays on screen
    interpolate: bool = False  # blend between snapshots instead of repeating them (slow motion)
    theme: str = "light"
    lang: str = "en"
    loss_panel: bool = True
    gif_fps: float = 15.0
    gif_width: int = 800
    gif_dither: str = "none"
    gif_colors: int = 128  # palette size; 128 looked identical to 256 here and is 11% smaller
    max_size: int | None = None  # bytes; the GIF is shrunk (fps, width, colours) until it fits
    poster: bool = True  # a PNG beside every video
    poster_frame: int = -1  # snapshot index of the poster; -1 is the final state
    crf: int = 23  # H.264 / VP9 quality (lower is better and bigger)
    preset: str = "veryfast"  # x264 speed/size trade-off: far faster than medium, a few more bytes

    def __post_init__(self) -> None:
        problems = []
        if self.quality not in QUALITY:
            problems.append(f"quality {self.quality!r} (choose {', '.join(QUALITY)})")
        bad = [f for f in self.formats if f not in FORMATS]
        if bad or not self.formats:
            problems.append(f"format {', '.join(bad) or '(none)'} (choose from {', '.join(FORMATS)})")
        if self.theme not in THEMES:
            problems.append(f"theme {self.theme!r} (choose {', '.join(THEMES)})")
        if self.lang not in LANGS:
            problems.append(f"lang {self.lang!r} (choose {', '.join(LANGS)})")
        if self.preset not in X264_PRESETS:
            problems.append(f"preset {self.preset!r} (choose {', '.join(X264_PRESETS)})")
        if self.gif_dither not in DITHERS:
            problems.append(f"gif dither {self.gif_dither!r} (choose {', '.join(DITHERS)})")
        if self.size is not None and (min(self.size) < 64 or max(self.size) > MAX_SIDE):
            problems.append(f"size {self.size[0]}x{self.size[1]} (64..{MAX_SIDE} pixels a side)")
        for name in ("fps", "gif_fps"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 120:
                problems.append(f"{name} {value} (1..120)")
        if self.duration is not None and not 0 < self.duration <= MAX_SECONDS:  # nan and inf too
            problems.append(f"duration {self.duration} (more than 0, at most {MAX_SECONDS} seconds)")
        if not 0 <= self.hold <= MAX_SECONDS:
            problems.append(f"hold {self.hold} (0..{MAX_SECONDS} seconds)")
        if not 2 <= self.gif_colors <= 256:
            problems.append(f"gif colours {self.gif_colors} (2..256)")
        if not 64 <= self.gif_width <= MAX_SIDE:
            problems.append(f"gif width {self.gif_width} (64..{MAX_SIDE})")
        if problems:
            raise ValueError("invalid render options: " + "; ".join(problems))

    @property
    def video_size(self) -> tuple[int, int]:
        """Even width and height (H.264 with yuv420p needs both even)."""
        w, h = self.size or QUALITY[self.quality][:2]
        return w - w % 2, h - h % 2

    @property
    def video_fps(self) -> float:
        return float(self.fps or QUALITY[self.quality][2])


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' -> (1280, 720); 'square' / 'portrait' / 'story' -> their SIZES."""
    if text.strip().lower() in SIZES:
        return SIZES[text.strip().lower()]
    m = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
    if not m:
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT (e.g. 1280x720) nor one of {', '.join(SIZES)}")
    return int(m[1]), int(m[2])


def parse_bytes(text: str) -> int:
    """'2MB' / '500k' / '1.5 MiB' / '2000000' -> bytes (k/M are 1000-based, KiB/MiB 1024-based)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(i?)[bB]?\s*", text)
    if not m:
        raise ValueError(f"size {text!r} is not a byte count such as 2MB, 500k or 1.5MiB")
    base = 1024 if m[3] else 1000
    return int(float(m[1]) * base ** " kmg".index(m[2].lower() or " "))


def format_bytes(n: float) -> str:
    """Decimal units, as `--max-size 2MB` reads them and as blog hosts quote their limits."""
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"
