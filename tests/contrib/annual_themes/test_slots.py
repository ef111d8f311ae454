"""The banner and the community sidebar, in Hebrew and English, with switches."""

import pytest

from plugins.contrib.annual_themes.models import ThemePage
from plugins.testing import (
    plugin_switched_off,
    publish_page,
    render_plugin_slot,
    translate_page,
)

from .conftest import adaptation


@pytest.mark.django_db
def test_banner_in_both_languages_links_to_the_theme_page(plugin_site, theme):
    community = plugin_site.community("קהילה", english="Community")
    page = publish_page(
        plugin_site.home, ThemePage(title="נושא", slug="theme", theme=theme)
    )
    translate_page(page, "Theme")
    hebrew = render_plugin_slot("site_banner", community, label="annual_themes")
    assert "נושא השנה 2026" in hebrew
    assert "הפעלת נוער בחירום" in hebrew
    assert 'href="/' in hebrew and "#aa3300" in hebrew
    english_page = community.get_translations().get()
    english = render_plugin_slot("site_banner", english_page, label="annual_themes")
    assert "Theme of the year 2026" in english
    assert "Youth activation in emergencies" in english
    assert "/en/" in english


@pytest.mark.django_db
def test_no_banner_without_an_active_theme(plugin_site):
    community = plugin_site.community("קהילה")
    assert render_plugin_slot("site_banner", community, label="annual_themes") == ""


@pytest.mark.django_db
def test_sidebar_shows_the_community_adaptation(plugin_site, theme):
    community = plugin_site.community("קהילה")
    other = plugin_site.community("אחרת")
    adaptation(community, theme, title="נוער בחירום אצלנו")
    html = render_plugin_slot("community_sidebar", community, label="annual_themes")
    assert "ההתאמה המקומית שלנו" in html and "נוער בחירום אצלנו" in html
    html = render_plugin_slot("community_sidebar", other, label="annual_themes")
    assert "הפעלת נוער בחירום" in html and "נוער בחירום אצלנו" not in html


@pytest.mark.django_db
def test_switched_off_community_pages_show_no_banner(plugin_site, theme, client):
    community = plugin_site.community("קהילה")
    other = plugin_site.community("אחרת")
    with plugin_switched_off("annual_themes", community):
        html = client.get(community.url).content.decode()
        assert "annual-theme-banner" not in html
        assert "annual-theme-sidebar" not in html
        assert "annual-theme-banner" in client.get(other.url).content.decode()
    assert "annual-theme-banner" in client.get(community.url).content.decode()


@pytest.mark.django_db
def test_adaptation_page_is_404_where_switched_off(plugin_site, theme, client):
    community = plugin_site.community("קהילה")
    page = adaptation(community, theme)
    assert client.get(page.url).status_code == 200
    with plugin_switched_off("annual_themes", community):
        assert client.get(page.url).status_code == 404
