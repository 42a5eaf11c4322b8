"""A new language is a content change: its declaration, its interface texts, its pages. Nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from support.project import Run, soup


def test_adding_a_language_needs_no_other_change(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    territory = minimal_content / "territory.yml"
    territory.write_text(
        territory.read_text().replace(
            '  - {code: de, name: "Deutsch", direction: ltr}\n',
            '  - {code: de, name: "Deutsch", direction: ltr}\n  - {code: it, name: "Italiano", direction: ltr}\n',
        )
    )
    (minimal_content / "strings" / "it.yml").write_text(
        'nav: {home: "Home", sectors: "Settori", projects: "Progetti", contact: "Contatti"}\n'
        'notices: {untranslated_title: "Pagina non tradotta", '
        'untranslated: "Questa pagina non è ancora disponibile in italiano: è mostrata in {language}.", '
        'original: "Leggi l\'originale"}\n'
    )
    (minimal_content / "sectors" / "water.it.md").write_text(
        '---\ntitle: "Tecnologie dell\'acqua"\nsummary: "Pompe, filtri e chi li produce."\n---\n\n'
        "Lakeshore costruisce pompe dall'epoca dei mulini.\n"
    )
    out = tmp_path / "site"
    run = vitrine("build", "--content", minimal_content, "--out", out)
    assert run.code == 0, run.output
    assert "Italiano (it)" in run.stdout

    sector = soup(out / "it" / "sectors" / "water" / "index.html")
    assert sector.html is not None and sector.html["lang"] == "it"
    assert sector.h1 is not None and sector.h1.get_text(strip=True) == "Tecnologie dell'acqua"
    assert sector.select_one(".vitrine-notice:not(.vitrine-notice--stale)") is None  # translated, not fallen back
    untranslated = soup(out / "it" / "projects" / "marina" / "index.html")
    notice = untranslated.select_one(".vitrine-notice")
    assert notice is not None and "non è ancora disponibile in italiano" in notice.get_text()
    switcher = {str(a["hreflang"]) for a in sector.select(".vitrine-footer__languages a")}
    assert switcher == {"en", "de", "it"}
    assert (out / "it" / "404.html").is_file()
    assert (out / "it" / "search" / "search_index.json").is_file()
