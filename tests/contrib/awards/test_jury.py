"""Conflict of interest, blind scoring, score validation and the manager's view."""

import pytest
from django.db import IntegrityError, transaction

from plugins.contrib.awards import services
from plugins.contrib.awards.jury import assignments, progress, visible_scores
from plugins.contrib.awards.models import Phase, Score
from plugins.contrib.awards.pages import AwardProgramPage
from plugins.testing import publish_page

from .conftest import make_cycle, nomination, role_holder, seat, user

API = "/api/v3/plugins/awards"


@pytest.fixture
def community(site):
    return site.community("קהילת חיפה", english="Haifa")


@pytest.fixture
def cycle(program):
    return make_cycle(program, 2034, phase=Phase.JUDGING)


@pytest.fixture
def page(site, program):
    return publish_page(
        site.home, AwardProgramPage(title="הפרס", slug="award", program=program)
    )


def entries(cycle, values, comment=""):
    return [
        {"criterion": c.pk, "value": v, "comment": comment}
        for c, v in zip(cycle.criteria.order_by("sort_order"), values, strict=True)
    ]


def put(client, nom, body):
    return client.put(
        f"{API}/jury/nominations/{nom.pk}/scores/",
        {"scores": body},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


@pytest.mark.django_db
def test_a_juror_never_scores_a_community_they_belong_to(
    cycle, community, client, page
):
    insider = role_holder(community, "insider")
    seat(cycle, insider)
    nom = nomination(cycle, community)
    other = nomination(cycle, name="קהילה אחרת")
    with pytest.raises(services.NotAllowed):  # the service
        services.submit_scores(insider, nom, entries(cycle, [9, 9, 9]))
    client.force_login(insider)
    response = put(client, nom, entries(cycle, [9, 9, 9]))  # the API
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Conflict of interest")
    assert client.get(f"{page.url}jury/{nom.pk}/").status_code == 404  # the page
    assert client.post(f"{page.url}jury/{nom.pk}/", {}).status_code == 404
    assert not Score.objects.exists()
    rows = {r.nomination.pk: r.conflict for r in assignments(insider, cycle)}
    assert rows == {nom.pk: True, other.pk: False}
    listed = client.get(f"{API}/jury/assignments/").json()[0]["nominations"]
    assert {n["nomination_id"]: n["conflict_of_interest"] for n in listed} == rows
    assert put(client, other, entries(cycle, [5, 5, 5])).status_code == 200


@pytest.mark.django_db
def test_membership_in_any_language_and_nominating_are_conflicts(cycle, community):
    english = community.get_translations().get()
    nom = nomination(cycle, english.specific_class.objects.get(pk=community.pk))
    member_via_english = role_holder(english, "english-member")  # stored as given
    nominator = user("nominator")
    own = nomination(cycle, name="שלי", nominator=nominator)
    for person in (member_via_english, nominator):
        seat(cycle, person)
    from plugins.contrib.awards.rules import has_conflict

    assert has_conflict(member_via_english, nom)
    assert has_conflict(nominator, own)


@pytest.mark.django_db
def test_an_ended_membership_is_no_conflict(cycle, community):
    import datetime

    from django.utils import timezone

    past = role_holder(
        community,
        "former",
        term_start=timezone.now() - datetime.timedelta(days=400),
        term_end=timezone.now() - datetime.timedelta(days=30),
    )
    seat(cycle, past)
    nom = nomination(cycle, community)
    services.submit_scores(past, nom, entries(cycle, [7, 7, 7]))
    assert Score.objects.count() == 3


@pytest.mark.django_db
def test_scoring_is_blind_until_judging_closes(cycle, client, page, manager):
    first, second = user("first"), user("second")
    for person in (first, second):
        seat(cycle, person)
    nom = nomination(cycle, name="קהילה")
    services.submit_scores(first, nom, entries(cycle, [9, 9, 9], "הסוד של הראשון"))
    services.submit_scores(second, nom, entries(cycle, [4, 4, 4], "של השני"))
    client.force_login(second)
    url = f"{API}/jury/nominations/{nom.pk}/scores/"
    seen = client.get(url).json()
    assert {s["juror"] for s in seen} == {"second"} and all(s["mine"] for s in seen)
    html = client.get(f"{page.url}jury/{nom.pk}/").content.decode()
    assert "של השני" in html and "הסוד של הראשון" not in html
    assert {s.juror.user for s in visible_scores(second, nom)} == {second}
    assert client.get(f"{API}/nominations/{nom.pk}/").json()["id"] == nom.pk
    client.force_login(user("outsider"))
    assert client.get(url).status_code == 404
    # Managers follow everything; after judging closes, so do the jurors.
    assert len(visible_scores(manager, nom)) == 6
    cycle.phase = Phase.JUDGING_CLOSED
    cycle.save()
    client.force_login(second)
    assert {s["juror"] for s in client.get(url).json()} == {"first", "second"}
    html = client.get(f"{page.url}jury/{nom.pk}/").content.decode()
    assert "הסוד של הראשון" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([11, 5, 5], "A score is a whole number from 1 to 10, not 11."),
        ([0, 5, 5], "A score is a whole number from 1 to 10, not 0."),
        ([5, -3, 5], "A score is a whole number from 1 to 10, not -3."),
    ],
)
def test_a_score_out_of_range_is_refused_and_changes_nothing(
    cycle, client, values, message
):
    juror = user("juror")
    seat(cycle, juror)
    nom = nomination(cycle, name="קהילה")
    services.submit_scores(juror, nom, entries(cycle, [6, 6, 6]))
    client.force_login(juror)
    response = put(client, nom, entries(cycle, values))
    assert response.status_code == 400
    assert response.json() == {"detail": message, "field": "value"}
    assert sorted(Score.objects.values_list("value", flat=True)) == [6, 6, 6]


@pytest.mark.django_db
def test_an_unknown_criterion_is_refused(cycle, client, program):
    juror = user("juror")
    seat(cycle, juror)
    nom = nomination(cycle, name="קהילה")
    foreign = make_cycle(program, 2099).criteria.first()
    client.force_login(juror)
    response = put(client, nom, [{"criterion": foreign.pk, "value": 5}])
    assert response.status_code == 400 and response.json()["field"] == "criterion"
    assert not Score.objects.exists()


@pytest.mark.django_db
def test_the_database_keeps_scores_in_range_and_single(cycle):
    juror = seat(cycle, user("juror"))
    nom = nomination(cycle, name="קהילה")
    criterion = cycle.criteria.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(juror=juror, nomination=nom, criterion=criterion, value=11)
    Score.objects.create(juror=juror, nomination=nom, criterion=criterion, value=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(juror=juror, nomination=nom, criterion=criterion, value=6)


@pytest.mark.django_db
def test_the_manager_sees_who_has_scored_what(cycle, community, manager, member):
    insider = role_holder(community, "insider")
    busy, idle = user("busy"), user("idle")
    for person in (insider, busy, idle):
        seat(cycle, person)
    nom = nomination(cycle, community)
    services.submit_scores(busy, nom, entries(cycle, [7, 7, 7])[:2])
    view = progress(manager, cycle)
    cells = {j.user.username: row for j, row in view.rows}
    assert cells == {"busy": [2], "idle": [0], "insider": [None]}
    assert view.criteria == 3
    with pytest.raises(services.NotAllowed):
        progress(member, cycle)
