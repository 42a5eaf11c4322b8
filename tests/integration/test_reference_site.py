"""The reference content (Aix-Marseille-Provence) built for real, checked as parsed HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from support.project import REFERENCE_CONTENT, soup

LANGUAGES = {"fr": "", "en": "en/"}

pytestmark = pytest.mark.slow  # the reference build: 7 languages, 119 PDFs


def ids_in(folder: str) -> list[str]:
    """The items of a folder that are published (draft and under_review have no page)."""
    return sorted(
        p.stem
        for p in (REFERENCE_CONTENT / folder).glob("*.yml")
        if (yaml.safe_load(p.read_text()) or {}).get("status") not in ("draft", "under_review")
    )


def listed_ids(name: str) -> list[str]:
    return [entry["id"] for entry in yaml.safe_load((REFERENCE_CONTENT / name).read_text())]


def expected_pages() -> list[str]:
    pages = ["", "sectors/", "projects/", "figures/", "why-here/", "international/", "events/", "contact/", "site-map/"]
    pages += [f"sectors/{s}/" for s in ids_in("sectors")]
    pages += [f"projects/{p}/" for p in ids_in("projects")]
    pages += [f"partnerships/{p}/" for p in ids_in("partnerships")]
    pages += [f"{p}/" for p in ids_in("pages")]
    return pages


def page_file(site: Path, language: str, page: str) -> Path:
    return site / LANGUAGES[language] / page / "index.html"


def local_target(site: Path, page_url: str, href: str) -> Path | None:
    """The file a relative link of the page at ``page_url`` (like "en/sectors/health/") points to."""
    target = urlparse(urljoin("http://site.invalid/" + page_url, href))
    if target.netloc != "site.invalid":
        return None
    path = target.path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def test_the_reference_content_has_what_the_issue_lists() -> None:
    assert len(ids_in("sectors")) == 6
    assert {
        "iter",
        "henri-fabre",
        "immunopole",
        "piicto",
        "provence-grand-large",
        "euromediterranee",
        "the-camp",
    } <= {p.stem for p in (REFERENCE_CONTENT / "projects").glob("*.yml")}
    assert {"legal-notice", "personal-data", "accessibility"} <= {
        yaml.safe_load((REFERENCE_CONTENT / "pages" / f"{p}.yml").read_text())["kind"] for p in ids_in("pages")
    }
    tiers = [entry["tier"] for entry in yaml.safe_load((REFERENCE_CONTENT / "destinations.yml").read_text())]
    assert "priority" in tiers and "high-potential" in tiers
    for sector in ids_in("sectors"):
        for language in LANGUAGES:
            body = (REFERENCE_CONTENT / "sectors" / f"{sector}.{language}.md").read_text().split("---", 2)[2]
            paragraphs = [p for p in body.split("\n\n") if len(p.split()) > 30]
            assert len(paragraphs) >= 3, f"{sector}.{language}.md needs several real paragraphs"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_listed_page_exists_in_both_languages(reference_site: Path, language: str) -> None:
    missing = [page for page in expected_pages() if not page_file(reference_site, language, page).is_file()]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_its_translation(reference_site: Path, language: str) -> None:
    other = next(code for code in LANGUAGES if code != language)
    for page in expected_pages():
        url = LANGUAGES[language] + page
        document = soup(page_file(reference_site, language, page))
        assert document.html is not None and document.html["lang"] == language, url
        switch = document.select_one(f'.vitrine-footer__languages a[hreflang="{other}"]')
        assert switch is not None, f"{url} has no link to its {other} version"
        target = local_target(reference_site, url, str(switch["href"]))
        assert target == page_file(reference_site, other, page), f"{url} links to {target}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_internal_links_and_images_resolve(reference_site: Path, language: str) -> None:
    broken = []
    for page in expected_pages():
        url = LANGUAGES[language] + page
        document = soup(page_file(reference_site, language, page))
        for element, attribute in [("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")]:
            for node in document.find_all(element):
                value = node.get(attribute)
                if not value or str(value).startswith(("mailto:", "tel:", "#")):
                    continue
                target = local_target(reference_site, url, str(value).split("#")[0])
                if target is not None and not target.exists():
                    broken.append(f"{url}: {value}")
    assert broken == []


def test_no_request_to_another_host(reference_site: Path) -> None:
    """Fonts, scripts, styles and images all come from the site itself."""
    for html in reference_site.rglob("*.html"):
        document = soup(html)
        for element, attribute in [("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")]:
            for node in document.find_all(element):
                value = str(node.get(attribute) or "")
                if element == "link" and node.get("rel") and set(node["rel"]) & {"alternate", "canonical"}:
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{html}: {element} loads {value}"
    for css in reference_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text()), f"{css} loads a remote resource"


def font_files_of(site: Path, language: str) -> list[Path]:
    css = (site / "assets" / "generated" / f"fonts-{language}.css").read_text()
    return [site / "assets" / "generated" / "fonts" / name for name in re.findall(r"fonts/([\w.-]+\.woff2)", css)]


@pytest.mark.parametrize(
    ("language", "budget"),
    # Full fonts: Noto Sans ~600 KB per weight, Noto Sans Arabic ~200 KB, Noto Sans CJK ~16 MB.
    [("fr", 60_000), ("en", 60_000), ("de", 60_000), ("ar", 90_000), ("ja", 450_000), ("zh", 450_000)],
)
def test_fonts_are_self_hosted_and_subset_per_language(reference_site: Path, language: str, budget: int) -> None:
    files = font_files_of(reference_site, language)
    assert files and all(f.is_file() for f in files)
    assert sum(f.stat().st_size for f in files) < budget
    home = soup(reference_site / LANGUAGES.get(language, f"{language}/") / "index.html")
    font_css = [str(link["href"]) for link in home.find_all("link", rel="stylesheet") if "fonts-" in str(link["href"])]
    # The language's stylesheet, or (Chinese, Japanese) one naming the slices of the page's characters.
    assert len(font_css) == 1 and re.search(rf"assets/generated/fonts-{language}(-[0-9a-f]{{12}})?\.css$", font_css[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_page_shows_source_and_year_of_every_figure(reference_site: Path, language: str) -> None:
    figures = yaml.safe_load((REFERENCE_CONTENT / "figures.yml").read_text())
    table = soup(page_file(reference_site, language, "figures/"))
    for figure in figures:
        row = table.find("tr", id=figure["id"])
        assert row is not None, figure["id"]
        cells = row.find_all("td")
        assert cells[1].get_text(strip=True) == str(figure["year"])
        source = cells[2].find("a")
        assert source is not None and source["href"] == figure["source"]["url"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_card_carries_its_source_and_year(reference_site: Path, language: str) -> None:
    for page in expected_pages():
        for card in soup(page_file(reference_site, language, page)).select(".vitrine-figure"):
            source = card.select_one(".vitrine-figure__source")
            assert source is not None and source.find("a") is not None
            assert re.search(r"\b(19|20)\d\d\b", source.get_text()), source.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_links_to_the_legal_pages_on_every_page(reference_site: Path, language: str) -> None:
    legal = {f"{LANGUAGES[language]}{p}/" for p in ("legal-notice", "personal-data", "accessibility")}
    for page in expected_pages():
        url = LANGUAGES[language] + page
        footer = soup(page_file(reference_site, language, page)).select_one("footer .vitrine-footer__links")
        assert footer is not None
        found = [local_target(reference_site, url, str(a["href"]).split("#")[0]) for a in footer.find_all("a")]
        assert None not in found, found
        targets = {str(target.relative_to(reference_site).parent) + "/" for target in found if target is not None}
        assert legal <= targets, f"{url}: {targets}"


def test_home_page_has_every_band_and_states_accessibility(reference_site: Path) -> None:
    home = soup(reference_site / "index.html")
    assert len(home.select(".vitrine-hero h1")) == 1
    assert len(home.select("#home-figures ~ .vitrine-figures .vitrine-figure")) >= 4
    sector_links = {str(a["href"]) for a in home.select("section[aria-labelledby=home-sectors] h3 a")}
    assert len(sector_links) == 6
    assert home.select("section[aria-labelledby=home-projects] .vitrine-card")
    assert home.select("section[aria-labelledby=home-events] .vitrine-event")
    assert home.select_one(".vitrine-call .vitrine-contact a[href^='mailto:']") is not None
    conformity = home.select_one(".vitrine-conformity")
    assert conformity is not None and re.search(
        r"Accessibilité\s*:\s*(totalement|partiellement|non) conforme", conformity.get_text()
    )


def test_project_under_review_reaches_no_page(reference_site: Path) -> None:
    home = soup(reference_site / "index.html")
    assert not home.select('a[href*="projects/the-camp"]')
    assert not soup(reference_site / "projects" / "index.html").select('a[href*="projects/the-camp"]')
    for sector in ids_in("sectors"):
        assert not soup(reference_site / "sectors" / sector / "index.html").select('a[href*="the-camp"]')
    assert not (reference_site / "projects" / "the-camp").exists()
    assert not (reference_site / "en" / "projects" / "the-camp").exists()


def test_accessibility_statement_follows_the_rgaa_template(reference_site: Path) -> None:
    page = soup(reference_site / "accessibility" / "index.html")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    for expected in (
        "État de conformité",
        "Résultats des tests",
        "Retour d'information et contact",
        "Voies de recours",
    ):
        assert expected in headings
    assert "Défenseur des droits" in page.get_text()


def test_legal_notice_prints_every_fact_of_its_blocks_under_their_headings(reference_site: Path) -> None:
    """LCEN: publisher, director of publication and host, with the facts the content declares (pages/legal-notice)."""
    notice = yaml.safe_load((REFERENCE_CONTENT / "pages" / "legal-notice.yml").read_text())
    page = soup(reference_site / "legal-notice" / "index.html")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    assert headings[:3] == ["Éditeur du site", "Directeur de la publication", "Hébergeur"]
    text = page.get_text()
    assert [block["id"] for block in notice["blocks"]] == ["publisher", "director", "host"]
    for block in notice["blocks"]:
        for fact in block["facts"]:
            assert fact["value"] in text, fact
    phone = page.select_one("article a[href^='tel:']")
    assert phone is not None and phone["href"] == "tel:+33491393434" and phone["dir"] == "ltr"


def test_navigation_is_pruned(reference_site: Path) -> None:
    """With navigation.prune, a page's menu lists the pages of its own section, not those of every section."""
    home = soup(reference_site / "index.html")
    nav_links = {str(a.get("href")) for a in home.select("nav.md-nav--primary a")}
    assert not any("sectors/" in href and href.rstrip("/").split("/")[-1] in ids_in("sectors") for href in nav_links)
    sector = soup(reference_site / "sectors" / ids_in("sectors")[0] / "index.html")
    sector_nav = {str(a.get("href")).rstrip("/").split("/")[-1] for a in sector.select("nav.md-nav--primary a")}
    assert set(ids_in("sectors")) - {ids_in("sectors")[0]} <= sector_nav


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_has_a_single_h1(reference_site: Path, language: str) -> None:
    for page in expected_pages():
        document: BeautifulSoup = soup(page_file(reference_site, language, page))
        assert len(document.select("article h1")) == 1, LANGUAGES[language] + page


def test_events_and_destinations_are_listed(reference_site: Path) -> None:
    events = soup(reference_site / "events" / "index.html").select(".vitrine-event h3")
    assert {e.get_text(strip=True) for e in events} == {
        entry["name"] for entry in yaml.safe_load((REFERENCE_CONTENT / "events.yml").read_text())
    }
    international = soup(reference_site / "en" / "international" / "index.html")
    assert {h["id"] for h in international.select(".vitrine-card h3")} == set(listed_ids("destinations.yml"))
    assert {dt["id"] for dt in international.select(".vitrine-network dt")} == set(listed_ids("network.yml"))


@pytest.mark.parametrize("language", ["ja", "zh", "ar"])
def test_headings_in_other_scripts_get_real_anchors(reference_site: Path, language: str) -> None:
    page = soup(reference_site / language / "sectors" / "health" / "index.html")
    anchors = [str(h["id"]) for h in page.select(".vitrine-story h2[id]")]
    assert anchors, "the sector text has subheadings"
    for anchor in anchors:
        assert not re.fullmatch(r"_\d*", anchor), anchors
        assert any(ord(c) > 0x2E7F or 0x0600 <= ord(c) <= 0x06FF for c in anchor), anchors
