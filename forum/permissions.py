"""Who may do what in the forums Kehilot manages: the rules, in one place.

Machina asks its permission checker (ours: ``forum/machina_apps/forum_permission/
checker.py``) for permission codenames per forum; for managed forums (those with a
``CommunityForum`` row) the answer is ``Policy.perms``:

=====================  =============================  ==============================
who                    community forums               network forums
=====================  =============================  ==============================
anyone (anonymous)     read public forums             read
member of the          read (also members-only),      general: start topics, reply;
community (any         start topics in general, reply announcements: reply
current role)          everywhere in its area
member of another      read public forums             (a member somewhere: as above)
community
moderator of the       everything in its area         as a member
community              (lock, move, edit, delete...)
network staff          everything, hidden areas too   everything
=====================  =============================  ==============================

Network staff are superusers and holders of ``cms.change_membership`` (the
"Network staff" group), as in ``cms.membership``. Community announcements: its
moderators start topics, members reply. A hidden area (community unpublished or
deleted) is visible to network staff only. A ``ForumBan`` (a moderator's action on
a report, ``forum.reports``) takes posting away in one forum; reading stays.

Rules read memberships directly (one query per request), so a join, a leave, a
role change or a term end applies on the next request, without group syncing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from forum.models import CommunityForum, Kind, Scope, Visibility

SEE = frozenset({"can_see_forum", "can_read_forum", "can_download_file"})
REPLY = frozenset(
    {
        "can_reply_to_topics",
        "can_edit_own_posts",
        "can_delete_own_posts",
        "can_vote_in_polls",
        "can_attach_file",
        "can_post_without_approval",
    }
)
START = frozenset({"can_start_new_topics", "can_create_polls"})
MODERATE = frozenset(
    {
        "can_post_stickies",
        "can_post_announcements",
        "can_lock_topics",
        "can_move_topics",
        "can_edit_posts",
        "can_delete_posts",
        "can_approve_posts",
        "can_reply_to_locked_topics",
    }
)
EVERYTHING = SEE | REPLY | START | MODERATE


def is_network_staff(user) -> bool:
    """Superusers and the network's staff (``cms.change_membership``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if hasattr(user, "_perm_cache"):  # Django already loaded this user's perms
        return user.has_perm("cms.change_membership")
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    # One query where has_perm() would load every permission in two.
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        content_type__app_label="cms",
        codename="change_membership",
    ).exists()


@dataclass
class ManagedForum:
    """What the rules need to know of one managed forum (from ``CommunityForum``)."""

    scope: str
    kind: str
    visibility: str
    hidden: bool
    community_id: int | None


@dataclass
class Policy:
    """One reader's permissions on managed forums; built once per request."""

    is_staff: bool
    forums: dict[int, ManagedForum]
    roles: dict[int, set[str]] = field(default_factory=dict)  # community id -> roles
    banned: frozenset[int] = frozenset()  # forums the reader may not post in

    def manages(self, forum_id: int) -> bool:
        return forum_id in self.forums

    @cached_property
    def is_network_member(self) -> bool:
        return bool(self.roles)

    def perms(self, forum_id: int) -> set[str]:
        forum = self.forums[forum_id]
        if self.is_staff:
            return set(EVERYTHING)
        if forum.hidden:
            return set()
        if forum.scope == Scope.NETWORK:
            perms = self._network_perms(forum)
        else:
            perms = self._community_perms(forum)
        if forum_id in self.banned:  # a ForumBan: read, but no posting
            return set(perms - REPLY - START)
        return set(perms)

    def _network_perms(self, forum: ManagedForum) -> frozenset[str]:
        if forum.kind == Kind.CATEGORY or not self.is_network_member:
            return SEE
        if forum.kind == Kind.ANNOUNCEMENTS:
            return SEE | REPLY
        return SEE | REPLY | START

    def _community_perms(self, forum: ManagedForum) -> frozenset[str]:
        roles = self.roles.get(forum.community_id, set())
        public = forum.visibility == Visibility.PUBLIC or forum.kind == Kind.CATEGORY
        if "moderator" in roles:
            return EVERYTHING
        if not roles:
            return SEE if public else frozenset()
        if forum.kind == Kind.GENERAL:
            return SEE | REPLY | START
        return SEE | REPLY


