"""The fairs as iCalendar files (RFC 5545), per language, for readers to add to their own calendar: one file of every
upcoming event (events/calendar.ics) and one per event (events/mipim-2027.ics), beside the events page.

Each event is an all-day VEVENT: the content gives days, not hours, and a time zone would be a guess. What it says
comes from the View of the language, with the site's fallbacks: the event's name, its description, the city and the
country in that language, the stand, the events page, and the main contact (name and e-mail, the public fields
only). Nothing depends on the clock but which events are still to come: the UID is the event's identifier at the
site's host, and DTSTAMP its first day, so that two builds of the same content on the same day write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar
from icalendar import Event as VEvent

from vitrine.urls import absolute
from vitrine.view import EventView, View


def flowing(text: str) -> str:
    """A text of the content on one line: YAML block texts keep their line breaks, which the site's pages ignore
    and a calendar or a feed reader would show."""
    return " ".join(text.split())


def exclusive_end(last_day: dt.date) -> dt.date:
    """DTEND of an all-day event: the day after its last day (RFC 5545 counts the end out)."""
    return last_day + dt.timedelta(days=1)


def site_host(site_url: str) -> str:
    """The host of the site's address, which makes identifiers unique beyond the site."""
    return urlsplit(site_url).hostname or "localhost"


def event_uid(event_id: str, site_url: str) -> str:
    """A stable identifier for the event in every calendar file of every language: mipim-2027@example.org."""
    return f"{event_id}@{site_host(site_url)}"


def content_stamp(day: dt.date) -> dt.datetime:
    """DTSTAMP from a day of the content (midnight UTC), never from the clock: the same bytes at every build."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def location(view: View, event: EventView) -> str:
    """The city and the country, both as the view's language writes them: "Cannes, Frankreich"."""
    return view.t("labels.separator").join([event.city, view.country(event.country)])


def description(view: View, event: EventView) -> str:
    """The event's description in the view's language (or its fallback), then the stand and who to contact."""
    contact = view.main_contact
    lines = [flowing(event.description), ""]
    if event.stand:
        lines.append(f"{view.t('kit.stand')} {event.stand}")
    lines.append(f"{view.t('calendar.contact')} {contact.name}, {contact.email}")
    return "\n".join(lines)


def vevent(view: View, event: EventView) -> VEvent:
    site_url = view.site_url
    contact = view.main_contact
    entry = VEvent()
    entry.add("uid", event_uid(event.id, site_url))
    entry.add("dtstamp", content_stamp(event.start))
    data = event.item.data
    if data.opens is not None and data.closes is not None and data.timezone is not None:
        # Known hours: from the first day's opening to the last day's closing, in the event's own time zone.
        zone = zoneinfo.ZoneInfo(data.timezone)
        entry.add("dtstart", dt.datetime.combine(event.start, data.opens, tzinfo=zone))
        entry.add("dtend", dt.datetime.combine(event.end, data.closes, tzinfo=zone))
    else:  # whole days: the end is the day after the last one (RFC 5545)
        entry.add("dtstart", event.start)
        entry.add("dtend", exclusive_end(event.end))
    entry.add("summary", event.name)
    # The description may have fallen back to another language: it says which.
    entry.add("description", description(view, event), parameters={"LANGUAGE": event.text_language})
    entry.add("location", location(view, event), parameters={"LANGUAGE": view.code})
    entry.add("url", absolute(site_url, view.url("events")))
    entry.add("contact", f"{contact.name}, {contact.email}", parameters={"ALTREP": f"mailto:{contact.email}"})
    return entry


def calendar(view: View, events: Sequence[EventView], name: str) -> bytes:
    """A calendar of ``events`` in the view's language, named ``name`` in calendar applications."""
    found = Calendar()
    found.add("prodid", f"-//Vitrine//{site_host(view.site_url)}//{view.code.upper()}")
    found.add("version", "2.0")
    found.add("calscale", "GREGORIAN")
    found.add("name", name)  # RFC 7986
    found.add("x-wr-calname", name)  # what Apple's and Google's calendars read instead
    for event in events:
        found.add_component(vevent(view, event))
    found.add_missing_timezones()  # a VTIMEZONE for each time zone of an event with hours
    return bytes(found.to_ical())


def write_calendars(site: Path, views: dict[str, View]) -> list[Path]:
    """Every language's calendar of the upcoming events (when there are any: a calendar needs one event) and the
    file of each event, past ones included, so that an address once shared keeps answering."""
    written: list[Path] = []
    for view in views.values():
        files: dict[str, bytes] = {}
        upcoming = view.upcoming_events()
        if upcoming:
            name = view.t("calendar.title", territory=view.territory.name)
            files[view.calendar_url()] = calendar(view, upcoming, name)
        for item in view.model.events:
            event = view.event(item.id)
            files[view.calendar_url(event.id)] = calendar(view, [event], event.name)
        for address, data in files.items():
            target = site / address
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
    return written
