"""The fairs' iCalendar files and the Atom feeds, function by function, on the minimal territory (English source,
German translation) with a news item added: dates, identifiers, words per language and fallbacks, addresses, the
hosts' content types, and the identifier the calendar of every event keeps for itself."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from functools import cache
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
import pytest
from icalendar import Calendar

from support.project import MINIMAL_CONTENT
from vitrine.model import Model
from vitrine.pipeline import check, prepare
from vitrine.site import calendars, feeds
from vitrine.site.headers import CALENDAR_TYPE, FEED_TYPE, headers_file, nginx_snippet, typed_files
from vitrine.urls import calendar_address, feed_address
from vitrine.view import View

BEFORE_THE_FAIR = dt.date(2026, 1, 1)  # Water Expo 2027 runs from 10 to 12 May 2027
AFTER_THE_FAIR = dt.date(2027, 6, 1)
HOST = "invest.lakeshore.example"

NEWS = """\
- id: marina-opens
  date: 2026-02-01
  links: ["https://marina.lakeshore.example/opening", "https://news.lakeshore.example/marina"]
- id: quiet-news
  date: 2025-06-30
"""
NEWS_EN = """\
marina-opens: {title: "The new marina opens", text: "The marina opened its first\\n  forty berths."}
quiet-news: {title: "A quiet summer", text: "Nothing happened."}
"""
NEWS_DE = 'marina-opens: {title: "Der neue Yachthafen öffnet", text: "Der Yachthafen hat eröffnet."}\n'


def content_with_news(folder: Path) -> Path:
    content = Path(shutil.copytree(MINIMAL_CONTENT, folder / "content"))
    (content / "news.yml").write_text(NEWS, encoding="utf-8")
    (content / "news.en.yml").write_text(NEWS_EN, encoding="utf-8")
    (content / "news.de.yml").write_text(NEWS_DE, encoding="utf-8")
    return content


@cache
def model() -> Model:
    return prepare(MINIMAL_CONTENT)


@pytest.fixture(scope="module")
def news_model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    return prepare(content_with_news(tmp_path_factory.mktemp("news")))


# --- calendars -----------------------------------------------------------------------------------------


def test_an_all_day_event_ends_the_day_after_its_last_day() -> None:
    assert calendars.exclusive_end(dt.date(2027, 5, 12)) == dt.date(2027, 5, 13)
    assert calendars.exclusive_end(dt.date(2027, 12, 31)) == dt.date(2028, 1, 1)


def test_identifiers_and_stamps_come_from_the_content() -> None:
    assert calendars.event_uid("mipim-2027", "https://www.example.org/") == "mipim-2027@www.example.org"
    assert calendars.event_uid("mipim-2027", "https://www.example.org:8443/sub/") == "mipim-2027@www.example.org"
    assert calendars.content_stamp(dt.date(2027, 3, 9)) == dt.datetime(2027, 3, 9, tzinfo=dt.UTC)


def test_texts_of_the_content_flow_on_one_line() -> None:
    assert calendars.flowing("The marina opened\n  its first\tberths.\n") == "The marina opened its first berths."


def test_location_and_description_in_the_view_s_language() -> None:
    german = View(model(), "de", today=BEFORE_THE_FAIR)
    event = german.event("water-expo-2027")
    assert calendars.location(german, event) == "Geneva, Schweiz"
    description = calendars.description(german, event)
    # The description has no German text: it falls back to English, as the site does; the labels are German.
    assert description.startswith("The trade fair of water technologies.")
    assert "Kontakt: Investor desk, desk@lakeshore.example" in description


def test_a_calendar_reads_back_with_every_field() -> None:
    english = View(model(), "en", today=BEFORE_THE_FAIR)
    data = calendars.calendar(english, english.upcoming_events(), "Lakeshore: upcoming fairs")
    assert b"\r\n" in data and data.startswith(b"BEGIN:VCALENDAR")
    parsed = Calendar.from_ical(data)
    assert str(parsed["version"]) == "2.0" and str(parsed["x-wr-calname"]) == "Lakeshore: upcoming fairs"
    [event] = parsed.events
    assert str(event["uid"]) == f"water-expo-2027@{HOST}"
    assert event.decoded("dtstart") == dt.date(2027, 5, 10)
    assert event.decoded("dtend") == dt.date(2027, 5, 13)
    assert event.decoded("dtstamp") == dt.datetime(2027, 5, 10, tzinfo=dt.UTC)
    assert str(event["summary"]) == "Water Expo 2027"
    assert str(event["location"]) == "Geneva, Switzerland"
    assert str(event["url"]) == f"https://{HOST}/events/"
    assert "desk@lakeshore.example" in str(event["contact"])
    assert event["contact"].params["ALTREP"] == "mailto:desk@lakeshore.example"
    assert event["description"].params["LANGUAGE"] == "en"


def test_a_stand_is_said_when_the_content_gives_one(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL_CONTENT, tmp_path / "content"))
    events = content / "events.yml"
    events.write_text(events.read_text(encoding="utf-8") + '  stand: "Hall 2, B14"\n', encoding="utf-8")
    english = View(prepare(content), "en", today=BEFORE_THE_FAIR)
    assert "Stand: Hall 2, B14" in calendars.description(english, english.event("water-expo-2027"))


def test_the_same_content_gives_the_same_bytes() -> None:
    first = View(model(), "de", today=BEFORE_THE_FAIR)
    second = View(prepare(MINIMAL_CONTENT), "de", today=BEFORE_THE_FAIR)
    assert calendars.calendar(first, first.upcoming_events(), "x") == calendars.calendar(
        second, second.upcoming_events(), "x"
    )


def test_written_files_per_language(tmp_path: Path) -> None:
    views = {code: View(model(), code, today=BEFORE_THE_FAIR) for code in ("en", "de")}
    written = {path.relative_to(tmp_path).as_posix() for path in calendars.write_calendars(tmp_path, views)}
    assert written == {
        "events/calendar.ics",
        "events/water-expo-2027.ics",
        "de/events/calendar.ics",
        "de/events/water-expo-2027.ics",
    }
    name = Calendar.from_ical((tmp_path / "de/events/calendar.ics").read_bytes())["name"]
    assert str(name) == "Seeufer: kommende Messen"


def test_after_the_fair_only_its_own_file_is_left(tmp_path: Path) -> None:
    """A calendar needs an event: without any to come, there is no calendar of them; the event's file stays."""
    views = {"en": View(model(), "en", today=AFTER_THE_FAIR)}
    written = {path.relative_to(tmp_path).as_posix() for path in calendars.write_calendars(tmp_path, views)}
    assert written == {"events/water-expo-2027.ics"}


