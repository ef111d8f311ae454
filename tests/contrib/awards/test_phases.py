"""Phase rules: dates, the beat task, the manager's action, what each phase allows."""

import datetime

import pytest

from plugins.contrib.awards import services
from plugins.contrib.awards.models import Nomination, Phase, Score
from plugins.contrib.awards.rules import NotAllowed, NotSignedIn, WrongPhase
from plugins.contrib.awards.tasks import apply_schedules, periodic_tasks
from plugins.testing import switch_plugin

from .conftest import make_cycle, nomination, pdf, role_holder, seat, user

API = "/api/v3/plugins/awards"


@pytest.mark.django_db
def test_the_dates_give_the_phase(program):
    cycle = make_cycle(program, 2032)
    day = datetime.date
    assert cycle.scheduled_phase(day(2031, 12, 31)) == Phase.UPCOMING
    assert cycle.scheduled_phase(day(2032, 1, 1)) == Phase.NOMINATING
    assert cycle.scheduled_phase(day(2032, 3, 1)) == Phase.NOMINATIONS_CLOSED
    assert cycle.scheduled_phase(day(2032, 4, 15)) == Phase.JUDGING
    assert cycle.scheduled_phase(day(2032, 5, 1)) == Phase.JUDGING_CLOSED
    assert cycle.scheduled_phase(day(2032, 6, 1)) == Phase.ANNOUNCED


@pytest.mark.django_db
def test_the_beat_task_moves_on_but_never_back(program, manager):
    cycle = make_cycle(program, 2032, phase=Phase.UPCOMING)
    assert [t.task for t in periodic_tasks] == ["awards.apply_schedules"]
    assert apply_schedules("2032-01-05") == {cycle.pk: Phase.NOMINATING}
    services.advance_phase(cycle, manager)  # the manager closes early
    services.advance_phase(cycle, manager)
    assert apply_schedules("2032-01-06") == {cycle.pk: Phase.JUDGING}
    switch_plugin("awards", False)
    assert apply_schedules("2032-05-06") == {}


@pytest.mark.django_db
def test_a_confirmed_cycle_is_announced_on_its_date(program, manager):
    cycle = make_cycle(program, 2032, phase=Phase.JUDGING_CLOSED)
    services.confirm_results(manager, cycle, [nomination(cycle, name="א").pk])
    assert apply_schedules("2032-05-20") == {cycle.pk: Phase.JUDGING_CLOSED}
    assert apply_schedules("2032-06-01") == {cycle.pk: Phase.ANNOUNCED}


@pytest.mark.django_db
def test_only_managers_move_phases(program, manager, member):
    cycle = make_cycle(program, 2032, phase=Phase.NOMINATING)
    with pytest.raises(NotAllowed):
        services.advance_phase(cycle, member)
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotSignedIn):
        services.advance_phase(cycle, AnonymousUser())
    services.advance_phase(cycle, manager)
    cycle.refresh_from_db()
    assert cycle.phase == Phase.NOMINATIONS_CLOSED
    cycle.phase = Phase.JUDGING_CLOSED
    cycle.save()
    with pytest.raises(WrongPhase):  # announcing needs confirmed results
        services.advance_phase(cycle, manager)
    with pytest.raises(WrongPhase):
        services.announce(cycle, manager)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phase", [Phase.UPCOMING, Phase.NOMINATIONS_CLOSED, Phase.JUDGING, Phase.ANNOUNCED]
)
def test_no_nomination_outside_the_nomination_phase(
    site, program, member, client, phase
):
    community = site.community("קהילה")
    cycle = make_cycle(program, 2032, phase=phase)
    client.force_login(member)
    response = client.post(
        f"{API}/nominations/",
        {
            "cycle": cycle.pk,
            "community": community.pk,
            "statement": "מצוינת",
            "contact_name": "דנה",
            "contact_email": "dana@example.org",
            "files": [pdf()],
        },
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "הגשת המועמדויות למחזור זה סגורה."
    assert not Nomination.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phase", [Phase.NOMINATING, Phase.NOMINATIONS_CLOSED, Phase.JUDGING_CLOSED]
)
def test_no_scoring_outside_judging(program, client, phase):
    cycle = make_cycle(program, 2032, phase=phase)
    juror = user("juror")
    seat(cycle, juror)
    nom = nomination(cycle, name="קהילה")
    client.force_login(juror)
    criterion = cycle.criteria.first()
    response = client.put(
        f"{API}/jury/nominations/{nom.pk}/scores/",
        {"scores": [{"criterion": criterion.pk, "value": 7}]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "Scores are given only while judging is open."
    assert not Score.objects.exists()


@pytest.mark.django_db
def test_material_only_until_judging(site, program, client):
    community = site.community("קהילה")
    editor = role_holder(community, "editor", role="editor")
    cycle = make_cycle(program, 2032, phase=Phase.JUDGING)
    nom = nomination(cycle, community)
    client.force_login(editor)
    response = client.post(f"{API}/nominations/{nom.pk}/material/", {"text": "עוד"})
    assert response.status_code == 409
    assert not nom.additions.exists()
