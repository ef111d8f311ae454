"""Give each community its own editor and moderator groups and collection.

This closes Wagtail's open multi-tenancy gap (wagtail #4288) for communities: an
editor's rights are page permissions on *their* community's subtree (and its
translations) and collection permissions on *their* collection, nothing global.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _group(name: str, admin_access: bool) -> Group:
    group, _ = Group.objects.get_or_create(name=name[:150])
    if admin_access:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
    return group


@transaction.atomic
def set_up_community(page) -> None:
    """Create (or reuse, for a translation) the groups and collection of ``page``.

    Idempotent: safe to call again after a rename or for every translation.
    """
    from cms.models import CommunityPage

    if page.editors_group_id is None:
        # A translation shares the groups of the page it translates.
        sibling = (
            CommunityPage.objects.filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .exclude(editors_group=None)
            .first()
        )
        if sibling is not None:
            page.editors_group_id = sibling.editors_group_id
            page.moderators_group_id = sibling.moderators_group_id
            page.collection_id = sibling.collection_id
        else:
            key = f"{page.title} [{page.translation_key.hex[:8]}]"
            page.editors_group = _group(f"{key} editors", admin_access=True)
            page.moderators_group = _group(f"{key} moderators", admin_access=False)
            page.collection = Collection.get_first_root_node().add_child(
                name=page.title[:255]
            )
        CommunityPage.objects.filter(pk=page.pk).update(
            editors_group=page.editors_group_id,
            moderators_group=page.moderators_group_id,
            collection=page.collection_id,
        )

    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group_id=page.editors_group_id,
            page_id=page.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group_id=page.editors_group_id,
            collection_id=page.collection_id,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )
