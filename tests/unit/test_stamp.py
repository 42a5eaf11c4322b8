"""Stamping a translation records its source's fingerprints and changes nothing else: comments, key order, quotes,
flow groups and blank lines stay as staff wrote them."""

from __future__ import annotations

import difflib

import pytest

from vitrine.translation.store import with_fingerprints

LIST_FILE = """\
# German texts of the destinations: reviewed by Anna, 2026-11.
japan:
  name: "Japan (Kobe, Tokyo)"   # keep the cities
  text: |
    Eine Hafenstadt wie Marseille.

    Zweiter Absatz.
  missions:
    - Geschäftsreise nach Japan (2016)

# China comes next.
china:
  name: China
  source_hash: 0123456789abcdef
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_a_fingerprint_is_added_after_the_last_line_of_its_item_only() -> None:
    after = with_fingerprints(LIST_FILE, ("japan",), {"source_hash": "aaaaaaaaaaaaaaaa"})
    assert changed_lines(LIST_FILE, after) == ["+   source_hash: aaaaaaaaaaaaaaaa"]
    lines = after.splitlines()
    assert lines[lines.index("  source_hash: aaaaaaaaaaaaaaaa") - 1] == "    - Geschäftsreise nach Japan (2016)"
    assert "# China comes next." in after and '"Japan (Kobe, Tokyo)"   # keep the cities' in after


def test_an_existing_fingerprint_is_replaced_on_its_own_line() -> None:
    after = with_fingerprints(LIST_FILE, ("china",), {"source_hash": "bbbbbbbbbbbbbbbb"})
    assert changed_lines(LIST_FILE, after) == ["-   source_hash: 0123456789abcdef", "+   source_hash: bbbbbbbbbbbbbbbb"]


def test_stamping_twice_changes_nothing_more() -> None:
    once = with_fingerprints(LIST_FILE, ("japan",), {"source_hash": "aaaaaaaaaaaaaaaa"})
    assert with_fingerprints(once, ("japan",), {"source_hash": "aaaaaaaaaaaaaaaa"}) == once


def test_a_header_block_gets_both_fingerprints_and_an_empty_one_is_left_out() -> None:
    header = 'title: "Santé"  # the sector\nsummary: >\n  Deux lignes\n  de résumé.\n'
    after = with_fingerprints(header, (), {"source_hash": "c" * 16, "source_paragraphs": ["p1", "p2"]})
    assert after == header + f"source_hash: {'c' * 16}\nsource_paragraphs: [p1, p2]\n"
    again = with_fingerprints(after, (), {"source_hash": "d" * 16, "source_paragraphs": []})
    assert again == header + f"source_hash: {'d' * 16}\n"


def test_a_group_between_braces_keeps_its_line() -> None:
    text = 'residents: {label: "Einwohner"}  # short\nother: {label: x}\n'
    after = with_fingerprints(text, ("residents",), {"source_hash": "e" * 16})
    assert after == f'residents: {{label: "Einwohner", source_hash: {"e" * 16}}}  # short\nother: {{label: x}}\n'
    assert with_fingerprints(after, ("residents",), {"source_hash": "f" * 16}).count("source_hash") == 1


def test_a_group_between_braces_over_several_lines_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="one field per line"):
        with_fingerprints('residents: {label: "E",\n  note: x}\n', ("residents",), {"source_hash": "a" * 16})
