"""Membership rules: join requests, decisions, and keeping groups in step.

Views, the admin and tasks call these functions; none of them touches groups or
statuses directly, so the rules live in one place.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import CommunityPage, Membership, MembershipRole, MembershipStatus

GROUP_FOR_ROLE = {
    MembershipRole.EDITOR: "editors_group",
    MembershipRole.MODERATOR: "moderators_group",
}


@dataclass(frozen=True)
class MembershipState:
    """What the community page shows a signed-in visitor about their membership."""

    is_member: bool
    is_pending: bool
    can_moderate: bool
    roles: tuple[str, ...]


def community_of(page) -> CommunityPage:
    """Memberships always point at the source-language community page."""
    source = CommunityPage.objects.filter(translation_key=page.translation_key)
    return source.order_by("pk").first() or page


def membership_state(user, page) -> MembershipState:
    community = community_of(page)
    rows = list(Membership.objects.filter(user=user, community=community))
    current = [m for m in rows if m.is_current]
    return MembershipState(
        is_member=bool(current),
        is_pending=any(m.status == MembershipStatus.PENDING for m in rows),
        can_moderate=_is_staff(user)
        or any(m.role == MembershipRole.MODERATOR for m in current),
        roles=tuple(m.get_role_display() for m in current),
    )


def _is_staff(user) -> bool:
    return user.is_superuser or user.has_perm("cms.change_membership")


def can_moderate(user, page) -> bool:
    """Network staff, and current moderators of this community."""
    if not user.is_authenticated:
        return False
    if _is_staff(user):
        return True
    return (
        Membership.objects.current()
        .filter(user=user, community=community_of(page), role=MembershipRole.MODERATOR)
        .exists()
    )


def request_to_join(user, page, message: str = "") -> Membership:
    """Open a pending ``member`` request; refuse a duplicate with a clear message."""
    community = community_of(page)
    existing = Membership.objects.filter(
        user=user,
        community=community,
        role=MembershipRole.MEMBER,
        status__in=[MembershipStatus.PENDING, MembershipStatus.APPROVED],
    ).first()
    if existing is not None:
        if existing.status == MembershipStatus.PENDING:
            raise ValidationError(_("Your request to join is already waiting."))
        raise ValidationError(_("You are already a member of this community."))
    try:
        with transaction.atomic():
            return Membership.objects.create(
                user=user, community=community, message=message[:500]
            )
    except IntegrityError as error:  # a concurrent double click
        raise ValidationError(_("Your request to join is already waiting.")) from error


@transaction.atomic
def decide(membership: Membership, moderator, approve: bool) -> Membership:
    """Approve or refuse a pending request, as a moderator of its community."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not can_moderate(moderator, membership.community):
        raise PermissionDenied(_("Only this community's moderators can decide."))
    if membership.status != MembershipStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    membership.status = (
        MembershipStatus.APPROVED if approve else MembershipStatus.REFUSED
    )
    membership.decided_at = timezone.now()
    membership.decided_by = moderator
    if approve and membership.term_start > membership.decided_at:
        membership.term_start = membership.decided_at
    membership.save()
    return membership


def sync_groups(user, community: CommunityPage) -> None:
    """Put ``user`` in exactly the community groups their current roles give."""
    current_roles = set(
        Membership.objects.current()
        .filter(user=user, community=community)
        .values_list("role", flat=True)
    )
    for role, attribute in GROUP_FOR_ROLE.items():
        group = getattr(community, attribute)
        if group is None:
            continue
        if role in current_roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)


def end_expired_memberships(now=None) -> int:
    """Mark memberships whose term has passed as ended and drop their groups."""
    now = now or timezone.now()
    expired = list(
        Membership.objects.filter(
            status=MembershipStatus.APPROVED, term_end__lte=now
        ).select_related("user", "community")
    )
    for membership in expired:
        membership.status = MembershipStatus.ENDED
        membership.save(update_fields=["status"])
    return len(expired)
