"""``/search/``: the public search page (right-to-left correct, facets as filters)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from search.service import (
    InvalidSearch,
    SearchParams,
    SearchUnavailable,
    autocomplete,
    run_search,
)

# Marked for makemessages; translated when the page is rendered.
FACET_TITLES = {
    "type": gettext_noop("Type"),
    "community": gettext_noop("Community"),
    "language": gettext_noop("Language"),
    "theme_year": gettext_noop("Theme year"),
    "year": gettext_noop("Year"),
}
FACET_PARAMS = {"type", "community", "language", "theme_year"}


def search_page(request: HttpRequest) -> HttpResponse:
    context: dict = {"q": request.GET.get("q", "")[:200], "errors": {}}
    status = 200
    try:
        params = SearchParams.from_query(request.GET)
    except InvalidSearch as error:
        context["errors"] = error.errors
        return render(request, "search/search.html", context, status=400)
    try:
        found = run_search(request.user, params)
    except SearchUnavailable:
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)
    context.update(
        params=params,
        found=found,
        facet_groups=[
            {
                "name": name,
                "title": _(FACET_TITLES[name]),
                "values": [
                    {**vars(v), "url": _toggle_url(request, name, v.value)}
                    for v in values
                ],
            }
            for name, values in found.facets.items()
            if values and name in FACET_PARAMS
        ],
        previous_url=_page_url(request, params.page - 1) if params.page > 1 else "",
        next_url=_page_url(request, params.page + 1)
        if params.page < found.pages
        else "",
        sort_urls={s: _with(request, sort=s, page=None) for s in ("relevance", "date")},
    )
    return render(request, "search/search.html", context, status=status)


def suggest(request: HttpRequest) -> JsonResponse:
    """Autocomplete for the search box (same rules as the API's)."""
    q = request.GET.get("q", "")[:200]
    try:
        return JsonResponse({"suggestions": autocomplete(request.user, q)})
    except SearchUnavailable:
        return JsonResponse(
            {"error": _("Search is unavailable right now.")}, status=503
        )


def _pairs(request: HttpRequest) -> list[tuple[str, str]]:
    return [(k, v) for k, values in request.GET.lists() for v in values]


def _with(request: HttpRequest, **changes) -> str:
    pairs = [(k, v) for k, v in _pairs(request) if k not in changes]
    pairs += [(k, str(v)) for k, v in changes.items() if v is not None]
    return "?" + urlencode(pairs)


def _page_url(request: HttpRequest, page: int) -> str:
    return _with(request, page=page)


def _toggle_url(request: HttpRequest, name: str, value: str) -> str:
    """The URL with facet ``name=value`` added, or removed if it was on."""
    pairs = [(k, v) for k, v in _pairs(request) if k != "page"]
    if (name, value) in pairs:
        pairs.remove((name, value))
    else:
        pairs.append((name, value))
    return "?" + urlencode(pairs)
