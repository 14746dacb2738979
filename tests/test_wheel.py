"""The package as a user gets it: `python -m build`, the wheel installed into a fresh venv, every command
run from an empty folder, and the files the package opens at run time held against the wheel's list.

Why: an editable install reads everything from the checkout, so a data file the wheel lacks (goldens, page
assets), a stale entry point or a path into the source tree passes every other test and fails for users.

The build, the venv (dependencies from pip's index, no `--system-site-packages`: the wheel's own files must
be complete) and the smoke take about a minute, so they run in CI (`CI=true`, which .ci/run sets) or with
OURDL_WHEEL_SMOKE=1. The package-data and version checks at the top are instant and always run.
A new command fails `test_every_command_is_in_the_smoke` until it gets a line in `smoke_steps`.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import tomllib
from typer.testing import CliRunner

import ourdl
from render.app.cli import app

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("ourdl", "render", "scenes")
TINY = ["--steps", "60", "--every", "20", "--quality", "low"]  # a tiny configuration: 4 snapshots

HEAVY = os.environ.get("CI", "").lower() == "true" or os.environ.get("OURDL_WHEEL_SMOKE") == "1"
heavy = pytest.mark.skipif(not HEAVY, reason="builds and installs the wheel (~1 min): runs in CI "
                                             "(CI=true) or with OURDL_WHEEL_SMOKE=1")


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def source_files() -> list[str]:
    """The packages' files in the checkout (git's list when there is one, so scratch files don't count)."""
    try:
        out = subprocess.run(["git", "ls-files", "--", *PACKAGES], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.split()
        out = [f for f in out if (REPO / f).is_file()]  # tracked but deleted in the working tree
    except (OSError, subprocess.CalledProcessError):
        out = [p.relative_to(REPO).as_posix() for d in PACKAGES for p in (REPO / d).rglob("*") if p.is_file()]
    # render/web/src: the JavaScript the committed bundles in render/web/assets are built from (sdist only)
    return sorted(f for f in out if "__pycache__" not in f and not f.endswith(".pyc")
                  and not f.startswith("render/web/src/"))


def owning_package(path: str) -> str:
    """The dotted name of the deepest package (a folder with __init__.py) that holds `path`."""
    parts = Path(path).parent.parts
    while parts and not (REPO.joinpath(*parts) / "__init__.py").exists():
        parts = parts[:-1]
    return ".".join(parts)


# -- instant: declarations ----------------------------------------------------------------------------


def test_every_data_file_in_the_packages_is_declared_package_data():
    """Each non-.py file in ourdl/, render/, scenes/ matches a [tool.setuptools.package-data] glob, the
    way setuptools expands it; else the wheel silently lacks it."""
    declared = pyproject()["tool"]["setuptools"].get("package-data", {})
    data = [f for f in source_files() if not f.endswith(".py")]
    assert data, "no data files found: the goldens and page assets should be here"
    missing = []
    for f in data:
        package = owning_package(f)
        root = REPO.joinpath(*package.split("."))
        patterns = declared.get(package, []) + declared.get("*", []) + declared.get("", [])
        matched = {(root / m).relative_to(REPO).as_posix()
                   for p in patterns for m in glob.glob(p, root_dir=root, recursive=True)}
        if f not in matched:
            missing.append(f"{f} (package {package}: {patterns or 'no globs'})")
    assert not missing, "not in the wheel; add a glob to [tool.setuptools.package-data]:\n" + "\n".join(
        missing)


def test_the_version_is_defined_once_and_printed_by_render_version():
    project = pyproject()
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ourdl.__version__"}
    assigned = [f for f in source_files() if f.endswith(".py")
                and re.search(r"^__version__\s*=", (REPO / f).read_text(encoding="utf-8"), re.M)]
    assert assigned == ["ourdl/__init__.py"]
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+|(a|b|rc)\d+)?", ourdl.__version__)
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"ourdl-render {ourdl.__version__}"


def test_the_entry_point_names_a_function_that_exists():
    module, _, name = pyproject()["project"]["scripts"]["render"].partition(":")
    assert callable(getattr(__import__(module, fromlist=[name]), name))


# -- built and installed -------------------------------------------------------------------------------

