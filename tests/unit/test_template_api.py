"""The View is the templates' documented interface: every example written beside a function of it runs here, in
a Jinja environment like the site's, on the minimal territory of tests/fixtures/minimal."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from jinja2 import Environment, StrictUndefined

from support.project import MINIMAL_CONTENT
from vitrine.model import Model
from vitrine.pipeline import prepare
from vitrine.view import View
from vitrine.view.api import Example, examples_of

DOCUMENTED = [View]
EXAMPLES = [
    (f"{owner.__name__}.{name}", example)
    for owner in DOCUMENTED
    for name, found in examples_of(owner).items()
    for example in found
]


@cache
def model() -> Model:
    return prepare(MINIMAL_CONTENT)


def test_the_template_api_is_documented() -> None:
    documented = {name.split(".", 1)[1] for name, _ in EXAMPLES}
    assert {"t", "number", "date", "url", "figure", "cite_figures", "language_attributes", "file_size"} <= documented
    public = {name for name in vars(View) if not name.startswith("_")}
    undocumented = {name for name in public if not (getattr(View, name).__doc__ or "").strip()}
    assert undocumented <= {"text", "body"}, undocumented


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_each_example_gives_what_it_says(name: str, example: Example) -> None:
    environment = Environment(undefined=StrictUndefined, autoescape=False)
    view = View(model(), example.language, today=dt.date(2026, 1, 1))
    assert environment.from_string(example.template).render(v=view) == example.output, name


def test_a_missing_string_is_shown_as_its_key_and_noted() -> None:
    view = View(model(), "de")
    assert view.t("labels.nothing_like_this") == "labels.nothing_like_this"
    assert view.missing_strings == {"labels.nothing_like_this"}
