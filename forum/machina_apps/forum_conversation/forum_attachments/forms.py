"""Machina's attachment forms with Kehilot's checks on each uploaded file."""

from django import forms
from django.forms.models import modelformset_factory
from machina.apps.forum_conversation.forum_attachments.forms import (
    AttachmentForm as MachinaAttachmentForm,
)
from machina.apps.forum_conversation.forum_attachments.forms import (
    BaseAttachmentFormset,
)
from machina.conf import settings as machina_settings
from machina.core.db.models import get_model

from forum.attachments import validate_attachment

Attachment = get_model("forum_attachments", "Attachment")


class AttachmentForm(MachinaAttachmentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not getattr(upload, "_committed", False):  # a new upload
            validate_attachment(upload)
        return upload


AttachmentFormset = modelformset_factory(
    Attachment,
    AttachmentForm,
    formset=BaseAttachmentFormset,
    can_delete=True,
    extra=1,
    max_num=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
    validate_max=True,
)

__all__ = ["AttachmentForm", "AttachmentFormset", "BaseAttachmentFormset", "forms"]
