"""Scenes from the user's own files: `get_scene("path/to/my_scenes.py:NAME")`.

The file is plain Python using the same API as the built-in scenes (see examples/tanh_net.py). NAME is
found, in this order, as: a module-level `Scene` bound to NAME; a module-level `Scene` whose `.name`
is NAME; a scene the file registered with `scenes.register` under NAME. `path.py` alone picks the
file's only scene. Every problem (no such file, a syntax error, an exception while running the file,
no such scene in it) raises `SceneLoadError`: one line naming the file, and the line when there is one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

from scenes import SceneNotFound, close_names
from scenes.base import Scene


class SceneLoadError(SceneNotFound):
    """A scene file that cannot give the scene asked for; the message is one line for the user.

    A `SceneNotFound`, so whatever handles an unknown scene name (the CLI: one line, exit 2) handles it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, [])
        self.message = message

    def __str__(self) -> str:
        return self.message


def is_file_reference(name: str) -> bool:
    """Whether `name` points into a file (`x.py`, `x.py:NAME`, `dir/x.py:NAME`) rather than the registry."""
    return split_reference(name)[0].suffix == ".py"


def split_reference(ref: str) -> tuple[Path, str | None]:
    """'dir/x.py:NAME' -> (Path('dir/x.py'), 'NAME'); 'x.py' -> (Path('x.py'), None)."""
    if ref.endswith(".py"):
        return Path(ref), None
    path, _, name = ref.rpartition(":")
    return Path(path), name or None


def _module_name(path: Path) -> str:
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    stem = "".join(c if c.isalnum() else "_" for c in path.stem)
    return f"_user_scenes_{stem}_{digest}"


def _where(path: Path, exc: BaseException) -> str:
    """'file.py:LINE' of the deepest frame inside the user's file, else just the file."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path:
            line = frame.lineno
    return f"{path}:{line}" if line else str(path)


def load_module(path: str | Path) -> ModuleType:
    """Run a scene file as a module of its own (importable by the name it gets, for its dataclasses)."""
    from scenes import _REGISTRY  # the registry the file's `register` calls write to

    path = Path(path).expanduser()
    if not path.exists():
        raise SceneLoadError(f"scene file {path} does not exist")
    if path.is_dir():
        raise SceneLoadError(f"scene file {path} is a folder; give a .py file")
    resolved = path.resolve()
    try:
        source = resolved.read_text(encoding="utf-8")
        code = compile(source, str(resolved), "exec")
    except SyntaxError as e:
        raise SceneLoadError(f"{path}:{e.lineno}: syntax error: {e.msg}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SceneLoadError(f"cannot read scene file {path}: {e}") from None
    name = _module_name(resolved)
    spec = importlib.util.spec_from_file_location(name, resolved)
    module = importlib.util.module_from_spec(spec)
    before = dict(_REGISTRY)
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)
    except Exception as e:
        sys.modules.pop(name, None)
        raise SceneLoadError(f"{_where(resolved, e)}: {type(e).__name__}: {e}") from None
    module.__registered__ = {k: v for k, v in _REGISTRY.items() if before.get(k) is not v}
    return module


def scenes_in(module: ModuleType) -> dict[str, Scene]:
    """The scenes a loaded file offers, by every name it can be asked for."""
    found: dict[str, Scene] = {}
    for attr, value in vars(module).items():
        if isinstance(value, Scene) and not attr.startswith("_"):
            found.setdefault(attr, value)
            found.setdefault(value.name, value)
    for key, value in getattr(module, "__registered__", {}).items():
        found.setdefault(key, value)
    return found


def load_scene(ref: str) -> Scene:
    """The scene `ref` ('path/to/file.py:NAME' or 'file.py') names."""
    path, name = split_reference(ref)
    found = scenes_in(load_module(path))
    distinct = list({id(s): s for s in found.values()}.values())
    if name is None:
        if len(distinct) == 1:
            return distinct[0]
        if not distinct:
            raise SceneLoadError(f"{path} defines no Scene (assign one at module level or register it)")
        names = sorted({s.name for s in distinct})
        raise SceneLoadError(f"{path} defines {len(distinct)} scenes; name one: {path}:{names[0]} "
                             f"(scenes: {', '.join(names)})")
    if name in found:
        return found[name]
    close = close_names(name, list(found))
    hint = f"did you mean {', '.join(close)}?" if close else (
        f"it defines {', '.join(sorted(found))}" if found else "it defines no Scene")
    raise SceneLoadError(f"no scene {name!r} in {path}; {hint}")
