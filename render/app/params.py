"""Every command-line option, declared once, in groups that commands take whole.

A command names the groups it takes (`@takes(TRAINING, LOOK, ENCODING)`); their options are added to its
signature for typer, shown under their group's heading in `--help` (`rich_help_panel`), and handed to the
command collected as one `Given` mapping. So `render scene`, `render video` and `render all` accept the
same render options, and `render all` passes whichever were given on to each scene (`Given.argv`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from render.app.console import UserError
from render.encode.options import DITHERS, FORMATS, SIZES, RenderOptions, parse_bytes, parse_size


@dataclass(frozen=True)
class Opt:
    """One option: its parameter name, its typer declaration and its default."""

    name: str
    type: Any
    default: Any
    flags: tuple[str, ...]
    help: str
    extra: Mapping[str, Any] = None  # further typer.Option keywords (min, max, ...)

    def declare(self, panel: str) -> inspect.Parameter:
        option = typer.Option(*self.flags, help=self.help, rich_help_panel=panel, **(self.extra or {}))
        return inspect.Parameter(self.name, inspect.Parameter.KEYWORD_ONLY, default=self.default,
                                 annotation=Annotated[self.type, option])

    def argv(self, value: Any) -> list[str]:
        """The command-line words that give `value` (nothing when it is the default)."""
        if value == self.default:
            return []
        flag = self.flags[0]
        if self.type is bool:  # "--loss/--no-loss" or a plain switch
            on, _, off = flag.partition("/")
            return [on] if value else [off]
        if isinstance(value, list):
            return [w for v in value for w in (flag, str(v))]
        return [flag, f"{value:g}" if isinstance(value, float) else str(value)]


@dataclass(frozen=True)
class Group:
    title: str  # the --help panel
    options: tuple[Opt, ...]


def _opt(name: str, type_: Any, default: Any, flags: str | tuple[str, ...], help_: str, **extra) -> Opt:
    return Opt(name, type_, default, (flags,) if isinstance(flags, str) else flags, help_, extra or None)


TRAINING = Group("Training (change the experiment)", (
    _opt("steps", int | None, None, "--steps", "Training samples per run.", min=1),
    _opt("lr", float | None, None, "--lr", "Learning rate for every run."),
    _opt("seed", int | None, None, "--seed", "Seed for the data and for random inits, also the values "
         "drawn for parameters a scene gives none (--hidden's new units): run i takes SEED + i."),
    _opt("every", int | None, None, "--every", "Snapshot every N samples (default: the scene's schedule).",
         min=1),
    _opt("activation", str | None, None, "--activation",
         "Swap the hidden activation: LeakyRelu, Relu, Sigmoid, Tanh or Step."),
    _opt("loss", str | None, None, "--loss-fn", "The loss function the network trains on: absolute (the "
         "tutorial's |label − y|) or squared."),
    _opt("runs", int | None, None, "--runs", "Sweep scenes: how many inits.", min=1),
    _opt("init", list[str] | None, None, "--init", "Initial values NAME=VALUE,... (e.g. w_11=0.2,w_12=-0.3); "
         "the others keep the scene's. Repeat it for runs side by side.", metavar="NAME=VALUE,..."),
))

NETWORK = Group("Network and data (the chapter's scenes)", (
    _opt("hidden", str | None, None, "--hidden", "Units per hidden layer: N or N,M,... (1 to 32 units, 1 to "
         "4 layers). The scene's own values keep their parameters; new ones are drawn uniform(-1, 1) from "
         "--seed (default 0). Outputs get a suffix: fig8-h3.", metavar="N[,M...]"),
    _opt("target", str | None, None, "--target", "What to fit: a name (x^2, abs, sin, x^3-x, step, bump, "
         "...) or an expression of x (numbers, x, pi, + - * / ^, abs sin cos exp log sqrt tanh min max).",
         metavar="EXPR"),
    _opt("data", str | None, None, "--data", "Train on the points of a CSV file (two columns x, y; a header "
         "line allowed) instead of a target.", metavar="FILE.csv"),
    _opt("data_range", str | None, None, "--data-range", "Where x is drawn from: LO,HI (default: the "
         "scene's, e.g. 0,2; with --data, the points' x range).", metavar="LO,HI"),
    _opt("x_range", str | None, None, "--x-range", "The x range drawn: LO,HI (default: the data range and "
         "a quarter of its width each side).", metavar="LO,HI"),
))

_DEFAULT = RenderOptions()  # the render options' defaults are RenderOptions' own


def _look(name: str, type_: Any, flags: str | tuple[str, ...], help_: str, **extra) -> Opt:
    """An option that is a RenderOptions field of the same name, with its default."""
    return _opt(name, type_, getattr(_DEFAULT, name), flags, help_, **extra)


LOOK = Group("Picture", (
    _look("quality", str, "--quality", "low (854x480@15), medium (1280x720@30) or high (1920x1080@60)."),
    _opt("size", str | None, None, "--size",
         "Video size WIDTHxHEIGHT, e.g. 1280x720, or "
         + ", ".join(f"{name} ({w}x{h})" for name, (w, h) in SIZES.items())
         + "; it replaces the quality's size, the quality still sets the fps."),
    _look("fps", float | None, "--fps", "Video frames per second (default: the quality preset's).",
          min=1, max=120),
    _look("theme", str, "--theme", "light or dark."),
    _look("lang", str, "--lang", "en, or zh for Chinese titles, legends and captions."),
    _look("loss_panel", bool, "--loss/--no-loss", "Draw the loss panel."),
    _look("interpolate", bool, "--interpolate", "Blend between snapshots (slow motion)."),
    _look("duration", float | None, "--duration",
          "Seconds of motion (default: one snapshot a frame, 3-12 s).", min=0.1),
    _look("hold", float, "--hold", "Seconds the final state stays on screen.", min=0),
    _look("poster_frame", int, "--frame", "Snapshot index of the PNG poster (-1: the last)."),
    _look("poster", bool, "--poster/--no-poster", "Write a PNG poster beside videos."),
))

ENCODING = Group("Files and encoding", (
    _opt("formats", str, ",".join(_DEFAULT.formats), ("--format", "-f"),
         "Comma-separated: " + ", ".join(FORMATS) + "."),
    _look("crf", int, "--crf", "MP4/WebM quality: lower is better and bigger.", min=0, max=63),
    _look("preset", str, "--preset", "x264 preset for the MP4: veryfast (default) to veryslow trade speed "
          "for bytes."),
    _look("gif_fps", float, "--gif-fps", "GIF frames per second.", min=1, max=50),
    _look("gif_width", int, "--gif-width", "GIF width in pixels.", min=64),
    _look("gif_colors", int, "--gif-colors", "GIF palette size.", min=2, max=256),
    _look("gif_dither", str, "--dither", "GIF dither: " + ", ".join(DITHERS) + "."),
    _opt("max_size", str | None, None, "--max-size", "Shrink the GIF until it fits, e.g. 2MB."),
))

EMBED = Group("Files and encoding", (
    _opt("embed", str | None, None, "--embed", "Also write a snippet for a blog post beside the outputs: "
         "md (the GIF with alt text) or html (<video> with the GIF as fallback)."),
))

PREVIEW = Group("Files and encoding", (
    _opt("preview", bool, False, ("--preview", "-p"), "Open the first output (render all: the gallery) in "
         "the system's viewer when done (no display: print where it is)."),
))


def pick(group: Group, *names: str) -> Group:
    """The same options (not copies) of `group` that a command takes only some of."""
    return Group(group.title, tuple(o for o in group.options if o.name in names))


class Given(dict):
    """The values of a command's grouped options, by parameter name, and how to say them again."""

    def __init__(self, values: dict[str, Any], groups: tuple[Group, ...]) -> None:
        super().__init__(values)
        self.groups = groups

    def argv(self, *groups: Group) -> list[str]:
        """Command-line words for the options of `groups` (default: all) that differ from their defaults."""
        return [w for g in (groups or self.groups) for o in g.options for w in o.argv(self[o.name])]


