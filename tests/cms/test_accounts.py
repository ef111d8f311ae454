"""Sign-up with email verification, login, logout, password reset (allauth)."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

pytestmark = pytest.mark.django_db


def test_signup_requires_email_verification(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "noa@example.org",
            "username": "noa",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session  # not signed in before verifying
    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    client.post(path)
    response = client.post(
        "/en/accounts/login/",
        {
            "login": "noa",
            "password": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="noa").pk)
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link(client):
    user = User.objects.create_user("lior", "lior@example.org", "old-passphrase-1")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    response = client.post(
        "/en/accounts/password/reset/", {"email": "lior@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
