"""Bad content as data: each case is one defect put into a fresh copy of the minimal territory
(tests/fixtures/minimal), with the file and line `vitrine check` must name and words its message must hold.

An edit is one of the small classes below (replace a text, write a file, write bytes, delete, rename, empty the
folder…). A case's line is a number, or a text found on that line of the file once the edit is made (its first
line holding it), or None when the problem has no line (a file that is missing). ``passes`` marks the few cases
that look odd but are right (a byte order mark, Windows line ends): the check must accept them.
"""

from __future__ import annotations

import io
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# --- edits ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Replace:
    """Replace the first ``old`` of a file with ``new`` (``old`` must be there)."""

    file: str
    old: str
    new: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"{self.old!r} is not in {self.file}"
        path.write_text(text.replace(self.old, self.new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Write:
    """Write a file's whole text (creating it, or its folder, when missing)."""

    file: str
    text: str

    def apply(self, root: Path) -> None:
        (root / self.file).parent.mkdir(parents=True, exist_ok=True)
        (root / self.file).write_text(self.text, encoding="utf-8")


@dataclass(frozen=True)
class WriteBytes:
    file: str
    data: bytes

    def apply(self, root: Path) -> None:
        (root / self.file).write_bytes(self.data)


@dataclass(frozen=True)
class Encode:
    """Save a file again in another encoding (``utf-16``, ``latin-1``), or with a byte order mark (``utf-8-sig``)."""

    file: str
    encoding: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        path.write_bytes(path.read_text(encoding="utf-8").encode(self.encoding))


@dataclass(frozen=True)
class WindowsLines:
    """Save a file with Windows line ends (CR LF)."""

    file: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


@dataclass(frozen=True)
class Delete:
    file: str

    def apply(self, root: Path) -> None:
        (root / self.file).unlink()


@dataclass(frozen=True)
class Rename:
    file: str
    to: str

    def apply(self, root: Path) -> None:
        (root / self.file).rename(root / self.to)


@dataclass(frozen=True)
class EmptyFolder:
    """Leave the content folder there, with nothing in it."""

    def apply(self, root: Path) -> None:
        shutil.rmtree(root)
        root.mkdir()


@dataclass(frozen=True)
class RemoveFolder:
    """No content folder at all: the path given to --content does not exist."""

    def apply(self, root: Path) -> None:
        shutil.rmtree(root)


Edit = Replace | Write | WriteBytes | Encode | WindowsLines | Delete | Rename | EmptyFolder | RemoveFolder


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple[Edit, ...]
    file: str | None  # the file the first error names (None: the folder itself, named by its path)
    line: int | str | None  # a number, a text on the expected line, or None (a problem without a line)
    words: tuple[str, ...]  # fragments the message must hold (in the first error naming ``file``)
    passes: bool = False  # the content is right despite its looks: the check must accept it
    errors: int = 1  # how many errors the check reports: the defect, and its true consequences if any

    def apply(self, root: Path) -> None:
        for edit in self.edits:
            edit.apply(root)


def case(
    id: str,
    edits: Edit | tuple[Edit, ...],
    file: str | None,
    line: int | str | None,
    *words: str,
    passes: bool = False,
    errors: int = 1,
) -> Case:
    return Case(id, edits if isinstance(edits, tuple) else (edits,), file, line, words, passes, errors)


# --- pictures made for the cases ------------------------------------------------------------------------------


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "PNG")
    return buffer.getvalue()


def huge_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A PNG of a few hundred bytes whose header claims ``width`` x ``height`` pixels (400 million by default): a
    decompression bomb as a reader meets it. Pillow makes a small palette image; its header is then rewritten, with
    the checksum PNG readers verify."""
    data = bytearray(small_png())
    assert data[12:16] == b"IHDR"
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:33] = header + struct.pack(">I", zlib.crc32(header) & 0xFFFFFFFF)
    return bytes(data)


def random_bytes(size: int = 2048) -> bytes:
    """Noise that no image reader can make sense of (the same every run)."""
    return bytes((index * 7919 + 13) % 251 for index in range(size))


# --- the corpus --------------------------------------------------------------------------------------------------
# The files of the minimal territory that the cases break.
TERRITORY, TERRITORY_EN = "territory.yml", "territory.en.yml"
FIGURES, FIGURES_EN = "figures.yml", "figures.en.yml"
WATER, WATER_EN = "sectors/water.yml", "sectors/water.en.md"
MARINA, MARINA_EN, MARINA_DE = "projects/marina.yml", "projects/marina.en.md", "projects/marina.de.md"
EVENTS, CONTACTS, CONTACTS_EN, MEDIA = "events.yml", "contacts.yml", "contacts.en.yml", "media.yml"
STRINGS_EN, STRINGS_DE = "strings/en.yml", "strings/de.yml"
DRAWING = "media/marina.svg"
BRAND = 'brand: {primary: "#14532d", accent: "#b45309"}'
TAGLINE = 'tagline: "A small lake town for big ideas"'
SOURCE = 'source: {name: "Lakeshore statistics office", url: "https://stats.lakeshore.example/residents"}'


def picture(extension: str, data: bytes) -> tuple[Edit, ...]:
    """The image of media.yml replaced by ``data``, in a file named media/marina.<extension>."""
    return (Replace(MEDIA, DRAWING, f"media/marina.{extension}"), WriteBytes(f"media/marina.{extension}", data))


MALFORMED_YAML = [
    case("yaml-tab-indent", Replace(FIGURES, "  unit: people", "\tunit: people"), FIGURES, "unit: people", "tab"),
    case("yaml-tab-in-header-block", Replace(WATER_EN, "summary:", "\tsummary:"), WATER_EN, "summary:", "tab"),
    case("yaml-bad-indent", Replace(TERRITORY, "brand:", " brand:"), TERRITORY, "brand:", "indent"),
    case(
        "yaml-bad-indent-in-list",
        Replace(TERRITORY, "  - {code: de", "    - {code: de"),
        TERRITORY,
        "code: de",
        "indent",
    ),
    case(
        "yaml-duplicate-key",
        Replace(TERRITORY, "main_contact: desk", "main_contact: desk\npublisher: Lakeshore"),
        TERRITORY,
        "publisher: Lakeshore",
        "“publisher” is written twice",
        "first on line 2",
    ),
    case(
        "yaml-duplicate-key-in-header-block",
        Replace(MARINA_EN, "summary:", 'title: "Marina"\nsummary:'),
        MARINA_EN,
        'title: "Marina"',
        "“title” is written twice",
    ),
    case(
        "yaml-duplicate-key-in-braces",
        Replace(MARINA, "lat: 46.5", "lat: 46.5, lat: 47"),
        MARINA,
        1,
        "“lat” is written twice",
    ),
    case(
        "yaml-unclosed-quote",
        Replace(TERRITORY_EN, 'name: "Lakeshore"', 'name: "Lakeshore'),
        TERRITORY_EN,
        2,  # where the reader stops; the message names line 1, where the text opens
        "quotation mark left open above, on line 1",
    ),
    case(
        "yaml-unclosed-single-quote",
        Replace(STRINGS_DE, "home: Start", "home: 'Start"),
        STRINGS_DE,
        "untranslated: 'Diese",
        "on line 3",
    ),
    case(
        "yaml-text-after-closing-quote",
        Replace(TERRITORY_EN, TAGLINE, 'tagline: "A small" lake town'),
        TERRITORY_EN,
        "tagline",
        "text after the closing quotation mark",
    ),
    case(
        "yaml-unclosed-bracket",
        Replace(TERRITORY, "legal_pages: [accessibility]", "legal_pages: [accessibility"),
        TERRITORY,
        "legal_pages",
        "list opened with [",
    ),
    case("yaml-unclosed-brace", Replace(MARINA, "lon: 6.6}", "lon: 6.6"), MARINA, "place:", "group opened with {"),
    case(
        "yaml-colon-in-value",
        Replace(TERRITORY_EN, TAGLINE, "tagline: A small lake town: for big ideas"),
        TERRITORY_EN,
        "tagline",
        "colon",
        "double quotes",
    ),
    case(
        "yaml-hash-starts-a-comment",
        Replace(TERRITORY, BRAND, "brand: {primary: #14532d, accent: #b45309}"),
        TERRITORY,
        "brand",
        "# after a colon starts a comment",
    ),
    case(
        "yaml-hash-leaves-a-field-empty",
        Replace(TERRITORY, BRAND, "brand:\n  primary: #14532d\n  accent: '#b45309'"),
        TERRITORY,
        "primary:",
        "found nothing",
        "a # begins a comment",
    ),
    case(
        "yaml-star-starts-a-value",
        Replace(TERRITORY_EN, TAGLINE, "tagline: *big* ideas"),
        TERRITORY_EN,
        "tagline",
        "starts with *",
    ),
    case(
        "yaml-stray-line",
        Replace(TERRITORY, "brand:", "Lakeshore agency\nbrand:"),
        TERRITORY,
        "Lakeshore agency",
        "not followed by a colon",
    ),
    case(
        "yaml-two-documents",
        Replace(WATER, "order: 1", "order: 1\n---\nclusters: []"),
        WATER,
        "---",
        "a line '---' splits this file in two",
    ),
    case(
        "yaml-list-where-mapping-expected",
        Replace(TERRITORY, BRAND, 'brand: ["#14532d", "#b45309"]'),
        TERRITORY,
        "brand",
        "found a list",
        "a group of fields",
    ),
    case("yaml-whole-file-a-list", Write(TERRITORY, "- id: lakeshore\n- publisher: x\n"), TERRITORY, 1, "found a list"),
    case("yaml-empty-file", Write(TERRITORY, ""), TERRITORY, 1, "found nothing"),
    case("yaml-only-a-comment", Write(FIGURES, "# figures to come\n"), FIGURES, 1, "a list of items"),
    case("yaml-empty-texts-file", Write(FIGURES_EN, ""), FIGURES_EN, 1, "map each identifier to its texts"),
]

STRUCTURE = [
    case("type-text-for-number", Replace(WATER, "order: 1", "order: first"), WATER, "order", "found “first”"),
    case(
        "type-number-with-comma",
        Replace(FIGURES, "value: 12500", "value: 12,500"),
        FIGURES,
        "value:",
        "found “12,500”",
        "a dot for decimals",
    ),
    case(
        "type-list-for-text",
        Replace(TERRITORY, 'publisher: "Lakeshore Development Agency"', "publisher: [Lakeshore, Agency]"),
        TERRITORY,
        "publisher",
        "found a list",
        "the name of the organisation",
    ),
    case(
        "type-text-for-list",
        Replace(EVENTS, "sectors: [water]", "sectors: water"),
        EVENTS,
        "sectors:",
        "found “water”",
    ),
    case(
        "type-text-for-group",
        Replace(FIGURES, SOURCE, "source: Lakeshore statistics office"),
        FIGURES,
        "source:",
        "a group of fields",
        "indented under “source:”",
    ),
    case(
        "type-choice-not-allowed",
        Replace(MARINA, "status: active", "status: finished"),
        MARINA,
        "status:",
        "found “finished”",
        "'completed'",
    ),
    case("type-out-of-range", Replace(MARINA, "lat: 46.5", "lat: 146.5"), MARINA, "place:", "at most 90"),
    case("type-country-lower-case", Replace(EVENTS, "country: CH", "country: ch"), EVENTS, "country", "capitals"),
    case(
        "type-address-not-https",
        Replace(FIGURES, '"https://stats.lakeshore.example/residents"', '"ftp://stats.lakeshore.example/residents"'),
        FIGURES,
        "source:",
        "starting with https://",
    ),
    case(
        "type-number-for-list",
        Replace(WATER, "contacts: [desk]", "contacts: 3"),
        WATER,
        "contacts:",
        "found “3”",
        "who to contact about this sector",
    ),
    case(
        "type-neither-date-nor-year",
        Replace(MARINA, "date: 2025-06-01", "date: soon"),
        MARINA,
        "date: soon",
        "“milestones[1].date”",
        "a date (2016-09-23) or a year (2034)",
    ),
    case(
        "type-date-that-does-not-exist",
        Replace(EVENTS, "start: 2027-05-10", "start: 2027-02-30"),
        EVENTS,
        "start:",
        "not a date",
        "a day the month has",
    ),
    case(
        "type-empty-list-item",
        Replace(TERRITORY, "headline_figures: [residents]", "headline_figures: [residents, ~]"),
        TERRITORY,
        "headline_figures",
        "found nothing",
    ),
    case(
        "interface-text-is-a-list",
        Replace(STRINGS_DE, "home: Start", "home: [Start, Haus]"),
        STRINGS_DE,
        "home:",
        "“nav.home”",
        "found a list where an interface text was expected",
    ),
    case(
        "interface-texts-file-empty",
        Write(STRINGS_DE, "# to translate\n"),
        STRINGS_DE,
        1,
        "should hold groups of interface texts",
    ),
    case(
        "language-declared-twice",
        Replace(
            TERRITORY,
            '{code: de, name: "Deutsch", direction: ltr}',
            '{code: de, name: "Deutsch"}\n  - {code: en, name: "Englisch"}',
        ),
        TERRITORY,
        "Englisch",
        "“en” is declared twice",
        "first on line 7",
    ),
    case(
        "unknown-field-did-you-mean",
        Replace(TERRITORY, "publisher:", "publsher:"),
        TERRITORY,
        "publsher",
        "did you mean “publisher”?",
    ),
    case(
        "unknown-field-nested-did-you-mean",
        Replace(FIGURES, "source: {name:", "source: {nme:"),
        FIGURES,
        "source:",
        "did you mean “name”?",
    ),
    case(
        "unknown-field-titel",
        Replace(MARINA_EN, "title:", "titel:"),
        MARINA_EN,
        "titel",
        "did you mean “title”?",
    ),
    case(
        "unknown-field-no-close-name",
        Replace(WATER, "order: 1", "order: 1\ncolour: blue"),
        WATER,
        "colour",
        "not a field of a sector",
        "the fields allowed here are: order",
    ),
    case(
        "missing-required-field",
        Replace(TERRITORY, 'site_url: "https://invest.lakeshore.example/"\n', ""),
        TERRITORY,
        1,
        "“site_url”",
        "add a line “site_url: …”",
    ),
    case(
        "missing-required-text",
        Replace(CONTACTS_EN, ', role: "Answers every investor within two days"', ""),
        CONTACTS_EN,
        1,
        "“role”",
        "what they do for investors",
    ),
    case(
        "dangling-reference",
        Replace(TERRITORY, "headline_figures: [residents]", "headline_figures: [resident]"),
        TERRITORY,
        "headline_figures",
        "“resident” does not match any key figure",
        "use one of: residents",
    ),
    case(
        "dangling-language",
        Replace(EVENTS, "languages: [en, de]", "languages: [en, fr]"),
        EVENTS,
        "languages:",
        "“fr” does not match any declared language",
    ),
    case(
        # No kind of content refers to its own kind, so no loop of references can be written: a sector naming
        # itself among its projects is a reference to a project that does not exist.
        "self-reference",
        Replace(WATER, "projects: [marina]", "projects: [water, marina]"),
        WATER,
        "projects:",
        "“water” does not match any flagship project",
    ),
    case(
        "duplicate-identifier",
        Replace(
            EVENTS,
            "- id: water-expo-2027",
            "- id: water-expo-2027\n  name: a\n  city: b\n  country: CH\n  start: 2027-01-01\n  end: 2027-01-02\n"
            "- id: water-expo-2027",
        ),
        EVENTS,
        7,
        "“water-expo-2027” is used twice",
        "first on line 1",
    ),
    case(
        "duplicate-data-files",
        Write("sectors/water.yaml", "order: 2\n"),
        WATER,
        1,
        "two data files",
        "sectors/water.yaml",
    ),
    case(
        "file-name-capital-letter",
        (Rename(WATER, "sectors/Water.yml"), Rename(WATER_EN, "sectors/Water.en.md")),
        "sectors/Water.yml",
        1,
        "cannot be part of a web address",
        "sectors/water.yml",
    ),
    case(
        "file-name-with-space",
        (
            Rename(MARINA, "projects/new marina.yml"),
            Rename(MARINA_EN, "projects/new marina.en.md"),
            Rename(MARINA_DE, "projects/new marina.de.md"),
        ),
        "projects/new marina.yml",
        1,
        "cannot be part of a web address",
        "projects/new-marina.yml",
        errors=2,  # and sectors/water.yml lists the project “marina”, which is no more
    ),
    case(
        "file-name-with-accent",
        (
            Write("sectors/Énergie.yml", "order: 2\ncontacts: [desk]\n"),
            Write("sectors/Énergie.en.md", '---\ntitle: "Energy"\nsummary: "Power from the lake."\n---\nText.\n'),
        ),
        "sectors/Énergie.yml",
        1,
        "cannot be part of a web address",
        "sectors/energie.yml",
    ),
    case(
        "file-name-misspelt",
        Rename(FIGURES, "figure.yml"),
        "figure.yml",
        1,
        "Did you mean figures.yml?",
    ),
]

FIGURES_AND_IMAGES = [
    case("figure-without-source", Replace(FIGURES, f"  {SOURCE}\n", ""), FIGURES, 1, "“source”", "missing"),
    case(
        "figure-source-without-name",
        Replace(FIGURES, 'source: {name: "Lakeshore statistics office", url:', "source: {url:"),
        FIGURES,
        "source:",
        "“source.name”",
        "who published the figure",
    ),
    case("figure-without-year", Replace(FIGURES, "  year: 2024\n", ""), FIGURES, 1, "“year”", "missing"),
    case("figure-year-as-range", Replace(FIGURES, "  year: 2024", "  year: 2023-2024"), FIGURES, "year:", "found"),
    case("figure-year-absurd", Replace(FIGURES, "  year: 2024", "  year: 0"), FIGURES, "year: 0", "at least 1800"),
    case("figure-year-far-future", Replace(FIGURES, "  year: 2024", "  year: 3000"), FIGURES, "year:", "at most 2200"),
    case(
        "figure-year-in-the-future",
        Replace(FIGURES, "  year: 2024", "  year: 2199"),
        FIGURES,
        "year: 2199",
        "in the future",
    ),
    case(
        "figure-series-year-in-the-future",
        Replace(FIGURES, "{year: 2024, value: 12500}", "{year: 2199, value: 12500}"),
        FIGURES,
        "series:",
        "the year 2199 is in the future",
    ),
    case(
        "figure-value-not-a-number",
        Replace(FIGURES, "value: 12500", "value: .nan"),
        FIGURES,
        "value: .nan",
        "found “nan”",
        "a number that can be printed",
    ),
    case(
        "figure-value-too-large",
        Replace(FIGURES, "{year: 2020, value: 11800}", "{year: 2020, value: 1e400}"),
        FIGURES,
        "1e400",
        "“series[1].value”",
        "not infinite",
    ),
    case("image-missing", Delete(DRAWING), MEDIA, "file:", "does not exist"),
    case(
        "image-outside-the-content",
        Replace(MEDIA, DRAWING, "../../../etc/hostname"),
        MEDIA,
        "file:",
        "outside the content folder",
    ),
    case("image-random-bytes", picture("png", random_bytes()), MEDIA, "file:", "cannot be read as an image"),
    case("image-huge", picture("png", huge_png()), MEDIA, "file:", "more than 40 million pixels"),
    case(
        "image-text-named-jpg",
        picture("jpg", b"a photo of the marina, to come\n"),
        MEDIA,
        "file:",
        "cannot be read as an image",
    ),
    case("image-empty", picture("png", b""), MEDIA, "file:", "cannot be read as an image"),
    case("image-cut-short", picture("png", small_png()[:40]), MEDIA, "file:", "cannot be read as an image"),
    case(
        "svg-not-xml",
        Write(DRAWING, '<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>\n'),
        DRAWING,
        3,
        "not valid SVG",
    ),
    case("svg-plain-text", Write(DRAWING, "drawing to come\n"), DRAWING, 1, "not valid SVG"),
    case(
        "svg-that-is-a-web-page",
        Write(DRAWING, "<html><body>not a drawing</body></html>\n"),
        DRAWING,
        1,
        "not an SVG drawing",
        "<html>",
    ),
    case(
        "logo-not-xml",
        (
            Replace(TERRITORY, "main_contact: desk", "main_contact: desk\nlogo: media/logo.svg"),
            Write("media/logo.svg", "<svg"),
        ),
        "media/logo.svg",
        1,
        "not valid SVG",
    ),
]

FILES = [
    case(
        "header-block-unclosed",
        Write(MARINA_EN, '---\ntitle: "The new marina"\nsummary: "A marina."\n\nIt opened in 2025.\n'),
        MARINA_EN,
        1,
        "never closed by a second '---'",
    ),
    case(
        "header-block-after-empty-lines",
        Write(MARINA_EN, '\n---\ntitle: "The new marina"\nsummary: "A marina."\n---\nIt opened in 2025.\n'),
        MARINA_EN,
        1,
        "empty lines above",
    ),
    case(
        "header-block-yaml-error",
        Replace(MARINA_EN, 'summary: "A marina with room for a test basin."', "summary: A marina: with a basin"),
        MARINA_EN,
        "summary",
        "colon",
    ),
    case(
        "header-block-is-a-list",
        Write(MARINA_EN, '---\n- "The new marina"\n- "A marina."\n---\nText.\n'),
        MARINA_EN,
        2,
        "found a list",
    ),
    case("header-block-empty", Write(MARINA_EN, "---\n---\nText.\n"), MARINA_EN, 1, "found nothing"),
    case(
        "invalid-utf8-in-yaml",
        Encode(STRINGS_DE, "latin-1"),
        STRINGS_DE,
        12,  # "opened: Eröffnet", the first letter out of ASCII (line_of cannot read the file any more)
        "not saved as UTF-8",
    ),
    case(
        "invalid-utf8-in-markdown",
        WriteBytes(MARINA_EN, b'---\ntitle: "The new marina"\nsummary: "A caf\xe9 by the lake."\n---\nText.\n'),
        MARINA_EN,
        3,
        "not saved as UTF-8",
    ),
    case("utf16-file", Encode(TERRITORY, "utf-16"), TERRITORY, 1, "UTF-16"),
    case("byte-order-mark-in-yaml", Encode(TERRITORY, "utf-8-sig"), None, None, passes=True),
    case("byte-order-mark-in-markdown", Encode(WATER_EN, "utf-8-sig"), None, None, passes=True),
    case("windows-line-ends", (WindowsLines(TERRITORY), WindowsLines(WATER_EN)), None, None, passes=True),
    case(
        "undeclared-language",
        Write("sectors/water.it.md", '---\ntitle: "Acqua"\nsummary: "Pompe."\n---\nTesto.\n'),
        "sectors/water.it.md",
        1,
        "“it”",
        "does not declare",
    ),
    case(
        "undeclared-language-of-a-list",
        Write("figures.it.yml", 'residents: {label: "Residenti"}\n'),
        "figures.it.yml",
        1,
        "“it”",
        "does not declare",
    ),
    case(
        "language-code-in-capitals",
        Rename(WATER_EN, "sectors/water.EN.md"),
        "sectors/water.EN.md",
        1,
        "“EN” is not a language code",
        "rename it to sectors/water.en.md",
    ),
    case(
        "markdown-text-named-yml",
        Rename(WATER_EN, "sectors/water.en.yml"),
        "sectors/water.en.yml",
        1,
        "written in .md files",
    ),
    case("no-territory", Delete(TERRITORY), TERRITORY, None, "no territory.yml"),
    case("empty-content-folder", EmptyFolder(), TERRITORY, None, "no territory.yml"),
    case("content-folder-missing", RemoveFolder(), None, None, "the content folder does not exist"),
    case(
        "source-language-not-declared",
        Replace(TERRITORY, "source_language: en", "source_language: fr"),
        TERRITORY,
        "source_language",
        "“fr” is not in the list of languages",
    ),
    case(
        "source-language-of-few-texts",
        Replace(TERRITORY, "source_language: en", "source_language: de"),
        TERRITORY,
        "source_language",
        "most texts are written in “en”",
        "write source_language: en",
    ),
    case(
        "source-strings-unreadable",
        Replace(STRINGS_EN, "  home: Home", "  home: 'Home"),
        STRINGS_EN,
        "The territory's",  # its apostrophe closes the text opened on line 2
        "on line 2",
    ),
]

CASES: list[Case] = [*MALFORMED_YAML, *STRUCTURE, *FIGURES_AND_IMAGES, *FILES]