# --- addresses ------------------------------------------------------------------------------------------


def test_addresses_of_calendars_and_feeds() -> None:
    assert calendar_address(model(), "en") == "events/calendar.ics"
    assert calendar_address(model(), "de", "water-expo-2027") == "de/events/water-expo-2027.ics"
    assert feed_address(model(), "en") == "feed.xml"
    assert feed_address(model(), "de") == "de/feed.xml"


def test_no_event_may_take_the_name_of_the_calendar_of_every_event(tmp_path: Path) -> None:
    content = Path(shutil.copytree(MINIMAL_CONTENT, tmp_path / "content"))
    for name in ("events.yml", "events.en.yml"):
        path = content / name
        path.write_text(path.read_text(encoding="utf-8").replace("water-expo-2027", "calendar"), encoding="utf-8")
    _model, problems = check(content)
    [problem] = [p for p in problems if p.field == "id" and p.file == "events.yml"]
    assert problem.line == 1 and "calendar.ics" in problem.message


# --- feeds ----------------------------------------------------------------------------------------------


def test_atom_times_and_stable_ids() -> None:
    assert feeds.atom_time(dt.date(2025, 4, 28)) == "2025-04-28T00:00:00Z"
    one = feeds.entry_id("https://example.org/de/feed.xml", "news/launch")
    assert one == feeds.entry_id("https://example.org/de/feed.xml", "news/launch")
    assert one != feeds.entry_id("https://example.org/feed.xml", "news/launch")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", one)


