"""The validity gate: every built page, go/ pages and 404s included, has no error for the Nu HTML Checker."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from support.validity import validity_findings


def test_every_page_is_valid_html(reference_site: Path, summary: Callable[[str], None]) -> None:
    checked, findings = validity_findings(reference_site)
    summary(f"Nu HTML Checker: {checked} pages checked, {len(findings)} errors")
    assert checked >= 280
    assert findings == []


def test_the_validity_gate_names_the_page_line_and_element(reference_site: Path, tmp_path: Path) -> None:
    # Two pages of the site, one with a planted defect: the checker reads them as it reads the whole site.
    site = tmp_path / "site"
    for kept in ("zh/projects/index.html", "zh/figures/index.html"):
        (site / kept).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(reference_site / kept, site / kept)
    page = site / "zh" / "projects" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1><span><div>planted</div></span>", 1), encoding="utf-8")
    line = html[: html.index("</h1>")].count("\n") + 1

    checked, findings = validity_findings(site)
    assert checked == 2
    assert len(findings) == 1, findings
    assert findings[0].startswith(
        f"zh/projects/index.html, line {line}: Element “div” not allowed as child of element “span”"
    )
    assert findings[0].endswith("<span><div>plante")  # the checker's extract of the element at fault
