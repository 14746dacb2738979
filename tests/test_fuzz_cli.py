"""Fuzzing the command line: random combinations of every command's options and values.

Every command and option comes from the app itself (click's view of it), so commands and options that
land later are fuzzed too. Whatever the words, the command exits 0, 1 or 2; a failure is one `error:`
line without a traceback; and a usage error (exit 2) never starts the work: training, rendering, the
check, drawing the graph and writing the lab are all replaced by a stub that notes it was called (and
stops there, so a valid combination costs nothing). What an accepted combination would render is
planned, though, and must be bounded: no frame larger than 8K, no animation longer than the options allow.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import typing
from pathlib import Path

import pytest
import typer
from fuzzing import examples, one_error_line, tally
from hypothesis import given, settings
from hypothesis import strategies as st
from render_synthetic import synthetic_snapshot
from typer.testing import CliRunner

from render.app import cli, params
from render.encode.options import DITHERS, FORMATS, LANGS, MAX_SECONDS, MAX_SIDE, QUALITY, X264_PRESETS
from render.encode.video import plan
from render.record.snapshot import save_snapshot

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: The engine's entry points the commands call once their arguments are accepted.
WORK = ["render.record.record", "render.encode.video.render_snapshot", "render.app.gallery.render_all",
        "render.record.check.check_scenes", "render.draw.graph.render_graph",
        "render.web.lab.lab_html",  # the lab builds its page first, then writes it
        "render.record.backprop.backprop_step",  # render backprop trains to its sample first
        "render.record.torch_export.torch_script"]
PATH_OPTIONS = {"--out", "--output", "-o", "--goldens", "--golden-dir", "--report"}


class WorkStarted(Exception):
    """Raised by the stubs: the command accepted its arguments and began the work."""


COMMAND = typer.main.get_command(cli.app)
started: list[str] = []
MAX_FRAMES = 120 * 2 * MAX_SECONDS  # the highest fps, for the longest motion plus the longest hold


def planned(snapshot, _stem, options, *_args, **_kwargs):
    """The render stub: what the options would make must be bounded before anything is drawn."""
    size, timeline, _ = plan(snapshot, options)
    started.append("render.encode.video.render_snapshot")
    assert max(size) <= MAX_SIDE and timeline.frames <= MAX_FRAMES, (options, size, timeline.frames)
    raise WorkStarted("render.encode.video.render_snapshot")


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A folder to run in (default outputs land there), a snapshot, a plain file; the work stubbed."""
    root = tmp_path_factory.mktemp("cli")
    snap = save_snapshot(synthetic_snapshot(n_snapshots=4), root / "snap.npz")
    (root / "plain.txt").write_text("not a snapshot\n")
    for name, text in CSV.items():
        (root / name).write_text(text)
    with pytest.MonkeyPatch.context() as mp:
        for target in WORK:
            def stub(*_args, _target=target, **_kwargs):
                started.append(_target)
                raise WorkStarted(_target)
            mp.setattr(target, planned if target.endswith("render_snapshot") else stub)
        mp.chdir(root)
        yield root, snap


# -- the words --------------------------------------------------------------------------------------

HOSTILE = ['', ' ', '-', '--', 'nan', '-nan', 'inf', '-inf', '1e309', '-1e309', '0', '-0', '-1', '1.5',
           '0x10', '1_000', '١٢', "9" * 30, '[bold]x[/]', 'a\nb', '\x00', 'é', '训练', "'", '"', '\\',
           '$(id)', '%s', '1e9', '1e6', '600', '7680', '100000', '{}', 'gif,mp4', ',', 'gif,,png', 'avi',
           'md', 'html', 'zh', 'en', 'dark', 'light', 'low', 'medium', 'high', '1280x720', '0x0', '-5x3',
           '99999x99999', '2MB', '-1MB', '1e3x720', 'w_11=0.2', 'w_11=nan', 'w_11=1,w_12', 'nope=1',
           'w_11=', '=1', 'Relu', 'LeakyRelu', 'Tanh', 'relu', 'auto', 'graphviz', 'matplotlib',
           'veryslow', 'none', 'bayer', 'sierra2_4a']
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=10).filter(lambda s: not s.startswith("/")),
)
PATHS = st.sampled_from(["out", "out/sub", "plain.txt", "plain.txt/sub", "snap.npz", "/proc", "/dev/null",
                         "", ".", "missing/x.npz", "x.npz", "out/x.xml", "-x"])
