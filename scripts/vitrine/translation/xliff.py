"""Exchange files for translators, in XLIFF 2.0.

``export`` writes the texts of one language that are missing or stale: one ``<file>`` per text (a sector, a
figure…), one ``<unit>`` per field or per block of the long text. Markdown syntax (heading and list markers,
link targets, figure citations, emphasis, code) is taken out of the translatable text and carried as
placeholders (``<ph>`` with ``originalData``), so a translator cannot break the structure. Each file carries
the fingerprint of the source it was made from.

``import_file`` writes back the units a translator marked ``translated`` (or ``reviewed``, ``final``), after
checking that every unit still matches the current source; a file made from an older source is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vitrine.model import FINGERPRINT_FIELDS, PARAGRAPHS_FIELD, Item, Model
from vitrine.schema import CONTENT_TYPES_BY_KIND
from vitrine.translation.freshness import State, status
from vitrine.translation.paragraphs import BLOCK_PREFIX, blocks_of, paragraph_fingerprint, translated_by_source
from vitrine.translation.store import write_translation

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
ET.register_namespace("", XLIFF)
ET.register_namespace("mda", MDA)

DONE_STATES = {"translated", "reviewed", "final"}
PROTECTED = re.compile(r"\{[A-Za-z_][\w-]*\}|\[\[figure:[^\]]+\]\]|\]\([^)]*\)|\[|`[^`]*`|<[^>]+>|\*\*|__|\*")


class ExchangeError(Exception):
    """The exchange file cannot be used; the message says why and what to do."""


def q(tag: str, namespace: str = XLIFF) -> str:
    return f"{{{namespace}}}{tag}"


@dataclass(frozen=True)
class Segment:
    unit_id: str
    prefix: str  # Markdown kept out of the translation ("## ", "- ")
    text: str  # the text with its Markdown, as written


def field_units(key: str, value: Any) -> list[tuple[str, str]]:
    """The translatable pieces of one field, each with its unit id: a text, the items of a list ("missions.2"),
    the entries of a group, however deep ("statement.complaint_ways.form")."""
    if isinstance(value, str):
        return [(key, value.strip())] if value.strip() else []
    if isinstance(value, list):
        return [(f"{key}.{index + 1}", str(entry)) for index, entry in enumerate(value) if entry]
    if isinstance(value, dict):
        return [unit for name, entry in value.items() if entry for unit in field_units(f"{key}.{name}", entry)]
    return []


def segments(text: Any, body: str | None) -> list[Segment]:
    """Every translatable piece of one text, in a stable order."""
    found: list[Segment] = []
    for key, value in text.model_dump(mode="json").items():
        if key in FINGERPRINT_FIELDS or not value:
            continue
        found += [Segment(unit_id, "", piece) for unit_id, piece in field_units(key, value)]
    for index, (prefix, block) in enumerate(blocks_of(body or "")):
        found.append(Segment(f"body.{index + 1}", prefix, block))
    return found


def _fill(element: ET.Element, text: str, data: dict[str, str]) -> None:
    """Put ``text`` in ``element``, with each protected piece of Markdown as a placeholder."""
    position, last = 0, None
    element.text = ""
    for match in PROTECTED.finditer(text):
        chunk = text[position : match.start()]
        if last is None:
            element.text += chunk
        else:
            last.tail = (last.tail or "") + chunk
        ref = next((k for k, v in data.items() if v == match.group(0)), None)
        if ref is None:
            ref = f"d{len(data) + 1}"
            data[ref] = match.group(0)
        last = ET.SubElement(element, q("ph"), {"id": f"p{len(element) + 1}", "dataRef": ref})
        position = match.end()
    rest = text[position:]
    if last is None:
        element.text += rest
    else:
        last.tail = (last.tail or "") + rest


def _flatten(element: ET.Element, data: dict[str, str]) -> str:
    """The text of a <source> or <target>, with placeholders turned back into Markdown."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != q("ph") or child.get("dataRef") not in data:
            raise ExchangeError(f"an unexpected element <{child.tag.split('}')[-1]}> was found in a text.")
        parts.append(data[child.attrib["dataRef"]])
        parts.append(child.tail or "")
    return "".join(parts)


