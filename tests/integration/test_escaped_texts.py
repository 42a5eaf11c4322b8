"""Every text of the content reaches the pages as text: the site's templates escape it, so that a `<` or a `&` in a
company name, a title or a figure's source shows as written and never becomes markup (only the page's own
Markdown, rendered and cleaned, is inserted as HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.messages import replace_in
from support.project import MINIMAL_CONTENT, copy_content, run_vitrine

# Each probe is valid content that would be markup if it were written into the page unescaped.
COMPANY = "Pumps <probe-company> & Sons"
TITLE = 'Water "tech" & co <3'  # front matter refuses elements; this one only looks like the start of a tag
SOURCE = "Stats <probe-source> & Co"
EVENT = "Water Expo <probe-event> 2027"
PROBE_ELEMENTS = ("probe-company", "probe-source", "probe-event")


@pytest.fixture(scope="module")
def probed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("escaped")
    content = copy_content(MINIMAL_CONTENT, folder / "content")
    replace_in(content / "sectors" / "water.yml", '"Lakeshore Pumps"', f'"{COMPANY}"')
    replace_in(content / "sectors" / "water.en.md", 'title: "Water technologies"', f"title: '{TITLE}'")
    replace_in(content / "figures.yml", '"Lakeshore statistics office"', f'"{SOURCE}"')
    replace_in(content / "events.yml", '"Water Expo 2027"', f'"{EVENT}"')
    run = run_vitrine("build", "--without-kit", "--content", content, "--out", folder / "site")
    assert run.code == 0, run.output
    return folder / "site"


def _pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(page, BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")) for page in sorted(site.rglob("*.html"))]


def test_no_text_of_the_content_becomes_an_element(probed_site: Path) -> None:
    pages = _pages(probed_site)
    assert len(pages) > 10
    for page, tree in pages:
        for name in PROBE_ELEMENTS:
            assert tree.find(name) is None, f"{page}: <{name}> became an element"


@pytest.mark.parametrize("text", [COMPANY, TITLE, SOURCE, EVENT])
def test_each_text_shows_as_written(probed_site: Path, text: str) -> None:
    shown_on = [page for page, tree in _pages(probed_site) if text in tree.get_text()]
    assert shown_on, f"“{text}” is shown on no page"


def test_the_title_is_escaped_in_the_head_too(probed_site: Path) -> None:
    sector = BeautifulSoup((probed_site / "sectors" / "water" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert sector.title is not None and TITLE in sector.title.get_text()
    og_title = sector.find("meta", attrs={"property": "og:title"})
    assert og_title is not None and og_title["content"] == TITLE
