"""The model: the whole content once it is valid and cross-linked, as plain data classes.

Validation makes the ``Item`` of every piece of content (its language-neutral data, and its texts per language,
each with the place it was written); resolution gathers them into one ``Model``. Rendering reads the model through
a ``View`` (``vitrine.view``), never the content folder.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from vitrine.load import Document, Path_
from vitrine.problems import Problem
from vitrine.schema import (
    Argument,
    Contact,
    Destination,
    Event,
    Figure,
    FreePage,
    Incentive,
    Language,
    Media,
    Organisation,
    Partnership,
    Project,
    ProjectStatus,
    Schema,
    Sector,
    Site,
    Story,
    Territory,
)

DataT = TypeVar("DataT", bound=Schema)

# The fields of a translation that record what it was made from: the fingerprint of the whole source text, and
# (Markdown texts) the fingerprint of the source paragraph each of its paragraphs translates.
HASH_FIELD = "source_hash"
PARAGRAPHS_FIELD = "source_paragraphs"
FINGERPRINT_FIELDS = (HASH_FIELD, PARAGRAPHS_FIELD)


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


# --- fingerprints of source texts ---------------------------------------------------------------------


def translatable_fields(text: Any) -> dict[str, Any]:
    """The fields of a text model that carry words (everything but the fingerprints)."""
    return {
        key: value for key, value in text.model_dump(mode="json").items() if key not in FINGERPRINT_FIELDS and value
    }


def fingerprint(text: Any, body: str | None) -> str:
    """A short hash of a text's words: it changes when, and only when, a word of the text changes."""
    canonical = json.dumps(
        {"fields": translatable_fields(text), "body": " ".join((body or "").split())},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


# --- the model ----------------------------------------------------------------------------------------


@dataclass
class Model:
    """The whole content, checked and cross-linked."""

    root: Path
    territory: Item[Territory]
    strings: dict[str, dict[str, Any]]
    items: dict[str, dict[str, Item[Any]]]
    warnings: list[Problem] = field(default_factory=list)

    def all_items(self) -> list[Item[Any]]:
        """The territory, then every item of every kind: everything that has texts."""
        return [self.territory, *(item for kind in self.items.values() for item in kind.values())]

    @property
    def languages(self) -> list[Language]:
        return list(self.territory.data.languages)

    @property
    def source_language(self) -> str:
        return self.territory.data.source_language

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def fallback_chain(self, code: str) -> list[str]:
        """The languages a text is looked for in, in order: this one, the fallbacks, the source language."""
        chain = [code, *self.territory.data.fallback_languages, self.source_language]
        return list(dict.fromkeys(chain))

    def source_fingerprint(self, item: Item[Any]) -> str:
        """The fingerprint of ``item``'s text in the source language: what an up-to-date translation records."""
        source = self.source_language
        return fingerprint(item.texts[source], item.bodies.get(source))

    # Items in the order they are shown.

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
    def sites(self) -> list[Item[Site]]:
        return sorted(self.items["site"].values(), key=lambda item: item.id)

    @property
    def incentives(self) -> list[Item[Incentive]]:
        return self.listed("incentive")

    @property
    def stories(self) -> list[Item[Story]]:
        return self.listed("story")

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
