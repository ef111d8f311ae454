"""The Wagtail admin speaks Hebrew (right to left) or English, per editor."""

import pytest
from django.contrib.auth.models import User
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language,direction,word",
    [("he", "rtl", "לוח"), ("en", "ltr", "Dashboard")],
)
def test_admin_in_editor_language(client, language, direction, word):
    user = User.objects.create_superuser("root", "root@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html and f'dir="{direction}"' in html
    assert word in html


def test_admin_login_goes_through_rate_limited_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "next=/admin/" in response["Location"]


def test_failed_logins_are_rate_limited(client, db):
    User.objects.create_user("dana", "dana@example.org", "right-password")
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": "dana", "password": "no"}
        )
        assert response.status_code == 200
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post("/en/accounts/login/", {"login": "dana", "password": "no"})
    assert "Too many failed login attempts" in response.content.decode()
    # Even the right password is refused while the limit holds.
    client.post("/en/accounts/login/", {"login": "dana", "password": "right-password"})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "url", ["/_util/login/", "/en/_util/login/", "/django-admin/login/"]
)
def test_every_login_form_is_allauth(client, db, url):
    response = client.post(url, {"username": "x", "password": "y"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
