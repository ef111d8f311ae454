"""What the database engines search, the outbox, and the anonymous query log.

``SearchEntry`` is one document per indexed object (``key`` = ``label:pk``) with
its text already analysed (``search.analysis``) so that SQLite, PostgreSQL and
Elasticsearch see the same terms. Engine-specific structures (SQLite's FTS5
table, PostgreSQL's ``tsvector`` column and GIN index) are added by vendor-aware
migrations and written by the engines, never by the ORM.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    key = models.CharField(max_length=160, unique=True)
    model_label = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    plugin = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    type = models.CharField(max_length=60)
    community_key = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=16, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    theme_year = models.IntegerField(null=True, blank=True)
    facets = models.JSONField(default=dict, blank=True)
    # Analysed text: space-separated terms (search.analysis.index_terms).
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    expanded_terms = models.TextField(blank=True)
    indexed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["model_label", "object_id"]),
            models.Index(fields=["type"]),
            models.Index(fields=["community_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.title}"


class SearchAudience(models.Model):
    """One audience token of an entry (``public``, ``login``, ``user:5``...)."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="audience"
    )
    token = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["token", "entry"], name="search_audience_token_entry"
            )
        ]


class OutboxItem(models.Model):
    """A change waiting to reach the engine: written in the changing transaction
    (so a rollback leaves none), drained by a Celery worker, deleted only after
    the engine accepted it."""

    label = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    attempts = models.PositiveIntegerField(default=0)
    available_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["label", "object_id"])]


class QueryStat(models.Model):
    """How often a normalised query was searched on a day, and how often it found
    nothing. No user, session or address is stored."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_day")
        ]
