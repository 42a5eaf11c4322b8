"""The reference site served by a real nginx with the snippet the build writes: precompressed files sent as they
are, the security headers on every answer, a year of cache for files named by their hash, ten minutes for pages."""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from support.project import soup
from vitrine.compression import TEXT_SUFFIXES
from vitrine.site.headers import (
    BROTLI_MODULE,
    FINGERPRINTED,
    LONG_CACHE,
    NGINX_FILE,
    REDIRECTS_FILE,
    SHORT_CACHE,
    local_nginx_config,
    read_headers_file,
    read_redirects,
)

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def nginx_binary() -> str:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).is_file() and BROTLI_MODULE.is_file(), "make test installs nginx-light and its brotli module"
    return binary


@pytest.fixture(scope="module")
def nginx_config(reference_site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A whole configuration that includes the build's snippet, and the port it listens on."""
    scratch = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (scratch / "nginx.conf").write_text(local_nginx_config(reference_site, port, scratch), encoding="utf-8")
    return scratch / "nginx.conf", port


@pytest.fixture(scope="module")
def nginx(nginx_config: tuple[Path, int]) -> Iterator[str]:
    config, port = nginx_config
    scratch = config.parent
    server = subprocess.Popen([nginx_binary(), "-c", str(config), "-p", str(scratch)])
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        else:
            pytest.fail((scratch / "error.log").read_text(encoding="utf-8"))
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the test looks at the redirect itself


NO_REDIRECT = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with NO_REDIRECT.open(request, timeout=10) as answer:
            return answer.status, dict(answer.headers.items()), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def test_every_text_file_has_its_precompressed_copies(reference_site: Path) -> None:
    texts = [p for p in reference_site.rglob("*") if p.suffix in TEXT_SUFFIXES and p.stat().st_size >= 512]
    assert len(texts) > 200
    for path in texts:
        data = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path


@pytest.mark.parametrize("address", ["", "ja/", "ar/figures/", "assets/vitrine.css"])
def test_nginx_sends_the_precompressed_copy_the_reader_accepts(nginx: str, reference_site: Path, address: str) -> None:
    original = reference_site / address / ("index.html" if address.endswith("/") or not address else "")
    expected = original.read_bytes()
    status, headers, body = fetch(f"{nginx}/{address}", "br")
    assert status == 200 and headers.get("Content-Encoding") == "br", headers
    assert body == original.with_name(original.name + ".br").read_bytes()
    assert brotli.decompress(body) == expected
    status, headers, body = fetch(f"{nginx}/{address}", "gzip")
    assert headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == expected, headers
    status, headers, body = fetch(f"{nginx}/{address}")
    assert "Content-Encoding" not in headers and body == expected


def test_nginx_sends_the_headers_and_the_cache_times(nginx: str, reference_site: Path) -> None:
    status, page, _body = fetch(f"{nginx}/de/sectors/health/", "br")
    assert status == 200
    assert page["Cache-Control"] == SHORT_CACHE
    assert "default-src 'none'" in page["Content-Security-Policy"] and page["X-Content-Type-Options"] == "nosniff"
    hashed = sorted(p for p in reference_site.rglob("*") if FINGERPRINTED.search(p.name))
    assert any(p.suffix == ".js" for p in hashed) and any(p.suffix == ".woff2" for p in hashed)
    for path in hashed[:6]:
        status, asset, _body = fetch(f"{nginx}/{path.relative_to(reference_site).as_posix()}", "br")
        assert status == 200 and asset["Cache-Control"] == LONG_CACHE, path
        assert asset["Content-Security-Policy"] == page["Content-Security-Policy"], "a location repeats them"
    assert fetch(f"{nginx}/_headers")[0] == 404
    assert fetch(f"{nginx}/{NGINX_FILE}")[0] == 404


def test_nginx_accepts_the_snippet(nginx_config: tuple[Path, int]) -> None:
    config, _port = nginx_config
    checked = subprocess.run(
        [nginx_binary(), "-t", "-c", str(config), "-p", str(config.parent)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def languages_of(site: Path) -> dict[str, str]:
    """Each language's folder ("" for the source language at the root) and its code."""
    found = {"": str(soup(site / "index.html").html["lang"])}  # type: ignore[index]
    for page in sorted(site.glob("*/404.html")):
        found[page.parent.name + "/"] = page.parent.name
    return found


def test_a_missing_page_answers_404_in_its_language(nginx: str, reference_site: Path) -> None:
    languages = languages_of(reference_site)
    assert len(languages) == 7
    for folder, code in languages.items():
        status, headers, body = fetch(f"{nginx}/{folder}no-such-page/")
        assert status == 404, folder
        page = BeautifulSoup(body, "lxml")
        assert page.html is not None and page.html["lang"] == code, folder
        assert headers["Content-Security-Policy"].startswith("default-src 'none'"), folder


def test_the_kit_short_addresses_forward(nginx: str, reference_site: Path) -> None:
    table = read_redirects((reference_site / REDIRECTS_FILE).read_text(encoding="utf-8"))
    assert len(table) > 20
    for source, target in table[:: max(1, len(table) // 12)]:
        status, headers, _body = fetch(f"{nginx}{source}")
        assert status == 302 and headers["Location"].endswith(target), source
        assert headers["X-Content-Type-Options"] == "nosniff", source
        assert fetch(f"{nginx}{target}")[0] == 200, target


def test_every_answer_carries_the_security_headers(nginx: str, reference_site: Path) -> None:
    expected = read_headers_file((reference_site / "_headers").read_text(encoding="utf-8"))
    assert "Content-Security-Policy" in expected and "Strict-Transport-Security" in expected
    table = read_redirects((reference_site / REDIRECTS_FILE).read_text(encoding="utf-8"))
    samples = [
        "/",
        "/ja/sectors/health/",
        "/ar/figures/",
        "/search/search_index.json",
        "/sitemap.xml",
        "/" + next(p for p in reference_site.rglob("*.pdf")).relative_to(reference_site).as_posix(),
        "/" + next(p for p in reference_site.rglob("*.woff2")).relative_to(reference_site).as_posix(),
        "/de/no-such-page/",
        "/_headers",
        table[0][0],
        table[0][0].rstrip("/"),
    ]
    for address in samples:
        for encoding in (None, "br", "gzip"):
            status, headers, _body = fetch(f"{nginx}{address}", encoding)
            assert status in (200, 301, 302, 404), (address, status)
            for name, value in expected.items():
                assert headers.get(name) == value, (address, encoding, name)
