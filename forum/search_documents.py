"""The forum in the project search: topics (subject + opening post) and replies.

Documents follow the forum's readers (``forum.permissions.forum_audience``):
public forums for anyone, members-only forums for the community's members,
hidden areas for network staff only. Unapproved topics and posts are never
indexed. The text indexed is what the site shows: the post rendered by
``forum.markup.render_post`` (sanitised), without its tags.
"""

from __future__ import annotations

import html
import re
from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from plugins.types import SearchDocument

_HEBREW = re.compile(r"[\u05d0-\u05ea]")


def raw_text(post: Any) -> str:
    """The post as its author typed it (markdown)."""
    return getattr(post.content, "raw", post.content) or ""


def post_text(post: Any) -> str:
    from forum.markup import render_post

    raw = raw_text(post)
    # The rendered post's text: tags dropped, entities back to characters (the
    # snippet escapes them once more when it is shown).
    return " ".join(html.unescape(strip_tags(str(render_post(raw)))).split())


def language_of_text(text: str) -> str:
    """Forum posts carry no language: Hebrew letters make it Hebrew."""
    return "he" if _HEBREW.search(text) else "en"


def topic_url(topic: Any, language: str) -> str:
    with translation.override(language):
        return reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": topic.forum.slug,
                "forum_pk": topic.forum_id,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        )


def community_of_forum(forum: Any) -> Any:
    from forum.models import CommunityForum

    row = (
        CommunityForum.objects.select_related("community")
        .filter(forum__in=forum.get_ancestors(include_self=True))
        .exclude(community=None)
        .first()
    )
    return row.community if row else None


class TopicDocument(SearchDocument):
    """A topic: its subject and opening post."""

    def prepare_title(self, topic: Any) -> str:
        return topic.subject

    def prepare_body(self, topic: Any) -> str:
        return post_text(topic.first_post) if topic.first_post_id else ""

    def prepare_language(self, topic: Any) -> str:
        # The typed text decides as well as the rendered one, without rendering
        # the post again (the URL asks for the language too).
        opening = raw_text(topic.first_post) if topic.first_post_id else ""
        return language_of_text(f"{topic.subject} {opening}")

    def prepare_url(self, topic: Any) -> str:
        return topic_url(topic, self.prepare_language(topic))

    def prepare_date(self, topic: Any) -> Any:
        return topic.last_post_on or topic.created

    def is_indexed(self, topic: Any) -> bool:
        return bool(topic.approved and topic.first_post_id)

    def community_of(self, topic: Any) -> Any:
        return community_of_forum(topic.forum)

    def audience(self, topic: Any) -> list[str]:
        from forum.permissions import forum_audience

        return forum_audience(topic.forum)

    def queryset(self):
        from machina.apps.forum_conversation.models import Topic

        return Topic.objects.select_related("forum", "first_post")


class PostDocument(SearchDocument):
    """A reply (the opening post is part of its topic's document)."""

    def prepare_title(self, post: Any) -> str:
        return post.topic.subject

    def prepare_body(self, post: Any) -> str:
        return post_text(post)

    def prepare_language(self, post: Any) -> str:
        return language_of_text(raw_text(post))

    def prepare_url(self, post: Any) -> str:
        url = topic_url(post.topic, self.prepare_language(post))
        return f"{url}?post={post.pk}#{post.pk}"

    def prepare_date(self, post: Any) -> Any:
        return post.created

    def is_indexed(self, post: Any) -> bool:
        return bool(
            post.approved
            and post.topic.approved
            and post.topic.first_post_id != post.pk
        )

    def community_of(self, post: Any) -> Any:
        return community_of_forum(post.topic.forum)

    def audience(self, post: Any) -> list[str]:
        from forum.permissions import forum_audience

        return forum_audience(post.topic.forum)

    def queryset(self):
        from machina.apps.forum_conversation.models import Post

        return Post.objects.select_related("topic", "topic__forum")


DOCUMENTS = (
    TopicDocument("forum_conversation.Topic", type_name="forum_topic"),
    PostDocument("forum_conversation.Post", type_name="forum_post"),
)


def reindex_forums(forum_ids: list[int]) -> None:
    """A forum's readers changed (visibility, hidden area): re-read its content."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Post, Topic

    from search.indexing import enqueue_many

    ids = set(forum_ids)
    for forum in Forum.objects.filter(pk__in=forum_ids):
        ids.update(forum.get_descendants().values_list("pk", flat=True))
    topics = Topic.objects.filter(forum_id__in=ids).values_list("pk", flat=True)
    posts = Post.objects.filter(topic__forum_id__in=ids).values_list("pk", flat=True)
    enqueue_many(
        [("forum_conversation.topic", pk) for pk in topics]
        + [("forum_conversation.post", pk) for pk in posts]
    )
