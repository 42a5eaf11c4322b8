"""Fuzzing the content folder (issue 16): Hypothesis writes random YAML values, mutated files, random Markdown and
random bytes into a copy of the minimal territory, one file at a time, and the front of the pipeline (load,
validate, resolve) either gives a model or reports problems — each naming its file, its line where it has one, and
what to do in plain words. It never raises anything else, and a YAML bomb is refused at once.

Each test copies the minimal content once, then rewrites only the file it mutates and puts it back after each
example. The examples are derandomised, so that every run (and CI) tries the same ones, and few, so that the whole
file runs in a few seconds (VITRINE_FUZZ_SCALE=50 runs fifty times as many, new ones each run, to hunt for more).
Crashes it found are kept as ``@example`` regressions.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from support.project import MINIMAL_CONTENT
from vitrine import schema
from vitrine.pipeline import check
from vitrine.problems import ContentErrors, Problem, Severity
from vitrine.publication import public_model

# VITRINE_FUZZ_SCALE=50 runs fifty times as many examples, new ones each run (to hunt for crashes by hand).
SCALE = int(os.environ.get("VITRINE_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- the content folder ---------------------------------------------------------------------------------------

YAML_FILES = sorted(p.relative_to(MINIMAL_CONTENT).as_posix() for p in MINIMAL_CONTENT.rglob("*.yml"))
MARKDOWN_FILES = sorted(p.relative_to(MINIMAL_CONTENT).as_posix() for p in MINIMAL_CONTENT.rglob("*.md"))
DATA_FILES = ["territory.yml", "sectors/water.yml", "figures.yml", "events.yml", "contacts.yml", "media.yml"]
TEXT_YAML_FILES = [f for f in YAML_FILES if f.count(".") == 2 or f.startswith("strings/")]
EVERY_FILE = [*YAML_FILES, *MARKDOWN_FILES, "media/marina.svg"]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the minimal content, made once per test (Hypothesis runs all its examples in it)."""
    return shutil.copytree(MINIMAL_CONTENT, tmp_path / "content")


@contextmanager
def replaced(content: Path, relative: str, data: bytes) -> Iterator[None]:
    """``relative`` holds ``data`` for one example, then its own bytes again."""
    path = content / relative
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        yield
    finally:
        path.write_bytes(original)


# Seconds one check may take (it takes about 0.03 s): beyond, something runs in quadratic time or worse.
SLOWEST = 5
JARGON = ("Traceback", "errors.pydantic.dev", "MarkedYAMLError", "<class", "object at 0x", "NoneType")


def checked(content: Path, mutated: str, written: bytes) -> list[Problem]:
    """Check the content with ``mutated`` holding ``written``: a model or problems in plain words, nothing else.

    Each problem names a file (relative to the content folder); a line, when it has one, is inside the mutated file;
    an error says what to do. What ``prepare`` does with the outcome (sorting the problems into one report, or
    keeping the public part of the model) works too."""
    with replaced(content, mutated, written):
        started = time.perf_counter()
        model, problems = check(content, False)
        assert time.perf_counter() - started < SLOWEST, "the check took too long: something is quadratic or worse"
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert model is not None or errors, "no model and no error: the content vanished without a word"
    # YAML also ends lines at \x85, \u2028 and \u2029, which Python's splitlines counts too.
    lines_in_file = len(written.decode("utf-8", "replace").splitlines()) + 1
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert isinstance(problem.file, str) and problem.file.strip(), problem
        assert not problem.file.startswith("/"), problem
        assert problem.line is None or (isinstance(problem.line, int) and problem.line >= 1), problem
        if problem.file == mutated and problem.line is not None:
            assert problem.line <= lines_in_file + 1, (problem, lines_in_file)
        assert problem.message.strip(), problem
        assert not any(word in problem.message for word in JARGON), problem
        if problem.severity is Severity.ERROR:
            assert problem.hint and problem.hint.strip(), f"an error without what to do: {problem}"
        if "cannot be read" in problem.message or "not saved as UTF-8" in problem.message:
            assert problem.line is not None, f"a file that cannot be read, without its line: {problem}"
        assert problem.format()
    if errors:
        assert ContentErrors(problems).report()  # what prepare raises: the problems sorted into one report
    elif model is not None:
        public_model(model)
    return problems


def text_of(relative: str) -> str:
    return (MINIMAL_CONTENT / relative).read_text(encoding="utf-8")


def dumped(value: object) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8")


# --- 1. arbitrary YAML values ---------------------------------------------------------------------------------

