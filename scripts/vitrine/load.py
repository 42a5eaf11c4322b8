"""Stage 1, load: read every file of the content folder, remembering the line of every value.

Nothing here knows what a sector or a figure is: this stage only turns files into plain data plus a map
from each value's path (``("figures", 2)``) to its line, so that later stages can point at the right line.
"""

from __future__ import annotations

import hashlib
import pickle
import re
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
    """Something YAML allows and content may not hold (said in plain words, with its place and what to do)."""

    def __init__(self, problem: str, problem_mark: yaml.Mark | None, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=problem_mark)
        self.hint = hint


# Lists and groups inside one another: content nests a few levels; the reader would exhaust Python's stack at ~300.
DEEPEST = 40
# Digits of the longest number read (a larger one is a mistake, and Python refuses to write numbers of 4300 digits).
LONGEST_NUMBER = 100


class _ContentLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases (&name, *name): staff never need them, and aliases let a few
    lines expand into gigabytes; and refusing lists or groups nested deeper than ``DEEPEST``."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                "this line uses &… or *… (a YAML anchor or alias), which content files may not use",
                event.start_mark,
                "write the value itself at each place.",
            )
        if self.depth >= DEEPEST:
            raise _Refused(
                f"this line opens lists or groups more than {DEEPEST} levels inside one another",
                event.start_mark,
                "check the brackets [ ] and { } and the indentation: content never nests this deep.",
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _to_plain(node: yaml.Node, loader: yaml.SafeLoader, at: Path_, lines: dict[Path_, int], offset: int) -> Any:
    lines[at] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _to_plain(key_node, loader, (), {}, offset)
            if isinstance(key, (dict, list)):
                key = str(key)
            if key in result:
                raise _Refused(
                    f"the field “{key}” is written twice here (first on line {lines[(*at, key)]})",
                    key_node.start_mark,
                    "keep one of them.",
                )
            result[key] = _to_plain(value_node, loader, (*at, key), lines, offset)
            lines[(*at, key)] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_plain(item, loader, (*at, index), lines, offset) for index, item in enumerate(node.value)]
    return _scalar(node, loader)


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """One value as the YAML reader makes it; a value it cannot make (a date that does not exist, a number of
    thousands of digits, a text that its tag !!int or !!bool says is what it is not) is refused in plain words."""
    kind = str(node.tag).rsplit(":", 1)[-1]
    shown = str(node.value) if len(str(node.value)) <= 40 else str(node.value)[:37] + "…"
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError) as error:
        if kind == "timestamp":
            raise _Refused(
                f"“{shown}” is not a date (or a time) that exists",
                node.start_mark,
                "write the date as year-month-day with a day the month has, like 2024-06-30.",
            ) from error
        if kind != "int" or "digits" not in str(error):
            raise _Refused(
                f"“{shown}” is not the kind of value its tag (!!{kind}) says it is",
                node.start_mark,
                "remove the !!… written before the value.",
            ) from error
        value = 10**LONGEST_NUMBER  # thousands of digits: refused below
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**LONGEST_NUMBER:
        raise _Refused(
            f"the number on this line has more than {LONGEST_NUMBER} digits",
            node.start_mark,
            "check the number; a text made of digits (a phone number, a code) goes between double quotes.",
        )
    return value


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
    (
        "expected a single document",
        "a line '---' splits this file in two, and a content file holds one block of fields",
        "delete the line '---' (in a Markdown text, only the header block is between two '---' lines).",
    ),
    (
        "while scanning an alias",
        "a value starts with *, which YAML reads as a reference to another value",
        'put the whole text between double quotes, like "*new* offices".',
    ),
    ("found character", "this line holds a character that cannot start a value here", GENERIC_HINT),
)


def _line_at(text: str, mark: yaml.Mark | None) -> str:
    lines = text.splitlines()
    return lines[mark.line] if mark is not None and 0 <= mark.line < len(lines) else ""


def _quote_before(text: str, stop: yaml.Mark) -> tuple[int, int] | None:
    """Where the quoted text just before ``stop`` (where the reader stopped, on the same line) opens and ends, lines
    counted from 0: when it opens lines above, its closing quotation mark was forgotten and the next quotation mark
    closed it; when it opens on this line, text follows its closing quotation mark."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= stop.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    quoted = isinstance(last, yaml.ScalarToken) and last.style in ("'", '"')
    if last is None or not quoted or last.end_mark.line != stop.line:
        return None
    return last.start_mark.line, last.end_mark.line


def _in_context(text: str, error: yaml.MarkedYAMLError, offset: int) -> tuple[str, str, yaml.Mark | None]:
    """The plain words of ``error``, made sharper by the text itself: a # that began a comment, a quotation mark
    left open lines above, text after a closing quotation mark."""
    what, hint, mark = _plain_words(error)
    if isinstance(error, _Refused) or mark is None:
        return what, hint, mark
    if re.search(r":\s+#", _line_at(text, mark)) and ("{" in what or "[" in what):
        return (
            "a # after a colon starts a comment, so the rest of the line is not read",
            'put the value between double quotes, like "#14532d".',
            mark,
        )
    said = f"{error.context or ''} {error.problem or ''}"
    quoted = None
    if error.problem_mark is not None and ("expected <block end>" in said or "expected ':'" in said):
        quoted = _quote_before(text, error.problem_mark)
    if quoted is not None and quoted[0] == quoted[1]:
        return (
            "there is text after the closing quotation mark",
            "put the whole text between the quotation marks.",
            error.problem_mark,
        )
    if quoted is not None:
        opened = quoted[0] + 1 + offset
        return (
            f"a quotation mark left open above, on line {opened}, runs on to this line: its text is never closed, "
            "and a quotation mark of this line was taken as its end",
            f"add the closing quotation mark at the end of the text on line {opened}.",
            error.problem_mark,
        )
    return what, hint, mark


def _plain_words(error: yaml.MarkedYAMLError) -> tuple[str, str, yaml.Mark | None]:
    """What went wrong and what to do, without the reader's jargon, and where (the start of an unclosed text)."""
    if isinstance(error, _Refused):
        return str(error.problem), error.hint, error.problem_mark
    said = f"{error.context or ''} {error.problem or ''}"
    for clue, what, hint in PLAIN_WORDS:
        if clue in said:
            # An unclosed text or list is best shown where it opens; the reader notices it further down.
            opens = clue in (
                "while scanning a quoted scalar",
                "expected ',' or ']'",
                "expected ',' or '}'",
                "could not find expected ':'",
            )
            mark = error.context_mark if opens else error.problem_mark
            return what, hint, mark or error.problem_mark or error.context_mark
    return "the text is not written as YAML expects", GENERIC_HINT, error.problem_mark or error.context_mark


