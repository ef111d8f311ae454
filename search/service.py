"""What the search page, the API and the forum's search box call.

``SearchParams.from_query(dict)`` validates user input (raising ``InvalidSearch``
with a message per field); ``run_search(user, params)`` applies the reader's
permissions and the plugins' activation inside the engine request, highlights
snippets, labels facets in the reader's language and records the query
anonymously.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from search.analysis import Query, highlight, parse_query
from search.audience import tokens_for
from search.engines import EngineError, get_engine
from search.engines.base import Hit, SearchRequest
from search.models import QueryStat

MAX_QUERY_CHARS = 200
MAX_PER_PAGE = 50
SORTS = ("relevance", "date")

#: Labels of the core document types (plugins' types use their model's name).
CORE_TYPE_LABELS = {
    "community": _("Communities"),
    "news": _("News"),
    "event": _("Events"),
    "page": _("Pages"),
    "forum_topic": _("Forum topics"),
    "forum_post": _("Forum replies"),
}
LANGUAGE_LABELS = {"he": _("Hebrew"), "en": _("English")}


class InvalidSearch(ValueError):
    """Bad search input; ``errors`` maps a parameter to its message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class SearchUnavailable(RuntimeError):
    """The engine is down; the page says so, the API answers 503."""


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    types: tuple[str, ...] = ()
    communities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    theme_years: tuple[int, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    @classmethod
    def from_query(cls, data: Mapping[str, Any]) -> SearchParams:
        """Parse a ``QueryDict`` (or a mapping of lists/strings)."""

        def many(name: str) -> tuple[str, ...]:
            if hasattr(data, "getlist"):
                values = data.getlist(name)
            else:
                value = data.get(name)
                values = value if isinstance(value, list | tuple) else [value]
            return tuple(v.strip() for v in values if v and str(v).strip())

        def one(name: str) -> str:
            values = many(name)
            return values[-1] if values else ""

        errors: dict[str, str] = {}
        q = one("q")
        if len(q) > MAX_QUERY_CHARS:
            errors["q"] = str(_("The search is too long (at most 200 characters)."))
        years: list[int] = []
        for value in many("theme_year"):
            if value.isdigit() and len(value) == 4:
                years.append(int(value))
            else:
                errors["theme_year"] = str(_("A theme year is a four-digit year."))
        dates = {}
        for name in ("date_from", "date_to"):
            value = one(name)
            try:
                dates[name] = datetime.date.fromisoformat(value) if value else None
            except ValueError:
                errors[name] = str(_("Use a date like 2026-09-01."))
        if dates.get("date_from") and dates.get("date_to"):
            if dates["date_from"] > dates["date_to"]:
                errors["date_to"] = str(_("The end date is before the start date."))
        sort = one("sort") or "relevance"
        if sort not in SORTS:
            errors["sort"] = str(_("Sort by relevance or date."))
        numbers = {}
        for name, default, limit in (("page", 1, 1000), ("per_page", 20, MAX_PER_PAGE)):
            value = one(name)
            if not value:
                numbers[name] = default
            elif value.isdigit() and 1 <= int(value) <= limit:
                numbers[name] = int(value)
            else:
                errors[name] = str(_("Give a whole number from 1 to %(limit)s.")) % {
                    "limit": limit
                }
        if errors:
            raise InvalidSearch(errors)
        return cls(
            q=q,
            types=many("type")[:20],
            communities=many("community")[:50],
            languages=many("language")[:5],
            theme_years=tuple(years[:10]),
            date_from=dates["date_from"],
            date_to=dates["date_to"],
            sort=sort,
            page=numbers["page"],
            per_page=numbers["per_page"],
        )

    @property
    def has_filters(self) -> bool:
        return bool(
            self.types
            or self.communities
            or self.languages
            or self.theme_years
            or self.date_from
            or self.date_to
        )


@dataclass
class Result:
    hit: Hit
    title: SafeString
    snippet: SafeString
    type_label: str
    community_name: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    params: SearchParams
    query: Query
    total: int
    results: list[Result]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.per_page))


def visibility(user: Any) -> dict[str, Any]:
    """The request fields that hide what ``user`` may not read: their audience
    tokens and the plugins switched off (network-wide or per community)."""
    from plugins.activation import inactive_community_keys, is_active
    from plugins.registry import registry

    labels = {doc.plugin for doc in registry.search_documents.values() if doc.plugin}
    hidden = frozenset(label for label in labels if not is_active(label))
    per_community = {
        label: frozenset(str(key) for key in inactive_community_keys(label))
        for label in labels - hidden
    }
    return {
        "audience": tokens_for(user),
        "hidden_plugins": hidden,
        "hidden_plugin_communities": {k: v for k, v in per_community.items() if v},
    }


