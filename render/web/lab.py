"""The lab (issue 12): one offline page that trains the scene's network in the browser, exactly as ourdl does.

The page carries the scene's graph (the snapshot meta's description: nodes, kinds, parents, parameters
in update order), its presets (the runs with explicit inits, e.g. Fig 7 and Fig 8), the grid and target,
the look and words of the player, and a small init-basin map precomputed here by the lockstep engine
(lab_map.py). Its JavaScript (assets/random.js, train.js, train_wasm.js) regenerates the recorder's data
stream (numpy's default_rng) and trains with the tutorial's per-sample SGD, bit for bit; assets/lab*.js are
the user interface (a run, the figure laid out as the player's, the map, the controls), drawn with the
player's code (assets/plot.js, graph.js, dom.js, controls.js, layout.js).

A scene of the network family (`Scene.with_network`: `render lab --hidden/--target/--data`) opens the page
at that network, target or data points: the page carries the widths, the target's tree
(scenes.targets.Target.to_json, evaluated by assets/target_expr.js in numpy's order) or the points (all of
them: training samples them by the `--data` rule), and the family's panels with the sum view. The map
follows the network where its fitting modes mean something (one hidden layer of 2+ units), the presets
(Fig 7, Fig 8) only where they are the chapter's runs (2 units fitting x²).

`lab_html(scene)` returns the page; `write_lab(path, scene=...)` writes it atomically.
"""

from __future__ import annotations

import dataclasses
import html
import math
import os
from pathlib import Path

import numpy as np

from render.draw import panels_shared
from render.draw.limits import RULE
from render.draw.sweep_figure import MODE_COLORS, MODE_NAMES_ZH
from render.draw.text import STRINGS, panel_title, run_label
from render.draw.theme import THEMES
from render.record.atomic import atomic_write
from render.record.panels import surface_arrays
from render.record.runs import graph_meta, name_nodes, record_run
from render.web.build import b64, page
from render.web.lab_map import MAP_SIZE, basin_map, default_run, supports_map
from render.web.lab_strings import LAB
from render.web.player import runs_layout
from render.web.player_data import ASPECT, KNOWN_OPS, SPEEDS, computable
from render.web.strings import UI
from scenes import Scene, get_scene, list_scenes
from scenes.network import family_width
from scenes.sweeps import SweepScene
from scenes.targets import evaluate as evaluate_target
from scenes.targets import parse_target

#: the page's script (assets/, built by esbuild from src/entries/lab.js: the player's drawing, the engine, the
#: lab) and its styles
SCRIPT = "lab.bundle.js"
STYLES = ["standalone.css", "page.css", "lab.css", "backprop.css"]  # backprop.css: "Inspect this sample"
#: what the page's policy adds to the player's: compiling the WebAssembly it builds from the graph
#: (assets/train_wasm.js). Unlike 'unsafe-eval' this never lets a string become JavaScript.
WASM_SOURCE = "'wasm-unsafe-eval'"
#: the activation kinds the page can switch between, and the losses (ourdl.ops, ourdl.ops.loss)
ACTIVATIONS = ("LeakyRelu", "Relu", "Sigmoid", "Tanh", "Step")
LOSSES = {"ValueLoss": "absolute", "SquareLoss": "squared"}
#: the largest run the page offers (its data is 16 bytes a sample)
MAX_SAMPLES = 1_000_000
#: seconds the timeline takes at 1x: the whole of Fig 7 in a few seconds
DURATION = 4.0
#: the lab's own limits of the family (assets/network.js, MAX_UNITS and MAX_LAYERS): units a layer, layers
MAX_UNITS, MAX_LAYERS = 16, 3
#: the most data points the page carries (every one of them: sampling needs them all)
MAX_POINTS = 10_000


def base_scene(scene: Scene) -> Scene:
    """The registered scene `scene` was made from (`with_network` adds `-h3`, `-t-sin`, ... to its name),
    or `scene` itself."""
    for other in list_scenes():
        if scene.name == other.name or scene.name.startswith(other.name + "-"):
            return other
    return scene


def command_scene(scene: Scene) -> str:
    """The scene a `render scene NAME --init ...` command re-records one lab run with: the scene itself
    when it has one run, else the first registered one-run scene built the same way (fig8 for the chapter).
    A scene of the family (`with_network`) is named by the registered scene it came from: the command
    adds the options that make it (`_command`)."""
    base = base_scene(scene)
    if len(base.runs) == 1:
        return base.name
    for other in list_scenes():
        if len(other.runs) == 1 and other.build is base.build and type(other) is Scene:
            return other.name
    return base.name


