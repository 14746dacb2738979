"""`render export SCENE --torch`: a scene of the chapter's network family written out as a PyTorch script.

The script (templates/torch/*.py.txt, filled in with `string.Template`) builds the scene's network as an
`nn.Sequential` of `nn.Linear` layers and the activation in float64, copies each run's initial values in
as literals, draws the same samples (numpy's `default_rng(data_seed)`, `scenes.base.draw_samples`'s rule,
with the target's labels emitted as numpy code from its parsed tree, so they are the same bits), trains
with `torch.optim.SGD` one sample a step on the scene's loss, and records with `render.torch.TorchRecorder`.

Pure text: nothing here imports torch. A scene the script cannot carry over is refused with one line
(ValueError): a sweep, a graph outside the family, Step (torch has no module for it, and its tutorial
derivative is not torch's), rows with frozen units or a rate per parameter (SGD takes one rate a tensor),
runs of different lengths, a target given only as a Python function, more points than fit in a script.
"""

from __future__ import annotations

import math
import re
import string
import textwrap
from pathlib import Path

from ourdl import __version__
from scenes import Scene
from scenes.base import square
from scenes.network import Names, family_width
from scenes.targets import evaluate, parse_target

TEMPLATES = Path(__file__).resolve().parent / "templates" / "torch"
#: ourdl's activation -> the torch module that computes it (LeakyRelu's 0.1 is the tutorial's slope)
MODULES = {"LeakyRelu": "nn.LeakyReLU(0.1)", "Relu": "nn.ReLU()", "Sigmoid": "nn.Sigmoid()",
           "Tanh": "nn.Tanh()"}
#: the most data points a script embeds (a bigger file stays a CSV: `render record --data` reads it)
MAX_POINTS = 10_000
#: how many inputs, besides the runs' samples, a target's tree is checked against the scene's target on
TARGET_PROBES = 4096
WIDTH = 110  # the project's line length


def refusal(scene: Scene) -> str | None:
    """Why `scene` cannot be exported (one line), or None."""
    if callable(getattr(scene, "with_count", None)):
        return (f"{scene.name} is a sweep of many inits trained in lockstep; export a scene of fixed runs "
                f"(fig8, fig7_vs_fig8, ...)")
    if family_width(scene.build) is None:
        return (f"{scene.name}'s graph is not the chapter's network family (Linear layers and one activation "
                f"between them); render export writes those networks")
    if scene.activation not in MODULES:
        return (f"render export writes {', '.join(MODULES)} networks; {scene.name} uses {scene.activation}, "
                f"which torch has no module for (its tutorial derivative, 0 or -1, is not torch's)")
    if any(r.frozen for r in scene.runs):
        return (f"{scene.name} freezes units to compare widths on one graph; export one width instead "
                f"(e.g. render export fig8 --hidden 4 --torch)")
    if any(r.lrs for r in scene.runs):
        return f"{scene.name} gives parameters rates of their own; torch's SGD here takes one rate a run"
    if len({r.samples for r in scene.runs}) > 1:
        return f"{scene.name}'s runs train for different numbers of samples; give them one with --steps"
    if scene.points is not None and scene.points.count > MAX_POINTS:
        return (f"the script embeds its data points, at most {MAX_POINTS:,}; {scene.name} has "
                f"{scene.points.count:,} (render record --data trains on any number)")
    if scene.points is None and _target_code(scene) is None:
        return (f"{scene.name}'s target {scene.target_name} is a Python function; the script computes "
                f"targets of --target's grammar (e.g. --target 'x^3-x')")
    return None


