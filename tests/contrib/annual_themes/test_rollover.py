"""Roll-over by date: the theme whose period contains today becomes active."""

import pytest
from celery import current_app

from plugins.contrib.annual_themes.models import Theme
from plugins.contrib.annual_themes.tasks import roll_over, today_in_network

from .conftest import make_theme


def active_years():
    return list(Theme.objects.active().values_list("year", flat=True))


@pytest.mark.django_db
def test_next_theme_becomes_active_at_the_turn_of_the_period():
    make_theme(2025, active=True)
    make_theme(2026)
    assert roll_over("2025-12-31") == 2025
    assert active_years() == [2025]
    assert roll_over.delay("2026-01-01").get() == 2026
    assert active_years() == [2026]
    assert [t.year for t in Theme.objects.archived(today_in_network())] == [2025]


@pytest.mark.django_db
def test_expired_theme_moves_to_the_archive_when_no_theme_follows():
    make_theme(2025, active=True)
    assert roll_over("2026-03-01") is None
    assert active_years() == []
    assert roll_over("2026-03-02") is None  # idempotent


@pytest.mark.django_db
def test_roll_over_is_idempotent_and_uses_the_network_date():
    make_theme(today_in_network().year)
    year = roll_over()
    assert year == today_in_network().year
    assert roll_over() == year
    assert active_years() == [year]


def test_roll_over_is_scheduled_daily():
    entry = current_app.conf.beat_schedule["annual_themes:roll-over"]
    assert entry["task"] == "annual_themes.roll_over"
