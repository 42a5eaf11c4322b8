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


def test_a_language_the_theme_does_not_ship_builds_with_its_own_words(
    vitrine: Callable[..., Run], minimal_content: Path, tmp_path: Path
) -> None:
    """European Portuguese: the theme has pt (and pt-BR) only; Irish: the theme has no words at all."""
    territory = minimal_content / "territory.yml"
    territory.write_text(
        territory.read_text().replace(
            '  - {code: de, name: "Deutsch", direction: ltr}\n',
            '  - {code: de, name: "Deutsch", direction: ltr}\n  - {code: pt-PT, name: "Português"}\n'
            '  - {code: ga, name: "Gaeilge"}\n',
        )
    )
    (minimal_content / "strings" / "pt-PT.yml").write_text(
        'nav: {home: "Início", sectors: "Setores"}\ntheme:\n  search.placeholder: "Pesquisar no sítio"\n'
    )
    (minimal_content / "strings" / "ga.yml").write_text(
        'nav: {home: "Baile"}\ntheme:\n  search.placeholder: "Cuardaigh"\n'
    )
    (minimal_content / "sectors" / "water.pt-PT.md").write_text(
        '---\ntitle: "Tecnologias da água"\nsummary: "Bombas e filtros."\n---\n\nO texto.\n'
    )
    check = vitrine("check", "--content", minimal_content)
    assert check.code == 0, check.output
    out = tmp_path / "site"
    run = vitrine("build", "--content", minimal_content, "--out", out, "--without-kit")
    assert run.code == 0, run.output
    assert "Traceback" not in run.output and "This is a bug" not in run.output

    portuguese = soup(out / "pt-PT" / "sectors" / "water" / "index.html")
    assert portuguese.html is not None and portuguese.html["lang"] == "pt-PT"
    assert portuguese.h1 is not None and portuguese.h1.get_text(strip=True) == "Tecnologias da água"
    search = portuguese.select_one("input.md-search__input")
    assert search is not None and search["placeholder"] == "Pesquisar no sítio"  # the content's own word
    skip = portuguese.select_one("a.md-skip")
    assert skip is not None and skip.get_text(strip=True) == "Ir para o conteúdo"  # the theme's nearest, pt
    irish = soup(out / "ga" / "index.html")
    assert irish.html is not None and irish.html["lang"] == "ga"
    irish_search = irish.select_one("input.md-search__input")
    assert irish_search is not None and irish_search["placeholder"] == "Cuardaigh"
    assert (out / "pt-PT" / "search" / "search_index.json").is_file()
