"""The fairs' iCalendar files and the Atom feeds of a real build: the minimal territory (English source, German),
with a fair to come (dated from today, so that the test does not age), a past one, a German text for the first, a
published news item and a draft one. Every calendar and feed is read back with the libraries readers' applications
use; the events pages link to the calendars and every page's head to its language's feed; the draft is nowhere;
a second build writes the same bytes."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser  # type: ignore[import-untyped]
import pytest
from icalendar import Calendar

from support.outputs import published_texts
from support.project import MINIMAL_CONTENT, copy_content, run_vitrine, soup

SITE_URL = "https://invest.lakeshore.example/"
HOST = "invest.lakeshore.example"
LANGUAGES = {"en": "", "de": "de/"}  # the source language at the root
START = dt.date.today() + dt.timedelta(days=40)
END = START + dt.timedelta(days=2)
DRAFT_WORDS = ("secret-plan", "A secret plan", "Ein geheimer Plan")

EVENTS = f"""\
- id: water-expo
  name: "Water Expo"
  city: "Geneva"
  country: CH
  start: {START.isoformat()}
  end: {END.isoformat()}
  sectors: [water]
  languages: [en, de]
  stand: "Hall 2, B14"
  prospects: ["Private Company Ltd"]
  notes: "Staff only: book the stand early."
- id: lake-days-2020
  name: "Lake Days 2020"
  city: "Zurich"
  country: CH
  start: 2020-06-01
  end: 2020-06-03
  opens: "09:30"
  closes: "17:00"
  timezone: Europe/Zurich
  languages: [en]
"""
EVENTS_EN = """\
water-expo: {description: "The trade fair of water technologies."}
lake-days-2020: {description: "A fair of the lake's towns."}
"""
EVENTS_DE = 'water-expo: {description: "Die Fachmesse der Wassertechnologien.", city: "Genf"}\n'
NEWS = """\
- id: marina-opens
  date: 2026-02-01
  links: ["https://marina.lakeshore.example/opening"]
- id: secret-plan
  date: 2026-03-01
  status: draft
"""
NEWS_EN = """\
marina-opens: {title: "The new marina opens", text: "The marina opened its first forty berths."}
secret-plan: {title: "A secret plan", text: "Not yet."}
"""
NEWS_DE = """\
marina-opens: {title: "Der neue Yachthafen öffnet", text: "Der Yachthafen hat vierzig Liegeplätze eröffnet."}
secret-plan: {title: "Ein geheimer Plan", text: "Noch nicht."}
"""


def _content(folder: Path) -> Path:
    content = copy_content(MINIMAL_CONTENT, folder / "content")
    for name, text in {
        "events.yml": EVENTS,
        "events.en.yml": EVENTS_EN,
        "events.de.yml": EVENTS_DE,
        "news.yml": NEWS,
        "news.en.yml": NEWS_EN,
        "news.de.yml": NEWS_DE,
    }.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same content built twice, into two folders."""
    folder = tmp_path_factory.mktemp("calendars")
    content = _content(folder)
    built = []
    for name in ("site", "again"):
        run = run_vitrine("build", "--without-kit", "--content", content, "--out", folder / name)
        assert run.code == 0, run.output
        assert "Warnings: 0" in run.output, run.output
        built.append(folder / name)
    return built[0], built[1]


@pytest.fixture(scope="module")
def site(sites: tuple[Path, Path]) -> Path:
    return sites[0]


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_every_language_has_its_calendars_and_feed(site: Path) -> None:
    for prefix in LANGUAGES.values():
        names = {path.name for path in (site / prefix / "events").glob("*.ics")}
        assert names == {"calendar.ics", "water-expo.ics", "lake-days-2020.ics"}, prefix
        assert (site / prefix / "feed.xml").is_file(), prefix


def test_the_calendar_of_upcoming_fairs_holds_those_to_come(site: Path) -> None:
    for code, prefix in LANGUAGES.items():
        calendar = read_calendar(site / prefix / "events" / "calendar.ics")
        assert [str(event["uid"]) for event in calendar.events] == [f"water-expo@{HOST}"], code
        [event] = calendar.events
        assert event.decoded("dtstart") == START and event.decoded("dtend") == END + dt.timedelta(days=1)
        assert event.decoded("dtstamp") == dt.datetime(START.year, START.month, START.day, tzinfo=dt.UTC)
        assert str(event["summary"]) == "Water Expo"
        assert str(event["url"]) == f"{SITE_URL}{prefix}events/"


def test_each_event_s_words_in_each_language(site: Path) -> None:
    english = read_calendar(site / "events" / "water-expo.ics").events[0]
    german = read_calendar(site / "de" / "events" / "water-expo.ics").events[0]
    assert str(english["description"]).startswith("The trade fair of water technologies.")
    assert str(german["description"]).startswith("Die Fachmesse der Wassertechnologien.")
    assert german["description"].params["LANGUAGE"] == "de"
    assert "Stand: Hall 2, B14" in str(english["description"])
    assert "Kontakt: Investor desk, desk@lakeshore.example" in str(german["description"])
    assert (str(english["location"]), str(german["location"])) == ("Geneva, Switzerland", "Genf, Schweiz")
    assert str(german["uid"]) == str(english["uid"]) == f"water-expo@{HOST}"  # one event, whatever the language
    # The past fair keeps its file, with its text in English, the German page's fallback.
    past = read_calendar(site / "de" / "events" / "lake-days-2020.ics").events[0]
    assert str(past["description"]).startswith("A fair of the lake's towns.")
    assert past["description"].params["LANGUAGE"] == "en"
    # Its hours are known: from the first day's opening to the last day's closing, in its own time zone.
    zurich = zoneinfo.ZoneInfo("Europe/Zurich")
    assert past.decoded("dtstart") == dt.datetime(2020, 6, 1, 9, 30, tzinfo=zurich)
    assert past.decoded("dtend") == dt.datetime(2020, 6, 3, 17, 0, tzinfo=zurich)
    assert past["dtstart"].params["TZID"] == "Europe/Zurich"
    zones = read_calendar(site / "de" / "events" / "lake-days-2020.ics").walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Europe/Zurich"]


