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
