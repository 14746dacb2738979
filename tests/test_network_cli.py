"""`--hidden`, `--target`, `--data`, `--data-range`, `--x-range` on the command line: what they record, the
names of what they write, and every bad input of issue 25 as one line, exit 2, nothing written."""

from __future__ import annotations

import html
import re
import shlex

import pytest
from typer.testing import CliRunner

import scenes.points as points_module
from render.app.cli import app
from render.record import load_snapshot

runner = CliRunner()
BAD_CSV = {"empty.csv": "", "one.csv": "1\n2\n", "text.csv": "0,1\n1,abc\n", "nan.csv": "0,1\n1,nan\n",
           "many.csv": "0,0\n1,1\n2,2\n3,3\n"}


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A folder to run in, with CSV files good and bad; MAX_ROWS lowered to 3 so many.csv is too many."""
    for name, text in BAD_CSV.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "good.csv").write_text("x,y\n0,0\n0.5,0.3\n2,0.2\n")
    (tmp_path / "folder.csv").mkdir()
    monkeypatch.setattr(points_module, "MAX_ROWS", 3)
    monkeypatch.chdir(tmp_path)
    return tmp_path


BAD = [
    (["--hidden", "0"], "--hidden '0'"), (["--hidden", "-1"], "--hidden '-1'"),
    (["--hidden", "33"], "1 to 32 units"), (["--hidden", "4,,4"], "N or N,M"),
    (["--hidden", "a"], "N or N,M"), (["--hidden", "1,1,1,1,1"], "1 to 4"),
    (["--target", "__import__('os')"], "--target"), (["--target", "x.real"], "--target"),
    (["--target", "log(x)"], "NaN or infinite"), (["--target", "1/(x-1)"], "infinite"),
    (["--target", "x" * 201], "too long"),
    (["--data", "empty.csv"], "holds no points"), (["--data", "one.csv"], "1 column"),
    (["--data", "text.csv"], "'abc' is not a number"), (["--data", "nan.csv"], "NaN or infinite"),
    (["--data", "many.csv"], "more than 3 points"), (["--data", "missing.csv"], "no such file"),
    (["--data", "folder.csv"], "is a folder"),
    (["--data-range", "2,0"], "LO < HI"), (["--data-range", "nan,1"], "LO < HI"),
    (["--data-range", "0"], "LO,HI"), (["--x-range", "0,1"], "must hold the data range"),
    (["--x-range", "-1e9,1"], "within"),
    (["--data", "good.csv", "--target", "sin"], "give one of them"),
    (["--data", "good.csv", "--data-range", "0,1"], "--data-range and --data"),
]


@pytest.mark.parametrize("args, words", BAD, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
@pytest.mark.parametrize("command", ["record", "scene"])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(here, command, args, words):
    before = sorted(p.name for p in here.iterdir())
    result = runner.invoke(app, [command, "fig8", *args])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], result.stderr
    assert sorted(p.name for p in here.iterdir()) == before  # no output/ folder, no file


@pytest.mark.parametrize("args, words", [
    (["graph", "fig8", "--hidden", "33"], "1 to 32"),
    (["all", "fig8", "--data", "missing.csv"], "no such file"),
    (["record", "adaline", "--hidden", "3"], "not the chapter's network"),
    (["record", "relu_vs_leakyrelu", "--hidden", "3,3"], "sweeps one hidden layer"),
    (["scene", "init_basin", "--hidden", "2,2"], "sweeps one hidden layer"),
    (["record", "init_basin", "--hidden", "1"], "has no w_12"),
    (["all", "--hidden", "3"], "compares widths itself"),  # the first scene that refuses: width
])
def test_other_commands_and_scenes_refuse_too(here, args, words):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (here / "output").exists()


def test_a_sweep_records_another_width(here):
    """Issue 25's "the sweep explorer works for them": a sweep of 3 units records, under its own name, with
    the fitting modes for 3 units."""
    result = runner.invoke(app, ["record", "relu_vs_leakyrelu", "--hidden", "3", "--runs", "50", "--steps",
                                 "200", "-o", "x.npz"])
    assert result.exit_code == 0, result.output
    snap = load_snapshot(here / "x.npz")
    sweep = snap.meta["sweep"]
    assert sweep["count"] == 50 and snap.meta["params"][:3] == ["w_11", "w_12", "w_13"]
    assert sweep["modes"][3] == "some units off" and "some units off" in result.output
    assert snap.extra["sweep_init"].shape == (50, 10)


def test_a_changed_scene_is_written_under_its_own_name(here):
    result = runner.invoke(app, ["record", "fig8", "--hidden", "3", "--target", "sin", "--steps", "40",
                                 "--every", "20"])
    assert result.exit_code == 0, result.output
    written = [p.name for p in (here / "output").iterdir()]
    assert written == ["fig8-h3-t-sin.npz"]
    snap = load_snapshot(here / "output" / written[0])
    assert snap.meta["scene"] == "fig8-h3-t-sin" and snap.meta["target_expr"] == "sin"
    assert snap.meta["params"][:3] == ["w_11", "w_12", "w_13"] and snap.meta["panels"][-1]["kind"] == "sum"
    result = runner.invoke(app, ["record", "fig8", "--data", "good.csv", "--hidden", "12", "--steps", "40"])
    assert result.exit_code == 0, result.output
    snap = load_snapshot(here / "output" / "fig8-h12-d-good.npz")
    assert snap.meta["points"] == [[0, 0], [0.5, 0.3], [2, 0.2]] and snap.meta["data_range"] == [0, 2]
    assert snap.meta["params"][0] == "w_1_1"


def test_init_and_seed_reach_the_new_units(here):
    def first(*args):
        out = here / "one.npz"
        result = runner.invoke(app, ["record", "fig8", "--hidden", "3", "--steps", "10", "-o", str(out),
                                     *args])
        assert result.exit_code == 0, result.output
        return load_snapshot(out).meta["runs"][0]

    plain, seeded, set_ = first(), first("--seed", "5"), first("--init", "w_13=0.25")
    assert plain["init_seed"] == 0 and seeded["init_seed"] == 5
    assert plain["init"]["w_11"] == seeded["init"]["w_11"] and plain["init"]["w_13"] != seeded["init"]["w_13"]
    assert set_["init"] == {**plain["init"], "w_13": 0.25}


def test_hidden_2_is_the_plain_chapter_byte_for_byte(here):
    for args, name in ((["--hidden", "2"], "a.npz"), ([], "b.npz"), (["--data-range", "0,2"], "c.npz")):
        result = runner.invoke(app, ["record", "fig8", "--steps", "200", "-o", name, *args])
        assert result.exit_code == 0, result.output
    assert (here / "a.npz").read_bytes() == (here / "b.npz").read_bytes() == (here / "c.npz").read_bytes()


def test_all_passes_the_network_options_to_every_job_and_to_the_gallerys_command(here, monkeypatch):
    from render.app import gallery

    seen = []

    def fake_render_all(jobs, workers, done):
        seen.extend(jobs)
        results = [gallery.Result(j.name, error="not rendered in this test") for j in jobs]
        for r in results:
            done(r)
        return results

    monkeypatch.setattr(gallery, "render_all", fake_render_all)
    given = ["--hidden", "3,3", "--target", "x^3-x", "--x-range", "-1,3"]
    result = runner.invoke(app, ["all", "fig8", "fig7", "--out", "site", *given])
    assert result.exit_code == 1, result.output  # the fake jobs all "failed"
    assert [j.training["hidden"] for j in seen] == ["3,3", "3,3"]
    assert seen[0].training["target"] == "x^3-x" and seen[0].training["x_range"] == "-1,3"
    page = (here / "site" / "index.html").read_text()
    shown = shlex.split(html.unescape(re.search(r"<pre><code>(render scene fig8 .*?)</code></pre>", page)[1]))
    for flag, value in zip(given[::2], given[1::2]):
        assert shown[shown.index(flag) + 1] == value


def test_init_names_any_parameter_of_the_network_and_a_big_one_is_listed_short(here):
    out = here / "one.npz"
    result = runner.invoke(app, ["record", "fig8", "--hidden", "3,3", "--init", "w_2_3_1=0.5",
                                 "--steps", "10", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_snapshot(out).meta["runs"][0]["init"]["w_2_3_1"] == 0.5
    result = runner.invoke(app, ["record", "fig8", "--hidden", "32", "--init", "w_99=1", "-o", str(out)])
    assert result.exit_code == 2 and "; 97 in all)" in result.stderr, result.stderr
    assert len(result.stderr) < 400