def test_fields_for_staff_stay_out_of_calendars_and_feeds(site: Path) -> None:
    files = [*site.rglob("*.ics"), *site.rglob("feed.xml")]
    assert len(files) == 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "Private Company" not in text and "Staff only" not in text, path


def test_each_feed_parses_with_its_language_and_absolute_links(site: Path) -> None:
    for code, prefix in LANGUAGES.items():
        feed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
        assert not feed.bozo, (code, feed.get("bozo_exception"))
        assert feed.version == "atom10" and feed.feed.language == code
        assert feed.feed.id == f"{SITE_URL}{prefix}feed.xml"
        assert [link.href for link in feed.feed.links] == [f"{SITE_URL}{prefix}feed.xml", f"{SITE_URL}{prefix}"]
        # Newest first: the fair to come (by its first day), then the news; the past fair is no announcement.
        assert [entry.title for entry in feed.entries] == [
            "Water Expo",
            {"en": "The new marina opens", "de": "Der neue Yachthafen öffnet"}[code],
        ]
        assert feed.feed.updated_parsed[:3] == START.timetuple()[:3]
        fair, news = feed.entries
        assert fair.links[0].href == f"{SITE_URL}{prefix}events/"
        assert f"{SITE_URL}{prefix}events/water-expo.ics" in [link.href for link in fair.links]
        assert news.link == "https://marina.lakeshore.example/opening"
        assert news.updated_parsed[:3] == (2026, 2, 1)
        for entry in feed.entries:
            assert entry.id.startswith("urn:uuid:")
            assert all(urlparse(link.href).scheme == "https" for link in entry.links)
    english = feedparser.parse((site / "feed.xml").read_bytes())
    german = feedparser.parse((site / "de" / "feed.xml").read_bytes())
    assert english.entries[1].content[0].value == "The marina opened its first forty berths."
    assert {e.id for e in english.entries}.isdisjoint({e.id for e in german.entries})  # one feed, its own ids


def test_the_events_page_links_to_the_calendars(site: Path) -> None:
    for code, prefix in LANGUAGES.items():
        page_url = f"{prefix}events/"
        page = soup(site / page_url / "index.html")
        links = {str(a["href"]): a.get_text(" ", strip=True) for a in page.select('a[type="text/calendar"]')}
        targets = {urljoin(f"http://site.invalid/{page_url}", href): text for href, text in links.items()}
        assert set(targets) == {
            f"http://site.invalid/{prefix}events/calendar.ics",
            f"http://site.invalid/{prefix}events/water-expo.ics",  # the fair to come; not the past one
        }, code
        for target in targets:
            assert (site / urlparse(target).path.lstrip("/")).is_file(), target
        words = {"en": "Add to my calendar", "de": "Zu meinem Kalender hinzufügen"}[code]
        assert targets[f"http://site.invalid/{prefix}events/water-expo.ics"] == f"{words} Water Expo"


def test_every_page_s_head_names_its_language_s_feed(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        address = path.relative_to(site).as_posix()
        if address.startswith("go/"):
            continue  # the kit's forwarding pages: no page of their own
        language = "de" if address.startswith("de/") else "en"
        head = soup(path).head
        assert head is not None, address
        feeds = head.select('link[rel="alternate"][type="application/atom+xml"]')
        assert len(feeds) == 1, address
        target = urlparse(urljoin(f"http://site.invalid/{address}", str(feeds[0]["href"]))).path
        assert target == f"/{LANGUAGES[language]}feed.xml", address
        assert feeds[0].get("title"), address


def test_a_draft_news_item_is_nowhere(site: Path) -> None:
    found = [f"{where}: {words}" for where, text in published_texts(site) for words in DRAFT_WORDS if words in text]
    assert not found, found[:10]


def test_hosts_send_calendars_and_feeds_with_their_type(site: Path) -> None:
    headers = (site / "_headers").read_text(encoding="utf-8")
    assert "/de/events/water-expo.ics\n  Content-Type: text/calendar; charset=utf-8" in headers
    assert "/feed.xml\n  Content-Type: application/atom+xml; charset=utf-8" in headers
    nginx = (site / "_nginx-headers.conf").read_text(encoding="utf-8")
    assert 'default_type "text/calendar; charset=utf-8";' in nginx


def test_two_builds_write_the_same_bytes(sites: tuple[Path, Path]) -> None:
    first, second = sites
    files = sorted(path.relative_to(first) for path in [*first.rglob("*.ics"), *first.rglob("feed.xml")])
    assert len(files) == 8
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
