"""``/api/v3/search/``: the project search for API clients, in the one OpenAPI
document. Results, totals, facets and autocomplete are those the caller may read
(session or bearer token; anonymous otherwise)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from search.service import (
    InvalidSearch,
    SearchParams,
    SearchUnavailable,
    autocomplete,
    run_search,
)

router = Router()


class HitSchema(Schema):
    title: str
    url: str
    type: str
    type_label: str
    community: str
    community_name: str
    language: str
    date: datetime.datetime | None
    theme_year: int | None
    #: HTML: the text around the match, escaped, with <mark> around matched words.
    snippet: str
    #: HTML: the title, escaped, with <mark> around matched words.
    title_html: str


class FacetValueSchema(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchResponseSchema(Schema):
    query: str
    total: int
    page: int
    pages: int
    per_page: int
    results: list[HitSchema]
    facets: dict[str, list[FacetValueSchema]]


class SuggestionSchema(Schema):
    title: str
    url: str
    type: str


def _params(request: HttpRequest) -> SearchParams:
    try:
        return SearchParams.from_query(request.GET)
    except InvalidSearch as error:
        raise HttpError(400, str(error)) from error


@router.get(
    "/",
    response=SearchResponseSchema,
    summary="Search pages, forum posts and plugin content",
    description=(
        'Websearch syntax: words (all required), "a phrase", `OR`, `-word`. '
        "Filters repeat: `type`, `community` (translation key), `language`, "
        "`theme_year`; `date_from`/`date_to` (YYYY-MM-DD); `sort` relevance|date; "
        "`page`, `per_page` (at most 50). Hebrew prefixes and English word forms "
        "are matched (see docs/search.md)."
    ),
)
def search(request: HttpRequest):
    params = _params(request)
    try:
        found = run_search(request.user, params)
    except SearchUnavailable as error:
        raise HttpError(503, "Search is unavailable right now.") from error
    return {
        "query": params.q,
        "total": found.total,
        "page": params.page,
        "pages": found.pages,
        "per_page": params.per_page,
        "results": [
            {
                "title": r.hit.title,
                "url": r.hit.url,
                "type": r.hit.type,
                "type_label": r.type_label,
                "community": r.hit.community_key,
                "community_name": r.community_name,
                "language": r.hit.language,
                "date": r.hit.date,
                "theme_year": r.hit.theme_year,
                "snippet": str(r.snippet),
                "title_html": str(r.title),
            }
            for r in found.results
        ],
        "facets": {
            name: [vars(value) for value in values]
            for name, values in found.facets.items()
        },
    }


@router.get(
    "/autocomplete/",
    response=list[SuggestionSchema],
    summary="Titles that start like the typed text",
)
def suggest(request: HttpRequest, q: str = "", limit: int = 8):
    if len(q) > 200:
        raise HttpError(400, "q: at most 200 characters.")
    if not 1 <= limit <= 20:
        raise HttpError(400, "limit: give a number from 1 to 20.")
    try:
        return autocomplete(request.user, q, limit)
    except SearchUnavailable as error:
        raise HttpError(503, "Search is unavailable right now.") from error
