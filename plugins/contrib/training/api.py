"""``/api/v3/plugins/training/``: the public catalog and members' registrations.

Catalog reads are public (published courses, upcoming sessions, visible
communities only). Registration needs a signed-in user: a bearer token, or the
session with a CSRF token (Kehilot's default for plugin routers); anonymous
callers get 401. Errors are ``{"detail": "..."}`` with 400, 401, 403, 404 or 409.
Texts come in ``?lang=he|en``, else the request's language.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import translation
from ninja import Router, Schema, Status

from . import services
from .catalog import CatalogFilters, matching_courses, upcoming_sessions
from .models import Course, Registration, Session, language_of

router = Router()


class Message(Schema):
    detail: str


#: What a registration call may answer besides success.
ERRORS = {code: Message for code in (400, 401, 403, 404, 409)}


class SessionOut(Schema):
    id: int
    course_slug: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    is_online: bool
    online_url: str
    venue: str
    address: str
    city: str
    country: str
    host_community_id: int | None
    host_community_title: str | None
    capacity: int
    seats_left: int
    registration_deadline: datetime.datetime
    registration_open: bool
    is_free: bool
    price: Decimal
    currency: str
    eligible_roles: list[str]


class CourseOut(Schema):
    id: int
    slug: str
    title: str
    description: str
    target_roles: list[str]
    format: str
    language: str
    level: str
    duration: str
    provider: str
    prerequisites: str
    url: str
    sessions: list[SessionOut]


class RegistrationOut(Schema):
    id: int
    session: SessionOut
    course_title: str
    status: str
    waitlist_position: int | None
    attended: bool | None
    created_at: datetime.datetime


def _language(request, lang: str | None) -> str:
    return language_of(lang or translation.get_language_from_request(request))


def _session(session: Session) -> dict:
    host = session.host_community
    return {
        "id": session.pk,
        "course_slug": session.course.slug,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "time_zone": session.time_zone,
        "is_online": session.is_online,
        "online_url": session.online_url,
        "venue": session.venue,
        "address": session.address,
        "city": session.place_city,
        "country": session.place_country,
        "host_community_id": host.pk if host else None,
        "host_community_title": host.title if host else None,
        "capacity": session.capacity,
        "seats_left": session.seats_left,
        "registration_deadline": session.deadline,
        "registration_open": session.registration_open(),
        "is_free": session.is_free,
        "price": session.price,
        "currency": session.currency,
        "eligible_roles": session.eligible_roles,
    }


def _course(course: Course, sessions, language: str, base: str) -> dict:
    for session in sessions:
        session.course = course  # no query per session for its slug
    return {
        "id": course.pk,
        "slug": course.slug,
        "title": course.title_for(language),
        "description": course.description_for(language),
        "target_roles": course.target_roles,
        "format": course.format,
        "language": course.language,
        "level": course.level,
        "duration": course.duration,
        "provider": course.provider,
        "prerequisites": course.prerequisites,
        "url": f"{base}course/{course.slug}/" if base else "",
        "sessions": [_session(session) for session in sessions],
    }


def _catalog_base(language: str) -> str:
    from .pages import catalog_page

    page = catalog_page(language)
    return (page.get_url() or "") if page else ""


def _error(error: services.TrainingError):
    return Status(error.status, {"detail": error.message})


@router.get("/courses/", response={200: list[CourseOut], 400: Message})
def list_courses(
    request,
    lang: str | None = None,
    role: str | None = None,
    format: str | None = None,
    language: str | None = None,
    city: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    community: str | None = None,
    price: str | None = None,
    seats: str | None = None,
    limit: int = 50,
    offset: int = 0,
):
    """Published courses with their upcoming sessions; every catalog filter.

    ``price`` is ``free`` or ``paid``; ``seats=1`` keeps sessions with seats left;
    ``date_from``/``date_to`` are dates (YYYY-MM-DD) in the network's time zone;
    ``community`` is a host community page id in any language.
    """
    filters = CatalogFilters.from_params(
        {k: v for k, v in locals().items() if isinstance(v, str)}
    )
    if filters.errors:
        return Status(400, {"detail": filters.message()})
    if not (1 <= limit <= 100) or offset < 0:
        return Status(400, {"detail": "limit must be 1-100 and offset at least 0."})
    reader = _language(request, lang)
    base = _catalog_base(reader)
    courses = matching_courses(filters)[offset : offset + limit]
    return [_course(course, course.upcoming, reader, base) for course in courses]


@router.get("/courses/{slug}/", response={200: CourseOut, 404: Message})
def course_detail(request, slug: str, lang: str | None = None):
    """One published course with its upcoming sessions."""
    course = Course.objects.published().filter(slug=slug).first()
    if course is None:
        return Status(404, {"detail": f"There is no course {slug!r}."})
    sessions = (
        upcoming_sessions().filter(course=course).select_related("host_community")
    )
    reader = _language(request, lang)
    return _course(course, list(sessions), reader, _catalog_base(reader))


@router.get("/sessions/{session_id}/", response={200: SessionOut, 404: Message})
def session_detail(request, session_id: int):
    """One upcoming session of a published course."""
    session = (
        upcoming_sessions()
        .select_related("course", "host_community")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        return Status(404, {"detail": f"There is no session {session_id}."})
    return _session(session)


@router.post(
    "/sessions/{session_id}/register/",
    response={201: RegistrationOut, **ERRORS},
)
def register(request, session_id: int, lang: str | None = None):
    """Register the caller: a seat if one is free, else the waitlist (201 both).

    401 anonymous; 403 not eligible (the message says why); 404 unknown session;
    409 already registered or registration closed.
    """
    reader = _language(request, lang)
    try:
        with translation.override(reader):
            registration = services.register(request.user, session_id, language=reader)
    except services.TrainingError as error:
        return _error(error)
    row = _registration_rows().get(pk=registration.pk)
    return Status(201, _registration(row, reader))


@router.post(
    "/registrations/{registration_id}/cancel/",
    response={200: RegistrationOut, **ERRORS},
)
def cancel(request, registration_id: int, lang: str | None = None):
    """Cancel one of the caller's registrations; the seat goes to the waitlist."""
    if not request.user.is_authenticated:
        return Status(401, {"detail": "Sign in to cancel a registration."})
    reader = _language(request, lang)
    try:
        with translation.override(reader):
            services.cancel(request.user, registration_id)
    except services.TrainingError as error:
        return _error(error)
    return _registration(_registration_rows().get(pk=registration_id), reader)


@router.get("/registrations/mine/", response={200: list[RegistrationOut], 401: Message})
def my_registrations(request, lang: str | None = None):
    """The caller's training history, newest session first."""
    if not request.user.is_authenticated:
        return Status(401, {"detail": "Sign in to see your registrations."})
    reader = _language(request, lang)
    rows = _registration_rows().filter(user=request.user)
    return [_registration(row, reader) for row in rows.order_by("-session__starts_at")]


def _registration_rows():
    return Registration.objects.select_related(
        "session__course", "session__host_community"
    )


def _registration(row: Registration, language: str = "he") -> dict:
    return {
        "id": row.pk,
        "session": _session(row.session),
        "course_title": row.session.course.title_for(language),
        "status": row.status,
        "waitlist_position": services.waitlist_position(row),
        "attended": row.attended,
        "created_at": row.created_at,
    }
