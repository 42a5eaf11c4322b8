"""What the public may see: the model without the items still in draft or under review, and without the
references to them, so that no output (site, search, sitemap, cards, kit, data) can show them.

Work in progress is still loaded, validated and resolved like the rest: staff see its problems in
``vitrine check``, and the translation tools still see it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from vitrine.model import Item, Model
from vitrine.problems import Problem, Severity
from vitrine.schema import CONTENT_TYPES_BY_KIND, FIGURE_CITATION, REFERS_TO, UNPUBLISHED

Hidden = frozenset[tuple[str, str]]  # (kind, identifier) of the items kept out
STATE_WORDS = {"draft": "a draft", "under_review": "under review"}


def is_unpublished(item: Item[Any]) -> bool:
    return str(getattr(item.data, "status", "")) in UNPUBLISHED


def hidden_items(model: Model) -> Hidden:
    return frozenset((item.kind, item.id) for item in model.all_items() if is_unpublished(item))


def public_model(model: Model) -> Model:
    """``model`` without its unpublished items, and without every reference to them."""
    hidden = hidden_items(model)
    if not hidden:
        return model
    items = {
        kind: {key: _without(item, hidden) for key, item in found.items() if (kind, key) not in hidden}
        for kind, found in model.items.items()
    }
    return dataclasses.replace(model, territory=_without(model.territory, hidden), items=items)


def publication_problems(model: Model) -> list[Problem]:
    """A note for each item kept out; an error where published content cannot do without one of them."""
    hidden = hidden_items(model)
    problems: list[Problem] = []
    for item in model.all_items():
        if (item.kind, item.id) in hidden:
            title = CONTENT_TYPES_BY_KIND[item.kind].title
            problems.append(
                Problem(
                    item.origin.file,
                    item.origin.line("status"),
                    "status",
                    f"{title[0].upper()}{title[1:]} “{item.id}” is {STATE_WORDS[str(item.data.status)]}: it stays "
                    "out of the site, the kit and the data, and so do the links to it.",
                    "write status: published when it is ready.",
                    Severity.WARNING,
                )
            )
            continue
        problems += _needed_by(item, hidden)
    return problems


def _needed_by(item: Item[Any], hidden: Hidden) -> list[Problem]:
    """Published ``item`` cannot lose these: a required reference, or a figure cited in its text."""
    problems = []
    for name, kind, value in _single_required_references(item.data):
        if (kind, value) in hidden:
            problems.append(
                Problem(
                    item.origin.file,
                    item.origin.line(name),
                    name,
                    f"this needs the {CONTENT_TYPES_BY_KIND[kind].title.split(' ', 1)[-1]} “{value}”, which is not "
                    "published yet.",
                    f"publish “{value}” (status: published), or name another one here.",
                )
            )
    for language, body in item.bodies.items():
        origin = item.text_origins[language]
        for match in FIGURE_CITATION.finditer(body):
            if ("figure", match["id"]) in hidden:
                problems.append(
                    Problem(
                        origin.file,
                        origin.document.body_line + body[: match.start()].count("\n"),
                        None,
                        f"the text cites the figure “{match['id']}”, which is not published yet.",
                        f"publish the figure (status: published in figures.yml), or remove [[figure:{match['id']}]].",
                    )
                )
    return problems


def _refers_to(info: FieldInfo) -> str | None:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    kind = extra.get(REFERS_TO)
    return kind if isinstance(kind, str) else None


def _single_required_references(data: BaseModel) -> list[tuple[str, str, str]]:
    found = []
    for name, info in type(data).model_fields.items():
        kind, value = _refers_to(info), getattr(data, name)
        if kind and isinstance(value, str) and info.is_required():
            found.append((name, kind, value))
    return found


def _without(item: Item[Any], hidden: Hidden) -> Item[Any]:
    data = _scrubbed(item.data, hidden)
    return item if data is item.data else dataclasses.replace(item, data=data)


def _scrubbed(data: BaseModel, hidden: Hidden) -> BaseModel:
    """``data`` with its references to hidden items left out (lists) or emptied (optional single references)."""
    updates: dict[str, Any] = {}
    for name, info in type(data).model_fields.items():
        value = getattr(data, name)
        kind = _refers_to(info)
        if kind is not None:
            if isinstance(value, list):
                kept = [entry for entry in value if (kind, entry) not in hidden]
                if len(kept) != len(value):
                    updates[name] = kept
            elif value is not None and (kind, value) in hidden and not info.is_required():
                updates[name] = None
        elif isinstance(value, BaseModel):
            scrubbed = _scrubbed(value, hidden)
            if scrubbed is not value:
                updates[name] = scrubbed
        elif isinstance(value, list) and any(isinstance(entry, BaseModel) for entry in value):
            entries = [_scrubbed(entry, hidden) if isinstance(entry, BaseModel) else entry for entry in value]
            if any(new is not old for new, old in zip(entries, value, strict=True)):
                updates[name] = entries
    return data.model_copy(update=updates) if updates else data
