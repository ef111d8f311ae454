"""Supporting documents: extension, declared type, content signature and size.

A file must pass all three checks: an allowed extension, a declared content type
that matches it, and a first few bytes that match it too (so a renamed program
is refused). The size limit is the ``max_upload_mb`` plugin setting.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from plugins.api import plugin_settings

from .apps import LABEL
from .rules import Invalid

ZIP = (b"PK\x03\x04",)
#: extension -> (accepted declared content types, accepted leading bytes)
ALLOWED: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    ".pdf": (("application/pdf",), (b"%PDF-",)),
    ".png": (("image/png",), (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": (("image/jpeg",), (b"\xff\xd8\xff",)),
    ".jpeg": (("image/jpeg",), (b"\xff\xd8\xff",)),
    ".webp": (("image/webp",), (b"RIFF",)),
    ".docx": (
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        ZIP,
    ),
    ".odt": (("application/vnd.oasis.opendocument.text",), ZIP),
}
# Browsers and curl send this when they do not know the type; the signature decides.
GENERIC_TYPES = ("application/octet-stream", "")


def max_bytes() -> int:
    return int(float(plugin_settings(LABEL).get("max_upload_mb", 10)) * 1024 * 1024)


def max_documents() -> int:
    return int(plugin_settings(LABEL).get("max_documents", 10))


def validate_upload(upload: UploadedFile) -> str:
    """Return the content type to store, or raise ``Invalid`` naming the file."""
    name = PurePosixPath(upload.name or "").name
    extension = PurePosixPath(name).suffix.lower()
    if extension not in ALLOWED:
        raise Invalid(
            _("%(name)s: this kind of file is not accepted (PDF, images, DOCX, ODT).")
            % {"name": name},
            "files",
        )
    if not upload.size:
        raise Invalid(_("%(name)s is empty.") % {"name": name}, "files")
    limit = max_bytes()
    if upload.size > limit:
        raise Invalid(
            _("%(name)s is larger than %(size)s.")
            % {"name": name, "size": filesizeformat(limit)},
            "files",
        )
    types, signatures = ALLOWED[extension]
    declared = (upload.content_type or "").split(";")[0].strip().lower()
    if declared not in types and declared not in GENERIC_TYPES:
        raise Invalid(
            _("%(name)s: its type (%(type)s) does not match its name.")
            % {"name": name, "type": declared},
            "files",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise Invalid(
            _("%(name)s: its content does not match its name.") % {"name": name},
            "files",
        )
    return types[0]


def validate_uploads(uploads: list[UploadedFile], existing: int = 0) -> list[str]:
    """Validate every file before anything is written; return their types."""
    if existing + len(uploads) > max_documents():
        raise Invalid(
            _("A nomination has at most %(count)s documents.")
            % {"count": max_documents()},
            "files",
        )
    return [validate_upload(upload) for upload in uploads]