def _presets(scene: Scene, names: list[str], lang: str) -> list[dict]:
    """One preset per run of the scene: its label's short name ("Fig 7"), its initial values and its
    learning rates (one per parameter, update order: `Run.lr_for`)."""
    out, seen = [], set()
    for run in scene.runs:
        init = run.initial_values(names)
        lrs = run.lr_for(names)
        key = (*(init[n] for n in names), *lrs)
        if key in seen:
            continue
        seen.add(key)
        short = run_label(run.label, lang).split(":")[0].strip() or run.label
        out.append({"name": short, "label": run_label(run.label, lang), "init": init, "lrs": lrs,
                    "seed": run.init_seed})
    return out


#: how many random inputs (besides the grid and the default run's data) a target is checked on
TARGET_PROBES = 4096


def target_spec(scene: Scene) -> dict | None:
    """The scene's target as the page computes it (assets/train_data.js, targetOf): {"kind": "square"}
    (x * x, the chapter's), {"kind": "affine", "a", "b"} ((a * x) + b, the adaline's 2x + 1), {"kind":
    "expr", "ast"} (a typed target's tree, `Target.to_json`), or None for a scene trained on data points
    (they are their own labels); else ValueError.

    The page must make the recorder's labels bit for bit (or, for a tree with sin, exp, ..., to the
    browser's last bits), so the target is not recognised by its name but by its values: the formula
    must give exactly what `scene.target` gives on the grid, the default run's data and TARGET_PROBES
    more inputs over the data range."""
    if scene.points is not None:
        return None
    run = scene.runs[0]
    rng = np.random.default_rng(0)
    probe = np.concatenate([scene.grid(), np.asarray(run.data(*scene.data_range)),
                            rng.uniform(*scene.data_range, TARGET_PROBES), [0.0, 1.0, -1.0]])
    with np.errstate(all="ignore"):
        got = np.asarray(scene.target(probe), dtype=float)
        if got.shape == probe.shape:
            if np.array_equal(got, probe * probe):
                return {"kind": "square"}
            b = float(got[-3])
            a = float(got[-2]) - b
            if math.isfinite(a) and math.isfinite(b) and np.array_equal(got, a * probe + b):
                return {"kind": "affine", "a": a, "b": b}
            tree = _target_tree(scene)
            if tree is not None and np.array_equal(got, evaluate_target(tree.ast, probe), equal_nan=True):
                return {"kind": "expr", "ast": tree.to_json()["ast"]}
    raise ValueError(f"scene {scene.name!r}: the lab trains scenes whose target is x² (the chapter's), a "
                     f"line a·x + b (the adaline's) or a --target expression, not {scene.target_name}")


def _target_tree(scene: Scene):
    """The parsed `--target` of a scene of the family (`Scene.target_expr`), or None."""
    text = getattr(scene, "target_expr", None)
    return parse_target(text) if text else None


def _chapters_own(scene: Scene, target_kind: dict | None) -> bool:
    """Whether the scene's runs are the chapter's: 2 hidden units (or not the family at all: the adaline)
    fitting the scene's own target. Fig 7 and Fig 8 mean nothing for other widths, targets or points."""
    width = family_width(scene.build)
    if width is None:
        return scene.points is None and getattr(scene, "target_expr", None) is None
    return width == (2,) and target_kind == {"kind": "square"}


def _map_data(scene: Scene, names: list[str], theme: str, lang: str, size: int,
              loss_kind: str) -> dict | None:
    if not size or not supports_map(names):
        return None
    m = basin_map(scene, default_run(scene), size=size)
    modes = [MODE_NAMES_ZH.get(n, n) if lang == "zh" else n for n in m["modes"]]
    return {"axes": m["axes"], "range": m["range"], "size": m["size"], "others": m["others"],
            "activation": m["activation"], "lossKind": loss_kind, "width": len(names) // 3,
            "lrs": default_run(scene).lr_for(names), "samples": m["samples"],
            "dataSeed": m["data_seed"], "threshold": m["threshold"], "modes": modes,
            "colors": list(MODE_COLORS[theme]), "loss": b64(m["loss"], "<f4"), "mode": b64(m["mode"], "|i1")}


def _panels(scene: Scene, names: list[str], lang: str) -> list[dict]:
    """The scene's panels as the lab's figure draws them (assets/lab_figure.js): curves panels; "data"
    panels (the curves plus the run's samples seen so far, the latest `window` solid); a "surface" panel
    (the evaluation loss over two parameters, `_surface`, with the run's path of them)."""
    out = []
    for p in scene.panels:
        entry = {"title": panel_title(p.describe(), lang), "nodes": list(p.nodes), "colors": list(p.colors),
                 "target": p.target, "kind": p.kind}
        if p.kind == "data":
            entry["window"] = p.window
        elif p.kind == "surface":
            entry.update(params=[names.index(n) for n in p.params], names=list(p.params),
                         tail=panels_shared.PATH_TAIL, color=panels_shared.PATH_COLOR)
        out.append(entry)
    return out


