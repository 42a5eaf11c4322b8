"""Structured data (JSON-LD, schema.org) for a page, in its language: what search engines read besides the text.

- every page but the home: its breadcrumbs;
- the home and the contact page: the organisation, with a contact point per destination desk and per sector;
- the events page: each upcoming event, with its place, dates and languages;
- a project's or a site's page: its place, with its coordinates;
- the stories page: each success story, as an article about the company, based on its public source.

Only schema.org types and properties that exist are used; a test checks every block against the vocabulary.
Internal fields never appear: only what the page itself shows.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

# The View and its item views are typed as Any here: view/core.py calls this module, and imports run one way.
View = Any

CONTEXT = "https://schema.org"
Block = dict[str, Any]

# The listing page above each kind of item page, for its breadcrumbs.
PARENT_PAGES = {"sector": "sectors", "project": "projects", "site": "sites"}


def structured_data(view: View, kind: str | None, item_id: str | None, title: str) -> list[Block]:
    """The JSON-LD blocks of a page of ``kind`` (its item ``item_id``, if any), whose title is ``title``."""
    blocks: list[Block] = []
    if kind and kind != "home":
        blocks.append(breadcrumbs(view, kind, item_id, title))
    if kind in ("home", "contact"):
        blocks.append(organisation(view))
    if kind == "events":
        blocks += [event(view, shown) for shown in view.upcoming_events()]
    if kind == "project" and item_id:
        blocks.append(place(view, view.project(item_id)))
    if kind == "site" and item_id:
        blocks.append(place(view, view.site(item_id)))
    if kind == "stories":
        blocks += [story(view, shown) for shown in view.stories()]
    return [{"@context": CONTEXT, **block} for block in blocks]


def _absolute(view: View, address: str) -> str:
    return urljoin(str(view.site_url), address)


def breadcrumbs(view: View, kind: str, item_id: str | None, title: str) -> Block:
    trail = [(view.territory.name, view.url("home"))]
    parent = PARENT_PAGES.get(kind)
    if parent and item_id and view.has_page(parent):
        trail.append((view.t(f"pages.{parent}.title"), view.url(parent)))
    trail.append((title, view.url(kind, item_id) if item_id else view.url(kind)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": _absolute(view, address)}
            for position, (name, address) in enumerate(trail, 1)
        ],
    }


def contact_point(view: View, contact: Any, about: str, area: list[str] | None = None) -> Block:
    point: Block = {
        "@type": "ContactPoint",
        "contactType": about,
        "name": contact.name,
        "email": contact.email,
        "availableLanguage": [language.code for language in view.model.languages],
    }
    if contact.phone:
        point["telephone"] = contact.phone
    if area:
        point["areaServed"] = area
    return point


def organisation(view: View) -> Block:
    points = [contact_point(view, view.main_contact, view.t("labels.main_contact"))]
    for destination in view.destinations():
        points += [
            contact_point(view, contact, destination.name, destination.country_names)
            for contact in destination.contacts
        ]
    for sector in view.sectors():
        points += [contact_point(view, contact, sector.title) for contact in sector.contacts]
    unique = list({(p["contactType"], p["email"]): p for p in points}.values())
    block: Block = {
        "@type": "Organization",
        "name": view.publisher,
        "url": view.site_url,
        "description": view.territory.description,
        "contactPoint": unique,
    }
    return block


def _postal_address(city: str, country: str | None = None) -> Block:
    address: Block = {"@type": "PostalAddress", "addressLocality": city}
    if country:
        address["addressCountry"] = country
    return address


def event(view: View, shown: Any) -> Block:
    block: Block = {
        "@type": "Event",
        "name": shown.name,
        "description": shown.description,
        "startDate": shown.start.isoformat(),
        "endDate": shown.end.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": shown.city,
            "address": _postal_address(shown.city, shown.item.data.country),
        },
        "inLanguage": list(shown.item.data.languages),
        "url": shown.website or _absolute(view, view.url("events")),
    }
    return block


def place(view: View, shown: Any) -> Block:
    data = shown.item.data
    return {
        "@type": "Place",
        "name": shown.title,
        "description": shown.summary,
        "url": _absolute(view, shown.url),
        "address": _postal_address(shown.city),
        "geo": {"@type": "GeoCoordinates", "latitude": data.place.lat, "longitude": data.place.lon},
    }


def story(view: View, shown: Any) -> Block:
    company: Block = {"@type": "Organization", "name": shown.company}
    if shown.website:
        company["url"] = shown.website
    block: Block = {
        "@type": "Article",
        "headline": shown.title,
        "articleBody": shown.text,
        "inLanguage": shown.text_language,
        "about": company,
        "isBasedOn": shown.source.url,
        "url": _absolute(view, view.url("stories")),
    }
    if shown.city:
        block["contentLocation"] = {"@type": "Place", "name": shown.city}
    return block
