"""Shared fixtures: real builds into temporary folders, and the vitrine command run as staff run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, sync_playwright

PROJECT = Path(__file__).resolve().parents[1]
REFERENCE_CONTENT = PROJECT / "content"
MINIMAL_CONTENT = PROJECT / "tests" / "fixtures" / "minimal"
VITRINE = Path(sys.executable).with_name("vitrine")


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_vitrine(*args: str | Path, cwd: Path = PROJECT) -> Run:
    done = subprocess.run([str(VITRINE), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=600)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def vitrine() -> Callable[..., Run]:
    return run_vitrine


def copy_content(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    return copy_content(MINIMAL_CONTENT, tmp_path / "content")


@pytest.fixture
def reference_content(tmp_path: Path) -> Path:
    return copy_content(REFERENCE_CONTENT, tmp_path / "content")


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference content, built once per test process into a temporary folder."""
    out = tmp_path_factory.mktemp("reference") / "site"
    content = copy_content(REFERENCE_CONTENT, out.parent / "content")
    result = run_vitrine("build", "--content", content, "--out", out)
    assert result.code == 0, result.output
    return out


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("minimal") / "site"
    result = run_vitrine("build", "--content", MINIMAL_CONTENT, "--out", out)
    assert result.code == 0, result.output
    return out


# --- figures for the person who runs the tests ------------------------------------------------------

SUMMARY = "summary"


@pytest.fixture
def summary(record_property: Callable[[str, object], None]) -> Callable[[str], None]:
    """Say something a person should read after the run (counts, where the screenshots are): it is printed at the
    end of the session, also from the workers of pytest-xdist, whose output is otherwise swallowed."""
    return partial(record_property, SUMMARY)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = sorted(
        {
            str(value)
            for reports in terminalreporter.stats.values()
            for report in reports
            if isinstance(report, pytest.TestReport) and report.when == "call"
            for name, value in report.user_properties
            if name == SUMMARY
        }
    )
    if lines:
        terminalreporter.section("figures of this run")
        for line in lines:
            terminalreporter.write_line(line)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file of a folder with its bytes, to compare a folder before and after."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- a real browser on the built site ----------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yield its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def reference_url(reference_site: Path) -> Iterator[str]:
    with serve_folder(reference_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
