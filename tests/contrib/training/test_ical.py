"""iCal feeds per course and for the whole catalog, parsed back with icalendar."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from .conftest import make_course, make_session


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, [c for c in calendar.walk("VEVENT")]


@pytest.mark.django_db
def test_course_feed_round_trips_with_time_zones(catalog, course, client):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=4)
    berlin = make_session(
        course,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        time_zone="Europe/Berlin",
        venue="Gemeindezentrum",
        city="Berlin",
    )
    make_session(course, days=8, is_online=True, online_url="https://meet.example.org/")
    make_session(make_course("other"))
    calendar, found = events(client.get(f"{catalog.url}course/{course.slug}/ical/"))
    assert len(found) == 2
    first = found[0]
    assert str(first["uid"]) == f"training-session-{berlin.pk}@testserver"
    assert str(first["summary"]) == "קורס leading-volunteers"
    start = first.decoded("dtstart")
    assert start == starts and str(start.tzinfo) == "Europe/Berlin"
    assert first["dtstart"].params["TZID"] == "Europe/Berlin"
    assert "Gemeindezentrum" in str(first["location"])
    assert str(first["url"]).endswith(f"/training/course/{course.slug}/")
    assert str(found[1]["location"]) == "https://meet.example.org/"
    assert any(tz["tzid"] == "Europe/Berlin" for tz in calendar.walk("VTIMEZONE"))


@pytest.mark.django_db
def test_catalog_feed_in_english_leaves_out_drafts(catalog, course, client):
    make_session(course)
    make_session(make_course("second"))
    make_session(make_course("draft", status="draft"))
    _, found = events(client.get(f"/en{catalog.url}ical/"))
    assert sorted(str(e["summary"]) for e in found) == [
        "Course leading-volunteers",
        "Course second",
    ]
    assert client.get(f"{catalog.url}course/draft/ical/").status_code == 404