class _FastContentLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's reader (C), for files already known to hold no anchor, alias, nor nesting deeper than allowed."""


def _parse_with_libyaml(text: str, line_offset: int) -> tuple[Any, dict[Path_, int], None] | None:
    """The same data and line map as the reader in Python, twenty times sooner, for a well-formed file; None for
    anything else (an error, an anchor, deep nesting), which the reader in Python then reads and explains.

    libyaml composes nested values by recursion in C, which no limit guards: its events (read without recursion)
    are checked first for depth, anchors and aliases."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_FastContentLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth >= DEEPEST - 1:
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = _FastContentLoader(text)
        try:
            node = loader.get_single_node()
            lines: dict[Path_, int] = {}
            data = None if node is None else _to_plain(node, loader, (), lines, line_offset)
        finally:
            loader.dispose()
    except Exception:  # whatever libyaml refuses, the reader in Python says in plain words
        return None
    return data, lines, None


# The live preview reads the whole content folder again after every save, and one file has changed. The same text
# gives the same data, so what each text gave is kept, pickled so that every reader gets its own copy: reading a
# kept file costs a thirtieth of parsing it again (0.2 s a rebuild for the reference content).
_PARSED: dict[bytes, bytes] = {}
PARSED_KEPT_AT_MOST = 20_000


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int], Problem | None]:
    """Parse YAML text into plain data and a line map; a syntax error becomes a Problem, not an exception."""
    parts = [path, str(line_offset), text]
    key = hashlib.blake2b(b"\0".join(part.encode("utf-8", "surrogatepass") for part in parts), digest_size=20).digest()
    kept = _PARSED.get(key)
    if kept is not None:
        parsed: tuple[Any, dict[Path_, int], Problem | None] = pickle.loads(kept)
        return parsed
    parsed = _parse_yaml(text, path, line_offset)
    try:
        pickled = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return parsed
    if len(_PARSED) >= PARSED_KEPT_AT_MOST:
        _PARSED.clear()
    _PARSED[key] = pickled
    return parsed


def _parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[Path_, int], Problem | None]:
    """``parse_yaml`` without what it kept: libyaml for a well-formed file, else the reader in Python."""
    fast = _parse_with_libyaml(text, line_offset)
    if fast is not None:
        return fast
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
        what, hint, mark = _in_context(text, error, line_offset)
        line = (mark.line + 1 + line_offset) if mark else None
        return None, {}, Problem(path, line, None, f"this file cannot be read: {what}.", hint)
    except yaml.YAMLError:
        return None, {}, Problem(path, None, None, "this file cannot be read as YAML.", GENERIC_HINT)
    finally:
        loader.dispose()
    return data, lines, None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a Markdown file into (front matter, body, line where the front matter starts)."""
    text = text.removeprefix("\ufeff")
    if not text.startswith("---"):
        return None, text, 1
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    return None, text, 1


HEADER_BLOCK_HINT = (
    "start the file with a line '---', the fields (title: …, summary: …), then another line '---', then the text."
)


def _why_no_header_block(text: str) -> tuple[str, str]:
    """Why split_front_matter found no header block in a text file, and what to do."""
    if not text.startswith("---") and text.lstrip(" \t\r\n").startswith("---"):
        return (
            "this text file has no header block on its first line: there are empty lines above its '---'.",
            "delete the empty lines above the first '---'.",
        )
    if text.startswith("---"):
        return (
            "this text file has no header block: the line '---' that opens it is never closed by a second '---'.",
            "add a line '---' after the fields (title: …, summary: …), before the text.",
        )
    return "this text file has no header block.", HEADER_BLOCK_HINT


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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            relative,
            1,
            None,
            "this file is saved as UTF-16 (“Unicode” in some editors), not as UTF-8 text.",
            "save it again with the UTF-8 encoding (the default of most editors).",
        )
    try:
        # A byte order mark (what some Windows editors put first) is not part of the text.
        text = data.decode("utf-8").removeprefix("\ufeff")
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
            what, hint = _why_no_header_block(text)
            return None, Problem(relative, 1, None, what, hint)
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
