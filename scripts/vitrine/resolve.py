"""Stage 3, resolve: check cross-references and build the model that rendering reads.

Rendering never reads the content folder again: it only sees a ``Model`` and, per language, a ``View`` that
picks each text in the reader's language (or in the fallback languages), formats numbers and dates the way
that language writes them, and tells which texts are shown in another language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from vitrine import formatting
from vitrine.problems import Problem, Severity
from vitrine.schema import (
    CONTENT_TYPES,
    CONTENT_TYPES_BY_KIND,
    REFERS_TO,
    Argument,
    Contact,
    Destination,
    Event,
    Figure,
    FreePage,
    Language,
    Media,
    Organisation,
    Partnership,
    Project,
    ProjectStatus,
    Sector,
    Territory,
)
from vitrine.validate import Item, ValidContent


@dataclass
class Model:
    """The whole content, checked and cross-linked."""

    root: Path
    territory: Item[Territory]
    strings: dict[str, dict[str, Any]]
    items: dict[str, dict[str, Item[Any]]]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def languages(self) -> list[Language]:
        return list(self.territory.data.languages)

    @property
    def source_language(self) -> str:
        return self.territory.data.source_language

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def fallback_chain(self, code: str) -> list[str]:
        chain = [code, *self.territory.data.fallback_languages, self.source_language]
        return list(dict.fromkeys(chain))

    def view(self, code: str, today: dt.date | None = None) -> View:
        return View(self, code, today)

    # Typed access for the renderers.
    @property
    def figures(self) -> dict[str, Item[Figure]]:
        return self.items["figure"]

    @property
    def sectors(self) -> list[Item[Sector]]:
        return sorted(self.items["sector"].values(), key=lambda item: (item.data.order, item.id))

    @property
    def projects(self) -> list[Item[Project]]:
        return sorted(self.items["project"].values(), key=lambda item: item.id)

    def promoted_projects(self) -> list[Item[Project]]:
        """Projects that may appear in promotion: everything but those under review."""
        return [item for item in self.projects if item.data.status is not ProjectStatus.UNDER_REVIEW]

    @property
    def partnerships(self) -> list[Item[Partnership]]:
        return sorted(self.items["partnership"].values(), key=lambda item: item.data.signed, reverse=True)

    @property
    def pages(self) -> list[Item[FreePage]]:
        return sorted(self.items["page"].values(), key=lambda item: (item.data.order, item.id))

    def listed(self, kind: str) -> list[Item[Any]]:
        """Items of a list file, in the order staff wrote them."""
        return sorted(self.items[kind].values(), key=lambda item: item.origin.path)

    @property
    def arguments(self) -> list[Item[Argument]]:
        return self.listed("argument")

    @property
    def destinations(self) -> list[Item[Destination]]:
        return self.listed("destination")

    @property
    def events(self) -> list[Item[Event]]:
        return sorted(self.items["event"].values(), key=lambda item: item.data.start)

    @property
    def network(self) -> list[Item[Organisation]]:
        return self.listed("network")

    @property
    def contacts(self) -> dict[str, Item[Contact]]:
        return self.items["contact"]

    @property
    def media(self) -> dict[str, Item[Media]]:
        return self.items["media"]


# --- checks ------------------------------------------------------------------------------------------


def _references(model: BaseModel, path: tuple[str | int, ...] = ()) -> list[tuple[str, str, tuple[str | int, ...]]]:
    """Every (kind, identifier, path) that ``model`` refers to, found through the schema's markers."""
    found: list[tuple[str, str, tuple[str | int, ...]]] = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        kind = extra.get(REFERS_TO)
        if isinstance(kind, str):
            if isinstance(value, list):
                found.extend((kind, item, (*path, name, index)) for index, item in enumerate(value))
            elif value is not None:
                found.append((kind, value, (*path, name)))
        elif isinstance(value, BaseModel):
            found.extend(_references(value, (*path, name)))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    found.extend(_references(entry, (*path, name, index)))
    return found