def test_entries_newest_first_and_ties_by_identifier() -> None:
    def entry(key: str, day: dt.date) -> feeds.FeedEntry:
        return feeds.FeedEntry(key, key, "text", day, (), "en", "en")

    found = feeds.newest_first(
        [entry("b", dt.date(2025, 1, 1)), entry("c", dt.date(2026, 1, 1)), entry("a", dt.date(2025, 1, 1))]
    )
    assert [e.key for e in found] == ["c", "a", "b"]


def test_news_in_the_view_s_language_with_fallback(news_model: Model) -> None:
    german = {entry.key: entry for entry in feeds.news_entries(View(news_model, "de", today=BEFORE_THE_FAIR))}
    marina, quiet = german["news/marina-opens"], german["news/quiet-news"]
    assert (marina.title, marina.title_language) == ("Der neue Yachthafen öffnet", "de")
    assert (quiet.title, quiet.content_language) == ("A quiet summer", "en")  # not translated: English
    assert [(link.rel, link.href) for link in marina.links] == [
        ("alternate", "https://marina.lakeshore.example/opening"),
        ("related", "https://news.lakeshore.example/marina"),
    ]
    # Without links of its own, a news item leads to the home page of the language.
    assert [link.href for link in quiet.links] == [f"https://{HOST}/de/"]
    english = {entry.key: entry for entry in feeds.news_entries(View(news_model, "en"))}
    assert english["news/marina-opens"].content == "The marina opened its first forty berths."


def test_a_feed_parses_with_its_language_and_absolute_links(news_model: Model) -> None:
    german = View(news_model, "de", today=BEFORE_THE_FAIR)
    entries = feeds.newest_first(
        feeds.news_entries(german) + [feeds.event_entry(german, e) for e in german.upcoming_events()]
    )
    data = feeds.atom_feed(german, entries)
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == "de"
    assert parsed.feed.title == "Seeufer: Neuigkeiten und Messen"
    assert parsed.feed.id == f"https://{HOST}/de/feed.xml"
    assert parsed.feed.updated_parsed[:3] == (2027, 5, 10)  # the latest date of the content: the fair
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Water Expo 2027", "Der neue Yachthafen öffnet", "A quiet summer"]
    fair = parsed.entries[0]
    assert fair.summary_detail.value.startswith("10.–12. Mai 2027 · Geneva, Schweiz")
    assert fair.content[0].value == "The trade fair of water technologies."
    assert fair.content[0].language == "en"  # the description fell back to English, and says so
    for entry in parsed.entries:
        assert entry.links and all(link.href.startswith("https://") for link in entry.links)
    assert {link.type for link in fair.links} >= {"text/html", "text/calendar"}


def test_an_empty_feed_is_dated_by_the_content() -> None:
    english = View(model(), "en", today=AFTER_THE_FAIR)
    parsed = feedparser.parse(feeds.atom_feed(english, []))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated_parsed[:3] == (2027, 5, 10)


# --- what hosts send ------------------------------------------------------------------------------------


def test_hosts_send_calendars_and_feeds_with_their_type(tmp_path: Path) -> None:
    (tmp_path / "de" / "events").mkdir(parents=True)
    (tmp_path / "de" / "events" / "calendar.ics").write_text("x", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("x", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("x", encoding="utf-8")
    typed = typed_files(tmp_path)
    assert typed == [("de/events/calendar.ics", CALENDAR_TYPE), ("feed.xml", FEED_TYPE)]
    headers = headers_file({"X-Content-Type-Options": "nosniff"}, [], [], typed)
    assert "/de/events/calendar.ics\n  Content-Type: text/calendar; charset=utf-8\n" in headers
    assert "/feed.xml\n  Content-Type: application/atom+xml; charset=utf-8\n" in headers
    snippet = nginx_snippet({"X-Content-Type-Options": "nosniff"}, [], [])
    for pattern, kind in (("\\.ics$", CALENDAR_TYPE), ("/feed\\.xml$", FEED_TYPE)):
        block = snippet.split(f'location ~ "{pattern}" {{', 1)[1].split("}\n", 1)[0]
        assert f'default_type "{kind}";' in block
        # add_header in a location replaces the server's: the security headers are repeated.
        assert 'add_header X-Content-Type-Options "nosniff" always;' in block
