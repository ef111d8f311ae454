"""The training plugin's part of ``manage.py seed_demo`` (``kehilot_seed_demo``).

A catalog page in Hebrew and English below the demo homes, the courses of
``demo_data`` with their upcoming sessions, and a few registrations of demo users.
Idempotent: the catalog is found below the home (its translation by translation
key), courses by slug, a session by course, host community and "online" among the
sessions still to come (so a later run, once the dates have passed, adds fresh
ones), a registration by session and member whatever its status.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from .demo_data import CATALOG, COUNTRY_ZONES, COURSES, PROVIDER
from .models import Course, CourseStatus, Registration, RegistrationStatus, Session
from .pages import CatalogPage

NETWORK_ZONE = "Asia/Jerusalem"


def seed(home: Page, home_en: Page | None, communities: dict, users: dict) -> None:
    """Add whatever part of the demo catalog is missing.

    In a savepoint: if this fails, ``seed_demo`` logs it and the rest of the demo
    network is kept (and PostgreSQL's transaction stays usable).
    """
    now = timezone.now()
    with transaction.atomic():
        catalog_page(home, home_en)
        for spec in COURSES:
            course = course_for(spec)
            for session_spec in spec["sessions"]:
                session = session_for(course, session_spec, communities, now)
                if session is not None:
                    wanted = session_spec.get("registrations", ())
                    register(session, wanted, users, now)


def catalog_page(home: Page, home_en: Page | None) -> CatalogPage:
    """The live catalog below ``home`` (one per parent) and its translation."""
    page = CatalogPage.objects.child_of(home).first()
    if page is None:
        page = CatalogPage(slug=CATALOG["slug"], show_in_menus=True, **CATALOG["he"])
        # A fresh parent: the caller's instance may hold a stale child count.
        Page.objects.get(pk=home.pk).add_child(instance=page)
        page.save_revision().publish()
    if home_en is not None and page.get_translation_or_none(home_en.locale) is None:
        english = page.copy_for_translation(home_en.locale)
        for name, value in CATALOG["en"].items():
            setattr(english, name, value)
        english.save_revision().publish()
    return page


def course_for(spec: dict[str, Any]) -> Course:
    course = Course.objects.filter(slug=spec["slug"]).first()
    if course is not None:
        return course
    language = spec.get("language", "he")
    return Course.objects.create(
        slug=spec["slug"],
        title_he=spec["he"]["title"],
        title_en=spec["en"]["title"],
        description_he=spec["he"]["description"],
        description_en=spec["en"]["description"],
        target_roles=spec["target_roles"],
        format=spec["format"],
        language=language,
        level=spec["level"],
        duration=spec["duration"],
        provider=PROVIDER[language],
        prerequisites=spec.get("prerequisites", ""),
        status=CourseStatus.PUBLISHED,
    )


def local_time(days_ahead: int, hour: int, zone_name: str) -> datetime.datetime:
    """``hour`` o'clock in ``zone_name``, ``days_ahead`` days from today there."""
    zone = zoneinfo.ZoneInfo(zone_name)
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days_ahead)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def session_for(
    course: Course, spec: dict[str, Any], communities: dict, now: datetime.datetime
) -> Session | None:
    """The upcoming session ``spec`` describes, created if missing.

    ``None`` when its host community is not part of the demo network any more.
    """
    host = communities.get(spec["community"]) if spec["community"] else None
    if spec["community"] and host is None:
        return None
    online_url = spec.get("online", "")
    existing = Session.objects.filter(
        course=course,
        host_community=host,
        is_online=bool(online_url),
        starts_at__gt=now,
    ).first()
    if existing is not None:
        return existing
    country = str(host.country) if host is not None else "IL"
    zone = spec.get("time_zone") or COUNTRY_ZONES.get(country, NETWORK_ZONE)
    starts = local_time(spec["days_ahead"], spec["hour"], zone)
    if "deadline_days" in spec:
        deadline = now + datetime.timedelta(days=spec["deadline_days"])
    elif "deadline_before" in spec:
        deadline = starts - datetime.timedelta(days=spec["deadline_before"])
    else:
        deadline = None
    return Session.objects.create(
        course=course,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=spec["hours"]),
        time_zone=zone,
        is_online=bool(online_url),
        online_url=online_url,
        venue=spec.get("venue", ""),
        address=spec.get("address", ""),
        host_community=host,
        capacity=spec["capacity"],
        registration_deadline=deadline,
        price=Decimal(spec.get("price", "0")),
        currency=spec.get("currency", "ILS"),
        eligible_roles=spec.get("eligible_roles", []),
    )


def register(
    session: Session, usernames: Iterable[str], users: dict, now: datetime.datetime
) -> None:
    """Seat the demo users in order; once the session is full, they wait.

    Rows are written directly, not through ``services.register``: the demo sends
    no emails and may fill a session whose deadline has passed. Seats are taken
    with the service's conditional ``UPDATE``, so ``seats_taken`` stays exact.
    """
    usernames = list(usernames)
    for position, username in enumerate(usernames):
        user = users.get(username)
        if (
            user is None
            or Registration.objects.filter(session=session, user=user).exists()
        ):
            continue
        seated = Session.objects.filter(
            pk=session.pk, seats_taken__lt=F("capacity")
        ).update(seats_taken=F("seats_taken") + 1)
        Registration.objects.create(
            session=session,
            user=user,
            status=(
                RegistrationStatus.REGISTERED
                if seated
                else RegistrationStatus.WAITLISTED
            ),
            # Earlier in the list, earlier in the queue.
            created_at=now - datetime.timedelta(hours=len(usernames) - position),
            language="he",
        )
