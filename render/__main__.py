"""`python -m render ...` is the same as the `render` command (render.app.entry: Ctrl-C handled from the
first import on)."""

from render.app.entry import main

main()
