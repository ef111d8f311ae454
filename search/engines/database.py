"""The database engines: SQLite FTS5 (the ``make run`` default) and PostgreSQL
full-text search, over the same ``SearchEntry`` rows.

Filters, permissions and facets are ORM queries shared by both; only matching
and ranking differ:

* SQLite keeps an FTS5 table ``kehilot_search_fts`` (columns ``title_terms``,
  ``body_terms``, ``expanded_terms``; rowid = entry id) ranked with ``bm25``
  weighted 10 : 4 : 1.
* PostgreSQL keeps a ``tsvector`` column ``vector`` (GIN-indexed) written as a
  literal — title terms weight A, body terms B, expanded terms D — so PostgreSQL's
  parser never re-analyses our terms; queries are ``tsquery`` literals ranked by
  ``ts_rank`` (A 1.0, B 0.4, D 0.1).

Both match a term by its exact form in title/body or its expanded form (Hebrew
prefix-stripped variant, English stem); exact matches score higher.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Exists, F, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils import timezone

from search.analysis import Query, QueryTerm
from search.engines.base import (
    PLAIN_WORD,
    EngineError,
    Hit,
    IndexDocument,
    SearchEngine,
    SearchRequest,
    SearchResponse,
    usable_forms,
)
from search.models import SearchAudience, SearchEntry

FTS_TABLE = "kehilot_search_fts"


class DatabaseEngine(SearchEngine):
    """Shared storage, filtering, faceting and pagination."""

    batch_size = 500

    # --- writing -------------------------------------------------------------
    def index(self, documents: Sequence[IndexDocument]) -> None:
        if not documents:
            return
        latest = {doc.key: doc for doc in documents}
        try:
            with transaction.atomic():
                self._delete_keys(list(latest))
                self._insert(list(latest.values()))
        except DatabaseError as error:
            raise EngineError(f"{self.name}: could not index: {error}") from error

    def delete(self, keys: Sequence[str]) -> None:
        try:
            with transaction.atomic():
                self._delete_keys(list(keys))
        except DatabaseError as error:
            raise EngineError(f"{self.name}: could not delete: {error}") from error

    def rebuild(self, batches: Iterable[Sequence[IndexDocument]]) -> int:
        # One transaction: readers keep seeing the old index until it commits.
        total = 0
        with transaction.atomic():
            self._clear()
            for batch in batches:
                unique = list({doc.key: doc for doc in batch}.values())
                self._delete_keys([doc.key for doc in unique])
                self._insert(unique)
                total += len(unique)
        return total

    def _insert(self, documents: list[IndexDocument]) -> None:
        entries = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    key=doc.key,
                    model_label=doc.model_label,
                    object_id=doc.object_id,
                    plugin=doc.plugin,
                    title=doc.title[:500],
                    body=doc.body,
                    url=doc.url[:500],
                    type=doc.type,
                    community_key=doc.community_key,
                    language=doc.language,
                    date=doc.date,
                    theme_year=doc.theme_year,
                    facets=dict(doc.facets),
                    title_terms=doc.title_terms,
                    body_terms=doc.body_terms,
                    expanded_terms=doc.expanded_terms,
                    indexed_at=timezone.now(),
                )
                for doc in documents
            ]
        )
        if not connection.features.can_return_rows_from_bulk_insert:
            ids = dict(
                SearchEntry.objects.filter(
                    key__in=[d.key for d in documents]
                ).values_list("key", "id")
            )
            for entry in entries:
                entry.id = ids[entry.key]
        SearchAudience.objects.bulk_create(
            [
                SearchAudience(entry_id=entry.id, token=token)
                for entry, doc in zip(entries, documents, strict=True)
                for token in doc.audience
            ]
        )
        self._write_text(
            [(entry.id, doc) for entry, doc in zip(entries, documents, strict=True)]
        )

    def _delete_keys(self, keys: list[str]) -> None:
        for start in range(0, len(keys), self.batch_size):
            ids = list(
                SearchEntry.objects.filter(
                    key__in=keys[start : start + self.batch_size]
                ).values_list("id", flat=True)
            )
            if ids:
                self._delete_text(ids)
                SearchAudience.objects.filter(entry_id__in=ids).delete()
                SearchEntry.objects.filter(id__in=ids).delete()

    def _clear(self) -> None:
        self._clear_text()
        SearchAudience.objects.all().delete()
        SearchEntry.objects.all().delete()

    # --- reading -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        rows = SearchEntry.objects.values("type").annotate(n=Count("id"))
        return {row["type"]: row["n"] for row in rows}

    def keys_for(self, model_label: str) -> set[str]:
        return set(
            SearchEntry.objects.filter(model_label=model_label).values_list(
                "key", flat=True
            )
        )

    def search(self, request: SearchRequest) -> SearchResponse:
        try:
            return self._search(request)
        except DatabaseError as error:
            raise EngineError(f"{self.name}: search failed: {error}") from error

    def _search(self, request: SearchRequest) -> SearchResponse:
        match = self.match_sql(request.query, titles_only=False)
        if match is None:
            return SearchResponse(total=0, hits=[], facets={})
        matched = self.visible(request).filter(id__in=RawSQL(*match))
        total = matched.count()
        if request.sort == "date":
            page = list(
                matched.order_by(F("date").desc(nulls_last=True), "key")[
                    request.offset : request.offset + request.limit
                ]
            )
            hits = [hit_from_entry(entry, 0.0) for entry in page]
        else:
            hits = self.ranked(matched, request.query, request, titles_only=False)
        facets = self.facets(matched) if request.with_facets else {}
        return SearchResponse(total=total, hits=hits, facets=facets)

    def autocomplete(self, request: SearchRequest) -> list[Hit]:
        match = self.match_sql(request.query, titles_only=True)
        if match is None:
            return []
        try:
            matched = self.visible(request).filter(id__in=RawSQL(*match))
            return self.ranked(matched, request.query, request, titles_only=True)
        except DatabaseError as error:
            raise EngineError(f"{self.name}: autocomplete failed: {error}") from error

    def visible(self, request: SearchRequest) -> QuerySet:
        """Entries the reader may see that pass the request's filters."""
        entries = SearchEntry.objects.all()
        if request.audience is not None:
            entries = entries.filter(
                Exists(
                    SearchAudience.objects.filter(
                        entry=OuterRef("pk"), token__in=sorted(request.audience)
                    )
                )
            )
        if request.hidden_plugins:
            entries = entries.exclude(plugin__in=sorted(request.hidden_plugins))
        for plugin, keys in sorted(request.hidden_plugin_communities.items()):
            if keys:
                entries = entries.exclude(plugin=plugin, community_key__in=sorted(keys))
        if request.types:
            entries = entries.filter(type__in=request.types)
        if request.communities:
            entries = entries.filter(community_key__in=request.communities)
        if request.languages:
            entries = entries.filter(language__in=request.languages)
        if request.theme_years:
            entries = entries.filter(theme_year__in=request.theme_years)
        if request.date_from:
            entries = entries.filter(date__gte=_day_start(request.date_from))
        if request.date_to:
            next_day = request.date_to + datetime.timedelta(days=1)
            entries = entries.filter(date__lt=_day_start(next_day))
        return entries

    def facets(self, matched: QuerySet) -> dict[str, dict[str, int]]:
        """Every facet from one grouped pass over the matches (the combinations
        of type, community, language, theme year and year are few), summed here:
        five GROUP BYs would run the match and the permission check five times."""
        columns = ("type", "community_key", "language", "theme_year", "year")
        names = ("type", "community", "language", "theme_year", "year")
        result: dict[str, dict[str, int]] = {name: {} for name in names}
        rows = (
            matched.annotate(year=ExtractYear("date"))
            .values(*columns)
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            for name, column in zip(names, columns, strict=True):
                value = row[column]
                if value in ("", None):
                    continue
                bucket = result[name]
                bucket[str(value)] = bucket.get(str(value), 0) + row["n"]
        return result

    # --- what each vendor does ----------------------------------------------
    def match_sql(self, query: Query, *, titles_only: bool) -> tuple[str, list] | None:
        """``(sql, params)`` selecting the ids of matching entries, or ``None``
        when the query cannot match anything."""
        raise NotImplementedError

    def ranked(
        self,
        matched: QuerySet,
        query: Query,
        request: SearchRequest,
        *,
        titles_only: bool,
    ) -> list[Hit]:
        raise NotImplementedError

    def _write_text(self, rows: list[tuple[int, IndexDocument]]) -> None:
        raise NotImplementedError

    def _delete_text(self, ids: list[int]) -> None:
        raise NotImplementedError

    def _clear_text(self) -> None:
        raise NotImplementedError


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class SqliteEngine(DatabaseEngine):
    """SQLite FTS5."""

    name = "sqlite"
    weights = (10.0, 4.0, 1.0)

    def _term(self, term: QueryTerm, titles_only: bool) -> str:
        exact, expanded = usable_forms(term)
        star = "*" if term.prefix else ""
        columns = "{title_terms}" if titles_only else "{title_terms body_terms}"
        parts = [f'{columns} : "{exact}"{star}'] if exact else []
        if expanded and not titles_only:
            parts.append(f'expanded_terms : "{expanded}"{star}')
        return "(" + " OR ".join(parts) + ")" if parts else ""

    def expression(self, query: Query, *, titles_only: bool) -> str:
        positive = [self._term(t, titles_only) for t in query.must]
        for group in query.any_of:
            options = [self._term(t, titles_only) for t in group]
            options = [o for o in options if o]
            if options:
                positive.append("(" + " OR ".join(options) + ")")
        columns = "{title_terms}" if titles_only else "{title_terms body_terms}"
        for phrase in query.phrases:
            words = [w for w in phrase if PLAIN_WORD.match(w)]
            if words:
                positive.append(f'{columns} : "{" ".join(words)}"')
        positive = [p for p in positive if p]
        if not positive:
            return ""
        expression = " AND ".join(positive)
        negative = [self._term(t, titles_only) for t in query.exclude]
        negative = [n for n in negative if n]
        if negative:
            expression = f"({expression}) NOT ({' OR '.join(negative)})"
        return expression

    def match_sql(self, query: Query, *, titles_only: bool):
        expression = self.expression(query, titles_only=titles_only)
        if not expression:
            return None
        return (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [expression],
        )

    def ranked(self, matched, query, request, *, titles_only):
        expression = self.expression(query, titles_only=titles_only)
        # ``e.id IN``, not ``f.rowid IN``: FTS5 would re-run the MATCH once per id.
        ids_sql, ids_params = matched.values("id").query.sql_with_params()
        w_title, w_body, w_expanded = self.weights
        sql = (
            f"SELECT f.rowid, -bm25({FTS_TABLE}, %s, %s, %s) AS score "
            f"FROM {FTS_TABLE} AS f JOIN {SearchEntry._meta.db_table} AS e "
            f"ON e.id = f.rowid WHERE {FTS_TABLE} MATCH %s AND e.id IN ({ids_sql}) "
            "ORDER BY score DESC, e.date DESC, e.key LIMIT %s OFFSET %s"
        )
        params = [w_title, w_body, w_expanded, expression, *ids_params]
        params += [request.limit, request.offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            scores = dict(cursor.fetchall())
        return _in_order(scores)

    def _write_text(self, rows):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title_terms, body_terms, "
                "expanded_terms) VALUES (%s, %s, %s, %s)",
                [(pk, d.title_terms, d.body_terms, d.expanded_terms) for pk, d in rows],
            )

    def _delete_text(self, ids):
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", ids
            )

    def _clear_text(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")


def _in_order(scores: dict[int, float]) -> list[Hit]:
    """The entries of ``scores`` (id -> score, best first), in that order."""
    entries = SearchEntry.objects.in_bulk(list(scores))
    return [
        hit_from_entry(entries[pk], float(score))
        for pk, score in scores.items()
        if pk in entries
    ]


def hit_from_entry(entry: SearchEntry, score: float) -> Hit:
    return Hit(
        key=entry.key,
        model_label=entry.model_label,
        object_id=entry.object_id,
        title=entry.title,
        body=entry.body,
        url=entry.url,
        type=entry.type,
        community_key=entry.community_key,
        language=entry.language,
        date=entry.date,
        theme_year=entry.theme_year,
        score=score,
    )


def tsvector_literal(doc: IndexDocument) -> str:
    """A ``tsvector`` literal with positions and weights (A title, B body,
    D expanded), so PostgreSQL stores exactly our terms."""
    positions: dict[str, list[str]] = {}
    position = 0
    for terms, weight in (
        (doc.title_terms, "A"),
        (doc.body_terms, "B"),
        (doc.expanded_terms, "D"),
    ):
        for term in terms.split():
            position += 1
            if PLAIN_WORD.match(term) and len(term) < 2047:
                positions.setdefault(term, []).append(f"{min(position, 16383)}{weight}")
    return " ".join(
        f"'{term}':{','.join(places[:256])}" for term, places in positions.items()
    )


class PostgresEngine(DatabaseEngine):
    """PostgreSQL full-text search on a GIN-indexed ``tsvector``."""

    name = "postgresql"

    def _term(self, term: QueryTerm, titles_only: bool) -> str:
        exact, expanded = usable_forms(term)
        star = "*" if term.prefix else ""
        if titles_only:
            return f"'{exact}':{star}A" if exact else ""
        options = [f"'{exact}':{star}ABC"] if exact else []
        if expanded:
            options.append(f"'{expanded}':{star}D")
        return "(" + " | ".join(options) + ")" if options else ""

    def tsquery(self, query: Query, *, titles_only: bool) -> str:
        positive = [self._term(t, titles_only) for t in query.must]
        for group in query.any_of:
            options = [o for o in (self._term(t, titles_only) for t in group) if o]
            if options:
                positive.append("(" + " | ".join(options) + ")")
        weight = "A" if titles_only else "AB"
        for phrase in query.phrases:
            words = [f"'{w}':{weight}" for w in phrase if PLAIN_WORD.match(w)]
            if words:
                positive.append("(" + " <-> ".join(words) + ")")
        positive = [p for p in positive if p]
        if not positive:
            return ""
        negative = [n for n in (self._term(t, titles_only) for t in query.exclude) if n]
        return " & ".join(positive + [f"!{n}" for n in negative])

    def match_sql(self, query: Query, *, titles_only: bool):
        tsquery = self.tsquery(query, titles_only=titles_only)
        if not tsquery:
            return None
        table = SearchEntry._meta.db_table
        return (f"SELECT id FROM {table} WHERE vector @@ %s::tsquery", [tsquery])

    def ranked(self, matched, query, request, *, titles_only):
        tsquery = self.tsquery(query, titles_only=titles_only)
        table = SearchEntry._meta.db_table
        rows = (
            matched.annotate(
                score=RawSQL(f'ts_rank("{table}"."vector", %s::tsquery)', [tsquery])
            )
            .order_by("-score", F("date").desc(nulls_last=True), "key")
            .values_list("id", "score")[request.offset : request.offset + request.limit]
        )
        return _in_order(dict(rows))

    def rebuild(self, batches):
        total = super().rebuild(batches)
        # Fresh rows have no statistics: without them the planner skips the GIN
        # index until autovacuum comes by.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")
            cursor.execute(f"ANALYZE {SearchAudience._meta.db_table}")
        return total

    def _write_text(self, rows):
        table = SearchEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET vector = %s::tsvector WHERE id = %s",
                [(tsvector_literal(doc), pk) for pk, doc in rows],
            )

    def _delete_text(self, ids):
        """The vector lives on the entry row: deleting the row deletes it."""

    def _clear_text(self):
        """The vector lives on the entry row: clearing the rows clears it."""
