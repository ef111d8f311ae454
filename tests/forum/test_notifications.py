"""Notification emails of new posts (eager Celery): who, batching, unsubscribing,
mentions and the recipient's language. The real worker: tests/cms/test_celery_worker.py.
"""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from forum import notifications
from forum.models import PendingNotification, TopicNotificationState
from forum.tasks import send_due_notifications
from tests.sitebuilder import role_holder

from .helpers import FORMSETS, Post, login, make_topic
from .test_abuse import reply_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_limits(settings):
    settings.FORUM_APPROVAL_FIRST_POSTS = 0


@pytest.fixture
def conversation(world, no_limits):
    """A topic in the public forum; dana follows it, the other member its forum."""
    topic = make_topic(world.general, world.users["member"], "טיול שנתי", "מי בא?")
    dana = role_holder(world.community, "dana")
    notifications.subscribe_topic(dana, topic)
    notifications.subscribe_forum(world.users["other_member"], world.general)
    notifications.subscribe_topic(world.users["member"], topic)  # the author
    return topic


def reply(topic, poster, content, capture):
    with capture(execute=True):
        return Post.objects.create(
            topic=topic, poster=poster, subject="Re", content=content
        )


def to(mailoutbox, user):
    return [mail for mail in mailoutbox if mail.to == [user.email]]


def rewind(user, topic, minutes=16):
    from django.utils import timezone

    TopicNotificationState.objects.filter(user=user, topic=topic).update(
        last_sent=timezone.now() - timezone.timedelta(minutes=minutes)
    )


