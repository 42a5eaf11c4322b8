"""The template API's own documentation: every function templates call carries examples, and the examples run as
tests (``tests/unit/test_template_api.py``), as Hugo's template functions do.

An example is a snippet of template and the exact text it gives, with ``v`` the View of the minimal territory of
``tests/fixtures/minimal`` in English (or in the language the example names).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])

EXAMPLES_ATTRIBUTE = "__template_examples__"


@dataclass(frozen=True)
class Example:
    template: str  # "{{ v.t('kit.pages', count=3) }}"
    output: str  # "3 pages"
    language: str = "en"


def example(template: str, output: str, language: str = "en") -> Callable[[Function], Function]:
    """Attach an example to a function (or a property's getter) of the template API."""

    def attach(function: Function) -> Function:
        examples: list[Example] = getattr(function, EXAMPLES_ATTRIBUTE, [])
        setattr(function, EXAMPLES_ATTRIBUTE, [Example(template, output, language), *examples])
        return function

    return attach


def examples_of(owner: type) -> dict[str, list[Example]]:
    """Every documented name of a class of the template API, with its examples (in the order written)."""
    found: dict[str, list[Example]] = {}
    for name, member in vars(owner).items():
        function = member.fget if isinstance(member, property) else getattr(member, "func", member)
        listed = getattr(function, EXAMPLES_ATTRIBUTE, None)
        if listed:
            found[name] = list(listed)
    return found
