"""The registry of named scenes: `get_scene("fig7_vs_fig8")`, `list_scenes()`."""

from __future__ import annotations

import difflib

from scenes.base import Net, Panel, Run, Scene, Schedule

__all__ = ["Net", "Panel", "Run", "Scene", "Schedule", "SceneNotFound", "get_scene", "list_scenes",
           "register"]

_REGISTRY: dict[str, Scene] = {}


class SceneNotFound(KeyError):
    """An unknown scene name; `.close` holds the registered names that look like it."""

    def __init__(self, name: str, close: list[str]) -> None:
        super().__init__(name)
        self.name, self.close = name, close

    def __str__(self) -> str:
        if self.close:
            return f"unknown scene {self.name!r}; did you mean {', '.join(self.close)}?"
        return f"unknown scene {self.name!r}; the scenes are {', '.join(_REGISTRY)}"


def register(scene: Scene) -> Scene:
    _REGISTRY[scene.name] = scene
    return scene


def get_scene(name: str) -> Scene:
    """A registered scene by name, or one from the user's file: `get_scene("my_scenes.py:NAME")`."""
    from scenes.loader import is_file_reference, load_scene

    if is_file_reference(name):
        return load_scene(name)
    try:
        return _REGISTRY[name]
    except KeyError:
        raise SceneNotFound(name, close_names(name, list(_REGISTRY))) from None


def close_names(name: str, names: list[str], n: int = 3) -> list[str]:
    """Up to `n` of `names` that look like `name`: any case; containing it first, then similar spellings."""
    lowered = {x.lower(): x for x in names}
    key = name.lower().strip()
    containing = [x for x in names if key and key in x.lower()]
    similar = [lowered[x] for x in difflib.get_close_matches(key, list(lowered), n=n, cutoff=0.5)]
    return list(dict.fromkeys(containing + similar))[:n]


def list_scenes() -> list[Scene]:
    return list(_REGISTRY.values())


def _register_builtin() -> None:
    from scenes import adaline, chapter, sweeps

    for scene in chapter.scenes() + sweeps.scenes() + adaline.scenes():
        register(scene)


_register_builtin()
