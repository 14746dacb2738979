"""The player: a snapshot as one small, self-contained, scrubbable HTML page (issue 11).

The page holds the parameters of every run at every snapshot (float64, exact) and the graph from the
snapshot's meta; its JavaScript (assets/graph.js) recomputes every node's curve over the grid, so the
file is a few hundred kilobytes where frames would be megabytes (a TorchRecorder recording of a GELU,
SiLU, ... network too: the page computes torch's activations, to within an ulp or two, src/torch_ops.js).
A graph with an op the page does not know (a user's own) gets the drawn curves embedded instead, as float32.

Everything the video decides from the whole recording (axis limits from the healthy snapshots, the
loss panel's log limits, captions, titles, colours) is decided here, once, by the same code the
matplotlib figure uses, so the page looks like the poster. What changes per frame is the page's job.

`player_html(snapshot)` returns the page; `write_player(snapshot, path)` writes it atomically.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import os
import re
from pathlib import Path

from render.draw import panels_shared as panels
from render.draw.base import DESIGN_WIDTH
from render.draw.grid import MIN_PANEL, MIN_TEXT_PX
from render.draw.limits import RULE, healthy, loss_limits, sample_axis
from render.draw.panels_shared import has_target, off_nodes, points, sum_nodes
from render.draw.panels_sum import bias_name
from render.draw.scene_figure import Layout
from render.draw.scene_legends import LEGEND_PITCH
from render.draw.text import STRINGS, panel_title, run_label
from render.draw.theme import THEMES
from render.encode.options import RenderOptions
from render.encode.video import PageWriter
from render.record.atomic import atomic_write
from render.record.snapshot import Snapshot
from render.web.build import b64, iframe, page
from render.web.embed import COLUMN, player_height
from render.web.player_data import base_player_data, computable, torch_family
from render.web.player_inspect import inspect_data
from render.web.strings import UI

#: the page's script per kind (assets/, built by esbuild from src/entries/): the runs player (with panels.js
#: when a panel draws data or a loss surface), or a sweep's figure (a map sweep's explorer also carries the
#: lab's exact trainer); and its styles
SCRIPTS = {"runs": "runs.bundle.js", "panels": "panels.bundle.js", "sweep": "sweep.bundle.js",
           "map": "map.bundle.js", "width_sweep": "width_sweep.bundle.js"}
PANEL_KINDS = {"data", "surface"}  # the panels panels.js draws
STYLES = ["standalone.css", "page.css"]
#: the step-through dialog's ("Inspect this sample"), for a runs page that has it
INSPECT_STYLES = ["backprop.css"]


def runs_layout() -> dict:
    """The runs figure's layout as the video's (render.draw.scene_figure.Layout: inches of a
    `designWidth`-inch design, fonts and lines in points), which the player and the lab scale to their
    width, with the page-grid rule's numbers (render.draw.grid.page_grid; src/grid.js)."""
    return {"designWidth": DESIGN_WIDTH, "minTextPx": MIN_TEXT_PX, "minPanel": MIN_PANEL,
            "legendPitch": LEGEND_PITCH, **dataclasses.asdict(Layout())}