NAMES = st.one_of(
    st.sampled_from(["fig8", "fig7_vs_fig8", "relu_quadratic", "init_basin", "FIG8", "fig7_vs_fig9", "",
                     "nothing_like_it", "x.py", "missing.py:NAME", f"{EXAMPLES / 'tanh_net.py'}:tanh_net",
                     f"{EXAMPLES / 'tanh_net.py'}:nope", f"{EXAMPLES / 'tanh_net.py'}", "plain.txt:x",
                     "snap.npz", "/proc", "-"]),
    st.text(max_size=12).filter(lambda s: not s.startswith("/") and ".py" not in s),
)
FILES = st.sampled_from(["snap.npz", "plain.txt", "missing.npz", ".", "/dev/null", "", "-", "snap.npz/x"])


#: Values that are right for an option (most of the time the fuzzer gives these, so that one bad value
#: among good ones is what gets tested), by the option's name in render.app.params.
#: data files for --data, good and bad (written into the folder the commands run in)
CSV = {"good.csv": "x,y\n0,0\n1,1\n2,4\n", "empty.csv": "", "text.csv": "0,1\n1,abc\n",
       "one.csv": "1\n2\n", "nan.csv": "0,nan\n"}
KEPT = ("snap.npz", "plain.txt", *CSV)
RANGES = st.one_of(st.sampled_from(["0,2", "-1,3", "-0.5,2.5", "0,4", "2,0", "1,1", "nan,1", "0", "0,1,2",
                                    "-1e9,1", "0,inf", ",", "a,b"]),
                   st.tuples(st.floats(-10, 10), st.floats(-10, 10)).map(lambda p: f"{p[0]!r},{p[1]!r}"))
CHOICES = {
    "quality": st.sampled_from(list(QUALITY)), "theme": st.sampled_from(["light", "dark"]),
    "lang": st.sampled_from(list(LANGS)), "preset": st.sampled_from(list(X264_PRESETS)),
    "gif_dither": st.sampled_from(list(DITHERS)), "embed": st.sampled_from(["md", "html", "MD"]),
    "formats": st.lists(st.sampled_from(list(FORMATS)), min_size=1, max_size=4).map(",".join),
    "size": st.tuples(st.integers(1, 10_000), st.integers(1, 10_000)).map(lambda wh: f"{wh[0]}x{wh[1]}"),
    "max_size": st.tuples(st.integers(0, 10**6), st.sampled_from(["", "k", "MB", "MiB", "G"])).map(
        lambda v: f"{v[0]}{v[1]}"),
    "activation": st.sampled_from(["LeakyRelu", "Relu", "Sigmoid", "Tanh", "Step"]),
    "hidden": st.one_of(st.integers(1, 32).map(str), st.lists(st.integers(1, 6).map(str), min_size=1,
                                                              max_size=4).map(",".join),
                        st.sampled_from(["0", "-1", "33", "4,,4", "a", "1,1,1,1,1", "", "2", "3.0"])),
    "target": st.sampled_from(["x^2", "sin", "abs", "x^3-x", "step", "bump", "tent", "2*x+1", "pi*x",
                               "log(x)", "1/(x-1)", "sqrt(x-3)", "__import__('os')", "x.real", "lambda: 1",
                               "x[0]", "y", "x" * 201, "min(x)", "exp(1000*x)", ""]),
    "data": st.sampled_from([*CSV, "plain.txt", "snap.npz", "missing.csv", ".", "/proc", "/dev/null", ""]),
    "data_range": RANGES, "x_range": RANGES,
    "init": st.lists(st.tuples(st.sampled_from(["w_11", "w_12", "b_11", "b_21", "w_99"]),
                               st.floats(allow_nan=True, allow_infinity=True)), min_size=1, max_size=3).map(
        lambda kv: ",".join(f"{k}={v!r}" for k, v in kv)),
}
DECLARED = {flag: o for g in (params.TRAINING, params.NETWORK, params.LOOK, params.ENCODING, params.EMBED,
                                params.PREVIEW)
            for o in g.options for flag in o.flags}


