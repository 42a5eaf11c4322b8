"""HTTP headers for the host: a Content-Security-Policy that allows no other origin, and the usual hardening.

The theme inlines a few small scripts and our pages one ``<style>`` (the brand colours and font stack): rather
than allowing every inline script, the policy lists the SHA-256 of each one found in the built site. The same
headers are written twice: ``_headers`` (read by Netlify, Cloudflare Pages and similar hosts) and an nginx
snippet to include in the site's ``server`` block.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from vitrine.urls import FEED_FILE

HEADERS_FILE = "_headers"
REDIRECTS_FILE = "_redirects"  # written by forwarding.py before the headers
NGINX_FILE = "_nginx-headers.conf"

# Files whose name carries a hash of their content (the theme's bundles, our font subsets) never change under
# their name: readers keep them a year. Pages and the rest are checked again after ten minutes.
FINGERPRINTED = re.compile(r"[.-][0-9a-f]{8,}(?:\.min)?\.(?:js|css|woff2|avif|webp|jpg|png)$")
FINGERPRINTED_NGINX = r"[.-][0-9a-f]{8,}(\.min)?\.(js|css|woff2|avif|webp|jpg|png)$"
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"
# Types the hosts' own lists lack (nginx's has no .ics: calendars would go as plain text or bytes) or give too
# loosely (an Atom feed is .xml, sent as text/xml): (nginx's pattern of the addresses, type).
CALENDAR_TYPE = "text/calendar; charset=utf-8"
FEED_TYPE = "application/atom+xml; charset=utf-8"
OWN_TYPES_NGINX = ((r"\.ics$", CALENDAR_TYPE), ("/" + re.escape(FEED_FILE) + "$", FEED_TYPE))

# Inline scripts the browser runs; data blocks (type="application/ld+json") are never run and need no hash.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*\stype=\"application/ld\+json\")[^>]*>(.*?)</script>", re.S | re.I
)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def inline_hashes(pages: Iterable[str]) -> tuple[list[str], list[str]]:
    """The CSP hashes of every inline script and style of the pages (each distinct one once, sorted)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in pages:
        scripts.update(_hash(body) for body in INLINE_SCRIPT.findall(page) if body.strip())
        styles.update(_hash(body) for body in INLINE_STYLE.findall(page) if body.strip())
    return sorted(scripts), sorted(styles)


def content_security_policy(script_hashes: list[str], style_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", *style_hashes],
        "img-src": ["'self'", "data:"],  # the theme draws its icons as data: SVG masks
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # the search index, the site map for the language switcher
        "worker-src": ["'self'"],  # the search worker
        "manifest-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Strict-Transport-Security": "max-age=31536000",
    }


