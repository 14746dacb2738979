"""The sweep player's data (assets/sweep.js): a sweep snapshot as the video's figure, scrubbable, plus
an explorer for map sweeps (`init_basin`): hover a cell for its init and outcome, click it to train that
init in the page and play its training.

What the page gets, and why:
- the per-snapshot summaries the figure animates (loss histograms, mode counts, fitted shares) as they
  are in the file, small;
- the named runs' parameters (float64) and the graph, so their curves are recomputed exactly;
- a map sweep's per-cell, per-snapshot state as bytes, deflated (the browser inflates them with its own
  DecompressionStream): the fitting mode with a "fitted" bit, and the evaluation loss as a log-scale
  code (254 levels over 0.003 .. 30, 3.7% apart) that only shades the cell's colour. The exact final loss
  and mode of every cell come as float64/int8 for the hover readout. 81 x 81 cells x 119 snapshots:
  ~0.45 MB of page instead of ~4 MB of float32;
- no parameters per cell: a clicked cell is re-trained in the page by the lab's exact engine
  (assets/random.js, assets/train.js: numpy's PCG64 stream and the tutorial's per-sample SGD, bit for
  bit), at every snapshot of the scene's schedule, in a few milliseconds. Its start is the cell's exact
  init (from `sweep_init`), its data the sweep's shared stream and its learning rates the sweep's (one per
  parameter: `sweep_rates`), so its final parameters equal `sweep_final` (tested).
"""

from __future__ import annotations

import dataclasses
import math
import zlib

import numpy as np

from render.draw.base import DESIGN_WIDTH, FONT, LINE, SMALL
from render.draw.grid import MIN_PANEL, MIN_TEXT_PX
from render.draw.limits import RULE
from render.draw.sweep_figure import (
    MODE_COLORS,
    MODE_NAMES_ZH,
    Narrow,
    SweepHeader,
    group_limits,
    map_title,
    rate_limits,
    subscript,
)
from render.draw.sweep_map import MapLayout
from render.draw.sweep_seeded import SeededLayout, hist_limits, modes_limits
from render.draw.text import STRINGS, run_label
from render.record.snapshot import Snapshot
from render.web.build import b64
from render.web.player_data import base_player_data, computable
from render.web.strings import UI

#: the loss code's range (log-spaced); code 254 is "not finite"
CODE_RANGE = (0.003, 30.0)
CODE_LEVELS = 253