def _surface(scene: Scene, run, theme: str) -> dict | None:
    """A surface panel's mesh, as the player gets it (render.record.panels.surface_arrays: the evaluation
    loss, mean |y − target| on the data range, over the panel's box widened to the default run's path).
    It depends on the graph alone (other parameters held at the default run's end), so every run of the
    lab is drawn on it; the page's activation choice is not (the scenes with surfaces have none)."""
    chosen = [p for p in scene.panels if p.kind == "surface"]
    if not chosen:
        return None
    grid = scene.grid()
    target = np.asarray(scene.target(grid), dtype=float)
    steps = scene.schedule.steps(run.samples)
    rec = record_run(scene, run, steps, grid, target)
    arrays, _ = surface_arrays(scene, chosen[0], [{**rec, "steps": steps}], grid, target)
    z, sx, sy = arrays["surface"], arrays["surface_x"], arrays["surface_y"]
    return {"z": b64(z, "<f4"), "nx": int(z.shape[1]), "ny": int(z.shape[0]),
            "x": [float(sx[0]), float(sx[-1])], "y": [float(sy[0]), float(sy[-1])],
            "edges": [float(v) for v in panels_shared.surface_edges(z)],
            "colors": panels_shared.surface_colors(theme)}


def _command(scene: Scene, names: list[str]) -> dict:
    """What the page's `render scene NAME ...` line can say: the scene it records, whether `--loss-fn` is
    there, and the scene's own per-parameter rates (None: one rate), which the line keeps by leaving out
    `--lr` (the CLI's `--lr` sets one rate for every parameter). A scene of the family adds the options
    that make it: `hidden` ("3", "8,8"), `target` (its text), `dataRange`, `xRange` (when they are not
    the base scene's), `data` (True: trained on points; `dataName` the name they came from, `--data`'s
    file name; points made on the page are the CSV it offers)."""
    name = command_scene(scene)
    recorded = next((o for o in list_scenes() if o.name == name and name != scene.name), scene)
    run = recorded.runs[0]
    out = {"scene": name, "loss": "squared" in scene.losses,
           "lrs": run.lr_for(names) if run.lrs and len(run.lr_for(names)) == len(names) else None,
           "activation": scene.activation is not None}
    base = base_scene(scene)
    if base is not scene:
        width = family_width(scene.build)
        if width is not None and width != family_width(base.build):
            out["hidden"] = ",".join(map(str, width))
        if getattr(scene, "target_expr", None):
            out["target"] = scene.target_expr
        if scene.points is not None:
            out["data"], out["dataName"] = True, scene.points.name
        elif scene.data_range != base.data_range:
            out["dataRange"] = list(scene.data_range)
        if scene.x_range != base.x_range:
            out["xRange"] = list(scene.x_range)
    return out


