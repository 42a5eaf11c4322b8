"""Content in draft or under review is checked like the rest, and reaches no public output: no page, no link, no
search entry, no sitemap line, no social card, no PDF, no PowerPoint slide, no pack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from support.messages import errors_of, line_of, replace_in
from support.outputs import published_texts
from support.project import MINIMAL_CONTENT, Run, copy_content, run_vitrine

# What the public would see of the project under review and of the draft event.
UNPUBLISHED_WORDS = ("The new marina", "test basin", "projects/marina", "Water Expo", "water-expo-2027")


def _hold_back(content: Path) -> None:
    replace_in(content / "projects" / "marina.yml", "status: active", "status: under_review")
    replace_in(content / "events.yml", "  languages: [en, de]", "  languages: [en, de]\n  status: draft")


@pytest.fixture(scope="module")
def held_back(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """A copy of the minimal content with its project under review and its event in draft, built with its kit."""
    folder = tmp_path_factory.mktemp("unpublished")
    content = copy_content(MINIMAL_CONTENT, folder / "content")
    _hold_back(content)
    run = run_vitrine("build", "--content", content, "--out", folder / "site")
    assert run.code == 0, run.output
    return folder, run


def test_work_in_progress_reaches_no_output(held_back: tuple[Path, Run]) -> None:
    site = held_back[0] / "site"
    searched, found = 0, []
    for where, text in published_texts(site):
        searched += 1
        found += [f"{where}: {words}" for words in UNPUBLISHED_WORDS if words in text]
    assert searched > 100
    assert any(site.rglob("*.pdf")) and any(site.rglob("*.pptx"))
    assert not found, found[:10]


def test_the_published_rest_is_still_there(held_back: tuple[Path, Run]) -> None:
    site = held_back[0] / "site"
    sector = (site / "sectors" / "water" / "index.html").read_text(encoding="utf-8")
    assert "Water technologies" in sector
    assert not (site / "projects" / "marina").exists()


def test_check_says_what_is_held_back_and_where(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    _hold_back(minimal_content)
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 0, run.output
    project_line = line_of(minimal_content / "projects" / "marina.yml", "status:")
    assert f"Warning in projects/marina.yml, line {project_line} — field “status”" in run.stderr
    assert "“marina” is under review: it stays out of the site, the kit and the data" in run.stderr
    event_line = line_of(minimal_content / "events.yml", "status: draft")
    assert f"Warning in events.yml, line {event_line}" in run.stderr and "is a draft" in run.stderr


def test_a_published_text_cannot_cite_a_draft_figure(vitrine: Callable[..., Run], minimal_content: Path) -> None:
    replace_in(minimal_content / "figures.yml", "  year: 2024\n", "  year: 2024\n  status: draft\n")
    run = vitrine("check", "--content", minimal_content)
    assert run.code == 1 and "Traceback" not in run.output
    cited = [(file, line) for file, line, text in errors_of(run) if "not published yet" in text]
    assert cited == [("sectors/water.en.md", line_of(minimal_content / "sectors" / "water.en.md", "[[figure:"))]
