"""Fixtures for the awards plugin tests: a program, cycles in any phase, people."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from plugins.contrib.awards.models import (
    AwardCycle,
    AwardProgram,
    Criterion,
    Juror,
    Nomination,
    Phase,
)
from plugins.testing import plugin_site  # noqa: F401
from tests.sitebuilder import role_holder

PDF = b"%PDF-1.4\n% a tiny test document\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name: str = "letter.pdf", content: bytes = PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_cycle(program, year: int, phase: Phase = Phase.NOMINATING, **fields):
    """A cycle of ``program`` whose dates run through ``year``, in ``phase``, with
    three criteria weighted 3, 2 and 1."""
    dates = {
        "nominations_open_on": datetime.date(year, 1, 1),
        "nominations_close_on": datetime.date(year, 3, 1),
        "judging_starts_on": datetime.date(year, 4, 1),
        "judging_ends_on": datetime.date(year, 5, 1),
        "results_on": datetime.date(year, 6, 1),
    }
    cycle = AwardCycle.objects.create(
        program=program, year=year, phase=phase, **{**dates, **fields}
    )
    for order, (name_he, name_en, weight) in enumerate(
        [
            ("השפעה", "Impact", 3),
            ("חדשנות", "Innovation", 2),
            ("שותפות", "Partnership", 1),
        ]
    ):
        Criterion.objects.create(
            cycle=cycle,
            sort_order=order,
            name_he=name_he,
            name_en=name_en,
            weight=weight,
        )
    return cycle


def user(username: str, **fields) -> User:
    return User.objects.create_user(username, f"{username}@example.org", "pw", **fields)


def seat(cycle, person) -> Juror:
    return Juror.objects.create(cycle=cycle, user=person)


def nomination(cycle, community=None, name="", nominator=None, **fields) -> Nomination:
    """A nomination written straight to the database (no service rules)."""
    key = (
        f"page:{community.translation_key}"
        if community is not None
        else f"name:{name.casefold()}"
    )
    defaults = {
        "statement": "קהילה מצוינת",
        "contact_name": "רות",
        "contact_email": "ruth@example.org",
        "nominee_name": community.title if community is not None else name,
    }
    return Nomination.objects.create(
        cycle=cycle,
        community=community,
        nominee_key=key,
        nominator=nominator,
        **{**defaults, **fields},
    )


def criteria(cycle) -> list[Criterion]:
    return list(cycle.criteria.order_by("sort_order"))


def score_all(juror_seat, nom, values) -> None:
    """Write a juror's scores directly: ``values`` in criterion order."""
    from plugins.contrib.awards.models import Score

    for criterion, value in zip(criteria(nom.cycle), values, strict=True):
        Score.objects.create(
            juror=juror_seat, nomination=nom, criterion=criterion, value=value
        )


@pytest.fixture
def program(db) -> AwardProgram:
    return AwardProgram.objects.create(
        slug="center-of-the-year",
        title_he="המרכז הקהילתי המצטיין",
        title_en="Outstanding community center",
        description_he="פרס שנתי",
        description_en="A yearly award",
    )


@pytest.fixture
def manager(program) -> User:
    person = user("manager")
    program.managers.add(person)
    return person


@pytest.fixture
def member(db) -> User:
    return user("member")


__all__ = ["role_holder"]


def announced(cycle, winners=(), mentions=()):
    """Mark ``cycle`` announced with these results (straight to the database)."""
    from django.utils import timezone

    for rank, nom in enumerate([*winners, *mentions], start=1):
        nom.result = "winner" if nom in winners else "mention"
        nom.rank = rank
        nom.save()
    cycle.phase = Phase.ANNOUNCED
    cycle.results_confirmed_at = cycle.announced_at = timezone.now()
    cycle.save()
    return cycle


def count_queries(callable_):
    """The number of queries ``callable_()`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)
