"""Receivers that keep forum areas in step with community pages.

Connected per sender from ``ForumConfig.ready()``. The forum API, notifications
and moderation add their receivers here too (machina's own signals:
``machina.apps.forum_conversation.signals``; Kehilot's domain events:
``plugins.events.emit("topic_created" | "post_created", ...)``). New approved
posts (and posts approved later) go to ``forum.notifications`` on commit.
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.signals import page_published, page_unpublished


def _community_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from forum.areas import ensure_community_area

        ensure_community_area(instance)


def _community_published(sender, instance, **kwargs):
    from forum.areas import community_published

    community_published(instance)


def _community_unpublished(sender, instance, **kwargs):
    from forum.areas import community_unpublished

    community_unpublished(instance)


def _post_before_save(sender, instance, raw=False, **kwargs):
    # Whether an existing post was approved before this save (one query, edits only).
    if not raw and not instance._state.adding:
        instance._kehilot_was_approved = (
            sender.objects.filter(pk=instance.pk)
            .values_list("approved", flat=True)
            .first()
        )


def _post_saved(sender, instance, created, raw=False, **kwargs):
    """A new approved post, or a queued post just approved: notify on commit."""
    if raw or not instance.approved:
        return
    if created or getattr(instance, "_kehilot_was_approved", True) is False:
        from django.db import transaction

        from forum.notifications import notify_new_post

        instance._kehilot_was_approved = True
        transaction.on_commit(lambda: notify_new_post(instance))
        transaction.on_commit(lambda: emit_post_events(instance))


def emit_post_events(post) -> None:
    """The plugin domain events: ``topic_created`` for a topic's opening post,
    ``post_created`` for every post (once it is approved, so queued spam never
    reaches plugins)."""
    from forum.search_documents import community_of_forum
    from plugins.events import emit

    # Fresh: the topic's first post is set while the post is saved.
    topic = type(post.topic).objects.select_related("forum").get(pk=post.topic_id)
    community = community_of_forum(topic.forum)
    arguments = {"user": post.poster, "community": community}
    if topic.first_post_id == post.pk:
        emit("topic_created", topic=topic, forum=topic.forum, **arguments)
    emit("post_created", post=post, topic=topic, **arguments)


def connect() -> None:
    from machina.core.db.models import get_model

    from cms.models import CommunityPage

    Post = get_model("forum_conversation", "Post")
    post_uid = "forum.notifications"
    pre_save.connect(_post_before_save, sender=Post, dispatch_uid=f"{post_uid}.pre")
    post_save.connect(_post_saved, sender=Post, dispatch_uid=post_uid)

    uid = "forum.community"
    post_save.connect(_community_saved, sender=CommunityPage, dispatch_uid=uid)
    page_published.connect(
        _community_published, sender=CommunityPage, dispatch_uid=f"{uid}.pub"
    )
    page_unpublished.connect(
        _community_unpublished, sender=CommunityPage, dispatch_uid=f"{uid}.unpub"
    )
    pre_delete.connect(
        _community_unpublished, sender=CommunityPage, dispatch_uid=f"{uid}.del"
    )
