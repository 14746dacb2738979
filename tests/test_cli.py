"""The CLI through typer's CliRunner: exit codes, one-line errors, --help with examples."""

import html
import re
from pathlib import Path

import imageio_ffmpeg
import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.record.snapshot import load_snapshot

runner = CliRunner()


def test_help_lists_commands_with_an_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("scene", "list", "record", "video"):
        assert command in result.output
    assert "Example" in result.output


@pytest.mark.parametrize("command", ["scene", "list", "record", "video"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: render" in result.output


def test_list_shows_every_builtin_scene():
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0
    for name in ("fig8", "fig7", "fig7_vs_fig8", "relu_quadratic"):
        assert name in result.output


def test_unknown_scene_is_one_line_naming_close_matches():
    result = runner.invoke(app, ["record", "fig7_vs_fig9"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "fig7_vs_fig8" in lines[0]
    assert "Traceback" not in result.output


def test_record_writes_a_loadable_snapshot(tmp_path):
    target = tmp_path / "f8.npz"
    result = runner.invoke(app, ["record", "fig8", "--steps", "200", "--every", "50", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout
    s = load_snapshot(target)
    assert s.steps.tolist() == [0, 50, 100, 150, 200]
    assert s.meta["runs"][0]["samples"] == 200


def test_scene_records_and_renders_into_out(tmp_path):
    result = runner.invoke(app, ["scene", "fig8", "--steps", "60", "--every", "20", "--quality", "low",
                                 "--format", "gif,mp4", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["fig8.gif", "fig8.mp4", "fig8.npz", "fig8.png"]
    for name in names:
        assert f"{tmp_path / name}" in result.stdout


def test_video_renders_an_existing_recording_without_retraining(tmp_path):
    snap = tmp_path / "run.npz"
    recorded = runner.invoke(app, ["record", "fig8", "--steps", "40", "--every", "20", "-o", str(snap)])
    assert recorded.exit_code == 0
    out = tmp_path / "site"
    result = runner.invoke(app, ["video", str(snap), "--format", "png", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["run.png"]


@pytest.mark.parametrize("args", [
    ["scene", "fig8", "--fps", "0"], ["scene", "fig8", "--every", "0"], ["scene", "fig8", "--steps", "0"],
    ["scene", "fig8", "--format", "avi"], ["scene", "fig8", "--size", "big"],
    ["scene", "fig8", "--activation", "Swish"], ["video", "x.npz", "--quality", "ultra"],
    ["scene", "fig8", "--preset", "warp"],
])
def test_bad_options_are_usage_errors(args, tmp_path):
    result = runner.invoke(app, args + ["--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_sweep_prints_its_success_rates_and_runs_sets_the_number_of_inits(tmp_path):
    target = tmp_path / "sweep.npz"
    result = runner.invoke(app, ["record", "relu_vs_leakyrelu", "--runs", "12", "--steps", "300",
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Relu" in result.stdout and "LeakyRelu" in result.stdout and "95% CI" in result.stdout
    assert "/12 =" in result.stdout
    assert load_snapshot(target).meta["sweep"]


def test_runs_is_refused_for_a_scene_with_fixed_runs(tmp_path):
    result = runner.invoke(app, ["record", "fig8", "--runs", "5", "-o", str(tmp_path / "x.npz")])
    assert result.exit_code == 2 and "sweep" in result.stderr


def test_encoder_and_timing_options_reach_the_render(tmp_path):
    result = runner.invoke(app, ["scene", "fig8", "--steps", "40", "--every", "10", "--quality", "low",
                                 "--format", "mp4", "--duration", "2", "--hold", "0", "--no-poster",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig8.mp4", "fig8.npz"]
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(tmp_path / "fig8.mp4"))
    assert abs(seconds - 2.0) < 0.2


def test_preset_reaches_the_x264_arguments():
    from render.encode.options import RenderOptions
    from render.encode.writers import Mp4Writer

    args = Mp4Writer(Path("x.mp4"), RenderOptions(preset="slow"), 30.0).output_args()
    assert args[args.index("-preset") + 1] == "slow"


def test_max_size_reports_what_the_gif_settled_on(tmp_path):
    result = runner.invoke(app, ["scene", "fig8", "--steps", "200", "--every", "5", "--format", "gif",
                                 "--max-size", "150kB", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "fig8.gif fits 0.15 MB at" in result.stdout
    assert (tmp_path / "fig8.gif").stat().st_size <= 150_000


def test_messages_show_square_brackets_as_written():
    """Every message passes through rich; markup in it must be shown, not eaten (it ate '[zh]' once)."""
    result = runner.invoke(app, ["scene", "fig8[zh]", "--out", "unused"])
    assert result.exit_code == 2
    assert "fig8[zh]" in result.stderr


def test_render_all_takes_every_render_option_and_passes_them_on(tmp_path, monkeypatch):
    """`render all` accepts what `render scene` accepts (it refused --lang zh once) and hands every
    given option to each scene's job and to the command the gallery shows."""
    from render.app import gallery

    seen = []

    def fake_render_all(jobs, workers, done):
        seen.extend(jobs)
        results = [gallery.Result(j.name, error="not rendered in this test") for j in jobs]
        for r in results:
            done(r)
        return results

    monkeypatch.setattr(gallery, "render_all", fake_render_all)
    valued = [("--lang", "zh"), ("--theme", "dark"), ("--duration", "4"), ("--hold", "0.5"), ("--frame", "3"),
              ("--crf", "30"), ("--preset", "fast"), ("--gif-fps", "10"), ("--gif-width", "640"),
              ("--gif-colors", "64"), ("--dither", "bayer"), ("--max-size", "2MB"), ("--quality", "low"),
              ("--size", "640x360"), ("--fps", "24"), ("--format", "gif,webm"), ("--steps", "60"),
              ("--every", "20"), ("--lr", "0.02"), ("--seed", "3"), ("--activation", "Relu")]
    switches = ["--no-loss", "--interpolate", "--no-poster"]
    given = [w for pair in valued for w in pair] + switches
    result = runner.invoke(app, ["all", "fig8", "--out", str(tmp_path), *given])
    assert result.exit_code == 1, result.output  # our fake jobs all "failed"
    (job,) = seen
    o = job.options
    assert (o.lang, o.theme, o.loss_panel, o.interpolate, o.duration, o.hold, o.poster_frame, o.poster) == \
        ("zh", "dark", False, True, 4.0, 0.5, 3, False)
    assert (o.crf, o.preset, o.gif_fps, o.gif_width, o.gif_colors, o.gif_dither, o.max_size) == \
        (30, "fast", 10.0, 640, 64, "bayer", 2_000_000)
    assert (o.quality, o.size, o.fps, o.formats) == ("low", (640, 360), 24.0, ("gif", "webm"))
    assert {k: job.training[k] for k in ("steps", "every", "lr", "seed", "activation")} == \
        {"steps": 60, "every": 20, "lr": 0.02, "seed": 3, "activation": "Relu"}
    page = (tmp_path / "index.html").read_text()
    shown = re.search(r"<pre><code>(render scene fig8 .*?)</code></pre>", page)
    words = html.unescape(shown[1]).split()
    for flag, value in valued:
        assert words[words.index(flag) + 1] == value, flag
    assert set(switches) <= set(words)


def test_loss_fn_switches_the_graphs_loss_where_the_scene_offers_it(tmp_path):
    out = tmp_path / "sq.npz"
    result = runner.invoke(app, ["record", "fig8", "--loss-fn", "squared", "--steps", "40", "-o", str(out)])
    assert result.exit_code == 0, result.output
    meta = load_snapshot(out).meta
    assert next(n["kind"] for n in meta["nodes"] if n["name"] == meta["loss"]) == "SquareLoss"
    for args, words in ((["fig8", "--loss-fn", "cubic"], "choose absolute, squared"),
                        (["adaline", "--loss-fn", "squared"], "adaline has a fixed loss")):
        bad = runner.invoke(app, ["record", *args, "-o", str(tmp_path / "no.npz")])
        assert bad.exit_code == 2 and words in bad.stderr and not (tmp_path / "no.npz").exists()
