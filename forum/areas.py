"""Forum areas: one per community (a category and its forums) plus the network's.

A community's area is made when its page is created, follows the title of its
source-language page when that page is published, is hidden (never deleted) while
that page is unpublished or deleted, and shown again on publication. Translations
share the area. Everything here is idempotent: ``ensure_all()`` repairs any gap
(``manage.py forum_setup``; ``seed_demo`` runs it).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from forum.models import CommunityForum, Forum, Kind, Scope, Visibility

# Names are written in the site's default language (Hebrew) when an area is made;
# network staff may rename forums in the Django admin (only categories of
# communities are renamed automatically, after their community).
CHILD_FORUMS = (
    (Kind.GENERAL, _("General discussion")),
    (Kind.ANNOUNCEMENTS, _("Announcements")),
)
NETWORK_NAME = _("The whole network")
NETWORK_DESCRIPTION = _("Conversations for everyone in the network's communities.")


def _name(text) -> str:
    from django.conf import settings

    with override(settings.LANGUAGE_CODE):
        return str(text)[:100]


def community_area(community) -> list[CommunityForum]:
    """The rows of ``community``'s area (category first), or ``[]``."""
    rows = CommunityForum.objects.filter(community=community).select_related("forum")
    return sorted(rows, key=lambda row: row.forum.lft)


@transaction.atomic
def ensure_community_area(page) -> CommunityForum:
    """Create the area of ``page``'s community unless it exists; return its category."""
    from cms.membership import community_of

    community = community_of(page)
    existing = (
        CommunityForum.objects.select_for_update()
        .filter(community=community, kind=Kind.CATEGORY)
        .select_related("forum")
        .first()
    )
    if existing is not None:
        return existing
    hidden = not community.live
    category = Forum.objects.create(
        name=community.title[:100], type=Forum.FORUM_CAT, parent=None
    )
    row = CommunityForum.objects.create(
        forum=category,
        scope=Scope.COMMUNITY,
        community=community,
        kind=Kind.CATEGORY,
        hidden=hidden,
    )
    for kind, name in CHILD_FORUMS:
        forum = Forum.objects.create(
            name=_name(name), type=Forum.FORUM_POST, parent=category
        )
        CommunityForum.objects.create(
            forum=forum,
            scope=Scope.COMMUNITY,
            community=community,
            kind=kind,
            hidden=hidden,
        )
    return row


def community_published(page) -> None:
    """Show the area again and follow the community's (source-language) title."""
    from cms.membership import community_of

    community = community_of(page)
    if community.pk != page.pk:
        return  # a translation: the area follows the source-language page
    category = ensure_community_area(community)
    if category.forum.name != community.title[:100]:
        category.forum.name = community.title[:100]
        category.forum.save()  # machina recomputes the slug
    set_hidden(community, False)


def community_unpublished(page) -> None:
    """Hide the area while its community is not published; nothing is deleted."""
    from cms.membership import community_of

    community = community_of(page)
    if community.pk == page.pk:
        set_hidden(community, True)


def set_hidden(community, hidden: bool) -> int:
    rows = CommunityForum.objects.filter(community=community)
    changed = list(rows.exclude(hidden=hidden).values_list("forum_id", flat=True))
    count = rows.update(hidden=hidden)
    if changed:
        from forum.search_documents import reindex_forums

        reindex_forums(changed)  # who may find its posts changed
    return count


def set_visibility(forum, visibility: str) -> None:
    """Make a community forum public or members-only (its moderators decide)."""
    if visibility not in Visibility.values:
        raise ValueError(visibility)
    updated = CommunityForum.objects.filter(forum=forum, scope=Scope.COMMUNITY).exclude(
        kind=Kind.CATEGORY
    )
    if not updated.update(visibility=visibility):
        raise ValueError("not a community forum")
    from forum.search_documents import reindex_forums

    reindex_forums([forum.pk])  # who may find its posts changed


@transaction.atomic
def ensure_network_forums() -> CommunityForum:
    """The network's category with its general and announcements forums."""
    existing = CommunityForum.objects.filter(
        scope=Scope.NETWORK, kind=Kind.CATEGORY
    ).first()
    if existing is not None:
        return existing
    category = Forum.objects.create(
        name=_name(NETWORK_NAME),
        description=_name(NETWORK_DESCRIPTION),
        type=Forum.FORUM_CAT,
        parent=None,
    )
    row = CommunityForum.objects.create(
        forum=category, scope=Scope.NETWORK, kind=Kind.CATEGORY
    )
    for kind, name in CHILD_FORUMS:
        forum = Forum.objects.create(
            name=_name(name), type=Forum.FORUM_POST, parent=category
        )
        CommunityForum.objects.create(forum=forum, scope=Scope.NETWORK, kind=kind)
    return row


def ensure_all() -> dict[str, int]:
    """Network forums, and an area for every community that has none."""
    from cms.membership import community_of
    from cms.models import CommunityPage

    ensure_network_forums()
    made = 0
    seen = set()
    for page in CommunityPage.objects.order_by("pk"):
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        community = community_of(page)
        if not CommunityForum.objects.filter(community=community).exists():
            ensure_community_area(community)
            made += 1
    return {"communities": len(seen), "areas_created": made}
