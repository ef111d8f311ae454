"""Machina's forum model (unchanged) and what Kehilot adds: who a forum belongs to.

``Forum`` stays machina's own (we replace machina's ``forum`` app, not its model).
``CommunityForum`` marks the forums Kehilot manages: a community's area (a category
and its forums) and the network-wide forums. Their permissions are rules in code
(``forum.permissions``), not rows in machina's permission tables.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.models import *  # noqa: F403  (registers machina's Forum)


class Scope(models.TextChoices):
    COMMUNITY = "community", _("Community")
    NETWORK = "network", _("Network")


class Kind(models.TextChoices):
    CATEGORY = "category", _("Category")
    GENERAL = "general", _("General discussion")
    ANNOUNCEMENTS = "announcements", _("Announcements")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Anyone can read")
    MEMBERS = "members", _("Members only")


class CommunityForum(models.Model):
    """One managed machina forum: its scope, kind, who reads it, and whether hidden.

    A community's rows point at its source-language page (``cms.membership.
    community_of``); its translations share the area. ``hidden`` is set while the
    community is unpublished or deleted: nothing is deleted, only network staff
    see it until it is published again.
    """

    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="kehilot"
    )
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    community = models.ForeignKey(
        "cms.CommunityPage",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_areas",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    visibility = models.CharField(
        _("who can read"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    hidden = models.BooleanField(_("hidden"), default=False)

    class Meta:
        verbose_name = _("managed forum")
        verbose_name_plural = _("managed forums")
        indexes = [models.Index(fields=["community", "kind"])]

    def __str__(self) -> str:
        return f"{self.forum.name} ({self.get_scope_display()}, {self.kind})"

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC
