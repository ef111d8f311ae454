"""Registration rules: register, cancel, promote from the waitlist, attendance.

Every path that decides "seat or waitlist" first locks the session row (``SELECT
... FOR UPDATE`` on PostgreSQL), so a cancellation and a registration cannot both
think the waitlist is empty. The seat itself is taken by a conditional ``UPDATE
... WHERE seats_taken < capacity`` and the check constraint on the table refuses
anything beyond the capacity, whatever the code above it does.

Views, the API and the admin call these functions; errors are ``TrainingError``
subclasses carrying an HTTP status and a translated message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.api import (
    current_memberships,
    current_roles,
    is_plugin_active,
    membership_role_choices,
)

from .apps import LABEL
from .models import (
    OPEN_STATUSES,
    CourseStatus,
    Registration,
    RegistrationStatus,
    Session,
)


class TrainingError(Exception):
    """A refused request; ``status`` is the HTTP status the API answers with."""

    status = 400

    def __init__(self, message: Any):
        super().__init__(str(message))
        self.message = str(message)


class NotSignedIn(TrainingError):
    status = 401


class NotEligible(TrainingError):
    status = 403


class NotFound(TrainingError):
    status = 404


class Conflict(TrainingError):
    status = 409


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reason: str = ""


def _role_names(codes) -> str:
    labels = dict(membership_role_choices())
    return ", ".join(str(labels.get(code, code)) for code in codes)


def eligibility(user, session: Session, memberships=None) -> Eligibility:
    """May ``user`` register for ``session``? If not, ``reason`` says why.

    A session without restrictions is open to every signed-in user. With roles,
    the user must currently hold one of them (in one of the communities, when
    communities are also given); with communities only, any current membership
    there counts. Communities match in every language (``translation_key``).
    """
    if not getattr(user, "is_authenticated", False):
        return Eligibility(False, _("Sign in to register."))
    roles = session.eligible_roles
    communities = list(session.eligible_communities.all())
    if not roles and not communities:
        return Eligibility(True)
    if memberships is None:
        memberships = current_memberships(user)
    keys = {community.translation_key for community in communities}
    for community, role in memberships:
        if keys and community.translation_key not in keys:
            continue
        if roles and role not in roles:
            continue
        return Eligibility(True)
    names = ", ".join(community.title for community in communities)
    if roles and communities:
        reason = _("This session is for %(roles)s in %(communities)s.")
    elif roles:
        reason = _("This session is for %(roles)s. You do not hold any of these roles.")
    else:
        reason = _("This session is for members of %(communities)s.")
    return Eligibility(
        False, reason % {"roles": _role_names(roles), "communities": names}
    )


def _open_session(session_id: int) -> Session:
    """The session, locked, if its course is published and the plugin is on."""
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("course", "host_community")
        .filter(pk=session_id, course__status=CourseStatus.PUBLISHED)
        .first()
    )
    if session is None or not is_plugin_active(LABEL, session.host_community):
        raise NotFound(_("There is no session %(id)s.") % {"id": session_id})
    return session


def _notify(registration_id: int, kind: str) -> None:
    from .tasks import send_registration_email

    transaction.on_commit(lambda: send_registration_email.delay(registration_id, kind))


def register(user, session_id: int, *, language: str = "") -> Registration:
    """A seat if one is free, else a place on the waitlist; emails the member.

    Raises ``NotSignedIn``, ``NotFound``, ``Conflict`` (deadline passed, already
    registered) or ``NotEligible`` with a message saying why.
    """
    if not getattr(user, "is_authenticated", False):
        raise NotSignedIn(_("Sign in to register."))
    now = timezone.now()
    with transaction.atomic():
        session = _open_session(session_id)
        if not session.registration_open(now):
            raise Conflict(_("Registration for this session has closed."))
        verdict = eligibility(user, session)
        if not verdict.allowed:
            raise NotEligible(verdict.reason)
        if session.registrations.filter(user=user, status__in=OPEN_STATUSES).exists():
            raise Conflict(_("You are already registered for this session."))
        seated = Session.objects.filter(
            pk=session.pk, seats_taken__lt=F("capacity")
        ).update(seats_taken=F("seats_taken") + 1)
        status = (
            RegistrationStatus.REGISTERED if seated else RegistrationStatus.WAITLISTED
        )
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    session=session,
                    user=user,
                    status=status,
                    created_at=now,
                    language=language[:8],
                )
        except IntegrityError as error:  # a double click on another connection
            raise Conflict(_("You are already registered for this session.")) from error
        _notify(registration.pk, status)
    return registration


def cancel(user, registration_id: int) -> Registration:
    """Cancel ``user``'s own registration; a freed seat goes to the waitlist."""
    now = timezone.now()
    with transaction.atomic():
        found = Registration.objects.filter(pk=registration_id, user=user).first()
        if found is None or not getattr(user, "is_authenticated", False):
            raise NotFound(
                _("There is no registration %(id)s.") % {"id": registration_id}
            )
        # Session first, then the registration: the same order as register().
        session = Session.objects.select_for_update().get(pk=found.session_id)
        registration = Registration.objects.select_for_update().get(pk=found.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise Conflict(_("This registration is already cancelled."))
        if session.starts_at <= now:
            raise Conflict(_("The session has started; it can no longer be cancelled."))
        was_registered = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if was_registered:
            Session.objects.filter(pk=session.pk).update(
                seats_taken=F("seats_taken") - 1
            )
            _promote(session.pk, now)
        _notify(registration.pk, RegistrationStatus.CANCELLED)
    return registration


def _promote(session_id: int, now) -> list[int]:
    """Give free seats to the longest waiting (call with the session locked)."""
    session = Session.objects.select_for_update().get(pk=session_id)
    free = session.capacity - session.seats_taken
    if free <= 0 or session.starts_at <= now:
        return []
    waiting = list(
        session.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:free]
    )
    if not waiting:
        return []
    Registration.objects.filter(pk__in=waiting).update(
        status=RegistrationStatus.REGISTERED, promoted_at=now
    )
    Session.objects.filter(pk=session_id).update(
        seats_taken=F("seats_taken") + len(waiting)
    )
    for pk in waiting:
        _notify(pk, "promoted")
    return waiting


def fill_from_waitlist(session_id: int) -> list[int]:
    """Promote waiting members while seats are free (e.g. the capacity grew)."""
    with transaction.atomic():
        if not Session.objects.filter(pk=session_id).exists():
            return []
        return _promote(session_id, timezone.now())


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first in the queue; ``None`` unless waitlisted."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        session_id=registration.session_id,
        status=RegistrationStatus.WAITLISTED,
        created_at__lte=registration.created_at,
    ).exclude(created_at=registration.created_at, pk__gt=registration.pk)
    return ahead.count()


def can_organise(user, session: Session) -> bool:
    """Network staff (``training.change_session``) and current editors of the
    session's host community."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.has_perm("training.change_session"):
        return True
    host = session.host_community
    return host is not None and "editor" in current_roles(user, host)


def mark_attendance(session: Session, attended: dict[int, bool | None]) -> int:
    """Record attendance of registered members (``{registration id: bool}``)."""
    rows = session.registrations.filter(
        status=RegistrationStatus.REGISTERED, pk__in=list(attended)
    )
    changed = 0
    with transaction.atomic():
        for registration in rows.select_for_update():
            value = attended[registration.pk]
            if registration.attended != value:
                registration.attended = value
                registration.save(update_fields=["attended"])
                changed += 1
    return changed
