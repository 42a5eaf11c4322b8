"""The checks of the resolve stage: what no single file's schema can tell.

Each check reads the validated content and returns its problems: references to items that do not exist, units
and milestones without words, texts missing in the source language, figures cited in texts, one-sided links
between sectors and projects, and the flags staff left for each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vitrine.model import Item, Model
from vitrine.problems import Collector, Problem
from vitrine.schema import CONTENT_TYPES, CONTENT_TYPES_BY_KIND, FIGURE_CITATION, REFERS_TO, ProjectStatus, Territory
from vitrine.schema_messages import field_name
from vitrine.validate import ValidContent

Reference = tuple[str, str, tuple[str | int, ...]]


def references_of(model: BaseModel, path: tuple[str | int, ...] = ()) -> list[Reference]:
    """Every (kind, identifier, path) that ``model`` refers to, found through the schema's markers."""
    found: list[Reference] = []
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
            found.extend(references_of(value, (*path, name)))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    found.extend(references_of(entry, (*path, name, index)))
    return found


def check_references(valid: ValidContent, territory: Item[Territory]) -> list[Problem]:
    found = Collector()
    languages = {lang.code for lang in territory.data.languages}
    everything: list[Item[Any]] = [territory, *(i for kind in valid.items.values() for i in kind.values())]
    for item in everything:
        for kind, identifier, path in references_of(item.data):
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
            found.error(
                item.origin.file,
                item.origin.line(*path),
                field_name(path, whole=""),
                f"“{identifier}” does not match any {what} (looked in {where}).",
                f"use one of: {suggestion}; or {add}.",
            )
    return found.problems


def _lookup(strings: dict[str, Any], dotted: str) -> Any:
    node: Any = strings
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_vocabulary(valid: ValidContent, source: str) -> list[Problem]:
    """Units and milestone kinds must have words in the source language's interface texts."""
    found = Collector()
    strings = valid.strings.get(source, {})
    strings_file = f"strings/{source}.yml"
    for figure in valid.items["figure"].values():
        if not isinstance(_lookup(strings, f"units.{figure.data.unit}"), str):
            found.error(
                figure.origin.file,
                figure.origin.line("unit"),
                "unit",
                f"the unit “{figure.data.unit}” has no words in {strings_file}.",
                f"add “{figure.data.unit}: …” under units in {strings_file}, or use a unit listed there.",
            )
    for project in valid.items["project"].values():
        for index, milestone in enumerate(project.data.milestones):
            if not isinstance(_lookup(strings, f"milestones.{milestone.what}"), str):
                found.error(
                    project.origin.file,
                    project.origin.line("milestones", index, "what"),
                    f"milestones[{index + 1}].what",
                    f"the milestone kind “{milestone.what}” has no words in {strings_file}.",
                    f"add it under milestones in {strings_file}, or use one listed there.",
                )
    return found.problems


def check_texts(valid: ValidContent, territory: Item[Territory], root: Path) -> list[Problem]:
    found = Collector()
    source = territory.data.source_language
    declared = [lang.code for lang in territory.data.languages]
    if source not in declared:
        found.error(
            territory.origin.file,
            territory.origin.line("source_language"),
            "source_language",
            f"the source language “{source}” is not in the list of languages.",
            "add it under languages, or correct source_language.",
        )
    if source not in valid.strings:
        found.error(
            f"strings/{source}.yml",
            None,
            None,
            "the interface texts of the source language are missing.",
            f"create strings/{source}.yml (copy another language's file and translate it).",
        )
    for code in declared:
        if code not in valid.strings and code != source:
            found.warning(
                f"strings/{code}.yml",
                None,
                None,
                f"the interface texts of “{code}” are missing: the interface is shown in the fallback language.",
                f"create strings/{code}.yml.",
            )
    if source not in territory.texts:
        found.error(
            CONTENT_TYPES_BY_KIND["territory"].text_file(territory.id, source),
            None,
            None,
            "the texts of the territory in the source language are missing.",
            f"create territory.{source}.yml with name, tagline, value_proposition, contact_call and description.",
        )
    for content_type in CONTENT_TYPES:
        if content_type.kind == "territory":
            continue
        for item in valid.items[content_type.kind].values():
            if source in item.texts:
                continue
            where = content_type.text_file(item.id, source)
            if content_type.layout == "folder":
                hint = f"create {where} with a header block (title, summary) and the text."
            else:
                hint = f"add “{item.id}:” with its texts to {where}."
            found.error(
                item.origin.file,
                item.origin.line("id") if content_type.layout != "folder" else 1,
                None,
                f"{content_type.title} “{item.id}” has no text in the source language ({source}).",
                hint,
            )
    for media in valid.items["media"].values():
        if not (root / media.data.file).is_file():
            found.error(
                media.origin.file,
                media.origin.line("file"),
                "file",
                f"the image file “{media.data.file}” does not exist.",
                "put the image in the content folder and write its path relative to it (media/name.svg).",
            )
    return found.problems


def check_citations(valid: ValidContent) -> list[Problem]:
    """Figures cited inside long texts, as [[figure:port-traffic]], must exist."""
    found = Collector()
    known = set(valid.items["figure"]) | valid.invalid.get("figure", set())
    for kind in valid.items.values():
        for item in kind.values():
            for language, body in item.bodies.items():
                origin = item.text_origins[language]
                for match in FIGURE_CITATION.finditer(body):
                    if match["id"] in known or "figure" in valid.unreadable_kinds:
                        continue
                    found.error(
                        origin.file,
                        origin.document.body_line + body[: match.start()].count("\n"),
                        None,
                        f"the text cites the figure “{match['id']}”, which figures.yml does not have.",
                        f"use one of: {', '.join(sorted(known)) or 'none yet'}; or add it to figures.yml.",
                    )
    return found.problems


def check_sector_links(valid: ValidContent) -> list[Problem]:
    """A project and its sectors should name each other; a one-sided link is shown in one place only."""
    found = Collector()
    sectors, projects = valid.items["sector"], valid.items["project"]
    for project in projects.values():
        if project.data.status is ProjectStatus.UNDER_REVIEW:
            continue
        for index, sector_id in enumerate(project.data.sectors):
            sector = sectors.get(sector_id)
            if sector is not None and project.id not in sector.data.projects:
                found.warning(
                    sector.origin.file,
                    sector.origin.line("projects"),
                    "projects",
                    f"the project “{project.id}” belongs to this sector ({project.origin.file}, line "
                    f"{project.origin.line('sectors', index)}), but the sector does not list it.",
                    f"add {project.id} to projects here, or remove {sector_id} from its sectors.",
                )
    for listing in sectors.values():
        for index, project_id in enumerate(listing.data.projects):
            listed = projects.get(project_id)
            if listed is not None and listing.id not in listed.data.sectors:
                found.warning(
                    listed.origin.file,
                    listed.origin.line("sectors"),
                    "sectors",
                    f"the sector “{listing.id}” lists this project ({listing.origin.file}, line "
                    f"{listing.origin.line('projects', index)}), but the project does not name the sector.",
                    f"add {listing.id} to sectors here, or remove {project_id} from that sector's projects.",
                )
    return found.problems


def flagged(model: Model) -> list[Problem]:
    """Items that carry a flag for staff: listed by ``vitrine check``, never shown to the public."""
    found = Collector()
    for item in model.all_items():
        for value, path in (
            (getattr(item.data, "flag", None), ("flag",)),
            (getattr(getattr(item.data, "legal", None), "flag", None), ("legal", "flag")),
        ):
            if value:
                found.warning(item.origin.file, item.origin.line(*path), None, f"flagged: {value}")
    return found.problems
