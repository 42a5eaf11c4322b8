"""Quality gates that load built pages in Chromium: what each page requests, stores, breaks and fails to offer.

Each gate returns findings naming the page and the element or address at fault, so a failing test says where to
look. Pages are loaded at the site's public address, answered by Playwright from the built folder with the
headers of its own ``_headers`` file: the browser sees the site as deployed, and the network is closed to every
other address. One visit per page serves every gate: privacy, the Content-Security-Policy, accessibility
(axe-core), the document's language and headings, and horizontal overflow on a phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, ConsoleMessage, Page, Route, ViewportSize

from support.project import PROJECT, REFERENCE_CONTENT
from vitrine.pipeline import prepare
from vitrine.site.headers import HEADERS_FILE, read_headers_file

# The languages of the reference content, the source language (at the site's root) first. Tests are
# parametrised with them before any content is read; a test checks that they are the content's.
REFERENCE_LANGUAGES = ["fr", "en", "de", "it", "ja", "zh", "ar"]
AXE_SCRIPT = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# axe-core on the WCAG rules, bringing back only rule names and the violations' elements: its full results (every
# element of every rule that passed) cost more to send out of the browser than the checks themselves.
AXE_RUN = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then((r) => ({
    applicable: [...r.passes, ...r.violations, ...r.incomplete].map((rule) => rule.id),
    inapplicable: r.inapplicable.map((rule) => rule.id),
    violations: r.violations.map((v) => ({id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html)})),
  }))"""
# The rules of WCAG 2.0 and 2.1, levels A and AA (RGAA 4.1 follows WCAG 2.1 AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE_WIDTH = 360
AFTER_LOAD_MS = 150

# The elements that make the page wider than the viewport, each described by where the overflow begins
# (an element that overflows while its parent does not). Only the side the text runs towards counts: the
# drawer waits off-screen on the other side, where it makes nothing scroll.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width + 1) return [];
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  const outside = (r) => r.width > 0 && r.height > 0 && (rtl ? r.left < -1 : r.right > width + 1);
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (!outside(box) || outside(element.parentElement.getBoundingClientRect())) continue;
    const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + [...element.classList].map((c) => "." + c).join("");
    found.push(`<${name}> spans ${Math.round(box.left)} to ${Math.round(box.right)} px`);
  }
  if (found.length === 0) found.push("no element's box crosses the edge: look at list bullets, ::before and ::after");
  return [`the page is ${document.documentElement.scrollWidth} px wide`, ...found.slice(0, 10)];
}"""

DOCUMENT_SCRIPT = """() => ({
  lang: document.documentElement.getAttribute("lang") || "",
  h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()),
})"""

# What the theme may keep in the reader's browser: its own settings (palette, consent, tabs…), which Material
# names "<site path>.__<setting>" (for example "/.__palette").
THEME_STORAGE = re.compile(r"\.__\w+$")


@dataclass
class PageRecord:
    url: str
    requests: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # addresses of the site that answered 404
    violations: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    storage: list[str] = field(default_factory=list)
    accessibility: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)
    lang: str = ""
    h1: list[str] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)  # the axe-core rules that found something to check
    rules_run: set[str] = field(default_factory=set)  # every rule run, including those with nothing to check


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the site, as addresses below its root ("en/sectors/health/", "404.html")."""
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        found.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return found


def pages_in(site: Path, language: str) -> list[str]:
    """The pages of one language of the reference site (go/ forwarding pages left out): the source language's
    are at the root, every other one's below its code."""
    if language != REFERENCE_LANGUAGES[0]:
        return [p for p in pages_of(site) if p.startswith(f"{language}/")]
    others = set(REFERENCE_LANGUAGES[1:])
    return [p for p in pages_of(site) if p.split("/", 1)[0] not in others and not p.startswith("go/")]


def reference_site_url() -> str:
    """The public address of the reference site, as its content declares it."""
    return str(prepare(REFERENCE_CONTENT).territory.data.site_url)


def _file_for(site: Path, path: str) -> Path | None:
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and site.resolve() in target.resolve().parents else None


