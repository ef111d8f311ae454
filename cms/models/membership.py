"""Membership of a person in a community: a role, a term, and a join request flow."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    EDITOR = "editor", _("Editor")
    # Role-holder titles; the training and awards plugins read these.
    CENTER_DIRECTOR = "center_director", _("Center director")
    YOUTH_COORDINATOR = "youth_coordinator", _("Youth coordinator")
    VOLUNTEER_LEADER = "volunteer_leader", _("Volunteer leader")
    COMMUNITY_FOUNDER = "community_founder", _("Community founder")
    TREASURER = "treasurer", _("Treasurer")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    ENDED = "ended", _("Ended")


class MembershipQuerySet(models.QuerySet):
    def current(self, at=None):
        """Approved memberships whose term covers ``at`` (default: now)."""
        at = at or timezone.now()
        return self.filter(
            Q(term_end__isnull=True) | Q(term_end__gt=at),
            status=MembershipStatus.APPROVED,
            term_start__lte=at,
        )


class Membership(models.Model):
    """One role of one person in one community, for a term.

    A person may hold several roles in a community (member and treasurer); each is a
    row. Approved, current editor and moderator rows put the person in the
    community's groups (``cms.membership.sync_groups``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    community = models.ForeignKey(
        "cms.CommunityPage", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"),
        max_length=32,
        choices=MembershipRole.choices,
        default=MembershipRole.MEMBER,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    term_start = models.DateTimeField(_("term starts"), default=timezone.now)
    term_end = models.DateTimeField(_("term ends"), null=True, blank=True)
    message = models.CharField(
        _("message to the moderators"), max_length=500, blank=True
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["community__title", "user__username", "role"]
        constraints = [
            # One open request or approved row per person, community and role.
            models.UniqueConstraint(
                fields=["user", "community", "role"],
                condition=Q(status__in=["pending", "approved"]),
                name="membership_one_open_per_role",
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_end__gt=models.F("term_start")),
                name="membership_term_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["community", "status"])]

    #: Status and role as last read from or written to the database (``None`` for
    #: a new row): lets the save signal tell what changed without a query.
    stored_state: dict | None = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if {"status", "role"} <= set(field_names):  # never load a deferred field
            instance.remember_stored_state()
        return instance

    def remember_stored_state(self) -> None:
        self.stored_state = {"status": self.status, "role": self.role}

    def __str__(self) -> str:
        return f"{self.user} · {self.community} · {self.get_role_display()}"

    @property
    def is_current(self) -> bool:
        now = timezone.now()
        return (
            self.status == MembershipStatus.APPROVED
            and self.term_start <= now
            and (self.term_end is None or self.term_end > now)
        )
