"""``vitrine new``: the files of a new item, every required field filled with a placeholder that validates.

A new item starts as a draft (it stays out of the site, the kit and the data) with a flag for staff, and every field
carries a comment that explains it: the description the schema gives it. Its text is written in the source
language only: the other languages are translations of it, which ``vitrine status`` lists as missing.

Items of a folder (sectors/<id>.yml and sectors/<id>.<lang>.md) get new files. Items of a list (figures.yml and
figures.<lang>.yml) are appended to the end of its files: what staff wrote there (comments, quotes, line breaks,
indentation) stays as it is, byte for byte. Each file is read with ruamel.yaml first (to refuse an identifier that
exists and to find the column of its items), and the result is read again, as ``vitrine check`` reads it, to make
sure that it holds what the file held plus the new item. (ruamel.yaml does not write the whole file back: its round
trip would re-wrap long lines and re-indent lists that staff wrote otherwise. Only a list written in the compact
form, [ … ] or { … }, is first written again in blocks by it, its opening comments kept.)

The texts of the files are made by pure functions (texts in, texts out); ``read_context``, ``plan`` and ``write``
read and write the content folder, and ``create`` does all three.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError

from vitrine.checks import slug_of
from vitrine.model import FINGERPRINT_FIELDS
from vitrine.schema import (
    CONTENT_TYPES_BY_KIND,
    ContentType,
    Identifier,
    IncentiveKind,
    Publication,
    SiteKind,
)

# The kinds ``vitrine new`` makes, in the order the help lists them.
KINDS = ("sector", "project", "event", "figure", "site", "incentive")

TO_COMPLETE = "TO COMPLETE"
TO_VERIFY = "TO VERIFY"
# A source address that validates (https://) and that no one can take for a real one (RFC 2606 reserves it).
PLACEHOLDER_URL = "https://example.org/to-verify"
# A country code that validates and that no country has (ISO 3166 leaves XX to users).
PLACEHOLDER_COUNTRY = "XX"
COMMENT_WIDTH = 110
# Exit codes of the command line: 1 the content has errors, 2 the command was misused.
CONTENT_ERROR = 1
MISUSE = 2

_IDENTIFIER = TypeAdapter(Identifier)
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


class Refused(Exception):
    """The item cannot be made: the message says why and what to do; ``code`` is the command's exit code."""

    def __init__(self, message: str, code: int = MISUSE) -> None:
        super().__init__(message)
        self.code = code


# --- what the placeholders are taken from ------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What a new item's placeholders come from: the content folder as it is, and today."""

    source_language: str
    languages: dict[str, str]  # code: name, as territory.yml declares them (the source language among them)
    today: dt.date
    main_contact: str | None = None
    units: tuple[str, ...] = ()  # the units the source language's strings file has words for
    places: tuple[tuple[float, float], ...] = ()  # (lat, lon) of the projects and sites
    sector_orders: tuple[int, ...] = ()

    @property
    def source_name(self) -> str:
        return self.languages.get(self.source_language, self.source_language)

    @property
    def other_languages(self) -> list[str]:
        return [code for code in self.languages if code != self.source_language]


@dataclass(frozen=True)
class Change:
    """A file of the content folder and its whole new text."""

    path: str  # relative to the content folder, with forward slashes
    text: str
    created: bool  # a new file (else: an existing file the item was added to)
    line: int = 1  # where the new item starts in it


# --- the identifier ---------------------------------------------------------------------------------------


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be an identifier (the rule ``vitrine check`` applies to identifiers), or None."""
    try:
        _IDENTIFIER.validate_python(slug)
    except ValidationError:
        suggestion = slug_of(slug)
        like = f", like {suggestion}" if suggestion else " (like water-treatment)"
        return (
            f"“{slug}” cannot be an identifier: it becomes part of web addresses and of the printed QR codes. "
            f"Write it with lower-case letters a to z, digits and hyphens between words only{like}."
        )
    return None


# --- comments from the schema -----------------------------------------------------------------------------


def described_as(model: type[BaseModel], name: str) -> str:
    """The schema's words for a field: what staff read in error messages and in their editor."""
    description = model.model_fields[name].description
    if description:
        return description
    nested = model.model_fields[name].annotation
    if isinstance(nested, type) and issubclass(nested, BaseModel):
        words = {"source": "the source: who published it, and where it can be checked", "place": "where it is"}
        return words.get(name, (nested.__doc__ or name).strip().splitlines()[0])
    return name


