"""One repair to the theme's JavaScript bundle: Material fetches ``sitemap.xml`` below every ``link rel=alternate``
of a page (our hreflang links) to keep the reader's page when the language changes. Our own language switch
already links each page to its translation, so these requests (eight a page view) only answer 404 on a host.
The call is found by what it does, not by the bundle's minified names, so a new Material release either keeps
working or is reported."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

# function ui({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]")) …
PREFETCHER = re.compile(
    r"function (\w+)\(\{document\$:\w+\}\)\{let \w+=new Map;\w+\.pipe\(\w+\(\(\)=>\w+\(\"link\[rel=alternate\]\"\)"
)


def material_bundle() -> str:
    """The path of Material's script, as its own base template names it (the name carries a hash): our pages
    fetch it themselves, at the reader's first gesture (overrides/vitrine/partials/theme-script.html)."""
    base = files("material") / "templates" / "base.html"
    found = re.search(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", base.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError("Material's base.html no longer names its script bundle: update overrides/main.html.")
    return found.group(0)


def without_alternate_prefetch(bundle: str) -> str | None:
    """The bundle without its call of the alternate-sitemap prefetcher; None when it cannot be found."""
    found = PREFETCHER.search(bundle)
    if found is None:
        return None
    call = re.compile(re.escape(found.group(1)) + r"\(\{document\$:\w+\}\);")
    patched, count = call.subn("", bundle)
    return patched if count == 1 else None


def repair_bundles(site: Path) -> list[Path]:
    """Repair every theme bundle under ``site``; the bundles that could not be repaired."""
    failed = []
    for bundle in sorted((site / "assets" / "javascripts").glob("bundle.*.min.js")):
        patched = without_alternate_prefetch(bundle.read_text(encoding="utf-8"))
        if patched is None:
            failed.append(bundle)
        else:
            bundle.write_text(patched, encoding="utf-8")
    return failed
