"""Cutting a large script font into slices: what goes in which slice, and how pages and stylesheets name them."""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

from vitrine.fonts import LATIN_FAMILY, find_font
from vitrine.site.font_slices import (
    LARGEST_SLICE,
    SPARE_SLICE,
    FontSlice,
    covered_code_points,
    needed_faces,
    needs_shaping,
    page_characters,
    plan_slices,
    replace_faces,
    unicode_range,
    with_preload,
    with_stylesheet,
)
from vitrine.site.font_subsets import subset_slice


def test_unicode_range_joins_consecutive_code_points() -> None:
    assert unicode_range("一丁七万丈") == "U+4E00-4E01,U+4E03,U+4E07-4E08"
    assert unicode_range("") == ""


def test_shared_characters_then_each_pages_own_then_the_spare_ones() -> None:
    home, sector, figures = set("投資港空"), set("投資医療数"), set("投資数字港")
    plan = plan_slices([home, sector, figures], everything=set("投資港空医療数字検索"))
    # On at least half of the pages: the home page's first, then the others.
    assert plan.shared == [sorted("投資港"), sorted("数")]
    # Each page's own: what no shared slice holds, even when another page shows it too.
    assert plan.own == [[sorted("空")], [sorted("医療")], [sorted("字")]]
    # Every character that is not shared, the most used first, for what a page may show besides (search results).
    assert plan.spare == [["医", "字", "療", "空", "検", "索"]]
    assert {c for piece in plan.shared + plan.spare for c in piece} == set("投資港空医療数字検索")


def test_a_page_with_many_characters_gets_several_slices() -> None:
    many = {chr(0x4E00 + n) for n in range(2 * LARGEST_SLICE + 10)}
    plan = plan_slices([set("港"), set("港"), many], everything=many)
    assert [len(piece) for piece in plan.own[2]] == [2 * LARGEST_SLICE, 10]
    assert plan.own[:2] == [[], []]
    assert all(len(piece) <= SPARE_SLICE for piece in plan.spare)


def test_the_browser_takes_the_last_face_that_holds_a_character() -> None:
    spare, shared, own = FontSlice("医療字", "spare"), FontSlice("投資", "shared"), FontSlice("医療", "own")
    assert needed_faces([spare, shared, own], set("投医")) == [shared, own]
    assert needed_faces([spare, shared, own], set("投字")) == [spare, shared]
    assert needed_faces([spare, shared, own], set("abc")) == []


def test_a_page_links_its_own_fonts_stylesheet() -> None:
    page = '<head><link rel="stylesheet" href="../assets/generated/fonts-ja.css"><link rel="stylesheet" href="x.css">'
    assert with_stylesheet(page, "fonts-ja.css", "fonts-ja-0123456789ab.css") == page.replace(
        "fonts-ja.css", "fonts-ja-0123456789ab.css"
    )


def test_page_characters_read_text_and_attributes_not_scripts() -> None:
    html = '<html><body><p>港</p><img alt="空" src="x.png"><script>var a="医"</script><style>b{}</style></body></html>'
    assert page_characters(html) >= {"港", "空"}
    assert "医" not in page_characters(html)


def test_replace_faces_keeps_the_other_families() -> None:
    css = (
        '@font-face{font-family:"Noto Sans CJK JP Vitrine";src:url("fonts/cjk-1.woff2") format("woff2")}\n'
        '@font-face{font-family:"Noto Sans Vitrine";src:url("fonts/latin-1.woff2") format("woff2")}\n'
    )
    replaced, dropped = replace_faces(css, "Noto Sans CJK JP", "/* slices */\n")
    assert dropped == ["cjk-1.woff2"]
    assert (
        replaced
        == '/* slices */\n@font-face{font-family:"Noto Sans Vitrine";src:url("fonts/latin-1.woff2") format("woff2")}\n'
    )


def test_a_slice_is_preloaded_once_beside_the_fonts_stylesheet() -> None:
    page = '<head><link rel="stylesheet" href="../assets/generated/fonts-ja.css"></head>'
    once = with_preload(page, "fonts-ja.css", "cjk-1.woff2")
    assert once == (
        '<head><link rel="preload" as="font" type="font/woff2" href="../assets/generated/fonts/cjk-1.woff2" '
        'crossorigin><link rel="stylesheet" href="../assets/generated/fonts-ja.css"></head>'
    )
    assert with_preload(once, "fonts-ja.css", "cjk-1.woff2") == once
    assert with_preload("<head></head>", "fonts-ja.css", "cjk-1.woff2") == "<head></head>"


def test_only_scripts_that_shape_their_letters_keep_the_fonts_features() -> None:
    assert not needs_shaping("投資エクス、。")
    assert needs_shaping("العربية") and needs_shaping("עברית") and needs_shaping("हिन्दी")


def test_the_fonts_character_map_is_kept_between_builds(tmp_path: Path) -> None:
    source, index = find_font(LATIN_FAMILY, "Regular")
    expected = set(TTFont(source, fontNumber=index, lazy=True).getBestCmap())
    assert covered_code_points(source, index, tmp_path) == expected
    kept = next(tmp_path.glob("cmap-*.json"))
    assert len(json.loads(kept.read_text(encoding="utf-8"))) < len(expected) / 4, "kept as ranges"
    kept.write_text(json.dumps([[0x41, 0x43]]), encoding="utf-8")  # planted: the next build reads the file
    assert covered_code_points(source, index, tmp_path) == {0x41, 0x42, 0x43}
    kept.write_text("[[1,", encoding="utf-8")  # half a file: the font is read again
    assert covered_code_points(source, index, tmp_path) == expected


def test_a_slice_holds_its_characters_the_fonts_names_and_no_features(tmp_path: Path) -> None:
    source, index = find_font("Noto Sans CJK JP", "Regular")
    subset_slice(source, index, "投資港", tmp_path / "slice.woff2")
    cut = TTFont(tmp_path / "slice.woff2")
    assert cut.flavor == "woff2"
    assert set(cut.getBestCmap()) == {ord(c) for c in "投資港"}
    whole = TTFont(source, fontNumber=index, lazy=True)
    assert cut["name"].getDebugName(0) == whole["name"].getDebugName(0), "the copyright goes with each slice"
    assert "GSUB" not in cut or not cut["GSUB"].table.FeatureList.FeatureRecord
