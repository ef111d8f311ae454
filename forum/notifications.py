"""Email notifications of new posts (machina sends none, its #198).

Who is told
    The subscribers of the post's topic (machina's ``Topic.subscribers``) and of
    its forum (``ForumSubscription``), and the members it ``@mentions``; never its
    author, nor anyone who can no longer read the forum (``forum.permissions.
    can_read``, checked again when the email goes out).

When
    ``notify_new_post(post)`` runs on commit when an approved post is created or a
    queued post is approved (receivers in ``forum.hooks``: callers, including the
    API, need not call it). It hands the post's id to Celery
    (``forum.tasks.queue_post_notifications``), which writes one
    ``PendingNotification`` per recipient and sends what is due. At most one email
    per (recipient, topic) per ``FORUM_NOTIFICATION_WINDOW`` seconds (15 minutes):
    the first post goes out at once, later ones wait for the window to end and
    go out together (a countdown task, and ``forum.tasks.send_due_notifications``
    every minute as a safety net). A mention and a subscription to the same topic
    make one email (the mention's).

What
    In the recipient's language (Wagtail's ``UserProfile.preferred_language``,
    else ``LANGUAGE_CODE``): HTML through ``forum.markup.render_post`` plus plain
    text, with a signed unsubscribe link and RFC 8058 one-click headers.

Unsubscribing
    ``unsubscribe_url(user, topic=None, forum=None)`` is a signed link, no login
    needed. GET shows a confirmation page with a button (link scanners follow
    links: a GET changes nothing); POST unsubscribes, which is also what mail
    clients do with ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import ForumSubscription

SALT = "forum.unsubscribe"
DEFAULT_WINDOW = 15 * 60
MAX_MENTIONS = 20
# "@name" not inside an email address or a word (Hebrew "ו-@dana" counts);
# Django usernames allow . @ + -
MENTION = re.compile(r"(?<![\w@.+])@(\w[\w.@+-]{0,149})")


def window() -> timedelta:
    """The minimum time between two emails to one recipient about one topic."""
    return timedelta(
        seconds=getattr(settings, "FORUM_NOTIFICATION_WINDOW", DEFAULT_WINDOW)
    )


# --- Subscriptions ---------------------------------------------------------------


def subscribe_topic(user, topic, request=None) -> None:
    """Follow ``topic``; ``PermissionDenied`` unless ``user`` may read its forum."""
    _require_reader(user, topic.forum, request)
    topic.subscribers.add(user)


def unsubscribe_topic(user, topic, request=None) -> None:
    topic.subscribers.remove(user)


def subscribe_forum(user, forum, request=None) -> None:
    """Follow every topic of ``forum`` (``PermissionDenied`` for a non-reader)."""
    _require_reader(user, forum, request)
    ForumSubscription.objects.get_or_create(user=user, forum=forum)


def unsubscribe_forum(user, forum, request=None) -> None:
    ForumSubscription.objects.filter(user=user, forum=forum).delete()


def is_subscribed_to_forum(user, forum) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ForumSubscription.objects.filter(user=user, forum=forum).exists()


def _require_reader(user, forum, request=None) -> None:
    from forum.permissions import can_read

    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in to follow the forums."))
    if not can_read(user, forum, request):
        raise PermissionDenied(_("You cannot read this forum."))


# --- Signed unsubscribe links ------------------------------------------------------


def unsubscribe_token(user, topic=None, forum=None) -> str:
    data = {"u": user.pk}
    if topic is not None:
        data["t"] = topic.pk
    if forum is not None:
        data["f"] = forum.pk
    return signing.dumps(data, salt=SALT, compress=True)


def unsubscribe_url(user, topic=None, forum=None) -> str:
    """Absolute link that stops ``user``'s emails of ``topic`` and/or ``forum``.

    Signed (``django.core.signing``, no expiry: old emails keep working) and
    usable without signing in; in the active language's URL space.
    """
    token = unsubscribe_token(user, topic, forum)
    return absolute(reverse("forum_unsubscribe", kwargs={"token": token}))


def read_unsubscribe_token(token: str) -> dict:
    """``{"user": ..., "topic": ... | None, "forum": ... | None}``.

    Raises ``signing.BadSignature`` for a tampered token or one whose user is gone.
    """
    from django.contrib.auth import get_user_model
    from machina.core.db.models import get_model

    from forum.models import Forum

    data = signing.loads(token, salt=SALT)
    if not isinstance(data, dict) or "u" not in data:
        raise signing.BadSignature("malformed")
    user = get_user_model().objects.filter(pk=data["u"]).first()
    if user is None:
        raise signing.BadSignature("unknown user")
    Topic = get_model("forum_conversation", "Topic")
    topic = Topic.objects.filter(pk=data.get("t")).first() if "t" in data else None
    forum = Forum.objects.filter(pk=data.get("f")).first() if "f" in data else None
    return {"user": user, "topic": topic, "forum": forum}


def unsubscribe(target: dict) -> None:
    """Apply a read token (``read_unsubscribe_token``): idempotent."""
    if target["topic"] is not None:
        unsubscribe_topic(target["user"], target["topic"])
    if target["forum"] is not None:
        unsubscribe_forum(target["user"], target["forum"])


def absolute(path: str) -> str:
    """``path`` on the public site (``FORUM_EMAIL_BASE_URL``, else Wagtail's)."""
    base = getattr(settings, "FORUM_EMAIL_BASE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return f"{base.rstrip('/')}{path}"


# --- New posts ---------------------------------------------------------------------


def notify_new_post(post) -> None:
    """Hand a new approved post to Celery for its notifications (call on commit)."""
    from forum.tasks import queue_post_notifications

    queue_post_notifications.delay(post.pk)


def mentioned_usernames(text: str) -> list[str]:
    """``@username``s in post text, in order, without duplicates (at most 20)."""
    names: list[str] = []
    for match in MENTION.finditer(text or ""):
        name = match.group(1).rstrip(".")
        if name and name not in names:
            names.append(name)
        if len(names) >= MAX_MENTIONS:
            break
    return names


def recipients(post) -> dict[int, str]:
    """``{user id: reason}`` of who should hear of ``post`` (see module docstring)."""
    from django.contrib.auth import get_user_model

    from forum.models import NotificationReason
    from forum.permissions import can_read

    topic = post.topic
    wanted: dict[int, str] = {}
    for user_id in topic.subscribers.values_list("pk", flat=True):
        wanted[user_id] = NotificationReason.SUBSCRIPTION
    for user_id in ForumSubscription.objects.filter(
        forum_id=topic.forum_id
    ).values_list("user_id", flat=True):
        wanted[user_id] = NotificationReason.SUBSCRIPTION
    names = mentioned_usernames(post.content.raw if post.content else "")
    if names:
        for user_id in (
            get_user_model()
            .objects.filter(username__in=names)
            .values_list("pk", flat=True)
        ):
            wanted[user_id] = NotificationReason.MENTION
    wanted.pop(post.poster_id, None)
    users = (
        get_user_model().objects.filter(pk__in=wanted, is_active=True).exclude(email="")
    )
    return {user.pk: wanted[user.pk] for user in users if can_read(user, topic.forum)}


def queue_post(post_id: int) -> list[tuple[int, int, float]]:
    """Write the pending rows of a post; return ``(user, topic, wait)`` to send.

    ``wait`` is 0 when the recipient's window is over (send now), else the seconds
    until it is. Only the first pending row of a (user, topic) is returned: later
    ones ride along with the email already scheduled.
    """
    from machina.core.db.models import get_model

    from forum.models import PendingNotification, TopicNotificationState

    Post = get_model("forum_conversation", "Post")
    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    if post is None or not post.approved:
        return []
    wanted = recipients(post)
    PendingNotification.objects.bulk_create(
        [
            PendingNotification(user_id=pk, topic=post.topic, post=post, reason=why)
            for pk, why in wanted.items()
        ],
        ignore_conflicts=True,
    )
    states = dict(
        TopicNotificationState.objects.filter(
            topic=post.topic, user_id__in=wanted
        ).values_list("user_id", "last_sent")
    )
    now = timezone.now()
    due = []
    for user_id in wanted:
        pending = PendingNotification.objects.filter(user_id=user_id, topic=post.topic)
        if pending.exclude(post=post).exists():
            continue  # an email is already on its way for this topic
        last = states.get(user_id)
        wait = 0.0 if last is None else (last + window() - now).total_seconds()
        due.append((user_id, post.topic_id, max(0.0, wait)))
    return due


def send_pending(user_id: int, topic_id: int, connection=None) -> float:
    """Send ``user`` one email of their pending posts in ``topic``, if due.

    Returns 0 when done (sent, or nothing left to send), else the seconds until
    the window allows it. Posts hidden since, or in a forum the user can no longer
    read, are dropped; so are subscription rows of someone who unsubscribed.
    """
    from forum.models import PendingNotification, TopicNotificationState

    with transaction.atomic():
        state, _created = TopicNotificationState.objects.get_or_create(
            user_id=user_id, topic_id=topic_id
        )
        state = TopicNotificationState.objects.select_for_update().get(pk=state.pk)
        now = timezone.now()
        if state.last_sent is not None and state.last_sent + window() > now:
            return (state.last_sent + window() - now).total_seconds()
        rows = list(
            PendingNotification.objects.filter(user_id=user_id, topic_id=topic_id)
            .select_related("user", "post__poster", "topic__forum")
            .order_by("post__created", "pk")
        )
        if not rows:
            return 0
        from forum.emails import build_email

        message = build_email(rows)
        if message is not None:
            if connection is not None:
                message.connection = connection
            message.send(fail_silently=False)
            state.last_sent = now
            state.save(update_fields=["last_sent"])
        PendingNotification.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return 0


def due_pairs(limit: int = 500) -> list[tuple[int, int]]:
    """(user, topic) pairs with pending posts whose window is over."""
    from django.db.models import Exists, OuterRef, Q

    from forum.models import PendingNotification, TopicNotificationState

    recent = TopicNotificationState.objects.filter(
        user_id=OuterRef("user_id"),
        topic_id=OuterRef("topic_id"),
        last_sent__gt=timezone.now() - window(),
    )
    return list(
        PendingNotification.objects.filter(~Q(Exists(recent)))
        .values_list("user_id", "topic_id")
        .distinct()[:limit]
    )
