"""What a deck shows: the composition of territory.yml (or an event's own), its defaults, and the slides it
expands to. Read from the reference content's model, and from variations of it made in memory."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

from support.project import REFERENCE_CONTENT
from vitrine.kit.plan import ARGUMENTS_PER_SLIDE, PROJECTS_PER_SLIDE, deck_contents, deck_slides
from vitrine.model import Item, Model
from vitrine.pipeline import prepare
from vitrine.schema import KitComposition, Slide


@cache
def reference() -> Model:
    return prepare(REFERENCE_CONTENT)


def with_standard_kit(**kit: Any) -> Model:
    """The reference model with another standard composition in territory.yml."""
    model = reference()
    data = model.territory.data.model_copy(update={"kit": KitComposition(**kit)})
    return dataclasses.replace(model, territory=dataclasses.replace(model.territory, data=data))


def event(model: Model, identifier: str) -> Item[Any]:
    return model.items["event"][identifier]


def test_the_standard_deck_follows_territory_yml() -> None:
    model = reference()
    contents = deck_contents(model, None)
    kit = model.territory.data.kit
    assert contents.slides == list(kit.slides)
    assert contents.figures == list(kit.figures)
    assert contents.sectors == [sector.id for sector in model.sectors]
    assert contents.projects == list(kit.projects)
    assert contents.contacts[0] == model.territory.data.main_contact
    assert len(contents.contacts) == len(set(contents.contacts)), "each contact once"


def test_an_event_deck_narrows_the_standard_projects_to_its_sectors() -> None:
    model = reference()
    mipim = event(model, "mipim-2027")
    contents = deck_contents(model, mipim)
    assert contents.sectors == list(mipim.data.sectors)
    for project in contents.projects:
        assert set(model.items["project"][project].data.sectors) & set(mipim.data.sectors), project
    assert contents.projects == [p for p in model.territory.data.kit.projects if p in contents.projects]


def test_an_event_with_its_own_kit_uses_it() -> None:
    model = reference()
    gitex = event(model, "gitex-global-2027")
    own = gitex.data.kit
    assert own is not None
    contents = deck_contents(model, gitex)
    assert contents.slides == list(own.slides) and contents.figures == list(own.figures)
    assert contents.projects == list(own.projects), "an event's own selection is not narrowed"


def test_projects_under_review_never_reach_a_deck() -> None:
    model = with_standard_kit(slides=list(Slide), projects=["the-camp", "iter"])
    assert deck_contents(model, None).projects == ["iter"]


def test_without_a_selection_the_sectors_projects_are_shown() -> None:
    model = with_standard_kit(slides=list(Slide), sectors=["health"])
    contents = deck_contents(model, None)
    listed = [p for p in model.items["sector"]["health"].data.projects if p != "the-camp"]
    assert contents.sectors == ["health"] and contents.projects == listed
    assert contents.figures == list(model.territory.data.headline_figures), "no figures chosen: the headline ones"


def test_slides_expand_to_one_per_sector_and_groups_of_projects_and_arguments() -> None:
    model = reference()
    contents = deck_contents(model, None)
    slides = deck_slides(model, contents)
    kinds = [kind for kind, _ in slides]
    assert kinds.count("sector") == len(contents.sectors)
    assert [shown for kind, shown in slides if kind == "sector"] == contents.sectors
    projects = [shown for kind, shown in slides if kind == "projects"]
    assert all(isinstance(group, list) and 0 < len(group) <= PROJECTS_PER_SLIDE for group in projects)
    assert [p for group in projects for p in group] == contents.projects  # type: ignore[union-attr]
    arguments = [shown for kind, shown in slides if kind == "why-here"]
    assert [a for group in arguments for a in group] == [a.id for a in model.arguments]  # type: ignore[union-attr]
    assert all(len(group) <= ARGUMENTS_PER_SLIDE for group in arguments)  # type: ignore[arg-type]
    assert kinds[0] == "cover" and kinds[-1] == "contacts"


def test_a_composition_without_sectors_slide_shows_none() -> None:
    model = with_standard_kit(slides=[Slide.COVER, Slide.CONTACTS])
    assert deck_slides(model, deck_contents(model, None)) == [("cover", None), ("contacts", None)]
