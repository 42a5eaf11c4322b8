"""Fixtures shared by the three layers of tests, and the markers that tell the layers apart.

- ``tests/unit``: pure functions and the model of the fixture content; no build, no browser.
- ``tests/integration``: real builds, the command line, PDFs (``slow`` when they need the reference build).
- ``tests/gates``: the built reference site in Chromium and the standard validators.

``make test-fast`` runs the unit tests and the integration tests not marked slow; ``make test`` runs everything.
Builds of the reference and the minimal content are made once per run and shared by every pytest-xdist worker.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from support.canaries import plant_canaries
from support.project import (
    BAHIA_CONTENT,
    MINIMAL_CONTENT,
    PROJECT,
    REFERENCE_CONTENT,
    Run,
    copy_content,
    run_vitrine,
)
from support.serving import CHROMIUM, CHROMIUM_FLAGS, serve_folder
from support.shared_build import shared_build

LAYERS = ("unit", "integration", "gates")


def layer_of(item: pytest.Item) -> str:
    return Path(item.path).relative_to(PROJECT / "tests").parts[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test carries the marker of its layer (its folder), so that ``-m`` can choose layers. The quick tests
    run first: a worker goes on with them while another makes the reference build that the slow ones share."""
    for item in items:
        if layer_of(item) in LAYERS:
            item.add_marker(getattr(pytest.mark, layer_of(item)))

    def rank(item: pytest.Item) -> tuple[int, bool]:
        layer = layer_of(item)
        return (LAYERS.index(layer) if layer in LAYERS else len(LAYERS), item.get_closest_marker("slow") is not None)

    items.sort(key=rank)


@pytest.fixture
def vitrine() -> Callable[..., Run]:
    return run_vitrine


@pytest.fixture
def minimal_content(tmp_path: Path) -> Path:
    return copy_content(MINIMAL_CONTENT, tmp_path / "content")


@pytest.fixture
def reference_content(tmp_path: Path) -> Path:
    return copy_content(REFERENCE_CONTENT, tmp_path / "content")


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: each xdist worker has its own below it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


def _build_into(content: Path, folder: Path, canaries: bool = False) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copied = copy_content(content, folder / "content")
    if canaries:
        plant_canaries(copied)
    result = run_vitrine("build", "--content", copied, "--out", folder / "site")
    assert result.code == 0, result.output


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference content, built once per run into a temporary folder (never changed by tests), with a canary in
    every field for staff only (test_private_data.py searches the outputs for it)."""
    return shared_build(
        _run_folder(tmp_path_factory) / "reference", partial(_build_into, REFERENCE_CONTENT, canaries=True)
    )


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal territory of tests/fixtures/minimal, built once per run."""
    return shared_build(_run_folder(tmp_path_factory) / "minimal", partial(_build_into, MINIMAL_CONTENT))


@pytest.fixture(scope="session")
def bahia_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The second territory of tests/fixtures/bahia (site and kit, four languages), built once per run."""
    return shared_build(_run_folder(tmp_path_factory) / "bahia", partial(_build_into, BAHIA_CONTENT))


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


# --- a real browser on the built site ----------------------------------------------------------------


@pytest.fixture(scope="session")
def reference_url(reference_site: Path) -> Iterator[str]:
    with serve_folder(reference_site) as url:
        yield url


@pytest.fixture(scope="session")
def minimal_url(minimal_site: Path) -> Iterator[str]:
    with serve_folder(minimal_site) as url:
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
