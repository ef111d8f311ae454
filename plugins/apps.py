from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    name = "plugins"
    label = "plugins"
    verbose_name = _("Kehilot plugins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from plugins import activation
        from plugins.models import PluginActivation
        from plugins.registry import registry

        # Plugin apps come after core apps, so this runs before their ready(),
        # and before wagtail.snippets imports every app's wagtail_hooks.
        registry.load_reports()
        from plugins.admin_hooks import preload_admin_hooks

        preload_admin_hooks()

        def clear_cache(sender, **kwargs):
            # Now, and again on commit: a read later in the same transaction
            # may cache rows that a rollback then takes away.
            activation.clear()
            transaction.on_commit(activation.clear)

        post_save.connect(
            clear_cache, sender=PluginActivation, weak=False, dispatch_uid="plugins.a"
        )
        post_delete.connect(
            clear_cache, sender=PluginActivation, weak=False, dispatch_uid="plugins.d"
        )
