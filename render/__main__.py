"""`python -m render ...` is the same as the `render` command."""

from render.app.cli import main

main()
