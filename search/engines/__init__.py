"""Engine selection: Elasticsearch when ``ELASTICSEARCH_URL`` is set, otherwise the
database's own full-text engine (SQLite FTS5 or PostgreSQL)."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import connection

from search.engines.base import EngineError, SearchEngine

__all__ = ["EngineError", "SearchEngine", "get_engine", "reset_engine"]


@functools.cache
def _engine_for(url: str, vendor: str) -> SearchEngine:
    if url:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(
            url, index=getattr(settings, "ELASTICSEARCH_INDEX", "kehilot")
        )
    if vendor == "postgresql":
        from search.engines.database import PostgresEngine

        return PostgresEngine()
    from search.engines.database import SqliteEngine

    return SqliteEngine()


def get_engine() -> SearchEngine:
    """The configured engine (one instance per configuration)."""
    return _engine_for(
        getattr(settings, "ELASTICSEARCH_URL", "") or "", connection.vendor
    )


def reset_engine() -> None:
    """Forget the cached engine (tests that switch settings)."""
    _engine_for.cache_clear()
