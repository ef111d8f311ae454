"""Anonymous visitors get no session outside the forum (machina would give one
to every request), and do get one inside it."""

import pytest


@pytest.mark.django_db
def test_no_session_cookie_for_anonymous_pages_outside_the_forum(client, site):
    for url in ("/", "/search/?q=קהילה", "/api/v3/search/?q=x"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "sessionid" not in response.cookies, url


@pytest.mark.django_db
def test_the_forum_still_keys_anonymous_visitors(client, site):
    response = client.get("/forum/")
    assert response.status_code == 200
    assert client.session.get("_anonymous_forum_key")
