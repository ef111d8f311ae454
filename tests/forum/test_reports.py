"""Reporting posts, the moderators' report queue, and what moderators do."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from forum import reports
from forum.models import ForumBan, Kind, PostReport, ReportStatus
from forum.permissions import can_reply, can_start_topic
from tests.sitebuilder import role_holder

from .conftest import area_forum
from .helpers import FORMSETS, Post, login, make_topic
from .test_abuse import reply_url, topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def spam(world):
    topic = make_topic(world.general, world.users["moderator"], "דיון", "פתיחה")
    spammer = role_holder(world.community, "spammer")
    post = Post.objects.create(
        topic=topic, poster=spammer, subject="Re", content="קנו עכשיו!!!"
    )
    return post


def test_report_appears_in_this_communitys_queue_only(client, world, spam):
    login(client, world.users["member"])
    form = client.get(reverse("forum_report", kwargs={"pk": spam.pk}))
    assert form.status_code == 200
    response = client.post(
        reverse("forum_report", kwargs={"pk": spam.pk}),
        {"reason": "spam", "text": "פרסומת חוזרת"},
    )
    assert response.status_code == 302
    report = PostReport.objects.get(post=spam)
    assert report.reporter == world.users["member"] and report.status == "open"

    queue = reverse("forum_report_queue")
    login(client, world.users["moderator"])
    page = client.get(queue)
    assert page.status_code == 200
    assert "פרסומת חוזרת" in page.content.decode()

    paris_moderator = role_holder(world.other, "paris_mod", role="moderator")
    login(client, paris_moderator)
    page = client.get(queue)
    assert page.status_code == 200
    assert "פרסומת חוזרת" not in page.content.decode()

    login(client, world.users["member"])
    assert client.get(queue).status_code == 403


def test_report_button_on_the_topic_page(client, world, spam):
    login(client, world.users["member"])
    page = client.get(topic_url(spam.topic)).content.decode()
    assert reverse("forum_report", kwargs={"pk": spam.pk}) in page
    login(client, None)
    page = client.get(topic_url(spam.topic)).content.decode()
    assert reverse("forum_report", kwargs={"pk": spam.pk}) not in page


def test_report_rules(world, spam):
    member = world.users["member"]
    first = reports.report_post(member, spam, "abuse", "")
    assert reports.report_post(member, spam, "spam", "again") == first
    assert PostReport.objects.filter(post=spam).count() == 1
    with pytest.raises(ValidationError):
        reports.report_post(world.users["moderator"], spam, "boring")
    with pytest.raises(PermissionDenied):
        reports.report_post(None, spam, "spam")


def test_a_non_reader_cannot_report(client, world):
    topic = make_topic(world.private, world.users["moderator"], "פנימי", "לחברים")
    post = topic.first_post
    stranger = world.users["other_member"]
    with pytest.raises(PermissionDenied):
        reports.report_post(stranger, post, "spam")
    login(client, stranger)
    url = reverse("forum_report", kwargs={"pk": post.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "spam"}).status_code == 403
    assert not PostReport.objects.exists()


def test_only_moderators_of_the_forum_resolve(client, world, spam):
    report = reports.report_post(world.users["member"], spam, "spam")
    for user in (
        world.users["member"],
        world.users["other_member"],
        role_holder(world.other, "paris_mod", role="moderator"),
    ):
        with pytest.raises(PermissionDenied):
            reports.resolve(user, report, "hide")
    login(client, world.users["member"])
    url = reverse("forum_resolve_report", kwargs={"pk": report.pk})
    assert client.post(url, {"action": "hide"}).status_code == 403
    spam.refresh_from_db()
    assert spam.approved
    with pytest.raises(ValidationError):
        reports.resolve(world.users["moderator"], report, "explode")


def test_dismiss_closes_every_open_report_of_the_post(world, spam):
    first = reports.report_post(world.users["member"], spam, "spam")
    second = reports.report_post(world.users["moderator"], spam, "abuse")
    reports.resolve(world.users["staff"], first, "dismiss")
    second.refresh_from_db()
    assert second.status == ReportStatus.DISMISSED
    assert second.resolved_by == world.users["staff"] and second.resolved_at
    spam.refresh_from_db()
    assert spam.approved
    with pytest.raises(ValidationError):  # already handled
        reports.resolve(world.users["moderator"], first, "hide")


def test_hide_from_the_queue_then_approve(client, world, spam):
    report = reports.report_post(world.users["member"], spam, "spam")
    login(client, world.users["moderator"])
    url = reverse("forum_resolve_report", kwargs={"pk": report.pk})
    assert client.post(url, {"action": "hide"}).status_code == 302
    spam.refresh_from_db()
    report.refresh_from_db()
    assert not spam.approved  # hidden, not deleted
    assert (report.status, report.action) == ("resolved", "hide")
    login(client, world.users["member"])
    assert "קנו עכשיו" not in client.get(topic_url(spam.topic)).content.decode()

    # Members no longer see the post: only its moderators can report it now.
    with pytest.raises(PermissionDenied):
        reports.report_post(world.users["member"], spam, "other")
    again = reports.report_post(world.users["moderator"], spam, "other", "בטעות?")
    reports.resolve(world.users["moderator"], again, "approve")
    spam.refresh_from_db()
    assert spam.approved
    assert "קנו עכשיו" in client.get(topic_url(spam.topic)).content.decode()


def test_lock(world, spam):
    report = reports.report_post(world.users["member"], spam, "abuse")
    reports.resolve(world.users["moderator"], report, "lock")
    spam.topic.refresh_from_db()
    assert spam.topic.is_locked
    assert not can_reply(world.users["member"], spam.topic)


def test_move_only_to_a_forum_the_moderator_moderates(world, spam):
    report = reports.report_post(world.users["member"], spam, "off_topic")
    paris = area_forum(world.other, Kind.GENERAL)
    with pytest.raises(PermissionDenied):
        reports.resolve(world.users["moderator"], report, "move", target_forum=paris)
    with pytest.raises(ValidationError):
        reports.resolve(world.users["moderator"], report, "move")
    reports.resolve(
        world.users["moderator"], report, "move", target_forum=world.announcements
    )
    spam.topic.refresh_from_db()
    assert spam.topic.forum == world.announcements


def test_ban_stops_posting_in_that_forum(client, world, spam):
    spammer = spam.poster
    topic = spam.topic
    assert can_reply(spammer, topic)
    report = reports.report_post(world.users["member"], spam, "spam")
    login(client, world.users["moderator"])
    url = reverse("forum_resolve_report", kwargs={"pk": report.pk})
    response = client.post(url, {"action": "ban", "days": "7", "reason": "ספאם"})
    assert response.status_code == 302
    ban = ForumBan.objects.get(user=spammer, forum=world.general)
    assert ban.by == world.users["moderator"] and ban.until > timezone.now()

    assert not can_reply(spammer, topic)
    assert not can_start_topic(spammer, world.general)
    assert can_reply(spammer, make_topic(world.announcements, spammer, "א", "ב"))
    login(client, spammer)
    assert client.get(topic_url(topic)).status_code == 200  # still reads
    data = {"subject": "Re", "content": "שוב", **FORMSETS}
    assert client.post(reply_url(topic), data).status_code == 403
    assert not topic.posts.filter(content="שוב").exists()

    # An expired ban no longer applies.
    ForumBan.objects.filter(pk=ban.pk).update(
        until=timezone.now() - timezone.timedelta(minutes=1)
    )
    assert can_reply(spammer, topic)
