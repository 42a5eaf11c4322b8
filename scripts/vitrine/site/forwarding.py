"""The short addresses printed under the kit's QR codes: ``/go/<code>/`` forwards to the page in the document's
language, with the campaign parameters.

Each address is a tiny HTML page (an immediate meta refresh, plus a link for the rare browser without it), so
forwarding works on any static host; ``_redirects`` gives hosts that read it (Netlify, Cloudflare Pages) a real
HTTP redirect for the same table.
"""

from __future__ import annotations

import html
from pathlib import Path

from vitrine.kit.plan import GO_FOLDER, Forward, forwarding_table
from vitrine.resolve import Model

REDIRECTS_FILE = "_redirects"


def forwarding_page(forward: Forward, site_url: str, view_text: str) -> str:
    relative = f"../../{forward.target}"
    absolute = f"{site_url.rstrip('/')}/{forward.target}"
    return (
        f'<!doctype html>\n<html lang="{forward.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(view_text)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={html.escape(relative)}">\n'
        f'<link rel="canonical" href="{html.escape(absolute)}">\n'
        f'</head>\n<body>\n<p><a href="{html.escape(relative)}">{html.escape(view_text)}</a></p>\n</body>\n</html>\n'
    )


def write_forwarding(site: Path, model: Model) -> int:
    """Write every /go/<code>/ page and the _redirects table; return how many addresses there are."""
    table = forwarding_table(model)
    site_url = str(model.territory.data.site_url)
    redirects = []
    for forward in table:
        text = model.view(forward.language).territory.name
        page = site / GO_FOLDER / forward.code / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(forwarding_page(forward, site_url, text), encoding="utf-8")
        redirects.append(f"/{GO_FOLDER}/{forward.code}/ /{forward.target} 302")
    (site / REDIRECTS_FILE).write_text("\n".join(redirects) + "\n", encoding="utf-8")
    return len(table)
