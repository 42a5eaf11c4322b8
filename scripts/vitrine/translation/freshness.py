"""Is each translation missing, stale or up to date?

A translation records the fingerprint of the source text it was made from (``source_hash``). When the source
changes, its fingerprint changes, and every translation made from the old text becomes *stale*; the other
texts are untouched. Fingerprints cover the translatable fields and the long text, nothing else.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vitrine.problems import Problem
from vitrine.resolve import Model
from vitrine.validate import Item

HASH_FIELD = "source_hash"


class State(StrEnum):
    MISSING = "missing"
    STALE = "stale"
    UP_TO_DATE = "up-to-date"


def translatable_fields(text: Any) -> dict[str, Any]:
    """The fields of a text model that carry words (everything but the fingerprint)."""
    return {key: value for key, value in text.model_dump(mode="json").items() if key != HASH_FIELD and value}


def fingerprint(text: Any, body: str | None) -> str:
    canonical = json.dumps(
        {"fields": translatable_fields(text), "body": " ".join((body or "").split())},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def source_fingerprint(model: Model, item: Item[Any]) -> str:
    source = model.source_language
    return fingerprint(item.texts[source], item.bodies.get(source))


@dataclass(frozen=True)
class TextStatus:
    kind: str
    id: str
    language: str
    state: State
    file: str  # where the translation is (or should be) written

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "id": self.id,
            "language": self.language,
            "state": self.state.value,
            "file": self.file,
        }


def translation_file(model: Model, item: Item[Any], language: str) -> str:
    from vitrine.schema import CONTENT_TYPES_BY_KIND

    content_type = CONTENT_TYPES_BY_KIND[item.kind]
    if content_type.layout == "folder":
        return f"{content_type.location}/{item.id}.{language}.md"
    return f"{content_type.location}.{language}.yml"


def every_text(model: Model) -> list[Item[Any]]:
    return [model.territory, *(item for kind in model.items.values() for item in kind.values())]


def status(model: Model, languages: list[str] | None = None) -> list[TextStatus]:
    """The state of every text in every language but the source one."""
    source = model.source_language
    wanted = languages if languages is not None else [lang.code for lang in model.languages if lang.code != source]
    found: list[TextStatus] = []
    for item in every_text(model):
        current = source_fingerprint(model, item)
        for language in wanted:
            text = item.texts.get(language)
            if text is None:
                state = State.MISSING
            elif getattr(text, HASH_FIELD, None) == current:
                state = State.UP_TO_DATE
            else:
                state = State.STALE
            found.append(TextStatus(item.kind, item.id, language, state, translation_file(model, item, language)))
    return found


def summary(statuses: list[TextStatus]) -> dict[str, dict[str, int]]:
    """Counts per language and state."""
    table: dict[str, dict[str, int]] = {}
    for entry in statuses:
        row = table.setdefault(entry.language, {state.value: 0 for state in State})
        row[entry.state.value] += 1
    return table


def strict_problems(model: Model) -> list[Problem]:
    """Missing or stale translations of the languages marked ``required``, as errors."""
    required = [lang.code for lang in model.languages if lang.required and lang.code != model.source_language]
    problems = []
    for entry in status(model, required):
        if entry.state is State.UP_TO_DATE:
            continue
        what = "is missing" if entry.state is State.MISSING else "is out of date (the source text changed since)"
        problems.append(
            Problem(
                entry.file,
                None,
                None,
                f"the {entry.language} text of {entry.kind} “{entry.id}” "
                f"{what}, and {entry.language} is a required language.",
                "translate it (vitrine translations export), or review it and run "
                f"vitrine translations stamp --lang {entry.language}.",
            )
        )
    return problems
