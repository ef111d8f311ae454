from machina.apps.forum_conversation.forum_attachments.apps import (
    ForumAttachmentsAppConfig,
)


class KehilotForumAttachmentsConfig(ForumAttachmentsAppConfig):
    """Machina's ``forum_attachments`` with our upload checks (``forms.py``)."""

    default = True  # machina's config is imported here too
    name = "forum.machina_apps.forum_conversation.forum_attachments"
    default_auto_field = "django.db.models.AutoField"
