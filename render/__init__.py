"""Record a scene's training headlessly, then render the recording as GIF/MP4/WebM/PNG.

In a notebook: `from render import show; show("fig7_vs_fig8")` (see `render.app.notebook`).
"""


def show(*args, **kwargs):
    """Record and render a scene for Jupyter; see `render.notebook.show` (imported only when called)."""
    from render.app.notebook import show as _show

    return _show(*args, **kwargs)
