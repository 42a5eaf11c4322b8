"""Writing translations back into the content folder, with the fingerprints of their source.

Two ways in: an imported exchange file writes whole texts (``write_translation``); a reviewer who checked a
translation by hand stamps it (``stamp``), which changes only its fingerprint lines: every comment, every key and
the layout of the file stay as staff wrote them. Files are read with ruamel.yaml, which knows the line of each key.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from vitrine.load import split_front_matter
from vitrine.model import FINGERPRINT_FIELDS, HASH_FIELD, PARAGRAPHS_FIELD, Item, Model
from vitrine.schema import CONTENT_TYPES_BY_KIND
from vitrine.translation.freshness import translation_file
from vitrine.translation.paragraphs import paired


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 110
    yaml.indent(mapping=2, sequence=2, offset=0)
    return yaml


def _dump(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def fingerprints(model: Model, item: Item[Any], translated_body: str | None) -> dict[str, Any]:
    """What a translation records of its source: the whole text's fingerprint, and for a long text made paragraph
    for paragraph, the fingerprint of the source paragraph each of its paragraphs translates."""
    found: dict[str, Any] = {HASH_FIELD: model.source_fingerprint(item)}
    if CONTENT_TYPES_BY_KIND[item.kind].layout == "folder":
        found[PARAGRAPHS_FIELD] = paired(item.bodies.get(model.source_language), translated_body)
    return found


def _literal(value: Any) -> Any:
    """Multi-line texts as indented blocks (``|``), as staff write them by hand."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value.strip() + "\n")
    if isinstance(value, dict):
        return {key: _literal(entry) for key, entry in value.items()}
    if isinstance(value, list):
        return [_literal(entry) for entry in value]
    return value


def write_translation(model: Model, item: Item[Any], language: str, fields: dict[str, Any], body: str | None) -> Path:
    """Write the ``language`` text of ``item`` (its fields, and its long text for Markdown files)."""
    content_type = CONTENT_TYPES_BY_KIND[item.kind]
    path = model.root / translation_file(item, language)
    text = {key: _literal(value) for key, value in fields.items() if key not in FINGERPRINT_FIELDS}
    stamped = {**text, **{k: v for k, v in fingerprints(model, item, body).items() if v}}
    if content_type.layout == "folder":
        path.write_text(f"---\n{_dump(stamped)}---\n\n{(body or '').strip()}\n", encoding="utf-8")
        return path
    if content_type.layout == "single":
        path.write_text(_dump(stamped), encoding="utf-8")
        return path
    existing = _yaml().load(path.read_text(encoding="utf-8")) if path.is_file() else None
    if not isinstance(existing, CommentedMap):
        existing = CommentedMap()
    existing[item.id] = stamped
    path.write_text(_dump(existing), encoding="utf-8")
    return path


# --- stamping: only the fingerprint lines change ---------------------------------------------------------


def _inline(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(entry) for entry in value) + "]"
    return str(value)


def _mapping_end(lines: list[str], start: int, indent: int) -> int:
    """The line after the last line of the mapping that starts at ``start`` with keys at ``indent``: the next line
    less indented, not counting blank lines and comments that lead to it (they belong to what follows)."""
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            if len(line) - len(line.lstrip()) < indent:
                break
            last = end
        end += 1
    return last + 1


def with_fingerprints(text: str, path: tuple[str, ...], values: dict[str, Any]) -> str:
    """``text`` (YAML) with the fingerprint fields of the mapping at ``path`` set to ``values``: an existing line is
    replaced, a missing one added after the mapping's last line, an empty value's line removed."""
    data = _yaml().load(text) or CommentedMap()
    node: Any = data
    for key in path:
        node = node[key]
    lines = text.splitlines(keepends=True)
    first_key = next(iter(node))
    first_line, indent = node.lc.key(first_key)
    if node.fa.flow_style():
        return _flow_with_fingerprints(lines, first_line, node, values)
    edits: list[tuple[int, int, list[str]]] = []  # (from, to, new lines), applied from the bottom up
    missing = []
    for key, value in values.items():
        rendered = [f"{' ' * indent}{key}: {_inline(value)}\n"] if value else []
        if key in node:
            line = node.lc.key(key)[0]
            edits.append((line, line + 1, rendered))
        elif rendered:
            missing += rendered
    if missing:
        end = _mapping_end(lines, first_line, indent)
        if end > 0 and not lines[end - 1].endswith("\n"):
            lines[end - 1] += "\n"
        edits.append((end, end, missing))
    for start, stop, new in sorted(edits, key=lambda edit: edit[0], reverse=True):
        lines[start:stop] = new
    return "".join(lines)


def _flow_with_fingerprints(lines: list[str], line: int, node: CommentedMap, values: dict[str, Any]) -> str:
    """The same edit in a mapping written on one line between braces ({label: "Einwohner"})."""
    text = lines[line]
    if text.rfind("}") < 0:
        raise ValueError(
            f"line {line + 1}: a group between braces over several lines cannot be stamped; write it one field per line"
        )
    for key, value in values.items():
        text = re.sub(rf",?\s*\b{re.escape(key)}:\s*(\[[^\]]*\]|[^,}}]*)", "", text, count=1)
        if value:
            closing = text.rfind("}")
            before = text[:closing].rstrip()
            separator = "" if before.endswith("{") else ", "
            text = f"{before}{separator}{key}: {_inline(value)}{text[closing:]}"
    lines[line] = text
    return "".join(lines)


def stamp(model: Model, item: Item[Any], language: str) -> bool:
    """Record that the ``language`` text of ``item`` matches the current source; False when there is none."""
    if language not in item.texts:
        return False
    content_type = CONTENT_TYPES_BY_KIND[item.kind]
    path = model.root / translation_file(item, language)
    text = path.read_text(encoding="utf-8")
    values = fingerprints(model, item, item.bodies.get(language))
    if content_type.layout == "folder":
        front, _body, _start = split_front_matter(text)
        assert front is not None, f"{path} has no header block"
        header = with_fingerprints(front, (), values)
        updated = text.replace(front, header, 1)
    elif content_type.layout == "single":
        updated = with_fingerprints(text, (), values)
    else:
        updated = with_fingerprints(text, (item.id,), values)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return True


def texts_in(model: Model, file: str) -> list[tuple[Item[Any], str]]:
    """The translations written in ``file`` (relative to the content folder): (item, language) for each."""
    return [
        (item, language)
        for item in model.all_items()
        for language in item.texts
        if language != model.source_language and translation_file(item, language) == file
    ]
