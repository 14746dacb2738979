"""The HTML player against its goals (issue 11), in headless Chromium on this machine.

  size:        fig7_vs_fig8.html <= 300 KB and <= 0.3x its GIF (the default GIF, rendered here);
  first frame: <= 300 ms from navigation start to the first drawn frame (the page's own
               performance.now() clock, whose zero is navigation start; also shown: the load event);
  scrub:       a redraw <= 8 ms median (performance.now() around `seek`, every snapshot in turn; and the
               same with a getImageData(1 px) after it, which waits for the canvas to be rasterised);
  exactness:   the curves the page computes equal the recorded ones to <= 1e-9 at every snapshot of
               every built-in scene, recorded in full (the test suite checks the goldens); for a sweep,
               its named runs, each with its own activation;
  explorer:    init_basin's page <= 2 MB; its first frame (after inflating the map bytes); a click on
               a cell trains it in the page: how long, and whether it ends at the sweep's own parameters.

    python benchmarks/player_speed.py             # every scene in full: about a minute
    python benchmarks/player_speed.py --quick     # fig7_vs_fig8 only, no GIF (size against the last figure)
"""

from __future__ import annotations

import argparse
import base64
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from headless_chromium import Chromium, page_url  # noqa: E402

from render.record import record  # noqa: E402
from render.web import write_player  # noqa: E402
from scenes import get_scene, list_scenes  # noqa: E402

PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"

TIMING = """(() => {
  const p = PLAYER, c = p.controls, nav = performance.getEntriesByType('navigation')[0];
  // performance.now() ticks in 0.1 ms steps here (no cross-origin isolation): time whole sweeps of
  // seeks for the mean, and single seeks only with the flush, which takes longer than a tick
  const plain = [], flushed = [], ctx = p.canvas.getContext('2d');
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    for (let i = 0; i < p.S; i++) c.seek(i === c.index ? (i + 1) % p.S : i, false);
    plain.push((performance.now() - t0) / p.S);
  }
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < p.S; i++) {
      const t0 = performance.now(); c.seek(i === c.index ? (i + 1) % p.S : i, false);
      ctx.getImageData(0, 0, 1, 1);
      flushed.push(performance.now() - t0);
    }
  }
  const med = (a) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]; };
  const p95 = (a) => { const b = [...a].sort((x, y) => x - y); return b[Math.floor(b.length * 0.95)]; };
  return {first: p.firstFrame, load: nav.loadEventEnd, n: flushed.length, mean: med(plain),
          flushed: med(flushed), flushed95: p95(flushed), width: p.W, dpr: p.dpr};
})()""".replace("PLAYER", PLAYER)

CURVES = """(async () => {
  const p = PLAYER;
  await p.ready;
  const n = p.curves(0, 0).length, out = new Float64Array(p.R * p.S * n);
  for (let r = 0; r < p.R; r++) for (let s = 0; s < p.S; s++) out.set(p.curves(r, s), (r * p.S + s) * n);
  const b = new Uint8Array(out.buffer); let str = '';
  for (let i = 0; i < b.length; i += 32768) str += String.fromCharCode.apply(null, b.subarray(i, i + 32768));
  return btoa(str);
})()""".replace("PLAYER", PLAYER)


def gif_bytes(snapshot, folder: Path) -> int:
    from render.encode.options import RenderOptions
    from render.encode.video import render_snapshot

    (gif,) = render_snapshot(snapshot, folder / "gif", RenderOptions(formats=("gif",), poster=False))
    return gif.stat().st_size


def open_player(browser, path: Path, width: int):
    tab = browser.open(page_url(path), width=width, height=int(width * 0.75))
    tab.wait_for(f"{PLAYER} && {PLAYER}.firstFrame !== undefined")
    return tab


