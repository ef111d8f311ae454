"""Receivers that keep forum areas in step with community pages.

Connected per sender from ``ForumConfig.ready()``. The forum API, notifications
and moderation add their receivers here too (machina's own signals:
``machina.apps.forum_conversation.signals``; Kehilot's domain events:
``plugins.events.emit("topic_created" | "post_created", ...)``).
"""

from django.db.models.signals import post_save, pre_delete
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


def connect() -> None:
    from cms.models import CommunityPage

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
