"""Markup that would run a script, frame another site or take the page over is found, with its line; what the
site's own components use is not."""

from __future__ import annotations

import pytest

from vitrine.safety import clean_html, markup_findings, svg_findings, unsafe_address

REFUSED_IN_TEXTS = {
    "script block": ("Intro.\n\n<script>alert(1)</script>\n", 3, "<script>"),
    "javascript link": ("Intro.\n\n[click](javascript:alert(1))\n", 3, "javascript:"),
    "javascript link, encoded": ("[click](jav&#x61;script:alert(1))", 1, "javascript:"),
    "javascript link, spaced": ("<a href=' java\tscript:alert(1)'>x</a>", 1, "javascript:"),
    "javascript autolink": ("See <javascript:alert(1)>.", 1, "javascript:"),
    "javascript reference": ("[x][y]\n\n[y]: javascript:alert(1)\n", 3, "javascript:"),
    "img onerror": ('Text\n<img src="x.png" onerror="alert(1)">', 2, "onerror"),
    "iframe": ('<iframe src="https://example.com"></iframe>', 1, "<iframe>"),
    "object": ('<object data="x.swf"></object>', 1, "<object>"),
    "embed": ('<embed src="x.swf">', 1, "<embed>"),
    "style element": ("<style>body{display:none}</style>", 1, "<style>"),
    "style attribute": ('<p style="position:fixed">x</p>', 1, "style"),
    "html data link": ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 1, "data:"),
    "markdown data link": ("[x](data:text/html,<script>alert(1)</script>)", 1, "data:"),
    "form": ('<form action="https://example.com"><input></form>', 1, "<form>"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.com">', 1, "<meta>"),
    "base": ('<base href="https://example.com/">', 1, "<base>"),
    "inline svg": ("<svg onload=alert(1)></svg>", 1, "<svg>"),
    "unknown element": ("<marquee>news</marquee>", 1, "<marquee>"),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>', 1, "vbscript:"),
}


@pytest.mark.parametrize("case", list(REFUSED_IN_TEXTS))
def test_each_kind_of_dangerous_markup_is_found_on_its_line(case: str) -> None:
    text, line, named = REFUSED_IN_TEXTS[case]
    findings = [finding for finding in markup_findings(text) if named in finding.what]
    assert findings, (case, markup_findings(text))
    assert findings[0].line == line and findings[0].fix


ACCEPTED_IN_TEXTS = [
    "Plain text with a colon: and a < sign, 3 < 4.",
    "[Our office](https://example.com/contact) and [mail](mailto:desk@example.com) and [call](tel:+33400000000).",
    "[Relative](../sectors/health/) and [anchor](#top).",
    '<abbr title="Research tax credit">CIR</abbr>, <bdi>Aix</bdi>, <sup>2</sup>, <span class="x">y</span>',
    "![map](data:image/png;base64,iVBORw0KGgo=)",
    "Code is shown, not run: `<script>alert(1)</script>` and\n\n```html\n<iframe src=x></iframe>\n```\n",
    '<div markdown="1" class="note">**Bold**</div>',
]


@pytest.mark.parametrize("text", ACCEPTED_IN_TEXTS)
def test_what_the_site_uses_is_accepted(text: str) -> None:
    assert markup_findings(text) == []


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("https://example.com", False),
        ("/relative", False),
        ("javascript:alert(1)", True),
        ("JaVaScRiPt:alert(1)", True),
        ("data:image/svg+xml;base64,PHN2Zz4=", True),  # an SVG can carry a script
        ("data:image/webp;base64,UklGR", False),
        ("file:///etc/passwd", True),
    ],
)
def test_addresses(address: str, refused: bool) -> None:
    assert (unsafe_address(address) is not None) is refused


REFUSED_DRAWINGS = {
    "script": (b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>', 2, "script"),
    "onload": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 1, "onload"),
    "foreignObject": (
        b'<svg xmlns="http://www.w3.org/2000/svg">\n\n<foreignObject><p>x</p></foreignObject></svg>',
        3,
        "foreignObject",
    ),
    "external image": (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        b'<image xlink:href="https://tracker.example/pixel.png"/></svg>',
        1,
        "another file or site",
    ),
    "javascript href": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"/></svg>',
        1,
        "javascript",
    ),
    "style import": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>',
        1,
        "loads another file",
    ),
    "entity bomb": (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        2,
        "entity",
    ),
    "not xml": (b"GIF89a this is not a drawing", 1, "not valid SVG"),
    "unclosed": (b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>', 3, "not valid SVG"),
}


@pytest.mark.parametrize("case", list(REFUSED_DRAWINGS))
def test_each_kind_of_dangerous_drawing_is_found(case: str) -> None:
    data, line, named = REFUSED_DRAWINGS[case]
    findings = svg_findings(data)
    assert findings, case
    assert findings[0].line == line and named in findings[0].what


def test_a_plain_drawing_with_internal_references_is_accepted() -> None:
    drawing = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        b'<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/>'
        b'<use xlink:href="#g"/><style>.a{fill:#fff}</style></svg>'
    )
    assert svg_findings(drawing) == []


def test_the_rendered_html_keeps_the_allowed_and_drops_the_rest() -> None:
    cleaned = clean_html(
        '<p class="lead">Hi <a href="https://example.com" rel="external noopener">x</a></p>'
        '<img src="a.png" alt="" onerror="alert(1)"><script>alert(1)</script><a href="javascript:alert(1)">y</a>'
    )
    assert '<p class="lead">' in cleaned and 'rel="external noopener"' in cleaned
    assert "onerror" not in cleaned and "<script" not in cleaned and "javascript:" not in cleaned


def test_a_link_to_another_site_gets_noopener_and_a_link_inside_does_not() -> None:
    cleaned = clean_html('<p><a href="https://www.cnil.fr/fr/plaintes">CNIL</a> <a href="../contact/">us</a></p>')
    assert '<a rel="external noopener" href="https://www.cnil.fr/fr/plaintes">' in cleaned
    assert '<a href="../contact/">' in cleaned


def test_an_autolink_is_a_link_not_an_element() -> None:
    assert markup_findings("Read <https://www.insee.fr/fr/statistiques> first.") == []
    found = markup_findings("Line one.\n\nRead <javascript:alert(1)> now.")
    assert [finding.line for finding in found] == [3] and "javascript:" in found[0].what
