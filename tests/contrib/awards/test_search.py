"""Search documents: programs and announced winners only."""

import pytest

from plugins.api import PUBLIC
from plugins.contrib.awards import services
from plugins.contrib.awards.models import Phase
from plugins.registry import registry

from .conftest import make_cycle, nomination


@pytest.mark.django_db
def test_program_document_is_public_and_network_wide(program):
    document = registry.search_documents["awards.AwardProgram"]
    data = document.document(program)
    assert data["title"] == "המרכז הקהילתי המצטיין / Outstanding community center"
    assert data["type"] == "award_program"
    assert data["audience"] == [PUBLIC] and data["community"] is None


@pytest.mark.django_db
def test_winners_are_indexed_only_once_announced(site, program, manager):
    document = registry.search_documents["awards.Nomination"]
    community = site.community("קהילת חיפה")
    cycle = make_cycle(program, 2038, phase=Phase.JUDGING_CLOSED)
    winner = nomination(cycle, community)
    loser = nomination(cycle, name="אחרת")
    services.confirm_results(manager, cycle, [winner.pk])
    winner.refresh_from_db()
    assert not document.is_indexed(winner) and not document.is_indexed(loser)
    assert document.audience(winner) == []
    assert list(document.queryset()) == []
    services.announce(cycle, manager)
    winner.refresh_from_db()
    loser.refresh_from_db()
    assert document.is_indexed(winner) and not document.is_indexed(loser)
    assert list(document.queryset()) == [winner]
    data = document.document(winner)
    assert data["title"] == "קהילת חיפה: זוכה, המרכז הקהילתי המצטיין 2038"
    assert data["audience"] == [PUBLIC] and data["community"] == community
    assert data["url"].endswith("/2038/") and data["facets"] == {"award_year": 2038}
