"""The links gate: every internal link and anchor of every page and every PDF of the kit resolves, every image
exists, every go/ address forwards to a page; external addresses are listed in test-output/, not fetched."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link

from support.gates import reference_site_url
from support.links import check_links, write_external_report
from support.project import PROJECT

EXTERNAL_REPORT = PROJECT / "test-output" / "external-links.txt"


def test_every_link_of_the_site_and_the_kit_resolves(reference_site: Path, summary: Callable[[str], None]) -> None:
    report = check_links(reference_site, reference_site_url())
    write_external_report(report, EXTERNAL_REPORT)
    summary(
        f"Links: {report.pages_checked} pages and {report.pdfs_checked} PDFs, {report.links_checked} addresses"
        f" checked, {len(report.findings)} broken; {len(report.external)} external addresses listed in"
        f" {EXTERNAL_REPORT}"
    )
    go_pages = [p for p in (reference_site / "go").iterdir() if (p / "index.html").is_file()]
    assert report.pages_checked >= 280 and report.pdfs_checked >= 100 and len(go_pages) >= 50
    assert report.links_checked > 10_000
    assert report.findings == []
    # Sources of figures are external: listed, with the pages that cite them, and never fetched.
    assert report.external and all(users for users in report.external.values())
    assert all(not url.startswith(reference_site_url()) for url in report.external)


def _plant(site: Path, page: str, old: str, new: str) -> None:
    path = site / page
    html = path.read_text(encoding="utf-8")
    assert old in html, f"{old} not in {page}"
    path.write_text(html.replace(old, new, 1), encoding="utf-8")


def _plant_pdf_link(site: Path, file: str, uri: str) -> None:
    """Add a link annotation to ``uri`` on the first page of a PDF of the kit."""
    reader = PdfReader(site / file)
    writer = PdfWriter(clone_from=reader)
    link = Link(rect=(10, 10, 60, 30), url=uri)
    writer.add_annotation(page_number=0, annotation=link)
    writer.write(site / file)


def test_the_links_gate_names_the_page_and_the_element(reference_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(reference_site, tmp_path / "site"))
    public = reference_site_url()
    _plant(site, "index.html", "</h1>", '</h1><a href="sectors/#gone">planted</a>')
    _plant(site, "en/sectors/health/index.html", "</h1>", '</h1><a href="#nowhere">planted</a>')
    _plant(site, "ja/figures/index.html", "</h1>", '</h1><img src="../assets/planted.png" alt="planted">')
    _plant(site, "de/index.html", "</h1>", '</h1><a href="events/#planted-event">planted</a>')
    _plant(site, "it/contact/index.html", "</h1>", f'</h1><a href="{public}it/no-such-page/">planted</a>')
    _plant(site, "go/en-sheet-health/index.html", "url=../../en/sectors/health/", "url=../../en/sectors/retired/")
    pdf = "kit/en/sheet-health.pdf"
    _plant_pdf_link(site, pdf, f"{public}en/retired-page/")

    report = check_links(site, public)
    findings = "\n".join(report.findings)
    assert '/: <a href="sectors/#gone">: no element with id "gone" on sectors/' in findings
    assert 'en/sectors/health/: <a href="#nowhere">: no element with id "nowhere" on en/sectors/health/' in findings
    assert 'ja/figures/: <img src="../assets/planted.png">: ja/assets/planted.png is not in the site' in findings
    assert 'de/: <a href="events/#planted-event">: no element with id "planted-event" on de/events/' in findings
    assert f'it/contact/: <a href="{public}it/no-such-page/">: it/no-such-page/ is not in the site' in findings
    assert f"{pdf} page 1: link to {public}en/retired-page/: en/retired-page/ is not in the site" in findings
    assert (
        'go/en-sheet-health/: <meta http-equiv="refresh" content="0; url=../../en/sectors/retired/?utm_source='
        in findings
    )
    assert "forwards to " + public + "en/sectors/retired/?utm_source=sheet-health" in findings
    assert "en/sectors/retired/ is not in the site" in findings
    # Each defect is reported once, the go/ page twice (its forwarding and its visible link now disagree).
    assert len(report.findings) == 8, findings
