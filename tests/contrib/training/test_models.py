"""The database refuses overbooking and bad values; forms say why, clearly."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from plugins.contrib.training.fields import roles_lookup
from plugins.contrib.training.models import Course, Registration, Session

from .conftest import make_course, make_session, make_user


@pytest.mark.django_db
def test_database_refuses_more_seats_than_capacity(session):
    Session.objects.filter(pk=session.pk).update(seats_taken=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)
    session.refresh_from_db()
    assert session.seats_taken == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"capacity": -1},
        {"price": -5},
        {"ends_at": timezone.now()},  # before the start (a week ahead)
        {"registration_deadline": timezone.now() + datetime.timedelta(days=30)},
    ],
)
def test_database_refuses_bad_values(course, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_session(course, **fields)


@pytest.mark.django_db
def test_form_validation_explains_past_dates_and_negative_capacity(course):
    past = timezone.now() - datetime.timedelta(days=1)
    session = Session(
        course=course,
        starts_at=past,
        ends_at=past - datetime.timedelta(hours=1),
        capacity=-3,
        is_online=True,
        time_zone="Mars/Olympus",
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            session.full_clean()
        errors = raised.value.message_dict
    assert "cannot start in the past" in " ".join(errors["starts_at"])
    assert "must end after it starts" in " ".join(errors["ends_at"])
    assert "capacity cannot be negative" in " ".join(errors["capacity"])
    assert "link of an online session" in " ".join(errors["online_url"])
    assert "time_zone" in errors


@pytest.mark.django_db
def test_capacity_below_registered_is_refused_with_a_message(session):
    Session.objects.filter(pk=session.pk).update(seats_taken=2)
    session.refresh_from_db()
    session.capacity = 1
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            session.full_clean()
        assert "below the number of people registered" in str(raised.value)


@pytest.mark.django_db
def test_an_edit_never_overwrites_seats_taken(session):
    stale = Session.objects.get(pk=session.pk)
    Session.objects.filter(pk=session.pk).update(seats_taken=2)
    stale.venue = "אולם חדש"
    stale.save()  # seats_taken is 0 in this stale copy
    session.refresh_from_db()
    assert session.seats_taken == 2 and session.venue == "אולם חדש"


@pytest.mark.django_db
def test_editing_an_old_session_keeps_its_past_start(session):
    past = timezone.now() - datetime.timedelta(days=2)
    Session.objects.filter(pk=session.pk).update(
        starts_at=past, ends_at=past + datetime.timedelta(hours=2), capacity=5
    )
    old = Session.objects.get(pk=session.pk)
    old.venue = "x"
    old.full_clean()  # no "in the past" error: the start did not change


@pytest.mark.django_db
def test_one_open_registration_per_member_and_session(session):
    user = make_user("dana")
    Registration.objects.create(session=session, user=user, status="registered")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=session, user=user, status="waitlisted")
    Registration.objects.filter(user=user).update(status="cancelled")
    Registration.objects.create(session=session, user=user, status="registered")


@pytest.mark.django_db
def test_roles_are_stored_as_a_set_and_filter_by_one_role():
    course = make_course(target_roles=["youth_coordinator", "center_director"])
    make_course("other", target_roles=["volunteer_leader"])
    course.refresh_from_db()
    assert course.target_roles == ["center_director", "youth_coordinator"]
    found = Course.objects.filter(**roles_lookup("target_roles", "center_director"))
    assert list(found) == [course]
    assert not Course.objects.filter(**roles_lookup("target_roles", "director"))


@pytest.mark.django_db
def test_unknown_role_is_a_validation_error():
    course = make_course()
    course.target_roles = ["astronaut"]
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            course.full_clean()
        assert "Unknown role: astronaut" in str(raised.value)


def test_titles_fall_back_to_hebrew():
    course = Course(title_he="עברית", title_en="")
    assert course.title_for("en") == "עברית"
    course.title_en = "English"
    assert course.title_for("en") == "English"
    assert course.title_for("he") == "עברית"