def torch_script(scene: Scene, command: str, npz_name: str | None = None) -> str:
    """The PyTorch script of `scene` (see the module's docstring); `command` is what wrote it, `npz_name`
    the recording it writes when run with no arguments (default: SCENE_torch.npz). ValueError (one line)
    for a scene it cannot carry over (`refusal`)."""
    why = refusal(scene)
    if why is not None:
        raise ValueError(why)
    hidden = family_width(scene.build)
    names = Names(hidden)
    npz_name = npz_name or f"{scene.name}_torch.npz"
    total = scene.total_samples
    steps = [int(s) for s in scene.schedule.steps(total)]
    fields = {
        "title": _doc(scene.name), "description": _wrapped(_doc(scene.description)),
        "command": _doc(command), "version": __version__, "npz_name": _doc(npz_name),
        "scene": _literal(scene.name), "description_literal": _long_literal(scene.description, 14),
        "npz_literal": _literal(npz_name),
        "data_range": repr(tuple(float(v) for v in scene.data_range)),
        "x_range": repr(tuple(float(v) for v in scene.x_range)), "grid_points": str(scene.grid_points),
        "steps_comment": _comment_lines("the sample counts at which a snapshot is taken, the scene's "
                                        "schedule: " + _schedule_words(scene.schedule.describe())),
        "steps": _steps_code(steps, scene), "data": _data_section(scene), "runs": _runs_code(scene, names),
        "names_note": _comment_lines(_names_note(names)),
        "network": _network_words(hidden, scene.activation), "model": _model_code(hidden, scene.activation),
        "loss": _fill("absolute" if (scene.loss or "absolute") == "absolute" else "squared"),
    }
    return _fill("script", **fields) + "\n"


def _fill(name: str, **fields: str) -> str:
    """Template `name` filled in, without its last newline (the script spaces its parts)."""
    text = (TEMPLATES / f"{name}.py.txt").read_text(encoding="utf-8")
    return string.Template(text).substitute(fields).rstrip("\n")


def _printable(text: str) -> str:
    """`text` with anything unprintable (a newline that would end a comment) as a space."""
    return "".join(c if c.isprintable() else " " for c in str(text))


def _doc(text: str) -> str:
    """`text` safe inside the script's docstring: printable, no backslash escapes, no closing quotes."""
    return _printable(text).replace("\\", "\\\\").replace('"', '\\"')


def _literal(text: str) -> str:
    """A Python string literal of `text` (repr: exact and safe), in double quotes where it can be."""
    code = repr(str(text))
    return f'"{code[1:-1]}"' if code.startswith("'") and '"' not in text else code


def _long_literal(text: str, indent: int) -> str:
    """`_literal(text)`, or, past the line length, adjacent literals in parentheses, a line each."""
    one = _literal(text)
    if indent + len(one) <= WIDTH - 2:
        return one
    pieces, line = [], ""
    for word in re.split(r"(?<= )", str(text)):  # words with their trailing spaces: joined, the text
        if line and indent + 1 + len(_literal(line + word)) > WIDTH - 2:
            pieces.append(line)
            line = ""
        line += word
    pieces.append(line)
    return "(" + ("\n" + " " * (indent + 1)).join(map(_literal, pieces)) + ")"


def _comment_lines(text: str) -> str:
    return "\n".join(textwrap.wrap(_printable(text), WIDTH, initial_indent="# ", subsequent_indent="# "))


def _wrapped(text: str) -> str:
    return "\n".join(textwrap.wrap(text, WIDTH - 6)) or "(no description)"


def _schedule_words(schedule: dict) -> str:
    if schedule["kind"] == "linear":
        words = f"every {schedule['every']} samples"
    else:
        words = f"{schedule['frames']} snapshots, dense early: total·u^{schedule['power']:g} for u in [0, 1]"
    marks = schedule.get("marks") or []
    return words + (f", and at {', '.join(map(str, marks))}" if marks else "")


def _steps_code(steps: list[int], scene: Scene) -> str:
    every = scene.schedule.every
    if scene.schedule.kind == "linear" and steps == list(range(0, steps[-1] + 1, every)):
        return f"list(range(0, {steps[-1]} + 1, {every}))"
    return _listing(steps, indent=0)


