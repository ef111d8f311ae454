"""Attachments: allowed type, matching content, size limit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from forum.attachments import validate_attachment

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.mark.parametrize(
    "name, content",
    [("photo.png", PNG), ("notes.txt", "שלום עולם".encode()), ("a.pdf", b"%PDF-1.7\n")],
)
def test_accepted(name, content):
    validate_attachment(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("evil.svg", b"<svg onload=alert(1)>", "type"),
        ("page.html", b"<script>alert(1)</script>", "type"),
        ("fake.png", b"<html><script>alert(1)</script>", "content"),
        ("fake.pdf", PNG, "content"),
        ("binary.txt", b"MZ\x00\x00\x90", "content"),
        ("noextension", b"hello", "type"),
        ("double.png.exe", PNG, "type"),
    ],
)
def test_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile(name, content))
    assert error.value.code == code


@override_settings(FORUM_ATTACHMENT_MAX_SIZE=10)
def test_too_large():
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("photo.png", PNG))
    assert error.value.code == "too_large"
