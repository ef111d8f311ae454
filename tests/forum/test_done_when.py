"""The forum issue's "done when", end to end: a member joins a community, posts in
its forum through the API, the post passes the approval queue, a subscriber gets
the email, a moderator handles a report, plugins hear the events, and an outsider
can neither read nor write the members-only forum."""

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from cms.models import Membership, MembershipStatus
from forum import areas
from forum.models import Visibility
from forum.notifications import subscribe_forum
from forum.reports import PostReport
from tests.testdummy_plugin import hooks as dummy_hooks

from .helpers import Post, login

API = "/api/v3/forum"


def post_json(client, url, body):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_join_post_approve_notify_report(
    client, world, django_capture_on_commit_callbacks
):
    dummy_hooks.received.clear()
    forum = world.general
    areas.set_visibility(forum, Visibility.MEMBERS)  # its moderators' choice
    subscriber = world.users["member"]
    moderator = world.users["moderator"]
    subscribe_forum(subscriber, forum)

    # A newcomer asks to join on the site; the community's moderator approves.
    newcomer = User.objects.create_user("dana", "dana@example.org", "pw")
    login(client, newcomer)
    assert client.get(f"{API}/forums/{forum.pk}/topics/").status_code == 404
    join = client.post(reverse("community_join", args=[world.community.pk]))
    assert join.status_code in (200, 302)
    request = Membership.objects.get(user=newcomer, status=MembershipStatus.PENDING)
    login(client, moderator)
    client.post(
        reverse("membership_decide", args=[request.pk]), {"decision": "approve"}
    )
    request.refresh_from_db()
    assert request.status == MembershipStatus.APPROVED

    # The new member posts through the API: a first post waits for approval.
    login(client, newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        created = post_json(
            client,
            f"{API}/forums/{forum.pk}/topics/",
            {"subject": "שאלה על החוג", "content": "מתי מתחיל החוג של @member?"},
        )
    assert created.status_code == 202, created.content
    topic_id = created.json()["topic"]["id"]
    assert mail.outbox == []  # nothing goes out for a post nobody approved
    login(client, subscriber)
    assert client.get(f"{API}/topics/{topic_id}/").status_code == 404

    # The moderator approves it in machina's queue; the subscriber gets one email.
    post = Post.objects.get(topic_id=topic_id)
    login(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(
            reverse("forum_moderation:approve_queued_post", kwargs={"pk": post.pk})
        )
    assert approved.status_code == 302
    assert [m.to for m in mail.outbox] == [[subscriber.email]]
    assert "שאלה על החוג" in mail.outbox[0].subject + mail.outbox[0].body
    assert ("topic_created", topic_id, world.community.pk) in dummy_hooks.received
    assert ("post_created", post.pk, topic_id) in dummy_hooks.received

    # The subscriber reports it; the moderator hides it from the queue page.
    login(client, subscriber)
    reported = post_json(
        client, f"{API}/posts/{post.pk}/report/", {"reason": "off_topic", "text": ""}
    )
    assert reported.status_code == 201, reported.content
    report = PostReport.objects.get(post=post)
    login(client, moderator)
    queue = client.get(reverse("forum_report_queue"))
    assert "שאלה על החוג" in queue.content.decode()
    client.post(reverse("forum_resolve_report", args=[report.pk]), {"action": "hide"})
    report.refresh_from_db()
    assert report.status != "open"
    login(client, subscriber)
    assert client.get(f"{API}/topics/{topic_id}/").status_code == 404

    # An outsider can neither read nor write there.
    login(client, world.users["other_member"])
    assert client.get(f"{API}/forums/{forum.pk}/topics/").status_code == 404
    refused = post_json(
        client, f"{API}/forums/{forum.pk}/topics/", {"subject": "x", "content": "y"}
    )
    assert refused.status_code in (403, 404)