def _field_name(path: tuple[str | int, ...]) -> str:
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _check_references(valid: ValidContent, territory: Item[Territory]) -> list[Problem]:
    problems: list[Problem] = []
    languages = {lang.code for lang in territory.data.languages}
    everything: list[Item[Any]] = [territory, *(i for kind in valid.items.values() for i in kind.values())]
    for item in everything:
        for kind, identifier, path in _references(item.data):
            known = languages if kind == "language" else set(valid.items[kind]) | valid.invalid.get(kind, set())
            if identifier in known or (kind != "language" and valid.exists(kind, identifier)):
                continue
            where = "territory.yml" if kind == "language" else CONTENT_TYPES_BY_KIND[kind].describes()
            add = (
                f"declare “{identifier}” in {where}"
                if kind == "language"
                else f"create {where.replace('<id>', identifier)}"
                if "<id>" in where
                else f"add “{identifier}” to {where}"
            )
            suggestion = ", ".join(sorted(known)) or "none yet"
            what = "declared language" if kind == "language" else CONTENT_TYPES_BY_KIND[kind].title.split(" ", 1)[-1]
            problems.append(
                Problem(
                    item.origin.file,
                    item.origin.line(*path),
                    _field_name(path),
                    f"“{identifier}” does not match any {what} (looked in {where}).",
                    f"use one of: {suggestion}; or {add}.",
                )
            )
    return problems


def _lookup(strings: dict[str, Any], dotted: str) -> str | None:
    node: Any = strings
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


def _check_vocabulary(valid: ValidContent, source: str) -> list[Problem]:
    """Units and milestone kinds must have words in the source language's interface texts."""
    problems: list[Problem] = []
    strings = valid.strings.get(source, {})
    strings_file = f"strings/{source}.yml"
    for figure in valid.items["figure"].values():
        if _lookup(strings, f"units.{figure.data.unit}") is None:
            problems.append(
                Problem(
                    figure.origin.file,
                    figure.origin.line("unit"),
                    "unit",
                    f"the unit “{figure.data.unit}” has no words in {strings_file}.",
                    f"add “{figure.data.unit}: …” under units in {strings_file}, or use a unit listed there.",
                )
            )
    for project in valid.items["project"].values():
        for index, milestone in enumerate(project.data.milestones):
            if _lookup(strings, f"milestones.{milestone.what}") is None:
                problems.append(
                    Problem(
                        project.origin.file,
                        project.origin.line("milestones", index, "what"),
                        f"milestones[{index + 1}].what",
                        f"the milestone kind “{milestone.what}” has no words in {strings_file}.",
                        f"add it under milestones in {strings_file}, or use one listed there.",
                    )
                )
    return problems


def _check_texts(valid: ValidContent, territory: Item[Territory], root: Path) -> list[Problem]:
    problems: list[Problem] = []
    source = territory.data.source_language
    declared = [lang.code for lang in territory.data.languages]
    if source not in declared:
        problems.append(
            Problem(
                territory.origin.file,
                territory.origin.line("source_language"),
                "source_language",
                f"the source language “{source}” is not in the list of languages.",
                "add it under languages, or correct source_language.",
            )
        )
    if source not in valid.strings:
        problems.append(
            Problem(
                f"strings/{source}.yml",
                None,
                None,
                "the interface texts of the source language are missing.",
                f"create strings/{source}.yml (copy another language's file and translate it).",
            )
        )
    for code in declared:
        if code not in valid.strings and code != source:
            problems.append(
                Problem(
                    f"strings/{code}.yml",
                    None,
                    None,
                    f"the interface texts of “{code}” are missing: the interface is shown in the fallback language.",
                    f"create strings/{code}.yml.",
                    Severity.WARNING,
                )
            )
    if source not in territory.texts:
        problems.append(
            Problem(
                f"territory.{source}.yml",
                None,
                None,
                "the texts of the territory in the source language are missing.",
                f"create territory.{source}.yml with name, tagline, value_proposition, contact_call and description.",
            )
        )
    for content_type in CONTENT_TYPES:
        if content_type.kind == "territory":
            continue
        for item in valid.items[content_type.kind].values():
            if source in item.texts:
                continue
            if content_type.layout == "folder":
                where = f"{content_type.location}/{item.id}.{source}.md"
                hint = f"create {where} with a header block (title, summary) and the text."
            else:
                where = f"{content_type.location}.{source}.yml"
                hint = f"add “{item.id}:” with its texts to {where}."
            problems.append(
                Problem(
                    item.origin.file,
                    item.origin.line("id") if content_type.layout != "folder" else 1,
                    None,
                    f"{content_type.title} “{item.id}” has no text in the source language ({source}).",
                    hint,
                )
            )
    for media in valid.items["media"].values():
        if not (root / media.data.file).is_file():
            problems.append(
                Problem(
                    media.origin.file,
                    media.origin.line("file"),
                    "file",
                    f"the image file “{media.data.file}” does not exist.",
                    "put the image in the content folder and write its path relative to it (media/name.svg).",
                )
            )
    return problems


FIGURE_CITATION = re.compile(r"\[\[figure:(?P<id>[^\]\s]*)\]\]")


def _check_citations(valid: ValidContent) -> list[Problem]:
    """Figures cited inside long texts, as [[figure:port-traffic]], must exist."""
    problems: list[Problem] = []
    known = set(valid.items["figure"]) | valid.invalid.get("figure", set())
    for kind in valid.items.values():
        for item in kind.values():
            for language, body in item.bodies.items():
                origin = item.text_origins[language]
                for match in FIGURE_CITATION.finditer(body):
                    if match["id"] in known or "figure" in valid.unreadable_kinds:
                        continue
                    line = origin.document.body_line + body[: match.start()].count("\n")
                    problems.append(
                        Problem(
                            origin.file,
                            line,
                            None,
                            f"the text cites the figure “{match['id']}”, which figures.yml does not have.",
                            f"use one of: {', '.join(sorted(known)) or 'none yet'}; or add it to figures.yml.",
                        )
                    )
    return problems


def _check_sector_links(valid: ValidContent) -> list[Problem]:
    """A project and its sectors should name each other; a one-sided link is shown in one place only."""
    problems: list[Problem] = []
    sectors, projects = valid.items["sector"], valid.items["project"]
    for project in projects.values():
        if project.data.status is ProjectStatus.UNDER_REVIEW:
            continue
        for index, sector_id in enumerate(project.data.sectors):
            sector = sectors.get(sector_id)
            if sector is not None and project.id not in sector.data.projects:
                problems.append(
                    Problem(
                        sector.origin.file,
                        sector.origin.line("projects"),
                        "projects",
                        f"the project “{project.id}” belongs to this sector ({project.origin.file}, line "
                        f"{project.origin.line('sectors', index)}), but the sector does not list it.",
                        f"add {project.id} to projects here, or remove {sector_id} from its sectors.",
                        Severity.WARNING,
                    )
                )
    for listing in sectors.values():
        for index, project_id in enumerate(listing.data.projects):
            listed = projects.get(project_id)
            if listed is not None and listing.id not in listed.data.sectors:
                problems.append(
                    Problem(
                        listed.origin.file,
                        listed.origin.line("sectors"),
                        "sectors",
                        f"the sector “{listing.id}” lists this project ({listing.origin.file}, line "
                        f"{listing.origin.line('projects', index)}), but the project does not name the sector.",
                        f"add {listing.id} to sectors here, or remove {project_id} from that sector's projects.",
                        Severity.WARNING,
                    )
                )
    return problems


def flagged(model: Model) -> list[Problem]:
    """Items that carry a flag for staff: listed by ``vitrine check``, never shown to the public."""
    notes: list[Problem] = []
    for item in [model.territory, *(i for kind in model.items.values() for i in kind.values())]:
        for value, path in (
            (getattr(item.data, "flag", None), ("flag",)),
            (getattr(getattr(item.data, "legal", None), "flag", None), ("legal", "flag")),
        ):
            if value:
                notes.append(
                    Problem(
                        item.origin.file, item.origin.line(*path), None, f"flagged: {value}", None, Severity.WARNING
                    )
                )
    return notes


def resolve(valid: ValidContent, root: Path) -> tuple[Model | None, list[Problem]]:
    """Check references and texts; return the model (or None when there are errors) and all problems."""
    problems = list(valid.problems)
    if valid.territory is None:
        return None, problems
    problems += _check_references(valid, valid.territory)
    problems += _check_vocabulary(valid, valid.territory.data.source_language)
    problems += _check_texts(valid, valid.territory, root)
    problems += _check_citations(valid)
    problems += _check_sector_links(valid)
    if any(problem.severity is Severity.ERROR for problem in problems):
        return None, problems
    model = Model(root, valid.territory, valid.strings, valid.items)
    model.warnings = [p for p in problems if p.severity is Severity.WARNING]
    return model, problems


# --- what templates read: one language at a time -----------------------------------------------------


@dataclass(frozen=True)
class FigureView:
    id: str
    label: str
    value: str
    unit: str
    year: int
    source_name: str
    source_url: str
    source_language: str  # the language the source's name is written in (a French report stays in French)
    note: str | None
    series: list[tuple[int, str]]
    language: str  # the language of the label (differs from the page's when it fell back)


