"""The `render` command: the typer app and its commands (one module each, in render/app/commands/).

Commands import the engine inside their bodies, so `render --help` and `render list` start fast.
"""

from __future__ import annotations

import signal
import sys
from typing import Annotated

import typer

from render.app.commands.all_scenes import all_
from render.app.commands.backprop import backprop
from render.app.commands.check import check
from render.app.commands.export import export
from render.app.commands.graph import graph
from render.app.commands.lab import lab
from render.app.commands.list_scenes import list_
from render.app.commands.record import record
from render.app.commands.scene import scene
from render.app.commands.video import video
from render.app.console import on_sigterm, state
from render.app.group import RenderGroup

COMMANDS = {"list": list_, "record": record, "scene": scene, "video": video, "check": check, "graph": graph,
            "all": all_, "lab": lab, "export": export,
            "backprop": backprop}

#: typer (0.29) passes a parameter's value through a pydantic TypeAdapter unless it already is a bool,
#: and `--help`, when not given, is None: every command would import pydantic (~70 ms) just to pass that
#: None on. click's default_map gives the help option False instead, here and in every command, so a
#: command whose own options are all bool flags (`render list`, `render --version`) never imports it.
NO_HELP = {"help": False}

app = typer.Typer(
    help="Record how a tiny ourdl network trains, and render it as a scrubbable page (HTML), GIF, MP4, "
         "WebM or PNG; or train it live in the browser (render lab).\n\n"
         "Example: render scene fig7_vs_fig8",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    cls=RenderGroup,  # usage errors and Ctrl-C while parsing: one line, like every other error
    context_settings={"default_map": {**NO_HELP, **{name: NO_HELP for name in COMMANDS}}},
)


def _print_version(value: bool) -> None:
    """`--version`: the one version, `ourdl.__version__` (pyproject.toml reads it from there too)."""
    if value:
        from ourdl import __version__

        typer.echo(f"ourdl-render {__version__}")
        raise typer.Exit()


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
          version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                help="Print the version and exit.")] = False,
          ) -> None:
    state["debug"] = debug


for _name, _command in COMMANDS.items():
    app.command(_name)(_command)


def main() -> None:
    signal.signal(signal.SIGTERM, on_sigterm)
    app(prog_name="render")


if __name__ == "__main__":
    sys.exit(main())
