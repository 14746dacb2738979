"""Under GitHub Actions, a short Markdown summary of the scene checks on the run's page.

GitHub sets GITHUB_STEP_SUMMARY to a file; Markdown appended to it is shown on the workflow run's
summary page. It cannot show a PNG from the runner's disk, so the summary gives each picture's path
(the example workflow uploads the pictures as an artifact). Scene names and run labels come from users'
files: every table cell is escaped, so none of it becomes HTML or breaks the table.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from pathlib import Path

from render.record.check_result import SceneResult

ENV = "GITHUB_STEP_SUMMARY"
MARK = {"match": "✅", "created": "🆕", "updated": "✏️", "removed": "🗑️"}


def _cell(value: object) -> str:
    """Plain text in a Markdown table cell: HTML-escaped, pipes escaped, one line."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return text.replace("|", "\\|").replace("`", "&#96;").replace("*", "\\*").replace("_", "\\_")


def _path(path: Path | None) -> str:
    if path is None:
        return ""
    text = str(path)
    return f"`{text}`" if "`" not in text and "|" not in text else _cell(text)


def summary_markdown(results: list[SceneResult], heading: str) -> str:
    """A heading and one table row per scene: its result, its first difference and its picture."""
    rows = ["| scene | result | first difference | picture |", "| --- | --- | --- | --- |"]
    for r in results:
        where = r.difference() or ("" if r.ok else r.lines()[0].removeprefix(f"{r.scene}: "))
        rows.append(f"| {_cell(r.scene)} | {MARK.get(r.status, '❌')} {_cell(r.status)} | {_cell(where)} | "
                    f"{_path(r.picture)} |")
    return "\n".join([f"### {_cell(heading)}", "", *rows, ""]) + "\n"


def append_step_summary(results: list[SceneResult], heading: str,
                        env: Mapping[str, str] | None = None) -> Path | None:
    """Append the summary to $GITHUB_STEP_SUMMARY when it is set; return that file, else None."""
    target = (os.environ if env is None else env).get(ENV)
    if not target:
        return None
    path = Path(target)
    with open(path, "a", encoding="utf-8") as f:
        f.write(summary_markdown(results, heading))
    return path