def headers_file(
    headers: dict[str, str], fingerprinted: list[str], pages: list[str], typed: list[tuple[str, str]] | None = None
) -> str:
    """The ``_headers`` file: the security headers everywhere; a cache header on the pages (short) and on the files
    named by their hash (a year), each by its own address, as hosts join the values of two matching blocks."""
    lines = ["# Security headers for every address of the site (written by vitrine build).", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    lines.append("# Files named by their content's hash: kept a year.")
    for path in fingerprinted:
        lines += [f"/{path}", f"  Cache-Control: {LONG_CACHE}"]
    lines.append("# Pages: checked again after ten minutes.")
    for path in pages:
        lines += [f"/{path}", f"  Cache-Control: {SHORT_CACHE}"]
    if typed:
        lines.append("# Calendars and feeds: the type they are sent with.")
        for path, kind in typed:
            lines += [f"/{path}", f"  Content-Type: {kind}"]
    return "\n".join(lines) + "\n"


def nginx_snippet(headers: dict[str, str], language_folders: list[str], redirects: list[tuple[str, str]]) -> str:
    """The snippet for the site's nginx ``server`` block: the headers, each language's 404 page (``language_folders``
    hold their own 404.html), and the kit's short addresses as real redirects (``redirects``: from, to)."""
    security = [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    lines = [
        "# The site's headers (written by vitrine build): include this file in its server block.",
        "# Precompressed copies written by the build (page.html.br, page.html.gz) are sent as they are; brotli_static",
        "# needs Debian's libnginx-mod-http-brotli-static.",
        "gzip_static on;",
        "brotli_static on;",
        *security,
        f'add_header Cache-Control "{SHORT_CACHE}" always;',
        "# Files named by their content's hash: kept a year (add_header in a location replaces the server's).",
        f'location ~* "{FINGERPRINTED_NGINX}" {{',
        *(f"    {line}" for line in security),
        f'    add_header Cache-Control "{LONG_CACHE}" always;',
        "}",
        "# Calendars and feeds, with their own type (types {} drops nginx's list here, for these files only).",
        *(
            line
            for pattern, kind in OWN_TYPES_NGINX
            for line in [
                f'location ~ "{pattern}" {{',
                f'    types {{ }} default_type "{kind}";',
                *(f"    {header}" for header in security),
                f'    add_header Cache-Control "{SHORT_CACHE}" always;',
                "}",
            ]
        ),
        "# Files for the build and the hosts, not for readers.",
        "location ~ ^/_ { return 404; }",
        "# A missing page answers 404 with the not-found page in the reader's language.",
        "error_page 404 /404.html;",
        *(f"location /{folder}/ {{ error_page 404 /{folder}/404.html; }}" for folder in language_folders),
        "# The short addresses printed under the kit's QR codes (/go/…/ holds a forwarding page for other hosts).",
        *(
            f'location = {source} {{ return 302 "{target}"; }}'
            for source, target in redirects
            if _plain(source + target)
        ),
    ]
    return "\n".join(lines) + "\n"


def _plain(address: str) -> bool:
    """An address nginx can take inside quotes as it is (the build writes them; this keeps a stray one out)."""
    return re.fullmatch(r"[/\w.~:?&=%+-]+", address) is not None


def read_redirects(text: str) -> list[tuple[str, str]]:
    """(from, to) of each line of a ``_redirects`` file."""
    return [(parts[0], parts[1]) for line in text.splitlines() if len(parts := line.split()) >= 2]


def read_headers_file(text: str) -> dict[str, str]:
    """The headers of the ``/*`` block of a ``_headers`` file (what a host would send for a page)."""
    found: dict[str, str] = {}
    block = ""
    for line in text.splitlines():
        if line.startswith("/"):
            block = line.strip()
        elif block == "/*" and line.startswith("  ") and ":" in line:
            name, value = line.strip().split(":", 1)
            found[name.strip()] = value.strip()
    return found


def typed_files(site: Path) -> list[tuple[str, str]]:
    """The calendars and feeds of the site, each with the type it is sent with (address, type)."""
    found = [(path, CALENDAR_TYPE) for path in site.rglob("*.ics")]
    found += [(path, FEED_TYPE) for path in site.rglob(FEED_FILE)]
    return sorted((path.relative_to(site).as_posix(), kind) for path, kind in found)


def fingerprinted_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if FINGERPRINTED.search(path.name))


def write_headers(site: Path) -> dict[str, str]:
    html_files = sorted(site.rglob("*.html"))
    headers = security_headers(
        content_security_policy(*inline_hashes(p.read_text(encoding="utf-8") for p in html_files))
    )
    addresses = [page.relative_to(site).as_posix().removesuffix("index.html") for page in html_files]
    (site / HEADERS_FILE).write_text(
        headers_file(headers, fingerprinted_files(site), addresses, typed_files(site)), encoding="utf-8"
    )
    language_folders = sorted(page.parent.name for page in site.glob("*/404.html"))
    redirects_file = site / REDIRECTS_FILE
    redirects = read_redirects(redirects_file.read_text(encoding="utf-8")) if redirects_file.is_file() else []
    (site / NGINX_FILE).write_text(nginx_snippet(headers, language_folders, redirects), encoding="utf-8")
    return headers


BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def local_nginx_config(site: Path, port: int, scratch: Path) -> str:
    """A whole nginx configuration serving a built ``site`` on 127.0.0.1:``port`` with the build's own snippet,
    its temporary files in ``scratch`` (for the audit and the tests, run as any user)."""
    temporary = " ".join(
        f"{kind}_temp_path {scratch / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        (f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.is_file() else "")
        # As root, nginx's workers would run as nobody, who may not read a private temporary folder.
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1; daemon off; pid {scratch / 'nginx.pid'}; error_log {scratch / 'error.log'};\n"
        + "events {}\n"
        + f"http {{ include /etc/nginx/mime.types; access_log off; {temporary}\n"
        + f"  server {{ listen 127.0.0.1:{port}; root {site}; include {site / NGINX_FILE}; }} }}\n"
    )
