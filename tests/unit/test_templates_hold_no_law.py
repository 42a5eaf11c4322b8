"""The templates name no authority, law or standard of a country: those words are content (pages/, strings/), so
that a territory under another law needs no change to the templates."""

from __future__ import annotations

import re

from support.project import PROJECT

# Words of French law and of its institutions that the reference content uses.
FRENCH_LAW = re.compile(
    r"Défenseur|defenseurdesdroits|RGAA|LCEN|CNIL|2005-102|2004-575|loi n|publication_director|Libre réponse",
    re.IGNORECASE,
)


def test_no_template_names_a_law_an_authority_or_a_standard() -> None:
    found = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in sorted((PROJECT / "overrides").rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FRENCH_LAW.search(line)
    ]
    assert found == []


def test_the_reference_content_still_names_them() -> None:
    """The check above would find them: the reference content's pages do name French law."""
    pages = "".join(p.read_text(encoding="utf-8") for p in (PROJECT / "content" / "pages").glob("*.fr.md"))
    assert FRENCH_LAW.search(pages)