def loss_codes(loss: np.ndarray) -> np.ndarray:
    """uint8 codes of log(loss) over CODE_RANGE (0 .. 253), 254 where the loss is not finite."""
    lo, hi = np.log10(CODE_RANGE[0]), np.log10(CODE_RANGE[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        code = np.round((np.log10(np.clip(loss, *CODE_RANGE)) - lo) / (hi - lo) * CODE_LEVELS)
    out = np.where(np.isfinite(loss), code, 254)
    return out.astype(np.uint8)


def deflated(array: np.ndarray) -> str:
    """zlib (RFC 1950) of the array's bytes, as base64: DecompressionStream("deflate") reads it."""
    import base64

    return base64.b64encode(zlib.compress(np.ascontiguousarray(array).tobytes(), 9)).decode("ascii")


#: the panels across a seeded figure's wide layout: SeededLayout's GridSpec columns (the histogram spans two)
SEEDED_COLUMNS = 3


def page_panels(kind: str) -> int:
    """How many panels across a sweep figure's wide layout holds, counted as the pages' grid rule counts
    them (render.draw.grid.page_grid, panels at least MIN_PANEL inches wide): a seeded figure's GridSpec
    columns; a map figure's maps (several narrow to share their room, as the video's do) and its right
    column, which MapLayout keeps at least `right_column` inches wide, that is this many panels. A page
    shows the wide layout where page_grid puts these in one row, two columns where it puts them in two
    rows, else one column."""
    if kind == "map":
        return 1 + math.ceil(MapLayout().right_column / MIN_PANEL)
    return SEEDED_COLUMNS


def sweep_layout(kind: str) -> dict:
    """The sweep figure's layout as the video's (render.draw.sweep_*): the header's and legend's place, a
    map sweep's MapLayout or a seeded one's SeededLayout, fonts and lines in points; for narrower pages the
    pages' grid rule (render.draw.grid: minTextPx, minPanel, the panels it lays out) and the narrower
    frames' margins and gaps in inches (Narrow), which src/grid.js and sweep_figure.js read."""
    grid = MapLayout() if kind == "map" else SeededLayout()
    return {"designWidth": DESIGN_WIDTH, "font": FONT, "small": SMALL, "line": LINE,
            "header": dataclasses.asdict(SweepHeader()), "grid": dataclasses.asdict(grid),
            "minTextPx": MIN_TEXT_PX, "minPanel": MIN_PANEL, "panels": page_panels(kind),
            "narrow": dataclasses.asdict(Narrow())}


def sweep_limits(snapshot: Snapshot) -> dict:
    """Each panel's limits as the video's figure sets them (the histogram and modes: a seeded sweep's)."""
    x, count = snapshot.extra, int(snapshot.meta["sweep"]["count"])
    xlim, ylim, linthresh = rate_limits(x["sweep_fitted"], int(snapshot.steps[-1]))
    out = {"rate": {"xlim": xlim, "ylim": ylim, "linthresh": linthresh}}
    if snapshot.meta["sweep"]["type"] != "map":
        xlim, ylim = hist_limits(x["sweep_hist"] / count, x["sweep_edges"])
        out["hist"] = {"xlim": xlim, "ylim": ylim}
        xlim, ylim = modes_limits(len(snapshot.meta["sweep"]["activations"]))
        out["modes"] = {"xlim": xlim, "ylim": ylim}
    return out


def named_groups(meta: dict) -> list[tuple[str, list[int]]]:
    """Named runs grouped by init (their label without the activation prefix): SweepFigure's groups."""
    groups: dict[str, list[int]] = {}
    for r, run in enumerate(meta["runs"]):
        label, act = run["label"], run.get("activation")
        if act and label.startswith(f"{act}: "):
            label = label[len(act) + 2:]
        groups.setdefault(label, []).append(r)
    return list(groups.items())


def rate_lines(sweep: dict, acts: list[str], lang: str) -> list[str]:
    """The rates as sentences: the end of training first, then at each mark (sample 1500)."""
    row = UI[lang]["rate_row"]
    lines = []
    for when, rates in [(None, sweep.get("rates", {})),
                        *sorted(((int(k), v) for k, v in sweep.get("rates_at", {}).items()))]:
        for act in acts:
            r = rates.get(act)
            if not r:
                continue
            text = row.format(act=act, fitted=r["fitted"], runs=r["runs"], pct=100 * r["rate"],
                              lo=100 * r["ci95"][0], hi=100 * r["ci95"][1])
            lines.append(text if when is None else UI[lang]["sample"].format(step=f"{when:,}") + " · " + text)
    return lines


def sweep_rates(meta: dict) -> list[float]:
    """The learning rates the sweep trained every init with, one per parameter in update order (the
    lockstep's `scene.runs[0].lr_for(names)`): a clicked cell retrains with them.

    `sweep.lrs` (name -> rate) when the recording has it; else the rates of a run recorded from the
    sweep's template (one with a `sweep_index`: it keeps the template's `lrs`); else `sweep.lr` for every
    parameter."""
    names, sweep = meta["params"], meta["sweep"]
    own = sweep.get("lrs")
    if own is None:
        own = next((r["lrs"] for r in meta["runs"] if r.get("sweep_index") is not None and r.get("lrs")),
                   None)
    if own is None:
        return [float(sweep["lr"])] * len(names)
    if sorted(own) != sorted(names):
        raise ValueError(f"the sweep's learning rates name {', '.join(own)}, not the parameters "
                         f"{', '.join(names)}")
    return [float(own[n]) for n in names]


def explorer_data(meta: dict) -> dict:
    """What the explorer trains a clicked cell on, as the sweep did: a typed target (`--target`: its text,
    which the page parses by the same grammar) or the data points (`--data`: every one of them, as the
    sample rule picks among all; the page's `points` are those shown, where the loss is measured). A sweep
    on more points than the recording keeps cannot be retrained in the page: `trains` false."""
    shown = meta.get("points")
    every = shown is not None and len(shown) == int(meta.get("points_count", -1))
    return {"target": meta.get("target_expr"), "trainPoints": shown if every else None,
            "trains": shown is None or every}


def sweep_data(snapshot: Snapshot, theme: str = "light", lang: str = "en") -> dict:
    """The JSON a sweep player reads."""
    meta, x = snapshot.meta, snapshot.extra
    sweep = meta["sweep"]
    acts = list(sweep["activations"])
    words = STRINGS[lang]
    target = meta.get("target_name", "target")
    inits = sweep["inits"]
    count = int(sweep["count"])
    data = base_player_data(snapshot, theme, lang)
    if sweep["type"] == "map":
        nx, ny = int(inits["x"][2]), int(inits["y"][2])
        title = map_title(inits, acts, lang)
    else:
        lo, hi = inits.get("range", [-1, 1])
        title = words["seeded_title"].format(acts=" vs ".join(acts), count=count, lo=lo, hi=hi)
    groups = named_groups(meta)[:2]
    exact = computable(meta)
    data.update({
        "title": title, "type": sweep["type"], "activations": acts,
        "count": count, "threshold": float(sweep["threshold"]), "samples": int(sweep["samples"]),
        "lr": float(sweep["lr"]), "lrs": sweep_rates(meta),
        "modes": [MODE_NAMES_ZH.get(m, m) if lang == "zh" else m for m in sweep["modes"]],
        "modeColors": list(MODE_COLORS[theme]),
        "rates": {a: sweep["rates"][a] for a in acts if a in sweep.get("rates", {})},
        "ratesAt": sweep.get("rates_at", {}),
        # the explorer's clicked cell is a run Python never saw: the page sets its limits by the video's rule
        "layout": sweep_layout(sweep["type"]), "limits": sweep_limits(snapshot),
        "limitRule": dataclasses.asdict(RULE),
        "groups": [{"label": run_label(g, lang), "runs": rs, "ylim": group_limits(snapshot, rs)}
                   for g, rs in groups],
        "runs": [{"label": run_label(r["label"], lang), "activation": r.get("activation"),
                  "sweepIndex": r.get("sweep_index")} for r in meta["runs"]],
        "graph": {k: meta.get(k) for k in ("nodes", "params", "input", "output", "label", "loss")}
        if exact else None,
        "shape": {"runs": len(meta["runs"]), "steps": len(snapshot.steps), "params": snapshot.params.shape[2],
                  "grid": len(snapshot.grid)},
        "params": b64(snapshot.params) if exact else None,
        "outputCurves": None if exact else b64(
            snapshot.curves[:, :, snapshot.node_names.index(meta["output"])], "<f4"),
        "evalLoss": b64(snapshot.eval_loss),
        "hist": b64(x["sweep_hist"], "<i4"), "histShape": list(x["sweep_hist"].shape),
        "edges": b64(x["sweep_edges"]),
        "modeCounts": b64(x["sweep_mode_counts"], "<i4"), "modeFitted": b64(x["sweep_mode_fitted"], "<i4"),
        "fitted": b64(x["sweep_fitted"]),
        "targetLabel": words["target"].format(target=target),
        "points": meta.get("points"),  # trained on data points: those drawn (and measured on), else None
        "rateLines": rate_lines(sweep, acts, lang),
    })
    if sweep["type"] == "map":
        loss, mode = x["sweep_map_loss"], x["sweep_map_mode"]
        init = x["sweep_init"]
        names = meta["params"]
        i0, i1 = names.index(inits["axes"][0]), names.index(inits["axes"][1])
        nx, ny = int(inits["x"][2]), int(inits["y"][2])
        fitted = (loss < float(sweep["threshold"])).astype(np.uint8)
        data["map"] = {
            "axes": list(inits["axes"]), "axisLabels": [subscript(a) for a in inits["axes"]],
            "nx": nx, "ny": ny, "extent": [float(inits["x"][0]), float(inits["x"][1]),
                                           float(inits["y"][0]), float(inits["y"][1])],
            # the cells' exact starting values along each axis (run j*nx + i starts at (xs[i], ys[j]))
            "xs": b64(init[:nx, i0]), "ys": b64(init[::nx, i1][:ny]), "init": b64(init[0]),
            "marks": {run_label(str(k), lang): [float(v) for v in xy]
                      for k, xy in inits.get("marks", {}).items()},
            "codeRange": list(CODE_RANGE), "codeLevels": CODE_LEVELS,
            "loss": deflated(loss_codes(loss)), "state": deflated(mode.astype(np.uint8) | (fitted << 3)),
            "finalLoss": b64(x["sweep_loss"]), "finalMode": b64(x["sweep_mode"], "|i1"),
            "divergedAt": b64(x["sweep_diverged_at"], "<i4"),
            "dataSeed": int(sweep["data"].get("data_seed", 0)),
            "fittedShare": b64(x["sweep_fitted"]),
            **explorer_data(meta),
        }
    return data
