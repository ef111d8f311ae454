"""``/api/v3/plugins/awards/jury/``: a juror's assignments and scoring.

Blind scoring: until judging closes a juror reads only their own scores; the
rules are ``jury.visible_scores`` and ``jury.submit_scores`` (the service layer).
"""

from __future__ import annotations

from ninja import Router, Schema, Status

from .jury import assignments, submit_scores, visible_scores
from .models import PHASE_SLUGS, AwardCycle, Juror, Nomination, Phase
from .rules import AwardError, NotFound, has_conflict, juror_seat, require_signed_in

router = Router()


class Message(Schema):
    detail: str
    field: str = ""


ERRORS = {code: Message for code in (400, 401, 403, 404, 409)}


def _fail(error: AwardError):
    return Status(error.status, {"detail": error.message, "field": error.field})


class AssignmentOut(Schema):
    nomination_id: int
    nominee_name: str
    community_id: int | None
    conflict_of_interest: bool
    scored: int
    criteria: int


class JuryCycleOut(Schema):
    cycle_id: int
    program: str
    year: int
    phase: str
    nominations: list[AssignmentOut]


class ScoreIn(Schema):
    criterion: int
    value: int
    comment: str = ""


class ScoresIn(Schema):
    scores: list[ScoreIn]


class ScoreOut(Schema):
    juror: str
    mine: bool
    criterion_id: int
    value: int
    comment: str


@router.get("/assignments/", response={200: list[JuryCycleOut], **ERRORS})
def my_assignments(request):
    """Cycles (not yet announced) where I am a juror, with what I have scored."""
    try:
        require_signed_in(request.user)
    except AwardError as error:
        return _fail(error)
    seats = Juror.objects.filter(
        user=request.user, cycle__phase__lt=Phase.ANNOUNCED
    ).select_related("cycle__program")
    return [_jury_cycle(request.user, seat.cycle) for seat in seats]


def _jury_cycle(user, cycle: AwardCycle) -> dict:
    return {
        "cycle_id": cycle.pk,
        "program": cycle.program.slug,
        "year": cycle.year,
        "phase": PHASE_SLUGS[Phase(cycle.phase)],
        "nominations": [
            {
                "nomination_id": row.nomination.pk,
                "nominee_name": row.nomination.nominee_name,
                "community_id": row.nomination.community_id,
                "conflict_of_interest": row.conflict,
                "scored": row.scored,
                "criteria": row.criteria,
            }
            for row in assignments(user, cycle)
        ],
    }


def _jury_nomination(request, nomination_id: int) -> Nomination:
    require_signed_in(request.user)
    nomination = (
        Nomination.objects.select_related("cycle__program", "community")
        .filter(pk=nomination_id)
        .first()
    )
    if nomination is None or juror_seat(request.user, nomination.cycle) is None:
        raise NotFound(f"No nomination {nomination_id} on your jury.")
    return nomination


def _scores(request, nomination: Nomination) -> list[dict]:
    return [
        {
            "juror": score.juror.user.get_username(),
            "mine": score.juror.user_id == request.user.pk,
            "criterion_id": score.criterion_id,
            "value": score.value,
            "comment": score.comment,
        }
        for score in visible_scores(request.user, nomination)
    ]


@router.get(
    "/nominations/{nomination_id}/scores/", response={200: list[ScoreOut], **ERRORS}
)
def read_scores(request, nomination_id: int):
    """My scores of a nomination; everyone's once judging has closed."""
    try:
        nomination = _jury_nomination(request, nomination_id)
        if (
            has_conflict(request.user, nomination)
            and not nomination.cycle.judging_closed
        ):
            raise NotFound(f"No nomination {nomination_id} on your jury.")
        return _scores(request, nomination)
    except AwardError as error:
        return _fail(error)


@router.put(
    "/nominations/{nomination_id}/scores/", response={200: list[ScoreOut], **ERRORS}
)
def write_scores(request, nomination_id: int, payload: ScoresIn):
    """Score a nomination on some or all criteria (1-10, with a comment).
    Only while judging, never a community I belong to; all or nothing."""
    try:
        nomination = _jury_nomination(request, nomination_id)
        submit_scores(request.user, nomination, [s.dict() for s in payload.scores])
        return _scores(request, nomination)
    except AwardError as error:
        return _fail(error)
