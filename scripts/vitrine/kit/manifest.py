"""``site/kit/manifest.json``: every published document with its language, kind, size, pages and checksum."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from vitrine.documents import Document, Entry
from vitrine.urls import KIT_FOLDER, go_address

MANIFEST = f"{KIT_FOLDER}/manifest.json"
MANIFEST_VERSION = 1


def describe(doc: Document, title: str, pdf: Path) -> Entry:
    data = pdf.read_bytes()
    return Entry(
        path=doc.path,
        language=doc.language,
        kind=doc.kind.value,
        event=doc.event,
        variant=doc.variant.value,
        pages=len(PdfReader(pdf).pages),
        bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        sector=doc.sector,
        go=go_address(doc.code),
    )


def read(path: Path) -> list[Entry]:
    if not path.is_file():
        return []
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return [Entry(**entry) for entry in data.get("documents", [])]


def merge(previous: list[Entry], fresh: list[Entry], known_paths: set[str]) -> list[Entry]:
    """The fresh entries, plus previous ones still planned that this run did not rebuild."""
    by_path = {entry.path: entry for entry in previous if entry.path in known_paths}
    by_path.update((entry.path, entry) for entry in fresh)
    return sorted(by_path.values(), key=lambda entry: entry.path)


def dumps(entries: list[Entry]) -> str:
    payload = {"version": MANIFEST_VERSION, "documents": [asdict(entry) for entry in entries]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
