"""Nominations: member and non-member communities, duplicates, eligibility,
editors' material, validated uploads, and bad input that changes nothing."""

import os

import pytest
from django.conf import settings
from django.db import IntegrityError

from plugins.contrib.awards import services
from plugins.contrib.awards.models import (
    AwardProgram,
    Nomination,
    NominationAddition,
    NominationDocument,
    Phase,
)
from plugins.registry import registry

from .conftest import PNG, announced, make_cycle, nomination, pdf, role_holder, user

API = "/api/v3/plugins/awards"


@pytest.fixture
def cycle(program):
    return make_cycle(program, 2033, phase=Phase.NOMINATING)


@pytest.fixture
def community(site):
    return site.community("קהילת חיפה", english="Haifa")


def form(cycle, community=None, **fields):
    data = {
        "cycle": cycle.pk,
        "statement": "מרכז שפועל למען כולם",
        "contact_name": "דנה",
        "contact_email": "dana@example.org",
        "files": [pdf()],
    }
    if community is not None:
        data["community"] = community.pk
    return {**data, **fields}


def stored_files() -> set:
    root = settings.MEDIA_ROOT
    return {os.path.join(d, f) for d, _, files in os.walk(root) for f in files}


def nothing_changed(before_files):
    assert not Nomination.objects.exists()
    assert not NominationDocument.objects.exists()
    assert stored_files() == before_files


@pytest.mark.django_db
def test_a_member_nominates_a_member_community_by_any_of_its_pages(
    cycle, community, member, client
):
    client.force_login(member)
    english = community.get_translations().get()
    response = client.post(f"{API}/nominations/", form(cycle, english))
    assert response.status_code == 201
    nom = Nomination.objects.get()
    assert nom.community_id == community.pk  # always the source-language page
    assert nom.nominee_name == "קהילת חיפה" and nom.nominator == member
    (document,) = response.json()["documents"]
    assert (
        document["name"] == "letter.pdf"
        and document["content_type"] == "application/pdf"
    )
    assert nom.documents.get().file.name.startswith("documents/awards/")


@pytest.mark.django_db
def test_a_community_outside_the_network_is_named_and_described(cycle, member, client):
    client.force_login(member)
    response = client.post(f"{API}/nominations/", form(cycle, nominee_name="ברלין"))
    assert response.status_code == 400
    assert response.json()["field"] == "nominee_description"
    response = client.post(
        f"{API}/nominations/",
        form(cycle, nominee_name="ברלין", nominee_description="קהילה ישראלית"),
    )
    assert response.status_code == 201 and response.json()["community_id"] is None


