"""The public catalog page: every filter, constant queries, both languages."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.contrib.training import services
from plugins.contrib.training.catalog import CatalogFilters, matching_courses
from plugins.contrib.training.models import Session
from plugins.testing import switch_plugin

from .conftest import make_course, make_session, make_user


def slugs(params: dict) -> list[str]:
    return [c.slug for c in matching_courses(CatalogFilters.from_params(params))]


@pytest.fixture
def varied(plugin_site):
    """Four courses whose sessions differ in every filtered respect."""
    haifa = plugin_site.community("קהילת חיפה", city="חיפה", country="IL")
    lyon = plugin_site.community("קהילת ליון", city="Lyon", country="FR")
    director = make_course(
        "directors", target_roles=["center_director"], format="seminar"
    )
    youth = make_course(
        "youth", target_roles=["youth_coordinator"], format="course", language="en"
    )
    online = make_course("online", format="online", language="fr", target_roles=[])
    make_course("no-sessions", format="mentoring")
    make_session(director, days=5, host_community=haifa, city="", country="")
    full = make_session(youth, days=40, host_community=lyon, city="", country="")
    Session.objects.filter(pk=full.pk).update(capacity=1, seats_taken=1)
    make_session(
        online,
        days=12,
        is_online=True,
        online_url="https://meet.example.org/x",
        city="Paris",
        country="FR",
        price=Decimal("120.00"),
    )
    return {"haifa": haifa, "lyon": lyon}


@pytest.mark.django_db
def test_each_filter(varied):
    everything = ["directors", "no-sessions", "online", "youth"]
    assert sorted(slugs({})) == everything
    assert slugs({"role": "center_director"}) == ["directors"]
    assert slugs({"format": "online"}) == ["online"]
    assert slugs({"language": "en"}) == ["youth"]
    assert slugs({"city": "חיפה"}) == ["directors"]  # the host's city
    assert slugs({"city": "paris"}) == ["online"]  # the session's own city
    assert sorted(slugs({"country": "fr"})) == ["online", "youth"]
    today = timezone.localdate()
    in_days = lambda n: (today + datetime.timedelta(days=n)).isoformat()  # noqa: E731
    assert slugs({"date_from": in_days(10), "date_to": in_days(20)}) == ["online"]
    assert sorted(slugs({"date_from": in_days(10)})) == ["online", "youth"]
    assert slugs({"date_to": in_days(6)}) == ["directors"]
    assert slugs({"community": str(varied["lyon"].pk)}) == ["youth"]
    assert slugs({"price": "paid"}) == ["online"]
    assert sorted(slugs({"price": "free"})) == ["directors", "youth"]
    assert sorted(slugs({"seats": "1"})) == ["directors", "online"]
    assert slugs({"seats": "1", "country": "FR"}) == ["online"]


@pytest.mark.django_db
def test_community_filter_matches_every_language(plugin_site, course):
    community = plugin_site.community("קהילה", english="Community")
    make_session(course, host_community=community)
    english = community.get_translations().get()
    assert slugs({"community": str(english.pk)}) == [course.slug]


@pytest.mark.django_db
def test_bad_filters_are_reported_not_applied(varied, catalog, client):
    chosen = CatalogFilters.from_params(
        {
            "role": "astronaut",
            "date_from": "31/12/2026",
            "price": "cheap",
            "date_to": "2020-01-01",
            "community": "haifa",
        }
    )
    assert set(chosen.errors) == {"role", "date_from", "price", "community"}
    reversed_range = CatalogFilters.from_params(
        {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert "date_to" in reversed_range.errors
    response = client.get(f"/en{catalog.url}", {"date_from": "31/12/2026"})
    assert response.status_code == 200
    assert "Give the date as YYYY-MM-DD." in response.content.decode()


@pytest.mark.django_db
def test_drafts_withdrawn_past_and_switched_off_never_show(plugin_site, course):
    make_session(course)
    make_session(make_course("draft", status="draft"))
    make_session(make_course("gone", status="withdrawn"))
    past = make_session(make_course("past"))
    start = timezone.now() - datetime.timedelta(days=3)
    Session.objects.filter(pk=past.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    hidden = plugin_site.community("כבויה")
    make_session(make_course("hidden"), host_community=hidden)
    switch_plugin("training", False, hidden)
    found = slugs({"date_from": timezone.localdate().isoformat()})
    assert found == [course.slug]


def _page_queries(client, url) -> int:
    client.get(url)  # warm caches (switches, locales, site)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_courses(plugin_site, start: int, count: int):
    community = plugin_site.community(f"קהילה {start}")
    for n in range(start, start + count):
        course = make_course(f"course-{n}")
        make_session(course, host_community=community)
        make_session(course, days=9, is_online=True, online_url="https://x.org/")


@pytest.mark.django_db
def test_catalog_page_queries_are_constant(plugin_site, catalog, client):
    _add_courses(plugin_site, 0, 4)
    at_n = _page_queries(client, catalog.url)
    _add_courses(plugin_site, 4, 4)
    assert _page_queries(client, catalog.url) == at_n
    filtered = f"{catalog.url}?country=IL&seats=1"
    assert _page_queries(client, filtered) == at_n  # filters are subqueries


@pytest.mark.django_db
def test_catalog_page_in_hebrew_and_english(catalog, course, client):
    make_session(course)
    html = client.get(catalog.url).content.decode()
    assert '<html lang="he" dir="rtl">' in html
    assert "קורס leading-volunteers" in html
    assert "קורס אחד" in html
    assert "training/catalog.css" in html
    english = client.get(f"/en{catalog.url}").content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert "Course leading-volunteers" in english
    assert "1 course" in english


@pytest.mark.django_db
def test_course_page_lists_upcoming_sessions(catalog, course, client):
    make_session(course, days=3, venue="אולם א")
    make_session(course, days=10, venue="אולם ב")
    html = client.get(f"{catalog.url}course/{course.slug}/").content.decode()
    assert html.index("אולם א") < html.index("אולם ב")
    assert "תיאור הקורס" in html
    assert client.get(f"{catalog.url}course/nope/").status_code == 404
    draft = make_course("draft", status="draft")
    assert client.get(f"{catalog.url}course/{draft.slug}/").status_code == 404


@pytest.mark.django_db
def test_register_and_cancel_through_the_page_with_csrf(catalog, session):
    from django.test import Client

    user = make_user("dana")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    register_url = f"{catalog.url}sessions/{session.pk}/register/"
    assert browser.post(register_url).status_code == 403  # no CSRF token
    page = browser.get(f"{catalog.url}course/{session.course.slug}/")
    token = page.cookies["csrftoken"].value
    response = browser.post(register_url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    row = user.training_registrations.get()
    assert row.status == "registered"
    mine = browser.get(f"{catalog.url}mine/").content.decode()
    assert "קורס leading-volunteers" in mine
    cancel = f"{catalog.url}registrations/{row.pk}/cancel/"
    browser.post(
        cancel, {"csrfmiddlewaretoken": token, "next": "https://evil.example/"}
    )
    row.refresh_from_db()
    assert row.status == "cancelled"


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(catalog, session, client):
    response = client.post(f"{catalog.url}sessions/{session.pk}/register/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert "login" in client.get(f"{catalog.url}mine/")["Location"]
    assert not session.registrations.exists()


@pytest.mark.django_db
def test_page_is_404_when_switched_off(catalog, client):
    switch_plugin("training", False)
    assert client.get(catalog.url).status_code == 404


@pytest.mark.django_db
def test_history_shows_attendance(catalog, session, client):
    user = make_user("dana")
    row = services.register(user, session.pk)
    row.attended = True
    row.save()
    client.force_login(user)
    html = client.get(f"/en{catalog.url}mine/").content.decode()
    assert "My training" in html and "Registered" in html and ">yes<" in html
