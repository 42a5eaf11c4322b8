"""Quality gates that load built pages in Chromium: what each page requests, stores and breaks.

Each gate returns findings naming the page and the element or address at fault, so a failing test says where to
look. Pages are loaded at the site's public address, answered by Playwright from the built folder with the
headers of its own ``_headers`` file: the browser sees the site as deployed, and the network is closed to every
other address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Route

from vitrine.site.headers import HEADERS_FILE, read_headers_file

# What the theme may keep in the reader's browser: its own settings (palette, consent, tabs…), which Material
# names "<site path>.__<setting>" (for example "/.__palette").
THEME_STORAGE = re.compile(r"\.__\w+$")


@dataclass
class PageRecord:
    url: str
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    storage: list[str] = field(default_factory=list)


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the site, as addresses below its root ("en/sectors/health/", "404.html")."""
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        found.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return found


def _file_for(site: Path, path: str) -> Path | None:
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and site.resolve() in target.resolve().parents else None


def record(
    site: Path, browser: Browser, site_url: str, paths: list[str], with_headers: bool = True
) -> list[PageRecord]:
    """Load each page at the site's public address, answered from ``site`` with the headers of its _headers
    file (as the host would send them); any request to another address is recorded and refused."""
    public = urlsplit(site_url)
    headers = read_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8")) if with_headers else {}
    records = []
    for path in paths:
        context = browser.new_context()
        entry = PageRecord(path)

        def answer(route: Route, entry: PageRecord = entry) -> None:
            parts = urlsplit(route.request.url)
            if parts.netloc != public.netloc:
                entry.requests.append(route.request.url)
                route.abort()
                return
            found = _file_for(site, unquote(parts.path))
            if found is None:
                route.fulfill(status=404, path=site / "404.html", headers=headers)
            else:
                route.fulfill(status=200, path=found, headers=headers)

        context.route("**/*", partial(answer, entry=entry))  # one positional parameter: the route
        page = context.new_page()
        page.on(
            "console",
            lambda message, entry=entry: (
                entry.violations.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        page.goto(f"{public.scheme}://{public.netloc}/{path}", wait_until="load")
        page.wait_for_timeout(300)
        entry.cookies = [cookie["name"] for cookie in context.cookies()]
        entry.storage = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        records.append(entry)
        context.close()
    return records


def privacy_findings(records: list[PageRecord]) -> list[str]:
    findings = []
    for entry in records:
        findings += [f"{entry.url}: request to another host: {url}" for url in entry.requests]
        findings += [f"{entry.url}: cookie set: {name}" for name in entry.cookies]
        findings += [f"{entry.url}: storage written: {key}" for key in entry.storage if not THEME_STORAGE.search(key)]
    return findings


def csp_findings(records: list[PageRecord]) -> list[str]:
    return [f"{entry.url}: {violation}" for entry in records for violation in entry.violations]
