"""The scenes: `get_scene("fig7_vs_fig8")` (or `get_scene("my_scenes.py:NAME")`), `list_scenes()`."""

from __future__ import annotations

from scenes.base import Net, Panel, Run, Scene, Schedule
from scenes.registry import SceneNotFound, close_names, list_scenes, register, registered_scene

__all__ = ["Net", "Panel", "Run", "Scene", "Schedule", "SceneNotFound", "close_names", "get_scene",
           "list_scenes", "register"]


def get_scene(name: str) -> Scene:
    """A registered scene by name, or one from the user's file: `get_scene("my_scenes.py:NAME")`."""
    from scenes.loader import is_file_reference, load_scene

    if is_file_reference(name):
        return load_scene(name)
    return registered_scene(name)


def _register_builtin() -> None:
    from scenes import adaline, chapter, family_scenes, sweeps, width_sweep

    builtin = (chapter, family_scenes, sweeps, width_sweep, adaline)
    for scene in (s for module in builtin for s in module.scenes()):
        register(scene)


_register_builtin()
