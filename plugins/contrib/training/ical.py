"""iCalendar (RFC 5545) feeds of upcoming sessions, built with ``icalendar``.

Times carry their session's time zone (``TZID`` plus a ``VTIMEZONE``), so a
calendar shows a Berlin session at Berlin time wherever the reader is.
"""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from .models import Session, language_of


def _location(session: Session) -> str:
    if session.is_online:
        return session.online_url
    parts = [session.venue, session.address, session.place_city]
    return ", ".join(part for part in parts if part)


def calendar(
    sessions: Iterable[Session],
    *,
    name: str,
    language: str,
    url_for,
    host: str,
) -> bytes:
    """The feed for ``sessions``; ``url_for(course)`` gives a course page URL."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Kehilot//Training catalog//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for session in sessions:
        course = session.course
        event = icalendar.Event()
        event.add("uid", f"training-session-{session.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(session.starts_at, session.zone))
        event.add("dtend", timezone.localtime(session.ends_at, session.zone))
        event.add("summary", course.title_for(language))
        description = course.description_for(language)
        if description:
            event.add("description", description)
        location = _location(session)
        if location:
            event.add("location", location)
        url = url_for(course)
        if url:
            event.add("url", url)
        event.add("language", language_of(language))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
