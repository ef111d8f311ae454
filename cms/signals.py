"""Signal receivers, connected per sender from ``CmsConfig.ready()``.

They keep groups in step with memberships and tell plugins about domain events
(``plugins.events.emit``) once the transaction commits.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published


def _community_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    from cms.community_setup import set_up_community

    if created or instance.editors_group_id is None:
        set_up_community(instance)


def _community_published(sender, instance, revision=None, **kwargs):
    from plugins.events import emit

    user = getattr(revision, "user", None)
    transaction.on_commit(
        lambda: emit("community_published", community=instance, user=user)
    )


def _membership_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from cms.membership import sync_groups

    sync_groups(instance.user, instance.community)
    _emit_membership_events(instance)
    instance.remember_stored_state()


def _membership_deleted(sender, instance, **kwargs):
    from cms.membership import sync_groups

    sync_groups(instance.user, instance.community)


def _emit_membership_events(membership):
    from cms.models import MembershipStatus
    from plugins.events import emit

    previous = membership.stored_state or {}
    approved = membership.status == MembershipStatus.APPROVED
    common = {
        "membership": membership,
        "community": membership.community,
        "user": membership.user,
    }
    if approved and previous.get("status") != MembershipStatus.APPROVED:
        transaction.on_commit(lambda: emit("member_joined", **common))
    elif approved and previous.get("role") not in (None, membership.role):
        old_role, new_role = previous["role"], membership.role
        transaction.on_commit(
            lambda: emit(
                "member_role_changed", old_role=old_role, new_role=new_role, **common
            )
        )


def connect() -> None:
    from cms.models import CommunityPage, Membership

    post_save.connect(
        _community_saved, sender=CommunityPage, dispatch_uid="cms.community"
    )
    page_published.connect(
        _community_published, sender=CommunityPage, dispatch_uid="cms.community.pub"
    )
    post_save.connect(_membership_saved, sender=Membership, dispatch_uid="cms.m.save")
    post_delete.connect(
        _membership_deleted, sender=Membership, dispatch_uid="cms.m.del"
    )
