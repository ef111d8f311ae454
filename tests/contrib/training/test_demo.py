"""``seed_demo`` gives the training plugin a catalog, courses, sessions and
registrations, once: a second run adds nothing."""

import pytest
from django.utils import timezone

from plugins.contrib.training.models import (
    CatalogPage,
    Course,
    Registration,
    RegistrationStatus,
    Session,
)
from search.service import SearchParams, run_search
from search.tasks import drain
from tests.conftest import run_seed_demo


def snapshot() -> dict:
    return {
        "catalogs": sorted(
            CatalogPage.objects.values_list("pk", "latest_revision_id", "live")
        ),
        "courses": sorted(Course.objects.values_list("pk", "slug", "status")),
        "sessions": sorted(Session.objects.values_list("pk", "seats_taken")),
        "registrations": sorted(Registration.objects.values_list("pk", "status")),
    }


@pytest.mark.django_db
def test_second_run_adds_nothing(seeded):
    before = snapshot()
    run_seed_demo()
    assert snapshot() == before
    assert len(before["courses"]) == 8
    assert len(before["catalogs"]) == 2  # Hebrew and its English translation


@pytest.mark.django_db
def test_courses_sessions_and_registrations(seeded):
    now = timezone.now()
    courses = Course.objects.published()
    assert courses.count() == 8
    assert all(course.title_en and course.description_en for course in courses)
    sessions = list(Session.objects.select_related("host_community"))
    assert all(session.starts_at > now for session in sessions)
    assert len({session.time_zone for session in sessions}) >= 4
    assert any(session.is_online and session.online_url for session in sessions)
    assert any(not session.registration_open(now) for session in sessions)
    assert any(session.eligible_roles == ["center_director"] for session in sessions)
    hosts = {
        session.host_community.slug for session in sessions if session.host_community
    }
    assert {"haifa", "berlin", "kiryat-shmona"} <= hosts
    for session in sessions:  # seats_taken is exactly the registered rows
        registered = session.registrations.filter(status=RegistrationStatus.REGISTERED)
        assert session.seats_taken == registered.count() <= session.capacity
    (full,) = [
        s for s in sessions if s.registrations.filter(status="waitlisted").exists()
    ]
    assert full.seats_left == 0
    assert Registration.objects.filter(user__username="haifa.director").exists()


@pytest.mark.django_db
def test_catalog_and_course_pages_render(seeded, client):
    html = client.get("/training/").content.decode()
    assert "סמינר מנהיגות למנהלי מרכזים" in html
    assert "קורס מובילי מתנדבים" in html
    html = client.get("/en/training/").content.decode()
    assert "Leadership seminar for center directors" in html
    response = client.get("/training/course/youth-coordinators-workshop/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "סדנת רכזי נוער" in html and "Europe/Berlin" in html


@pytest.mark.django_db
def test_courses_are_found_by_the_project_search(seeded):
    drain()
    found = run_search(None, SearchParams(q="סדנה"), record=False)
    titles = [r.hit.title for r in found.results if r.hit.type == "course"]
    assert any("סדנת רכזי נוער" in title for title in titles)
    found = run_search(None, SearchParams(q="leadership"), record=False)
    assert "course" in {r.hit.type for r in found.results}
