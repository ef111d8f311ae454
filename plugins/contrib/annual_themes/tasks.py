"""Roll-over: the theme whose period contains today becomes the active one."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from celery import shared_task
from celery.schedules import crontab
from django.utils import timezone

from plugins.api import PeriodicTask, plugin_settings

from .apps import LABEL


def today_in_network() -> datetime.date:
    """Today's date where the network lives (``time_zone`` setting)."""
    zone = ZoneInfo(plugin_settings(LABEL).get("time_zone", "Asia/Jerusalem"))
    return timezone.localdate(timezone=zone)


@shared_task(name="annual_themes.roll_over")
def roll_over(today: str | None = None) -> int | None:
    """Activate the theme whose period contains ``today`` (ISO date; default:
    today in the network's time zone) and archive an expired active theme.
    Returns the active year, or ``None``. Idempotent: run it daily."""
    from .models import Theme

    day = datetime.date.fromisoformat(today) if today else today_in_network()
    current = (
        Theme.objects.filter(start_date__lte=day, end_date__gte=day)
        .order_by("-start_date")
        .first()
    )
    if current is not None:
        if not current.is_active:
            current.activate()
        return current.year
    for expired in Theme.objects.active():
        if not expired.contains(day):
            expired.deactivate()
    active = Theme.objects.active().first()
    return active.year if active else None


# Daily at 00:05 UTC, already the new day in Israel (UTC+2/+3).
periodic_tasks = [
    PeriodicTask(
        "roll-over", "annual_themes.roll_over", schedule=crontab(minute=5, hour=0)
    ),
]
