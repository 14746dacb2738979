"""Fuzzing users' scene files (`render record file.py:NAME`): syntax errors anywhere, exceptions raised at
module level or in the build hook (any type, any message, newlines and failing `__str__` included), hooks
that return the wrong things, `sys.exit()`, files that are not Python at all.

Each is one line on stderr naming the file, and the line where there is one; exit 2 (like an unknown
scene); never a traceback, never "internal error", never training.
"""

from __future__ import annotations

import re

import pytest
from fuzzing import examples, one_error_line, tally
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from render.app import cli

GOOD = '''\
from ourdl.core import Graph, Varrible
from ourdl.ops import Add, Mul
from ourdl.ops.loss import ValueLoss
from scenes import Net, Panel, Run, Scene, Schedule


def build(activation):
    graph = Graph()
    with graph.as_default():
        x, label, w = Varrible(name="x"), Varrible(name="label"), Varrible(train=True, name="w")
        out = Mul(x, w, name="out")
        loss = ValueLoss([label, out], name="loss")
{hook}
    return {result}


s = Scene(name="s", description="d", build=build, runs=(Run(label="a", init={{"w": 0.5}}, samples=20),),
          panels=(Panel("p", ("out",), (0,)),), schedule=Schedule("linear", every=10))
{tail}
'''
HOOK_LINE = GOOD.split("\n").index("{hook}") + 1  # where a hook statement lands (1-based)
TAIL_LINE = GOOD.split("\n").index("{tail}")  # where a module-level statement lands, after format
RIGHT = "Net(graph=graph, x=x, label=label, output=out, loss=loss, params=(w,))"
WRONG = ["None", "42", "'net'", "(graph, x)", "graph", "Net(graph=graph, x=None, label=label, output=out, "
         "loss=loss, params=(w,))", "Net(graph=graph, x=x, label=label, output=out, loss=loss, params=())",
         "Net(graph=None, x=x, label=label, output=out, loss=loss, params=(w,))",
         "Net(graph=graph, x=x, label=label, output=out, loss=loss, params=(1.5,))"]
EXCEPTIONS = ["ValueError", "KeyError", "RuntimeError", "ZeroDivisionError", "TypeError", "Exception",
              "RecursionError", "OverflowError"]
MESSAGES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\\'\r"), max_size=30)


def raising(exc: str, message: str, indent: str) -> str:
    return f"{indent}raise {exc}({message!r})"


@st.composite
def scene_file(draw) -> tuple[bytes, int | None, str]:
    """(the file, the line the message must name or None, what is wrong with it)."""
    how = draw(st.sampled_from(["syntax", "module raise", "hook raise", "hook returns", "exit", "not python",
                                "bad str", "newlines"]))
    if how == "syntax":
        lines = GOOD.format(hook="", result=RIGHT, tail="").split("\n")
        at = draw(st.integers(0, len(lines) - 3))
        lines.insert(at, draw(st.sampled_from(["def (:", "x = = 1", "  indented = 1", "return return",
                                               "class:", "'''never closed", "print(1 +)", "else:"])))
        text = "\n".join(lines)
        return text.encode(), None, how  # Python names the line; where exactly depends on the error
    if how == "not python":
        data = draw(st.one_of(st.binary(min_size=1, max_size=200), st.just(b"\x89PNG\r\n\x1a\n\x00\x00"),
                              st.just("训练 = 样本\n".encode("gb18030"))))
        return data, None, how
    if how == "module raise":
        text = GOOD.format(hook="", result=RIGHT, tail=raising(draw(st.sampled_from(EXCEPTIONS)),
                                                                draw(MESSAGES), ""))
        return text.encode(), TAIL_LINE + 1, how
    if how == "hook raise":
        text = GOOD.format(hook=raising(draw(st.sampled_from(EXCEPTIONS)), draw(MESSAGES), "    "),
                           result=RIGHT, tail="")
        return text.encode(), HOOK_LINE, how
    if how == "hook returns":
        return GOOD.format(hook="", result=draw(st.sampled_from(WRONG)), tail="").encode(), None, how
    if how == "exit":
        code = draw(st.sampled_from(["0", "3", "None", "'bye'"]))
        return GOOD.format(hook="", result=RIGHT, tail=f"import sys\nsys.exit({code})").encode(), None, how
    if how == "bad str":
        tail = "class E(Exception):\n    def __str__(self):\n        raise RuntimeError('no')\nraise E()"
        return GOOD.format(hook="", result=RIGHT, tail=tail).encode(), TAIL_LINE + 4, how
    tail = raising("ValueError", "first\nsecond\r\nthird", "")
    return GOOD.format(hook="", result=RIGHT, tail=tail).encode(), TAIL_LINE + 1, how


@pytest.fixture(scope="module")
def no_training():
    def trained(*_args, **_kwargs):
        raise AssertionError("training started")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("render.record.record", trained)
        yield


def test_the_template_is_a_working_scene(tmp_path):
    """Not vacuous: the file the cases break is a valid scene as written."""
    from render.record.runs import estimated_bytes
    from scenes import get_scene

    path = tmp_path / "good.py"
    path.write_text(GOOD.format(hook="", result=RIGHT, tail=""))
    assert estimated_bytes(get_scene(f"{path}:s")) > 0


def test_broken_scene_files_are_one_line_naming_file_and_line(tmp_path, no_training):
    @settings(max_examples=examples(120))
    @given(case=scene_file())
    def run(case):
        tally("scene files")
        data, line, how = case
        path = tmp_path / "my_scene.py"
        path.write_bytes(data)
        result = CliRunner().invoke(cli.app, ["record", f"{path}:s", "-o", str(tmp_path / "s.npz")])
        assert result.exit_code == 2, (how, result.exit_code, result.output)
        message = one_error_line(result.stderr)
        assert "internal error" not in message and "training started" not in result.output, (how, message)
        assert str(path) in message, (how, message)  # (random bytes can be valid Python: "no scene 's' in")
        if line is not None:
            assert re.search(rf"{re.escape(str(path))}:{line}\b", message), (how, line, message)
        assert not (tmp_path / "s.npz").exists()

    run()
