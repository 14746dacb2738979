"""Data flows one way: render uses scenes uses ourdl; inside render, record -> draw -> encode -> web -> app.

`web` is the pages' room: everything that writes HTML (the player, the sweep explorer, the lab, the gallery
index, the embed snippets, the notebook display), its JavaScript sources and built bundles. It may use the
encoders (the notebook shows an MP4, the gallery links the GIF) but no encoder knows a page exists.

Every import statement of every module is read (top level and inside functions alike, since a lazy import
is still a dependency), and the record stage is also imported for real to see what it pulls in.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("record", "draw", "encode", "web", "app")
#: third-party packages a stage may not use (record is numpy only: it runs in the sweeps' workers,
#: in the Recorder inside a learner's loop, and in CI checks without a display stack)
FORBIDDEN = {
    "record": {"matplotlib", "PIL", "typer", "rich", "imageio", "imageio_ffmpeg"},
    "draw": {"typer", "rich", "imageio_ffmpeg"},
    "encode": {"typer", "rich"},
    "web": {"typer", "rich"},
    "app": set(),
}


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) of every import in a file; relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from render.record import parallel` imports a module, `from render.record import record` a name
            named = [f"{module}.{a.name}" for a in node.names]
            submodules = [name for name in named if is_module(name)]
            if len(submodules) < len(named):
                found.append((node.lineno, module))
            found += [(node.lineno, name) for name in submodules]
    return found


def is_module(dotted: str) -> bool:
    """Whether a dotted name is one of our modules or packages (not a name defined in one)."""
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "render" and parts[1] in STAGES else None


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_imports_only_earlier_stages_and_its_allowed_packages(stage):
    allowed = set(STAGES[: STAGES.index(stage) + 1])
    problems = []
    for path in modules(f"render/{stage}"):
        for line, module in imports(path):
            top = module.split(".")[0]
            used = stage_of(module)
            where = f"{path.relative_to(ROOT)}:{line} imports {module}"
            if used is not None and used not in allowed:
                problems.append(f"{where} (a later stage)")
            if top in FORBIDDEN[stage]:
                problems.append(f"{where} (not allowed in render.{stage})")
            if module == "render" or (top == "render" and used is None and module.count(".") >= 1
                                      and module.split(".")[1] not in ("__main__",)):
                problems.append(f"{where} (render's top level is the front door, not a dependency)")
    assert not problems, "\n".join(problems)


def test_nothing_lives_at_renders_top_level_but_the_front_door():
    # torch.py is the PyTorch front door (`from render.torch import TorchRecorder`): a module of its own so
    # that `import render` never imports torch; it only re-exports render.record's torch recorder
    top = sorted(p.name for p in (ROOT / "render").glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "torch.py"], top


def test_scenes_name_nothing_in_render_and_ourdl_nothing_of_ours():
    problems = []
    for package, banned in (("scenes", {"render"}), ("ourdl", {"render", "scenes", "matplotlib"})):
        for path in modules(package):
            for line, module in imports(path):
                if module.split(".")[0] in banned:
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not problems, "\n".join(problems)


def test_the_record_stage_loads_no_drawing_or_cli_package():
    """What importing the record stage (and recording a scene) really pulls in, dependencies included."""
    code = ("import sys, render.record, render.record.check, render.record.sweep, render.record.diff; "
            "from scenes import get_scene; "
            "render.record.record(get_scene('fig8').with_overrides(samples=20, every=10)); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'matplotlib', 'PIL', 'typer', 'rich', 'imageio', 'imageio_ffmpeg', 'click'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout


#: The one cycle allowed: the tutorial's own design, kept so its code runs unchanged. A node joins the
#: graph it is created in (node.py reads graph.py's default graph) and the graph holds and drives its nodes
#: (graph.py names Node in its types).
ALLOWED_CYCLE = {"ourdl.core.graph", "ourdl.core.node"}


def import_graph() -> dict[str, dict[str, int]]:
    """module -> {module it imports: line}, over every module of render, scenes and ourdl. An import names the
    longest of our modules its dotted name starts with (`render.record.snapshot.Snapshot` ->
    `render.record.snapshot`); a package's `__init__` is a module like any other, run on its own terms."""
    graph: dict[str, dict[str, int]] = {}
    for package in ("render", "scenes", "ourdl"):
        for path in modules(package):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            edges = graph.setdefault(name, {})
            for line, module in imports(path):
                parts = module.split(".")
                known = next((".".join(parts[:k]) for k in range(len(parts), 0, -1)
                              if is_module(".".join(parts[:k]))), None)
                if known is not None and known != name:
                    edges.setdefault(known, line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One closed path (first module repeated at the end) through each group of modules that import each
    other, directly or round a loop (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while not group or w != v:
                w = stack.pop()
                group.add(w)
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    found = []
    for group in groups:
        start = min(group)
        path, seen = [start], {start}
        while True:  # walk inside the group until the path closes on a module already on it
            nxt = min(w for w in graph[path[-1]] if w in group)
            path.append(nxt)
            if nxt in seen:
                found.append(path[path.index(nxt):])
                break
            seen.add(nxt)
    return sorted(found)


def test_no_two_modules_import_each_other():
    """A cycle is a lazy import away from an import-time failure, and says two modules have one job between
    them; every import counts (top level, in functions, under TYPE_CHECKING), so hiding one does not help."""
    graph = import_graph()
    assert {"render.record.snapshot", "ourdl.core.node", "scenes.base"} <= set(graph)  # it read the tree
    problems = []
    for path in cycles(graph):
        if set(path) != ALLOWED_CYCLE:
            problems.append(" -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(path, path[1:]))
                            + f" -> {path[-1]}")
    assert not problems, "modules that import each other:\n" + "\n".join(problems)


def test_the_cycle_finder_finds_a_hidden_cycle_and_the_allowed_one():
    assert cycles({"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}) == [["a", "b", "c", "a"]]
    assert ["ourdl.core.graph", "ourdl.core.node", "ourdl.core.graph"] in cycles(import_graph())