def fitting_values(opt: params.Opt) -> st.SearchStrategy[str]:
    """Values of the option's own type, within its declared range, and far beyond where it has none."""
    if opt.name in CHOICES:
        return CHOICES[opt.name]
    kind = next((t for t in typing.get_args(opt.type) or (opt.type,) if t is not type(None)), str)
    lo, hi = (opt.extra or {}).get("min"), (opt.extra or {}).get("max")
    if kind is int:
        return st.integers(-5 if lo is None else lo, 10**9 if hi is None else hi).map(str)
    if kind is float:
        return st.floats(-1e12 if lo is None else lo, 1e12 if hi is None else hi).map(repr)
    return VALUES


def option_words(param) -> st.SearchStrategy[list[str]]:
    flags = list(param.opts) + list(param.secondary_opts)
    if param.is_flag:
        return st.sampled_from(flags).map(lambda f: [f])
    if set(param.opts) & PATH_OPTIONS:
        values = PATHS
    elif param.opts[0] in DECLARED:  # mostly fitting values, sometimes anything at all
        values = mostly(fitting_values(DECLARED[param.opts[0]]), VALUES)
    else:
        values = VALUES
    return st.tuples(st.sampled_from(flags), values).map(list)


def mostly(good: st.SearchStrategy, other: st.SearchStrategy) -> st.SearchStrategy:
    """`good` seven times in eight: one bad word among good ones is what finds the interesting cases."""
    return st.integers(0, 7).flatmap(lambda i: other if i == 0 else good)


def argument_words(param) -> st.SearchStrategy[list[str]]:
    words = mostly(st.just("snap.npz"), FILES) if param.name == "file" else \
        mostly(st.sampled_from(["fig8", "fig7_vs_fig8", "relu_quadratic"]), NAMES)
    if param.nargs == -1:
        return st.lists(words, max_size=3)
    return mostly(words.map(lambda w: [w]), st.just([]))  # sometimes missing


@st.composite
def argv(draw, command_name: str) -> list[str]:
    command = COMMAND.commands[command_name]
    options = [p for p in command.params if p.param_type_name == "option"]
    words: list[str] = [command_name]
    for p in command.params:
        if p.param_type_name == "argument":
            words += draw(argument_words(p))
    for p in draw(st.lists(st.sampled_from(options), max_size=6)) if options else []:
        words += draw(option_words(p))
    words += draw(mostly(st.just([]), st.sampled_from([["--bogus"], ["stray"], ["--help"], ["--out"], ["-f"],
                                                        ["--"]])))
    if draw(st.integers(0, 7)) == 0:
        words = draw(st.permutations(words))  # options before the command, arguments last, ...
    prefix = draw(mostly(st.just([]), st.sampled_from([["--debug"], ["--version"], ["--nope"]])))
    return prefix + words


# -- the checks -------------------------------------------------------------------------------------