def takes(*groups: Group) -> Callable[[Callable], Callable]:
    """Add the options of `groups` to a command; the command receives them as `given: Given`."""

    def decorate(command: Callable) -> Callable:
        own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "given"]
        added = [o.declare(g.title) for g in groups for o in g.options]
        names = [o.name for g in groups for o in g.options]

        @functools.wraps(command)
        def run(**kwargs: Any) -> Any:
            values = {n: kwargs.pop(n) for n in names}
            return command(**kwargs, given=Given(values, groups))

        params = own + added
        run.__signature__ = inspect.Signature(params)
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


# -- from options to the engine's objects -------------------------------------------------------------


def render_options(given: Mapping[str, Any]) -> RenderOptions:
    """The RenderOptions a command's picture and encoding options ask for; bad values are usage errors."""
    parsed = {"size": parse_size, "max_size": parse_bytes}
    fields = {o.name: given[o.name] for g in (LOOK, ENCODING) for o in g.options if o.name in given}
    try:
        if "formats" in fields:
            fields["formats"] = tuple(f.strip().lower() for f in fields["formats"].split(",") if f.strip())
        for name, parse in parsed.items():
            fields[name] = parse(fields[name]) if fields.get(name) else None
        return RenderOptions(**fields)
    except ValueError as e:
        raise UserError(str(e), 2) from None