def test_subscribers_get_one_email_each(
    client, world, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    dana = conversation.subscribers.get(username="dana")
    login(client, world.users["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reply_url(conversation),
            {"subject": "Re", "content": "אני **באה**", **FORMSETS},
        )
    assert response.status_code == 302
    assert len(to(mailoutbox, dana)) == 1
    assert len(to(mailoutbox, world.users["other_member"])) == 1
    assert len(to(mailoutbox, world.users["member"])) == 1  # follows its topic
    assert to(mailoutbox, world.users["moderator"]) == []  # the reply's author
    mail = to(mailoutbox, dana)[0]
    assert "טיול שנתי" in mail.subject
    html = mail.alternatives[0][0]
    assert "<strong>באה</strong>" in html and 'dir="rtl"' in html
    assert "אני **באה**" in mail.body
    assert len(mailoutbox) == 3  # dana, the forum follower, the topic's author


def test_the_author_and_non_readers_get_nothing(
    world, no_limits, mailoutbox, django_capture_on_commit_callbacks
):
    topic = make_topic(world.private, world.users["moderator"], "פנימי", "x")
    stranger = world.users["other_member"]
    topic.subscribers.add(stranger, world.users["moderator"])  # lost access since
    reply(topic, world.users["moderator"], "עדכון", django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert not PendingNotification.objects.exists()


def test_three_replies_in_the_window_make_one_email_then_a_digest(
    world, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    dana = conversation.subscribers.get(username="dana")
    for text in ("ראשונה", "שנייה", "שלישית"):
        reply(
            conversation,
            world.users["moderator"],
            text,
            django_capture_on_commit_callbacks,
        )
    assert [mail.body.count("שנייה") for mail in to(mailoutbox, dana)] == [0]
    assert PendingNotification.objects.filter(user=dana).count() == 2
    send_due_notifications.delay()
    assert len(to(mailoutbox, dana)) == 1  # the window is not over

    rewind(dana, conversation)
    send_due_notifications.delay()
    mails = to(mailoutbox, dana)
    assert len(mails) == 2
    assert "שנייה" in mails[1].body and "שלישית" in mails[1].body
    assert "2" in mails[1].subject
    assert not PendingNotification.objects.filter(user=dana).exists()


def test_a_post_approved_later_notifies_then(
    world, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    dana = conversation.subscribers.get(username="dana")
    with django_capture_on_commit_callbacks(execute=True):
        post = Post.objects.create(
            topic=conversation,
            poster=world.users["moderator"],
            subject="Re",
            content="ממתין",
            approved=False,
        )
    assert to(mailoutbox, dana) == []
    with django_capture_on_commit_callbacks(execute=True):
        post.approved = True
        post.save()
    assert "ממתין" in to(mailoutbox, dana)[0].body


def test_unsubscribe_link(
    client, world, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    dana = conversation.subscribers.get(username="dana")
    reply(
        conversation,
        world.users["moderator"],
        "חדש",
        django_capture_on_commit_callbacks,
    )
    mail = to(mailoutbox, dana)[0]
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"<(.+)>", mail.extra_headers["List-Unsubscribe"]).group(1)
    assert link in mail.body
    path = link.split("://", 1)[1].split("/", 1)[1]
    path = "/" + path

    login(client, None)
    page = client.get(path)
    assert page.status_code == 200
    assert "<form" in page.content.decode()
    assert conversation.subscribers.filter(pk=dana.pk).exists()  # a GET changes nothing

    tampered = path.rstrip("/")[:-2] + "xx/"
    assert client.get(tampered).status_code == 400
    assert client.post(tampered).status_code == 400

    assert client.post(path).status_code == 200
    assert not conversation.subscribers.filter(pk=dana.pk).exists()


def test_one_click_post_from_the_mail_client(client, world, conversation):
    follower = world.users["other_member"]
    link = notifications.unsubscribe_url(follower, forum=world.general)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.handler.enforce_csrf_checks = True
    response = client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not notifications.is_subscribed_to_forum(follower, world.general)


def test_mentions(world, conversation, mailoutbox, django_capture_on_commit_callbacks):
    dana = conversation.subscribers.get(username="dana")
    yossi = role_holder(world.community, "yossi")
    private_topic = make_topic(world.private, world.users["moderator"], "סגור", "x")
    stranger = world.users["other_member"]
    text = "@yossi ו-@dana, תראו. (mail@yossi.org לא נחשב) @nobody"
    reply(
        conversation, world.users["moderator"], text, django_capture_on_commit_callbacks
    )
    mentions = to(mailoutbox, yossi)
    assert len(mentions) == 1
    assert "mentioned" in mentions[0].subject or "הוזכרת" in mentions[0].subject
    assert "List-Unsubscribe" not in mentions[0].extra_headers  # nothing to leave
    assert len(to(mailoutbox, dana)) == 1  # subscriber and mentioned: one email
    assert "הוזכרת" in to(mailoutbox, dana)[0].subject or "mentioned" in (
        to(mailoutbox, dana)[0].subject
    )
    # A mention in a forum the user cannot read tells them nothing.
    mailoutbox.clear()
    capture = django_capture_on_commit_callbacks
    reply(private_topic, world.users["moderator"], f"@{stranger.username}", capture)
    assert to(mailoutbox, stranger) == []


def test_the_recipients_language(
    world, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    dana = conversation.subscribers.get(username="dana")
    UserProfile.get_for_user(dana).__class__.objects.filter(user=dana).update(
        preferred_language="en"
    )
    reply(
        conversation,
        world.users["moderator"],
        "hello",
        django_capture_on_commit_callbacks,
    )
    english = to(mailoutbox, dana)[0]
    assert english.subject.startswith("New reply in")
    assert "/en/forum/" in english.body
    assert 'dir="ltr"' in english.alternatives[0][0]
    hebrew = to(mailoutbox, world.users["other_member"])[0]
    assert not hebrew.subject.startswith("New reply")
    assert "/en/forum/" not in hebrew.body


def test_subscribing_needs_read_access(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        notifications.subscribe_forum(world.users["other_member"], world.private)


def test_following_a_forum_from_its_page(client, world):
    forum = world.general
    url = reverse("forum_subscription", kwargs={"pk": forum.pk})
    forum_url = reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})
    member = world.users["member"]
    login(client, member)
    assert url in client.get(forum_url).content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url, {"follow": "1"}).status_code == 302
    assert notifications.is_subscribed_to_forum(member, forum)
    assert client.post(url, {"follow": "0"}).status_code == 302
    assert not notifications.is_subscribed_to_forum(member, forum)
    login(client, world.users["other_member"])
    private = reverse("forum_subscription", kwargs={"pk": world.private.pk})
    assert client.post(private, {"follow": "1"}).status_code == 403