def runs_data(snapshot: Snapshot, theme: str = "light", lang: str = "en", loss_panel: bool = True) -> dict:
    """The JSON a runs player reads (assets/player.js): named runs side by side on one timeline."""
    meta = snapshot.meta
    data = base_player_data(snapshot, theme, lang)
    keep = [healthy(snapshot, r) for r in range(len(meta["runs"]))]
    panels = [{"title": panel_title(p, lang), "nodes": list(p["nodes"]), "colors": list(p["colors"]),
               "target": bool(p.get("target")), **_panel_extras(snapshot, p, keep)} for p in meta["panels"]]
    graph = {k: meta.get(k) for k in ("nodes", "params", "input", "output", "label", "loss")}
    graph["torch"] = torch_family(meta)  # its builtin: false nodes are torch's activations (graph.js)
    exact = computable(meta)
    drawn = list(dict.fromkeys(n for p in meta["panels"] for n in p["nodes"]))
    loss_xlim, linthresh = sample_axis(int(snapshot.steps[-1]), RULE.cursor_room)
    pts = points(snapshot)
    data.update({
        # offNodes: the nodes a run leaves out (a narrower net's row of a side-by-side scene: off_nodes)
        "runs": [{"label": run_label(r["label"], lang), "divergedAt": r.get("diverged_at"),
                  "offNodes": sorted(off_nodes(snapshot, k))} for k, r in enumerate(meta["runs"])],
        # the user's data points ([[x, y], ...], drawn in the output panels) and whether there is a target
        # curve at all (trained on points alone, the recording's target is NaN)
        "points": None if pts is None else pts.tolist(),
        "hasTarget": has_target(snapshot),
        "layout": runs_layout(), "panels": panels, "nodeNames": snapshot.node_names,
        "lossXlim": loss_xlim, "lossYlim": list(loss_limits(snapshot, keep)), "lossLinthresh": linthresh,
        "lossPanel": bool(loss_panel),
        "graph": graph if exact else None,
        "shape": {"runs": len(meta["runs"]), "steps": len(snapshot.steps), "params": snapshot.params.shape[2],
                  "grid": len(snapshot.grid)},
        "params": b64(snapshot.params) if exact else None,
        # "Inspect this sample": each snapshot's sample per run, where the step is exact (player_inspect.py)
        "inspect": inspect_data(snapshot) if exact else None,
        # the fallback: only the curves the page draws, (runs, steps, drawn nodes, grid) as float32
        "curveNodes": None if exact else drawn,
        "curves": None if exact else b64(snapshot.curves[:, :, [snapshot.node_names.index(n) for n in drawn]],
                                         "<f4"),
        "trainLoss": b64(snapshot.train_loss), "evalLoss": b64(snapshot.eval_loss),
        **_panel_arrays(snapshot, theme),
    })
    return data


def _panel_extras(snapshot: Snapshot, panel: dict, keep: list) -> dict:
    """A panel's kind and limits (render.draw.panels_shared decides them for the video too), and what its
    kind needs: a data panel's window, a surface panel's parameter columns and names, a sum panel's bias'
    name (its legend's)."""
    xlim, ylim = panels.panel_box(snapshot, panel, keep)
    kind = panels.kind(panel)
    out = {"kind": kind, "xlim": xlim, "ylim": ylim}
    if kind == "data":
        out["window"] = int(panel.get("window", 10))
    elif kind == "sum":
        out["bias"] = bias_name(snapshot, *sum_nodes(panel))
    elif kind == "surface":
        columns = list(panels.path_indices(snapshot, panel))
        out.update(params=columns, names=[str(n) for n in panel["params"]], tail=panels.PATH_TAIL,
                   color=panels.PATH_COLOR, path=b64(snapshot.params[:, :, columns]))
    return out


def _panel_arrays(snapshot: Snapshot, theme: str) -> dict:
    """The data panels' samples (float64, exact; (runs, samples), NaN past a run's end) and the loss
    surface (float32, (mesh_y, mesh_x)) with its contour bands, for the panels that draw them."""
    kinds = {panels.kind(p) for p in snapshot.meta["panels"]}
    out: dict = {}
    if "data" in kinds:
        data_x, data_y = panels.need(snapshot, {"kind": "data"}, "data_x", "data_y")
        out["data"] = {"x": b64(data_x), "y": b64(data_y), "length": int(data_x.shape[1]),
                       "color": panels.PATH_COLOR}
    if "surface" in kinds:
        z, sx, sy = panels.need(snapshot, {"kind": "surface"}, "surface", "surface_x", "surface_y")
        out["surface"] = {"z": b64(z, "<f4"), "nx": int(z.shape[1]), "ny": int(z.shape[0]),
                          "x": [float(sx[0]), float(sx[-1])], "y": [float(sy[0]), float(sy[-1])],
                          "edges": [float(v) for v in panels.surface_edges(z)],
                          "colors": panels.surface_colors(theme)}
    return out