def record(
    site: Path, browser: Browser, site_url: str, paths: list[str], with_headers: bool = True, inspect: bool = True
) -> list[PageRecord]:
    """Load each page at the site's public address, answered from ``site`` with the headers of its _headers
    file (as the host would send them); any request to another address is recorded and refused. With
    ``inspect``, also run axe-core at desktop width, read the document's language and headings, then narrow
    the window to a phone's width and look for horizontal overflow."""
    public = urlsplit(site_url)
    headers = read_headers_file((site / HEADERS_FILE).read_text(encoding="utf-8")) if with_headers else {}
    axe = AXE_SCRIPT.read_text(encoding="utf-8") if inspect else ""
    records: list[PageRecord] = []
    # One browser context for the list (a new one costs a quarter of a second a page): what a page leaves behind,
    # cookies and storage, is read and then cleared before the next page loads.
    context = browser.new_context(viewport=DESKTOP)

    def answer(route: Route) -> None:
        entry = records[-1]
        parts = urlsplit(route.request.url)
        if parts.netloc != public.netloc:
            entry.requests.append(route.request.url)
            route.abort()
            return
        found = _file_for(site, unquote(parts.path))
        if found is None:
            entry.missing.append(parts.path)
            route.fulfill(status=404, path=site / "404.html", headers=headers)
        else:
            route.fulfill(status=200, path=found, headers=headers)

    context.route("**/*", answer)
    if inspect:  # loaded into every page by the browser itself: sending it with each page cost a tenth of a second
        context.add_init_script(script=axe)
    page = context.new_page()
    page.on("console", lambda message: _note_policy_violation(message, records[-1]))
    for path in paths:
        entry = PageRecord(path)
        records.append(entry)
        page.set_viewport_size(DESKTOP)
        page.goto(f"{public.scheme}://{public.netloc}/{path}", wait_until="load")
        # What the page's scripts do just after loading (a cookie, a late request) is seen once the inspection,
        # which takes longer, is over; without it, a short wait gives them the same chance.
        if inspect:
            _inspect(page, entry)
        else:
            page.wait_for_timeout(AFTER_LOAD_MS)
        entry.cookies = [cookie["name"] for cookie in context.cookies()]
        entry.storage = page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        context.clear_cookies()
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    context.close()
    return records


def _note_policy_violation(message: ConsoleMessage, entry: PageRecord) -> None:
    if "Content Security Policy" in message.text:
        entry.violations.append(message.text)


def _inspect(page: Page, entry: PageRecord) -> None:
    results = page.evaluate(AXE_RUN, WCAG_TAGS)
    entry.rules = set(results["applicable"])
    entry.rules_run = entry.rules | set(results["inapplicable"])
    for violation in results["violations"]:
        for html in violation["nodes"]:
            element = " ".join(html.split())[:160]
            entry.accessibility.append(f"{violation['id']} ({violation['help']}): {element}")
    facts = page.evaluate(DOCUMENT_SCRIPT)
    entry.lang, entry.h1 = facts["lang"], facts["h1"]
    # Reading the page's width lays it out again at the new size: no wait is needed.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 740})
    entry.overflow = page.evaluate(OVERFLOW_SCRIPT)


def privacy_findings(records: list[PageRecord]) -> list[str]:
    findings = []
    for entry in records:
        findings += [f"{entry.url}: request to another host: {url}" for url in entry.requests]
        findings += [f"{entry.url}: cookie set: {name}" for name in entry.cookies]
        findings += [f"{entry.url}: storage written: {key}" for key in entry.storage if not THEME_STORAGE.search(key)]
    return findings


def missing_findings(records: list[PageRecord]) -> list[str]:
    return [f"{entry.url}: a request answered 404: {path}" for entry in records for path in entry.missing]


def csp_findings(records: list[PageRecord]) -> list[str]:
    return [f"{entry.url}: {violation}" for entry in records for violation in entry.violations]


def accessibility_findings(records: list[PageRecord]) -> list[str]:
    return [f"{entry.url}: {finding}" for entry in records for finding in entry.accessibility]


def overflow_findings(records: list[PageRecord]) -> list[str]:
    return [f"{entry.url}: at {PHONE_WIDTH} px, {finding}" for entry in records for finding in entry.overflow]


def document_findings(records: list[PageRecord], language: str) -> list[str]:
    """Each page has one h1 and declares ``language`` on its <html> element."""
    findings = []
    for entry in records:
        if entry.lang != language:
            findings.append(f'{entry.url}: <html lang="{entry.lang}"> where the page is in "{language}"')
        if len(entry.h1) != 1:
            findings.append(f"{entry.url}: {len(entry.h1)} h1 headings {entry.h1}, where a page has one")
    return findings
