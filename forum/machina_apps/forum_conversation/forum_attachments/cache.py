from machina.apps.forum_conversation.forum_attachments.cache import *  # noqa: F403
from machina.apps.forum_conversation.forum_attachments.cache import cache  # noqa: F401