def _listing(values: list, indent: int) -> str:
    """A list literal of numbers, or of lists of numbers, for a line indented by `indent`, wrapped at the
    line length (rows that fit packed as numbers are, a longer row on lines of its own); numbers as
    `repr` writes them, which reads back exactly."""
    nested = bool(values) and isinstance(values[0], list)
    items = [_listing(v, indent + 4) if nested else repr(v) for v in values]
    if indent + 2 + sum(len(i) + 2 for i in items) <= WIDTH:
        return "[" + ", ".join(items) + "]"
    inner = " " * (indent + 4)
    if any("\n" in i for i in items):
        lines = [inner + i + "," for i in items]
    else:
        lines, line = [], ""
        for i in items:
            if line and len(inner) + len(line) + len(i) + 2 > WIDTH:
                lines.append(inner + line.rstrip())
                line = ""
            line += i + ", "
        lines.append(inner + line.rstrip(", "))
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


# -- the target -----------------------------------------------------------------------------------------

#: binding strength of an emitted expression: sums, products, a negation, an atom (name, call, parens)
_SUM, _PRODUCT, _NEGATION, _ATOM = 1, 2, 3, 4
_INFIX = {"add": (" + ", _SUM), "sub": (" - ", _SUM), "mul": (" * ", _PRODUCT), "div": (" / ", _PRODUCT)}
_CALLS = {"abs": "np.abs", "sin": "np.sin", "cos": "np.cos", "exp": "np.exp", "log": "np.log",
          "sqrt": "np.sqrt", "tanh": "np.tanh", "min": "np.minimum", "max": "np.maximum", "pow": "np.power"}


def numpy_code(tree: tuple) -> str:
    """numpy code of x computing a target's tree (scenes.targets) with the same IEEE operations in the same
    order as `scenes.targets.evaluate`: integer powers as repeated products (x^3 is `x * x * x`), every
    operation written where the tree has it. Two differences, neither a label's value: min/max of +0 and
    -0 may give the other zero (evaluate orders them as JavaScript does), and a pow of ±1 to an infinite
    exponent is 1, not NaN (a target is finite on the data range)."""
    code, _ = _emit(tree)
    return code if _has_x(tree) else f"np.full_like(x, {code})"


def _has_x(tree: tuple) -> bool:
    return tree[0] == "x" or any(_has_x(a) for a in tree[1:] if isinstance(a, tuple))


def _wrap(code: str, strength: int, least: int) -> str:
    return code if strength >= least else f"({code})"


def _emit(tree: tuple) -> tuple[str, int]:
    """(code, its binding strength) of a tree."""
    op = tree[0]
    if op == "x":
        return "x", _ATOM
    if op == "pi":
        return "np.pi", _ATOM
    if op == "num":
        value = float(tree[1])
        return (repr(value) if math.isfinite(value) else "np.inf"), _ATOM
    if op == "neg":
        code, strength = _emit(tree[1])
        return "-" + _wrap(code, strength, _ATOM if strength == _NEGATION else _NEGATION), _NEGATION
    if op in _INFIX:
        sign, strength = _INFIX[op]
        (left, ls), (right, rs) = _emit(tree[1]), _emit(tree[2])
        # left to right, as the tree nests: a right operand of the same strength keeps its parentheses
        return _wrap(left, ls, strength) + sign + _wrap(right, rs, strength + 1), strength
    if op == "powi":
        base, strength = _emit(tree[1])
        n = tree[2]
        if n == 0:
            return "np.ones_like(x)", _ATOM
        if n == 1:
            return base, strength
        product = " * ".join([_wrap(base, strength, _ATOM)] * abs(n))
        if n > 0:
            return product, _PRODUCT
        return "1.0 / " + (product if n == -1 else f"({product})"), _PRODUCT
    if op == "step":
        code, _ = _emit(tree[1])
        return f"np.where({code} > 0, 1.0, 0.0)", _ATOM
    args = [_emit(a)[0] for a in tree[1:]]
    if op == "pow":
        # a constant base or exponent as an array, as evaluate has it: numpy's power takes a scalar
        # exponent of 0.5 as a square root, which is not always the same bits
        args = [a if _has_x(t) else f"np.full_like(x, {a})" for a, t in zip(args, tree[1:])]
    return f"{_CALLS[op]}({', '.join(args)})", _ATOM


