"""Every output takes a TorchRecorder's recording: `render video` (GIF, MP4, PNG), the player (an
ourdl-equivalent Sequential recomputed by the page exactly, a hooked model's curves embedded; a GELU
model's recomputed too: tests/test_player_torch_ops.py), `render check
FILE --goldens DIR` and `show(rec)`. The recordings are examples/torch_loop.py's own run (the example is
run as a user runs it), a 1-4-1 GELU net and a model recorded by hooks, each a few hundred updates.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest

torch = pytest.importorskip("torch")
from torch import nn  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from render import animation, show  # noqa: E402
from render.app.cli import app  # noqa: E402
from render.record.snapshot import load_snapshot  # noqa: E402
from render.torch import TorchRecorder  # noqa: E402
from render.web import player_html  # noqa: E402
from render.web.player_data import computable  # noqa: E402
from scenes.network import build_network  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def fit(model, updates=300, seed=0, **kwargs) -> TorchRecorder:
    """x² on [0, 2] by Adam on batches of 8, recorded."""
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    rec = TorchRecorder(model, target="x^2", loss="absolute", **kwargs)
    for _ in range(updates):
        x = 2 * torch.rand(8, 1, generator=gen)
        loss = (model(x) - x * x).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        rec.step(loss)
    return rec


class Skip(nn.Module):
    """Not a Sequential: recorded by hooks."""

    def __init__(self):
        super().__init__()
        self.hidden, self.act, self.out = nn.Linear(1, 5), nn.ELU(), nn.Linear(5, 1)

    def forward(self, x):
        return self.out(self.act(self.hidden(x))) + 0.5 * x


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("torch_outputs")


@pytest.fixture(scope="module")
def example(folder) -> Path:
    """examples/torch_loop.py run as a user runs it (its argument: where to write)."""
    path = folder / "torch_run.npz"
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "torch_loop.py"), str(path)],
                         capture_output=True, text=True, cwd=folder, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"wrote {path}"
    return path


@pytest.fixture(scope="module")
def gelu(folder) -> Path:
    torch.manual_seed(0)
    rec = fit(nn.Sequential(nn.Linear(1, 4), nn.GELU(), nn.Linear(4, 1)), every=20, name="gelu_fit")
    return rec.save(folder / "gelu_fit.npz")


@pytest.fixture(scope="module")
def hooked(folder) -> Path:
    torch.manual_seed(0)
    return fit(Skip(), updates=100, every=20, grid_points=101).save(folder / "skip.npz")


def test_the_example_records_the_chapters_network_and_fits(example):
    snap = load_snapshot(example)
    meta = snap.meta
    assert meta["scene"] == "torch_run" or meta["scene"] == "torch_loop"
    assert meta["params"] == ["w_11", "w_12", "b_11", "b_12", "w_21", "w_22", "b_21"]
    assert computable(meta) and meta["activation"] == "LeakyRelu" and meta["torch"]["dtype"] == "float32"
    assert meta["target_name"] == "x²" and meta["runs"][0]["lr"] == 0.02
    assert snap.eval_loss[0, 0] > 1.0 and snap.eval_loss[0, -1] < 0.15  # from ~1.3 to a fit of x²


@pytest.mark.parametrize("which", ["example", "gelu", "hooked"])
def test_render_video_writes_the_gif_mp4_and_poster(request, folder, which):
    path = request.getfixturevalue(which)
    out = folder / f"video_{which}"
    result = runner.invoke(app, ["video", str(path), "--format", "gif,mp4,png", "--quality", "low",
                                 "--duration", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    stem = path.stem
    assert iio.imread(out / f"{stem}.png").shape[:2] == (480, 854)
    assert len(list(iio.imiter(out / f"{stem}.gif"))) > 10
    assert len(list(iio.imiter(out / f"{stem}.mp4", plugin="FFMPEG"))) > 10


def test_the_player_recomputes_a_family_recording_exactly(browser, example, folder):
    from test_player import js_curves, page_data

    snap = load_snapshot(example)  # its curves are stored to 53 bits of each curve's largest value
    data = page_data(player_html(snap))
    assert data["graph"] is not None and data["curves"] is None  # parameters only: the page computes
    got = js_curves(browser, snap, folder)
    # the truth: ourdl's live graph of the chapter's network, from the recorded parameters
    net = build_network((2,), "LeakyRelu", "absolute")
    nodes = [n for n in net.graph.nodes if n.parents]
    assert [n.name for n in nodes] == snap.node_names
    for s, params in enumerate(snap.params[0]):
        for p, v in zip(net.params, params.tolist()):
            p.set_value(v)
        net.graph.clear()
        net.x.set_value(snap.grid)
        net.label.set_value(snap.target)
        assert np.array_equal(got[0, s], [n.forward() for n in nodes]), f"snapshot {s}: not bit for bit"
    np.testing.assert_allclose(got, snap.curves, rtol=0, atol=1e-14)


@pytest.mark.parametrize("which, node", [("hooked", "act.3")])
def test_the_player_embeds_curves_it_cannot_compute(browser, request, folder, which, node):
    from test_player import PLAYER, open_page, page_data

    snap = load_snapshot(request.getfixturevalue(which))
    text = player_html(snap)
    data = page_data(text)
    assert data["graph"] is None and data["params"] is None and node in data["curveNodes"]
    page = folder / f"{which}.html"
    page.write_text(text)
    with open_page(browser, page) as tab:
        for s in (0, len(snap.steps) - 1):
            values = tab.evaluate(f"Array.from({PLAYER}.drawn(0, {s})[{node!r}])")
            np.testing.assert_array_equal(np.float32(values), snap.curve(0, node)[s].astype(np.float32))
        assert tab.errors() == []


def test_render_check_compares_a_recording_file_with_its_golden(folder, gelu):
    goldens = folder / "goldens"
    args = ["check", str(gelu), "--goldens", str(goldens)]
    missing = runner.invoke(app, args)
    assert missing.exit_code == 1 and "no golden" in missing.output
    assert runner.invoke(app, [*args, "--update"]).exit_code == 0
    assert (goldens / "gelu_fit.npz").is_file()
    same = runner.invoke(app, args)
    assert same.exit_code == 0 and "match" in same.output
    # the same loop from another init: the check names the first differing parameter at step 0
    torch.manual_seed(1)
    other = fit(nn.Sequential(nn.Linear(1, 4), nn.GELU(), nn.Linear(4, 1)), every=20, name="gelu_fit")
    (folder / "changed").mkdir()
    changed = other.save(folder / "changed" / "gelu_fit.npz")
    result = runner.invoke(app, ["check", str(changed), "--goldens", str(goldens)])
    assert result.exit_code == 1 and "differs" in result.output
    assert "param w_11: first differs at step 0" in result.output
    no_dir = runner.invoke(app, ["check", str(gelu)])
    assert no_dir.exit_code == 2 and "--goldens DIR" in no_dir.output


def test_show_and_animation_take_the_recorder(tmp_path):
    torch.manual_seed(2)
    rec = fit(nn.Sequential(nn.Linear(1, 2), nn.Tanh(), nn.Linear(2, 1)), updates=40, every=10)
    page = show(rec, mode="video", quality="low")._repr_html_()
    assert page.startswith("<video") and "data:video/mp4;base64," in page
    gif = tmp_path / "rec.gif"
    animation(rec, size=(320, 180), fps=5, duration=1, hold=0).save(gif, writer="pillow")
    assert iio.improps(gif).shape[1:3] == (180, 320)
