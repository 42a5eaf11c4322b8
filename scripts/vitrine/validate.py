"""Stage 2, validate: check every loaded file against the schema of its content type.

Each file is matched to a content type by its place and name (``sectors/health.en.md`` is the English text of
the sector ``health``). Every problem is collected; the stage never stops at the first one.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from vitrine.load import Document, LoadedContent, Path_
from vitrine.problems import Problem, Severity
from vitrine.schema import CONTENT_TYPES, ContentType, Schema, Territory

DataT = TypeVar("DataT", bound=Schema)

LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z]{2,4})?)$")


@dataclass(frozen=True)
class Origin:
    """Where a value was written: a file and a path inside it (for line look-ups)."""

    document: Document
    path: Path_ = ()

    @property
    def file(self) -> str:
        return self.document.path

    def line(self, *sub_path: str | int) -> int:
        return self.document.line_of((*self.path, *sub_path))


@dataclass
class Item(Generic[DataT]):
    """One item of content: its language-neutral data and its texts per language."""

    kind: str
    id: str
    data: DataT
    origin: Origin
    texts: dict[str, Any] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    text_origins: dict[str, Origin] = field(default_factory=dict)


@dataclass
class ValidContent:
    """What passed validation; items whose data failed are left out (their problems are reported)."""

    territory: Item[Territory] | None
    strings: dict[str, dict[str, Any]]
    strings_origins: dict[str, Origin]
    items: dict[str, dict[str, Item[Any]]]
    problems: list[Problem]
    # Items that exist but failed validation (or whose file could not be read): references to them and their
    # texts are not reported again, so that staff see the cause and not a cascade of consequences.
    invalid: dict[str, set[str]] = field(default_factory=dict)
    unreadable_kinds: set[str] = field(default_factory=set)

    def exists(self, kind: str, identifier: str) -> bool:
        return (
            identifier in self.items.get(kind, {})
            or identifier in self.invalid.get(kind, set())
            or kind in self.unreadable_kinds
        )


# --- turning pydantic's errors into plain words -----------------------------------------------------


def _unwrap(annotation: Any) -> list[Any]:
    """The classes a type annotation may hold (``list[Figure] | None`` -> [list[Figure], Figure])."""
    found = [annotation]
    for argument in typing.get_args(annotation):
        found.extend(_unwrap(argument))
    return found


def _field_description(model: type[BaseModel], location: tuple[int | str, ...]) -> tuple[str | None, list[str]]:
    """The description of the field at ``location`` and the names of its siblings."""
    current: type[BaseModel] | None = model
    description: str | None = None
    siblings: list[str] = list(model.model_fields)
    for part in location:
        if current is None or isinstance(part, int) or part not in current.model_fields:
            continue
        siblings = list(current.model_fields)
        info = current.model_fields[part]
        description = info.description
        nested = [
            candidate
            for candidate in _unwrap(info.annotation)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel)
        ]
        current = nested[0] if nested else None
        if description is None:
            for candidate in _unwrap(info.annotation):
                for meta in getattr(candidate, "__metadata__", ()):
                    description = getattr(meta, "description", None) or description
    return description, siblings


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"“{text if len(text) <= 60 else text[:57] + '…'}”"


def _field_name(location: tuple[int | str, ...]) -> str:
    name = ""
    for part in location:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "(whole file)"


def explain(error: ErrorDetails, model: type[BaseModel], origin: Origin, title: str) -> Problem:
    """One pydantic error as a Problem: file, line, field, what was found, what is expected."""
    location = tuple(error["loc"])
    line = origin.line(*location)
    description, siblings = _field_description(model, location)
    name = _field_name(location)
    kind = error["type"]
    context = error.get("ctx", {})
    if kind == "missing":
        return Problem(
            origin.file,
            line,
            name,
            f"this required field is missing from {title}.",
            f"add a line “{location[-1]}: …” with {description or 'a value'}.",
        )
    if kind == "extra_forbidden":
        allowed = ", ".join(siblings)
        return Problem(
            origin.file,
            line,
            name,
            f"“{location[-1]}” is not a field of {title}.",
            f"check the spelling; the fields allowed here are: {allowed}.",
        )
    expected = description or error["msg"].lower()
    if kind in ("enum", "literal_error") and "expected" in context:
        expected = f"one of {context['expected']}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(context.values()))
        bound = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        expected = f"{description or 'a number'}, {bound} {limit}"
    elif kind == "too_short":
        expected = f"{description or 'a list'}, with at least {context.get('min_length', 1)} entry"
    elif kind == "string_too_short":
        expected = description or "some text (it is empty)"
    return Problem(
        origin.file,
        line,
        name,
        f"found {_show(error['input'])}, expected {expected}.",
        "correct the value, then run the check again.",
    )


def _validate(model: type[DataT], raw: Any, origin: Origin, title: str, problems: list[Problem]) -> DataT | None:
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                origin.file,
                origin.line(),
                None,
                f"found {_show(raw)} where the fields of {title} were expected.",
                "write one field per line, as “name: value”.",
            )
        )
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems.extend(explain(detail, model, origin, title) for detail in error.errors())
        return None


# --- matching files to content types ------------------------------------------------------------------


def _split_language(stem: str) -> tuple[str, str | None]:
    match = LANGUAGE_SUFFIX.match(stem)
    return (match["stem"], match["lang"]) if match else (stem, None)


def _text_of(
    document: Document, content_type: ContentType, lang: str, item: Item[Any], problems: list[Problem], path: Path_ = ()
) -> None:
    origin = Origin(document, path)
    raw = document.data if not path else document.data.get(path[-1])
    text = _validate(content_type.text, raw, origin, f"the {lang} text of {content_type.title}", problems)
    if text is not None:
        item.texts[lang] = text
        item.text_origins[lang] = origin
        if document.body is not None:
            item.bodies[lang] = document.body


def validate(loaded: LoadedContent) -> ValidContent:
    """Check every document; return what is valid and every problem found."""
    problems = list(loaded.problems)
    documents = dict(loaded.documents)
    items: dict[str, dict[str, Item[Any]]] = {ct.kind: {} for ct in CONTENT_TYPES}
    strings: dict[str, dict[str, Any]] = {}
    strings_origins: dict[str, Origin] = {}
    territory: Item[Territory] | None = None

    territory_document = documents.pop("territory.yml", None)
    if territory_document is None:
        if not any(p.file == "territory.yml" for p in problems):
            problems.append(
                Problem(
                    "territory.yml",
                    None,
                    None,
                    "the content folder has no territory.yml.",
                    "create it: it declares the languages, the web address and the legal "
                    "information (see content/README.md).",
                )
            )
    else:
        origin = Origin(territory_document)
        territory_data = _validate(Territory, territory_document.data, origin, "the territory", problems)
        if territory_data is not None:
            territory = Item("territory", territory_data.id, territory_data, origin)
    declared = {lang.code for lang in territory.data.languages} if territory else set()

    def check_language(lang: str, document: Document) -> bool:
        if territory is None or lang in declared:
            return True
        problems.append(
            Problem(
                document.path,
                1,
                None,
                f"this file is written for the language “{lang}”, which territory.yml does not declare.",
                f"declare “{lang}” under languages in territory.yml, or rename the file with "
                f"one of: {', '.join(sorted(declared))}.",
            )
        )
        return False

    # Data files first, so that text files can be attached to their item.
    by_place = {(ct.layout, ct.location): ct for ct in CONTENT_TYPES}

    invalid: dict[str, set[str]] = {ct.kind: set() for ct in CONTENT_TYPES}
    unreadable: set[str] = set()
    for problem in loaded.problems:
        folder, _, name = problem.file.rpartition("/")
        for candidate in CONTENT_TYPES:
            if candidate.layout == "folder" and folder == candidate.location:
                invalid[candidate.kind].add(name.split(".")[0])
            elif not folder and name.split(".")[0] == candidate.location and name.count(".") == 1:
                unreadable.add(candidate.kind)

    pending_texts: list[tuple[Document, ContentType, str, str | None]] = []
    for path, document in sorted(documents.items()):
        folder, _, name = path.rpartition("/")
        stem, extension = name.rsplit(".", 1)
        stem, lang = _split_language(stem)
        if folder == "strings" and extension in ("yml", "yaml") and lang is None:
            if check_language(stem, document):
                if isinstance(document.data, dict):
                    strings[stem] = document.data
                    strings_origins[stem] = Origin(document)
                else:
                    problems.append(
                        Problem(
                            path,
                            1,
                            None,
                            "this file should hold groups of interface texts.",
                            "write one “key: text” per line, as in the source language's file.",
                        )
                    )
            continue
        content_type: ContentType | None = (
            by_place.get(("folder", folder))
            if folder
            else by_place.get(("list", stem)) or by_place.get(("single", stem))
        )
        if content_type is None or (content_type.layout != "folder" and folder):
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    "this file is not part of the content model, so it is not used.",
                    "rename or move it (see content/README.md for the list of files), or delete it.",
                    Severity.WARNING,
                )
            )
            continue
        if lang is not None:
            if extension != ("md" if content_type.layout == "folder" else "yml"):
                wanted = "md" if content_type.layout == "folder" else "yml"
                problems.append(
                    Problem(
                        path,
                        None,
                        None,
                        f"the texts of {content_type.title} are written in .{wanted} files.",
                        f"rename the file to {stem}.{lang}.{wanted}.",
                    )
                )
                continue
            if check_language(lang, document):
                pending_texts.append((document, content_type, lang, stem if folder else None))
            continue
        if content_type.kind == "territory":
            continue
        if content_type.layout == "folder":
            origin = Origin(document)
            data = _validate(content_type.data, document.data, origin, content_type.title, problems)
            if data is not None:
                items[content_type.kind][stem] = Item(content_type.kind, stem, data, origin)
            else:
                invalid[content_type.kind].add(stem)
            continue
        if not isinstance(document.data, list):
            problems.append(
                Problem(
                    path,
                    1,
                    None,
                    f"this file should hold a list of items ({content_type.title} "
                    "each), every one starting with “- id: …”.",
                    "start each item with a dash, as in the other list files.",
                )
            )
            continue
        for index, raw in enumerate(document.data):
            origin = Origin(document, (index,))
            data = _validate(content_type.data, raw, origin, content_type.title, problems)
            if data is None:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    invalid[content_type.kind].add(raw["id"])
                continue
            item_id = getattr(data, "id")  # noqa: B009 - every list schema has an id
            if item_id in items[content_type.kind]:
                first = items[content_type.kind][item_id].origin
                problems.append(
                    Problem(
                        path,
                        origin.line("id"),
                        "id",
                        f"the identifier “{item_id}” is used twice (first on line {first.line()}).",
                        "give each item its own identifier.",
                    )
                )
                continue
            items[content_type.kind][item_id] = Item(content_type.kind, item_id, data, origin)

    for document, content_type, lang, item_id in pending_texts:
        if content_type.kind == "territory":
            if territory is not None:
                _text_of(document, content_type, lang, territory, problems)
            continue
        if item_id is not None:
            target = items[content_type.kind].get(item_id)
            if target is None:
                if item_id not in invalid[content_type.kind]:
                    problems.append(
                        Problem(
                            document.path,
                            1,
                            None,
                            f"there is no {content_type.location}/{item_id}.yml for this text.",
                            f"create {content_type.location}/{item_id}.yml, or rename this file after an existing one.",
                        )
                    )
                continue
            _text_of(document, content_type, lang, target, problems)
            continue
        if not isinstance(document.data, dict):
            problems.append(
                Problem(
                    document.path,
                    1,
                    None,
                    "this file should map each identifier to its texts.",
                    "write “identifier:” then the indented text fields, as in the source file.",
                )
            )
            continue
        for text_id in document.data:
            target = items[content_type.kind].get(str(text_id))
            if target is None and (str(text_id) in invalid[content_type.kind] or content_type.kind in unreadable):
                continue
            if target is None:
                known = ", ".join(sorted(items[content_type.kind])) or "none"
                problems.append(
                    Problem(
                        document.path,
                        document.line_of((text_id,)),
                        str(text_id),
                        f"“{text_id}” is not an identifier of {content_type.location}.yml.",
                        f"use one of: {known}.",
                    )
                )
                continue
            _text_of(document, content_type, lang, target, problems, (text_id,))

    return ValidContent(territory, strings, strings_origins, items, problems, invalid, unreadable)