@pytest.mark.django_db
def test_a_duplicate_is_merged_into_the_first_with_a_clear_message(
    cycle, member, client
):
    client.force_login(member)
    body = form(cycle, nominee_name="קהילת ברלין", nominee_description="תיאור")
    first = client.post(f"{API}/nominations/", body).json()
    client.force_login(user("other"))
    again = dict(body, nominee_name="  קהילת   ברלין ", statement="גם אני", files=[])
    response = client.post(f"{API}/nominations/", again, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    data = response.json()
    assert data["merged"] is True and data["id"] == first["id"]
    assert data["detail"] == (
        f"קהילת ברלין was already nominated (nomination #{first['id']}): your "
        "statement and documents were added to it as support."
    )
    assert Nomination.objects.count() == 1
    assert NominationAddition.objects.get().text == "גם אני"


@pytest.mark.django_db
def test_the_database_holds_one_nomination_per_community(cycle, community):
    nomination(cycle, community)
    with pytest.raises(IntegrityError):
        nomination(cycle, community, nominee_name="עוד פעם")


@pytest.mark.django_db
def test_last_years_winner_may_not_be_nominated(program, community, member):
    last = make_cycle(program, 2032)
    announced(last, winners=[nomination(last, community)])
    cycle = make_cycle(program, 2033)
    with pytest.raises(services.Invalid) as error:
        services.nominate(
            member,
            cycle,
            community=community.pk,
            statement="שוב",
            contact_name="דנה",
            contact_email="dana@example.org",
            files=[pdf()],
        )
    assert "2032" in error.value.message
    assert cycle.nominations.count() == 0
    AwardProgram.objects.filter(pk=program.pk).update(winner_cooldown_years=0)
    cycle.program.refresh_from_db()
    nom, merged = services.nominate(
        member,
        cycle,
        community=community.pk,
        statement="שוב",
        contact_name="דנה",
        contact_email="dana@example.org",
        files=[pdf()],
    )
    assert not merged and nom.cycle == cycle


@pytest.mark.django_db
def test_a_members_only_program_refuses_outside_communities(cycle, member):
    cycle.program.member_communities_only = True
    with pytest.raises(services.Invalid):
        services.nominate(
            member,
            cycle,
            nominee_name="ברלין",
            nominee_description="קהילה",
            statement="מצוינת",
            contact_name="דנה",
            contact_email="dana@example.org",
            files=[pdf()],
        )


@pytest.mark.django_db
def test_the_communitys_editors_add_material_others_may_not(cycle, community, client):
    nom = nomination(cycle, community)
    editor = role_holder(community, "editor", role="editor")
    plain = role_holder(community, "plain-member")
    client.force_login(plain)
    url = f"{API}/nominations/{nom.pk}/material/"
    assert client.post(url, {"text": "חומר"}).status_code == 403
    client.force_login(editor)
    response = client.post(url, {"text": "חומר", "files": [pdf("more.pdf")]})
    assert response.status_code == 201
    assert response.json()["additions"] == 1 and len(response.json()["documents"]) == 1
    mine = client.get(f"{API}/my/nominations/").json()
    assert [n["id"] for n in mine] == [nom.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"files": []}, "files", "יש לצרף לפחות מסמך תומך אחד."),
        ({"community": 999999}, "community", "אין קהילה שהמזהה שלה 999999."),
        ({"statement": " "}, "statement", "יש לכתוב נימוק: למה דווקא הקהילה הזאת?"),
        ({"contact_email": "not-an-address"}, "contact_email", None),
        ({"files": [pdf("tool.exe")]}, "files", None),
        ({"files": [pdf("fake.pdf", b"MZ\x90\x00 not a pdf")]}, "files", None),
        ({"files": [pdf("photo.png", PNG, "application/pdf")]}, "files", None),
        ({"files": [pdf("empty.pdf", b"")]}, "files", None),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(
    cycle, community, member, client, change, field, message
):
    before = stored_files()
    client.force_login(member)
    response = client.post(f"{API}/nominations/", {**form(cycle, community), **change})
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field
    if message:
        assert response.json()["detail"] == message
    nothing_changed(before)


@pytest.mark.django_db
def test_an_oversized_file_is_refused(cycle, community, member, client, monkeypatch):
    monkeypatch.setitem(registry.plugins["awards"].settings, "max_upload_mb", 0.001)
    before = stored_files()
    client.force_login(member)
    big = pdf("big.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    response = client.post(
        f"{API}/nominations/",
        form(cycle, community, files=[big]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "big.pdf is larger than 1.0\xa0KB."
    nothing_changed(before)


@pytest.mark.django_db
def test_signed_out_visitors_cannot_nominate(cycle, community, client):
    response = client.post(f"{API}/nominations/", form(cycle, community))
    assert response.status_code == 401
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_documents_are_served_only_to_those_who_may_read_them(
    cycle, community, member, client
):
    client.force_login(member)
    created = client.post(f"{API}/nominations/", form(cycle, community)).json()
    url = created["documents"][0]["url"]
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(user("stranger"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 401
    # Never straight from /media/: documents/ is blocked there.
    assert (
        client.get(f"/media/{NominationDocument.objects.get().file.name}").status_code
        == 404
    )
