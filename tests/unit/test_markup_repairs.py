"""Each repair of the theme's markup changes what the HTML standard rejects, and nothing else."""

from __future__ import annotations

import pytest

from vitrine.site.markup import REPAIRS, repair_theme_markup

# (markup the theme writes, what it becomes), one pair per repair, in the order of REPAIRS.
CASES = {
    "autocomplete on checkboxes": (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    "empty tabindex on section labels": (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">',
    ),
    "table of contents title pointing at a missing checkbox": (
        '<nav><label class="md-nav__title" for="__toc">\n<span>Contents</span>\n</label></nav>',
        '<nav><div class="md-nav__title">\n<span>Contents</span>\n</div></nav>',
    ),
    "direction on <body> only": (
        '<html lang="ar" class="no-js"><body dir="rtl">',
        '<html dir="rtl" lang="ar" class="no-js"><body dir="rtl">',
    ),
    "search dialog without a name": (
        '<div class="md-search" data-md-component="search" role="dialog"><form>'
        '<input type="text" class="md-search__input" name="query" aria-label="検索" placeholder="検索">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="検索"><form>'
        '<input type="text" class="md-search__input" name="query" aria-label="検索" placeholder="検索">',
    ),
}


def test_every_repair_has_a_case() -> None:
    assert [repair.why for repair in REPAIRS] == list(CASES)


@pytest.mark.parametrize("why", list(CASES))
def test_each_repair_mends_what_it_names(why: str) -> None:
    repair = next(r for r in REPAIRS if r.why == why)
    broken, mended = CASES[why]
    assert repair.apply(broken) == mended
    assert repair.apply(mended) == mended, "a repair does nothing once the markup is right"


def test_markup_that_needs_no_repair_is_left_as_it_is() -> None:
    page = (
        '<html dir="ltr" lang="en"><body dir="ltr"><input type="text" autocomplete="off">'
        '<input class="md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">T</label>'
        '<label tabindex="0">L</label></body></html>'
    )
    assert repair_theme_markup(page) == page


def test_a_text_input_keeps_its_autocomplete() -> None:
    page = '<input class="md-search__input" type="text" autocomplete="off">'
    assert repair_theme_markup(page) == page
