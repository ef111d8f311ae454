"""``/healthz``: JSON with database, cache, broker and search status.

200 when every configured component answers, 503 otherwise. Components that are not
configured (no broker in ``make run``) report ``"eager"``/``"not configured"`` and
count as healthy, since the site is designed to run without them.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as error:  # noqa: BLE001 - a health check reports, never raises
        detail, ok = f"{type(error).__name__}: {error}"[:200], False
    return {
        "ok": ok,
        "detail": detail,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_cache():
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("cache did not return the value just stored")
    cache.delete(key)
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def check_broker():
    if not settings.CELERY_BROKER_URL:
        return "eager (no broker configured)"
    from cms.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return conn.transport_cls


def check_search():
    """The project search engine answers, and how far the outbox lags."""
    from search.engines import get_engine
    from search.models import OutboxItem

    engine = get_engine()
    documents = sum(engine.counts().values())
    pending = OutboxItem.objects.count()
    return f"{engine.name}: {documents} documents, {pending} waiting in the outbox"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "search": check_search,
}


@never_cache
def healthz(request):
    results = {name: _timed(check) for name, check in CHECKS.items()}
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "checks": results},
        status=200 if healthy else 503,
    )
