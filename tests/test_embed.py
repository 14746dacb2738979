"""Blog embeds: `--embed md|html` snippets beside the outputs, and the alt text they carry."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from render.app.cli import app
from render.web.embed import COLUMN, HEIGHT_MESSAGE, PLAYER_HEIGHT, alt_text, html_snippet, markdown

runner = CliRunner()
META = {"scene": "fig7_vs_fig8", "description": "Fig 7 and Fig 8 side by side.", "activation": "LeakyRelu",
        "runs": [{"label": "Fig 7: w_11=-0.457", "samples": 12000, "lr": 0.01},
                 {"label": "Fig 8: w_11=-0.157", "samples": 12000, "lr": 0.01}],
        "panels": [{"title": "hidden linear: w·x + b"}, {"title": "output vs x²"}]}


class Tags(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_alt_text_describes_the_scene_and_its_runs():
    alt = alt_text(META)
    for piece in ("fig7_vs_fig8", "side by side", "Fig 7: w_11=-0.457", "Fig 8", "12,000 samples",
                  "lr 0.01", "LeakyRelu", "output vs x²"):
        assert piece in alt


def test_markdown_is_the_gif_with_alt_text_or_the_poster_linking_the_video():
    paths = [Path("out/a.gif"), Path("out/a.mp4"), Path("out/a.png")]
    md = markdown(paths, META)
    assert re.fullmatch(r"!\[[^\n]*\]\(a\.gif\)\n", md) and "Fig 7" in md
    assert markdown([Path("a.mp4"), Path("a.png")], META).startswith("[![")
    assert "\\[" in markdown([Path("a.gif")], {**META, "description": "a [bracket]"})


def test_html_is_a_looping_muted_video_with_sources_poster_and_gif_fallback():
    tags = Tags(html_snippet([Path("a.gif"), Path("a.mp4"), Path("a.webm"), Path("a.png")], META)).tags
    video = dict(tags)["video"]
    for flag in ("autoplay", "muted", "loop", "playsinline"):
        assert flag in video
    assert video["poster"] == "a.png"
    sources = [a for t, a in tags if t == "source"]
    assert [(s["src"], s["type"]) for s in sources] == [("a.webm", "video/webm"), ("a.mp4", "video/mp4")]
    img = dict(tags)["img"]
    assert img["src"] == "a.gif" and "Fig 8" in img["alt"]
    assert [t for t, _ in tags] == ["video", "source", "source", "img"]  # the GIF inside: the fallback
    only_gif = Tags(html_snippet([Path("a.gif")], META)).tags
    assert [t for t, _ in only_gif] == ["img"]
    with pytest.raises(ValueError):
        html_snippet([Path("a.npz")], META)


def test_scene_embed_md_writes_and_prints_the_snippet(tmp_path):
    result = runner.invoke(app, ["scene", "fig8", "--steps", "40", "--every", "20", "--quality", "low",
                                 "--format", "gif,mp4", "--gif-width", "200", "--embed", "md",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    snippet = (tmp_path / "fig8.embed.md").read_text()
    assert snippet.startswith("![Animation of fig8: Fig 8") and snippet.rstrip().endswith("(fig8.gif)")
    assert "40 samples" in snippet  # the runs as recorded, overrides included
    assert snippet.strip() in result.stdout


def test_video_embed_html_beside_the_outputs(tmp_path):
    runner.invoke(app, ["record", "fig8", "--steps", "40", "--every", "20", "-o", str(tmp_path / "f.npz")])
    result = runner.invoke(app, ["video", str(tmp_path / "f.npz"), "--quality", "low", "--format", "mp4",
                                 "--embed", "html"])
    assert result.exit_code == 0, result.output
    tags = Tags((tmp_path / "f.embed.html").read_text()).tags
    assert dict(tags)["video"]["poster"] == "f.png" and dict(tags)["source"]["src"] == "f.mp4"


def test_unknown_embed_kind_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["scene", "fig8", "--embed", "rst", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "choose md or html" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_html_with_a_player_is_the_player_in_an_iframe_whose_title_is_the_alt_text():
    paths = [Path("fig8.gif"), Path("fig8.mp4"), Path("fig8.html")]
    snippet = html_snippet(paths, META)
    note, frame = snippet.splitlines()
    assert note.startswith("<!--") and note.endswith("-->") and HEIGHT_MESSAGE in note
    assert frame.startswith('<iframe src="fig8.html"') and 'loading="lazy"' in frame
    assert f'title="{html.escape(alt_text(META), quote=True)}"' in frame


def test_the_players_frame_has_its_size_as_attributes_for_hosts_that_refuse_inline_styles():
    """width/height attributes hold where a strict CSP drops the style; the style scales the frame with
    the column at the same aspect. The heights themselves are measured in tests/test_embed_host.py."""
    for meta, kind in [({**META, "runs": META["runs"][:1]}, "runs"), (META, "runs, picker"),
                       ({**META, "kind": "sweep"}, "sweep")]:
        frame = dict(Tags(html_snippet([Path("a.html")], meta)).tags)["iframe"]
        height = PLAYER_HEIGHT[kind]
        assert (frame["width"], frame["height"], frame["frameborder"]) == (str(COLUMN), str(height), "0")
        assert f"aspect-ratio:{COLUMN}/{height}" in frame["style"] and "height:auto" in frame["style"]


def test_alt_text_names_each_parameters_learning_rate_when_they_differ():
    meta = {"scene": "adaline", "description": "d", "runs": [
        {"label": "w = 0, b = 0", "samples": 1000, "lr": 0.05, "lrs": {"w": 0.05, "b": 0.1}}]}
    assert "(1,000 samples, lr w 0.05, b 0.1)" in alt_text(meta)
