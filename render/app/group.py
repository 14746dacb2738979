"""The app's click group: a usage error is one line, and Ctrl-C while arguments are parsed is exit 130.

Click (and typer on top of it) print a usage error as a box of several lines, and say "Aborted!" with exit
code 1 (or nothing, exit 130, depending on the typer version) for a Ctrl-C outside a command's
`user_errors()`. Every bad input here gets the same one line as the commands' own errors instead.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from render.app.console import fail

#: click's base of every error it reports to the user (typer may carry its own copy of click)
ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def one_line(text: str) -> str:
    return " ".join(text.split())


class RenderGroup(TyperGroup):
    """`render`: parses and dispatches like typer's group, reports like the commands."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _reported():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _reported():
            return super().invoke(ctx)


class _reported:
    """Usage errors and Ctrl-C become one line on stderr and typer.Exit (2, 130); the rest passes through."""

    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: Any) -> None:
        if kind is None or isinstance(error, typer.Exit):
            return
        if isinstance(error, KeyboardInterrupt):
            from render.app.escalating import INTERRUPTED

            raise fail(INTERRUPTED, 130) from None
        if isinstance(error, ClickException) and type(error).__name__ != "NoArgsIsHelpError":  # help: as is
            ctx = getattr(error, "ctx", None)
            where = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
            raise fail(one_line(error.format_message()) + where, error.exit_code) from None
