"""Fuzzing the front of the pipeline: Hypothesis writes random YAML values, mangled files, random Markdown and
random bytes into a copy of the minimal territory, and loading, validating and resolving either succeed or report
problems with a file and words for staff; nothing else is ever raised. The examples are few and derandomised, so
that the suite stays fast and every run tries the same ones."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from support.project import MINIMAL_CONTENT
from vitrine.pipeline import check
from vitrine.problems import Severity

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELD_NAMES = [
    "id",
    "order",
    "figures",
    "value",
    "unit",
    "year",
    "source",
    "name",
    "url",
    "title",
    "summary",
    "start",
    "end",
    "sectors",
    "place",
    "lat",
    "lon",
    "status",
    "languages",
    "code",
    "file",
    "email",
    "kit",
]
TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["<script>x</script>", "javascript:alert(1)", "مرحبا", "日本語", "\u202e", "1e400", "- a", ": b"]
)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.floats() | TEXTS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELD_NAMES) | TEXTS, inner, max_size=4)
    ),
    max_leaves=12,
)
DATA_FILES = ["sectors/water.yml", "figures.yml", "territory.yml", "events.yml", "contacts.yml", "media.yml"]
TEXT_FILES = ["sectors/water.en.md", "projects/marina.de.md", "figures.en.yml", "territory.en.yml"]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(MINIMAL_CONTENT, folder)
    return folder


class Replaced:
    """One file of the content replaced for one example, then put back."""

    def __init__(self, content: Path, relative: str) -> None:
        self.path = content / relative
        self.original = self.path.read_bytes()

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *_exc: object) -> None:
        self.path.write_bytes(self.original)


def checked(content: Path) -> None:
    """Loading, validating and resolving end in a model or in problems, each with its file and words."""
    model, problems = check(content)
    for problem in problems:
        assert problem.file, problem
        assert problem.message.strip(), problem
    if any(p.severity is Severity.ERROR for p in problems):
        return
    assert model is not None


def mangled(text: str, cuts: list[tuple[int, str]]) -> str:
    for position, insert in cuts:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at:]
    return text


@FUZZ
@given(file=st.sampled_from(DATA_FILES), value=VALUES)
@example(file="figures.yml", value=[{"id": "residents", "value": float("nan"), "unit": "people", "year": 2024}])
@example(file="sectors/water.yml", value={"order": 10**30})
def test_any_yaml_value_in_a_data_file(content: Path, file: str, value: object) -> None:
    with Replaced(content, file) as path:
        path.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
        checked(content)


@FUZZ
@given(
    file=st.sampled_from(DATA_FILES + TEXT_FILES),
    cuts=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=2000),
            st.sampled_from(
                [
                    "\t",
                    ":",
                    '"',
                    "'",
                    "[",
                    "]",
                    "{",
                    "}",
                    "---\n",
                    "&a ",
                    "*a ",
                    "!!python/object ",
                    "\n",
                    "  ",
                    "- ",
                    "#",
                    "%YAML 1.1\n",
                    "\ufeff",
                    "\r",
                ]
            ),
        ),
        min_size=1,
        max_size=5,
    ),
    drop=st.integers(min_value=0, max_value=40),
)
def test_mangled_files(content: Path, file: str, cuts: list[tuple[int, str]], drop: int) -> None:
    with Replaced(content, file) as path:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines:
            del lines[drop % len(lines)]
        path.write_text(mangled("".join(lines), cuts), encoding="utf-8")
        checked(content)


MARKDOWN = st.lists(
    st.sampled_from(
        [
            "# Title\n",
            "## Part\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "[link](https://x.example/)",
            "[bad](javascript:alert(1))",
            "<b>bold</b>",
            "<img src=x onerror=alert(1)>",
            "[[figure:residents]]",
            "[[figure:nope]]",
            "![image](data:image/png;base64,AAAA)",
            '<span lang="fr">mot</span>',
            "x" * 5000,
            "\n\n",
            "```\ncode\n```\n",
        ]
    )
    | TEXTS,
    max_size=8,
).map("".join)


@FUZZ
@given(body=MARKDOWN)
def test_any_markdown_body(content: Path, body: str) -> None:
    with Replaced(content, "sectors/water.en.md") as path:
        header = '---\ntitle: "Water"\nsummary: "Pumps."\n---\n'
        path.write_text(header + body, encoding="utf-8")
        checked(content)


@FUZZ
@given(file=st.sampled_from(DATA_FILES + TEXT_FILES), data=st.binary(max_size=300))
@example(file="sectors/water.yml", data=b"\x00")  # found by this test: the YAML reader refused it with an exception
def test_random_bytes(content: Path, file: str, data: bytes) -> None:
    with Replaced(content, file) as path:
        path.write_bytes(data)
        checked(content)


def test_a_yaml_bomb_is_refused_at_once(content: Path) -> None:
    """Nested aliases: nine lines that a reader expanding them would turn into a billion entries."""
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{b}: &{b} [{','.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with Replaced(content, "sectors/water.yml") as path:
        path.write_text(bomb, encoding="utf-8")
        started = time.perf_counter()
        _model, problems = check(content)
        assert time.perf_counter() - started < 5
        assert any(p.file == "sectors/water.yml" and "anchor or alias" in p.message for p in problems)