@dataclass(frozen=True)
class Entry:
    """One field of a new item: its value, and the comment that explains it."""

    name: str
    value: Any  # text, number, date, a list of identifiers, or the fields of a group (a tuple of Entry)
    comment: str


def field_entry(model: type[BaseModel], name: str, value: Any, note: str = "") -> Entry:
    return Entry(name, value, described_as(model, name) + (f" — {note}" if note else ""))


def to_complete(model: type[BaseModel], name: str, mark: str = TO_COMPLETE) -> Entry:
    """A text field whose placeholder says what to write."""
    return field_entry(model, name, f"{mark}: {described_as(model, name)}")


def other_fields(model: type[BaseModel], written: Sequence[Entry]) -> str:
    """The comment that lists the optional fields a new item leaves out, with their description."""
    names = {entry.name for entry in written}
    left = [
        f"  {name}: {info.description or name}"
        for name, info in model.model_fields.items()
        if name not in names and name not in FINGERPRINT_FIELDS and name != "id"
    ]
    return "Other fields you may add (see README.md of the content folder):\n" + "\n".join(left) if left else ""


# --- writing YAML ------------------------------------------------------------------------------------------


def scalar(value: Any) -> str:
    """One value as YAML writes it, read back exactly so by the content reader (YAML 1.1: no, on, 2024-01-01…)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    text = str(value)
    if _PLAIN.fullmatch(text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a double-quoted YAML string


def comment(text: str, indent: int) -> list[str]:
    """``text`` as comment lines (its own line breaks kept, long lines wrapped)."""
    pad = " " * indent
    lines: list[str] = []
    for paragraph in text.splitlines():
        inner = len(paragraph) - len(paragraph.lstrip())
        wrapped = textwrap.wrap(
            paragraph.strip(), COMMENT_WIDTH - indent - 2 - inner, subsequent_indent="  " if inner else ""
        )
        lines += [f"{pad}# {' ' * inner}{line}" for line in wrapped or [""]]
    return lines


def render(entries: Sequence[Entry], indent: int = 0) -> list[str]:
    """The lines of a YAML mapping: each field after its comment."""
    pad = " " * indent
    lines: list[str] = []
    for entry in entries:
        lines += comment(entry.comment, indent)
        if isinstance(entry.value, tuple):
            lines.append(f"{pad}{entry.name}:")
            lines += render(entry.value, indent + 2)
        else:
            lines.append(f"{pad}{entry.name}: {scalar(entry.value)}")
    return lines


def list_item(entries: Sequence[Entry], indent: int = 0) -> list[str]:
    """The lines of one item of a list file: ``- id: …`` first, then its other fields."""
    first, *rest = entries
    pad = " " * indent
    return [
        *comment(first.comment, indent),
        f"{pad}- {first.name}: {scalar(first.value)}",
        *render(rest, indent + 2),
    ]


# --- the fields of each kind -------------------------------------------------------------------------------


def _identifier(model: type[BaseModel], slug: str) -> Entry:
    return field_entry(model, "id", slug, "it never changes once published: addresses and QR codes use it")


def _status(model: type[BaseModel], kind: str) -> Entry:
    return field_entry(
        model, "status", Publication.DRAFT.value, f"it starts as a draft: write {_ready(kind)} when it is ready"
    )


def _ready(kind: str) -> str:
    """The status of an item that is ready for the public."""
    return "active, planned or completed" if kind == "project" else Publication.PUBLISHED.value


def _flag(model: type[BaseModel], kind: str) -> Entry:
    flag = (
        f"New, made by vitrine new: fill in every value marked {TO_COMPLETE} or {TO_VERIFY} and every placeholder, "
        f"then write status: {_ready(kind)} and delete this flag."
    )
    return field_entry(model, "flag", flag, "delete this line when the item is complete")


def _place(model: type[BaseModel], context: Context) -> Entry:
    place_model = model.model_fields["place"].annotation
    assert isinstance(place_model, type) and issubclass(place_model, BaseModel)
    if context.places:
        lat = round(sum(lat for lat, _ in context.places) / len(context.places), 3)
        lon = round(sum(lon for _, lon in context.places) / len(context.places), 3)
        where = "placeholder: the middle of the places already on the map; find the real one on an official map"
    else:
        lat, lon, where = 0.0, 0.0, "placeholder: find the real one on the place's own page or an official map"
    return field_entry(
        model,
        "place",
        (
            to_complete(place_model, "city"),
            field_entry(place_model, "lat", lat, where),
            field_entry(place_model, "lon", lon, where),
        ),
        "the town, and its coordinates for the maps",
    )


def _source(model: type[BaseModel], kind: str) -> Entry:
    source_model = model.model_fields["source"].annotation
    assert isinstance(source_model, type) and issubclass(source_model, BaseModel)

    def words(name: str) -> str:  # the schema's words for a source speak of a key figure, its first use
        text = described_as(source_model, name)
        return text if kind == "figure" else text.replace("the figure", "it")

    return field_entry(
        model,
        "source",
        (
            Entry("name", f"{TO_VERIFY}: {words('name')}", words("name")),
            Entry("url", PLACEHOLDER_URL, f"{words('url')} — a placeholder: write the address of the real page"),
        ),
    )


def _contacts(model: type[BaseModel], context: Context) -> list[Entry]:
    if context.main_contact is None:
        return []
    return [
        field_entry(
            model,
            "contacts",
            [context.main_contact],
            "identifiers of contacts.yml; a placeholder: the main contact of territory.yml",
        )
    ]


def data_entries(kind: str, slug: str, context: Context) -> list[Entry]:
    """The language-neutral fields of a new item of ``kind``: every required one, its status and its flag."""
    model = CONTENT_TYPES_BY_KIND[kind].data
    year = "a placeholder: this year; write the year its source gives"
    entries: list[Entry]
    if kind == "figure":
        units = ", ".join(context.units[:15]) + (", …" if len(context.units) > 15 else "")
        entries = [
            _identifier(model, slug),
            field_entry(model, "value", 0, "0 is a placeholder: write the value its source gives"),
            field_entry(
                model,
                "unit",
                context.units[0] if context.units else "unit",
                f"a placeholder; the units with words: {units}" if units else "add it under units: in the strings",
            ),
            field_entry(model, "year", context.today.year, year),
            _source(model, kind),
        ]
    elif kind == "sector":
        entries = [
            field_entry(model, "order", max(context.sector_orders, default=0) + 1, "a placeholder: after the others"),
            *_contacts(model, context),
        ]
    elif kind == "project":
        entries = [_place(model, context), *_contacts(model, context)]
    elif kind == "site":
        entries = [
            field_entry(model, "kind", SiteKind.BUSINESS_PARK.value, "a placeholder"),
            _place(model, context),
            *_contacts(model, context),
        ]
    elif kind == "event":
        day = "a placeholder: today"
        entries = [
            _identifier(model, slug),
            to_complete(model, "name"),
            to_complete(model, "city"),
            field_entry(model, "country", PLACEHOLDER_COUNTRY, "XX is a placeholder"),
            field_entry(model, "start", context.today, day),
            field_entry(model, "end", context.today, day),
            field_entry(
                model,
                "languages",
                [context.source_language],
                "a deck of the pitch kit is printed in each; a placeholder: the source language",
            ),
        ]
    elif kind == "incentive":
        entries = [
            _identifier(model, slug),
            field_entry(model, "kind", IncentiveKind.GRANT.value, "a placeholder"),
            _source(model, kind),
            field_entry(model, "year", context.today.year, year),
        ]
    else:
        raise Refused(f"vitrine new makes {', '.join(KINDS)}: not “{kind}”.")
    return [*entries, _status(model, kind), _flag(model, kind)]


def text_entries(kind: str) -> list[Entry]:
    """The text fields of a new item, to be written in the source language."""
    model = CONTENT_TYPES_BY_KIND[kind].text
    return [
        to_complete(model, name)
        for name, info in model.model_fields.items()
        if info.is_required() and name not in FINGERPRINT_FIELDS
    ]


# --- the texts of the files --------------------------------------------------------------------------------


def _what(content_type: ContentType) -> str:
    """“sector”, “key figure”: the content type's title without its article."""
    return content_type.title.split(" ", 1)[-1]


