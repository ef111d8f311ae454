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
                reindex_tagged_content, sender=ThemeLink, dispatch_uid=f"{LABEL}-link"
            )
        from .targets import available_kinds

        # Object links have no foreign key: drop them with their course or topic.
        for kind in available_kinds():
            post_delete.connect(
                drop_links_of_deleted,
                sender=kind.model,
                dispatch_uid=f"{LABEL}-drop-{kind.code}",
            )


def reindex_tagged_content(sender, instance, **kwargs):
    """A tag changes its target's theme-year facet: the search re-reads it."""
    from plugins.api import request_search_reindex

    target = None
    if instance.page_id:
        from wagtail.models import Page

        target = Page.objects.filter(pk=instance.page_id).first()
    elif instance.content_type_id and instance.object_id:
        from .targets import kind_for_content_type

        kind = kind_for_content_type(instance.content_type_id)
        target = kind.get(instance.object_id) if kind else None
    if target is not None:
        request_search_reindex(target)


def drop_links_of_deleted(sender, instance, **kwargs):
    """A tagged course or topic was deleted: its theme links go with it."""
    from django.contrib.contenttypes.models import ContentType

    from .models import ThemeLink

    ThemeLink.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()
