"""Stage 2, validate: check every loaded file against the schema of its content type.

Each file is matched to a content type by its place and name (``sectors/health.en.md`` is the English text of
the sector ``health``), then handed to the handler of its kind of file: the territory, an interface strings file,
an item's data file in a folder, a list file, a text file. Handlers share one collector of problems: the stage
never stops at the first one. The wording of schema errors is in ``schema_messages.py``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from vitrine.load import Document, LoadedContent, Path_
from vitrine.model import Item, Origin
from vitrine.problems import Collector, Problem
from vitrine.schema import CONTENT_TYPES, ContentType, Schema, Territory
from vitrine.schema_messages import explain_all, not_a_group, show

DataT = TypeVar("DataT", bound=Schema)

LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z]{2,4})?)$")
TERRITORY_FILE = "territory.yml"
STRINGS_FOLDER = "strings"


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
    # Texts that exist but failed validation, as (kind, item, language), and files that could not be read at all:
    # their items are not reported again as having no text.
    failed_texts: set[tuple[str, str, str]] = field(default_factory=set)
    unreadable_files: set[str] = field(default_factory=set)

    def exists(self, kind: str, identifier: str) -> bool:
        return (
            identifier in self.items.get(kind, {})
            or identifier in self.invalid.get(kind, set())
            or kind in self.unreadable_kinds
        )


@dataclass(frozen=True)
class PendingText:
    """A text file, kept until every item exists so that it can be attached to its item."""

    document: Document
    content_type: ContentType
    language: str
    item_id: str | None  # the item of a folder's text file; None for a list's or the territory's


@dataclass
class Validation:
    """What the handlers share while the files are checked one by one."""

    found: Collector
    territory: Item[Territory] | None = None
    declared: set[str] = field(default_factory=set)
    items: dict[str, dict[str, Item[Any]]] = field(default_factory=lambda: {ct.kind: {} for ct in CONTENT_TYPES})
    strings: dict[str, dict[str, Any]] = field(default_factory=dict)
    strings_origins: dict[str, Origin] = field(default_factory=dict)
    invalid: dict[str, set[str]] = field(default_factory=lambda: {ct.kind: set() for ct in CONTENT_TYPES})
    unreadable: set[str] = field(default_factory=set)
    pending: list[PendingText] = field(default_factory=list)
    failed_texts: set[tuple[str, str, str]] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)  # every file of the content folder that was read or tried
    unreadable_strings: set[str] = field(default_factory=set)  # languages whose strings file is not a group

    def checked(self, schema: type[DataT], raw: Any, origin: Origin, title: str) -> DataT | None:
        """``raw`` as an instance of ``schema``, or None after collecting what is wrong with it."""
        if not isinstance(raw, dict):
            self.found.add(not_a_group(origin, raw, title))
            return None
        try:
            return schema.model_validate(raw)
        except ValidationError as error:
            for problem in explain_all(error.errors(), schema, origin, title):
                self.found.add(problem)
            return None

    def language_is_declared(self, language: str, document: Document) -> bool:
        if self.territory is None or language in self.declared:
            return True
        self.found.error(
            document.path,
            1,
            None,
            f"this file is written for the language “{language}”, which territory.yml does not declare.",
            f"declare “{language}” under languages in territory.yml, or rename the file with "
            f"one of: {', '.join(sorted(self.declared))}.",
        )
        return False

    def attach(
        self, document: Document, content_type: ContentType, language: str, item: Item[Any], path: Path_
    ) -> None:
        """Validate one text and give it to its item."""
        origin = Origin(document, path)
        raw = document.data if not path else document.data.get(path[-1])
        text = self.checked(content_type.text, raw, origin, f"the {language} text of {content_type.title}")
        if text is None:
            self.failed_texts.add((item.kind, item.id, language))
            return
        item.texts[language] = text
        item.text_origins[language] = origin
        if document.body is not None:
            item.bodies[language] = document.body


def split_language(stem: str) -> tuple[str, str | None]:
    """``health.en`` -> (``health``, ``en``); a stem without a language suffix has None."""
    match = LANGUAGE_SUFFIX.match(stem)
    return (match["stem"], match["lang"]) if match else (stem, None)


BY_PLACE = {(ct.layout, ct.location): ct for ct in CONTENT_TYPES}


def content_type_at(folder: str, stem: str) -> ContentType | None:
    """The content type of a file in ``folder`` (empty at the top) whose name starts with ``stem``."""
    if folder:
        return BY_PLACE.get(("folder", folder))
    return BY_PLACE.get(("list", stem)) or BY_PLACE.get(("single", stem))


# --- one handler per kind of file ----------------------------------------------------------------------


def territory_file(state: Validation, document: Document | None, loaded_problems: list[Problem]) -> None:
    if document is None:
        # Not again when the file could not be read, or when there is no content folder at all.
        if not any(p.file == TERRITORY_FILE or "folder does not exist" in p.message for p in loaded_problems):
            state.found.error(
                TERRITORY_FILE,
                None,
                None,
                "the content folder has no territory.yml.",
                "create it: it declares the languages, the web address and the legal "
                "information (see content/README.md).",
            )
        return
    origin = Origin(document)
    data = state.checked(Territory, document.data, origin, "the territory")
    if data is not None:
        state.territory = Item("territory", data.id, data, origin)
        state.declared = {lang.code for lang in data.languages}


def strings_file(state: Validation, document: Document, language: str) -> None:
    if not state.language_is_declared(language, document):
        return
    if not isinstance(document.data, dict):
        state.found.error(
            document.path,
            1,
            None,
            "this file should hold groups of interface texts.",
            "write one “key: text” per line, as in the source language's file.",
        )
        state.unreadable_strings.add(language)
        return
    for path, value in not_texts(document.data):
        state.found.error(
            document.path,
            document.line_of(path),
            ".".join(map(str, path)),
            f"found {show(value)} where an interface text was expected.",
            "write the text after the colon (between double quotes if it holds a colon), or a group of texts "
            "indented below it.",
        )
    state.strings[language] = document.data
    state.strings_origins[language] = Origin(document)


def not_texts(group: dict[Any, Any], path: Path_ = ()) -> list[tuple[Path_, Any]]:
    """The values of a strings file that are neither a text nor a group of texts (a list, a number, nothing)."""
    found: list[tuple[Path_, Any]] = []
    for key, value in group.items():
        if isinstance(value, dict):
            found += not_texts(value, (*path, key))
        elif not isinstance(value, str):
            found.append(((*path, key), value))
    return found


def meant_path(path: str) -> tuple[str, ContentType] | None:
    """The file of the content model a misnamed file was probably meant to be (figure.yml -> figures.yml,
    sector/water.yml -> sectors/water.yml), with its content type."""
    folder, _, name = path.rpartition("/")
    if "/" in folder:
        return None
    if folder:
        folders = {ct.location: ct for ct in CONTENT_TYPES if ct.layout == "folder"}
        close = difflib.get_close_matches(folder, list(folders), n=1, cutoff=0.75)
        return (f"{close[0]}/{name}", folders[close[0]]) if close else None
    stem, dot, rest = name.partition(".")
    files = {ct.location: ct for ct in CONTENT_TYPES if ct.layout != "folder"}
    close = difflib.get_close_matches(stem, list(files), n=1, cutoff=0.75)
    return (f"{close[0]}{dot}{rest}", files[close[0]]) if close else None


def unknown_file(state: Validation, document: Document) -> None:
    meant = meant_path(document.path)
    if meant is None:
        state.found.warning(
            document.path,
            None,
            None,
            "this file is not part of the content model, so it is not used.",
            "rename or move it (see content/README.md for the list of files), or delete it.",
        )
        return
    path, content_type = meant
    if path in state.paths:
        state.found.warning(
            document.path,
            None,
            None,
            f"this file is not part of the content model, so it is not used (did you mean {path}? It exists).",
            "delete it, or move what it holds into the other file.",
        )
        return
    state.found.error(
        document.path,
        1,
        None,
        f"this file is not read: its name is not one Vitrine knows. Did you mean {path}?",
        f"rename it to {path}.",
    )
    # What it holds exists, under a wrong name: references to it are not reported as well.
    if content_type.layout == "folder":
        state.invalid[content_type.kind].add(path.rpartition("/")[2].split(".")[0])
    else:
        state.unreadable.add(content_type.kind)


def text_file(state: Validation, document: Document, content_type: ContentType, stem: str, language: str) -> None:
    misnamed = misnamed_text(state, document.path)
    if misnamed is not None:
        state.found.add(misnamed)
        return
    if state.language_is_declared(language, document):
        item_id = stem if content_type.layout == "folder" else None
        state.pending.append(PendingText(document, content_type, language, item_id))


def folder_data_file(state: Validation, document: Document, content_type: ContentType, item_id: str) -> None:
    first = state.items[content_type.kind].get(item_id)
    if first is not None:  # sectors/water.yaml, then sectors/water.yml
        state.found.error(
            document.path,
            1,
            None,
            f"{content_type.title} “{item_id}” has two data files: {first.origin.file} and this one.",
            f"keep one of them ({content_type.data_file(item_id)}) and delete the other.",
        )
        return
    origin = Origin(document)
    data = state.checked(content_type.data, document.data, origin, content_type.title)
    if data is None:
        state.invalid[content_type.kind].add(item_id)
    else:
        state.items[content_type.kind][item_id] = Item(content_type.kind, item_id, data, origin)


def list_data_file(state: Validation, document: Document, content_type: ContentType) -> None:
    if not isinstance(document.data, list):
        state.found.error(
            document.path,
            1,
            None,
            f"this file should hold a list of items ({content_type.title} each), every one starting with “- id: …”.",
            "start each item with a dash, as in the other list files.",
        )
        state.unreadable.add(content_type.kind)  # what refers to its items is not reported again
        return
    known = state.items[content_type.kind]
    for index, raw in enumerate(document.data):
        origin = Origin(document, (index,))
        data = state.checked(content_type.data, raw, origin, content_type.title)
        if data is None:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                state.invalid[content_type.kind].add(raw["id"])
            continue
        item_id = getattr(data, "id")  # noqa: B009 - every list schema has an id
        if item_id in known:
            state.found.error(
                document.path,
                origin.line("id"),
                "id",
                f"the identifier “{item_id}” is used twice (first on line {known[item_id].origin.line()}).",
                "give each item its own identifier.",
            )
            continue
        known[item_id] = Item(content_type.kind, item_id, data, origin)


# --- texts, once every item exists --------------------------------------------------------------------


def territory_text(state: Validation, text: PendingText) -> None:
    if state.territory is not None:
        state.attach(text.document, text.content_type, text.language, state.territory, ())


def folder_text(state: Validation, text: PendingText, item_id: str) -> None:
    content_type = text.content_type
    target = state.items[content_type.kind].get(item_id)
    if target is not None:
        state.attach(text.document, content_type, text.language, target, ())
    elif item_id not in state.invalid[content_type.kind]:
        state.found.error(
            text.document.path,
            1,
            None,
            f"there is no {content_type.data_file(item_id)} for this text.",
            f"create {content_type.data_file(item_id)}, or rename this file after an existing one.",
        )


def list_texts(state: Validation, text: PendingText) -> None:
    document, content_type = text.document, text.content_type
    if not isinstance(document.data, dict):
        state.found.error(
            document.path,
            1,
            None,
            "this file should map each identifier to its texts.",
            "write “identifier:” then the indented text fields, as in the source file.",
        )
        state.failed_texts.add((content_type.kind, "*", text.language))  # its items: not reported one by one
        return
    items = state.items[content_type.kind]
    for text_id in document.data:
        target = items.get(str(text_id))
        if target is not None:
            state.attach(document, content_type, text.language, target, (text_id,))
        elif str(text_id) not in state.invalid[content_type.kind] and content_type.kind not in state.unreadable:
            state.found.error(
                document.path,
                document.line_of((text_id,)),
                str(text_id),
                f"“{text_id}” is not an identifier of {content_type.data_file(str(text_id))}.",
                f"use one of: {', '.join(sorted(items)) or 'none'}.",
            )


def attach_text(state: Validation, text: PendingText) -> None:
    if text.content_type.kind == "territory":
        territory_text(state, text)
    elif text.item_id is not None:
        folder_text(state, text, text.item_id)
    else:
        list_texts(state, text)


# --- the stage ---------------------------------------------------------------------------------------


def wrong_extension(path: str) -> Problem | None:
    """The problem of a text file whose extension is not its content type's (a sector's text as .yml), if so."""
    folder, _, name = path.rpartition("/")
    if "." not in name:
        return None
    stem, extension = name.rsplit(".", 1)
    stem, language = split_language(stem)
    content_type = content_type_at(folder, stem)
    if language is None or content_type is None or extension == content_type.text_extension:
        return None
    if folder == STRINGS_FOLDER or (content_type.layout != "folder" and folder):
        return None
    wanted = content_type.text_extension
    return Problem(
        path,
        1,
        None,
        f"the texts of {content_type.title} are written in .{wanted} files.",
        f"rename the file to {stem}.{language}.{wanted}.",
    )


def misnamed_text(state: Validation, path: str) -> Problem | None:
    """The problem of a text in the wrong kind of file (a Markdown text named .yml), if so; its item is not
    reported again as having no text in that language."""
    problem = wrong_extension(path)
    if problem is not None:
        folder, _, name = path.rpartition("/")
        stem, language = split_language(name.rsplit(".", 1)[0])
        content_type = content_type_at(folder, stem)
        if content_type is not None and language is not None:
            item_id = stem if content_type.layout == "folder" else "*"
            state.failed_texts.add((content_type.kind, item_id, language))
    return problem


def unreadable_items(state: Validation, loaded_problems: list[Problem]) -> None:
    """Items (or whole lists) whose file could not be read: they exist, but their data is unknown."""
    for problem in loaded_problems:
        folder, _, name = problem.file.rpartition("/")
        for candidate in CONTENT_TYPES:
            if candidate.layout == "folder" and folder == candidate.location:
                state.invalid[candidate.kind].add(name.split(".")[0])
            elif not folder and name.split(".")[0] == candidate.location and name.count(".") == 1:
                state.unreadable.add(candidate.kind)


def text_without_language(state: Validation, document: Document, content_type: ContentType, stem: str) -> None:
    """A Markdown text whose name does not end with a language code (water.md, water.english.md, water.EN.md)."""
    item_id, _, written = stem.partition(".")
    declared = sorted(state.declared)
    # The language meant: “EN” for en, “english” for en.
    meant = [code for code in declared if written.lower() == code.lower()] or [
        code for code in declared if written and written.lower().startswith(code.lower())
    ]
    guess = meant[0] if meant else None
    source = state.territory.data.source_language if state.territory else "en"
    example = content_type.text_file(item_id, guess or source)
    said = f"“{written}” is not a language code" if written else "its name has no language code"
    state.found.error(
        document.path,
        1,
        None,
        f"this text is not read: {said} (a text's name ends with the code of its language, like {example}).",
        f"rename it to {example}"
        + ("." if guess else f", with the code of its language: one of {', '.join(declared)}."),
    )
    if guess:  # the text exists under a wrong name: its item is not reported again as having none
        state.failed_texts.add((content_type.kind, item_id, guess))


def data_or_text_file(state: Validation, path: str, document: Document) -> None:
    """Hand one file (other than territory.yml) to the handler of its kind."""
    folder, _, name = path.rpartition("/")
    stem, extension = name.rsplit(".", 1)
    stem, language = split_language(stem)
    if folder == STRINGS_FOLDER and extension in ("yml", "yaml") and language is None:
        strings_file(state, document, stem)
        return
    content_type = content_type_at(folder, stem)
    if content_type is None or (content_type.layout != "folder" and folder):
        unknown_file(state, document)
    elif language is not None:
        text_file(state, document, content_type, stem, language)
    elif content_type.kind == "territory":
        return  # a second territory file (territory.yaml): territory.yml is the one read
    elif content_type.layout == "folder" and extension == "md":
        text_without_language(state, document, content_type, stem)
    elif content_type.layout == "folder":
        folder_data_file(state, document, content_type, stem)
    else:
        list_data_file(state, document, content_type)


def validate(loaded: LoadedContent) -> ValidContent:
    """Check every document; return what is valid and every problem found."""
    state = Validation(Collector())
    for problem in loaded.problems:
        # A file the reader stumbled on because it is a text in the wrong kind of file (Markdown read as YAML)
        # is reported as that.
        misnamed = misnamed_text(state, problem.file) if problem.line is not None else None
        state.found.add(misnamed or problem)
    state.paths = {*loaded.documents, *(problem.file for problem in loaded.problems)}
    documents = dict(loaded.documents)
    territory_file(state, documents.pop(TERRITORY_FILE, None), loaded.problems)
    unreadable_items(state, loaded.problems)
    # Data files first (in the order of their paths), so that text files can be attached to their item.
    for path, document in sorted(documents.items()):
        data_or_text_file(state, path, document)
    for text in state.pending:
        attach_text(state, text)
    return ValidContent(
        state.territory,
        state.strings,
        state.strings_origins,
        state.items,
        state.found.problems,
        state.invalid,
        state.unreadable,
        state.failed_texts,
        {problem.file for problem in loaded.problems} | {f"strings/{code}.yml" for code in state.unreadable_strings},
    )
