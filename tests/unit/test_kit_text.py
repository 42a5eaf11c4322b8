"""Texts cut for slides: the first sentence of an argument ends where the sentence ends, in every script."""

from __future__ import annotations

import pytest

from vitrine.kit.render import first_sentence


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Das erste Konsulat. Das am 12. Februar 2025 eröffnete.", "Das erste Konsulat."),
        ("Im 29. und 30. Stock des Turms. Weiter.", "Im 29. und 30. Stock des Turms."),
        (
            "The port handled 70.5 million tonnes in 2024. Its basins serve.",
            "The port handled 70.5 million tonnes in 2024.",
        ),
        ("日本の港。次の文。", "日本の港。"),
        ("مرحبا بكم. هذه جملة.", "مرحبا بكم."),
    ],
)
def test_the_first_sentence_of_an_argument_is_cut_where_the_sentence_ends(text: str, first: str) -> None:
    assert first_sentence(text) == first
