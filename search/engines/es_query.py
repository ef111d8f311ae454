"""Elasticsearch query bodies and response parsing: pure functions (no client),
unit tested without a server. See ``search.engines.elasticsearch`` for the
matching and ranking rules they implement.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from elasticsearch_dsl import Q, Search
from elasticsearch_dsl.query import Query as DslQuery

from search.analysis import Query, QueryTerm
from search.engines import es_mapping
from search.engines.base import (
    FACETS,
    PLAIN_WORD,
    Hit,
    SearchRequest,
    SearchResponse,
    usable_forms,
)

BOOSTS = {"title_terms": 4.0, "body_terms": 2.0, "expanded_terms": 1.0}
#: Raw-text sub-fields, as ranking signal only.
SIGNAL_FIELDS = ["title.he^1.0", "title.en^1.0", "body.he^0.5", "body.en^0.5"]
SIGNAL_BOOST = 0.2
FUZZY_MIN_LENGTH = 5
FUZZY_BOOST = 0.1
FACET_SIZE = 1000
FACET_FIELDS = {
    "type": "type",
    "community": "community_key",
    "language": "language",
    "theme_year": "theme_year",
}


# --- query bodies ------------------------------------------------------------------
def term_clause(term: QueryTerm, *, titles_only: bool = False) -> DslQuery | None:
    """Where one term matches (``None``: it has no usable form, and is ignored)."""
    exact, expanded = usable_forms(term)
    kind = "prefix" if term.prefix else "term"
    fields = []
    if exact:
        fields += [("title_terms", exact)]
        if not titles_only:
            fields += [("body_terms", exact)]
    if expanded and not titles_only:
        fields += [("expanded_terms", expanded)]
    options = [Q(kind, **{f: {"value": v, "boost": BOOSTS[f]}}) for f, v in fields]
    if len(options) <= 1:
        return options[0] if options else None
    return Q("bool", should=options, minimum_should_match=1)


def phrase_clause(
    words: Sequence[str], *, titles_only: bool = False
) -> DslQuery | None:
    words = [w for w in words if PLAIN_WORD.match(w)]
    if not words:
        return None
    fields = ["title_terms"] if titles_only else ["title_terms", "body_terms"]
    text = " ".join(words)
    options = [
        Q("match_phrase", **{f: {"query": text, "boost": BOOSTS[f]}}) for f in fields
    ]
    if len(options) == 1:
        return options[0]
    return Q("bool", should=options, minimum_should_match=1)


def match_clauses(
    query: Query, *, titles_only: bool = False
) -> tuple[list[DslQuery], list[DslQuery]] | None:
    """``(must, must_not)`` for the query, or ``None`` when nothing positive
    remains (the query then matches nothing, as on the database engines)."""
    must = [term_clause(t, titles_only=titles_only) for t in query.must]
    for group in query.any_of:
        options = [
            c for c in (term_clause(t, titles_only=titles_only) for t in group) if c
        ]
        if len(options) > 1:
            must.append(Q("bool", should=options, minimum_should_match=1))
        elif options:
            must.append(options[0])
    must += [phrase_clause(p, titles_only=titles_only) for p in query.phrases]
    must = [c for c in must if c is not None]
    if not must:
        return None
    must_not = [term_clause(t, titles_only=titles_only) for t in query.exclude]
    return must, [c for c in must_not if c is not None]


_TO_FINAL = {regular: final for final, regular in es_mapping.FINAL_LETTERS.items()}


def _final_form(word: str) -> str:
    """Give a normalised Hebrew word its final letter back: hunspell's
    dictionary spells words with final letters (the analyzer maps them after)."""
    if len(word) > 1 and word[-1] in _TO_FINAL and "\u05d0" <= word[-2] <= "\u05ea":
        return word[:-1] + _TO_FINAL[word[-1]]
    return word


def signal_clauses(query: Query) -> list[DslQuery]:
    """Ranking-only ``should`` clauses on the raw text sub-fields."""
    words = [t.exact for t in query.all_terms() if PLAIN_WORD.match(t.exact)]
    words = list(dict.fromkeys(_final_form(w) for w in words))
    if not words:
        return []
    should = [
        Q(
            "multi_match",
            query=" ".join(words),
            fields=SIGNAL_FIELDS,
            type="most_fields",
            boost=SIGNAL_BOOST,
        )
    ]
    for word in words:
        if len(word) >= FUZZY_MIN_LENGTH:
            should.append(
                Q(
                    "match",
                    title={"query": word, "fuzziness": "AUTO", "boost": FUZZY_BOOST},
                )
            )
    return should


def _day_start(day: datetime.date) -> str:
    from django.utils import timezone

    start = datetime.datetime.combine(day, datetime.time.min)
    return timezone.make_aware(start).isoformat()


def visibility_clauses(request: SearchRequest) -> tuple[list[DslQuery], list[DslQuery]]:
    """``(filter, must_not)``: permissions, switched-off plugins, request filters."""
    filters: list[DslQuery] = []
    if request.audience is not None:
        filters.append(Q("terms", audience=sorted(request.audience)))
    for field, values in (
        ("type", request.types),
        ("community_key", request.communities),
        ("language", request.languages),
        ("theme_year", request.theme_years),
    ):
        if values:
            filters.append(Q("terms", **{field: list(values)}))
    bounds = {}
    if request.date_from:
        bounds["gte"] = _day_start(request.date_from)
    if request.date_to:
        bounds["lt"] = _day_start(request.date_to + datetime.timedelta(days=1))
    if bounds:
        filters.append(Q("range", date=bounds))
    must_not: list[DslQuery] = []
    if request.hidden_plugins:
        must_not.append(Q("terms", plugin=sorted(request.hidden_plugins)))
    for plugin, keys in sorted(request.hidden_plugin_communities.items()):
        if keys:
            both = [Q("term", plugin=plugin), Q("terms", community_key=sorted(keys))]
            must_not.append(Q("bool", filter=both))
    return filters, must_not


def _base_search(request: SearchRequest, *, titles_only: bool) -> Search | None:
    clauses = match_clauses(request.query, titles_only=titles_only)
    if clauses is None:
        return None
    must, excluded = clauses
    filters, hidden = visibility_clauses(request)
    should = [] if titles_only else signal_clauses(request.query)
    bool_args: dict[str, Any] = {"must": must}
    if should:
        bool_args.update(should=should, minimum_should_match=0)
    if filters:
        bool_args["filter"] = filters
    if excluded or hidden:
        bool_args["must_not"] = excluded + hidden
    search = Search().query(Q("bool", **bool_args)).source(list(es_mapping.HIT_FIELDS))
    return search.extra(track_total_hits=True)


def _sort(search: Search, sort: str) -> Search:
    by_date = {"date": {"order": "desc", "missing": "_last"}}
    by_key = {"key": {"order": "asc"}}
    if sort == "date":
        return search.sort(by_date, by_key)
    return search.sort({"_score": {"order": "desc"}}, by_date, by_key)


def search_body(request: SearchRequest) -> dict[str, Any] | None:
    """The ``_search`` body for ``search()``; ``None`` when nothing can match."""
    search = _base_search(request, titles_only=False)
    if search is None:
        return None
    search = _sort(search, request.sort)[
        request.offset : request.offset + request.limit
    ]
    if request.with_facets:
        for facet, field in FACET_FIELDS.items():
            search.aggs.bucket(facet, "terms", field=field, size=FACET_SIZE)
        search.aggs.bucket("year", "date_histogram", **_year_histogram())
    return search.to_dict()


def _year_histogram() -> dict[str, Any]:
    from django.utils import timezone

    # Years in the site's time zone, as the database engines extract them.
    return {
        "field": "date",
        "calendar_interval": "year",
        "format": "yyyy",
        "min_doc_count": 1,
        "time_zone": timezone.get_current_timezone_name(),
    }


def autocomplete_body(request: SearchRequest) -> dict[str, Any] | None:
    """Title terms only (the last word by prefix), best first, no facets."""
    search = _base_search(request, titles_only=True)
    if search is None:
        return None
    search = _sort(search, "relevance")
    return search[request.offset : request.offset + request.limit].to_dict()


def counts_body() -> dict[str, Any]:
    search = Search().extra(size=0, track_total_hits=True)
    search.aggs.bucket("type", "terms", field="type", size=FACET_SIZE)
    return search.to_dict()


# --- responses ---------------------------------------------------------------------
def _date(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def parse_hit(raw: dict[str, Any]) -> Hit:
    src = raw.get("_source", {})
    theme_year = src.get("theme_year")
    return Hit(
        key=src.get("key") or raw["_id"],
        model_label=src.get("model_label", ""),
        object_id=str(src.get("object_id", "")),
        title=src.get("title", ""),
        body=src.get("body", ""),
        url=src.get("url", ""),
        type=src.get("type", ""),
        community_key=src.get("community_key", ""),
        language=src.get("language", ""),
        date=_date(src.get("date")),
        theme_year=int(theme_year) if theme_year is not None else None,
        score=float(raw.get("_score") or 0.0),
    )


def parse_buckets(agg: dict[str, Any]) -> dict[str, int]:
    result = {}
    for bucket in agg.get("buckets", []):
        key = str(bucket.get("key_as_string", bucket["key"]))
        if key and bucket.get("doc_count", 0) > 0:
            result[key] = int(bucket["doc_count"])
    return result


def parse_response(raw: dict[str, Any], *, with_facets: bool = True) -> SearchResponse:
    hits = raw.get("hits", {})
    total = hits.get("total", 0)
    total = total.get("value", 0) if isinstance(total, dict) else int(total)
    aggs = raw.get("aggregations", {})
    facets = {}
    if with_facets:
        facets = {name: parse_buckets(aggs.get(name, {})) for name in FACETS}
    return SearchResponse(
        total=total, hits=[parse_hit(h) for h in hits.get("hits", [])], facets=facets
    )


def empty_response(request: SearchRequest) -> SearchResponse:
    facets = {name: {} for name in FACETS} if request.with_facets else {}
    return SearchResponse(total=0, hits=[], facets=facets)
