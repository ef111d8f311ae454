"""Project search. Until the search issue lands, Wagtail's database backend indexes
pages (``WAGTAILSEARCH_BACKENDS``) and ``/healthz`` reports it; this package will hold
documents, engines (SQLite FTS5, PostgreSQL, Elasticsearch) and the outbox."""