def run_search(
    user: Any, params: SearchParams, *, record: bool = True
) -> SearchResults:
    query = parse_query(params.q)
    if query.is_empty():
        return SearchResults(params=params, query=query, total=0, results=[])
    request = SearchRequest(
        query=query,
        types=params.types,
        communities=params.communities,
        languages=params.languages,
        theme_years=params.theme_years,
        date_from=params.date_from,
        date_to=params.date_to,
        sort=params.sort,
        offset=(params.page - 1) * params.per_page,
        limit=params.per_page,
        **visibility(user),
    )
    try:
        response = get_engine().search(request)
    except EngineError as error:
        raise SearchUnavailable(str(error)) from error
    names = community_names(
        {hit.community_key for hit in response.hits}
        | set(response.facets.get("community", {}))
    )
    type_labels = type_names()
    results = [
        Result(
            hit=hit,
            title=mark_safe(highlight(hit.title, query, max_chars=300)),  # noqa: S308 - escaped by highlight
            snippet=mark_safe(highlight(hit.body, query)),  # noqa: S308 - escaped by highlight
            type_label=type_labels.get(hit.type, hit.type),
            community_name=names.get(hit.community_key, ""),
        )
        for hit in response.hits
    ]
    if record and params.page == 1 and not params.has_filters:
        record_query(params.q, response.total)
    return SearchResults(
        params=params,
        query=query,
        total=response.total,
        results=results,
        facets=label_facets(response.facets, params, names, type_labels),
    )


def autocomplete(user: Any, prefix: str, limit: int = 8) -> list[dict[str, str]]:
    """Titles the reader may see that start like ``prefix``."""
    query = parse_query(prefix[:MAX_QUERY_CHARS], autocomplete=True)
    if query.is_empty():
        return []
    request = SearchRequest(
        query=query, limit=min(max(limit, 1), 20), with_facets=False, **visibility(user)
    )
    try:
        hits = get_engine().autocomplete(request)
    except EngineError as error:
        raise SearchUnavailable(str(error)) from error
    return [{"title": hit.title, "url": hit.url, "type": hit.type} for hit in hits]


def community_names(keys: set[str]) -> dict[str, str]:
    """Community names by translation key, in the reader's language when a
    translation exists (one query)."""
    keys = {key for key in keys if key}
    if not keys:
        return {}
    from cms.models import CommunityPage

    language = (get_language() or "he").split("-")[0]
    names: dict[str, str] = {}
    rows = CommunityPage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    )
    for key, title, _code in sorted(rows, key=lambda row: row[2] == language):
        names[str(key)] = title  # the reader's language sorts last and wins
    return names


def type_names() -> dict[str, str]:
    from django.apps import apps

    from search.documents import all_documents

    labels = {key: str(value) for key, value in CORE_TYPE_LABELS.items()}
    for label, document in all_documents().items():
        name = document.type_name or label.split(".")[1]
        if name not in labels:
            labels[name] = capfirst(apps.get_model(label)._meta.verbose_name_plural)
    return labels


def label_facets(
    facets: dict[str, dict[str, int]],
    params: SearchParams,
    names: dict[str, str],
    type_labels: dict[str, str],
) -> dict[str, list[FacetValue]]:
    selected = {
        "type": set(params.types),
        "community": set(params.communities),
        "language": set(params.languages),
        "theme_year": {str(y) for y in params.theme_years},
        "year": set(),
    }
    labels = {
        "type": type_labels,
        "community": names,
        "language": {k: str(v) for k, v in LANGUAGE_LABELS.items()},
    }
    out: dict[str, list[FacetValue]] = {}
    for facet, counts in facets.items():
        values = [
            FacetValue(
                value=value,
                label=labels.get(facet, {}).get(value, value),
                count=count,
                selected=value in selected.get(facet, set()),
            )
            for value, count in counts.items()
        ]
        if facet in ("year", "theme_year"):
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, v.label))
        out[facet] = values
    return out


def record_query(q: str, total: int) -> None:
    """Count the normalised query for today; nothing about who searched."""
    text = " ".join(q.split()).casefold()[:MAX_QUERY_CHARS]
    if not text:
        return
    today = timezone.localdate()
    zero = 1 if total == 0 else 0
    for _attempt in range(2):
        updated = QueryStat.objects.filter(day=today, query=text).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + zero
        )
        if updated:
            return
        try:
            with transaction.atomic():
                QueryStat.objects.create(
                    day=today, query=text, searches=1, zero_results=zero
                )
            return
        except IntegrityError:
            continue  # another request created today's row first: update it
