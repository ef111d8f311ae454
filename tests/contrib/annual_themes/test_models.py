"""Exactly one active theme, enforced by the database; period and colour checks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from plugins.contrib.annual_themes.models import Theme

from .conftest import make_theme


@pytest.mark.django_db
def test_database_refuses_a_second_active_theme():
    make_theme(2025, active=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(2026, active=True)
    assert Theme.objects.active().count() == 1


@pytest.mark.django_db
def test_database_refuses_an_update_that_makes_two_active():
    make_theme(2025, active=True)
    other = make_theme(2026)
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.filter(pk=other.pk).update(is_active=True)


@pytest.mark.django_db
def test_activate_switches_the_single_active_theme():
    old = make_theme(2025, active=True)
    new = make_theme(2026)
    new.activate()
    assert list(Theme.objects.active()) == [new]
    old.refresh_from_db()
    assert not old.is_active


@pytest.mark.django_db
def test_form_validation_reports_the_conflict_and_bad_values():
    make_theme(2025, active=True)
    theme = Theme(
        year=2026,
        title_he="x",
        colour="red",
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 1, 1),
        is_active=True,
    )
    with pytest.raises(ValidationError) as raised, translation.override("en"):
        theme.full_clean()
    text = str(raised.value)
    assert "Another theme is already active" in text
    assert "end date must follow" in text
    assert "colour" in raised.value.message_dict


@pytest.mark.django_db
def test_database_refuses_end_before_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(2026, end_date=datetime.date(2025, 1, 1))


def test_titles_fall_back_to_hebrew():
    theme = Theme(year=2026, title_he="עברית", title_en="")
    assert theme.title_for("en") == "עברית"
    theme.title_en = "English"
    assert theme.title_for("en-gb") == "English"
    assert theme.title_for("he") == "עברית"
