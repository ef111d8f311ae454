"""The public and signed-in API: answers, errors, no leaks, constant queries."""

import pytest

from plugins.contrib.awards import services
from plugins.contrib.awards.models import Phase
from plugins.contrib.awards.pages import AwardProgramPage
from plugins.testing import publish_page, switch_plugin

from .conftest import announced, count_queries, make_cycle, nomination, seat, user

API = "/api/v3/plugins/awards"


@pytest.fixture
def page(site, program):
    return publish_page(
        site.home, AwardProgramPage(title="הפרס", slug="award", program=program)
    )


@pytest.mark.django_db
def test_programs_and_cycles_in_both_languages(client, program, page):
    cycle = make_cycle(program, 2035)
    hebrew = client.get(f"{API}/programs/").json()
    assert hebrew[0]["title"] == "המרכז הקהילתי המצטיין"
    assert hebrew[0]["url"] == page.url
    english = client.get(f"{API}/programs/center-of-the-year/?lang=en").json()
    assert english["title"] == "Outstanding community center"
    (data,) = english["cycles"]
    assert data["phase"] == "nominations_open"
    assert [c["name"] for c in data["criteria"]] == [
        "Impact",
        "Innovation",
        "Partnership",
    ]
    assert client.get(f"{API}/cycles/{cycle.pk}/").json()["year"] == 2035


@pytest.mark.django_db
def test_unknown_program_or_cycle_is_a_404_with_a_message(client):
    response = client.get(f"{API}/programs/nope/")
    assert response.status_code == 404
    assert response.json()["detail"] == "No award program 'nope'."
    assert client.get(f"{API}/cycles/999/").json()["detail"] == "No award cycle 999."


@pytest.mark.django_db
def test_confirmed_but_unannounced_results_never_leak(client, program, manager):
    cycle = make_cycle(program, 2035, phase=Phase.JUDGING_CLOSED)
    secret = nomination(cycle, name="עוד סוד")
    services.confirm_results(manager, cycle, [secret.pk])
    assert client.get(f"{API}/winners/").json() == []
    assert client.get(f"{API}/cycles/{cycle.pk}/").json()["awards"] == []
    assert client.get(f"{API}/programs/").json()[0]["cycles"][0]["awards"] == []
    services.announce(cycle, manager)
    (award,) = client.get(f"{API}/winners/").json()
    assert award["nominee_name"] == "עוד סוד" and award["rank"] == 1


@pytest.mark.django_db
def test_signed_in_endpoints_answer_401_to_anonymous_visitors(client):
    for path in ("/my/nominations/", "/jury/assignments/"):
        response = client.get(f"{API}{path}", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 401
    assert (
        client.get(f"{API}/my/nominations/?lang=en").json()["detail"]
        == "Sign in first."
    )


@pytest.mark.django_db
def test_all_operations_are_in_the_one_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    ours = {p for p in paths if p.startswith(f"{API}/")}
    assert {
        f"{API}/programs/",
        f"{API}/winners/",
        f"{API}/nominations/",
        f"{API}/my/nominations/",
        f"{API}/jury/assignments/",
        f"{API}/jury/nominations/{{nomination_id}}/scores/",
        f"{API}/documents/{{document_id}}/",
    } <= ours


@pytest.mark.django_db
def test_switched_off_network_wide_answers_404(client, program):
    switch_plugin("awards", False)
    assert client.get(f"{API}/programs/").status_code == 404


def _announced_cycles(program, start, count):
    for year in range(start, start + count):
        cycle = make_cycle(program, year)
        announced(
            cycle,
            winners=[nomination(cycle, name=f"זוכה {year}")],
            mentions=[nomination(cycle, name=f"ציון {year}")],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/programs/", "/winners/"])
def test_public_lists_cost_the_same_queries_at_n_and_2n(client, program, page, path):
    _announced_cycles(program, 2000, 2)
    client.get(f"{API}{path}")  # warm caches (site root paths, switches)
    small = count_queries(lambda: client.get(f"{API}{path}"))
    _announced_cycles(program, 2010, 2)
    assert count_queries(lambda: client.get(f"{API}{path}")) == small


@pytest.mark.django_db
def test_my_nominations_and_assignments_cost_the_same_queries_at_n_and_2n(
    client, program
):
    cycle = make_cycle(program, 2036, phase=Phase.JUDGING)
    me = user("me")
    seat(cycle, me)
    client.force_login(me)

    def add(count, start):
        for i in range(start, start + count):
            nomination(cycle, name=f"קהילה {i}", nominator=me)

    add(2, 0)
    for path in ("/my/nominations/", "/jury/assignments/"):
        client.get(f"{API}{path}")
    small = [
        count_queries(lambda p=p: client.get(f"{API}{p}"))
        for p in ("/my/nominations/", "/jury/assignments/")
    ]
    add(2, 10)
    large = [
        count_queries(lambda p=p: client.get(f"{API}{p}"))
        for p in ("/my/nominations/", "/jury/assignments/")
    ]
    assert small == large
