"""Jury work and results: scoring (blind, conflict-checked), progress, results.

Part of the service layer (``services`` re-exports the actions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.api import emit_event, request_search_reindex, user_community_keys

from .models import (
    SCORE_MAX,
    SCORE_MIN,
    AwardCycle,
    Juror,
    Nomination,
    NominationStatus,
    Phase,
    Result,
    Score,
)
from .ranking import rank_cycle
from .rules import (
    Invalid,
    NotAllowed,
    WrongPhase,
    has_conflict,
    is_manager,
    juror_seat,
    may_read_all_scores,
    require_manager,
    require_phase,
    require_signed_in,
)


# --- scoring --------------------------------------------------------------------
@dataclass
class Assignment:
    """A nomination as one juror sees it."""

    nomination: Nomination
    conflict: bool
    scored: int = 0
    criteria: int = 0

    @property
    def complete(self) -> bool:
        return self.criteria > 0 and self.scored == self.criteria


def assignments(user: Any, cycle: AwardCycle) -> list[Assignment]:
    """The cycle's eligible nominations for juror ``user``, conflicts marked.

    A constant number of queries whatever the number of nominations.
    """
    seat = juror_seat(user, cycle)
    if seat is None:
        raise NotAllowed(_("You are not on this cycle's jury."))
    keys = user_community_keys(user)
    criteria = cycle.criteria.count()
    counts: dict[int, int] = {}
    for nomination_id in Score.objects.filter(juror=seat).values_list(
        "nomination_id", flat=True
    ):
        counts[nomination_id] = counts.get(nomination_id, 0) + 1
    nominations = cycle.nominations.filter(
        status=NominationStatus.SUBMITTED
    ).select_related("community")
    return [
        Assignment(n, has_conflict(user, n, keys), counts.get(n.pk, 0), criteria)
        for n in nominations
    ]


def submit_scores(
    user: Any, nomination: Nomination, entries: list[dict]
) -> list[Score]:
    """Record ``user``'s scores: ``entries`` are ``{"criterion": id, "value": 1-10,
    "comment": str}``. Only jurors of the cycle, only while judging, never for a
    nomination of a community they belong to. All or nothing."""
    require_signed_in(user)
    cycle = nomination.cycle
    seat = juror_seat(user, cycle)
    if seat is None:
        raise NotAllowed(_("You are not on this cycle's jury."))
    require_phase(
        cycle, Phase.JUDGING, message=_("Scores are given only while judging is open.")
    )
    if has_conflict(user, nomination):
        raise NotAllowed(
            _(
                "Conflict of interest: you belong to this community (or nominated "
                "it), so you may not score it."
            )
        )
    if not nomination.is_eligible:
        raise Invalid(_("This nomination is not eligible."))
    if not entries:
        raise Invalid(_("Give at least one score."), "scores")
    criteria = {c.pk: c for c in cycle.criteria.all()}
    cleaned = []
    for entry in entries:
        criterion = criteria.get(_as_int(entry.get("criterion")))
        if criterion is None:
            raise Invalid(
                _("Unknown criterion %(id)s for this cycle.")
                % {"id": entry.get("criterion")},
                "criterion",
            )
        value = _as_int(entry.get("value"))
        if value is None or not SCORE_MIN <= value <= SCORE_MAX:
            raise Invalid(
                _("A score is a whole number from %(low)s to %(high)s, not %(value)s.")
                % {"low": SCORE_MIN, "high": SCORE_MAX, "value": entry.get("value")},
                "value",
            )
        cleaned.append((criterion, value, str(entry.get("comment") or "")[:5000]))
    with transaction.atomic():
        return [
            Score.objects.update_or_create(
                juror=seat,
                nomination=nomination,
                criterion=criterion,
                defaults={"value": value, "comment": comment},
            )[0]
            for criterion, value, comment in cleaned
        ]


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def visible_scores(user: Any, nomination: Nomination):
    """The scores of ``nomination`` that ``user`` may read: blind scoring keeps
    each juror to their own until judging closes; managers read all."""
    require_signed_in(user)
    cycle = nomination.cycle
    scores = Score.objects.filter(nomination=nomination).select_related(
        "juror__user", "criterion"
    )
    if may_read_all_scores(user, cycle):
        return scores
    seat = juror_seat(user, cycle)
    if seat is None:
        raise NotAllowed(_("Only the jury and the managers read scores."))
    return scores.filter(juror=seat)


# --- the manager's view ---------------------------------------------------------
@dataclass
class Progress:
    """Who has scored what: ``cells[(juror_id, nomination_id)]`` is the number of
    criteria scored, or ``None`` for a conflict of interest."""

    jurors: list[Juror]
    nominations: list[Nomination]
    criteria: int
    cells: dict[tuple[int, int], int | None] = field(default_factory=dict)

    def row(self, juror: Juror) -> list[int | None]:
        return [self.cells[(juror.pk, n.pk)] for n in self.nominations]

    @property
    def rows(self) -> list[tuple[Juror, list[int | None]]]:
        return [(juror, self.row(juror)) for juror in self.jurors]


def progress(user: Any, cycle: AwardCycle) -> Progress:
    require_manager(user, cycle.program)
    jurors = list(cycle.jurors.select_related("user").order_by("user__username"))
    nominations = list(
        cycle.nominations.filter(status=NominationStatus.SUBMITTED).select_related(
            "community"
        )
    )
    counts: dict[tuple[int, int], int] = {}
    for key in Score.objects.filter(juror__cycle=cycle).values_list(
        "juror_id", "nomination_id"
    ):
        counts[key] = counts.get(key, 0) + 1
    result = Progress(jurors, nominations, cycle.criteria.count())
    for juror in jurors:
        keys = user_community_keys(juror.user)
        for nomination in nominations:
            conflict = has_conflict(juror.user, nomination, keys)
            result.cells[(juror.pk, nomination.pk)] = (
                None if conflict else counts.get((juror.pk, nomination.pk), 0)
            )
    return result


# --- results --------------------------------------------------------------------
def confirm_results(
    user: Any, cycle: AwardCycle, winners: list[int], mentions: list[int] = ()
) -> None:
    """A manager confirms the winners and honourable mentions (nomination ids)
    after judging closes; their ranks are taken from the ranking."""
    require_manager(user, cycle.program)
    require_phase(
        cycle,
        Phase.JUDGING_CLOSED,
        message=_("Results are confirmed after judging closes and before announcing."),
    )
    winners, mentions = [int(i) for i in winners], [int(i) for i in mentions]
    if not winners:
        raise Invalid(_("Choose at least one winner."), "winners")
    if set(winners) & set(mentions):
        raise Invalid(_("A nomination cannot be both a winner and a mention."))
    ranked = {row.nomination.pk: row for row in rank_cycle(cycle)}
    unknown = [i for i in winners + mentions if i not in ranked]
    if unknown:
        raise Invalid(
            _("Not an eligible nomination of this cycle: %(ids)s.")
            % {"ids": ", ".join(map(str, unknown))}
        )
    with transaction.atomic():
        cycle.nominations.update(result=Result.NONE, rank=None)
        for ids, result in ((winners, Result.WINNER), (mentions, Result.MENTION)):
            for pk in ids:
                Nomination.objects.filter(pk=pk).update(
                    result=result, rank=ranked[pk].position
                )
        cycle.results_confirmed_at = timezone.now()
        cycle.save(update_fields=["results_confirmed_at"])


def announce(cycle: AwardCycle, user: Any) -> AwardCycle:
    """Publish the results: the cycle becomes *announced*, which opens its results
    page and the winners' badges; then (on commit) the ``award_announced`` event
    and the emails to nominators and nominees. ``user`` None: the schedule."""
    if user is not None:
        require_manager(user, cycle.program)
    if cycle.phase == Phase.ANNOUNCED:
        raise WrongPhase(_("These results are already announced."))
    require_phase(
        cycle, Phase.JUDGING_CLOSED, message=_("Close judging before announcing.")
    )
    if cycle.results_confirmed_at is None:
        raise WrongPhase(_("Confirm the winners before announcing."))
    from .pages import ensure_program_page
    from .tasks import notify_results

    with transaction.atomic():
        AwardCycle.objects.filter(pk=cycle.pk).update(
            phase=Phase.ANNOUNCED, announced_at=timezone.now()
        )
        cycle.refresh_from_db()
        page = ensure_program_page(cycle.program)
        # The winners (and the program, whose page may be new) become searchable
        # on commit; nothing unannounced was indexed before.
        for nomination in cycle.nominations.exclude(result=Result.NONE):
            request_search_reindex(nomination)
        request_search_reindex(cycle.program)
        transaction.on_commit(lambda: _announced(cycle, page, user))
        transaction.on_commit(lambda: notify_results.delay(cycle.pk))
    return cycle


def _announced(cycle: AwardCycle, page, user) -> None:
    awarded = list(
        cycle.nominations.exclude(result=Result.NONE)
        .select_related("community")
        .order_by("rank", "pk")
    )
    emit_event(
        "award_announced",
        cycle=cycle,
        program=cycle.program,
        winners=[n for n in awarded if n.result == Result.WINNER],
        honourable_mentions=[n for n in awarded if n.result == Result.MENTION],
        results_url=page.results_url(cycle) if page else "",
        user=user,
    )


__all__ = [
    "announce",
    "assignments",
    "confirm_results",
    "is_manager",
    "progress",
    "submit_scores",
    "visible_scores",
]
