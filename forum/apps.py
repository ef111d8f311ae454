from importlib import import_module

from django.utils.translation import gettext_lazy as _
from machina.apps.forum.apps import ForumAppConfig

# Machina predates DEFAULT_AUTO_FIELD: its tables have int ids. Its app configs
# must say so, or Django sees BigAutoField and wants migrations inside machina.
# This runs while app configs are created, before any model class exists.
MACHINA_APP_CONFIGS = (
    "machina.apps.forum_conversation.apps.ForumConversationAppConfig",
    "machina.apps.forum_conversation.forum_polls.apps.ForumPollsAppConfig",
    "machina.apps.forum_member.apps.ForumMemberAppConfig",
    "machina.apps.forum_tracking.apps.ForumTrackingAppConfig",
    "machina.apps.forum_moderation.apps.ForumModerationAppConfig",
    "machina.apps.forum_search.apps.ForumSearchAppConfig",
    "machina.apps.forum_feeds.apps.ForumFeedsAppConfig",
)


def _machina_int_ids() -> None:
    for path in MACHINA_APP_CONFIGS:
        module, name = path.rsplit(".", 1)
        getattr(
            import_module(module), name
        ).default_auto_field = "django.db.models.AutoField"


_machina_int_ids()


class ForumConfig(ForumAppConfig):
    """Machina's ``forum`` app, replaced by ours (same label).

    Machina's ``ready()`` (its own receivers) still runs; we add the community
    hooks: areas follow their community page (create, rename, hide, show).
    """

    default = True  # apps.py also imports machina's config
    name = "forum"
    label = "forum"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        super().ready()
        from forum import event_hooks, hooks, tracking
        from plugins.hookspecs import register_core_hooks

        hooks.connect()
        tracking.install()
        register_core_hooks("forum", event_hooks)
