"""The target grammar (scenes/targets.py) and its port to the page (render/web/src/target_expr.js) agree.

tests/target_cases.json is the shared table: strings accepted (with Python's tree, names and values at XS)
and strings refused (with Python's code and message). Python must still give exactly those; node, running
target_expr.js, must give the same decisions, codes, messages and trees, and the same bits for every value
made of IEEE operations (+ - * /, negation, abs, sqrt, min, max, integer powers). Values through sin, cos,
exp, log, tanh or a non-integer power are each library's own: there the worst relative difference between
numpy and node must be <= 1e-12 (measured here: 2.1e-15 on the table, 3.8e-16 for one operation alone). The
fuzz checks decisions, messages, trees and exact values, not those values: a random expression can magnify a
last-bit difference without bound (cos(exp(25)) turns 1e-16 into 1e-5).

The table's strings are written by hand; `python -m tests.test_targets --write` refills what Python
computes for them (after a deliberate change of the grammar or its messages: review the diff).
"""

from __future__ import annotations

import ast
import json
import math
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenes.base import square
from scenes.targets import (
    FUNCTIONS,
    LIBRARY_OPS,
    MAX_DEPTH,
    MAX_LENGTH,
    NAMED,
    TargetError,
    ast_to_json,
    check_finite,
    evaluate,
    fmt,
    is_exact,
    parse_target,
)

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "target_cases.json"
SRC = ROOT / "render" / "web" / "src" / "target_expr.js"
XS = [-1.5, -0.5, 0.0, 0.25, 1 / 3, 0.7, 1.0, 1.5, 2.0, 2.5]
TOLERANCE = 1e-12
CODES = {"empty", "long", "char", "big", "name", "function", "named", "parens", "arity", "comma", "operand",
         "end", "close", "unmatched", "operator", "deep"}
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="node is a development tool")


def encode(v: float) -> float | str:
    """A value for JSON: non-finite ones as the strings JavaScript's String() writes."""
    v = float(v)
    return ("NaN" if math.isnan(v) else "Infinity" if v > 0 else "-Infinity") if not math.isfinite(v) else v


def decode(v: float | str) -> float:
    return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf, "-0": -0.0}.get(v, v) \
        if isinstance(v, str) else float(v)


def bits(v: float) -> bytes:
    return b"nan" if math.isnan(v) else struct.pack("<d", v)


def relative(a: float, b: float) -> float:
    """|a - b| relative to the larger; 0 when both are the same NaN, infinity or number."""
    if bits(a) == bits(b) or (a == b):
        return 0.0
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / max(abs(a), abs(b))


def python_answer(text: str) -> dict:
    """What scenes.targets says about one string, as the table records it."""
    try:
        target = parse_target(text)
    except TargetError as e:
        return {"text": text, "code": e.code, "error": str(e)}
    return {"text": text, "name": target.name, "name_zh": target.name_zh, "exact": target.exact,
            "ast": ast_to_json(target.ast), "values": [encode(v) for v in target.fn(np.array(XS))]}


