"""Project search: documents declared outside the models, three engines (SQLite
FTS5, PostgreSQL, Elasticsearch), an outbox drained by Celery (docs/search.md).

``with search.suspended():`` records no index changes inside the block (bulk
imports); rebuild or reindex afterwards."""

from __future__ import annotations

from contextlib import AbstractContextManager


def suspended() -> AbstractContextManager[None]:
    """See ``search.indexing.suspended`` (imported here lazily: this package is
    imported before the app registry is ready)."""
    from search.indexing import suspended as _suspended

    return _suspended()
