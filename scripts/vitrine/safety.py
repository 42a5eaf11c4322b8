"""What content may not carry into the site or the kit: markup that runs code, loads another site's content into a
page or takes over the page, in a text or inside a drawing. Content arrives from partners by e-mail: a pasted
``<script>`` or an ``onerror=`` must be refused with a message, not published.

Texts may hold the small set of HTML the site's own components need (``ALLOWED_TAGS``); everything else is a
content error naming the line. The rendered HTML is also cleaned with nh3 against the same list (``clean_html``),
in case a way in was missed here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.parsers import expat

import nh3

# Elements a text may hold (Markdown writes most of them itself; staff may write the others by hand).
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp", "small", "source",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "wbr",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = frozenset(
    {
        "alt", "class", "colspan", "datetime", "dir", "height", "href", "hreflang", "id", "lang", "loading",
        "rel", "rowspan", "sizes", "src", "srcset", "start", "title", "type", "width", "open", "reversed",
        "scope", "headers", "cite", "decoding", "role", "target",
    }
)  # fmt: skip
# Refused outright, each with its own explanation (other unknown elements are refused as "not allowed").
DANGEROUS_TAGS = {
    "script": "a script would run in every reader's browser",
    "iframe": "a frame would show another site inside the page",
    "frame": "a frame would show another site inside the page",
    "object": "an embedded object would run outside the page's control",
    "embed": "an embedded object would run outside the page's control",
    "applet": "an embedded object would run outside the page's control",
    "style": "a style block could change or hide any part of the page",
    "link": "a link element would load a file from elsewhere into the page",
    "meta": "a meta element could send readers to another address",
    "base": "a base element would change where every link of the page goes",
    "form": "a form would collect what readers type",
    "svg": "a drawing written in the text could carry a script: put it in a file under media/",
    "math": "formula markup is not supported in texts",
}
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "cite", "data"})
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
IMAGE_DATA = re.compile(r"^data:image/(?:png|jpe?g|gif|webp|avif);base64,", re.IGNORECASE)
# Markdown links and images [text](address), <address> and reference definitions [name]: address.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
# As CommonMark has them: an autolink holds no "<", a label at most 999 characters (so that a text of thousands of
# "<a:" or "[" is read in linear time, not quadratic).
MARKDOWN_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
MARKDOWN_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]{1,999}\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)


@dataclass(frozen=True)
class Finding:
    line: int  # 1 = the first line of the text examined
    what: str  # what is wrong, in plain words
    fix: str  # what to write instead


def _scheme_of(address: str) -> str:
    """The scheme of an address as a browser reads it: entities decoded, spaces and control characters dropped."""
    cleaned = "".join(c for c in html.unescape(address) if ord(c) > 0x20).lower()
    found = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return f"{found.group(1)}:" if found else ""


def unsafe_address(address: str) -> str | None:
    """Why an address may not be used (javascript:, data: other than an image, an unknown scheme), or None."""
    scheme = _scheme_of(address)
    if not scheme or scheme in SAFE_SCHEMES:
        return None
    if scheme == "data:":
        compact = "".join(c for c in html.unescape(address) if ord(c) > 0x20)
        return None if IMAGE_DATA.match(compact) else "a data: address other than an image"
    if scheme in ("javascript:", "vbscript:"):
        return f"a {scheme} address, which would run a script when clicked"
    return f"an address starting with “{scheme}”, which the site does not link to"


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in DANGEROUS_TAGS:
            self.findings.append(
                Finding(line, f"the text holds a <{tag}> element: {DANGEROUS_TAGS[tag]}.", f"remove the <{tag}>.")
            )
            return
        if tag not in ALLOWED_TAGS:
            self.findings.append(
                Finding(
                    line,
                    f"the text holds a <{tag}> element, which texts may not use.",
                    "write it in Markdown, or remove the element.",
                )
            )
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(
                    Finding(
                        line,
                        f"the <{tag}> element has an event handler ({name}=…), which would run a script.",
                        f"remove {name}=….",
                    )
                )
            elif name == "style":
                self.findings.append(
                    Finding(
                        line, f"the <{tag}> element has a style attribute.", "remove style=…: the site sets styles."
                    )
                )
            elif name in URL_ATTRIBUTES and value is not None:
                for address in value.split(",") if name == "srcset" else [value]:
                    reason = unsafe_address(address.strip().split(" ")[0])
                    if reason:
                        self.findings.append(
                            Finding(line, f"the <{tag}> element links to {reason}.", "link to an https:// address.")
                        )

    handle_startendtag = handle_starttag


def _code_spans_blanked(text: str) -> str:
    """The text with its code (fenced blocks and `spans`) blanked out, lines kept: code is shown, not run."""

    def blank(found: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", found.group(0))

    text = re.sub(r"^(```|~~~).*?^\1[ \t]*$", blank, text, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`\n]+`", blank, text)


def markup_findings(text: str) -> list[Finding]:
    """Everything in a text (Markdown, or a plain value) that the site may not publish."""
    if "<" not in text and ":" not in text:
        return []
    shown = _code_spans_blanked(text)
    inspector = _Inspector()
    # An autolink (<https://example.org/>) is a link, not an element: its address is checked below.
    inspector.feed(MARKDOWN_AUTOLINK.sub(lambda found: " " * len(found.group(0)), shown))
    if len(inspector.rawdata) > 1000:
        # A tag left open, and a long text after it: Python's HTML parser (before 3.11.13) would rescan the rest of
        # the text from each "<" that follows, and thousands of them take minutes. A ">" closes the open tag.
        inspector.feed(">")
    inspector.close()
    findings = list(inspector.findings)
    for pattern in (MARKDOWN_LINK, MARKDOWN_AUTOLINK, MARKDOWN_REFERENCE):
        for found in pattern.finditer(shown):
            reason = unsafe_address(found.group(1))
            if reason:
                line = shown.count("\n", 0, found.start(1)) + 1
                findings.append(Finding(line, f"a link goes to {reason}.", "link to an https:// address."))
    return sorted(set(findings), key=lambda finding: finding.line)


# --- drawings ---------------------------------------------------------------------------------------------

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
SVG_REFUSED = {
    "script": "a script, which would run wherever the drawing is shown",
    "foreignObject": "a foreignObject, which can carry any HTML",
    "iframe": "a frame",
    "embed": "an embedded object",
    "object": "an embedded object",
    "handler": "an event handler",
}


def svg_findings(data: bytes) -> list[Finding]:
    """Why a drawing (SVG) may not be published: not XML, or carrying scripts, event handlers, foreign content
    or references to other files or sites."""
    findings: list[Finding] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    elements: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.split(" ")[-1]
        line = parser.CurrentLineNumber
        elements.append(local)
        if local in SVG_REFUSED:
            findings.append(Finding(line, f"the drawing holds {SVG_REFUSED[local]}.", f"remove the <{local}> element."))
        for attribute, value in attributes.items():
            short = attribute.split(" ")[-1]
            if short.lower().startswith("on"):
                findings.append(
                    Finding(line, f"the <{local}> element has an event handler ({short}=…).", f"remove {short}=….")
                )
            elif short == "href" and not value.strip().startswith("#"):
                what = "another file or site" if unsafe_address(value) is None else unsafe_address(value)
                findings.append(
                    Finding(
                        line,
                        f"the <{local}> element refers to {what} ({value[:60]}).",
                        "draw it inside the file, or refer only to parts of the same drawing (#id).",
                    )
                )
            elif "url(" in value and re.search(r"url\(\s*['\"]?(?!#)", value):
                findings.append(
                    Finding(line, f"the <{local}> element loads {value[:60]}.", "refer only to parts of the drawing.")
                )

    def text_of_style(content: str) -> None:
        if elements and elements[-1] == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", content):
            findings.append(
                Finding(
                    parser.CurrentLineNumber,
                    "the drawing's style loads another file.",
                    "remove the @import or url(…) from its <style>.",
                )
            )

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: elements.pop() if elements else None
    parser.CharacterDataHandler = text_of_style
    # An entity declaration can expand into millions of characters (a "billion laughs"): none is accepted.
    parser.EntityDeclHandler = lambda name, *rest: findings.append(
        Finding(parser.CurrentLineNumber, f"the drawing declares an entity ({name}).", "remove the <!ENTITY …>.")
    )
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        if b"<!ENTITY" in data:
            return [
                Finding(
                    error.lineno or 1,
                    "the drawing declares entities (<!ENTITY …>), which can make a small file expand without end.",
                    "export it again from the drawing program, as plain SVG.",
                )
            ]
        return [
            Finding(
                error.lineno or 1,
                "the drawing is not valid SVG: its XML is broken on this line (an element or a quotation mark "
                "left open, or a character out of place).",
                "export it again from the drawing program, as SVG.",
            )
        ]
    return findings


# --- the HTML that reaches pages ---------------------------------------------------------------------------


def clean_html(fragment: str) -> str:
    """Rendered Markdown reduced to the allowed elements, attributes and addresses (a second line of defence
    behind the content check); external links get rel="noopener"."""
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={"*": set(ALLOWED_ATTRIBUTES)},
        url_schemes={"http", "https", "mailto", "tel", "data"},
        link_rel=None,  # nh3 would put it on every link; only links to other sites need it
        strip_comments=False,
    )
    return EXTERNAL_LINK.sub(r'<a rel="external noopener" \1>', cleaned)


# A link to another site without rel (nh3 writes attributes in double quotes): the other site gets no handle on
# the reader's tab.
EXTERNAL_LINK = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="https?://[^"]*"[^>]*)>')