def fallback_url(fallback: str) -> str:
    """A relative URL of an image beside the page (the GIF), or ValueError: no scheme, no host, no '..'."""
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.\-/]*", fallback) or ".." in fallback or "//" in fallback:
        raise ValueError(f"fallback image {fallback!r}: give a relative path such as NAME.gif")
    return fallback


def player_html(snapshot: Snapshot, theme: str = "light", lang: str = "en", autoplay: bool = False,
                fallback: str | None = None, loss_panel: bool = True) -> str:
    """The whole page: no network, opens from file://; `autoplay` plays once on load unless the URL
    fragment asks for a step; `fallback` (a relative URL, e.g. "NAME.gif") is shown where scripts don't
    run, with the scene's description as its alt text; `loss_panel=False` drops the loss panel (runs
    scenes, as `--no-loss`)."""
    if theme not in THEMES:
        raise ValueError(f"theme {theme!r} (choose {', '.join(THEMES)})")
    if lang not in STRINGS:
        raise ValueError(f"lang {lang!r} (choose {', '.join(STRINGS)})")
    if snapshot.kind == "sweep":
        from render.web.sweep import sweep_data

        data = sweep_data(snapshot, theme, lang)
    elif snapshot.kind == "width_sweep":
        from render.web.width_sweep import width_sweep_data

        data = width_sweep_data(snapshot, theme, lang)
    else:
        data = runs_data(snapshot, theme, lang, loss_panel)
    scene = data["scene"] or "snapshot"
    play = ' data-autoplay="1"' if autoplay else ""
    body = (f'<div class="ourdl-player" data-theme="{theme}" data-standalone="1"{play}'
            ' data-source="ourdl-data"></div>')
    if fallback is not None:
        alt = html.escape(data["description"] or scene, quote=True)
        src = html.escape(fallback_url(fallback), quote=True)
        body += f'\n<noscript><img class="op-fallback" src="{src}" alt="{alt}"></noscript>'
    kind = "map" if "map" in data else snapshot.kind
    if kind == "runs" and PANEL_KINDS & {p["kind"] for p in data["panels"]}:
        kind = "panels"
    styles = STYLES + (INSPECT_STYLES if data.get("inspect") else [])
    return page(title=UI[lang]["figure"].format(scene=scene), lang=lang, body=body, data=data,
                script=SCRIPTS[kind], styles=styles, images=fallback is not None)


def player_iframe(snapshot: Snapshot, theme: str = "light", lang: str = "en", **options) -> str:
    """The page in a sandboxed iframe (build.iframe), for notebooks, sized as the `--embed html` snippet
    is: the player's measured height at embed.COLUMN px, no wider, so no blank band sits under it (the
    frame cannot listen for the page's height: the notebook runs no script of ours)."""
    text = player_html(snapshot, theme=theme, lang=lang, **options)
    title = UI[lang]["figure"].format(scene=snapshot.meta.get("scene", ""))
    return iframe(text, title, f"{COLUMN}/{player_height(snapshot.meta)}", max_width=COLUMN)


def write_player(snapshot: Snapshot, path: str | os.PathLike, theme: str = "light", lang: str = "en",
                 autoplay: bool = False, fallback: str | None = None, loss_panel: bool = True) -> Path:
    """Write the page to `path` atomically (complete or not at all); returns the path."""
    path = Path(path)
    text = player_html(snapshot, theme=theme, lang=lang, autoplay=autoplay, fallback=fallback,
                       loss_panel=loss_panel)
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def player_pages(snapshot: Snapshot, options: RenderOptions, stem: str) -> dict[str, PageWriter]:
    """`render_snapshot`'s `pages` for these options: the player page when they ask for html (its
    <noscript> fallback is the GIF rendered beside it, when there is one)."""
    if "html" not in options.formats:
        return {}
    fallback = f"{stem}.gif" if "gif" in options.formats else None
    return {".html": functools.partial(_write_page, snapshot, options, fallback)}


def _write_page(snapshot: Snapshot, options: RenderOptions, fallback: str | None, path: Path) -> None:
    write_player(snapshot, path, theme=options.theme, lang=options.lang, loss_panel=options.loss_panel,
                 fallback=fallback)
