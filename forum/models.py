"""Machina's forum model (unchanged) and what Kehilot adds: who a forum belongs to.

``Forum`` stays machina's own (we replace machina's ``forum`` app, not its model).
``CommunityForum`` marks the forums Kehilot manages: a community's area (a category
and its forums) and the network-wide forums. Their permissions are rules in code
(``forum.permissions``), not rows in machina's permission tables.
"""

from django.conf import settings
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


# --- Moderation: reports and bans (forum.reports) -------------------------------


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    ABUSE = "abuse", _("Abusive or offensive")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class PostReport(models.Model):
    """A member's report of a post, handled by the forum's moderators.

    One open report per (post, reporter); handling a report closes every open
    report of the same post (``forum.reports.resolve``).
    """

    post = models.ForeignKey(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    text = models.TextField(_("details"), blank=True, max_length=2000)
    created = models.DateTimeField(_("reported"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("post report")
        verbose_name_plural = _("post reports")
        ordering = ["created"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status="open"),
                name="forum_one_open_report_per_reporter",
            )
        ]
        indexes = [models.Index(fields=["status", "created"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: post {self.post_id}"


class ForumBan(models.Model):
    """A user may not post in a forum (until ``until``; for good when empty).

    ``forum.permissions`` removes the posting permissions of a banned user there;
    reading stays as before.
    """

    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_bans"
    )
    until = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum ban")
        verbose_name_plural = _("forum bans")
        constraints = [
            models.UniqueConstraint(fields=["forum", "user"], name="forum_one_ban")
        ]

    def __str__(self) -> str:
        return f"{self.user} / {self.forum}"


# --- Notifications (forum.notifications) ---------------------------------------


class ForumSubscription(models.Model):
    """A member follows every topic of a forum (machina has topic subscribers only)."""

    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_subscriptions",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "user"], name="forum_one_subscription"
            )
        ]


class NotificationReason(models.TextChoices):
    SUBSCRIPTION = "subscription", _("Subscription")
    MENTION = "mention", _("Mention")


class PendingNotification(models.Model):
    """A post waiting to go out in the next email to ``user`` about its topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "forum_conversation.Topic", on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=16, choices=NotificationReason.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"], name="forum_one_pending_per_post"
            )
        ]
        indexes = [models.Index(fields=["user", "topic"])]


class TopicNotificationState(models.Model):
    """When ``user`` was last emailed about ``topic`` (one email per window)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "forum_conversation.Topic", on_delete=models.CASCADE, related_name="+"
    )
    last_sent = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"], name="forum_one_state_per_topic"
            )
        ]
