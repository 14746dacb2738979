"""`python -m render ...` is the same as the `render` command."""

from render.cli import main

main()
