"""Is each translation missing, stale or up to date?

A translation records the fingerprint of the source text it was made from (``source_hash``). When the source
changes, its fingerprint changes, and every translation made from the old text becomes *stale*; the other
texts are untouched. Fingerprints cover the translatable fields and the long text, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vitrine.model import HASH_FIELD, Item, Model
from vitrine.problems import Problem
from vitrine.schema import CONTENT_TYPES_BY_KIND
from vitrine.strings import string_keys


class State(StrEnum):
    MISSING = "missing"
    STALE = "stale"
    UP_TO_DATE = "up-to-date"


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


def translation_file(item: Item[Any], language: str) -> str:
    """Where the ``language`` text of ``item`` is (or should be) written."""
    return CONTENT_TYPES_BY_KIND[item.kind].text_file(item.id, language)


def status(model: Model, languages: list[str] | None = None) -> list[TextStatus]:
    """The state of every text in every language but the source one."""
    source = model.source_language
    wanted = languages if languages is not None else [lang.code for lang in model.languages if lang.code != source]
    found: list[TextStatus] = []
    for item in model.all_items():
        current = model.source_fingerprint(item)
        for language in wanted:
            text = item.texts.get(language)
            if text is None:
                state = State.MISSING
            elif getattr(text, HASH_FIELD, None) == current:
                state = State.UP_TO_DATE
            else:
                state = State.STALE
            found.append(TextStatus(item.kind, item.id, language, state, translation_file(item, language)))
    found += interface_status(model, wanted)
    return found


STRING_KIND = "interface text"


def interface_status(model: Model, languages: list[str]) -> list[TextStatus]:
    """Each interface text of the source language's strings file, missing or present in each language's file
    (an interface text has no fingerprint: it is up to date once written)."""
    keys = string_keys(model.strings.get(model.source_language, {}))
    found = []
    for language in languages:
        present = string_keys(model.strings.get(language, {}))
        for key in keys:
            state = State.UP_TO_DATE if key in present else State.MISSING
            found.append(TextStatus(STRING_KIND, key, language, state, f"strings/{language}.yml"))
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
                f"add “{entry.id}” to {entry.file}, translated."
                if entry.kind == STRING_KIND
                else "translate it (vitrine translations export), or review it and run "
                f"vitrine translations stamp {entry.file}.",
            )
        )
    return problems
