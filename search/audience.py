"""Who may read what, as tokens the engines filter on.

A document carries the tokens of the readers it is for (``SearchDocument.audience``);
a reader holds ``tokens_for(user)``; a document is visible when the two share a
token. Network staff (superusers) get ``None``: no filter. Keeping this a set
intersection is what lets every engine apply it inside its own query, so that
totals, facets, snippets and autocomplete never count what the reader may not see.
"""

from __future__ import annotations

from typing import Any

from plugins.types import PUBLIC

LOGIN = "login"
#: Network staff who are not superusers (``cms.change_membership``): they read
#: members-only and hidden forum areas (``forum.permissions``).
STAFF = "staff"


def user_token(user_id: Any) -> str:
    return f"user:{user_id}"


def group_token(group_id: Any) -> str:
    return f"group:{group_id}"


def member_token(community_key: Any) -> str:
    """Members of a community (its translations share the key)."""
    return f"member:{community_key}"


def tokens_for(user: Any) -> frozenset[str] | None:
    """The reader's tokens; ``None`` for network staff, who read everything."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset({PUBLIC})
    if user.is_superuser:
        return None
    from cms.models import Membership

    tokens = {PUBLIC, LOGIN, user_token(user.pk)}
    tokens.update(group_token(pk) for pk in user.groups.values_list("pk", flat=True))
    keys = (
        Membership.objects.current()
        .filter(user=user)
        .values_list("community__translation_key", flat=True)
    )
    tokens.update(member_token(key) for key in keys)
    if user.has_perm("cms.change_membership"):
        tokens.add(STAFF)
    return frozenset(tokens)


def page_audience(page: Any) -> list[str]:
    """Tokens for a live page under Wagtail's view restrictions (its own and its
    ancestors'): all must pass, so group restrictions intersect, and a password
    restriction (which search cannot ask for) leaves the page to staff only."""
    from wagtail.models import PageViewRestriction

    restrictions = list(
        PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        ).prefetch_related("groups")
    )
    if not restrictions:
        return [PUBLIC]
    groups: set[int] | None = None
    for restriction in restrictions:
        kind = restriction.restriction_type
        if kind == PageViewRestriction.PASSWORD:
            return []
        if kind == PageViewRestriction.GROUPS:
            ids = {group.pk for group in restriction.groups.all()}
            groups = ids if groups is None else groups & ids
    if groups is None:
        return [LOGIN]
    return [group_token(pk) for pk in sorted(groups)]
