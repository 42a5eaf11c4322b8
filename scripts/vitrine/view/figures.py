"""A key figure as templates show it: formatted for one language, with its label, source and year."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class FigureView:
    id: str
    label: str
    value: str  # formatted for the language: "1 898 561", "1.9 million"
    unit: str
    year: int
    source_name: str
    source_url: str
    source_language: str  # the language the source's name is written in (a French report stays in French)
    note: str | None
    series: list[tuple[int, str]]  # (year, formatted value)
    language: str  # the language of the label (differs from the page's when it fell back)
    lang_attrs: Markup  # lang (and dir) of an element holding the label, when it is in another language
