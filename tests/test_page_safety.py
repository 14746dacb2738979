"""Every page we write is safe to embed: an independent cross-check of the player (runs and sweeps), the
lab, the gallery's index.html and the embed snippets.

Hostile text goes in where a user's file or a shared snapshot can put it (the scene's name and description,
run labels, panel titles) and where a link's author can (the URL fragment). In headless Chromium nothing
of it may run: each payload would set `window.__pwned` or the document's title; the pages must ask for
nothing over the network, open at their default state on a malformed fragment, and carry a
Content-Security-Policy that allows only their own inline script and style (by hash).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
import shlex
from pathlib import Path

import pytest
from headless_chromium import page_url

from render.app.gallery import Result
from render.record import record
from render.web.embed import html_snippet
from render.web.gallery_page import write_index
from render.web.lab import write_lab
from render.web.player import write_player
from scenes import Panel, get_scene

PAYLOADS = [
    "<script>window.__pwned=1;document.title=String.fromCharCode(80,87,78)</script>",
    '"><img src=x onerror="window.__pwned=2">',
    "javascript:window.__pwned=3",
    "</script><script>window.__pwned=4</script>",
    "'><svg onload=window.__pwned=5>",
    "\u2028</script><!--<script>window.__pwned=6</script>",
]
HOSTILE = " ".join(PAYLOADS)
PLAYER = "document.querySelector('.ourdl-player').ourdlPlayer"
INJECTED = ("document.querySelectorAll('img[src=\"x\"], svg[onload], script:not([type]):not(:last-of-type)')"
            ".length")
FRAGMENTS = ["#step=abc", "#step=1e309", "#step=-5", "#step=NaN", "#nope=1&what=2", "#step=<script>",
             "#run=javascript:alert(1)", "#" + "step=1&" * 600,
             "#%3Cimg%20src=x%20onerror=window.__pwned=7%3E",
             "#hide=%22%3E%3Csvg%20onload=window.__pwned=8%3E", "#speed=Infinity&loop=maybe",
             # the lab's network, target and points (issue 26): out of range, hostile, not numbers, too many
             "#h=99", "#h=3,3,3,3", "#h=0", "#h=<b>", "#t=%3Cimg%20src=x%20onerror=window.__pwned=9%3E",
             "#t=log(x)", "#t=__import__('os')", "#pts=NaN_1", "#pts=1e400_0", "#pts=1_2_3", "#pts=1e6_0",
             "#pts=" + "1_1~" * 1200, "#pin=h:99,w_11:1"]


def hostile_snapshot(snap):
    """The snapshot with every text a file can carry replaced by the payloads."""
    snap = copy.deepcopy(snap)
    meta = snap.meta
    meta["scene"] = "s" + HOSTILE
    meta["description"] = HOSTILE
    for i, run in enumerate(meta["runs"]):
        run["label"] = f"{i} {HOSTILE}"
    for panel in meta.get("panels", []):
        panel["title"] = HOSTILE
        panel["title_zh"] = HOSTILE
    if "sweep" in meta:  # a sweep's page is titled from its activations and labels its modes
        acts = meta["sweep"]["activations"]
        rename = {a: f"{a}{HOSTILE}" for a in acts}
        meta["sweep"]["activations"] = [rename[a] for a in acts]
        meta["sweep"]["rates"] = {rename.get(a, a): v for a, v in meta["sweep"].get("rates", {}).items()}
        meta["sweep"]["modes"] = [f"{m}{HOSTILE}" for m in meta["sweep"]["modes"]]
        for run in meta["runs"]:
            run["activation"] = rename.get(run.get("activation"), run.get("activation"))
    return snap


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    runs = record(get_scene("fig7_vs_fig8").with_overrides(samples=40, every=20))
    sweep = record(get_scene("relu_vs_leakyrelu").with_count(6).with_overrides(samples=40, every=20))
    scene = get_scene("fig7_vs_fig8").with_overrides(samples=200)
    scene = dataclasses.replace(
        scene, description=HOSTILE,
        runs=tuple(dataclasses.replace(r, label=HOSTILE) for r in scene.runs),
        panels=tuple(Panel(HOSTILE, p.nodes, p.colors, p.target, HOSTILE) for p in scene.panels))
    made = {
        "player": write_player(hostile_snapshot(runs), out / "player.html", fallback="x.gif"),
        "sweep": write_player(hostile_snapshot(sweep), out / "sweep.html"),
        "lab": write_lab(out / "lab.html", scene=scene, map_size=0),
    }
    gif = out / "s.gif"
    gif.write_bytes(b"GIF89a")
    result = Result(name="fig8", description=HOSTILE, files={".gif": "s.gif", ".html": "player.html"},
                    sizes={"s.gif": 6, "player.html": 1}, snippets={"html": HOSTILE, "md": HOSTILE})
    bad = Result(name="broken", description=HOSTILE, error=HOSTILE)
    made["index"] = write_index(out, [result, bad], {"fig8": HOSTILE, "broken": HOSTILE}, 1.0, 1,
                                lab="lab.html")
    snippet = html_snippet([gif, out / "s.mp4", out / "player.html"], hostile_snapshot(runs).meta)
    (out / "embed.html").write_text(f"<!doctype html><html><head><title>host</title></head><body>"
                                    f"{snippet}</body></html>")
    made["embed"] = out / "embed.html"
    return made


def assert_nothing_ran(tab, url: str) -> None:
    assert tab.evaluate("window.__pwned === undefined"), tab.evaluate("window.__pwned")
    assert tab.evaluate("document.title") != "PWN"  # what the first payload would set
    assert tab.evaluate(INJECTED) == 0
    assert tab.evaluate("[...document.querySelectorAll('a[href]')].every(a => !/^\\s*javascript:/i"
                        ".test(a.getAttribute('href')))")
    folder = url.split("#")[0].rsplit("/", 1)[0] + "/"
    assert all(r.startswith(folder) for r in tab.requests()), tab.requests()  # its own files, no network


@pytest.mark.parametrize("kind", ["player", "sweep", "lab", "index", "embed"])
def test_hostile_text_is_shown_as_text_and_never_runs(kind, pages, browser):
    url = page_url(pages[kind])
    with browser.open(url, width=1000, height=760) as tab:
        tab.wait_for("document.readyState === 'complete'")
        if kind in ("player", "sweep"):
            tab.wait_for(f"{PLAYER} !== undefined")
            tab.key("End")  # draw another step: captions and readouts change
        elif kind == "lab":
            tab.wait_for("document.querySelector('.ourdl-lab').ourdlLab !== undefined", timeout=30)
        tab.sync()
        assert_nothing_ran(tab, url)
        if kind != "embed":  # the snippet shows the description only as alt text
            text = tab.evaluate("document.body.innerText + [...document.querySelectorAll('[title],[alt]')]"
                                ".map(e => e.title + e.alt).join(' ')")
            assert "window.__pwned=1" in text, f"{kind}: the hostile text is not shown at all"
        if kind in ("player", "sweep", "lab"):
            assert tab.errors() == [], tab.errors()


@pytest.mark.parametrize("kind", ["player", "sweep", "lab"])
def test_malformed_fragments_open_at_the_default_state(kind, pages, browser):
    url = page_url(pages[kind])
    api = PLAYER if kind != "lab" else "document.querySelector('.ourdl-lab').ourdlLab"
    default = None
    with browser.open(url, width=1000, height=760) as tab:
        tab.wait_for(f"{api} !== undefined", timeout=30)
        default = tab.evaluate(f"JSON.stringify({api}.state())")
    for fragment in FRAGMENTS:
        with browser.open(url + fragment, width=1000, height=760) as tab:
            tab.wait_for(f"{api} !== undefined", timeout=30)
            state = tab.evaluate(f"JSON.stringify({api}.state())")
            assert_nothing_ran(tab, url)
            assert tab.errors() == [], (fragment, tab.errors())
            if kind != "lab":  # the lab's state holds timings; its settings are compared below
                assert state == default, (fragment, state, default)
            else:
                assert json.loads(state)["settings"] == json.loads(default)["settings"], fragment


@pytest.mark.parametrize("kind", ["player", "sweep", "lab", "index"])
def test_the_content_security_policy_allows_only_the_pages_own_code(kind, pages):
    text = pages[kind].read_text()
    policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', text)
    assert len(policies) == 1, policies
    rules = dict((part.split(" ", 1) + [""])[:2] for part in policies[0].split("; "))
    assert rules["default-src"] == "'none'" and rules["base-uri"] == "'none'"
    assert "'unsafe-eval'" not in policies[0] and "http" not in policies[0] and "*" not in policies[0]
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert "'unsafe-inline'" not in policies[0]
    hashes = re.findall(r"'sha256-[^']+'", rules["script-src"])
    # nothing but hashes (no 'self', no host); the lab also compiles its own embedded WebAssembly
    wasm = ["'wasm-unsafe-eval'"] if kind == "lab" else []
    assert rules["script-src"].split() == wasm + hashes
    assert len(scripts) == len(hashes) == 1  # one inline script, allowed by its hash and nothing else
    allowed = {"default-src", "script-src", "style-src", "img-src", "base-uri", "form-action"}
    if kind == "index":  # the gallery frames its players and shows their media, all files beside it
        allowed |= {"media-src", "frame-src"}
    assert set(rules) <= allowed


def test_the_labs_python_command_is_shell_safe(browser, tmp_path):
    """The lab prints `render scene NAME --init ...` to copy; a name from a user's file must not turn the
    pasted command into another one."""
    name = "fig8; touch pwned $(id) `id` 'quoted'"
    scene = dataclasses.replace(get_scene("fig8").with_overrides(samples=100), name=name)
    path = write_lab(tmp_path / "lab.html", scene=scene, map_size=0)
    lab = "document.querySelector('.ourdl-lab').ourdlLab"
    with browser.open(page_url(path), width=1000, height=760) as tab:
        tab.wait_for(f"{lab} !== undefined", timeout=30)
        command = tab.evaluate(f"{lab}.state().command")
    words = shlex.split(command)
    assert words[:3] == ["render", "scene", name] and "--init" in words, command
