"""Only a path: machina finds our forum_attachments as
``forum_conversation.forum_attachments``."""
