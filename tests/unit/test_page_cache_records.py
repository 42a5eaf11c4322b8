"""The cache of rendered pages, without a build: what a page read decides whether its HTML is taken again, and
what its rendering reported comes back with it."""

from __future__ import annotations

from pathlib import Path

from vitrine.site.page_cache import NotedList, PageCache, Reading, _NotedTexts


def test_texts_note_their_readers_only_while_a_page_renders() -> None:
    texts = _NotedTexts("sector/water", {"fr": "Eau", "en": "Water"})
    kit = NotedList("list/kit", ["deck.pdf"])
    assert texts["fr"] == "Eau"  # no page rendering: nothing noted, nothing fails
    reading = Reading()
    reading.start()
    assert "en" in texts and [*kit] == ["deck.pdf"]
    assert reading.stop() == {"sector/water", "list/kit"}
    reading.start()
    assert texts.get("de") is None
    assert reading.stop() == {"sector/water"}


def test_a_page_is_taken_again_only_with_its_key_and_the_texts_it_read(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    notes = {"missing_strings": ["labels.more"], "missing_map_data": False}
    cache.keep("fr", "sectors/water/", "key-1", {"sector/water": "a"}, "<html>water</html>", notes)
    found = cache.find("fr", "sectors/water/", "key-1", {"sector/water": "a", "sector/port": "b"})
    assert found == ("<html>water</html>", notes)
    assert cache.find("fr", "sectors/water/", "key-2", {"sector/water": "a"}) is None  # something shared changed
    assert cache.find("fr", "sectors/water/", "key-1", {"sector/water": "z"}) is None  # the text it shows changed
    assert cache.find("fr", "sectors/water/", "key-1", {}) is None  # the item is gone
    assert cache.find("ja", "sectors/water/", "key-1", {"sector/water": "a"}) is None  # another language
    assert PageCache(None).find("fr", "sectors/water/", "key-1", {"sector/water": "a"}) is None


def test_html_no_page_names_any_more_is_deleted(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    cache.keep("fr", "a/", "k", {}, "<html>first</html>", {})
    cache.keep("fr", "a/", "k2", {}, "<html>second</html>", {})
    assert len(list((tmp_path / "html").glob("*.html"))) == 2
    assert cache.prune() == 1
    assert cache.find("fr", "a/", "k2", {}) == ("<html>second</html>", {})
    (tmp_path / "html" / next(iter((tmp_path / "html").glob("*.html"))).name).unlink()
    assert cache.find("fr", "a/", "k2", {}) is None  # a record whose HTML is gone: the page is rendered
