"""`render check --report junit.xml`: one JUnit test case per scene, so any CI lists the scene checks.

The format is the one pytest's `--junitxml` writes and GitHub/GitLab/Jenkins read: a <testsuites> root
with one <testsuite>; a scene that differs (or has no golden) is a <failure> whose message is its
one-line summary and whose text is the full report, with the picture's path in <system-out>.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

from render.record.atomic import atomic_write
from render.record.check_result import CheckReport

SUITE = "render check"


def junit_xml(report: CheckReport, suite: str = SUITE) -> ET.Element:
    """The report as a JUnit <testsuites> element."""
    seconds = sum(r.seconds for r in report.results)
    counts = {"tests": str(len(report.results)), "failures": str(len(report.failed)), "errors": "0",
              "skipped": "0", "time": f"{seconds:.3f}"}
    root = ET.Element("testsuites", name=suite, **counts)
    suite_el = ET.SubElement(root, "testsuite", name=suite, timestamp=time.strftime("%Y-%m-%dT%H:%M:%S"),
                             **counts)
    props = ET.SubElement(suite_el, "properties")
    for name, value in (("goldens", str(report.golden_dir)), ("rtol", f"{report.rtol:g}"),
                        ("atol", f"{report.atol:g}"), ("update", str(report.update).lower())):
        ET.SubElement(props, "property", name=name, value=value)
    for r in report.results:
        case = ET.SubElement(suite_el, "testcase", classname="render.check", name=r.scene,
                             file=str(r.golden), time=f"{r.seconds:.3f}")
        if not r.ok:
            failure = ET.SubElement(case, "failure", message=r.headline(), type=r.status.replace(" ", "_"))
            failure.text = str(r)
        elif r.status != "match":
            ET.SubElement(case, "system-out").text = r.lines()[0]  # created / updated / removed
        if r.picture is not None:
            out = case.find("system-out")
            line = f"picture: {r.picture}"
            if out is None:
                ET.SubElement(case, "system-out").text = line
            else:
                out.text = f"{out.text}\n{line}"
    return root


def write_junit(report: CheckReport, path: Path | str, suite: str = SUITE) -> Path:
    """Write the JUnit XML file atomically (its folder is created if needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tree = ET.ElementTree(junit_xml(report, suite))
    ET.indent(tree)
    with atomic_write(path) as tmp:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
    return path