def exactness(browser, snapshot, folder: Path) -> float:
    path = write_player(snapshot, folder / "exact.html")
    with open_player(browser, path, 1000) as tab:
        got = np.frombuffer(base64.b64decode(tab.evaluate(CURVES, timeout=120)), "<f8")
    want = snapshot.curves  # a sweep's: its named runs'
    got = got.reshape(want.shape)
    same_nan = np.array_equal(np.isnan(got), np.isnan(want))
    with np.errstate(invalid="ignore"):
        diff = np.nanmax(np.abs(got - want) / np.maximum(1.0, np.abs(want)))
    return float(diff) if same_nan else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fig7_vs_fig8 only; no GIF, no other scenes")
    ap.add_argument("--width", type=int, default=1000, help="viewport width in CSS pixels (default 1000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ourdl-player-bench-") as tmp, Chromium() as browser:
        folder = Path(tmp)
        t0 = time.perf_counter()
        snap = record(get_scene("fig7_vs_fig8"))
        print(f"recorded fig7_vs_fig8 in {time.perf_counter() - t0:.1f} s: {len(snap.steps)} snapshots")
        t0 = time.perf_counter()
        page = write_player(snap, folder / "fig7_vs_fig8.html")
        build = time.perf_counter() - t0
        size = page.stat().st_size
        line = f"size: fig7_vs_fig8.html {size / 1000:.1f} kB (goal <= 300 kB), built in {build * 1e3:.0f} ms"
        if not args.quick:
            gif = gif_bytes(snap, folder)
            line += f"; GIF {gif / 1000:.0f} kB -> {size / gif:.2f}x the GIF (goal <= 0.3x)"
        print(line)
        firsts, medians, flushed = [], [], []
        for _ in range(5):
            with open_player(browser, page, args.width) as tab:
                t = tab.evaluate(TIMING)
                assert tab.errors() == [], tab.errors()
            firsts.append(t["first"])
            medians.append(t["mean"])
            flushed.append(t["flushed"])
        print(f"first frame: {statistics.median(firsts):.0f} ms after navigation start (median of 5; "
              f"load event at {t['load']:.0f} ms) (goal <= 300 ms)")
        print(f"scrub redraw: {statistics.median(medians):.3f} ms a seek (mean over all snapshots); "
              f"waiting for the pixels (getImageData) median {statistics.median(flushed):.2f} ms, "
              f"p95 {t['flushed95']:.2f} ms over {t['n']} seeks; at {t['width']:.0f} CSS px, dpr {t['dpr']} "
              "(goal <= 8 ms median)")
        scenes = list_scenes() if not args.quick else []
        worst = exactness(browser, snap, folder)
        print(f"exactness: fig7_vs_fig8 max |js - recorded| / max(1, |recorded|) = {worst:.3g}")
        for scene in scenes:
            if scene.name == "fig7_vs_fig8":
                continue
            t0 = time.perf_counter()
            s = record(scene)
            took = time.perf_counter() - t0
            diff = exactness(browser, s, folder)
            worst = max(worst, diff)
            print(f"exactness: {scene.name} ({len(s.steps)} snapshots x {s.curves.shape[0]} runs, "
                  f"recorded in {took:.1f} s) {diff:.3g}")
            if scene.name == "init_basin":
                explorer(browser, s, folder)
            elif s.kind == "sweep":
                size = write_player(s, folder / f"{scene.name}.html").stat().st_size
                print(f"size: {scene.name}.html {size / 1000:.0f} kB")
        print(f"exactness: worst {worst:.3g} (goal <= 1e-9)")


def explorer(browser, snapshot, folder: Path) -> None:
    """init_basin's page: its size, first frame, and a click on the Fig 7 cell, trained in the page."""
    page = write_player(snapshot, folder / "init_basin.html")
    firsts = []
    for _ in range(3):
        with open_player(browser, page, 1000) as tab:
            tab.evaluate(f"{PLAYER}.ready")
            firsts.append(tab.evaluate(f"{PLAYER}.firstFrame"))
    inits = snapshot.meta["sweep"]["inits"]
    nx = int(inits["x"][2])
    xs, ys = np.linspace(*inits["x"][:2], nx), np.linspace(*inits["y"][:2], int(inits["y"][2]))
    i, j = int(np.argmin(np.abs(xs + 0.4571950013426796))), int(np.argmin(np.abs(ys + 0.4070365984042347)))
    with open_player(browser, page, 1000) as tab:
        tab.evaluate(f"{PLAYER}.ready")
        times = [tab.evaluate(f"{PLAYER}.select({i}, {j}, 0, false).ms") for _ in range(3)]
        last = f"(p => Array.from(p.clicked.params.subarray((p.S - 1) * p.P)))({PLAYER})"
        final = np.array(tab.evaluate(last))
    same = np.array_equal(final, snapshot.extra["sweep_final"][0, j * nx + i])
    print(f"explorer: init_basin.html {page.stat().st_size / 1e6:.2f} MB (goal <= 2 MB); first frame "
          f"{statistics.median(firsts):.0f} ms after navigation start; a click trains cell ({i}, {j}) "
          f"({snapshot.meta['sweep']['samples']:,} samples, {len(snapshot.steps)} snapshots) in "
          f"{min(times):.0f}-{max(times):.0f} ms; its final parameters equal the sweep's: {same}")


if __name__ == "__main__":
    main()
