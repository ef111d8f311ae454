"""The CMS domain app: page types, membership and per-community editor isolation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Kehilot CMS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Receivers are connected per sender (CommunityPage, Membership) only.
        from cms import signals

        signals.connect()
