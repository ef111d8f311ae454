"""/api/v3/plugins/annual-themes/: current theme, archive, one year, both languages."""

import pytest

from plugins.testing import switch_plugin

from .conftest import adaptation, community_news, link, make_theme

BASE = "/api/v3/plugins/annual-themes"


@pytest.mark.django_db
def test_current_theme_in_hebrew_and_english(client, theme):
    hebrew = client.get(f"{BASE}/current/?lang=he").json()
    assert hebrew["title"] == "הפעלת נוער בחירום"
    assert hebrew["language"] == "he"
    english = client.get(f"{BASE}/current/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["title"] == "Youth activation in emergencies"
    assert english["year"] == 2026


@pytest.mark.django_db
def test_no_current_theme_is_a_404_with_a_message(client):
    response = client.get(f"{BASE}/current/")
    assert response.status_code == 404
    assert response.json()["detail"] == "No theme is active."


@pytest.mark.django_db
def test_archive_lists_past_themes_newest_first(client):
    make_theme(2020)
    make_theme(2021)
    make_theme(2099)  # future: not archived
    years = [t["year"] for t in client.get(f"{BASE}/archive/?lang=en").json()]
    assert years == [2021, 2020]


@pytest.mark.django_db
def test_year_lists_linked_content_per_community(client, site, theme):
    community = site.community("קהילה בחיפה")
    quiet = site.community("קהילה שקטה")
    link(theme, community_news(site, community, "פעילות נוער"))
    link(theme, community_news(site, quiet, "לא יוצג"))
    adaptation(community, theme)
    switch_plugin("annual_themes", False, quiet)
    data = client.get(f"{BASE}/2026/?lang=en").json()
    assert data["title"] == "Youth activation in emergencies"
    assert data["total"] == 1
    (group,) = data["communities"]
    assert group["community_title"] == "קהילה בחיפה"
    assert group["count"] == 1
    assert group["items"][0]["title"] == "פעילות נוער"
    assert group["adaptations"][0]["url"].endswith("/")


@pytest.mark.django_db
def test_unknown_year_is_a_404_with_a_message(client):
    response = client.get(f"{BASE}/1999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No theme for the year 1999."}


@pytest.mark.django_db
def test_switched_off_network_wide_answers_404(client, theme):
    switch_plugin("annual_themes", False)
    assert client.get(f"{BASE}/current/").status_code == 404
