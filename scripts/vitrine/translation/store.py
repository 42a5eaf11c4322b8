"""Writing translated texts back into the content folder, with the fingerprint of their source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vitrine.load import split_front_matter
from vitrine.model import HASH_FIELD, Item, Model
from vitrine.schema import CONTENT_TYPES_BY_KIND
from vitrine.translation.freshness import translation_file


class _ReadableDumper(yaml.SafeDumper):
    """Writes multi-line texts as indented blocks (``|``), as staff write them by hand."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value.strip() + "\n", style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_ReadableDumper.add_representer(str, _represent_text)


def _dump(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_ReadableDumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False
    )


def write_translation(model: Model, item: Item[Any], language: str, fields: dict[str, Any], body: str | None) -> Path:
    """Write the ``language`` text of ``item`` (its fields, and its long text for Markdown files)."""
    content_type = CONTENT_TYPES_BY_KIND[item.kind]
    relative = translation_file(item, language)
    path = model.root / relative
    stamped = {**{k: v for k, v in fields.items() if k != HASH_FIELD}, HASH_FIELD: model.source_fingerprint(item)}
    if content_type.layout == "folder":
        text = f"---\n{_dump(stamped)}---\n\n{(body or '').strip()}\n"
        path.write_text(text, encoding="utf-8")
        return path
    existing: dict[str, Any] = {}
    if path.is_file():
        existing = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if content_type.layout == "single":
        existing = stamped
    else:
        existing[item.id] = stamped
    path.write_text(_dump(existing), encoding="utf-8")
    return path


def current_translation(model: Model, item: Item[Any], language: str) -> tuple[dict[str, Any], str | None] | None:
    """The fields and long text of the ``language`` text of ``item``, as written on disk."""
    text = item.texts.get(language)
    if text is None:
        return None
    fields = {k: v for k, v in text.model_dump(mode="json").items() if v is not None}
    return fields, item.bodies.get(language)


def stamp(model: Model, item: Item[Any], language: str) -> bool:
    """Record that the ``language`` text of ``item`` matches the current source; False when there is none."""
    found = current_translation(model, item, language)
    if found is None:
        return False
    fields, body = found
    path = model.root / translation_file(item, language)
    if CONTENT_TYPES_BY_KIND[item.kind].layout == "folder" and path.is_file():
        _front, body, _start = split_front_matter(path.read_text(encoding="utf-8"))
    write_translation(model, item, language, fields, body)
    return True
