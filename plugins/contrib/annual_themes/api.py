"""``/api/v3/plugins/annual-themes/``: the current theme, the archive, one year.

The language comes from ``?lang=he|en``, else from the request (Accept-Language).
Communities where the plugin is switched off are left out of the linked content.
"""

from __future__ import annotations

import datetime

from django.utils import translation
from ninja import Router, Schema, Status

from .aggregation import theme_summary
from .models import Theme, language_of
from .tasks import today_in_network

router = Router()


class Message(Schema):
    detail: str


class ResourceOut(Schema):
    title: str
    url: str


class ThemeOut(Schema):
    year: int
    title: str
    description: str
    colour: str
    start_date: datetime.date
    end_date: datetime.date
    is_active: bool
    language: str
    resources: list[ResourceOut]


class ItemOut(Schema):
    id: int
    title: str
    url: str | None


class CountsOut(Schema):
    pages: int
    courses: int
    topics: int


class CommunityOut(Schema):
    community_id: int | None
    community_title: str | None
    count: int
    counts: CountsOut
    items: list[ItemOut]
    courses: list[ItemOut]
    topics: list[ItemOut]
    adaptations: list[ItemOut]


class ThemeDetailOut(ThemeOut):
    total: int
    counts: CountsOut
    communities: list[CommunityOut]


def _language(request, lang: str | None) -> str:
    return language_of(lang or translation.get_language_from_request(request))


def _theme(theme: Theme, language: str) -> dict:
    return {
        "year": theme.year,
        "title": theme.title_for(language),
        "description": theme.description_for(language),
        "colour": theme.colour,
        "start_date": theme.start_date,
        "end_date": theme.end_date,
        "is_active": theme.is_active,
        "language": language,
        "resources": [{"title": r.title, "url": r.href} for r in theme.resources.all()],
    }


def _item(page, request) -> dict:
    return {"id": page.pk, "title": page.title, "url": page.get_url(request)}


def _object(entry) -> dict:
    return {"id": entry.id, "title": entry.title, "url": entry.url}


def _themes():
    return Theme.objects.prefetch_related("resources__document")


@router.get("/current/", response={200: ThemeOut, 404: Message})
def current_theme(request, lang: str | None = None):
    """The active theme."""
    theme = _themes().active().first()
    if theme is None:
        return Status(404, {"detail": "No theme is active."})
    return _theme(theme, _language(request, lang))


@router.get("/archive/", response=list[ThemeOut])
def archive(request, lang: str | None = None):
    """Past themes, newest first."""
    language = _language(request, lang)
    themes = _themes().archived(today_in_network())
    return [_theme(theme, language) for theme in themes]


@router.get("/{year}/", response={200: ThemeDetailOut, 404: Message})
def theme_detail(request, year: int, lang: str | None = None):
    """One year's theme with what each community tagged with it (pages, training
    courses, forum topics the caller may read) and its local adaptations, with
    counts per community and per kind; network-wide content has no community."""
    theme = _themes().filter(year=year).first()
    if theme is None:
        return Status(404, {"detail": f"No theme for the year {year}."})
    language = _language(request, lang)
    summary = theme_summary(theme, request=request, language=language)
    communities = [
        {
            "community_id": group.community.pk if group.community else None,
            "community_title": group.community.title if group.community else None,
            "count": group.count,
            "counts": group.counts,
            "items": [_item(page, request) for page in group.items],
            "courses": [_object(entry) for entry in group.courses],
            "topics": [_object(entry) for entry in group.topics],
            "adaptations": [_item(page, request) for page in group.adaptations],
        }
        for group in summary.groups
    ]
    data = _theme(theme, language)
    return {
        **data,
        "total": summary.total,
        "counts": summary.counts,
        "communities": communities,
    }