#: Records every file a Python process of the venv opens or lists (path, mode, flags) into the file
#: named by OURDL_OPEN_LOG; test scaffolding written into the venv, not part of the wheel.
SITECUSTOMIZE = '''\
import os, sys
_log = os.environ.get("OURDL_OPEN_LOG")
if _log:
    _fd = os.open(_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    def _hook(event, args):
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
            path = os.path.abspath(os.fsdecode(args[0]))
            mode = args[1] if event == "open" and isinstance(args[1], str) else ""
            flags = args[2] if event == "open" and isinstance(args[2], int) else 0
            line = "\\t".join((event, path, mode, str(flags))) + "\\n"
            os.write(_fd, line.encode("utf-8", "surrogateescape"))

    sys.addaudithook(_hook)
'''


@dataclass
class Venv:
    root: Path
    site: Path
    env: dict[str, str]
    info: dict = field(default_factory=dict)  # what the installed package says about itself

    def bin(self, name: str) -> str:
        return str(self.root / "bin" / name)

    def run(self, argv: list[str], cwd: Path, timeout: float = 300,
            log: Path | None = None) -> subprocess.CompletedProcess:
        """Run `argv` in the venv; with `log`, its Python processes record every file they open there."""
        env = {**self.env, "OURDL_OPEN_LOG": str(log)} if log else self.env
        return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


@dataclass
class Built:
    wheel: Path
    sdist: Path
    seconds: float


