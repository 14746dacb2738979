"""The pages' JavaScript: ES modules in render/web/src, one esbuild bundle per page kind in assets/.

Each page inlines exactly its kind's bundle (and no other script); every relative `import` in src/ names a
file that exists (a missing module fails here, not in a reader's browser); every committed bundle has
its entry module, and every entry its bundle. Whether a bundle is exactly what the sources build is
.ci/js's check (it needs node); this file needs only Python.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from render.web import backprop, gallery_page, lab, player
from render.web.build import asset, page

WEB = Path(player.__file__).parent
SRC, ASSETS = WEB / "src", WEB / "assets"
#: `import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`, and JSDoc `import("./x.js")`
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}/[^"']+)["']""")
#: each page kind's bundle: the player's kinds, and the lab
BUNDLES = {**player.SCRIPTS, "lab": lab.SCRIPT, "backprop": backprop.SCRIPT}


def inline_scripts(text: str) -> list[str]:
    """The bodies of a page's <script> elements that run (not the JSON data block)."""
    return re.findall(r"<script>(.*?)</script>", text, flags=re.S)


def test_every_import_in_src_names_a_file_that_exists():
    modules = sorted(SRC.rglob("*.js"))
    assert len(modules) > 20
    missing = []
    for module in modules:
        for target in IMPORT.findall(module.read_text(encoding="utf-8")):
            if not (module.parent / target).resolve().is_file():
                missing.append(f"{module.relative_to(WEB)} imports {target}")
    assert not missing, "\n".join(missing)


def test_the_import_check_finds_a_missing_module(tmp_path):
    """The pattern above sees every form the sources use (so the test above can fail)."""
    text = ('import { a } from "./a.js";\nimport * as b from "../b.js";\nexport { c } from "./c.js";\n'
            '/** @typedef {import("./d.js").D} D */\nimport "./e.js";\n')
    assert IMPORT.findall(text) == ["./a.js", "../b.js", "./c.js", "./d.js", "./e.js"]


def test_each_bundle_has_its_entry_and_each_entry_its_bundle():
    entries = {p.stem for p in (SRC / "entries").glob("*.js")}
    bundles = {p.name.removesuffix(".bundle.js") for p in ASSETS.glob("*.bundle.js")}
    assert bundles == entries, "a stale bundle or an entry never built: npm run build"
    assert set(BUNDLES.values()) | {gallery_page.BUNDLE} == {f"{name}.bundle.js" for name in entries}


@pytest.mark.parametrize("kind", sorted(BUNDLES))
def test_a_page_inlines_exactly_its_kinds_bundle(kind):
    bundle = BUNDLES[kind]
    text = page(title="t", lang="en", body="", data={}, script=bundle, styles=["page.css"])
    scripts = inline_scripts(text)
    assert scripts == [asset(bundle)]
    others = [b for b in set(BUNDLES.values()) - {bundle} if asset(b) in text]
    assert not others


def test_the_pages_written_inline_their_kinds_bundle():
    """A runs scene, one with data and surface panels, and the lab each carry their own bundle."""
    from render.record import record
    from scenes import get_scene

    for name, kind in (("fig8", "runs"), ("adaline", "panels")):
        snapshot = record(get_scene(name).with_overrides(samples=40, every=20))
        assert inline_scripts(player.player_html(snapshot)) == [asset(BUNDLES[kind])], name
    assert inline_scripts(lab.lab_html(map_size=0)) == [asset(BUNDLES["lab"])]


def test_no_page_script_is_left_in_assets():
    """The modules live in src/ only; assets/ holds the bundles and the styles."""
    loose = [p.name for p in ASSETS.glob("*.js") if not p.name.endswith(".bundle.js")]
    assert not loose
