"""The wording of schema errors: what pydantic reports, turned into plain words for the staff who edit content.

Each message names the file, the line and the field, says what was found and what is expected (the field's own
description, from ``schema.py``), and what to do.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from vitrine.model import Origin
from vitrine.problems import Problem

Location = tuple[int | str, ...]


def _unwrap(annotation: Any) -> list[Any]:
    """The classes a type annotation may hold (``list[Figure] | None`` -> [list[Figure], Figure])."""
    found = [annotation]
    for argument in typing.get_args(annotation):
        found.extend(_unwrap(argument))
    return found


def field_description(model: type[BaseModel], location: Location) -> tuple[str | None, list[str]]:
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


def show(value: Any) -> str:
    """A value as a message quotes it: short texts in quotes, groups and lists by what they are."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"“{text if len(text) <= 60 else text[:57] + '…'}”"


def field_name(location: Location, whole: str = "(whole file)") -> str:
    """A field's path as staff read it: ``milestones[2].what`` (lists count from 1)."""
    name = ""
    for part in location:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or whole


# What a value of each kind of pydantic error looks like, in plain words (the first prefix that matches wins),
# for fields without a description of their own.
PLAIN_KINDS: tuple[tuple[str, str], ...] = (
    ("model_", "a group of fields, one “name: value” per line"),
    ("dict_", "a group of fields, one “name: value” per line"),
    ("list_", "a list: [first, second], or one “- item” per line"),
    ("int_", "a whole number, like 12"),
    ("float_", "a number, with a dot for decimals"),
    ("bool_", "true or false"),
    ("string_type", "some text"),
    ("date", "a date like 2027-03-09"),
    ("url", "a web address starting with https://"),
)
GROUP_KINDS = ("model_type", "model_attributes_type", "dict_type")

BOUNDS = {
    "greater_than_equal": "at least",
    "less_than_equal": "at most",
    "greater_than": "more than",
    "less_than": "less than",
}


def explain(error: ErrorDetails, model: type[BaseModel], origin: Origin, title: str) -> Problem:
    """One pydantic error as a Problem: file, line, field, what was found, what is expected."""
    location = tuple(error["loc"])
    line = origin.line(*location)
    description, siblings = field_description(model, location)
    name = field_name(location)
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
        close = difflib.get_close_matches(str(location[-1]), siblings, n=1, cutoff=0.6)
        guess = f" Did you mean “{close[0]}”?" if close else ""
        return Problem(
            origin.file,
            line,
            name,
            f"“{location[-1]}” is not a field of {title}.{guess}",
            f"check the spelling; the fields allowed here are: {allowed}.",
        )
    plain = next((words for prefix, words in PLAIN_KINDS if kind.startswith(prefix)), None)
    expected = description or plain or error["msg"].lower()
    hint = "correct the value, then run the check again."
    if error["input"] is None and location and isinstance(location[-1], str):
        hint = (
            f"write the value after “{location[-1]}:”; put it between double quotes if it starts with # "
            "(a # begins a comment, which is not read)."
        )
    if kind in GROUP_KINDS:
        expected = f"{description + ': ' if description else ''}{plain}, indented under “{location[-1]}:”"
    elif kind.startswith("url"):
        expected = f"{description or 'a web address'}, starting with https://"
    elif kind in ("enum", "literal_error") and "expected" in context:
        expected = f"one of {context['expected']}"
    elif kind in BOUNDS:
        limit = next(iter(context.values()))
        expected = f"{description or 'a number'}, {BOUNDS[kind]} {limit}"
    elif kind == "too_short":
        expected = f"{description or 'a list'}, with at least {context.get('min_length', 1)} entry"
    elif kind == "string_too_short":
        expected = description or "some text (it is empty)"
    return Problem(
        origin.file,
        line,
        name,
        f"found {show(error['input'])}, expected {expected}.",
        hint,
    )


def _union_member(model: type[BaseModel], location: Location) -> bool:
    """True when the last part of ``location`` is not a field but a member of the field's union type: pydantic
    reports ``date: dt.date | int`` once per member, at (…, "date", "date") and (…, "date", "int")."""
    current: type[BaseModel] | None = model
    for index, part in enumerate(location):
        if isinstance(part, int):
            continue
        if current is None:
            return index == len(location) - 1
        if part not in current.model_fields:
            return False
        nested = [
            candidate
            for candidate in _unwrap(current.model_fields[part].annotation)
            if isinstance(candidate, type) and issubclass(candidate, BaseModel)
        ]
        current = nested[0] if nested else None
    return False


def _one_per_union(errors: list[ErrorDetails], model: type[BaseModel]) -> list[ErrorDetails]:
    """The errors of a value that fits none of its field's types (a date or a year) as one error of the field."""
    kept: list[ErrorDetails] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        location = tuple(error["loc"])
        if not _union_member(model, location):
            kept.append(error)
        elif location[:-1] not in seen:
            seen.add(location[:-1])
            kept.append(ErrorDetails(type="union", loc=location[:-1], msg="", input=error["input"]))
    return kept


def explain_all(errors: list[ErrorDetails], model: type[BaseModel], origin: Origin, title: str) -> list[Problem]:
    """Every pydantic error of one value as Problems; a misspelt field name (“titel” written, “title” missing) is
    one problem that says which name was meant, not two; a value that fits none of its field's types is one."""
    errors = _one_per_union(errors, model)
    missing = {tuple(e["loc"]): e for e in errors if e["type"] == "missing"}
    meant: dict[tuple[Any, ...], str] = {}  # location of the misspelt field -> the missing field it stands for
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        location = tuple(error["loc"])
        taken = {name for loc, name in meant.items() if loc[:-1] == location[:-1]}
        candidates = [str(loc[-1]) for loc in missing if loc[:-1] == location[:-1] and str(loc[-1]) not in taken]
        close = difflib.get_close_matches(str(location[-1]), candidates, n=1, cutoff=0.6)
        if close:
            meant[location] = close[0]
    replaced = {(loc[:-1], name) for loc, name in meant.items()}
    problems = []
    for error in errors:
        location = tuple(error["loc"])
        if error["type"] == "missing" and (location[:-1], str(location[-1])) in replaced:
            continue
        if location in meant:
            problems.append(
                Problem(
                    origin.file,
                    origin.line(*location),
                    field_name(location),
                    f"“{location[-1]}” is not a field of {title}: did you mean “{meant[location]}”?",
                    f"write “{meant[location]}:” instead of “{location[-1]}:”.",
                )
            )
            continue
        problems.append(explain(error, model, origin, title))
    return problems


def not_a_group(origin: Origin, raw: Any, title: str) -> Problem:
    """The value where a group of fields was expected is something else (a text, a list)."""
    return Problem(
        origin.file,
        origin.line(),
        None,
        f"found {show(raw)} where the fields of {title} were expected.",
        "write one field per line, as “name: value”.",
    )
