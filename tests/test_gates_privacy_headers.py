"""Gates in Chromium: no page leaves the site, sets a cookie or stores anything but the theme's settings, and no
page breaks the Content-Security-Policy of the generated headers. Each gate is also shown a planted defect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import REFERENCE_CONTENT
from gates import csp_findings, pages_of, privacy_findings, record
from vitrine.pipeline import prepare
from vitrine.site.headers import HEADERS_FILE, NGINX_FILE, read_headers_file

LANGUAGES = ["fr", "en", "de", "it", "ja", "zh", "ar"]
OTHERS = set(LANGUAGES) - {"fr"}


def site_url() -> str:
    return str(prepare(REFERENCE_CONTENT).territory.data.site_url)


def pages_in(site: Path, language: str) -> list[str]:
    paths = pages_of(site)
    if language == "fr":
        return [p for p in paths if p.split("/", 1)[0] not in OTHERS and not p.startswith("go/")]
    return [p for p in paths if p.startswith(f"{language}/")]


def test_the_headers_allow_no_other_origin(reference_site: Path) -> None:
    headers = read_headers_file((reference_site / HEADERS_FILE).read_text(encoding="utf-8"))
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy and "http" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    nginx = (reference_site / NGINX_FILE).read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{policy}" always;' in nginx


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_leaves_the_site_stores_anything_or_breaks_the_policy(
    browser: Browser, reference_site: Path, language: str
) -> None:
    paths = pages_in(reference_site, language)
    assert len(paths) >= 29
    records = record(reference_site, browser, site_url(), paths)
    print(f"\n{language}: {len(records)} pages loaded with the site's headers")
    assert privacy_findings(records) == []
    assert csp_findings(records) == []


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
    pages = ["en/sectors/health/", "de/figures/"]
    # The privacy gate, without the headers that would block both defects: the request and the cookie are seen.
    unprotected = record(site, browser, site_url(), pages, with_headers=False)
    assert privacy_findings(unprotected) == [
        "en/sectors/health/: request to another host: https://tracker.example/pixel.gif",
        "de/figures/: cookie set: id",
        "de/figures/: storage written: visitor",
    ]
    # The policy gate, with the headers: the image from another host and the inline script are refused.
    protected = record(site, browser, site_url(), pages)
    violations = csp_findings(protected)
    assert len(violations) == 2, violations
    assert violations[0].startswith("en/sectors/health/: ") and "tracker.example/pixel.gif" in violations[0]
    assert violations[1].startswith("de/figures/: ") and "script-src" in violations[1]
    assert privacy_findings(protected) == []
