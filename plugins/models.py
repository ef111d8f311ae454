"""Network staff switch plugins on or off, for the whole network or one community."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PluginActivation(models.Model):
    """``community`` empty: the network-wide switch; set: that community's switch.

    No row means on. A community row overrides the network-wide one for that
    community (so staff may switch a plugin off everywhere but one community).
    """

    label = models.CharField(_("plugin"), max_length=100)
    community = models.ForeignKey(
        "cms.CommunityPage",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("plugin activation")
        verbose_name_plural = _("plugin activations")
        # Network staff get it (superusers have it implicitly): the admin screen.
        permissions = [("manage_plugins", "Can switch plugins on and off")]
        constraints = [
            models.UniqueConstraint(
                fields=["label"],
                condition=Q(community__isnull=True),
                name="plugin_activation_one_network_row",
            ),
            models.UniqueConstraint(
                fields=["label", "community"],
                name="plugin_activation_one_per_community",
            ),
        ]

    def save(self, *args, **kwargs):
        # One row per community whatever translation it was set through: always
        # store the source-language page (as memberships do).
        if self.community_id is not None:
            from cms.membership import community_of

            self.community = community_of(self.community)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        where = self.community or _("the whole network")
        return f"{self.label} · {where} · {'on' if self.enabled else 'off'}"