def _translations_note(content_type: ContentType, slug: str, context: Context) -> str:
    others = ", ".join(context.other_languages)
    source = content_type.text_file(slug, context.source_language)
    if not others:
        return f"Its text is in {source}."
    return (
        f"Its text is in {source} ({context.source_name}, the source language). The other languages ({others}) are "
        "translated from it: vitrine status lists them as missing until they are."
    )


def folder_data_text(kind: str, slug: str, context: Context) -> str:
    """sectors/<slug>.yml: the language-neutral data of a new item of a folder."""
    content_type = CONTENT_TYPES_BY_KIND[kind]
    entries = data_entries(kind, slug, context)
    header = (
        f"{_what(content_type).capitalize()} “{slug}”, made by vitrine new on {context.today.isoformat()}. "
        f"{_translations_note(content_type, slug, context)}\n"
        f"Fill in every value marked {TO_COMPLETE} or {TO_VERIFY} and every placeholder (the comment above each "
        "field says what it holds), then run vitrine check."
    )
    optional = other_fields(content_type.data, entries)
    return "\n".join([*comment(header, 0), *render(entries), *(comment(optional, 0) if optional else [])]) + "\n"


def folder_text_text(kind: str, slug: str, context: Context) -> str:
    """sectors/<slug>.<source>.md: the text of a new item of a folder, in the source language."""
    content_type = CONTENT_TYPES_BY_KIND[kind]
    header = (
        f"The {context.source_name} text of {_what(content_type)} “{slug}” (the source language: every other "
        "language is translated from it): the short fields here, between the --- lines, and the long text below "
        "them, in Markdown: an empty line between paragraphs, ## before a heading, and [[figure:port-traffic]] "
        "where a key figure of figures.yml should appear with its source and year."
    )
    body = f"{TO_COMPLETE}: the long text, in {context.source_name}."
    front = [*comment(header, 0), *render(text_entries(kind))]
    return "---\n" + "\n".join(front) + "\n---\n\n" + textwrap.fill(body, COMMENT_WIDTH) + "\n"