def write_table() -> None:
    """Refill the table's computed fields from Python, keeping its hand-written strings and their order."""
    table = json.loads(CASES.read_text(encoding="utf-8"))
    about = ("Strings for --target and the lab's expression box: what scenes/targets.py makes of them. "
             "Filled by `python -m tests.test_targets --write`; tests/test_targets.py checks the page "
             "against it.")
    out = {"about": about, "xs": XS, "accepted": [], "refused": []}
    for kind in ("accepted", "refused"):
        for case in table[kind]:
            answer = python_answer(case["text"])
            where = "refused" if "error" in answer else "accepted"
            if where != kind:
                print(f"note: {case['text']!r} moved to {where}")
            out[where].append(answer)
    CASES.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def table() -> dict:
    return json.loads(CASES.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------- Python alone

def test_the_table_is_big_and_refuses_every_way():
    cases = table()
    assert cases["xs"] == XS
    assert len(cases["accepted"]) >= 60 and len(cases["refused"]) >= 40
    assert {c["code"] for c in cases["refused"]} == CODES
    assert {c["text"] for c in cases["accepted"]} >= set(NAMED)
    assert sum(not c["exact"] for c in cases["accepted"]) >= 10


@pytest.mark.parametrize("case", table()["accepted"], ids=lambda c: repr(c["text"])[:40])
def test_python_still_accepts_with_the_recorded_tree_names_and_bits(case):
    assert python_answer(case["text"]) == case  # values compare as floats, so -0.0 == 0.0 and NaN ...
    got = parse_target(case["text"]).fn(np.array(XS))
    assert [bits(v) for v in got] == [bits(decode(v)) for v in case["values"]]  # ... hence the bits too


@pytest.mark.parametrize("case", table()["refused"], ids=lambda c: repr(c["text"])[:40])
def test_python_still_refuses_with_the_recorded_code_and_one_line(case):
    with pytest.raises(ValueError) as refused:
        parse_target(case["text"])
    assert (refused.value.code, str(refused.value)) == (case["code"], case["error"])
    assert "\n" not in str(refused.value) and len(str(refused.value)) < 160
    if refused.value.column:
        assert str(refused.value).count(f"at column {refused.value.column}") == 1


def reference_tree(node: ast.AST) -> tuple:
    """Python's own parse of the same text (with ^ as **), in our tree's terms: an independent check of
    precedence and associativity (-x^2 = -(x^2), 2^3^2 = 2^(3^2), 2^-1, 8/4/2 = (8/4)/2)."""
    if isinstance(node, ast.Expression):
        return reference_tree(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return ("num", float(node.value))
    if isinstance(node, ast.Name) and node.id in ("x", "pi"):
        return (node.id,)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = reference_tree(node.operand)
        return ("neg", inner) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        base, exponent = reference_tree(node.left), reference_tree(node.right)
        literal = exponent[1] if exponent[0] == "num" else -exponent[1][1] \
            if exponent[0] == "neg" and exponent[1][0] == "num" else None
        if literal is not None and literal == int(literal) and abs(literal) <= 8:
            return ("powi", base, int(literal))
        return ("pow", base, exponent)
    ops = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}
    if isinstance(node, ast.BinOp) and type(node.op) in ops:
        return (ops[type(node.op)], reference_tree(node.left), reference_tree(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        return (node.func.id, *map(reference_tree, node.args))
    raise AssertionError(f"not in the grammar: {ast.dump(node)}")


def test_the_trees_are_the_ones_pythons_own_grammar_gives():
    """For the table's expressions that are also Python (this is a test, and these are our own strings)."""
    checked = 0
    for case in table()["accepted"]:
        text = case["text"].strip()
        source = NAMED[text].expression if text in NAMED else text
        if source is None:
            continue
        try:
            reference = ast.parse("(" + source.replace("^", "**") + ")", mode="eval")
        except SyntaxError:
            continue  # "00012.5" is ours, not Python's
        assert parse_target(text).ast == reference_tree(reference), text
        checked += 1
    assert checked >= 70


def test_x_squared_is_the_chapters_square_to_the_last_bit():
    xs = np.concatenate([np.random.default_rng(0).uniform(0.0, 2.0, 1500),
                         np.random.default_rng(1).uniform(-1e3, 1e3, 5000), [0.0, -0.0, 1e-200, 1e150]])
    for text in ("x^2", "x**2", " x ^ 2 "):
        assert parse_target(text).fn(xs).tobytes() == square(xs).tobytes()
    assert parse_target("x^2").name == "x²" and parse_target("x^2").key == "x^2"


def test_small_integer_powers_are_repeated_multiplication_left_to_right():
    x = np.random.default_rng(2).uniform(-3.0, 3.0, 4000)
    assert parse_target("x^3").fn(x).tobytes() == ((x * x) * x).tobytes()
    assert parse_target("x^-3").fn(x).tobytes() == (1.0 / ((x * x) * x)).tobytes()
    assert parse_target("x^8").fn(x).tobytes() == (((((((x * x) * x) * x) * x) * x) * x) * x).tobytes()
    assert parse_target("x^9").ast[0] == "pow" and parse_target("x^2.5").ast[0] == "pow"
    assert parse_target("x^0").fn(np.array([np.nan, 0.0, 5.0])).tolist() == [1.0, 1.0, 1.0]


def test_min_max_and_pow_take_javascripts_answers_where_numpy_and_c_differ():
    """Math.min(0, -0) is -0 (np.minimum gives the second zero); Math.pow(1, NaN) and (-1)^inf are NaN
    (C's pow gives 1): Python follows the page, so a tree means the same numbers in both."""
    zeros = np.array([0.0])
    assert math.copysign(1, evaluate(("min", ("num", 0.0), ("neg", ("x",))), zeros)[0]) == -1
    assert math.copysign(1, evaluate(("min", ("neg", ("x",)), ("num", 0.0)), zeros)[0]) == -1
    assert math.copysign(1, evaluate(("max", ("num", 0.0), ("neg", ("x",))), zeros)[0]) == 1
    assert math.copysign(1, evaluate(("max", ("neg", ("x",)), ("num", 0.0)), zeros)[0]) == 1
    assert np.isnan(evaluate(("min", ("x",), ("num", 1.0)), np.array([np.nan]))[0])
    nan_exponent = ("pow", ("x",), ("log", ("num", -1.0)))
    assert np.isnan(evaluate(nan_exponent, np.array([1.0, -1.0, 2.0]))).all()
    infinite_exponent = ("pow", ("x",), ("div", ("num", 1.0), ("num", 0.0)))
    assert np.isnan(evaluate(infinite_exponent, np.array([-1.0, 1.0]))).all()
    assert evaluate(("pow", ("x",), ("num", 0.5)), np.array([4.0]))[0] == 2.0


def test_every_named_target_has_a_description_two_names_and_finite_values_on_the_chapters_range():
    for key, named in NAMED.items():
        target = parse_target(key)
        assert target.key == key and target.text == key
        assert named.description and named.en and named.zh
        assert (named.expression is None) != (named.tree is None)
        assert (target.display("en"), target.display("zh")) == (named.en, named.zh)
        check_finite(target, 0.0, 2.0)
        assert json.loads(json.dumps(target.to_json()))["ast"] == ast_to_json(target.ast)
    step = parse_target("step").fn(np.array([0.0, 1.0, np.nextafter(1.0, 2.0), 2.0, np.nan]))
    assert step[:4].tolist() == [0.0, 0.0, 1.0, 1.0] and np.isnan(step[4])
    assert parse_target("sin").fn(np.array([0.5, 1.5])).tolist() == [1.0, -1.0]


@pytest.mark.parametrize("text, lo, hi, message", [
    ("log(x)", 0.0, 2.0, "target log(x) is infinite at x = 0 on the data range [0, 2]"),
    ("sqrt(x-1)", 0.0, 2.0, "target sqrt(x-1) is NaN at x = 0 on the data range [0, 2]"),
    ("1/(x-1)", 0.0, 2.0, "target 1/(x-1) is infinite at x = 1 on the data range [0, 2]"),
    ("x^-1", -0.5, 0.5, "target x^-1 is infinite at x = 0 on the data range [-0.5, 0.5]"),
    ("exp(800*x)", 0.0, 2.0, "target exp(800*x) is infinite at x = 0.888 on the data range [0, 2]"),
    ("log(x)", 0.5, 2.0, None), ("sqrt(x)", 0.0, 2.0, None), ("1/(x+1e-9)", 0.0, 2.0, None),
])
def test_a_target_that_is_not_finite_on_the_data_range_is_refused_in_one_line(text, lo, hi, message):
    target = parse_target(text)
    if message is None:
        check_finite(target, lo, hi)
        return
    with pytest.raises(ValueError) as refused:
        check_finite(target, lo, hi)
    assert str(refused.value) == message


def test_too_long_too_deep_and_not_text_are_refused_before_any_recursion_trouble():
    assert parse_target("x" + "+x" * ((MAX_LENGTH - 1) // 2)).fn(np.array([1.0]))[0] == (MAX_LENGTH + 1) // 2
    for text in ("x" + "+x" * (MAX_LENGTH // 2), "(" * 5000 + "x", "-" * 10**6 + "x"):
        with pytest.raises(TargetError, match="too long"):
            parse_target(text)
    deep = "(" * (MAX_DEPTH - 1) + "x" + ")" * (MAX_DEPTH - 1)
    assert parse_target(deep).ast == ("x",)
    with pytest.raises(TargetError, match="nested too deeply"):
        parse_target("(" + deep + ")")
    for thing in (None, 2, b"x", ["x"]):
        with pytest.raises(ValueError, match="a target must be text"):
            parse_target(thing)


def test_describing_and_parsing_targets_leaves_numpy_alone():
    code = ("import sys, scenes.targets as t; t.parse_target('sin(pi*x)^2 + 1e-3'); t.parse_target('step'); "
            "t.NAMED['bump'].description; print('numpy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.stdout.strip() == "False", run.stderr


VOCABULARY = ["x", "pi", "1", "2.5", "1e-3", "0", "8", "9", ".5", "1e999", "1e", "e", "E", "_", "+", "-",
              "*", "/", "**", "^", "(", ")", ",", " ", "\t", "\n", "sin", "cos", "exp", "log", "sqrt", "tanh",
              "abs", "min", "max", "step", "bump", "y", "lambda", "__import__", ".", "[", "]", "'", '"', ":",
              "=", "é", "\U0001F600", "\u00a0", "\u2212", "\x00", "\ud800", "x^2", "abs", "sin"]


def random_expression(rng: random.Random, depth: int = 0) -> str:
    """A random string of the grammar (spaced at random, ^ or **): the fuzz's well-formed half."""
    space = lambda: rng.choice(["", "", " ", "  "])  # noqa: E731
    pick = rng.randrange(10 if depth < 5 else 3)
    if pick == 0:
        return rng.choice(["x", "x", "pi", "0", "1", "2", "3", "0.5", "1e-3", "2.5e1", ".25", "7.", "1e-300"])
    if pick in (1, 2):
        return "x"
    sub = lambda: random_expression(rng, depth + 1)  # noqa: E731
    if pick in (3, 4, 5):
        return sub() + space() + rng.choice("+-*/") + space() + sub()
    if pick == 6:
        return "(" + sub() + ")" + space() + rng.choice(["^", "**"]) + space() + rng.choice(
            ["2", "3", "-1", "-2", "0", "8", "9", "0.5", "(1/3)", "-(2)", "x", "(-x)"])
    if pick == 7:
        return rng.choice(["-", "+", "- "]) + sub()
    name = rng.choice(list(FUNCTIONS))
    args = ("," + space()).join(sub() for _ in range(FUNCTIONS[name]))
    return f"{name}({args})"


def fuzz_strings(count: int, seed: int = 25) -> list[str]:
    """Token soup, random expressions of the grammar, and both with characters dropped or added."""
    rng = random.Random(seed)
    texts = table()
    seeds = [c["text"] for c in texts["accepted"] + texts["refused"]]
    out = []
    for i in range(count):
        if i % 4 == 1:
            out.append(random_expression(rng))
        elif i % 4 in (2, 3):
            text = list(rng.choice(seeds) if i % 4 == 2 else random_expression(rng))
            for _ in range(rng.randint(1, 3)):
                at = rng.randint(0, len(text))
                move = rng.randint(0, 2)
                if move == 0 and text:
                    del text[min(at, len(text) - 1)]
                elif move == 1:
                    text.insert(at, rng.choice(VOCABULARY))
                else:
                    text.insert(at, rng.choice("+-*/^(),x.1 "))
            out.append("".join(text))
        else:
            length = rng.choice([0, 1, 2, 3, 5, 8, 13, 30, 80])
            out.append("".join(rng.choice(VOCABULARY) for _ in range(length)))
    return out


def test_fuzz_python_raises_nothing_but_value_errors_and_evaluates_what_it_accepts():
    accepted = 0
    for text in fuzz_strings(6000):
        try:
            target = parse_target(text)
        except TargetError as e:
            assert e.code in CODES and "\n" not in str(e)
            continue
        accepted += 1
        with np.errstate(all="raise"):  # evaluate keeps numpy's warnings in
            values = target.fn(np.array(XS))
        assert values.dtype == np.float64 and values.shape == (len(XS),)
    assert accepted > 1500  # the fuzz reaches the evaluator, not just the refusals


# ----------------------------------------------------------------------------------------- Python and node

NODE_SCRIPT = """
import * as T from %(src)s;
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const num = v => (Object.is(v, -0) ? '-0' : Number.isFinite(v) ? v : String(v));
const answers = job.texts.map(text => {
  try {
    const r = T.parseTarget(text);
    if (!r.ok) return { code: r.code, error: r.error, column: r.column };
    const f = T.compileTarget(r.ast);
    return { name: r.name, name_zh: r.nameZh, text: r.text, exact: T.isExact(r.ast), ast: r.ast,
             values: job.xs.map(x => num(f(x))), one: num(T.evaluate(r.ast, job.xs[0])) };
  } catch (e) {
    return { threw: String(e && e.stack || e) };
  }
});
const trees = job.trees.map(([tree, xs]) => xs.map(x => num(T.evaluate(tree, x))));
const finite = job.finite.map(([text, lo, hi]) => T.checkFinite(T.parseTarget(text), lo, hi));
const named = Object.fromEntries(Object.entries(T.NAMED).map(([k, v]) => [k, v]));
console.log(JSON.stringify({ answers, trees, finite, named, fmt: job.numbers.map(T.fmt),
                             functions: T.FUNCTIONS, limits: [T.MAX_LENGTH, T.MAX_DEPTH],
                             library: T.LIBRARY_OPS, nontext: [null, 2, ['x']].map(v => T.parseTarget(v)) }));
"""

FINITE = [("log(x)", 0.0, 2.0), ("sqrt(x-1)", 0.0, 2.0), ("1/(x-1)", 0.0, 2.0), ("x^-1", -0.5, 0.5),
          ("exp(800*x)", 0.0, 2.0), ("log(x)", 0.5, 2.0), ("sin", 0.0, 2.0), ("1/(x-0.3)", -1.0, 3.0),
          ("log(x - 1.23456789)", -1e-7, 3e7), ("tanh(x)", -2.0, 2.0), ("sqrt(x)", -3e-5, 1.0)]
NUMBERS = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 2 / 3, 1e-4, 9.99999e-5, 1e-5, 123456.0, 999999.4, 999999.6,
           1234567.0, 1e21, 1e22, -7e-20, 2.5, 0.888, 5e-324, 1.7976931348623157e308, 123.456789]


def run_node(texts: list[str], trees: list[tuple[list, list[float]]] = ()) -> dict:
    """target_expr.js's answers: for each text, and each tree at its xs; its tables and checks."""
    job = {"texts": texts, "xs": XS, "finite": FINITE, "numbers": NUMBERS, "trees": list(trees)}
    script = NODE_SCRIPT % {"src": json.dumps(SRC.as_uri())}
    out = subprocess.run(["node", "--input-type=module", "-e", script], input=json.dumps(job),
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def compare(text: str, py: dict, js: dict, library_values: bool = True) -> float:
    """Assert node's answer is Python's; return the worst relative difference of library-op values (0 when
    not `library_values`: a random expression may magnify a last-bit difference without bound, as
    cos(exp(25)) turns exp's 1e-16 into 1e-5, so the fuzz compares those values nowhere)."""
    assert "threw" not in js, (text, js)
    if "error" in py:
        assert (js.get("code"), js.get("error")) == (py["code"], py["error"]), text
        return 0.0
    assert "error" not in js, (text, js)
    for key in ("name", "name_zh", "exact", "ast"):
        assert js[key] == py[key], (text, key)
    js_values = [decode(v) for v in js["values"]]
    py_values = [decode(v) for v in py["values"]]
    assert bits(decode(js["one"])) == bits(js_values[0]), text
    if py["exact"]:
        assert [bits(v) for v in js_values] == [bits(v) for v in py_values], text
        return 0.0
    return max(relative(a, b) for a, b in zip(js_values, py_values)) if library_values else 0.0


@needs_node
def test_the_page_decides_names_and_computes_the_table_as_python_does():
    cases = table()
    texts = [c["text"] for c in cases["accepted"] + cases["refused"]]
    got = run_node(texts)
    both = cases["accepted"] + cases["refused"]
    worst = max(compare(case["text"], case, js) for case, js in zip(both, got["answers"]))
    assert worst <= TOLERANCE, worst
    print(f"worst relative difference numpy vs node on the table's library-op values: {worst:.3g}")
    for js in got["nontext"]:
        assert (js["ok"], js["code"], js["error"]) == (False, "type", "a target must be text")


@needs_node
def test_the_page_agrees_with_python_on_fuzz_and_never_throws():
    texts = fuzz_strings(6000, seed=26)
    got = run_node(texts)["answers"]
    for text, js in zip(texts, got):
        compare(text, python_answer(text), js, library_values=False)


def library_trees() -> list[tuple[tuple, np.ndarray]]:
    """Each library operation alone, on the arguments a target on a data range may give it."""
    rng = np.random.default_rng(27)
    wide = np.concatenate([rng.uniform(-10, 10, 3000), rng.uniform(-700, 700, 1000), [0.0, 1.0, -1.0]])
    positive = np.concatenate([10.0 ** rng.uniform(-300, 300, 2000), rng.uniform(0, 10, 2000)])
    trees = [(("sin", ("x",)), wide), (("cos", ("x",)), wide), (("tanh", ("x",)), wide),
             (("exp", ("x",)), wide), (("log", ("x",)), positive)]
    trees += [(("pow", ("x",), ("num", float(b))), rng.uniform(0, 10, 300))
              for b in (0.5, 1 / 3, -0.5, 1.5, 2.5, 9.0, 10.0, -9.0, 0.1, 3.7)]
    trees += [(("pow", ("num", float(a)), ("x",)), rng.uniform(-20, 20, 300)) for a in (2.0, 0.5, 10.0, 3.0)]
    return trees


@needs_node
def test_each_library_operation_differs_from_numpy_by_at_most_the_tolerance():
    """sin cos tanh exp log and pow, numpy's against the page's on the same arguments: the worst relative
    difference is what a target written with them inherits per operation (measured here: 3.8e-16)."""
    trees = library_trees()
    got = run_node([], [(ast_to_json(tree), xs.tolist()) for tree, xs in trees])["trees"]
    worst = 0.0
    for (tree, xs), js in zip(trees, got):
        for x, a, b in zip(xs, evaluate(tree, xs), js):
            difference = relative(float(a), decode(b))
            assert difference <= TOLERANCE, (tree, x, a, b)
            worst = max(worst, difference)
    print(f"worst relative difference numpy vs node, per library operation: {worst:.3g}")


@needs_node
def test_the_pages_named_targets_limits_numbers_and_finite_checks_are_pythons():
    got = run_node([])
    assert set(got["named"]) == set(NAMED)
    for key, named in NAMED.items():
        tree = None if named.tree is None else ast_to_json(named.tree)
        assert got["named"][key] == {"expression": named.expression, "en": named.en, "zh": named.zh,
                                     "description": named.description, "tree": tree}, key
    assert got["functions"] == FUNCTIONS and got["limits"] == [MAX_LENGTH, MAX_DEPTH]
    assert set(got["library"]) == LIBRARY_OPS and not any(is_exact((op, ("x",))) for op in LIBRARY_OPS)
    assert got["fmt"] == [fmt(v) for v in NUMBERS]
    for (text, lo, hi), js in zip(FINITE, got["finite"]):
        try:
            check_finite(parse_target(text), lo, hi)
            py = None
        except TargetError as e:
            py = str(e)
        assert js == py, text


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.test_targets --write   (refill tests/target_cases.json from Python)")
    write_table()
