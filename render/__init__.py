"""Record a scene's training headlessly, then render the recording as a player page, GIF, MP4, WebM or PNG.

In a notebook: `from render import show; show("fig7_vs_fig8")` (see `render.web.notebook`). In your own
training loop: `from render import Recorder` (see `render.record.recorder`).

Both load lazily: `import render` itself imports no numpy or matplotlib.
"""

__all__ = ["Recorder", "show"]


def __getattr__(name: str):
    if name == "Recorder":  # the record stage: numpy and ourdl, no matplotlib
        from render.record.recorder import Recorder

        return Recorder
    raise AttributeError(f"module 'render' has no attribute {name!r}")


def show(*args, **kwargs):
    """Record and render a scene for Jupyter; see `render.web.notebook.show` (imported only when called)."""
    from render.web.notebook import show as _show

    return _show(*args, **kwargs)