def list_entry_text(kind: str, slug: str, context: Context, indent: int = 0) -> str:
    """The lines of a new item at the end of figures.yml (``indent``: the column of the list's dashes)."""
    content_type = CONTENT_TYPES_BY_KIND[kind]
    header = (
        f"{_what(content_type).capitalize()} “{slug}”, made by vitrine new on {context.today.isoformat()}. "
        f"{_translations_note(content_type, slug, context)} Fill in every value marked {TO_COMPLETE} or {TO_VERIFY} "
        "and every placeholder, then run vitrine check."
    )
    entries = data_entries(kind, slug, context)
    optional = other_fields(content_type.data, entries)
    lines = [*comment(header, indent), *list_item(entries, indent)]
    return "\n".join([*lines, *(comment(optional, indent + 2) if optional else [])]) + "\n"


def list_text_entry_text(kind: str, slug: str, context: Context, indent: int = 0) -> str:
    """The lines of a new item's texts at the end of figures.<source>.yml."""
    content_type = CONTENT_TYPES_BY_KIND[kind]
    header = (
        f"{_what(content_type).capitalize()} “{slug}” (see {content_type.data_file(slug)}), in {context.source_name}."
    )
    entries = text_entries(kind)
    pad = " " * indent
    return "\n".join([*comment(header, indent), f"{pad}{scalar(slug)}:", *render(entries, indent + 2)]) + "\n"


