"""What ``forum.api`` reads, and how it becomes JSON: lookups that hide what the
caller may not read (404), pages of topics and posts in a constant number of
queries, and posts rendered by ``forum.markup.render_post`` only.

Visibility: a forum is readable when ``readable_forum_ids`` says so (a hidden
parent hides its children). Unapproved topics and posts are shown to their
author and to the forum's moderators only, as machina's moderation queue does.
"""

from __future__ import annotations

import math

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from machina.apps.forum.visibility import ForumVisibilityContentTree
from machina.conf import settings as machina_settings
from machina.core.db.models import get_model
from machina.core.loading import get_class
from ninja.errors import HttpError

from forum.markup import render_post, sanitize_html
from forum.permissions import handler_for, readable_forum_ids

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

MAX_PER_PAGE = 100
FORUM_TYPES = {
    Forum.FORUM_POST: "forum",
    Forum.FORUM_CAT: "category",
    Forum.FORUM_LINK: "link",
}
TOPIC_TYPES = {
    Topic.TOPIC_POST: "topic",
    Topic.TOPIC_STICKY: "sticky",
    Topic.TOPIC_ANNOUNCE: "announce",
}
TOPIC_TYPE_CODES = {name: code for code, name in TOPIC_TYPES.items()}


# --- lookups -----------------------------------------------------------------------


def readable_ids(request) -> set[int]:
    """The caller's readable forum ids, computed once per request."""
    if not hasattr(request, "_forum_api_readable"):
        request._forum_api_readable = readable_forum_ids(request.user, request)
    return request._forum_api_readable


def moderates(request, forum) -> bool:
    return handler_for(request).can_approve_posts(forum, request.user)


def visible(request, queryset, forum):
    """Approved rows, plus the caller's own and (for moderators) all others."""
    if moderates(request, forum):
        return queryset
    if request.user.is_authenticated:
        return queryset.filter(Q(approved=True) | Q(poster=request.user))
    return queryset.filter(approved=True)


def forum_or_404(request, forum_id: int):
    forum = None
    if forum_id in readable_ids(request):
        forum = Forum.objects.filter(pk=forum_id).first()
    if forum is None:
        raise HttpError(404, _("There is no such forum."))
    return forum


def _can_see_unapproved(request, row) -> bool:
    user = request.user
    if row.approved:
        return True
    if user.is_authenticated and row.poster_id == user.pk:
        return True
    return moderates(request, row.forum if isinstance(row, Topic) else row.topic.forum)


def topic_or_404(request, topic_id: int):
    topic = (
        Topic.objects.select_related("forum", "poster", "last_post__poster")
        .filter(pk=topic_id)
        .first()
    )
    if (
        topic is None
        or topic.forum_id not in readable_ids(request)
        or not _can_see_unapproved(request, topic)
    ):
        raise HttpError(404, _("There is no such topic."))
    return topic


def post_or_404(request, post_id: int):
    post = (
        Post.objects.select_related("topic__forum", "poster", "updated_by")
        .filter(pk=post_id)
        .first()
    )
    if (
        post is None
        or post.topic.forum_id not in readable_ids(request)
        or not _can_see_unapproved(request, post.topic)
        or not _can_see_unapproved(request, post)
    ):
        raise HttpError(404, _("There is no such post."))
    return post


def paginate(queryset, page: int, per_page: int):
    """``(rows, meta)`` for a 1-based page; 400 for bad numbers, 404 past the end."""
    if page < 1:
        raise HttpError(400, _("page: give a number from 1."))
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise HttpError(400, _("per_page: give a number from 1 to 100."))
    count = queryset.count()
    pages = max(1, math.ceil(count / per_page))
    if page > pages:
        raise HttpError(404, _("There is no such page."))
    start = (page - 1) * per_page
    rows = list(queryset[start : start + per_page])
    return rows, {"page": page, "pages": pages, "per_page": per_page, "count": count}


def reply_subject(topic) -> str:
    return f"{machina_settings.TOPIC_ANSWER_SUBJECT_PREFIX} {topic.subject}"[:255]


# --- JSON --------------------------------------------------------------------------


def user_ref(user):
    return None if user is None else {"id": user.pk, "username": user.get_username()}


def last_post(post):
    if post is None:
        return None
    return {
        "id": post.pk,
        "topic_id": post.topic_id,
        "subject": post.subject,
        "poster": user_ref(post.poster),
        "created": post.created,
    }


