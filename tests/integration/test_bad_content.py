"""Bad content, case by case: each case (tests/support/bad_content.py) is the minimal territory with one defect,
and `vitrine check` must exit 1 without a traceback, name the file and the line, say in plain words what is wrong
and what to write, and not bury it under its consequences. The few cases that look wrong but are right (a byte
order mark, Windows line ends) must pass.

The check runs in this process through Click's test runner (a subprocess per case would cost 0.7 s); three cases
also go through the real command, to show that both paths print the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from support.bad_content import CASES, Case
from support.messages import errors_of, line_of
from support.project import Run
from vitrine.cli import main

# The words of the YAML reader, of pydantic and of Python, which staff must never read.
JARGON = re.compile(
    r"Traceback|unexpected problem|ScannerError|ParserError|ReaderError|mapping values|could not find expected|"
    r"cannot start any token|<block end>|<scalar>|<stream end>|constructor|valid dictionary|instance of|"
    r"errors\.pydantic|Errno|NoneType|KeyError|object at 0x"
)


def check_here(content: Path) -> Run:
    """`vitrine check --content …` run in this process, its error output kept apart (Click 8.2 and later)."""
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    return Run(result.exit_code, result.stdout, result.stderr)


def expected_line(content: Path, case: Case) -> int | None:
    """The case's line: given as a number, or found by a text that is on it once the edit is made."""
    if isinstance(case.line, str) and case.file is not None:
        return line_of(content / case.file, case.line)
    return case.line if isinstance(case.line, int) else None


def by_id(name: str) -> Case:
    return next(case for case in CASES if case.id == name)


def test_the_cases_have_distinct_ids() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_defect_is_named_with_its_file_and_line(minimal_content: Path, case: Case) -> None:
    case.apply(minimal_content)
    run = check_here(minimal_content)
    assert not JARGON.search(run.output), run.output
    if case.passes:
        assert run.code == 0, run.stderr
        assert "The content is valid" in run.stdout
        return
    assert run.code == 1, run.output
    assert run.stderr.count("Error in ") == case.errors, f"not the one error expected:\n{run.stderr}"
    if case.file is None:  # no file to name: the folder itself
        assert all(words in run.stderr for words in case.words), run.stderr
        return
    named = [(line, text) for file, line, text in errors_of(run) if file == case.file]
    if case.line is None:  # a problem of a whole file, or of a file that is missing
        assert f"Error in {case.file}: " in run.stderr, run.stderr
        message = run.stderr.split(f"Error in {case.file}: ", 1)[1]
        assert all(words in message.split("\nError in ")[0] for words in case.words), run.stderr
        return
    assert named, f"no error names {case.file} with a line:\n{run.stderr}"
    line, text = named[0]
    assert line == expected_line(minimal_content, case), run.stderr
    for words in case.words:
        assert words in text, f"{words!r} not in:\n{text}"
    assert "\n    What to do: " in text, "every problem says what to do"


def test_the_corpus_is_large_and_names_lines(summary: Callable[[str], None]) -> None:
    faulty = [case for case in CASES if not case.passes]
    with_line = [case for case in faulty if case.file is not None and case.line is not None]
    summary(
        f"Bad content (test_bad_content.py): {len(faulty)} defects, {len(with_line)} named with file and line; "
        f"{len(CASES) - len(faulty)} right-looking files that must pass"
    )
    assert len(faulty) >= 55
    assert len(with_line) / len(faulty) > 0.9


@pytest.mark.parametrize("name", ["yaml-unclosed-quote", "file-name-misspelt", "svg-that-is-a-web-page"])
def test_the_real_command_says_the_same(vitrine: Callable[..., Run], minimal_content: Path, name: str) -> None:
    by_id(name).apply(minimal_content)
    here, there = check_here(minimal_content), vitrine("check", "--content", minimal_content)
    assert there.code == here.code == 1
    assert errors_of(there) == errors_of(here) != []
    assert there.stderr == here.stderr
    assert "Traceback" not in there.output
