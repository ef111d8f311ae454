"""Phases on schedule (Celery beat) and the results emails.

``awards.apply_schedules`` moves every unfinished cycle on to the phase its
dates give for today (in the network's time zone); ``awards.notify_results``
emails nominators and nominees, each in their language (default Hebrew).
"""

from __future__ import annotations

import datetime
import logging
from zoneinfo import ZoneInfo

from celery import shared_task
from celery.schedules import crontab
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from plugins.api import PeriodicTask, is_plugin_active, plugin_settings

from .apps import LABEL

logger = logging.getLogger(__name__)


def today_in_network() -> datetime.date:
    """Today's date where the network lives (``time_zone`` setting)."""
    zone = ZoneInfo(plugin_settings(LABEL).get("time_zone", "Asia/Jerusalem"))
    return timezone.localdate(timezone=zone)


@shared_task(name="awards.apply_schedules")
def apply_schedules(today: str | None = None) -> dict[int, int]:
    """Move each unfinished cycle to its scheduled phase (never backwards).
    Returns ``{cycle id: phase}``. Idempotent: run it hourly or daily."""
    from .models import AwardCycle, Phase
    from .services import apply_schedule

    if not is_plugin_active(LABEL):
        return {}
    day = datetime.date.fromisoformat(today) if today else today_in_network()
    phases = {}
    for cycle in AwardCycle.objects.filter(phase__lt=Phase.ANNOUNCED).select_related(
        "program"
    ):
        try:
            phases[cycle.pk] = int(apply_schedule(cycle, day))
        except Exception:  # one cycle's trouble never stops the others
            logger.exception("awards: could not move cycle %s on", cycle.pk)
    return phases


@shared_task(name="awards.notify_results")
def notify_results(cycle_id: int) -> int:
    """Email each nomination's nominator and contact about the results, in the
    language the nomination was made in. Returns the number of emails sent."""
    from .models import AwardCycle
    from .pages import ensure_program_page

    cycle = AwardCycle.objects.select_related("program").get(pk=cycle_id)
    ensure_program_page(cycle.program)
    urls = {
        page.locale.language_code: f"{page.full_url}{cycle.year}/"
        for page in cycle.program.pages.live().select_related("locale")
        if page.full_url
    }
    sent = 0
    nominations = cycle.nominations.select_related("nominator")
    for nomination in nominations:
        recipients = {
            ("nominator", getattr(nomination.nominator, "email", "") or ""),
            ("nominee", nomination.contact_email),
        }
        for role, address in sorted(recipients):
            if address:
                url = urls.get(nomination.language) or urls.get("he", "")
                sent += _send(cycle, nomination, role, address, url)
    return sent


def _send(cycle, nomination, role: str, address: str, url: str) -> int:
    language = nomination.language or "he"
    with translation.override(language):
        context = {
            "cycle": cycle,
            "program_title": cycle.program.title_for(language),
            "nomination": nomination,
            "role": role,
            "url": url,
        }
        subject = render_to_string("awards/email/results_subject.txt", context)
        body = render_to_string("awards/email/results.txt", context)
    return send_mail(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [address]
    )


# Hourly: a phase starts on its date in Israel whatever the server's clock.
periodic_tasks = [
    PeriodicTask(
        "apply-schedules", "awards.apply_schedules", schedule=crontab(minute=7)
    ),
]
