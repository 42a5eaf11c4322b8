"""The short addresses printed under the kit's QR codes: ``/go/<code>/`` forwards to the page in the document's
language, with the campaign parameters.

Each address is a tiny HTML page (``overrides/vitrine/forwarding.html``: an immediate meta refresh, plus a link),
so forwarding works on any static host; ``_redirects`` gives hosts that read it (Netlify, Cloudflare Pages) a real
HTTP redirect for the same table, which ``vitrine/documents.py`` makes from the content.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from vitrine.documents import forwarding_table
from vitrine.model import Model
from vitrine.site.fragments import forwarding_page
from vitrine.site.headers import REDIRECTS_FILE
from vitrine.urls import absolute, go_address
from vitrine.view import View


def write_forwarding(site: Path, model: Model, env: Environment) -> int:
    """Write every /go/<code>/ page and the _redirects table; return how many addresses there are."""
    table = forwarding_table(model)
    site_url = str(model.territory.data.site_url)
    views = {language.code: View(model, language.code) for language in model.languages}
    redirects = []
    for forward in table:
        page = site / go_address(forward.code) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        relative = f"../../{forward.target}"
        html = forwarding_page(env, views[forward.language], relative, absolute(site_url, forward.target))
        page.write_text(html, encoding="utf-8")
        redirects.append(f"/{go_address(forward.code)} /{forward.target} 302")
    (site / REDIRECTS_FILE).write_text("\n".join(redirects) + "\n", encoding="utf-8")
    return len(table)