FIELD_NAMES = sorted(
    {
        name
        for candidate in vars(schema).values()
        if isinstance(candidate, type) and issubclass(candidate, BaseModel)
        for name in candidate.model_fields
    }
)
REAL_WORDS = [
    "residents",
    "desk",
    "marina",
    "water",
    "water-expo-2027",
    "lakeshore",
    "accessibility",
    "legal_notice",
    "en",
    "de",
    "he",
    "xx",
    "people",
    "published",
    "draft",
    "under_review",
    "ltr",
    "rtl",
    "media/marina.svg",
    "media/missing.png",
    "../../etc/passwd",
    "/proc/self/mem",
    "media",
    "https://invest.lakeshore.example/",
    "#14532d",
    "desk@lakeshore.example",
]
NASTY_TEXTS = [
    "",
    " ",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example/">',
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "مرحبا بالعالم",
    "שלום עולם",
    "日本語のテキスト",
    "😀👍🏽👨‍👩‍👧",
    "\x00",
    "\x1b[31mred",
    "\ufeff",
    "\u2028\u2029\x85",
    "{{ config }}",
    "{% raw %}",
    "[[figure:residents]]",
    "[[figure:nope]]",
    "{publisher}",
    "{0}{1}{",
    "%s %d",
    "1e400",
    "- a",
    ": b",
    "a" * 3000,
    "line\n" * 50,
]
TEXTS = st.text(max_size=30) | st.sampled_from(NASTY_TEXTS) | st.sampled_from(REAL_WORDS)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.sampled_from([0, -1, 2**31, 2**63, -(2**63) - 1, 10**300])
    | st.floats()
    | st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0, 1e308, 5e-324])
    | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
    | TEXTS
)
KEYS = st.sampled_from(FIELD_NAMES) | TEXTS | st.integers(min_value=-5, max_value=5) | st.none() | st.booleans()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=20,
)


@fuzz(50)
@given(file=st.sampled_from(DATA_FILES + TEXT_YAML_FILES), value=VALUES)
@example(file="figures.yml", value=[{"id": "residents", "value": float("nan"), "unit": "people", "year": 2024}])
@example(file="sectors/water.yml", value={"order": 10**300})
# Found by this test: problems with and without a line in one file could not be sorted into the report (TypeError).
@example(file="strings/de.yml", value=None)
# Found while writing this test: an image path outside the content folder was read; /proc/self/mem raised OSError.
@example(file="media.yml", value=[{"id": "marina", "file": "/proc/self/mem", "credit": "x", "licence": "y"}])
# Found by the mutations, run longer: an image file name too long for the file system raised OSError.
@example(file="media.yml", value=[{"id": "marina", "file": "x" * 300 + ".png", "credit": "x", "licence": "y"}])
def test_any_yaml_value_in_a_file(content: Path, file: str, value: object) -> None:
    checked(content, file, dumped(value))


Location = tuple[Any, ...]


def locations(value: object, at: Location = ()) -> list[Location]:
    """Every place inside a YAML value (the value itself first)."""
    found = [at]
    if isinstance(value, dict):
        for key, entry in value.items():
            found += locations(entry, (*at, key))
    elif isinstance(value, list):
        for index, entry in enumerate(value):
            found += locations(entry, (*at, index))
    return found


def changed(value: Any, at: Location, new: object, how: str) -> Any:
    """``value`` with the place ``at`` given ``new`` (``how``: replace), without it (drop), or with a field added."""
    if not at:
        return new
    container = value
    for step in at[:-1]:
        container = container[step]
    if how == "drop":
        del container[at[-1]]
    elif how == "add" and isinstance(container, dict):
        container[new if isinstance(new, str) else str(new)] = container[at[-1]]
    else:
        container[at[-1]] = new
    return value


@fuzz(50)
@given(
    file=st.sampled_from(DATA_FILES + TEXT_YAML_FILES),
    pick=st.integers(min_value=0, max_value=10**6),
    new=VALUES | st.sampled_from(FIELD_NAMES),
    how=st.sampled_from(["replace", "replace", "drop", "add"]),
)
def test_one_value_changed_in_a_real_file(content: Path, file: str, pick: int, new: object, how: str) -> None:
    """The real data with one of its values replaced, removed or doubled under another name: the schema's own fields
    reach the checks that come after validation."""
    value = yaml.safe_load(text_of(file))
    places = locations(value)
    checked(content, file, dumped(changed(value, places[pick % len(places)], new, how)))


# --- 2. mutations of the real files ---------------------------------------------------------------------------

