"""Fixtures for the training plugin tests: courses, sessions, a catalog page."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from plugins.contrib.training.models import CatalogPage, Course, Session
from plugins.testing import plugin_site, publish_page, translate_page  # noqa: F401
from tests.sitebuilder import role_holder  # noqa: F401


def make_course(slug: str = "leading-volunteers", **fields) -> Course:
    """A published course (Hebrew and English titles)."""
    defaults = {
        "title_he": f"קורס {slug}",
        "title_en": f"Course {slug}",
        "description_he": "תיאור הקורס",
        "description_en": "About the course",
        "format": "workshop",
        "language": "he",
        "target_roles": ["volunteer_leader"],
        "status": "published",
    }
    return Course.objects.create(slug=slug, **{**defaults, **fields})


def make_session(course: Course, *, days: float = 7, hours: float = 3, **fields):
    """A session starting in ``days`` days, lasting ``hours`` hours."""
    starts = timezone.now() + datetime.timedelta(days=days)
    defaults = {
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=hours),
        "capacity": 10,
        "venue": "המרכז הקהילתי",
        "city": "חיפה",
        "country": "IL",
        "price": Decimal(0),
    }
    return Session.objects.create(course=course, **{**defaults, **fields})


def make_user(username: str, email: str | None = None) -> User:
    return User.objects.create_user(
        username, email if email is not None else f"{username}@example.org", "pw"
    )


@pytest.fixture
def catalog(plugin_site):  # noqa: F811
    """A live Hebrew catalog page below the home page, with its English translation."""
    page = publish_page(
        plugin_site.home, CatalogPage(title="קטלוג ההכשרות", slug="training")
    )
    translate_page(page, "Training catalog")
    return page


@pytest.fixture
def course(db) -> Course:
    return make_course()


@pytest.fixture
def session(course) -> Session:
    return make_session(course, capacity=2)
