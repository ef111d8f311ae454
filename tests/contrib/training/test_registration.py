"""Register, waitlist, cancel, promotion, deadline; emails in the member's language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from plugins.contrib.training import services
from plugins.contrib.training.models import Registration, Session
from plugins.contrib.training.tasks import send_reminders

from .conftest import make_course, make_session, make_user


def statuses(session):
    rows = Registration.objects.filter(session=session).order_by("pk")
    return [(r.user.username, r.status) for r in rows.select_related("user")]


@pytest.fixture(autouse=True)
def _english():
    """Messages in English (the code's language) for readable assertions."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_seats_then_waitlist_in_order(session):
    users = [make_user(name) for name in ("a", "b", "c", "d")]
    results = [services.register(u, session.pk).status for u in users]
    assert results == ["registered", "registered", "waitlisted", "waitlisted"]
    session.refresh_from_db()
    assert session.seats_taken == 2
    waiting = Registration.objects.get(user=users[3])
    assert services.waitlist_position(waiting) == 2


@pytest.mark.django_db
def test_confirmation_and_waitlist_emails(session, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(make_user("a"), session.pk, language="en")
        services.register(make_user("b"), session.pk, language="he")
        services.register(make_user("c"), session.pk, language="en")
    subjects = [m.subject for m in mail.outbox]
    assert subjects[0] == "Registration confirmed: Course leading-volunteers"
    assert subjects[1].startswith("ההרשמה אושרה")
    assert subjects[2] == "You are on the waitlist: Course leading-volunteers"
    assert mail.outbox[0].to == ["a@example.org"]


@pytest.mark.django_db
def test_cancellation_promotes_the_first_waiting_member_with_an_email(
    session, django_capture_on_commit_callbacks
):
    a, b, c, d = (make_user(name) for name in "abcd")
    first = services.register(a, session.pk)
    for user in (b, c, d):
        services.register(user, session.pk, language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(a, first.pk)
    assert statuses(session) == [
        ("a", "cancelled"),
        ("b", "registered"),
        ("c", "registered"),
        ("d", "waitlisted"),
    ]
    promoted = Registration.objects.get(user=c)
    assert promoted.promoted_at is not None
    assert {m.subject for m in mail.outbox} >= {
        "A seat is yours: Course leading-volunteers"
    }
    assert [m.to for m in mail.outbox if m.subject.startswith("A seat")] == [
        ["c@example.org"]
    ]
    session.refresh_from_db()
    assert session.seats_taken == 2


@pytest.mark.django_db
def test_cancelling_a_waitlisted_place_frees_no_seat(session):
    users = [make_user(name) for name in "abc"]
    rows = [services.register(u, session.pk) for u in users]
    services.cancel(users[2], rows[2].pk)
    session.refresh_from_db()
    assert session.seats_taken == 2
    assert statuses(session)[2] == ("c", "cancelled")


@pytest.mark.django_db
def test_more_capacity_promotes_waiting_members(
    session, django_capture_on_commit_callbacks
):
    for name in "abcd":
        services.register(make_user(name), session.pk)
    session.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        session.save()
    assert [s for _, s in statuses(session)].count("registered") == 3
    session.refresh_from_db()
    assert session.seats_taken == 3


@pytest.mark.django_db
def test_registering_twice_is_a_conflict(session):
    user = make_user("a")
    services.register(user, session.pk)
    with pytest.raises(services.Conflict, match="already registered"):
        services.register(user, session.pk)
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_deadline_is_enforced(course):
    now = timezone.now()
    session = make_session(
        course, registration_deadline=now + datetime.timedelta(hours=1)
    )
    Session.objects.filter(pk=session.pk).update(
        registration_deadline=now - datetime.timedelta(minutes=1)
    )
    with pytest.raises(services.Conflict, match="has closed"):
        services.register(make_user("late"), session.pk)
    assert not Registration.objects.exists()
    session.refresh_from_db()
    assert session.seats_taken == 0


@pytest.mark.django_db
def test_unknown_draft_and_past_sessions(course):
    user = make_user("a")
    with pytest.raises(services.NotFound, match="no session 999999"):
        services.register(user, 999999)
    draft = make_session(make_course("draft", status="draft"))
    with pytest.raises(services.NotFound):
        services.register(user, draft.pk)
    past = make_session(course)
    start = timezone.now() - datetime.timedelta(days=1)
    Session.objects.filter(pk=past.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    with pytest.raises(services.Conflict):
        services.register(user, past.pk)


@pytest.mark.django_db
def test_anonymous_cannot_register(session):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.NotSignedIn):
        services.register(AnonymousUser(), session.pk)


@pytest.mark.django_db
def test_members_cancel_only_their_own_registrations(session):
    owner, other = make_user("owner"), make_user("other")
    row = services.register(owner, session.pk)
    with pytest.raises(services.NotFound):
        services.cancel(other, row.pk)
    services.cancel(owner, row.pk)
    with pytest.raises(services.Conflict, match="already cancelled"):
        services.cancel(owner, row.pk)


@pytest.mark.django_db
def test_reminder_the_day_before_once(course):
    soon = make_session(course, days=0.5)
    later = make_session(course, days=3)
    services.register(make_user("a"), soon.pk, language="en")
    services.register(make_user("b"), later.pk)
    mail.outbox.clear()
    assert send_reminders() == 1
    assert (
        mail.outbox[0].subject == "Reminder: Course leading-volunteers starts tomorrow"
    )
    assert send_reminders() == 0  # never twice
    two_days = (timezone.now() + datetime.timedelta(days=2, hours=12)).isoformat()
    assert send_reminders(two_days) == 1


@pytest.mark.django_db
def test_email_language_falls_back_to_the_profile_then_hebrew(
    session, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    english = make_user("en")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(english, session.pk)
        services.register(make_user("he"), session.pk)
    assert mail.outbox[0].subject.startswith("Registration confirmed")
    assert mail.outbox[1].subject.startswith("ההרשמה אושרה")


def test_reminders_are_scheduled_hourly():
    from celery import current_app

    entry = current_app.conf.beat_schedule["training:send-reminders"]
    assert entry["task"] == "training.send_reminders"