def check_run(args: list[str], root: Path) -> None:
    started.clear()
    result = CliRunner().invoke(cli.app, args, catch_exceptions=True)
    context = f"render {' '.join(map(repr, args))}"
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        (context, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (context, result.exit_code, result.output)
    debug_trace = "--debug" in args and started  # --debug shows the stub's traceback, as asked
    if not debug_trace:
        assert "Traceback" not in result.output, (context, result.output)
    bare_help = result.exit_code == 2 and "Usage:" in result.stdout and not result.stderr  # `render` alone
    if result.exit_code != 0 and not debug_trace and not bare_help:
        line = one_error_line(result.stderr)
        if started:
            assert result.exit_code == 1 and f"WorkStarted: {started[0]}" in line, (context, line)
        else:
            assert "internal error" not in line, (context, line)
    if result.exit_code == 2:
        assert not started, (context, "a usage error started the work", started)
    for p in root.rglob("*"):  # nothing written but the folders asked for (the work is stubbed)
        assert p.is_dir() or p.name in KEPT, (context, p)
    for p in root.iterdir():
        if p.is_dir():
            shutil.rmtree(p)


COMMANDS = sorted(COMMAND.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_random_options_exit_0_1_or_2_with_one_line_and_usage_errors_start_nothing(command, place):
    root, _ = place

    @settings(max_examples=examples(60))
    @given(args=argv(command))
    def run(args):
        tally(f"cli {command}")
        check_run(args, root)

    run()


@settings(max_examples=examples(60))
@given(words=st.lists(st.one_of(st.sampled_from(COMMANDS), VALUES, st.sampled_from(
    ["--help", "--version", "--debug", "--out", "--format", "--steps"])), max_size=5))
def test_any_words_at_all(words, place):
    tally("cli any words")
    check_run(words, place[0])


def test_the_fuzzer_reaches_every_command_and_both_outcomes(place):
    """Not vacuous: valid words start the (stubbed) work, bad ones are refused before it."""
    root, snap = place
    outcomes = {}
    for command, good, bad in [
        ("scene", ["scene", "fig8", "--out", "out"], ["scene", "fig8", "--fps", "nan"]),
        ("record", ["record", "fig8", "-o", "x.npz"], ["record", "fig8", "--steps", "0"]),
        ("video", ["video", str(snap), "--out", "out"], ["video", str(snap), "--format", "avi"]),
        ("all", ["all", "fig8", "--out", "out"], ["all", "fig9"]),
        ("check", ["check", "fig8"], ["check", "fig8", "--rtol", "-1"]),
        ("graph", ["graph", "fig8", "--out", "out"], ["graph", "fig8", "--activation", "nope"]),
        ("lab", ["lab", "--out", "out"], ["lab", "--lr", "inf"]),
        ("backprop", ["backprop", "fig8", "--out", "out"], ["backprop", "fig8", "--fps", "nan"]),
        ("export", ["export", "fig8", "--torch"], ["export", "fig8"]),
    ]:
        if command not in COMMAND.commands:
            continue
        for args, expected in ((good, 1), (bad, 2)):
            started.clear()
            result = CliRunner().invoke(cli.app, args)
            outcomes[command, expected] = (result.exit_code, bool(started))
            with contextlib.suppress(FileNotFoundError):
                shutil.rmtree(root / "out")
    assert all(v == ((1, True) if k[1] == 1 else (2, False)) for k, v in outcomes.items()), outcomes
    assert {k[0] for k in outcomes} >= {"scene", "record", "video", "all", "check", "graph", "lab",
                                         "backprop", "export"}


#: What the fuzzers found, kept as plain cases: each was accepted and then hung, crashed or drew forever.
FOUND = [
    ["video", "snap.npz", "--hold", "1e9"],  # 3e10 frames: the render never ends
    ["video", "snap.npz", "--duration", "1e9"],
    ["video", "snap.npz", "--hold", "inf"],  # OverflowError: an internal error
    ["video", "snap.npz", "--duration", "inf"],
    ["video", "snap.npz", "--fps", "120", "--duration", "1e7"],
    ["video", "snap.npz", "--gif-width", "100000", "--format", "gif"],  # a 100000-pixel-wide figure
    ["scene", "fig8", "--hold", "1e9"],
    ["all", "--format", "a\nb"],  # the long run: a value with a line break made a two-line message
]


@pytest.mark.parametrize("args", FOUND, ids=" ".join)
def test_what_the_fuzzers_found_is_a_usage_error(args, place):
    started.clear()
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 2 and not started, result.output
    assert "invalid render options" in one_error_line(result.stderr)


def test_usage_errors_are_one_line_naming_the_help(place):
    for args in (["scene", "fig8", "--fps", "-5"], ["scene", "fig8", "--bogus"], ["scene"], ["nope"],
                 ["--nope"], ["video"], ["scene", "fig8", "--steps", "many"]):
        result = CliRunner().invoke(cli.app, args)
        assert result.exit_code == 2, args
        line = one_error_line(result.stderr)
        assert "--help" in line and "╭" not in line, line
    assert len(list(itertools.chain(cli.app.registered_commands))) >= 7
