"""Scenes from the user's own files: `get_scene("path/to/my_scenes.py:NAME")`.

The file is plain Python using the same API as the built-in scenes (see examples/tanh_net.py). NAME is
found, in this order, as: a module-level `Scene` bound to NAME; a module-level `Scene` whose `.name`
is NAME; a scene the file registered with `scenes.register` under NAME. `path.py` alone picks the
file's only scene. Every problem (no such file, a syntax error, an exception while running the file,
no such scene in it) raises `SceneLoadError`: one line naming the file, and the line when there is one.
So does the scene's build hook, when it is called: an exception in it, or a result that is not a `Net`
of ourdl nodes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

from scenes.base import Net, Scene
from scenes.registry import SceneNotFound, close_names, registered


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


def _described(exc: BaseException) -> str:
    """'TypeName: message' on one line, whatever the exception's own `__str__` does."""
    try:
        text = " ".join(str(exc).split())
    except Exception:  # a user's exception class whose __str__ fails
        text = "(its message cannot be shown)"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _syntax_error(path: Path, source: bytes, e: SyntaxError) -> SceneLoadError:
    line = e.lineno or None
    if line is None and b"\0" in source:  # Python gives no line for null bytes (a binary file)
        line = source[: source.index(b"\0")].count(b"\n") + 1
    return SceneLoadError(f"{path}:{line}: syntax error: {' '.join(e.msg.split())}" if line else
                          f"{path}: syntax error: {' '.join(e.msg.split())}")


def load_module(path: str | Path) -> ModuleType:
    """Run a scene file as a module of its own (importable by the name it gets, for its dataclasses)."""
    path = Path(path).expanduser()
    if not path.exists():
        raise SceneLoadError(f"scene file {path} does not exist")
    if path.is_dir():
        raise SceneLoadError(f"scene file {path} is a folder; give a .py file")
    resolved = path.resolve()
    try:
        source = resolved.read_bytes()  # bytes: Python reads the file's coding line, as for any module
        code = compile(source, str(resolved), "exec")
    except SyntaxError as e:
        raise _syntax_error(path, source, e) from None
    except (OSError, ValueError) as e:
        raise SceneLoadError(f"cannot read scene file {path}: {' '.join(str(e).split())}") from None
    name = _module_name(resolved)
    spec = importlib.util.spec_from_file_location(name, resolved)
    module = importlib.util.module_from_spec(spec)
    before = registered()  # what the file's `register` calls add to
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)
    except (Exception, SystemExit) as e:  # sys.exit() in the file too: the command still says why
        sys.modules.pop(name, None)
        raise SceneLoadError(f"{_where(resolved, e)}: {_described(e)}") from None
    module.__registered__ = {k: v for k, v in registered().items() if before.get(k) is not v}
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


class CheckedBuild:
    """A user's build hook that reports its failures as `SceneLoadError`s naming the file and line."""

    def __init__(self, build, path: Path) -> None:
        self.build, self.path = build, path

    def __call__(self, activation: str) -> Net:
        resolved = self.path.expanduser().resolve()
        try:
            net = self.build(activation)
        except Exception as e:
            where = _where(resolved, e)
            raise SceneLoadError(f"{where}: in the scene's build hook: {_described(e)}") from None
        problem = _net_problem(net)
        if problem:
            code = getattr(self.build, "__code__", None)
            where = f"{self.path}:{code.co_firstlineno}" if code and Path(code.co_filename) == resolved else \
                str(self.path)
            raise SceneLoadError(f"{where}: the scene's build hook returned {problem}; it must return scenes."
                                 "Net(graph=..., x=..., label=..., output=..., loss=..., params=(...))")
        return net


def _net_problem(net: object) -> str | None:
    """What is wrong with a build hook's result, or None."""
    from ourdl.core import Node

    if not isinstance(net, Net):
        return f"{type(net).__name__} {_short(net)}, not a scenes.Net"
    for field in ("x", "label", "output", "loss"):
        value = getattr(net, field)
        if not isinstance(value, Node):
            return f"a Net whose {field} is {type(value).__name__} {_short(value)}, not an ourdl node"
    params = net.params
    if not isinstance(params, (tuple, list)) or not params or not all(isinstance(p, Node) for p in params):
        return "a Net whose params are not a non-empty tuple of ourdl nodes"
    nodes = getattr(net.graph, "nodes", None)
    if not isinstance(nodes, (list, tuple)) or not all(isinstance(n, Node) for n in nodes):
        return f"a Net whose graph ({type(net.graph).__name__}) has no list of ourdl nodes"
    return None


def _short(value: object) -> str:
    try:
        text = " ".join(repr(value).split())
    except Exception:
        return "(unprintable)"
    return f"({text[:40]}...)" if len(text) > 40 else f"({text})"


def _checked(scene: Scene, path: Path) -> Scene:
    if isinstance(scene.build, CheckedBuild):
        return scene
    return dataclasses.replace(scene, build=CheckedBuild(scene.build, path))


def load_scene(ref: str) -> Scene:
    """The scene `ref` ('path/to/file.py:NAME' or 'file.py') names, its build hook checked."""
    path, name = split_reference(ref)
    return _checked(_find_scene(path, name), path)


def _find_scene(path: Path, name: str | None) -> Scene:
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
