"""Emails to members (Celery tasks, enqueued on commit) and the day-before reminder.

Each email goes out in the recipient's language: the language they registered
in, else their Wagtail profile's preferred language, else the site default.
"""

from __future__ import annotations

import datetime

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from plugins.api import PeriodicTask

SUBJECTS = {
    "registered": _("Registration confirmed: %(title)s"),
    "waitlisted": _("You are on the waitlist: %(title)s"),
    "promoted": _("A seat is yours: %(title)s"),
    "cancelled": _("Registration cancelled: %(title)s"),
    "reminder": _("Reminder: %(title)s starts tomorrow"),
}


def recipient_language(registration) -> str:
    """The language to write to the member in (``he`` or ``en``)."""
    from .models import language_of

    code = registration.language
    if not code:
        from wagtail.users.models import UserProfile

        profile = UserProfile.objects.filter(user=registration.user).first()
        code = (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE
    return language_of(code)


@shared_task(name="training.send_registration_email")
def send_registration_email(registration_id: int, kind: str) -> bool:
    """Email the member about their registration (``kind`` in ``SUBJECTS``)."""
    from .models import Registration
    from .pages import course_url

    registration = (
        Registration.objects.select_related(
            "user", "session__course", "session__host_community"
        )
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or kind not in SUBJECTS or not registration.user.email:
        return False
    language = recipient_language(registration)
    session = registration.session
    with translation.override(language):
        title = session.course.title_for(language)
        context = {
            "kind": kind,
            "registration": registration,
            "session": session,
            "title": title,
            "user": registration.user,
            "url": course_url(session.course, language, full=True),
            "starts": timezone.localtime(session.starts_at, session.zone),
        }
        subject = str(SUBJECTS[kind]) % {"title": title}
        body = render_to_string("training/email/registration.txt", context)
    send_mail(subject, body, None, [registration.user.email])
    return True


@shared_task(name="training.send_reminders")
def send_reminders(now: str | None = None) -> int:
    """Remind registered members of sessions starting within the next 24 hours.

    Each registration is claimed with a conditional update before its email is
    sent, so overlapping runs never remind anyone twice. Returns how many.
    """
    from .models import Registration, RegistrationStatus

    moment = datetime.datetime.fromisoformat(now) if now else timezone.now()
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        session__starts_at__gt=moment,
        session__starts_at__lte=moment + datetime.timedelta(hours=24),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        claimed = Registration.objects.filter(
            pk=pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=moment)
        if claimed and send_registration_email(pk, "reminder"):
            sent += 1
    return sent


# Hourly: everyone is reminded between 24 and 23 hours before their session.
periodic_tasks = [
    PeriodicTask(
        "send-reminders", "training.send_reminders", schedule=crontab(minute=0)
    ),
]
