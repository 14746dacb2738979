"""What a network is asked to fit: a named target (`sin`, `step`, ...) or a safe expression of x (`--target`).

The text is tokenized and parsed by hand (recursive descent), never `eval`ed and never given to Python's
`ast`: only numbers, `x`, `pi`, `+ - * / ** ^`, parentheses and the functions in FUNCTIONS get through, and
everything else is refused with one line that says what and at which column. render/web/src/target_expr.js is
the same parser in JavaScript, refusing with the same words, so the lab and the command line agree on every
string (tests/target_cases.json is the shared table).

The parse is a tuple tree evaluated exactly as written, in tree order, so Python and the page do the same
IEEE operations: `+ - * /`, negation, abs, sqrt, min, max and integer powers (|n| <= 8, by repeated
multiplication: x^3 = (x*x)*x, x^-2 = 1/(x*x)) give the same bits on both sides. sin, cos, exp, log, tanh and
other powers (np.power / Math.pow) are each library's own and may differ in the last bits between numpy and
a browser (the tests bound it by 1e-12 relative).

numpy is imported inside the functions that compute: describing targets (help text, `render list`) is light.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MAX_LENGTH = 200
MAX_DEPTH = 64
#: function -> number of arguments
FUNCTIONS = {"abs": 1, "sin": 1, "cos": 1, "exp": 1, "log": 1, "sqrt": 1, "tanh": 1, "min": 2, "max": 2}
#: operations whose result is not the same IEEE operation in numpy and in a browser's Math
LIBRARY_OPS = frozenset({"sin", "cos", "exp", "log", "tanh", "pow"})
_SPACE = " \t\n\r\f\v"
_OPERAND = "a number, x, pi, a function or '('"
#: characters people paste from typeset maths, and what to type instead
_TYPESET = {"−": "-", "×": "*", "·": "*", "÷": "/", "²": "^2", "³": "^3", "π": "pi"}


@dataclass(frozen=True)
class Named:
    """A target worth a name: its expression (or a tree the grammar cannot type), how to show it, why."""

    expression: str | None
    en: str
    zh: str
    description: str
    tree: tuple | None = None  # only for targets the grammar cannot express


#: Centred on x = 1, the middle of the chapter's data range [0, 2], so each shows its shape there.
NAMED: dict[str, Named] = {
    "x^2": Named("x^2", "x²", "x²", "the chapter's target, x*x to the last bit"),
    "abs": Named("abs(x-1)", "|x−1|", "|x−1|", "a V with its kink at x = 1: two units, one each side"),
    # sin(pi x) is one whole period on [0, 2]: up, down, up. Two ReLU units make at most three pieces, one
    # of them flat (or a line with one kink), so no two-unit net follows it: it needs three units, four to
    # fit well. sin(3x) would need them too, but stops at an arbitrary phase (sin 6 = -0.28) on [0, 2].
    "sin": Named("sin(pi*x)", "sin πx", "sin πx", "one period on [0, 2], rising, falling, rising: more than "
                 "two units"),
    "x^3-x": Named("x^3-x", "x³−x", "x³−x", "a cubic, falling then rising on [0, 2]"),
    "step": Named(None, "step", "阶跃", "0 up to x = 1, then 1: a jump no continuous net makes exactly",
                  tree=("step", ("sub", ("x",), ("num", 1.0)))),
    "relu": Named("max(0, x-1)", "ReLU(x−1)", "ReLU(x−1)", "0 up to x = 1, then x - 1: one unit is enough"),
    "tent": Named("max(0, 1-2*abs(x-1))", "tent", "三角峰", "a triangle on [0.5, 1.5], peak 1 at x = 1: "
                  "exactly three units"),
    "zigzag": Named("abs(abs(2*x-2)-1)", "zigzag", "折线", "down, up, down, up between 0 and 1 on [0, 2]: "
                    "three kinks, four units to be exact (three cannot)"),
    "bump": Named("exp(-8*(x-1)^2)", "bump", "高斯峰", "a smooth Gaussian bump at x = 1 (sd 0.25)"),
}


class TargetError(ValueError):
    """A target refused: `code` is stable for tests and pages, `column` 1-based in the text as given."""

    def __init__(self, code: str, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.column = column


@dataclass(frozen=True)
class Target:
    """A parsed target: the text given (stripped), how to show it, and its tree."""

    text: str
    name: str
    name_zh: str
    ast: tuple
    key: str | None = None  # the NAMED entry, if it is one

    def fn(self, x: np.ndarray) -> np.ndarray:
        """The target at x, elementwise in float64 (a new array of x's shape)."""
        return evaluate(self.ast, x)

    def display(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name

    @property
    def exact(self) -> bool:
        """Whether Python and the page compute it with the same IEEE operations, so to the same bits."""
        return is_exact(self.ast)

    def to_json(self) -> dict[str, Any]:
        """What a page carries: the tree as nested lists (target_expr.js evaluates those) and the names."""
        return {"text": self.text, "name": self.name, "name_zh": self.name_zh, "ast": ast_to_json(self.ast)}


def parse_target(text: str) -> Target:
    """A named target or an expression of x; anything else raises TargetError (a ValueError), one line."""
    if not isinstance(text, str):
        raise TargetError("type", "a target must be text")
    stripped = text.strip(_SPACE)
    if not stripped:
        raise TargetError("empty", "empty target: give a name (x^2, abs, sin, ...) or an expression of x")
    length = len(stripped)
    if length > MAX_LENGTH:
        raise TargetError("long", f"target too long: {length} characters, at most {MAX_LENGTH}")
    named = NAMED.get(stripped)
    if named is not None:
        tree = named.tree if named.tree is not None else _Parser(named.expression).parse()
        return Target(stripped, named.en, named.zh, tree, key=stripped)
    tree = _Parser(text).parse()
    short = _short(stripped)
    return Target(stripped, short, short, tree)


def recorded_targets(expr: str | None, shown: str | None) -> list[Target]:
    """The targets a recording may name: its `--target` text (`expr`, meta's `target_expr`), then a named
    target shown as `shown` (meta's `target_name`); most specific first, texts that do not parse passed
    over. Whoever reads a file checks a candidate against its recorded curve, as exactly as it needs."""
    texts = [expr, *(key for key, named in NAMED.items() if named.en == shown)]
    out = []
    for text in texts:
        if text:
            try:
                out.append(parse_target(text))
            except ValueError:
                continue
    return out


def _short(text: str) -> str:
    """The expression as a name: whitespace runs as one space, at most 24 characters."""
    words = []
    word = ""
    for ch in text:
        if ch in _SPACE:
            if word:
                words.append(word)
            word = ""
        else:
            word += ch
    words.append(word)
    one = " ".join(w for w in words if w)
    return one if len(one) <= 24 else one[:23] + "…"


def _quote(ch: str) -> str:
    code = ord(ch)
    return f"'{ch}'" if 0x21 <= code <= 0x7E and ch != "'" else f"U+{code:04X}"


class _Token:
    __slots__ = ("kind", "text", "value", "column")

    def __init__(self, kind: str, text: str, column: int, value: float = 0.0) -> None:
        self.kind = kind  # "num", "name", "op" or "end"
        self.text = text
        self.column = column
        self.value = value


def _tokens(text: str) -> list[_Token]:
    out = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            i += 1
        elif "0" <= ch <= "9" or (ch == "." and i + 1 < n and "0" <= text[i + 1] <= "9"):
            start = i
            while i < n and "0" <= text[i] <= "9":
                i += 1
            if i < n and text[i] == ".":
                i += 1
                while i < n and "0" <= text[i] <= "9":
                    i += 1
            if i < n and text[i] in "eE":
                j = i + 1
                if j < n and text[j] in "+-":
                    j += 1
                if j < n and "0" <= text[j] <= "9":
                    while j < n and "0" <= text[j] <= "9":
                        j += 1
                    i = j
            word = text[start:i]
            value = float(word)
            if math.isinf(value):
                raise TargetError("big", f"number {word} too large at column {start + 1}", start + 1)
            out.append(_Token("num", word, start + 1, value))
        elif "a" <= ch <= "z" or "A" <= ch <= "Z" or ch == "_":
            start = i
            while i < n and ("a" <= text[i] <= "z" or "A" <= text[i] <= "Z" or text[i] == "_"
                             or "0" <= text[i] <= "9"):
                i += 1
            out.append(_Token("name", text[start:i], start + 1))
        elif ch == "*" and i + 1 < n and text[i + 1] == "*":
            out.append(_Token("op", "**", i + 1))
            i += 2
        elif ch in "+-*/^(),":
            out.append(_Token("op", ch, i + 1))
            i += 1
        else:
            hint = f" (type {_TYPESET[ch]})" if ch in _TYPESET else ""
            raise TargetError("char", f"unexpected character {_quote(ch)} at column {i + 1}{hint}", i + 1)
    end = len(text.rstrip(_SPACE)) + 1
    out.append(_Token("end", "", end))
    return out


def _describe(token: _Token) -> str:
    return "the end" if token.kind == "end" else f"'{token.text}'"


class _Parser:
    """expr: term (+|- term)*; term: unary (*|/ unary)*; unary: (-|+) unary | power;
    power: primary ((^|**) unary)?; primary: number | x | pi | f(expr, ...) | (expr)."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0
        self.depth = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.at]

    def is_op(self, *ops: str) -> bool:
        return self.token.kind == "op" and self.token.text in ops

    def fail(self, code: str, message: str, token: _Token, hint: str = "") -> TargetError:
        """`message at column N (hint)`: the what, the where, and what to write instead."""
        hint = f" ({hint})" if hint else ""
        return TargetError(code, f"{message} at column {token.column}{hint}", token.column)

    def parse(self) -> tuple:
        tree = self.expr()
        token = self.token
        if token.kind != "end":
            raise self.stray(token)
        return tree

    def stray(self, token: _Token) -> TargetError:
        """What is wrong with a token where an operator, `,` or `)` could have followed."""
        if token.kind == "op" and token.text == ")":
            return self.fail("unmatched", "unmatched ')'", token)
        if token.kind == "op" and token.text == ",":
            return self.fail("comma", "',' outside min(...) or max(...)", token)
        return self.fail("operator", f"missing operator before {_describe(token)}", token,
                         "write * to multiply")

    def expr(self) -> tuple:
        left = self.term()
        while self.is_op("+", "-"):
            op = "add" if self.token.text == "+" else "sub"
            self.at += 1
            left = (op, left, self.term())
        return left

    def term(self) -> tuple:
        left = self.unary()
        while self.is_op("*", "/"):
            op = "mul" if self.token.text == "*" else "div"
            self.at += 1
            left = (op, left, self.unary())
        return left

    def unary(self) -> tuple:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail("deep", "nested too deeply", self.token, f"at most {MAX_DEPTH} levels")
        if self.is_op("-"):
            self.at += 1
            tree = ("neg", self.unary())
        elif self.is_op("+"):
            self.at += 1
            tree = self.unary()
        else:
            tree = self.power()
        self.depth -= 1
        return tree

    def power(self) -> tuple:
        base = self.primary()
        if not self.is_op("^", "**"):
            return base
        self.at += 1
        exponent = self.unary()
        n = _small_integer(exponent)
        return ("powi", base, n) if n is not None else ("pow", base, exponent)

    def primary(self) -> tuple:
        token = self.token
        if token.kind == "num":
            self.at += 1
            return ("num", token.value)
        if token.kind == "name":
            return self.named(token)
        if self.is_op("("):
            self.at += 1
            tree = self.expr()
            self.close(token)
            return tree
        if token.kind == "end":
            raise self.fail("end", "unexpected end of the expression", token)
        raise self.fail("operand", f"expected {_OPERAND} but found {_describe(token)}", token)

    def close(self, opening: _Token) -> None:
        """The `)` that closes `opening`, or the reason it is not there."""
        if self.is_op(")"):
            self.at += 1
            return
        if self.token.kind == "end":
            raise self.fail("close", "missing ')' for the '('", opening)
        raise self.stray(self.token)

    def named(self, token: _Token) -> tuple:
        name = token.text
        self.at += 1
        if name == "x":
            return ("x",)
        if name == "pi":
            return ("pi",)
        called = self.is_op("(")
        if name in FUNCTIONS:
            if not called:
                raise self.fail("parens", f"function '{name}' without parentheses", token,
                                f"write {name}(...)")
            return self.call(token)
        if called:
            raise self.fail("function", f"unknown function '{name}'", token,
                            f"the functions are {' '.join(FUNCTIONS)}")
        if name in NAMED:
            raise self.fail("named", f"named target '{name}' inside an expression", token, "it stands alone")
        raise self.fail("name", f"unknown name '{name}'", token,
                        f"only x, pi and the functions {' '.join(FUNCTIONS)}")

    def call(self, token: _Token) -> tuple:
        opening = self.token
        self.at += 1
        args = []
        if not self.is_op(")"):
            args.append(self.expr())
            while self.is_op(","):
                self.at += 1
                args.append(self.expr())
        self.close(opening)
        want = FUNCTIONS[token.text]
        if len(args) != want:
            plural = "argument" if want == 1 else "arguments"
            raise self.fail("arity", f"{token.text}() takes {want} {plural}, not {len(args)},", token)
        return (token.text, *args)


def _small_integer(tree: tuple) -> int | None:
    """n when an exponent is written as an integer literal (or its negation) with |n| <= 8."""
    sign = 1
    if tree[0] == "neg" and tree[1][0] == "num":
        sign, tree = -1, tree[1]
    if tree[0] == "num" and float(tree[1]).is_integer() and abs(tree[1]) <= 8:
        return sign * int(tree[1])
    return None


def ast_to_json(tree: tuple) -> list:
    """The tree as nested lists (what target_expr.js builds and evaluates)."""
    return [tree[0], *(ast_to_json(a) if isinstance(a, tuple) else a for a in tree[1:])]


def is_exact(tree: tuple) -> bool:
    """Whether every operation in the tree is the same IEEE operation in numpy and in JavaScript."""
    return tree[0] not in LIBRARY_OPS and all(is_exact(a) for a in tree[1:] if isinstance(a, tuple))


def evaluate(tree: tuple, x: Any) -> np.ndarray:
    """The tree at x (float64, elementwise), operation by operation as target_expr.js does them."""
    import numpy as np

    x = np.asarray(x, dtype=np.float64)
    with np.errstate(all="ignore"):
        return np.array(_eval(tree, x), dtype=np.float64)


def _eval(tree: tuple, x: np.ndarray) -> np.ndarray:
    import numpy as np

    op = tree[0]
    if op == "x":
        return x
    if op == "num":
        return np.full(x.shape, tree[1], dtype=np.float64)
    if op == "pi":
        return np.full(x.shape, math.pi, dtype=np.float64)
    if op == "powi":
        return _powi(_eval(tree[1], x), tree[2])
    args = [_eval(a, x) for a in tree[1:]]
    if op == "neg":
        return np.negative(args[0])
    if op in _BINARY:
        return _BINARY[op](*args)
    if op == "pow":
        a, b = args
        # Math.pow is NaN where |a| == 1 and b is not finite; C's pow (numpy's) says 1 there
        return np.where((np.abs(a) == 1) & ~np.isfinite(b), np.nan, np.power(a, b))
    if op in ("min", "max"):
        a, b = args
        both_zero = (a == 0) & (b == 0)
        # Math.min/max order -0 below +0; np.minimum/maximum return the second of two equal zeros
        if op == "min":
            return np.where(both_zero, np.where(np.signbit(a), a, b), np.minimum(a, b))
        return np.where(both_zero, np.where(np.signbit(a), b, a), np.maximum(a, b))
    if op == "step":
        a = args[0]
        return np.where(a > 0, 1.0, np.where(a <= 0, 0.0, np.nan))
    return getattr(np, op)(args[0])  # abs sin cos exp log sqrt tanh (all in FUNCTIONS)


def _powi(a: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    if n == 0:
        return np.ones_like(a)
    r = a
    for _ in range(abs(n) - 1):
        r = r * a
    return r if n > 0 else 1.0 / r


_BINARY = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
           "div": lambda a, b: a / b}


def check_finite(target: Target, lo: float, hi: float) -> None:
    """Refuse (TargetError, one line) a target that is NaN or infinite somewhere on [lo, hi].

    It probes 2001 evenly spaced points, the ends included: a pole between two of them goes unseen, but
    then the training draws (also from [lo, hi]) almost surely miss it too.
    """
    import numpy as np

    xs = np.linspace(lo, hi, 2001)
    ys = target.fn(xs)
    bad = np.flatnonzero(~np.isfinite(ys))
    if bad.size:
        i = int(bad[0])
        what = "NaN" if math.isnan(ys[i]) else "infinite"
        raise TargetError("finite", f"target {target.name} is {what} at x = {fmt(xs[i])} on the data range "
                          f"[{fmt(lo)}, {fmt(hi)}]")


def fmt(v: float) -> str:
    """A number in a message, as `%.6g` writes it (target_expr.js's fmt writes the same)."""
    return f"{float(v):.6g}"
