"""What a deck of the pitch kit shows: its composition (content: ``kit:`` in territory.yml or on an event), with
the defaults filled in, and the slides it expands to.

Which documents exist and where their QR codes lead is shared with the site: see ``vitrine/documents.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vitrine.model import Item, Model
from vitrine.schema import Event, KitComposition, Slide

# One idea per slide: a project with its picture, three arguments side by side.
PROJECTS_PER_SLIDE = 1
ARGUMENTS_PER_SLIDE = 3


@dataclass(frozen=True)
class DeckContents:
    """What a deck shows once the composition's defaults are filled in (identifiers, in order)."""

    slides: list[Slide]
    figures: list[str]
    sectors: list[str]
    projects: list[str]
    contacts: list[str]


def deck_contents(model: Model, event: Item[Event] | None) -> DeckContents:
    standard: KitComposition = model.territory.data.kit
    own = event.data.kit if event is not None else None
    composition = own or standard
    sectors = composition.sectors or (event.data.sectors if event is not None else []) or [s.id for s in model.sectors]
    promoted = {p.id for p in model.promoted_projects()}
    if composition.projects:
        projects = [p for p in composition.projects if p in promoted]
        if event is not None and own is None:
            # The standard selection, narrowed to the projects of the event's sectors.
            projects = [p for p in projects if set(model.items["project"][p].data.sectors) & set(sectors)]
    else:
        projects = []
    if not projects:
        listed = [p for s in sectors for p in model.items["sector"][s].data.projects]
        projects = [p for p in dict.fromkeys(listed) if p in promoted]
    contacts = [model.territory.data.main_contact]
    contacts += [c for s in sectors for c in model.items["sector"][s].data.contacts]
    return DeckContents(
        slides=list(composition.slides),
        figures=list(composition.figures or standard.figures or model.territory.data.headline_figures),
        sectors=list(sectors),
        projects=projects,
        contacts=list(dict.fromkeys(contacts)),
    )


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


# A slide: its kind, and the identifiers it shows (one sector; a group of projects or arguments; nothing).
SlidePlan = tuple[str, str | list[str] | None]


def deck_slides(model: Model, contents: DeckContents) -> list[SlidePlan]:
    """The slides in order; sectors, projects and arguments expand to as many slides as they need."""
    slides: list[SlidePlan] = []
    for slide in contents.slides:
        if slide is Slide.SECTORS:
            slides += [("sector", sector) for sector in contents.sectors]
        elif slide is Slide.PROJECTS:
            slides += [("projects", group) for group in chunks(contents.projects, PROJECTS_PER_SLIDE)]
        elif slide is Slide.WHY_HERE:
            arguments = [argument.id for argument in model.arguments]
            slides += [("why-here", group) for group in chunks(arguments, ARGUMENTS_PER_SLIDE)]
        else:
            slides.append((slide.value, None))
    return slides
