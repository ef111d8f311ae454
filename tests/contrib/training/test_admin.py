"""Organisers: staff manage courses and sessions; host editors mark attendance."""

import csv
import io

import pytest
from django.urls import reverse

from plugins.contrib.training import services
from plugins.contrib.training.models import Session

from .conftest import make_session, make_user, role_holder


@pytest.fixture
def hosted(plugin_site, course):
    host = plugin_site.community("מארחת")
    session = make_session(course, host_community=host, capacity=1)
    first = services.register(make_user("first", "first@example.org"), session.pk)
    services.register(make_user("=cmd", "w@example.org"), session.pk)
    return {"host": host, "session": session, "first": first}


@pytest.mark.django_db
def test_staff_open_the_course_and_session_screens(admin_client, session):
    for name in ("course", "session"):
        for view in ("list", "add"):
            url = reverse(f"wagtailsnippets_training_{name}:{view}")
            assert admin_client.get(url).status_code == 200, url
    edit = reverse("wagtailsnippets_training_session:edit", args=[session.pk])
    assert admin_client.get(edit).status_code == 200


@pytest.mark.django_db
def test_session_form_refuses_past_dates_and_negative_capacity(admin_client, course):
    url = reverse("wagtailsnippets_training_session:add")
    data = {
        "course": course.pk,
        "starts_at": "2020-01-01 10:00",
        "ends_at": "2020-01-01 12:00",
        "time_zone": "Asia/Jerusalem",
        "capacity": -4,
        "price": "0",
        "currency": "ILS",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the errors
    html = response.content.decode()
    assert "לא יכול להתחיל בעבר" in html or "cannot start in the past" in html
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_host_editor_marks_attendance_and_exports_csv(client, hosted):
    editor = role_holder(hosted["host"], "editor", "editor")
    client.force_login(editor)
    session = hosted["session"]
    assert client.get(reverse("training_admin:sessions")).status_code == 200
    url = reverse("training_admin:attendance", args=[session.pk])
    assert "first@example.org" in client.get(url).content.decode()
    response = client.post(url, {f"attended-{hosted['first'].pk}": "yes"})
    assert response.status_code == 302
    hosted["first"].refresh_from_db()
    assert hosted["first"].attended is True
    exported = client.get(reverse("training_admin:csv", args=[session.pk]))
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[1][1] == "first@example.org"
    assert rows[2][0] == "'=cmd"  # no formula injection


@pytest.mark.django_db
def test_other_communities_editors_and_members_are_refused(plugin_site, client, hosted):
    elsewhere = plugin_site.community("אחרת")
    url = reverse("training_admin:attendance", args=[hosted["session"].pk])
    client.force_login(role_holder(elsewhere, "other-editor", "editor"))
    assert client.get(url).status_code in (302, 403)
    assert client.get(
        reverse("training_admin:csv", args=[hosted["session"].pk])
    ).status_code in (302, 403)
    client.force_login(role_holder(hosted["host"], "plain", "member"))
    assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_staff_see_every_session(admin_client, hosted):
    html = admin_client.get(reverse("training_admin:sessions")).content.decode()
    assert "1 / 1" in html
