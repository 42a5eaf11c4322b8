"""Stage 1, load: read every file of the content folder, remembering the line of every value.

Nothing here knows what a sector or a figure is: this stage only turns files into plain data plus a map
from each value's path (``("figures", 2)``) to its line, so that later stages can point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vitrine.problems import Problem

Path_ = tuple[str | int, ...]

TEXT_SUFFIXES = (".yml", ".yaml", ".md")


@dataclass(frozen=True)
class Document:
    """One content file: its data, the line of each value, and (for Markdown) its body."""

    path: str  # relative to the content folder, with forward slashes
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    body: str | None = None
    body_line: int = 1

    def line_of(self, location: Path_) -> int:
        """The line of the value at ``location``, or of its closest parent that has one."""
        probe = tuple(location)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


@dataclass(frozen=True)
class LoadedContent:
    root: Path
    documents: dict[str, Document]
    problems: list[Problem]


class _Refused(yaml.MarkedYAMLError):
    """Something YAML allows and content may not hold (said in plain words, with its place)."""


class _ContentLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases (&name, *name): staff never need them, and aliases let a few
    lines expand into gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                problem="this line uses &… or *… (a YAML anchor or alias), which content files may not use",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def _to_plain(node: yaml.Node, loader: yaml.SafeLoader, at: Path_, lines: dict[Path_, int], offset: int) -> Any:
    lines[at] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (dict, list)):
                key = str(key)
            if key in result:
                raise _Refused(
                    problem=f"the field “{key}” is written twice here (first on line {lines[(*at, key)]})",
                    problem_mark=key_node.start_mark,
                )
            result[key] = _to_plain(value_node, loader, (*at, key), lines, offset)
            lines[(*at, key)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_plain(item, loader, (*at, index), lines, offset) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


# What the YAML reader says, in the words of someone who edits a text file: (what it says, what happened, what to
# do). The first that matches wins.
GENERIC_HINT = (
    "check the indentation (spaces only, no tabs), the colon after each field name, and put text that contains a "
    "colon or starts with a special character between double quotes."
)
PLAIN_WORDS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "there is a tab character in this line", "indent with spaces only: replace the tab with spaces."),
    (
        "while scanning a quoted scalar",
        "a text opened with a quotation mark on this line is never closed",
        "add the closing quotation mark at the end of the text.",
    ),
    (
        "mapping values are not allowed",
        "a colon is where no field can start: this line is not lined up with the fields around it, or a text "
        "holds “: ”",
        "line it up with the fields above it, or put the whole text between double quotes.",
    ),
    (
        "expected ',' or ']'",
        "a list opened with [ is not closed as it should be",
        "close it with ] and separate its items with commas; put items that contain a colon between quotes.",
    ),
    (
        "expected ',' or '}'",
        "a group opened with { is not closed as it should be",
        "close it with } and separate its fields with commas.",
    ),
    (
        "constructor for the tag",
        "a tag (!!…) asks for a special kind of value, which content files may not use",
        "remove the !!… written before the value.",
    ),
    (
        "expected <block end>",
        "this line does not follow from the lines above it: a quotation mark left open above, or an indentation "
        "that differs",
        "close the quotation marks of the line above, and indent this line like the field above it (with spaces).",
    ),
    (
        "could not find expected ':'",
        "a field name is not followed by a colon, or a text runs onto the next line",
        "write each field as “name: value” on its line; put long text between double quotes.",
    ),
    ("found character", "this line holds a character that cannot start a value here", GENERIC_HINT),
)


def _plain_words(error: yaml.MarkedYAMLError) -> tuple[str, str, yaml.Mark | None]:
    """What went wrong and what to do, without the reader's jargon, and where (the start of an unclosed text)."""
    if isinstance(error, _Refused):
        hint = "keep one of them." if "twice" in str(error.problem) else "write the value itself at each place."
        return str(error.problem), hint, error.problem_mark
    said = f"{error.context or ''} {error.problem or ''}"
    for clue, what, hint in PLAIN_WORDS:
        if clue in said:
            # An unclosed text or list is best shown where it opens; the reader notices it further down.
            opens = clue in ("while scanning a quoted scalar", "expected ',' or ']'", "expected ',' or '}'")
            mark = error.context_mark if opens else error.problem_mark
            return what, hint, mark or error.problem_mark or error.context_mark
    return "the text is not written as YAML expects", GENERIC_HINT, error.problem_mark or error.context_mark


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int], Problem | None]:
    """Parse YAML text into plain data and a line map; a syntax error becomes a Problem, not an exception."""
    try:
        loader = _ContentLoader(text)
    except yaml.reader.ReaderError as error:  # a control character (NUL…) where text belongs
        return (
            None,
            {},
            Problem(
                path,
                text[: error.position].count("\n") + 1 + line_offset,
                None,
                "this file holds a character that is not text (an invisible control character).",
                "delete it, or copy the text into a new file: it often comes from a paste out of another program.",
            ),
        )
    lines: dict[Path_, int] = {}
    try:
        node = loader.get_single_node()
        data = None if node is None else _to_plain(node, loader, (), lines, line_offset)
    except yaml.MarkedYAMLError as error:
        what, hint, mark = _plain_words(error)
        line = (mark.line + 1 + line_offset) if mark else None
        return None, {}, Problem(path, line, None, f"this file cannot be read: {what}.", hint)
    except yaml.YAMLError:
        return None, {}, Problem(path, None, None, "this file cannot be read as YAML.", GENERIC_HINT)
    finally:
        loader.dispose()
    return data, lines, None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a Markdown file into (front matter, body, line where the front matter starts)."""
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    return None, text, 1


# Larger text files are refused before they are read: a long sector text is about 20 KB.
LARGEST_TEXT_FILE = 2 * 1024 * 1024


def load_file(root: Path, file: Path) -> tuple[Document | None, Problem | None]:
    relative = file.relative_to(root).as_posix()
    size = file.stat().st_size
    if size > LARGEST_TEXT_FILE:
        return None, Problem(
            relative,
            None,
            None,
            f"this file is {size / 1024 / 1024:.0f} MB: far more than a text of the site can hold "
            f"(at most {LARGEST_TEXT_FILE // 1024 // 1024} MB), so it was not read.",
            "check that it is the file you meant to put here (not an export or a log), and shorten it.",
        )
    data = file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, Problem(
            relative,
            data[: error.start].count(b"\n") + 1,
            None,
            "this file is not saved as UTF-8 text (this line holds a character in another encoding).",
            "save it again with the UTF-8 encoding (the default of most editors).",
        )
    if file.suffix == ".md":
        front, body, start = split_front_matter(text)
        if front is None:
            return None, Problem(
                relative,
                1,
                None,
                "this text file has no header block.",
                "start the file with a line '---', the fields (title: …, summary: …), "
                "then another line '---', then the text.",
            )
        data, lines, problem = parse_yaml(front, relative, line_offset=start - 1)
        body_line = start + front.count("\n") + 1
        return (None, problem) if problem else (Document(relative, data, lines, body, body_line), None)
    data, lines, problem = parse_yaml(text, relative)
    return (None, problem) if problem else (Document(relative, data, lines), None)


def load_content(root: Path) -> LoadedContent:
    """Read every YAML and Markdown file under ``root``; unreadable files become problems."""
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(
                str(root),
                None,
                None,
                "the content folder does not exist.",
                "give the path of a folder that holds territory.yml.",
            )
        )
        return LoadedContent(root, documents, problems)
    for file in sorted(root.rglob("*")):
        relative_parts = file.relative_to(root).parts
        if not file.is_file() or file.suffix not in TEXT_SUFFIXES or file.name == "README.md":
            continue
        if any(part.startswith(".") for part in relative_parts):
            continue
        document, problem = load_file(root, file)
        if problem:
            problems.append(problem)
        if document:
            documents[document.path] = document
    return LoadedContent(root, documents, problems)
