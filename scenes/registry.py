"""The registry of named scenes, and the error for a name not in it (with the names that look like it).

Apart from `scenes/__init__.py`, which looks names up here or, for `file.py:NAME`, in the user's file: the
loader of those files (scenes/loader.py) notes what a file registers, so it reads this module, not the one
that imports it.
"""

from __future__ import annotations

import difflib

from scenes.base import Scene

_REGISTRY: dict[str, Scene] = {}


def register(scene: Scene) -> Scene:
    _REGISTRY[scene.name] = scene
    return scene


def registered() -> dict[str, Scene]:
    """Every registered scene by name (a copy: registering later does not change it)."""
    return dict(_REGISTRY)


def list_scenes() -> list[Scene]:
    return list(_REGISTRY.values())


def registered_scene(name: str) -> Scene:
    """The scene registered as `name`; SceneNotFound (with the names that look like it) if there is none."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise SceneNotFound(name, close_names(name, list(_REGISTRY))) from None


class SceneNotFound(KeyError):
    """An unknown scene name; `.close` holds the registered names that look like it."""

    def __init__(self, name: str, close: list[str]) -> None:
        super().__init__(name)
        self.name, self.close = name, close

    def __str__(self) -> str:
        if self.close:
            return f"unknown scene {self.name!r}; did you mean {', '.join(self.close)}?"
        return f"unknown scene {self.name!r}; the scenes are {', '.join(_REGISTRY)}"


def close_names(name: str, names: list[str], n: int = 3) -> list[str]:
    """Up to `n` of `names` that look like `name`: any case; containing it first, then similar spellings."""
    lowered = {x.lower(): x for x in names}
    key = name.lower().strip()
    containing = [x for x in names if key and key in x.lower()]
    similar = [lowered[x] for x in difflib.get_close_matches(key, list(lowered), n=n, cutoff=0.5)]
    return list(dict.fromkeys(containing + similar))[:n]