def policy_for(user) -> Policy:
    """Load the rules' inputs for ``user``: managed forums, bans and current roles."""
    from cms.models import Membership

    signed_in = getattr(user, "is_authenticated", False) and user.is_active
    rows = CommunityForum.objects.values(
        "forum_id", "scope", "kind", "visibility", "hidden", "community_id"
    )
    if signed_in:  # the user's bans ride along in the same query
        rows = rows.annotate(banned=_active_ban(user))
    forums, banned = {}, set()
    for row in rows:
        forums[row["forum_id"]] = ManagedForum(
            row["scope"],
            row["kind"],
            row["visibility"],
            row["hidden"],
            row["community_id"],
        )
        if row.get("banned"):
            banned.add(row["forum_id"])
    if not signed_in:
        return Policy(is_staff=False, forums=forums)
    staff = is_network_staff(user)
    roles: dict[int, set[str]] = {}
    if not staff:
        for community_id, role in (
            Membership.objects.current()
            .filter(user=user)
            .values_list("community_id", "role")
        ):
            roles.setdefault(community_id, set()).add(role)
    return Policy(is_staff=staff, forums=forums, roles=roles, banned=frozenset(banned))


def _active_ban(user):
    """``Exists`` of a current ``ForumBan`` of ``user`` in the row's forum."""
    from django.db.models import Exists, OuterRef, Q
    from django.utils import timezone

    from forum.models import ForumBan

    return Exists(
        ForumBan.objects.filter(forum_id=OuterRef("forum_id"), user_id=user.pk).filter(
            Q(until__isnull=True) | Q(until__gt=timezone.now())
        )
    )


# --- Questions other apps ask (API, notifications, search) ------------------------


def handler_for(request=None):
    """The request's permission handler (cached per request), or a fresh one."""
    from machina.core.loading import get_class

    handler = getattr(request, "forum_permission_handler", None)
    if handler is None:
        handler = get_class("forum_permission.handler", "PermissionHandler")()
    return handler


def readable_forum_ids(user, request=None) -> set[int]:
    """Ids of the forums ``user`` may read (a hidden parent hides its children)."""
    from forum.models import Forum

    readable = handler_for(request).get_readable_forums(Forum.objects.all(), user)
    return set(readable.values_list("id", flat=True))


def can_read(user, forum, request=None) -> bool:
    return handler_for(request).can_read_forum(forum, user)


def can_start_topic(user, forum, request=None) -> bool:
    return handler_for(request).can_add_topic(forum, user)


def can_reply(user, topic, request=None) -> bool:
    return handler_for(request).can_add_post(topic, user)


def can_moderate(user, forum, request=None) -> bool:
    """Moderators of the forum's community and network staff."""
    return handler_for(request).can_approve_posts(forum, user)


def forum_audience(forum) -> list[str]:
    """Search audience tokens (``search.audience``) of a forum's posts.

    ``["public"]`` for a forum anyone reads, ``["member:<translation key>",
    "staff"]`` for a members-only community forum, ``["staff"]`` for a hidden
    area (network staff read both on the site too). Forums made by hand follow
    machina's permission rows.
    """
    from plugins.types import PUBLIC
    from search.audience import STAFF, member_token

    row = (
        CommunityForum.objects.select_related("community")
        .filter(forum_id=forum.pk)
        .first()
    )
    if row is None:
        return _unmanaged_audience(forum)
    parent_hidden = CommunityForum.objects.filter(
        forum__in=forum.get_ancestors(), hidden=True
    ).exists()
    if row.hidden or parent_hidden:
        return [STAFF]
    if row.scope == Scope.NETWORK or row.is_public or row.kind == Kind.CATEGORY:
        return [PUBLIC]
    if row.community is None:
        return [STAFF]
    return [member_token(row.community.translation_key), STAFF]


def _unmanaged_audience(forum) -> list[str]:
    from machina.apps.forum_permission.models import (
        GroupForumPermission,
        UserForumPermission,
    )

    from plugins.types import PUBLIC
    from search.audience import LOGIN, group_token, user_token

    reads = {"permission__codename": "can_read_forum", "has_perm": True}
    users = UserForumPermission.objects.filter(forum=forum, **reads)
    if users.filter(anonymous_user=True).exists():
        return [PUBLIC]
    if users.filter(authenticated_user=True).exists():
        return [LOGIN]
    user_ids = users.exclude(user=None).values_list("user_id", flat=True)
    tokens = [user_token(pk) for pk in user_ids]
    groups = GroupForumPermission.objects.filter(forum=forum, **reads)
    tokens += [group_token(pk) for pk in groups.values_list("group_id", flat=True)]
    return sorted(set(tokens))
