"""The annual themes plugin: a network-wide theme a year, shown across the site."""

from django.utils.translation import gettext_lazy as _

from plugins.api import PluginConfig

LABEL = "annual_themes"


class AnnualThemesConfig(PluginConfig):
    """One theme a year for every community; rolled over by date (Celery beat)."""

    name = "plugins.contrib.annual_themes"
    label = LABEL
    verbose_name = _("Annual themes")
    version = "0.1.0"
    description = "A yearly network-wide theme: banner, linked content, adaptations."
    author = "Kehilot developers"
    requires_core = ">=0.1,<1.0"
    default_settings = {"time_zone": "Asia/Jerusalem"}

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save

        from . import banner_cache
        from .models import Theme, ThemeLink, ThemePage

        for model in (Theme, ThemePage):
            for signal in (post_save, post_delete):
                signal.connect(
                    banner_cache.clear, sender=model, dispatch_uid=f"{LABEL}-{model}"
                )
        for signal in (post_save, post_delete):
            signal.connect(
                reindex_tagged_page, sender=ThemeLink, dispatch_uid=f"{LABEL}-link"
            )


def reindex_tagged_page(sender, instance, **kwargs):
    """A tag changes the page's theme-year facet: the search re-reads it."""
    from plugins.api import request_search_reindex

    if instance.page_id:
        from wagtail.models import Page

        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            request_search_reindex(page)