def forum_url(forum) -> str:
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def forum_ref(forum):
    return {"id": forum.pk, "name": forum.name, "slug": forum.slug}


def topic_summary(topic, forum, unread: bool):
    return {
        "id": topic.pk,
        "forum_id": topic.forum_id,
        "subject": topic.subject,
        "slug": topic.slug,
        "type": TOPIC_TYPES.get(topic.type, "topic"),
        "locked": topic.is_locked,
        "approved": topic.approved,
        "poster": user_ref(topic.poster),
        "posts_count": topic.posts_count,
        "views_count": topic.views_count,
        "created": topic.created,
        "last_post_on": topic.last_post_on,
        "last_post": last_post(topic.last_post),
        "unread": unread,
        "html_url": reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        ),
    }


def post_out(request, post, position: int | None):
    can_edit = handler_for(request).can_edit_post(post, request.user)
    if position is None:
        position = post.position
    return {
        "id": post.pk,
        "topic_id": post.topic_id,
        "position": position,
        "subject": post.subject,
        "poster": user_ref(post.poster),
        "username": post.username,
        "created": post.created,
        "updated": post.updated,
        "updates_count": post.updates_count,
        "updated_by": user_ref(post.updated_by),
        "approved": post.approved,
        "content_html": str(render_post(post.content.raw if post.content else "")),
        "content": (post.content.raw if post.content else "") if can_edit else None,
        "can_edit": can_edit,
    }


def _node(request, node):
    forum = node.obj
    user = request.user
    return {
        "id": forum.pk,
        "name": forum.name,
        "slug": forum.slug,
        "type": FORUM_TYPES.get(forum.type, "forum"),
        "description_html": str(sanitize_html(forum.description.rendered or ""))
        if forum.description
        else "",
        "link": forum.link or None,
        "html_url": forum_url(forum),
        "topics_count": node.topics_count,
        "posts_count": node.posts_count,
        "last_post": last_post(node.last_post),
        "can_start_topic": forum.is_forum
        and handler_for(request).can_add_topic(forum, user),
        "children": [_node(request, child) for child in node.children],
    }


def forum_tree(request):
    forums = Forum.objects.filter(pk__in=readable_ids(request)).order_by(
        "tree_id", "lft"
    )
    tree = ForumVisibilityContentTree.from_forums(forums)
    return {
        "forums": [_node(request, node) for node in tree.top_nodes],
        "topics_count": sum(node.topics_count for node in tree.top_nodes),
        "posts_count": sum(node.posts_count for node in tree.top_nodes),
    }


def _unread_ids(request, topics) -> set[int]:
    if not request.user.is_authenticated or not topics:
        return set()
    tracking = get_class("forum_tracking.handler", "TrackingHandler")(request)
    return {topic.pk for topic in tracking.get_unread_topics(topics, request.user)}


def topic_page(request, forum, page: int, per_page: int):
    queryset = visible(request, forum.topics.all(), forum).select_related(
        "poster", "last_post__poster"
    )
    # Machina lists announcements, then stickies, then the rest, by latest post.
    queryset = queryset.order_by("-type", "-last_post_on", "-id")
    topics, meta = paginate(queryset, page, per_page)
    unread = _unread_ids(request, topics)
    return {
        **meta,
        "forum": forum_ref(forum),
        "can_start_topic": forum.is_forum
        and handler_for(request).can_add_topic(forum, request.user),
        "topics": [topic_summary(t, forum, t.pk in unread) for t in topics],
    }


def topic_detail(request, topic, page: int, per_page: int):
    forum = topic.forum
    posts = visible(request, topic.posts.all(), forum).select_related(
        "poster", "updated_by"
    )
    posts, meta = paginate(posts.order_by("created", "id"), page, per_page)
    first = (meta["page"] - 1) * per_page
    for post in posts:
        post.topic = topic  # no query per post for the permission checks
    user = request.user
    return {
        **meta,
        "topic": topic_summary(topic, forum, unread=False),
        "forum": forum_ref(forum),
        "can_reply": handler_for(request).can_add_post(topic, user),
        "subscribed": user.is_authenticated
        and topic.subscribers.filter(pk=user.pk).exists(),
        "posts": [
            post_out(request, post, position=first + index)
            for index, post in enumerate(posts, start=1)
        ],
    }
