"""`render backprop` on the command line: its help, the files it writes (named as `render scene` names a
family's), and each bad input as one line, exit 2, nothing written."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from render.app.cli import app
from render.draw.backprop_beats import beats
from render.encode.backprop_video import BEAT, HOLD
from render.record.backprop import backprop_step
from scenes import get_scene

runner = CliRunner()


def test_help_names_the_options():
    result = runner.invoke(app, ["backprop", "--help"])
    assert result.exit_code == 0
    for flag in ("--sample", "--run", "--hidden", "--target", "--data", "--format", "--lang", "--theme"):
        assert flag in result.output


@pytest.mark.parametrize("args,said", [
    (["fig7_vs_fig8", "--sample", "12000"], "sample 12000 is past the run: Fig 7"),
    (["fig8", "--sample", "-3"], "sample -3"),
    (["fig7_vs_fig8", "--run", "Fig 9"], "no run 'Fig 9'"),
    (["relu_vs_leakyrelu"], "is a sweep"),
    (["fig8", "--hidden", "0"], "--hidden '0'"),
    (["no_such_scene"], "unknown scene"),
])
def test_bad_input_is_one_line_exit_2_nothing_written(tmp_path, args, said):
    out = tmp_path / "out"
    result = runner.invoke(app, ["backprop", *args, "--out", str(out), "--format", "png"])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_gif_and_poster_of_the_whole_step(tmp_path):
    result = runner.invoke(app, ["backprop", "fig8", "--sample", "5", "--format", "gif", "--gif-fps", "5",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    gif, png = tmp_path / "fig8.backprop.gif", tmp_path / "fig8.backprop.png"
    assert sorted(p.name for p in tmp_path.iterdir()) == [gif.name, png.name]
    scene = get_scene("fig8")
    n = len(beats(backprop_step(scene, sample=5), {}))
    with Image.open(gif) as im:  # a beat a node, the whole step held at the end
        seconds = sum(im.seek(k) or im.info["duration"] for k in range(im.n_frames)) / 1000
        assert im.size[0] == 800
    assert abs(seconds - (BEAT * (n - 1) + HOLD)) < 0.5
    with Image.open(png) as poster:
        assert poster.size == (800, 450)  # a GIF alone is drawn at its own size, as render scene does
        pixels = np.asarray(poster.convert("RGB")).reshape(-1, 3)
        assert len(np.unique(pixels, axis=0)) > 50  # drawn, not blank


def test_a_family_net_is_named_as_render_scene_names_it(tmp_path):
    result = runner.invoke(app, ["backprop", "fig8", "--hidden", "3", "--sample", "2", "--format", "png",
                                 "--quality", "low", "--lang", "zh", "--theme", "dark",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["fig8-h3.backprop.png"]


def test_html_is_the_step_through_page(tmp_path):
    result = runner.invoke(app, ["backprop", "fig8", "--sample", "7", "--format", "html", "--out",
                                 str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "fig8.backprop.html").read_text()
    assert 'id="backprop"' in page
