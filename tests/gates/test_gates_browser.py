"""Gates in Chromium, on every page of every language: no page leaves the site, sets a cookie or stores anything
but the theme's settings, or breaks the Content-Security-Policy of the generated headers; axe-core finds no
violation of WCAG 2.0/2.1 A and AA; each page has one h1 and the right language; nothing overflows a phone's
width. Each gate is also shown a planted defect, and must name the page and the element."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from support.gates import (
    REFERENCE_LANGUAGES,
    accessibility_findings,
    csp_findings,
    document_findings,
    missing_findings,
    overflow_findings,
    pages_in,
    privacy_findings,
    record,
    reference_site_url,
)
from support.project import REFERENCE_CONTENT
from vitrine.pipeline import prepare
from vitrine.site.headers import HEADERS_FILE, NGINX_FILE, read_headers_file


def test_the_gates_know_every_language_of_the_reference_content() -> None:
    model = prepare(REFERENCE_CONTENT)
    assert [language.code for language in model.languages] == REFERENCE_LANGUAGES
    assert model.source_language == REFERENCE_LANGUAGES[0]


def test_the_headers_allow_no_other_origin(reference_site: Path) -> None:
    headers = read_headers_file((reference_site / HEADERS_FILE).read_text(encoding="utf-8"))
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy and "http" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    nginx = (reference_site / NGINX_FILE).read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{policy}" always;' in nginx


@pytest.mark.parametrize("language", REFERENCE_LANGUAGES)
def test_every_page_passes_the_browser_gates(
    browser: Browser, reference_site: Path, language: str, summary: Callable[[str], None]
) -> None:
    paths = pages_in(reference_site, language)
    assert len(paths) >= 29
    records = record(reference_site, browser, reference_site_url(), paths)
    rules = set().union(*(entry.rules for entry in records))
    rules_run = set().union(*(entry.rules_run for entry in records))
    findings = {
        "privacy": privacy_findings(records),
        "missing files": missing_findings(records),
        "security policy": csp_findings(records),
        "accessibility": accessibility_findings(records),
        "language and headings": document_findings(records, language),
        "overflow": overflow_findings(records),
    }
    counts = ", ".join(f"{gate} {len(found)}" for gate, found in findings.items())
    summary(
        f"Browser gates ({language}): {len(records)} pages loaded with the site's headers, {len(rules_run)} axe-core"
        f" rules run ({len(rules)} with something to check); findings: {counts}"
    )
    assert {gate: found for gate, found in findings.items() if found} == {}


def test_the_gates_name_the_page_and_what_is_wrong(browser: Browser, reference_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(reference_site, tmp_path / "site"))
    tracked = site / "en" / "sectors" / "health" / "index.html"
    tracked.write_text(
        tracked.read_text(encoding="utf-8").replace(
            "</body>", '<img src="https://tracker.example/pixel.gif" alt=""></body>'
        ),
        encoding="utf-8",
    )
    scripted = site / "de" / "figures" / "index.html"
    planted_script = "<script>document.cookie='id=1';localStorage.setItem('visitor','1')</script>"
    scripted.write_text(
        scripted.read_text(encoding="utf-8").replace("</body>", f"{planted_script}</body>"), encoding="utf-8"
    )
    broken = site / "index.html"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("</body>", '<img src="/media/gone.png" alt=""></body>'),
        encoding="utf-8",
    )
    assert missing_findings(record(site, browser, reference_site_url(), [""], inspect=False)) == [
        ": a request answered 404: /media/gone.png"
    ]
    pages = ["en/sectors/health/", "de/figures/"]
    # The privacy gate, without the headers that would block both defects: the request and the cookie are seen.
    unprotected = record(site, browser, reference_site_url(), pages, with_headers=False, inspect=False)
    assert privacy_findings(unprotected) == [
        "en/sectors/health/: request to another host: https://tracker.example/pixel.gif",
        "de/figures/: cookie set: id",
        "de/figures/: storage written: visitor",
    ]
    # The policy gate, with the headers: the image from another host and the inline script are refused.
    protected = record(site, browser, reference_site_url(), pages, inspect=False)
    violations = csp_findings(protected)
    assert len(violations) == 2, violations
    assert violations[0].startswith("en/sectors/health/: ") and "tracker.example/pixel.gif" in violations[0]
    assert violations[1].startswith("de/figures/: ") and "script-src" in violations[1]
    assert privacy_findings(protected) == []


def test_the_accessibility_gates_name_the_page_and_the_element(
    browser: Browser, reference_site: Path, tmp_path: Path
) -> None:
    site = Path(shutil.copytree(reference_site, tmp_path / "site"))

    def plant(page: str, old: str, new: str) -> None:
        path = site / page / "index.html"
        html = path.read_text(encoding="utf-8")
        assert old in html
        path.write_text(html.replace(old, new, 1), encoding="utf-8")

    plant("ja/sectors/health", "</h1>", '</h1><img src="../../assets/logo.svg" class="planted-picture">')
    plant("ar/figures", "</h1>", "</h1><h1>planted second title</h1>")
    plant("de/events", '<html dir="ltr" lang="de"', '<html dir="ltr" lang="fr"')
    plant("it/contact", "</h1>", '</h1><div class="planted-wide">wide</div>')
    with (site / "assets" / "vitrine.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\n.planted-wide { width: 600px; }\n")
    pages = ["ja/sectors/health/", "ar/figures/", "de/events/", "it/contact/"]
    records = {entry.url: entry for entry in record(site, browser, reference_site_url(), pages)}

    missing_alt = accessibility_findings([records["ja/sectors/health/"]])
    assert len(missing_alt) == 1, missing_alt
    assert missing_alt[0].startswith("ja/sectors/health/: image-alt (Images must have alternative text): <img")
    assert 'class="planted-picture"' in missing_alt[0]
    assert document_findings([records["ar/figures/"]], "ar") == [
        f"ar/figures/: 2 h1 headings {records['ar/figures/'].h1}, where a page has one"
    ]
    assert document_findings([records["de/events/"]], "de") == [
        'de/events/: <html lang="fr"> where the page is in "de"'
    ]
    wide = overflow_findings([records["it/contact/"]])
    assert wide[0].startswith("it/contact/: at 360 px, the page is ") and any(
        "<div.planted-wide> spans" in w for w in wide
    )
    assert overflow_findings([records["ja/sectors/health/"]]) == []
