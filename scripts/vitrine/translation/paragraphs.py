"""The paragraphs of a long text (Markdown), and their fingerprints: how a translation records which source
paragraph each of its paragraphs translates, so that a later export pairs them by content, never by position."""

from __future__ import annotations

import hashlib
import re

BLOCK_PREFIX = re.compile(r"^(#{1,6} |[-*+] |\d+\. |> )")


def blocks_of(body: str) -> list[tuple[str, str]]:
    """(prefix, text) for each block of a Markdown text; a list gives one block per item."""
    found: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = block.splitlines()
        if lines and all(BLOCK_PREFIX.match(line) and not line.startswith("#") for line in lines) and len(lines) > 1:
            for line in lines:
                match = BLOCK_PREFIX.match(line)
                assert match is not None
                found.append((match.group(0), line[match.end() :]))
            continue
        match = BLOCK_PREFIX.match(block)
        prefix = match.group(0) if match else ""
        found.append((prefix, " ".join(part.strip() for part in block[len(prefix) :].splitlines())))
    return [(prefix, text) for prefix, text in found if text]


def paragraph_fingerprint(prefix: str, text: str) -> str:
    """A short hash of one block's words and its kind (heading, list item, paragraph)."""
    canonical = f"{prefix.strip()}|{' '.join(text.split())}"
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def paragraph_fingerprints(body: str | None) -> list[str]:
    return [paragraph_fingerprint(prefix, text) for prefix, text in blocks_of(body or "")]


def paired(source_body: str | None, translated_body: str | None) -> list[str]:
    """The fingerprints a translation records: one per translated paragraph, each the source paragraph's it
    translates. Only a translation made paragraph for paragraph can be paired: otherwise none are recorded."""
    source = paragraph_fingerprints(source_body)
    translated = blocks_of(translated_body or "")
    return source if len(source) == len(translated) else []


def translated_by_source(recorded: list[str], translated_body: str | None) -> dict[str, str]:
    """The paragraphs of a translation by the fingerprint of the source paragraph each translates."""
    translated = blocks_of(translated_body or "")
    if len(recorded) != len(translated):
        return {}
    return {fingerprint: text for fingerprint, (_prefix, text) in zip(recorded, translated, strict=True)}
