"""One module per `render` command; `render.app.cli` puts them on the typer app."""