def embed_kind(given: Mapping[str, Any]) -> str | None:
    embed = given.get("embed")
    if embed is not None and embed.lower() not in ("md", "html"):
        raise UserError(f"embed {embed!r} (choose md or html)", 2)
    return embed.lower() if embed else None


def training_scene(name: str, given: Mapping[str, Any]):
    """The scene `name` with the training options applied; bad values are usage errors (exit 2)."""
    from scenes import close_names, get_scene
    from scenes.chapter import ACTIVATIONS

    activation, lr, runs = given.get("activation"), given.get("lr"), given.get("runs")
    if activation is not None and activation not in ACTIVATIONS:
        close = close_names(activation, list(ACTIVATIONS), n=1) or list(ACTIVATIONS)
        raise UserError(f"unknown activation {activation!r}; did you mean {', '.join(close)}?", 2)
    if lr is not None and not 0 < lr < float("inf"):  # nan fails too
        raise UserError(f"--lr {lr} is not a positive learning rate", 2)
    scene = get_scene(name)
    if activation is not None and getattr(scene, "activation", "") is None:
        raise UserError(f"--activation: {scene.name} has no hidden activation to swap", 2)
    if runs is not None:
        if not hasattr(scene, "with_count"):
            raise UserError(f"--runs is for sweep scenes; {scene.name} has fixed runs", 2)
        scene = scene.with_count(runs)
    from render.app.inits import apply_inits

    loss = given.get("loss")
    if loss is not None and loss not in scene.losses:
        choices = f"choose {', '.join(scene.losses)}" if scene.losses else f"{scene.name} has a fixed loss"
        raise UserError(f"--loss-fn {loss!r}: {choices}", 2)
    scene = network_scene(scene, given)
    scene = scene.with_overrides(samples=given.get("steps"), lr=lr, seed=given.get("seed"),
                                 every=given.get("every"), activation=activation, loss=loss)
    return apply_inits(scene, given.get("init"))  # after the seed moved: each --init copies runs as they are


#: the largest |LO|, |HI| of --data-range and --x-range, and their least width
RANGE_LIMIT, RANGE_WIDTH = 1e6, 1e-6


def parse_range(flag: str, text: str) -> tuple[float, float]:
    """'LO,HI' -> (LO, HI): two finite numbers, LO < HI, within RANGE_LIMIT; else a usage error."""
    parts = [p.strip() for p in text.split(",")]
    try:
        lo, hi = (float(p) for p in parts) if len(parts) == 2 else (None, None)
    except ValueError:
        lo = hi = None
    if lo is None or not (-RANGE_LIMIT <= lo and hi <= RANGE_LIMIT and hi - lo >= RANGE_WIDTH):
        raise UserError(f"{flag} {text!r}: give LO,HI, two numbers with LO < HI (e.g. 0,2), within "
                        f"±{RANGE_LIMIT:g}", 2)
    return lo, hi


def network_scene(scene, given: Mapping[str, Any]):
    """The scene with --hidden, --target, --data, --data-range and --x-range applied (`Scene.with_network`);
    every bad value is one line, exit 2, before any work."""
    names = ("hidden", "target", "data", "data_range", "x_range")
    if all(given.get(n) is None for n in names):
        return scene
    from scenes.network import parse_hidden

    flags = {n: "--" + n.replace("_", "-") for n in names}
    hidden = points = target = None
    try:
        if given.get("hidden") is not None:
            hidden = parse_hidden(given["hidden"])
    except ValueError as e:
        raise UserError(f"--hidden {given['hidden']!r}: {e}", 2) from None
    if given.get("target") is not None:
        from scenes.targets import parse_target

        try:
            target = parse_target(given["target"])
        except ValueError as e:
            raise UserError(f"--target: {e}", 2) from None
    if given.get("data") is not None:
        from scenes.points import read_points

        try:
            points = read_points(given["data"])
        except ValueError as e:
            raise UserError(f"--data {e}", 2) from None
    ranges = {n: parse_range(flags[n], given[n]) for n in ("data_range", "x_range")
              if given.get(n) is not None}
    try:  # the scene's own method: a kind of scene that takes only some of these says so
        return scene.with_network(hidden=hidden, target=target, points=points,
                                  points_name=Path(given["data"]).name if points is not None else "data",
                                  **ranges)
    except ValueError as e:
        raise UserError(str(e), 2) from None


Out = Annotated[Path | None, typer.Option("--out", help="Output folder (default: output/).",
                                          rich_help_panel="Files and encoding")]
