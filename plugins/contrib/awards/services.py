"""The awards rules in one place: pages, API, admin and tasks all call these.

Every action checks the caller and the cycle's phase, validates everything
first and then writes inside one transaction, so a refused action changes
nothing. Errors are ``rules.AwardError`` subclasses with a message to show.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from plugins.api import get_community_model, is_plugin_active

from .apps import LABEL
from .models import (
    AdditionKind,
    AwardCycle,
    Nomination,
    NominationAddition,
    NominationDocument,
    NominationStatus,
    Phase,
    Result,
    language_of,
)
from .rules import (
    AwardError,
    Invalid,
    NotAllowed,
    NotFound,
    WrongPhase,
    is_community_editor,
    require_manager,
    require_phase,
    require_signed_in,
)
from .uploads import validate_uploads

__all__ = ["AwardError", "advance_phase", "announce", "nominate", "submit_scores"]


# --- phases ---------------------------------------------------------------------
def advance_phase(cycle: AwardCycle, user: Any) -> AwardCycle:
    """A manager moves the cycle one phase on (announcing goes via ``announce``)."""
    require_manager(user, cycle.program)
    with transaction.atomic():
        locked = AwardCycle.objects.select_for_update().get(pk=cycle.pk)
        if locked.phase >= Phase.JUDGING_CLOSED:
            raise WrongPhase(_("Confirm the results and announce them to finish."))
        return _set_phase(cycle, Phase(locked.phase + 1))


def _set_phase(cycle: AwardCycle, phase: Phase) -> AwardCycle:
    with transaction.atomic():
        locked = AwardCycle.objects.select_for_update().get(pk=cycle.pk)
        if phase > locked.phase:  # never backwards, even in a race
            AwardCycle.objects.filter(pk=cycle.pk).update(phase=phase)
            locked.phase = phase
    cycle.phase = locked.phase
    return cycle


def apply_schedule(cycle: AwardCycle, day) -> Phase:
    """Move ``cycle`` on to the phase its dates give for ``day`` (never back).

    Results are announced on their date only once a manager has confirmed them;
    until then the cycle waits in *judging closed*.
    """
    target = cycle.scheduled_phase(day)
    if target == Phase.ANNOUNCED:
        if cycle.results_confirmed_at is None or cycle.phase < Phase.JUDGING_CLOSED:
            target = Phase.JUDGING_CLOSED
        elif cycle.phase == Phase.JUDGING_CLOSED:
            announce(cycle, None)
            return Phase(cycle.phase)
    if target > cycle.phase:
        _set_phase(cycle, target)
    return Phase(cycle.phase)


# --- nominations ----------------------------------------------------------------
def _normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _source_community(community_id: Any):
    """The live community page with this id, as its source-language page."""
    model = get_community_model()
    try:
        page = model.objects.live().filter(pk=int(community_id)).first()
    except (TypeError, ValueError):
        page = None
    if page is None:
        raise Invalid(
            _("There is no community with the id %(id)s.") % {"id": community_id},
            "community",
        )
    return (
        model.objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .first()
    )


def _check_contact(name: str, email: str) -> None:
    if not name.strip():
        raise Invalid(_("Give a contact name."), "contact_name")
    try:
        validate_email(email)
    except ValidationError:
        raise Invalid(_("Give a valid contact email."), "contact_email") from None


def _check_eligible(cycle: AwardCycle, key: str, community) -> None:
    program = cycle.program
    if program.member_communities_only and community is None:
        raise Invalid(
            _("This award is for member communities only; choose one."), "community"
        )
    years = program.winner_cooldown_years
    if years:
        recent = Nomination.objects.filter(
            cycle__program=program,
            cycle__phase=Phase.ANNOUNCED,
            cycle__year__gte=cycle.year - years,
            cycle__year__lt=cycle.year,
            result=Result.WINNER,
            nominee_key=key,
        ).first()
        if recent is not None:
            raise Invalid(
                _("%(name)s won in %(year)s and may not be nominated again this year.")
                % {"name": recent.nominee_name, "year": recent.cycle.year},
                "community",
            )


def nominate(
    user: Any,
    cycle: AwardCycle,
    *,
    statement: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str = "",
    community: Any = None,
    nominee_name: str = "",
    nominee_description: str = "",
    nominee_website: str = "",
    files: list | None = None,
    language: str = "he",
) -> tuple[Nomination, bool]:
    """Nominate a member community (``community``: a page id) or one outside
    the network (``nominee_name`` + ``nominee_description``).

    Returns ``(nomination, merged)``. A second nomination of the same community
    in the cycle is *merged*: its statement and documents are added to the
    existing nomination as support (``merged`` is True), never a second row.
    A new nomination needs at least one supporting document.
    """
    require_signed_in(user)
    files = list(files or [])
    if not is_plugin_active(LABEL):
        raise NotFound(_("Awards are switched off."))
    require_phase(
        cycle, Phase.NOMINATING, message=_("Nominations for this cycle are closed.")
    )
    if not statement.strip():
        raise Invalid(_("Write a statement: why this community?"), "statement")
    _check_contact(contact_name, contact_email)
    if community not in (None, ""):
        page = _source_community(community)
        key, name = f"page:{page.translation_key}", page.title
    else:
        page, name = None, nominee_name.strip()
        if not name:
            raise Invalid(_("Choose a community or name one."), "nominee_name")
        if not nominee_description.strip():
            raise Invalid(
                _("Describe a community that is not a member."), "nominee_description"
            )
        key = f"name:{_normalise(name)}"
    _check_eligible(cycle, key, page)
    existing = Nomination.objects.filter(cycle=cycle, nominee_key=key).first()
    if existing is not None:
        return _merge(user, existing, statement, files), True
    if not files:
        raise Invalid(_("Attach at least one supporting document."), "files")
    types = validate_uploads(files)
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                cycle=cycle,
                community=page,
                nominee_key=key,
                nominee_name=name[:200],
                nominee_description=nominee_description.strip(),
                nominee_website=nominee_website.strip(),
                statement=statement.strip(),
                contact_name=contact_name.strip(),
                contact_email=contact_email.strip(),
                contact_phone=contact_phone.strip(),
                nominator=user,
                language=language_of(language),
            )
            _save_files(nomination, files, types, user)
    except IntegrityError:  # the same community nominated at the same moment
        existing = Nomination.objects.get(cycle=cycle, nominee_key=key)
        return _merge(user, existing, statement, files), True
    return nomination, False


def _save_files(nomination, uploads, types, user, addition=None) -> None:
    """Write the files; if the transaction rolls back, delete them again."""
    saved = []
    try:
        for upload, content_type in zip(uploads, types, strict=True):
            document = NominationDocument(
                nomination=nomination,
                addition=addition,
                original_name=upload.name[:255],
                content_type=content_type,
                size=upload.size,
                uploaded_by=user,
            )
            document.file.save(upload.name, upload, save=True)
            saved.append(document.file)
    except Exception:
        for stored in saved:
            stored.storage.delete(stored.name)
        raise


def _merge(user, nomination: Nomination, statement: str, files: list) -> Nomination:
    types = validate_uploads(files, existing=nomination.documents.count())
    with transaction.atomic():
        addition = NominationAddition.objects.create(
            nomination=nomination,
            kind=AdditionKind.SUPPORT,
            author=user,
            text=statement.strip(),
        )
        _save_files(nomination, files, types, user, addition)
    return nomination


def add_material(user: Any, nomination: Nomination, text: str, files: list) -> Any:
    """The nominated community's editors add text and documents, until judging."""
    require_signed_in(user)
    if not is_community_editor(user, nomination):
        raise NotAllowed(_("Only the nominated community's editors may add material."))
    require_phase(
        nomination.cycle,
        Phase.NOMINATING,
        Phase.NOMINATIONS_CLOSED,
        message=_("Material can be added only until judging starts."),
    )
    files = list(files or [])
    if not text.strip() and not files:
        raise Invalid(_("Add a text or a document."), "text")
    types = validate_uploads(files, existing=nomination.documents.count())
    with transaction.atomic():
        addition = NominationAddition.objects.create(
            nomination=nomination, kind=AdditionKind.MATERIAL, author=user, text=text
        )
        _save_files(nomination, files, types, user, addition)
    return addition


def set_eligibility(user: Any, nomination: Nomination, eligible: bool) -> None:
    """A manager rules a nomination (in)eligible before judging starts."""
    require_manager(user, nomination.cycle.program)
    require_phase(
        nomination.cycle,
        Phase.NOMINATING,
        Phase.NOMINATIONS_CLOSED,
        message=_("Eligibility is decided before judging starts."),
    )
    nomination.status = (
        NominationStatus.SUBMITTED if eligible else NominationStatus.INELIGIBLE
    )
    nomination.save(update_fields=["status"])


from .jury import announce, confirm_results, submit_scores  # noqa: E402, F401
