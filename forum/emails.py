"""The notification email: one topic, one recipient, the posts pending for them.

Rendered in the recipient's language (``recipient_language``) from
``templates/forum/email/notification.{txt,html}``; the HTML part shows posts
through ``forum.markup.render_post`` (the same allowlist as the site).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forum.markup import render_post
from forum.models import ForumSubscription, NotificationReason


def recipient_language(user) -> str:
    """Wagtail's ``UserProfile.preferred_language`` if it is a site language."""
    from wagtail.users.models import UserProfile

    preferred = (
        UserProfile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
    )
    languages = {code for code, _name in settings.LANGUAGES}
    if preferred:
        preferred = preferred.split("-")[0] if preferred not in languages else preferred
        if preferred in languages:
            return preferred
    return settings.LANGUAGE_CODE


def build_email(rows) -> EmailMultiAlternatives | None:
    """The email for pending rows of one (user, topic), or None if nothing is left.

    Drops posts no longer approved, a forum the user can no longer read, and
    subscription rows of someone who has unsubscribed since.
    """
    from forum.permissions import can_read

    user, topic = rows[0].user, rows[0].topic
    forum = topic.forum
    if not user.is_active or not user.email or not can_read(user, forum):
        return None
    follows_topic = topic.subscribers.filter(pk=user.pk).exists()
    follows_forum = ForumSubscription.objects.filter(user=user, forum=forum).exists()
    mentioned = any(row.reason == NotificationReason.MENTION for row in rows)
    posts = [
        row.post
        for row in rows
        if row.post.approved
        and (row.reason == NotificationReason.MENTION or follows_topic or follows_forum)
    ]
    if not posts:
        return None
    with translation.override(recipient_language(user)):
        return _render(user, topic, posts, mentioned, follows_topic, follows_forum)


def _render(user, topic, posts, mentioned, follows_topic, follows_forum):
    from forum.notifications import absolute, unsubscribe_url

    forum = topic.forum
    topic_url = absolute(
        reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        )
    )
    unsubscribe = None
    if follows_topic or follows_forum:
        unsubscribe = unsubscribe_url(
            user,
            topic=topic if follows_topic else None,
            forum=forum if follows_forum else None,
        )
    if mentioned:
        subject = _("You were mentioned in “%(topic)s”") % {"topic": topic.subject}
    else:
        subject = ngettext(
            "New reply in “%(topic)s”",
            "%(count)d new replies in “%(topic)s”",
            len(posts),
        ) % {"topic": topic.subject, "count": len(posts)}
    context = {
        "user": user,
        "topic": topic,
        "forum": forum,
        "topic_url": topic_url,
        "mentioned": mentioned,
        "follows_topic": follows_topic,
        "follows_forum": follows_forum,
        "unsubscribe_url": unsubscribe,
        "posts": [
            {
                "author": _author(post),
                "created": post.created,
                "url": f"{topic_url}?post={post.pk}#{post.pk}",
                "html": render_post(_raw(post)),
                "text": _raw(post),
            }
            for post in posts
        ],
        "bidi": translation.get_language_bidi(),
        "language": translation.get_language(),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Kehilot"),
    }
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject.replace("\n", " "),
        body=render_to_string("forum/email/notification.txt", context),
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string("forum/email/notification.html", context), "text/html"
    )
    return message


def _raw(post) -> str:
    content = post.content
    return getattr(content, "raw", content) or ""


def _author(post) -> str:
    if post.poster is None:
        return post.username or _("Anonymous user")
    return post.poster.get_full_name() or post.poster.get_username()
