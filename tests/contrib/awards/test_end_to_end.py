"""A whole cycle: schedule, nominations, jury, results, announcement, pages."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from plugins.contrib.awards import jury
from plugins.contrib.awards.models import (
    AwardCycle,
    Nomination,
    NominationAddition,
    Phase,
    Result,
)
from plugins.contrib.awards.pages import AwardProgramPage
from plugins.contrib.awards.tasks import apply_schedules
from plugins.testing import render_plugin_slot

from .conftest import make_cycle, pdf, role_holder, seat, user

API = "/api/v3/plugins/awards"


def scores(cycle, values, comment="נימוק"):
    return {
        "scores": [
            {"criterion": c.pk, "value": v, "comment": comment}
            for c, v in zip(cycle.criteria.order_by("sort_order"), values, strict=True)
        ]
    }


def put(client, person, nomination_id, body):
    client.force_login(person)
    return client.put(
        f"{API}/jury/nominations/{nomination_id}/scores/",
        body,
        content_type="application/json",
    )


@pytest.mark.django_db
def test_a_full_cycle_from_nominations_to_the_winners_page(
    site, program, client, monkeypatch, django_capture_on_commit_callbacks
):
    haifa = site.community("קהילת חיפה", english="Haifa community")
    jaffa = site.community("קהילת יפו", english="Jaffa community")
    cycle = make_cycle(program, 2030, phase=Phase.UPCOMING)
    staff = user("manager")
    staff.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    program.managers.add(staff)
    conflicted = role_holder(haifa, "juror-haifa")
    impartial = user("juror-2")
    third = user("juror-3")
    for person in (conflicted, impartial, third):
        seat(cycle, person)
    editor = role_holder(haifa, "haifa-editor", role="editor")
    nominator = user("nominator")
    second = user("second")

    # Nominations open on their date (the beat task).
    assert apply_schedules("2030-01-02") == {cycle.pk: Phase.NOMINATING}
    client.force_login(nominator)
    form = {
        "cycle": cycle.pk,
        "community": haifa.pk,
        "statement": "מרכז שפועל למען כולם",
        "contact_name": "דנה",
        "contact_email": "dana@example.org",
    }
    created = client.post(f"{API}/nominations/", {**form, "files": [pdf()]})
    assert created.status_code == 201, created.content
    haifa_id = created.json()["id"]
    outside = client.post(
        f"{API}/nominations/",
        {
            **{k: v for k, v in form.items() if k != "community"},
            "nominee_name": "קהילת ברלין",
            "nominee_description": "קהילה ישראלית בברלין",
            "contact_email": "berlin@example.org",
            "files": [pdf("berlin.pdf")],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert outside.status_code == 201, outside.content
    client.force_login(second)
    merged = client.post(f"{API}/nominations/", {**form, "statement": "גם אני"})
    assert merged.status_code == 200
    assert merged.json()["merged"] is True
    assert f"מס׳ {haifa_id}" in merged.json()["detail"]  # points at it
    client.force_login(editor)
    material = client.post(
        f"{API}/nominations/{haifa_id}/material/",
        {"text": "תמונות מהפעילות", "files": [pdf("photos.pdf")]},
    )
    assert material.status_code == 201
    assert NominationAddition.objects.filter(nomination_id=haifa_id).count() == 2
    assert Nomination.objects.filter(cycle=cycle).count() == 2

    # Judging opens on its date; the jury scores (one juror has a conflict).
    assert apply_schedules("2030-04-02") == {cycle.pk: Phase.JUDGING}
    berlin_id = outside.json()["id"]
    assert (
        put(client, conflicted, haifa_id, scores(cycle, [10, 10, 10])).status_code
        == 403
    )
    assert (
        put(client, conflicted, berlin_id, scores(cycle, [6, 6, 6])).status_code == 200
    )
    assert put(client, impartial, haifa_id, scores(cycle, [9, 8, 7])).status_code == 200
    assert (
        put(client, impartial, berlin_id, scores(cycle, [7, 7, 7])).status_code == 200
    )
    assert put(client, third, haifa_id, scores(cycle, [8, 8, 8])).status_code == 200
    assert put(client, third, berlin_id, scores(cycle, [5, 9, 9])).status_code == 200

    # Judging closes; the manager confirms and announces in the admin.
    assert apply_schedules("2030-05-02") == {cycle.pk: Phase.JUDGING_CLOSED}
    # The results date alone does not announce unconfirmed results.
    assert apply_schedules("2030-06-02") == {cycle.pk: Phase.JUDGING_CLOSED}
    client.force_login(staff)
    screen = reverse("awards_cycle", args=[cycle.pk])
    page = client.get(screen)
    assert page.status_code == 200 and "awards-progress" in page.content.decode()
    client.post(
        screen, {"action": "confirm", "winners": [haifa_id], "mentions": [berlin_id]}
    )
    cycle.refresh_from_db()
    assert cycle.results_confirmed_at is not None
    events = []
    emit = jury.emit_event

    def record_and_emit(name, **kw):
        events.append((name, kw))
        return emit(name, **kw)

    monkeypatch.setattr(jury, "emit_event", record_and_emit)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(screen, {"action": "announce"})
    assert response.status_code == 302
    cycle = AwardCycle.objects.get(pk=cycle.pk)
    assert cycle.phase == Phase.ANNOUNCED
    assert Nomination.objects.get(pk=haifa_id).result == Result.WINNER

    # The event for the forum's announcement topic, with its payload.
    ((name, payload),) = events
    assert name == "award_announced"
    assert payload["cycle"] == cycle and payload["program"] == program
    assert [n.pk for n in payload["winners"]] == [haifa_id]
    assert [n.pk for n in payload["honourable_mentions"]] == [berlin_id]
    assert payload["results_url"].endswith("/2030/") and payload["user"] == staff

    # The forum answers it: an announcement topic in the network's forum.
    from machina.apps.forum_conversation.models import Topic

    from forum.models import CommunityForum, Kind, Scope

    announcements = CommunityForum.objects.get(
        scope=Scope.NETWORK, kind=Kind.ANNOUNCEMENTS
    ).forum
    topic = Topic.objects.get(forum=announcements, subject__contains="2030")
    assert topic.type == Topic.TOPIC_ANNOUNCE and topic.poster == staff
    text = str(topic.first_post.content.rendered)
    assert "קהילת חיפה" in text and "/2030/" in text

    # Emails to nominators and nominees, in the language they nominated in.
    to = {message.to[0]: message for message in mail.outbox}
    assert {"nominator@example.org", "dana@example.org"} <= set(to)
    assert "זכתה" in to["dana@example.org"].body  # nominated in Hebrew
    assert to["dana@example.org"].subject.startswith("המרכז הקהילתי המצטיין 2030")
    berlin = to["berlin@example.org"]  # nominated from an English page
    assert "honourable mention" in berlin.body and "/en/" in berlin.body

    # The results page (published on announcement), both languages.
    program_page = AwardProgramPage.objects.get(
        program=program, locale__language_code="he"
    )
    results = client.get(f"{program_page.url}2030/")
    assert results.status_code == 200
    html = results.content.decode()
    assert 'lang="he"' in html and 'dir="rtl"' in html
    assert "קהילת חיפה" in html and "קהילת ברלין" in html
    english = program_page.get_translations().get()
    english_html = client.get(f"{english.url}2030/").content.decode()
    assert 'dir="ltr"' in english_html and "Haifa community" in english_html

    # The badge on the winner's community page, not on others.
    badge = render_plugin_slot("community_sidebar", haifa, label="awards")
    assert "זוכה" in badge and "2030/" in badge
    assert render_plugin_slot("community_sidebar", jaffa, label="awards") == ""
    english_haifa = haifa.get_translations().get()
    assert "Winner" in render_plugin_slot(
        "community_sidebar", english_haifa, label="awards"
    )

    # The public API lists the winners.
    winners = client.get(f"{API}/winners/").json()
    assert [(w["nominee_name"], w["result"]) for w in winners] == [
        ("קהילת חיפה", "winner"),
        ("קהילת ברלין", "mention"),
    ]
