"""Rate limits on machina's posting views, and the approval queue of new accounts."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from forum import abuse
from forum.models import Kind
from tests.sitebuilder import role_holder

from .conftest import area_forum
from .helpers import FORMSETS, Post, Topic, login, make_topic

pytestmark = pytest.mark.django_db

TOPIC = {"subject": "נושא", "content": "תוכן", "topic_type": 0, **FORMSETS}
REPLY = {"subject": "Re", "content": "תגובה", **FORMSETS}


def create_url(forum):
    return reverse(
        "forum_conversation:topic_create",
        kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk},
    )


def reply_url(topic):
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )


def topic_url(topic):
    return reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )


@pytest.fixture
def limits(settings):
    settings.FORUM_RATE_LIMITS = {
        "topic": {"user": (2, 600), "ip": (100, 600)},
        "reply": {"user": (100, 60), "ip": (3, 60)},
    }
    settings.FORUM_APPROVAL_FIRST_POSTS = 0
    return settings.FORUM_RATE_LIMITS


@pytest.fixture
def frozen(monkeypatch):
    """A clock the test moves (``frozen.now += 600``)."""

    class Clock:
        now = 600 * 1_666_000 + 200.0  # 200 s into a 600 s window, 20 s into 60 s

    monkeypatch.setattr(abuse, "clock", lambda: Clock.now)
    return Clock


def test_user_topic_limit_refuses_with_429_and_saves_nothing(client, world, limits):
    forum = world.general
    login(client, world.users["member"])
    for number in range(2):
        response = client.post(
            create_url(forum), {**TOPIC, "subject": f"נושא {number}"}
        )
        assert response.status_code == 302
    response = client.post(create_url(forum), {**TOPIC, "subject": "אחד יותר מדי"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "You have started too many topics" in response.content.decode() or (
        "יותר מדי נושאים" in response.content.decode()
    )
    assert not Topic.objects.filter(subject="אחד יותר מדי").exists()
    assert forum.topics.count() == 2
    # Another user on the same IP is not limited by the member's budget.
    login(client, world.users["moderator"])
    assert client.post(create_url(forum), TOPIC).status_code == 302


def test_ip_reply_limit_counts_every_user_of_the_address(client, world, limits):
    topic = make_topic(world.general, world.users["moderator"], "שיחה", "פתיחה")
    posts = topic.posts.count()
    login(client, world.users["member"])
    assert client.post(reply_url(topic), REPLY).status_code == 302
    assert client.post(reply_url(topic), REPLY).status_code == 302
    login(client, world.users["moderator"])
    assert client.post(reply_url(topic), REPLY).status_code == 302
    refused = client.post(reply_url(topic), REPLY)
    assert refused.status_code == 429
    assert topic.posts.count() == posts + 3
    # The same user from another address is fine.
    other_ip = client.post(reply_url(topic), REPLY, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 302


def test_limits_reset_after_the_window(client, world, limits, frozen):
    forum = world.general
    login(client, world.users["member"])
    for _ in range(2):
        assert client.post(create_url(forum), TOPIC).status_code == 302
    refused = client.post(create_url(forum), TOPIC)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 400  # the rest of the 600 s window
    frozen.now += 400
    assert client.post(create_url(forum), TOPIC).status_code == 302
    assert forum.topics.count() == 3


def test_a_preview_is_not_counted(client, world, limits):
    forum = world.general
    login(client, world.users["member"])
    for _ in range(5):
        response = client.post(create_url(forum), {**TOPIC, "preview": "1"})
        assert response.status_code == 200
    assert client.post(create_url(forum), TOPIC).status_code == 302


def test_check_posting_service(world, limits, frozen):
    member = world.users["member"]
    abuse.check_posting(member, "1.2.3.4", "topic")
    abuse.check_posting(member, "1.2.3.4", "topic")
    with pytest.raises(abuse.RateLimited) as refused:
        abuse.check_posting(member, "1.2.3.4", "topic")
    assert refused.value.retry_after == 400
    assert refused.value.scope == "user"
    with translation.override("en"):
        assert "Try again in 7 minutes" in str(refused.value)
    with translation.override("he"):
        assert "בעוד 7 דקות" in str(refused.value)
    with pytest.raises(ValueError):
        abuse.check_posting(member, "1.2.3.4", "poll")
    for _ in range(5):  # network staff are never limited
        abuse.check_posting(world.users["staff"], "1.2.3.4", "topic")


def test_client_ip_believes_forwarded_for_only_from_trusted_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    settings.FORUM_TRUSTED_PROXIES = []
    assert abuse.client_ip(request) == "10.0.0.1"
    settings.FORUM_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert abuse.client_ip(request) == "203.0.113.7"
    settings.FORUM_TRUSTED_PROXIES = ["10.0.0.0/8", "203.0.113.7"]
    assert abuse.client_ip(request) == "6.6.6.6"


# --- Approval of new accounts -----------------------------------------------------


def test_a_new_members_first_post_waits_for_approval(client, world, settings):
    settings.FORUM_APPROVAL_FIRST_POSTS = 2
    forum = world.general
    newcomer = role_holder(world.community, "newcomer")
    login(client, newcomer)
    response = client.post(create_url(forum), {**TOPIC, "subject": "נושא בהמתנה"})
    assert response.status_code == 302
    topic = Topic.objects.get(subject="נושא בהמתנה")
    assert not topic.approved and not topic.first_post.approved
    page = client.get(response["Location"]).content.decode()
    assert "ההודעה תיבדק לפני שתופיע בפורום" in page  # machina's message to the author

    forum_url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    login(client, world.users["other_member"])
    assert "נושא בהמתנה" not in client.get(forum_url).content.decode()
    assert client.get(topic_url(topic)).status_code == 404
    login(client, newcomer)  # the author sees it (without the post, as in machina)
    assert client.get(topic_url(topic)).status_code == 200
    login(client, world.users["other_member"])

    login(client, world.users["moderator"])
    queue = client.get(reverse("forum_moderation:queue"))
    assert "נושא בהמתנה" in queue.content.decode()
    approve = reverse(
        "forum_moderation:approve_queued_post", kwargs={"pk": topic.first_post.pk}
    )
    assert client.post(approve).status_code == 302

    login(client, world.users["other_member"])
    assert "נושא בהמתנה" in client.get(forum_url).content.decode()
    assert client.get(topic_url(topic)).status_code == 200


def test_after_enough_approved_posts_no_more_queue(world, settings):
    settings.FORUM_APPROVAL_FIRST_POSTS = 2
    newcomer = role_holder(world.community, "newcomer")
    forum = world.general
    assert abuse.needs_approval(newcomer, forum)
    topic = make_topic(forum, newcomer, "ראשון", "x")  # approved (made directly)
    assert abuse.needs_approval(newcomer, forum)
    Post.objects.create(topic=topic, poster=newcomer, subject="Re", content="y")
    assert not abuse.needs_approval(newcomer, forum)
    # An unapproved post does not count towards the allowance.
    other = role_holder(world.community, "other_newcomer")
    Post.objects.create(
        topic=topic, poster=other, subject="Re", content="z", approved=False
    )
    assert abuse.needs_approval(other, forum)


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_moderators_and_staff_are_not_queued(client, world, settings, role):
    settings.FORUM_APPROVAL_FIRST_POSTS = 2
    forum = world.general
    login(client, world.users[role])
    assert (
        client.post(create_url(forum), {**TOPIC, "subject": "מיד"}).status_code == 302
    )
    topic = Topic.objects.get(subject="מיד")
    assert topic.approved and topic.first_post.approved
    # ... but a moderator of this community is new in another community's forum.
    other_forum = area_forum(world.other, Kind.GENERAL)
    assert abuse.needs_approval(world.users["moderator"], other_forum)
