"""The links gate: every address a built site uses, in its pages and in the PDFs of its kit, leads somewhere.

Internal addresses (relative ones, and absolute ones on the site's public address) must name a file of the built
folder, and their ``#anchor`` an element of the target page; each go/ page must forward to a page of the site.
External addresses are not fetched, only listed with the pages that use them, for a person to review. Each
finding names the page (or PDF and page number) and the element at fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

# Addresses that lead to no file: a mail, a call, a script, inline data.
IGNORED_SCHEMES = {"mailto", "tel", "javascript", "data"}
WEB_SCHEMES = {"http", "https"}
# The attributes of each element that load or lead to an address; srcset holds several.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(['\"]?)(.*?)\1\s*$", re.IGNORECASE | re.DOTALL)
GO_FOLDER = "go"
KIT_FOLDER = "kit"


@dataclass
class LinkReport:
    findings: list[str] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)  # address -> the pages and PDFs that use it
    pages_checked: int = 0
    links_checked: int = 0
    pdfs_checked: int = 0


@dataclass(frozen=True)
class _Reference:
    element: str  # as a finding shows it: '<a href="#nowhere">'
    url: str  # as written in the page


@dataclass
class _Page:
    name: str  # "en/sectors/health/", "404.html", "" for the home page
    base: str  # the absolute address the page's relative addresses are resolved against
    ids: set[str]
    references: list[_Reference]
    tree: lxml.html.HtmlElement

    @property
    def shown(self) -> str:
        """The page as a finding names it: the home page is "/"."""
        return self.name or "/"


@dataclass(frozen=True)
class _Site:
    folder: Path
    public: str  # the site's public address, ending with "/"
    files: frozenset[str]  # every file, relative to the folder
    pages: dict[str, _Page]  # by file, relative to the folder: "en/sectors/health/index.html"


def page_name(file: str) -> str:
    """A page as readers address it: "en/sectors/health/" for en/sectors/health/index.html."""
    return file[: -len("index.html")] if file == "index.html" or file.endswith("/index.html") else file


def check_links(site: Path, site_url: str) -> LinkReport:
    """Check every page of the built folder ``site``, its go/ pages and the PDFs under kit/."""
    public = site_url if site_url.endswith("/") else site_url + "/"
    files = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pages = {file: _read_page(site, file, public) for file in sorted(files) if file.endswith(".html")}
    built = _Site(site, public, files, pages)
    report = LinkReport(pages_checked=len(pages))
    for page in pages.values():
        for reference in page.references:
            _check(built, page.shown, page.base, reference, report)
    for file in sorted(files):
        if file.endswith(".css"):
            for reference in _css_references(site / file):
                _check(built, file, public + file, reference, report)
        if file.startswith(f"{GO_FOLDER}/") and file.endswith("/index.html"):
            report.findings += _forwarding_findings(built, pages[file])
        if file.startswith(f"{KIT_FOLDER}/") and file.endswith(".pdf"):
            _check_pdf(built, file, report)
            report.pdfs_checked += 1
    report.external = {url: sorted(set(users)) for url, users in sorted(report.external.items())}
    return report


def write_external_report(report: LinkReport, path: Path) -> None:
    """Write the external addresses, one per line, each followed by the pages and PDFs that use it."""
    lines = [f"# {len(report.external)} external addresses, not fetched: each with the pages and PDFs using it", ""]
    for url, users in report.external.items():
        lines += [url, *(f"    {user}" for user in users)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- pages ---------------------------------------------------------------------------------------------------


def _read_page(site: Path, file: str, public: str) -> _Page:
    tree = lxml.html.fromstring((site / file).read_bytes())
    name = page_name(file)
    base = public + name
    for declared in tree.iter("base"):
        base = urljoin(base, declared.get("href", ""))
        break
    ids = {value for element in tree.iter() for value in (element.get("id"), element.get("name")) if value}
    return _Page(name, base, ids, list(_page_references(tree)), tree)


def _page_references(tree: lxml.html.HtmlElement) -> Iterator[_Reference]:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for attribute in URL_ATTRIBUTES.get(element.tag, ()):
            value = element.get(attribute)
            if value is None:
                continue
            shown = f'<{element.tag} {attribute}="{value}">'
            urls = _srcset_urls(value) if attribute == "srcset" else [value]
            yield from (_Reference(shown, url) for url in urls)
        style = element.get("style")
        if style:
            yield from (_Reference(f'<{element.tag} style="{style}">', url) for url in _css_urls(style))
        if element.tag == "style" and element.text:
            yield from (_Reference(f"<style> url({url})", url) for url in _css_urls(element.text))


def _srcset_urls(srcset: str) -> list[str]:
    # Each candidate is an address and an optional width or density ("a.png 2x"); addresses may hold commas
    # only when percent-encoded, so a comma followed by a space separates candidates.
    return [candidate.split()[0] for candidate in re.split(r",\s+", srcset.strip()) if candidate.strip()]


def _css_urls(css: str) -> list[str]:
    return [match.group(2) for match in CSS_URL.finditer(css)]


def _css_references(stylesheet: Path) -> Iterator[_Reference]:
    for url in _css_urls(stylesheet.read_text(encoding="utf-8", errors="replace")):
        yield _Reference(f"url({url})", url)


def _check(site: _Site, where: str, base: str, reference: _Reference, report: LinkReport) -> None:
    url = reference.url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return
    report.links_checked += 1
    if scheme and scheme not in WEB_SCHEMES:
        report.findings.append(f'{where}: {reference.element}: unknown scheme "{scheme}:"')
        return
    absolute = urljoin(base, url)
    if not absolute.startswith(site.public):
        report.external.setdefault(absolute, []).append(where)
        return
    problem = _internal_problem(site, absolute)
    if problem:
        report.findings.append(f"{where}: {reference.element}: {problem}")


def _internal_problem(site: _Site, absolute: str) -> str | None:
    """Why an address on the site's public address leads nowhere, or None when it leads to a file (and, with an
    anchor into a page, to an element of that page). The query plays no part: the host ignores it."""
    file = _file_of(site, absolute)
    if file is None:
        return f"{_below_root(site, absolute) or '/'} is not in the site"
    anchor = unquote(urlsplit(absolute).fragment)
    target = site.pages.get(file)
    if anchor and target is not None and anchor not in target.ids:
        return f'no element with id "{anchor}" on {target.shown}'
    return None


def _below_root(site: _Site, absolute: str) -> str:
    """The decoded path of an address on the site's public address, below the site's root: "en/sectors/"."""
    return unquote(urlsplit(absolute).path)[len(unquote(urlsplit(site.public).path)) :]


def _file_of(site: _Site, absolute: str) -> str | None:
    """The file the host answers an address with: a file, or the index.html of a folder."""
    path = _below_root(site, absolute)
    folder_index = f"{path.rstrip('/')}/index.html" if path else "index.html"
    if path and not path.endswith("/") and path in site.files:
        return path
    return folder_index if folder_index in site.files else None


# --- go/ pages -------------------------------------------------------------------------------------------------


def _forwarding_findings(site: _Site, page: _Page) -> list[str]:
    """A go/ page forwards at once, and shows a link for browsers that do not, both to a page of the site."""
    refresh = next(
        (m for m in page.tree.iter("meta") if (m.get("http-equiv") or "").lower() == "refresh"),
        None,
    )
    if refresh is None:
        return [f'{page.name}: no <meta http-equiv="refresh">: the page forwards nowhere']
    content = refresh.get("content", "")
    shown = f'<meta http-equiv="refresh" content="{content}">'
    found = REFRESH.match(content)
    if found is None:
        return [f"{page.name}: {shown}: no address to forward to"]
    findings = []
    target = urljoin(page.base, found.group(2))
    problem = _page_problem(site, target)
    if problem:
        findings.append(f"{page.name}: {shown}: {problem}")
    visible = [a.get("href", "") for a in page.tree.iter("a")]
    if not visible:
        findings.append(f"{page.name}: no visible link for browsers that do not follow {shown}")
    findings += [
        f'{page.name}: <a href="{href}">: leads elsewhere than {shown}'
        for href in visible
        if urljoin(page.base, href) != target
    ]
    return findings


def _page_problem(site: _Site, target: str) -> str | None:
    if not target.startswith(site.public):
        return f"forwards to {target}, outside the site"
    problem = _internal_problem(site, target)
    if problem:
        return f"forwards to {target}: {problem}"
    if _file_of(site, target) not in site.pages:
        return f"forwards to {target}, which is not a page"
    return None


# --- PDFs of the kit -------------------------------------------------------------------------------------------


def _check_pdf(site: _Site, file: str, report: LinkReport) -> None:
    reader = PdfReader(site.folder / file)
    names: set[str] | None = None  # read when an annotation first needs them
    page_refs = {(ref.idnum, ref.generation) for ref in (p.indirect_reference for p in reader.pages) if ref}
    for number, page in enumerate(reader.pages, 1):
        where = f"{file} page {number}"
        annotations = _resolved(page.get("/Annots"))
        for annotation in annotations if isinstance(annotations, ArrayObject) else []:
            link = _resolved(annotation)
            if not isinstance(link, DictionaryObject) or link.get("/Subtype") != "/Link":
                continue
            action = _resolved(link.get("/A"))
            destination = link.get("/Dest")
            if isinstance(action, DictionaryObject):
                kind = action.get("/S")
                if kind == "/URI":
                    uri = str(_resolved(action.get("/URI")))
                    _check_pdf_uri(site, where, uri, report)
                    continue
                if kind == "/GoTo":
                    destination = action.get("/D")
                elif kind == "/GoToR":
                    report.links_checked += 1
                    remote = str(_resolved(action.get("/F")))
                    if f"{Path(file).parent.as_posix()}/{remote}" not in site.files:
                        report.findings.append(f"{where}: link to the document {remote}: not in the site")
                    continue
                else:
                    continue
            if destination is None:
                continue
            report.links_checked += 1
            destination = _resolved(destination)
            if isinstance(destination, ArrayObject):
                target = destination[0] if destination else None
                if not isinstance(target, IndirectObject) or (target.idnum, target.generation) not in page_refs:
                    report.findings.append(f"{where}: link to an explicit destination: not a page of {file}")
                continue
            if names is None:
                names = set(reader.named_destinations)
            if str(destination) not in names:
                report.findings.append(f'{where}: link to the destination "{destination}": not in {file}')


def _check_pdf_uri(site: _Site, where: str, uri: str, report: LinkReport) -> None:
    scheme = urlsplit(uri).scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return
    report.links_checked += 1
    if scheme not in WEB_SCHEMES:
        # A PDF has no address of its own once downloaded: a relative link there leads nowhere.
        report.findings.append(f"{where}: link to {uri}: not an absolute web address")
        return
    if not uri.startswith(site.public):
        report.external.setdefault(uri, []).append(where)
        return
    problem = _internal_problem(site, uri)
    if problem:
        report.findings.append(f"{where}: link to {uri}: {problem}")


def _resolved(value: PdfObject | None) -> PdfObject | None:
    return value.get_object() if isinstance(value, IndirectObject) else value
