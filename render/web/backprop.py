"""The backprop page (issue 28): one training step of one run, node by node on the computation graph.

The page embeds the step's numbers as render.record.backprop computes them on a live ourdl graph (the
"ourdl-backprop" dict, in `<script type="application/json" id="backprop">`, for readers and tests), and
what it needs to compute any other sample of any run itself (`step_source`: the graph, each run's init,
rates, data seed and length, the target or the points): its JavaScript (assets/backprop.bundle.js, from
src/backprop*.js) trains to the sample with the lab's engine and does the step in ourdl's order, so the
file stays small whatever the run's length. The player and the lab open the same step-through in a dialog
("Inspect this sample") from their own data.

`backprop_html(scene, run, sample)` returns the page; `write_backprop_page(...)` writes it atomically.
"""

from __future__ import annotations

import html
from pathlib import Path

from render.draw.text import STRINGS, panel_title
from render.draw.theme import THEMES
from render.record.atomic import atomic_write
from render.record.backprop import BackpropError, backprop_step, pick_run
from render.record.runs import graph_meta, name_nodes
from render.web.build import b64, json_for_script, page
from render.web.lab import target_spec
from render.web.player import runs_layout
from render.web.strings import UI
from scenes import Scene

SCRIPT = "backprop.bundle.js"
STYLES = ["standalone.css", "page.css", "backprop.css"]
#: the id of the JSON block holding the shown step's numbers (the issue's contract)
STEP_ID = "backprop"
#: the most data points the page carries (all of them: sampling needs every one), as the lab's
MAX_POINTS = 10_000


def step_graph(scene: Scene) -> dict:
    """The scene's graph as the page computes it: the snapshot meta's description (graph_meta) and every
    node's name in creation order (`order`, leaves too: the diagram's layout reads them in that order)."""
    net = scene.net()
    name_nodes(net)
    return {**graph_meta(net), "order": [n.name for n in net.graph.nodes]}


def step_source(scene: Scene) -> dict:
    """What the page recomputes a step from (src/backprop_step.js, StepSource): the scene's graph, its runs
    (label, initial values, one rate a parameter, the run's rate, data seed, samples) and data (the
    target as the lab's engine computes it, or all the points), with the grid, target and panels the
    output panel and the diagram's colours come from. ValueError where the page cannot regenerate it."""
    if scene.points is not None and scene.points.count > MAX_POINTS:
        raise BackpropError(f"the page recomputes from every data point and carries at most {MAX_POINTS:,}, "
                            f"not {scene.points.count:,}")
    graph = step_graph(scene)
    names = graph["params"]
    runs = [{"label": r.label, "init": r.initial_values(names), "lrs": r.lr_for(names), "lr": float(r.lr),
             "dataSeed": int(r.data_seed), "samples": int(r.samples)} for r in scene.runs]
    grid = scene.grid()
    return {
        "scene": scene.name, "graph": graph, "runs": runs, "target": target_spec(scene),
        "points": scene.points.xy.tolist() if scene.points is not None else None,
        "dataRange": [float(v) for v in scene.data_range], "xRange": [float(v) for v in scene.x_range],
        "grid": b64(grid), "targetCurve": b64(scene.target(grid)) if scene.points is None else None,
        "panels": [{"nodes": list(p.nodes), "colors": list(p.colors)} for p in scene.panels],
    }


def backprop_data(scene: Scene, run: str | None, sample: int | None, theme: str = "light",
                  lang: str = "en", step: dict | None = None) -> tuple[dict, dict]:
    """(the page's data, the shown step's dict): the source, the look and words, and where it opens.
    `step`: that run's `backprop_step` at that sample when the caller has it already (render backprop's
    frames need it too), so the run is not trained to it twice."""
    if theme not in THEMES:
        raise ValueError(f"theme {theme!r} (choose {', '.join(THEMES)})")
    if lang not in STRINGS:
        raise ValueError(f"lang {lang!r} (choose {', '.join(STRINGS)})")
    if step is None:
        step = backprop_step(scene, run, sample)
    chosen = pick_run(scene, run)
    th = THEMES[theme]
    output = next((p for p in scene.panels if step["output"] in p.nodes), None)
    data = {
        "format": "ourdl-backprop-page", "version": 1, "lang": lang, "description": scene.description,
        "theme": {"name": theme, "background": th.background, "foreground": th.foreground, "muted": th.muted,
                  "span": th.span, "target": th.target, "palette": list(th.palette)},
        "ui": UI[lang], "layout": runs_layout(), "targetName": scene.target_name,
        "outputTitle": panel_title(output.describe(), lang) if output is not None else step["output"],
        "source": step_source(scene), "run": scene.runs.index(chosen), "sample": step["sample"],
    }
    return data, step


def backprop_html(scene: Scene, run: str | None = None, sample: int | None = None, theme: str = "light",
                  lang: str = "en", step: dict | None = None) -> str:
    """The whole page: one file, no network, opens from file:// (`step`: as `backprop_data`'s)."""
    data, step = backprop_data(scene, run, sample, theme, lang, step)
    title = UI[lang]["bp_title"].format(scene=scene.name)
    body = (f'<div class="ourdl-backprop" data-theme="{theme}" data-standalone="1" '
            f'data-source="ourdl-backprop-data" data-step="{STEP_ID}">'
            f'<noscript>{html.escape(title)}: JavaScript is needed to step through it.</noscript></div>\n'
            f'<script type="application/json" id="{STEP_ID}">{json_for_script(step)}</script>')
    return page(title=title, lang=lang, body=body, data=data, script=SCRIPT, styles=STYLES,
                data_id="ourdl-backprop-data")


def write_backprop_page(scene: Scene, run: str | None, sample: int | None, path: Path, *,
                        theme: str = "light", lang: str = "en", step: dict | None = None) -> Path:
    """Write the page to `path` atomically (complete or not at all); returns the path. BackpropError (a
    ValueError, one line) for a sample past the run, an unknown run or a sweep."""
    path = Path(path)
    text = backprop_html(scene, run, sample, theme=theme, lang=lang, step=step)
    with atomic_write(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
