"""Ranking a cycle's eligible nominations by the jury's weighted mean.

Formula. For juror *j* who scored nomination *n* on **every** criterion *c* of
the cycle (weight *w_c*, score *s_jc* from 1 to 10), the juror's mark is the
weighted mean ``m_j = Σ w_c·s_jc / Σ w_c``. The nomination's score is the plain
mean of its jurors' marks, ``S_n = Σ m_j / J_n`` (each juror counts once).
A juror who scored only some criteria is left out of the ranking (the manager
sees them as incomplete). Arithmetic is exact (fractions), so ties are real ties.

Tie-break, in order, when two scores are equal:

1. the higher mean score on the highest-weight criterion (of equal weights, the
   first in the cycle's order);
2. more jurors who scored the nomination in full;
3. the earlier nomination (``created``, then id).

Nominations no juror scored in full come last, in nomination order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from .models import AwardCycle, Nomination, NominationStatus, Score


@dataclass
class Ranked:
    nomination: Nomination
    position: int
    score: Fraction | None
    top_criterion_mean: Fraction | None
    jurors: int

    @property
    def score_display(self) -> str:
        return "—" if self.score is None else f"{float(self.score):.2f}"


def _mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


def rank_cycle(cycle: AwardCycle) -> list[Ranked]:
    """Every eligible nomination of ``cycle`` with its position (1 is best).

    Three queries whatever the number of nominations, jurors and criteria.
    """
    criteria = list(cycle.criteria.order_by("sort_order", "pk"))
    nominations = list(
        cycle.nominations.filter(status=NominationStatus.SUBMITTED)
        .select_related("community")
        .order_by("created", "pk")
    )
    weights = {c.pk: c.weight for c in criteria}
    top = max(criteria, key=lambda c: c.weight).pk if criteria else None
    sheets: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    rows = Score.objects.filter(nomination__cycle=cycle).values_list(
        "nomination_id", "juror_id", "criterion_id", "value"
    )
    for nomination_id, juror_id, criterion_id, value in rows:
        sheets[(nomination_id, juror_id)][criterion_id] = value
    total_weight = sum(weights.values())
    marks: dict[int, list[Fraction]] = defaultdict(list)
    tops: dict[int, list[Fraction]] = defaultdict(list)
    for (nomination_id, _juror), sheet in sheets.items():
        if not weights or set(sheet) != set(weights):
            continue  # incomplete: not counted
        weighted = sum(weights[c] * value for c, value in sheet.items())
        marks[nomination_id].append(Fraction(weighted, total_weight))
        tops[nomination_id].append(Fraction(sheet[top]))
    scored = [
        Ranked(n, 0, _mean(marks[n.pk]), _mean(tops[n.pk]), len(marks[n.pk]))
        for n in nominations
    ]
    with_score = sorted(
        (r for r in scored if r.score is not None),
        key=lambda r: (
            -r.score,
            -r.top_criterion_mean,
            -r.jurors,
            r.nomination.created,
            r.nomination.pk,
        ),
    )
    ranked = with_score + [r for r in scored if r.score is None]
    for position, row in enumerate(ranked, start=1):
        row.position = position
    return ranked
