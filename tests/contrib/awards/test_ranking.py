"""Ranking by the mean of jurors' weighted means, and the documented tie-break."""

import datetime
from fractions import Fraction

import pytest
from django.utils import timezone

from plugins.contrib.awards.models import Phase
from plugins.contrib.awards.ranking import rank_cycle

from .conftest import make_cycle, nomination, score_all, seat, user


@pytest.fixture
def cycle(program):
    return make_cycle(program, 2031, phase=Phase.JUDGING_CLOSED)


@pytest.fixture
def jurors(cycle):
    return [seat(cycle, user(f"juror-{i}")) for i in range(3)]


def names(cycle):
    return [row.nomination.nominee_name for row in rank_cycle(cycle)]


@pytest.mark.django_db
def test_score_is_the_mean_of_each_jurors_weighted_mean(cycle, jurors):
    nom = nomination(cycle, name="א")
    score_all(jurors[0], nom, [9, 8, 7])  # weights 3, 2, 1: 50/6
    score_all(jurors[1], nom, [8, 8, 8])  # 8
    (row,) = rank_cycle(cycle)
    assert row.score == (Fraction(50, 6) + 8) / 2
    assert row.jurors == 2 and row.position == 1
    assert row.score_display == "8.17"


@pytest.mark.django_db
def test_higher_weighted_mean_ranks_first(cycle, jurors):
    low, high = nomination(cycle, name="נמוך"), nomination(cycle, name="גבוה")
    score_all(jurors[0], low, [6, 6, 6])
    score_all(jurors[0], high, [7, 6, 6])
    assert names(cycle) == ["גבוה", "נמוך"]


@pytest.mark.django_db
def test_tie_goes_to_the_higher_score_on_the_weightiest_criterion(cycle, jurors):
    broad, focused = nomination(cycle, name="רחב"), nomination(cycle, name="ממוקד")
    score_all(jurors[0], broad, [5, 10, 10])  # (15 + 20 + 10) / 6 = 7.5
    score_all(jurors[0], focused, [10, 5, 5])  # (30 + 10 + 5) / 6 = 7.5
    ranked = rank_cycle(cycle)
    assert ranked[0].score == ranked[1].score == Fraction(15, 2)
    assert names(cycle) == ["ממוקד", "רחב"]


@pytest.mark.django_db
def test_then_to_more_jurors(cycle, jurors):
    one, two = nomination(cycle, name="אחד"), nomination(cycle, name="שניים")
    score_all(jurors[0], one, [8, 8, 8])
    score_all(jurors[0], two, [8, 8, 8])
    score_all(jurors[1], two, [8, 8, 8])
    assert names(cycle) == ["שניים", "אחד"]


@pytest.mark.django_db
def test_then_to_the_earlier_nomination(cycle, jurors):
    now = timezone.now()
    late = nomination(cycle, name="מאוחר", created=now)
    early = nomination(cycle, name="מוקדם", created=now - datetime.timedelta(days=1))
    for nom in (late, early):
        score_all(jurors[0], nom, [7, 7, 7])
    assert names(cycle) == ["מוקדם", "מאוחר"]


@pytest.mark.django_db
def test_incomplete_sheets_do_not_count_and_unscored_come_last(cycle, jurors):
    from plugins.contrib.awards.models import Score

    scored, partial = nomination(cycle, name="נוקד"), nomination(cycle, name="חלקי")
    score_all(jurors[0], scored, [5, 5, 5])
    first = cycle.criteria.order_by("sort_order").first()
    Score.objects.create(juror=jurors[1], nomination=partial, criterion=first, value=10)
    ranked = rank_cycle(cycle)
    assert names(cycle) == ["נוקד", "חלקי"]
    assert ranked[1].score is None and ranked[1].jurors == 0


@pytest.mark.django_db
def test_ranking_reads_a_constant_number_of_queries(cycle, jurors):
    from .conftest import count_queries

    def fill(count):
        for i in range(count):
            nom = nomination(cycle, name=f"n{count}-{i}")
            for juror in jurors:
                score_all(juror, nom, [5, 6, 7])

    fill(2)
    small = count_queries(lambda: rank_cycle(cycle))
    fill(4)
    assert count_queries(lambda: rank_cycle(cycle)) == small == 3