def new_list_file_header(content_type: ContentType, language: str | None) -> str:
    """The first lines of a list file that did not exist."""
    if language is None:
        what = f"{content_type.title.split(' ', 1)[-1]}s: one item each, starting with “- id: …”"
    else:
        what = f"the {language} texts of {content_type.data_file('')}, by identifier"
    return "\n".join(comment(f"{what[0].upper()}{what[1:]}.", 0)) + "\n"


# --- adding to a list file ---------------------------------------------------------------------------------


def _ruamel() -> YAML:
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 4096  # never wrap a line staff wrote on one line
    round_trip.indent(mapping=2, sequence=2, offset=0)
    return round_trip


def read_round_trip(text: str, path: str) -> Any:
    """A list file as ruamel.yaml reads it (comments and positions included)."""
    try:
        return _ruamel().load(text)
    except (RuamelError, ValueError) as error:
        raise Refused(
            f"{path} cannot be read ({str(error).splitlines()[0]}). Correct it first "
            "(vitrine check says where), then run vitrine new again.",
            CONTENT_ERROR,
        ) from error


def identifiers_in(text: str | None, path: str, layout: str) -> list[str]:
    """The identifiers of a list file (``layout`` "list": the id of each item; "map": the keys of a texts file)."""
    data = read_round_trip(text, path) if text else None
    if data is None:
        return []
    if layout == "list" and isinstance(data, list):
        return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]
    if layout == "map" and isinstance(data, dict):
        return [str(key) for key in data]
    what = "a list of items, each starting with “- id: …”" if layout == "list" else "identifiers, each with its texts"
    raise Refused(f"{path} should hold {what}. Correct it first (vitrine check says how).", CONTENT_ERROR)


def _expected(old: Any, entry: Any) -> Any:
    """What a list file holds once ``entry`` (a one-item list, or a one-key mapping) is added to ``old``."""
    if isinstance(entry, list):
        return [*(old or []), *entry]
    return {**(old or {}), **entry}


def _content_reads(text: str) -> Any:
    """``text`` as the content reader (PyYAML's safe loader, YAML 1.1) reads it; ValueError when it cannot."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from error


def _in_blocks(data: CommentedSeq | CommentedMap, old_text: str) -> str:
    """A list file written in the compact form ([ … ] or { … }) written again in blocks, one item per line, by
    ruamel.yaml's round trip; the comments it opens with are kept."""
    opening = re.match(r"(?:[ \t]*(?:#[^\n]*)?\n)*", old_text)
    kept = opening.group(0) if opening else ""
    if not data:  # [] or {}: nothing but its comments to keep
        return kept
    data.fa.set_block_style()
    buffer = io.StringIO()
    _ruamel().dump(data, buffer)
    text = buffer.getvalue()
    return text if text.startswith(kept) else kept + text


def append(existing: str | None, entry: Callable[[int], str], path: str, header: str) -> tuple[str, int]:
    """``existing`` (the text of a list file, or None when there is none yet: then ``header`` opens it) with a new
    item added at its end, and the line where the item starts. ``entry`` writes the item's lines for the column of
    the file's items. What the file held is kept as it is written: the new lines come after it."""
    newline = "\r\n" if existing and "\r\n" in existing else "\n"
    old_text = (existing or header).replace("\r\n", "\n")
    data = read_round_trip(old_text, path)
    if isinstance(data, (CommentedSeq, CommentedMap)) and data.fa.flow_style() is not False:
        old_text = _in_blocks(data, old_text)
        data = read_round_trip(old_text, path)
    indent = (data.lc.col or 0) if isinstance(data, (CommentedSeq, CommentedMap)) else 0
    addition = entry(indent)
    start = old_text if old_text.endswith("\n") or not old_text else old_text + "\n"
    text = start + addition
    try:
        safe = _expected(_content_reads(old_text), _content_reads(textwrap.dedent(addition))) == _content_reads(text)
    except ValueError:
        safe = False
    if not safe:
        raise Refused(
            f"the new item could not be added to {path} safely (its end is written in an unusual way). Add it by "
            "hand, as the other items are written.",
            CONTENT_ERROR,
        )
    return text.replace("\n", newline), start.count("\n") + 1