def stale_translation(item: Item[Any], language: str) -> dict[str, str]:
    """What a stale translation already says, to start the translator from it: each field by its unit (title,
    missions.2…), and each paragraph by the fingerprint of the source paragraph it translates, never by its
    position (a paragraph added or removed in the source would shift every one after it)."""
    text = item.texts.get(language)
    if text is None:
        return {}
    found = {s.unit_id: s.text for s in segments(text, None)}
    found.update(translated_by_source(list(getattr(text, PARAGRAPHS_FIELD, [])), item.bodies.get(language)))
    return found


def export(model: Model, language: str) -> bytes:
    """The XLIFF 2.0 file of every missing or stale text of ``language``."""
    source = model.source_language
    root = ET.Element(q("xliff"), {"version": "2.0", "srcLang": source, "trgLang": language})
    wanted = {(entry.kind, entry.id) for entry in status(model, [language]) if entry.state is not State.UP_TO_DATE}
    for item in model.all_items():
        if (item.kind, item.id) not in wanted:
            continue
        file = ET.SubElement(root, q("file"), {"id": f"{item.kind}/{item.id}", "original": _source_file(item)})
        meta = ET.SubElement(ET.SubElement(file, q("metadata", MDA)), q("metaGroup", MDA), {"category": "vitrine"})
        ET.SubElement(meta, q("meta", MDA), {"type": "source-hash"}).text = model.source_fingerprint(item)
        previous_texts = stale_translation(item, language)
        for segment in segments(item.texts[source], item.bodies.get(source)):
            unit = ET.SubElement(file, q("unit"), {"id": segment.unit_id})
            if segment.prefix:
                unit_meta = ET.SubElement(ET.SubElement(unit, q("metadata", MDA)), q("metaGroup", MDA))
                ET.SubElement(unit_meta, q("meta", MDA), {"type": "markdown-prefix"}).text = segment.prefix
            data: dict[str, str] = {}
            holder = ET.SubElement(unit, q("originalData"))
            part = ET.SubElement(unit, q("segment"), {"state": "initial"})
            _fill(ET.SubElement(part, q("source")), segment.text, data)
            previous = previous_texts.get(segment.unit_id)
            if previous is None and segment.unit_id.startswith("body."):
                previous = previous_texts.get(paragraph_fingerprint(segment.prefix, segment.text))
            if previous is not None:  # a stale translation: the translator starts from it
                _fill(ET.SubElement(part, q("target")), previous, data)
            for ref, value in data.items():
                ET.SubElement(holder, q("data"), {"id": ref}).text = value
            if not data:
                unit.remove(holder)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + bytes(ET.tostring(root, encoding="utf-8")) + b"\n"


def _source_file(item: Item[Any]) -> str:
    """The ``original`` of a <file>: the item's data file without its extension (sectors/health, figures)."""
    return CONTENT_TYPES_BY_KIND[item.kind].data_file(item.id).removesuffix(".yml")


@dataclass
class ImportReport:
    written: list[str]
    incomplete: list[str]


def rebuilt_field(key: str, value: Any, translated: dict[str, str]) -> Any:
    """A field of the source text with each of its pieces replaced by its translation (see ``field_units``)."""
    if isinstance(value, str):
        return translated[key]
    if isinstance(value, list):
        return [translated[f"{key}.{index + 1}"] for index in range(len(value))]
    if isinstance(value, dict):
        return {name: rebuilt_field(f"{key}.{name}", entry, translated) for name, entry in value.items() if entry}
    return value


