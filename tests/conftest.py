"""Shared fixtures: a small two-language site built in code, service switches."""

import os

import pytest
from django.conf import settings

from tests.services import require_service
from tests.sitebuilder import SiteBuilder


@pytest.fixture
def postgres():
    vendor = settings.DATABASES["default"]["ENGINE"]
    require_service(
        "PostgreSQL",
        vendor.endswith("postgresql"),
        "needs DATABASE_URL=postgres://... (CI sets it)",
    )


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    available = False
    if url:
        import redis

        try:
            available = bool(redis.Redis.from_url(url, socket_timeout=1).ping())
        except redis.RedisError:
            available = False
    require_service("Redis", available, "needs REDIS_URL pointing at a running Redis")
    return url


@pytest.fixture
def site(db) -> SiteBuilder:
    """Hebrew home + English translation, each with a community index and news."""
    return SiteBuilder.build()


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rolled-back rows must not survive in caches (rate limits, plugin switches)."""
    from django.core.cache import cache

    from plugins import activation

    cache.clear()
    activation.clear()
    yield
    cache.clear()
    activation.clear()


@pytest.fixture(autouse=True)
def _migrated_rows(request):
    """Put back the rows migrations made (root page, locales, collections) when an
    earlier transactional test on this worker flushed them: Django restores them
    only for the next ``serialized_rollback`` test, not for plain ones."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    )
    if transactional or ("db" not in request.fixturenames and marker is None):
        return
    request.getfixturevalue("db")
    restore_migrated_rows()


def restore_migrated_rows() -> None:
    """Reload the rows migrations made if a transactional test flushed them (for
    module-scoped fixtures too, which run before any function-level fixture)."""
    from django.db import connection
    from wagtail.models import Page

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents and not Page.objects.filter(depth=1).exists():
        connection.creation.deserialize_db_from_string(contents)


def run_seed_demo(**options) -> str:
    """``manage.py seed_demo`` as a test runs it; returns what it printed."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    # Test settings run with DEBUG off, where the command refuses without the flag.
    call_command("seed_demo", allow_production_demo=True, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo network, seeded once per test module in a transaction rolled back
    at the module's end; the value is what ``seed_demo`` printed."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        restore_migrated_rows()  # a transactional test may have flushed them
        yield run_seed_demo()
        transaction.set_rollback(True)
    cache.clear()  # site root paths and banners of the rolled-back pages