TOKENS = [
    "\t",
    ":",
    ": ",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    ",",
    "- ",
    "? ",
    "|",
    ">",
    "#",
    "\\",
    "@",
    "`",
    "~",
    "---",
    "---\n",
    "...\n",
    "\n",
    "  ",
    "&anchor ",
    "*alias ",
    "<<: *anchor\n",
    "!!python/object:os.system ",
    "!!python/object/apply:os.system [ls] ",
    "!!binary ",
    "!!int ",
    "!!float ",
    "!!timestamp ",
    "!!bool ",
    "!!set ",
    "!custom ",
    "%YAML 1.1\n",
    "%TAG ! tag:evil.example,2024:\n",
    "2024-02-30",
    "2024-13-01 25:61:00",
    "0x" + "f" * 4000,
    "9" * 5000,
    "[" * 400,
    "- " * 400,
    "\ufeff",
    "\r",
    "\r\n",
    "\x00",
    "\x07",
    "\x85",
    "\u2028",
    "\ud7ff",
    "\U0001f600",
    "<script>",
    "[[figure:",
    "{{",
    # for the drawing (media/marina.svg)
    ' width="1.2.3" height="4" ',
    ' width="' + "9" * 400 + '" height="4" ',
    ' viewBox="0 0 nan 1e999" ',
    ' onload="alert(1)" ',
    ' href="https://evil.example/x.svg" ',
    '<!DOCTYPE svg [<!ENTITY a "aaaa">]>',
    "<foreignObject>",
    "&a;",
]
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "swap", "insert", "insert", "insert", "truncate", "indent"]),
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=0, max_value=10**6),
        st.sampled_from(TOKENS) | st.text(max_size=5),
    ),
    min_size=1,
    max_size=5,
)
Mutation = tuple[str, int, int, str]


def mutated(text: str, mutations: list[Mutation]) -> str:
    for kind, first, second, token in mutations:
        lines = text.splitlines(keepends=True) or [""]
        line, other = first % len(lines), second % len(lines)
        if kind == "delete":
            del lines[line]
        elif kind == "duplicate":
            lines.insert(line, lines[line])
        elif kind == "swap":
            lines[line], lines[other] = lines[other], lines[line]
        elif kind == "indent":
            lines[line] = " " * (second % 5) + lines[line]
        text = "".join(lines)
        at = first % (len(text) + 1)
        if kind == "insert":
            text = text[:at] + token + text[at:]
        elif kind == "truncate":
            text = text[:at]
    return text


@fuzz(80)
@given(file=st.sampled_from(EVERY_FILE), mutations=MUTATIONS)
@example(file="events.yml", mutations=[("insert", 0, 0, "")])  # the file as it is
# Found while writing this test, each raised instead of being reported: a date that does not exist (ValueError), a
# value its tag says it is not (ValueError, AttributeError, KeyError, IndexError), a number of 5000 digits
# (ValueError), and lists nested a thousand deep (RecursionError).
@example(file="events.yml", mutations=[("insert", 0, 0, "- {id: x, start: 2027-02-30}\n")])
@example(file="figures.yml", mutations=[("insert", 0, 0, "- {id: x, year: !!timestamp soon}\n")])
@example(file="figures.yml", mutations=[("insert", 0, 0, "- {id: x, value: !!bool maybe}\n")])
@example(file="figures.yml", mutations=[("insert", 0, 0, "- {id: x, value: !!int }\n")])
@example(file="sectors/water.yml", mutations=[("insert", 0, 0, "n: " + "9" * 5000 + "\n")])
@example(file="sectors/water.yml", mutations=[("insert", 0, 0, "[" * 2000)])
@example(file="sectors/water.en.md", mutations=[("insert", 4, 0, "- " * 2000)])
# Found while writing this test: a drawing's width that is not a number (1.2.3), or is endless, raised ValueError or
# OverflowError.
@example(file="media/marina.svg", mutations=[("insert", 4, 0, ' width="1.2.3" height="4" ')])
@example(file="media/marina.svg", mutations=[("insert", 4, 0, ' width="' + "9" * 400 + '" height="4" ')])
def test_mutated_files(content: Path, file: str, mutations: list[Mutation]) -> None:
    checked(content, file, mutated(text_of(file), mutations).encode("utf-8", "surrogatepass"))


# --- 3. arbitrary Markdown bodies ------------------------------------------------------------------------------

