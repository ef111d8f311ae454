"""Who may do what: the predicates every surface (pages, API, admin) asks.

Errors carry an HTTP-like ``status`` so the API answers 400/403/404/409 and the
pages and admin show the same message.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from plugins.api import current_roles, user_community_keys

from .models import AwardCycle, AwardProgram, Juror, Nomination, Phase

#: Roles that make a person one of a community's editors (may add material).
EDITOR_ROLES = ("editor", "center_director")


class AwardError(Exception):
    """A refused action, with a message for the person who tried it."""

    status = 400

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Invalid(AwardError):
    status = 400


class NotSignedIn(AwardError):
    status = 401


class NotAllowed(AwardError):
    status = 403


class NotFound(AwardError):
    status = 404


class WrongPhase(AwardError):
    """The cycle is not in a phase that allows this (409 Conflict)."""

    status = 409


def require_signed_in(user: Any) -> None:
    if not getattr(user, "is_authenticated", False):
        raise NotSignedIn(_("Sign in first."))


def is_manager(user: Any, program: AwardProgram) -> bool:
    """Network staff (superusers) and the program's managers."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return program.managers.filter(pk=user.pk).exists()


def require_manager(user: Any, program: AwardProgram) -> None:
    require_signed_in(user)
    if not is_manager(user, program):
        raise NotAllowed(_("Only the program's managers may do this."))


def require_phase(cycle: AwardCycle, *phases: Phase, message: str) -> None:
    if cycle.phase not in phases:
        raise WrongPhase(message)


def juror_seat(user: Any, cycle: AwardCycle) -> Juror | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Juror.objects.filter(cycle=cycle, user=user).first()


def has_conflict(user: Any, nomination: Nomination, keys: set | None = None) -> bool:
    """Conflict of interest: the person belongs to the nominated community now
    (any current role, in any of its languages) or made the nomination.

    ``keys`` (from ``user_community_keys``) saves the query in loops.
    """
    if nomination.nominator_id is not None and nomination.nominator_id == user.pk:
        return True
    if nomination.community_id is None:
        return False
    if keys is None:
        keys = user_community_keys(user)
    return nomination.community.translation_key in keys


def is_community_editor(user: Any, nomination: Nomination) -> bool:
    """An editor (or director) of the nominated member community."""
    if nomination.community_id is None:
        return False
    return bool(current_roles(user, nomination.community) & set(EDITOR_ROLES))


def may_read_nomination(user: Any, nomination: Nomination) -> bool:
    """Nominator, the community's editors, the cycle's jurors (no conflict) and
    managers. Documents follow the same rule."""
    if not getattr(user, "is_authenticated", False):
        return False
    if nomination.nominator_id == user.pk or is_manager(user, nomination.cycle.program):
        return True
    if is_community_editor(user, nomination):
        return True
    return juror_seat(user, nomination.cycle) is not None and not has_conflict(
        user, nomination
    )


def may_read_all_scores(user: Any, cycle: AwardCycle) -> bool:
    """Blind scoring: a juror reads only their own scores until judging closes;
    managers see everything (they follow who has scored what)."""
    if is_manager(user, cycle.program):
        return True
    return cycle.judging_closed and juror_seat(user, cycle) is not None