def _rebuild(source_text: Any, translated: dict[str, str], prefixes: dict[str, str]) -> tuple[dict[str, Any], str]:
    fields: dict[str, Any] = {}
    for key, value in source_text.model_dump(mode="json").items():
        if key in FINGERPRINT_FIELDS or not value:
            continue
        fields[key] = rebuilt_field(key, value, translated)
    body_units = sorted((k for k in translated if k.startswith("body.")), key=lambda k: int(k.split(".")[1]))
    blocks: list[str] = []
    for key in body_units:
        line = prefixes.get(key, "") + translated[key]
        list_item = bool(prefixes.get(key)) and not prefixes[key].startswith("#")
        if blocks and list_item and BLOCK_PREFIX.match(blocks[-1].splitlines()[-1]):
            blocks[-1] += "\n" + line
        else:
            blocks.append(line)
    return fields, "\n\n".join(blocks)


def import_file(model: Model, path: Path) -> ImportReport:
    """Write the translated units of an XLIFF file into the content; refuse a file made from an older source."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise ExchangeError(f"{path} is not a readable XLIFF file: {error}.") from None
    if root.tag != q("xliff") or root.get("version") != "2.0":
        raise ExchangeError(f"{path} is not an XLIFF 2.0 file.")
    language = root.get("trgLang", "")
    if root.get("srcLang") != model.source_language:
        raise ExchangeError(
            f"{path} translates from “{root.get('srcLang')}”, but the source language of the "
            f"content is “{model.source_language}”."
        )
    if language not in {lang.code for lang in model.languages} or language == model.source_language:
        raise ExchangeError(
            f"{path} translates into “{language}”, which is not a translated language of the "
            "content (declare it in territory.yml first)."
        )
    pending: list[tuple[Item[Any], dict[str, str], dict[str, str], bool]] = []
    for file in root.findall(q("file")):
        kind, _, item_id = file.get("id", "").partition("/")
        item = model.items.get(kind, {}).get(item_id) if kind != "territory" else model.territory
        if item is None:
            raise ExchangeError(f"{path}: the text “{file.get('id')}” no longer exists in the content.")
        source_segments = {
            s.unit_id: s for s in segments(item.texts[model.source_language], item.bodies.get(model.source_language))
        }
        translated: dict[str, str] = {}
        prefixes: dict[str, str] = {}
        units = file.findall(q("unit"))
        if {unit.get("id") for unit in units} != set(source_segments):
            raise ExchangeError(
                f"{path}: the units of “{file.get('id')}” no longer match its source text, which "
                "has changed since the export. Export the file again and send the new one."
            )
        for unit in units:
            unit_id = unit.attrib["id"]
            data = {d.attrib["id"]: d.text or "" for d in unit.iterfind(f"{q('originalData')}/{q('data')}")}
            segment = unit.find(q("segment"))
            source = segment.find(q("source")) if segment is not None else None
            if segment is None or source is None:
                raise ExchangeError(f"{path}: the unit “{unit_id}” of “{file.get('id')}” has no source text.")
            if _flatten(source, data).strip() != source_segments[unit_id].text:
                raise ExchangeError(
                    f"{path}: the unit “{unit_id}” of “{file.get('id')}” no longer matches its "
                    "source text, which has changed since the export. Export the file again."
                )
            target = segment.find(q("target"))
            if segment.get("state") in DONE_STATES and target is not None and _flatten(target, data).strip():
                translated[unit_id] = _flatten(target, data).strip()
                prefixes[unit_id] = source_segments[unit_id].prefix
        complete = set(translated) == set(source_segments)
        if translated:
            pending.append((item, translated, prefixes, complete))
    report = ImportReport([], [])
    for item, translated, prefixes, complete in pending:
        if not complete:
            report.incomplete.append(f"{item.kind} “{item.id}”")
            continue
        fields, body = _rebuild(item.texts[model.source_language], translated, prefixes)
        path_written = write_translation(model, item, language, fields, body or None)
        report.written.append(str(path_written.relative_to(model.root)))
    return report
