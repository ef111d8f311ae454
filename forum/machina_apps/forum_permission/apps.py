from machina.apps.forum_permission.apps import ForumPermissionAppConfig


class KehilotForumPermissionConfig(ForumPermissionAppConfig):
    """Machina's ``forum_permission`` with our checker (``checker.py``)."""

    default = True  # machina's config is imported here too
    name = "forum.machina_apps.forum_permission"
    default_auto_field = "django.db.models.AutoField"