SCHEMES = st.sampled_from(
    [
        "javascript",
        "JaVaScRiPt",
        " javascript",
        "java\tscript",
        "&#106;avascript",
        "vbscript",
        "data",
        "file",
        "http",
        "https",
        "mailto",
        "tel",
        "ftp",
        "",
    ]
) | st.from_regex(r"[a-zA-Z][a-zA-Z0-9+.-]{0,8}", fullmatch=True)
LINKS = st.builds(
    lambda text, scheme, rest, image: f"{'!' if image else ''}[{text}]({scheme}:{rest})",
    st.sampled_from(["link", "", "[nested]", "`code`"]) | TEXTS,
    SCHEMES,
    st.sampled_from(["//x.example/", "alert(1)", "text/html;base64,PHNjcmlwdD4=", "a@b.c", "", ")"]) | TEXTS,
    st.booleans(),
)
HTML = st.sampled_from(
    [
        "<b>bold</b>",
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example/"></iframe>',
        "<style>body{display:none}</style>",
        '<svg onload="alert(1)">',
        "<!-- comment",
        "<div",
        "</div></div>",
        '<span lang="fr">mot</span>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<form action=https://evil.example/><input></form>",
        "&lt;&#0;&#x110000;&bogus;",
    ]
)
BLOCKS = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text + "\n", st.integers(min_value=1, max_value=8), TEXTS),
    st.builds(
        lambda cells: "| " + " | ".join(cells) + " |\n|" + "---|" * len(cells) + "\n",
        st.lists(TEXTS, min_size=1, max_size=4),
    ),
    LINKS,
    HTML,
    TEXTS,
    st.sampled_from(
        [
            "\n\n",
            "---\n",
            "---\ntitle: again\n---\n",
            "```\ncode <script>\n```\n",
            "```",
            "> quote\n",
            "- item\n  - nested\n",
            "1. one\n",
            "[[figure:residents]]",
            "[[figure:nope]]",
            "[[figure:]]",
            "[^1]\n\n[^1]: note\n",
            "[ref]: javascript:alert(1)\n[x][ref]\n",
            "*" * 500,
            "word " * 3000,
            "x" * 20000,
            "\t\tindented\n",
        ]
    ),
)
MARKDOWN = st.lists(BLOCKS, max_size=10).map("".join)
HEADER = '---\ntitle: "Water technologies"\nsummary: "Pumps, filters and the people who make them."\n---\n'


@fuzz(40)
@given(body=MARKDOWN)
@example(body="[x](javascript:alert(1))<script>alert(1)</script>")
# Found while writing this test: texts of thousands of unclosed tags, of lines opening a reference [label or of
# "<a:" took from 10 s to minutes (the HTML parser and two patterns rescanned the rest of the text from each one).
@example(body="<a " * 8000)
@example(body="[a\n" * 40000 + ":")
@example(body="<a:" * 20000)
def test_any_markdown_body(content: Path, body: str) -> None:
    checked(content, "sectors/water.en.md", (HEADER + body).encode("utf-8", "surrogatepass"))


# --- 4. random bytes --------------------------------------------------------------------------------------------

BAD_BYTES = st.sampled_from([b"\xff", b"\xfe\xff", b"\xc3", b"\xe9", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00"])


@fuzz(50)
@given(
    file=st.sampled_from(EVERY_FILE),
    data=st.binary(max_size=300) | st.tuples(st.integers(min_value=0, max_value=10**6), BAD_BYTES),
)
@example(file="sectors/water.yml", data=b"\x00")
@example(file="sectors/water.en.md", data=(40, b"\xe9"))
def test_random_bytes(content: Path, file: str, data: bytes | tuple[int, bytes]) -> None:
    """Bytes that are not text, or a real file with a byte of another encoding inserted somewhere."""
    if isinstance(data, tuple):
        original = (MINIMAL_CONTENT / file).read_bytes()
        at = data[0] % (len(original) + 1)
        data = original[:at] + data[1] + original[at:]
    problems = checked(content, file, data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert any(p.file == file and p.line is not None for p in problems), problems


# --- a YAML bomb --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["sectors/water.yml", "figures.yml", "sectors/water.en.md"])
def test_a_yaml_bomb_is_refused_at_once(content: Path, file: str) -> None:
    """Billion laughs: ten lines of anchors and aliases that a reader expanding them turns into 10⁹ entries."""
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{b}: &{b} [{','.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    text = f"---\n{bomb}---\nText.\n" if file.endswith(".md") else bomb
    started = time.perf_counter()
    problems = checked(content, file, text.encode("utf-8"))
    assert time.perf_counter() - started < 5
    assert any(p.file == file and p.line is not None and "anchor or alias" in p.message for p in problems), problems
