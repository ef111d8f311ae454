"""The public catalog: filters from a query string and the querysets they select.

The page and the API share this module, so both apply the same filters and the
same visibility rules: published courses only; upcoming sessions only; sessions
of communities that are unpublished or switched the plugin off never show.
Listings cost a fixed number of queries (sessions are prefetched per page).
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from plugins.api import (
    exclude_inactive_communities,
    get_community_model,
    membership_role_choices,
    plugin_settings,
)

from .apps import LABEL
from .fields import roles_lookup
from .models import Course, Format, Language, Session

PRICES = ("free", "paid")
#: Query-string names, in the order the filter form shows them.
FILTER_NAMES = (
    "role",
    "format",
    "language",
    "city",
    "country",
    "date_from",
    "date_to",
    "community",
    "price",
    "seats",
)


def network_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(plugin_settings(LABEL).get("time_zone", "Asia/Jerusalem"))


def _date(value: str, name: str, errors: dict) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        errors[name] = _("Give the date as YYYY-MM-DD.")
        return None


@dataclass
class CatalogFilters:
    """Parsed and checked filters; ``errors`` maps a filter name to a message."""

    role: str = ""
    format: str = ""
    language: str = ""
    city: str = ""
    country: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    community: int | None = None
    price: str = ""
    seats: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params: Any) -> CatalogFilters:
        def get(name: str) -> str:
            return (params.get(name) or "").strip()[:100]

        errors: dict[str, str] = {}
        chosen = cls(errors=errors)
        chosen.role = get("role")
        if chosen.role and chosen.role not in dict(membership_role_choices()):
            errors["role"] = _("Unknown role.")
        chosen.format = get("format")
        if chosen.format and chosen.format not in Format.values:
            errors["format"] = _("Unknown format.")
        chosen.language = get("language")
        if chosen.language and chosen.language not in Language.values:
            errors["language"] = _("Unknown language.")
        chosen.city = get("city")
        chosen.country = get("country").upper()[:2]
        chosen.date_from = _date(get("date_from"), "date_from", errors)
        chosen.date_to = _date(get("date_to"), "date_to", errors)
        if chosen.date_from and chosen.date_to and chosen.date_to < chosen.date_from:
            errors["date_to"] = _("The end of the date range is before its start.")
        community = get("community")
        if community:
            if community.isdigit():
                chosen.community = int(community)
            else:
                errors["community"] = _("Give a community by its number.")
        chosen.price = get("price")
        if chosen.price and chosen.price not in PRICES:
            errors["price"] = _("Choose free or paid.")
        chosen.seats = get("seats") in ("1", "true", "yes", "on")
        for name in list(errors):
            setattr(chosen, name, None if name.startswith("date") else "")
        return chosen

    @property
    def session_filters(self) -> bool:
        """Does any filter apply to sessions (rather than to courses)?"""
        return bool(
            self.city
            or self.country
            or self.date_from
            or self.date_to
            or self.community
            or self.price
            or self.seats
        )

    @property
    def any(self) -> bool:
        return bool(self.role or self.format or self.language or self.session_filters)

    def message(self) -> str:
        return " ".join(f"{name}: {text}" for name, text in self.errors.items())


def upcoming_sessions(now: datetime.datetime | None = None) -> QuerySet:
    """Sessions still to start, of published courses, in visible communities."""
    sessions = Session.objects.filter(
        starts_at__gt=now or timezone.now(), course__status="published"
    ).filter(Q(host_community__isnull=True) | Q(host_community__live=True))
    return exclude_inactive_communities(sessions, LABEL, "host_community")


def _day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=network_zone())


def matching_sessions(filters: CatalogFilters, now=None) -> QuerySet:
    sessions = upcoming_sessions(now)
    if filters.city:
        sessions = sessions.filter(
            Q(city__iexact=filters.city)
            | Q(city="", host_community__city__iexact=filters.city)
        )
    if filters.country:
        sessions = sessions.filter(
            Q(country__iexact=filters.country)
            | Q(country="", host_community__country=filters.country)
        )
    if filters.date_from:
        sessions = sessions.filter(starts_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        end = _day_start(filters.date_to + datetime.timedelta(days=1))
        sessions = sessions.filter(starts_at__lt=end)
    if filters.community:
        keys = get_community_model().objects.filter(pk=filters.community)
        sessions = sessions.filter(
            host_community__translation_key__in=keys.values("translation_key")
        )
    if filters.price == "free":
        sessions = sessions.filter(price=0)
    elif filters.price == "paid":
        sessions = sessions.filter(price__gt=0)
    if filters.seats:
        sessions = sessions.filter(seats_taken__lt=F("capacity"))
    return sessions


def matching_courses(filters: CatalogFilters, now=None) -> QuerySet:
    """Published courses matching ``filters``, each with ``upcoming`` prefetched:
    its matching upcoming sessions in start order."""
    courses = Course.objects.published()
    if filters.role:
        courses = courses.filter(**roles_lookup("target_roles", filters.role))
    if filters.format:
        courses = courses.filter(format=filters.format)
    if filters.language:
        courses = courses.filter(language=filters.language)
    sessions = matching_sessions(filters, now)
    if filters.session_filters:
        courses = courses.filter(pk__in=sessions.values("course_id"))
    return courses.order_by("title_he", "pk").prefetch_related(
        Prefetch(
            "sessions",
            queryset=sessions.select_related("host_community").order_by("starts_at"),
            to_attr="upcoming",
        )
    )


def localized_communities(pages: list) -> dict[Any, Any]:
    """translation_key -> the community page in the active language (one query)."""
    keys = {page.translation_key for page in pages if page is not None}
    if not keys:
        return {}
    local = get_community_model().objects.filter(
        translation_key__in=keys, locale__language_code=get_language()
    )
    found = {page.translation_key: page for page in pages if page is not None}
    found.update({page.translation_key: page for page in local})
    return found


def filter_choices(now=None) -> dict[str, list]:
    """Values the filter form offers, from the upcoming sessions (3 queries)."""
    sessions = list(upcoming_sessions(now).select_related("host_community"))
    hosts = [s.host_community for s in sessions if s.host_community_id]
    local = localized_communities(hosts)
    communities = sorted(
        {(local[h.translation_key].pk, local[h.translation_key].title) for h in hosts},
        key=lambda item: item[1],
    )
    return {
        "roles": membership_role_choices(),
        "formats": Format.choices,
        "languages": Language.choices,
        "cities": sorted({s.place_city for s in sessions if s.place_city}),
        "countries": sorted({s.place_country for s in sessions if s.place_country}),
        "communities": communities,
    }
