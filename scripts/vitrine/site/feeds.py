"""An Atom feed (RFC 4287) per language, feed.xml in the language's folder: the news of news.yml and the fairs to
come, newest first, each with absolute links, in the language of the View (with the site's fallbacks, marked with
xml:lang where a text fell back).

Dates come from the content, never from the clock: a news item is dated by its day, a fair by its first day (the
content has no date of announcement). Identifiers are derived from the feed's address and the item's identifier, so
that they stay the same from build to build, and two builds of the same content on the same day write the same bytes.
Written with the standard library: no other package is needed for a few elements.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from vitrine.site.calendars import flowing
from vitrine.urls import absolute
from vitrine.view import EventView, View

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "xml:lang"  # the xml prefix is bound in every document: written as it is
HTML = "text/html"
CALENDAR = "text/calendar"
# A feed without any dated content still needs an <updated>: a fixed day rather than the clock.
NO_DATE = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class FeedLink:
    href: str  # absolute
    rel: str = "alternate"
    type: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    key: str  # "news/launch", "event/mipim-2027": what the entry's id is made from
    title: str
    content: str
    updated: dt.date
    links: tuple[FeedLink, ...]
    title_language: str  # the language of the title and of the content, when they fell back to another one
    content_language: str
    summary: str | None = None  # written in the view's language


def atom_time(day: dt.date) -> str:
    """An RFC 3339 time at the start of ``day``, in UTC: 2025-04-28T00:00:00Z."""
    return f"{day.isoformat()}T00:00:00Z"


def entry_id(feed_url: str, key: str) -> str:
    """A stable, unique id: the same feed and item always give the same one, another language another one."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{feed_url}#{key}')}"


def news_entries(view: View) -> list[FeedEntry]:
    """The published news (the View's model is the public one), with their links; without any, the home page."""
    home = absolute(view.site_url, view.url("home"))
    found = []
    for item in view.model.listed("news"):
        shown = view.item("news", item.id)
        urls = [str(link) for link in item.data.links] or [home]
        first = FeedLink(urls[0], type=None if item.data.links else HTML)
        links = (first, *(FeedLink(url, "related") for url in urls[1:]))
        found.append(
            FeedEntry(
                key=f"news/{item.id}",
                title=flowing(shown.title),
                content=flowing(str(shown.texts.text)),
                updated=item.data.date,
                links=links,
                title_language=shown.text_language,
                content_language=shown.text_language,
            )
        )
    return found


def event_entry(view: View, event: EventView) -> FeedEntry:
    """A fair to come: its name; its days, place and stand in the view's language; its description."""
    place = view.t("labels.separator").join([event.city, view.country(event.country)])
    summary = " · ".join([event.dates, place, *([f"{view.t('kit.stand')} {event.stand}"] if event.stand else [])])
    links = [
        FeedLink(absolute(view.site_url, view.url("events")), type=HTML),
        FeedLink(absolute(view.site_url, view.calendar_url(event.id)), "related", CALENDAR),
    ]
    if event.website:
        links.append(FeedLink(event.website, "related"))
    return FeedEntry(
        key=f"event/{event.id}",
        title=event.name,
        content=flowing(event.description),
        updated=event.start,
        links=tuple(links),
        title_language=view.code,  # a name, the same in every language
        content_language=event.text_language,
        summary=summary,
    )


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    """By date, the newest first; on the same day, by identifier, so that the order never depends on the input's."""
    by_key = sorted(entries, key=lambda entry: entry.key)
    return sorted(by_key, key=lambda entry: entry.updated, reverse=True)


def latest_content_date(view: View) -> dt.date:
    """The feed's date when it has no entry: the latest day the content names (a past fair, a news item)."""
    days = [item.data.start for item in view.model.events]
    days += [item.data.date for item in view.model.listed("news")]
    return max(days, default=NO_DATE)


def _text(parent: ET.Element, tag: str, text: str, language: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    if language is not None:
        element.set(XML_LANG, language)
    return element


def _link(parent: ET.Element, link: FeedLink) -> None:
    attributes = {"rel": link.rel, "href": link.href}
    if link.type:
        attributes["type"] = link.type
    ET.SubElement(parent, "link", attributes)


def atom_feed(view: View, entries: list[FeedEntry]) -> bytes:
    """The Atom document of ``entries`` (in the order given) in the view's language."""
    feed_url = absolute(view.site_url, view.feed_url())
    home = absolute(view.site_url, view.url("home"))
    updated = max((entry.updated for entry in entries), default=latest_content_date(view))
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: view.code})
    _text(feed, "id", feed_url)
    _text(feed, "title", view.t("feed.title", territory=view.territory.name))
    _text(feed, "subtitle", str(view.territory.tagline))
    _text(feed, "updated", atom_time(updated))
    _link(feed, FeedLink(feed_url, "self", "application/atom+xml"))
    _link(feed, FeedLink(home, "alternate", HTML))
    author = ET.SubElement(feed, "author")
    _text(author, "name", view.publisher)
    _text(author, "uri", home)
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", entry_id(feed_url, entry.key))
        own = None if entry.title_language == view.code else entry.title_language
        _text(element, "title", entry.title, own, type="text")
        _text(element, "updated", atom_time(entry.updated))
        for link in entry.links:
            _link(element, link)
        if entry.summary:
            _text(element, "summary", entry.summary, type="text")
        own = None if entry.content_language == view.code else entry.content_language
        _text(element, "content", entry.content, own, type="text")
    ET.indent(feed)
    # The Atom namespace is the default one, declared on the root: elements are written with their plain names.
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


def write_feeds(site: Path, views: dict[str, View]) -> list[Path]:
    """Every language's feed of its news and upcoming fairs."""
    written = []
    for view in views.values():
        entries = newest_first(news_entries(view) + [event_entry(view, e) for e in view.upcoming_events()])
        target = site / view.feed_url()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(atom_feed(view, entries))
        written.append(target)
    return written
