"""The corpus of bad content: each case is the minimal territory (tests/fixtures/minimal) with one defect, the file
and line `vitrine check` must name, and words its message must hold. Edits are data:
("replace", file, old, new), ("write", file, text), ("append", file, text), ("bytes", file, data or "HUGE"),
("delete", file), ("rename", file, new name), ("empty",) and ("remove-folder",). A line is a number, a text
found on the line after the edit, or None when the problem has no line (a missing file)."""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

from PIL import Image

Edit = tuple[Any, ...]
# Each entity ten times the one before: a few lines that a naive reader would expand into ten million letters.
ENTITY_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdef", "bcdefg", strict=True))
    + ']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&g;</text></svg>'
)
Case = tuple[str, list[Edit], str | None, int | str | None, str]


def png(width: int, height: int, mode: str = "1") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def huge_png() -> bytes:
    """A few hundred bytes that claim 20,000 x 20,000 pixels: a small PNG whose header says so (a decompression
    bomb as a reader would meet it)."""
    data = bytearray(png(8, 8))
    header = b"IHDR" + struct.pack(">II", 20000, 20000) + bytes(data[24:29])
    data[12:33] = header + struct.pack(">I", zlib.crc32(header) & 0xFFFFFFFF)
    return bytes(data)


def apply(root: Path, edits: list[Edit]) -> None:
    for operation, *arguments in edits:
        if operation == "replace":
            file, old, new = arguments
            text = (root / file).read_text(encoding="utf-8")
            assert old in text, (file, old)
            (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
        elif operation == "write":
            (root / arguments[0]).write_text(arguments[1], encoding="utf-8")
        elif operation == "append":
            path = root / arguments[0]
            path.write_text(path.read_text(encoding="utf-8") + arguments[1], encoding="utf-8")
        elif operation == "bytes":
            (root / arguments[0]).write_bytes(huge_png() if arguments[1] == "HUGE" else arguments[1])
        elif operation == "delete":
            (root / arguments[0]).unlink()
        elif operation == "rename":
            (root / arguments[0]).rename(root / arguments[1])
        elif operation == "empty":
            shutil.rmtree(root)
            root.mkdir()
        elif operation == "remove-folder":
            shutil.rmtree(root)
        else:
            raise ValueError(operation)


W, F, T, C, E, M = "sectors/water.yml", "figures.yml", "territory.yml", "contacts.yml", "events.yml", "media.yml"
WT, P, PT = "sectors/water.en.md", "projects/marina.yml", "projects/marina.en.md"
CASES: list[Case] = [
    # --- malformed YAML
    ("yaml-tab-indent", [("replace", W, "figures: [residents]", "figures:\n\t- residents")], W, "residents", "tab"),
    ("yaml-bad-indent", [("replace", F, "  unit: people", "   unit: people")], F, "unit: people", "lined up"),
    ("yaml-duplicate-key", [("replace", W, "order: 1", "order: 1\norder: 2")], W, "order: 2", "twice"),
    (
        "yaml-duplicate-key-in-list",
        [("replace", F, "  unit: people", "  unit: people\n  unit: persons")],
        F,
        "unit: persons",
        "twice",
    ),
    (
        "yaml-unclosed-quote",
        [("replace", C, '"desk@lakeshore.example"', '"desk@lakeshore.example')],
        C,
        3,
        "quotation mark",
    ),
    (
        "yaml-unclosed-bracket",
        [("replace", W, "projects: [marina]", "projects: [marina")],
        W,
        "projects",
        "list opened with [",
    ),
    (
        "yaml-colon-in-value",
        [("replace", T, 'publisher: "Lakeshore Development Agency"', "publisher: Lakeshore: Development Agency")],
        T,
        "publisher",
        "colon",
    ),
    ("yaml-list-instead-of-mapping", [("write", W, "- order: 1\n- figures: [residents]\n")], W, 1, "found a list"),
    ("yaml-empty-data-file", [("write", W, "")], W, 1, "found nothing"),
    ("yaml-only-comment", [("write", W, "# to do\n")], W, 1, "found nothing"),
    ("yaml-mapping-where-list", [("write", F, "id: residents\nvalue: 3\n")], F, 1, "list of items"),
    (
        "yaml-anchor-alias",
        [("replace", W, "projects: [marina]", "projects: &p [marina]\ncontacts: *p")],
        W,
        "&p",
        "anchor or alias",
    ),
    ("yaml-python-tag", [("replace", W, "order: 1", "order: !!python/object:os.system 1")], W, "order", "tag"),
    # --- structure
    ("wrong-type-text-for-number", [("replace", F, "value: 12500", "value: twelve thousand")], F, "value:", "number"),
    (
        "wrong-type-number-for-list",
        [("replace", W, 'companies: ["Lakeshore Pumps"]', "companies: 3")],
        W,
        "companies",
        "found “3”",
    ),
    ("wrong-type-date", [("replace", E, "start: 2027-05-10", "start: next spring")], E, "start:", "like 2027-03-09"),
    (
        "wrong-type-bool",
        [("replace", "pages/accessibility.yml", "footer: true", "footer: maybe")],
        "pages/accessibility.yml",
        "footer",
        "found “maybe”",
    ),
    ("unknown-field-did-you-mean", [("replace", W, "order: 1", "ordr: 1")], W, "ordr", "order"),
    (
        "unknown-field-in-text",
        [("replace", WT, 'title: "Water technologies"', 'titel: "Water technologies"')],
        WT,
        "titel",
        "title",
    ),
    ("missing-required-field", [("replace", F, "  unit: people\n", "")], F, 1, "“unit”"),
    (
        "missing-required-text",
        [("replace", WT, 'summary: "Pumps, filters and the people who make them."\n', "")],
        WT,
        2,
        "summary",
    ),
    ("dangling-reference", [("replace", P, "sectors: [water]", "sectors: [watr]")], P, "sectors", "watr"),
    ("dangling-main-contact", [("replace", T, "main_contact: desk", "main_contact: dsk")], T, "main_contact", "dsk"),
    ("dangling-media", [("replace", P, "image: marina", "image: marine")], P, "image", "marine"),
    ("self-reference", [("replace", P, "sectors: [water]", "sectors: [marina]")], P, "sectors", "marina"),
    (
        "duplicate-identifier",
        [("append", C, '- id: desk\n  organisation: agency\n  email: "other@lakeshore.example"\n')],
        C,
        4,
        "used twice",
    ),
    (
        "slug-with-space",
        [("rename", "sectors/water.yml", "sectors/Eau Propre.yml"), ("rename", WT, "sectors/Eau Propre.en.md")],
        "sectors/Eau Propre.yml",
        1,
        "eau-propre",
    ),
    (
        "slug-with-accent",
        [("rename", "sectors/water.yml", "sectors/eau_é.yml"), ("rename", WT, "sectors/eau_é.en.md")],
        "sectors/eau_é.yml",
        1,
        "eau-e",
    ),
    (
        "identifier-not-url-safe",
        [
            (
                "append",
                F,
                '- id: Jobs 2024\n  value: 3\n  unit: people\n  year: 2024\n  source: {name: "Office", url: "https://stats.lakeshore.example/jobs"}\n',
            )
        ],
        F,
        "Jobs 2024",
        "lower-case letters",
    ),
    ("language-code-invalid", [("replace", T, "{code: de,", "{code: deutsch,")], T, "deutsch", "language code"),
    ("colour-invalid", [("replace", T, "#14532d", "green")], T, "brand", "colour"),
    (
        "url-invalid",
        [("replace", T, '"https://invest.lakeshore.example/"', '"invest.lakeshore.example"')],
        T,
        "site_url",
        "https",
    ),
    (
        "email-invalid",
        [("replace", C, '"desk@lakeshore.example"', '"desk at lakeshore"')],
        C,
        "email",
        "e-mail address",
    ),
    ("event-ends-before-start", [("replace", E, "end: 2027-05-12", "end: 2027-05-01")], E, "end:", "before"),
    (
        "event-hours-incomplete",
        [("replace", E, "  end: 2027-05-12", '  end: 2027-05-12\n  opens: "09:00"')],
        E,
        "opens:",
        "closes, timezone are missing",
    ),
    (
        "event-time-zone-unknown",
        [
            (
                "replace",
                E,
                "  end: 2027-05-12",
                '  end: 2027-05-12\n  opens: "09:00"\n  closes: "18:00"\n  timezone: Mars/Olympus',
            )
        ],
        E,
        "timezone:",
        "Europe/Paris",
    ),
    # --- figures
    (
        "figure-without-source",
        [
            (
                "replace",
                F,
                '  source: {name: "Lakeshore statistics office", url: "https://stats.lakeshore.example/residents"}\n',
                "",
            )
        ],
        F,
        1,
        "“source”",
    ),
    ("figure-without-year", [("replace", F, "  year: 2024\n", "")], F, 1, "“year”"),
    ("figure-year-absurd", [("replace", F, "  year: 2024", "  year: 24")], F, "year: 24", "at least 1800"),
    ("figure-year-future", [("replace", F, "  year: 2024", "  year: 2150")], F, "year: 2150", "in the future"),
    (
        "figure-source-without-url",
        [("replace", F, ', url: "https://stats.lakeshore.example/residents"', "")],
        F,
        "source",
        "url",
    ),
    ("figure-cited-unknown", [("append", WT, "\nAbout [[figure:jobs]].\n")], WT, "figure:jobs", "jobs"),
    ("figure-unit-unknown", [("replace", F, "unit: people", "unit: persons")], F, "unit", "persons"),
    # --- images
    ("image-missing", [("delete", "media/marina.svg")], M, "file", "does not exist"),
    (
        "image-not-an-image",
        [
            ("replace", M, "media/marina.svg", "media/marina.png"),
            ("write", "media/marina.png", "this is text, not a picture"),
        ],
        M,
        "file",
        "cannot be read as an image",
    ),
    (
        "image-unreadable",
        [
            ("replace", M, "media/marina.svg", "media/marina.jpg"),
            ("bytes", "media/marina.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4),
        ],
        M,
        "file",
        "cannot be read as an image",
    ),
    (
        "image-huge",
        [("replace", M, "media/marina.svg", "media/marina.png"), ("bytes", "media/marina.png", "HUGE")],
        M,
        "file",
        "40 million pixels",
    ),
    (
        "image-gif",
        [
            ("replace", M, "media/marina.svg", "media/marina.gif"),
            ("bytes", "media/marina.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ],
        M,
        "file",
        "cannot be published",
    ),
    ("svg-not-xml", [("write", "media/marina.svg", "<svg><g></svg")], "media/marina.svg", 1, "not valid SVG"),
    (
        "svg-with-script",
        [("write", "media/marina.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>')],
        "media/marina.svg",
        2,
        "script",
    ),
    (
        "svg-with-onload",
        [("write", "media/marina.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')],
        "media/marina.svg",
        1,
        "onload",
    ),
    (
        "svg-entity-bomb",
        [
            (
                "write",
                "media/marina.svg",
                ENTITY_BOMB,
            )
        ],
        "media/marina.svg",
        3,
        "entities",
    ),
    # --- files
    (
        "front-matter-unclosed",
        [("write", WT, '---\ntitle: "Water"\nsummary: "Pumps."\n\nText.\n')],
        WT,
        1,
        "no header block",
    ),
    (
        "front-matter-yaml-error",
        [("replace", WT, 'title: "Water technologies"', 'title: "Water technologies')],
        WT,
        3,
        "quotation mark left open above",
    ),
    ("front-matter-is-a-list", [("write", WT, "---\n- title\n- summary\n---\nText.\n")], WT, 2, "found a list"),
    ("front-matter-missing", [("write", WT, "Just a text without its title.\n")], WT, 1, "no header block"),
    ("invalid-utf8-yaml", [("bytes", W, b'order: 1\ncompanies: ["Caf\xe9 Pumps"]\n')], W, 2, "UTF-8"),
    (
        "invalid-utf8-markdown",
        [("bytes", WT, b'---\ntitle: "Water"\nsummary: "Pumps."\n---\nCaf\xe9 text.\n')],
        WT,
        5,
        "UTF-8",
    ),
    (
        "undeclared-language",
        [("write", "sectors/water.it.md", '---\ntitle: "Acqua"\nsummary: "Pompe."\n---\nTesto.\n')],
        "sectors/water.it.md",
        1,
        "“it”",
    ),
    ("wrong-extension", [("rename", WT, "sectors/water.en.txt")], W, 1, "no text in the source language"),
    (
        "text-without-data-file",
        [("write", "sectors/air.en.md", '---\ntitle: "Air"\nsummary: "Fans."\n---\nText.\n')],
        "sectors/air.en.md",
        1,
        "no sectors/air.yml",
    ),
    ("no-territory", [("delete", T)], T, None, "no territory.yml"),
    ("empty-content-folder", [("empty",)], T, None, "no territory.yml"),
    ("content-folder-missing", [("remove-folder",)], None, None, "does not exist"),
    (
        "source-language-wrong",
        [("replace", T, "source_language: en", "source_language: fr")],
        T,
        "source_language",
        "fr",
    ),
    ("markdown-script", [("append", WT, "\n<script>alert(1)</script>\n")], WT, "<script>", "script"),
    ("markdown-javascript-link", [("append", WT, "\n[x](javascript:alert(1))\n")], WT, "javascript:", "javascript"),
    ("markdown-iframe", [("append", WT, '\n<iframe src="https://x.example/"></iframe>\n')], WT, "iframe", "iframe"),
    ("markdown-style", [("append", WT, "\n<style>body{display:none}</style>\n")], WT, "<style>", "style"),
    ("markdown-data-url", [("append", WT, "\n[x](data:text/html;base64,PHNjcmlwdD4=)\n")], WT, "data:", "data"),
]
