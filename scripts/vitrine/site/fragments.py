"""Our own pieces of markup that MkDocs does not render: figure citations inside long texts, and the forwarding
pages of the kit's QR codes. They are templates in ``overrides/vitrine/`` like every page, rendered here with
escaping on, from the same View.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from vitrine.view import FigureView, View

CITATION_TEMPLATE = "vitrine/partials/citation.html"
FORWARDING_TEMPLATE = "vitrine/forwarding.html"


def environment(theme_dir: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(theme_dir),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def citation(env: Environment, view: View) -> Callable[[FigureView], str]:
    """How the site cites a figure in a long text, in ``view``'s language (the ``cite`` macro)."""
    macro: Any = env.get_template(CITATION_TEMPLATE).module.cite  # type: ignore[attr-defined]
    return lambda figure: str(macro(figure, view))


def forwarding_page(env: Environment, view: View, relative: str, absolute: str) -> str:
    return env.get_template(FORWARDING_TEMPLATE).render(v=view, relative=relative, absolute=absolute)
