"""`render lab --from FILE.npz` opens the lab on a recording's network and its runs' initial values.

For an ourdl recording (`render record`) and a TorchRecorder recording, the page opened in headless Chromium
has the recording's widths, activation, loss, target or points, rate, samples, data seed and initial
values; for the ourdl one, the run the page trains ends on the recording's own last parameters (the lab
trains as ourdl does, bit for bit). What the lab cannot train is one line, exit 2, nothing written.
"""

from __future__ import annotations

import numpy as np
import pytest
from headless_chromium import page_url
from typer.testing import CliRunner

from render.app.cli import app
from render.record import load_snapshot

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def lab_from(tmp_path, npz) -> str:
    out = tmp_path / "page"
    result = invoke("lab", "--from", str(npz), "--out", str(out))
    assert result.exit_code == 0, result.output
    return page_url(out / "lab.html")


def opened_state(browser, url) -> dict:
    tab = browser.open(url, width=1280, height=1400)
    tab.wait_for("window.lab && window.lab.firstFrame !== undefined")
    tab.key("End")
    state = tab.evaluate("JSON.parse(JSON.stringify(window.lab.state()))")
    assert tab.errors() == [] and [r for r in tab.requests() if r != url] == []  # no network
    return state


def test_an_ourdl_recording_opens_as_recorded_and_trains_to_its_end(browser, tmp_path):
    npz = tmp_path / "rec.npz"
    result = invoke("record", "fig8", "--hidden", "3", "--target", "sin", "--steps", "400", "--lr", "0.02",
                    "--seed", "5", "-o", str(npz))
    assert result.exit_code == 0, result.output
    snap = load_snapshot(npz)
    state = opened_state(browser, lab_from(tmp_path, npz))
    s = state["settings"]
    assert s["hidden"] == [3] and s["target"] == "sin" and s["activation"] == "LeakyRelu"
    assert s["loss"] == "absolute" and s["lr"] == 0.02 and s["samples"] == 400 and s["dataSeed"] == 5
    assert s["init"] == dict(zip(snap.meta["params"], snap.params[0, 0].tolist()))
    assert state["step"] == 400
    assert state["params"] == snap.params[0, -1].tolist()  # the page's training is ourdl's, bit for bit


def test_a_two_run_recording_opens_on_its_first_run_with_the_map(browser, tmp_path):
    npz = tmp_path / "f78.npz"
    assert invoke("record", "fig7_vs_fig8", "--steps", "300", "-o", str(npz)).exit_code == 0
    snap = load_snapshot(npz)
    state = opened_state(browser, lab_from(tmp_path, npz))
    assert state["settings"]["init"] == dict(zip(snap.meta["params"], snap.params[0, 0].tolist()))  # Fig 7
    assert state["settings"]["hidden"] in (None, [2])
    assert state["map"]


def test_points_come_with_the_recording(browser, tmp_path):
    csv = tmp_path / "pts.csv"
    xy = np.column_stack([np.linspace(0, 2, 9), np.cos(np.linspace(0, 2, 9))]).round(3)
    csv.write_text("x,y\n" + "\n".join(f"{x},{y}" for x, y in xy), encoding="utf-8")
    npz = tmp_path / "pts.npz"
    assert invoke("record", "fig8", "--hidden", "2", "--data", str(csv), "--steps", "200", "-o",
                  str(npz)).exit_code == 0
    state = opened_state(browser, lab_from(tmp_path, npz))
    assert state["settings"]["points"] == xy.tolist()
    assert state["params"] == load_snapshot(npz).params[0, -1].tolist()


def torch_recording(path, act, hidden: int, **kw):
    torch = pytest.importorskip("torch")
    from render.torch import TorchRecorder

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(1, hidden), act, torch.nn.Linear(hidden, 1)).double()
    first = [p.detach().clone() for p in model.parameters()]
    opt = torch.optim.SGD(model.parameters(), lr=0.02)
    rec = TorchRecorder(model, data_range=(0, 2), target="x^3-x", every=10, lr=0.02, data_seed=3, **kw)
    g = torch.Generator().manual_seed(3)
    for _ in range(60):
        x = torch.rand(1, 1, generator=g, dtype=torch.float64) * 2
        opt.zero_grad()
        loss = ((model(x) - (x**3 - x)) ** 2).sum()
        loss.backward()
        opt.step()
        rec.step(loss)
    rec.save(path)
    return first


def test_a_torch_recording_opens_on_its_network_and_start(browser, tmp_path):
    torch = pytest.importorskip("torch")
    npz = tmp_path / "tanh.npz"
    first = torch_recording(npz, torch.nn.Tanh(), 4, loss="squared")
    s = opened_state(browser, lab_from(tmp_path, npz))["settings"]
    assert s["hidden"] == [4] and s["activation"] == "Tanh" and s["loss"] == "squared"
    assert s["target"] == "x^3-x" and s["lr"] == 0.02 and s["dataSeed"] == 3 and s["samples"] == 60
    w1, b1, w2, b2 = (t.reshape(-1).tolist() for t in first)
    names = [f"w_1{j}" for j in range(1, 5)] + [f"b_1{j}" for j in range(1, 5)]
    names += [f"w_2{j}" for j in range(1, 5)] + ["b_21"]
    assert s["init"] == dict(zip(names, w1 + b1 + w2 + b2))


def refused(tmp_path, *args: str) -> str:
    out = tmp_path / "refused"
    result = invoke("lab", *args, "--out", str(out))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert not out.exists()
    return lines[0]


def test_what_the_lab_cannot_train_is_one_line(tmp_path):
    torch = pytest.importorskip("torch")
    torch_recording(tmp_path / "gelu.npz", torch.nn.GELU(), 3)
    assert "the lab trains LeakyRelu, Relu, Sigmoid, Tanh and Step; this recording's GELU" in refused(
        tmp_path, "--from", str(tmp_path / "gelu.npz"))
    torch_recording(tmp_path / "wide.npz", torch.nn.Tanh(), 20)
    assert "1 to 16 units a layer" in refused(tmp_path, "--from", str(tmp_path / "wide.npz"))


def test_other_recordings_and_options_are_refused(tmp_path):
    ada = tmp_path / "ada.npz"
    assert invoke("record", "adaline", "--steps", "40", "-o", str(ada)).exit_code == 0
    assert "chapter's family" in refused(tmp_path, "--from", str(ada))
    sweep = tmp_path / "sweep.npz"
    result = invoke("record", "relu_vs_leakyrelu", "--runs", "4", "--steps", "20", "-o", str(sweep))
    assert result.exit_code == 0, result.output
    assert "sweep" in refused(tmp_path, "--from", str(sweep))
    assert "no such file" in refused(tmp_path, "--from", str(tmp_path / "missing.npz"))
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    assert "junk.npz" in refused(tmp_path, "--from", str(tmp_path / "junk.npz"))
    for option in (["--scene", "fig8"], ["--hidden", "3"], ["--target", "sin"], ["--lr", "0.1"]):
        assert "--from opens the recording's network" in refused(tmp_path, "--from", str(ada), *option)
