"""/api/v3/plugins/training/: public catalog, authenticated registration."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from plugins.contrib.training.models import Registration
from plugins.testing import switch_plugin

from .conftest import make_course, make_session, make_user, role_holder

BASE = "/api/v3/plugins/training"


@pytest.mark.django_db
def test_courses_list_with_sessions_in_both_languages(client, catalog, session):
    data = client.get(f"{BASE}/courses/?lang=en").json()
    (course,) = data
    assert course["title"] == "Course leading-volunteers"
    assert course["url"] == "/en/training/course/leading-volunteers/"
    assert course["sessions"][0]["id"] == session.pk
    assert course["sessions"][0]["seats_left"] == 2
    assert course["sessions"][0]["city"] == "חיפה"
    hebrew = client.get(f"{BASE}/courses/", HTTP_ACCEPT_LANGUAGE="he").json()
    assert hebrew[0]["title"] == "קורס leading-volunteers"


@pytest.mark.django_db
def test_filters_and_bad_filters(client, course):
    make_session(course)
    make_session(make_course("paid", format="seminar"), price=50)
    assert [c["slug"] for c in client.get(f"{BASE}/courses/?price=paid").json()] == [
        "paid"
    ]
    assert len(client.get(f"{BASE}/courses/?format=seminar").json()) == 1
    response = client.get(f"{BASE}/courses/?date_from=tomorrow&role=pilot")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "YYYY-MM-DD" in detail and "role" in detail
    assert client.get(f"{BASE}/courses/?limit=0").status_code == 400


def _list_queries(client) -> int:
    client.get(f"{BASE}/courses/")
    with CaptureQueriesContext(connection) as queries:
        data = client.get(f"{BASE}/courses/").json()
    assert data
    return len(queries)


@pytest.mark.django_db
def test_list_queries_are_constant(client, plugin_site, catalog):
    community = plugin_site.community("קהילה")

    def add(start, count):
        for n in range(start, start + count):
            course = make_course(f"c{n}")
            make_session(course, host_community=community)
            make_session(course, days=20)

    add(0, 5)
    at_n = _list_queries(client)
    add(5, 5)
    assert _list_queries(client) == at_n


@pytest.mark.django_db
def test_details_and_clear_404s(client, session):
    course = client.get(f"{BASE}/courses/{session.course.slug}/").json()
    assert course["sessions"][0]["id"] == session.pk
    assert client.get(f"{BASE}/sessions/{session.pk}/").json()["capacity"] == 2
    missing = client.get(f"{BASE}/courses/nope/")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "There is no course 'nope'."}
    assert client.get(f"{BASE}/sessions/999999/").json() == {
        "detail": "There is no session 999999."
    }
    draft = make_session(make_course("draft", status="draft"))
    assert client.get(f"{BASE}/sessions/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_anonymous_registration_is_401(client, session):
    response = client.post(f"{BASE}/sessions/{session.pk}/register/")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert client.get(f"{BASE}/registrations/mine/").status_code == 401
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_session_registration_needs_the_csrf_token(session):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_user("dana"))
    response = browser.post(f"{BASE}/sessions/{session.pk}/register/")
    assert response.status_code == 403
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_register_waitlist_conflict_and_cancel(client, session):
    users = [make_user(name) for name in "abc"]
    answers = []
    for user in users:
        client.force_login(user)
        response = client.post(f"{BASE}/sessions/{session.pk}/register/?lang=en")
        assert response.status_code == 201
        answers.append(response.json())
    assert [a["status"] for a in answers] == ["registered", "registered", "waitlisted"]
    assert answers[2]["waitlist_position"] == 1
    again = client.post(f"{BASE}/sessions/{session.pk}/register/?lang=en")
    assert again.status_code == 409
    assert again.json()["detail"] == "You are already registered for this session."
    client.force_login(users[0])
    cancelled = client.post(f"{BASE}/registrations/{answers[0]['id']}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    client.force_login(users[2])
    mine = client.get(f"{BASE}/registrations/mine/?lang=en").json()
    assert mine[0]["status"] == "registered"
    assert mine[0]["course_title"] == "Course leading-volunteers"
    client.force_login(users[1])  # not hers
    other = client.post(f"{BASE}/registrations/{answers[2]['id']}/cancel/")
    assert other.status_code == 404


@pytest.mark.django_db
def test_unknown_session_and_ineligible_member(client, plugin_site, course):
    client.force_login(make_user("a"))
    unknown = client.post(f"{BASE}/sessions/424242/register/?lang=en")
    assert unknown.status_code == 404
    assert unknown.json() == {"detail": "There is no session 424242."}
    limited = make_session(course, eligible_roles=["center_director"])
    community = plugin_site.community("קהילה")
    client.force_login(role_holder(community, "member"))
    refused = client.post(
        f"{BASE}/sessions/{limited.pk}/register/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert refused.status_code == 403
    assert "Center director" in refused.json()["detail"]


@pytest.mark.django_db
def test_in_the_one_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert f"{BASE}/courses/" in paths
    assert f"{BASE}/sessions/{{session_id}}/register/" in paths


@pytest.mark.django_db
def test_switched_off_network_wide_answers_404(client, session):
    switch_plugin("training", False)
    assert client.get(f"{BASE}/courses/").status_code == 404