class View:
    """The model seen in one language, with fallback and locale-aware formatting."""

    def __init__(self, model: Model, code: str, today: dt.date | None = None) -> None:
        self.model = model
        self.code = code
        self.today = today or dt.date.today()
        self.chain = model.fallback_chain(code)
        self.language = model.language(code)
        self.missing_strings: set[str] = set()

    @property
    def direction(self) -> str:
        return self.language.direction.value

    def t(self, key: str) -> str:
        """An interface text, in this language or the first fallback that has it."""
        for code in self.chain:
            found = _lookup(self.model.strings.get(code, {}), key)
            if found is not None:
                return found
        self.missing_strings.add(key)
        return key

    def text_language(self, item: Item[Any]) -> str:
        return next((code for code in self.chain if code in item.texts), self.model.source_language)

    def text(self, item: Item[Any]) -> Any:
        return item.texts[self.text_language(item)]

    def body(self, item: Item[Any]) -> str:
        return item.bodies.get(self.text_language(item), "")

    def is_fallback(self, item: Item[Any]) -> bool:
        return self.text_language(item) != self.code

    def language_attributes(self, language: str) -> Markup:
        """lang (and dir, when it differs) for a passage in another language than this view's; empty otherwise.
        Templates write it inside the opening tag of the element holding the passage."""
        if language == self.code:
            return Markup("")
        direction = self.model.language(language).direction.value
        extra = f' dir="{direction}"' if direction != self.direction else ""
        return Markup(f' lang="{language}"{extra}')

    def other_language(self, item: Item[Any]) -> Markup:
        """The language attributes of the element holding ``item``'s text, when it falls back to another language."""
        return self.language_attributes(self.text_language(item))

    def is_stale(self, item: Item[Any]) -> bool:
        """True when the text shown is a translation made from an older version of the source text."""
        from vitrine.translation.freshness import HASH_FIELD, source_fingerprint

        shown = self.text_language(item)
        if shown == self.model.source_language:
            return False
        return getattr(item.texts[shown], HASH_FIELD, None) != source_fingerprint(self.model, item)

    @property
    def territory(self) -> Any:
        return self.text(self.model.territory)

    def number(self, value: float, display: str = "full") -> str:
        return formatting.format_number(value, self.code, display)

    def date(self, value: Any, style: str = "long") -> str:
        return formatting.format_date(value, self.code, style)

    def date_range(self, start: Any, end: Any) -> str:
        return formatting.format_date_range(start, end, self.code)

    def unit(self, code: str) -> str:
        return self.t(f"units.{code}")

    def figure(self, figure_id: str) -> FigureView:
        item = self.model.figures[figure_id]
        data: Figure = item.data
        text = self.text(item)
        return FigureView(
            id=figure_id,
            label=text.label,
            value=self.number(data.value, data.display),
            unit=self.unit(data.unit),
            year=data.year,
            source_name=data.source.name,
            source_url=str(data.source.url),
            source_language=data.source.language or self.model.source_language,
            note=text.note,
            series=[(point.year, self.number(point.value, data.display)) for point in data.series],
            language=self.text_language(item),
        )

    def figures(self, ids: list[str]) -> list[FigureView]:
        return [self.figure(figure_id) for figure_id in ids]

    def item(self, kind: str, identifier: str) -> Item[Any]:
        return self.model.items[kind][identifier]

    def contact(self, identifier: str) -> Item[Contact]:
        return self.model.contacts[identifier]

    def sectors_of(self, item_ids: list[str]) -> list[Item[Sector]]:
        return [self.model.items["sector"][i] for i in item_ids]

    def projects_of(self, item_ids: list[str], promoted_only: bool = True) -> list[Item[Project]]:
        chosen = [self.model.items["project"][i] for i in item_ids]
        if promoted_only:
            chosen = [p for p in chosen if p.data.status is not ProjectStatus.UNDER_REVIEW]
        return chosen

    def country(self, code: str) -> str:
        """The country's name in this language (CLDR), like "Japon" for JP in French."""
        return str(formatting.locale_for(self.code).territories.get(code, code))

    def upcoming_events(self) -> list[Item[Event]]:
        return [event for event in self.model.events if event.data.end >= self.today]

    def past_events(self) -> list[Item[Event]]:
        return [event for event in reversed(self.model.events) if event.data.end < self.today]