def _target_code(scene: Scene) -> tuple[str, str, str] | None:
    """(the target's text for TorchRecorder, its name, numpy code of x) when the scene's target is x² or a
    --target expression that gives exactly the scene's labels; else None."""
    import numpy as np

    if scene.target is square:
        return "x^2", scene.target_name, "x * x"
    text = getattr(scene, "target_expr", None)
    if not text:
        return None
    try:
        tree = parse_target(text)
    except ValueError:
        return None
    probe = np.concatenate([scene.grid(), np.random.default_rng(0).uniform(*scene.data_range, TARGET_PROBES),
                            *(np.random.default_rng(r.data_seed).uniform(*scene.data_range, r.samples)
                              for r in scene.runs)])
    with np.errstate(all="ignore"):
        if not np.array_equal(evaluate(tree.ast, probe), np.asarray(scene.target(probe), dtype=float),
                              equal_nan=True):
            return None
    return tree.text, tree.name, numpy_code(tree.ast)


def _data_section(scene: Scene) -> str:
    if scene.points is not None:
        rows = [[float(x), float(y)] for x, y in scene.points.xy]
        return _fill("points", count=f"{len(rows):,}", source=_printable(scene.points.name),
                     points=_listing(rows, indent=len("POINTS = np.array(")))
    text, name, code = _target_code(scene)
    return _fill("target", target_name=_doc(name), target_text=_literal(text), expression=code)


# -- the network and its runs ----------------------------------------------------------------------------


def _widths(hidden: tuple[int, ...]) -> list[int]:
    return [1, *hidden, 1]


def _model_code(hidden: tuple[int, ...], activation: str) -> str:
    widths = _widths(hidden)
    parts = []
    for i, (a, b) in enumerate(zip(widths, widths[1:])):
        parts.append(f"nn.Linear({a}, {b})")
        if i < len(hidden):
            parts.append(MODULES[activation])
    one_line = f"nn.Sequential({', '.join(parts)})"
    if len(one_line) + 12 <= WIDTH:
        return one_line
    return "nn.Sequential(\n" + "".join(f"        {p},\n" for p in parts) + "    )"


def _network_words(hidden: tuple[int, ...], activation: str) -> str:
    layers = " then ".join(f"{h} unit{'s' if h > 1 else ''}" for h in hidden)
    return f"1 input, {layers} of {activation}, 1 output."


def _names(names: list[str]) -> str:
    return ", ".join(names) if len(names) <= 4 else f"{names[0]} … {names[-1]}"


def _names_note(names: Names) -> str:
    """Where ourdl's parameter names sit in the layers (the family's names: scenes/network.py)."""
    first, last = names.weights(1), names.weights(names.out_layer)
    note = (f"ourdl's {_names(first)} are the first layer's weight, one row each; {_names(last)} the output "
            f"layer's, one column each")
    if len(names.hidden) > 1:
        note += "; in between, w_l_j_i (into unit j from unit i of layer l − 1) is layer l's weight[j-1, i-1]"
    return note + "; each b is its unit's bias."


def _runs_code(scene: Scene, names: Names) -> str:
    """The RUNS literal: each run's label, rate, samples, data seed and initial values, layer by layer."""
    params = names.params()
    widths = _widths(names.hidden)
    out = ["["]
    for run in scene.runs:
        init = run.initial_values(params)
        out.append(f'    {{"label": {_long_literal(run.label, 14)},')
        out.append(f'     "lr": {float(run.lr)!r}, "samples": {run.samples}, "data_seed": {run.data_seed},')
        out.append('     "init": [')
        for layer in range(1, names.out_layer + 1):
            fan_out, fan_in = widths[layer], widths[layer - 1]
            ws, bs = names.weights(layer), names.biases(layer)
            weight = [[init[ws[j * fan_in + i]] for i in range(fan_in)] for j in range(fan_out)]
            bias = [init[b] for b in bs]
            out.append(f"         ({_listing(weight, 9)},  # {_names(ws)}")
            out.append(f"          {_listing(bias, 10)}),  # {_names(bs)}")
        out.append("     ]},")
    out.append("]")
    return "\n".join(out)