def lab_data(scene: Scene, theme: str = "light", lang: str = "en", map_size: int = MAP_SIZE) -> dict:
    """The JSON the lab reads (assets/lab.js)."""
    if isinstance(scene, SweepScene):
        raise ValueError(f"scene {scene.name!r} is a sweep; the lab starts from a scene with fixed runs "
                         "(fig7_vs_fig8, fig8, ...) and has the init map of its own")
    width = family_width(scene.build)
    if width is not None and (len(width) > MAX_LAYERS or max(width) > MAX_UNITS):
        raise ValueError(f"--hidden {','.join(map(str, width))}: the lab trains 1 to {MAX_UNITS} units a "
                         f"layer in 1 to {MAX_LAYERS} layers (render scene takes up to 32 and 4)")
    target_kind = target_spec(scene)
    points = scene.points
    if points is not None and points.count > MAX_POINTS:
        raise ValueError(f"the lab trains on at most {MAX_POINTS:,} points in the page, not "
                         f"{points.count:,}: render scene ... --data trains on any number")
    net = scene.net()
    name_nodes(net)
    graph = graph_meta(net)
    if not computable(graph):
        unknown = sorted({n["kind"] + ("" if n.get("builtin", True) else " (your own class)")
                          for n in graph["nodes"]
                          if n["kind"] not in KNOWN_OPS or not n.get("builtin", True)})
        raise ValueError(f"scene {scene.name!r}: the lab cannot train {', '.join(unknown) or 'this graph'}")
    loss_kind = next(n["kind"] for n in graph["nodes"] if n["name"] == graph["loss"])
    if loss_kind not in LOSSES:
        raise ValueError(f"scene {scene.name!r}: the lab knows the losses {', '.join(LOSSES)}, "
                         f"not {loss_kind}")
    names = graph["params"]
    run = default_run(scene)
    presets = _presets(scene, names, lang) if _chapters_own(scene, target_kind) else []
    # the sliders reach every preset's start and every surface panel's box (the adaline's w up to 3.5)
    reach = max([1.0] + [abs(v) for p in presets for v in p["init"].values()]
                + [abs(v) for p in scene.panels if p.kind == "surface" and p.extent for v in p.extent])
    th = THEMES[theme]
    target = scene.target_name
    strings = {k: v for k, v in STRINGS[lang].items() if k != "caption"}
    strings.update({k: STRINGS[lang][k].format(target=target) for k in ("loss_eval", "target")})
    grid = scene.grid()
    lab = LAB[lang]
    tree = _target_tree(scene)
    return {
        "format": "ourdl-lab", "version": 1, "lang": lang, "scene": scene.name,
        "description": scene.description,
        "theme": {"name": theme, "background": th.background, "foreground": th.foreground, "muted": th.muted,
                  "span": th.span, "target": th.target, "palette": list(th.palette)},
        "strings": strings, "captionTemplate": STRINGS[lang]["caption"], "targetName": target,
        "ui": {**UI[lang], "play": lab["train"], "pause": lab["pause"], "keys": lab["keys"]},
        "lab": lab,
        "graph": graph, "activations": list(ACTIVATIONS) if scene.activation is not None else [],
        "losses": list(LOSSES.values()), "targetSpec": target_kind,
        # the network family: its widths (None: not the family), the typed target (its text, names and
        # tree) and the data points trained on (all of them; hasTarget false: no target curve)
        "hidden": list(family_width(scene.build) or []) or None,
        "targetExpr": tree.to_json() if tree is not None else None,
        "points": points.xy.tolist() if points is not None else None, "hasTarget": points is None,
        # a run of the scene has its own rate per parameter: the page shows one box per parameter
        "ownRates": any(r.lrs for r in scene.runs),
        # the player's layout, and the numbers of the video's limit rules: the page sets the limits of the
        # runs it trains (render/web/src/limits.js)
        "layout": runs_layout(), "limitRule": dataclasses.asdict(RULE),
        "panels": _panels(scene, names, lang), "surface": _surface(scene, run, theme),
        "data": {"color": panels_shared.PATH_COLOR},
        "xRange": list(scene.x_range), "dataRange": list(scene.data_range),
        "grid": b64(grid), "target": b64(scene.target(grid)),
        "defaults": {"init": run.init, "lrs": run.lr_for(names), "samples": run.samples,
                     "activation": scene.activation,
                     "loss": LOSSES[loss_kind], "dataSeed": run.data_seed},
        "presets": presets, "sliderRange": [-math.ceil(reach), math.ceil(reach)],
        "maxSamples": MAX_SAMPLES, "marks": [int(m) for m in scene.schedule.marks],
        "duration": DURATION, "hold": 1.5, "speeds": SPEEDS, "aspect": ASPECT,
        "command": _command(scene, names),
        "map": _map_data(scene, names, theme, lang, map_size, LOSSES[loss_kind]),
    }


def lab_html(scene: Scene | None = None, theme: str = "light", lang: str = "en",
             map_size: int = MAP_SIZE) -> str:
    """The whole page: one file, no network, opens from file://. `map_size` 0 leaves the map out."""
    if theme not in THEMES:
        raise ValueError(f"theme {theme!r} (choose {', '.join(THEMES)})")
    if lang not in STRINGS:
        raise ValueError(f"lang {lang!r} (choose {', '.join(STRINGS)})")
    scene = scene if scene is not None else get_scene("fig7_vs_fig8")
    data = lab_data(scene, theme, lang, map_size)
    body = (f'<div class="ourdl-lab" data-theme="{theme}" data-source="ourdl-lab-data">'
            f'<noscript>{html.escape(LAB[lang]["title"])}: JavaScript is needed to train.</noscript></div>')
    return page(title=LAB[lang]["title"], lang=lang, body=body, data=data, script=SCRIPT, styles=STYLES,
                data_id="ourdl-lab-data", script_src=(WASM_SOURCE,))


def write_lab(path: str | os.PathLike, scene: Scene | None = None, theme: str = "light", lang: str = "en",
              map_size: int = MAP_SIZE) -> Path:
    """Write the lab to `path` atomically (complete or not at all); returns the path."""
    return write_page(path, lab_html(scene, theme=theme, lang=lang, map_size=map_size))


def write_page(path: str | os.PathLike, text: str) -> Path:
    """Write a page made by lab_html to `path` atomically; returns the path."""
    path = Path(path)
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