# --- the whole item ----------------------------------------------------------------------------------------


def _existing(root: Path, stem: str) -> str:
    """The file ``stem``.yml, or ``stem``.yaml when only that one exists (both are read)."""
    return (
        f"{stem}.yaml" if not (root / f"{stem}.yml").is_file() and (root / f"{stem}.yaml").is_file() else f"{stem}.yml"
    )


def _read(root: Path, path: str) -> str | None:
    file = root / path
    if not file.is_file():
        return None
    try:
        return file.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise Refused(
            f"{path} is not saved as UTF-8 text. Save it again as UTF-8 (vitrine check says where), then run "
            "vitrine new again.",
            CONTENT_ERROR,
        ) from error


def _safe_yaml(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def read_context(root: Path, today: dt.date) -> Context:
    """What the placeholders of a new item are taken from, read from the content folder ``root``."""
    if not (root / "territory.yml").is_file():
        raise Refused(
            f"there is no territory.yml in {root}: give the content folder with --content.",
            MISUSE if not root.is_dir() else CONTENT_ERROR,
        )
    territory = _safe_yaml(root / "territory.yml")
    source = territory.get("source_language") if isinstance(territory, dict) else None
    if not isinstance(source, str):
        raise Refused(
            "territory.yml has no readable source_language (the language texts are written in first): correct it "
            "(vitrine check says how), then run vitrine new again.",
            CONTENT_ERROR,
        )
    declared = territory.get("languages")
    languages = {
        str(lang["code"]): str(lang.get("name", lang["code"]))
        for lang in (declared if isinstance(declared, list) else [])
        if isinstance(lang, dict) and "code" in lang
    }
    strings = _safe_yaml(root / _existing(root, f"strings/{source}"))
    units = strings.get("units") if isinstance(strings, dict) else None
    places: list[tuple[float, float]] = []
    for folder in ("projects", "sites"):
        for file in sorted((root / folder).glob("*.y*ml")):
            data = _safe_yaml(file) if file.name.count(".") == 1 else None
            place = data.get("place") if isinstance(data, dict) else None
            if isinstance(place, dict) and all(isinstance(place.get(key), (int, float)) for key in ("lat", "lon")):
                places.append((float(place["lat"]), float(place["lon"])))
    orders = []
    for file in sorted((root / "sectors").glob("*.y*ml")):
        sector = _safe_yaml(file) if file.name.count(".") == 1 else None
        if isinstance(sector, dict) and isinstance(sector.get("order"), int):
            orders.append(sector["order"])
    main_contact = territory.get("main_contact")
    return Context(
        source_language=source,
        languages=languages or {source: source},
        today=today,
        main_contact=main_contact if isinstance(main_contact, str) else None,
        units=tuple(str(unit) for unit in units) if isinstance(units, dict) else (),
        places=tuple(places),
        sector_orders=tuple(orders),
    )


@dataclass
class Plan:
    """The files of a new item, before anything is written."""

    kind: str
    slug: str
    context: Context
    changes: list[Change] = field(default_factory=list)


def plan(root: Path, kind: str, slug: str, today: dt.date) -> Plan:
    """The files a new item of ``kind`` called ``slug`` makes or changes; Refused if it cannot be made."""
    if kind not in KINDS:
        raise Refused(f"vitrine new makes {', '.join(KINDS)}: not “{kind}”.")
    problem = slug_problem(slug)
    if problem:
        raise Refused(problem)
    context = read_context(root, today)
    content_type = CONTENT_TYPES_BY_KIND[kind]
    source = context.source_language
    what = _what(content_type)
    made = Plan(kind, slug, context)
    if content_type.layout == "folder":
        folder = root / content_type.location
        taken = sorted(p.name for p in folder.glob(f"{slug}.*")) if folder.is_dir() else []
        if taken:
            raise Refused(
                f"the {what} “{slug}” exists already ({', '.join(f'{content_type.location}/{n}' for n in taken)}). "
                "Choose another identifier, or edit those files."
            )
        made.changes = [
            Change(content_type.data_file(slug), folder_data_text(kind, slug, context), created=True),
            Change(content_type.text_file(slug, source), folder_text_text(kind, slug, context), created=True),
        ]
        return made
    data_path = _existing(root, content_type.location)
    data_text = _read(root, data_path)
    if slug in identifiers_in(data_text, data_path, "list"):
        raise Refused(
            f"the {what} “{slug}” exists already in {data_path}. Choose another identifier, or edit it there."
        )
    for text_file in sorted(root.glob(f"{content_type.location}.*.y*ml")):
        relative = text_file.name
        if slug in identifiers_in(_read(root, relative), relative, "map"):
            raise Refused(
                f"{relative} has texts for “{slug}” already, but {data_path} has no {what} “{slug}”. "
                f"Choose another identifier, or add its data to {data_path} by hand."
            )
    text_path = _existing(root, f"{content_type.location}.{source}")
    text_text = _read(root, text_path)
    new_data, data_line = append(
        data_text,
        lambda indent: list_entry_text(kind, slug, context, indent),
        data_path,
        new_list_file_header(content_type, None),
    )
    new_text, text_line = append(
        text_text,
        lambda indent: list_text_entry_text(kind, slug, context, indent),
        text_path,
        new_list_file_header(content_type, context.source_name),
    )
    made.changes = [
        Change(data_path, new_data, created=data_text is None, line=data_line),
        Change(text_path, new_text, created=text_text is None, line=text_line),
    ]
    return made


def write(root: Path, changes: Sequence[Change]) -> None:
    """Write every file (each replaced at once: a reader never sees half of one)."""
    for change in changes:
        target = root / change.path
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(change.text)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def create(root: Path, kind: str, slug: str, today: dt.date | None = None) -> Plan:
    """Make the files of a new item in the content folder ``root``; Refused (and nothing written) if it cannot."""
    made = plan(root, kind, slug, today or dt.date.today())
    write(root, made.changes)
    return made


def report(made: Plan, content_option: str) -> list[str]:
    """What was made and what to do next, for staff."""
    content_type = CONTENT_TYPES_BY_KIND[made.kind]
    context = made.context
    lines = [f"New {_what(content_type)} “{made.slug}” (a draft, flagged for staff until it is complete):"]
    for change in made.changes:
        is_text = change.path.rsplit(".", 2)[-2] == context.source_language
        holds = f"its text in {context.source_name}, the source language" if is_text else "its data"
        if change.created:
            lines.append(f"  created {change.path} ({holds})")
        else:
            lines.append(f"  added to {change.path}, from line {change.line} ({holds})")
    others = ", ".join(context.other_languages)
    lines += [
        "",
        "Next:",
        f"  1. Fill in every value marked {TO_COMPLETE} or {TO_VERIFY} and every placeholder in "
        f"{' and '.join(change.path for change in made.changes)}: the comment above each field says what it holds.",
        f"  2. Run vitrine check{content_option}: it lists the item as a draft, with its flag, and any mistake.",
        f"  3. When it is ready, write status: {_ready(made.kind)} and delete the flag line.",
    ]
    if others:
        lines.append(
            f"  4. Have it translated ({others}): vitrine status{content_option} lists it as missing, "
            "and vitrine translations export --lang <code> writes the file for a translator."
        )
    return lines
