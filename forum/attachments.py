"""Which files members may attach to posts: by extension, content and size.

``validate_attachment(upload)`` raises ``ValidationError``; machina's attachment
form calls it (``forum/machina_apps/forum_attachments/forms.py``) and the forum
API should call it too. The extension must be allowed *and* the first bytes must
match it, so a renamed HTML or SVG file is refused whatever its name says.
Limits: ``FORUM_ATTACHMENT_MAX_SIZE`` and ``FORUM_ATTACHMENT_EXTENSIONS``.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Leading bytes of each allowed type. Text has no signature: it must be UTF-8.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "txt": "text/plain",
}


def allowed_extensions() -> list[str]:
    return [e.lower() for e in settings.FORUM_ATTACHMENT_EXTENSIONS]


def validate_attachment(upload) -> None:
    """Refuse a file that is too large, of a type not allowed, or not what it says."""
    limit = settings.FORUM_ATTACHMENT_MAX_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (at most %(limit)s).")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in allowed_extensions():
        raise ValidationError(
            _("Files of this type cannot be attached. Allowed: %(types)s.")
            % {"types": ", ".join(allowed_extensions())},
            code="type",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not _content_matches(extension, head):
        raise ValidationError(
            _("The file's content does not match its type."), code="content"
        )


def _content_matches(extension: str, head: bytes) -> bool:
    if extension == "txt":
        # Served as text/plain with nosniff; refuse binaries posing as text.
        return b"\x00" not in head and _is_utf8(head)
    if extension == "webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return head.startswith(SIGNATURES.get(extension, (b"\x00invalid",)))


def _is_utf8(head: bytes) -> bool:
    for cut in range(4):  # the 2048-byte sample may end inside a character
        try:
            head[: len(head) - cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False
