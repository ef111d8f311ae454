"""Signal receivers, connected per sender from ``CmsConfig.ready()``."""

from django.db.models.signals import post_delete, post_save


def _community_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from cms.community_setup import set_up_community

    if created or instance.editors_group_id is None:
        set_up_community(instance)


def _membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from cms.membership import sync_groups

    sync_groups(instance.user, instance.community)


def connect() -> None:
    from cms.models import CommunityPage, Membership

    post_save.connect(
        _community_saved, sender=CommunityPage, dispatch_uid="cms.community"
    )
    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="cms.m.save")
    post_delete.connect(
        _membership_changed, sender=Membership, dispatch_uid="cms.m.del"
    )