def _check(proc: subprocess.CompletedProcess, what: str) -> None:
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        pytest.fail(f"{what} failed (exit {proc.returncode}):\n{tail}")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """`python -m build`: the sdist, then the wheel built from the sdist (so the sdist is complete too)."""
    out = tmp_path_factory.mktemp("dist")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    _check(proc, "python -m build")
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    seconds = time.perf_counter() - t0
    print(f"\npython -m build: {seconds:.1f} s; {wheels[0].name} {wheels[0].stat().st_size / 1e3:.0f} kB, "
          f"{sdists[0].name} {sdists[0].stat().st_size / 1e3:.0f} kB")
    return Built(wheels[0], sdists[0], seconds)


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> Venv:
    """A fresh venv with the wheel and its zh extra installed by pip, as a user does."""
    root, t0 = tmp_path_factory.mktemp("venv"), time.perf_counter()
    _check(subprocess.run([sys.executable, "-m", "venv", str(root)], capture_output=True, text=True,
                          timeout=300), "python -m venv")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env.update(VIRTUAL_ENV=str(root), PATH=f"{root / 'bin'}{os.pathsep}{env.get('PATH', '')}",
               MPLBACKEND="Agg", PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONNOUSERSITE="1")
    v = Venv(root, Path(), env)
    pip = [v.bin("python"), "-m", "pip", "install", "-q", f"{built.wheel}[zh]"]
    _check(v.run(pip, cwd=root, timeout=900), "pip install of the wheel")
    v.site = Path(v.run([v.bin("python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                        cwd=root).stdout.strip())
    (v.site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    probe = ("import json, typer, ourdl, render, scenes\n"
             "from render.app.cli import app\n"
             "from render.encode.options import FORMATS, RenderOptions\n"
             "print(json.dumps({'version': ourdl.__version__, 'formats': list(FORMATS),\n"
             "  'default_formats': list(RenderOptions().formats),\n"
             "  'scenes': [s.name for s in scenes.list_scenes()],\n"
             "  'commands': sorted(typer.main.get_command(app).commands),\n"
             "  'files': [m.__file__ for m in (ourdl, render, scenes)]}))")
    proc = v.run([v.bin("python"), "-c", probe], cwd=root)
    _check(proc, "importing the installed package")
    v.info = json.loads(proc.stdout)
    print(f"\nvenv with the wheel[zh] and its dependencies: {time.perf_counter() - t0:.1f} s")
    return v


@dataclass
class Step:
    name: str
    argv: list[str]
    files: list[str] = field(default_factory=list)  # outputs that must exist, non-empty
    says: str = ""  # a regular expression stdout must match
    fails: str = ""  # when set: must exit non-zero with one line on stderr matching this expression

    @property
    def command(self) -> str | None:
        """The `render` subcommand this step runs (None for `--version` and for plain Python)."""
        args = self.argv[1:]
        if Path(self.argv[0]).name != "render":
            if args[:2] != ["-m", "render"]:
                return None
            args = args[2:]
        words = [w for w in args if not w.startswith("-")]
        return words[0] if words else None


STEPS = ["render --version", "python -m render --version", "list", "record", "video, every format",
         "scene, default formats", "scene, every format", "scene --lang zh (the zh extra's font)",
         "scene from the README's example file", "player page with data and surface panels (panels.js)",
         "player page of a map sweep (its explorer)", "player page of a width sweep (its own player)",
         "the README's own loop (Recorder)",
         "video of the own loop's recording", "lab", "graph", "backprop (its page and poster)",
         "export --torch (the script's template)", "export --torch of points, squared loss (their templates)",
         "check (goldens from the wheel)",
         "check --update refuses inside the installed package",
         "check --update --goldens <the installed goldens> refuses too", "all"]


def smoke_steps(v: Venv) -> list[Step]:
    """Every command of the README, in the order a user meets them, each on a tiny configuration."""
    render, version = v.bin("render"), re.escape(v.info["version"])
    formats, defaults = v.info["formats"], v.info["default_formats"]
    n_scenes = len(v.info["scenes"])
    return [
        Step("render --version", [render, "--version"], says=rf"^ourdl-render {version}$"),
        Step("python -m render --version", [v.bin("python"), "-m", "render", "--version"],
             says=rf"^ourdl-render {version}$"),
        Step("list", [render, "list"], says="fig7_vs_fig8"),
        Step("record", [render, "record", "fig8", "--steps", "60", "--every", "20", "-o", "fig8.npz"],
             files=["fig8.npz"]),
        Step("video, every format", [render, "video", "fig8.npz", "--quality", "low", "--format",
                                     ",".join(formats), "--out", "video"],
             files=[f"video/fig8.{f}" for f in formats]),
        Step("scene, default formats", [render, "scene", "fig7_vs_fig8", *TINY],
             files=[f"output/fig7_vs_fig8.{f}" for f in [*defaults, "npz"]]),
        Step("scene, every format", [render, "scene", "fig8", *TINY, "--format", ",".join(formats),
                                     "--out", "formats"],
             files=[f"formats/fig8.{f}" for f in [*formats, "npz"]]),
        Step("scene --lang zh (the zh extra's font)", [render, "scene", "fig8", *TINY, "--lang", "zh",
                                                        "--format", "png", "--out", "zh"],
             files=["zh/fig8.png"]),
        Step("scene from the README's example file", [render, "scene", "tanh_net.py:tanh_net", *TINY,
                                                      "--format", "png", "--out", "own"],
             files=["own/tanh_net.png"]),
        Step("player page with data and surface panels (panels.js)", [render, "scene", "adaline", *TINY,
                                                                       "--format", "html", "--out", "panels"],
             files=["panels/adaline.html"]),
        Step("player page of a map sweep (its explorer)", [render, "scene", "init_basin", *TINY,
                                                            "--format", "html", "--out", "map"],
             files=["map/init_basin.html"]),
        Step("player page of a width sweep (its own player)", [render, "scene", "width_sweep", *TINY,
                                                               "--format", "html", "--out", "widths"],
             files=["widths/width_sweep.html"]),
        Step("the README's own loop (Recorder)", [v.bin("python"), "own_loop.py"], files=["my_run.npz"]),
        Step("video of the own loop's recording", [render, "video", "my_run.npz", "--quality", "low",
                                                   "--format", "png", "--out", "own"],
             files=["own/my_run.png"]),
        Step("lab", [render, "lab", "--out", "lab"], files=["lab/lab.html"]),
        Step("graph", [render, "graph", "fig8"], files=["output/fig8.graph.png", "output/fig8.graph.svg"]),
        Step("backprop (its page and poster)", [render, "backprop", "fig8", "--sample", "10", "--format",
                                                 "html,png", "--out", "bp"],
             files=["bp/fig8.backprop.html", "bp/fig8.backprop.png"]),
        Step("export --torch (the script's template)",
             [render, "export", "fig8", "--torch", "-o", "fig8_torch.py"],
             files=["fig8_torch.py"]),
        Step("export --torch of points, squared loss (their templates)",
             [render, "export", "fig8", "--torch", "--data", "pts.csv", "--loss-fn", "squared", "-o",
              "pts_torch.py"], files=["pts_torch.py"]),
        Step("check (goldens from the wheel)", [render, "check"],
             says=rf"all {n_scenes} scenes match their goldens"),
        Step("check --update refuses inside the installed package", [render, "check", "--update", "fig8"],
             fails="--goldens"),
        Step("check --update --goldens <the installed goldens> refuses too",
             [render, "check", "--update", "fig8", "--goldens", str(v.site / "render/record/goldens")],
             fails="never rewritten"),
        # a run scene and a sweep through the worker processes (the gallery test renders every scene)
        Step("all", [render, "all", "fig8", "relu_vs_leakyrelu", *TINY, "--out", "gallery"],
             files=["gallery/index.html", *[f"gallery/{s}.{f}" for s in ("fig8", "relu_vs_leakyrelu")
                                            for f in defaults]]),
    ]


@dataclass
class Ran:
    step: Step
    proc: subprocess.CompletedProcess
    seconds: float
    log: Path

    def opened(self) -> list[tuple[str, str, str, int]]:
        """(event, absolute path, mode, flags) of every file its Python processes opened or listed."""
        if not self.log.exists():
            return []
        rows = [line.split("\t") for line in self.log.read_text(encoding="utf-8").splitlines()]
        return [(e, p, m, int(f)) for e, p, m, f in rows]


def package_files(site: Path) -> dict[str, str]:
    """Every installed file of our packages (no bytecode), relative to site-packages, with its hash."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for d in PACKAGES for p in sorted((site / d).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def smoke(venv, tmp_path_factory) -> dict:
    """Run every step in an empty folder (where the source tree is not importable) and time it."""
    work, logs = tmp_path_factory.mktemp("empty"), tmp_path_factory.mktemp("opened")
    for example in ("tanh_net.py", "own_loop.py"):  # as a user who downloaded the README's examples
        shutil.copy(REPO / "examples" / example, work)
    (work / "pts.csv").write_text("x,y\n0,0\n0.5,0.25\n1,1\n1.5,2.25\n2,4\n", encoding="utf-8")
    before = package_files(venv.site)
    t0 = time.perf_counter()
    ran = {}
    steps = smoke_steps(venv)
    assert [s.name for s in steps] == STEPS
    for i, step in enumerate(steps):
        s0, log = time.perf_counter(), logs / f"{i:02d}.log"
        ran[step.name] = Ran(step, venv.run(step.argv, cwd=work, log=log), time.perf_counter() - s0, log)
    seconds = time.perf_counter() - t0
    print(f"\nwheel smoke: {seconds:.1f} s for {len(ran)} steps in {work}")
    for r in ran.values():
        words = " ".join([Path(r.step.argv[0]).name, *r.step.argv[1:]])
        print(f"  {r.seconds:5.1f} s  exit {r.proc.returncode}  {words}")
    return {"work": work, "ran": ran, "seconds": seconds, "before": before, "after": package_files(venv.site)}


def wheel_names(built: Built) -> list[str]:
    with zipfile.ZipFile(built.wheel) as z:
        return z.namelist()


@heavy
def test_the_wheel_holds_every_module_and_data_file_and_nothing_else(built):
    names = wheel_names(built)
    ours = {n for n in names if n.split("/")[0] in PACKAGES}
    assert not set(source_files()) - ours, "in the checkout but not in the wheel"
    assert all((REPO / n).is_file() for n in ours)  # (a working tree may add untracked files; CI's doesn't)
    dist_info = {n.split("/")[0] for n in names} - set(PACKAGES)
    assert len(dist_info) == 1 and dist_info.pop().endswith(".dist-info")  # no tests/, docs/, ... at top
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


@heavy
def test_the_wheel_metadata_is_what_an_index_shows(built):
    with zipfile.ZipFile(built.wheel) as z:
        meta = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
        entry = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/entry_points.txt"))).decode()
    headers, _, body = meta.partition("\n\n")
    fields = defaultdict(list)
    for line in headers.splitlines():
        key, _, value = line.partition(": ")
        fields[key].append(value)
    assert fields["Version"] == [ourdl.__version__]
    assert fields["Summary"] and fields["Keywords"] and len(fields["Classifier"]) >= 5
    assert fields["Description-Content-Type"] == ["text/markdown"]
    assert fields["License-Expression"] == ["MIT"] and fields["License-File"] == ["LICENSE"]
    assert any(u.endswith("https://github.com/flying-forever/OurDL") for u in fields["Project-URL"])
    assert {"zh", "test"} <= set(fields["Provides-Extra"])
    assert body.strip() == (REPO / "README.md").read_text(encoding="utf-8").strip()
    for name, target in pyproject()["project"]["scripts"].items():
        assert f"{name} = {target}" in entry.splitlines()


@heavy
def test_the_sdist_carries_the_licence_readme_examples_and_tests(built):
    import tarfile

    with tarfile.open(built.sdist) as t:
        names = {n.partition("/")[2] for n in t.getnames()}
    for needed in ("LICENSE", "README.md", "pyproject.toml", "examples/tanh_net.py", "tests/test_wheel.py",
                   "docs/snapshot-format.md", "render/record/goldens/fig8.npz"):
        assert needed in names


@heavy
def test_the_installed_package_is_the_one_imported(venv):
    for f in venv.info["files"]:
        assert Path(f).is_relative_to(venv.site), f"{f} imported from outside the venv"
    assert venv.info["version"] == ourdl.__version__


@heavy
def test_every_command_is_in_the_smoke(venv):
    smoked = {s.command for s in smoke_steps(venv)}
    missing = sorted(set(venv.info["commands"]) - smoked)
    assert not missing, f"commands without a wheel smoke step (add one to smoke_steps): {missing}"


@heavy
@pytest.mark.parametrize("name", STEPS)
def test_each_command_runs_from_the_installed_wheel(smoke, name):
    r = smoke["ran"][name]
    out, err = r.proc.stdout, r.proc.stderr
    assert "Traceback" not in out + err, err
    if r.step.fails:
        assert r.proc.returncode != 0, out
        assert len(err.strip().splitlines()) == 1 and re.search(r.step.fails, err), err
    else:
        assert r.proc.returncode == 0, f"exit {r.proc.returncode}:\n{out}\n{err}"
    if r.step.says:
        assert re.search(r.step.says, out, re.M), out
    for f in r.step.files:
        path = smoke["work"] / f
        assert path.is_file() and path.stat().st_size > 0, f"{f} missing after `{name}`"


def _inside(path: str, site: Path) -> bool:
    return any(Path(path).is_relative_to(site / d) for d in PACKAGES)


def _opened(smoke: dict) -> list[tuple[str, str, str, int]]:
    return [row for r in smoke["ran"].values() for row in r.opened()]


@heavy
def test_nothing_writes_inside_the_installed_package(smoke, venv):
    assert smoke["after"] == smoke["before"]
    writing = os.O_WRONLY | os.O_RDWR
    writes = [p for event, p, mode, flags in _opened(smoke) if event == "open" and _inside(p, venv.site)
              and "__pycache__" not in p and (set(mode) & set("wax+") or flags & writing)]
    assert not writes


@heavy
def test_what_the_package_opens_at_run_time_is_in_the_wheel_and_nothing_is_read_from_the_checkout(
        smoke, venv, built):
    """Every data file a step opened inside the install is a wheel file, and every data file of the wheel
    (goldens, page assets) was opened by some step; no step read anything of the source checkout."""
    opened = _opened(smoke)
    assert opened, "the audit hook recorded nothing"
    data = sorted({Path(p).relative_to(venv.site).as_posix() for _, p, _, _ in opened
                   if _inside(p, venv.site) and not p.endswith((".py", ".pyc")) and Path(p).suffix})
    in_wheel = set(wheel_names(built))
    assert not [d for d in data if d not in in_wheel], "opened at run time but not in the wheel"
    assert any(d.startswith("render/record/goldens/") for d in data)  # `render check` read the wheel's
    from_checkout = sorted({p for _, p, _, _ in opened if Path(p).is_relative_to(REPO)})
    assert not from_checkout, f"the installed package read the source tree: {from_checkout[:5]}"
    unused = sorted(n for n in in_wheel if n.split("/")[0] in PACKAGES and not n.endswith(".py")
                    and n not in data)
    print("\nnon-.py files of the wheel opened at run time:", *data, sep="\n  ")
    assert not unused, ("shipped in the wheel but no smoke step opened them: add a step in smoke_steps "
                        f"that loads them, or stop shipping them: {unused}")


@heavy
def test_the_zh_step_registers_a_cjk_font_from_outside_matplotlib(smoke):
    """`--lang zh` opened a font file that is not one of matplotlib's own (the zh extra's, or a system
    CJK font): the wheel's font registration found it."""
    fonts = sorted({p for _, p, _, _ in smoke["ran"]["scene --lang zh (the zh extra's font)"].opened()
                    if p.lower().endswith((".ttf", ".otf", ".ttc")) and "mpl-data" not in Path(p).parts})
    print("\nfonts --lang zh opened besides matplotlib's:", *fonts, sep="\n  ")
    assert fonts
